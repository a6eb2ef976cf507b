//! Figures written into an author's `indikator.yaml` or reference file as text edits, so that
//! comments, order, spacing and the style of each year (`2024: {p0: 8.16}` or one key a line)
//! stay as the author wrote them. The positions come from the crate's own loader.

use crate::base::format::plain;
use crate::content::yaml::Entries;
use crate::content::{RawFigure, RawYearTable};
use serde_saphyr::Spanned;

/// The table of a series file a figure belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    /// `data`: March figures.
    Data,
    /// `data_september`.
    DataSeptember,
}

impl Table {
    pub fn key(self) -> &'static str {
        match self {
            Table::Data => "data",
            Table::DataSeptember => "data_september",
        }
    }
}

/// One figure to write.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub table: Table,
    pub year: i32,
    pub key: String,
    pub value: f64,
}

/// Why a file could not be edited in place.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot edit the layout at line {line}")]
pub struct LayoutError {
    pub line: usize,
}

/// The file's text with its line starts, to turn (line, column) into byte offsets.
struct Text<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    newline: &'static str,
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
        Text {
            text,
            line_starts,
            newline,
        }
    }

    /// The byte offset of a 1-based line and character column.
    fn offset(&self, line: usize, column: usize) -> Option<usize> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let rest = self.text.get(start..)?;
        let within = rest
            .char_indices()
            .nth(column.checked_sub(1)?)
            .map_or(rest.len(), |(b, _)| b);
        Some(start + within)
    }

    /// The 1-based line holding a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|s| *s <= offset)
    }

    /// The byte offset just after the end of a line (after its line break, or the file's end).
    fn after_line(&self, line: usize) -> usize {
        self.line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len())
    }

    fn line_text(&self, line: usize) -> &str {
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let end = self.after_line(line);
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }

    /// The end of the scalar that starts at `pos` (a quoted string or a plain word).
    fn token_end(&self, pos: usize) -> usize {
        let rest = self.text.get(pos..).unwrap_or("");
        let mut chars = rest.char_indices();
        match chars.next() {
            Some((_, q @ ('"' | '\''))) => {
                let mut escaped = false;
                for (i, c) in chars {
                    if q == '"' && c == '\\' && !escaped {
                        escaped = true;
                        continue;
                    }
                    if c == q && !escaped {
                        return pos + i + 1;
                    }
                    escaped = false;
                }
                self.text.len()
            }
            _ => {
                // A plain scalar ends at a flow indicator, a comment, the line's end, or a
                // colon followed by a space (`2024: …`).
                let bytes = rest.as_bytes();
                let end = rest
                    .char_indices()
                    .find(|(i, c)| {
                        matches!(c, ',' | '}' | ']' | '#' | '\n' | '\r')
                            || (*c == ':'
                                && matches!(
                                    bytes.get(i + 1),
                                    None | Some(b' ' | b'\t' | b'\r' | b'\n')
                                ))
                    })
                    .map_or(rest.len(), |(i, _)| i);
                pos + rest[..end].trim_end().len()
            }
        }
    }

    /// The first byte at or after `pos` that is not a space, tab or line break.
    fn skip_space(&self, pos: usize) -> usize {
        let rest = self.text.get(pos..).unwrap_or("");
        pos + (rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len())
    }

    fn byte(&self, pos: usize) -> Option<u8> {
        self.text.as_bytes().get(pos).copied()
    }
}

/// How a year's figures are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Flow,
    Block,
}

/// What is known about one year already in the file.
struct YearEntry {
    year: i32,
    key_line: usize,
    /// The indentation of the year key, in spaces.
    indent: usize,
    style: Style,
    /// For flow style: where a new `, key: value` goes (after the last value, or after `{`).
    insert_at: usize,
    /// Whether the flow mapping holds nothing yet.
    empty: bool,
    /// For block style: the indentation of its keys.
    child_indent: usize,
    /// The last line of this year's figures.
    last_line: usize,
}

