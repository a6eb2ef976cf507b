//! Writing `program.yaml`: each row in the contract's key order, every text double-quoted so
//! that whatever an agency typed reads back as typed; an existing file keeps everything but its
//! `program:` list.

use crate::format::plain;
use crate::import::matrix::{Field, ProgramRow};

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
    /// The row as a list item of `program:`, in the order of the contract.
    pub fn to_yaml(&self) -> String {
        let mut lines = vec![format!("  - strategi: {}", self.strategi)];
        let mut put = |key: &str, value: String| lines.push(format!("    {key}: {value}"));
        for f in [
            Field::Opd,
            Field::Kode,
            Field::Program,
            Field::Kegiatan,
            Field::SubKegiatan,
        ] {
            if let Some(t) = self.text(f) {
                put(f.key(), yaml_string(t));
            }
        }
        put(Field::Tagging.key(), self.tagging.key().to_string());
        if let Some(n) = self.number(Field::Alokasi) {
            put("alokasi", plain(n));
        }
        for f in [Field::SumberDana, Field::SifatBantuan, Field::Lokasi] {
            if let Some(t) = self.text(f) {
                put(f.key(), yaml_string(t));
            }
        }
        if let Some(n) = self.number(Field::Sasaran) {
            put("sasaran", plain(n));
        }
        if let Some(u) = &self.satuan_sasaran {
            put("satuan_sasaran", yaml_string(u));
        }
        for f in [Field::BesaranManfaat, Field::JenisBantuan, Field::Durasi] {
            if let Some(t) = self.text(f) {
                put(f.key(), yaml_string(t));
            }
        }
        for f in [
            Field::RealisasiSemester1,
            Field::RealisasiSemester2,
            Field::PerjalananDinas,
        ] {
            if let Some(n) = self.number(f) {
                put(f.key(), plain(n));
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

/// A new program.yaml.
pub fn new_file(file_name: &str, sheets: &[String], rows: &[ProgramRow]) -> String {
    let sheets_text = sheets
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let (comment, source) = if sheets.is_empty() {
        (
            format!("# Diimpor oleh `tkpk impor` dari {file_name}.\n"),
            file_name.to_string(),
        )
    } else {
        (
            format!("# Diimpor oleh `tkpk impor` dari {file_name}, lembar {sheets_text}.\n"),
            format!("{file_name}, lembar {}", sheets.join(", ")),
        )
    };
    format!(
        "{comment}sumber: {}\n{}",
        yaml_string(&source),
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
    use crate::model::programs::Tagging;

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
                (Field::SubKegiatan, "Pendataan".into()),
                (Field::Opd, "Dinas Sosial P3A".into()),
                (Field::Kode, "1.06.06.2.01.0003".into()),
            ],
            tagging: Tagging::Direct,
            numbers: vec![(Field::Sasaran, 1200.0), (Field::Alokasi, 350_000_000.0)],
            satuan_sasaran: Some("KPM".into()),
        };
        assert_eq!(
            row.to_yaml(),
            "  - strategi: 1\n    opd: \"Dinas Sosial P3A\"\n    kode: \"1.06.06.2.01.0003\"\n    sub_kegiatan: \"Pendataan\"\n    tagging: langsung\n    alokasi: 350000000\n    sasaran: 1200\n    satuan_sasaran: \"KPM\"\n"
        );
    }

    #[test]
    fn the_program_list_is_replaced_and_the_rest_kept() {
        let old = "# komentar\nsumber: Laporan semester\nilustrasi: true\nprogram:\n  - strategi: 2\n    opd: \"Lama\"\n\n# catatan\nbelanja_daerah: 2150000000000\n";
        let row = ProgramRow {
            strategi: 1,
            texts: vec![(Field::Opd, "Baru".into())],
            tagging: Tagging::Supporting,
            numbers: Vec::new(),
            satuan_sasaran: None,
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
