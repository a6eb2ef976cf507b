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
    /// Items written in kelembagaan.yaml without their scan (`berkas:`).
    EvidenceWithoutScan {
        region: String,
        year: i32,
        items: Vec<Phrase>,
    },
    HintScan,
    /// Figures still marked illustrative in one file, as `2025: p0, jumlah_penduduk_miskin`.
    IllustrativeFigures {
        name: String,
        years: Vec<(i32, Vec<String>)>,
    },
    /// A file marked `ilustrasi: true` (a narrative, programmes, pockets, institution).
    IllustrativeFile,
    HintReplaceFigures,
    HintReplaceFile,
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
            IllustrativeFigures { name, years } => {
                let listed = years
                    .iter()
                    .map(|(y, keys)| format!("{y}: {}", keys.join(", ")))
                    .collect::<Vec<_>>()
                    .join("; ");
                t(
                    format!("angka ilustrasi (contoh, bukan angka resmi) masih dipakai untuk {name}: {listed}"),
                    format!("illustrative figures (examples, not official) are still used for {name}: {listed}"),
                )
            }
            IllustrativeFile => t(
                "isi berkas ini masih ilustrasi (`ilustrasi: true`), bukan data resmi".into(),
                "this file's contents are still illustrative (`ilustrasi: true`), not official data".into(),
            ),
            HintReplaceFigures => t(
                "impor tabel BPS dengan `tkpk impor TABEL.xlsx`, yang mengganti angka ilustrasi tanpa `--timpa`; atau tulis angka resminya sendiri lalu hapus tandanya dari `ilustrasi:`".into(),
                "import the BPS table with `tkpk impor TABLE.xlsx`, which replaces illustrative figures without `--timpa`; or write the official figures yourself and remove their marks from `ilustrasi:`".into(),
            ),
            HintReplaceFile => t(
                "tulis isi yang sebenarnya, lalu hapus baris `ilustrasi: true`".into(),
                "write the real contents, then remove the line `ilustrasi: true`".into(),
            ),
            EvidenceWithoutScan {
                region,
                year,
                items,
            } => {
                let listed = items
                    .iter()
                    .map(|i| i.get(lang))
                    .collect::<Vec<_>>()
                    .join(", ");
                t(
                    format!("bukti penilaian {year} {region} tertulis tetapi tanpa berkas pindaian (`berkas:`), sehingga tidak ikut dalam paket penilaian: {listed}"),
                    format!("evaluation evidence {year} of {region} is written but has no scan (`berkas:`), so the evaluation bundle leaves it out: {listed}"),
                )
            }
            HintScan => t(
                "simpan pindaiannya (PDF, JPG atau PNG) di folder `bukti/` tahun itu dan tulis `berkas: bukti/NAMA.pdf` pada butirnya di berkas ini".into(),
                "save its scan (PDF, JPG or PNG) in that year's `bukti/` folder and write `berkas: bukti/NAME.pdf` on its item in this file".into(),
            ),
            HintEvidence { example } => t(
                format!("tulis di berkas ini: `{example}`"),
                format!("write in this file: `{example}`"),
            ),
        }
    }
}
