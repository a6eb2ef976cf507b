//! Figures derived from the validated model. Pure functions: the same site gives the
//! same figures; a missing year is a gap, never a zero. Each analysis has its sentence in
//! `words::sentences`.

pub(crate) mod budget;
pub(crate) mod targeting;

use crate::base::format::round_to;
use crate::base::indicators::Indicator;
use crate::model::{Reference, Region, Series, Site};

/// The change of one indicator against the latest earlier year that has a figure.
#[derive(Clone, Debug, PartialEq)]
pub struct YearChange {
    pub from_year: i32,
    pub to_year: i32,
    pub from: f64,
    pub to: f64,
    /// `to − from`, in the indicator's unit (points for a percentage).
    pub delta: f64,
    /// `delta` as a percentage of `from`.
    pub percent: Option<f64>,
    /// Whether the change is an improvement (a fall where lower is better).
    pub improved: bool,
    /// Whether a year without a figure lies between the two.
    pub skips_years: bool,
    /// The survey rounds of the two years when not March (`periode:` in the file).
    pub from_period: Option<String>,
    pub to_period: Option<String>,
    /// Either figure is illustrative, so the change is too.
    pub illustrative: bool,
}

/// The change of `indicator` in `year` against its previous figure, if both exist.
pub(crate) fn year_change(series: &Series, indicator: &Indicator, year: i32) -> Option<YearChange> {
    let to = series.get(year, &indicator.key)?;
    let (from_year, from) = series.previous(year, &indicator.key)?;
    let mut change = change_between(indicator, from_year, from.value, year, to.value);
    change.from_period = series.period(from_year).map(str::to_string);
    change.to_period = series.period(year).map(str::to_string);
    change.illustrative = from.illustrative || to.illustrative;
    Some(change)
}

fn change_between(
    indicator: &Indicator,
    from_year: i32,
    from: f64,
    year: i32,
    to: f64,
) -> YearChange {
    let delta = round_to(to - from, indicator.decimals.max(2));
    YearChange {
        from_year,
        to_year: year,
        from,
        to,
        delta,
        percent: (from != 0.0).then(|| round_to(delta / from * 100.0, 2)),
        improved: delta != 0.0 && indicator.improved(from, to),
        skips_years: year - from_year > 1,
        from_period: None,
        to_period: None,
        illustrative: false,
    }
}

/// The criterion of an attainment percentage, on the five intervals used to evaluate RKPD
/// results (Permendagri 86/2017, as the criteria are commonly quoted: the annex itself was not
/// verified, see the README): 91 and above, 76–90, 66–75, 51–65, 50 and below.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    SangatTinggi,
    Tinggi,
    Sedang,
    Rendah,
    SangatRendah,
}

impl Band {
    /// The interval a percentage falls in, on whole percentages.
    pub fn of(percent: f64) -> Band {
        let p = percent.round();
        if p >= 91.0 {
            Band::SangatTinggi
        } else if p >= 76.0 {
            Band::Tinggi
        } else if p >= 66.0 {
            Band::Sedang
        } else if p >= 51.0 {
            Band::Rendah
        } else {
            Band::SangatRendah
        }
    }

    /// The band of an attainment: the top band only for a target that is reached, so that a
    /// missed target never reads as the best grade.
    pub fn graded(percent: f64, attained: bool) -> Band {
        match Band::of(percent) {
            Band::SangatTinggi if !attained => Band::Tinggi,
            band => band,
        }
    }
}

/// How an attainment percentage is computed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AttainmentFormula {
    /// The change achieved since the plan's baseline (the figure of the year before the plan
    /// period) over the change the target asks from it, × 100: a figure that moved away from
    /// the target scores below zero, one that reached it 100 or more.
    FromBaseline { year: i32, value: f64 },
    /// realisation ÷ target × 100, or (2 × target − realisation) ÷ target × 100 when lower is
    /// better: used only when the baseline is unknown.
    Ratio,
}

