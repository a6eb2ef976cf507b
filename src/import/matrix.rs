//! Program matrices that agencies (OPD) fill in Excel, the RAT matrix and the semester-report
//! matrix, read into `content/<slug>/<year>/program.yaml`.

use super::{Options, Outcome, msg, table_location};
use crate::content::RawSite;
use crate::diagnostics::Diagnostic;
use crate::import::bps::normalise;
use crate::import::numbers::{self, LoneDot};
use crate::import::program_file::{new_file, replace_program};
use crate::import::table::{Cell, Sheet};
use crate::messages::import::{Expected, ImportMessage, TablePlace};
use std::path::Path;

/// A column of the matrix and what it is called in its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Strategi,
    Opd,
    Kode,
    Program,
    Kegiatan,
    SubKegiatan,
    Tagging,
    Alokasi,
    SumberDana,
    SifatBantuan,
    Lokasi,
    Sasaran,
    BesaranManfaat,
    JenisBantuan,
    Durasi,
    RealisasiSemester1,
    RealisasiSemester2,
    PerjalananDinas,
}

/// Header words (normalised: lowercase, punctuation as spaces) for each field.
const NAMES: &[(Field, &[&str])] = &[
    (
        Field::Strategi,
        &["strategi", "strategi penanggulangan kemiskinan"],
    ),
    (
        Field::Opd,
        &[
            "perangkat daerah",
            "opd",
            "skpd",
            "pd",
            "nama perangkat daerah",
            "nama opd",
        ],
    ),
    (
        Field::Kode,
        &[
            "kode",
            "kode sub kegiatan",
            "kode rekening",
            "kode subkegiatan",
        ],
    ),
    (Field::Program, &["program", "nama program"]),
    (Field::Kegiatan, &["kegiatan", "nama kegiatan"]),
    (
        Field::SubKegiatan,
        &["sub kegiatan", "subkegiatan", "nama sub kegiatan"],
    ),
    (
        Field::Tagging,
        &["tagging", "tagging kemiskinan", "tagging sub kegiatan"],
    ),
    (
        Field::Alokasi,
        &[
            "alokasi",
            "alokasi anggaran",
            "anggaran",
            "pagu",
            "pagu anggaran",
        ],
    ),
    (
        Field::SumberDana,
        &["sumber pembiayaan", "sumber dana", "sumber anggaran"],
    ),
    (Field::SifatBantuan, &["sifat bantuan"]),
    (Field::Lokasi, &["lokasi", "lokasi sasaran"]),
    (
        Field::Sasaran,
        &["jumlah sasaran", "sasaran", "target sasaran"],
    ),
    (Field::BesaranManfaat, &["besaran manfaat"]),
    (Field::JenisBantuan, &["jenis bantuan"]),
    (Field::Durasi, &["durasi", "durasi pemberian"]),
    (
        Field::RealisasiSemester1,
        &[
            "realisasi semester i",
            "realisasi semester 1",
            "semester i",
            "semester 1",
            "realisasi sem i",
        ],
    ),
    (
        Field::RealisasiSemester2,
        &[
            "realisasi semester ii",
            "realisasi semester 2",
            "semester ii",
            "semester 2",
            "realisasi sem ii",
        ],
    ),
    (
        Field::PerjalananDinas,
        &["perjalanan dinas", "belanja perjalanan dinas"],
    ),
];

/// Columns without which a row cannot be read.
const REQUIRED: &[Field] = &[
    Field::Strategi,
    Field::Opd,
    Field::SubKegiatan,
    Field::Alokasi,
];

impl Field {
    /// The key in program.yaml.
    pub fn key(self) -> &'static str {
        match self {
            Field::Strategi => "strategi",
            Field::Opd => "opd",
            Field::Kode => "kode",
            Field::Program => "program",
            Field::Kegiatan => "kegiatan",
            Field::SubKegiatan => "sub_kegiatan",
            Field::Tagging => "tagging",
            Field::Alokasi => "alokasi",
            Field::SumberDana => "sumber_dana",
            Field::SifatBantuan => "sifat_bantuan",
            Field::Lokasi => "lokasi",
            Field::Sasaran => "sasaran",
            Field::BesaranManfaat => "besaran_manfaat",
            Field::JenisBantuan => "jenis_bantuan",
            Field::Durasi => "durasi",
            Field::RealisasiSemester1 => "realisasi_semester_1",
            Field::RealisasiSemester2 => "realisasi_semester_2",
            Field::PerjalananDinas => "perjalanan_dinas",
        }
    }

    /// The column's name as the matrix writes it (for messages).
    pub fn header(self) -> &'static str {
        match self {
            Field::Strategi => "strategi",
            Field::Opd => "perangkat daerah",
            Field::SubKegiatan => "sub kegiatan",
            Field::Alokasi => "alokasi",
            Field::SumberDana => "sumber pembiayaan",
            other => other.key(),
        }
    }
}

