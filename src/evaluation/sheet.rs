//! The evaluation sheet of one region and year as figures: the applicable scheme, each
//! component's measures computed once with their formula inputs, what a measure lacks, and
//! the evidence checklist. Nothing here is worded; the HTML view and the downloads are two
//! projections of a [`Sheet`].

use crate::analysis::budget::{BudgetSummary, ScoreGap, TaggedScore, summarise, tagged_score};
use crate::analysis::{self, ReferenceGap, YearChange};
use crate::base::indicators::{Indicator, keys};
use crate::model::evidence::{ChecklistItem, checklist};
use crate::model::institution::Verification;
use crate::model::scheme::{Component, Measure, Scheme, TaggingWeights, applicable};
use crate::model::{Region, Site};
use std::collections::BTreeMap;

/// The extreme-poverty indicators, one per methodology, in the order the sheet shows them.
pub const EXTREME_POVERTY: [&str; 2] = [keys::EXTREME_PPP2017, keys::EXTREME_PPP2011];

/// One region's sheet for one year.
#[derive(Debug)]
pub struct Sheet<'a> {
    pub year: i32,
    pub scheme: &'a Scheme,
    /// The scheme is the year's own, not an earlier year's applied for lack of one.
    pub own_year: bool,
    pub components: Vec<ComponentResult<'a>>,
    pub evidence: Vec<ChecklistItem>,
    /// Some figures come from files marked `ilustrasi: true`.
    pub illustrative: bool,
}

#[derive(Debug)]
pub struct ComponentResult<'a> {
    pub component: &'a Component,
    pub measures: Vec<MeasureResult<'a>>,
}

#[derive(Debug)]
pub struct MeasureResult<'a> {
    pub measure: Measure,
    pub outcome: Result<Outcome<'a>, Missing>,
}

/// The change of one indicator in the report year.
#[derive(Debug)]
pub struct IndicatorChange<'a> {
    pub indicator: &'a Indicator,
    /// `None` when there is no earlier figure to compare with.
    pub change: Option<YearChange>,
    /// With P0, the change in the number of poor people, where it has one.
    pub poor: Option<(&'a Indicator, YearChange)>,
}

/// The normalised tagged-spending score: the score over the best of the year among the
/// site's regions, × 100.
#[derive(Clone, Debug, PartialEq)]
pub struct Normalised {
    pub best: f64,
    /// How many of the site's regions had a score that year.
    pub regions: usize,
    pub value: f64,
}

/// What a measure came to.
#[derive(Debug)]
pub enum Outcome<'a> {
    /// P0 or P1.
    Change(IndicatorChange<'a>),
    /// Extreme poverty, per methodology with a figure.
    ExtremePoverty(Vec<IndicatorChange<'a>>),
    ProvinceGap(ReferenceGap),
    TaggedScore {
        score: TaggedScore,
        weights: &'a TaggingWeights,
        normalised: Option<Normalised>,
    },
    AllocationShare {
        budget: f64,
        spending: f64,
        /// budget ÷ spending × 100.
        share: f64,
    },
    RealisationRate {
        realised: f64,
        budget_reported: f64,
        /// realised ÷ budget_reported × 100.
        rate: f64,
    },
    DataVerification(&'a Verification),
    Institution {
        decree: bool,
        action_plan: bool,
        meetings: usize,
        reports: usize,
    },
}

/// What a measure that could not be computed lacks.
#[derive(Clone, Debug, PartialEq)]
pub enum Missing {
    /// No figure of the indicator for the year.
    Figure {
        key: &'static str,
        year: i32,
    },
    ExtremePovertyFigure {
        year: i32,
    },
    /// The P0 of the region or of its province for the year.
    ProvinceP0 {
        year: i32,
    },
    /// The scheme asks for the score but states no rule (refused when a scheme is validated;
    /// kept so that a sheet never panics).
    TaggingRule,
    Score(ScoreGap),
    ProgramsAndSpending,
    Realisation,
    Verification,
    Institution,
}

/// The figure a measure comes to and its unit, at full precision; `None` for a measure
/// whose result is not one number (extreme poverty in two methodologies, the institution).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// A change in points (P0, P1) or a difference in points (against the province).
    Points(f64),
    Percent(f64),
    Score(f64),
    /// Targets after verification, in the unit the file gives.
    Count(f64),
}

impl Value {
    pub fn number(self) -> f64 {
        match self {
            Value::Points(v) | Value::Percent(v) | Value::Score(v) | Value::Count(v) => v,
        }
    }
}

impl Outcome<'_> {
    pub fn value(&self) -> Option<Value> {
        match self {
            Outcome::Change(c) => c.change.as_ref().map(|c| Value::Points(c.delta)),
            Outcome::ExtremePoverty(found) => match found.as_slice() {
                [one] => one.change.as_ref().map(|c| Value::Points(c.delta)),
                _ => None,
            },
            Outcome::ProvinceGap(g) => Some(Value::Points(g.diff)),
            Outcome::TaggedScore {
                score, normalised, ..
            } => Some(Value::Score(
                normalised.as_ref().map_or(score.score, |n| n.value),
            )),
            Outcome::AllocationShare { share, .. } => Some(Value::Percent(*share)),
            Outcome::RealisationRate { rate, .. } => Some(Value::Percent(*rate)),
            Outcome::DataVerification(v) => Some(Value::Count(v.after)),
            Outcome::Institution { .. } => None,
        }
    }
}

