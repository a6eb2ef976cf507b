//! The findings of one annual report: every analysis of its [`Report`] worded as sentences
//! and grouped by the LP2KD chapter they belong to. Missing data is named.

use super::sentences;
use super::{deciles, lower_first};
use crate::analysis::ReferenceGap;
use crate::base::indicators::keys;
use crate::base::lang::Lang;
use crate::model::Chapter;
use crate::report::{RelevanceResult, Report};
use std::collections::BTreeMap;

fn missing_reference(name: &str, key: &str, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Id => format!(
            "Angka {} {name} tahun {year} belum tersedia, sehingga perbandingannya belum dapat dibuat.",
            key.to_uppercase()
        ),
        Lang::En => format!(
            "{} for {name} in {year} is not available yet, so no comparison can be made.",
            key.to_uppercase()
        ),
    }
}

/// Extreme poverty when the region has no figure of its own for the year: the province's and
/// the nation's, by method, said as theirs, with the national target of 0 % in 2026 for the
/// years up to it.
fn extreme_poverty(report: &Report) -> Option<String> {
    let (site, year) = (report.site, report.year);
    let lang = site.config.lang;
    let methods = [keys::EXTREME_PPP2017, keys::EXTREME_PPP2011];
    if methods.iter().any(|k| report.row(k).is_some()) {
        return None;
    }
    let mut known = Vec::new();
    for reference in [report.province, report.nation].into_iter().flatten() {
        let figures: Vec<String> = methods
            .iter()
            .filter_map(|key| {
                let indicator = site.catalog.get(key)?;
                let f = reference.series.get(year, key)?;
                let method = match (*key == keys::EXTREME_PPP2017, lang) {
                    (true, Lang::Id) => "PPP 2017",
                    (false, Lang::Id) => "PPP 2011",
                    (true, Lang::En) => "2017 PPP",
                    (false, Lang::En) => "2011 PPP",
                };
                Some(format!(
                    "{} ({method})",
                    sentences::value(indicator, f.value, lang)
                ))
            })
            .collect();
        if !figures.is_empty() {
            let and = if lang == Lang::Id { " dan " } else { " and " };
            known.push(match lang {
                Lang::Id => format!("{} {}", reference.name, figures.join(and)),
                Lang::En => format!("{} in {}", figures.join(and), reference.name),
            });
        }
    }
    let region = &report.region.name;
    let mut s = match (known.is_empty(), lang) {
        (true, Lang::Id) => format!(
            "Angka kemiskinan ekstrem {region} tahun {year} belum tersedia di situs ini, begitu pula angka provinsi dan nasionalnya."
        ),
        (true, Lang::En) => format!(
            "This site has no {year} extreme poverty figure for {region}, nor for its province or the nation."
        ),
        (false, Lang::Id) => format!(
            "Angka kemiskinan ekstrem {region} tahun {year} belum tersedia di situs ini; sebagai gambaran, tingkat kemiskinan ekstrem {}.",
            known.join("; ")
        ),
        (false, Lang::En) => format!(
            "This site has no {year} extreme poverty figure for {region}; for reference, the extreme poverty rate is {}.",
            known.join("; ")
        ),
    };
    // The target was set in 2025; reports written from then on (years 2024 to 2026) say it.
    if (2024..=2026).contains(&year) {
        s.push_str(match lang {
            Lang::Id => " Pemerintah menargetkan kemiskinan ekstrem 0 persen pada 2026 (Kementerian Sosial dan Kemenko Pemberdayaan Masyarakat, 2025, tentang pelaksanaan Inpres Nomor 8 Tahun 2025).",
            Lang::En => " The government targets 0 percent extreme poverty in 2026 (Ministry of Social Affairs and Coordinating Ministry for Community Empowerment, 2025, on Presidential Instruction No. 8 of 2025).",
        });
    }
    Some(s)
}

