//! A table file (CSV or XLSX) read into sheets of cells that remember their row and column as
//! the spreadsheet program shows them (1-based), so every message can name "baris 7, kolom C".

use crate::base::format::plain;
use std::path::Path;

/// One cell as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A numeric cell of a spreadsheet (never from CSV, where everything is text).
    Number(f64),
}

impl Cell {
    /// The cell as text: numbers without a needless `.0`.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => plain(*n),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }
}

/// One sheet (a CSV file is one sheet without a name).
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    pub name: Option<String>,
    /// `rows[i]` is spreadsheet row `first_row + i`; its cells start at column `first_column`.
    pub rows: Vec<Vec<Cell>>,
    pub first_row: usize,
    pub first_column: usize,
}

impl Sheet {
    /// The cell at a 1-based row and column, or `Empty`.
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        const EMPTY: Cell = Cell::Empty;
        row.checked_sub(self.first_row)
            .and_then(|r| self.rows.get(r))
            .and_then(|cells| {
                column
                    .checked_sub(self.first_column)
                    .and_then(|c| cells.get(c))
            })
            .unwrap_or(&EMPTY)
    }

    /// The 1-based numbers of the first and last rows.
    pub fn row_range(&self) -> std::ops::RangeInclusive<usize> {
        self.first_row..=(self.first_row + self.rows.len()).saturating_sub(1)
    }

    /// The number of the last column that holds anything.
    pub fn last_column(&self) -> usize {
        self.first_column + self.rows.iter().map(Vec::len).max().unwrap_or(0)
            - usize::from(!self.rows.is_empty())
    }

    /// The texts of a row from column 1 to the last column.
    pub fn row_texts(&self, row: usize) -> Vec<String> {
        (1..=self.last_column())
            .map(|c| self.cell(row, c).text())
            .collect()
    }
}

/// Why a table file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot read the CSV at row {row}: {detail}")]
    Csv { row: usize, detail: String },
    #[error("cannot read the workbook: {0}")]
    Workbook(String),
    #[error("unsupported file type")]
    UnsupportedType(String),
    #[error("the file is too large")]
    TooLarge(u64),
    /// A workbook's name on a file that holds text: a CSV or an HTML table saved as `.xls`.
    #[error("the file is named .{extension} but holds text, not a workbook")]
    TextAsWorkbook { extension: String, html: bool },
}

/// Table files above this size are not hand-made tables.
pub const MAX_TABLE_BYTES: u64 = 32 * 1024 * 1024;

/// Reads a CSV or spreadsheet file, by its extension.
pub fn read(path: &Path) -> Result<Vec<Sheet>, TableError> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_TABLE_BYTES {
        return Err(TableError::TooLarge(size));
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" | "tsv" => Ok(vec![read_csv(&decode(&std::fs::read(path)?))?]),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => {
            if let Some(html) = text_not_workbook(path)? {
                return Err(TableError::TextAsWorkbook {
                    extension: ext,
                    html,
                });
            }
            read_workbook(path)
        }
        other => Err(TableError::UnsupportedType(other.to_string())),
    }
}

/// Whether a file named as a workbook holds text instead (`Some(true)` when that text is an
/// HTML page, as some statistics portals serve a table "for Excel"): workbooks are zip
/// (xlsx, xlsm, xlsb, ods) or OLE (xls) files, known by their first bytes.
fn text_not_workbook(path: &Path) -> Result<Option<bool>, std::io::Error> {
    use std::io::Read;
    let mut head = Vec::with_capacity(512);
    std::fs::File::open(path)?
        .take(512)
        .read_to_end(&mut head)?;
    if head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        return Ok(None);
    }
    let text = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&head);
    let printable = text
        .iter()
        .filter(|b| b.is_ascii_graphic() || b.is_ascii_whitespace() || **b >= 0x80)
        .count();
    if text.is_empty() || printable * 10 < text.len() * 9 {
        return Ok(None);
    }
    let start = String::from_utf8_lossy(text).trim_start().to_lowercase();
    Ok(Some(
        // A web page, or Excel's "XML Spreadsheet 2003": either way markup, not CSV.
        start.starts_with('<')
            && (start.contains("<html")
                || start.contains("<table")
                || start.starts_with("<!doctype")
                || start.starts_with("<?xml")),
    ))
}

/// UTF-8 (a byte-order mark dropped), or else Windows-1252, which Excel on Windows writes.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => bytes
            .iter()
            .map(|b| match b {
                0x85 => '…',
                0x96 => '–',
                0x97 => '—',
                0x91 | 0x92 => '\'',
                0x93 | 0x94 => '"',
                0xa0 => '\u{a0}',
                b => char::from(*b),
            })
            .collect(),
    }
}

