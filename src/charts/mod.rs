//! Chart options for the annual report, built with charming and serialised as JSON
//! for a local ECharts runtime. Every chart carries the same figures as an HTML table, its
//! source, and its chapter; a chart without data is left out with a note.

use crate::analysis;
use crate::base::format;
use crate::base::indicators::{Indicator, keys};
use crate::base::lang::Lang;
use crate::model::{Chapter, Region, Series, Site};
use crate::report::Report;
use charming::Chart;
use charming::component::{Axis, Grid, Legend};
use charming::datatype::DataPointItem;
use charming::element::{
    AxisType, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType, MarkArea, MarkAreaData,
    MarkLine, MarkLineData, MarkLineVariant, Symbol, Tooltip, Trigger,
};
use charming::series::{Bar, Line, Scatter};

mod overview;
mod programs;

pub(crate) use overview::{p0_spread, region_trend};

/// The colours of the default theme: the region first, then province, nation, target.
pub(crate) const REGION_COLOUR: &str = "#0b4f8a";
const PROVINCE_COLOUR: &str = "#c0392b";
const NATION_COLOUR: &str = "#7f8c8d";
const TARGET_COLOUR: &str = "#1f6f3a";
pub(crate) const OTHER_COLOUR: &str = "#b8c4d0";
/// Words on a chart that are not data (the quadrants' meaning): the theme's muted text
/// colour, 5,9 : 1 on white.
const AXIS_TEXT_COLOUR: &str = "#5b6470";

/// The figures of a chart as a table (accessible, and what prints when scripts are off).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DataTable {
    pub kolom: Vec<String>,
    pub baris: Vec<DataRow>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DataRow {
    pub label: String,
    pub sel: Vec<String>,
}

/// One chart of a report.
#[derive(Clone, Debug)]
pub(crate) struct ChartSpec {
    /// Unique on its page; used for the element ids.
    pub id: String,
    pub chapter: Chapter,
    pub title: String,
    pub sources: Vec<String>,
    pub chart: Chart,
    /// How many series the chart draws (checked by the browser test).
    pub series: usize,
    pub table: DataTable,
    /// For a chart over the years, the latest year it has a figure for.
    pub latest_year: Option<i32>,
    /// Options charming 0.6 has no setter for, set on the serialised option (see [`Extra`]).
    pub extras: Vec<Extra>,
    /// The drawing's height in pixels when the chart's content sets it (a bar per kab/kota);
    /// `None`: the theme's height.
    pub height: Option<u32>,
}

/// One ECharts option charming cannot write: `value` set as `key` of the object at the JSON
/// pointer `at` (which must exist), e.g. the position of one quadrant's label.
#[derive(Clone, Debug)]
pub(crate) struct Extra {
    pub at: String,
    pub key: &'static str,
    pub value: serde_json::Value,
}

/// A year-series chart whose latest figure is more than this many years before the report's
/// year is flagged as old on the report.
pub(crate) const OLD_AFTER_YEARS: i32 = 3;

impl ChartSpec {
    /// The latest year of a chart over the years when it is more than [`OLD_AFTER_YEARS`]
    /// before `year`.
    pub(crate) fn old_since(&self, year: i32) -> Option<i32> {
        self.latest_year.filter(|l| year - l > OLD_AFTER_YEARS)
    }
}

/// A chart that was left out, and why.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct OmittedChart {
    pub chapter: Chapter,
    pub title: String,
    pub note: String,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct ReportCharts {
    pub charts: Vec<ChartSpec>,
    pub omitted: Vec<OmittedChart>,
}

/// The option JSON, safe inside `<script type="application/json">`.
#[cfg(test)]
pub(crate) fn options_json(chart: &Chart) -> String {
    with_extras(chart, &[])
}

/// [`options_json`] with the options charming has no setter for.
pub(crate) fn with_extras(chart: &Chart, extras: &[Extra]) -> String {
    let mut value = serde_json::to_value(chart).unwrap_or_default();
    for extra in extras {
        if let Some(serde_json::Value::Object(object)) = value.pointer_mut(&extra.at) {
            object.insert(extra.key.to_string(), extra.value.clone());
        }
    }
    script_safe(&serde_json::to_string(&value).unwrap_or_else(|_| "{}".to_string()))
}

/// JSON that stays data wherever a script holds it: `<`, `>` and `&` are escaped so no string
/// from content can close a `<script>` element, and U+2028/U+2029 so that older JavaScript
/// engines do not read them as line ends inside a string.
pub(crate) fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

