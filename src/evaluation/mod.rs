//! The readiness of the yearly evaluation (penilaian kinerja) that `tkpk check` reports: per
//! region and year, which evidence the applicable scheme asks for and which is present. The
//! sheet itself is part of the report stage (`report::sheet`).

pub mod messages;

use crate::base::diagnostics::{Diagnostic, Diagnostics};
use crate::evaluation::messages::EvaluationMessage;
use crate::model::Site;
use crate::model::evidence::checklist;
use crate::model::scheme::applicable;

/// The years of a region whose evaluation readiness `tkpk check` reports: every report year
/// with programs, pockets or institutional records, and the site's report year.
fn readiness_years(site: &Site, region: &crate::model::Region) -> Vec<i32> {
    let mut years: Vec<i32> = region
        .annual
        .keys()
        .copied()
        .chain(site.config.report_year)
        .filter(|y| region.series.march.contains_key(y))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// One line per region and year: how many evidence items the applicable scheme asks for and
/// how many are present; plus a warning per missing item naming the file to edit.
pub struct Readiness {
    pub warnings: Diagnostics,
    pub lines: Vec<EvaluationMessage>,
}

pub fn readiness(site: &Site) -> Readiness {
    let mut warnings = Diagnostics::new();
    let mut lines = Vec::new();
    for region in &site.regions {
        for year in readiness_years(site, region) {
            let Some((scheme, _)) = applicable(&site.schemes, year) else {
                continue;
            };
            let items = checklist(&scheme.evidence, region.year_data(year), &region.slug, year);
            let present = items.iter().filter(|i| i.present).count();
            for item in items.iter().filter(|i| !i.present) {
                warnings.push(
                    Diagnostic::warning(EvaluationMessage::EvidenceMissing {
                        region: region.name.clone(),
                        year,
                        item: item.evidence.phrase(),
                        scheme_year: scheme.year,
                    })
                    .in_file(&item.file)
                    .hint(EvaluationMessage::HintEvidence {
                        example: item.evidence.example().to_string(),
                    }),
                );
            }
            // Written in kelembagaan.yaml, but without the scan the bundle would carry.
            let unscanned: Vec<_> = items
                .iter()
                .filter(|i| {
                    i.present
                        && i.scans.is_empty()
                        && i.evidence.file() == crate::model::evidence::EvidenceFile::Institution
                })
                .collect();
            if let Some(first) = unscanned.first() {
                warnings.push(
                    Diagnostic::warning(EvaluationMessage::EvidenceWithoutScan {
                        region: region.name.clone(),
                        year,
                        items: unscanned.iter().map(|i| i.evidence.phrase()).collect(),
                    })
                    .in_file(&first.file)
                    .hint(EvaluationMessage::HintScan),
                );
            }
            lines.push(EvaluationMessage::Readiness {
                region: region.slug.clone(),
                year,
                present,
                total: items.len(),
                scheme_year: scheme.year,
            });
        }
    }
    warnings.extend(illustrative(site));
    Readiness { warnings, lines }
}

/// What is still illustrative, one warning per file: the figures marked in an indicator or
/// reference file (by year), and the narratives, programmes, pockets, deciles and institution
/// records marked `ilustrasi: true`. Nothing illustrative belongs in a submitted report.
fn illustrative(site: &Site) -> Diagnostics {
    let mut out = Diagnostics::new();
    let marked = |series: &crate::model::Series| -> Vec<(i32, Vec<String>)> {
        series
            .march
            .iter()
            .map(|(year, figures)| {
                let keys = figures
                    .iter()
                    .filter(|(_, f)| f.illustrative)
                    .map(|(k, _)| k.clone())
                    .collect::<Vec<_>>();
                (*year, keys)
            })
            .filter(|(_, keys)| !keys.is_empty())
            .collect()
    };
    let references = site.nation.iter().chain(site.provinces.values()).map(|r| {
        (
            r.name.clone(),
            format!("content/referensi/{}.yaml", r.slug),
            &r.series,
        )
    });
    let regions = site.regions.iter().map(|r| {
        (
            r.name.clone(),
            format!("content/{}/indikator.yaml", r.slug),
            &r.series,
        )
    });
    for (name, file, series) in regions.chain(references) {
        let years = marked(series);
        if !years.is_empty() {
            out.push(
                Diagnostic::warning(EvaluationMessage::IllustrativeFigures { name, years })
                    .in_file(&file)
                    .hint(EvaluationMessage::HintReplaceFigures),
            );
        }
    }
    for region in &site.regions {
        for (year, data) in &region.annual {
            let files = [
                (
                    "program.yaml",
                    data.programs.as_ref().is_some_and(|p| p.illustrative),
                ),
                (
                    "kantong.yaml",
                    data.pockets.as_ref().is_some_and(|p| p.illustrative),
                ),
                (
                    "desil.yaml",
                    data.deciles.as_ref().is_some_and(|d| d.illustrative),
                ),
                (
                    "kelembagaan.yaml",
                    data.institution.as_ref().is_some_and(|i| i.illustrative),
                ),
            ];
            for (file, _) in files.iter().filter(|(_, marked)| *marked) {
                out.push(
                    Diagnostic::warning(EvaluationMessage::IllustrativeFile)
                        .in_file(format!("content/{}/{year}/{file}", region.slug))
                        .hint(EvaluationMessage::HintReplaceFile),
                );
            }
        }
        for (year, narratives) in &region.narratives {
            for n in narratives.iter().filter(|n| n.illustrative) {
                out.push(
                    Diagnostic::warning(EvaluationMessage::IllustrativeFile)
                        .in_file(format!("content/{}/{year}/{}", region.slug, n.file_name))
                        .hint(EvaluationMessage::HintReplaceFile),
                );
            }
        }
    }
    out
}
