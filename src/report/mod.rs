//! The report stage: for one region and year, every figure its annual report and evaluation
//! sheet show, computed once from the validated model. Language-neutral: numbers stay numbers
//! and nothing is worded here. The HTML views, the downloads and the charts are projections of
//! a [`Report`]; none of them computes an analysis again.

pub(crate) mod deciles;
pub(crate) mod document;
pub(crate) mod messages;
pub(crate) mod sheet;

use crate::analysis::budget::{BudgetSummary, Totals, summarise};
use crate::analysis::targeting::{self, DistrictPrograms};
use crate::analysis::{
    self, QuadrantPosition, Rank, ReferenceGap, Relevance, TargetAttainment, YearChange,
};
use crate::base::indicators::{Indicator, keys};
use crate::model::institution::Institution;
use crate::model::pockets::Pockets;
use crate::model::programs::{Program, Programs};
use crate::model::{Figure, Reference, Region, Site};
use deciles::DecileReport;
use sheet::Sheet;

/// A region and one of its report years: what every page of that year is about.
#[derive(Clone, Copy, Debug)]
pub struct RegionYear<'a> {
    pub region: &'a Region,
    pub year: i32,
}

impl<'a> RegionYear<'a> {
    pub fn new(region: &'a Region, year: i32) -> Self {
        RegionYear { region, year }
    }
}

/// One indicator of the report year: the region's figure, its change against the previous
/// year with a figure, and the province's and nation's figures of the same year.
#[derive(Debug)]
pub struct IndicatorRow<'a> {
    pub indicator: &'a Indicator,
    pub figure: &'a Figure,
    pub change: Option<YearChange>,
    pub province: Option<&'a Figure>,
    pub nation: Option<&'a Figure>,
}

impl IndicatorRow<'_> {
    /// Whether the row shows an illustrative figure: its own, or the one its change is from.
    pub fn illustrative(&self) -> bool {
        self.figure.illustrative || self.change.as_ref().is_some_and(|c| c.illustrative)
    }

    /// Whether the province or the nation has a figure to compare with.
    pub fn compared(&self) -> bool {
        self.province.is_some() || self.nation.is_some()
    }
}

/// Relevance against one reference, or the years of its P0 that are missing for it.
#[derive(Debug)]
pub enum RelevanceResult<'a> {
    Assessed(Box<Relevance>),
    /// The region has a change but the reference lacks a figure of these years.
    Missing {
        reference: &'a Reference,
        years: Vec<i32>,
    },
}

/// P0 against the province and the nation: the report's "posisi relatif".
#[derive(Debug)]
pub struct Position<'a> {
    /// Per reference (province, then nation): the gap, or the reference lacking a P0.
    pub gaps: Vec<Result<ReferenceGap, &'a Reference>>,
    pub relevance: Vec<RelevanceResult<'a>>,
    /// Within the province (only when the region has one).
    pub rank: Option<Rank>,
    pub quadrant: Option<QuadrantPosition>,
    /// P0 with P1, TPT, IPM and Gini against the province, each where both figures exist.
    pub pairs: Vec<(&'a Indicator, analysis::PairPosition)>,
    /// The change of P0 against economic growth, both against the province, where the
    /// figures exist.
    pub growth: Option<analysis::PairPosition>,
}

/// The indicators set against P0 in the pair quadrants, in order.
pub(crate) const PAIRED_WITH_P0: [&str; 4] = [keys::P1, keys::UNEMPLOYMENT, keys::HDI, keys::GINI];

/// The year's programmes and their one summary.
#[derive(Debug)]
pub struct ProgramReport<'a> {
    pub programs: &'a Programs,
    pub summary: BudgetSummary,
    /// Every priority problem (in priority order), then any other basic service a programme
    /// names, with the programmes that name it; empty when there is neither.
    pub problems: Vec<ProblemPrograms<'a>>,
    /// Per kecamatan (the pockets first), what is carried out there; empty when no programme
    /// names a kecamatan.
    pub districts: Vec<DistrictPrograms>,
}

/// A basic service and the sub-kegiatan aimed at it (`masalah:` in program.yaml).
#[derive(Debug)]
pub struct ProblemPrograms<'a> {
    pub indicator: &'a Indicator,
    /// Its priority among the year's problems (1 first), as in [`Determinant::priority`].
    pub priority: Option<usize>,
    pub programs: Vec<&'a Program>,
    pub totals: Totals,
}

/// How many of the first priority problems a report checks for programmes aimed at them.
pub(crate) const TOP_PROBLEMS: usize = 3;