struct Words {
    year: &'static str,
    target: &'static str,
    no_data: &'static str,
    trend: &'static str,
    poor: &'static str,
    depth: &'static str,
    line: &'static str,
    food: &'static str,
    non_food: &'static str,
    extreme: &'static str,
    extreme_references: &'static str,
    extreme_target: &'static str,
    rank: &'static str,
    quadrant: &'static str,
    quadrant_x: &'static str,
    quadrant_y: &'static str,
    /// The meaning of quadrants I–IV of the P0 quadrant, written in their corners.
    quadrants: [&'static str; 4],
    /// The same for P0 and another indicator: `{y}` is the other's short name.
    pair_quadrants: [&'static str; 4],
    growth_y: &'static str,
    /// The same for the change of P0 and economic growth.
    growth_quadrants: [&'static str; 4],
    region: &'static str,
    spread: &'static str,
    spread_x: &'static str,
    spread_count: &'static str,
    too_few: &'static str,
    by_strategy: &'static str,
    by_tagging: &'static str,
    budget: &'static str,
    realised: &'static str,
    million: &'static str,
    pockets: &'static str,
    decile_persons: &'static str,
    decile_households: &'static str,
    persons: &'static str,
    households: &'static str,
    villages: &'static str,
    district: &'static str,
    by_decile: &'static str,
    decile: &'static str,
    /// Before what the shares of a chart by decile are of: "persen rumah tangga".
    percent_of: &'static str,
}

const ID: Words = Words {
    year: "Tahun",
    target: "Target RPJMD",
    no_data: "Grafik tidak ditampilkan: belum ada angka",
    trend: "Persentase penduduk miskin (P0) dibanding provinsi, nasional dan target",
    poor: "Jumlah penduduk miskin (ribu jiwa)",
    depth: "Indeks kedalaman (P1) dan keparahan (P2) kemiskinan",
    line: "Garis kemiskinan (rupiah/kapita/bulan)",
    food: "Makanan",
    non_food: "Bukan makanan",
    extreme: "Kemiskinan ekstrem menurut metodologi (persen)",
    extreme_references: "Kemiskinan ekstrem provinsi dan nasional menurut metodologi (persen); angka kabupaten/kota belum tersedia",
    extreme_target: "Target 2026: 0 %",
    rank: "Urutan P0 kabupaten/kota dalam provinsi",
    quadrant: "Kuadran: tingkat dan perubahan P0 dibanding provinsi",
    quadrant_x: "Selisih P0 dengan provinsi (poin)",
    quadrant_y: "Selisih perubahan P0 dengan provinsi (poin)",
    quadrants: [
        "I · di bawah provinsi,\nperubahan lebih baik",
        "II · di atas provinsi,\nperubahan lebih baik",
        "III · di atas provinsi,\nperubahan tidak lebih baik",
        "IV · di bawah provinsi,\nperubahan tidak lebih baik",
    ],
    pair_quadrants: [
        "I · P0 dan {y}\nlebih baik dari provinsi",
        "II · P0 lebih buruk,\n{y} lebih baik",
        "III · P0 dan {y}\nlebih buruk dari provinsi",
        "IV · P0 lebih baik,\n{y} lebih buruk",
    ],
    growth_y: "Selisih pertumbuhan ekonomi dengan provinsi (poin)",
    growth_quadrants: [
        "I · perubahan P0 lebih baik,\npertumbuhan lebih tinggi",
        "II · perubahan P0 tidak lebih baik,\npertumbuhan lebih tinggi",
        "III · perubahan P0 tidak lebih baik,\npertumbuhan lebih rendah",
        "IV · perubahan P0 lebih baik,\npertumbuhan lebih rendah",
    ],
    region: "Wilayah",
    spread: "Sebaran P0 terakhir kabupaten/kota",
    spread_x: "Persentase penduduk miskin (P0)",
    spread_count: "Jumlah kabupaten/kota",
    too_few: "Grafik tidak ditampilkan: perlu angka tahun ini dan tahun sebelumnya untuk wilayah dan provinsinya",
    by_strategy: "Alokasi dan realisasi anggaran menurut strategi",
    by_tagging: "Alokasi dan realisasi anggaran menurut tagging",
    budget: "Alokasi",
    realised: "Realisasi",
    million: "juta rupiah",
    pockets: "Desa prioritas (kantong kemiskinan) per kecamatan",
    decile_persons: "Penduduk desil 1 (10 persen terbawah menurut kesejahteraan) per kecamatan",
    decile_households: "Rumah tangga desil 1 (10 persen terbawah menurut kesejahteraan) per kecamatan",
    persons: "Jiwa",
    households: "Rumah tangga",
    villages: "Jumlah desa",
    district: "Kecamatan",
    by_decile: "Layanan dasar menurut desil kesejahteraan",
    decile: "Desil",
    percent_of: "persen",
};

const EN: Words = Words {
    year: "Year",
    target: "RPJMD target",
    no_data: "Chart not shown: no figures yet",
    trend: "Poverty rate (P0) against province, nation and target",
    poor: "Number of poor people (thousands)",
    depth: "Poverty gap (P1) and severity (P2) indices",
    line: "Poverty line (rupiah/capita/month)",
    food: "Food",
    non_food: "Non-food",
    extreme: "Extreme poverty by methodology (percent)",
    extreme_references: "Extreme poverty of the province and the nation by methodology (percent); no figure for the regency or city yet",
    extreme_target: "2026 target: 0 %",
    rank: "P0 rank of regencies and cities within the province",
    quadrant: "Quadrant: P0 level and change against the province",
    quadrant_x: "P0 minus the province's (points)",
    quadrant_y: "P0 change minus the province's (points)",
    quadrants: [
        "I · below the province,\nbetter change",
        "II · above the province,\nbetter change",
        "III · above the province,\nno better change",
        "IV · below the province,\nno better change",
    ],
    pair_quadrants: [
        "I · P0 and {y} better\nthan the province's",
        "II · P0 worse,\n{y} better",
        "III · P0 and {y} worse\nthan the province's",
        "IV · P0 better,\n{y} worse",
    ],
    growth_y: "Economic growth minus the province's (points)",
    growth_quadrants: [
        "I · better P0 change,\nhigher growth",
        "II · no better P0 change,\nhigher growth",
        "III · no better P0 change,\nlower growth",
        "IV · better P0 change,\nlower growth",
    ],
    region: "Region",
    spread: "Spread of the latest P0 of the regencies and cities",
    spread_x: "Poverty rate (P0)",
    spread_count: "Regencies and cities",
    too_few: "Chart not shown: it needs this year's and an earlier figure for the region and its province",
    by_strategy: "Budget allocation and realisation by strategy",
    by_tagging: "Budget allocation and realisation by tagging",
    budget: "Allocation",
    realised: "Realisation",
    million: "million rupiah",
    pockets: "Priority villages (poverty pockets) by district",
    decile_persons: "People in decile 1 (the poorest tenth by welfare) by district",
    decile_households: "Households in decile 1 (the poorest tenth by welfare) by district",
    persons: "People",
    households: "Households",
    villages: "Villages",
    district: "District",
    by_decile: "Basic services by welfare decile",
    decile: "Decile",
    percent_of: "percent of",
};

/// A line of one indicator over `years`, `None` where there is no figure.
fn values(series: &Series, key: &str, years: &[i32]) -> Vec<Option<f64>> {
    years
        .iter()
        .map(|y| series.get(*y, key).map(|f| f.value))
        .collect()
}

fn cells(values: &[Option<f64>], indicator: &Indicator, lang: Lang) -> Vec<String> {
    values
        .iter()
        .map(|v| match v {
            Some(v) => format::cell(*v, &indicator.unit, indicator.decimals, lang),
            None => "–".to_string(),
        })
        .collect()
}

/// A chart over categories (years). Lines use a scaled value axis; bars start at zero so that
/// their lengths stay honest.
fn base_chart(categories: Vec<String>, legend: bool, zero_based: bool) -> Chart {
    base_chart_along(categories, None, legend, zero_based)
}

/// [`base_chart`] with the categories' axis named (`Desil` under 1 … 10).
fn base_chart_along(
    categories: Vec<String>,
    along: Option<&str>,
    legend: bool,
    zero_based: bool,
) -> Chart {
    let mut x_axis = Axis::new().type_(AxisType::Category).data(categories);
    if let Some(name) = along {
        x_axis = x_axis
            .name(name)
            .name_location(charming::element::NameLocation::Middle)
            .name_gap(24);
    }
    let chart = Chart::new()
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(
            Grid::new()
                .left(56)
                .right(24)
                .top(if legend { 40 } else { 16 })
                .bottom(if along.is_some() { 44 } else { 32 }),
        )
        .x_axis(x_axis)
        .y_axis(Axis::new().type_(AxisType::Value).scale(!zero_based));
    if legend {
        chart.legend(Legend::new().top(0))
    } else {
        chart
    }
}

/// A line; the region's own is drawn heavier than the province's, the nation's and the
/// target's, so that it reads first.
fn line(name: &str, data: Vec<Option<f64>>, colour: &str) -> Line {
    let width = if colour == REGION_COLOUR { 3 } else { 2 };
    Line::new()
        .name(name)
        .data(data)
        .connect_nulls(true)
        .item_style(ItemStyle::new().color(colour))
        .line_style(LineStyle::new().color(colour).width(width))
}

/// What a chart of lines runs along: the years, or the welfare deciles.
enum Along {
    Years(Vec<i32>),
    Deciles(Vec<u8>),
}

impl Along {
    /// The categories of the x axis, which also name the rows of the chart's table.
    fn categories(&self) -> Vec<String> {
        match self {
            Along::Years(years) => years.iter().map(i32::to_string).collect(),
            // The axis (and the table's first column) is named "Desil": 1 … 10 stay short
            // enough to stand side by side on a phone.
            Along::Deciles(deciles) => deciles.iter().map(u8::to_string).collect(),
        }
    }

    /// The heading of the table's first column.
    fn heading(&self, lang: Lang) -> &'static str {
        match self {
            Along::Years(_) => words(lang).year,
            Along::Deciles(_) => words(lang).decile,
        }
    }

    /// The years of a chart over the years; none for one over the deciles.
    fn years(&self) -> &[i32] {
        match self {
            Along::Years(years) => years,
            Along::Deciles(_) => &[],
        }
    }
}

/// A chart from named lines over the years (or the deciles); lines without any figure are
/// dropped.
struct Lines<'a> {
    along: Along,
    lines: Vec<(String, Vec<Option<f64>>, &'static str, bool)>,
    indicator: &'a Indicator,
    /// A level marked across the chart with its label (a target).
    mark: Option<(f64, String)>,
}

impl Lines<'_> {
    fn push(&mut self, name: &str, data: Vec<Option<f64>>, colour: &'static str, dashed: bool) {
        if data.iter().any(Option::is_some) {
            self.lines.push((name.to_string(), data, colour, dashed));
        }
    }

    fn finish(
        self,
        id: &str,
        chapter: Chapter,
        title: &str,
        sources: Vec<String>,
        lang: Lang,
    ) -> Option<ChartSpec> {
        if self.lines.is_empty() {
            return None;
        }
        let categories = self.along.categories();
        // A marked level (the 0 % target) is on the axis only when the axis starts at zero.
        let along = match self.along {
            Along::Years(_) => None,
            Along::Deciles(_) => Some(self.along.heading(lang)),
        };
        let mut chart = base_chart_along(
            categories.clone(),
            along,
            self.lines.len() > 1,
            self.mark.is_some(),
        );
        for (i, (name, data, colour, dashed)) in self.lines.iter().enumerate() {
            let mut l = line(name, data.clone(), colour);
            if *dashed {
                l = l.line_style(LineStyle::new().color(*colour).type_(LineStyleType::Dashed));
            }
            if let (0, Some((level, label))) = (i, &self.mark) {
                l = l.mark_line(
                    MarkLine::new()
                        .silent(true)
                        .symbol(vec![Symbol::None, Symbol::None])
                        .label(
                            Label::new()
                                .formatter(label.as_str())
                                .position(LabelPosition::InsideStartTop)
                                .color(TARGET_COLOUR),
                        )
                        .line_style(
                            LineStyle::new()
                                .color(TARGET_COLOUR)
                                .type_(LineStyleType::Dashed),
                        )
                        .data(vec![MarkLineVariant::Simple(
                            MarkLineData::new().y_axis(*level),
                        )]),
                );
            }
            chart = chart.series(l);
        }
        let table = DataTable {
            kolom: std::iter::once(self.along.heading(lang).to_string())
                .chain(self.lines.iter().map(|(n, ..)| n.clone()))
                .collect(),
            baris: categories
                .iter()
                .enumerate()
                .map(|(i, category)| DataRow {
                    label: category.clone(),
                    sel: self
                        .lines
                        .iter()
                        .map(|(_, d, ..)| cells(&d[i..=i], self.indicator, lang).remove(0))
                        .collect(),
                })
                .collect(),
        };
        let latest_year = self
            .along
            .years()
            .iter()
            .enumerate()
            .filter(|(i, _)| self.lines.iter().any(|(_, d, ..)| d[*i].is_some()))
            .map(|(_, y)| *y)
            .next_back();
        Some(ChartSpec {
            id: id.to_string(),
            chapter,
            title: title.to_string(),
            sources,
            series: self.lines.len(),
            chart,
            table,
            latest_year,
            extras: Vec::new(),
            height: None,
        })
    }
}

fn years_up_to(series: &Series, keys: &[&str], year: i32) -> Vec<i32> {
    series
        .march
        .range(..=year)
        .filter(|(_, m)| keys.iter().any(|k| m.contains_key(*k)))
        .map(|(y, _)| *y)
        .collect()
}

fn trend(site: &Site, region: &Region, year: i32) -> Option<ChartSpec> {
    let lang = site.config.lang;
    let w = words(lang);
    let p0 = site.catalog.get(keys::P0)?;
    let mut years = years_up_to(&region.series, &[keys::P0], year);
    let first = *years.first()?;
    let targets: Vec<(i32, f64)> = region
        .series
        .targets
        .get(keys::P0)
        .filter(|_| region.series.targets_apply(year))
        .map(|t| t.range(first..).map(|(y, v)| (*y, *v)).collect())
        .unwrap_or_default();
    let references = site.references_of(region);
    for r in &references {
        years.extend(
            years_up_to(&r.series, &[keys::P0], year)
                .into_iter()
                .filter(|y| *y >= first),
        );
    }
    years.extend(targets.iter().map(|(y, _)| *y));
    years.sort_unstable();
    years.dedup();
    let mut lines = Lines {
        along: Along::Years(years.clone()),
        lines: Vec::new(),
        indicator: p0,
        mark: None,
    };
    lines.push(
        &region.name,
        values(&region.series, keys::P0, &years),
        REGION_COLOUR,
        false,
    );
    let mut sources = region
        .series
        .sources(&[keys::P0], &years, &region.name, lang);
    for (r, colour) in references.iter().zip([PROVINCE_COLOUR, NATION_COLOUR]) {
        lines.push(&r.name, values(&r.series, keys::P0, &years), colour, false);
        sources.extend(r.series.sources(&[keys::P0], &years, &r.name, lang));
    }
    let target_line: Vec<Option<f64>> = years
        .iter()
        .map(|y| targets.iter().find(|(ty, _)| ty == y).map(|(_, v)| *v))
        .collect();
    lines.push(w.target, target_line, TARGET_COLOUR, true);
    if !targets.is_empty()
        && let Some(s) = &region.series.target_source
    {
        sources.push(format!("{}: {s}", w.target));
    }
    lines.finish("grafik-p0", Chapter::Profil, w.trend, sources, lang)
}

fn simple_lines(
    site: &Site,
    region: &Region,
    year: i32,
    id: &str,
    title: &str,
    keys: &[(&str, &'static str)],
    mark: Option<(f64, String)>,
) -> Option<ChartSpec> {
    let lang = site.config.lang;
    let indicator = site.catalog.get(keys[0].0)?;
    let only: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
    let years = years_up_to(&region.series, &only, year);
    let mut lines = Lines {
        along: Along::Years(years.clone()),
        lines: Vec::new(),
        indicator,
        mark,
    };
    for (key, colour) in keys {
        if let Some(i) = site.catalog.get(key) {
            lines.push(
                i.label(lang),
                values(&region.series, key, &years),
                colour,
                false,
            );
        }
    }
    let sources = region.series.sources(&only, &years, &region.name, lang);
    lines.finish(id, Chapter::Profil, title, sources, lang)
}

/// Extreme poverty by method: the region's own lines (PPP 2011, PPP 2017); without any, the
/// province's and the nation's, titled as theirs. Reports of 2024 to 2026 mark the national
/// target of 0 % in 2026 (the same years as the chapter's sentence).
fn extreme_poverty(report: &Report) -> Option<ChartSpec> {
    let (site, region, year) = (report.site, report.region, report.year);
    let lang = site.config.lang;
    let w = words(lang);
    let methods = [keys::EXTREME_PPP2011, keys::EXTREME_PPP2017];
    let mark = (2024..=2026)
        .contains(&year)
        .then(|| (0.0, w.extreme_target.to_string()));
    let own = years_up_to(&region.series, &methods, year);
    if !own.is_empty() {
        return simple_lines(
            site,
            region,
            year,
            "grafik-ekstrem",
            w.extreme,
            &[
                (keys::EXTREME_PPP2011, REGION_COLOUR),
                (keys::EXTREME_PPP2017, PROVINCE_COLOUR),
            ],
            mark,
        );
    }
    let references: Vec<(&crate::model::Reference, &'static str)> = [
        (report.province, PROVINCE_COLOUR),
        (report.nation, NATION_COLOUR),
    ]
    .into_iter()
    .filter_map(|(r, colour)| r.map(|r| (r, colour)))
    .collect();
    let mut years: Vec<i32> = references
        .iter()
        .flat_map(|(r, _)| years_up_to(&r.series, &methods, year))
        .collect();
    years.sort_unstable();
    years.dedup();
    let indicator = site.catalog.get(keys::EXTREME_PPP2011)?;
    let mut lines = Lines {
        along: Along::Years(years.clone()),
        lines: Vec::new(),
        indicator,
        mark,
    };
    let mut sources = Vec::new();
    for (reference, colour) in &references {
        for (key, dashed) in [
            (keys::EXTREME_PPP2011, true),
            (keys::EXTREME_PPP2017, false),
        ] {
            let method = match (key == keys::EXTREME_PPP2017, lang) {
                (true, Lang::Id) => "PPP 2017",
                (false, Lang::Id) => "PPP 2011",
                (true, Lang::En) => "2017 PPP",
                (false, Lang::En) => "2011 PPP",
            };
            lines.push(
                &format!("{} ({method})", reference.name),
                values(&reference.series, key, &years),
                colour,
                dashed,
            );
        }
        sources.extend(
            reference
                .series
                .sources(&methods, &years, &reference.name, lang),
        );
    }
    lines.finish(
        "grafik-ekstrem",
        Chapter::Profil,
        w.extreme_references,
        sources,
        lang,
    )
}

fn bars_by_year(site: &Site, region: &Region, year: i32) -> Option<ChartSpec> {
    let lang = site.config.lang;
    let w = words(lang);
    let indicator = site.catalog.get(keys::POOR)?;
    let years = years_up_to(&region.series, &[keys::POOR], year);
    if years.is_empty() {
        return None;
    }
    let data = values(&region.series, keys::POOR, &years);
    let categories: Vec<String> = years.iter().map(i32::to_string).collect();
    let chart = base_chart(categories, false, true).series(
        Bar::new()
            .name(indicator.label(lang))
            .data(data.clone())
            .item_style(ItemStyle::new().color(REGION_COLOUR)),
    );
    Some(ChartSpec {
        id: "grafik-jumlah-miskin".into(),
        chapter: Chapter::Profil,
        title: w.poor.into(),
        sources: region
            .series
            .sources(&[keys::POOR], &years, &region.name, lang),
        chart,
        series: 1,
        latest_year: years.last().copied(),
        extras: Vec::new(),
        height: None,
        table: DataTable {
            kolom: vec![w.year.into(), indicator.label(lang).into()],
            baris: years
                .iter()
                .zip(cells(&data, indicator, lang))
                .map(|(y, c)| DataRow {
                    label: y.to_string(),
                    sel: vec![c],
                })
                .collect(),
        },
    })
}

/// The poverty line, split into food and non-food where both are given.
fn poverty_line(site: &Site, region: &Region, year: i32) -> Option<ChartSpec> {
    let lang = site.config.lang;
    let w = words(lang);
    let gk = site.catalog.get(keys::POVERTY_LINE)?;
    let keys = [keys::POVERTY_LINE, keys::FOOD_LINE, keys::NON_FOOD_LINE];
    let years = years_up_to(&region.series, &keys, year);
    if years.is_empty() {
        return None;
    }
    let total = values(&region.series, keys::POVERTY_LINE, &years);
    let food = values(&region.series, keys::FOOD_LINE, &years);
    let non_food = values(&region.series, keys::NON_FOOD_LINE, &years);
    let split = food
        .iter()
        .zip(&non_food)
        .any(|(a, b)| a.is_some() && b.is_some());
    let categories: Vec<String> = years.iter().map(i32::to_string).collect();
    let mut chart = base_chart(categories, split, true);
    let mut kolom = vec![w.year.to_string(), gk.label(lang).to_string()];
    let series = if split {
        chart = chart
            .series(
                Bar::new()
                    .name(w.food)
                    .stack("gk")
                    .data(food.clone())
                    .item_style(ItemStyle::new().color(REGION_COLOUR)),
            )
            .series(
                Bar::new()
                    .name(w.non_food)
                    .stack("gk")
                    .data(non_food.clone())
                    .item_style(ItemStyle::new().color(OTHER_COLOUR)),
            );
        kolom.extend([w.food.to_string(), w.non_food.to_string()]);
        2
    } else {
        chart = chart.series(
            Bar::new()
                .name(gk.label(lang))
                .data(total.clone())
                .item_style(ItemStyle::new().color(REGION_COLOUR)),
        );
        1
    };
    let baris = years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let mut sel = cells(&total[i..=i], gk, lang);
            if split {
                sel.extend(cells(&food[i..=i], gk, lang));
                sel.extend(cells(&non_food[i..=i], gk, lang));
            }
            DataRow {
                label: y.to_string(),
                sel,
            }
        })
        .collect();
    Some(ChartSpec {
        id: "grafik-garis-kemiskinan".into(),
        chapter: Chapter::Profil,
        title: w.line.into(),
        sources: region.series.sources(&keys, &years, &region.name, lang),
        chart,
        series,
        table: DataTable { kolom, baris },
        latest_year: years.last().copied(),
        extras: Vec::new(),
        height: None,
    })
}

/// Horizontal bars of P0 of the province's regions in this site, this region highlighted.
fn rank(report: &Report) -> Option<ChartSpec> {
    let (site, region, year) = (report.site, report.region, report.year);
    let lang = site.config.lang;
    let w = words(lang);
    let p0 = site.catalog.get(keys::P0)?;
    let r = report.position.as_ref()?.rank.as_ref()?;
    let province = report.province?;
    // Best at the top: ECharts draws the first category at the bottom, so reverse.
    let order: Vec<&(String, String, f64)> = r.order.iter().rev().collect();
    let names: Vec<String> = order.iter().map(|(_, n, _)| n.clone()).collect();
    let data: Vec<DataPointItem> = order
        .iter()
        .map(|(slug, _, v)| {
            let colour = if *slug == region.slug {
                REGION_COLOUR
            } else {
                OTHER_COLOUR
            };
            DataPointItem::new(*v).item_style(ItemStyle::new().color(colour))
        })
        .collect();
    let chart = Chart::new()
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(Grid::new().left(140).right(48).top(16).bottom(24))
        .x_axis(Axis::new().type_(AxisType::Value))
        .y_axis(Axis::new().type_(AxisType::Category).data(names))
        .series(
            Bar::new()
                .name(p0.label(lang))
                .data(data)
                .label(Label::new().show(true).position(LabelPosition::Right)),
        );
    let mut sources: Vec<String> = site
        .kab_kota_in(&region.province)
        .filter_map(|o| {
            o.series
                .get(year, keys::P0)
                .map(|f| format!("{}: {}", o.name, f.shown_source(lang)))
        })
        .collect();
    sources.sort();
    sources.dedup();
    Some(ChartSpec {
        id: "grafik-urutan".into(),
        chapter: Chapter::PosisiRelatif,
        title: format!("{} ({}, {year})", w.rank, province.name),
        sources,
        chart,
        series: 1,
        latest_year: None,
        extras: Vec::new(),
        height: Some(rank_height(r.order.len())),
        table: DataTable {
            kolom: vec!["#".into(), w.region.into(), p0.label(lang).into()],
            baris: r
                .order
                .iter()
                .enumerate()
                .map(|(i, (_, name, v))| DataRow {
                    label: (i + 1).to_string(),
                    sel: vec![name.clone(), format::number(*v, p0.decimals, lang)],
                })
                .collect(),
        },
    })
}

/// A bar per kab/kota, each tall enough to read its name: a province of 38 gets a tall chart,
/// a site of one region a short one.
fn rank_height(bars: usize) -> u32 {
    let bars = u32::try_from(bars).unwrap_or(u32::MAX / 32);
    (bars.saturating_mul(26) + 48).max(120)
}

/// Scatter of the province's regions: P0 against the province (x) and its change against the
/// province's change (y). Lower-left is better on both.
fn quadrant(site: &Site, region: &Region, year: i32) -> Option<ChartSpec> {
    quadrant_of(site, &region.province, year, Some(&region.slug))
}

/// The quadrant scatter of a province's regions in `year`, one region highlighted or none.
pub(crate) fn quadrant_of(
    site: &Site,
    province_slug: &str,
    year: i32,
    highlight: Option<&str>,
) -> Option<ChartSpec> {
    let lang = site.config.lang;
    let w = words(lang);
    let p0 = site.catalog.get(keys::P0)?;
    let province = site.provinces.get(province_slug)?;
    let mut points: Vec<(crate::model::Ranked, analysis::QuadrantPosition)> = site
        .kab_kota_in(province_slug)
        .filter_map(|o| analysis::quadrant_against(o.series, province, p0, year).map(|q| (o, q)))
        .collect();
    let shown = match highlight {
        Some(slug) => points.iter().any(|(o, _)| o.slug == slug),
        None => !points.is_empty(),
    };
    if !shown {
        return None;
    }
    points.sort_by(|a, b| a.0.name.cmp(b.0.name));
    let placed: Vec<Placed> = points
        .iter()
        .map(|(o, q)| Placed {
            name: o.name.to_string(),
            x: q.level_diff,
            y: q.change_diff,
            highlighted: highlight.is_none_or(|slug| o.slug == slug),
        })
        .collect();
    let (chart, extras) = quadrant_chart(
        &placed,
        (w.quadrant_x.to_string(), w.quadrant_y.to_string()),
        (false, 0.1),
        province.name.clone(),
        w.quadrants.map(str::to_string),
    );
    let mut sources = province
        .series
        .sources(&[keys::P0], &[year], &province.name, lang);
    for (o, q) in &points {
        sources.extend(
            o.series
                .sources(&[keys::P0], &[q.from_year, year], o.name, lang),
        );
    }
    sources.sort();
    sources.dedup();
    Some(ChartSpec {
        id: "grafik-kuadran".into(),
        chapter: Chapter::PosisiRelatif,
        title: format!("{} ({}, {year})", w.quadrant, province.name),
        sources,
        chart,
        series: 1,
        latest_year: None,
        extras,
        height: Some(QUADRANT_HEIGHT),
        table: DataTable {
            kolom: vec![w.region.into(), w.quadrant_x.into(), w.quadrant_y.into()],
            baris: points
                .iter()
                .map(|(o, q)| DataRow {
                    label: o.name.to_string(),
                    sel: vec![
                        format::signed(q.level_diff, 2, lang),
                        format::signed(q.change_diff, 2, lang),
                    ],
                })
                .collect(),
        },
    })
}

/// A quadrant chart is drawn nearly square, so that the y axis's name fits beside it and the
/// four quadrants read alike.
const QUADRANT_HEIGHT: u32 = 420;

/// A kab/kota placed on a quadrant chart: its gaps to the province on both axes.
struct Placed {
    name: String,
    x: f64,
    y: f64,
    highlighted: bool,
}

/// The quadrant scatter: both axes centred on the province (zero), quadrants labelled I–IV
/// (I lower left). `y_inverse` turns the y axis over for an indicator where higher is better,
/// so that "better" stays at the bottom.
/// `y_step` is the y axis's smallest round extent (0,1 for points; 0,01 for a ratio such as
/// Gini, whose gaps are hundredths and would lie flat on a larger axis).
fn quadrant_chart(
    points: &[Placed],
    (x_name, y_name): (String, String),
    (y_inverse, y_step): (bool, f64),
    series_name: String,
    labels: [String; 4],
) -> (Chart, Vec<Extra>) {
    let data: Vec<DataPointItem> = points
        .iter()
        .map(|p| {
            let colour = if p.highlighted {
                REGION_COLOUR
            } else {
                OTHER_COLOUR
            };
            DataPointItem::new(vec![p.x, p.y])
                .name(p.name.clone())
                .item_style(ItemStyle::new().color(colour))
        })
        .collect();
    // Both axes centred on the province (zero), so the four quadrants have the same size and
    // place on every chart: better (lower level, larger fall) at the lower left, as numbered
    // in the sentence (I lower left, II lower right, III upper right, IV upper left).
    let extent = |pick: fn(&Placed) -> f64, step: f64| {
        let widest = points.iter().map(|p| pick(p).abs()).fold(0.0, f64::max);
        // At least five steps; rounded up to a whole step (computed in whole steps, so that
        // 0,1 × 10 stays exact).
        let steps = ((widest * 1.6).max(5.0 * step) / step - 1e-9).ceil();
        steps / (1.0 / step)
    };
    let (x, y) = (extent(|p| p.x, 0.1), extent(|p| p.y, y_step));
    let bound = |v: f64| v.to_string();
    let area = |name: &str, (x0, x1): (f64, f64), (y0, y1): (f64, f64)| {
        (
            MarkAreaData::new()
                .name(name)
                .x_axis(bound(x0))
                .y_axis(bound(y0)),
            MarkAreaData::new().x_axis(bound(x1)).y_axis(bound(y1)),
        )
    };
    let quadrants = MarkArea::new()
        .silent(true)
        .item_style(ItemStyle::new().color("rgba(0,0,0,0)"))
        .label(
            Label::new()
                .show(true)
                .position(LabelPosition::Inside)
                .font_size(11)
                .color(AXIS_TEXT_COLOUR),
        )
        .data({
            // The better half of the y axis: below zero, or above it (drawn at the bottom)
            // when the axis is turned over.
            let (better, worse) = if y_inverse {
                ((0.0, y), (-y, 0.0))
            } else {
                ((-y, 0.0), (0.0, y))
            };
            let [one, two, three, four] = &labels;
            vec![
                area(one, (-x, 0.0), better),
                area(two, (0.0, x), better),
                area(three, (0.0, x), worse),
                area(four, (-x, 0.0), worse),
            ]
        });
    // Each quadrant's words in its outer corner, away from the province's lines where the
    // points gather: I bottom left, II bottom right, III top right, IV top left.
    let extras = [
        "insideBottomLeft",
        "insideBottomRight",
        "insideTopRight",
        "insideTopLeft",
    ]
    .iter()
    .enumerate()
    .map(|(i, position)| Extra {
        at: format!("/series/0/markArea/data/{i}/0"),
        key: "label",
        value: serde_json::json!({
            "position": position,
            "align": if position.ends_with("Left") { "left" } else { "right" },
            "lineHeight": 14,
        }),
    })
    .collect();
    let province_lines = MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None, Symbol::None])
        .label(Label::new().show(false))
        .line_style(
            LineStyle::new()
                .color(PROVINCE_COLOUR)
                .type_(LineStyleType::Dashed),
        )
        .data(vec![
            MarkLineVariant::Simple(MarkLineData::new().x_axis(0)),
            MarkLineVariant::Simple(MarkLineData::new().y_axis(0)),
        ]);
    let chart = Chart::new()
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .grid(Grid::new().left(72).right(16).top(16).bottom(48))
        // Ticks at the ends, the halves and zero only: no tick crowds the axis's end.
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .min(-x)
                .max(x)
                .interval(x / 2.0)
                .name(x_name)
                .name_location(charming::element::NameLocation::Middle)
                .name_gap(28),
        )
        .y_axis({
            // The name runs up the axis (ECharts turns a y axis's middle name), beside its
            // numbers: it fits the chart's height, where a name above the axis was cut off.
            let axis = Axis::new()
                .type_(AxisType::Value)
                .min(-y)
                .max(y)
                .interval(y / 2.0)
                .name(y_name)
                .name_location(charming::element::NameLocation::Middle)
                .name_gap(50);
            // Set only when turned over: the option is written out even when false.
            if y_inverse { axis.inverse(true) } else { axis }
        })
        .series(
            Scatter::new()
                .name(series_name)
                .symbol_size(12)
                .data(data)
                .mark_area(quadrants)
                .mark_line(province_lines)
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Right)
                        .formatter("{b}"),
                ),
        );
    (chart, extras)
}

