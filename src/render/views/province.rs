//! A province page: its regions in this site ranked by P0 with their change, relevance and
//! effectiveness against the province, and the quadrant chart of them all.

use super::{ChangeView, FigureView, figure_of};
use crate::analysis;
use crate::base::indicators::keys;
use crate::charts;
use crate::model::{Reference, Site};
use serde::Serialize;

#[derive(Serialize)]
pub struct ProvinceRow {
    pub urutan: usize,
    pub nama: String,
    /// The region's report; none for a comparison (it has no pages).
    pub href: Option<String>,
    pub p0: FigureView,
    pub perubahan: Option<ChangeView>,
    /// `ya`, `tidak`, or none when the province lacks a figure for the comparison.
    pub relevan: Option<bool>,
    pub efektif: Option<bool>,
    pub kuadran: Option<&'static str>,
}

#[derive(Serialize)]
pub struct ProvinceView {
    pub judul_halaman: String,
    pub nama: String,
    pub tahun: Option<i32>,
    pub p0_provinsi: Option<FigureView>,
    pub perubahan_provinsi: Option<ChangeView>,
    pub baris: Vec<ProvinceRow>,
    /// How many kab/kota have a P0 of the year (the site's regions and its comparisons).
    pub dengan_angka: Option<usize>,
    /// How many kab/kota the province has by the official list.
    pub jumlah_resmi: Option<usize>,
    /// "36 dari 38 kabupaten/kota …": how many of the province's kab/kota are ranked.
    pub cakupan: Option<String>,
    /// Regions of the province without a P0 figure in `tahun`.
    pub tanpa_angka: Vec<String>,
    pub grafik: Option<super::report::ChartView>,
    pub sumber: Vec<String>,
}

/// The year a province page shows: the site's report year when a region of the province has
/// P0 for it, else the latest such year.
fn year_of(site: &Site, slug: &str) -> Option<i32> {
    let has = |y: i32| {
        site.regions_in(slug)
            .any(|r| r.series.get(y, keys::P0).is_some())
    };
    match site.config.report_year {
        Some(y) if has(y) => Some(y),
        _ => site
            .regions_in(slug)
            .filter_map(|r| {
                r.series
                    .march
                    .iter()
                    .rev()
                    .find(|(_, m)| m.contains_key(keys::P0))
                    .map(|(y, _)| *y)
            })
            .max(),
    }
}

pub fn province(site: &Site, province: &Reference) -> ProvinceView {
    let year = year_of(site, &province.slug);
    let p0 = site.catalog.get(keys::P0);
    let mut baris = Vec::new();
    let mut tanpa_angka = Vec::new();
    let mut sumber = Vec::new();
    let (mut dengan_angka, mut jumlah_resmi) = (None, None);
    if let (Some(year), Some(p0)) = (year, p0) {
        // Ranked through any region of the province with a P0 that year.
        let first = site
            .regions_in(&province.slug)
            .find(|r| r.series.get(year, keys::P0).is_some());
        let rank = first.and_then(|r| analysis::rank_in_province(site, r, p0, year));
        if let Some(r) = &rank {
            dengan_angka = Some(r.of);
            jumlah_resmi = r.province_total;
        }
        for (i, (slug, _, _)) in rank.iter().flat_map(|r| r.order.iter()).enumerate() {
            let Some(region) = site.kab_kota_in(&province.slug).find(|r| r.slug == slug) else {
                continue;
            };
            let Some(f) = region.series.get(year, keys::P0) else {
                continue;
            };
            sumber.push(format!(
                "{}: {}",
                region.name,
                f.shown_source(site.config.lang)
            ));
            let change = analysis::year_change(region.series, p0, year);
            let relevance = analysis::relevance(region.series, province, p0, year);
            baris.push(ProvinceRow {
                urutan: i + 1,
                nama: region.name.to_string(),
                href: region
                    .own
                    .then(|| format!("../../{}/{year}/index.html", region.slug)),
                p0: figure_of(f, p0),
                efektif: change.as_ref().map(|c| c.improved),
                perubahan: change.map(ChangeView::from),
                relevan: relevance.map(|r| r.relevant),
                kuadran: analysis::quadrant_against(region.series, province, p0, year)
                    .map(|q| q.quadrant.numeral()),
            });
        }
        tanpa_angka = site
            .regions_in(&province.slug)
            .filter(|r| r.series.get(year, keys::P0).is_none())
            .map(|r| r.name.clone())
            .collect();
        if let Some(f) = province.series.get(year, keys::P0) {
            sumber.push(format!(
                "{}: {}",
                province.name,
                f.shown_source(site.config.lang)
            ));
        }
    }
    // One entry per source with the kab/kota whose figures it gave, as under the charts: a
    // province table of 35 rows from one BPS table names that table once.
    let sumber = super::report::group_sources(&sumber);
    let grafik = year
        .and_then(|y| charts::quadrant_of(site, &province.slug, y, None))
        .map(|spec| super::report::chart_view(spec, None));
    ProvinceView {
        judul_halaman: province.name.clone(),
        nama: province.name.clone(),
        tahun: year,
        p0_provinsi: year
            .zip(p0)
            .and_then(|(y, i)| province.series.get(y, keys::P0).map(|f| figure_of(f, i))),
        perubahan_provinsi: year
            .zip(p0)
            .and_then(|(y, i)| analysis::year_change(&province.series, i, y))
            .map(ChangeView::from),
        cakupan: match (dengan_angka, jumlah_resmi, year) {
            (Some(n), Some(total), Some(y)) => Some(match site.config.lang {
                crate::base::lang::Lang::Id => format!(
                    "{n} dari {total} kabupaten/kota {} memiliki angka P0 {y} di situs ini{}.",
                    province.name,
                    if province.comparisons.is_empty() {
                        ""
                    } else {
                        "; yang tanpa tautan adalah pembanding, tanpa halaman sendiri"
                    }
                ),
                crate::base::lang::Lang::En => format!(
                    "Regencies and cities of {} with a {y} P0 in this site: {n} of {total}{}.",
                    province.name,
                    if province.comparisons.is_empty() {
                        ""
                    } else {
                        "; those without a link are comparisons, without pages of their own"
                    }
                ),
            }),
            _ => None,
        },
        baris,
        dengan_angka,
        jumlah_resmi,
        tanpa_angka,
        grafik,
        sumber,
    }
}
