//! The evaluation sheet of one region and year as figures: the applicable scheme, each
//! component's measures with their formula inputs, what a measure lacks, and the evidence
//! checklist. Built from the report's own rows, position and programme summary, so a figure
//! on the sheet is the same value as on the report. Nothing here is worded; the HTML view and
//! the downloads are two projections of a [`Sheet`].

use super::{IndicatorRow, ProgramReport};
use crate::analysis::ReferenceGap;
use crate::analysis::YearChange;
use crate::analysis::budget::{
    ScoreGap, TaggedScore, both_semesters, first_semester, tagged_score,
};
use crate::base::indicators::{Indicator, keys};
use crate::model::evidence::{ChecklistItem, checklist};
use crate::model::institution::Verification;
use crate::model::scheme::{
    Component, Measure, RealisationPeriod, Scheme, TaggingWeights, applicable,
};
use crate::model::{Region, Site};

/// The extreme-poverty indicators, one per methodology, in the order the sheet shows them.
pub(crate) const EXTREME_POVERTY: [&str; 2] = [keys::EXTREME_PPP2017, keys::EXTREME_PPP2011];

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

/// The normalised tagged-spending score (PMK 97/2023: X/Xmaks × 100): the score over the
/// national best of the year, which site.yaml gives with its source.
#[derive(Clone, Debug, PartialEq)]
pub struct Normalised {
    pub best: f64,
    pub source: String,
    pub value: f64,
}

/// What a measure came to.
#[derive(Debug)]
pub enum Outcome<'a> {
    /// P0 or P1.
    Change(IndicatorChange<'a>),
    /// Extreme poverty, per methodology with a figure.
    ExtremePoverty(Vec<IndicatorChange<'a>>),
    ProvinceGap {
        gap: ReferenceGap,
        indicator: &'a Indicator,
    },
    TaggedScore {
        score: TaggedScore,
        weights: &'a TaggingWeights,
        normalised: Option<Normalised>,
        /// The scheme normalises but site.yaml gives no national best for the year: the raw
        /// score stands, and the sheet says what is needed.
        needs_best: bool,
    },
    AllocationShare {
        budget: f64,
        spending: f64,
        /// budget ÷ spending × 100.
        share: f64,
    },
    RealisationRate {
        /// The period the scheme names.
        period: RealisationPeriod,
        realised: f64,
        budget_reported: f64,
        /// realised ÷ budget_reported × 100.
        rate: f64,
        /// Sub-kegiatan that report a realisation for the period, of all of them.
        reported: usize,
        count: usize,
        /// For a first-semester rate, the whole year's over the sub-kegiatan that report both
        /// semesters, and how many do.
        whole_year: Option<(f64, usize)>,
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
    FirstSemesterRealisation,
    Verification,
    Institution,
}

/// The figure a measure comes to, at full precision, with what its unit depends on; `None`
/// for a measure whose result is not one number (extreme poverty in two methodologies, the
/// institution).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Value<'a> {
    /// A change of an indicator since `from_year` (`None`: a difference in the same year, as
    /// against the province), in the indicator's unit (points for a percentage).
    Change {
        value: f64,
        indicator: &'a Indicator,
        from_year: Option<i32>,
    },
    Percent(f64),
    /// The tagged-spending score, or with `normalised` the score over the best of the year.
    Score {
        value: f64,
        normalised: bool,
    },
    /// Targets after verification, in the unit the file gives.
    Count {
        value: f64,
        unit: Option<&'a str>,
    },
}

impl Value<'_> {
    pub(crate) fn number(self) -> f64 {
        match self {
            Value::Change { value, .. }
            | Value::Percent(value)
            | Value::Score { value, .. }
            | Value::Count { value, .. } => value,
        }
    }

    /// The year a change is taken from.
    pub(crate) fn base_year(self) -> Option<i32> {
        match self {
            Value::Change { from_year, .. } => from_year,
            _ => None,
        }
    }
}

impl<'a> IndicatorChange<'a> {
    pub(crate) fn value(&self) -> Option<Value<'a>> {
        self.change.as_ref().map(|c| Value::Change {
            value: c.delta,
            indicator: self.indicator,
            from_year: Some(c.from_year),
        })
    }
}