/// An indicator's short name for a chart's corner: the abbreviation its label ends with
/// ("Indeks Pembangunan Manusia (IPM)" → "IPM"), else the whole label.
fn short_name(indicator: &Indicator, lang: Lang) -> String {
    let label = indicator.label(lang);
    label
        .strip_suffix(')')
        .and_then(|l| l.rsplit_once('('))
        .map(|(_, short)| short.to_string())
        .filter(|short| !short.is_empty() && short.len() <= 12)
        .unwrap_or_else(|| label.to_string())
}

/// What sets one quadrant against the province apart from another: its id and title, axis
/// names, the y axis turned over (higher is better) and its step, the corner words, the
/// indicators its sources name, and the decimals of y in its data table.
struct QuadrantSpec {
    id: String,
    title: String,
    x_name: String,
    y_name: String,
    y_inverse: bool,
    y_step: f64,
    labels: [String; 4],
    keys: [String; 2],
    y_decimals: usize,
}

/// A quadrant of every kab/kota of the region's province that `place` can place (the site's
/// regions and its comparisons), the report's region highlighted; `None` when the region
/// itself cannot be placed.
fn province_quadrant(
    report: &Report,
    place: impl Fn(&crate::model::Series) -> Option<analysis::PairPosition>,
    spec: QuadrantSpec,
) -> Option<ChartSpec> {
    let (site, region, year) = (report.site, report.region, report.year);
    let lang = site.config.lang;
    let w = words(lang);
    let province = site.province_of(region)?;
    let mut points: Vec<(crate::model::Ranked, analysis::PairPosition)> = site
        .kab_kota_in(&region.province)
        .filter_map(|o| place(o.series).map(|p| (o, p)))
        .collect();
    if !points.iter().any(|(o, _)| o.slug == region.slug) {
        return None;
    }
    points.sort_by(|a, b| a.0.name.cmp(b.0.name));
    let placed: Vec<Placed> = points
        .iter()
        .map(|(o, p)| Placed {
            name: o.name.to_string(),
            x: p.x.diff,
            y: p.y.diff,
            highlighted: o.slug == region.slug,
        })
        .collect();
    let (chart, extras) = quadrant_chart(
        &placed,
        (spec.x_name.clone(), spec.y_name.clone()),
        (spec.y_inverse, spec.y_step),
        province.name.clone(),
        spec.labels,
    );
    let keys: Vec<&str> = spec.keys.iter().map(String::as_str).collect();
    let mut sources = province
        .series
        .sources(&keys, &[year], &province.name, lang);
    for (o, _) in &points {
        sources.extend(o.series.sources(&keys, &[year], o.name, lang));
    }
    sources.sort();
    sources.dedup();
    Some(ChartSpec {
        id: spec.id,
        chapter: Chapter::PosisiRelatif,
        title: spec.title,
        sources,
        chart,
        series: 1,
        latest_year: None,
        extras,
        height: Some(QUADRANT_HEIGHT),
        table: DataTable {
            kolom: vec![w.region.into(), spec.x_name, spec.y_name],
            baris: points
                .iter()
                .map(|(o, p)| DataRow {
                    label: o.name.to_string(),
                    sel: vec![
                        format::signed(p.x.diff, 2, lang),
                        format::signed(p.y.diff, spec.y_decimals, lang),
                    ],
                })
                .collect(),
        },
    })
}

