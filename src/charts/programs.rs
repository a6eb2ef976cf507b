//! Charts of the programme and poverty-pocket chapters: allocation against realisation by
//! strategy and by tagging, and priority villages per kecamatan, sorted.

use super::{ChartSpec, DataRow, DataTable, OTHER_COLOUR, REGION_COLOUR, words};
use crate::analysis::budget::Totals;
use crate::base::format;
use crate::base::lang::Lang;
use crate::model::Chapter;
use crate::model::pockets::{DecileOne, Pockets};
use crate::model::programs::Programs;
use crate::report::{ProgramReport, Report};
use charming::Chart;
use charming::component::{Axis, Grid, Legend};
use charming::element::{AxisType, ItemStyle, Label, LabelPosition, Tooltip, Trigger};
use charming::series::Bar;

const MILLION: f64 = 1_000_000.0;

fn money_cell(value: f64, lang: Lang) -> String {
    format::rupiah(value, lang)
}

/// Grouped bars of allocation and realisation (million rupiah) over named groups.
fn budget_bars(
    id: &str,
    title: String,
    groups: Vec<(String, &Totals)>,
    programs: &Programs,
    lang: Lang,
) -> Option<ChartSpec> {
    if groups.is_empty() {
        return None;
    }
    let w = words(lang);
    let names: Vec<String> = groups.iter().map(|(n, _)| n.clone()).collect();
    let budget: Vec<f64> = groups.iter().map(|(_, t)| t.budget / MILLION).collect();
    let realised: Vec<Option<f64>> = groups
        .iter()
        .map(|(_, t)| (t.budget_reported > 0.0).then_some(t.realised / MILLION))
        .collect();
    let chart = Chart::new()
        .animation(false)
        .legend(Legend::new().top(0))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(Grid::new().left(72).right(24).top(40).bottom(32))
        .x_axis(Axis::new().type_(AxisType::Category).data(names))
        .y_axis(Axis::new().type_(AxisType::Value).name(w.million))
        .series(
            Bar::new()
                .name(w.budget)
                .data(budget)
                .item_style(ItemStyle::new().color(OTHER_COLOUR)),
        )
        .series(
            Bar::new()
                .name(w.realised)
                .data(realised)
                .item_style(ItemStyle::new().color(REGION_COLOUR)),
        );
    let rate = |t: &Totals| {
        t.rate()
            .map(|r| format!("{} %", format::number(r, 2, lang)))
            .unwrap_or_else(|| "–".to_string())
    };
    Some(ChartSpec {
        id: id.to_string(),
        chapter: Chapter::Program,
        title,
        sources: vec![programs.source.clone()],
        chart,
        series: 2,
        latest_year: None,
        extras: Vec::new(),
        height: None,
        table: DataTable {
            kolom: vec![
                String::new(),
                format!("{} (Rp)", w.budget),
                format!("{} (Rp)", w.realised),
                format!("{} (%)", w.realised),
            ],
            baris: groups
                .iter()
                .map(|(name, t)| DataRow {
                    label: name.clone(),
                    sel: vec![
                        money_cell(t.budget, lang),
                        if t.budget_reported > 0.0 {
                            money_cell(t.realised, lang)
                        } else {
                            "–".to_string()
                        },
                        rate(t),
                    ],
                })
                .collect(),
        },
    })
}

fn pockets_chart(pockets: &Pockets, mapped: i32, lang: Lang) -> Option<ChartSpec> {
    let w = words(lang);
    let rows = pockets
        .districts
        .iter()
        .filter_map(|d| d.villages.map(|v| (d.name.as_str(), f64::from(v))))
        .collect();
    district_bars(
        "grafik-kantong",
        format!("{} ({mapped})", w.pockets),
        w.villages,
        rows,
        pockets,
        mapped,
        lang,
    )
}

/// Decile 1 per kecamatan, where the file gives it: people, else households.
fn decile_chart(pockets: &Pockets, mapped: i32, lang: Lang) -> Option<ChartSpec> {
    let w = words(lang);
    let (title, unit, counts) = match pockets.decile_one() {
        DecileOne::Persons(rows) => (w.decile_persons, w.persons, rows),
        DecileOne::Households(rows) => (w.decile_households, w.households, rows),
        DecileOne::None => return None,
    };
    district_bars(
        "grafik-desil-1",
        format!("{title} ({mapped})"),
        unit,
        counts,
        pockets,
        mapped,
        lang,
    )
}

