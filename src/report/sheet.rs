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
use crate::base::format::round_to;
use crate::base::indicators::{Indicator, keys};
use crate::model::evidence::{ChecklistItem, checklist};
use crate::model::institution::Verification;
use crate::model::scheme::{
    Component, Measure, RealisationPeriod, Scheme, ScoreRule, Scoring, TaggingWeights, applicable,
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
    /// Σ component weight × component score ÷ 100, or why it cannot be computed.
    pub total: Result<f64, TotalGap>,
    pub evidence: Vec<ChecklistItem>,
    /// Some figures are illustrative: from files marked `ilustrasi: true`, or figures marked
    /// in `ilustrasi:` of an indicator file.
    pub illustrative: bool,
}

#[derive(Debug)]
pub struct ComponentResult<'a> {
    pub component: &'a Component,
    pub measures: Vec<MeasureResult<'a>>,
    /// Σ measure weight × measure score ÷ 100, or why it cannot be computed.
    pub score: Result<f64, ComponentGap>,
}

#[derive(Debug)]
pub struct MeasureResult<'a> {
    pub measure: Measure,
    pub outcome: Result<Outcome<'a>, Missing>,
    /// The measure's weight in its component: the rule's, or 100 for a component's only
    /// measure.
    pub weight: Option<f64>,
    pub score: Result<MeasureScore<'a>, Unscored>,
}

/// A measure's score by its rule. Scores are rounded to two decimals at every step, so that
/// the sums on the sheet can be redone by hand.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureScore<'a> {
    /// The value scored, in the measure's unit, at the precision the sheet shows it.
    pub input: f64,
    /// For a change, its years when it spans more than one (a year without a figure between).
    pub span: Option<(i32, i32)>,
    /// For extreme poverty, the methodology scored.
    pub indicator: Option<&'a Indicator>,
    pub score: f64,
    pub rule: &'a ScoreRule,
}

/// Why a measure has no score.
#[derive(Clone, Debug, PartialEq)]
pub enum Unscored {
    /// The scheme states no rule for it (its basis does not publish one) and site.yaml adds
    /// none.
    NoRule,
    /// The measure itself could not be computed.
    NoValue,
    /// A normalised score needs the national best of the year.
    NeedsBest,
    /// The value falls in none of the rule's classes.
    OutsideClasses { value: f64 },
}

/// Why a component has no score.
#[derive(Clone, Debug, PartialEq)]
pub enum ComponentGap {
    /// These measures have no score.
    Unscored(Vec<Measure>),
    /// These measures have no weight in a component of several.
    NoWeight(Vec<Measure>),
    /// The measure weights add up to this, not 100.
    WeightsNotHundred(f64),
}

/// Why the sheet has no total.
#[derive(Clone, Debug, PartialEq)]
pub enum TotalGap {
    /// These components (by name) have no weight in the scheme.
    NoWeight(Vec<String>),
    /// These components have no score.
    Unscored(Vec<String>),
    /// The component weights add up to this, not 100.
    WeightsNotHundred(f64),
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
        /// The region's own P0 is illustrative.
        illustrative: bool,
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

impl IndicatorChange<'_> {
    /// Taken from or to an illustrative figure (its own, or the number of poor people's).
    pub fn illustrative(&self) -> bool {
        self.change.as_ref().is_some_and(|y| y.illustrative)
            || self.poor.as_ref().is_some_and(|(_, y)| y.illustrative)
    }
}

impl<'a> Outcome<'a> {
    /// Whether the measure is computed from an illustrative figure (its change, the change
    /// in poor people, the region's P0 against the province).
    pub fn illustrative(&self) -> bool {
        match self {
            Outcome::Change(c) => c.illustrative(),
            Outcome::ExtremePoverty(found) => found.iter().any(IndicatorChange::illustrative),
            Outcome::ProvinceGap { illustrative, .. } => *illustrative,
            _ => false,
        }
    }