/// P0 and another indicator against the province: every kab/kota of the province with both
/// figures (the site's regions and its comparisons), the report's region highlighted; the y
/// axis turned over where higher is better, so that better stays at the lower left.
fn pair_quadrant(report: &Report, y: &crate::base::indicators::Indicator) -> Option<ChartSpec> {
    let (site, region, year) = (report.site, report.region, report.year);
    let lang = site.config.lang;
    let w = words(lang);
    let p0 = site.catalog.get(keys::P0)?;
    let province = site.province_of(region)?;
    let label = y.label(lang);
    let short = short_name(y, lang);
    let spec = QuadrantSpec {
        id: format!("grafik-kuadran-{}", y.key),
        title: match lang {
            Lang::Id => format!(
                "Kuadran: P0 dan {label} dibanding provinsi ({}, {year})",
                province.name
            ),
            Lang::En => format!(
                "Quadrant: P0 and {label} against the province ({}, {year})",
                province.name
            ),
        },
        x_name: w.quadrant_x.to_string(),
        y_name: match lang {
            Lang::Id => format!("Selisih {label} dengan provinsi"),
            Lang::En => format!("{label} minus the province's"),
        },
        y_inverse: !y.lower_is_better,
        y_step: if y.decimals >= 3 { 0.01 } else { 0.1 },
        labels: w.pair_quadrants.map(|q| q.replace("{y}", &short)),
        keys: [keys::P0.to_string(), y.key.clone()],
        y_decimals: y.decimals.max(2),
    };
    province_quadrant(
        report,
        |series| analysis::pair_position(series, province, (p0, y), year),
        spec,
    )
}

