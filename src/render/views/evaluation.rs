//! The evaluation sheet (`<slug>/<year>/penilaian/`) in words: the year's scheme, each
//! component's measures with their formula shown, and the evidence checklist naming the file
//! and key to fill in. The figures come from [`Sheet`]; nothing is computed here.

use super::report::css_string;
use super::{RegionHeader, header};
use crate::base::format;
use crate::model::{Region, Site};
use crate::report::sheet::{Sheet, Unscored};
use crate::words;
use serde::Serialize;

#[derive(Serialize)]
pub struct SchemeView {
    pub tahun: i32,
    pub nama: String,
    pub dasar: String,
    pub catatan: Option<String>,
    /// The scheme is the report year's own (not an earlier year's applied for lack of one).
    pub tahun_sendiri: bool,
    pub dari_situs: bool,
}

#[derive(Serialize)]
pub struct MeasureView {
    pub ukuran: &'static str,
    pub label: String,
    pub hasil: String,
    pub rumus: Option<String>,
    /// What is missing when the measure cannot be computed.
    pub kurang: Option<String>,
    /// Where the author fills it in (file and key): on screen, never on paper.
    pub penulis: Option<String>,
    /// The measure's weight in its component.
    pub bobot: Option<String>,
    pub skor: Option<String>,
    /// The score worked out with the measure's value.
    pub skor_rumus: Option<String>,
    /// The scoring rule with its source.
    pub aturan: Option<String>,
    /// Why there is no score.
    pub skor_kurang: Option<String>,
    /// Computed from an illustrative figure.
    pub ilustrasi: bool,
}

#[derive(Serialize)]
pub struct ComponentView {
    pub nama: String,
    pub bobot: Option<String>,
    pub keterangan: Option<String>,
    pub ukuran: Vec<MeasureView>,
    pub skor: Option<String>,
    pub skor_rumus: Option<String>,
    pub skor_kurang: Option<String>,
}

/// The sheet's total score, or why it has none.
#[derive(Serialize)]
pub struct TotalView {
    pub skor: Option<String>,
    pub rumus: Option<String>,
    pub kurang: Option<String>,
    /// Some rule behind a score is illustrative.
    pub ilustrasi: bool,
}

#[derive(Serialize)]
pub struct EvidenceView {
    pub kunci: &'static str,
    pub nama: &'static str,
    pub ada: bool,
    pub berkas: String,
    pub contoh: &'static str,
    /// Its evidence files, linked beside the sheet: in a draft only (see [`evidence_links`]).
    pub pindaian: Vec<ScanLink>,
}

/// A link from the sheet to an evidence file copied beside it.
#[derive(Serialize)]
pub struct ScanLink {
    /// `bukti/sk-tkpk-2025.pdf`, percent-encoded.
    pub href: String,
    /// `sk-tkpk-2025.pdf`.
    pub nama: String,
}

/// The links of an item's evidence files. A draft links them (the build copies them beside
/// the sheet); a public sheet links none, since a signed scan may carry personal data (names,
/// NIP, signatures) that a public site need not hold: the bundle (`tkpk paket`) carries them
/// to the evaluators.
fn evidence_links(site: &Site, scans: &[crate::model::scans::Scan]) -> Vec<ScanLink> {
    if !site.draft {
        return Vec::new();
    }
    scans
        .iter()
        .map(|s| ScanLink {
            href: crate::render::paths::url_path(&s.path),
            nama: s.path.rsplit('/').next().unwrap_or(&s.path).to_string(),
        })
        .collect()
}

#[derive(Serialize)]
pub struct EvaluationView {
    pub judul_halaman: String,
    pub judul_cetak_css: String,
    pub wilayah: RegionHeader,
    pub tahun: i32,
    pub skema: SchemeView,
    pub komponen: Vec<ComponentView>,
    pub total: TotalView,
    pub bukti: Vec<EvidenceView>,
    pub bukti_ada: usize,
    /// Some figures on the sheet come from files marked `ilustrasi: true`.
    pub ilustrasi: bool,
    /// The sheet's tables as files (filled in by the renderer, which writes them).
    pub unduhan: crate::downloads::pages::Downloads,
}

