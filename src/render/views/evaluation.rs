//! The evaluation sheet (`<slug>/<year>/penilaian/`): the year's scheme, each component's
//! measures computed with their formula shown, and the evidence checklist naming the file and
//! key to fill in.

use super::report::css_string;
use super::{RegionHeader, header};
use crate::analysis::budget::{BudgetSummary, ScoreGap, summarise, tagged_score};
use crate::analysis::{self, sentences};
use crate::format;
use crate::lang::Lang;
use crate::model::evidence::checklist;
use crate::model::scheme::{Measure, Scheme, applicable};
use crate::model::{Region, Site};
use crate::words;
use serde::Serialize;
use std::collections::BTreeMap;

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

fn measure_label(m: Measure, lang: Lang) -> String {
    let (id, en) = match m {
        Measure::P0 => (
            "Perubahan persentase penduduk miskin (P0)",
            "Change in the poverty rate (P0)",
        ),
        Measure::P1 => (
            "Perubahan indeks kedalaman kemiskinan (P1)",
            "Change in the poverty gap index (P1)",
        ),
        Measure::ExtremePoverty => ("Kemiskinan ekstrem", "Extreme poverty"),
        Measure::ProvinceGap => ("P0 dibanding provinsi", "P0 against the province"),
        Measure::TaggedScore => ("Skor belanja ter-tagging", "Tagged-spending score"),
        Measure::AllocationShare => (
            "Porsi alokasi program terhadap total belanja daerah",
            "Programme allocation as a share of total regional spending",
        ),
        Measure::RealisationRate => (
            "Tingkat realisasi anggaran program",
            "Programme budget realisation rate",
        ),
        Measure::DataVerification => ("Verifikasi data sasaran", "Targeting-data verification"),
        Measure::Institution => ("Kinerja kelembagaan TKPK", "TKPK institutional performance"),
    };
    match lang {
        Lang::Id => id.to_string(),
        Lang::En => en.to_string(),
    }
}

fn missing(text: &str, lang: Lang) -> (String, Option<String>) {
    (
        "–".to_string(),
        Some(format!("{}{text}", words::strings(lang)["tidak_dinilai"])),
    )
}

fn either(lang: Lang, id: &str, en: &str) -> String {
    match lang {
        Lang::Id => id.to_string(),
        Lang::En => en.to_string(),
    }
}

/// The change of one indicator as a sentence; `None` when the indicator has no figure.
fn change_measure(site: &Site, region: &Region, key: &str, year: i32) -> Option<String> {
    let lang = site.config.lang;
    let indicator = site.catalog.get(key)?;
    region.series.get(year, key)?;
    let change = analysis::year_change(&region.series, indicator, year);
    let poor = site.catalog.get("jumlah_penduduk_miskin").and_then(|i| {
        analysis::year_change(&region.series, i, year)
            .filter(|_| key == "p0")
            .map(|c| (i, c))
    });
    Some(sentences::change(
        indicator,
        change.as_ref(),
        year,
        poor.as_ref().map(|(i, c)| (*i, c)),
        lang,
    ))
}

