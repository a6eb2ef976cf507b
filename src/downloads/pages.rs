//! What each page offers for download: the tables of a report (from the model, at full
//! precision), the tables of its evaluation sheet, and the two matrices a region submits (RAT
//! and semester report). Files go to `<slug>/<year>/unduh/`, beside the report they belong to.

use super::{Cell, Column, DownloadError, Table, csv, json, semester_matrix_columns, xlsx};
use crate::analysis::budget::Totals;
use crate::base::lang::Lang;
use crate::model::Region;
use crate::model::institution::{Date, Decree};
use crate::model::programs::{Program, Programs};
use crate::output::OutputFile;
use crate::report::sheet::{Outcome, Sheet, Value};
use crate::report::{ProgramReport, RegionYear, Report};
use crate::words;
use serde::Serialize;

/// The folder of a year's downloads, relative to the year's report folder.
pub(crate) const FOLDER: &str = "unduh";

/// One link of the download list on a page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DownloadLink {
    pub judul: String,
    /// Relative to the year folder (`unduh/...`).
    pub href: String,
    /// `XLSX`, `JSON` or `CSV`.
    pub format: &'static str,
}

/// The download list of a page: the workbooks first, then one CSV per table.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Downloads {
    pub berkas: Vec<DownloadLink>,
    /// The RAT and semester-report matrices (reports with programmes only).
    pub matriks: Vec<DownloadLink>,
    pub csv: Vec<DownloadLink>,
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn opt_text(s: &Option<String>) -> Cell {
    s.as_ref().map_or(Cell::Empty, |s| Cell::Text(s.clone()))
}

fn opt_number(v: Option<f64>) -> Cell {
    v.map_or(Cell::Empty, Cell::Number)
}

fn date(d: Option<Date>) -> Cell {
    d.map_or(Cell::Empty, |d| Cell::Text(d.iso()))
}

fn column(label: &str, unit: Option<&str>) -> Column {
    Column::new(label, unit)
}

fn columns(labels: &[(&str, Option<&str>)]) -> Vec<Column> {
    labels
        .iter()
        .map(|(label, unit)| column(label, *unit))
        .collect()
}

