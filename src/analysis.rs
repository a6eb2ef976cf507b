//! Figures derived from the validated model. Pure functions: the same site gives the same
//! figures, and a missing year is a gap, never a zero.

use crate::indicators::Indicator;
use crate::model::Series;

/// The change of one indicator against the latest earlier year that has a figure.
#[derive(Clone, Debug, PartialEq)]
pub struct YearChange {
    pub from_year: i32,
    pub to_year: i32,
    pub from: f64,
    pub to: f64,
    /// `to − from`, in the indicator's unit (points for a percentage).
    pub delta: f64,
    /// Whether the change is an improvement (a fall where lower is better).
    pub improved: bool,
    /// Whether a year without a figure lies between the two.
    pub skips_years: bool,
}

/// The change of `indicator` in `year` against its previous figure, if both exist.
pub fn year_change(series: &Series, indicator: &Indicator, year: i32) -> Option<YearChange> {
    let to = series.get(year, &indicator.key)?.value;
    let (from_year, from) = series.previous(year, &indicator.key)?;
    let delta = round_to(to - from.value, indicator.decimals.max(2));
    Some(YearChange {
        from_year,
        to_year: year,
        from: from.value,
        to,
        delta,
        improved: delta != 0.0 && indicator.improved(from.value, to),
        skips_years: year - from_year > 1,
    })
}

/// Rounds away binary noise so that 7.57 − 8.16 is −0.59, not −0.5900000000000007.
pub fn round_to(value: f64, decimals: usize) -> f64 {
    let factor = 10f64.powi(decimals as i32);
    (value * factor).round() / factor
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::Catalog;
    use crate::model::Figure;

    fn series(points: &[(i32, f64)]) -> Series {
        let mut s = Series::default();
        for (y, v) in points {
            s.march.entry(*y).or_default().insert(
                "p0".into(),
                Figure {
                    value: *v,
                    source: "BPS".into(),
                },
            );
        }
        s
    }

    #[test]
    fn blitar_2024_to_2025_falls_0_59_points() {
        let catalog = Catalog::default();
        let p0 = catalog.get("p0").unwrap();
        let c = year_change(&series(&[(2024, 8.16), (2025, 7.57)]), p0, 2025).unwrap();
        assert_eq!(c.delta, -0.59);
        assert!(c.improved && !c.skips_years);
        assert_eq!(c.from_year, 2024);
    }

    #[test]
    fn a_gap_names_the_year_compared_with() {
        let catalog = Catalog::default();
        let p0 = catalog.get("p0").unwrap();
        let s = series(&[(2016, 9.88), (2023, 8.69)]);
        let c = year_change(&s, p0, 2023).unwrap();
        assert_eq!((c.from_year, c.skips_years), (2016, true));
        assert!(year_change(&s, p0, 2016).is_none());
        assert!(year_change(&s, p0, 2020).is_none());
    }
}
