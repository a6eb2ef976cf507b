//! Programs and budgets: sums and realisation rates by strategy, agency, tagging and source of
//! funds, and the tagged-spending score of the fiscal incentive (PMK 97/2023, Art. 3).

use crate::model::programs::{Program, Programs, Strategy, Tagging};
use crate::model::scheme::TaggingWeights;
use std::collections::BTreeMap;

/// Allocation and realisation of a group of sub-kegiatan (rupiah).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    pub count: usize,
    pub budget: f64,
    /// Sum of the realisation of the sub-kegiatan that report one.
    pub realised: f64,
    /// Allocation of the sub-kegiatan that report a realisation (the rate's denominator).
    pub budget_reported: f64,
    /// Sub-kegiatan without any realisation written.
    pub unreported: usize,
}

impl Totals {
    pub(crate) fn add(&mut self, p: &Program) {
        self.count += 1;
        self.budget += p.budget;
        match p.realised() {
            Some(r) => {
                self.realised += r;
                self.budget_reported += p.budget;
            }
            None => self.unreported += 1,
        }
    }

    /// How many sub-kegiatan report a realisation.
    pub(crate) fn reported(&self) -> usize {
        self.count - self.unreported
    }

    /// Realisation as a percentage of the allocation of the sub-kegiatan that report one.
    pub fn rate(&self) -> Option<f64> {
        (self.budget_reported > 0.0).then(|| self.realised / self.budget_reported * 100.0)
    }
}

/// The first semester of the programmes: the realisation of semester I over the allocation of
/// the sub-kegiatan that report one (a mid-year evaluation's rate).
pub(crate) fn first_semester(programs: &Programs) -> Totals {
    let mut t = Totals::default();
    for p in &programs.items {
        t.count += 1;
        t.budget += p.budget;
        match p.realised_first {
            Some(r) => {
                t.realised += r;
                t.budget_reported += p.budget;
            }
            None => t.unreported += 1,
        }
    }
    t
}

/// The whole year over the sub-kegiatan that report both semesters: a year's rate that a
/// missing semester cannot lower (`Program::realised` counts a missing semester as nothing).
pub(crate) fn both_semesters(programs: &Programs) -> Totals {
    let mut t = Totals::default();
    for p in &programs.items {
        t.count += 1;
        t.budget += p.budget;
        match (p.realised_first, p.realised_second) {
            (Some(a), Some(b)) => {
                t.realised += a + b;
                t.budget_reported += p.budget;
            }
            _ => t.unreported += 1,
        }
    }
    t
}

/// The programs of a year, summed every way the report shows them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BudgetSummary {
    pub total: Totals,
    pub by_strategy: BTreeMap<Strategy, Totals>,
    pub by_tagging: BTreeMap<Tagging, Totals>,
    /// By agency, in the order of their first sub-kegiatan in the file.
    pub by_agency: Vec<(String, Totals)>,
    pub by_fund_source: Vec<(String, Totals)>,
}

fn grouped(items: &[Program], key: impl Fn(&Program) -> String) -> Vec<(String, Totals)> {
    let mut out: Vec<(String, Totals)> = Vec::new();
    for p in items {
        let k = key(p);
        match out.iter_mut().find(|(name, _)| *name == k) {
            Some((_, t)) => t.add(p),
            None => {
                let mut t = Totals::default();
                t.add(p);
                out.push((k, t));
            }
        }
    }
    out
}

pub(crate) fn summarise(programs: &Programs, unnamed: &str) -> BudgetSummary {
    let mut summary = BudgetSummary::default();
    for p in &programs.items {
        summary.total.add(p);
        summary.by_strategy.entry(p.strategy).or_default().add(p);
        summary.by_tagging.entry(p.tagging).or_default().add(p);
    }
    summary.by_agency = grouped(&programs.items, |p| p.agency.clone());
    summary.by_fund_source = grouped(&programs.items, |p| {
        p.fund_source.clone().unwrap_or_else(|| unnamed.to_string())
    });
    summary
}