fn year_entries(t: &Text, table: &RawYearTable<RawFigure>) -> Result<Vec<YearEntry>, LayoutError> {
    let mut out = Vec::new();
    for (year_key, figures) in &table.0 {
        let key_line = year_key.referenced.line() as usize;
        let layout = LayoutError { line: key_line };
        let Ok(year) = year_key.value.trim().parse::<i32>() else {
            continue;
        };
        let key_start = t
            .offset(key_line, year_key.referenced.column() as usize)
            .ok_or(layout.clone())?;
        let after_key = t.token_end(key_start);
        let colon = t.skip_space(after_key);
        if t.byte(colon) != Some(b':') {
            return Err(layout);
        }
        let indent = year_key.referenced.column() as usize - 1;
        let value_start = {
            let rest = t.text.get(colon + 1..).unwrap_or("");
            colon + 1 + (rest.len() - rest.trim_start_matches([' ', '\t']).len())
        };
        let last_value = figures
            .0
            .iter()
            .max_by_key(|(_, v)| (v.referenced.line(), v.referenced.column()));
        if t.byte(value_start) == Some(b'{') {
            let insert_at = match last_value {
                Some((_, v)) => {
                    let start = t
                        .offset(v.referenced.line() as usize, v.referenced.column() as usize)
                        .ok_or(layout.clone())?;
                    t.token_end(start)
                }
                None => value_start + 1,
            };
            let mut close = t.skip_space(insert_at);
            if t.byte(close) == Some(b',') {
                close = t.skip_space(close + 1);
            }
            if t.byte(close) != Some(b'}') {
                return Err(layout);
            }
            out.push(YearEntry {
                year,
                key_line,
                indent,
                style: Style::Flow,
                insert_at,
                empty: figures.0.is_empty(),
                child_indent: 0,
                last_line: t.line_of(close),
            });
        } else {
            // Block style: nothing but a comment may follow the colon.
            if !matches!(t.byte(value_start), None | Some(b'#' | b'\n' | b'\r')) {
                return Err(layout);
            }
            let (child_indent, last_line) = match figures
                .0
                .iter()
                .max_by_key(|(k, _)| (k.referenced.line(), k.referenced.column()))
            {
                Some((k, v)) => (
                    k.referenced.column() as usize - 1,
                    (v.referenced.line() as usize).max(k.referenced.line() as usize),
                ),
                None => (indent + 2, key_line),
            };
            out.push(YearEntry {
                year,
                key_line,
                indent,
                style: Style::Block,
                insert_at: 0,
                empty: figures.0.is_empty(),
                child_indent,
                last_line,
            });
        }
    }
    Ok(out)
}

fn figure_text(key: &str, value: f64) -> String {
    format!("{key}: {}", plain(value))
}

