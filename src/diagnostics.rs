//! Problems found in a site, collected across every file and printed together:
//! `galat: …` / `--> path:line:col` / the source line with a caret / `saran: …`.

use crate::messages::{Lang, Message, labels};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a source file: 1-based line and column (in characters), counted from the top of
/// the file, front matter included. `line_text` is that line, kept for the caret display.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub line_text: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosticData {
    pub severity: Severity,
    pub message: Message,
    pub location: Option<Location>,
    pub hint: Option<Message>,
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
    pub fn error(message: Message) -> Self {
        Diagnostic(Box::new(DiagnosticData {
            severity: Severity::Error,
            message,
            location: None,
            hint: None,
        }))
    }

    pub fn warning(message: Message) -> Self {
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
        });
        self
    }

    pub fn hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn hint_opt(mut self, hint: Option<Message>) -> Self {
        self.hint = hint;
        self
    }

    /// The diagnostic as the user reads it on stderr.
    pub fn render(&self, lang: Lang) -> String {
        let words = labels(lang);
        let label = match self.severity {
            Severity::Error => words.error,
            Severity::Warning => words.warning,
        };
        let mut out = format!("{label}: {}\n", self.message.text(lang));
        if let Some(loc) = &self.location {
            let path = loc.path.display();
            if loc.line == 0 {
                let _ = writeln!(out, "  --> {path}");
            } else {
                let _ = writeln!(out, "  --> {path}:{}:{}", loc.line, loc.column);
                if let Some(text) = &loc.line_text {
                    let number = loc.line.to_string();
                    let pad = " ".repeat(number.len());
                    let shown = text.replace('\t', " ");
                    let caret_pad = " ".repeat(loc.column.saturating_sub(1));
                    let _ = writeln!(out, "{pad} |");
                    let _ = writeln!(out, "{number} | {shown}");
                    let _ = writeln!(out, "{pad} | {caret_pad}^");
                }
            }
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  {}: {}", words.hint, hint.text(lang));
        }
        out
    }
}

/// Every diagnostic of one run, in a stable order (by file, line, column).
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
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
}

impl SourceText {
    pub fn new(display_path: impl AsRef<Path>, text: String) -> Self {
        SourceText {
            display_path: display_path.as_ref().to_path_buf(),
            text,
        }
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line(&self, line: usize) -> Option<&str> {
        if line == 0 {
            return None;
        }
        self.text
            .split('\n')
            .nth(line - 1)
            .map(|l| l.trim_end_matches('\r'))
    }

    pub fn location(&self, line: usize, column: usize) -> Location {
        Location {
            path: self.display_path.clone(),
            line,
            column: column.max(1),
            line_text: self.line(line).map(str::to_string),
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn crlf_lines_lose_their_carriage_return() {
        let src = SourceText::new("x", "a: 1\r\nb: 2\r\n".into());
        assert_eq!(src.line(2), Some("b: 2"));
        assert_eq!(src.location_of(2, "2").column, 4);
    }
}
