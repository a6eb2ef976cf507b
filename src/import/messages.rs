//! The words of `tkpk impor`, in Indonesian and English.

use crate::base::lang::{Lang, en_count};
use crate::base::messages::{Words, list};

/// Where in a table a problem is: its sheet (workbooks only), 1-based row and column.
#[derive(Clone, Debug, PartialEq)]
pub struct TablePlace {
    pub sheet: Option<String>,
    pub row: usize,
    pub column: usize,
}

impl TablePlace {
    /// `lembar "Matriks", baris 7, kolom C` / `sheet "Matriks", row 7, column C`.
    pub fn text(&self, lang: Lang) -> String {
        let letter = crate::base::format::column_letter(self.column);
        let (sheet, row, column) = match lang {
            Lang::Id => ("lembar", "baris", "kolom"),
            Lang::En => ("sheet", "row", "column"),
        };
        match &self.sheet {
            Some(name) => format!("{sheet} \"{name}\", {row} {}, {column} {letter}", self.row),
            None => format!("{row} {}, {column} {letter}", self.row),
        }
    }
}

/// What a matrix cell should have held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// Rupiah or a count.
    Number,
    /// 1, 2 or 3 (or its words).
    Strategy,
    /// langsung, tidak langsung or penunjang.
    Tagging,
    /// Any text (the cell is empty).
    Text,
    /// Official travel: a number not above the row's allocation, which includes it.
    AtMostAllocation,
    /// Basic-service indicators, by key or name (`masalah`).
    BasicServices,
}

impl Expected {
    fn text(&self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::Number, Lang::Id) => "angka (misalnya 350.000.000)",
            (Expected::Number, Lang::En) => "a number (for example 350.000.000)",
            (Expected::Strategy, Lang::Id) => "strategi 1, 2 atau 3",
            (Expected::Strategy, Lang::En) => "strategy 1, 2 or 3",
            (Expected::Tagging, Lang::Id) => "`langsung`, `tidak langsung` atau `penunjang`",
            (Expected::Tagging, Lang::En) => "`langsung`, `tidak langsung` or `penunjang`",
            (Expected::Text, Lang::Id) => "isian",
            (Expected::Text, Lang::En) => "an entry",
            (Expected::AtMostAllocation, Lang::Id) => "angka yang tidak melebihi alokasinya",
            (Expected::AtMostAllocation, Lang::En) => "a number not above its allocation",
            (Expected::BasicServices, Lang::Id) => {
                "kunci atau nama indikator layanan dasar (misalnya `air_minum_layak` atau \"Rumah tangga dengan akses air minum layak\"), dipisah `;`"
            }
            (Expected::BasicServices, Lang::En) => {
                "keys or names of basic-service indicators (for example `air_minum_layak` or \"Households with access to improved drinking water\"), separated by `;`"
            }
        }
    }
}

