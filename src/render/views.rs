//! View structs: exactly what each template sees, built from the validated site. Templates
//! never see loader internals; numbers stay numbers and are written by the filters.

use crate::analysis::{YearChange, year_change};
use crate::indicators::{Indicator, Unit};
use crate::markdown;
use crate::messages::Lang;
use crate::model::{Chapter, Reference, Region, RegionKind, Site};
use crate::render::filters::unit_key;
use crate::render::ui;
use serde::Serialize;
use std::collections::BTreeMap;

/// What every page knows about the site and about where it stands.
#[derive(Serialize)]
pub struct SiteView {
    pub judul: String,
    pub deskripsi: Option<String>,
    pub bahasa: &'static str,
    /// Relative path from the page to the site root (`""`, `"../"`, `"../../"`).
    pub root: String,
    pub generator: String,
    pub teks: &'static BTreeMap<&'static str, &'static str>,
}

impl SiteView {
    fn new(site: &Site, depth: usize) -> Self {
        SiteView {
            judul: site.config.title.clone(),
            deskripsi: site.config.description.clone(),
            bahasa: match site.config.lang {
                Lang::Id => "id",
                Lang::En => "en",
            },
            root: "../".repeat(depth),
            generator: format!("tkpk {}", env!("CARGO_PKG_VERSION")),
            teks: ui::strings(site.config.lang),
        }
    }
}

#[derive(Serialize)]
pub struct ChangeView {
    pub dari_tahun: i32,
    /// The figure of `dari_tahun`.
    pub dari: f64,
    pub selisih: f64,
    pub membaik: bool,
    pub tetap: bool,
    pub melompati_tahun: bool,
}

impl From<YearChange> for ChangeView {
    fn from(c: YearChange) -> Self {
        ChangeView {
            dari_tahun: c.from_year,
            dari: c.from,
            selisih: c.delta,
            membaik: c.improved,
            tetap: c.delta == 0.0,
            melompati_tahun: c.skips_years,
        }
    }
}

/// A figure with what the filters need to write it.
#[derive(Serialize)]
pub struct FigureView {
    pub nilai: f64,
    pub satuan: &'static str,
    pub desimal: usize,
}

fn figure(value: f64, indicator: &Indicator) -> FigureView {
    FigureView {
        nilai: value,
        satuan: unit_key(&indicator.unit),
        desimal: indicator.decimals,
    }
}

fn kind_label(kind: RegionKind, lang: Lang) -> &'static str {
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
    pub wilayah: Vec<IndexRow>,
}

#[derive(Serialize)]
pub struct IndexView {
    pub site: SiteView,
    pub judul_halaman: String,
    pub tahun_laporan: Option<i32>,
    pub provinsi: Vec<ProvinceGroup>,
    pub jumlah_wilayah: usize,
}

/// The year a region's headline figure comes from: the site's report year when the region has
/// P0 for it, else its latest year with P0.
fn headline_year(site: &Site, region: &Region) -> Option<i32> {
    let has_p0 = |y: i32| region.series.get(y, "p0").is_some();
    match site.config.report_year {
        Some(y) if has_p0(y) => Some(y),
        _ => region
            .series
            .march
            .iter()
            .rev()
            .find(|(_, m)| m.contains_key("p0"))
            .map(|(y, _)| *y),
    }
}

pub fn index(site: &Site) -> IndexView {
    let lang = site.config.lang;
    let p0 = site.catalog.get("p0");
    let mut groups: Vec<ProvinceGroup> = Vec::new();
    for region in &site.regions {
        let province = site
            .province_of(region)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let year = headline_year(site, region);
        let row = IndexRow {
            nama: region.name.clone(),
            jenis: kind_label(region.kind, lang),
            href: format!("{}/index.html", region.slug),
            tahun: year,
            p0: year
                .zip(p0)
                .and_then(|(y, i)| region.series.get(y, "p0").map(|f| figure(f.value, i))),
            perubahan: year
                .zip(p0)
                .and_then(|(y, i)| year_change(&region.series, i, y))
                .map(ChangeView::from),
            laporan_href: year.map(|y| format!("{}/{y}/index.html", region.slug)),
        };
        match groups.last_mut() {
            Some(g) if g.nama == province => g.wilayah.push(row),
            _ => groups.push(ProvinceGroup {
                nama: province,
                wilayah: vec![row],
            }),
        }
    }
    IndexView {
        site: SiteView::new(site, 0),
        judul_halaman: site.config.title.clone(),
        tahun_laporan: site.config.report_year,
        provinsi: groups,
        jumlah_wilayah: site.regions.len(),
    }
}

// ---------------------------------------------------------------- region overview

#[derive(Serialize)]
pub struct RegionHeader {
    pub nama: String,
    pub jenis: &'static str,
    pub kode: String,
    pub kode_bps: String,
    pub provinsi: String,
    pub ibu_kota: Option<String>,
    pub ketua_tkpk: Option<String>,
    pub sekretariat_tkpk: Option<String>,
}

