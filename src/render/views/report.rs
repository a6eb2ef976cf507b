//! The annual report: LP2KD chapters with the computed sections (summary tiles, indicator
//! table, comparisons, analyses as sentences, charts) and the TKPK's narratives.

use super::annual;
use super::{ChangeView, FigureView, RegionHeader, TargetView, figure_of, header, targets};
use crate::base::format::{self, roman};
use crate::base::indicators::keys;
use crate::base::lang::Lang;
use crate::base::markdown;
use crate::charts::{self, ChartSpec, DataTable};
use crate::model::Chapter;
use crate::report::Report;
use crate::words;
use crate::words::findings;
use crate::words::sentences;
use serde::Serialize;
use std::collections::BTreeMap;

/// A tile of the executive summary: already worded, since each tile says something different.
#[derive(Serialize)]
pub struct Tile {
    pub label: String,
    pub nilai: String,
    pub satuan: String,
    pub keterangan: String,
    /// `membaik`, `memburuk`, `tetap` or empty.
    pub arah: &'static str,
    /// The tile's number is, or is computed from, an illustrative figure.
    pub ilustrasi: bool,
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
pub struct DeterminantRow {
    pub label: String,
    pub wilayah: FigureView,
    pub provinsi: Option<FigureView>,
    pub nasional: Option<FigureView>,
    /// Region minus province, in points.
    pub selisih_provinsi: Option<f64>,
    pub prioritas: Option<usize>,
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

/// A numbered table or figure, as its caption and the lists name it.
#[derive(Clone, Serialize)]
pub struct Numbered {
    pub id: String,
    /// `Tabel 3.1`, `Gambar 3.1`.
    pub nomor: String,
    pub judul: String,
}

#[derive(Serialize)]
pub struct ChartView {
    /// `Gambar 3.1` on a report; empty elsewhere.
    pub nomor: String,
    pub id: String,
    pub judul: String,
    pub sumber: Vec<String>,
    /// ECharts option JSON, already escaped for a `<script>` element.
    pub json: String,
    pub seri: usize,
    pub tabel: DataTable,
    /// On a report, a chart whose latest figure is old: what the flag says.
    pub angka_lama: Option<String>,
    /// The drawing's height in pixels where the chart's content sets it.
    pub tinggi: Option<u32>,
}

#[derive(Serialize)]
pub struct OmittedView {
    pub judul: String,
    pub catatan: String,
}

#[derive(Serialize)]
pub struct ChapterView {
    pub kunci: &'static str,
    /// `I` for BAB I; empty for the front matter and the annexes.
    pub nomor: String,
    /// `BAB I`, `LAMPIRAN`, or empty.
    pub label: String,
    pub judul: String,
    /// Before BAB I: its pages are numbered i, ii, … in print.
    pub depan: bool,
    /// Nothing to show this year (no narrative, no computed section).
    pub kosong: bool,
    /// The computed tables of the chapter, by id, numbered.
    pub tabel: BTreeMap<&'static str, Numbered>,
    /// Computed analyses, one sentence each.
    pub analisis: Vec<String>,
    pub grafik: Vec<ChartView>,
    pub grafik_tidak_ada: Vec<OmittedView>,
    pub narasi: Vec<NarrativeView>,
}

#[derive(Serialize)]
pub struct YearLink {
    pub tahun: i32,
    pub href: String,
}

/// The lembar pengesahan in words.
#[derive(Serialize)]
pub struct ApprovalView {
    pub tempat: String,
    pub tanggal: String,
    pub jabatan: String,
    pub nama: String,
    pub pangkat: Option<String>,
    pub nip: Option<String>,
    pub ilustrasi: bool,
}

/// The parts of the document around the chapters: cover, lembar pengesahan, lists.
#[derive(Serialize)]
pub struct DocumentView {
    /// `Laporan Pelaksanaan Penanggulangan Kemiskinan Daerah (LP2KD)`.
    pub judul_resmi: &'static str,
    /// `Tim Koordinasi Penanggulangan Kemiskinan (TKPK) Kabupaten Blitar`.
    pub tim: String,
    /// The region's emblem (else the site's), under the site root.
    pub lambang: Option<String>,
    pub pengesahan: Option<ApprovalView>,
    pub daftar_tabel: Vec<Numbered>,
    pub daftar_gambar: Vec<Numbered>,
    /// The Daftar Singkatan: (abbreviation, meaning).
    pub singkatan: Vec<(String, String)>,
}

#[derive(Serialize)]
pub struct ReportView {
    pub dokumen: DocumentView,
    pub judul_halaman: String,
    /// The running header of printed pages, escaped for a CSS string.
    pub judul_cetak_css: String,
    pub wilayah: RegionHeader,
    pub tahun: i32,
    pub sebelumnya: Option<YearLink>,
    pub berikutnya: Option<YearLink>,
    pub ubin: Vec<Tile>,
    /// Some figure of the report (or a change it shows) is illustrative.
    pub angka_ilustrasi: bool,
    /// The basic services, priority problems first.
    pub determinan: Vec<DeterminantRow>,
    pub sumber_determinan: Vec<String>,
    pub indikator: Vec<IndicatorRow>,
    pub pembanding: Vec<ComparisonRow>,
    pub nama_provinsi: Option<String>,
    pub nama_nasional: Option<String>,
    pub sumber_pembanding: Vec<String>,
    pub target: Vec<TargetView>,
    pub sumber_target: Option<String>,
    pub ada_grafik: bool,
    pub bab: Vec<ChapterView>,
    pub program: Option<annual::ProgramSection>,
    pub kantong: Option<annual::PocketSection>,
    /// The basic services by welfare decile (`desil.yaml`).
    pub desil: Option<annual::DecileSection>,
    pub kelembagaan: Option<annual::InstitutionSection>,
    /// The evaluation sheet of the year, when a scheme applies.
    pub penilaian_href: Option<String>,
    /// The year's tables as files (filled in by the renderer, which writes them).
    pub unduhan: crate::downloads::pages::Downloads,
}

/// Escapes text for a CSS string: every character but letters, digits and spaces becomes a
/// CSS escape, so nothing from content can end the string or the style element.
pub(super) fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            // The space ends the escape (and is consumed by it), so a following space stays.
            out.push_str(&format!("\\{:06x} ", c as u32));
        }
    }
    out
}