/// The change of P0 against economic growth, both against the province: every kab/kota of the
/// province with both (the site's regions and its comparisons), the report's region
/// highlighted; growth's axis turned over (higher is better), so better stays at the lower left.
fn growth_quadrant(report: &Report) -> Option<ChartSpec> {
    let (site, region, year) = (report.site, report.region, report.year);
    let lang = site.config.lang;
    let w = words(lang);
    let p0 = site.catalog.get(keys::P0)?;
    let growth = site.catalog.get(keys::GROWTH)?;
    let province = site.province_of(region)?;
    let spec = QuadrantSpec {
        id: "grafik-kuadran-pertumbuhan".into(),
        title: match lang {
            Lang::Id => format!(
                "Kuadran: perubahan P0 dan pertumbuhan ekonomi dibanding provinsi ({}, {year})",
                province.name
            ),
            Lang::En => format!(
                "Quadrant: P0 change and economic growth against the province ({}, {year})",
                province.name
            ),
        },
        x_name: w.quadrant_y.to_string(),
        y_name: w.growth_y.to_string(),
        y_inverse: true,
        y_step: 0.1,
        labels: w.growth_quadrants.map(str::to_string),
        keys: [keys::P0.to_string(), keys::GROWTH.to_string()],
        y_decimals: 2,
    };
    province_quadrant(
        report,
        |series| analysis::growth_position(series, province, (p0, growth), year),
        spec,
    )
}

