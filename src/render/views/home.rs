//! What the home page shows above its list: on a site of a few regions, each region's
//! headline (its latest P0 with the change, the number of poor, the province and the nation
//! the same year) and a small trend chart; on a site of many, the spread of their latest P0.

use super::report::{ChartView, chart_view};
use super::{ChangeView, FigureView, figure_of};
use crate::analysis::year_change;
use crate::base::indicators::keys;
use crate::charts;
use crate::model::{Region, Site};
use crate::render::paths::{region_page, report_page, sheet_page};
use serde::Serialize;

/// Up to this many regions, each gets its own headline on the home page; a province's or the
/// nation's site gets the spread and one sortable list instead.
pub const HIGHLIGHTED_AT_MOST: usize = 6;

/// A figure with whose it is (the province, the nation) on a headline.
#[derive(Serialize)]
pub struct NamedFigure {
    pub nama: String,
    pub nilai: FigureView,
}

/// One region's headline on the home page.
#[derive(Serialize)]
pub struct Highlight {
    pub nama: String,
    pub href: String,
    pub tahun: i32,
    pub p0: FigureView,
    pub perubahan: Option<ChangeView>,
    pub miskin: Option<FigureView>,
    pub pembanding: Vec<NamedFigure>,
    pub laporan_href: String,
    pub penilaian_href: Option<String>,
    pub grafik: Option<ChartView>,
}

pub(super) fn highlight(site: &Site, region: &Region, year: i32) -> Option<Highlight> {
    let p0 = site.catalog.get(keys::P0)?;
    let figure = region.series.get(year, keys::P0)?;
    let poor = site
        .catalog
        .get(keys::POOR)
        .and_then(|i| region.series.get(year, keys::POOR).map(|f| figure_of(f, i)));
    let pembanding = site
        .references_of(region)
        .into_iter()
        .filter_map(|r| {
            r.series.get(year, keys::P0).map(|f| NamedFigure {
                nama: r.name.clone(),
                nilai: figure_of(f, p0),
            })
        })
        .collect();
    let sheet =
        crate::model::scheme::applicable(&site.schemes, year).is_some() && site.sheet_written(year);
    Some(Highlight {
        nama: region.name.clone(),
        href: region_page(&region.slug),
        tahun: year,
        p0: figure_of(figure, p0),
        perubahan: year_change(&region.series, p0, year).map(ChangeView::from),
        miskin: poor,
        pembanding,
        laporan_href: report_page(&region.slug, year),
        penilaian_href: sheet.then(|| sheet_page(&region.slug, year)),
        grafik: charts::region_trend(site, region, year).map(|spec| chart_view(spec, None)),
    })
}

/// The spread of the latest P0 of every region with a report.
pub(super) fn spread(site: &Site, latest: &[f64]) -> Option<ChartView> {
    charts::p0_spread(site, latest).map(|spec| chart_view(spec, None))
}