fn direction(improved: bool, delta: f64) -> &'static str {
    if delta == 0.0 {
        "tetap"
    } else if improved {
        "membaik"
    } else {
        "memburuk"
    }
}

/// The tiles of the executive summary: P0, its change, poor people, gap to target, position
/// against the province.
fn tiles(report: &Report) -> Vec<Tile> {
    let lang = report.site.config.lang;
    let year = report.year;
    let t = words::strings(lang);
    let mut out = Vec::new();
    if let Some(row) = report.row(keys::P0) {
        let i = row.indicator;
        out.push(Tile {
            label: i.label(lang).to_string(),
            nilai: format::number(row.figure.value, i.decimals, lang),
            satuan: i.unit.label(lang).to_string(),
            keterangan: format!(
                "{} {year}",
                report
                    .region
                    .series
                    .period(year)
                    .unwrap_or(t.angka_maret_pendek)
            ),
            arah: "",
            ilustrasi: row.figure.illustrative,
        });
        if let Some(c) = &row.change {
            out.push(Tile {
                label: t.perubahan_p0.to_string(),
                nilai: format::signed(c.delta, 2, lang),
                satuan: t.poin.to_string(),
                keterangan: format!(
                    "{} {} ({})",
                    t.dibanding,
                    format::number(c.from, i.decimals, lang),
                    words::sentences::year_label(c.from_year, c.from_period.as_deref())
                ),
                arah: direction(c.improved, c.delta),
                ilustrasi: row.illustrative(),
            });
        }
    }
    if let Some(row) = report.row(keys::POOR) {
        let i = row.indicator;
        let change = row.change.as_ref();
        out.push(Tile {
            label: i.label(lang).to_string(),
            nilai: format::number(row.figure.value, i.decimals, lang),
            satuan: i.unit.label(lang).to_string(),
            keterangan: change
                .map(|c| {
                    // The change with its unit: "-6,87 ribu jiwa dibandingkan dengan 95,91".
                    format!(
                        "{} {} {} {} ({})",
                        format::signed(c.delta, i.decimals, lang),
                        i.unit.label(lang),
                        t.dibanding,
                        format::number(c.from, i.decimals, lang),
                        words::sentences::year_label(c.from_year, c.from_period.as_deref())
                    )
                })
                .unwrap_or_default(),
            arah: change.map_or("", |c| direction(c.improved, c.delta)),
            ilustrasi: row.illustrative(),
        });
    }
    if let Some(i) = report.site.catalog.get(keys::P0)
        && let Some(a) = report.target(keys::P0)
    {
        out.push(Tile {
            label: format!("{} {}", t.jarak_target, a.target_year),
            nilai: format::signed(a.gap, 2, lang),
            satuan: t.poin.to_string(),
            keterangan: {
                let status = if a.attained {
                    t.tercapai
                } else {
                    t.belum_tercapai
                };
                let target = format::number(a.target, i.decimals, lang);
                match a.percent {
                    Some(p) => format!(
                        "{} {target} · {status} · {} {} %",
                        t.target,
                        t.capaian,
                        format::number(p, 2, lang)
                    ),
                    None => format!("{} {target} · {status}", t.target),
                }
            },
            arah: if a.attained { "membaik" } else { "memburuk" },
            ilustrasi: report.row(keys::P0).is_some_and(|r| r.figure.illustrative),
        });
    }
    // The province's gap is the first of the position's (province, then nation).
    if let (Some(i), Some(province), Some(position)) = (
        report.site.catalog.get(keys::P0),
        report.province,
        &report.position,
    ) && let Some(Ok(g)) = position.gaps.first()
    {
        out.push(Tile {
            label: format!("{} {}", t.terhadap, province.name),
            nilai: format::signed(g.diff, 2, lang),
            satuan: t.poin.to_string(),
            keterangan: format!(
                "{} {}",
                province.name,
                format::with_unit(g.reference_value, &i.unit, i.decimals, lang)
            ),
            arah: direction(g.better, g.diff),
            ilustrasi: report.row(keys::P0).is_some_and(|r| r.figure.illustrative),
        });
    }
    out
}

