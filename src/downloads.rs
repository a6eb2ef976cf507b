//! Table downloads beside every report and sheet: CSV (one file per table), JSON (all tables of
//! a page) and XLSX (one sheet per table). Figures keep full precision; a text cell never starts
//! a formula; the same tables always give the same bytes.

pub(crate) mod messages;
pub(crate) mod pages;
mod xlsx;

use crate::base::lang::Lang;
use crate::base::messages::Words;
use crate::content::program_fields::{PROGRAM_FIELDS, Written};
use crate::downloads::messages::DownloadMessage;
use serde::Serialize;

pub(crate) use xlsx::{DownloadError, xlsx};

/// One table as it is offered for download.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Table {
    /// A short ASCII slug: the CSV file stem and (cut to 31 characters, made unique) the XLSX
    /// sheet name.
    pub name: String,
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub sources: Vec<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Column {
    pub label: String,
    pub unit: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    Text(String),
    Number(f64),
    Integer(i64),
    Empty,
}

impl Column {
    pub(crate) fn new(label: impl Into<String>, unit: Option<&str>) -> Column {
        Column {
            label: label.into(),
            unit: unit.map(str::to_string),
        }
    }

    /// The header cell: `label (unit)`, or the label alone.
    pub(crate) fn header(&self) -> String {
        match &self.unit {
            Some(unit) if !unit.is_empty() => format!("{} ({unit})", self.label),
            _ => self.label.clone(),
        }
    }
}

/// The columns of the semester report matrix (Inpres 8/2025 reporting), in the order of the
/// form the regions submit.
pub(crate) fn semester_matrix_columns() -> Vec<Column> {
    matrix_columns(true)
}

/// The programme fields a matrix carries, then with `realisation` the total, which has no key of
/// its own (it is the two semesters' sum, so `tkpk impor` skips it).
fn matrix_columns(realisation: bool) -> Vec<Column> {
    let mut columns: Vec<Column> = PROGRAM_FIELDS
        .iter()
        .filter(|f| match f.written {
            Written::RatAndSemester => true,
            Written::Semester => realisation,
            Written::Neither => false,
        })
        .map(|f| Column::new(f.header.unwrap_or(f.key), f.unit))
        .collect();
    if realisation {
        columns.push(Column::new("Realisasi Total", Some("Rp")));
    }
    columns
}

/// Whether a spreadsheet would read this text as the start of a formula (or of a cell that
/// an edit turns into one).
pub(crate) fn starts_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A finite figure as written for machines: `.` decimal, no grouping, the shortest text that
/// reads back as the same `f64`; `-0` is `0`. `None` for NaN and infinities, which are no figure.
pub(crate) fn plain_number(value: f64) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    let value = if value == 0.0 { 0.0 } else { value };
    Some(format!("{value}"))
}

/// The lines under a table: its sources and its note.
pub(crate) fn footer_lines(table: &Table, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if !table.sources.is_empty() {
        lines.push(
            DownloadMessage::DownloadSources {
                sources: table.sources.clone(),
            }
            .text(lang),
        );
    }
    if let Some(note) = table.note.as_deref().filter(|n| !n.trim().is_empty()) {
        lines.push(
            DownloadMessage::DownloadNote {
                note: note.to_string(),
            }
            .text(lang),
        );
    }
    lines
}

/// One CSV field: text that would start a formula gets a `'`, and a field holding a comma,
/// quote or line break is quoted. Figures are never text here, so `-0.59` stays a number.
fn csv_field(field: &CsvField<'_>, out: &mut String) {
    let text = match field {
        CsvField::Text(t) if starts_formula(t) => std::borrow::Cow::Owned(format!("'{t}")),
        CsvField::Text(t) => std::borrow::Cow::Borrowed(&**t),
        CsvField::Figure(t) => std::borrow::Cow::Borrowed(t.as_str()),
    };
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&text);
    }
}

enum CsvField<'a> {
    Text(std::borrow::Cow<'a, str>),
    Figure(String),
}

fn csv_record<'a>(fields: impl IntoIterator<Item = CsvField<'a>>, out: &mut String) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(&field, out);
    }
    out.push_str("\r\n");
}

/// The table as CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so that Excel reads it as
/// UTF-8): the header `label (unit)`, the rows, then an empty line and the source and note
/// lines. Numbers are plain (`7.57`, `1500000`), text that would start a formula gets a `'`.
pub(crate) fn csv(table: &Table, lang: Lang) -> String {
    use std::borrow::Cow;
    let mut out = String::from('\u{feff}');
    csv_record(
        table
            .columns
            .iter()
            .map(|c| CsvField::Text(Cow::Owned(c.header()))),
        &mut out,
    );
    for row in &table.rows {
        csv_record(
            row.iter().map(|cell| match cell {
                Cell::Text(t) => CsvField::Text(Cow::Borrowed(t.as_str())),
                Cell::Number(v) => CsvField::Figure(plain_number(*v).unwrap_or_default()),
                Cell::Integer(v) => CsvField::Figure(v.to_string()),
                Cell::Empty => CsvField::Figure(String::new()),
            }),
            &mut out,
        );
    }
    let footer = footer_lines(table, lang);
    if !footer.is_empty() {
        out.push_str("\r\n");
        for line in footer {
            csv_record([CsvField::Text(Cow::Owned(line))], &mut out);
        }
    }
    out
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    judul: &'a str,
    tabel: Vec<JsonTable<'a>>,
}