fn compute(
    site: &Site,
    region: &Region,
    year: i32,
    scheme: &Scheme,
    measure: Measure,
    best: &BTreeMap<i32, (f64, usize)>,
    summary: Option<&BudgetSummary>,
) -> MeasureView {
    let lang = site.config.lang;
    let data = region.year_data(year);
    let programs = data.and_then(|d| d.programs.as_ref());
    let (p, f) = (|v: f64| format::number(v, 2, lang), format!("{year}"));
    let mut rumus = None;
    let (hasil, kurang) = match measure {
        Measure::P0 | Measure::P1 => {
            let key = if measure == Measure::P0 { "p0" } else { "p1" };
            match change_measure(site, region, key, year) {
                Some(s) => (s, None),
                None => missing(
                    &either(
                        lang,
                        &format!("belum ada angka {key} tahun {f} di indikator.yaml"),
                        &format!("no {key} figure for {f} in indikator.yaml"),
                    ),
                    lang,
                ),
            }
        }
        Measure::ExtremePoverty => {
            let found: Vec<String> = ["kemiskinan_ekstrem_ppp2017", "kemiskinan_ekstrem_ppp2011"]
                .iter()
                .filter_map(|k| change_measure(site, region, k, year))
                .collect();
            if found.is_empty() {
                missing(
                    &either(
                        lang,
                        &format!(
                            "belum ada angka kemiskinan ekstrem tahun {f} (kemiskinan_ekstrem_ppp2017 atau _ppp2011)"
                        ),
                        &format!(
                            "no extreme-poverty figure for {f} (kemiskinan_ekstrem_ppp2017 or _ppp2011)"
                        ),
                    ),
                    lang,
                )
            } else {
                (found.join(" "), None)
            }
        }
        Measure::ProvinceGap => {
            let gap = site.catalog.get("p0").and_then(|i| {
                site.province_of(region)
                    .and_then(|prov| analysis::reference_gap(&region.series, prov, i, year))
            });
            match gap {
                Some(g) => {
                    rumus = Some(format!(
                        "{} − {} = {}",
                        p(g.value),
                        p(g.reference_value),
                        format::signed(g.diff, 2, lang)
                    ));
                    let side = match (g.better, lang) {
                        (true, Lang::Id) => "lebih rendah (lebih baik) daripada",
                        (false, Lang::Id) => "tidak lebih rendah daripada",
                        (true, Lang::En) => "lower (better) than",
                        (false, Lang::En) => "not lower than",
                    };
                    (
                        format!(
                            "P0 {} % {side} {} ({} %).",
                            p(g.value),
                            g.reference,
                            p(g.reference_value)
                        ),
                        None,
                    )
                }
                None => missing(
                    &either(
                        lang,
                        &format!("perlu P0 tahun {f} wilayah dan provinsinya"),
                        &format!("needs the {f} P0 of the region and its province"),
                    ),
                    lang,
                ),
            }
        }
        Measure::TaggedScore => match &scheme.tagging {
            None => missing("skor_tagging", lang),
            Some(rule) => match tagged_score(programs, &rule.weights) {
                Ok(score) => {
                    let w = &rule.weights;
                    let terms: Vec<String> = score
                        .parts
                        .iter()
                        .map(|(t, _, share)| {
                            format!("{} × {} % ({})", p(w.weight(*t)), p(*share), t.title(lang))
                        })
                        .collect();
                    let mut formula = format!("{} = {}", terms.join(" + "), p(score.score));
                    let mut result = p(score.score);
                    if rule.normalise
                        && let Some((top, n)) = best.get(&year).filter(|(top, _)| *top > 0.0)
                    {
                        let normalised = score.score / top * 100.0;
                        formula.push_str(&either(
                            lang,
                            &format!("; dinormalisasi: {} ÷ {} × 100 = {} (skor tertinggi di antara {n} daerah di situs ini)", p(score.score), p(*top), p(normalised)),
                            &format!("; normalised: {} ÷ {} × 100 = {} (best score among the {n} regions in this site)", p(score.score), p(*top), p(normalised)),
                        ));
                        result = p(normalised);
                    }
                    if w.exclude_travel {
                        formula.push_str(&either(
                            lang,
                            &format!("; perjalanan dinas dikecualikan: {}; penyebut: total belanja daerah {}", format::rupiah(score.travel_excluded, lang), format::rupiah(score.spending, lang)),
                            &format!("; official travel excluded: {}; denominator: total regional spending {}", format::rupiah(score.travel_excluded, lang), format::rupiah(score.spending, lang)),
                        ));
                    }
                    rumus = Some(formula);
                    (result, None)
                }
                Err(gap) => {
                    let text = match gap {
                        ScoreGap::NoPrograms => either(
                            lang,
                            "belum ada program di program.yaml",
                            "no programme in program.yaml",
                        ),
                        ScoreGap::NoRegionalSpending => either(
                            lang,
                            "belum ada `belanja_daerah` di program.yaml",
                            "no `belanja_daerah` in program.yaml",
                        ),
                        ScoreGap::Unreported(n) => either(
                            lang,
                            &format!("{n} sub-kegiatan belum melaporkan realisasi"),
                            &format!("{n} sub-activities have not reported a realisation"),
                        ),
                    };
                    missing(&text, lang)
                }
            },
        },
        Measure::AllocationShare => {
            match summary.zip(programs).and_then(|(sum, pr)| {
                pr.regional_spending
                    .filter(|s| *s > 0.0)
                    .map(|s| (sum.total.budget, s))
            }) {
                Some((budget, spending)) => {
                    let share = budget / spending * 100.0;
                    rumus = Some(format!(
                        "{} ÷ {} × 100",
                        format::rupiah(budget, lang),
                        format::rupiah(spending, lang)
                    ));
                    (format!("{} %", p(share)), None)
                }
                None => missing(
                    &either(
                        lang,
                        "perlu program dan `belanja_daerah` di program.yaml",
                        "needs programmes and `belanja_daerah` in program.yaml",
                    ),
                    lang,
                ),
            }
        }
        Measure::RealisationRate => {
            match summary.and_then(|s| s.total.rate().map(|r| (&s.total, r))) {
                Some((t, rate)) => {
                    rumus = Some(format!(
                        "{} ÷ {} × 100",
                        format::rupiah(t.realised, lang),
                        format::rupiah(t.budget_reported, lang)
                    ));
                    (format!("{} %", p(rate)), None)
                }
                None => missing(
                    &either(
                        lang,
                        "belum ada realisasi di program.yaml",
                        "no realisation in program.yaml",
                    ),
                    lang,
                ),
            }
        }
        Measure::DataVerification => {
            match data
                .and_then(|d| d.institution.as_ref())
                .and_then(|i| i.verifications.last())
            {
                Some(v) => {
                    let n = |x: f64| format::number(x, 0, lang);
                    let unit = v.unit.clone().unwrap_or_default();
                    let sk = v.decree.clone().unwrap_or_else(|| "–".into());
                    (
                        either(
                            lang,
                            &format!(
                                "{} {unit} sebelum, {} sesudah verifikasi ({}); SK {sk}.",
                                n(v.before),
                                n(v.after),
                                v.data.clone().unwrap_or_default()
                            ),
                            &format!(
                                "{} {unit} before, {} after verification ({}); decree {sk}.",
                                n(v.before),
                                n(v.after),
                                v.data.clone().unwrap_or_default()
                            ),
                        ),
                        None,
                    )
                }
                None => missing(
                    &either(
                        lang,
                        "belum ada `verifikasi_data` di kelembagaan.yaml",
                        "no `verifikasi_data` in kelembagaan.yaml",
                    ),
                    lang,
                ),
            }
        }
        Measure::Institution => match data.and_then(|d| d.institution.as_ref()) {
            Some(i) => {
                let yes_no = |b: bool| {
                    if b {
                        words::strings(lang)["ada"]
                    } else {
                        words::strings(lang)["belum_ada"]
                    }
                };
                (
                    either(
                        lang,
                        &format!(
                            "SK TKPK {}; RAT {}; {} rapat/FGD; {} laporan dikirim.",
                            yes_no(i.decree.is_some()),
                            yes_no(i.action_plan.is_some()),
                            i.meetings.len(),
                            i.reports.len()
                        ),
                        &format!(
                            "TKPK decree {}; RAT {}; {} meetings/FGDs; {} reports sent.",
                            yes_no(i.decree.is_some()),
                            yes_no(i.action_plan.is_some()),
                            i.meetings.len(),
                            i.reports.len()
                        ),
                    ),
                    None,
                )
            }
            None => missing(
                &either(lang, "belum ada kelembagaan.yaml", "no kelembagaan.yaml"),
                lang,
            ),
        },
    };
    MeasureView {
        ukuran: measure.key(),
        label: measure_label(measure, lang),
        hasil,
        rumus,
        kurang,
    }
}