/// `["A: BPS x", "B: BPS x", "A: news y"]` → `["BPS x (A, B)", "news y (A)"]`: one entry per
/// source, naming whose figures it gave, so a chart over many years and regions keeps a short
/// caption.
pub(super) fn group_sources(entries: &[String]) -> Vec<String> {
    let mut by_source: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for entry in entries {
        let (name, source) = entry.split_once(": ").unwrap_or(("", entry.as_str()));
        let names = by_source.entry(source).or_default();
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    by_source
        .into_iter()
        .map(|(source, names)| {
            if names.is_empty() {
                source.to_string()
            } else {
                format!("{source} ({})", names.join(", "))
            }
        })
        .collect()
}

/// A chart in words; with the report's year and language, a chart of old figures is flagged.
pub(super) fn chart_view(spec: ChartSpec, report: Option<(i32, Lang)>) -> ChartView {
    let angka_lama = report.and_then(|(year, lang)| {
        spec.old_since(year).map(|latest| {
            let t = words::strings(lang);
            format!(
                "{} {latest}, {} {} {year}.",
                t.angka_lama_awal,
                year - latest,
                t.angka_lama_akhir
            )
        })
    });
    ChartView {
        nomor: String::new(),
        angka_lama,
        json: charts::with_extras(&spec.chart, &spec.extras),
        tinggi: spec.height,
        id: spec.id,
        judul: spec.title,
        sumber: group_sources(&spec.sources),
        seri: spec.series,
        tabel: spec.table,
    }
}

/// The annual report in words: a projection of [`Report`].
pub fn report(report: &Report) -> ReportView {
    let (site, region, year) = (report.site, report.region, report.year);
    let lang = site.config.lang;
    let series = &region.series;
    let (province, nation) = (report.province, report.nation);
    let link = |y: i32| YearLink {
        tahun: y,
        href: format!("../{y}/index.html"),
    };
    let indikator = report
        .indicators
        .iter()
        .map(|row| IndicatorRow {
            label: row.indicator.label(lang).to_string(),
            satuan_label: row.indicator.unit.label(lang),
            nilai: figure_of(row.figure, row.indicator),
            perubahan: row.change.clone().map(ChangeView::from),
            sumber: row.figure.shown_source(lang).to_string(),
        })
        .collect();
    let mut sumber_pembanding = Vec::new();
    let pembanding = report
        .indicators
        .iter()
        .filter(|row| row.compared())
        .map(|row| {
            let i = row.indicator;
            for (r, f) in [(province, row.province), (nation, row.nation)] {
                if let (Some(r), Some(f)) = (r, f) {
                    sumber_pembanding.push(format!("{}: {}", r.name, f.shown_source(lang)));
                }
            }
            ComparisonRow {
                label: i.label(lang).to_string(),
                satuan_label: i.unit.label(lang),
                wilayah: figure_of(row.figure, i),
                provinsi: row.province.map(|f| figure_of(f, i)),
                nasional: row.nation.map(|f| figure_of(f, i)),
            }
        })
        .collect();
    sumber_pembanding.sort();
    sumber_pembanding.dedup();

    let narratives = region
        .narratives
        .get(&year)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let mut analyses = findings::by_chapter(report);
    let report_charts = charts::report_charts(report);
    let ada_grafik = !report_charts.charts.is_empty();
    let mut charts_by_chapter: BTreeMap<Chapter, Vec<ChartView>> = BTreeMap::new();
    for spec in report_charts.charts {
        charts_by_chapter
            .entry(spec.chapter)
            .or_default()
            .push(chart_view(spec, Some((year, site.config.lang))));
    }
    let mut omitted_by_chapter: BTreeMap<Chapter, Vec<OmittedView>> = BTreeMap::new();
    for o in report_charts.omitted {
        omitted_by_chapter
            .entry(o.chapter)
            .or_default()
            .push(OmittedView {
                judul: o.title,
                catatan: o.note,
            });
    }
    let sections = annual::sections(report);
    if let Some(p) = &sections.program {
        let said = analyses.entry(Chapter::Program).or_default();
        for (i, sentence) in std::iter::once(&p.kalimat)
            .chain(&p.masalah_kalimat)
            .enumerate()
        {
            said.insert(i, sentence.clone());
        }
    }
    let pockets_said = sections.kantong.as_ref().and_then(|k| k.kalimat.clone());
    let decile_said = report
        .pockets
        .and_then(|(_, p)| crate::words::sentences::decile_one(p, lang));
    let districts_said = sections
        .program
        .as_ref()
        .map_or(&[][..], |p| p.kecamatan_kalimat.as_slice());
    let said = analyses.entry(Chapter::Kantong).or_default();
    for (i, sentence) in pockets_said
        .iter()
        .chain(&decile_said)
        .chain(districts_said)
        .enumerate()
    {
        said.insert(i, sentence.clone());
    }
    let t = words::strings(lang);
    let target = if report.show_targets {
        targets(site, region)
    } else {
        Vec::new()
    };
    // The computed tables of each chapter, in the order the template shows them.
    let computed_tables = |chapter: Chapter| -> Vec<(&'static str, String)> {
        let program = sections.program.as_ref();
        let institution = sections.kelembagaan.as_ref();
        match chapter {
            Chapter::Profil => vec![(
                "tabel-indikator",
                format!("{}, {}, {year}", t.tabel_indikator, region.name),
            )],
            Chapter::PosisiRelatif if report.indicators.iter().any(|r| r.compared()) => {
                vec![("tabel-pembanding", format!("{} ({year})", t.pembanding))]
            }
            Chapter::Determinan => [
                (
                    "tabel-determinan",
                    format!("{}, {}, {year}", t.layanan_dasar, region.name),
                    !report.determinants.is_empty(),
                ),
                (
                    "tabel-desil",
                    sections.desil.as_ref().map_or(String::new(), |d| {
                        format!("{} ({}), {}, {year}", t.layanan_desil, d.data, region.name)
                    }),
                    sections.desil.is_some(),
                ),
            ]
            .into_iter()
            .filter(|(_, _, shown)| *shown)
            .map(|(id, title, _)| (id, title))
            .collect(),
            Chapter::CapaianTarget if !target.is_empty() => {
                vec![("tabel-target", t.target_rpjmd.to_string())]
            }
            Chapter::Program if let Some(p) = program => [
                ("tabel-strategi", t.strategi, true),
                ("tabel-tagging", t.tagging, true),
                ("tabel-opd", t.opd, true),
                ("tabel-sumber-dana", t.sumber_dana, true),
                (
                    "tabel-masalah-program",
                    t.masalah_prioritas,
                    !p.masalah.is_empty(),
                ),
            ]
            .into_iter()
            .filter(|(_, _, shown)| *shown)
            .map(|(id, by, _)| (id, format!("{} {year}: {by}", t.ringkasan_anggaran)))
            .collect(),
            Chapter::Lampiran if program.is_some() => vec![(
                "tabel-rincian-program",
                format!("{} {year}", t.rincian_program),
            )],
            Chapter::Kantong => sections
                .kantong
                .as_ref()
                .map(|k| {
                    (
                        "tabel-kantong",
                        format!("{} ({})", t.desa_prioritas, k.tahun_pemetaan),
                    )
                })
                .into_iter()
                .chain(program.filter(|p| !p.kecamatan.is_empty()).map(|_| {
                    (
                        "tabel-kecamatan-program",
                        format!("{} {year}: {}", t.ringkasan_anggaran, t.kecamatan_lokasi),
                    )
                }))
                .collect(),
            Chapter::Kelembagaan => institution
                .map(|k| {
                    [
                        ("tabel-dokumen", t.dokumen, !k.dokumen.is_empty()),
                        ("tabel-rapat", t.rapat, !k.rapat.is_empty()),
                        ("tabel-laporan", t.laporan_terkirim, !k.laporan.is_empty()),
                        ("tabel-verifikasi", t.verifikasi, !k.verifikasi.is_empty()),
                    ]
                    .into_iter()
                    .filter(|(_, _, shown)| *shown)
                    .map(|(id, title, _)| (id, title.to_string()))
                    .collect()
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    };
    let mut daftar_tabel = Vec::new();
    let mut daftar_gambar = Vec::new();
    let mut bab = Vec::new();
    // The front matter (Kata Pengantar, Ringkasan Eksekutif) has no chapter number: its tables
    // are counted across it, Tabel 1, Tabel 2, …, so that no two share a number.
    let mut front_tables = 0;
    for chapter in Chapter::ALL {
        // `3.` in BAB III, `L.` in the annexes, nothing in the front matter.
        let prefix = match chapter.number() {
            Some(n) => format!("{n}."),
            None if chapter == Chapter::Lampiran => "L.".to_string(),
            None => String::new(),
        };
        let mut chapter_tables = 0;
        let tables = if chapter.is_front() {
            &mut front_tables
        } else {
            &mut chapter_tables
        };
        let mut next_table = |title: String, id: String| {
            *tables += 1;
            let n = Numbered {
                id,
                nomor: format!("{} {prefix}{}", t.tabel, *tables),
                judul: title,
            };
            daftar_tabel.push(n.clone());
            n
        };
        let tabel: BTreeMap<&'static str, Numbered> = computed_tables(chapter)
            .into_iter()
            .map(|(id, title)| (id, next_table(title, id.to_string())))
            .collect();
        let mut grafik = charts_by_chapter.remove(&chapter).unwrap_or_default();
        for (k, g) in grafik.iter_mut().enumerate() {
            g.nomor = format!("{} {prefix}{}", t.gambar, k + 1);
            daftar_gambar.push(Numbered {
                id: g.id.clone(),
                nomor: g.nomor.clone(),
                judul: g.judul.clone(),
            });
        }
        let narasi: Vec<NarrativeView> = narratives
            .iter()
            .enumerate()
            .filter(|(_, n)| n.chapter == Some(chapter))
            .map(|(i, n)| {
                let prefix = format!("narasi-{}", i + 1);
                let mut count = 0;
                let html = markdown::to_html(
                    &n.markdown,
                    &prefix,
                    &format!("{}: {}", t.tabel_narasi, n.title),
                    &mut |caption| {
                        count += 1;
                        let numbered = next_table(
                            caption.unwrap_or(&n.title).to_string(),
                            format!("{prefix}-tabel-{count}"),
                        );
                        let whole = format!("{} {}", numbered.nomor, numbered.judul);
                        (numbered.id, whole)
                    },
                );
                NarrativeView {
                    judul: n.title.clone(),
                    html,
                    ilustrasi: n.illustrative,
                    sumber: n.source.clone(),
                    berkas: n.file_name.clone(),
                }
            })
            .collect();
        // The text names the chapter's computed tables and figures by their numbers.
        let mut analisis = analyses.remove(&chapter).unwrap_or_default();
        let number_of = |nomor: &str| nomor.rsplit(' ').next().unwrap_or("").to_string();
        let computed_numbers: Vec<String> = computed_tables(chapter)
            .iter()
            .filter_map(|(id, _)| tabel.get(id).map(|n| number_of(&n.nomor)))
            .collect();
        let figure_numbers: Vec<String> = grafik.iter().map(|g| number_of(&g.nomor)).collect();
        if let Some(sentence) = sentences::exhibits(&computed_numbers, &figure_numbers, lang) {
            analisis.push(sentence);
        }
        bab.push(ChapterView {
            kunci: chapter.key(),
            nomor: chapter.number().map(roman).unwrap_or_default(),
            label: match chapter.number() {
                Some(n) => format!("{} {}", t.bab, roman(n)),
                None => String::new(),
            },
            judul: chapter.title(lang).to_string(),
            depan: chapter.is_front(),
            kosong: !report.has_content(chapter),
            tabel,
            analisis,
            grafik,
            grafik_tidak_ada: omitted_by_chapter.remove(&chapter).unwrap_or_default(),
            narasi,
        });
    }
    // Narratives that name no chapter stand before the closing chapter, unnumbered.
    let loose: Vec<NarrativeView> = narratives
        .iter()
        .enumerate()
        .filter(|(_, n)| n.chapter.is_none())
        .map(|(i, n)| {
            // Unnumbered (the section has no chapter number), each with an id of its own.
            let mut count = 0;
            NarrativeView {
                judul: n.title.clone(),
                html: markdown::to_html(
                    &n.markdown,
                    &format!("narasi-{}", i + 1),
                    &format!("{}: {}", t.tabel_narasi, n.title),
                    &mut |caption| {
                        count += 1;
                        (
                            format!("narasi-{}-tabel-{count}", i + 1),
                            caption.unwrap_or(&n.title).to_string(),
                        )
                    },
                ),
                ilustrasi: n.illustrative,
                sumber: n.source.clone(),
                berkas: n.file_name.clone(),
            }
        })
        .collect();
    if !loose.is_empty() {
        let closing = bab
            .iter()
            .position(|c| c.kunci == Chapter::Penutup.key())
            .unwrap_or(bab.len());
        bab.insert(
            closing,
            ChapterView {
                kunci: "uraian",
                nomor: String::new(),
                label: String::new(),
                judul: t.uraian_lain.to_string(),
                depan: false,
                kosong: false,
                tabel: BTreeMap::new(),
                analisis: Vec::new(),
                grafik: Vec::new(),
                grafik_tidak_ada: Vec::new(),
                narasi: loose,
            },
        );
    }
    let judul_halaman = format!(
        "{} {} {year}",
        words::strings(lang).laporan_tahunan,
        region.name
    );

    let dokumen = DocumentView {
        judul_resmi: t.judul_lp2kd,
        tim: format!("{} {}", t.tim_koordinasi, region.name),
        lambang: region.emblem.clone().or_else(|| site.config.emblem.clone()),
        pengesahan: report.approval().map(|a| ApprovalView {
            tempat: a.place.clone(),
            tanggal: a.date.long(lang),
            jabatan: a.position.clone(),
            nama: a.name.clone(),
            pangkat: a.rank.clone(),
            nip: a.nip.clone(),
            ilustrasi: a.illustrative,
        }),
        daftar_tabel,
        daftar_gambar,
        singkatan: site.config.abbreviations.clone(),
    };
    ReportView {
        dokumen,
        judul_cetak_css: css_string(&format!("{} · LP2KD {year}", region.name)),
        judul_halaman,
        wilayah: header(site, region),
        tahun: year,
        sebelumnya: report.previous.map(link),
        berikutnya: report.next.map(link),
        ubin: tiles(report),
        angka_ilustrasi: report.indicators.iter().any(|r| r.illustrative()),
        determinan: report
            .determinants
            .iter()
            .map(|d| {
                let i = d.indicator;
                let at = |r: Option<&crate::model::Reference>| {
                    r.and_then(|r| r.series.get(year, &i.key))
                        .map(|f| figure_of(f, i))
                };
                DeterminantRow {
                    label: i.label(lang).to_string(),
                    wilayah: figure_of(d.figure, i),
                    provinsi: at(province),
                    nasional: at(nation),
                    selisih_provinsi: d.province.as_ref().map(|g| g.diff),
                    prioritas: d.priority,
                }
            })
            .collect(),
        sumber_determinan: {
            let keys: Vec<&str> = report
                .determinants
                .iter()
                .map(|d| d.indicator.key.as_str())
                .collect();
            let mut s = series.sources(&keys, &[year], &region.name, lang);
            for r in [province, nation].into_iter().flatten() {
                s.extend(r.series.sources(&keys, &[year], &r.name, lang));
            }
            group_sources(&s)
        },
        indikator,
        pembanding,
        nama_provinsi: province.map(|p| p.name.clone()),
        nama_nasional: nation.map(|n| n.name.clone()),
        sumber_pembanding,
        target,
        sumber_target: series.target_source.clone().filter(|_| report.show_targets),
        ada_grafik,
        bab,
        program: sections.program,
        kantong: sections.kantong,
        desil: sections.desil,
        kelembagaan: sections.kelembagaan,
        penilaian_href: report
            .sheet
            .as_ref()
            .map(|_| "penilaian/index.html".to_string()),
        unduhan: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::css_string;
    use crate::base::format::roman;

    #[test]
    fn roman_numerals_for_chapters() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(12), "XII");
    }

    #[test]
    fn sources_are_grouped_by_source() {
        let entries: Vec<String> = ["A: BPS x", "B: BPS x", "A: news y", "A: BPS x"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            super::group_sources(&entries),
            vec!["BPS x (A, B)".to_string(), "news y (A)".to_string()]
        );
    }

    #[test]
    fn css_strings_cannot_break_out() {
        assert_eq!(css_string("Kota Kediri"), "Kota Kediri");
        let s = css_string("a\"b</style>");
        assert!(!s.contains('"') && !s.contains('<') && !s.contains('/'));
        assert!(s.starts_with("a\\000022 b"));
    }
}
