//! Writing `program.yaml`: each row in the contract's key order, every text double-quoted so
//! that whatever an agency typed reads back as typed; an existing file keeps everything but its
//! `program:` list.

use crate::base::format::plain;
use crate::content::program_fields::{FieldKind, PROGRAM_FIELDS, ProgramField};
use crate::model::programs::Tagging;

/// One program row as it goes into program.yaml: the strategy and tagging every row has, and
/// the texts and numbers its matrix row held.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramRow {
    pub strategi: u8,
    pub texts: Vec<(&'static ProgramField, String)>,
    pub tagging: Tagging,
    pub numbers: Vec<(&'static ProgramField, f64)>,
    /// Lists (`masalah`, `kecamatan`), each item as typed.
    pub lists: Vec<(&'static ProgramField, Vec<String>)>,
}

/// Text as a YAML double-quoted scalar: safe whatever it holds (`:`, `#`, a leading `-`,
/// quotes, `yes`, `null`, digits).
pub fn yaml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl ProgramRow {
    pub fn text(&self, field: &ProgramField) -> Option<&str> {
        self.texts
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, t)| t.as_str())
    }

    /// The items of a list field, trimmed as the loader reads them (none when it has none).
    pub fn list(&self, field: &ProgramField) -> Vec<String> {
        self.lists
            .iter()
            .filter(|(f, _)| *f == field)
            .flat_map(|(_, items)| items.iter().map(|i| i.trim().to_string()))
            .collect()
    }

    pub fn number(&self, field: &ProgramField) -> Option<f64> {
        self.numbers
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, n)| *n)
    }

    /// The row as a list item of `program:`, in the order of the contract.
    pub fn to_yaml(&self) -> String {
        let mut lines: Vec<String> = Vec::new();
        for f in PROGRAM_FIELDS {
            let value = match f.kind {
                FieldKind::Strategy => Some(self.strategi.to_string()),
                FieldKind::Tagging => Some(self.tagging.key().to_string()),
                FieldKind::Money | FieldKind::Count => self.number(f).map(plain),
                FieldKind::Text => self.text(f).map(yaml_string),
                FieldKind::List => self
                    .lists
                    .iter()
                    .find(|(g, items)| *g == f && !items.is_empty())
                    .map(|(_, items)| {
                        let quoted: Vec<String> = items.iter().map(|i| yaml_string(i)).collect();
                        format!("[{}]", quoted.join(", "))
                    }),
            };
            if let Some(value) = value {
                let indent = if lines.is_empty() { "  - " } else { "    " };
                lines.push(format!("{indent}{}: {value}", f.key));
            }
        }
        lines.join("\n") + "\n"
    }
}

/// The `program:` list of `rows`.
fn program_block(rows: &[ProgramRow]) -> String {
    let mut s = String::from("program:\n");
    for r in rows {
        s.push_str(&r.to_yaml());
    }
    s
}

/// What a new program.yaml gives as its source: the report shows it under the tables, so it
/// names the kind of document, not the spreadsheet and its sheets (those are in the comment).
pub const IMPORTED_SOURCE: &str = "Matriks program perangkat daerah yang dihimpun TKPK";

/// A new program.yaml.
pub fn new_file(file_name: &str, sheets: &[String], rows: &[ProgramRow]) -> String {
    let sheets_text = sheets
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let from = if sheets.is_empty() {
        file_name.to_string()
    } else {
        format!("{file_name}, lembar {sheets_text}")
    };
    format!(
        "# Diimpor oleh `tkpk impor` dari {from}.\n# Tulis nama dokumen resminya di `sumber` (tampil di laporan), misalnya \"Matriks RAT TKPK Kabupaten … Tahun …\".\nsumber: {}\n{}",
        yaml_string(IMPORTED_SOURCE),
        program_block(rows)
    )
}

