//! The findings of one annual report: every analysis of its [`Report`] worded as sentences
//! and grouped by the LP2KD chapter they belong to. Missing data is named.

use super::sentences;
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
        }
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
