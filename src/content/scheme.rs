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
    /// The English of `nama`, `dasar` and `catatan`, for a site with `bahasa: en`.
    #[serde(default)]
    pub nama_en: Option<String>,
    pub dasar: String,
    #[serde(default)]
    pub dasar_en: Option<String>,
    #[serde(default)]
    pub catatan: Option<String>,
    #[serde(default)]
    pub catatan_en: Option<String>,
    pub komponen: Vec<RawComponent>,
    #[serde(default)]
    pub skor_tagging: Option<RawTaggingRule>,
    #[serde(default)]
    pub bukti: Vec<Spanned<String>>,
    /// The period a realisation rate covers: `tahunan` (both semesters, the default) or
    /// `semester_1`.
    #[serde(default)]
    pub periode_realisasi: Option<Spanned<String>>,
    /// How measures are scored, where the scheme's basis publishes it.
    #[serde(default)]
    pub aturan_skor: Vec<RawScoreRule>,
}

/// How one measure is scored, as written in a scheme (`aturan_skor:`) or in site.yaml's
/// `aturan_skor:` (which names the scheme's year).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScoreRule {
    /// Only in site.yaml: the year of the scheme the rule belongs to.
    #[serde(default)]
    pub tahun: Option<Spanned<i64>>,
    pub ukuran: Spanned<String>,
    /// Percent of its component; may be left out when the component has one measure.
    #[serde(default)]
    pub bobot: Option<RawFigure>,
    /// `nilai`, `linear` or `kelas`.
    pub cara: Spanned<String>,
    /// With `linear`: the value that scores 0 and the value that scores 100.
    #[serde(default)]
    pub nol: Option<RawFigure>,
    #[serde(default)]
    pub seratus: Option<RawFigure>,
    /// With `kelas`: classes read in order, the first that holds the value gives the score.
    #[serde(default)]
    pub kelas: Vec<RawScoreClass>,
    pub sumber: Spanned<String>,
    /// The rule is an example, not an official one.
    #[serde(default)]
    pub ilustrasi: bool,
}

/// One class of a `kelas` rule: `dari ≤ value ≤ sampai` (either bound may be left out).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScoreClass {
    #[serde(default)]
    pub dari: Option<RawFigure>,
    #[serde(default)]
    pub sampai: Option<RawFigure>,
    pub skor: RawFigure,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComponent {
    pub nama: String,
    #[serde(default)]
    pub nama_en: Option<String>,
    #[serde(default)]
    pub bobot: Option<RawFigure>,
    pub ukuran: Vec<Spanned<String>>,
    #[serde(default)]
    pub keterangan: Option<String>,
    #[serde(default)]
    pub keterangan_en: Option<String>,
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