/// The determinants chapter: how many basic services fall short, then a sentence per priority
/// problem with its gaps to the province and the nation (and its decile 1, where `desil.yaml`
/// gives it).
fn determinants(report: &Report) -> Vec<String> {
    let lang = report.site.config.lang;
    let region = &report.region.name;
    let year = report.year;
    let total = report.determinants.len();
    let problems: Vec<&crate::report::Determinant> = report
        .determinants
        .iter()
        .filter(|d| d.priority.is_some())
        .collect();
    let worse = report
        .determinants
        .iter()
        .filter(|d| d.shortfall().is_some())
        .count();
    let authored = problems.iter().any(|d| d.reason.is_some());
    let mut out = vec![match (worse, lang) {
        (n, Lang::Id) if authored => format!(
            "Dari {total} indikator layanan dasar {region} tahun {year} yang tersedia, {n} lebih buruk daripada provinsi (atau nasional, bila angka provinsi tidak ada); prioritas masalah berikut diurutkan penulis lebih dulu, lalu menurut selisihnya."
        ),
        (n, Lang::En) if authored => format!(
            "Of the {total} basic-service indicators of {region} for {year}, {n} fall short of the province (or of the nation where the province has no figure); the priority problems below are ordered by the author first, then by the gap."
        ),
        (0, Lang::Id) if problems.is_empty() => format!(
            "Dari {total} indikator layanan dasar {region} tahun {year} yang tersedia, tidak ada yang lebih buruk daripada provinsi (atau nasional, bila angka provinsi tidak ada); perbandingan ini belum menunjukkan prioritas masalah."
        ),
        (0, Lang::En) if problems.is_empty() => format!(
            "Of the basic-service indicators of {region} for {year} ({total}), none falls short of the province (or of the nation where the province has no figure); this comparison shows no priority problem yet."
        ),
        (n, Lang::Id) => format!(
            "Dari {total} indikator layanan dasar {region} tahun {year} yang tersedia, {n} lebih buruk daripada provinsi (atau nasional, bila angka provinsi tidak ada); diurutkan menurut selisihnya, itulah prioritas masalah berikut."
        ),
        (n, Lang::En) => format!(
            "Of the basic-service indicators of {region} for {year} ({total}), {n} fall short of the province (or of the nation where the province has no figure); ordered by the gap, they are the priority problems below."
        ),
    }];
    for d in problems {
        let i = d.indicator;
        let gaps: Vec<String> = [&d.province, &d.nation]
            .into_iter()
            .flatten()
            .map(|g| {
                let size = crate::base::format::number(g.diff.abs(), i.decimals, lang);
                let reference = sentences::value(i, g.reference_value, lang);
                match (lang, g.diff == 0.0, g.diff < 0.0) {
                    (Lang::Id, true, _) => format!("sama dengan {} ({reference})", g.reference),
                    (Lang::En, true, _) => format!("equal to {} ({reference})", g.reference),
                    (Lang::Id, false, true) => {
                        format!("{size} poin di bawah {} ({reference})", g.reference)
                    }
                    (Lang::Id, false, false) => {
                        format!("{size} poin di atas {} ({reference})", g.reference)
                    }
                    (Lang::En, false, true) => {
                        format!("{size} points below {} ({reference})", g.reference)
                    }
                    (Lang::En, false, false) => {
                        format!("{size} points above {} ({reference})", g.reference)
                    }
                }
            })
            .collect();
        let and = if lang == Lang::Id { " dan " } else { " and " };
        let reason = d.reason.map_or(String::new(), |r| {
            let stop = if r.ends_with(['.', '!', '?']) {
                ""
            } else {
                "."
            };
            match lang {
                Lang::Id => format!(" Urutan ini ditetapkan penulis: {r}{stop}"),
                Lang::En => format!(" The author set this place: {r}{stop}"),
            }
        });
        let gaps = if gaps.is_empty() {
            match lang {
                Lang::Id => "tanpa angka provinsi dan nasional untuk dibandingkan".to_string(),
                Lang::En => "with no province or national figure to compare".to_string(),
            }
        } else {
            gaps.join(and)
        };
        let place = d.priority.unwrap_or_default();
        let head = match lang {
            Lang::Id => format!("Prioritas ke-{place}"),
            Lang::En => format!("Priority {place}"),
        };
        out.push(format!(
            "{head}: {} {}, {gaps}{}.{reason}",
            lower_first(i.label(lang)),
            sentences::value(i, d.figure.value, lang),
            deciles::decile_one_clause(report, &i.key),
        ));
    }
    out
}

