//! `tkpk build` on valid sites: the pages, their figures, links, determinism and output safety.

mod common;

use common::{TestSite, cell, snapshot, texts};
use std::collections::BTreeSet;

#[test]
fn sample_site_builds_every_page() {
    let site = TestSite::sample();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("selesai: "), "{}", run.stderr);
    assert!(run.stderr.contains(" halaman ditulis"), "{}", run.stderr);
    let out = site.output();
    assert!(out.join("index.html").is_file());
    assert!(out.join("assets/style.css").is_file());
    for slug in [
        "kabupaten-blitar",
        "kabupaten-blora",
        "kota-kediri",
        "kabupaten-balangan",
    ] {
        assert!(out.join(slug).join("index.html").is_file(), "{slug}");
    }
    // A report for every year with P0, with or without narratives.
    for year in [2015, 2016, 2020, 2021, 2022, 2023, 2024, 2025] {
        assert!(
            out.join(format!("kabupaten-blitar/{year}/index.html"))
                .is_file(),
            "{year}"
        );
    }
    assert!(out.join("kabupaten-balangan/2024/index.html").is_file());
    assert!(!out.join("kabupaten-blitar/2017").exists());
    // 2019 has an IPM figure only (and Kota Kediri 2017 likewise): no annual report, but the
    // overview still shows the figure, and no page links to a report that is not there.
    assert!(!out.join("kabupaten-blitar/2019").exists());
    assert!(!out.join("kota-kediri/2017").exists());
    let overview = site.page("kabupaten-blitar/index.html");
    assert!(texts(&overview, "table.lintas-tahun thead th").contains(&"2019".to_string()));
    let links: Vec<String> = overview
        .select(&scraper::Selector::parse("a[href]").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(!links.iter().any(|h| h.starts_with("2019/")), "{links:?}");
    let report_2020 = site.page("kabupaten-blitar/2020/index.html");
    let hrefs: Vec<String> = report_2020
        .select(&scraper::Selector::parse(".antar-tahun a[href]").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(!hrefs.iter().any(|h| h.contains("2019")), "{hrefs:?}");
}

#[test]
fn blitar_2025_report_shows_bps_figures_against_2024() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    let page = site.page("kabupaten-blitar/2025/index.html");
    let table = "table.indikator";
    let p0 = "Persentase penduduk miskin (P0)";
    let poor = "Jumlah penduduk miskin";
    assert_eq!(cell(&page, table, p0, 0).as_deref(), Some("7,57"));
    assert_eq!(cell(&page, table, p0, 2).as_deref(), Some("8,16 (2024)"));
    assert_eq!(cell(&page, table, p0, 3).as_deref(), Some("-0,59"));
    assert_eq!(cell(&page, table, p0, 4).as_deref(), Some("-7,23"));
    assert_eq!(cell(&page, table, poor, 0).as_deref(), Some("89,04"));
    assert_eq!(cell(&page, table, poor, 1).as_deref(), Some("ribu jiwa"));
    assert_eq!(cell(&page, table, poor, 2).as_deref(), Some("95,91 (2024)"));
    let tiles = texts(&page, ".ubin-satu");
    assert!(tiles[0].contains("7,57 persen"), "{tiles:?}");
    assert!(
        tiles[1].contains("-0,59 poin dibandingkan dengan 8,16 (2024)"),
        "{tiles:?}"
    );
    assert!(
        tiles[2].contains("89,04 ribu jiwa -6,87 ribu jiwa dibandingkan dengan 95,91 (2024)"),
        "{tiles:?}"
    );
    assert!(
        tiles[3].contains("Jarak ke target 2026 -1,31 poin"),
        "{tiles:?}"
    );
    assert!(
        tiles[4].contains("Terhadap Provinsi Jawa Timur -1,93 poin"),
        "{tiles:?}"
    );
    // The analyses, computed, in one sentence each.
    let summary = texts(&page, "#bab-ringkasan .analisis p");
    assert_eq!(
        summary[0],
        "Tingkat kemiskinan turun 0,59 persen poin, dari 8,16 persen (2024) menjadi 7,57 persen (2025); jumlah penduduk miskin berkurang 6,87 ribu jiwa."
    );
    // Sources are on the page, under the figures.
    let sources = texts(&page, "table.indikator td.sumber");
    assert!(sources.iter().all(|s| s.contains("BPS")), "{sources:?}");
    // Province and nation in the same year.
    let compare = texts(&page, "table.pembanding tbody tr");
    assert!(compare.iter().any(|r| r.contains("7,57")), "{compare:?}");
}

#[test]
fn jawa_timur_2022_uses_the_bps_release_not_the_news_quote() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    let page = site.page("kabupaten-blitar/2022/index.html");
    let row = cell(
        &page,
        "table.pembanding",
        "Persentase penduduk miskin (P0)",
        2,
    );
    assert_eq!(row.as_deref(), Some("10,38"));
    assert_eq!(
        cell(
            &page,
            "table.pembanding",
            "Persentase penduduk miskin (P0)",
            1
        )
        .as_deref(),
        Some("8,71")
    );
}

#[test]
fn index_groups_regions_by_province_with_latest_p0() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    let page = site.page("index.html");
    let provinces = texts(&page, "section.provinsi h2");
    assert_eq!(
        provinces,
        vec![
            "Provinsi Jawa Tengah",
            "Provinsi Jawa Timur",
            "Provinsi Kalimantan Selatan"
        ]
    );
    assert_eq!(
        cell(&page, "table", "Kabupaten Blitar", 1).as_deref(),
        Some("7,57")
    );
    assert_eq!(
        cell(&page, "table", "Kabupaten Blitar", 2).as_deref(),
        Some("-0,59 dibandingkan dengan 2024")
    );
    // Kota Kediri has no 2025 figure: its latest year stands.
    assert_eq!(
        cell(&page, "table", "Kota Kediri", 0).as_deref(),
        Some("2024")
    );
}

/// A site of a few regions opens with each one's headline: its latest P0 with the change, the
/// number of poor, the province and the nation the same year, links to the report and the
/// sheet, and its trend chart; the list follows, grouped by province.
#[test]
fn the_home_page_opens_with_each_regions_headline() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    let home = site.page("index.html");
    let cards = scraper::Selector::parse(".kartu-wilayah").unwrap();
    let names: Vec<String> = home
        .select(&cards)
        .map(|c| {
            c.select(&scraper::Selector::parse("h2").unwrap())
                .next()
                .unwrap()
                .text()
                .collect()
        })
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
    let blora = home
        .select(&cards)
        .find(|c| c.text().collect::<String>().contains("Kabupaten Blora"))
        .unwrap();
    let text = blora.text().collect::<Vec<_>>().join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "P0 terakhir (2025)",
        "10,58 persen",
        "-0,84 poin dibandingkan dengan 2024",
        "Jumlah penduduk miskin 92,01 ribu jiwa",
        "P0 Provinsi Jawa Tengah 9,48 persen",
        "P0 Indonesia 8,47 persen",
        "Laporan 2025",
        "Lembar penilaian kinerja 2025",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    assert_eq!(
        blora
            .select(&scraper::Selector::parse(".grafik-kanvas").unwrap())
            .count(),
        1
    );
    // The list still follows, by province, without the one-table form of a large site.
    assert_eq!(texts(&home, "section.provinsi h2 a").len(), 3);
    assert!(texts(&home, "#tabel-semua").is_empty());
}

/// `lambang:` in site.yaml: the emblem from `static/` beside the site's title on every page
/// (and in the footer); a missing file or a path outside `static/` is named at its place.
#[test]
fn the_emblem_stands_beside_the_title_on_every_page() {
    let site = TestSite::fixture("dasar");
    // A 1×1 PNG.
    let png: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0a, 0x49, 0x44,
        0x41, 0x54, 0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0d, 0x0a, 0x2d, 0xb4, 0, 0, 0, 0,
        0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];
    site.write("static/gambar/lambang.png", png);
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!("{config}lambang: gambar/lambang.png\n"),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read(site.output().join("gambar/lambang.png")).unwrap(),
        png
    );
    for (page, src) in [
        ("index.html", "gambar/lambang.png"),
        (
            "kabupaten-contoh/2025/index.html",
            "../../gambar/lambang.png",
        ),
    ] {
        let html = site.page(page);
        let img = scraper::Selector::parse(".kepala .identitas-situs img.lambang").unwrap();
        let found: Vec<&str> = html
            .select(&img)
            .filter_map(|i| i.value().attr("src"))
            .collect();
        assert_eq!(found, [src], "{page}");
    }
    let lines = config.lines().count() + 1;
    for (value, message) in [
        (
            "gambar/tidak-ada.png",
            "galat: berkas lambang `static/gambar/tidak-ada.png` tidak ada",
        ),
        (
            "../site.yaml",
            "galat: `lambang: ../site.yaml` bukan gambar di dalam folder `static/`",
        ),
    ] {
        site.write("site.yaml", format!("{config}lambang: {value}\n"));
        let run = site.build();
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stderr.contains(message), "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!("--> site.yaml:{lines}:10")),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("saran: simpan gambar lambang"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn region_overview_lists_every_year_and_report() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    let page = site.page("kabupaten-blitar/index.html");
    let years = texts(&page, "table.lintas-tahun thead th.angka");
    assert_eq!(years.first().map(String::as_str), Some("2015"));
    assert_eq!(years.last().map(String::as_str), Some("2025"));
    // Blora's fourteen years are two blocks of seven, every year once and in order; a block
    // lists only the indicators with a figure in its years (P1 starts in 2020).
    let blora = site.page("kabupaten-blora/index.html");
    let tables = scraper::Selector::parse("table.lintas-tahun").unwrap();
    let year = scraper::Selector::parse("thead th.angka").unwrap();
    let row = scraper::Selector::parse("tbody th").unwrap();
    let blocks: Vec<(Vec<String>, Vec<String>)> = blora
        .select(&tables)
        .map(|t| {
            let years = t
                .select(&year)
                .map(|th| th.text().next().unwrap().to_string())
                .collect();
            let rows = t
                .select(&row)
                .map(|th| th.text().collect::<String>())
                .collect();
            (years, rows)
        })
        .collect();
    let all: Vec<String> = blocks.iter().flat_map(|b| b.0.clone()).collect();
    assert_eq!(blocks.len(), 2, "{blocks:?}");
    assert!(blocks.iter().all(|b| b.0.len() == 7), "{blocks:?}");
    assert_eq!(all.first().map(String::as_str), Some("2009"));
    assert_eq!(all.last().map(String::as_str), Some("2025"));
    assert!(all.windows(2).all(|w| w[0] < w[1]), "{all:?}");
    let p1 = "Indeks kedalaman kemiskinan (P1)".to_string();
    assert!(
        !blocks[0].1.contains(&p1) && blocks[1].1.contains(&p1),
        "{blocks:?}"
    );
    let links = texts(&page, "ul.daftar-laporan a");
    assert!(links.contains(&"Laporan 2025".to_string()), "{links:?}");
    let targets = texts(&page, "section table tbody tr");
    assert!(
        targets
            .iter()
            .any(|t| t.contains("2026") && t.contains("8,88")),
        "{targets:?}"
    );
}

