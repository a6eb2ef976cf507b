//! The messages of the notes of the downloads, in Indonesian and English: each variant holds the
//! facts and is worded beside its definition.

use crate::base::lang::Lang;
use crate::base::messages::Words;

/// A message of the notes of the downloads.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum DownloadMessage {
    // Downloads (CSV and XLSX): the lines under a table.
    DownloadSources { sources: Vec<String> },
    DownloadNote { note: String },
}

impl Words for DownloadMessage {
    fn text(&self, lang: Lang) -> String {
        use DownloadMessage::*;
        let t = |a: String, b: String| if lang == Lang::Id { a } else { b };
        match self {
            DownloadSources { sources } => t(
                format!("Sumber: {}", sources.join("; ")),
                format!(
                    "{}: {}",
                    if sources.len() > 1 {
                        "Sources"
                    } else {
                        "Source"
                    },
                    sources.join("; ")
                ),
            ),
            DownloadNote { note } => t(format!("Catatan: {note}"), format!("Note: {note}")),
        }
    }
}