/// One message of `tkpk impor`.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportMessage {
    TableFileUnreadable {
        detail: crate::base::messages::IoProblem,
    },
    TableIsText {
        extension: String,
        html: bool,
    },
    HintTableIsText {
        extension: String,
        html: bool,
    },
    ComparisonsUnwritable,
    TableUnreadable {
        detail: String,
    },
    TableUnsupported {
        extension: String,
    },
    TableTooLarge {
        size: u64,
        limit: u64,
    },
    NoYearHeader,
    IndicatorNotRecognised,
    NotANumber {
        place: TablePlace,
        text: String,
    },
    AmbiguousName {
        place: TablePlace,
        name: String,
        candidates: Vec<String>,
    },
    UnknownRegion {
        slug: String,
    },
    YearNotInTable {
        year: i32,
    },
    EditLayout {
        line: usize,
    },
    EditBrokeFile,
    SiteBrokenByImport,
    /// A row whose region is not in the site, close to one that is.
    RowNotInSite {
        name: String,
        row: usize,
    },
    /// The rows left out, by name.
    SkippedNames {
        names: Vec<String>,
    },
    /// `--wilayah X` and no row of X in the table.
    RegionNotInTable {
        slug: String,
    },
    TargetReadOnly {
        path: String,
    },
    HintTargetReadOnly,
    /// The hint of a figure the site would refuse, said at its table cell: where the figure
    /// would have gone, and the checker's own hint (in both languages) when it gave one.
    HintFromTable {
        place: TablePlace,
        file: String,
        year: i32,
        key: String,
        /// The comparison region (`pembanding:`) the figure would go to.
        comparison: Option<String>,
        hint: Option<(String, String)>,
    },
    /// A figure in the file differs from the table's.
    Conflict {
        file: String,
        year: i32,
        key: String,
        existing: f64,
        table: f64,
        row: usize,
    },
    Overwritten {
        file: String,
        year: i32,
        key: String,
        existing: f64,
        table: f64,
        row: usize,
    },
    IllustrativeReplaced {
        file: String,
        year: i32,
        key: String,
        illustrative: f64,
        table: f64,
        row: usize,
    },
    MatrixNeedsRegionAndYear,
    MatrixMissingColumn {
        place: TablePlace,
        column: String,
    },
    MatrixBadCell {
        place: TablePlace,
        field: String,
        expected: Expected,
        found: String,
    },
    MatrixNoRows,
    ProgramExists {
        path: String,
    },
    HintIndicatorFlag {
        known: Vec<String>,
    },
    HintNumberCell,
    HintFullName,
    HintYearHeader,
    HintEditLayout,
    HintMatrixFlags,
    HintMatrixColumns,
    HintMatrixTaggingColumn,
    HintSkipBadRows,
    HintOverwriteProgram,
    HintTableType,
    SummaryFigures {
        added: usize,
        unchanged: usize,
        conflicting: usize,
        overwritten: usize,
        replaced_illustrative: usize,
        to_comparisons: (usize, usize),
        skipped_rows: usize,
        seconds: String,
        dry_run: bool,
    },
    SummaryProgram {
        rows: usize,
        skipped_rows: usize,
        path: String,
        seconds: String,
        dry_run: bool,
    },
    SummaryFailed {
        errors: usize,
    },
}

/// A figure as the user reads it: `7,57` in Indonesian, `7.57` in English.
fn figure(value: f64, lang: Lang) -> String {
    let text = crate::base::format::plain(value);
    match lang {
        Lang::Id => text.replace('.', ","),
        Lang::En => text,
    }
}

/// The head of an import's summary line: done, or checked with nothing written.
fn done(dry_run: bool, id: bool) -> &'static str {
    match (dry_run, id) {
        (true, true) => "pemeriksaan impor selesai, tidak ada yang ditulis",
        (false, true) => "impor selesai",
        (true, false) => "import check done, nothing written",
        (false, false) => "import done",
    }
}

impl ImportMessage {
    /// A table figure that differs from the file's: overwritten (`--timpa`) or a conflict.
    pub fn differing(
        overwritten: bool,
        file: String,
        (year, key): (i32, String),
        (existing, table): (f64, f64),
        row: usize,
    ) -> ImportMessage {
        if overwritten {
            ImportMessage::Overwritten {
                file,
                year,
                key,
                existing,
                table,
                row,
            }
        } else {
            ImportMessage::Conflict {
                file,
                year,
                key,
                existing,
                table,
                row,
            }
        }
    }
}

