//! The XLSX download: one sheet per table, figures as numbers, ready to hand in.

use super::{Cell, Table, footer_lines, plain_number, starts_formula};
use crate::base::lang::Lang;
use rust_xlsxwriter::{
    ColNum, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, RowNum, Workbook,
    Worksheet, XlsxError,
};

/// Why a workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum DownloadError {
    /// A table did not fit a sheet (too many rows or columns, or a name Excel refuses).
    #[error("{table}: {source}")]
    Sheet {
        table: String,
        #[source]
        source: XlsxError,
    },
    /// The workbook could not be assembled.
    #[error("XLSX: {0}")]
    Workbook(#[from] XlsxError),
}

/// Excel's limits on a sheet name and on the text of one cell.
const SHEET_NAME_CHARS: usize = 31;
const CELL_CHARS: usize = 32_767;
/// Column widths, in characters.
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;
/// The row of the column headers (the title is above it), so data starts one row below.
const HEADER_ROW: RowNum = 1;

/// The sheet names for `tables`: the name cut to 31 characters with what Excel refuses
/// (`[]:*?/\`, a leading or trailing `'`) replaced, unique regardless of case.
fn sheet_names(tables: &[Table]) -> Vec<String> {
    let mut taken: Vec<String> = vec!["history".into()];
    let mut names = Vec::with_capacity(tables.len());
    for (i, table) in tables.iter().enumerate() {
        let clean: String = table
            .name
            .chars()
            .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
            .collect();
        let clean = clean.trim_matches(['\'', ' ']).to_string();
        let base = if clean.is_empty() {
            (i + 1).to_string()
        } else {
            clean
        };
        let mut n = 1;
        let name = loop {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let keep = SHEET_NAME_CHARS - suffix.chars().count();
            let candidate: String = base.chars().take(keep).chain(suffix.chars()).collect();
            if !taken.contains(&candidate.to_lowercase()) {
                break candidate;
            }
            n += 1;
        };
        taken.push(name.to_lowercase());
        names.push(name);
    }
    names
}

/// Decimals shown for a column's fractional figures: as many as its most precise figure needs,
/// at least 2 and at most 4; 0 when every figure is whole.
fn column_decimals(table: &Table, col: usize) -> usize {
    table
        .rows
        .iter()
        .filter_map(|r| match r.get(col) {
            Some(Cell::Number(v)) => plain_number(*v),
            _ => None,
        })
        .map(|t| t.split_once('.').map_or(0, |(_, f)| f.len()))
        .max()
        .map_or(0, |d| if d == 0 { 0 } else { d.clamp(2, 4) })
}

/// The number format of a column: `#,##0` or `#,##0.00` (to `.0000`); whole numbers below
/// 10 000 everywhere in the column (years, codes, small counts) are written without grouping.
fn number_format(table: &Table, col: usize) -> String {
    let decimals = column_decimals(table, col);
    if decimals > 0 {
        return format!("#,##0.{}", "0".repeat(decimals));
    }
    let small = table.rows.iter().all(|r| match r.get(col) {
        Some(Cell::Integer(v)) => v.unsigned_abs() < 10_000,
        Some(Cell::Number(v)) => v.abs() < 10_000.0,
        _ => true,
    });
    if small { "0" } else { "#,##0" }.to_string()
}

fn cut(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().count() <= CELL_CHARS {
        text.into()
    } else {
        let mut s: String = text.chars().take(CELL_CHARS - 1).collect();
        s.push('…');
        s.into()
    }
}

/// The width a cell needs, in characters, as displayed.
fn shown_chars(cell: &Cell) -> usize {
    match cell {
        Cell::Text(t) => t.lines().map(|l| l.chars().count()).max().unwrap_or(0),
        // Grouping and two decimals: about a third more than the digits.
        Cell::Number(v) => plain_number(*v).map_or(0, |t| t.len() + t.len() / 3 + 3),
        Cell::Integer(v) => {
            let t = v.to_string();
            t.len() + t.len() / 3
        }
        Cell::Empty => 0,
    }
}

