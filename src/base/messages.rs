//! How a message a user reads is made: each stage defines its own messages beside its code
//! (`content::messages::LoadMessage`, `model::messages::ModelMessage`, …), each an enum that
//! holds the facts and implements [`Words`] to word them in Indonesian and English. A
//! diagnostic carries any of them as a [`Text`]. The language is chosen when a message is
//! printed, so adding a language never touches a call site, and a missing translation is a
//! compile error (every variant has to be matched for every language). [`Message`] holds the
//! few messages more than one stage raises.

use crate::base::lang::Lang;
use std::any::Any;
use std::fmt;

/// One message shown to the user. Fields hold the facts; `text` words them.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    EmptyFile,
    /// The diagnostics left out of a long list: how many, and per file (path, count).
    NotShown {
        shown: usize,
        hidden: usize,
        errors: usize,
        per_file: Vec<(String, usize)>,
    },
    // Figures.
    DecimalComma {
        text: String,
    },
    NotANumber {
        text: String,
    },
    // Hints.
    HintDidYouMean {
        suggestion: String,
    },
    HintAllowed {
        allowed: Vec<String>,
    },
    HintDecimalComma {
        fixed: String,
    },
}

/// Which of the YAML reader's safety limits a file went past (alias bombs and deep nesting are
/// refused, quickly, with a clear error).
#[derive(Clone, Debug, PartialEq)]
pub enum YamlLimit {
    /// More levels of nesting than `max`.
    Depth { max: usize },
    /// More values than `max`, repeated aliases counted each time.
    Nodes { max: usize },
    /// More aliases (`*name`) than `max`.
    Aliases { max: usize },
    /// More anchors (`&name`) than `max`.
    Anchors { max: usize },
    /// A second document (`---`) in one file.
    Documents,
    /// Any other limit of the reader (alias replay, recursion).
    Other,
}

/// `a`, `b`, `c`: a list of words as a message quotes them.
pub fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A message's wording: the facts it holds, put in words in the given language.
pub trait Words: fmt::Debug + Send + Sync + 'static {
    fn text(&self, lang: Lang) -> String;
}

/// What [`Text`] needs of a message besides its words: to be copied and compared.
trait AnyWords: Words {
    fn clone_box(&self) -> Box<dyn AnyWords>;
    fn as_any(&self) -> &dyn Any;
    fn same(&self, other: &dyn Any) -> bool;
}

impl<T: Words + Clone + PartialEq> AnyWords for T {
    fn clone_box(&self) -> Box<dyn AnyWords> {
        Box::new(self.clone())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<T>() == Some(self)
    }
}

/// A message of any stage, as a diagnostic carries it.
pub struct Text(Box<dyn AnyWords>);

impl Text {
    pub fn text(&self, lang: Lang) -> String {
        self.0.text(lang)
    }

    /// The message as its own stage's type, when it is one.
    pub fn downcast_ref<T: Words>(&self) -> Option<&T> {
        self.0.as_any().downcast_ref()
    }
}

impl<T: Words + Clone + PartialEq> From<T> for Text {
    fn from(message: T) -> Self {
        Text(Box::new(message))
    }
}

impl Clone for Text {
    fn clone(&self) -> Self {
        Text(self.0.clone_box())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.0.same(other.0.as_any())
    }
}