impl Sheet<'_> {
    pub fn evidence_present(&self) -> usize {
        self.evidence.iter().filter(|i| i.present).count()
    }
}

/// The change of `key` in `year`; `None` when the region has no figure for the year.
fn indicator_change<'a>(
    site: &'a Site,
    region: &Region,
    key: &str,
    year: i32,
) -> Option<IndicatorChange<'a>> {
    let indicator = site.catalog.get(key)?;
    region.series.get(year, key)?;
    let change = analysis::year_change(&region.series, indicator, year);
    let poor = site
        .catalog
        .get(keys::POOR)
        .filter(|_| key == keys::P0)
        .and_then(|i| analysis::year_change(&region.series, i, year).map(|c| (i, c)));
    Some(IndicatorChange {
        indicator,
        change,
        poor,
    })
}

fn measure<'a>(
    site: &'a Site,
    region: &'a Region,
    year: i32,
    scheme: &'a Scheme,
    measure: Measure,
    best: &BTreeMap<i32, (f64, usize)>,
    summary: Option<&BudgetSummary>,
) -> Result<Outcome<'a>, Missing> {
    let data = region.year_data(year);
    let programs = data.and_then(|d| d.programs.as_ref());
    match measure {
        Measure::P0 | Measure::P1 => {
            let key = if measure == Measure::P0 {
                keys::P0
            } else {
                keys::P1
            };
            indicator_change(site, region, key, year)
                .map(Outcome::Change)
                .ok_or(Missing::Figure { key, year })
        }
        Measure::ExtremePoverty => {
            let found: Vec<IndicatorChange> = EXTREME_POVERTY
                .iter()
                .filter_map(|k| indicator_change(site, region, k, year))
                .collect();
            if found.is_empty() {
                Err(Missing::ExtremePovertyFigure { year })
            } else {
                Ok(Outcome::ExtremePoverty(found))
            }
        }
        Measure::ProvinceGap => site
            .catalog
            .get(keys::P0)
            .and_then(|i| {
                site.province_of(region)
                    .and_then(|prov| analysis::reference_gap(&region.series, prov, i, year))
            })
            .map(Outcome::ProvinceGap)
            .ok_or(Missing::ProvinceP0 { year }),
        Measure::TaggedScore => {
            let rule = scheme.tagging.as_ref().ok_or(Missing::TaggingRule)?;
            let score = tagged_score(programs, &rule.weights).map_err(Missing::Score)?;
            let normalised = if rule.normalise {
                best.get(&year)
                    .filter(|(top, _)| *top > 0.0)
                    .map(|(top, n)| Normalised {
                        best: *top,
                        regions: *n,
                        value: score.score / top * 100.0,
                    })
            } else {
                None
            };
            Ok(Outcome::TaggedScore {
                score,
                weights: &rule.weights,
                normalised,
            })
        }
        Measure::AllocationShare => summary
            .zip(programs)
            .and_then(|(sum, pr)| {
                pr.regional_spending
                    .filter(|s| *s > 0.0)
                    .map(|spending| Outcome::AllocationShare {
                        budget: sum.total.budget,
                        spending,
                        share: sum.total.budget / spending * 100.0,
                    })
            })
            .ok_or(Missing::ProgramsAndSpending),
        Measure::RealisationRate => summary
            .and_then(|s| {
                s.total.rate().map(|rate| Outcome::RealisationRate {
                    realised: s.total.realised,
                    budget_reported: s.total.budget_reported,
                    rate,
                })
            })
            .ok_or(Missing::Realisation),
        Measure::DataVerification => data
            .and_then(|d| d.institution.as_ref())
            .and_then(|i| i.verifications.last())
            .map(Outcome::DataVerification)
            .ok_or(Missing::Verification),
        Measure::Institution => data
            .and_then(|d| d.institution.as_ref())
            .map(|i| Outcome::Institution {
                decree: i.decree.is_some(),
                action_plan: i.action_plan.is_some(),
                meetings: i.meetings.len(),
                reports: i.reports.len(),
            })
            .ok_or(Missing::Institution),
    }
}