impl ProgramReport<'_> {
    /// The first [`TOP_PROBLEMS`] priority problems that no programme names.
    pub fn unaddressed(&self) -> impl Iterator<Item = &ProblemPrograms<'_>> {
        self.problems
            .iter()
            .filter(|p| p.priority.is_some_and(|n| n <= TOP_PROBLEMS) && p.programs.is_empty())
    }
}

/// The basic services against the programmes: the priority problems in order, then the other
/// services some programme names, in catalogue order.
fn problem_programs<'a>(
    determinants: &[Determinant<'a>],
    programs: &'a Programs,
    catalog: &'a crate::base::indicators::Catalog,
) -> Vec<ProblemPrograms<'a>> {
    let named = |key: &str| {
        programs
            .items
            .iter()
            .any(|p| p.problems.iter().any(|k| k == key))
    };
    let mut out: Vec<ProblemPrograms> = determinants
        .iter()
        .filter(|d| d.priority.is_some())
        .map(|d| (d.indicator, d.priority))
        .chain(
            keys::DETERMINANTS
                .iter()
                .filter(|k| named(k))
                .filter(|k| {
                    !determinants
                        .iter()
                        .any(|d| d.priority.is_some() && d.indicator.key == **k)
                })
                .filter_map(|k| catalog.get(k).map(|i| (i, None))),
        )
        .map(|(indicator, priority)| {
            let (programs, totals) = targeting::for_problem(programs, &indicator.key);
            ProblemPrograms {
                indicator,
                priority,
                programs,
                totals,
            }
        })
        .collect();
    // Nothing to say where no problem is a priority and no programme names one.
    if out
        .iter()
        .all(|p| p.priority.is_none() && p.programs.is_empty())
    {
        out.clear();
    }
    out
}

impl ProgramReport<'_> {
    /// Total regional spending and the programmes' allocation as a share of it (%), when the
    /// file gives a spending above zero.
    pub fn allocation_share(&self) -> Option<(f64, f64)> {
        self.programs
            .regional_spending
            .filter(|s| *s > 0.0)
            .map(|s| (s, self.summary.total.budget / s * 100.0))
    }
}

/// Everything one annual report shows.
#[derive(Debug)]
pub struct Report<'a> {
    pub site: &'a Site,
    pub region: &'a Region,
    pub year: i32,
    pub province: Option<&'a Reference>,
    pub nation: Option<&'a Reference>,
    /// The report years before and after this one.
    pub previous: Option<i32>,
    pub next: Option<i32>,
    /// Every indicator with a figure this year, in catalogue order.
    pub indicators: Vec<IndicatorRow<'a>>,
    /// Each indicator's figure against its RPJMD target, in catalogue order.
    pub targets: Vec<(&'a Indicator, TargetAttainment)>,
    /// The year lies inside the targets' plan period (or the file gives none): the report
    /// shows its targets.
    pub show_targets: bool,
    /// `None` when the region has no P0 this year.
    pub position: Option<Position<'a>>,
    pub programs: Option<ProgramReport<'a>>,
    /// The pockets of this year or, failing that, of the latest year before it with some
    /// (the year they were mapped).
    pub pockets: Option<(i32, &'a Pockets)>,
    pub institution: Option<&'a Institution>,
    /// The evaluation sheet, when a scheme applies to the year.
    pub sheet: Option<Sheet<'a>>,
    /// The basic services (determinants) with a figure this year, priorities first.
    pub determinants: Vec<Determinant<'a>>,
    /// The basic services by welfare decile of this year's `desil.yaml`.
    pub deciles: Option<DecileReport<'a>>,
}

/// A basic service against the province and the nation, and its place among the priority
/// problems: those where the region does worse than its province (or than the nation, when
/// the province has no figure), ordered by how far worse, in points.
#[derive(Debug)]
pub struct Determinant<'a> {
    pub indicator: &'a Indicator,
    pub figure: &'a Figure,
    pub province: Option<ReferenceGap>,
    pub nation: Option<ReferenceGap>,
    /// 1 for the first priority problem; `None` when the region does not do worse and the
    /// author did not list it.
    pub priority: Option<usize>,
    /// The author's reason, when `prioritas_masalah:` placed it.
    pub reason: Option<&'a str>,
}

impl Determinant<'_> {
    /// How far the region falls short of the reference it is judged by, in points.
    pub fn shortfall(&self) -> Option<f64> {
        let gap = self.province.as_ref().or(self.nation.as_ref())?;
        (!gap.better && gap.diff != 0.0).then_some(gap.diff.abs())
    }
}