/// The field a header text names, tolerating case, spacing, punctuation and a unit (`(Rp)`).
pub fn field_of(header: &str) -> Option<Field> {
    let mut text = normalise(header);
    for unit in [" rp", " rupiah", " juta"] {
        if let Some(rest) = text.strip_suffix(unit) {
            text = rest.to_string();
        }
    }
    NAMES
        .iter()
        .find(|(_, names)| names.contains(&text.as_str()))
        .map(|(f, _)| *f)
}

/// Where a matrix's header is and which column holds which field.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// The last header row; data starts below it.
    pub row: usize,
    pub columns: Vec<(Field, usize)>,
}

impl Header {
    fn column(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| *c)
    }
}

fn columns_of(sheet: &Sheet, upper: Option<usize>, row: usize) -> Vec<(Field, usize)> {
    let mut out: Vec<(Field, usize)> = Vec::new();
    for c in 1..=sheet.last_column() {
        let lower = sheet.cell(row, c).text();
        let upper = upper.map(|u| sheet.cell(u, c).text()).unwrap_or_default();
        // A cell merged over both rows reads the same in each.
        let combined = if upper.is_empty() || normalise(&upper) == normalise(&lower) {
            lower.clone()
        } else if lower.is_empty() {
            upper.clone()
        } else {
            format!("{upper} {lower}")
        };
        let field = field_of(&combined).or_else(|| field_of(&lower));
        if let Some(f) = field
            && !out.iter().any(|(g, _)| *g == f)
        {
            out.push((f, c));
        }
    }
    out
}

/// The header of a program matrix, if `sheet` has one: the first row (alone, or with the row
/// above it) that names the sub-kegiatan and alokasi columns and at least three others.
pub fn find_header(sheet: &Sheet) -> Option<Header> {
    let rows: Vec<usize> = sheet.row_range().take(30).collect();
    for &row in &rows {
        let single = columns_of(sheet, None, row);
        let double = if row > *sheet.row_range().start() {
            columns_of(sheet, Some(row - 1), row)
        } else {
            Vec::new()
        };
        let best = if double.len() > single.len() {
            double
        } else {
            single
        };
        let has = |f: Field| best.iter().any(|(g, _)| *g == f);
        if has(Field::SubKegiatan) && has(Field::Alokasi) && best.len() >= 5 {
            // A merged header may continue in the next row (`Realisasi` over `Semester I`,
            // or headings merged down both rows); a data row names far fewer columns.
            let next = columns_of(sheet, Some(row), row + 1);
            if next.len() >= best.len() {
                return Some(Header {
                    row: row + 1,
                    columns: next,
                });
            }
            return Some(Header { row, columns: best });
        }
    }
    None
}

/// One program row as it goes into program.yaml.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProgramRow {
    pub strategi: u8,
    pub texts: Vec<(Field, String)>,
    pub tagging: Option<&'static str>,
    pub numbers: Vec<(Field, f64)>,
    pub satuan_sasaran: Option<String>,
}

/// A strategy: `1`, `Strategi 1`, `I`, or its words.
pub fn strategy(text: &str) -> Option<u8> {
    let t = normalise(text);
    let t = t.strip_prefix("strategi ").unwrap_or(&t).trim();
    match t {
        "1" | "i" => return Some(1),
        "2" | "ii" => return Some(2),
        "3" | "iii" => return Some(3),
        _ => {}
    }
    if t.contains("beban pengeluaran") {
        Some(1)
    } else if t.contains("pendapatan") {
        Some(2)
    } else if t.contains("kantong kemiskinan") {
        Some(3)
    } else {
        None
    }
}

