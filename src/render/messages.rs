//! The messages of rendering pages with the theme, in Indonesian and English: each variant holds
//! the facts and is worded beside its definition.

use crate::base::lang::Lang;
use crate::base::messages::Words;

/// A message of rendering pages with the theme.
#[derive(Clone, Debug, PartialEq)]
pub enum RenderMessage {
    TemplateInvalid {
        detail: String,
    },
    RenderFailed {
        template: String,
        page: String,
        detail: String,
    },
    DownloadFailed {
        page: String,
        detail: String,
    },
    HintTemplate,
}

impl Words for RenderMessage {
    fn text(&self, lang: Lang) -> String {
        use RenderMessage::*;
        let t = |a: String, b: String| if lang == Lang::Id { a } else { b };
        match self {
            TemplateInvalid { detail } => t(
                format!("templat tidak sah: {detail}"),
                format!("invalid template: {detail}"),
            ),
            RenderFailed {
                template,
                page,
                detail,
            } => t(
                format!("templat `{template}` gagal untuk halaman `{page}`: {detail}"),
                format!("the template `{template}` failed for the page `{page}`: {detail}"),
            ),
            DownloadFailed { page, detail } => t(
                format!("berkas unduhan untuk halaman `{page}` tidak dapat dibuat: {detail}"),
                format!("the downloads of the page `{page}` could not be written: {detail}"),
            ),
            HintTemplate => t(
                "perbaiki templat pada baris dan kolom yang disebut, atau hapus berkasnya untuk memakai templat bawaan".into(),
                "fix the template at the line and column given, or delete the file to use the built-in one".into(),
            ),
        }
    }
}