fn header(site: &Site, region: &Region) -> RegionHeader {
    RegionHeader {
        nama: region.name.clone(),
        jenis: kind_label(region.kind, site.config.lang),
        kode: region.code.clone(),
        kode_bps: region.bps_code.clone(),
        provinsi: site
            .province_of(region)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
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

#[derive(Serialize)]
pub struct RegionView {
    pub site: SiteView,
    pub judul_halaman: String,
    pub wilayah: RegionHeader,
    pub tahun: Vec<i32>,
    pub baris: Vec<SeriesRow>,
    pub laporan: Vec<ReportLink>,
    pub target: Vec<TargetView>,
    pub sumber_target: Option<String>,
    pub sumber: Vec<String>,
}

fn sources_of(region: &Region) -> Vec<String> {
    let mut sources: Vec<String> = region
        .series
        .march
        .values()
        .flat_map(|m| m.values().map(|f| f.source.clone()))
        .collect();
    sources.sort();
    sources.dedup();
    sources
}

fn targets(site: &Site, region: &Region) -> Vec<TargetView> {
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
    let baris = site
        .catalog
        .iter()
        .filter(|i| region.series.march.values().any(|m| m.contains_key(&i.key)))
        .map(|i| SeriesRow {
            label: i.label(lang).to_string(),
            satuan_label: i.unit.label(lang),
            sel: years
                .iter()
                .map(|y| region.series.get(*y, &i.key).map(|f| figure(f.value, i)))
                .collect(),
        })
        .collect();
    let laporan = years
        .iter()
        .rev()
        .map(|y| ReportLink {
            tahun: *y,
            href: format!("{y}/index.html"),
            jumlah_narasi: region.narratives.get(y).map_or(0, Vec::len),
        })
        .collect();
    RegionView {
        site: SiteView::new(site, 1),
        judul_halaman: region.name.clone(),
        wilayah: header(site, region),
        tahun: years,
        baris,
        laporan,
        target: targets(site, region),
        sumber_target: region.series.target_source.clone(),
        sumber: sources_of(region),
    }
}

// ---------------------------------------------------------------- annual report

#[derive(Serialize)]
pub struct Headline {
    pub label: String,
    pub nilai: FigureView,
    /// The unit after the figure (`persen`, `ribu jiwa`; empty for rupiah, written `Rp…`).
    pub satuan_label: &'static str,
    /// The unit of a change (`poin` for a percentage).
    pub satuan_perubahan: &'static str,
    pub perubahan: Option<ChangeView>,
}

#[derive(Serialize)]
pub struct IndicatorRow {
    pub label: String,
    pub satuan_label: &'static str,
    pub nilai: FigureView,
    pub perubahan: Option<ChangeView>,
    pub sumber: String,
}

#[derive(Serialize)]
pub struct ComparisonRow {
    pub label: String,
    pub satuan_label: &'static str,
    pub wilayah: FigureView,
    pub provinsi: Option<FigureView>,
    pub nasional: Option<FigureView>,
}

#[derive(Serialize)]
pub struct NarrativeView {
    pub judul: String,
    pub html: String,
    pub ilustrasi: bool,
    pub sumber: Option<String>,
    pub berkas: String,
}

#[derive(Serialize)]
pub struct ChapterView {
    pub kunci: &'static str,
    pub nomor: String,
    pub judul: String,
    pub narasi: Vec<NarrativeView>,
}

#[derive(Serialize)]
pub struct YearLink {
    pub tahun: i32,
    pub href: String,
}

#[derive(Serialize)]
pub struct ReportView {
    pub site: SiteView,
    pub judul_halaman: String,
    pub wilayah: RegionHeader,
    pub tahun: i32,
    pub sebelumnya: Option<YearLink>,
    pub berikutnya: Option<YearLink>,
    pub utama: Vec<Headline>,
    pub indikator: Vec<IndicatorRow>,
    pub pembanding: Vec<ComparisonRow>,
    pub nama_provinsi: Option<String>,
    pub nama_nasional: Option<String>,
    pub sumber_pembanding: Vec<String>,
    pub target: Vec<TargetView>,
    pub sumber_target: Option<String>,
    pub bab: Vec<ChapterView>,
}

const HEADLINE_KEYS: &[&str] = &["p0", "jumlah_penduduk_miskin", "garis_kemiskinan"];

fn roman(n: usize) -> String {
    const NUMERALS: &[(usize, &str)] = &[(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut n = n;
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= *value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

fn reference_figure(
    reference: Option<&Reference>,
    year: i32,
    indicator: &Indicator,
) -> Option<FigureView> {
    reference
        .and_then(|r| r.series.get(year, &indicator.key))
        .map(|f| figure(f.value, indicator))
}

pub fn report(site: &Site, region: &Region, year: i32) -> ReportView {
    let lang = site.config.lang;
    let series = &region.series;
    let province = site.province_of(region);
    let nation = site.nation.as_ref();
    let years = series.years();
    let position = years.iter().position(|y| *y == year);
    let link = |y: i32| YearLink {
        tahun: y,
        href: format!("../{y}/index.html"),
    };
    let utama = HEADLINE_KEYS
        .iter()
        .filter_map(|key| {
            let indicator = site.catalog.get(key)?;
            let f = series.get(year, key)?;
            Some(Headline {
                label: indicator.label(lang).to_string(),
                nilai: figure(f.value, indicator),
                satuan_label: match indicator.unit {
                    Unit::RupiahKapitaBulan => "",
                    _ => indicator.unit.label(lang),
                },
                satuan_perubahan: match (&indicator.unit, lang) {
                    (Unit::Persen, Lang::Id) => "poin",
                    (Unit::Persen, Lang::En) => "points",
                    (Unit::RupiahKapitaBulan, _) => "",
                    (unit, _) => unit.label(lang),
                },
                perubahan: year_change(series, indicator, year).map(ChangeView::from),
            })
        })
        .collect();
    let indikator = site
        .catalog
        .iter()
        .filter_map(|i| {
            let f = series.get(year, &i.key)?;
            Some(IndicatorRow {
                label: i.label(lang).to_string(),
                satuan_label: i.unit.label(lang),
                nilai: figure(f.value, i),
                perubahan: year_change(series, i, year).map(ChangeView::from),
                sumber: f.source.clone(),
            })
        })
        .collect();
    let mut sumber_pembanding = Vec::new();
    let pembanding = site
        .catalog
        .iter()
        .filter_map(|i| {
            let f = series.get(year, &i.key)?;
            let provinsi = reference_figure(province, year, i);
            let nasional = reference_figure(nation, year, i);
            if provinsi.is_none() && nasional.is_none() {
                return None;
            }
            for r in [province, nation].into_iter().flatten() {
                if let Some(rf) = r.series.get(year, &i.key) {
                    sumber_pembanding.push(format!("{}: {}", r.name, rf.source));
                }
            }
            Some(ComparisonRow {
                label: i.label(lang).to_string(),
                satuan_label: i.unit.label(lang),
                wilayah: figure(f.value, i),
                provinsi,
                nasional,
            })
        })
        .collect();
    sumber_pembanding.sort();
    sumber_pembanding.dedup();

    let narratives = region
        .narratives
        .get(&year)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let mut by_chapter: BTreeMap<Option<Chapter>, Vec<NarrativeView>> = BTreeMap::new();
    for (i, n) in narratives.iter().enumerate() {
        by_chapter
            .entry(n.chapter)
            .or_default()
            .push(NarrativeView {
                judul: n.title.clone(),
                html: markdown::to_html(&n.markdown, &format!("narasi-{}", i + 1)),
                ilustrasi: n.illustrative,
                sumber: n.source.clone(),
                berkas: n.file_name.clone(),
            });
    }
    // Computed sections stand in their chapters whether or not a narrative does.
    let computed = [Chapter::Ringkasan, Chapter::Profil, Chapter::PosisiRelatif];
    let has_targets = !series.targets.is_empty();
    let mut bab = Vec::new();
    for chapter in Chapter::ALL {
        let narasi = by_chapter.remove(&Some(chapter)).unwrap_or_default();
        let has_computed =
            computed.contains(&chapter) || (chapter == Chapter::CapaianTarget && has_targets);
        if narasi.is_empty() && !has_computed {
            continue;
        }
        bab.push(ChapterView {
            kunci: chapter.key(),
            nomor: roman(bab.len() + 1),
            judul: chapter.title(lang).to_string(),
            narasi,
        });
    }
    if let Some(narasi) = by_chapter.remove(&None) {
        let closing = bab
            .iter()
            .position(|c| c.kunci == Chapter::Penutup.key() || c.kunci == Chapter::Lampiran.key())
            .unwrap_or(bab.len());
        bab.insert(
            closing,
            ChapterView {
                kunci: "uraian",
                nomor: String::new(),
                judul: ui::strings(lang)["uraian_lain"].to_string(),
                narasi,
            },
        );
        for (i, c) in bab.iter_mut().enumerate() {
            c.nomor = roman(i + 1);
        }
    }

    ReportView {
        site: SiteView::new(site, 2),
        judul_halaman: format!(
            "{} {} {year}",
            ui::strings(lang)["laporan_tahunan"],
            region.name
        ),
        wilayah: header(site, region),
        tahun: year,
        sebelumnya: position
            .and_then(|p| p.checked_sub(1))
            .map(|p| link(years[p])),
        berikutnya: position.and_then(|p| years.get(p + 1)).map(|y| link(*y)),
        utama,
        indikator,
        pembanding,
        nama_provinsi: province.map(|p| p.name.clone()),
        nama_nasional: nation.map(|n| n.name.clone()),
        sumber_pembanding,
        target: targets(site, region),
        sumber_target: series.target_source.clone(),
        bab,
    }
}

#[cfg(test)]
mod tests {
    use super::roman;

    #[test]
    fn roman_numerals_for_chapters() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(12), "XII");
    }
}