/// The determinants of a region's year, priorities first (largest shortfall first, then in
/// catalogue order), the others after in catalogue order.
fn determinants<'a>(
    site: &'a Site,
    region: &'a Region,
    year: i32,
    (province, nation): (Option<&'a Reference>, Option<&'a Reference>),
) -> Vec<Determinant<'a>> {
    let mut out: Vec<Determinant> = keys::DETERMINANTS
        .iter()
        .filter_map(|key| {
            let indicator = site.catalog.get(key)?;
            let figure = region.series.get(year, key)?;
            let gap = |r: Option<&Reference>| {
                r.and_then(|r| analysis::reference_gap(&region.series, r, indicator, year))
            };
            Some(Determinant {
                indicator,
                figure,
                province: gap(province),
                nation: gap(nation),
                priority: None,
                reason: None,
            })
        })
        .collect();
    // The author's order first (`prioritas_masalah:`), then the shortfalls, largest first;
    // the sort is stable, so equal ones keep catalogue order.
    let authored: &[(String, String)] = region.priorities.get(&year).map_or(&[], Vec::as_slice);
    for d in &mut out {
        d.reason = authored
            .iter()
            .find(|(k, _)| *k == d.indicator.key)
            .map(|(_, r)| r.as_str());
    }
    let place = |d: &Determinant| authored.iter().position(|(k, _)| *k == d.indicator.key);
    out.sort_by(|a, b| match (place(a), place(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => match (a.shortfall(), b.shortfall()) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        },
    });
    let mut rank = 0;
    for d in &mut out {
        if d.reason.is_some() || d.shortfall().is_some() {
            rank += 1;
            d.priority = Some(rank);
        }
    }
    out
}

impl<'a> Report<'a> {
    /// The row of an indicator, when it has a figure this year.
    pub fn row(&self, key: &str) -> Option<&IndicatorRow<'a>> {
        self.indicators.iter().find(|r| r.indicator.key == key)
    }

    pub fn target(&self, key: &str) -> Option<&TargetAttainment> {
        self.targets
            .iter()
            .find(|(i, _)| i.key == key)
            .map(|(_, a)| a)
    }

    pub fn region_year(&self) -> RegionYear<'a> {
        RegionYear {
            region: self.region,
            year: self.year,
        }
    }
}

fn position<'a>(site: &'a Site, region: &'a Region, p0: &IndicatorRow, year: i32) -> Position<'a> {
    let series = &region.series;
    let (p0, change) = (p0.indicator, &p0.change);
    let references = site.references_of(region);
    let gaps = references
        .iter()
        .map(|r| analysis::reference_gap(series, r, p0, year).ok_or(*r))
        .collect();
    let relevance = references
        .iter()
        .filter_map(
            |r| match (analysis::relevance(series, r, p0, year), &change) {
                (Some(rel), _) => Some(RelevanceResult::Assessed(Box::new(rel))),
                (None, Some(c)) => Some(RelevanceResult::Missing {
                    reference: r,
                    years: [c.from_year, year]
                        .into_iter()
                        .filter(|y| r.series.get(*y, p0.key.as_str()).is_none())
                        .collect(),
                }),
                (None, None) => None,
            },
        )
        .collect();
    let in_province = site.province_of(region).is_some();
    Position {
        gaps,
        relevance,
        rank: in_province
            .then(|| analysis::rank_in_province(site, region, p0, year))
            .flatten(),
        quadrant: in_province
            .then(|| analysis::quadrant(site, region, p0, year))
            .flatten(),
        pairs: site
            .province_of(region)
            .map(|province| {
                PAIRED_WITH_P0
                    .iter()
                    .filter_map(|key| site.catalog.get(key))
                    .filter_map(|y| {
                        analysis::pair_position(&region.series, province, (p0, y), year)
                            .map(|p| (y, p))
                    })
                    .collect()
            })
            .unwrap_or_default(),
        growth: site.province_of(region).and_then(|province| {
            let growth = site.catalog.get(keys::GROWTH)?;
            analysis::growth_position(&region.series, province, (p0, growth), year)
        }),
    }
}