/// A figure measured against its RPJMD target.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetAttainment {
    pub year: i32,
    pub value: f64,
    pub target_year: i32,
    pub target: f64,
    /// `value − target` in the indicator's unit.
    pub gap: f64,
    /// Whether the figure already meets the target.
    pub attained: bool,
    /// Attainment in percent by `formula`; `None` when neither formula has a meaning (no
    /// baseline and a target of zero, or a target no better than the baseline).
    pub percent: Option<f64>,
    pub formula: Option<AttainmentFormula>,
    /// The plan's baseline (year, figure), when the plan period and its figure are known.
    pub baseline: Option<(i32, f64)>,
    /// The band of `percent`, never the top one for a target not reached.
    pub band: Option<Band>,
    /// Yearly change still needed to reach the target by its year (none when the target year
    /// is this year or past).
    pub pace_needed: Option<f64>,
    /// Average yearly change over the last three years, and the year it is measured from.
    pub pace_recent: Option<(i32, f64)>,
}

impl TargetAttainment {
    /// The year of the plan's baseline, where the percentage was or would have been measured
    /// from it.
    pub fn baseline_year(&self) -> Option<i32> {
        self.baseline.map(|(year, _)| year)
    }
}

/// The figure of `year` against the first target in `year` or later (or, when all targets lie
/// in the past, the latest one).
pub(crate) fn target_attainment(
    series: &Series,
    indicator: &Indicator,
    year: i32,
) -> Option<TargetAttainment> {
    let value = series.get(year, &indicator.key)?.value;
    let targets = series.targets.get(&indicator.key)?;
    let (target_year, target) = targets
        .range(year..)
        .next()
        .or_else(|| targets.iter().next_back())
        .map(|(y, v)| (*y, *v))?;
    let attained = if indicator.lower_is_better {
        value <= target
    } else {
        value >= target
    };
    // The plan's baseline: the figure of the year before its period, where both are known.
    let baseline = series.target_period.and_then(|(first, _)| {
        series
            .get(first - 1, &indicator.key)
            .map(|f| (first - 1, f.value))
    });
    let (percent, formula) = match baseline {
        Some((year, base))
            if (indicator.lower_is_better && target < base)
                || (!indicator.lower_is_better && target > base) =>
        {
            (
                Some(round_to((value - base) / (target - base) * 100.0, 2)),
                Some(AttainmentFormula::FromBaseline { year, value: base }),
            )
        }
        // Without a baseline, or with a target no better than it (no change asked to measure
        // against), the ratio to the target.
        _ if target != 0.0 => {
            let p = if indicator.lower_is_better {
                (2.0 * target - value) / target * 100.0
            } else {
                value / target * 100.0
            };
            (Some(round_to(p, 2)), Some(AttainmentFormula::Ratio))
        }
        _ => (None, None),
    };
    let pace_needed =
        (target_year > year).then(|| round_to((target - value) / f64::from(target_year - year), 2));
    let pace_recent = series
        .march
        .range(year - 3..year)
        .find_map(|(y, m)| m.get(&indicator.key).map(|f| (*y, f.value)))
        .map(|(y, v)| (y, round_to((value - v) / f64::from(year - y), 2)));
    Some(TargetAttainment {
        year,
        value,
        target_year,
        target,
        gap: round_to(value - target, indicator.decimals.max(2)),
        attained,
        percent,
        formula,
        baseline,
        band: percent.map(|p| Band::graded(p, attained)),
        pace_needed,
        pace_recent,
    })
}

/// A region's figure against a reference (province or nation) in the same year.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceGap {
    pub reference: String,
    pub year: i32,
    pub value: f64,
    pub reference_value: f64,
    /// `value − reference_value`.
    pub diff: f64,
    /// Whether the region does better than the reference.
    pub better: bool,
}