    pub(crate) fn value(&self) -> Option<Value<'a>> {
        match self {
            Outcome::Change(c) => c.value(),
            Outcome::ExtremePoverty(found) => match found.as_slice() {
                [one] => one.value(),
                _ => None,
            },
            Outcome::ProvinceGap { gap, indicator, .. } => Some(Value::Change {
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

    /// Whether some score on the sheet comes from a rule marked `ilustrasi: true`.
    pub fn illustrative_rules(&self) -> bool {
        self.components
            .iter()
            .flat_map(|c| &c.measures)
            .any(|m| m.score.as_ref().is_ok_and(|s| s.rule.illustrative))
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
                illustrative: region
                    .series
                    .get(year, keys::P0)
                    .is_some_and(|f| f.illustrative),
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

/// The value a rule scores, at the precision the sheet shows it: the measure's value (a
/// change as rounded to its indicator's decimals, a percentage or score to two); for extreme
/// poverty the change of the first methodology that has one (PPP 2017 before PPP 2011); for
/// the institution the number of its four elements present (decree, action plan, a meeting, a
/// report). With a change, its years when it spans more than one.
type Input<'a> = (f64, Option<&'a Indicator>, Option<(i32, i32)>);

fn score_input<'a>(outcome: &Outcome<'a>) -> Result<Input<'a>, Unscored> {
    let span = |c: &YearChange| c.skips_years.then_some((c.from_year, c.to_year));
    match outcome {
        Outcome::Change(c) => c
            .change
            .as_ref()
            .map(|ch| (ch.delta, None, span(ch)))
            .ok_or(Unscored::NoValue),
        Outcome::ExtremePoverty(found) => found
            .iter()
            .find_map(|c| {
                c.change
                    .as_ref()
                    .map(|ch| (ch.delta, Some(c.indicator), span(ch)))
            })
            .ok_or(Unscored::NoValue),
        Outcome::Institution {
            decree,
            action_plan,
            meetings,
            reports,
        } => {
            let present = [*decree, *action_plan, *meetings > 0, *reports > 0];
            Ok((present.iter().filter(|p| **p).count() as f64, None, None))
        }
        Outcome::TaggedScore {
            needs_best: true, ..
        } => Err(Unscored::NeedsBest),
        other => other
            .value()
            .map(|v| (round_to(v.number(), 2), None, None))
            .ok_or(Unscored::NoValue),
    }
}

/// The score of `value` by `scoring`, held to 0–100 and rounded to two decimals.
pub(crate) fn apply(scoring: &Scoring, value: f64) -> Option<f64> {
    let raw = match scoring {
        Scoring::Value => value,
        Scoring::Linear { zero, hundred } => (value - zero) / (hundred - zero) * 100.0,
        Scoring::Classes(classes) => classes.iter().find(|c| c.holds(value))?.score,
    };
    Some(round_to(raw.clamp(0.0, 100.0), 2))
}

fn measure_score<'a>(
    scheme: &'a Scheme,
    measure: Measure,
    outcome: &Result<Outcome<'a>, Missing>,
) -> Result<MeasureScore<'a>, Unscored> {
    let rule = scheme.rule(measure).ok_or(Unscored::NoRule)?;
    let (input, indicator, span) = score_input(outcome.as_ref().map_err(|_| Unscored::NoValue)?)?;
    let score = apply(&rule.scoring, input).ok_or(Unscored::OutsideClasses { value: input })?;
    Ok(MeasureScore {
        input,
        span,
        indicator,
        score,
        rule,
    })
}