#[derive(Serialize)]
struct JsonTable<'a> {
    nama: &'a str,
    judul: &'a str,
    kolom: Vec<JsonColumn<'a>>,
    baris: &'a [Vec<Cell>],
    sumber: &'a [String],
    catatan: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonColumn<'a> {
    label: &'a str,
    satuan: Option<&'a str>,
}

impl Serialize for Cell {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Text(t) => s.serialize_str(t),
            Cell::Number(v) if v.is_finite() => s.serialize_f64(if *v == 0.0 { 0.0 } else { *v }),
            Cell::Integer(v) => s.serialize_i64(*v),
            Cell::Number(_) | Cell::Empty => s.serialize_none(),
        }
    }
}

/// Every table of a page as one pretty JSON document with a stable key order:
/// `{"judul", "tabel": [{"nama", "judul", "kolom": [{"label", "satuan"}], "baris", "sumber",
/// "catatan"}]}`. Figures are JSON numbers; an empty cell (or a non-finite figure) is `null`.
pub(crate) fn json(title: &str, tables: &[Table]) -> String {
    let doc = JsonDocument {
        judul: title,
        tabel: tables
            .iter()
            .map(|t| JsonTable {
                nama: &t.name,
                judul: &t.title,
                kolom: t
                    .columns
                    .iter()
                    .map(|c| JsonColumn {
                        label: &c.label,
                        satuan: c.unit.as_deref(),
                    })
                    .collect(),
                baris: &t.rows,
                sumber: &t.sources,
                catatan: t.note.as_deref(),
            })
            .collect(),
    };
    // Serialising these plain structs cannot fail: every key is a string, every float finite.
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    /// The P0 table of a report, with the awkward cases in it.
    pub(crate) fn p0_table() -> Table {
        Table {
            name: "p0".into(),
            title: "Persentase penduduk miskin (P0)".into(),
            columns: vec![
                Column::new("Tahun", None),
                Column::new("Wilayah", None),
                Column::new("P0", Some("persen")),
                Column::new("Jumlah penduduk miskin", Some("ribu jiwa")),
                Column::new("Garis kemiskinan", Some("Rp/kapita/bulan")),
            ],
            rows: vec![
                vec![
                    Cell::Integer(2024),
                    text("Kabupaten Blitar"),
                    Cell::Number(8.16),
                    Cell::Number(95.91),
                    Cell::Number(441448.0),
                ],
                vec![
                    Cell::Integer(2025),
                    text("Kabupaten \"Contoh\", Jawa Timur"),
                    Cell::Number(7.57),
                    Cell::Empty,
                    Cell::Number(0.1 + 0.2),
                ],
                vec![
                    Cell::Integer(-3),
                    text("=HYPERLINK(\"http://x\")"),
                    Cell::Number(-0.59),
                    text("baris satu\nbaris dua"),
                    Cell::Number(1e-7),
                ],
                vec![
                    text("+62 342"),
                    text("@SUM(A1)"),
                    text("-5"),
                    text("\tTab"),
                    Cell::Number(-0.0),
                ],
            ],
            sources: vec![
                "BPS Kabupaten Blitar, Susenas Maret".into(),
                "RPJMD 2021–2026".into(),
            ],
            note: Some("Angka 2025 sementara.".into()),
        }
    }

    /// Reads CSV back (RFC 4180), for the tests: records of fields.
    pub(crate) fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix('\u{feff}').expect("byte-order mark");
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR without LF");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, '\n') => panic!("bare LF ends a record"),
                (false, c) => field.push(c),
            }
        }
        assert!(field.is_empty() && record.is_empty(), "no final CRLF");
        records
    }

    #[test]
    fn csv_has_bom_units_escaping_and_footer() {
        let text = csv(&p0_table(), Lang::Id);
        assert!(text.starts_with("\u{feff}Tahun,Wilayah,P0 (persen),"));
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\u{feff}Tahun,Wilayah,P0 (persen),Jumlah penduduk miskin (ribu jiwa),Garis kemiskinan (Rp/kapita/bulan)"
        );
        assert_eq!(lines[1], "2024,Kabupaten Blitar,8.16,95.91,441448");
        assert_eq!(
            lines[2],
            "2025,\"Kabupaten \"\"Contoh\"\", Jawa Timur\",7.57,,0.30000000000000004"
        );
        assert!(text.contains(
            "-3,\"'=HYPERLINK(\"\"http://x\"\")\",-0.59,\"baris satu\nbaris dua\",0.0000001\r\n"
        ));
        assert!(text.contains("'+62 342,'@SUM(A1),'-5,'\tTab,0\r\n"));
        assert!(text.ends_with(
            "0\r\n\r\n\"Sumber: BPS Kabupaten Blitar, Susenas Maret; RPJMD 2021–2026\"\r\nCatatan: Angka 2025 sementara.\r\n"
        ));
        let en = csv(&p0_table(), Lang::En);
        assert!(en.contains("\"Sources: BPS") && en.contains("Note: Angka 2025"));
    }

    #[test]
    fn csv_reads_back_to_the_same_cells() {
        let table = p0_table();
        let records = parse_csv(&csv(&table, Lang::Id));
        assert_eq!(records.len(), 1 + table.rows.len() + 1 + 2);
        for (row, record) in table.rows.iter().zip(&records[1..]) {
            assert_eq!(row.len(), record.len());
            for (cell, field) in row.iter().zip(record) {
                match cell {
                    Cell::Number(v) => assert_eq!(field.parse::<f64>().unwrap(), *v),
                    Cell::Integer(v) => assert_eq!(field.parse::<i64>().unwrap(), *v),
                    Cell::Text(t) if starts_formula(t) => assert_eq!(field, &format!("'{t}")),
                    Cell::Text(t) => assert_eq!(field, t),
                    Cell::Empty => assert_eq!(field, ""),
                }
            }
        }
        assert_eq!(records[1 + table.rows.len()], vec![String::new()]);
    }

    #[test]
    fn numbers_are_plain_and_exact() {
        assert_eq!(plain_number(7.57).as_deref(), Some("7.57"));
        assert_eq!(plain_number(1_234_567.0).as_deref(), Some("1234567"));
        assert_eq!(plain_number(-0.0).as_deref(), Some("0"));
        assert_eq!(
            plain_number(1e21).as_deref(),
            Some("1000000000000000000000")
        );
        assert_eq!(plain_number(f64::NAN), None);
        assert_eq!(plain_number(f64::INFINITY), None);
        let third = 1.0 / 3.0;
        assert_eq!(plain_number(third).unwrap().parse::<f64>().unwrap(), third);
    }

    #[test]
    fn formula_starts_are_recognised() {
        for t in ["=1+1", "+1", "-1", "@x", "\tx", "\rx"] {
            assert!(starts_formula(t), "{t:?}");
        }
        for t in ["1", "Blitar", " =1", "", "'=1"] {
            assert!(!starts_formula(t), "{t:?}");
        }
    }

    #[test]
    fn csv_without_sources_ends_after_the_rows() {
        let mut t = p0_table();
        t.sources.clear();
        t.note = None;
        t.rows.truncate(1);
        assert!(csv(&t, Lang::Id).ends_with("441448\r\n"));
    }

    #[test]
    fn json_parses_back_to_the_same_values() {
        let table = p0_table();
        let text = json("Laporan 2025", std::slice::from_ref(&table));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["judul"], "Laporan 2025");
        let t = &v["tabel"][0];
        assert_eq!(t["nama"], "p0");
        assert_eq!(t["judul"], table.title);
        assert_eq!(t["kolom"][2]["label"], "P0");
        assert_eq!(t["kolom"][2]["satuan"], "persen");
        assert!(t["kolom"][0]["satuan"].is_null());
        assert_eq!(t["sumber"][1], "RPJMD 2021–2026");
        assert_eq!(t["catatan"], "Angka 2025 sementara.");
        let rows = t["baris"].as_array().unwrap();
        for (row, got) in table.rows.iter().zip(rows) {
            for (cell, value) in row.iter().zip(got.as_array().unwrap()) {
                match cell {
                    Cell::Number(x) => assert_eq!(value.as_f64(), Some(*x)),
                    Cell::Integer(x) => assert_eq!(value.as_i64(), Some(*x)),
                    Cell::Text(s) => assert_eq!(value.as_str(), Some(s.as_str())),
                    Cell::Empty => assert!(value.is_null()),
                }
            }
        }
        // Keys stay in the documented order, not alphabetical.
        let keys: Vec<usize> = ["\"nama\"", "\"judul\": \"Persen", "\"kolom\"", "\"baris\""]
            .iter()
            .map(|k| text.find(k).unwrap())
            .collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{text}");
        assert_eq!(json("Laporan 2025", &[table]), text);
    }

    #[test]
    fn json_writes_non_finite_figures_as_null() {
        let mut t = p0_table();
        t.rows = vec![vec![Cell::Number(f64::NAN), Cell::Number(f64::INFINITY)]];
        let v: serde_json::Value = serde_json::from_str(&json("x", &[t])).unwrap();
        assert!(v["tabel"][0]["baris"][0][0].is_null() && v["tabel"][0]["baris"][0][1].is_null());
    }

    #[test]
    fn semester_matrix_headers_in_form_order() {
        let headers: Vec<String> = semester_matrix_columns()
            .iter()
            .map(Column::header)
            .collect();
        assert_eq!(headers.len(), 18);
        assert_eq!(headers[7], "Alokasi (Rp)");
        assert_eq!(headers[17], "Realisasi Total (Rp)");
    }
}
