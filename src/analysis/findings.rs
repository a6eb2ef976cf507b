//! The findings of one annual report: every analysis of DESIGN §4 run for a region and year,
//! worded as sentences and grouped by the LP2KD chapter they belong to. Missing data is named.

use super::sentences;
use crate::lang::Lang;
use crate::model::{Chapter, Region, Site};
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

/// The analysis sentences of each chapter.
pub fn by_chapter(site: &Site, region: &Region, year: i32) -> BTreeMap<Chapter, Vec<String>> {
    let lang = site.config.lang;
    let series = &region.series;
    let mut out: BTreeMap<Chapter, Vec<String>> = BTreeMap::new();
    let Some(p0) = site.catalog.get("p0") else {
        return out;
    };
    let poor = site.catalog.get("jumlah_penduduk_miskin");
    let has_p0 = series.get(year, "p0").is_some();
    let references = site.references_of(region);

    let mut poor_told = false;
    if has_p0 {
        let change = super::year_change(series, p0, year);
        let poor_change = poor.and_then(|i| super::year_change(series, i, year).map(|c| (i, c)));
        poor_told = matches!((&change, &poor_change), (Some(c), Some((_, p))) if c.from_year == p.from_year);
        let sentence = sentences::change(
            p0,
            change.as_ref(),
            year,
            poor_change.as_ref().map(|(i, c)| (*i, c)),
            lang,
        );
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
    for i in site.catalog.iter().filter(|i| i.key != "p0") {
        if series.get(year, &i.key).is_none() || (poor_told && i.key == "jumlah_penduduk_miskin") {
            continue;
        }
        if let Some(c) = super::year_change(series, i, year) {
            out.entry(Chapter::Profil)
                .or_default()
                .push(sentences::change(i, Some(&c), year, None, lang));
        }
    }

    if has_p0 {
        let mut gaps = Vec::new();
        let mut missing = Vec::new();
        for r in &references {
            match super::reference_gap(series, r, p0, year) {
                Some(g) => gaps.push(g),
                None => missing.push(missing_reference(&r.name, "p0", year, lang)),
            }
        }
        let position = out.entry(Chapter::PosisiRelatif).or_default();
        if !gaps.is_empty() {
            let sentence = sentences::references(&region.name, p0, &gaps, lang);
            position.push(sentence.clone());
            out.entry(Chapter::Ringkasan).or_default().push(sentence);
        }
        let position = out.entry(Chapter::PosisiRelatif).or_default();
        position.extend(missing);
        let mut rels = Vec::new();
        let mut not_assessed = Vec::new();
        let change = super::year_change(series, p0, year);
        for r in &references {
            match (super::relevance(series, r, p0, year), &change) {
                (Some(rel), _) => rels.push(rel),
                // The region has a change but the reference lacks one of the two years.
                (None, Some(c)) => {
                    let missing: Vec<String> = [c.from_year, year]
                        .into_iter()
                        .filter(|y| r.series.get(*y, "p0").is_none())
                        .map(|y| y.to_string())
                        .collect();
                    not_assessed.push(match lang {
                        Lang::Id => format!(
                            "Relevansi terhadap {} belum dapat dinilai karena angka P0 {} tahun {} belum tersedia.",
                            r.name,
                            r.name,
                            missing.join(" dan ")
                        ),
                        Lang::En => format!(
                            "Relevance to {} cannot be assessed: its P0 for {} is not available.",
                            r.name,
                            missing.join(" and ")
                        ),
                    })
                }
                (None, None) => {}
            }
        }
        if !rels.is_empty() {
            let province = site.province_of(region).map(|p| p.name.as_str());
            position.push(sentences::relevance(
                &region.name,
                province,
                p0,
                &rels,
                lang,
            ));
        }
        position.extend(not_assessed);
        if let Some(province) = site.province_of(region) {
            if let Some(r) = super::rank_in_province(site, region, p0, year) {
                position.push(sentences::rank(
                    &region.name,
                    &province.name,
                    p0,
                    year,
                    &r,
                    lang,
                ));
            }
            if let Some(q) = super::quadrant(site, region, p0, year) {
                position.push(sentences::quadrant(&q, lang));
            }
        }
    }

    for i in site.catalog.iter() {
        if let Some(a) = super::target_attainment(series, i, year) {
            let sentence = sentences::target(i, &a, lang);
            if i.key == "p0" {
                out.entry(Chapter::Ringkasan)
                    .or_default()
                    .push(sentence.clone());
            }
            out.entry(Chapter::CapaianTarget)
                .or_default()
                .push(sentence);
        }
    }
    out
}