/// A tagging: `langsung`, `tidak langsung` (`Tidak Langsung`, `tidak_langsung`) or `penunjang`.
pub fn tagging(text: &str) -> Option<&'static str> {
    match normalise(&text.replace('_', " ")).as_str() {
        "langsung" => Some("langsung"),
        "tidak langsung" => Some("tidak_langsung"),
        "penunjang" => Some("penunjang"),
        _ => None,
    }
}

/// The problems of one row: (field, column, expected, what was written).
type RowProblems = Vec<(Field, usize, Expected, String)>;

/// Whether a row is a total, a blank, or the column numbers `(1) (2) (3)` under the header.
fn is_filler(texts: &[String]) -> bool {
    let filled: Vec<&String> = texts.iter().filter(|t| !t.is_empty()).collect();
    let Some(first) = filled.first() else {
        return true;
    };
    let first = normalise(first);
    if ["jumlah", "total", "sub total", "subtotal", "grand total"]
        .iter()
        .any(|w| first == *w || first.starts_with(&format!("{w} ")))
    {
        return true;
    }
    let numbers: Vec<u32> = filled
        .iter()
        .filter_map(|t| t.trim_matches(['(', ')']).parse().ok())
        .collect();
    numbers.len() == filled.len() && numbers.len() >= 3 && numbers.windows(2).all(|w| w[0] < w[1])
}