impl<'a> Outcome<'a> {
    pub(crate) fn value(&self) -> Option<Value<'a>> {
        match self {
            Outcome::Change(c) => c.value(),
            Outcome::ExtremePoverty(found) => match found.as_slice() {
                [one] => one.value(),
                _ => None,
            },
            Outcome::ProvinceGap { gap, indicator } => Some(Value::Change {
                value: gap.diff,
                indicator,
                from_year: None,
            }),
            Outcome::TaggedScore {
                score, normalised, ..
            } => Some(match normalised {
                Some(n) => Value::Score {
                    value: n.value,
                    normalised: true,
                },
                None => Value::Score {
                    value: score.score,
                    normalised: false,
                },
            }),
            Outcome::AllocationShare { share, .. } => Some(Value::Percent(*share)),
            Outcome::RealisationRate { rate, .. } => Some(Value::Percent(*rate)),
            Outcome::DataVerification(v) => Some(Value::Count {
                value: v.after,
                unit: v.unit.as_deref(),
            }),
            Outcome::Institution { .. } => None,
        }
    }
}

impl Sheet<'_> {
    pub fn evidence_present(&self) -> usize {
        self.evidence.iter().filter(|i| i.present).count()
    }
}

/// What the sheet reads of its report: the indicator rows, the P0 gap to the province, the
/// programmes with their summary.
pub(crate) struct Inputs<'r, 'a> {
    pub(crate) rows: &'r [IndicatorRow<'a>],
    pub(crate) province_gap: Option<&'r ReferenceGap>,
    pub(crate) programs: Option<&'r ProgramReport<'a>>,
}

/// The change of `key` in the report year; `None` when the region has no figure for the year.
fn indicator_change<'a>(rows: &[IndicatorRow<'a>], key: &str) -> Option<IndicatorChange<'a>> {
    let row = rows.iter().find(|r| r.indicator.key == key)?;
    let poor = rows
        .iter()
        .find(|r| r.indicator.key == keys::POOR)
        .filter(|_| key == keys::P0)
        .and_then(|r| r.change.clone().map(|c| (r.indicator, c)));
    Some(IndicatorChange {
        indicator: row.indicator,
        change: row.change.clone(),
        poor,
    })
}