pub(crate) fn reference_gap(
    series: &Series,
    reference: &Reference,
    indicator: &Indicator,
    year: i32,
) -> Option<ReferenceGap> {
    let value = series.get(year, &indicator.key)?.value;
    let reference_value = reference.series.get(year, &indicator.key)?.value;
    let diff = round_to(value - reference_value, indicator.decimals.max(2));
    Some(ReferenceGap {
        reference: reference.name.clone(),
        year,
        value,
        reference_value,
        diff,
        better: diff != 0.0 && indicator.improved(reference_value, value),
    })
}

/// Relevance and effectiveness (Bappenas EKPD) of a region's change against one reference over
/// the same pair of years.
#[derive(Clone, Debug, PartialEq)]
pub struct Relevance {
    pub reference: String,
    pub region_change: YearChange,
    pub reference_change: YearChange,
    /// The region's trend is in line with the reference's (same direction) or better.
    pub relevant: bool,
    /// The region improved faster than the reference.
    pub faster: bool,
}

/// An improvement measured so that larger is better whatever the indicator's direction.
fn gain(indicator: &Indicator, change: &YearChange) -> f64 {
    if indicator.lower_is_better {
        -change.delta
    } else {
        change.delta
    }
}

pub(crate) fn relevance(
    series: &Series,
    reference: &Reference,
    indicator: &Indicator,
    year: i32,
) -> Option<Relevance> {
    let region_change = year_change(series, indicator, year)?;
    let from = reference
        .series
        .get(region_change.from_year, &indicator.key)?
        .value;
    let to = reference.series.get(year, &indicator.key)?.value;
    let reference_change = change_between(indicator, region_change.from_year, from, year, to);
    let (own, theirs) = (
        gain(indicator, &region_change),
        gain(indicator, &reference_change),
    );
    let same_direction = own.signum() == theirs.signum() || (own == 0.0 && theirs == 0.0);
    Some(Relevance {
        reference: reference.name.clone(),
        relevant: same_direction || own > theirs,
        faster: own > theirs,
        region_change,
        reference_change,
    })
}

/// A region's place among others by one indicator in one year, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct Rank {
    pub rank: usize,
    pub of: usize,
    /// (slug, name, value) of every ranked region, best first.
    pub order: Vec<(String, String, f64)>,
    /// How many kab/kota the province has by the official list (Kepmendagri), when its code is
    /// known: the rank is among all of them only when `of` equals it.
    pub province_total: Option<usize>,
}

/// Ranks kab/kota (the site's regions and comparisons) by `indicator` in `year`; those
/// without the figure are left out.
pub(crate) fn rank_among<'a>(
    regions: impl IntoIterator<Item = crate::model::Ranked<'a>>,
    indicator: &Indicator,
    year: i32,
    slug: &str,
) -> Option<Rank> {
    let mut order: Vec<(String, String, f64)> = regions
        .into_iter()
        .filter_map(|r| {
            r.series
                .get(year, &indicator.key)
                .map(|f| (r.slug.to_string(), r.name.to_string(), f.value))
        })
        .collect();
    order.sort_by(|a, b| {
        let by_value = if indicator.lower_is_better {
            a.2.total_cmp(&b.2)
        } else {
            b.2.total_cmp(&a.2)
        };
        by_value.then(a.1.cmp(&b.1))
    });
    let rank = order.iter().position(|(s, _, _)| s == slug)? + 1;
    Some(Rank {
        rank,
        of: order.len(),
        order,
        province_total: None,
    })
}

/// Rank of a region within its province (the province's regions in this site and the
/// comparisons its file lists), with the province's official count of kab/kota.
pub(crate) fn rank_in_province(
    site: &Site,
    region: &Region,
    indicator: &Indicator,
    year: i32,
) -> Option<Rank> {
    // The region's own Kemendagri code names its province in the official list (`35.05` →
    // `35`); a province reference file's `kode` is BPS's, which differs for the Papua
    // provinces.
    let total = region
        .code
        .split_once('.')
        .and_then(|(province, _)| crate::model::official::kabupaten_kota_count(province));
    rank_among(
        site.kab_kota_in(&region.province),
        indicator,
        year,
        &region.slug,
    )
    .map(|r| Rank {
        province_total: total,
        ..r
    })
}