#[test]
fn links_are_relative_and_resolve_to_files() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    let out = site.output();
    let files = snapshot(&out);
    let sel = scraper::Selector::parse("a[href], link[href], script[src], img[src]").unwrap();
    let mut checked = 0;
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = scraper::Html::parse_document(std::str::from_utf8(bytes).unwrap());
        let dir = out.join(path).parent().unwrap().to_path_buf();
        for e in html.select(&sel) {
            let target = e.value().attr("href").or(e.value().attr("src")).unwrap();
            if target.starts_with('#') {
                continue;
            }
            assert!(
                !target.starts_with('/') && !target.contains("://"),
                "{path}: absolute link {target}"
            );
            let file = target.split('#').next().unwrap();
            assert!(
                [".html", ".css", ".js", ".xlsx", ".json", ".csv"]
                    .iter()
                    .any(|ext| file.ends_with(ext)),
                "{path}: link to a folder {target}"
            );
            assert!(dir.join(file).is_file(), "{path}: broken link {target}");
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

#[test]
fn two_builds_are_byte_identical() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    let first = snapshot(&site.output());
    assert_eq!(site.build().code, 0);
    assert_eq!(first, snapshot(&site.output()));
}

#[test]
fn a_broken_file_leaves_the_previous_output_untouched() {
    let site = TestSite::fixture("dasar");
    assert_eq!(site.build().code, 0);
    let before = snapshot(&site.output());
    site.write(
        "content/kabupaten-contoh/indikator.yaml",
        "sumber: BPS\ndata:\n  2025: {p0: \"7,57\"}\n",
    );
    let run = site.build();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("galat: angka `7,57` memakai koma desimal"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("--> content/kabupaten-contoh/indikator.yaml:3:14"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("gagal: 1 galat"), "{}", run.stderr);
    assert_eq!(before, snapshot(&site.output()));
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let site = TestSite::fixture("dasar");
    site.write("laporan-lama/catatan.docx", "penting");
    let run = site.run(&["build", "--output", "laporan-lama"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("bukan buatan tkpk"), "{}", run.stderr);
    assert_eq!(site.read("laporan-lama/catatan.docx"), "penting");
    let run = site.run(&["build", "--output", "content"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("tidak aman"), "{}", run.stderr);
    let run = site.run(&["build", "--output", "."]);
    assert_eq!(run.code, 1);
    assert!(
        site.root()
            .join("content/kabupaten-contoh/wilayah.yaml")
            .is_file()
    );
}

#[test]
fn build_writes_elsewhere_with_root_and_output() {
    let site = TestSite::fixture("dasar");
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("situs");
    let run = site.run(&[
        "build",
        "--root",
        site.root().to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(out.join("kabupaten-contoh/2025/index.html").is_file());
    assert!(out.join(".tkpk-output").is_file());
}

#[test]
fn check_validates_and_writes_nothing() {
    let site = TestSite::fixture("dasar");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("pemeriksaan selesai: 1 wilayah"),
        "{}",
        run.stderr
    );
    assert!(!site.output().exists());
    site.write("content/kabupaten-contoh/wilayah.yaml", "nama: X\n");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("kunci wajib `jenis` tidak ada"),
        "{}",
        run.stderr
    );
    assert!(!site.output().exists());
}

#[test]
fn help_and_version() {
    let site = TestSite::fixture("dasar");
    let run = site.run(&["--version"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("tkpk "), "{}", run.stdout);
    for args in [
        &["--help"][..],
        &["-h"],
        &["build", "--help"],
        &["check", "--help"],
        &["serve", "--help"],
        &["new", "--help"],
        &["impor", "--help"],
        &["pdf", "--help"],
    ] {
        let run = site.run(args);
        assert_eq!(run.code, 0, "{args:?}");
        assert!(
            run.stdout.contains("Cara pakai: tkpk"),
            "{args:?}: {}",
            run.stdout
        );
        for english in ["Usage", "Options", "Print help", "[default", "Commands"] {
            assert!(!run.stdout.contains(english), "{args:?}: {}", run.stdout);
        }
    }
    let build_help = site.run(&["build", "--help"]).stdout;
    assert!(build_help.contains("--root <FOLDER>") && build_help.contains("--output"));
    // A mistake on the command line: Indonesian, what to write, exit code 2, nothing else.
    let run = site.run(&["bild"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "galat: perintah `bild` tidak dikenal\n  saran: mungkin maksud Anda `tkpk build`?\n\n"
    );
    let run = site.run(&["build", "--rot", "x"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("opsi `--rot` tidak dikenal oleh `tkpk build`"),
        "{}",
        run.stderr
    );
    assert!(!site.output().exists());
}

#[test]
fn footnotes_of_two_narratives_on_one_page_are_unique() {
    let site = TestSite::fixture("dasar");
    assert_eq!(site.build().code, 0);
    let text =
        std::fs::read_to_string(site.output().join("kabupaten-contoh/2025/index.html")).unwrap();
    let html = scraper::Html::parse_document(&text);
    let sel = scraper::Selector::parse("[id]").unwrap();
    let ids: Vec<&str> = html.select(&sel).map(|e| e.value().id().unwrap()).collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "duplicate ids: {ids:?}");
    assert!(
        ids.iter().filter(|id| id.contains("fn-1")).count() >= 2,
        "{ids:?}"
    );
    // A narrative without `bab` still appears, in its own chapter.
    assert!(
        texts(&html, "h2")
            .iter()
            .any(|h| h.ends_with("Uraian Lain"))
    );
    // The only scripts are tkpk's own: the local runtime, the init script, the search box, the
    // wide-table hint and chart options.
    let scripts = scraper::Selector::parse("script").unwrap();
    for s in html.select(&scripts) {
        let src = s.value().attr("src");
        let kind = s.value().attr("type");
        assert!(
            matches!(
                src,
                Some(
                    "../../assets/echarts/echarts.min.js"
                        | "../../assets/tkpk-grafik.js"
                        | "../../assets/tkpk-cari.js"
                        | "../../assets/tkpk-tabel.js"
                )
            ) || (kind == Some("application/json") && src.is_none()),
            "foreign script: {:?}",
            s.value()
        );
    }
}

#[test]
fn a_site_theme_overrides_one_template_and_reports_template_errors() {
    let site = TestSite::fixture("dasar");
    site.write(
        "themes/default/templates/index.html",
        "{% extends \"base.html\" %}{% block content %}<h1 class=\"milik-situs\">{{ site.judul }}</h1>{% endblock content %}",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        texts(&site.page("index.html"), "h1.milik-situs"),
        vec!["Situs Uji tkpk"]
    );
    // The other templates are still the built-in ones.
    assert!(
        !texts(
            &site.page("kabupaten-contoh/2025/index.html"),
            "table.indikator"
        )
        .is_empty()
    );

    let before = snapshot(&site.output());
    site.write(
        "themes/default/templates/index.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ site.judul \n{% endblock content %}",
    );
    let run = site.build();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("themes/default/templates/index.html:"),
        "{}",
        run.stderr
    );
    assert_eq!(before, snapshot(&site.output()));
}

#[test]
fn warnings_do_not_fail_the_build() {
    let site = TestSite::fixture("dasar");
    site.write(
        "content/kabupaten-contoh/2019/01-lama.md",
        "---\njudul: Lama\n---\nTeks.\n",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("peringatan: ada narasi tahun 2019"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("1 peringatan"), "{}", run.stderr);
}

#[test]
fn chart_options_carry_the_source_figures() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    let page = site.page("kabupaten-blitar/2025/index.html");
    let sel = scraper::Selector::parse("script[type=\"application/json\"]").unwrap();
    let mut charts = std::collections::BTreeMap::new();
    for s in page.select(&sel) {
        let id = s.value().id().unwrap().to_string();
        let json: serde_json::Value = serde_json::from_str(&s.text().collect::<String>()).unwrap();
        charts.insert(id, json);
    }
    let trend = &charts["grafik-p0-opsi"];
    let years: Vec<String> = trend["xAxis"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let at = |series: usize, year: &str| {
        let i = years.iter().position(|y| y == year).unwrap();
        trend["series"][series]["data"][i].clone()
    };
    assert_eq!(trend["series"][0]["name"], "Kabupaten Blitar");
    assert_eq!(at(0, "2025"), serde_json::json!(7.57));
    assert_eq!(at(0, "2024"), serde_json::json!(8.16));
    assert_eq!(trend["series"][1]["name"], "Provinsi Jawa Timur");
    assert_eq!(at(1, "2022"), serde_json::json!(10.38));
    assert_eq!(trend["series"][2]["name"], "Indonesia");
    assert_eq!(at(2, "2022"), serde_json::json!(9.54));
    assert_eq!(trend["series"][3]["name"], "Target RPJMD");
    assert_eq!(at(3, "2026"), serde_json::json!(8.88));
    assert_eq!(
        at(0, "2017"),
        serde_json::Value::Null,
        "a missing year is a gap"
    );
    let poor = &charts["grafik-jumlah-miskin-opsi"];
    assert_eq!(
        poor["series"][0]["data"],
        serde_json::json!([113.51, 95.91, 89.04])
    );
    // The rank chart places Blitar among every kab/kota of the province with a P0 for 2025:
    // the site's own and the sample's comparison regions (content/referensi/jawa-timur.yaml),
    // highest first.
    let rank = &charts["grafik-urutan-opsi"];
    assert_eq!(
        rank["yAxis"]["data"],
        serde_json::json!([
            "Kabupaten Trenggalek",
            "Kabupaten Magetan",
            "Kabupaten Ponorogo",
            "Kabupaten Jember",
            "Kabupaten Lumajang",
            "Kabupaten Blitar",
            "Kota Blitar"
        ])
    );
    let values: Vec<f64> = rank["series"][0]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.get("value").unwrap_or(d).as_f64().unwrap())
        .collect();
    assert_eq!(values, [10.29, 9.14, 8.86, 8.67, 8.6, 7.57, 6.6]);
    assert!(!trend.to_string().contains("function"));
}

#[test]
fn no_page_loads_anything_from_a_network() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    for (path, bytes) in snapshot(&site.output()) {
        if !(path.ends_with(".html") || path.ends_with(".css")) {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        let html = scraper::Html::parse_document(&text);
        let sel = scraper::Selector::parse("script[src], link[href], img[src]").unwrap();
        for e in html.select(&sel) {
            let target = e.value().attr("src").or(e.value().attr("href")).unwrap();
            assert!(!target.contains("//"), "{path}: {target}");
        }
        assert!(!text.contains("@import"), "{path}");
    }
    let runtime = site.output().join("assets/echarts/echarts.min.js");
    assert!(runtime.is_file());
    let licence = std::fs::read_to_string(site.output().join("assets/echarts/LICENSE")).unwrap();
    assert!(licence.contains("Apache License"));
}

#[test]
fn the_samples_sentences_stay_as_written() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    let mut all = String::new();
    for page in [
        "kabupaten-blitar/2025/index.html",
        "kabupaten-blitar/2022/index.html",
        "kabupaten-blora/2025/index.html",
        // The quadrant of a change equal to the province's (a tie, said to be one).
        "kabupaten-blora/2022/index.html",
        "kota-kediri/2024/index.html",
        "kabupaten-balangan/2024/index.html",
    ] {
        all.push_str(&format!("# {page}\n"));
        for s in texts(&site.page(page), ".analisis p") {
            all.push_str(&s);
            all.push('\n');
        }
        for s in texts(&site.page(page), ".grafik-tidak-ada") {
            all.push_str(&format!("[{s}]\n"));
        }
    }
    insta::assert_snapshot!(all);
}

#[test]
fn an_english_site_gets_english_messages_numbers_and_pages() {
    let site = TestSite::fixture("dasar");
    site.write(
        "site.yaml",
        "judul: Test site\nbahasa: en\ntahun_laporan: 2025\n",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.starts_with("done: "), "{}", run.stderr);
    let page = site.page("kabupaten-contoh/2025/index.html");
    assert_eq!(
        cell(&page, "table.indikator", "Number of poor people", 0).as_deref(),
        Some("89.04")
    );
    let summary = texts(&page, "#bab-ringkasan .analisis p");
    assert!(
        summary[0].starts_with("The poverty rate fell by 0.59 percentage points"),
        "{summary:?}"
    );
    site.write(
        "content/kabupaten-contoh/indikator.yaml",
        "sumbr: x\ndata:\n  2025: {p0: \"7,57\"}\n",
    );
    let run = site.build();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("error: unknown key `sumbr`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("help: did you mean `sumber`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: the number `7,57` uses a decimal comma"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("failed: 2 errors"), "{}", run.stderr);
    site.write(
        "content/kabupaten-contoh/indikator.yaml",
        "sumber: BPS\ndata:\n  2025: {p0: [1], p1: -3}\n",
    );
    let run = site.build();
    assert!(
        run.stderr
            .contains("error: wrong kind of value: expected a number, found [1]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: p1 = -3.00 is impossible: it cannot be negative"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("galat") && !run.stderr.contains("saran"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_linked_content_or_theme_folder_is_refused() {
    let site = TestSite::fixture("dasar");
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::rename(
        site.root().join("content"),
        elsewhere.path().join("content"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        elsewhere.path().join("content"),
        site.root().join("content"),
    )
    .unwrap();
    let run = site.build();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("tautan simbolik (symlink) tidak diizinkan"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--> content\n"), "{}", run.stderr);

    let site = TestSite::fixture("dasar");
    let theme = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(theme.path().join("templates")).unwrap();
    std::fs::create_dir_all(site.root().join("themes")).unwrap();
    std::os::unix::fs::symlink(theme.path(), site.root().join("themes/default")).unwrap();
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("--> themes/default"), "{}", run.stderr);
}

#[test]
fn a_site_cannot_redefine_a_built_in_indicator() {
    let site = TestSite::fixture("dasar");
    site.write(
        "site.yaml",
        "judul: Uji\nindikator:\n  - kunci: p0\n    label: Persentase\n    satuan: rupiah_kapita_bulan\n",
    );
    let run = site.build();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("indikator `p0` sudah ada di katalog bawaan"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--> site.yaml:3:12"), "{}", run.stderr);
}

#[test]
fn narrative_html_cannot_hijack_a_chart() {
    let site = TestSite::fixture("dasar");
    site.write(
        "content/kabupaten-contoh/2025/00-mentah.md",
        "---\njudul: Mentah\nbab: pendahuluan\n---\n<div id=\"grafik-p0-opsi\">bajak</div>\n\n<img src=\"https://pelacak.example/p.png\">\n",
    );
    assert_eq!(site.build().code, 0);
    let text =
        std::fs::read_to_string(site.output().join("kabupaten-contoh/2025/index.html")).unwrap();
    assert_eq!(text.matches("id=\"grafik-p0-opsi\"").count(), 1);
    assert!(!text.contains("bajak") && !text.contains("pelacak.example"));
}

#[test]
fn a_base_url_adds_a_sorted_sitemap_and_robots() {
    let site = TestSite::fixture("dasar");
    assert_eq!(site.build().code, 0);
    assert!(!site.output().join("sitemap.xml").exists());
    site.write(
        "site.yaml",
        "judul: Situs Uji tkpk\ntahun_laporan: 2025\nbase_url: https://tkpk.contoh.go.id/laporan\n",
    );
    assert_eq!(site.build().code, 0);
    let xml = std::fs::read_to_string(site.output().join("sitemap.xml")).unwrap();
    let locs: Vec<&str> = xml
        .lines()
        .filter_map(|l| l.trim().strip_prefix("<url><loc>"))
        .map(|l| l.trim_end_matches("</loc></url>"))
        .collect();
    let pages = snapshot(&site.output())
        .keys()
        .filter(|p| p.ends_with(".html"))
        .count();
    assert_eq!(locs.len(), pages);
    let mut sorted = locs.clone();
    sorted.sort_unstable();
    assert_eq!(locs, sorted);
    assert!(locs.contains(&"https://tkpk.contoh.go.id/laporan/kabupaten-contoh/2025/"));
    let robots = std::fs::read_to_string(site.output().join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://tkpk.contoh.go.id/laporan/sitemap.xml"));
    // A base_url that is not http(s) is an error at its line.
    site.write("site.yaml", "judul: Uji\nbase_url: tkpk.contoh.go.id\n");
    let run = site.build();
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("--> site.yaml:2:11"), "{}", run.stderr);
}

#[test]
fn the_sample_in_english_has_no_indonesian_page_words() {
    let site = TestSite::sample();
    let config = site.read("site.yaml").replace("bahasa: id", "bahasa: en");
    assert!(config.contains("bahasa: en"));
    site.write("site.yaml", config);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Words of the tool itself (not of the authored narratives and sources).
    let tool_parts = "nav, .bab > h2, .analisis p, th[scope=col], .ubin-label, .ubin-ubah, \
                      .grafik-judul, .grafik-tidak-ada, .daftar-isi, .kaki, caption, .identitas dt";
    let indonesian = [
        "Beranda",
        "Daftar Isi",
        "Ringkasan",
        "dibanding",
        "Tahun",
        "Indikator",
        "Sumber",
        "persen",
        "poin",
        "turun",
        "naik",
        "Perubahan",
        "Kuadran",
        "Grafik",
        "ribu jiwa",
        "Capaian",
        "Laporan Penanggulangan",
    ];
    let mut pages = 0;
    for (path, bytes) in snapshot(&site.output()) {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = scraper::Html::parse_document(std::str::from_utf8(&bytes).unwrap());
        for text in texts(&html, tool_parts) {
            let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
            for word in indonesian {
                let found = if word.contains(' ') || word.contains('(') {
                    text.contains(word)
                } else {
                    words.contains(&word)
                };
                assert!(!found, "{path}: `{word}` in {text:?}");
            }
        }
    }
    assert!(pages > 40);
    let report = site.page("kabupaten-blitar/2025/index.html");
    assert_eq!(
        cell(&report, "table.indikator", "Poverty rate (P0)", 0).as_deref(),
        Some("7.57")
    );
    // The built-in scheme's names are in English too (the regulation keeps its own name).
    let sheet = std::fs::read_to_string(
        site.output()
            .join("kabupaten-blitar/2025/penilaian/index.html"),
    )
    .unwrap();
    for english in [
        "Regional performance",
        "Budget allocation and realisation",
        "Evaluation of regional government performance",
    ] {
        assert!(sheet.contains(english), "`{english}` not on the sheet");
    }
    for indonesian in [
        "Kinerja daerah",
        "Alokasi dan realisasi anggaran",
        "Sejak Instruksi",
    ] {
        assert!(
            !sheet.contains(indonesian),
            "`{indonesian}` on the English sheet"
        );
    }
}

/// Effectiveness depends on the region's own two figures: it is stated even when neither the
/// province nor the nation has a figure for the year to compare with.
#[test]
fn effectiveness_is_stated_without_the_references_figures() {
    let site = TestSite::fixture("dasar");
    for (file, name) in [
        ("content/referensi/jawa-timur.yaml", "Provinsi Jawa Timur"),
        ("content/referensi/indonesia.yaml", "Indonesia"),
    ] {
        let text = site.read(file);
        let without_2025: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("2025:"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_ne!(text, without_2025, "{name}: no 2025 line to take out");
        site.write(file, without_2025);
    }
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let analyses = texts(
        &site.page("kabupaten-contoh/2025/index.html"),
        ".analisis p",
    );
    assert!(
        analyses
            .iter()
            .any(|s| s == "Perubahan 2024–2025 P0 efektif (membaik dari angka sebelumnya)."),
        "{analyses:#?}"
    );
    assert!(
        analyses
            .iter()
            .any(|s| s.starts_with("Relevansi terhadap Provinsi Jawa Timur belum dapat dinilai")),
        "{analyses:#?}"
    );
}

/// A year with figures but no P0 gets no annual report; its narrative and its programmes are
/// not lost without a word: the build warns about each, naming the file.
#[test]
fn a_year_without_p0_gets_no_report_and_its_files_are_named() {
    let site = TestSite::fixture("dasar");
    let file = "content/kabupaten-contoh/indikator.yaml";
    let text = site.read(file);
    site.write(
        file,
        text.replace("data:\n", "data:\n  2022: {ipm: 72.1}\n"),
    );
    site.write(
        "content/kabupaten-contoh/2022/01-profil.md",
        "---\njudul: Profil 2022\n---\nUraian.\n",
    );
    site.write(
        "content/kabupaten-contoh/2022/program.yaml",
        "sumber: Uji\nprogram:\n  - {strategi: 1, opd: Dinas Sosial, sub_kegiatan: Bantuan, tagging: langsung, alokasi: 1000000}\n",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!site.output().join("kabupaten-contoh/2022").exists());
    for (what, path) in [
        ("narasi", "content/kabupaten-contoh/2022/01-profil.md"),
        ("data", "content/kabupaten-contoh/2022/program.yaml"),
    ] {
        let warning = format!(
            "peringatan: ada {what} tahun 2022, tetapi tidak ada angka P0 tahun 2022 di `indikator.yaml`"
        );
        let at = run
            .stderr
            .find(&warning)
            .unwrap_or_else(|| panic!("{warning}\n{}", run.stderr));
        assert!(
            run.stderr[at..].lines().nth(1).unwrap().ends_with(path),
            "{}",
            run.stderr
        );
    }
    let overview = site.page("kabupaten-contoh/index.html");
    assert!(texts(&overview, "table.lintas-tahun thead th").contains(&"2022".to_string()));
}

/// A chart whose latest figure is more than three years before the report says so on the
/// chart: Kabupaten Blitar's P1/P2 and poverty line stop in 2016, its P0 runs to 2025.
#[test]
fn old_figures_are_flagged_on_their_chart() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    let page = site.page("kabupaten-blitar/2025/index.html");
    for id in ["grafik-p1-p2", "grafik-garis-kemiskinan"] {
        let flag = texts(&page, &format!("#{id} .angka-lama"));
        assert_eq!(
            flag,
            vec![
                "Angka lama Angka terakhir grafik ini dari tahun 2016, 9 tahun sebelum tahun laporan 2025."
            ],
            "{id}"
        );
    }
    for id in ["grafik-p0", "grafik-jumlah-miskin", "grafik-urutan"] {
        assert!(
            texts(&page, &format!("#{id} .angka-lama")).is_empty(),
            "{id}"
        );
    }
    // The 2020 report is four years on from 2016: flagged; the 2016 report itself is not.
    let page = site.page("kabupaten-blitar/2020/index.html");
    assert_eq!(texts(&page, "#grafik-p1-p2 .angka-lama").len(), 1);
    let page = site.page("kabupaten-blitar/2016/index.html");
    assert!(texts(&page, ".angka-lama").is_empty());
}

/// `periode:` names the survey round of a year whose figures are not from March, wherever the
/// year is shown: the tile, the change sentence (which says the two are not fully comparable),
/// the previous-figure column and the overview; a period for a year without figures is a
/// warning, an empty one an error at its place.
#[test]
fn a_survey_round_other_than_march_is_named_with_its_year() {
    let site = TestSite::fixture("dasar");
    let file = "content/kabupaten-contoh/indikator.yaml";
    let text = site.read(file);
    site.write(file, format!("{text}periode: {{2023: Juli}}\n"));
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = site.page("kabupaten-contoh/2024/index.html");
    let sentence = texts(&report, ".analisis p")
        .into_iter()
        .find(|s| s.starts_with("Tingkat kemiskinan turun"))
        .unwrap();
    assert!(
        sentence.starts_with(
            "Tingkat kemiskinan turun 0,53 persen poin, dari 8,69 persen (Juli 2023) menjadi 8,16 persen (2024); kedua angka berasal dari putaran survei yang berbeda (Juli dan Maret), sehingga tidak sepenuhnya sebanding"
        ),
        "{sentence}"
    );
    assert_eq!(
        cell(
            &report,
            "table.indikator",
            "Persentase penduduk miskin (P0)",
            2
        )
        .as_deref(),
        Some("8,69 (Juli 2023)")
    );
    let earlier = site.page("kabupaten-contoh/2023/index.html");
    assert!(texts(&earlier, ".ubin-satu")[0].contains("Juli 2023"));
    let overview = site.page("kabupaten-contoh/index.html");
    assert!(
        texts(&overview, "table.lintas-tahun thead th").contains(&"2023Juli".to_string()),
        "{:?}",
        texts(&overview, "table.lintas-tahun thead th")
    );
    // The March years keep their plain year.
    let latest = site.page("kabupaten-contoh/2025/index.html");
    assert!(texts(&latest, ".ubin-satu")[0].contains("Maret 2025"));

    site.write(
        file,
        format!("{text}periode: {{2019: Juli, 2024: \" \"}}\n"),
    );
    let run = site.run(&["check"]);
    assert_ne!(run.code, 0);
    let lines = text.lines().count() + 1;
    assert!(
        run.stderr.contains(&format!(
            "peringatan: periode survei tahun 2019 ditulis, tetapi tahun 2019 tidak punya angka di `data:`\n  --> {file}:{lines}:11"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!(
            "galat: periode survei kosong; tulis teks pendek (paling banyak 40 huruf)\n  --> {file}:{lines}:29"
        )),
        "{}",
        run.stderr
    );
}

/// Two builds into one output at once (two terminals, a script and a person): the second waits
/// for the first, both finish, and the output is one complete build, equal to a clean one, with
/// nothing left beside it but the lock file. `--tanpa-tunggu` refuses instead of waiting.
#[test]
fn two_builds_at_once_give_one_complete_output() {
    let site = TestSite::fixture("dasar");
    assert_eq!(site.build().code, 0);
    let clean = snapshot(&site.output());
    let tkpk = env!("CARGO_BIN_EXE_tkpk");
    for round in 0..5 {
        let spawn = || {
            std::process::Command::new(tkpk)
                .arg("build")
                .current_dir(site.root())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "round {round}: {stderr}");
            assert!(stderr.contains("selesai: "), "round {round}: {stderr}");
        }
        assert!(snapshot(&site.output()) == clean, "round {round}");
        let beside: Vec<String> = std::fs::read_dir(site.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("output."))
            .collect();
        assert_eq!(beside, vec!["output.tkpk-kunci"], "round {round}");
    }
    // While one build holds the output, `--tanpa-tunggu` refuses and leaves it untouched.
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(site.root().join("output.tkpk-kunci"))
        .unwrap();
    lock.lock().unwrap();
    let run = site.run(&["build", "--tanpa-tunggu"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("galat: build lain sedang menulis ke folder keluaran"),
        "{}",
        run.stderr
    );
    assert!(snapshot(&site.output()) == clean);
    drop(lock);
}

/// Files for hosting (a `CNAME`, `.htaccess`, `.well-known/`) live in `static/` and are copied
/// as they are into every build, dot files and folders included; one that would take the name
/// of a file tkpk writes, or a link, fails the build at its path and leaves the output as it
/// was.
#[test]
fn files_in_static_are_copied_into_every_build() {
    let site = TestSite::fixture("dasar");
    site.write("static/CNAME", "tkpk.contoh.go.id\n");
    site.write("static/.htaccess", "Options -Indexes\n");
    site.write(
        "static/.well-known/security.txt",
        "Contact: mailto:bappeda@contoh.go.id\n",
    );
    site.write(
        "static/berkas/sk-tkpk.pdf",
        [0x25u8, 0x50, 0x44, 0x46, 0x00, 0xff],
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = site.output();
    for (rel, bytes) in [
        ("CNAME", &b"tkpk.contoh.go.id\n"[..]),
        (".htaccess", b"Options -Indexes\n"),
        (
            ".well-known/security.txt",
            b"Contact: mailto:bappeda@contoh.go.id\n",
        ),
        ("berkas/sk-tkpk.pdf", &[0x25, 0x50, 0x44, 0x46, 0x00, 0xff]),
    ] {
        assert_eq!(std::fs::read(out.join(rel)).unwrap(), bytes, "{rel}");
    }
    // Still there after the next build (the output is rewritten, static/ copied again).
    assert_eq!(site.build().code, 0);
    assert!(out.join("CNAME").is_file());
    let before = snapshot(&out);
    // A file that takes the name of one of tkpk's: refused at its path, nothing replaced.
    site.write("static/index.html", "<p>beranda lain</p>");
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat: berkas ini bernama sama dengan berkas yang ditulis tkpk sendiri (`index.html` di folder keluaran)\n  --> static/index.html"
        ),
        "{}",
        run.stderr
    );
    assert!(snapshot(&out) == before);
    site.remove("static/index.html");
    // The same without regard to case (Windows and macOS disks), a file where tkpk writes a
    // folder, and tkpk's own mark.
    for name in ["Index.HTML", "provinsi", ".tkpk-output"] {
        site.write(&format!("static/{name}"), "x");
        let run = site.build();
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!("  --> static/{name}")),
            "{name}: {}",
            run.stderr
        );
        site.remove(&format!("static/{name}"));
    }
    assert!(snapshot(&out) == before);
    // An output inside static/ would copy itself into every build: refused.
    let run = site.run(&["build", "--output", "static/situs"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("tidak aman"), "{}", run.stderr);
    // A link is refused, as everywhere in a site.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/etc/hostname", site.root().join("static/host")).unwrap();
        let run = site.build();
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            run.stderr.contains(
                "tautan simbolik (symlink) tidak diizinkan di dalam situs\n  --> static/host"
            ),
            "{}",
            run.stderr
        );
        assert!(snapshot(&out) == before);
    }
}

/// The theme's stylesheet is well formed: every block closed, none closed twice (a stray `}`
/// makes the browser drop the rule after it, as it once dropped the green of "membaik").
#[test]
fn the_default_stylesheet_has_balanced_braces() {
    let css = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/style.css"),
    )
    .unwrap();
    let mut depth = 0i32;
    let mut in_comment = false;
    let bytes = css.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match (in_comment, b) {
            (false, b'/') if bytes.get(i + 1) == Some(&b'*') => in_comment = true,
            (true, b'/') if i > 0 && bytes[i - 1] == b'*' => in_comment = false,
            (false, b'{') => depth += 1,
            (false, b'}') => {
                depth -= 1;
                let line = css[..i].matches('\n').count() + 1;
                assert!(depth >= 0, "a `}}` closes nothing at line {line}");
            }
            _ => {}
        }
    }
    assert_eq!(depth, 0, "a block is left open");
}

/// The theme's text colours pass WCAG AA (4,5 : 1) on its backgrounds: the contrast ratio of
/// the WCAG 2 definition, computed from the `:root` tokens of the stylesheet.
#[test]
fn the_default_colour_tokens_pass_wcag_aa() {
    let css = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/style.css"),
    )
    .unwrap();
    let root = &css[css.find(":root {").unwrap()..];
    let root = &root[..root.find("\n}").unwrap()];
    let token = |name: &str| -> [f64; 3] {
        let at = root
            .find(&format!("--{name}: #"))
            .unwrap_or_else(|| panic!("--{name}"));
        let hex = &root[at + name.len() + 5..at + name.len() + 11];
        let channel = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        [channel(0), channel(2), channel(4)]
    };
    let luminance = |[r, g, b]: [f64; 3]| {
        let linear = |c: f64| {
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    };
    let contrast = |a: &str, b: &str| {
        let (x, y) = (luminance(token(a)), luminance(token(b)));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    };
    for text in ["tinta", "redup", "aksen", "baik", "buruk"] {
        for background in ["latar", "latar-lembut"] {
            let ratio = contrast(text, background);
            assert!(ratio >= 4.5, "--{text} on --{background}: {ratio:.2} : 1");
        }
    }
}

/// Files planners leave around: what macOS, Windows and Office write beside their files is
/// ignored without a word; a `.docx` draft in a year folder is named in a warning (it is not
/// read); an empty narrative is a warning, not a failed build.
#[test]
fn litter_is_ignored_and_unread_files_are_named() {
    let site = TestSite::fixture("dasar");
    let year = "content/kabupaten-contoh/2025";
    site.write(
        &format!("{year}/._01-profil.md"),
        [0x00u8, 0x05, 0x16, 0x07, 0xff, 0xfe],
    );
    site.write(
        &format!("{year}/.DS_Store"),
        [0x00u8, 0x00, 0x00, 0x01, 0xff],
    );
    site.write(&format!("{year}/Thumbs.db"), [0xd0u8, 0xcf, 0x11, 0xe0]);
    site.write(&format!("{year}/~$draf.docx"), [0x00u8, 0xff]);
    site.write("content/kabupaten-contoh/._indikator.yaml", [0x00u8, 0xff]);
    site.write(&format!("{year}/draf.docx"), [0x50u8, 0x4b, 0x03, 0x04]);
    site.write(&format!("{year}/03-kosong.md"), "\n");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("peringatan:"))
        .collect();
    assert_eq!(
        warnings,
        vec![
            "peringatan: narasi ini kosong dan tidak diterbitkan",
            "peringatan: berkas `draf.docx` di folder tahun tidak dikenal dan tidak dibaca",
        ],
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(&format!("  --> {year}/03-kosong.md")));
    assert!(run.stderr.contains(&format!("  --> {year}/draf.docx")));
}

/// A swap killed between its two renames leaves no `output/` but a complete copy beside it; the
/// next build puts it back first, even when the site has an error and builds nothing.
#[test]
fn a_missing_output_is_restored_even_when_the_site_fails() {
    let site = TestSite::fixture("dasar");
    assert_eq!(site.build().code, 0);
    let before = snapshot(&site.output());
    std::fs::rename(site.output(), site.root().join("output.tkpk-baru")).unwrap();
    let file = "content/kabupaten-contoh/indikator.yaml";
    let text = site.read(file);
    site.write(file, "sumber: BPS\ndata:\n  2025: {p0: 700}\n");
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("folder keluaran dipulihkan dari"),
        "{}",
        run.stderr
    );
    assert!(snapshot(&site.output()) == before);
    site.write(file, text);
}

/// A build never reads the site in the middle of an import: it waits for the import's lock.
/// The lock file is made by the first build (so that the site's very first import waits for a
/// build too), never by `check`, which leaves the site folder as it was.
#[test]
fn a_build_waits_for_a_running_import() {
    let site = TestSite::fixture("dasar");
    let lock_file = site.root().join(".tkpk-impor.kunci");
    assert_eq!(site.run(&["check"]).code, 0);
    assert!(!lock_file.exists(), "check made the lock file");
    assert_eq!(site.build().code, 0);
    assert!(lock_file.is_file(), "the build made no lock file");
    std::fs::remove_dir_all(site.output()).unwrap();
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(site.root().join(".tkpk-impor.kunci"))
        .unwrap();
    lock.lock().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tkpk"))
        .arg("build")
        .current_dir(site.root())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the build did not wait"
    );
    assert!(!site.output().exists());
    drop(lock);
    assert!(child.wait().unwrap().success());
    assert!(site.output().join("index.html").is_file());
}

/// A folder that is not a site points at the site the user meant: a typo in `--root`, or a
/// command run one folder too high. A folder with no site near it says what to do.
#[test]
fn a_folder_that_is_not_a_site_suggests_the_site_nearby() {
    let site = TestSite::fixture("dasar");
    site.write("wadah/situs-ponorogo/site.yaml", "judul: x\n");
    let run = site.run(&["check", "--root", "wadah/situs-ponorog"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat: folder situs ini tidak ada\n  --> wadah/situs-ponorog\n  saran: mungkin maksud Anda `--root wadah/situs-ponorogo`?"
        ),
        "{}",
        run.stderr
    );
    let run = site.run(&["build", "--root", "wadah"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat: folder situs tidak memuat `site.yaml`\n  --> wadah\n  saran: mungkin maksud Anda `--root wadah/situs-ponorogo`?"
        ),
        "{}",
        run.stderr
    );
    let run = site.run(&["check", "--root", "tidak-mirip-apa-pun"]);
    assert!(
        run.stderr
            .contains("saran: periksa ejaan nama foldernya, atau buat situs baru dengan `tkpk new"),
        "{}",
        run.stderr
    );
}

/// A province's `pembanding:` list: its other kab/kota rank beside the site's region, the
/// sentence names how many of the province's 38 have figures, the province page lists them
/// without links, and the quadrant chart places them. (Figures are test values.)
#[test]
fn comparison_regions_rank_with_the_sites_region() {
    let site = TestSite::fixture("dasar");
    let province = site.read("content/referensi/jawa-timur.yaml");
    site.write(
        "content/referensi/jawa-timur.yaml",
        format!(
            "{province}pembanding:\n  \
             - {{nama: Kabupaten Pacitan, kode_bps: \"3501\", data: {{2024: {{p0: 13.00}}, 2025: {{p0: 12.50}}}}}}\n  \
             - {{nama: Kota Surabaya, kode_bps: \"3578\", data: {{2024: {{p0: 4.00}}, 2025: {{p0: 3.90}}}}}}\n  \
             - nama: Kabupaten Sampang\n    sumber: BPS Kabupaten Sampang\n    data:\n      2025: {{p0: 20.00}}\n"
        ),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report =
        std::fs::read_to_string(site.output().join("kabupaten-contoh/2025/index.html")).unwrap();
    assert!(
        report.contains("berada di urutan ke-2 dari 4 kabupaten/kota yang angkanya tersedia dalam laporan ini (Provinsi Jawa Timur memiliki 38 kabupaten/kota"),
        "{report}"
    );
    let page = site.page("provinsi/jawa-timur/index.html");
    let rows = scraper::Selector::parse("table.urutan-provinsi tbody tr").unwrap();
    let link = scraper::Selector::parse("a").unwrap();
    let names: Vec<(String, bool)> = page
        .select(&rows)
        .map(|r| {
            let name = r
                .select(&scraper::Selector::parse("th").unwrap())
                .next()
                .unwrap()
                .text()
                .collect::<String>();
            (name, r.select(&link).next().is_some())
        })
        .collect();
    assert_eq!(
        names,
        vec![
            ("Kota Surabaya".to_string(), false),
            ("Kabupaten Contoh".to_string(), true),
            ("Kabupaten Pacitan".to_string(), false),
            ("Kabupaten Sampang".to_string(), false),
        ]
    );
    let text = page.root_element().text().collect::<String>();
    assert!(
        text.contains(
            "4 dari 38 kabupaten/kota Provinsi Jawa Timur memiliki angka P0 2025 di situs ini"
        ),
        "{text}"
    );
    // The quadrant chart places the comparisons that have two years (Sampang has one).
    let quadrant = page
        .select(&scraper::Selector::parse("#grafik-kuadran").unwrap())
        .next()
        .map(|e| e.html())
        .unwrap_or_default();
    for name in ["Kota Surabaya", "Kabupaten Pacitan", "Kabupaten Contoh"] {
        assert!(quadrant.contains(name), "{name} not in the quadrant chart");
    }
    // No pages of their own.
    assert!(!site.output().join("kabupaten-pacitan").exists());
}

/// A comparison is a kab/kota of the province by the official list, listed once, not one of
/// the site's regions, with a BPS code of the province: each mistake located, in one run.
#[test]
fn comparison_mistakes_are_located() {
    let site = TestSite::fixture("dasar");
    let province = site.read("content/referensi/jawa-timur.yaml");
    site.write(
        "content/referensi/jawa-timur.yaml",
        format!(
            "{province}pembanding:\n  \
             - {{nama: Kabupaten Pacitn, data: {{2025: {{p0: 12.5}}}}}}\n  \
             - {{nama: Kota Surabaya, kode_bps: \"3378\", data: {{2025: {{p0: 3.9}}}}}}\n  \
             - {{nama: kota surabaya, data: {{2025: {{p0: 3.9}}}}}}\n"
        ),
    );
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    for (message, at, hint) in [
        (
            "galat: `Kabupaten Pacitn` bukan kabupaten/kota Provinsi Jawa Timur menurut daftar resmi",
            "--> content/referensi/jawa-timur.yaml:9:12",
            "saran: mungkin maksud Anda `Kabupaten Pacitan`?",
        ),
        (
            "galat: kode BPS `3378` bukan kode kabupaten/kota provinsi `35`",
            "--> content/referensi/jawa-timur.yaml:10:37",
            "saran: tulis empat angka yang diawali `35`",
        ),
        (
            "galat: Kota Surabaya ditulis dua kali di `pembanding:`",
            "--> content/referensi/jawa-timur.yaml:11:12",
            "",
        ),
    ] {
        let at_message = run
            .stderr
            .find(message)
            .unwrap_or_else(|| panic!("{message}\n{}", run.stderr));
        let after = &run.stderr[at_message..];
        assert!(
            after.lines().nth(1).unwrap_or("").contains(at),
            "{at}\n{}",
            run.stderr
        );
        assert!(after.contains(hint), "{hint}\n{}", run.stderr);
    }
    // The site's own region listed as a comparison.
    site.write(
        "content/referensi/jawa-timur.yaml",
        format!(
            "{province}pembanding:\n  - {{nama: Kabupaten Contoh, data: {{2025: {{p0: 1.0}}}}}}\n"
        ),
    );
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("galat: Kabupaten Contoh adalah wilayah situs ini (punya folder sendiri), bukan pembanding"),
        "{}",
        run.stderr
    );
}

/// Extreme poverty is in every report: without the region's own figure, the province's and
/// the nation's are given as theirs, by method, with the 2026 target; with its own figure,
/// not. (Figures are test values.)
#[test]
fn a_report_without_its_own_extreme_poverty_gives_the_province_and_the_nation() {
    let site = TestSite::fixture("dasar");
    let province = site.read("content/referensi/jawa-timur.yaml").replace(
        "2025: {p0: 9.50}",
        "2025: {p0: 9.50, kemiskinan_ekstrem_ppp2017: 0.66}",
    );
    site.write("content/referensi/jawa-timur.yaml", province);
    let nation = site.read("content/referensi/indonesia.yaml");
    let nation = nation.replacen("2025: {", "2025: {kemiskinan_ekstrem_ppp2017: 0.85, ", 1);
    site.write("content/referensi/indonesia.yaml", nation);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html =
        std::fs::read_to_string(site.output().join("kabupaten-contoh/2025/index.html")).unwrap();
    assert!(
        html.contains("Angka kemiskinan ekstrem Kabupaten Contoh tahun 2025 belum tersedia di situs ini; sebagai gambaran, tingkat kemiskinan ekstrem Provinsi Jawa Timur 0,66 persen (PPP 2017); Indonesia 0,85 persen (PPP 2017). Pemerintah menargetkan kemiskinan ekstrem 0 persen pada 2026"),
        "{html}"
    );
    // And its chart: the province's and the nation's lines, titled as theirs, with the 0 %
    // target marked on an axis from zero.
    let chart = |html: &str| {
        let page = scraper::Html::parse_document(html);
        let options = page
            .select(&scraper::Selector::parse("#grafik-ekstrem-opsi").unwrap())
            .next()
            .map(|e| e.inner_html())
            .unwrap_or_default();
        serde_json::from_str::<serde_json::Value>(&options).unwrap_or_default()
    };
    let options = chart(&html);
    let names: Vec<&str> = options["series"]
        .as_array()
        .map(|s| s.iter().filter_map(|l| l["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        names,
        ["Provinsi Jawa Timur (PPP 2017)", "Indonesia (PPP 2017)"],
        "{options}"
    );
    let mark = &options["series"][0]["markLine"];
    assert_eq!(mark["data"][0]["yAxis"], 0.0, "{options}");
    assert_eq!(mark["label"]["formatter"], "Target 2026: 0 %", "{options}");
    assert_eq!(options["yAxis"]["scale"], false, "{options}");
    assert!(html.contains("Kemiskinan ekstrem provinsi dan nasional menurut metodologi (persen); angka kabupaten/kota belum tersedia"));
    // With its own figure, the report says that one instead.
    let own = site
        .read("content/kabupaten-contoh/indikator.yaml")
        .replace(
            "p1: 1.02, p2: 0.21}",
            "p1: 1.02, p2: 0.21, kemiskinan_ekstrem_ppp2017: 0.5}",
        );
    site.write("content/kabupaten-contoh/indikator.yaml", own);
    assert_eq!(site.build().code, 0);
    let html =
        std::fs::read_to_string(site.output().join("kabupaten-contoh/2025/index.html")).unwrap();
    assert!(!html.contains("belum tersedia di situs ini; sebagai gambaran"));
    let names: Vec<String> = chart(&html)["series"]
        .as_array()
        .map(|s| {
            s.iter()
                .filter_map(|l| l["name"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(names, ["Kemiskinan ekstrem (PPP 2017)"]);
}

/// P0 against the province together with P1 and IPM, where both figures exist: a sentence
/// each with the hand-computed gaps and quadrant, and a chart each that places the province's
/// comparisons too. (Figures are test values.)
#[test]
fn pair_quadrants_place_the_region_by_p0_and_another_indicator() {
    let site = TestSite::fixture("dasar");
    let province = site.read("content/referensi/jawa-timur.yaml").replace(
        "2025: {p0: 9.50}",
        "2025: {p0: 9.50, p1: 1.50, ipm: 74.60, gini: 0.380}",
    );
    site.write(
        "content/referensi/jawa-timur.yaml",
        format!(
            "{province}pembanding:\n  - {{nama: Kabupaten Pacitan, data: {{2025: {{p0: 12.50, p1: 2.10}}}}}}\n"
        ),
    );
    let region = site
        .read("content/kabupaten-contoh/indikator.yaml")
        .replace(
            "p1: 1.02, p2: 0.21}",
            "p1: 1.02, p2: 0.21, ipm: 72.10, gini: 0.365}",
        );
    site.write("content/kabupaten-contoh/indikator.yaml", region);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html =
        std::fs::read_to_string(site.output().join("kabupaten-contoh/2025/index.html")).unwrap();
    for said in [
        "2025, Kabupaten Contoh berada di kuadran I: P0 1,93 poin di bawah provinsi (lebih baik), ",
        "0,48 di bawah provinsi (lebih baik).",
        "2025, Kabupaten Contoh berada di kuadran IV: P0 1,93 poin di bawah provinsi (lebih baik), ",
        "2,50 di bawah provinsi (lebih buruk).",
    ] {
        assert!(html.contains(said), "`{said}` not in the report");
    }
    let page = scraper::Html::parse_document(&html);
    let options = |id: &str| {
        page.select(&scraper::Selector::parse(&format!("#{id}-opsi")).unwrap())
            .next()
            .map(|e| e.inner_html())
            .unwrap_or_default()
    };
    let p1 = options("grafik-kuadran-p1");
    assert!(
        p1.contains("Kabupaten Pacitan") && p1.contains("[-1.93,-0.48]"),
        "{p1}"
    );
    let ipm = options("grafik-kuadran-ipm");
    assert!(
        ipm.contains("\"inverse\":true"),
        "IPM: higher is better, axis turned over: {ipm}"
    );
    assert!(
        !ipm.contains("Kabupaten Pacitan"),
        "Pacitan has no IPM: {ipm}"
    );
    // Gini's gaps are thousandths: its axis is sized to them, not to P0's points.
    let gini = options("grafik-kuadran-gini");
    assert!(gini.contains("[-1.93,-0.015]"), "{gini}");
    assert!(
        gini.contains("\"interval\":0.025,\"max\":0.05,\"min\":-0.05"),
        "{gini}"
    );
    // Its quadrants named with the indicator's short name.
    assert!(
        gini.contains("I · P0 dan Rasio Gini\\nlebih baik dari provinsi"),
        "{gini}"
    );
    // No TPT figures: no chart, and no note about it.
    assert!(options("grafik-kuadran-tpt").is_empty());
}

/// The `dasar` fixture with four basic services of 2025 for its region, its province and (two
/// of them) the nation: sanitation falls 8,10 points short of the province, water 5,10, school
/// participation 16–18 2,00; electricity is better. (Figures are test values.)
fn with_basic_services() -> TestSite {
    let site = TestSite::fixture("dasar");
    let region = site.read("content/kabupaten-contoh/indikator.yaml").replace(
        "p1: 1.02, p2: 0.21}",
        "p1: 1.02, p2: 0.21, air_minum_layak: 85.20, sanitasi_layak: 72.40, listrik: 99.90, aps_16_18: 70.00}",
    );
    site.write("content/kabupaten-contoh/indikator.yaml", region);
    let province = site.read("content/referensi/jawa-timur.yaml").replace(
        "2025: {p0: 9.50}",
        "2025: {p0: 9.50, air_minum_layak: 90.30, sanitasi_layak: 80.50, listrik: 99.50, aps_16_18: 72.00}",
    );
    site.write("content/referensi/jawa-timur.yaml", province);
    let nation = site.read("content/referensi/indonesia.yaml").replacen(
        "2025: {",
        "2025: {air_minum_layak: 91.00, sanitasi_layak: 82.00, ",
        1,
    );
    site.write("content/referensi/indonesia.yaml", nation);
    site
}

/// The change of P0 against economic growth, both against the province (item 3 of the
/// comparison issue). Hand-computed: P0 changed 7,57 − 8,16 = −0,59 points against the
/// province's 9,50 − 9,79 = −0,29, so 0,30 better; growth 4,80 against 4,95, 0,15 below:
/// quadrant IV. (Figures are test values.)
#[test]
fn the_change_of_p0_against_economic_growth_by_hand() {
    let site = TestSite::fixture("dasar");
    let region = site
        .read("content/kabupaten-contoh/indikator.yaml")
        .replace(
            "p1: 1.02, p2: 0.21}",
            "p1: 1.02, p2: 0.21, pertumbuhan_ekonomi: 4.80}",
        );
    site.write("content/kabupaten-contoh/indikator.yaml", region);
    let province = site.read("content/referensi/jawa-timur.yaml").replace(
        "2025: {p0: 9.50}",
        "2025: {p0: 9.50, pertumbuhan_ekonomi: 4.95}",
    );
    site.write("content/referensi/jawa-timur.yaml", province);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html =
        std::fs::read_to_string(site.output().join("kabupaten-contoh/2025/index.html")).unwrap();
    let said = "Menurut perubahan P0 2024–2025 dan pertumbuhan ekonomi 2025, Kabupaten Contoh berada di kuadran IV: P0 berubah -0,59 poin, 0,30 poin lebih baik daripada provinsi (-0,29 poin); pertumbuhan ekonomi 4,80 persen, 0,15 poin di bawah provinsi (4,95 persen). Perubahan kemiskinan lebih baik daripada provinsi walaupun pertumbuhannya lebih rendah.";
    assert!(html.contains(said), "{html}");
    let page = scraper::Html::parse_document(&html);
    let options = page
        .select(&scraper::Selector::parse("#grafik-kuadran-pertumbuhan-opsi").unwrap())
        .next()
        .map(|e| e.inner_html())
        .unwrap_or_default();
    assert!(options.contains("[-0.3,-0.15]"), "{options}");
    assert!(options.contains("\"inverse\":true"), "{options}");
    // Without the province's growth there is neither sentence nor chart.
    let province = site
        .read("content/referensi/jawa-timur.yaml")
        .replace(", pertumbuhan_ekonomi: 4.95", "");
    site.write("content/referensi/jawa-timur.yaml", province);
    assert_eq!(site.build().code, 0);
    let html =
        std::fs::read_to_string(site.output().join("kabupaten-contoh/2025/index.html")).unwrap();
    assert!(!html.contains("pertumbuhan ekonomi 2025, Kabupaten Contoh"));
    assert!(!html.contains("grafik-kuadran-pertumbuhan"));
}

/// The determinants chapter: basic services against the province and the nation, the ones
/// that fall short of the province ranked by how far (in points) into priority problems, with
/// a sentence each and a table. Hand-computed: sanitation 8,10 short, water 5,10, school
/// participation 16–18 2,00; electricity is better. (Figures are test values.)
#[test]
fn basic_services_rank_into_priority_problems() {
    let site = with_basic_services();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html =
        std::fs::read_to_string(site.output().join("kabupaten-contoh/2025/index.html")).unwrap();
    for said in [
        "Determinan Kemiskinan dan Prioritas Masalah",
        "Dari 4 indikator layanan dasar Kabupaten Contoh tahun 2025 yang tersedia, 3 lebih buruk daripada provinsi",
        "Prioritas ke-1: rumah tangga dengan akses sanitasi layak 72,40 persen, 8,10 poin di bawah Provinsi Jawa Timur (80,50 persen) dan 9,60 poin di bawah Indonesia (82,00 persen).",
        "Prioritas ke-2: rumah tangga dengan akses air minum layak 85,20 persen, 5,10 poin di bawah Provinsi Jawa Timur (90,30 persen) dan 5,80 poin di bawah Indonesia (91,00 persen).",
        "Prioritas ke-3: angka partisipasi sekolah (APS) 16–18 tahun 70,00 persen, 2,00 poin di bawah Provinsi Jawa Timur (72,00 persen).",
    ] {
        assert!(html.contains(said), "`{said}` not in the report");
    }
    assert!(!html.contains("Prioritas ke-4"));
    let page = scraper::Html::parse_document(&html);
    let rows = scraper::Selector::parse("table.determinan tbody tr").unwrap();
    let order: Vec<String> = page
        .select(&rows)
        .map(|r| r.text().collect::<String>())
        .map(|t| t.split_whitespace().take(6).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(order.len(), 4, "{order:?}");
    assert!(
        order[0].starts_with("1Rumah tangga dengan akses sanitasi"),
        "{order:?}"
    );
    assert!(
        order[3].starts_with("–Rumah tangga dengan penerangan listrik"),
        "{order:?}"
    );
    // The same table in the downloads, at full precision, priorities first.
    let csv = std::fs::read_to_string(
        site.output()
            .join("kabupaten-contoh/2025/unduh/layanan_dasar.csv"),
    )
    .unwrap();
    let rows: Vec<&str> = csv.lines().filter(|l| !l.starts_with('#')).collect();
    assert!(
        rows.iter().any(|r| r.starts_with(
            "1,Rumah tangga dengan akses sanitasi layak,sanitasi_layak,persen,72.4,80.5,82,-8.1,"
        )),
        "{csv}"
    );
    assert!(
        rows.iter().any(|r| r
            .starts_with(",Rumah tangga dengan penerangan listrik,listrik,persen,99.9,99.5,,0.4,")),
        "{csv}"
    );
}

/// Basic services by welfare decile (`desil.yaml`), beside the Susenas figures of
/// `with_basic_services`. Hand-computed gaps between the lowest and the highest decile given:
/// sanitation 81,0 − 48,2 = 32,8 points (deciles 1–5), water 80,2 − 58,4 = 21,8, electricity
/// 99,2 − 97,1 = 2,1 (deciles 1–3 only). (Figures are test values.)
const DESIL: &str = "sumber: \"DTSEN, agregat per desil (uji)\"
satuan: rumah_tangga
layanan:
  listrik: {1: 97.1, 3: 99.2}
  air_minum_layak: {1: 58.4, 2: 66.1, 3: 71.0, 4: 75.3, 5: 80.2}
  sanitasi_layak: {1: 48.2, 2: 57.0, 3: 63.9, 4: 70.5, 5: 81.0}
";

/// `sentence` is one of the analysis sentences `said`.
fn assert_says(said: &[String], sentence: &str) {
    assert!(
        said.iter().any(|s| s == sentence),
        "`{sentence}` not in {said:#?}"
    );
}

#[test]
fn basic_services_by_decile_by_hand() {
    let site = with_basic_services();
    site.write("content/kabupaten-contoh/2025/desil.yaml", DESIL);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.page("kabupaten-contoh/2025/index.html");
    // The table, numbered in its chapter after the determinants' table, largest gap first.
    let caption =
        "Tabel 5.2 Layanan dasar menurut desil kesejahteraan (DTSEN), Kabupaten Contoh, 2025";
    assert_eq!(texts(&page, "#tabel-desil caption"), [caption]);
    assert!(
        texts(&page, ".daftar-tabel li")
            .iter()
            .any(|l| l.contains(&caption[10..])),
        "{:?}",
        texts(&page, ".daftar-tabel li")
    );
    assert_eq!(
        texts(&page, "#tabel-desil thead th"),
        [
            "Indikator",
            "Persen rumah tangga menurut desil",
            "Selisih desil terendah dan tertinggi (poin)",
            "1",
            "2",
            "3",
            "4",
            "5"
        ]
    );
    let row = |name: &str| -> Vec<String> {
        (0..6)
            .map(|i| cell(&page, "#tabel-desil", name, i).unwrap_or_default())
            .collect()
    };
    assert_eq!(
        texts(&page, "#tabel-desil tbody th"),
        [
            "Rumah tangga dengan akses sanitasi layak",
            "Rumah tangga dengan akses air minum layak",
            "Rumah tangga dengan penerangan listrik"
        ]
    );
    assert_eq!(
        row("Rumah tangga dengan akses sanitasi layak"),
        ["48,20", "57,00", "63,90", "70,50", "81,00", "+32,80"]
    );
    assert_eq!(
        row("Rumah tangga dengan akses air minum layak"),
        ["58,40", "66,10", "71,00", "75,30", "80,20", "+21,80"]
    );
    assert_eq!(
        row("Rumah tangga dengan penerangan listrik"),
        ["97,10", "–", "99,20", "–", "–", "+2,10 (Desil 1–3)"]
    );
    assert_eq!(
        texts(&page, "#bab-determinan p.sumber")
            .last()
            .map(String::as_str),
        Some("Sumber: DTSEN, agregat per desil (uji).")
    );
    // The sentences: the largest gap, then decile 1 beside Susenas as context only, and the
    // priority problems with their decile 1.
    let said = texts(&page, "#bab-determinan .analisis p");
    for sentence in [
        "Prioritas ke-1: rumah tangga dengan akses sanitasi layak 72,40 persen, 8,10 poin di bawah Provinsi Jawa Timur (80,50 persen) dan 9,60 poin di bawah Indonesia (82,00 persen); pada desil 1 DTSEN 48,20 persen rumah tangga.",
        "Prioritas ke-3: angka partisipasi sekolah (APS) 16–18 tahun 70,00 persen, 2,00 poin di bawah Provinsi Jawa Timur (72,00 persen).",
        "Menurut DTSEN, kesenjangan antardesil terbesar ada pada rumah tangga dengan akses sanitasi layak: 48,20 persen rumah tangga desil 1 terhadap 81,00 persen pada desil 5 (selisih 32,80 poin); disusul rumah tangga dengan akses air minum layak (21,80 poin) dan rumah tangga dengan penerangan listrik (2,10 poin).",
        "Sebagai konteks untuk rumah tangga dengan akses sanitasi layak: desil 1 DTSEN 48,20 persen rumah tangga, sedangkan angka Susenas 2025 untuk seluruh Kabupaten Contoh 72,40 persen; DTSEN adalah data registrasi sosial-ekonomi dan Susenas survei sampel, dengan cara dan cakupan yang berbeda, sehingga kedua angka itu bukan taksiran yang sebanding.",
        "Angka bab ini disajikan pada Tabel 5.1 dan 5.2 serta Gambar 5.1, beserta sumbernya.",
    ] {
        assert_says(&said, sentence);
    }
    // The priority problems keep their order by the gap to the province.
    assert_eq!(
        texts(&page, "table.determinan tbody tr th"),
        [
            "Rumah tangga dengan akses sanitasi layak",
            "Rumah tangga dengan akses air minum layak",
            "Angka partisipasi sekolah (APS) 16–18 tahun",
            "Rumah tangga dengan penerangan listrik"
        ]
    );
    // A line per service over the deciles.
    let options: serde_json::Value = serde_json::from_str(
        &texts(&page, "#grafik-desil-opsi")
            .pop()
            .expect("a chart by decile"),
    )
    .unwrap();
    assert_eq!(options["series"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        options["series"][0]["data"],
        serde_json::json!([48.2, 57.0, 63.9, 70.5, 81.0])
    );
    assert_eq!(
        options["xAxis"]["data"],
        serde_json::json!(["1", "2", "3", "4", "5"])
    );
    assert_eq!(options["xAxis"]["name"], "Desil");
    // The download at full precision, with the region's Susenas figure beside it.
    let csv = site.read("output/kabupaten-contoh/2025/unduh/layanan_desil.csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0].trim_start_matches('\u{feff}'),
        "Indikator,Kunci,Desil 1 (Persen rumah tangga),Desil 2 (Persen rumah tangga),Desil 3 (Persen rumah tangga),Desil 4 (Persen rumah tangga),Desil 5 (Persen rumah tangga),Desil (terendah),Desil (tertinggi),Selisih desil terendah dan tertinggi (poin),Angka Susenas wilayah 2025 (persen)"
    );
    assert_eq!(
        &lines[1..4],
        [
            "Rumah tangga dengan akses sanitasi layak,sanitasi_layak,48.2,57,63.9,70.5,81,1,5,32.8,72.4",
            "Rumah tangga dengan akses air minum layak,air_minum_layak,58.4,66.1,71,75.3,80.2,1,5,21.8,85.2",
            "Rumah tangga dengan penerangan listrik,listrik,97.1,,99.2,,,1,3,2.1,99.9",
        ]
    );
    assert!(csv.contains("DTSEN, agregat per desil (uji)"), "{csv}");

    // Marked illustrative: said on the page, in the sentences, the source and the download,
    // and by `tkpk check`.
    site.write(
        "content/kabupaten-contoh/2025/desil.yaml",
        DESIL.replace("satuan:", "ilustrasi: true\nsatuan:"),
    );
    assert_eq!(site.build().code, 0);
    let page = site.page("kabupaten-contoh/2025/index.html");
    assert_eq!(texts(&page, "#bab-determinan .catatan-ilustrasi").len(), 1);
    assert_eq!(
        texts(&page, "#bab-determinan p.sumber")
            .last()
            .map(String::as_str),
        Some("Sumber: DTSEN, agregat per desil (uji) (ILUSTRASI, bukan angka resmi).")
    );
    let said = texts(&page, "#bab-determinan .analisis p").join("\n");
    assert!(
        said.contains("(2,10 poin) (angka ilustrasi, bukan angka resmi).")
            && said.contains(
                "48,20 persen rumah tangga (angka ilustrasi, bukan angka resmi), sedangkan"
            ),
        "{said}"
    );
    let csv = site.read("output/kabupaten-contoh/2025/unduh/layanan_desil.csv");
    assert!(csv.contains("ILUSTRASI, bukan angka resmi"), "{csv}");
    let check = site.run(&["check"]);
    assert!(
        check
            .stderr
            .contains("content/kabupaten-contoh/2025/desil.yaml"),
        "{}",
        check.stderr
    );

    // In English, for persons, from another register.
    site.write(
        "content/kabupaten-contoh/2025/desil.yaml",
        DESIL.replace("satuan: rumah_tangga", "satuan: jiwa\ndata: P3KE"),
    );
    site.write(
        "site.yaml",
        site.read("site.yaml").replace("bahasa: id", "bahasa: en"),
    );
    assert_eq!(site.build().code, 0);
    let page = site.page("kabupaten-contoh/2025/index.html");
    let said = texts(&page, "#bab-determinan .analisis p");
    for sentence in [
        "According to P3KE, the largest gap between deciles is in households with access to improved sanitation: 48.20 percent of people in decile 1 against 81.00 percent in decile 5 (a gap of 32.80 points); followed by households with access to improved drinking water (21.80 points) and households with electric lighting (2.10 points).",
        "For context on households with access to improved sanitation: decile 1 of P3KE stands at 48.20 percent of people, while Susenas 2025 gives 72.40 percent for the whole of Kabupaten Contoh; P3KE is a socio-economic register and Susenas a sample survey, with different methods and coverage, so the two are not comparable estimates.",
    ] {
        assert_says(&said, sentence);
    }
    assert_eq!(
        texts(&page, "#tabel-desil caption"),
        ["Table 5.2 Basic services by welfare decile (P3KE), Kabupaten Contoh, 2025"]
    );
}

/// A sub-kegiatan names the priority problems it addresses (`masalah:`) and the kecamatan where
/// it is carried out (`kecamatan:`): the report shows per problem the sub-kegiatan and money
/// aimed at it and flags a top problem none addresses, and per kecamatan the pockets against
/// the sub-kegiatan located there. A problem that is not a basic service is an error at its
/// place.
#[test]
fn a_programme_tagged_with_a_problem_appears_under_it() {
    let site = with_basic_services();
    let programs = "sumber: Matriks RAT\nprogram:\n\
  - {strategi: 3, opd: Dinas PUPR, sub_kegiatan: Jamban sehat, tagging: langsung, alokasi: 300000000, realisasi_semester_2: 150000000, masalah: [sanitasi_layak], kecamatan: [Jepon]}\n\
  - {strategi: 3, opd: Dinas PUPR, sub_kegiatan: Sambungan listrik dan IPAL, tagging: langsung, alokasi: 100000000, masalah: [sanitasi_layak, listrik], kecamatan: [Kec. Jepon, Blora]}\n\
  - {strategi: 2, opd: Dinas Koperasi, sub_kegiatan: Pelatihan usaha, tagging: tidak_langsung, alokasi: 50000000, kecamatan: [Randublatung]}\n";
    site.write("content/kabupaten-contoh/2025/program.yaml", programs);
    site.write(
        "content/kabupaten-contoh/2025/kantong.yaml",
        "sumber: SK Bupati tentang lokasi prioritas (ilustrasi)\nkecamatan:\n  - {nama: Jepon, jumlah_desa: 5, jiwa: {1: 1200, 2: 800}}\n  - {nama: Bogorejo, jumlah_desa: 3, jiwa: {1: 300}}\n",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html =
        std::fs::read_to_string(site.output().join("kabupaten-contoh/2025/index.html")).unwrap();
    let page = scraper::Html::parse_document(&html);
    let rows = |table: &str| -> Vec<String> {
        let sel = scraper::Selector::parse(&format!("table.{table} tbody tr")).unwrap();
        page.select(&sel)
            .map(|r| {
                r.text()
                    .collect::<Vec<_>>()
                    .join("|")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    };
    // Priority problems in order (sanitation 8,10 points short, water 5,10, APS 2,00), then
    // electricity, which is not one but a sub-kegiatan names it. A sub-kegiatan aimed at two
    // problems counts under each.
    assert_eq!(
        rows("masalah-program"),
        vec![
            "1|Rumah tangga dengan akses sanitasi layak|2|Rp400.000.000|50,00|Jamban sehat; Sambungan listrik dan IPAL",
            "2|Rumah tangga dengan akses air minum layak|0|Rp0|–|belum disasar",
            "3|Angka partisipasi sekolah (APS) 16–18 tahun|0|Rp0|–|belum disasar",
            "–|Rumah tangga dengan penerangan listrik|1|Rp100.000.000|–|Sambungan listrik dan IPAL",
        ]
    );
    let flagged = scraper::Selector::parse("table.masalah-program tr.tanpa-program").unwrap();
    assert_eq!(page.select(&flagged).count(), 2);
    for said in [
        "1 dari 3 masalah prioritas tahun 2025 disasar oleh 2 sub-kegiatan dengan alokasi",
        "Perhatian: masalah prioritas ke-2 (rumah tangga dengan akses air minum layak) dan ke-3 (angka partisipasi sekolah (APS) 16–18 tahun) belum disasar oleh sub-kegiatan mana pun pada 2025.",
        "1 dari 2 kecamatan kantong kemiskinan menjadi lokasi sub-kegiatan tahun 2025; belum: Bogorejo.",
        "Sub-kegiatan juga dilaksanakan di 2 kecamatan di luar kantong kemiskinan.",
    ] {
        assert!(html.contains(said), "`{said}` not in the report");
    }
    // Pockets first in their order ("Kec. Jepon" is Jepon, counted once per sub-kegiatan),
    // then the other kecamatan by name.
    assert_eq!(
        rows("kecamatan-program"),
        vec![
            "Jepon|ya|5|2|Rp400.000.000|Rp150.000.000|50,00",
            "Bogorejo|ya|3|0|Rp0|–|–",
            "Blora|–|–|1|Rp100.000.000|–|–",
            "Randublatung|–|–|1|Rp50.000.000|–|–",
        ]
    );
    // Decile 1 per kecamatan, where the pockets give it: a sentence, columns and a chart.
    assert!(html.contains("Desil 1 (10 persen terbawah menurut kesejahteraan) berjumlah 1.500 jiwa di 2 kecamatan; terbanyak di Jepon (1.200 jiwa)."));
    assert_eq!(
        rows("kantong"),
        vec!["Jepon|5|–|2.000|–|1.200", "Bogorejo|3|–|300|–|300"]
    );
    let decile = page
        .select(&scraper::Selector::parse("#grafik-desil-1-opsi").unwrap())
        .next()
        .map(|e| e.inner_html())
        .unwrap_or_default();
    assert!(decile.contains("[300.0,1200.0]"), "{decile}");
    // Both tables are numbered in their chapters and listed.
    for caption in ["Tabel 7.5 ", "Tabel 8.2 "] {
        assert!(html.contains(caption), "{caption}");
    }
    // The same tables in the downloads, at full precision.
    let csv = |name: &str| {
        std::fs::read_to_string(
            site.output()
                .join(format!("kabupaten-contoh/2025/unduh/{name}.csv")),
        )
        .unwrap()
        .replace("\r\n", "\n")
    };
    let problems = csv("program_masalah");
    assert!(
        problems.contains("\n1,sanitasi_layak,Rumah tangga dengan akses sanitasi layak,2,400000000,150000000,50,Jamban sehat; Sambungan listrik dan IPAL\n"),
        "{problems}"
    );
    assert!(
        problems.contains("\n,listrik,Rumah tangga dengan penerangan listrik,1,100000000,,,Sambungan listrik dan IPAL"),
        "{problems}"
    );
    let districts = csv("program_kecamatan");
    assert!(districts.contains("\nBogorejo,ya,0,0,,\n"), "{districts}");
    assert!(
        districts.contains("\nRandublatung,,1,50000000,,\n"),
        "{districts}"
    );
    // A kecamatan that nearly names a pocket (a typo) is a warning at its place, with the
    // pocket's name; exact names in other spellings ("Kec. Jepon") and other kecamatan are not.
    site.write(
        "content/kabupaten-contoh/2025/program.yaml",
        programs.replace("kecamatan: [Randublatung]", "kecamatan: [Bogorjo]"),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("peringatan: kecamatan `Bogorjo` tidak ada di kantong kemiskinan (pemetaan 2025), tetapi mirip `Bogorejo`: bila sama, laporan menghitung sub-kegiatan ini di luar kantong\n  --> content/kabupaten-contoh/2025/program.yaml:5:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("mungkin maksud Anda `Bogorejo`?"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr
            .matches("tidak ada di kantong kemiskinan")
            .count(),
        1,
        "{}",
        run.stderr
    );
    // A problem that is not a basic service, and an empty kecamatan, are errors at their place.
    site.write(
        "content/kabupaten-contoh/2025/program.yaml",
        programs
            .replace("masalah: [sanitasi_layak]", "masalah: [sanitasi]")
            .replace("kecamatan: [Randublatung]", "kecamatan: [\"\"]"),
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat: `sanitasi` bukan kunci indikator layanan dasar; `masalah` menyebut masalah prioritas dengan kunci indikatornya, misalnya `air_minum_layak`\n  --> content/kabupaten-contoh/2025/program.yaml:3:"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("mungkin maksud Anda `sanitasi_layak`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("galat: isian kosong dalam daftar `kecamatan`; hapus atau isi\n  --> content/kabupaten-contoh/2025/program.yaml:5:"),
        "{}",
        run.stderr
    );
}

/// The author can put a basic service first, with a reason; the others follow by their gap.
/// A key that is not a basic service, or an empty reason, is an error at its place.
#[test]
fn the_author_orders_priority_problems_with_a_reason() {
    let site = TestSite::fixture("dasar");
    let region = site
        .read("content/kabupaten-contoh/indikator.yaml")
        .replace(
            "p1: 1.02, p2: 0.21}",
            "p1: 1.02, p2: 0.21, air_minum_layak: 85.20, sanitasi_layak: 72.40, aps_16_18: 70.00}",
        );
    site.write(
        "content/kabupaten-contoh/indikator.yaml",
        format!(
            "{region}prioritas_masalah:\n  2025:\n    - {{indikator: aps_16_18, alasan: \"Putus sekolah tertinggi di desa prioritas\"}}\n"
        ),
    );
    let province = site.read("content/referensi/jawa-timur.yaml").replace(
        "2025: {p0: 9.50}",
        "2025: {p0: 9.50, air_minum_layak: 90.30, sanitasi_layak: 80.50, aps_16_18: 72.00}",
    );
    site.write("content/referensi/jawa-timur.yaml", province);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html =
        std::fs::read_to_string(site.output().join("kabupaten-contoh/2025/index.html")).unwrap();
    for said in [
        "Prioritas ke-1: angka partisipasi sekolah (APS) 16–18 tahun 70,00 persen, 2,00 poin di bawah Provinsi Jawa Timur (72,00 persen). Urutan ini ditetapkan penulis: Putus sekolah tertinggi di desa prioritas.",
        "Prioritas ke-2: rumah tangga dengan akses sanitasi layak",
        "Prioritas ke-3: rumah tangga dengan akses air minum layak",
    ] {
        assert!(html.contains(said), "`{said}` not in the report");
    }
    let text = site.read("content/kabupaten-contoh/indikator.yaml");
    site.write(
        "content/kabupaten-contoh/indikator.yaml",
        text.replace(
            "    - {indikator: aps_16_18, alasan: \"Putus sekolah tertinggi di desa prioritas\"}\n",
            "    - {indikator: sanitasi, alasan: \"x\"}\n    - {indikator: air_minum_layak, alasan: \" \"}\n",
        ),
    );
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("galat: `sanitasi` bukan indikator layanan dasar")
            && run
                .stderr
                .contains("saran: mungkin maksud Anda `sanitasi_layak`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("galat: urutan prioritas `air_minum_layak` tanpa alasan"),
        "{}",
        run.stderr
    );
}

/// A chart's source is named with the region whose figures it gave, also where the source has
/// a colon of its own: the sample's pockets come from "Radar Bojonegoro, 14 Sep 2021: 48 desa …",
/// which was once split at that colon ("48 desa … (Radar Bojonegoro, 14 Sep 2021)").
#[test]
fn a_source_with_a_colon_stays_whole_under_its_chart() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    let page = site.page("kabupaten-blora/2025/index.html");
    let caption = common::texts(&page, "#grafik-kantong figcaption").concat();
    let caption = caption.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        caption.contains(
            "Sumber: Radar Bojonegoro, 14 Sep 2021: 48 desa zona merah, pemetaan DTKS 26 Oktober 2020 (Kabupaten Blora)."
        ),
        "{caption}"
    );
}

/// The province page's ranking names each source once, with the kab/kota whose figures it
/// gave: the sample's 34 comparison regions of Jawa Tengah come from one BPS table, which was
/// once written out 34 times under the table.
#[test]
fn the_province_page_names_each_source_once() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    let page = site.page("provinsi/jawa-tengah/index.html");
    let sources = common::texts(&page, "p.sumber").concat();
    let table = "tabel \"Kemiskinan Menurut Kabupaten/Kota di Provinsi Jawa Tengah\"";
    assert_eq!(sources.matches(table).count(), 1, "{sources}");
    assert!(
        sources.contains("(Kota Semarang, Kota Salatiga, "),
        "{sources}"
    );
    assert!(
        sources.contains("Kabupaten Kebumen, Kabupaten Brebes);"),
        "{sources}"
    );
}
