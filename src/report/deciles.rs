//! Basic services by welfare decile (`desil.yaml`): per service its shares, the gap between
//! the lowest and the highest decile given, and the region's own (Susenas) figure of the year,
//! which the words set beside decile 1 as context only: a register and a survey are not two
//! estimates of one figure.

use crate::analysis::{self, DecileGap};
use crate::base::indicators::{Catalog, Indicator};
use crate::model::deciles::Deciles;
use crate::model::{Figure, Series};
use std::collections::BTreeMap;

/// One basic service by decile.
#[derive(Debug)]
pub struct ServiceByDecile<'a> {
    pub indicator: &'a Indicator,
    /// Percent per decile, as the file gives them.
    pub shares: &'a BTreeMap<u8, f64>,
    pub gap: DecileGap,
    /// The region's own figure of the report year (`indikator.yaml`, Susenas).
    pub susenas: Option<&'a Figure>,
}

impl ServiceByDecile<'_> {
    /// The share of decile 1, when the file gives it.
    pub fn decile_one(&self) -> Option<f64> {
        self.shares.get(&1).copied()
    }
}

/// A report year's services by decile, the largest gap first.
#[derive(Debug)]
pub struct DecileReport<'a> {
    pub deciles: &'a Deciles,
    /// By the size of the gap in points, largest first; equal gaps in catalogue order.
    pub services: Vec<ServiceByDecile<'a>>,
}

impl<'a> DecileReport<'a> {
    /// Every decile some service gives, ascending: the table's columns.
    pub fn columns(&self) -> Vec<u8> {
        let mut all: Vec<u8> = self
            .services
            .iter()
            .flat_map(|s| s.shares.keys().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The service of `key`, when the file gives it.
    pub fn service(&self, key: &str) -> Option<&ServiceByDecile<'a>> {
        self.services.iter().find(|s| s.indicator.key == key)
    }
}

/// The services of `deciles` with the region's figures of `year`; `None` when no service has
/// two deciles to compare.
pub(crate) fn decile_report<'a>(
    deciles: &'a Deciles,
    catalog: &'a Catalog,
    series: &'a Series,
    year: i32,
) -> Option<DecileReport<'a>> {
    let mut services: Vec<ServiceByDecile> = deciles
        .services
        .iter()
        .filter_map(|s| {
            let indicator = catalog.get(&s.key)?;
            Some(ServiceByDecile {
                indicator,
                shares: &s.shares,
                gap: analysis::decile_gap(&s.shares, indicator)?,
                susenas: series.get(year, &s.key),
            })
        })
        .collect();
    // Stable: equal gaps keep the file's catalogue order.
    services.sort_by(|a, b| b.gap.diff.abs().total_cmp(&a.gap.diff.abs()));
    (!services.is_empty()).then_some(DecileReport { deciles, services })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::deciles::{DecileBase, ServiceShares};

    #[test]
    fn services_are_ordered_by_their_gap_with_the_regions_figure() {
        let catalog = Catalog::default();
        let deciles = Deciles {
            source: "uji".into(),
            illustrative: false,
            register: "DTSEN".into(),
            base: DecileBase::Households,
            note: None,
            services: [
                ("air_minum_layak", vec![(1, 58.4), (5, 80.2)]),
                ("sanitasi_layak", vec![(1, 48.2), (3, 63.9), (5, 81.0)]),
                ("listrik", vec![(2, 97.0), (4, 99.5)]),
            ]
            .into_iter()
            .map(|(k, v)| ServiceShares {
                key: k.into(),
                shares: v.into_iter().collect(),
            })
            .collect(),
            file: "desil.yaml".into(),
        };
        let series = crate::analysis::tests::series("sanitasi_layak", &[(2025, 72.4)]);
        let r = decile_report(&deciles, &catalog, &series, 2025).unwrap();
        // Sanitation 81,0 − 48,2 = 32,8; water 80,2 − 58,4 = 21,8; electricity 2,5.
        let order: Vec<(&str, f64)> = r
            .services
            .iter()
            .map(|s| (s.indicator.key.as_str(), s.gap.diff))
            .collect();
        assert_eq!(
            order,
            [
                ("sanitasi_layak", 32.8),
                ("air_minum_layak", 21.8),
                ("listrik", 2.5)
            ]
        );
        assert_eq!(r.columns(), [1, 2, 3, 4, 5]);
        let sanitation = r.service("sanitasi_layak").unwrap();
        assert_eq!(sanitation.susenas.map(|f| f.value), Some(72.4));
        assert_eq!(sanitation.decile_one(), Some(48.2));
        assert_eq!(r.service("listrik").unwrap().decile_one(), None);
        assert!(r.service("air_minum_layak").unwrap().susenas.is_none());
    }
}