/// A message compares equal to the stage's own message it holds (for tests and checks).
impl<T: Words + Clone + PartialEq> PartialEq<T> for Text {
    fn eq(&self, other: &T) -> bool {
        self.downcast_ref::<T>() == Some(other)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Words for Message {
    /// The message in the given language.
    fn text(&self, lang: Lang) -> String {
        use Message::*;
        let id = lang == Lang::Id;
        let t = |a: String, b: String| if id { a } else { b };
        match self {
            EmptyFile => t("berkas ini kosong".into(), "this file is empty".into()),
            NotShown {
                shown,
                hidden,
                errors,
                per_file,
            } => {
                // The twenty files with the most, then how many files more.
                let mut files: Vec<&(String, usize)> = per_file.iter().collect();
                files.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let listed: Vec<String> = files
                    .iter()
                    .take(20)
                    .map(|(path, n)| {
                        let path = if path.is_empty() {
                            "–"
                        } else {
                            path.as_str()
                        };
                        format!("{path} ({n})")
                    })
                    .collect();
                let more = files.len().saturating_sub(20);
                t(
                    format!(
                        "… dan {hidden} pesan lain tidak ditampilkan ({shown} pertama ditulis lengkap, galat lebih dulu; seluruhnya {errors} galat). Perbaiki yang di atas, lalu jalankan lagi. Per berkas: {}{}",
                        listed.join("; "),
                        if more > 0 {
                            format!("; dan {more} berkas lain")
                        } else {
                            String::new()
                        }
                    ),
                    format!(
                        "… and {} not shown (the first {shown} in full, errors first; {} in all). Fix the ones above and run again. Per file: {}{}",
                        crate::base::lang::en_count(*hidden, "more message", "more messages"),
                        crate::base::lang::en_count(*errors, "error", "errors"),
                        listed.join("; "),
                        if more > 0 {
                            format!(
                                "; and {}",
                                crate::base::lang::en_count(more, "file more", "files more")
                            )
                        } else {
                            String::new()
                        }
                    ),
                )
            }
            DecimalComma { text } => t(
                format!("angka `{text}` memakai koma desimal dan terbaca sebagai teks"),
                format!("the number `{text}` uses a decimal comma and reads as text"),
            ),
            NotANumber { text } => t(
                format!("`{text}` bukan angka"),
                format!("`{text}` is not a number"),
            ),
            HintDidYouMean { suggestion } => t(
                format!("mungkin maksud Anda `{suggestion}`?"),
                format!("did you mean `{suggestion}`?"),
            ),
            HintAllowed { allowed } => t(
                format!("kunci yang dikenal: {}", list(allowed)),
                format!("known keys: {}", list(allowed)),
            ),
            HintDecimalComma { fixed } => t(
                format!(
                    "tulis `{fixed}`: titik sebagai pemisah desimal, tanpa tanda kutip (halaman tetap menampilkan koma)"
                ),
                format!("write `{fixed}`: a dot as the decimal separator, without quotes"),
            ),
        }
    }
}

/// Words that frame a diagnostic.
pub struct Labels {
    pub error: &'static str,
    pub warning: &'static str,
    pub hint: &'static str,
}

pub fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::Id => Labels {
            error: "galat",
            warning: "peringatan",
            hint: "saran",
        },
        Lang::En => Labels {
            error: "error",
            warning: "warning",
            hint: "help",
        },
    }
}

/// The kind of value a key expects, named from serde's words ("a string", "f64", "struct …").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueKind {
    Text,
    Number,
    Integer,
    Bool,
    Map,
    List,
    Empty,
    /// One word out of a fixed list (`kabupaten` or `kota`).
    Choice,
    Other(String),
}

