//! The evaluation sheet (`<slug>/<year>/penilaian/`) in words: the year's scheme, each
//! component's measures with their formula shown, and the evidence checklist naming the file
//! and key to fill in. The figures come from [`Sheet`]; nothing is computed here.

use super::report::css_string;
use super::{RegionHeader, header};
use crate::base::format;
use crate::model::{Region, Site};
use crate::report::sheet::Sheet;
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
}

#[derive(Serialize)]
pub struct ComponentView {
    pub nama: String,
    pub bobot: Option<String>,
    pub keterangan: Option<String>,
    pub ukuran: Vec<MeasureView>,
}

#[derive(Serialize)]
pub struct EvidenceView {
    pub kunci: &'static str,
    pub nama: &'static str,
    pub ada: bool,
    pub berkas: String,
    pub contoh: &'static str,
}

#[derive(Serialize)]
pub struct EvaluationView {
    pub judul_halaman: String,
    pub judul_cetak_css: String,
    pub wilayah: RegionHeader,
    pub tahun: i32,
    pub skema: SchemeView,
    pub komponen: Vec<ComponentView>,
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
            nama: c.component.name.clone(),
            bobot: c
                .component
                .weight
                .map(|w| format!("{} %", format::number(w, 0, lang))),
            keterangan: c.component.note.clone(),
            ukuran: c
                .measures
                .iter()
                .map(|m| {
                    let (hasil, rumus, kurang) = match &m.outcome {
                        Ok(o) => {
                            let (hasil, rumus) = words::sheet::outcome(o, year, lang);
                            (hasil, rumus, None)
                        }
                        Err(missing) => (
                            "–".to_string(),
                            None,
                            Some(words::sheet::missing(missing, lang)),
                        ),
                    };
                    MeasureView {
                        ukuran: m.measure.key(),
                        label: words::sheet::measure_name(m.measure).get(lang).to_string(),
                        hasil,
                        rumus,
                        kurang,
                    }
                })
                .collect(),
        })
        .collect();
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
            nama: scheme.name.clone(),
            dasar: scheme.basis.clone(),
            catatan: scheme.note.clone(),
            tahun_sendiri: sheet.own_year,
            dari_situs: scheme.from_site,
        },
        komponen,
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
            })
            .collect(),
        ilustrasi: sheet.illustrative,
        unduhan: Default::default(),
    }
}