/// Position against the province: level (below or above) and change (faster or slower).
// Roman numerals, as the quadrants are numbered on the page and in the sentences.
#[allow(clippy::upper_case_acronyms)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quadrant {
    /// Better level, faster improvement.
    I,
    /// Worse level, faster improvement.
    II,
    /// Worse level, slower improvement.
    III,
    /// Better level, slower improvement.
    IV,
}

impl Quadrant {
    /// The numeral the page, the chart and the sentences give it.
    pub fn numeral(self) -> &'static str {
        match self {
            Quadrant::I => "I",
            Quadrant::II => "II",
            Quadrant::III => "III",
            Quadrant::IV => "IV",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuadrantPosition {
    pub quadrant: Quadrant,
    /// The level equals the province's (at the published decimals): counted as not above it.
    pub level_tie: bool,
    /// The change equals the province's: counted as not slower.
    pub change_tie: bool,
    /// Region level minus province level.
    pub level_diff: f64,
    /// Region change minus province change over the same years.
    pub change_diff: f64,
    pub from_year: i32,
}

/// The quadrant of a region by `indicator` in `year`, against its province.
pub(crate) fn quadrant(
    site: &Site,
    region: &Region,
    indicator: &Indicator,
    year: i32,
) -> Option<QuadrantPosition> {
    quadrant_against(&region.series, site.province_of(region)?, indicator, year)
}

/// The quadrant of a kab/kota's `series` (a region's or a comparison's) against `province`.
pub(crate) fn quadrant_against(
    series: &Series,
    province: &Reference,
    indicator: &Indicator,
    year: i32,
) -> Option<QuadrantPosition> {
    let gap = reference_gap(series, province, indicator, year)?;
    let rel = relevance(series, province, indicator, year)?;
    // Figures and changes are rounded to the published decimals, so a tie is exact; a tie is
    // counted on the better side, and the sentence says it is a tie.
    let level_tie = gap.diff == 0.0;
    let change_tie = gain(indicator, &rel.region_change) == gain(indicator, &rel.reference_change);
    let level_better = level_tie || gap.better;
    let faster = gain(indicator, &rel.region_change) >= gain(indicator, &rel.reference_change);
    let quadrant = match (level_better, faster) {
        (true, true) => Quadrant::I,
        (false, true) => Quadrant::II,
        (false, false) => Quadrant::III,
        (true, false) => Quadrant::IV,
    };
    Some(QuadrantPosition {
        quadrant,
        level_tie,
        change_tie,
        level_diff: gap.diff,
        change_diff: round_to(rel.region_change.delta - rel.reference_change.delta, 2),
        from_year: rel.region_change.from_year,
    })
}

/// A kab/kota against its province on two indicators in one year (P0 and another): the gap on
/// each, and the quadrant (I better on both, II better on the second only, III worse on both,
/// IV better on P0 only). A gap of zero counts on the better side, as in [`quadrant`].
#[derive(Clone, Debug, PartialEq)]
pub struct PairPosition {
    pub quadrant: Quadrant,
    pub x: ReferenceGap,
    pub y: ReferenceGap,
}

pub(crate) fn pair_position(
    series: &Series,
    province: &Reference,
    (x, y): (&Indicator, &Indicator),
    year: i32,
) -> Option<PairPosition> {
    let gx = reference_gap(series, province, x, year)?;
    let gy = reference_gap(series, province, y, year)?;
    Some(PairPosition::of(gx, gy))
}

impl PairPosition {
    /// The quadrant of two gaps: I where both are better (or equal), II where only `y` is,
    /// III where neither, IV where only `x` is.
    fn of(x: ReferenceGap, y: ReferenceGap) -> PairPosition {
        let (x_better, y_better) = (x.better || x.diff == 0.0, y.better || y.diff == 0.0);
        let quadrant = match (x_better, y_better) {
            (true, true) => Quadrant::I,
            (false, true) => Quadrant::II,
            (false, false) => Quadrant::III,
            (true, false) => Quadrant::IV,
        };
        PairPosition { quadrant, x, y }
    }
}

/// The change of P0 since the previous year with a figure against economic growth, each
/// against the province (TNP2K's "pertumbuhan yang berkualitas"): `x` is the region's P0
/// change minus the province's over the same two years (better when lower), `y` the growth of
/// `year` minus the province's (better when higher). `None` without both changes and growths.
pub(crate) fn growth_position(
    series: &Series,
    province: &Reference,
    (p0, growth): (&Indicator, &Indicator),
    year: i32,
) -> Option<PairPosition> {
    let own = year_change(series, p0, year)?;
    let theirs = province.series.get(year, &p0.key)?.value
        - province.series.get(own.from_year, &p0.key)?.value;
    let theirs = round_to(theirs, p0.decimals.max(2));
    let diff = round_to(own.delta - theirs, p0.decimals.max(2));
    let x = ReferenceGap {
        reference: province.name.clone(),
        year,
        value: own.delta,
        reference_value: theirs,
        diff,
        better: diff < 0.0,
    };
    let y = reference_gap(series, province, growth, year)?;
    Some(PairPosition::of(x, y))
}

/// A service's share in the lowest and the highest decile a register gives (decile 1 and
/// decile 5, say), and the gap between them in points.
#[derive(Clone, Debug, PartialEq)]
pub struct DecileGap {
    /// The lowest decile given, and its share.
    pub low: (u8, f64),
    /// The highest decile given, and its share.
    pub high: (u8, f64),
    /// `high − low`, in points, rounded to the indicator's decimals (at least two).
    pub diff: f64,
}

/// The gap of `indicator` between the lowest and the highest decile of `shares`; `None` with
/// fewer than two deciles.
pub(crate) fn decile_gap(
    shares: &std::collections::BTreeMap<u8, f64>,
    indicator: &Indicator,
) -> Option<DecileGap> {
    let (low, high) = (shares.first_key_value()?, shares.last_key_value()?);
    (low.0 != high.0).then(|| DecileGap {
        low: (*low.0, *low.1),
        high: (*high.0, *high.1),
        // `+ 0.0` turns a gap rounded to −0 into 0, so that it is never written "-0,00".
        diff: round_to(high.1 - low.1, indicator.decimals.max(2)) + 0.0,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::base::indicators::Catalog;
    use crate::model::{Figure, Level};

    pub(crate) fn series(key: &str, points: &[(i32, f64)]) -> Series {
        let mut s = Series::default();
        add(&mut s, key, points);
        s
    }

    pub(crate) fn add(s: &mut Series, key: &str, points: &[(i32, f64)]) {
        for (y, v) in points {
            s.march.entry(*y).or_default().insert(
                key.into(),
                Figure {
                    value: *v,
                    source: "BPS".into(),
                    illustrative: false,
                },
            );
        }
    }

    pub(crate) fn reference(name: &str, points: &[(i32, f64)]) -> Reference {
        Reference {
            comparisons: Vec::new(),
            slug: name.to_lowercase().replace(' ', "-"),
            name: name.into(),
            level: Level::Provinsi,
            code: "35".into(),
            series: series("p0", points),
        }
    }

    fn p0() -> Indicator {
        Catalog::default().get("p0").unwrap().clone()
    }

    #[test]
    fn blitar_2024_to_2025_falls_0_59_points_and_6_87_thousand_people() {
        let catalog = Catalog::default();
        let mut s = series("p0", &[(2024, 8.16), (2025, 7.57)]);
        add(
            &mut s,
            "jumlah_penduduk_miskin",
            &[(2024, 95.91), (2025, 89.04)],
        );
        let c = year_change(&s, &p0(), 2025).unwrap();
        assert_eq!(c.delta, -0.59);
        assert_eq!(c.percent, Some(-7.23));
        assert!(c.improved && !c.skips_years);
        let poor = catalog.get("jumlah_penduduk_miskin").unwrap();
        assert_eq!(year_change(&s, poor, 2025).unwrap().delta, -6.87);
    }

    #[test]
    fn a_gap_names_the_year_compared_with() {
        let s = series("p0", &[(2016, 9.88), (2023, 8.69)]);
        let c = year_change(&s, &p0(), 2023).unwrap();
        assert_eq!((c.from_year, c.skips_years), (2016, true));
        assert!(year_change(&s, &p0(), 2016).is_none());
        assert!(year_change(&s, &p0(), 2020).is_none());
    }

    #[test]
    fn blitar_2022_against_jawa_timur_and_the_nation() {
        let s = series("p0", &[(2022, 8.71)]);
        let jatim = reference("Provinsi Jawa Timur", &[(2022, 10.38)]);
        let nation = reference("Indonesia", &[(2022, 9.54)]);
        let g = reference_gap(&s, &jatim, &p0(), 2022).unwrap();
        assert_eq!(g.diff, -1.67);
        assert!(g.better);
        let n = reference_gap(&s, &nation, &p0(), 2022).unwrap();
        assert_eq!(n.diff, -0.83);
        // The news quote (10,39; a gap of 2,21) is not what the tool computes.
        assert_ne!(g.diff, -2.21);
    }

    #[test]
    fn blitar_2022_already_meets_the_2026_target() {
        let mut s = series(
            "p0",
            &[(2019, 9.33), (2020, 9.33), (2021, 9.65), (2022, 8.71)],
        );
        s.targets.entry("p0".into()).or_default().insert(2026, 8.88);
        let t = target_attainment(&s, &p0(), 2022).unwrap();
        assert!(t.attained);
        assert_eq!(t.gap, -0.17);
        assert_eq!(t.target_year, 2026);
        assert_eq!(t.percent, Some(101.91));
        assert_eq!(t.formula, Some(AttainmentFormula::Ratio));
        assert_eq!(t.band, Some(Band::SangatTinggi));
        assert_eq!(t.pace_needed, Some(0.04));
        // Over 2019–2022: (8,71 − 9,33) / 3 = −0,21 a year.
        assert_eq!(t.pace_recent, Some((2019, -0.21)));
    }

    #[test]
    fn a_zero_target_is_graded_only_from_a_baseline() {
        let catalog = Catalog::default();
        let extreme = catalog.get("kemiskinan_ekstrem_ppp2017").unwrap();
        let mut s = series("kemiskinan_ekstrem_ppp2017", &[(2024, 1.2), (2025, 0.9)]);
        s.targets
            .entry(extreme.key.clone())
            .or_default()
            .insert(2026, 0.0);
        let t = target_attainment(&s, extreme, 2025).unwrap();
        assert_eq!((t.percent, t.band, t.attained), (None, None, false));
        assert_eq!(t.pace_needed, Some(-0.9));
        // With the plan's baseline (2024) it is graded: (0,9 − 1,2) ÷ (0 − 1,2) = 25 %.
        s.target_period = Some((2025, 2026));
        let t = target_attainment(&s, extreme, 2025).unwrap();
        assert_eq!(t.percent, Some(25.0));
        assert_eq!(t.band, Some(Band::SangatRendah));
    }

    #[test]
    fn bands_follow_the_rkpd_criteria_and_a_miss_is_never_the_top_band() {
        assert_eq!(Band::of(91.0), Band::SangatTinggi);
        assert_eq!(Band::of(90.0), Band::Tinggi);
        assert_eq!(Band::of(76.0), Band::Tinggi);
        assert_eq!(Band::of(75.4), Band::Sedang);
        assert_eq!(Band::of(65.0), Band::Rendah);
        assert_eq!(Band::of(50.0), Band::SangatRendah);
        // On whole percentages: 90,5 rounds to 91, 75,49 to 75.
        assert_eq!(Band::of(90.5), Band::SangatTinggi);
        assert_eq!(Band::of(90.49), Band::Tinggi);
        assert_eq!(Band::of(75.49), Band::Sedang);
        assert_eq!(Band::of(50.5), Band::Rendah);
        assert_eq!(Band::graded(99.9, true), Band::SangatTinggi);
        assert_eq!(Band::graded(99.9, false), Band::Tinggi);
        assert_eq!(Band::graded(80.0, false), Band::Tinggi);
        assert_eq!(Band::graded(-40.0, false), Band::SangatRendah);
    }

    #[test]
    fn blora_2021_missed_its_target_and_is_graded_from_the_baseline() {
        // Kabupaten Blora: P0 11,96 (2020) → 12,39 (2021), RPJMD 2021–2026 targets 11,60
        // (2021), 11,40 (2022). The ratio formula gave (2 × 11,60 − 12,39) ÷ 11,60 = 93,19 %,
        // "sangat baik" for a miss while P0 rose.
        let mut s = series("p0", &[(2020, 11.96), (2021, 12.39), (2022, 11.53)]);
        let t = s.targets.entry("p0".into()).or_default();
        t.insert(2021, 11.6);
        t.insert(2022, 11.4);
        let ratio = target_attainment(&s, &p0(), 2021).unwrap();
        assert_eq!(ratio.formula, Some(AttainmentFormula::Ratio));
        assert_eq!(ratio.percent, Some(93.19));
        assert!(!ratio.attained);
        assert_eq!(ratio.band, Some(Band::Tinggi), "capped below the top band");
        // With the plan period known, from the 2020 baseline: (12,39 − 11,96) ÷ (11,60 − 11,96).
        s.target_period = Some((2021, 2026));
        let t = target_attainment(&s, &p0(), 2021).unwrap();
        assert_eq!(
            t.formula,
            Some(AttainmentFormula::FromBaseline {
                year: 2020,
                value: 11.96
            })
        );
        assert_eq!(
            t.percent,
            Some(round_to((12.39 - 11.96) / (11.6 - 11.96) * 100.0, 2))
        );
        assert_eq!(t.percent, Some(-119.44));
        assert_eq!(t.band, Some(Band::SangatRendah));
        // 2022: 0,43 of the 0,56 points asked since 2020.
        let t = target_attainment(&s, &p0(), 2022).unwrap();
        assert_eq!(t.percent, Some(76.79));
        assert_eq!(t.band, Some(Band::Tinggi));
        assert!(!t.attained);
    }

    #[test]
    fn relevance_effectiveness_and_speed() {
        let s = series("p0", &[(2024, 8.16), (2025, 7.57)]);
        let jatim = reference("Provinsi Jawa Timur", &[(2024, 9.79), (2025, 9.50)]);
        let r = relevance(&s, &jatim, &p0(), 2025).unwrap();
        assert!(r.relevant && r.faster);
        assert_eq!(r.reference_change.delta, -0.29);
        assert!(r.region_change.improved);
        // Rising while the province falls: neither relevant nor effective.
        let worse = series("p0", &[(2024, 8.16), (2025, 8.30)]);
        let r = relevance(&worse, &jatim, &p0(), 2025).unwrap();
        assert!(!r.relevant && !r.faster && !r.region_change.improved);
        // Falling more slowly than the province is still in line with it.
        let slow = series("p0", &[(2024, 8.16), (2025, 8.10)]);
        let r = relevance(&slow, &jatim, &p0(), 2025).unwrap();
        assert!(r.relevant && !r.faster);
        // No reference figure for the comparison year: no verdict, never a zero.
        let gap = reference("Provinsi Jawa Timur", &[(2025, 9.50)]);
        assert!(relevance(&s, &gap, &p0(), 2025).is_none());
    }

    #[test]
    fn a_change_equal_to_the_provinces_is_a_tie_counted_on_the_better_side() {
        // Blora 2021→2022 and Jawa Tengah both fell 0,86 poin, though their unrounded floats
        // differ in the last bits.
        let site = crate::model::sample::site();
        let blora = crate::model::sample::region(&site, "kabupaten-blora");
        let p0 = site.catalog.get("p0").unwrap();
        let q = quadrant(&site, blora, p0, 2022).unwrap();
        assert!(q.change_tie && !q.level_tie, "{q:?}");
        assert_eq!((q.quadrant, q.change_diff), (Quadrant::II, 0.0));
        // A year whose change differs is no tie.
        let q = quadrant(&site, blora, p0, 2025).unwrap();
        assert!(!q.change_tie, "{q:?}");
    }

    /// P0 × IPM by hand: P0 8,00 against the province's 9,50 (−1,50, better), IPM 72,10
    /// against 74,60 (−2,50, worse: higher is better) → quadrant IV; a tie counts as better.
    #[test]
    fn p0_and_ipm_against_the_province_by_hand() {
        let catalog = Catalog::default();
        let (p0, ipm) = (catalog.get("p0").unwrap(), catalog.get("ipm").unwrap());
        let mut region = series("p0", &[(2025, 8.0)]);
        add(&mut region, "ipm", &[(2025, 72.1)]);
        let mut province = reference("Provinsi Jawa Timur", &[(2025, 9.5)]);
        add(&mut province.series, "ipm", &[(2025, 74.6)]);
        let p = pair_position(&region, &province, (p0, ipm), 2025).unwrap();
        assert_eq!((p.x.diff, p.y.diff, p.quadrant), (-1.5, -2.5, Quadrant::IV));
        let mut better = series("p0", &[(2025, 10.0)]);
        add(&mut better, "ipm", &[(2025, 74.6)]);
        let p = pair_position(&better, &province, (p0, ipm), 2025).unwrap();
        assert_eq!((p.x.diff, p.y.diff, p.quadrant), (0.5, 0.0, Quadrant::II));
        assert!(pair_position(&series("p0", &[(2025, 8.0)]), &province, (p0, ipm), 2025).is_none());
    }

    #[test]
    fn a_decile_gap_runs_from_the_lowest_to_the_highest_decile_given() {
        let catalog = Catalog::default();
        let sanitation = catalog.get("sanitasi_layak").unwrap();
        // 81,0 − 48,2 = 32,8 points, between deciles 1 and 5 (3 lies between).
        let shares = std::collections::BTreeMap::from([(5, 81.0), (1, 48.2), (3, 63.9)]);
        assert_eq!(
            decile_gap(&shares, sanitation),
            Some(DecileGap {
                low: (1, 48.2),
                high: (5, 81.0),
                diff: 32.8
            })
        );
        // Without decile 1, from the lowest given; a fall is a negative gap, and one that
        // rounds to nothing is 0, not −0.
        let shares = std::collections::BTreeMap::from([(2, 70.0), (4, 69.5)]);
        let gap = decile_gap(&shares, sanitation).unwrap();
        assert_eq!((gap.low.0, gap.high.0, gap.diff), (2, 4, -0.5));
        let shares = std::collections::BTreeMap::from([(2, 70.0), (4, 69.998)]);
        let diff = decile_gap(&shares, sanitation).unwrap().diff;
        assert!(diff == 0.0 && diff.is_sign_positive(), "{diff}");
        assert_eq!(
            decile_gap(&std::collections::BTreeMap::from([(1, 50.0)]), sanitation),
            None
        );
    }
}
