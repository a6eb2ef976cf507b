//! Evaluation schemes as written, in site.yaml (`skema_penilaian:`) or built in; validated
//! into `model::scheme`.

use crate::content::RawFigure;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// The national best tagged-spending score of a year, as written in site.yaml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTopScore {
    pub tahun: Spanned<i64>,
    pub nilai: RawFigure,
    pub sumber: Spanned<String>,
}

/// A scheme as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScheme {
    pub tahun: Spanned<i64>,
    pub nama: String,
    pub dasar: String,
    #[serde(default)]
    pub catatan: Option<String>,
    pub komponen: Vec<RawComponent>,
    #[serde(default)]
    pub skor_tagging: Option<RawTaggingRule>,
    #[serde(default)]
    pub bukti: Vec<Spanned<String>>,
    /// The period a realisation rate covers: `tahunan` (both semesters, the default) or
    /// `semester_1`.
    #[serde(default)]
    pub periode_realisasi: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComponent {
    pub nama: String,
    #[serde(default)]
    pub bobot: Option<RawFigure>,
    pub ukuran: Vec<Spanned<String>>,
    #[serde(default)]
    pub keterangan: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTaggingRule {
    pub langsung: RawFigure,
    pub tidak_langsung: RawFigure,
    pub penunjang: RawFigure,
    #[serde(default = "yes")]
    pub tanpa_perjalanan_dinas: bool,
    #[serde(default = "yes")]
    pub normalisasi: bool,
}