/// `existing` with its `program:` list replaced; what stands above and below stays.
pub fn replace_program(existing: &str, rows: &[ProgramRow]) -> String {
    let lines: Vec<&str> = existing.split_inclusive('\n').collect();
    let start = lines.iter().position(|l| l.starts_with("program:"));
    let Some(start) = start else {
        let mut s = existing.to_string();
        if !s.is_empty() && !s.ends_with('\n') {
            s.push('\n');
        }
        s.push_str(&program_block(rows));
        return s;
    };
    // The list runs while lines are indented, list items, comments or blank.
    let mut end = lines[start + 1..]
        .iter()
        .position(|l| !(l.starts_with([' ', '\t', '-', '#', '\r', '\n'])))
        .map_or(lines.len(), |p| start + 1 + p);
    // Blank lines and comments at the list's end belong to what follows it.
    while end > start + 1 && (lines[end - 1].trim().is_empty() || lines[end - 1].starts_with('#')) {
        end -= 1;
    }
    let mut s: String = lines[..start].concat();
    s.push_str(&program_block(rows));
    s.push_str(&lines[end..].concat());
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::program_fields::field;

    #[test]
    fn yaml_strings_read_back_as_written() {
        for text in [
            "Dinas Sosial: P3A",
            "# bukan komentar",
            "- bukan daftar",
            "kata \"kutip\" dan 'kutip'",
            "yes",
            "no",
            "null",
            "~",
            "007",
            "1.06.06.2.01.0003",
            "12:30",
            "garis\nbaru\tdan tab",
            "miring \\ balik",
            "&jangkar *alias !tag",
            "{kurung} [siku]",
            "",
        ] {
            let yaml = format!("x: {}\n", yaml_string(text));
            #[derive(serde::Deserialize)]
            struct X {
                x: String,
            }
            let back: X = serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{yaml}: {e}"));
            assert_eq!(back.x, text, "{yaml}");
        }
    }

    #[test]
    fn rows_are_written_in_the_contracts_order() {
        let row = ProgramRow {
            strategi: 1,
            texts: vec![
                (field("sub_kegiatan"), "Pendataan".into()),
                (field("opd"), "Dinas Sosial P3A".into()),
                (field("kode"), "1.06.06.2.01.0003".into()),
                (field("satuan_sasaran"), "KPM".into()),
            ],
            tagging: Tagging::Direct,
            numbers: vec![
                (field("sasaran"), 1200.0),
                (field("alokasi"), 350_000_000.0),
            ],
            lists: vec![(field("kecamatan"), vec!["Jepon".into(), "Blora".into()])],
        };
        assert_eq!(
            row.to_yaml(),
            "  - strategi: 1\n    opd: \"Dinas Sosial P3A\"\n    kode: \"1.06.06.2.01.0003\"\n    sub_kegiatan: \"Pendataan\"\n    tagging: langsung\n    alokasi: 350000000\n    sasaran: 1200\n    satuan_sasaran: \"KPM\"\n    kecamatan: [\"Jepon\", \"Blora\"]\n"
        );
    }

    #[test]
    fn the_program_list_is_replaced_and_the_rest_kept() {
        let old = "# komentar\nsumber: Laporan semester\nilustrasi: true\nprogram:\n  - strategi: 2\n    opd: \"Lama\"\n\n# catatan\nbelanja_daerah: 2150000000000\n";
        let row = ProgramRow {
            strategi: 1,
            texts: vec![(field("opd"), "Baru".into())],
            tagging: Tagging::Supporting,
            numbers: Vec::new(),
            lists: Vec::new(),
        };
        assert_eq!(
            replace_program(old, std::slice::from_ref(&row)),
            "# komentar\nsumber: Laporan semester\nilustrasi: true\nprogram:\n  - strategi: 1\n    opd: \"Baru\"\n    tagging: penunjang\n\n# catatan\nbelanja_daerah: 2150000000000\n"
        );
        assert_eq!(
            replace_program("sumber: x", &[row]),
            "sumber: x\nprogram:\n  - strategi: 1\n    opd: \"Baru\"\n    tagging: penunjang\n"
        );
    }
}
