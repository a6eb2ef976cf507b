//! View structs: exactly what each template sees, built from the validated site. Templates
//! never see loader internals; numbers stay numbers and are written by the filters.

use crate::analysis::{YearChange, year_change};
use crate::base::indicators::Indicator;
use crate::base::indicators::keys;
use crate::base::lang::Lang;
use crate::model::{Region, RegionKind, Site};
use crate::render::filters::unit_key;
use crate::render::paths::{province_page, region_page, report_page};
use crate::words;
use serde::Serialize;

/// What every page knows about the site and about where it stands.
#[derive(Serialize)]
pub struct SiteView {
    pub judul: String,
    pub deskripsi: Option<String>,
    pub bahasa: &'static str,
    /// Relative path from the page to the site root (`""`, `"../"`, `"../../"`).
    pub root: String,
    pub generator: String,
    pub teks: &'static words::PageWords,
    /// A draft build: pages marked DRAF, with the author's notes (files and keys to fill in).
    pub draf: bool,
    /// The emblem's address from the site's root (`lambang:`), if any.
    pub lambang: Option<String>,
}

impl SiteView {
    pub(crate) fn new(site: &Site, depth: usize) -> Self {
        SiteView {
            judul: site.config.title.clone(),
            deskripsi: site.config.description.clone(),
            bahasa: match site.config.lang {
                Lang::Id => "id",
                Lang::En => "en",
            },
            root: "../".repeat(depth),
            generator: format!("tkpk {}", env!("CARGO_PKG_VERSION")),
            teks: words::strings(site.config.lang),
            draf: site.draft,
            lambang: site.config.emblem.clone(),
        }
    }
}

#[derive(Serialize)]
pub struct ChangeView {
    pub dari_tahun: i32,
    /// `dari_tahun` as shown: with its survey round when not March ("Juli 2010").
    pub dari_label: String,
    /// The figure of `dari_tahun`.
    pub dari: f64,
    /// The change as a percentage of `dari`.
    pub persen: Option<f64>,
    pub selisih: f64,
    pub membaik: bool,
    pub tetap: bool,
    pub melompati_tahun: bool,
    /// Taken from or to an illustrative figure.
    pub ilustrasi: bool,
}

impl From<YearChange> for ChangeView {
    fn from(c: YearChange) -> Self {
        ChangeView {
            dari_label: crate::words::sentences::year_label(c.from_year, c.from_period.as_deref()),
            dari_tahun: c.from_year,
            dari: c.from,
            persen: c.percent,
            selisih: c.delta,
            membaik: c.improved,
            tetap: c.delta == 0.0,
            melompati_tahun: c.skips_years,
            ilustrasi: c.illustrative,
        }
    }
}

/// A figure with what the filters need to write it.
#[derive(Serialize, Clone, Copy)]
pub struct FigureView {
    pub nilai: f64,
    pub satuan: &'static str,
    pub desimal: usize,
    /// An illustrative figure: the page marks it so beside the number.
    pub ilustrasi: bool,
}

/// A number of an indicator's unit that is not a published figure (a target, say).
pub(crate) fn figure(value: f64, indicator: &Indicator) -> FigureView {
    FigureView {
        nilai: value,
        satuan: unit_key(&indicator.unit),
        desimal: indicator.decimals,
        ilustrasi: false,
    }
}

/// A published figure, marked when it is illustrative.
pub(crate) fn figure_of(f: &crate::model::Figure, indicator: &Indicator) -> FigureView {
    FigureView {
        ilustrasi: f.illustrative,
        ..figure(f.value, indicator)
    }
}

pub(crate) fn kind_label(kind: RegionKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (RegionKind::Kabupaten, Lang::Id) => "Kabupaten",
        (RegionKind::Kabupaten, Lang::En) => "Regency",
        (RegionKind::Kota, Lang::Id) => "Kota",
        (RegionKind::Kota, Lang::En) => "City",
    }
}

// ---------------------------------------------------------------- index

#[derive(Serialize)]
pub struct IndexRow {
    pub nama: String,
    /// Its province, for the one sortable list of a large site.
    pub provinsi: String,
    pub jenis: &'static str,
    pub href: String,
    pub tahun: Option<i32>,
    pub p0: Option<FigureView>,
    pub perubahan: Option<ChangeView>,
    pub laporan_href: Option<String>,
}

#[derive(Serialize)]
pub struct ProvinceGroup {
    pub nama: String,
    /// The province page.
    pub href: Option<String>,
    pub wilayah: Vec<IndexRow>,
}

#[derive(Serialize)]
pub struct IndexView {
    pub judul_halaman: String,
    pub tahun_laporan: Option<i32>,
    pub provinsi: Vec<ProvinceGroup>,
    pub jumlah_wilayah: usize,
    /// A few regions: each one's headline and trend, above the list.
    pub sorotan: Vec<home::Highlight>,
    /// Many regions: the spread of their latest P0, and one list to sort and filter.
    pub sebaran: Option<report::ChartView>,
    pub besar: bool,
    pub ada_grafik: bool,
}