/// The analysis sentences of each chapter.
pub(crate) fn by_chapter(report: &Report) -> BTreeMap<Chapter, Vec<String>> {
    let (site, region, year) = (report.site, report.region, report.year);
    let lang = site.config.lang;
    let mut out: BTreeMap<Chapter, Vec<String>> = BTreeMap::new();
    let Some(p0) = site.catalog.get(keys::P0) else {
        return out;
    };
    let p0_row = report.row(keys::P0);
    let poor_row = report.row(keys::POOR);

    let mut poor_told = false;
    if let Some(row) = p0_row {
        let change = row.change.as_ref();
        let poor_change = poor_row.and_then(|r| r.change.as_ref().map(|c| (r.indicator, c)));
        poor_told =
            matches!((change, poor_change), (Some(c), Some((_, p))) if c.from_year == p.from_year);
        let sentence = sentences::change(p0, change, year, poor_change, lang);
        out.entry(Chapter::Ringkasan).or_default().push(sentence);
    } else {
        let sentence = match lang {
            Lang::Id => format!(
                "Angka P0 tahun {year} belum tersedia; laporan ini memuat indikator lain yang ada."
            ),
            Lang::En => format!(
                "There is no P0 figure for {year} yet; this report shows the other indicators."
            ),
        };
        out.entry(Chapter::Ringkasan).or_default().push(sentence);
    }

    // Profile: the change of every other indicator of this year.
    for row in report
        .indicators
        .iter()
        .filter(|r| r.indicator.key != keys::P0)
    {
        if poor_told && row.indicator.key == keys::POOR {
            continue;
        }
        if let Some(c) = &row.change {
            out.entry(Chapter::Profil)
                .or_default()
                .push(sentences::change(row.indicator, Some(c), year, None, lang));
        }
    }
    // Extreme poverty is in every report: the region's own figure where the file has one
    // (its sentence is above, or its table row), else the province's and the nation's.
    if let Some(sentence) = extreme_poverty(report) {
        out.entry(Chapter::Profil).or_default().push(sentence);
    }

    if let Some(position) = &report.position {
        let gaps: Vec<ReferenceGap> = position
            .gaps
            .iter()
            .filter_map(|g| g.as_ref().ok().cloned())
            .collect();
        let missing = position
            .gaps
            .iter()
            .filter_map(|g| g.as_ref().err())
            .map(|r| missing_reference(&r.name, keys::P0, year, lang));
        let chapter = out.entry(Chapter::PosisiRelatif).or_default();
        if !gaps.is_empty() {
            let sentence = sentences::references(&region.name, p0, &gaps, lang);
            chapter.push(sentence.clone());
            out.entry(Chapter::Ringkasan).or_default().push(sentence);
        }
        let chapter = out.entry(Chapter::PosisiRelatif).or_default();
        chapter.extend(missing);
        let mut rels = Vec::new();
        let mut not_assessed = Vec::new();
        for r in &position.relevance {
            match r {
                RelevanceResult::Assessed(rel) => rels.push((**rel).clone()),
                RelevanceResult::Missing { reference, years } => {
                    let years: Vec<String> = years.iter().map(i32::to_string).collect();
                    not_assessed.push(match lang {
                        Lang::Id => format!(
                            "Relevansi terhadap {} belum dapat dinilai karena angka P0 {} tahun {} belum tersedia.",
                            reference.name,
                            reference.name,
                            years.join(" dan ")
                        ),
                        Lang::En => format!(
                            "Relevance to {} cannot be assessed: its P0 for {} is not available.",
                            reference.name,
                            years.join(" and ")
                        ),
                    })
                }
            }
        }
        if !rels.is_empty() {
            let province = report.province.map(|p| p.name.as_str());
            chapter.push(sentences::relevance(
                &region.name,
                province,
                p0,
                &rels,
                lang,
            ));
        } else if let Some(c) = p0_row.and_then(|r| r.change.as_ref()) {
            // Effectiveness depends on the region's own figures alone.
            chapter.push(sentences::effectiveness(p0, c, lang));
        }
        chapter.extend(not_assessed);
        if let Some(province) = report.province {
            if let Some(r) = &position.rank {
                chapter.push(sentences::rank(
                    &region.name,
                    &province.name,
                    p0,
                    year,
                    r,
                    lang,
                ));
            }
            if let Some(q) = &position.quadrant {
                chapter.push(sentences::quadrant(q, lang));
            }
            for (y, pair) in &position.pairs {
                chapter.push(sentences::pair_quadrant(&region.name, p0, y, pair, lang));
            }
            let from = report
                .row(keys::P0)
                .and_then(|r| r.change.as_ref())
                .map(|c| c.from_year);
            if let (Some(growth), Some(from)) = (&position.growth, from) {
                chapter.push(sentences::growth_quadrant(&region.name, from, growth, lang));
            }
        }
    }

    if !report.determinants.is_empty() {
        out.entry(Chapter::Determinan)
            .or_default()
            .extend(determinants(report));
    }
    let by_decile = deciles::deciles(report);
    if !by_decile.is_empty() {
        out.entry(Chapter::Determinan)
            .or_default()
            .extend(by_decile);
    }

    for (i, a) in &report.targets {
        let sentence = sentences::target(i, a, lang);
        if i.key == keys::P0 {
            out.entry(Chapter::Ringkasan)
                .or_default()
                .push(sentence.clone());
        }
        out.entry(Chapter::CapaianTarget)
            .or_default()
            .push(sentence);
    }
    out
}