/// Removes the marks of `(year, key)` from the file's `ilustrasi:` block: the block is written
/// anew from the marks that remain (one flow list a year, as `tkpk new` writes it), or goes
/// whole when none remain. The block is the `ilustrasi:` line and the indented lines under it.
pub fn unmark_illustrative(
    text: &str,
    marks: &Entries<Spanned<String>, Vec<Spanned<String>>>,
    remove: &[(i32, String)],
) -> Result<String, LayoutError> {
    let t = Text::new(text);
    let nl = t.newline;
    let lines = t.line_starts.len();
    let start = (1..=lines)
        .find(|l| {
            t.line_text(*l)
                .strip_prefix("ilustrasi")
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .ok_or(LayoutError { line: 1 })?;
    // The marks' own lines must lie inside the block found.
    let last_mark = marks
        .0
        .iter()
        .flat_map(|(y, keys)| std::iter::once(y).chain(keys))
        .map(|s| s.referenced.line() as usize)
        .max()
        .unwrap_or(start);
    let mut end = start;
    for line in start + 1..=lines {
        let l = t.line_text(line);
        if l.trim().is_empty() {
            continue;
        }
        if l.starts_with([' ', '\t']) {
            end = line;
        } else {
            break;
        }
    }
    if last_mark > end {
        return Err(LayoutError { line: last_mark });
    }
    let kept: Vec<(String, Vec<String>)> = marks
        .0
        .iter()
        .map(|(year, keys)| {
            let y = year.value.trim().parse::<i32>().ok();
            let left = keys
                .iter()
                .map(|k| k.value.trim().to_string())
                .filter(|k| !remove.iter().any(|(ry, rk)| Some(*ry) == y && rk == k))
                .collect::<Vec<_>>();
            (year.value.trim().to_string(), left)
        })
        .filter(|(_, keys)| !keys.is_empty())
        .collect();
    let block = if kept.is_empty() {
        String::new()
    } else {
        let mut b = format!("ilustrasi:{nl}");
        for (year, keys) in &kept {
            b.push_str(&format!("  {year}: [{}]{nl}", keys.join(", ")));
        }
        b
    };
    let from = t.offset(start, 1).ok_or(LayoutError { line: start })?;
    let to = t.after_line(end);
    Ok(format!("{}{block}{}", &text[..from], &text[to..]))
}

/// One change to the text: replace `start..end` with `text`.
struct Splice {
    start: usize,
    end: usize,
    text: String,
}

/// Writes `edits` into `text`. Edits of figures the file already holds replace their value
/// where it stands; new figures join their year, and new years join their table.
pub fn apply(
    text: &str,
    tables: &[(Table, &RawYearTable<RawFigure>)],
    edits: &[Edit],
) -> Result<String, LayoutError> {
    let t = Text::new(text);
    let nl = t.newline;
    let mut splices: Vec<Splice> = Vec::new();
    let mut by_table: std::collections::BTreeMap<Table, Vec<&Edit>> = Default::default();
    for e in edits {
        by_table.entry(e.table).or_default().push(e);
    }
    for (table, edits) in by_table {
        let raw = tables.iter().find(|(k, _)| *k == table).map(|(_, r)| *r);
        let empty = RawYearTable::<RawFigure>::default();
        let raw = raw.unwrap_or(&empty);
        // The figures already written: replaced where they stand.
        let mut new_figures: std::collections::BTreeMap<i32, Vec<&Edit>> = Default::default();
        for e in edits {
            let existing = raw
                .0
                .iter()
                .filter(|(y, _)| y.value.trim().parse::<i32>().ok() == Some(e.year))
                .flat_map(|(_, figures)| figures.0.iter())
                .find(|(k, _)| k.value == e.key);
            match existing {
                Some((_, v)) => {
                    let line = v.referenced.line() as usize;
                    let start = t
                        .offset(line, v.referenced.column() as usize)
                        .ok_or(LayoutError { line })?;
                    splices.push(Splice {
                        start,
                        end: t.token_end(start),
                        text: plain(e.value),
                    });
                }
                None => new_figures.entry(e.year).or_default().push(e),
            }
        }
        if new_figures.is_empty() {
            continue;
        }
        let years = year_entries(&t, raw)?;
        let table_line = (1..=t.line_starts.len()).find(|l| {
            t.line_text(*l)
                .strip_prefix(table.key())
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        });
        let year_indent = years.first().map_or(2, |y| y.indent);
        let style = if years.iter().any(|y| y.style == Style::Flow) || years.is_empty() {
            Style::Flow
        } else {
            Style::Block
        };
        let child_indent = years
            .iter()
            .find(|y| y.style == Style::Block && !y.empty)
            .map_or(year_indent + 2, |y| y.child_indent);
        let sorted = years.windows(2).all(|w| w[0].year < w[1].year);
        let new_year_lines = |year: i32, figures: &[&Edit]| -> String {
            let pad = " ".repeat(year_indent);
            match style {
                Style::Flow => {
                    let inner: Vec<String> = figures
                        .iter()
                        .map(|e| figure_text(&e.key, e.value))
                        .collect();
                    format!("{pad}{year}: {{{}}}{nl}", inner.join(", "))
                }
                Style::Block => {
                    let child = " ".repeat(child_indent);
                    let mut s = format!("{pad}{year}:{nl}");
                    for e in figures {
                        s.push_str(&format!("{child}{}{nl}", figure_text(&e.key, e.value)));
                    }
                    s
                }
            }
        };
        // Where the table's years end (new years go there when none is later).
        let end_of_table = match (years.iter().map(|y| y.last_line).max(), table_line) {
            (Some(last), _) => t.after_line(last),
            (None, Some(line)) => {
                // `data: {}` or `data:` with nothing under it.
                let row = t.line_text(line);
                let rest = row.split_once(':').map_or("", |(_, r)| r);
                let value = rest.split('#').next().unwrap_or("").trim();
                match value {
                    "" => {}
                    "{}" => {
                        // `data: {}` becomes `data:` with the years under it.
                        let line_start = t.offset(line, 1).ok_or(LayoutError { line })?;
                        let colon = row.find(':').unwrap_or(0);
                        let brace = row[colon..].find("{}").map_or(colon, |b| colon + b);
                        splices.push(Splice {
                            start: line_start + colon + 1,
                            end: line_start + brace + 2,
                            text: String::new(),
                        });
                    }
                    _ => return Err(LayoutError { line }),
                }
                t.after_line(line)
            }
            (None, None) => {
                // No table yet: it goes at the end of the file.
                let mut head = String::new();
                if !text.is_empty() && !text.ends_with('\n') {
                    head.push_str(nl);
                }
                head.push_str(table.key());
                head.push(':');
                head.push_str(nl);
                splices.push(Splice {
                    start: text.len(),
                    end: text.len(),
                    text: head,
                });
                text.len()
            }
        };
        // A table that ends without a line break needs one before a new line (a table made
        // just now has brought its own).
        let table_made_now = years.is_empty() && table_line.is_none();
        let needs_break = !table_made_now
            && end_of_table == text.len()
            && !text.is_empty()
            && !text.ends_with('\n');
        for (year, figures) in &new_figures {
            match years.iter().find(|y| y.year == *year) {
                Some(y) if y.style == Style::Flow => {
                    let inner: Vec<String> = figures
                        .iter()
                        .map(|e| figure_text(&e.key, e.value))
                        .collect();
                    let joined = inner.join(", ");
                    splices.push(Splice {
                        start: y.insert_at,
                        end: y.insert_at,
                        text: if y.empty {
                            joined
                        } else {
                            format!(", {joined}")
                        },
                    });
                }
                Some(y) => {
                    let child = " ".repeat(y.child_indent);
                    let mut s = String::new();
                    if t.after_line(y.last_line) == text.len() && !text.ends_with('\n') {
                        s.push_str(nl);
                    }
                    for e in figures {
                        s.push_str(&format!("{child}{}{nl}", figure_text(&e.key, e.value)));
                    }
                    let at = t.after_line(y.last_line);
                    splices.push(Splice {
                        start: at,
                        end: at,
                        text: s,
                    });
                }
                None => {
                    let later = if sorted {
                        years.iter().find(|y| y.year > *year)
                    } else {
                        None
                    };
                    let (at, mut s) = match later {
                        Some(y) => (t.offset(y.key_line, 1).unwrap_or(0), String::new()),
                        None => (end_of_table, String::new()),
                    };
                    if later.is_none() && needs_break {
                        s.push_str(nl);
                    }
                    s.push_str(&new_year_lines(*year, figures));
                    splices.push(Splice {
                        start: at,
                        end: at,
                        text: s,
                    });
                }
            }
        }
    }
    // Later positions first, so earlier offsets stay true; at one position, in the order made.
    let mut order: Vec<usize> = (0..splices.len()).collect();
    order.sort_by(|a, b| splices[*b].start.cmp(&splices[*a].start).then(b.cmp(a)));
    let mut out = text.to_string();
    for i in order {
        let s = &splices[i];
        if s.start > s.end || s.end > out.len() || !out.is_char_boundary(s.start) {
            return Err(LayoutError {
                line: t.line_of(s.start),
            });
        }
        out.replace_range(s.start..s.end, &s.text);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diagnostics::SourceText;
    use crate::content::RawIndicatorFile;

    fn edit(text: &str, edits: &[(Table, i32, &str, f64)]) -> String {
        let src = SourceText::new("x.yaml", text.to_string());
        let (doc, errors) = crate::content::yaml::parse::<RawIndicatorFile>(&src, text, 0)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(errors.is_empty(), "{errors:?}");
        let edits: Vec<Edit> = edits
            .iter()
            .map(|(table, year, key, value)| Edit {
                table: *table,
                year: *year,
                key: key.to_string(),
                value: *value,
            })
            .collect();
        let out = apply(
            text,
            &[
                (Table::Data, &doc.data),
                (Table::DataSeptember, &doc.data_september),
            ],
            &edits,
        )
        .unwrap();
        // Whatever was written still reads.
        let src = SourceText::new("x.yaml", out.clone());
        crate::content::yaml::parse::<RawIndicatorFile>(&src, &out, 0)
            .unwrap_or_else(|e| panic!("{out}\n{e:?}"));
        out
    }

    const D: Table = Table::Data;

    #[test]
    fn flow_years_gain_keys_and_comments_stay() {
        let text = "# catatan\nsumber: BPS   # sumber utama\ndata:\n  2024: {p0: 8.16, jumlah_penduduk_miskin: 95.91}   # rilis 2024\n  2025: {p0: 7.57}\ntarget:\n  p0: {2026: 8.88}\n";
        let out = edit(
            text,
            &[
                (D, 2025, "p1", 1.02),
                (D, 2025, "garis_kemiskinan", 441448.0),
            ],
        );
        assert_eq!(
            out,
            "# catatan\nsumber: BPS   # sumber utama\ndata:\n  2024: {p0: 8.16, jumlah_penduduk_miskin: 95.91}   # rilis 2024\n  2025: {p0: 7.57, p1: 1.02, garis_kemiskinan: 441448}\ntarget:\n  p0: {2026: 8.88}\n"
        );
    }

    #[test]
    fn new_years_go_in_order_in_the_siblings_style() {
        let text = "sumber: BPS\ndata:\n  2020: {p0: 9.33}\n  2024: {p0: 8.16}\n";
        let out = edit(
            text,
            &[
                (D, 2022, "p0", 8.71),
                (D, 2021, "p0", 9.65),
                (D, 2025, "p0", 7.57),
                (D, 2019, "ipm", 70.57),
            ],
        );
        assert_eq!(
            out,
            "sumber: BPS\ndata:\n  2019: {ipm: 70.57}\n  2020: {p0: 9.33}\n  2021: {p0: 9.65}\n  2022: {p0: 8.71}\n  2024: {p0: 8.16}\n  2025: {p0: 7.57}\n"
        );
    }

    #[test]
    fn block_years_gain_lines() {
        let text = "sumber: BPS\ndata:\n    2024:\n        p0: 8.16   # maret\n    2025:\n        p0: 7.57\nsumber_target: RPJMD\n";
        let out = edit(
            text,
            &[
                (D, 2024, "p1", 1.1),
                (D, 2026, "p0", 7.0),
                (D, 2023, "p0", 8.69),
            ],
        );
        assert_eq!(
            out,
            "sumber: BPS\ndata:\n    2023:\n        p0: 8.69\n    2024:\n        p0: 8.16   # maret\n        p1: 1.1\n    2025:\n        p0: 7.57\n    2026:\n        p0: 7\nsumber_target: RPJMD\n"
        );
    }

    #[test]
    fn replacing_keeps_everything_else() {
        let text = "sumber: BPS\ndata:\n  2025: {p0: 7.57, jumlah_penduduk_miskin: 89.04}  # x\n";
        let out = edit(text, &[(D, 2025, "p0", 7.6)]);
        assert_eq!(
            out,
            "sumber: BPS\ndata:\n  2025: {p0: 7.6, jumlah_penduduk_miskin: 89.04}  # x\n"
        );
        let block = "sumber: BPS\ndata:\n  2025:\n    p0: 7.57 # lama\n";
        assert_eq!(
            edit(block, &[(D, 2025, "p0", 7.6)]),
            "sumber: BPS\ndata:\n  2025:\n    p0: 7.6 # lama\n"
        );
    }

    #[test]
    fn missing_and_empty_tables_are_made() {
        assert_eq!(
            edit("sumber: BPS\n", &[(D, 2025, "p0", 7.57)]),
            "sumber: BPS\ndata:\n  2025: {p0: 7.57}\n"
        );
        assert_eq!(
            edit("sumber: BPS", &[(D, 2025, "p0", 7.57)]),
            "sumber: BPS\ndata:\n  2025: {p0: 7.57}\n"
        );
        assert_eq!(
            edit("sumber: BPS\ndata: {}\n# akhir\n", &[(D, 2025, "p0", 7.57)]),
            "sumber: BPS\ndata:\n  2025: {p0: 7.57}\n# akhir\n"
        );
        assert_eq!(
            edit(
                "sumber: BPS\ndata:\n  2025: {p0: 7.57}\n",
                &[(Table::DataSeptember, 2025, "p0", 7.4)]
            ),
            "sumber: BPS\ndata:\n  2025: {p0: 7.57}\ndata_september:\n  2025: {p0: 7.4}\n"
        );
        assert_eq!(
            edit("sumber: BPS\ndata:\n  2025: {}\n", &[(D, 2025, "p0", 7.57)]),
            "sumber: BPS\ndata:\n  2025: {p0: 7.57}\n"
        );
    }

    #[test]
    fn crlf_files_stay_crlf_and_unsorted_years_append() {
        let text = "sumber: BPS\r\ndata:\r\n  2025: {p0: 7.57}\r\n  2023: {p0: 8.69}\r\n";
        assert_eq!(
            edit(text, &[(D, 2024, "p0", 8.16)]),
            "sumber: BPS\r\ndata:\r\n  2025: {p0: 7.57}\r\n  2023: {p0: 8.69}\r\n  2024: {p0: 8.16}\r\n"
        );
    }

    #[test]
    fn a_last_line_without_a_break() {
        assert_eq!(
            edit(
                "sumber: BPS\ndata:\n  2025: {p0: 7.57}",
                &[(D, 2026, "p0", 7.0)]
            ),
            "sumber: BPS\ndata:\n  2025: {p0: 7.57}\n  2026: {p0: 7}\n"
        );
        assert_eq!(
            edit(
                "sumber: BPS\ndata:\n  2025:\n    p0: 7.57",
                &[(D, 2025, "p1", 1.0)]
            ),
            "sumber: BPS\ndata:\n  2025:\n    p0: 7.57\n    p1: 1\n"
        );
    }

    #[test]
    fn multi_line_flow_mappings() {
        let text = "sumber: BPS\ndata:\n  2025: {p0: 7.57,\n         p1: 1.02}\n  2026: {p0: 7}\n";
        assert_eq!(
            edit(text, &[(D, 2025, "p2", 0.2)]),
            "sumber: BPS\ndata:\n  2025: {p0: 7.57,\n         p1: 1.02, p2: 0.2}\n  2026: {p0: 7}\n"
        );
    }
}