/// The year a region's headline figure comes from: the site's report year when the region has
/// a report for it that this build writes, else its latest such year.
fn headline_year(site: &Site, region: &Region) -> Option<i32> {
    let years = site.report_years(region);
    match site.config.report_year {
        Some(y) if years.contains(&y) => Some(y),
        _ => years.last().copied(),
    }
}

pub fn index(site: &Site) -> IndexView {
    let lang = site.config.lang;
    let p0 = site.catalog.get(keys::P0);
    let mut groups: Vec<ProvinceGroup> = Vec::new();
    for region in &site.regions {
        let reference = site.province_of(region);
        let province = reference.map(|p| p.name.clone()).unwrap_or_default();
        let year = headline_year(site, region);
        let row = IndexRow {
            nama: region.name.clone(),
            provinsi: province.clone(),
            jenis: kind_label(region.kind, lang),
            href: region_page(&region.slug),
            tahun: year,
            p0: year
                .zip(p0)
                .and_then(|(y, i)| region.series.get(y, keys::P0).map(|f| figure_of(f, i))),
            perubahan: year
                .zip(p0)
                .and_then(|(y, i)| year_change(&region.series, i, y))
                .map(ChangeView::from),
            laporan_href: year.map(|y| report_page(&region.slug, y)),
        };
        match groups.last_mut() {
            Some(g) if g.nama == province => g.wilayah.push(row),
            _ => groups.push(ProvinceGroup {
                nama: province,
                href: reference.map(|p| province_page(&p.slug)),
                wilayah: vec![row],
            }),
        }
    }
    let besar = site.regions.len() > home::HIGHLIGHTED_AT_MOST;
    let sorotan: Vec<home::Highlight> = if besar {
        Vec::new()
    } else {
        site.regions
            .iter()
            .filter_map(|r| home::highlight(site, r, headline_year(site, r)?))
            .collect()
    };
    let sebaran = if besar {
        let latest: Vec<f64> = groups
            .iter()
            .flat_map(|g| &g.wilayah)
            .filter_map(|w| w.p0.as_ref().map(|f| f.nilai))
            .collect();
        home::spread(site, &latest)
    } else {
        None
    };
    IndexView {
        judul_halaman: site.config.title.clone(),
        tahun_laporan: site.config.report_year,
        provinsi: groups,
        jumlah_wilayah: site.regions.len(),
        ada_grafik: sebaran.is_some() || sorotan.iter().any(|h| h.grafik.is_some()),
        sorotan,
        sebaran,
        besar,
    }
}

// ---------------------------------------------------------------- region overview

#[derive(Serialize)]
pub struct RegionHeader {
    /// The region's folder under `content/` (and its address).
    pub slug: String,
    pub nama: String,
    pub jenis: &'static str,
    pub kode: String,
    pub kode_bps: String,
    pub provinsi: String,
    /// The province page, relative to the site root.
    pub provinsi_href: String,
    pub ibu_kota: Option<String>,
    pub ketua_tkpk: Option<String>,
    pub sekretariat_tkpk: Option<String>,
}

pub(crate) fn header(site: &Site, region: &Region) -> RegionHeader {
    RegionHeader {
        slug: region.slug.clone(),
        nama: region.name.clone(),
        jenis: kind_label(region.kind, site.config.lang),
        kode: region.code.clone(),
        kode_bps: region.bps_code.clone(),
        provinsi: site
            .province_of(region)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        provinsi_href: province_page(&region.province),
        ibu_kota: region.capital.clone(),
        ketua_tkpk: region.tkpk.chair.clone(),
        sekretariat_tkpk: region.tkpk.secretariat.clone(),
    }
}

#[derive(Serialize)]
pub struct SeriesRow {
    pub label: String,
    pub satuan_label: &'static str,
    pub sel: Vec<Option<FigureView>>,
}

#[derive(Serialize)]
pub struct ReportLink {
    pub tahun: i32,
    pub href: String,
    pub jumlah_narasi: usize,
}

#[derive(Serialize)]
pub struct TargetView {
    pub label: String,
    pub tahun: i32,
    pub target: FigureView,
}

/// A run of consecutive years of the region's table: the years side by side are split into
/// blocks of at most [`YEARS_PER_BLOCK`] so that the table fits a screen and an A4 page
/// without losing a column, as BPS tables continue ("lanjutan").
#[derive(Serialize)]
pub struct YearBlock {
    pub tahun: Vec<i32>,
    pub periode: Vec<Option<String>>,
    /// Only the indicators with a figure in one of these years.
    pub baris: Vec<SeriesRow>,
}

/// At most this many years side by side: with the indicator and unit columns, eight years
/// fit a 60rem column and a portrait A4 page in the print type.
pub const YEARS_PER_BLOCK: usize = 8;