/// A horizontal bar per kecamatan, the largest at the top (ties by name, so the order never
/// depends on the file's), for a pocket file mapped in `mapped`.
fn district_bars(
    id: &str,
    title: String,
    unit: &str,
    mut rows: Vec<(&str, f64)>,
    pockets: &Pockets,
    mapped: i32,
    lang: Lang,
) -> Option<ChartSpec> {
    let w = words(lang);
    if rows.is_empty() {
        return None;
    }
    rows.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    // ECharts draws the first category at the bottom: reverse for most at the top.
    let names: Vec<String> = rows.iter().rev().map(|(n, _)| n.to_string()).collect();
    let data: Vec<f64> = rows.iter().rev().map(|(_, v)| *v).collect();
    let chart = Chart::new()
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(Grid::new().left(120).right(48).top(16).bottom(24))
        .x_axis(Axis::new().type_(AxisType::Value).min_interval(1))
        .y_axis(Axis::new().type_(AxisType::Category).data(names))
        .series(
            Bar::new()
                .name(unit)
                .data(data)
                .item_style(ItemStyle::new().color(REGION_COLOUR))
                .label(Label::new().show(true).position(LabelPosition::Right)),
        );
    Some(ChartSpec {
        id: id.into(),
        chapter: Chapter::Kantong,
        title,
        sources: vec![pockets.source.clone()],
        chart,
        series: 1,
        // A mapping stands for later reports until the next one: its year can be old.
        latest_year: Some(mapped),
        extras: Vec::new(),
        height: None,
        table: DataTable {
            kolom: vec![w.district.into(), unit.into()],
            baris: rows
                .iter()
                .map(|(name, v)| DataRow {
                    label: name.to_string(),
                    sel: vec![crate::base::format::number(*v, 0, lang)],
                })
                .collect(),
        },
    })
}

/// The charts of the programme and pocket chapters, each with its chapter and title; a chapter
/// without data has no chart and no note (the chapter itself says what is missing).
pub(super) fn program_charts(report: &Report) -> Vec<(Chapter, &'static str, Option<ChartSpec>)> {
    let (lang, year) = (report.site.config.lang, report.year);
    let w = words(lang);
    // Each source named with the region whose figures it gave ("Region: source", as every
    // chart's sources are), so that a source with a colon of its own is not split at it.
    let named = |spec: Option<ChartSpec>| {
        spec.map(|mut spec| {
            for source in &mut spec.sources {
                *source = format!("{}: {source}", report.region.name);
            }
            spec
        })
    };
    let mut out = Vec::new();
    if let Some(ProgramReport {
        programs, summary, ..
    }) = &report.programs
    {
        let strategies = summary
            .by_strategy
            .iter()
            .map(|(s, t)| (format!("{}. {}", s.number(), s.title(lang)), t))
            .collect();
        out.push((
            Chapter::Program,
            w.by_strategy,
            named(budget_bars(
                "grafik-strategi",
                format!("{} ({year})", w.by_strategy),
                strategies,
                programs,
                lang,
            )),
        ));
        let taggings = summary
            .by_tagging
            .iter()
            .map(|(t, totals)| (t.title(lang).to_string(), totals))
            .collect();
        out.push((
            Chapter::Program,
            w.by_tagging,
            named(budget_bars(
                "grafik-tagging",
                format!("{} ({year})", w.by_tagging),
                taggings,
                programs,
                lang,
            )),
        ));
    }
    if let Some((mapped, pockets)) = report.pockets {
        out.push((
            Chapter::Kantong,
            w.pockets,
            named(pockets_chart(pockets, mapped, lang)),
        ));
        // Only where the file gives decile 1: no note when it does not.
        if let Some(spec) = named(decile_chart(pockets, mapped, lang)) {
            out.push((Chapter::Kantong, w.decile_persons, Some(spec)));
        }
    }
    out
}