/// The colour of a basic service, the same in every report: by its place in
/// `keys::DETERMINANTS` (none is the region's blue, which would single one out).
fn service_colour(key: &str) -> &'static str {
    const COLOURS: [&str; keys::DETERMINANTS.len()] = [
        "#2874a6", "#c0392b", "#1f6f3a", "#8e44ad", "#b9470b", "#117a65", "#6c7a89", "#8d6e00",
    ];
    keys::DETERMINANTS
        .iter()
        .position(|k| *k == key)
        .map_or(OTHER_COLOUR, |i| COLOURS[i])
}

/// The basic services by welfare decile (`desil.yaml`): a line per service over the deciles
/// given, in the report's order (largest gap first).
fn by_decile(report: &Report) -> Option<ChartSpec> {
    let d = report.deciles.as_ref()?;
    let lang = report.site.config.lang;
    let columns = d.columns();
    let mut lines = Lines {
        along: Along::Deciles(columns.clone()),
        lines: Vec::new(),
        indicator: d.services.first()?.indicator,
        mark: None,
    };
    for s in &d.services {
        let shares = columns.iter().map(|c| s.shares.get(c).copied()).collect();
        let colour = service_colour(&s.indicator.key);
        lines.push(s.indicator.label(lang), shares, colour, false);
    }
    let w = words(lang);
    let title = format!(
        "{} ({}, {}): {} {}",
        w.by_decile,
        d.deciles.register,
        report.year,
        w.percent_of,
        d.deciles.base.noun(lang)
    );
    let sources = vec![format!(
        "{}: {}",
        report.region.name,
        d.deciles.shown_source(lang)
    )];
    lines.finish("grafik-desil", Chapter::Determinan, &title, sources, lang)
}