impl ValueKind {
    pub fn from_serde(words: &str) -> ValueKind {
        let w = words.trim();
        match w {
            "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" => {
                ValueKind::Integer
            }
            s if s.contains("map") || s.contains("struct") => ValueKind::Map,
            s if s.contains("seq") || s.contains("list") => ValueKind::List,
            s if s.contains("string") || s.contains("str") || s.contains("char") => ValueKind::Text,
            s if s.contains("f64") || s.contains("f32") || s.contains("float") => ValueKind::Number,
            s if s.contains("integer") => ValueKind::Integer,
            s if s.contains("bool") => ValueKind::Bool,
            s if s.contains("enum") || s.contains("variant") => ValueKind::Choice,
            s if s.contains("unit") || s.contains("null") => ValueKind::Empty,
            other => ValueKind::Other(other.to_string()),
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        let (id, en) = match self {
            ValueKind::Text => ("teks", "text"),
            ValueKind::Number => ("angka", "a number"),
            ValueKind::Integer => ("bilangan bulat", "a whole number"),
            ValueKind::Bool => (
                "ya/tidak (`true` atau `false`)",
                "yes/no (`true` or `false`)",
            ),
            ValueKind::Map => ("pemetaan `kunci: nilai`", "a mapping `key: value`"),
            ValueKind::List => ("daftar (`- …`)", "a list (`- …`)"),
            ValueKind::Empty => ("kosong", "nothing"),
            ValueKind::Choice => (
                "satu kata dari pilihan yang tersedia (lihat README)",
                "one of the listed words (see the README)",
            ),
            ValueKind::Other(w) => return w.clone(),
        };
        match lang {
            Lang::Id => id.to_string(),
            Lang::En => en.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_differ_and_carry_the_facts() {
        let m = Message::DecimalComma {
            text: "7,57".into(),
        };
        assert!(m.text(Lang::Id).contains("koma desimal"));
        assert!(m.text(Lang::En).contains("decimal comma"));
        assert!(m.text(Lang::Id).contains("7,57") && m.text(Lang::En).contains("7,57"));
    }

    #[test]
    fn kinds_are_worded_in_each_language() {
        let k = ValueKind::from_serde;
        assert_eq!(k("a string").text(Lang::Id), "teks");
        assert_eq!(k("f64").text(Lang::Id), "angka");
        assert_eq!(k("u16").text(Lang::Id), "bilangan bulat");
        assert_eq!(k("a sequence").text(Lang::Id), "daftar (`- …`)");
        assert_eq!(
            k("struct RawTkpk").text(Lang::Id),
            "pemetaan `kunci: nilai`"
        );
        assert_eq!(k("a string").text(Lang::En), "text");
    }
}

/// An operating-system error as a planner reads it: what happened in words, with the system's
/// error number for a support request (the system's own text is English on most machines, and
/// says nothing about what to do). The English side keeps the system's text.
#[derive(Clone, Debug, PartialEq)]
pub struct IoProblem {
    kind: std::io::ErrorKind,
    code: Option<i32>,
    system: String,
}

impl IoProblem {
    pub fn of(e: &std::io::Error) -> Self {
        IoProblem {
            kind: e.kind(),
            code: e.raw_os_error(),
            system: e.to_string(),
        }
    }
}

impl IoProblem {
    /// An error met while walking a folder: the system's, or a loop of links.
    pub fn walking(e: &walkdir::Error) -> Self {
        match e.io_error() {
            Some(io) => IoProblem::of(io),
            None => IoProblem {
                kind: std::io::ErrorKind::Other,
                code: None,
                system: e.to_string(),
            },
        }
    }
}

impl From<&std::io::Error> for IoProblem {
    fn from(e: &std::io::Error) -> Self {
        IoProblem::of(e)
    }
}

impl Words for IoProblem {
    fn text(&self, lang: Lang) -> String {
        use std::io::ErrorKind::*;
        if lang == Lang::En {
            return self.system.clone();
        }
        // Windows' sharing violations (a file open in Excel or Acrobat) are not a kind of
        // their own in std.
        let sharing = cfg!(windows) && matches!(self.code, Some(32 | 33));
        let said = match self.kind {
            _ if sharing => {
                "berkas sedang dibuka di program lain (Excel, Word, pembaca PDF); tutup dulu, lalu coba lagi"
            }
            NotFound => "berkas atau folder itu tidak ada",
            AddrInUse => "port itu sedang dipakai program lain",
            PermissionDenied => {
                "akses ditolak: berkas mungkin sedang dibuka di program lain (Excel, Word), bertanda hanya-baca, atau akun ini tidak boleh membukanya"
            }
            AlreadyExists => "sudah ada berkas atau folder bernama itu",
            IsADirectory => "itu folder, bukan berkas",
            NotADirectory => "sebagian alamatnya berkas, bukan folder",
            DirectoryNotEmpty => "folder itu tidak kosong",
            StorageFull => "disk penuh",
            ReadOnlyFilesystem => "disk atau flashdisk itu hanya dapat dibaca",
            FileTooLarge => "berkas terlalu besar untuk disk ini",
            InvalidFilename => "nama berkas tidak sah di sistem ini",
            InvalidData => "isinya tidak dapat dibaca",
            UnexpectedEof => "berkas terpotong (berakhir sebelum waktunya)",
            OutOfMemory => "memori komputer tidak cukup",
            Interrupted | TimedOut | WouldBlock => "terputus; coba sekali lagi",
            _ => return format!("kesalahan sistem: {}", self.system),
        };
        match self.code {
            Some(code) => format!("{said} (kode sistem {code})"),
            None => said.to_string(),
        }
    }
}

impl fmt::Display for IoProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::Id))
    }
}