/// The separator of a CSV: whichever of `;`, `,` and tab occurs most outside quotes in the
/// first lines (BPS downloads use `;` where the decimal mark is a comma).
pub fn separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    for line in text.lines().take(20) {
        let mut quoted = false;
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ';' if !quoted => counts[0] += 1,
                ',' if !quoted => counts[1] += 1,
                '\t' if !quoted => counts[2] += 1,
                _ => {}
            }
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], 3 - i)).unwrap_or(0);
    [b';', b',', b'\t'][best]
}

fn read_csv(text: &str) -> Result<Sheet, TableError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| TableError::Csv {
            row: e.position().map_or(i + 1, |p| p.line() as usize),
            detail: e.to_string(),
        })?;
        // The reader skips blank lines; a spreadsheet shows them as empty rows.
        let line = record
            .position()
            .map_or(rows.len() + 1, |p| p.line() as usize);
        while rows.len() + 1 < line {
            rows.push(Vec::new());
        }
        rows.push(
            record
                .iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(f.to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(Sheet {
        name: None,
        rows,
        first_row: 1,
        first_column: 1,
    })
}

fn read_workbook(path: &Path) -> Result<Vec<Sheet>, TableError> {
    use calamine::{Data, Reader};
    let mut book =
        calamine::open_workbook_auto(path).map_err(|e| TableError::Workbook(e.to_string()))?;
    let names = book.sheet_names().to_vec();
    // Merged cells keep their value in the top-left cell only; a reader means it for all.
    let merged: Vec<Vec<calamine::Dimensions>> = match &mut book {
        calamine::Sheets::Xlsx(x) => names
            .iter()
            .map(|n| x.merge_cells_by_sheet_name(n).unwrap_or_default())
            .collect(),
        _ => names.iter().map(|_| Vec::new()).collect(),
    };
    let mut sheets = Vec::new();
    for (name, merges) in names.iter().zip(merged) {
        let range = book
            .worksheet_range(name)
            .map_err(|e| TableError::Workbook(e.to_string()))?;
        let (first_row, first_column) = range
            .start()
            .map_or((1, 1), |(r, c)| (r as usize + 1, c as usize + 1));
        let mut rows: Vec<Vec<Cell>> = range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|d| match d {
                        Data::Empty => Cell::Empty,
                        Data::Int(i) => Cell::Number(*i as f64),
                        Data::Float(f) => Cell::Number(*f),
                        Data::String(s) if s.trim().is_empty() => Cell::Empty,
                        Data::String(s) => Cell::Text(s.clone()),
                        Data::Bool(b) => Cell::Text(b.to_string()),
                        Data::DateTime(d) => Cell::Number(d.as_f64()),
                        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
                        Data::Error(e) => Cell::Text(format!("#{e:?}")),
                    })
                    .collect()
            })
            .collect();
        for m in merges {
            let (r0, c0) = (m.start.0 as usize + 1, m.start.1 as usize + 1);
            // Clamped to the sheet's own size: a merge cannot grow the table.
            let r1 = (m.end.0 as usize + 1).min(first_row + rows.len());
            let c1 = (m.end.1 as usize + 1).min(first_column + rows.first().map_or(0, Vec::len));
            let (Some(ri), Some(ci)) = (r0.checked_sub(first_row), c0.checked_sub(first_column))
            else {
                continue;
            };
            let value = rows.get(ri).and_then(|r| r.get(ci)).cloned();
            let Some(value) = value.filter(|v| !v.is_blank()) else {
                continue;
            };
            for r in r0..=r1 {
                for c in c0..=c1 {
                    if let Some(cell) = r
                        .checked_sub(first_row)
                        .and_then(|r| rows.get_mut(r))
                        .and_then(|row| c.checked_sub(first_column).and_then(|c| row.get_mut(c)))
                    {
                        *cell = value.clone();
                    }
                }
            }
        }
        sheets.push(Sheet {
            name: Some(name.clone()),
            rows,
            first_row,
            first_column,
        });
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_separator_is_detected() {
        assert_eq!(separator("a;b;\"c,d\"\n1;2;3\n"), b';');
        assert_eq!(separator("a,b,c\n\"7,57\",2,3\n"), b',');
        assert_eq!(separator("a\tb\n"), b'\t');
    }

    #[test]
    fn csv_cells_keep_their_rows_and_columns() {
        let sheet = read_csv("Judul\n\nWilayah;2024;2025\nBlitar;\"8,16\";7,57\n").unwrap();
        assert_eq!(sheet.cell(1, 1), &Cell::Text("Judul".into()));
        assert_eq!(sheet.cell(4, 3), &Cell::Text("7,57".into()));
        assert_eq!(sheet.cell(4, 2).text(), "8,16");
        assert_eq!(sheet.cell(9, 9), &Cell::Empty);
        assert_eq!(sheet.last_column(), 3);
        assert_eq!(sheet.row_range(), 1..=4);
    }

    #[test]
    fn windows_1252_is_read() {
        assert_eq!(decode(b"a;\x85;\x96"), "a;…;–");
        assert_eq!(decode(b"\xef\xbb\xbfa"), "a");
    }
}