/// Every chart of one annual report, and a note for each one left out.
pub(crate) fn report_charts(report: &Report) -> ReportCharts {
    let (site, region, year) = (report.site, report.region, report.year);
    let lang = site.config.lang;
    let w = words(lang);
    let depth_title = w.depth;
    let extreme_title = w.extreme;
    let built: Vec<(Chapter, &str, Option<ChartSpec>)> = vec![
        (Chapter::Profil, w.trend, trend(site, region, year)),
        (Chapter::Profil, w.poor, bars_by_year(site, region, year)),
        (
            Chapter::Profil,
            depth_title,
            simple_lines(
                site,
                region,
                year,
                "grafik-p1-p2",
                depth_title,
                &[(keys::P1, REGION_COLOUR), (keys::P2, PROVINCE_COLOUR)],
                None,
            ),
        ),
        (Chapter::Profil, w.line, poverty_line(site, region, year)),
        (Chapter::Profil, extreme_title, extreme_poverty(report)),
        (Chapter::PosisiRelatif, w.rank, rank(report)),
        (
            Chapter::PosisiRelatif,
            w.quadrant,
            quadrant(site, region, year),
        ),
    ];
    let mut out = ReportCharts::default();
    // The pair quadrants only where their figures exist: no note when they do not.
    let pairs: Vec<ChartSpec> = report
        .position
        .iter()
        .flat_map(|p| &p.pairs)
        .filter_map(|(y, _)| pair_quadrant(report, y))
        .collect();
    let built = built.into_iter().chain(programs::program_charts(report));
    for (chapter, title, spec) in built {
        match spec {
            Some(s) => out.charts.push(s),
            None => out.omitted.push(OmittedChart {
                chapter,
                title: title.to_string(),
                note: if chapter == Chapter::PosisiRelatif && title == w.quadrant {
                    w.too_few.to_string()
                } else {
                    w.no_data.to_string()
                },
            }),
        }
    }
    out.charts.extend(pairs);
    // Only where growth figures exist: no note when they do not.
    out.charts.extend(growth_quadrant(report));
    // Only where the year's desil.yaml gives services: no note when it does not.
    out.charts.extend(by_decile(report));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use charming::component::Title;

    #[test]
    fn a_chart_is_old_after_three_years() {
        let spec = |latest| ChartSpec {
            id: "g".into(),
            chapter: Chapter::Profil,
            title: String::new(),
            sources: Vec::new(),
            chart: Chart::new(),
            series: 1,
            table: DataTable {
                kolom: Vec::new(),
                baris: Vec::new(),
            },
            latest_year: latest,
            extras: Vec::new(),
            height: None,
        };
        assert_eq!(spec(Some(2022)).old_since(2025), None);
        assert_eq!(spec(Some(2021)).old_since(2025), Some(2021));
        assert_eq!(spec(None).old_since(2025), None);
    }

    #[test]
    fn option_json_cannot_close_a_script_element() {
        let chart =
            Chart::new().title(Title::new().text("</script><script>alert(1)</script> & co"));
        let json = options_json(&chart);
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            back["title"][0]["text"],
            "</script><script>alert(1)</script> & co"
        );
    }

    #[test]
    fn script_safe_json_keeps_its_value() {
        let text = "a</script>&\u{2028}b\u{2029}";
        let json = script_safe(&serde_json::to_string(text).unwrap());
        assert_eq!(json, r#""a\u003c/script\u003e\u0026\u2028b\u2029""#);
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text);
    }

    #[test]
    fn lines_without_figures_are_dropped() {
        let catalog = crate::base::indicators::Catalog::default();
        let p0 = catalog.get("p0").unwrap();
        let mut lines = Lines {
            along: Along::Years(vec![2024, 2025]),
            lines: vec![],
            indicator: p0,
            mark: None,
        };
        lines.push("A", vec![Some(8.16), Some(7.57)], REGION_COLOUR, false);
        lines.push("B", vec![None, None], PROVINCE_COLOUR, false);
        let spec = lines
            .finish("x", Chapter::Profil, "t", vec![], Lang::Id)
            .unwrap();
        assert_eq!(spec.series, 1);
        assert_eq!(spec.table.baris[1].sel, vec!["7,57"]);
        let json: serde_json::Value = serde_json::from_str(&options_json(&spec.chart)).unwrap();
        assert_eq!(json["series"][0]["data"], serde_json::json!([8.16, 7.57]));
    }

    #[test]
    fn the_quadrant_chart_is_centred_on_the_province_with_its_quadrants_labelled() {
        let site = crate::model::sample::site();
        let blora = crate::model::sample::region(&site, "kabupaten-blora");
        let report = crate::report::report(&site, blora, 2025);
        let charts = report_charts(&report);
        let spec = charts
            .charts
            .iter()
            .find(|c| c.id == "grafik-kuadran")
            .expect("a quadrant chart");
        let json: serde_json::Value =
            serde_json::from_str(&with_extras(&spec.chart, &spec.extras)).unwrap();
        // One axis is written as an object, several as a list.
        let axis = |name: &str| match &json[name] {
            serde_json::Value::Array(all) => all[0].clone(),
            one => one.clone(),
        };
        for name in ["xAxis", "yAxis"] {
            let (min, max) = (axis(name)["min"].as_f64(), axis(name)["max"].as_f64());
            assert!(
                min.zip(max).is_some_and(|(a, b)| a == -b && b > 0.0),
                "{name}: {min:?} {max:?}"
            );
            // Ticks at the ends, the halves and zero.
            assert_eq!(axis(name)["interval"].as_f64(), max.map(|m| m / 2.0));
        }
        let series = match &json["series"] {
            serde_json::Value::Array(all) => all[0].clone(),
            one => one.clone(),
        };
        // The province's lines: x = 0 and y = 0.
        let lines = series["markLine"]["data"].as_array().unwrap();
        assert_eq!(lines[0]["xAxis"].as_f64(), Some(0.0), "{lines:?}");
        assert_eq!(lines[1]["yAxis"].as_f64(), Some(0.0), "{lines:?}");
        // Quadrants named as the sentence numbers them: I lower left (x < 0, y < 0), III
        // upper right; Blora 2025 is above the province and changed less: III, upper right.
        let areas = series["markArea"]["data"].as_array().unwrap();
        // Where an area lies: the signs of its centre.
        let corner = |i: usize| {
            let (from, to) = (&areas[i][0], &areas[i][1]);
            let num = |v: &serde_json::Value| v.as_str().unwrap().parse::<f64>().unwrap();
            let centre = |key: &str| (num(&from[key]) + num(&to[key])).signum();
            (
                from["name"].as_str().unwrap().to_string(),
                centre("xAxis"),
                centre("yAxis"),
                from["label"]["position"].as_str().unwrap().to_string(),
            )
        };
        // Each with its meaning, written in its outer corner.
        let expected = [
            (
                "I · di bawah provinsi,\nperubahan lebih baik",
                -1.0,
                -1.0,
                "insideBottomLeft",
            ),
            (
                "II · di atas provinsi,\nperubahan lebih baik",
                1.0,
                -1.0,
                "insideBottomRight",
            ),
            (
                "III · di atas provinsi,\nperubahan tidak lebih baik",
                1.0,
                1.0,
                "insideTopRight",
            ),
            (
                "IV · di bawah provinsi,\nperubahan tidak lebih baik",
                -1.0,
                1.0,
                "insideTopLeft",
            ),
        ];
        for (i, (name, x, y, at)) in expected.into_iter().enumerate() {
            assert_eq!(corner(i), (name.to_string(), x, y, at.to_string()));
        }
        let q = report.position.as_ref().unwrap().quadrant.as_ref().unwrap();
        assert_eq!(q.quadrant, analysis::Quadrant::III);
        assert!(q.level_diff > 0.0 && q.change_diff > 0.0, "{q:?}");
    }
}