/// The sheet of one region and year, or `None` when no scheme applies to the year. `best` is
/// [`super::best_tagged_scores`] of the site.
pub fn sheet<'a>(
    site: &'a Site,
    region: &'a Region,
    year: i32,
    best: &BTreeMap<i32, (f64, usize)>,
) -> Option<Sheet<'a>> {
    let (scheme, own_year) = applicable(&site.schemes, year)?;
    let data = region.year_data(year);
    // The budget measures share one summary of the year's programmes.
    let summary = data
        .and_then(|d| d.programs.as_ref())
        .filter(|p| !p.items.is_empty())
        .map(|p| summarise(p, "–"));
    let components = scheme
        .components
        .iter()
        .map(|c| ComponentResult {
            component: c,
            measures: c
                .measures
                .iter()
                .map(|m| MeasureResult {
                    measure: *m,
                    outcome: measure(site, region, year, scheme, *m, best, summary.as_ref()),
                })
                .collect(),
        })
        .collect();
    Some(Sheet {
        year,
        scheme,
        own_year,
        components,
        evidence: checklist(&scheme.evidence, data, &region.slug, year),
        illustrative: data.is_some_and(|d| {
            d.programs.as_ref().is_some_and(|p| p.illustrative)
                || d.institution.as_ref().is_some_and(|i| i.illustrative)
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Site {
        let (raw, _) = crate::content::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
        crate::model::validate(raw)
            .0
            .expect("the sample site loads")
    }

    fn outcome<'a>(sheet: &'a Sheet, m: Measure) -> &'a Result<Outcome<'a>, Missing> {
        &sheet
            .components
            .iter()
            .flat_map(|c| &c.measures)
            .find(|r| r.measure == m)
            .unwrap_or_else(|| panic!("no {m:?} on the sheet"))
            .outcome
    }

    #[test]
    fn blora_2025_measures_equal_their_hand_computed_figures() {
        let site = sample();
        let best = super::super::best_tagged_scores(&site);
        let blora = site
            .regions
            .iter()
            .find(|r| r.slug == "kabupaten-blora")
            .unwrap();
        let sheet = sheet(&site, blora, 2025, &best).unwrap();
        assert_eq!((sheet.scheme.year, sheet.own_year), (2025, true));
        let programs = blora.year_data(2025).unwrap().programs.as_ref().unwrap();
        // The rate by hand: Σ realisation over Σ allocation of the sub-kegiatan reporting one.
        let (mut realised, mut budget) = (0.0, 0.0);
        for p in &programs.items {
            if let Some(r) = p.realised() {
                realised += r;
                budget += p.budget;
            }
        }
        match outcome(&sheet, Measure::RealisationRate) {
            Ok(o @ Outcome::RealisationRate { rate, .. }) => {
                assert_eq!(*rate, realised / budget * 100.0);
                assert_eq!(o.value(), Some(Value::Percent(realised / budget * 100.0)));
            }
            other => panic!("{other:?}"),
        }
        let total: f64 = programs.items.iter().map(|p| p.budget).sum();
        let spending = programs.regional_spending.unwrap();
        match outcome(&sheet, Measure::AllocationShare) {
            Ok(o) => assert_eq!(o.value(), Some(Value::Percent(total / spending * 100.0))),
            Err(e) => panic!("{e:?}"),
        }
        // P0: the change against the previous year with a figure, in points.
        let p0 = |y| blora.series.get(y, "p0").unwrap().value;
        match outcome(&sheet, Measure::P0) {
            Ok(o) => assert_eq!(
                o.value(),
                Some(Value::Points(crate::base::format::round_to(
                    p0(2025) - p0(2024),
                    2
                )))
            ),
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn a_measure_without_its_figures_says_what_is_missing() {
        let site = sample();
        let best = super::super::best_tagged_scores(&site);
        let blora = site
            .regions
            .iter()
            .find(|r| r.slug == "kabupaten-blora")
            .unwrap();
        let sheet = sheet(&site, blora, 2025, &best).unwrap();
        assert_eq!(
            outcome(&sheet, Measure::P1).as_ref().err(),
            Some(&Missing::Figure {
                key: "p1",
                year: 2025
            })
        );
        assert!(sheet.evidence_present() <= sheet.evidence.len());
        // No scheme before 2023.
        assert!(super::sheet(&site, blora, 2022, &best).is_none());
    }
}