fn component_score(measures: &[MeasureResult]) -> Result<f64, ComponentGap> {
    // A component without measures is refused when its scheme is read; never scored 0 here.
    if measures.is_empty() {
        return Err(ComponentGap::Unscored(Vec::new()));
    }
    // The weights first (the scheme's), then the scores (the region's figures).
    let unweighted: Vec<Measure> = measures
        .iter()
        .filter(|m| m.weight.is_none())
        .map(|m| m.measure)
        .collect();
    let weights: f64 = measures.iter().filter_map(|m| m.weight).sum();
    if unweighted.is_empty() && (weights - 100.0).abs() > 1e-9 {
        return Err(ComponentGap::WeightsNotHundred(weights));
    }
    let unscored: Vec<Measure> = measures
        .iter()
        .filter(|m| m.score.is_err())
        .map(|m| m.measure)
        .collect();
    if !unscored.is_empty() {
        return Err(ComponentGap::Unscored(unscored));
    }
    if !unweighted.is_empty() {
        return Err(ComponentGap::NoWeight(unweighted));
    }
    let sum: f64 = measures
        .iter()
        .filter_map(|m| Some(m.weight? * m.score.as_ref().ok()?.score / 100.0))
        .sum();
    Ok(round_to(sum, 2))
}

/// The names in gaps are in the site's language (they are shown as they stand).
fn total(components: &[ComponentResult], lang: crate::base::lang::Lang) -> Result<f64, TotalGap> {
    let unweighted: Vec<String> = components
        .iter()
        .filter(|c| c.component.weight.is_none())
        .map(|c| c.component.name.get(lang).to_string())
        .collect();
    if !unweighted.is_empty() {
        return Err(TotalGap::NoWeight(unweighted));
    }
    // Weights that do not add up are the scheme's fault, said before any missing score.
    let weights: f64 = components.iter().filter_map(|c| c.component.weight).sum();
    if (weights - 100.0).abs() > 1e-9 {
        return Err(TotalGap::WeightsNotHundred(weights));
    }
    let unscored: Vec<String> = components
        .iter()
        .filter(|c| c.score.is_err())
        .map(|c| c.component.name.get(lang).to_string())
        .collect();
    if !unscored.is_empty() {
        return Err(TotalGap::Unscored(unscored));
    }
    let sum: f64 = components
        .iter()
        .filter_map(|c| Some(c.component.weight? * *c.score.as_ref().ok()? / 100.0))
        .sum();
    Ok(round_to(sum, 2))
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
    let components: Vec<ComponentResult> = scheme
        .components
        .iter()
        .map(|c| {
            let measures: Vec<MeasureResult> = c
                .measures
                .iter()
                .map(|m| {
                    let outcome = measure(site, region, year, scheme, *m, inputs);
                    let single = c.measures.len() == 1;
                    MeasureResult {
                        measure: *m,
                        weight: scheme
                            .rule(*m)
                            .and_then(|r| r.weight)
                            .or(single.then_some(100.0)),
                        score: measure_score(scheme, *m, &outcome),
                        outcome,
                    }
                })
                .collect();
            ComponentResult {
                component: c,
                score: component_score(&measures),
                measures,
            }
        })
        .collect();
    let figures_illustrative = components.iter().any(|c| {
        c.measures
            .iter()
            .any(|m| m.outcome.as_ref().is_ok_and(Outcome::illustrative))
    });
    Some(Sheet {
        year,
        scheme,
        own_year,
        total: total(&components, site.config.lang),
        components,
        evidence: checklist(&scheme.evidence, data, &region.slug, year),
        illustrative: data.is_some_and(|d| {
            d.programs.as_ref().is_some_and(|p| p.illustrative)
                || d.institution.as_ref().is_some_and(|i| i.illustrative)
        }) || figures_illustrative,
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

    #[test]
    fn rules_score_as_written() {
        use crate::model::scheme::ScoreClass;
        assert_eq!(apply(&Scoring::Value, 40.1464), Some(40.15));
        assert_eq!(apply(&Scoring::Value, 120.0), Some(100.0));
        let fall = Scoring::Linear {
            zero: 0.0,
            hundred: -1.0,
        };
        assert_eq!(apply(&fall, -0.84), Some(84.0));
        assert_eq!(apply(&fall, 0.3), Some(0.0), "a rise scores 0, not below");
        assert_eq!(apply(&fall, -1.5), Some(100.0));
        // Lines that do not start at zero, rising and falling: (3,5 − 2) ÷ (5 − 2) = 50 %,
        // (0 − 1) ÷ (−1 − 1) = 50 %, and a quarter of the way: (2,75 − 2) ÷ 3 = 25 %.
        let rising = Scoring::Linear {
            zero: 2.0,
            hundred: 5.0,
        };
        assert_eq!(apply(&rising, 3.5), Some(50.0));
        assert_eq!(apply(&rising, 2.75), Some(25.0));
        assert_eq!(apply(&rising, 1.0), Some(0.0));
        let falling = Scoring::Linear {
            zero: 1.0,
            hundred: -1.0,
        };
        assert_eq!(apply(&falling, 0.0), Some(50.0));
        assert_eq!(apply(&falling, 0.5), Some(25.0));

        let class = |from, to, score| ScoreClass { from, to, score };
        let classes = Scoring::Classes(vec![
            class(None, Some(0.0), 100.0),
            class(Some(0.0), Some(2.0), 60.0),
        ]);
        // The first class that holds: 0 is in both, the first wins.
        assert_eq!(apply(&classes, 0.0), Some(100.0));
        assert_eq!(apply(&classes, 1.1), Some(60.0));
        assert_eq!(apply(&classes, 2.5), None);
    }

    #[test]
    fn blora_2025_scores_what_its_rules_and_figures_allow() {
        let site = crate::model::sample::site();
        let blora = crate::model::sample::region(&site, "kabupaten-blora");
        let report = report(&site, blora, 2025);
        let sheet = report.sheet.as_ref().unwrap();
        let scored = |m: Measure| {
            sheet
                .components
                .iter()
                .flat_map(|c| &c.measures)
                .find(|r| r.measure == m)
                .unwrap()
                .score
                .clone()
        };
        // The sample's illustrative rules (site.yaml): P0 fell 0,84 points, −1 point = 100.
        let p0 = scored(Measure::P0).unwrap();
        assert_eq!((p0.input, p0.score), (-0.84, 84.0));
        assert!(p0.rule.illustrative && p0.rule.from_site);
        assert_eq!(scored(Measure::P1), Err(Unscored::NoValue));
        // Allocation 40 975 000 000 ÷ 2 300 000 000 000 = 1,7815 %, scored as shown (1,78 %)
        // over 5 % = 35,60; the semester I rate 40,15 as its score; (50 × 35,60 + 50 × 40,15)
        // ÷ 100 = 37,875 → 37,88.
        assert_eq!(scored(Measure::AllocationShare).unwrap().input, 1.78);
        assert_eq!(scored(Measure::AllocationShare).unwrap().score, 35.6);
        assert_eq!(scored(Measure::RealisationRate).unwrap().score, 40.15);
        assert_eq!(sheet.components[1].score, Ok(37.88));
        assert_eq!(
            sheet.components[0].score,
            Err(ComponentGap::Unscored(vec![
                Measure::P1,
                Measure::ExtremePoverty
            ]))
        );
        assert_eq!(
            sheet.total,
            Err(TotalGap::Unscored(vec!["Kinerja daerah".to_string()]))
        );
        assert!(sheet.illustrative_rules());
    }

    #[test]
    fn a_2023_sheet_has_no_total_without_published_component_weights() {
        let site = crate::model::sample::site();
        for region in &site.regions {
            let report = report(&site, region, 2023);
            let Some(sheet) = report.sheet.as_ref() else {
                continue;
            };
            // The 2023 scheme publishes no component weights: no total. (A tagged score
            // waiting for the national best is tested in tests/evaluation.rs.)
            assert!(matches!(sheet.total, Err(TotalGap::NoWeight(_))));
        }
    }
}
