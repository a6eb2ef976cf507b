//! The messages of the evaluation readiness of `tkpk check`, in Indonesian and English: each
//! variant holds the facts and is worded beside its definition.

use crate::base::lang::{Lang, Phrase};
use crate::base::messages::Words;

/// A message of the evaluation readiness of `tkpk check`.
#[derive(Clone, Debug, PartialEq)]
pub enum EvaluationMessage {
    EvidenceMissing {
        region: String,
        year: i32,
        item: Phrase,
        scheme_year: i32,
    },
    Readiness {
        region: String,
        year: i32,
        present: usize,
        total: usize,
        scheme_year: i32,
    },
    HintEvidence {
        example: String,
    },
}

impl Words for EvaluationMessage {
    fn text(&self, lang: Lang) -> String {
        use EvaluationMessage::*;
        let t = |a: String, b: String| if lang == Lang::Id { a } else { b };
        match self {
            EvidenceMissing {
                region,
                year,
                item,
                scheme_year,
            } => t(
                format!(
                    "bukti penilaian {year} {region} belum ada: {} (skema {scheme_year})",
                    item.get(lang)
                ),
                format!(
                    "evaluation evidence {year} of {region} is missing: {} (scheme {scheme_year})",
                    item.get(lang)
                ),
            ),
            Readiness {
                region,
                year,
                present,
                total,
                scheme_year,
            } => t(
                format!(
                    "kesiapan penilaian {region} {year}: {present} dari {total} bukti ada (skema {scheme_year})"
                ),
                format!(
                    "evaluation readiness {region} {year}: {present} of {total} evidence items present (scheme {scheme_year})"
                ),
            ),
            HintEvidence { example } => t(
                format!("tulis di berkas ini: `{example}`"),
                format!("write in this file: `{example}`"),
            ),
        }
    }
}
