//! Problems found in a site, collected across every file and printed together:
//! `galat: …` / `--> path:line:col` / the source line with a caret / `saran: …`.

use crate::base::lang::Lang;
use crate::base::messages::{Text, labels};
use serde_saphyr::Spanned;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a source file: 1-based line and column (in characters), counted from the top of
/// the file, front matter included. `line_text` is that line, kept for the caret display; of a
/// very long line only the part around the column is kept (with `…` where it was cut), and
/// `caret` is the column's 1-based position in what was kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub line_text: Option<String>,
    pub caret: usize,
}

/// A source line longer than this many characters is shown only around its column: a file of
/// one long line with thousands of errors must not copy that line for each of them.
const SHOWN_LINE_CHARS: usize = 120;
/// How many characters are shown before the column of a cut line.
const SHOWN_BEFORE: usize = 50;

/// `line`, or the part of it around the 1-based `column`, and the column's position in it.
/// An `ascii` line (the usual case) needs no walk through it to find a character's byte.
fn shown_part(line: &str, ascii: bool, column: usize) -> (String, usize) {
    let char_count = if ascii {
        line.len()
    } else {
        line.chars().count()
    };
    if char_count <= SHOWN_LINE_CHARS {
        return (line.to_string(), column);
    }
    let first = column.saturating_sub(1 + SHOWN_BEFORE).min(char_count);
    let last = (first + SHOWN_LINE_CHARS).min(char_count);
    let byte_at = |chars: usize| {
        if ascii {
            chars
        } else {
            line.char_indices()
                .nth(chars)
                .map_or(line.len(), |(b, _)| b)
        }
    };
    let (start, end) = (byte_at(first), byte_at(last));
    let mut shown = String::with_capacity(end - start + 8);
    if first > 0 {
        shown.push('…');
    }
    shown.push_str(&line[start..end]);
    if last < char_count {
        shown.push('…');
    }
    let caret = column - first + usize::from(first > 0);
    (shown, caret)
}