/// Reads one data row.
pub fn read_row(sheet: &Sheet, header: &Header, row: usize) -> Result<ProgramRow, RowProblems> {
    let mut problems: RowProblems = Vec::new();
    let mut out = ProgramRow::default();
    for (field, column) in &header.columns {
        let (field, column) = (*field, *column);
        let cell = sheet.cell(row, column);
        let text = cell.text();
        let required = REQUIRED.contains(&field);
        if cell.is_blank() {
            if required {
                let expected = match field {
                    Field::Strategi => Expected::Strategy,
                    Field::Alokasi => Expected::Number,
                    _ => Expected::Text,
                };
                problems.push((field, column, expected, String::new()));
            }
            continue;
        }
        match field {
            Field::Strategi => match strategy(&text) {
                Some(s) => out.strategi = s,
                None => problems.push((field, column, Expected::Strategy, text)),
            },
            Field::Tagging => match tagging(&text) {
                Some(t) => out.tagging = Some(t),
                None => problems.push((field, column, Expected::Tagging, text)),
            },
            Field::Sasaran => {
                let parsed = match cell {
                    Cell::Number(n) => Some((*n, None)),
                    _ => numbers::parse_with_unit(&text),
                };
                match parsed {
                    Some((n, unit)) => {
                        out.numbers.push((field, n));
                        out.satuan_sasaran = unit;
                    }
                    None => problems.push((field, column, Expected::Number, text)),
                }
            }
            Field::Alokasi
            | Field::RealisasiSemester1
            | Field::RealisasiSemester2
            | Field::PerjalananDinas => {
                let parsed = match cell {
                    Cell::Number(n) => Ok(Some(*n)),
                    _ => numbers::parse(&text, LoneDot::ThousandsWhenThreeDigits),
                };
                match parsed {
                    Ok(Some(n)) if n >= 0.0 => out.numbers.push((field, n)),
                    Ok(None) if !required => {}
                    _ => problems.push((field, column, Expected::Number, text)),
                }
            }
            _ => out.texts.push((field, text)),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// What a written program.yaml must read back as.
#[derive(serde::Deserialize)]
struct ReadBack {
    sumber: String,
    #[serde(default)]
    program: Vec<serde_json::Value>,
}

pub fn import(
    root: &Path,
    file: &Path,
    sheets: &[Sheet],
    raw: &RawSite,
    options: &Options,
    out: &mut Outcome,
) {
    let (Some(slug), Some(year)) = (&options.region, options.year) else {
        out.error(
            Diagnostic::error(msg(ImportMessage::MatrixNeedsRegionAndYear))
                .in_file(file)
                .hint(msg(ImportMessage::HintMatrixFlags)),
        );
        return;
    };
    if !(1990..=2100).contains(&year) {
        out.error(Diagnostic::error(crate::messages::Message::BadYear {
            text: year.to_string(),
        }));
        return;
    }
    let mut rows: Vec<ProgramRow> = Vec::new();
    let mut sheet_names: Vec<String> = Vec::new();
    let mut bad_rows = 0;
    for sheet in sheets {
        let Some(header) = find_header(sheet) else {
            continue;
        };
        let missing: Vec<&Field> = REQUIRED
            .iter()
            .filter(|f| header.column(**f).is_none())
            .collect();
        if let Some(f) = missing.first() {
            out.error(
                Diagnostic::error(msg(ImportMessage::MatrixMissingColumn {
                    column: f.header().to_string(),
                }))
                .at(table_location(
                    file,
                    &TablePlace {
                        sheet: sheet.name.clone(),
                        row: header.row,
                        column: 1,
                    },
                ))
                .hint(msg(ImportMessage::HintMatrixColumns)),
            );
            continue;
        }
        if let Some(name) = &sheet.name {
            sheet_names.push(name.clone());
        }
        for row in header.row + 1..=*sheet.row_range().end() {
            if is_filler(&sheet.row_texts(row)) {
                continue;
            }
            match read_row(sheet, &header, row) {
                Ok(r) => rows.push(r),
                Err(problems) => {
                    bad_rows += 1;
                    for (field, column, expected, found) in problems {
                        let place = TablePlace {
                            sheet: sheet.name.clone(),
                            row,
                            column,
                        };
                        let message = msg(ImportMessage::MatrixBadCell {
                            place: place.clone(),
                            field: field.header().to_string(),
                            expected,
                            found,
                        });
                        let d = if options.skip_bad_rows {
                            Diagnostic::warning(message)
                        } else {
                            Diagnostic::error(message).hint(msg(ImportMessage::HintSkipBadRows))
                        };
                        out.diagnostics.push(d.at(table_location(file, &place)));
                    }
                }
            }
        }
    }
    if out.diagnostics.has_errors() {
        out.failed = true;
        return;
    }
    if rows.is_empty() {
        out.error(Diagnostic::error(msg(ImportMessage::MatrixNoRows)).in_file(file));
        return;
    }
    let Some(region) = raw.regions.iter().find(|r| &r.slug == slug) else {
        return;
    };
    let rel = region.folder.join(year.to_string()).join("program.yaml");
    let path = root.join(&rel);
    let existing = match std::fs::read(&path) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(_) => None,
    };
    let text = match &existing {
        Some(_) if !options.overwrite => {
            out.error(
                Diagnostic::error(msg(ImportMessage::ProgramExists {
                    path: rel.display().to_string(),
                }))
                .in_file(&rel)
                .hint(msg(ImportMessage::HintOverwriteProgram)),
            );
            return;
        }
        Some(old) => replace_program(old, &rows),
        None => {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            new_file(&name, &sheet_names, &rows)
        }
    };
    // Read back before anything is written.
    let read_back: Result<ReadBack, _> = serde_saphyr::from_str(&text);
    if !read_back.is_ok_and(|r| r.program.len() == rows.len() && !r.sumber.is_empty()) {
        out.error(Diagnostic::error(msg(ImportMessage::EditBrokeFile)).in_file(&rel));
        return;
    }
    if !options.dry_run {
        if let Some(parent) = path.parent()
            && let Err(e) = std::fs::create_dir_all(parent)
        {
            out.error(Diagnostic::error(crate::messages::Message::WriteFailed {
                path: rel.display().to_string(),
                detail: e.to_string(),
            }));
            return;
        }
        super::commit(root, &[(path.clone(), text)], out);
        if out.diagnostics.has_errors() {
            return;
        }
    }
    out.summary = Some(super::Summary::Program {
        rows: rows.len(),
        skipped_rows: bad_rows,
        path: rel.display().to_string(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: Some("Matriks".into()),
            rows: rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|t| {
                            if t.is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text(t.to_string())
                            }
                        })
                        .collect()
                })
                .collect(),
            first_row: 1,
            first_column: 1,
        }
    }

    #[test]
    fn headers_match_whatever_the_case_spacing_and_units() {
        assert_eq!(field_of("STRATEGI"), Some(Field::Strategi));
        assert_eq!(field_of("Perangkat  Daerah"), Some(Field::Opd));
        assert_eq!(field_of("Sub-Kegiatan"), Some(Field::SubKegiatan));
        assert_eq!(field_of("Sub Kegiatan"), Some(Field::SubKegiatan));
        assert_eq!(field_of("Kegiatan"), Some(Field::Kegiatan));
        assert_eq!(field_of("Alokasi (Rp)"), Some(Field::Alokasi));
        assert_eq!(field_of("Sumber Pembiayaan"), Some(Field::SumberDana));
        assert_eq!(
            field_of("Realisasi Semester I"),
            Some(Field::RealisasiSemester1)
        );
        assert_eq!(
            field_of("Realisasi Semester II (Rp)"),
            Some(Field::RealisasiSemester2)
        );
        assert_eq!(field_of("Jumlah Sasaran"), Some(Field::Sasaran));
        assert_eq!(field_of("Keterangan"), None);
        assert_eq!(field_of("Realisasi Total"), None);
    }

    const HEADER: &[&str] = &[
        "Strategi",
        "Perangkat Daerah",
        "Kode",
        "Program",
        "Kegiatan",
        "Sub Kegiatan",
        "Tagging",
        "Alokasi",
        "Sumber Pembiayaan",
        "Realisasi",
        "",
    ];

    #[test]
    fn a_two_row_header_is_combined() {
        let s = sheet(&[
            &["MATRIKS LAPORAN SEMESTER"],
            HEADER,
            &[
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "Semester I",
                "Semester II",
            ],
            &[
                "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)",
            ],
            &[
                "1",
                "Dinas Sosial",
                "1.06",
                "P",
                "K",
                "S",
                "Langsung",
                "350.000.000",
                "APBD",
                "150.000.000",
                "",
            ],
            &["Jumlah", "", "", "", "", "", "", "350.000.000", "", "", ""],
        ]);
        let h = find_header(&s).unwrap();
        assert_eq!(h.row, 3);
        assert_eq!(h.column(Field::RealisasiSemester1), Some(10));
        assert_eq!(h.column(Field::RealisasiSemester2), Some(11));
        assert_eq!(h.column(Field::Strategi), Some(1));
        assert!(is_filler(&s.row_texts(4)));
        assert!(is_filler(&s.row_texts(6)));
        let r = read_row(&s, &h, 5).unwrap();
        assert_eq!(r.strategi, 1);
        assert_eq!(r.tagging, Some("langsung"));
        assert!(r.numbers.contains(&(Field::Alokasi, 350_000_000.0)));
        assert!(
            r.numbers
                .contains(&(Field::RealisasiSemester1, 150_000_000.0))
        );
        assert!(
            !r.numbers
                .iter()
                .any(|(f, _)| *f == Field::RealisasiSemester2)
        );
    }

    #[test]
    fn bad_cells_are_listed_with_their_columns() {
        let s = sheet(&[
            HEADER,
            &[
                "4",
                "",
                "1.06",
                "P",
                "K",
                "S",
                "kadang",
                "tiga juta",
                "APBD",
                "",
                "",
            ],
        ]);
        let h = find_header(&s).unwrap();
        let problems = read_row(&s, &h, 2).unwrap_err();
        let fields: Vec<(Field, usize)> = problems.iter().map(|p| (p.0, p.1)).collect();
        assert_eq!(
            fields,
            vec![
                (Field::Strategi, 1),
                (Field::Opd, 2),
                (Field::Tagging, 7),
                (Field::Alokasi, 8)
            ]
        );
    }

    #[test]
    fn strategies_and_taggings() {
        for (t, s) in [
            ("1", 1),
            ("Strategi 2", 2),
            ("III", 3),
            ("Mengurangi beban pengeluaran", 1),
            ("meningkatkan pendapatan masyarakat miskin", 2),
            ("Mengurangi kantong-kantong kemiskinan", 3),
        ] {
            assert_eq!(strategy(t), Some(s), "{t}");
        }
        assert_eq!(strategy("4"), None);
        assert_eq!(tagging("Tidak Langsung"), Some("tidak_langsung"));
        assert_eq!(tagging("tidak_langsung"), Some("tidak_langsung"));
        assert_eq!(tagging("PENUNJANG"), Some("penunjang"));
        assert_eq!(tagging("ya"), None);
    }
}