fn measure<'a>(
    site: &'a Site,
    region: &'a Region,
    year: i32,
    scheme: &'a Scheme,
    measure: Measure,
    inputs: &Inputs<'_, 'a>,
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
            indicator_change(inputs.rows, key)
                .map(Outcome::Change)
                .ok_or(Missing::Figure { key, year })
        }
        Measure::ExtremePoverty => {
            let found: Vec<IndicatorChange> = EXTREME_POVERTY
                .iter()
                .filter_map(|k| indicator_change(inputs.rows, k))
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
            .zip(inputs.province_gap)
            .map(|(indicator, gap)| Outcome::ProvinceGap {
                gap: gap.clone(),
                indicator,
            })
            .ok_or(Missing::ProvinceP0 { year }),
        Measure::TaggedScore => {
            let rule = scheme.tagging.as_ref().ok_or(Missing::TaggingRule)?;
            let score = tagged_score(programs, &rule.weights).map_err(Missing::Score)?;
            // Never the best region of the site: a one-region site would always score 100.
            let normalised = rule
                .normalise
                .then(|| site.config.top_tagged_scores.get(&year))
                .flatten()
                .map(|top| Normalised {
                    best: top.value,
                    source: top.source.clone(),
                    value: score.score / top.value * 100.0,
                });
            Ok(Outcome::TaggedScore {
                needs_best: rule.normalise && normalised.is_none(),
                score,
                weights: &rule.weights,
                normalised,
            })
        }
        Measure::AllocationShare => inputs
            .programs
            .and_then(|p| {
                p.allocation_share()
                    .map(|(spending, share)| Outcome::AllocationShare {
                        budget: p.summary.total.budget,
                        spending,
                        share,
                    })
            })
            .ok_or(Missing::ProgramsAndSpending),
        Measure::RealisationRate => {
            let p = inputs.programs.ok_or(Missing::Realisation)?;
            let (totals, whole_year) = match scheme.realisation {
                RealisationPeriod::Year => (p.summary.total.clone(), None),
                RealisationPeriod::FirstSemester => {
                    let both = both_semesters(p.programs);
                    let whole = both.rate().map(|r| (r, both.reported()));
                    (first_semester(p.programs), whole)
                }
            };
            totals
                .rate()
                .map(|rate| Outcome::RealisationRate {
                    period: scheme.realisation,
                    realised: totals.realised,
                    budget_reported: totals.budget_reported,
                    rate,
                    reported: totals.reported(),
                    count: totals.count,
                    whole_year,
                })
                .ok_or(match scheme.realisation {
                    RealisationPeriod::Year => Missing::Realisation,
                    RealisationPeriod::FirstSemester => Missing::FirstSemesterRealisation,
                })
        }
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

/// The sheet of one region and year, or `None` when no scheme applies to the year; `inputs`
/// are the report's.
pub(crate) fn sheet<'a>(
    site: &'a Site,
    region: &'a Region,
    year: i32,
    inputs: &Inputs<'_, 'a>,
) -> Option<Sheet<'a>> {
    let (scheme, own_year) = applicable(&site.schemes, year)?;
    let data = region.year_data(year);
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
                    outcome: measure(site, region, year, scheme, *m, inputs),
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
    use crate::report::report;

    fn outcome<'s, 'a>(sheet: &'s Sheet<'a>, m: Measure) -> &'s Result<Outcome<'a>, Missing> {
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
        let site = crate::model::sample::site();
        let blora = crate::model::sample::region(&site, "kabupaten-blora");
        let report = report(&site, blora, 2025);
        let sheet = report.sheet.as_ref().unwrap();
        assert_eq!((sheet.scheme.year, sheet.own_year), (2025, true));
        let programs = blora.year_data(2025).unwrap().programs.as_ref().unwrap();
        // The 2025 scheme rates semester I (the evidence it asks for): Σ realisation of
        // semester I over Σ allocation of the sub-kegiatan reporting one; the whole year beside.
        let (mut first, mut first_budget, mut both, mut both_budget) = (0.0, 0.0, 0.0, 0.0);
        let mut n_both = 0;
        for p in &programs.items {
            if let Some(r) = p.realised_first {
                first += r;
                first_budget += p.budget;
            }
            if let (Some(a), Some(b)) = (p.realised_first, p.realised_second) {
                both += a + b;
                both_budget += p.budget;
                n_both += 1;
            }
        }
        match outcome(sheet, Measure::RealisationRate) {
            Ok(
                o @ Outcome::RealisationRate {
                    period,
                    rate,
                    whole_year,
                    ..
                },
            ) => {
                assert_eq!(*period, RealisationPeriod::FirstSemester);
                assert_eq!(*rate, first / first_budget * 100.0);
                assert_eq!(format!("{rate:.2}"), "40.15", "Blora's semester I, by hand");
                assert_eq!(*whole_year, Some((both / both_budget * 100.0, n_both)));
                assert_eq!(
                    o.value(),
                    Some(Value::Percent(first / first_budget * 100.0))
                );
            }
            other => panic!("{other:?}"),
        }
        let total: f64 = programs.items.iter().map(|p| p.budget).sum();
        let spending = programs.regional_spending.unwrap();
        match outcome(sheet, Measure::AllocationShare) {
            Ok(o) => assert_eq!(o.value(), Some(Value::Percent(total / spending * 100.0))),
            Err(e) => panic!("{e:?}"),
        }
        // P0: the change against the previous year with a figure, in points, with that year;
        // the same value as the report's own row.
        let p0 = |y| blora.series.get(y, "p0").unwrap().value;
        let value = match outcome(sheet, Measure::P0) {
            Ok(o) => o.value().unwrap(),
            Err(e) => panic!("{e:?}"),
        };
        assert_eq!(
            value.number(),
            crate::base::format::round_to(p0(2025) - p0(2024), 2)
        );
        assert_eq!(value.base_year(), Some(2024));
        assert_eq!(
            Some(value.number()),
            report
                .row("p0")
                .and_then(|r| r.change.as_ref())
                .map(|c| c.delta)
        );
        // Against the province: a difference of the same year, no year to compare with.
        let province = site.province_of(blora).unwrap();
        match outcome(sheet, Measure::ProvinceGap)
            .as_ref()
            .map(Outcome::value)
        {
            Ok(Some(v)) => {
                let own = province.series.get(2025, "p0").unwrap().value;
                assert_eq!(v.number(), crate::base::format::round_to(p0(2025) - own, 2));
                assert_eq!(v.base_year(), None);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_measure_without_its_figures_says_what_is_missing() {
        let site = crate::model::sample::site();
        let blora = crate::model::sample::region(&site, "kabupaten-blora");
        let report_2025 = report(&site, blora, 2025);
        let sheet = report_2025.sheet.as_ref().unwrap();
        assert_eq!(
            outcome(sheet, Measure::P1).as_ref().err(),
            Some(&Missing::Figure {
                key: "p1",
                year: 2025
            })
        );
        // No scheme before 2023.
        assert!(report(&site, blora, 2022).sheet.is_none());
    }
}