/// The sheet of one region and year, in words: a projection of [`Sheet`].
pub fn evaluation(site: &Site, region: &Region, sheet: &Sheet) -> EvaluationView {
    let lang = site.config.lang;
    let year = sheet.year;
    let scheme = sheet.scheme;
    let komponen = sheet
        .components
        .iter()
        .map(|c| ComponentView {
            nama: c.component.name.get(lang).to_string(),
            bobot: c.component.weight.map(|w| words::sheet::weight(w, lang)),
            keterangan: c.component.note.as_ref().map(|n| n.get(lang).to_string()),
            ukuran: c
                .measures
                .iter()
                .map(|m| {
                    let (hasil, rumus, kurang, penulis) = match &m.outcome {
                        Ok(o) => {
                            let (hasil, rumus) = words::sheet::outcome(o, year, lang);
                            let best = matches!(m.score, Err(Unscored::NeedsBest))
                                .then(|| words::sheet::needs_best_hint(year, lang));
                            (hasil, rumus, None, best)
                        }
                        Err(missing) => {
                            let (plain, hint) = words::sheet::missing_parts(missing, lang);
                            ("–".to_string(), None, Some(plain), hint)
                        }
                    };
                    MeasureView {
                        ukuran: m.measure.key(),
                        label: words::sheet::measure_name(m.measure).get(lang).to_string(),
                        hasil,
                        rumus,
                        kurang,
                        penulis,
                        ilustrasi: m.outcome.as_ref().is_ok_and(|o| o.illustrative()),
                        bobot: m.weight.map(|w| words::sheet::weight(w, lang)),
                        skor: m
                            .score
                            .as_ref()
                            .ok()
                            .map(|s| format::number(s.score, 2, lang)),
                        skor_rumus: m
                            .score
                            .as_ref()
                            .ok()
                            .map(|s| words::sheet::score_formula(s, lang)),
                        aturan: scheme.rule(m.measure).map(|r| words::sheet::rule(r, lang)),
                        // A measure without a value already says what it lacks.
                        skor_kurang: m
                            .score
                            .as_ref()
                            .err()
                            .filter(|u| **u != Unscored::NoValue)
                            .map(|u| words::sheet::unscored(u, lang)),
                    }
                })
                .collect(),
            skor: c.score.as_ref().ok().map(|s| format::number(*s, 2, lang)),
            skor_rumus: words::sheet::component_formula(c, lang),
            skor_kurang: c
                .score
                .as_ref()
                .err()
                .map(|g| words::sheet::component_gap(g, c.measures.len(), lang)),
        })
        .collect();
    let total = TotalView {
        skor: sheet
            .total
            .as_ref()
            .ok()
            .map(|s| format::number(*s, 2, lang)),
        rumus: words::sheet::total_formula(sheet, lang),
        kurang: sheet
            .total
            .as_ref()
            .err()
            .map(|g| words::sheet::total_gap(g, lang)),
        ilustrasi: sheet.illustrative_rules(),
    };
    EvaluationView {
        judul_halaman: format!(
            "{} {} {year}",
            words::strings(lang).lembar_penilaian,
            region.name
        ),
        judul_cetak_css: css_string(&format!(
            "{} · {} {year}",
            region.name,
            words::strings(lang).lembar_penilaian
        )),
        wilayah: header(site, region),
        tahun: year,
        skema: SchemeView {
            tahun: scheme.year,
            nama: scheme.name.get(lang).to_string(),
            dasar: scheme.basis.get(lang).to_string(),
            catatan: scheme.note.as_ref().map(|n| n.get(lang).to_string()),
            tahun_sendiri: sheet.own_year,
            dari_situs: scheme.from_site,
        },
        komponen,
        total,
        bukti_ada: sheet.evidence_present(),
        bukti: sheet
            .evidence
            .iter()
            .map(|i| EvidenceView {
                kunci: i.evidence.key(),
                nama: i.evidence.title(lang),
                ada: i.present,
                berkas: i.file.clone(),
                contoh: i.evidence.example(),
                pindaian: evidence_links(site, &i.scans),
            })
            .collect(),
        ilustrasi: sheet.illustrative,
        unduhan: Default::default(),
    }
}