/// Splits `n` columns into the fewest blocks of at most `max`, as even as can be (17 years
/// → 6, 6, 5): the ranges of each block.
pub fn even_blocks(n: usize, max: usize) -> Vec<std::ops::Range<usize>> {
    if n == 0 || max == 0 {
        return Vec::new();
    }
    let blocks = n.div_ceil(max);
    let (size, extra) = (n / blocks, n % blocks);
    let mut out = Vec::with_capacity(blocks);
    let mut start = 0;
    for b in 0..blocks {
        let len = size + usize::from(b < extra);
        out.push(start..start + len);
        start += len;
    }
    out
}

fn year_blocks(tahun: &[i32], periode: &[Option<String>], baris: &[SeriesRow]) -> Vec<YearBlock> {
    even_blocks(tahun.len(), YEARS_PER_BLOCK)
        .into_iter()
        .map(|range| YearBlock {
            tahun: tahun[range.clone()].to_vec(),
            periode: periode[range.clone()].to_vec(),
            baris: baris
                .iter()
                .filter(|row| row.sel[range.clone()].iter().any(Option::is_some))
                .map(|row| SeriesRow {
                    label: row.label.clone(),
                    satuan_label: row.satuan_label,
                    sel: row.sel[range.clone()].to_vec(),
                })
                .collect(),
        })
        .collect()
}

#[derive(Serialize)]
pub struct RegionView {
    pub judul_halaman: String,
    pub wilayah: RegionHeader,
    /// The whole table, every year (themes of their own may still read it whole).
    pub tahun: Vec<i32>,
    /// Per year of `tahun`, its survey round when not March.
    pub periode: Vec<Option<String>>,
    pub baris: Vec<SeriesRow>,
    /// The same table in blocks of years, as the default theme shows it.
    pub blok: Vec<YearBlock>,
    pub laporan: Vec<ReportLink>,
    pub target: Vec<TargetView>,
    pub sumber_target: Option<String>,
    pub sumber: Vec<String>,
}

pub(crate) fn targets(site: &Site, region: &Region) -> Vec<TargetView> {
    let mut out = Vec::new();
    for indicator in site.catalog.iter() {
        if let Some(years) = region.series.targets.get(&indicator.key) {
            for (year, value) in years {
                out.push(TargetView {
                    label: indicator.label(site.config.lang).to_string(),
                    tahun: *year,
                    target: figure(*value, indicator),
                });
            }
        }
    }
    out
}

pub fn region(site: &Site, region: &Region) -> RegionView {
    let lang = site.config.lang;
    let years = region.series.years();
    let baris: Vec<SeriesRow> = site
        .catalog
        .iter()
        .filter(|i| region.series.march.values().any(|m| m.contains_key(&i.key)))
        .map(|i| SeriesRow {
            label: i.label(lang).to_string(),
            satuan_label: i.unit.label(lang),
            sel: years
                .iter()
                .map(|y| region.series.get(*y, &i.key).map(|f| figure_of(f, i)))
                .collect(),
        })
        .collect();
    let laporan = site
        .report_years(region)
        .iter()
        .rev()
        .map(|y| ReportLink {
            tahun: *y,
            href: format!("{y}/index.html"),
            jumlah_narasi: region.narratives.get(y).map_or(0, Vec::len),
        })
        .collect();
    let periode: Vec<Option<String>> = years
        .iter()
        .map(|y| region.series.period(*y).map(str::to_string))
        .collect();
    RegionView {
        judul_halaman: region.name.clone(),
        wilayah: header(site, region),
        blok: year_blocks(&years, &periode, &baris),
        periode,
        tahun: years,
        baris,
        laporan,
        target: targets(site, region),
        sumber_target: region.series.target_source.clone(),
        sumber: region.series.all_sources(lang),
    }
}

pub mod annual;
pub mod evaluation;
pub mod home;
mod province;
mod report;

pub use province::{ProvinceView, province};
pub use report::{ReportView, report};

#[cfg(test)]
mod tests {
    use super::even_blocks;

    #[test]
    fn years_split_into_the_fewest_even_blocks() {
        assert_eq!(even_blocks(17, 8), vec![0..6, 6..12, 12..17]);
        assert_eq!(even_blocks(14, 8), vec![0..7, 7..14]);
        assert_eq!(even_blocks(8, 8), vec![0..8]);
        assert_eq!(even_blocks(1, 8), vec![0..1]);
        assert!(even_blocks(0, 8).is_empty());
        // Every column once, in order, none longer than the maximum.
        for n in 1..60 {
            let blocks = even_blocks(n, 8);
            assert_eq!(blocks.first().unwrap().start, 0);
            assert_eq!(blocks.last().unwrap().end, n);
            assert!(blocks.windows(2).all(|w| w[0].end == w[1].start));
            assert!(blocks.iter().all(|b| !b.is_empty() && b.len() <= 8));
            assert_eq!(blocks.len(), n.div_ceil(8));
        }
    }
}