/// The tagged-spending score of one region and year, before normalisation.
#[derive(Clone, Debug, PartialEq)]
pub struct TaggedScore {
    /// Per tagging: realisation counted (rupiah) and its share of total regional spending (%).
    pub parts: Vec<(Tagging, f64, f64)>,
    /// Official travel taken out (rupiah).
    pub travel_excluded: f64,
    pub spending: f64,
    /// Σ weight × share.
    pub score: f64,
}

/// What the score needs and the programs lack.
#[derive(Clone, Debug, PartialEq)]
pub enum ScoreGap {
    NoPrograms,
    NoRegionalSpending,
    /// Sub-kegiatan without a realisation (the score counts realised spending).
    Unreported(usize),
}

/// 0,5 × %langsung + 0,3 × %tidak langsung + 0,2 × %penunjang, each the realisation of the
/// sub-kegiatan so tagged (official travel excluded) as a share of total regional spending.
pub(crate) fn tagged_score(
    programs: Option<&Programs>,
    weights: &TaggingWeights,
) -> Result<TaggedScore, ScoreGap> {
    let programs = programs
        .filter(|p| !p.items.is_empty())
        .ok_or(ScoreGap::NoPrograms)?;
    let spending = programs
        .regional_spending
        .filter(|s| *s > 0.0)
        .ok_or(ScoreGap::NoRegionalSpending)?;
    let unreported = programs
        .items
        .iter()
        .filter(|p| p.realised().is_none())
        .count();
    if unreported > 0 {
        return Err(ScoreGap::Unreported(unreported));
    }
    let mut travel_excluded = 0.0;
    let mut parts = Vec::new();
    let mut score = 0.0;
    for tagging in Tagging::ALL {
        let mut counted = 0.0;
        for p in programs.items.iter().filter(|p| p.tagging == tagging) {
            let realised = p.realised().unwrap_or(0.0);
            let travel = if weights.exclude_travel {
                p.travel.unwrap_or(0.0).min(realised)
            } else {
                0.0
            };
            travel_excluded += travel;
            counted += realised - travel;
        }
        let share = counted / spending * 100.0;
        score += weights.weight(tagging) * share;
        parts.push((tagging, counted, share));
    }
    Ok(TaggedScore {
        parts,
        travel_excluded,
        spending,
        score,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(strategy: Strategy, tagging: Tagging, agency: &str, budget: f64) -> Program {
        Program::example(strategy, tagging, agency, budget)
    }

    fn programs(items: Vec<Program>, spending: Option<f64>) -> Programs {
        Programs {
            source: "s".into(),
            illustrative: false,
            regional_spending: spending,
            items,
            file: "p.yaml".into(),
        }
    }

    #[test]
    fn sums_and_rates_by_group() {
        let mut a = program(Strategy::ReduceBurden, Tagging::Direct, "Dinsos", 1_000.0);
        a.realised_first = Some(300.0);
        a.realised_second = Some(500.0);
        let mut b = program(
            Strategy::RaiseIncome,
            Tagging::Indirect,
            "Dinas Pertanian",
            400.0,
        );
        b.realised_first = Some(100.0);
        let c = program(Strategy::ReduceBurden, Tagging::Direct, "Dinsos", 600.0);
        let s = summarise(&programs(vec![a, b, c], None), "-");
        assert_eq!(s.total.budget, 2_000.0);
        assert_eq!(s.total.realised, 900.0);
        // 900 realised of the 1 400 allocated to sub-kegiatan that report: 64,29 %.
        assert!((s.total.rate().unwrap() - 64.285_714).abs() < 1e-4);
        assert_eq!(s.total.unreported, 1);
        let burden = &s.by_strategy[&Strategy::ReduceBurden];
        assert_eq!(
            (burden.count, burden.budget, burden.realised),
            (2, 1_600.0, 800.0)
        );
        assert_eq!(burden.rate(), Some(80.0));
        assert_eq!(s.by_agency[0].0, "Dinsos");
        assert_eq!(s.by_agency[0].1.budget, 1_600.0);
        assert_eq!(s.by_agency[1].0, "Dinas Pertanian");
        assert_eq!(s.by_fund_source.len(), 1);
        assert_eq!(s.by_tagging[&Tagging::Indirect].rate(), Some(25.0));
    }

    #[test]
    fn tagged_score_as_pmk_97_2023() {
        // Spending 10 000; direct 1 000 realised, indirect 500 of which 100 travel, supporting 200.
        // Shares: 10 %, 4 %, 2 % → 0,5·10 + 0,3·4 + 0,2·2 = 6,6.
        let mut d = program(Strategy::ReduceBurden, Tagging::Direct, "A", 1_000.0);
        d.realised_first = Some(1_000.0);
        let mut i = program(Strategy::RaiseIncome, Tagging::Indirect, "B", 600.0);
        i.realised_second = Some(500.0);
        i.travel = Some(100.0);
        let mut s = program(Strategy::ReducePockets, Tagging::Supporting, "C", 300.0);
        s.realised_first = Some(200.0);
        let weights = TaggingWeights {
            direct: 0.5,
            indirect: 0.3,
            supporting: 0.2,
            exclude_travel: true,
        };
        let all = programs(vec![d, i, s], Some(10_000.0));
        let score = tagged_score(Some(&all), &weights).unwrap();
        assert!((score.score - 6.6).abs() < 1e-9, "{}", score.score);
        assert_eq!(score.travel_excluded, 100.0);
        assert_eq!(score.parts[1], (Tagging::Indirect, 400.0, 4.0));
        let with_travel = TaggingWeights {
            exclude_travel: false,
            ..weights.clone()
        };
        // Indirect 5 % instead of 4 %: + 0,3.
        let score = tagged_score(Some(&all), &with_travel).unwrap();
        assert!((score.score - 6.9).abs() < 1e-9);
    }

    #[test]
    fn tagged_score_names_what_is_missing() {
        let weights = TaggingWeights {
            direct: 0.5,
            indirect: 0.3,
            supporting: 0.2,
            exclude_travel: true,
        };
        assert_eq!(tagged_score(None, &weights), Err(ScoreGap::NoPrograms));
        let p = program(Strategy::ReduceBurden, Tagging::Direct, "A", 1.0);
        assert_eq!(
            tagged_score(Some(&programs(vec![p.clone()], None)), &weights),
            Err(ScoreGap::NoRegionalSpending)
        );
        assert_eq!(
            tagged_score(Some(&programs(vec![p], Some(10.0))), &weights),
            Err(ScoreGap::Unreported(1))
        );
    }

    #[test]
    fn a_semester_rate_counts_only_what_reports_that_semester() {
        let mut items = Vec::new();
        for (budget, first, second) in [
            (1_000.0, Some(300.0), Some(500.0)),
            (400.0, Some(100.0), None),
            (600.0, None, Some(200.0)),
            (800.0, None, None),
        ] {
            let mut p = program(Strategy::ReduceBurden, Tagging::Direct, "Dinsos", budget);
            p.realised_first = first;
            p.realised_second = second;
            items.push(p);
        }
        let programs = programs(items, None);
        // Semester I: (300 + 100) ÷ (1 000 + 400); two of four report.
        let first = first_semester(&programs);
        assert_eq!((first.count, first.unreported), (4, 2));
        assert_eq!(first.rate(), Some(400.0 / 1_400.0 * 100.0));
        // Both semesters: only the first sub-kegiatan, 800 ÷ 1 000.
        let both = both_semesters(&programs);
        assert_eq!((both.count, both.unreported), (4, 3));
        assert_eq!(both.rate(), Some(80.0));
    }
}
