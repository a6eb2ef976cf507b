//! Charts of the home page: a region's P0 over the years (the report's trend chart, small),
//! and, on a site of many kab/kota, how their latest P0 spread (a count per two points).

use super::{ChartSpec, DataRow, DataTable, REGION_COLOUR, trend, words};
use crate::base::format;
use crate::base::indicators::keys;
use crate::model::{Chapter, Region, Site};
use charming::Chart;
use charming::component::{Axis, Grid};
use charming::element::{AxisType, ItemStyle, Label, LabelPosition, Tooltip, Trigger};
use charming::series::Bar;

/// The height of a home page chart: a glance, not a chapter.
const OVERVIEW_HEIGHT: u32 = 220;

/// A region's P0 against its province, the nation and its target, up to `year`.
pub(crate) fn region_trend(site: &Site, region: &Region, year: i32) -> Option<ChartSpec> {
    let mut spec = trend(site, region, year)?;
    spec.id = format!("grafik-{}", region.slug);
    spec.height = Some(OVERVIEW_HEIGHT);
    Some(spec)
}

/// The width of a class of the spread, in points of P0.
const CLASS_WIDTH: f64 = 2.0;

/// How many kab/kota have a latest P0 in each class of two points (0–2, 2–4, …): `latest`
/// holds each region's latest figure. Empty classes between filled ones are kept, so that the
/// bars stand on an honest scale.
pub(crate) fn p0_spread(site: &Site, latest: &[f64]) -> Option<ChartSpec> {
    let lang = site.config.lang;
    let w = words(lang);
    let highest = latest.iter().copied().fold(f64::NAN, f64::max);
    if latest.len() < 2 || highest.is_nan() {
        return None;
    }
    let classes = ((highest / CLASS_WIDTH).floor() as usize) + 1;
    let mut counts = vec![0usize; classes];
    for v in latest {
        let class = ((v.max(0.0) / CLASS_WIDTH).floor() as usize).min(classes - 1);
        counts[class] += 1;
    }
    let label = |i: usize| {
        format!(
            "{}–{}",
            format::number(i as f64 * CLASS_WIDTH, 0, lang),
            format::number((i + 1) as f64 * CLASS_WIDTH, 0, lang)
        )
    };
    let names: Vec<String> = (0..classes).map(label).collect();
    let data: Vec<f64> = counts.iter().map(|c| *c as f64).collect();
    let chart = Chart::new()
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(Grid::new().left(48).right(16).top(24).bottom(40))
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(names.clone())
                .name(w.spread_x)
                .name_location(charming::element::NameLocation::Middle)
                .name_gap(26),
        )
        .y_axis(Axis::new().type_(AxisType::Value).min_interval(1))
        .series(
            Bar::new()
                .name(w.spread_count)
                .data(data)
                .item_style(ItemStyle::new().color(REGION_COLOUR))
                .label(Label::new().show(true).position(LabelPosition::Top)),
        );
    let mut sources: Vec<String> = Vec::new();
    for region in &site.regions {
        if let Some(year) = site.report_years(region).last() {
            sources.extend(
                region
                    .series
                    .sources(&[keys::P0], &[*year], &region.name, lang),
            );
        }
    }
    sources.sort();
    sources.dedup();
    Some(ChartSpec {
        id: "grafik-sebaran".into(),
        chapter: Chapter::PosisiRelatif,
        title: w.spread.to_string(),
        sources,
        chart,
        series: 1,
        table: DataTable {
            kolom: vec![w.spread_x.into(), w.spread_count.into()],
            baris: names
                .into_iter()
                .zip(counts)
                .map(|(name, count)| DataRow {
                    label: name,
                    sel: vec![count.to_string()],
                })
                .collect(),
        },
        latest_year: None,
        extras: Vec::new(),
        height: Some(260),
    })
}

#[cfg(test)]
mod tests {
    use super::p0_spread;

    #[test]
    fn every_figure_falls_in_one_class_of_two_points() {
        let site = crate::model::sample::site();
        let spec = p0_spread(&site, &[0.5, 2.0, 3.99, 7.57, 10.58, 10.6]).unwrap();
        let classes: Vec<(String, String)> = spec
            .table
            .baris
            .iter()
            .map(|r| (r.label.clone(), r.sel[0].clone()))
            .collect();
        let expected = [
            ("0–2", "1"),
            ("2–4", "2"),
            ("4–6", "0"),
            ("6–8", "1"),
            ("8–10", "0"),
            ("10–12", "2"),
        ];
        assert_eq!(
            classes,
            expected
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .to_vec()
        );
        assert!(p0_spread(&site, &[7.0]).is_none());
    }
}