impl Words for ImportMessage {
    fn text(&self, lang: Lang) -> String {
        use ImportMessage::*;
        let id = lang == Lang::Id;
        let t = |a: String, b: String| if id { a } else { b };
        match self {
            TableFileUnreadable { detail } => t(
                format!("tabel tidak dapat dibaca: {}", detail.text(Lang::Id)),
                format!("cannot read the table: {}", detail.text(Lang::En)),
            ),
            TableIsText { extension, html: false } => t(
                format!("berkas ini bernama `.{extension}` tetapi isinya teks (CSV), bukan buku kerja Excel"),
                format!("this file is named `.{extension}` but holds text (CSV), not an Excel workbook"),
            ),
            TableIsText { extension, html: true } => t(
                format!("berkas ini bernama `.{extension}` tetapi isinya halaman web (HTML) atau XML, bukan buku kerja Excel"),
                format!("this file is named `.{extension}` but holds a web page (HTML) or XML, not an Excel workbook"),
            ),
            HintTableIsText { extension, html: false } => t(
                format!("ganti akhiran namanya dari `.{extension}` menjadi `.csv`, atau buka di Excel lalu Simpan Sebagai → Excel Workbook (.xlsx), dan impor berkas itu"),
                format!("rename it from `.{extension}` to `.csv`, or open it in Excel and Save As → Excel Workbook (.xlsx), then import that file"),
            ),
            HintTableIsText { html: true, .. } => t(
                "buka di Excel lalu Simpan Sebagai → Excel Workbook (.xlsx), dan impor berkas itu".into(),
                "open it in Excel and Save As → Excel Workbook (.xlsx), then import that file".into(),
            ),
            ComparisonsUnwritable => t(
                "daftar `pembanding:` berkas ini memuat sesuatu yang tidak dapat ditulis ulang oleh impor (tahun atau angka yang bukan angka)".into(),
                "this file's `pembanding:` list holds something the import cannot write back (a year or figure that is not a number)".into(),
            ),
            TableUnreadable { detail } => t(
                format!("tabel tidak dapat dibaca: {detail}"),
                format!("cannot read the table: {detail}"),
            ),
            TableUnsupported { extension } => t(
                format!("berkas `.{extension}` bukan tabel yang dapat dibaca tkpk"),
                format!("a `.{extension}` file is not a table tkpk can read"),
            ),
            TableTooLarge { size, limit } => t(
                format!("tabel terlalu besar: {size} bita, batasnya {limit} bita"),
                format!("the table is too large: {size} bytes, the limit is {limit} bytes"),
            ),
            NoYearHeader => t(
                "tidak ada baris judul kolom berisi tahun (misalnya 2024 dan 2025) di tabel ini".into(),
                "the table has no header row with years (such as 2024 and 2025)".into(),
            ),
            IndicatorNotRecognised => t(
                "jenis angka dalam tabel ini tidak dikenali dari judulnya".into(),
                "the kind of figure in this table cannot be told from its title".into(),
            ),
            NotANumber { place, text } => t(
                format!("{}: `{text}` bukan angka", place.text(lang)),
                format!("{}: `{text}` is not a number", place.text(lang)),
            ),
            AmbiguousName { place, name, candidates } => t(
                format!(
                    "{}: nama `{name}` dapat berarti lebih dari satu wilayah di situs ini: {}",
                    place.text(lang),
                    list(candidates)
                ),
                format!(
                    "{}: the name `{name}` can mean more than one region of this site: {}",
                    place.text(lang),
                    list(candidates)
                ),
            ),
            UnknownRegion { slug } => t(
                format!("wilayah `{slug}` tidak ada di folder `content/`"),
                format!("the region `{slug}` is not in the `content/` folder"),
            ),
            YearNotInTable { year } => t(
                format!("tabel ini tidak memuat kolom tahun {year}"),
                format!("this table has no column for {year}"),
            ),
            EditLayout { line } => t(
                format!("susunan berkas pada baris {line} tidak dapat ditambah otomatis; tidak ada yang ditulis"),
                format!("the layout of the file at line {line} cannot be added to automatically; nothing was written"),
            ),
            EditBrokeFile => t(
                "setelah ditambah, berkas ini tidak terbaca sama seperti sebelumnya; berkas dikembalikan seperti semula".into(),
                "after the additions this file no longer reads as before; it was restored as it was".into(),
            ),
            SiteBrokenByImport => t(
                "angka yang diimpor akan membuat situs bergalat (lihat pesan lainnya); tidak ada berkas yang ditulis".into(),
                "the imported figures would make the site fail (see the other messages); no file was written".into(),
            ),
            RowNotInSite { name, row } => t(
                format!("baris {row}, \"{name}\", tidak cocok dengan wilayah mana pun di situs dan dilewati"),
                format!("row {row}, \"{name}\", matches no region of the site and is skipped"),
            ),
            SkippedNames { names } => {
                let shown: Vec<&str> = names.iter().take(20).map(String::as_str).collect();
                let more = names.len().saturating_sub(20);
                t(
                    format!(
                        "dilewati (tidak ada di situs): {}{}",
                        shown.join(", "),
                        if more > 0 { format!(", dan {more} lainnya") } else { String::new() }
                    ),
                    format!(
                        "skipped (not in the site): {}{}",
                        shown.join(", "),
                        if more > 0 { format!(", and {more} more") } else { String::new() }
                    ),
                )
            }
            RegionNotInTable { slug } => t(
                format!("tabel tidak memuat baris untuk wilayah `{slug}`; tidak ada yang diimpor"),
                format!("the table has no row for the region `{slug}`; nothing was imported"),
            ),
            TargetReadOnly { path } => t(
                format!("berkas `{path}` hanya-baca; tkpk tidak mengubahnya"),
                format!("the file `{path}` is read-only; tkpk does not change it"),
            ),
            HintFromTable { place, file, year, key, comparison, hint } => {
                let (for_id, for_en) = comparison
                    .as_ref()
                    .map(|c| (format!(" untuk {c}"), format!(" for {c}")))
                    .unwrap_or_default();
                let (then_id, then_en) = hint
                    .as_ref()
                    .map(|(i, e)| (format!("; {i}"), format!("; {e}")))
                    .unwrap_or_default();
                t(
                    format!(
                        "angka di {} akan ditulis ke {file} sebagai `{key}` tahun {year}{for_id}; perbaiki di tabel, lalu impor lagi{then_id}",
                        place.text(Lang::Id)
                    ),
                    format!(
                        "the figure at {} would be written to {file} as `{key}` for {year}{for_en}; correct it in the table, then import again{then_en}",
                        place.text(Lang::En)
                    ),
                )
            }
            HintTargetReadOnly => t(
                "buka izin tulisnya bila berkas itu memang boleh diubah (Windows: Properties, hapus centang Read-only), lalu jalankan lagi".into(),
                "allow writing to it if it may be changed (Windows: Properties, untick Read-only), then run again".into(),
            ),
            Conflict { file, year, key, existing, table, row } => t(
                format!(
                    "bertentangan: {file}, tahun {year}, `{key}`: tertulis {}, di tabel {} (baris {row})",
                    figure(*existing, lang),
                    figure(*table, lang)
                ),
                format!(
                    "conflict: {file}, year {year}, `{key}`: the file has {}, the table {} (row {row})",
                    figure(*existing, lang),
                    figure(*table, lang)
                ),
            ),
            IllustrativeReplaced { file, year, key, illustrative, table, row } => t(
                format!(
                    "angka ilustrasi diganti: {file}, tahun {year}, `{key}`: {} (ilustrasi) menjadi {} (baris {row})",
                    figure(*illustrative, lang),
                    figure(*table, lang)
                ),
                format!(
                    "illustrative figure replaced: {file}, year {year}, `{key}`: {} (illustrative) became {} (row {row})",
                    figure(*illustrative, lang),
                    figure(*table, lang)
                ),
            ),
            Overwritten { file, year, key, existing, table, row } => t(
                format!(
                    "ditimpa: {file}, tahun {year}, `{key}`: {} menjadi {} (baris {row})",
                    figure(*existing, lang),
                    figure(*table, lang)
                ),
                format!(
                    "overwritten: {file}, year {year}, `{key}`: {} became {} (row {row})",
                    figure(*existing, lang),
                    figure(*table, lang)
                ),
            ),
            MatrixNeedsRegionAndYear => t(
                "matriks program perlu wilayah dan tahunnya".into(),
                "a program matrix needs its region and year".into(),
            ),
            MatrixMissingColumn { place, column } => t(
                format!("{}: kolom `{column}` tidak ditemukan di baris judul matriks", place.text(lang)),
                format!("{}: the column `{column}` is not in the matrix header", place.text(lang)),
            ),
            MatrixBadCell { place, field, expected, found } if found.is_empty() => t(
                format!("{}: `{field}` kosong; seharusnya {}", place.text(lang), expected.text(lang)),
                format!("{}: `{field}` is empty; expected {}", place.text(lang), expected.text(lang)),
            ),
            MatrixBadCell { place, field, expected, found } => t(
                format!(
                    "{}: `{field}` seharusnya {}, tertulis `{found}`",
                    place.text(lang),
                    expected.text(lang)
                ),
                format!(
                    "{}: `{field}` should be {}, found `{found}`",
                    place.text(lang),
                    expected.text(lang)
                ),
            ),
            MatrixNoRows => t(
                "matriks ini tidak memuat satu baris program pun".into(),
                "this matrix holds no program row".into(),
            ),
            ProgramExists { path } => t(
                format!("`{path}` sudah ada; tidak ditimpa"),
                format!("`{path}` exists already; it was not overwritten"),
            ),
            HintIndicatorFlag { known } => t(
                format!("sebutkan indikatornya dengan `--indikator`, salah satu dari: {}", list(known)),
                format!("name the indicator with `--indikator`, one of: {}", list(known)),
            ),
            HintNumberCell => t(
                "tulis angka seperti 7,57 atau 441.448; sel tanpa angka dibiarkan kosong atau diisi - atau …".into(),
                "write a number such as 7,57 or 441.448; leave a cell without a figure empty, or write - or …".into(),
            ),
            HintFullName => t(
                "tulis nama lengkapnya di tabel (`Kabupaten …` atau `Kota …`) atau kode BPS-nya (misalnya `3505`)".into(),
                "write the full name in the table (`Kabupaten …` or `Kota …`) or its BPS code (for example `3505`)".into(),
            ),
            HintYearHeader => t(
                "tabel BPS memuat nama wilayah di kolom pertama dan tahun di baris judul kolom (misalnya `Kabupaten/Kota;2024;2025`); tambahkan baris itu bila tidak ada".into(),
                "a BPS table has region names in the first column and years in its header row (such as `Kabupaten/Kota;2024;2025`); add that row if it is missing".into(),
            ),
            HintEditLayout => t(
                "tulis angka setiap tahun seperti `  2025: {p0: 7.57}` di bawah `data:`, lalu jalankan impor lagi".into(),
                "write each year's figures as `  2025: {p0: 7.57}` under `data:`, then run the import again".into(),
            ),
            HintMatrixFlags => t(
                "misalnya `tkpk impor matriks.xlsx --wilayah kabupaten-blora --tahun 2025`".into(),
                "for example `tkpk impor matrix.xlsx --wilayah kabupaten-blora --tahun 2025`".into(),
            ),
            HintMatrixColumns => t(
                "baris judul matriks wajib memuat strategi, perangkat daerah, sub kegiatan, tagging dan alokasi; kode, program, kegiatan, sumber pembiayaan dan kolom lain boleh ada (lihat README)".into(),
                "the matrix header must hold strategi, perangkat daerah, sub kegiatan, tagging and alokasi; kode, program, kegiatan, sumber pembiayaan and other columns may follow (see the README)".into(),
            ),
            HintMatrixTaggingColumn => t(
                "tambahkan kolom `Tagging` berisi `langsung`, `tidak langsung` atau `penunjang` untuk setiap sub kegiatan; skor belanja bertanda pada penilaian kinerja menimbang alokasi menurut tagging itu".into(),
                "add a `Tagging` column holding `langsung`, `tidak langsung` or `penunjang` for each sub-kegiatan; the evaluation's tagged-spending score weighs each allocation by it".into(),
            ),
            HintSkipBadRows => t(
                "perbaiki sel itu di lembar kerja, atau jalankan lagi dengan `--lewati-baris-rusak` untuk mengimpor baris lainnya saja".into(),
                "fix that cell in the workbook, or run again with `--lewati-baris-rusak` to import the other rows only".into(),
            ),
            HintOverwriteProgram => t(
                "jalankan lagi dengan `--timpa` untuk mengganti daftar `program:` (sumber dan komentar di atasnya tetap)".into(),
                "run again with `--timpa` to replace the `program:` list (the source and comments above it stay)".into(),
            ),
            HintTableType => t(
                "simpan tabelnya sebagai `.xlsx` atau `.csv`".into(),
                "save the table as `.xlsx` or `.csv`".into(),
            ),
            SummaryFigures {
                added,
                unchanged,
                conflicting,
                overwritten,
                replaced_illustrative,
                to_comparisons,
                skipped_rows,
                seconds,
                dry_run,
            } => {
                // Added or overwritten: said after both counts, as one more clause.
                let compared = match (id, *to_comparisons) {
                    (_, (0, 0)) => String::new(),
                    (true, (a, 0)) => format!(", serta {a} ditambahkan ke daftar pembanding provinsi"),
                    (true, (a, o)) => format!(", serta {a} ditambahkan dan {o} ditimpa di daftar pembanding provinsi"),
                    (false, (a, 0)) => format!(", and {a} added to the province's comparison list"),
                    (false, (a, o)) => format!(", and {a} added and {o} overwritten in the province's comparison list"),
                };
                let over = match (id, *replaced_illustrative, *dry_run) {
                    (_, 0, _) => String::new(),
                    (true, n, false) => format!(", {n} angka ilustrasi diganti"),
                    (true, n, true) => format!(", {n} angka ilustrasi akan diganti"),
                    (false, n, false) => format!(", {} replaced", en_count(n, "illustrative figure", "illustrative figures")),
                    (false, n, true) => format!(", {} to replace", en_count(n, "illustrative figure", "illustrative figures")),
                } + &match (id, *overwritten) {
                    (_, 0) => String::new(),
                    (true, n) => format!(", {n} ditimpa"),
                    (false, n) => format!(", {n} overwritten"),
                };
                let conflicts = match (id, *conflicting) {
                    (_, 0) => String::new(),
                    (true, n) => format!(", {n} bertentangan (tidak ditimpa; pakai --timpa)"),
                    (false, n) => format!(", {n} conflicting (not overwritten; use --timpa)"),
                };
                t(
                    format!(
                        "{}: {added} angka {}, {unchanged} sama{conflicts}{over}{compared}, {skipped_rows} baris dilewati (wilayah tidak ada di situs) dalam {seconds} detik",
                        done(*dry_run, true),
                        if *dry_run { "akan ditambahkan" } else { "ditambahkan" },
                    ),
                    format!(
                        "{}: {} {}, {unchanged} unchanged{conflicts}{over}{compared}, {} skipped (region not in this site) in {seconds} s",
                        done(*dry_run, false),
                        en_count(*added, "figure", "figures"),
                        if *dry_run { "to add" } else { "added" },
                        en_count(*skipped_rows, "row", "rows"),
                    ),
                )
            }
            SummaryProgram { rows, skipped_rows, path, seconds, dry_run } => {
                let skipped = match (id, *skipped_rows) {
                    (_, 0) => String::new(),
                    (true, n) => format!(", {n} baris rusak dilewati"),
                    (false, n) => format!(", {} skipped", en_count(n, "broken row", "broken rows")),
                };
                t(
                    format!(
                        "{}: {rows} baris program {} {path}{skipped} dalam {seconds} detik",
                        done(*dry_run, true),
                        if *dry_run { "akan ditulis ke" } else { "ditulis ke" },
                    ),
                    format!(
                        "{}: {} {} {path}{skipped} in {seconds} s",
                        done(*dry_run, false),
                        en_count(*rows, "programme row", "programme rows"),
                        if *dry_run { "to write to" } else { "written to" },
                    ),
                )
            }
            SummaryFailed { errors } => t(
                format!("impor gagal: {errors} galat; tidak ada berkas yang diubah"),
                format!("import failed: {}; no file was changed", en_count(*errors, "error", "errors")),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_name_row_and_column_letter() {
        let p = TablePlace {
            sheet: None,
            row: 7,
            column: 3,
        };
        assert_eq!(p.text(Lang::Id), "baris 7, kolom C");
        let p = TablePlace {
            sheet: Some("Matriks".into()),
            row: 12,
            column: 28,
        };
        assert_eq!(p.text(Lang::Id), "lembar \"Matriks\", baris 12, kolom AB");
        assert_eq!(p.text(Lang::En), "sheet \"Matriks\", row 12, column AB");
    }

    #[test]
    fn the_summary_reads_as_the_issue_asks() {
        let m = ImportMessage::SummaryFigures {
            added: 12,
            unchanged: 3,
            conflicting: 1,
            overwritten: 0,
            replaced_illustrative: 0,
            to_comparisons: (0, 0),
            skipped_rows: 2,
            seconds: "0,02".into(),
            dry_run: false,
        };
        assert_eq!(
            m.text(Lang::Id),
            "impor selesai: 12 angka ditambahkan, 3 sama, 1 bertentangan (tidak ditimpa; pakai --timpa), 2 baris dilewati (wilayah tidak ada di situs) dalam 0,02 detik"
        );
        assert!(
            m.text(Lang::En)
                .starts_with("import done: 12 figures added")
        );
    }
}