impl Location {
    /// What is written at the caret, up to the next `,`, `}`, `]` or `#`: the value a message
    /// quotes back ("tertulis …").
    pub fn written(&self) -> String {
        self.line_text
            .as_deref()
            .map(|l| {
                l.chars()
                    .skip(self.caret.saturating_sub(1))
                    .collect::<String>()
            })
            .and_then(|rest| {
                rest.split([',', '}', ']', '#'])
                    .next()
                    .map(|w| w.trim().to_string())
            })
            .unwrap_or_default()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosticData {
    pub severity: Severity,
    pub message: Text,
    pub location: Option<Location>,
    pub hint: Option<Text>,
    /// A warning that a figure may be wrong (an implausible size or jump): among the messages
    /// printed in full before any other warning.
    pub doubt: bool,
}

/// One problem. Boxed so that `Result<_, Diagnostic>` stays small on the happy path.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic(Box<DiagnosticData>);

impl std::ops::Deref for Diagnostic {
    type Target = DiagnosticData;
    fn deref(&self) -> &DiagnosticData {
        &self.0
    }
}

impl std::ops::DerefMut for Diagnostic {
    fn deref_mut(&mut self) -> &mut DiagnosticData {
        &mut self.0
    }
}

impl Diagnostic {
    pub fn error(message: impl Into<Text>) -> Self {
        Diagnostic(Box::new(DiagnosticData {
            severity: Severity::Error,
            message: message.into(),
            location: None,
            hint: None,
            doubt: false,
        }))
    }

    pub fn warning(message: impl Into<Text>) -> Self {
        let mut d = Diagnostic::error(message);
        d.severity = Severity::Warning;
        d
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Points at a whole file, without a line.
    pub fn in_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.location = Some(Location {
            path: path.into(),
            line: 0,
            column: 0,
            line_text: None,
            caret: 0,
        });
        self
    }

    /// Marks a warning that a figure may be wrong: see [`DiagnosticData::doubt`].
    pub fn doubtful(mut self) -> Self {
        self.doubt = true;
        self
    }

    pub fn hint(mut self, hint: impl Into<Text>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn hint_opt<T: Into<Text>>(mut self, hint: Option<T>) -> Self {
        self.hint = hint.map(Into::into);
        self
    }

    /// The diagnostic as the user reads it on stderr.
    pub fn render(&self, lang: Lang) -> String {
        let words = labels(lang);
        let label = match self.severity {
            Severity::Error => words.error,
            Severity::Warning => words.warning,
        };
        let mut out = format!(
            "{label}: {}\n",
            shorten_quotes(&self.message.text(lang), QUOTE_MAX)
        );
        if let Some(loc) = &self.location {
            // Forward slashes on every system: the same message, and a path Windows accepts.
            let path = loc.path.display().to_string().replace('\\', "/");
            if loc.line == 0 {
                let _ = writeln!(out, "  --> {path}");
            } else {
                let _ = writeln!(out, "  --> {path}:{}:{}", loc.line, loc.column);
                if let Some(text) = &loc.line_text {
                    let number = loc.line.to_string();
                    let pad = " ".repeat(number.len());
                    let shown = text.replace('\t', " ");
                    let caret_pad = " ".repeat(loc.caret.saturating_sub(1));
                    let _ = writeln!(out, "{pad} |");
                    let _ = writeln!(out, "{number} | {shown}");
                    let _ = writeln!(out, "{pad} | {caret_pad}^");
                }
            }
        }
        if let Some(hint) = &self.hint {
            // A hint's own examples run longer than a quoted value; a value quoted in a hint
            // (a fix of what was written) is still cut when it is long.
            let _ = writeln!(
                out,
                "  {}: {}",
                words.hint,
                shorten_quotes(&hint.text(lang), 4 * QUOTE_MAX)
            );
        }
        out
    }
}

/// The longest quoted user text (between backticks) a message's headline repeats whole.
const QUOTE_MAX: usize = 80;

/// A message with every quoted text longer than `max` characters cut to its start and end
/// around "…": a value thousands of characters long (a 3 MB number) is not repeated whole.
fn shorten_quotes(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut out = String::with_capacity(max * 4);
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd parts lie between backticks.
        if i % 2 == 1 && part.chars().count() > max {
            let head: String = part.chars().take(max / 2).collect();
            let tail: String = {
                let mut t: Vec<char> = part.chars().rev().take(max / 4).collect();
                t.reverse();
                t.into_iter().collect()
            };
            out.push_str(&head);
            out.push('…');
            out.push_str(&tail);
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Every diagnostic of one run, in a stable order (by file, line, column).
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics {
            items: vec![diagnostic],
        }
    }
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Diagnostics sorted by file, line and column, errors before warnings at one place.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                d.location
                    .as_ref()
                    .map(|l| (l.path.clone(), l.line, l.column))
            };
            key(a).cmp(&key(b)).then(a.severity.cmp(&b.severity))
        });
        v
    }

    /// At most `max` diagnostics in full (errors first, then warnings that a figure may be
    /// wrong, then the other warnings; shown in file order), then
    /// one line counting the rest per file: 25,000 errors are not 5 MB of text.
    pub fn render_bounded(&self, lang: Lang, max: usize) -> String {
        let sorted = self.sorted();
        if sorted.len() <= max {
            return self.render(lang);
        }
        let errors = sorted
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let shown: Vec<usize> = {
            let mut picked: Vec<usize> = (0..sorted.len())
                .filter(|i| sorted[*i].severity == Severity::Error)
                .take(max)
                .collect();
            // Then the warnings that a figure may be wrong, then the others.
            for doubt in [true, false] {
                let room = max.saturating_sub(picked.len());
                picked.extend(
                    (0..sorted.len())
                        .filter(|i| {
                            sorted[*i].severity != Severity::Error && sorted[*i].doubt == doubt
                        })
                        .take(room),
                );
            }
            picked.sort_unstable();
            picked
        };
        let mut rest: std::collections::BTreeMap<String, usize> = Default::default();
        for (i, d) in sorted.iter().enumerate() {
            if shown.binary_search(&i).is_err() {
                let path = d
                    .location
                    .as_ref()
                    .map(|l| l.path.display().to_string())
                    .unwrap_or_default();
                *rest.entry(path).or_default() += 1;
            }
        }
        use crate::base::messages::Words;
        let mut out: Vec<String> = shown.iter().map(|i| sorted[*i].render(lang)).collect();
        let hidden: usize = rest.values().sum();
        out.push(
            crate::base::messages::Message::NotShown {
                shown: shown.len(),
                hidden,
                errors,
                per_file: rest.into_iter().collect(),
            }
            .text(lang)
                + "\n",
        );
        out.join("\n")
    }

    /// All diagnostics as printed on stderr, one blank line apart.
    pub fn render(&self, lang: Lang) -> String {
        self.sorted()
            .iter()
            .map(|d| d.render(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A file's text with its path as shown to the user, able to make locations.
#[derive(Clone, Debug)]
pub struct SourceText {
    /// The path shown in messages (relative to the site root).
    pub display_path: PathBuf,
    pub text: String,
    /// The byte offset at which each line starts, so that a file with thousands of errors
    /// does not rescan its text for each one.
    line_starts: Vec<usize>,
    /// Whether each line is ASCII (its characters are its bytes).
    line_ascii: Vec<bool>,
}

impl SourceText {
    pub fn new(display_path: impl AsRef<Path>, text: String) -> Self {
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let line_ascii = text.split('\n').map(str::is_ascii).collect();
        SourceText {
            display_path: display_path.as_ref().to_path_buf(),
            text,
            line_starts,
            line_ascii,
        }
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line(&self, line: usize) -> Option<&str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        self.text.get(start..end).map(|l| l.trim_end_matches('\r'))
    }

    pub fn location(&self, line: usize, column: usize) -> Location {
        let column = column.max(1);
        let (line_text, caret) = match self.line(line) {
            Some(text) => {
                let ascii = self.line_ascii.get(line - 1).copied().unwrap_or(false);
                let (shown, caret) = shown_part(text, ascii, column);
                (Some(shown), caret)
            }
            None => (None, column),
        };
        Location {
            path: self.display_path.clone(),
            line,
            column,
            line_text,
            caret,
        }
    }

    /// The location of the first occurrence of `needle` on a line, or its first column.
    pub fn location_of(&self, line: usize, needle: &str) -> Location {
        let column = self
            .line(line)
            .and_then(|l| l.find(needle).map(|b| l[..b].chars().count() + 1))
            .unwrap_or(1);
        self.location(line, column)
    }
}

/// Where a spanned value of a YAML document starts.
pub fn at<T>(source: &SourceText, spanned: &Spanned<T>) -> Location {
    source.location(
        spanned.referenced.line() as usize,
        spanned.referenced.column() as usize,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::messages::Message;

    #[test]
    fn renders_path_line_caret_and_hint() {
        let src = SourceText::new(
            "content/a/indikator.yaml",
            "data:\n  2024: {p0: \"7,57\"}\n".into(),
        );
        let d = Diagnostic::error(Message::DecimalComma {
            text: "7,57".into(),
        })
        .at(src.location(2, 15))
        .hint(Message::HintDecimalComma {
            fixed: "7.57".into(),
        });
        let out = d.render(Lang::Id);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("galat: angka `7,57` memakai koma desimal"));
        assert_eq!(lines[1], "  --> content/a/indikator.yaml:2:15");
        assert_eq!(lines[3], "2 |   2024: {p0: \"7,57\"}");
        assert_eq!(lines[4], "  |               ^");
        assert!(lines[5].starts_with("  saran: tulis `7.57`"));
        assert!(d.render(Lang::En).starts_with("error: "));
    }

    #[test]
    fn counts_and_sorts() {
        let mut all = Diagnostics::new();
        all.push(Diagnostic::warning(Message::EmptyFile).in_file("b.yaml"));
        all.push(Diagnostic::error(Message::EmptyFile).in_file("a.yaml"));
        assert_eq!((all.error_count(), all.warning_count()), (1, 1));
        assert!(all.render(Lang::Id).starts_with("galat"));
    }

    /// On a site with more messages than are printed in full, a warning that a figure may be
    /// wrong is printed in full before the other warnings, wherever its file sorts.
    #[test]
    fn a_doubtful_figure_is_never_among_the_messages_not_shown() {
        let mut all = Diagnostics::new();
        for i in 0..60 {
            all.push(Diagnostic::warning(Message::EmptyFile).in_file(format!("a{i:02}.md")));
        }
        all.push(
            Diagnostic::warning(Message::EmptyFile)
                .in_file("z/indikator.yaml")
                .doubtful(),
        );
        all.push(Diagnostic::error(Message::EmptyFile).in_file("y.yaml"));
        let shown = all.render_bounded(Lang::Id, 50);
        assert!(shown.contains("z/indikator.yaml"), "{shown}");
        assert!(shown.contains("y.yaml"), "{shown}");
        assert!(
            shown.contains("--> a47.md") && !shown.contains("--> a48.md"),
            "{shown}"
        );
    }

    #[test]
    fn crlf_lines_lose_their_carriage_return() {
        let src = SourceText::new("x", "a: 1\r\nb: 2\r\n".into());
        assert_eq!(src.line(2), Some("b: 2"));
        assert_eq!(src.location_of(2, "2").column, 4);
    }

    #[test]
    fn a_long_line_is_shown_around_its_column() {
        let long = format!("data: {{{}}}", "[".repeat(10_000));
        let src = SourceText::new("x", format!("a: 1\n{long}\n"));
        let loc = src.location(2, 5_000);
        let text = loc.line_text.clone().unwrap();
        assert_eq!(text.chars().count(), SHOWN_LINE_CHARS + 2);
        assert!(text.starts_with('…') && text.ends_with('…'));
        assert_eq!(loc.caret, SHOWN_BEFORE + 2);
        assert_eq!(loc.column, 5_000);
        let out = Diagnostic::error(Message::EmptyFile)
            .at(loc)
            .render(Lang::Id);
        assert!(out.lines().all(|l| l.chars().count() < 200), "{out}");
        // Near the start nothing is cut before the column; non-ASCII lines are cut on chars.
        let wide = format!("é{}", "ü".repeat(500));
        let src = SourceText::new("x", wide);
        let loc = src.location(1, 3);
        let text = loc.line_text.unwrap();
        assert!(text.starts_with("éüü") && text.ends_with('…'));
        assert_eq!(loc.caret, 3);
        // Short lines are kept whole.
        let src = SourceText::new("x", "  2024: {p0: 1}".into());
        let loc = src.location(1, 14);
        assert_eq!(
            (loc.line_text.as_deref(), loc.caret),
            (Some("  2024: {p0: 1}"), 14)
        );
    }

    #[test]
    fn lines_past_the_end_and_line_zero_are_none() {
        let src = SourceText::new("x", "a\n\nc".into());
        assert_eq!(src.line(0), None);
        assert_eq!(
            (src.line(1), src.line(2), src.line(3)),
            (Some("a"), Some(""), Some("c"))
        );
        assert_eq!(src.line(4), None);
        let src = SourceText::new("x", "a\n".into());
        assert_eq!((src.line(2), src.line(3)), (Some(""), None));
        assert_eq!(SourceText::new("x", String::new()).line(1), Some(""));
    }
}