fn table(name: &str, title: String, columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Table {
    Table {
        name: name.to_string(),
        title,
        columns,
        rows,
        sources: Vec::new(),
        note: None,
    }
}

/// The sources of a year's data file, and the illustrative note where the figures are not
/// published ones.
fn sourced(mut table: Table, source: Option<&str>, illustrative: bool, lang: Lang) -> Table {
    table.sources = source.map(|s| vec![s.to_string()]).unwrap_or_default();
    if illustrative {
        table.note = Some(words::strings(lang).ilustrasi_catatan.to_string());
    }
    table
}

/// The author's note of a year's data file (`catatan:`), before any note the table has.
fn noted(mut table: Table, note: Option<&str>) -> Table {
    if let Some(note) = note {
        table.note = Some(match table.note {
            Some(n) => format!("{note} {n}"),
            None => note.to_string(),
        });
    }
    table
}

/// The indicators of the year, their change, and their province and nation references.
fn indicator_tables(report: &Report) -> Vec<Table> {
    let (site, region, year) = (report.site, report.region, report.year);
    let lang = site.config.lang;
    let t = words::strings(lang);
    let series = &region.series;
    let (province, nation) = (report.province, report.nation);
    let mut sources = Vec::new();
    let mut rows = Vec::new();
    let mut comparison = Vec::new();
    let mut comparison_sources = Vec::new();
    for row in &report.indicators {
        let (i, f) = (row.indicator, row.figure);
        sources.push(f.shown_source(lang).to_string());
        let change = row.change.as_ref();
        rows.push(vec![
            text(i.label(lang)),
            text(i.unit.label(lang)),
            Cell::Number(f.value),
            opt_number(change.map(|c| c.delta)),
            change.map_or(Cell::Empty, |c| Cell::Integer(c.from_year.into())),
            text(f.shown_source(lang)),
        ]);
        if row.compared() {
            for (r, rf) in [(province, row.province), (nation, row.nation)] {
                if let (Some(r), Some(rf)) = (r, rf) {
                    comparison_sources.push(format!("{}: {}", r.name, rf.shown_source(lang)));
                }
            }
            comparison.push(vec![
                text(i.label(lang)),
                text(i.unit.label(lang)),
                Cell::Number(f.value),
                opt_number(row.province.map(|f| f.value)),
                opt_number(row.nation.map(|f| f.value)),
            ]);
        }
    }
    let mut out = Vec::new();
    if !rows.is_empty() {
        sources.sort();
        sources.dedup();
        let mut indicators = table(
            "indikator",
            format!("{}, {}, {year}", t.tabel_indikator, region.name),
            columns(&[
                (t.indikator, None),
                (t.satuan, None),
                (t.nilai, None),
                (t.perubahan, None),
                (t.tahun_sebelumnya, None),
                (t.sumber, None),
            ]),
            rows,
        );
        indicators.sources = sources;
        out.push(indicators);
    }
    if !comparison.is_empty() {
        comparison_sources.sort();
        comparison_sources.dedup();
        let mut cols = columns(&[(t.indikator, None), (t.satuan, None)]);
        cols.push(column(&region.name, None));
        for name in [province.map(|p| &p.name), nation.map(|n| &n.name)] {
            cols.push(column(name.map_or("–", |n| n.as_str()), None));
        }
        let mut c = table(
            "pembanding",
            format!("{} ({year})", t.pembanding),
            cols,
            comparison,
        );
        c.sources = comparison_sources;
        out.push(c);
    }
    // Every figure of the region up to the report's year, one row each: the charts' data.
    let mut series_rows = Vec::new();
    for i in site.catalog.iter() {
        for (y, figures) in series.march.range(..=year) {
            if let Some(f) = figures.get(&i.key) {
                series_rows.push(vec![
                    text(i.label(lang)),
                    text(i.key.clone()),
                    text(i.unit.label(lang)),
                    Cell::Integer((*y).into()),
                    Cell::Number(f.value),
                    text(f.shown_source(lang)),
                ]);
            }
        }
    }
    if !series_rows.is_empty() {
        let mut sources: Vec<String> = series_rows
            .iter()
            .filter_map(|r| match r.last() {
                Some(Cell::Text(s)) => Some(s.clone()),
                _ => None,
            })
            .collect();
        sources.sort();
        sources.dedup();
        let mut series_table = table(
            "deret_waktu",
            format!("{}, {}", t.deret_waktu, region.name),
            columns(&[
                (t.indikator, None),
                (t.kunci, None),
                (t.satuan, None),
                (t.tahun, None),
                (t.nilai, None),
                (t.sumber, None),
            ]),
            series_rows,
        );
        series_table.sources = sources;
        out.push(series_table);
    }
    let mut target_rows = Vec::new();
    for i in site.catalog.iter().filter(|_| report.show_targets) {
        for (y, v) in series.targets.get(&i.key).into_iter().flatten() {
            target_rows.push(vec![
                text(i.label(lang)),
                text(i.unit.label(lang)),
                Cell::Integer((*y).into()),
                Cell::Number(*v),
            ]);
        }
    }
    if !target_rows.is_empty() {
        let mut targets = table(
            "target",
            format!("{}, {}", t.target_rpjmd, region.name),
            columns(&[
                (t.indikator, None),
                (t.satuan, None),
                (t.tahun, None),
                (t.target, None),
            ]),
            target_rows,
        );
        targets.sources = series.target_source.iter().cloned().collect();
        out.push(targets);
    }
    out
}

fn totals_row(name: String, t: &Totals) -> Vec<Cell> {
    vec![
        text(name),
        Cell::Integer(t.count as i64),
        Cell::Number(t.budget),
        if t.budget_reported > 0.0 {
            Cell::Number(t.realised)
        } else {
            Cell::Empty
        },
        opt_number(t.rate()),
    ]
}

/// The semester-report matrix row of one sub-kegiatan: a cell per column, in the order of the
/// programme fields (`content::program_fields`) the columns come from.
fn matrix_row(p: &Program, lang: Lang, realisation: bool) -> Vec<Cell> {
    let mut row = vec![
        Cell::Integer(p.strategy.number().into()),
        text(p.agency.clone()),
        opt_text(&p.code),
        opt_text(&p.program),
        opt_text(&p.activity),
        text(p.sub_activity.clone()),
        text(p.tagging.title(lang)),
        Cell::Number(p.budget),
        opt_text(&p.fund_source),
        opt_text(&p.aid_nature),
        opt_text(&p.location),
        match (p.targets, &p.target_unit) {
            (Some(n), Some(u)) => text(format!("{} {u}", crate::base::format::number(n, 0, lang))),
            (Some(n), None) => Cell::Number(n),
            _ => Cell::Empty,
        },
        opt_text(&p.benefit),
        opt_text(&p.aid_kind),
        opt_text(&p.duration),
    ];
    if realisation {
        row.extend([
            opt_number(p.realised_first),
            opt_number(p.realised_second),
            opt_number(p.realised()),
        ]);
    }
    row
}

/// The RAT matrix: the semester matrix without the realisation columns (a plan has none yet).
pub(crate) fn rat_matrix_columns() -> Vec<Column> {
    super::matrix_columns(false)
}

/// The semester-report matrix of a year's programmes (`realisation`) or its RAT matrix.
pub(crate) fn matrix(programs: &Programs, title: String, realisation: bool, lang: Lang) -> Table {
    let (name, columns) = if realisation {
        ("matriks_semester", semester_matrix_columns())
    } else {
        ("matriks_rat", rat_matrix_columns())
    };
    let rows: Vec<Vec<Cell>> = programs
        .items
        .iter()
        .map(|p| matrix_row(p, lang, realisation))
        .collect();
    // matrix_row follows the programme fields by position: a field added there needs its cell.
    debug_assert!(rows.iter().all(|r| r.len() == columns.len()));
    sourced(
        table(name, title, columns, rows),
        Some(&programs.source),
        programs.illustrative,
        lang,
    )
}

fn program_tables(report: &ProgramReport, region: &Region, year: i32, lang: Lang) -> Vec<Table> {
    let t = words::strings(lang);
    let (programs, summary) = (report.programs, &report.summary);
    let group_columns = |first: &str| {
        let mut cols = vec![column(first, None)];
        cols.extend(columns(&[
            (t.jumlah_sub, None),
            (t.alokasi, Some("Rp")),
            (t.realisasi, Some("Rp")),
            (t.realisasi, Some("%")),
        ]));
        cols
    };
    // A summary table of the budget ("Ringkasan anggaran: <label> <region>, <year>").
    let summary_table = |name: &str, label: &str, cols: Vec<Column>, rows: Vec<Vec<Cell>>| {
        sourced(
            table(
                name,
                format!(
                    "{}: {} {}, {year}",
                    t.ringkasan_anggaran, label, region.name
                ),
                cols,
                rows,
            ),
            Some(&programs.source),
            programs.illustrative,
            lang,
        )
    };
    let group = |name: &str, label: &str, rows: Vec<Vec<Cell>>| {
        summary_table(name, label, group_columns(label), rows)
    };
    let named = |groups: &[(String, Totals)]| {
        groups
            .iter()
            .map(|(n, tot)| totals_row(n.clone(), tot))
            .collect::<Vec<_>>()
    };
    let mut out = vec![
        group(
            "program_strategi",
            t.strategi,
            summary
                .by_strategy
                .iter()
                .map(|(s, tot)| totals_row(format!("{}. {}", s.number(), s.title(lang)), tot))
                .collect(),
        ),
        group(
            "program_tagging",
            t.tagging,
            summary
                .by_tagging
                .iter()
                .map(|(tag, tot)| totals_row(tag.title(lang).to_string(), tot))
                .collect(),
        ),
        group("program_opd", t.opd, named(&summary.by_agency)),
        group(
            "program_sumber_dana",
            t.sumber_dana,
            named(&summary.by_fund_source),
        ),
        matrix(
            programs,
            format!("{}, {}, {year}", t.rincian_program, region.name),
            true,
            lang,
        ),
    ];
    // The basic services against the sub-kegiatan aimed at them, as the report's table.
    if !report.problems.is_empty() {
        let mut cols = columns(&[(t.prioritas, None), (t.kunci, None)]);
        cols.extend(group_columns(t.masalah_layanan));
        cols.push(column(t.sub_yang_menyasar, None));
        let rows = report
            .problems
            .iter()
            .map(|p| {
                let mut row = vec![
                    p.priority.map_or(Cell::Empty, |n| Cell::Integer(n as i64)),
                    text(p.indicator.key.clone()),
                ];
                row.extend(totals_row(p.indicator.label(lang).to_string(), &p.totals));
                let names: Vec<&str> = p.programs.iter().map(|q| q.sub_activity.as_str()).collect();
                row.push(text(names.join("; ")));
                row
            })
            .collect();
        out.push(summary_table(
            "program_masalah",
            t.masalah_prioritas,
            cols,
            rows,
        ));
    }
    if !report.districts.is_empty() {
        let mut cols = group_columns(t.kecamatan);
        cols.insert(1, column(t.kantong_kemiskinan, None));
        let rows = report
            .districts
            .iter()
            .map(|d| {
                let mut row = totals_row(d.name.clone(), &d.totals);
                row.insert(1, text(if d.pocket.is_some() { t.ya } else { "" }));
                row
            })
            .collect();
        out.push(summary_table(
            "program_kecamatan",
            t.kecamatan_lokasi,
            cols,
            rows,
        ));
    }
    out
}

fn pocket_table(report: &Report) -> Option<Table> {
    let region = report.region;
    let lang = report.site.config.lang;
    let t = words::strings(lang);
    let (mapped, pockets) = report.pockets?;
    let sum = |m: &std::collections::BTreeMap<u8, f64>| {
        if m.is_empty() {
            Cell::Empty
        } else {
            Cell::Number(m.values().sum())
        }
    };
    let out = sourced(
        table(
            "kantong_kemiskinan",
            format!(
                "{}, {}, {mapped}",
                crate::model::Chapter::Kantong.title(lang),
                region.name
            ),
            columns(&[
                (t.kecamatan, None),
                (t.desa_prioritas, None),
                (t.nama_desa, None),
                (t.rumah_tangga, None),
                (t.jiwa, None),
                (&format!("{}: {}", t.desil_1, t.rumah_tangga), None),
                (&format!("{}: {}", t.desil_1, t.jiwa), None),
            ]),
            pockets
                .districts
                .iter()
                .map(|d| {
                    let first = |m: &std::collections::BTreeMap<u8, f64>| {
                        m.get(&1).map_or(Cell::Empty, |v| Cell::Number(*v))
                    };
                    vec![
                        text(d.name.clone()),
                        d.villages.map_or(Cell::Empty, |v| Cell::Integer(v.into())),
                        text(d.village_names.join(", ")),
                        sum(&d.households),
                        sum(&d.persons),
                        first(&d.households),
                        first(&d.persons),
                    ]
                })
                .collect(),
        ),
        Some(&pockets.source),
        pockets.illustrative,
        lang,
    );
    Some(noted(out, pockets.note.as_deref()))
}

fn institution_tables(report: &Report) -> Vec<Table> {
    let (region, year) = (report.region, report.year);
    let lang = report.site.config.lang;
    let t = words::strings(lang);
    let Some(i) = report.institution else {
        return Vec::new();
    };
    let decree = |kind: &str, d: &Decree| {
        vec![
            text(kind),
            text(d.number.clone()),
            date(d.date),
            opt_text(&d.period),
            opt_text(&d.title),
        ]
    };
    let tables = [
        (
            "dokumen",
            t.dokumen,
            columns(&[
                (t.jenis, None),
                (t.nomor, None),
                (t.tanggal, None),
                (t.periode, None),
                (t.judul, None),
            ]),
            [
                (t.sk_tkpk, &i.decree),
                (t.rpkd, &i.plan),
                (t.rat, &i.action_plan),
            ]
            .into_iter()
            .filter_map(|(k, d)| d.as_ref().map(|d| decree(k, d)))
            .collect::<Vec<_>>(),
        ),
        (
            "rapat",
            t.rapat,
            columns(&[
                (t.tanggal, None),
                (t.jenis, None),
                (t.agenda, None),
                (t.peserta, None),
            ]),
            i.meetings
                .iter()
                .map(|m| {
                    vec![
                        date(m.date),
                        text(m.kind.clone()),
                        text(m.agenda.clone()),
                        opt_number(m.participants),
                    ]
                })
                .collect(),
        ),
        (
            "laporan_terkirim",
            t.laporan_terkirim,
            columns(&[
                (t.jenis, None),
                (t.periode, None),
                (t.tanggal, None),
                (t.kepada, None),
            ]),
            i.reports
                .iter()
                .map(|r| {
                    vec![
                        text(r.kind.title(lang)),
                        opt_text(&r.period),
                        date(r.date),
                        text(r.recipient.clone()),
                    ]
                })
                .collect(),
        ),
        (
            "verifikasi_data",
            t.data_sasaran,
            columns(&[
                (t.tanggal, None),
                (t.data_sasaran, None),
                (t.sebelum, None),
                (t.sesudah, None),
                (t.selisih, None),
                (t.satuan, None),
                (t.sk, None),
            ]),
            i.verifications
                .iter()
                .map(|v| {
                    vec![
                        date(v.date),
                        opt_text(&v.data),
                        Cell::Number(v.before),
                        Cell::Number(v.after),
                        Cell::Number(v.after - v.before),
                        opt_text(&v.unit),
                        opt_text(&v.decree),
                    ]
                })
                .collect(),
        ),
    ];
    tables
        .into_iter()
        .filter(|(_, _, _, rows)| !rows.is_empty())
        .map(|(name, title, cols, rows)| {
            sourced(
                table(
                    name,
                    format!("{title}, {}, {year}", region.name),
                    cols,
                    rows,
                ),
                i.source.as_deref(),
                i.illustrative,
                lang,
            )
        })
        .collect()
}

/// The basic services against the province and the nation, priority problems first, at full
/// precision: the determinants chapter's table.
fn determinant_table(report: &Report) -> Option<Table> {
    if report.determinants.is_empty() {
        return None;
    }
    let (site, region, year) = (report.site, report.region, report.year);
    let lang = site.config.lang;
    let t = words::strings(lang);
    let at = |r: Option<&crate::model::Reference>, key: &str| {
        r.and_then(|r| r.series.get(year, key)).map(|f| f.value)
    };
    let rows = report
        .determinants
        .iter()
        .map(|d| {
            let i = d.indicator;
            vec![
                d.priority.map_or(Cell::Empty, |p| Cell::Integer(p as i64)),
                text(i.label(lang)),
                text(i.key.clone()),
                text(i.unit.label(lang)),
                Cell::Number(d.figure.value),
                opt_number(at(report.province, &i.key)),
                opt_number(at(report.nation, &i.key)),
                opt_number(d.province.as_ref().map(|g| g.diff)),
                opt_text(&d.reason.map(str::to_string)),
                text(d.figure.shown_source(lang)),
            ]
        })
        .collect();
    let mut cols = columns(&[
        (t.prioritas, None),
        (t.indikator, None),
        (t.kunci, None),
        (t.satuan, None),
    ]);
    cols.push(column(&region.name, None));
    for name in [
        report.province.map(|p| p.name.as_str()),
        report.nation.map(|n| n.name.as_str()),
    ] {
        cols.push(column(name.unwrap_or("–"), None));
    }
    cols.extend(columns(&[
        (t.selisih_provinsi, None),
        (t.alasan_prioritas, None),
        (t.sumber, None),
    ]));
    Some(table(
        "layanan_dasar",
        format!("{}, {}, {year}", t.layanan_dasar, region.name),
        cols,
        rows,
    ))
}

/// The basic services by welfare decile (`desil.yaml`), the largest gap first, at full
/// precision: a column per decile given, the gap with its deciles, and the region's own
/// Susenas figure of the year (another source, beside it for context).
fn decile_table(report: &Report) -> Option<Table> {
    let d = report.deciles.as_ref()?;
    let (region, year) = (report.region, report.year);
    let lang = report.site.config.lang;
    let t = words::strings(lang);
    let columns_given = d.columns();
    let base = words::deciles::percent_of(d.deciles.base, lang);
    let mut cols = columns(&[(t.indikator, None), (t.kunci, None)]);
    for decile in &columns_given {
        cols.push(column(&format!("{} {decile}", t.desil), Some(base)));
    }
    cols.extend(columns(&[
        (&format!("{} ({})", t.desil, t.terendah), None),
        (&format!("{} ({})", t.desil, t.tertinggi), None),
        (t.selisih_desil, None),
        (&format!("{} {year}", t.susenas_wilayah), Some(t.persen)),
    ]));
    let rows = d
        .services
        .iter()
        .map(|s| {
            let mut row = vec![text(s.indicator.label(lang)), text(s.indicator.key.clone())];
            row.extend(
                columns_given
                    .iter()
                    .map(|c| opt_number(s.shares.get(c).copied())),
            );
            row.extend([
                Cell::Integer(s.gap.low.0.into()),
                Cell::Integer(s.gap.high.0.into()),
                Cell::Number(s.gap.diff),
                opt_number(s.susenas.map(|f| f.value)),
            ]);
            row
        })
        .collect();
    let mut out = sourced(
        table(
            "layanan_desil",
            format!(
                "{} ({}), {}, {year}",
                t.layanan_desil, d.deciles.register, region.name
            ),
            cols,
            rows,
        ),
        Some(&d.deciles.shown_source(lang)),
        d.deciles.illustrative,
        lang,
    );
    // The region's figures keep their own sources.
    let susenas: Vec<&str> = d
        .services
        .iter()
        .filter_map(|s| s.susenas.map(|f| f.shown_source(lang)))
        .collect();
    for source in susenas {
        let named = format!("{}: {source}", region.name);
        if !out.sources.contains(&named) {
            out.sources.push(named);
        }
    }
    Some(noted(out, d.deciles.note.as_deref()))
}

/// Every table of a year's report, in the order the page shows them.
pub(crate) fn report_tables(report: &Report) -> Vec<Table> {
    let lang = report.site.config.lang;
    let mut out = indicator_tables(report);
    out.extend(determinant_table(report));
    out.extend(decile_table(report));
    if let Some(p) = &report.programs {
        out.extend(program_tables(p, report.region, report.year, lang));
    }
    out.extend(pocket_table(report));
    out.extend(institution_tables(report));
    out
}

/// The tables of an evaluation sheet: components with their measures, and the evidence. A
/// measure's value is a number at full precision, with its unit beside it; a measure with a
/// figure per methodology (extreme poverty) has a row per methodology.
pub(crate) fn sheet_tables(sheet: &Sheet, region: &str, lang: Lang) -> Vec<Table> {
    let t = words::strings(lang);
    let mut measures = Vec::new();
    for c in &sheet.components {
        let component = c.component;
        for m in &c.measures {
            let rule = sheet
                .scheme
                .rule(m.measure)
                .map(|r| words::sheet::rule(r, lang));
            // The score stands on the row of the figure it scores (for extreme poverty, the
            // methodology scored).
            let row = |key: &str,
                       value: Option<Value>,
                       hasil: Cell,
                       rumus: Option<String>,
                       kurang: Option<String>| {
                let scored = m
                    .score
                    .as_ref()
                    .ok()
                    .filter(|s| s.indicator.is_none_or(|i| i.key == key));
                vec![
                    text(component.name.get(lang)),
                    opt_number(component.weight),
                    text(key),
                    text(words::sheet::measure_name(m.measure).get(lang)),
                    opt_number(value.map(Value::number)),
                    value.map_or(Cell::Empty, |v| text(words::sheet::unit(v, lang))),
                    value
                        .and_then(Value::base_year)
                        .map_or(Cell::Empty, |y| Cell::Integer(y.into())),
                    hasil,
                    opt_text(&rumus),
                    opt_text(&kurang),
                    opt_number(m.weight),
                    opt_number(scored.map(|s| s.score)),
                    opt_text(&rule),
                ]
            };
            // A result computed from an illustrative figure says so in the cell itself.
            let marked = |hasil: String, illustrative: bool| {
                if illustrative {
                    format!("{hasil} ({})", crate::model::ILLUSTRATIVE_SOURCE.get(lang))
                } else {
                    hasil
                }
            };
            match &m.outcome {
                // A row per methodology, keyed by its indicator, so that the two are never
                // added up when the table is pivoted by key.
                Ok(Outcome::ExtremePoverty(found)) => {
                    for one in found {
                        let hasil = marked(
                            words::sheet::change(one, sheet.year, lang),
                            one.illustrative(),
                        );
                        measures.push(row(
                            &one.indicator.key,
                            one.value(),
                            text(hasil),
                            None,
                            None,
                        ));
                    }
                }
                Ok(o) => {
                    let (hasil, rumus) = words::sheet::outcome(o, sheet.year, lang);
                    let hasil = marked(hasil, o.illustrative());
                    measures.push(row(m.measure.key(), o.value(), text(hasil), rumus, None));
                }
                // A measure that could not be computed has no result, only what is missing.
                Err(missing) => measures.push(row(
                    m.measure.key(),
                    None,
                    Cell::Empty,
                    None,
                    Some(words::sheet::missing(missing, lang)),
                )),
            }
        }
    }
    let mut components = table(
        "penilaian_komponen",
        format!("{}, {region}, {}", t.komponen, sheet.year),
        columns(&[
            (t.komponen, None),
            (t.bobot, Some("%")),
            (t.kunci, None),
            (t.ukuran, None),
            (t.nilai, None),
            (t.satuan, None),
            (t.tahun_sebelumnya, None),
            (t.hasil, None),
            (t.rumus, None),
            (t.yang_kurang, None),
            (t.bobot_ukuran_kolom, Some("%")),
            (t.skor_kolom, None),
            (t.aturan_skor, None),
        ]),
        measures,
    );
    let scheme = vec![format!(
        "{} ({})",
        sheet.scheme.name.get(lang),
        sheet.scheme.basis.get(lang)
    )];
    components.sources = scheme.clone();
    // Component scores and the total, each with its formula or what it lacks.
    let mut score_rows: Vec<Vec<Cell>> = sheet
        .components
        .iter()
        .map(|c| {
            vec![
                text(c.component.name.get(lang)),
                opt_number(c.component.weight),
                opt_number(c.score.as_ref().ok().copied()),
                opt_text(&words::sheet::component_formula(c, lang)),
                opt_text(
                    &c.score
                        .as_ref()
                        .err()
                        .map(|g| words::sheet::component_gap(g, c.measures.len(), lang)),
                ),
            ]
        })
        .collect();
    score_rows.push(vec![
        text(t.skor_total),
        Cell::Empty,
        opt_number(sheet.total.as_ref().ok().copied()),
        opt_text(&words::sheet::total_formula(sheet, lang)),
        opt_text(
            &sheet
                .total
                .as_ref()
                .err()
                .map(|g| words::sheet::total_gap(g, lang)),
        ),
    ]);
    let mut scores = table(
        "penilaian_skor",
        format!("{}, {region}, {}", t.skor_komponen, sheet.year),
        columns(&[
            (t.komponen, None),
            (t.bobot, Some("%")),
            (t.skor_kolom, None),
            (t.rumus, None),
            (t.yang_kurang, None),
        ]),
        score_rows,
    );
    scores.sources = scheme.clone();
    if sheet.illustrative_rules() {
        scores.sources.push(t.aturan_ilustrasi.to_string());
    }
    let mut evidence = table(
        "penilaian_bukti",
        format!("{}, {region}, {}", t.daftar_bukti, sheet.year),
        columns(&[
            (t.kunci, None),
            (t.bukti, None),
            (t.status, None),
            (t.berkas, None),
            (t.tempat_isi, None),
        ]),
        sheet
            .evidence
            .iter()
            .map(|b| {
                vec![
                    text(b.evidence.key()),
                    text(b.evidence.title(lang)),
                    text(if b.present { t.ada } else { t.belum_ada }),
                    text(b.file.clone()),
                    text(b.evidence.example()),
                ]
            })
            .collect(),
    );
    evidence.sources = scheme;
    vec![components, scores, evidence]
}

/// One page's download set: a workbook and a JSON document of all its tables, and a CSV per
/// table, under `dir` (`<slug>/<year>/unduh`) with names from `stem`. The links always; the
/// files only when `write` (a rebuild that keeps a page's downloads needs its links alone).
pub(crate) fn page_files(
    dir: &str,
    (stem, title): (&str, &str),
    tables: &[Table],
    lang: Lang,
    write: bool,
) -> Result<(Vec<OutputFile>, Downloads), DownloadError> {
    let mut files = Vec::new();
    let mut links = Downloads::default();
    if tables.is_empty() {
        return Ok((files, links));
    }
    let t = words::strings(lang);
    for (ext, format) in [("xlsx", "XLSX"), ("json", "JSON")] {
        let name = format!("{stem}.{ext}");
        if write {
            files.push(OutputFile {
                path: format!("{dir}/{name}"),
                bytes: match ext {
                    "xlsx" => xlsx(title, tables, lang)?,
                    _ => json(title, tables).into_bytes(),
                },
            });
        }
        links.berkas.push(DownloadLink {
            judul: format!("{} ({format})", t.semua_tabel),
            href: format!("{FOLDER}/{name}"),
            format,
        });
    }
    for table in tables {
        let name = format!("{}.csv", table.name);
        if write {
            files.push(OutputFile {
                path: format!("{dir}/{name}"),
                bytes: csv(table, lang).into_bytes(),
            });
        }
        links.csv.push(DownloadLink {
            judul: table.title.clone(),
            href: format!("{FOLDER}/{name}"),
            format: "CSV",
        });
    }
    Ok((files, links))
}

/// The RAT and semester-report matrices of a year as workbooks, ready to submit (the files
/// only when `write`, as for [`page_files`]).
pub(crate) fn matrix_files(
    dir: &str,
    RegionYear { region, year }: RegionYear,
    programs: &Programs,
    lang: Lang,
    write: bool,
) -> Result<(Vec<OutputFile>, Vec<DownloadLink>), DownloadError> {
    let t = words::strings(lang);
    let mut files = Vec::new();
    let mut links = Vec::new();
    for (stem, label, realisation) in [
        ("matriks-rat", t.matriks_rat, false),
        ("matriks-laporan-semester", t.matriks_semester, true),
    ] {
        let name = format!("{stem}-{}-{year}.xlsx", region.slug);
        if write {
            let title = format!("{label} {}, {year}", region.name);
            let table = matrix(programs, title.clone(), realisation, lang);
            files.push(OutputFile {
                path: format!("{dir}/{name}"),
                bytes: xlsx(&title, std::slice::from_ref(&table), lang)?,
            });
        }
        links.push(DownloadLink {
            judul: format!("{label} (XLSX)"),
            href: format!("{FOLDER}/{name}"),
            format: "XLSX",
        });
    }
    Ok((files, links))
}