/// The report of `region` for `year`.
pub(crate) fn report<'a>(site: &'a Site, region: &'a Region, year: i32) -> Report<'a> {
    let series = &region.series;
    let province = site.province_of(region);
    let nation = site.nation.as_ref();
    // Previous and next among the years whose report this build writes.
    let years = site.report_years(region);
    let at = years.iter().position(|y| *y == year);
    let indicators: Vec<IndicatorRow> = site
        .catalog
        .iter()
        .filter_map(|i| {
            let figure = series.get(year, &i.key)?;
            let reference = |r: Option<&'a Reference>| r.and_then(|r| r.series.get(year, &i.key));
            Some(IndicatorRow {
                indicator: i,
                figure,
                change: analysis::year_change(series, i, year),
                province: reference(province),
                nation: reference(nation),
            })
        })
        .collect();
    let show_targets = series.targets_apply(year);
    let targets = site
        .catalog
        .iter()
        .filter(|_| show_targets)
        .filter_map(|i| analysis::target_attainment(series, i, year).map(|a| (i, a)))
        .collect();
    let data = region.year_data(year);
    let position = indicators
        .iter()
        .find(|r: &&IndicatorRow| r.indicator.key == keys::P0)
        .map(|p0| position(site, region, p0, year));
    let determinants = determinants(site, region, year, (province, nation));
    let pockets = region.pockets_for(year);
    let programs = data
        .and_then(|d| d.programs.as_ref())
        .filter(|p| !p.items.is_empty())
        .map(|programs| ProgramReport {
            programs,
            summary: summarise(programs, "–"),
            problems: problem_programs(&determinants, programs, &site.catalog),
            districts: if programs.items.iter().any(|p| !p.districts.is_empty()) {
                targeting::by_district(programs, pockets.map(|(_, p)| p))
            } else {
                Vec::new()
            },
        });
    // The province's gap is the first of the position's (province, then nation).
    let province_gap = position
        .as_ref()
        .filter(|_| province.is_some())
        .and_then(|p| p.gaps.first())
        .and_then(|g| g.as_ref().ok());
    let sheet = site
        .sheet_written(year)
        .then(|| {
            sheet::sheet(
                site,
                region,
                year,
                &sheet::Inputs {
                    rows: &indicators,
                    province_gap,
                    programs: programs.as_ref(),
                },
            )
        })
        .flatten();
    Report {
        site,
        region,
        year,
        province,
        nation,
        previous: at.and_then(|p| p.checked_sub(1)).map(|p| years[p]),
        next: at.and_then(|p| years.get(p + 1)).copied(),
        indicators,
        targets,
        show_targets,
        position,
        programs,
        pockets,
        institution: data.and_then(|d| d.institution.as_ref()),
        sheet,
        determinants,
        deciles: data
            .and_then(|d| d.deciles.as_ref())
            .and_then(|d| deciles::decile_report(d, &site.catalog, series, year)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_holds_each_figure_with_its_references() {
        let site = crate::model::sample::site();
        let blora = crate::model::sample::region(&site, "kabupaten-blora");
        let r = report(&site, blora, 2025);
        let p0 = r.row(keys::P0).unwrap();
        assert_eq!(p0.figure.value, blora.series.get(2025, "p0").unwrap().value);
        let province = site.province_of(blora).unwrap();
        assert_eq!(
            p0.province.map(|f| f.value),
            province.series.get(2025, "p0").map(|f| f.value)
        );
        // The change is taken against the previous year with a figure.
        let c = p0.change.as_ref().unwrap();
        assert_eq!(c.from_year, 2024);
        assert_eq!(
            c.delta,
            crate::base::format::round_to(
                p0.figure.value - blora.series.get(2024, "p0").unwrap().value,
                2
            )
        );
        // The programme summary is the sum of the sub-kegiatan.
        let programs = r.programs.as_ref().unwrap();
        let total: f64 = programs.programs.items.iter().map(|p| p.budget).sum();
        assert_eq!(programs.summary.total.budget, total);
        // Years around this one, and the sheet of a year with a scheme.
        assert_eq!(r.next, None);
        assert!(r.previous.is_some_and(|y| y < 2025));
        assert!(r.sheet.is_some());
        let position = r.position.as_ref().unwrap();
        assert_eq!(position.gaps.len(), 2, "province and nation");
        assert!(position.rank.as_ref().is_some_and(|k| k.rank >= 1));
    }

    #[test]
    fn a_year_without_p0_has_no_position_and_a_year_before_the_schemes_no_sheet() {
        let site = crate::model::sample::site();
        for region in &site.regions {
            for year in region.series.years() {
                let r = report(&site, region, year);
                assert_eq!(
                    r.position.is_some(),
                    region.series.get(year, "p0").is_some(),
                    "{} {year}",
                    region.slug
                );
                assert_eq!(r.sheet.is_some(), year >= 2023, "{} {year}", region.slug);
                assert!(r.indicators.iter().all(|row| row.figure.value.is_finite()));
            }
        }
    }
}