/// The sheet of one region and year, or `None` when no scheme applies to the year.
pub fn evaluation(
    site: &Site,
    region: &Region,
    year: i32,
    best: &BTreeMap<i32, (f64, usize)>,
) -> Option<EvaluationView> {
    let lang = site.config.lang;
    let (scheme, own) = applicable(&site.schemes, year)?;
    let data = region.year_data(year);
    let items = checklist(&scheme.evidence, data, &region.slug, year);
    // The budget measures share one summary of the year's programmes.
    let summary = data
        .and_then(|d| d.programs.as_ref())
        .filter(|p| !p.items.is_empty())
        .map(|p| summarise(p, "–"));
    let komponen = scheme
        .components
        .iter()
        .map(|c| ComponentView {
            nama: c.name.clone(),
            bobot: c
                .weight
                .map(|w| format!("{} %", format::number(w, 0, lang))),
            keterangan: c.note.clone(),
            ukuran: c
                .measures
                .iter()
                .map(|m| compute(site, region, year, scheme, *m, best, summary.as_ref()))
                .collect(),
        })
        .collect();
    let ilustrasi = data.is_some_and(|d| {
        d.programs.as_ref().is_some_and(|p| p.illustrative)
            || d.institution.as_ref().is_some_and(|i| i.illustrative)
    });
    Some(EvaluationView {
        judul_halaman: format!(
            "{} {} {year}",
            words::strings(lang)["lembar_penilaian"],
            region.name
        ),
        judul_cetak_css: css_string(&format!(
            "{} · {} {year}",
            region.name,
            words::strings(lang)["lembar_penilaian"]
        )),
        wilayah: header(site, region),
        tahun: year,
        skema: SchemeView {
            tahun: scheme.year,
            nama: scheme.name.clone(),
            dasar: scheme.basis.clone(),
            catatan: scheme.note.clone(),
            tahun_sendiri: own,
            dari_situs: scheme.from_site,
        },
        komponen,
        bukti_ada: items.iter().filter(|i| i.present).count(),
        bukti: items
            .into_iter()
            .map(|i| EvidenceView {
                kunci: i.evidence.key(),
                nama: i.evidence.title(lang),
                ada: i.present,
                berkas: i.file,
                contoh: i.evidence.example(),
            })
            .collect(),
        ilustrasi,
        unduhan: Default::default(),
    })
}