struct Formats {
    title: Format,
    header: Format,
    header_quoted: Format,
    text_quoted: Format,
    footer: Format,
}

impl Formats {
    fn new() -> Formats {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border_bottom(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(12),
            header_quoted: header.clone().set_quote_prefix(),
            header,
            text_quoted: Format::new().set_quote_prefix(),
            footer: Format::new().set_italic(),
        }
    }
}

/// Writes text; text that would start a formula carries Excel's quote prefix. Plain text
/// without a format of its own (`None`, most cells) is written without one: looking a format up
/// hashes all of it, once per cell.
fn write_text(
    sheet: &mut Worksheet,
    (row, col): (RowNum, ColNum),
    text: &str,
    plain: Option<&Format>,
    quoted: &Format,
) -> Result<(), XlsxError> {
    let text = cut(text);
    match plain {
        _ if starts_formula(&text) => sheet.write_string_with_format(row, col, text, quoted)?,
        Some(format) => sheet.write_string_with_format(row, col, text, format)?,
        None => sheet.write_string(row, col, text)?,
    };
    Ok(())
}

fn row_num(i: usize) -> Result<RowNum, XlsxError> {
    RowNum::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

fn col_num(i: usize) -> Result<ColNum, XlsxError> {
    ColNum::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

fn write_sheet(
    sheet: &mut Worksheet,
    name: &str,
    table: &Table,
    formats: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    write_text(
        sheet,
        (0, 0),
        &table.title,
        Some(&formats.title),
        &formats.title,
    )?;
    let width = table
        .rows
        .iter()
        .map(Vec::len)
        .chain([table.columns.len()])
        .max()
        .unwrap_or(0);
    let number_formats: Vec<Format> = (0..width)
        .map(|c| Format::new().set_num_format(number_format(table, c)))
        .collect();
    let mut widths = vec![MIN_WIDTH; width];
    for (c, column) in table.columns.iter().enumerate() {
        let header = column.header();
        write_text(
            sheet,
            (HEADER_ROW, col_num(c)?),
            &header,
            Some(&formats.header),
            &formats.header_quoted,
        )?;
        // A long header wraps rather than widening its column past the figures' needs.
        widths[c] = widths[c].max(header.chars().count().min(24));
    }
    for (r, row) in table.rows.iter().enumerate() {
        let at = row_num(r + 1)? + HEADER_ROW;
        for (c, cell) in row.iter().enumerate() {
            let col = col_num(c)?;
            widths[c] = widths[c].max(shown_chars(cell));
            match cell {
                Cell::Text(t) => write_text(sheet, (at, col), t, None, &formats.text_quoted)?,
                Cell::Number(v) if v.is_finite() => {
                    let v = if *v == 0.0 { 0.0 } else { *v };
                    sheet.write_number_with_format(at, col, v, &number_formats[c])?;
                }
                // Beyond 2^53 Excel keeps 15 significant digits anyway.
                Cell::Integer(v) => {
                    sheet.write_number_with_format(at, col, *v as f64, &number_formats[c])?;
                }
                Cell::Number(_) | Cell::Empty => {}
            }
        }
    }
    let mut at = row_num(table.rows.len() + 1)? + HEADER_ROW;
    for line in footer_lines(table, lang) {
        at += 1;
        write_text(
            sheet,
            (at, 0),
            &line,
            Some(&formats.footer),
            &formats.footer,
        )?;
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(col_num(c)?, (*w).min(MAX_WIDTH) as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    Ok(())
}

/// The tables as one workbook, one sheet per table: the title in A1 (bold), the header row
/// with units (frozen), the rows with figures as numbers, then the sources and the note.
/// The bytes depend only on the arguments: the creation date is fixed and so are the zip
/// entries' times.
pub(crate) fn xlsx(title: &str, tables: &[Table], lang: Lang) -> Result<Vec<u8>, DownloadError> {
    write_workbook(Workbook::new(), title, tables, lang)
}

/// A new sheet whose rows go to a temporary file as they are written (rust_xlsxwriter's
/// low-memory mode, shared strings kept), or an ordinary sheet when no temporary file can be
/// made; the cells are the same either way. Why: on saving, ordinary sheets are assembled on a
/// thread each, and for thousands of small workbooks starting those threads (while the
/// rendering pool waits for them) cost more than the sheets themselves: the national build
/// with downloads went from 7,7 s to 5,1 s. A low-memory sheet drops (with a line on stderr)
/// any write to a row above the last one written, so [`write_sheet`] writes top to bottom.
fn add_sheet(workbook: &mut Workbook) -> Result<&mut Worksheet, XlsxError> {
    if workbook.add_worksheet_with_low_memory().is_err() {
        return Ok(workbook.add_worksheet());
    }
    let last = workbook.worksheets().len() - 1;
    workbook.worksheet_from_index(last)
}

fn write_workbook(
    mut workbook: Workbook,
    title: &str,
    tables: &[Table],
    lang: Lang,
) -> Result<Vec<u8>, DownloadError> {
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_creation_datetime(&created),
    );
    // Deflate's fastest level: a national build's workbooks took a quarter less time to
    // write (4,4 instead of 5,7 s for the whole build), each 2,3 KB larger on average (11,5
    // instead of 9,2 KB).
    workbook.set_zip_compression_level(1);
    let formats = Formats::new();
    for (table, name) in tables.iter().zip(sheet_names(tables)) {
        add_sheet(&mut workbook)
            .and_then(|sheet| write_sheet(sheet, &name, table, &formats, lang))
            .map_err(|source| DownloadError::Sheet {
                table: table.name.clone(),
                source,
            })?;
    }
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{p0_table, parse_csv, text};
    use super::super::{Column, csv, semester_matrix_columns};
    use super::*;
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    use std::io::Cursor;

    fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
        open_workbook_from_rs(Cursor::new(bytes)).unwrap()
    }

    /// The cell at (row, col), counted from A1.
    fn at(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
        range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
    }

    /// A read-back cell as the CSV writes it.
    fn as_csv(data: &Data) -> String {
        match data {
            Data::Float(f) => plain_number(*f).unwrap(),
            Data::Int(i) => i.to_string(),
            Data::String(s) if starts_formula(s) => format!("'{s}"),
            Data::String(s) => s.clone(),
            Data::Empty => String::new(),
            other => panic!("unexpected cell {other:?}"),
        }
    }

    fn semester_matrix() -> Table {
        let row = |strategi: &str, opd: &str, alokasi: f64, s1: f64, s2: f64| {
            vec![
                text(strategi),
                text(opd),
                text("1.02.02.2.01.0001"),
                text("Program Pemenuhan Upaya Kesehatan"),
                text("Penyediaan Layanan Kesehatan"),
                text("Pengelolaan Jaminan Kesehatan Masyarakat"),
                text("langsung"),
                Cell::Number(alokasi),
                text("APBD"),
                text("Bantuan sosial"),
                text("Kec. Wonotirto; Kec. Bakung"),
                Cell::Integer(12_450),
                text("Rp 42.000/jiwa/bulan"),
                text("PBI JK"),
                text("12 bulan"),
                Cell::Number(s1),
                Cell::Number(s2),
                Cell::Number(s1 + s2),
            ]
        };
        Table {
            name: "matriks-laporan-semester-2025-kabupaten-blitar".into(),
            title: "Matriks Laporan Semester 2025".into(),
            columns: semester_matrix_columns(),
            rows: vec![
                row(
                    "Mengurangi beban pengeluaran",
                    "Dinas Kesehatan",
                    6_274_800_000.0,
                    3_100_250_000.0,
                    3_050_000_000.5,
                ),
                row(
                    "Meningkatkan pendapatan",
                    "Dinas Koperasi dan UMKM",
                    850_000_000.0,
                    0.0,
                    812_345_678.0,
                ),
            ],
            sources: vec!["Bappeda Kabupaten Blitar (ILUSTRASI)".into()],
            note: None,
        }
    }

    #[test]
    fn xlsx_holds_the_same_figures_as_the_csv() {
        let tables = vec![p0_table(), semester_matrix()];
        let mut book = open(xlsx("Laporan 2025", &tables, Lang::Id).unwrap());
        let names = book.sheet_names();
        assert_eq!(
            names,
            vec!["p0", "matriks-laporan-semester-2025-k"],
            "sheet names are cut to 31 characters"
        );
        for (table, name) in tables.iter().zip(&names) {
            let range = book.worksheet_range(name).unwrap();
            let records = parse_csv(&csv(table, Lang::Id));
            assert_eq!(at(&range, 0, 0), Data::String(table.title.clone()));
            // The header row, then the rows, then the empty line and the footer: the same
            // records as the CSV, cell by cell.
            for (r, record) in records.iter().enumerate() {
                for (c, field) in record.iter().enumerate() {
                    let got = as_csv(&at(&range, r as u32 + 1, c as u32));
                    assert_eq!(&got, field, "{name} row {} col {}", r + 2, c + 1);
                }
            }
            assert_eq!(range.end().map(|(r, _)| r as usize), Some(records.len()));
        }
    }

    #[test]
    fn semester_matrix_reads_back_in_form_order() {
        let table = semester_matrix();
        let mut book = open(xlsx("Matriks", std::slice::from_ref(&table), Lang::Id).unwrap());
        let range = book
            .worksheet_range("matriks-laporan-semester-2025-k")
            .unwrap();
        let headers: Vec<String> = (0..18).map(|c| as_csv(&at(&range, 1, c))).collect();
        assert_eq!(
            headers,
            [
                "Strategi",
                "Perangkat Daerah",
                "Kode",
                "Program",
                "Kegiatan",
                "Sub Kegiatan",
                "Tagging",
                "Alokasi (Rp)",
                "Sumber Pembiayaan",
                "Sifat Bantuan",
                "Lokasi",
                "Jumlah Sasaran",
                "Besaran Manfaat",
                "Jenis Bantuan",
                "Durasi",
                "Realisasi Semester I (Rp)",
                "Realisasi Semester II (Rp)",
                "Realisasi Total (Rp)",
            ]
        );
        assert_eq!(at(&range, 1, 18), Data::Empty);
        assert_eq!(at(&range, 2, 7), Data::Float(6_274_800_000.0));
        assert_eq!(at(&range, 2, 17), Data::Float(6_150_250_000.5));
        assert_eq!(at(&range, 3, 11), Data::Float(12_450.0));
        assert_eq!(
            at(&range, 5, 0),
            Data::String("Sumber: Bappeda Kabupaten Blitar (ILUSTRASI)".into())
        );
    }

    #[test]
    fn xlsx_is_byte_identical_across_calls() {
        let tables = vec![p0_table(), semester_matrix()];
        let a = xlsx("Laporan 2025", &tables, Lang::Id).unwrap();
        let b = xlsx("Laporan 2025", &tables, Lang::Id).unwrap();
        assert!(a == b, "two workbooks of the same tables differ");
        assert!(a.starts_with(b"PK"));
        let c = xlsx("Laporan 2024", &tables, Lang::Id).unwrap();
        assert!(a != c);
    }

    /// Every cell of every sheet, as read back.
    fn cells(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<Data>>)> {
        let mut book = open(bytes);
        book.sheet_names()
            .into_iter()
            .map(|name| {
                let range = book.worksheet_range(&name).unwrap();
                (name, range.rows().map(<[Data]>::to_vec).collect())
            })
            .collect()
    }

    #[test]
    fn sheets_stream_through_a_temporary_file_or_stay_in_memory_with_the_same_cells() {
        let tables = vec![p0_table(), semester_matrix()];
        let streamed = xlsx("Laporan 2025", &tables, Lang::Id).unwrap();
        // Low-memory rows carry no `spans` hint; in-memory rows do.
        let sheet = part(&streamed, "xl/worksheets/sheet2.xml");
        assert!(!sheet.contains("spans="), "{sheet}");

        let gone = tempfile::tempdir().unwrap();
        let mut workbook = Workbook::new();
        workbook.set_tempdir(gone.path()).unwrap();
        drop(gone);
        let in_memory = write_workbook(workbook, "Laporan 2025", &tables, Lang::Id).unwrap();
        let sheet = part(&in_memory, "xl/worksheets/sheet2.xml");
        assert!(sheet.contains("spans="), "{sheet}");

        let (a, b) = (cells(streamed), cells(in_memory));
        assert_eq!(a.len(), 2);
        assert!(a[1].1.len() > 4, "{:?}", a[1]);
        assert_eq!(a, b);
    }

    /// One part of the package (its XML), unzipped.
    fn part(bytes: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut file = archive
            .by_name(name)
            .unwrap_or_else(|_| panic!("no {name}"));
        let mut text = String::new();
        std::io::Read::read_to_string(&mut file, &mut text).unwrap();
        text
    }

    #[test]
    fn formula_text_is_quote_prefixed_and_figures_formatted() {
        let bytes = xlsx("x", &[p0_table()], Lang::Id).unwrap();
        let styles = part(&bytes, "xl/styles.xml");
        assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
        assert!(styles.contains("formatCode=\"#,##0.00\""), "{styles}");
        let core = part(&bytes, "docProps/core.xml");
        assert!(core.contains("2000-01-01T00:00:00Z"), "{core}");
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains("<pane ") && sheet.contains("state=\"frozen\""));
        assert!(!sheet.contains("<f>"), "no formulas: {sheet}");
        // The `=HYPERLINK…` text reads back as text, not as a formula or its result.
        let mut book = open(bytes);
        let range = book.worksheet_range("p0").unwrap();
        assert_eq!(
            at(&range, 4, 1),
            Data::String("=HYPERLINK(\"http://x\")".into())
        );
        assert_eq!(at(&range, 5, 2), Data::String("-5".into()));
    }

    #[test]
    fn sheet_names_are_unique_and_valid() {
        let table = |name: &str| Table {
            name: name.into(),
            title: String::new(),
            columns: vec![Column::new("a", None)],
            rows: vec![],
            sources: vec![],
            note: None,
        };
        let long = "a".repeat(40);
        let tables = [
            table(&long),
            table(&long),
            table("P0"),
            table("p0"),
            table("a/b:c"),
            table(""),
            table("History"),
        ];
        let names = sheet_names(&tables);
        assert_eq!(
            names,
            vec![
                "a".repeat(31),
                format!("{}-2", "a".repeat(29)),
                "P0".into(),
                "p0-2".into(),
                "a-b-c".into(),
                "6".into(),
                "History-2".into(),
            ]
        );
        let book = open(xlsx("x", &tables, Lang::En).unwrap());
        assert_eq!(book.sheet_names(), names);
    }

    #[test]
    fn number_formats_follow_the_column() {
        let t = p0_table();
        assert_eq!(number_format(&t, 0), "0");
        assert_eq!(number_format(&t, 2), "#,##0.00");
        // 0.1 + 0.2 and 1e-7 need more than four decimals: shown with four.
        assert_eq!(number_format(&t, 4), "#,##0.0000");
        let m = semester_matrix();
        assert_eq!(number_format(&m, 7), "#,##0");
        assert_eq!(number_format(&m, 11), "#,##0");
        assert_eq!(number_format(&m, 17), "#,##0.00");
    }
}
