//! The search index (`assets/cari-indeks.js`) of the sample site: exact entries, every address a
//! page that exists, sorted, byte-identical across builds; and the search box of every page
//! pointing at the index and the site root from its own depth.

mod common;

use common::{TestSite, snapshot};
use std::collections::BTreeSet;

#[derive(Debug, PartialEq, Eq, Clone, serde::Deserialize)]
struct Entry {
    judul: String,
    jenis: String,
    alamat: String,
}

/// The entries of the index script, read as the browser does: the array assigned to
/// `window.TKPK_CARI`.
fn read_index(site: &TestSite) -> Vec<Entry> {
    let text = site.read("output/assets/cari-indeks.js");
    let (_, array) = text
        .split_once("window.TKPK_CARI = ")
        .expect("the index assigns window.TKPK_CARI");
    let array = array.trim_end().strip_suffix(';').expect("ends with `;`");
    serde_json::from_str(array).expect("the array is JSON")
}

fn built_sample() -> TestSite {
    let site = TestSite::sample();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

fn entry(judul: &str, jenis: &str, alamat: &str) -> Entry {
    Entry {
        judul: judul.into(),
        jenis: jenis.into(),
        alamat: alamat.into(),
    }
}

#[test]
fn the_index_names_blitar_and_its_province_with_their_pages() {
    let site = built_sample();
    let index = read_index(&site);
    for expected in [
        entry("Kabupaten Blitar", "wilayah", "kabupaten-blitar/index.html"),
        entry(
            "Provinsi Jawa Timur",
            "provinsi",
            "provinsi/jawa-timur/index.html",
        ),
        entry(
            "Kabupaten Blitar 2024",
            "laporan",
            "kabupaten-blitar/2024/index.html",
        ),
        entry(
            "Kabupaten Blitar 2025",
            "penilaian",
            "kabupaten-blitar/2025/penilaian/index.html",
        ),
        entry("Kota Kediri", "wilayah", "kota-kediri/index.html"),
    ] {
        assert!(
            index.contains(&expected),
            "{expected:?} is not in the index"
        );
        assert!(
            site.output().join(&expected.alamat).is_file(),
            "{}",
            expected.alamat
        );
    }
    // One entry per region, province, report and sheet: exactly the pages but the home page.
    let addresses: BTreeSet<String> = index.iter().map(|e| e.alamat.clone()).collect();
    assert_eq!(addresses.len(), index.len(), "an address is listed twice");
    let pages: BTreeSet<String> = snapshot(&site.output())
        .into_keys()
        .filter(|p| p.ends_with(".html") && p != "index.html")
        .collect();
    assert_eq!(addresses, pages);
}

#[test]
fn the_index_is_sorted_places_first_and_identical_across_builds() {
    let site = built_sample();
    let first = site.read("output/assets/cari-indeks.js");
    let index = read_index(&site);
    let rank = |jenis: &str| {
        ["wilayah", "provinsi", "laporan", "penilaian"]
            .iter()
            .position(|k| *k == jenis)
            .unwrap_or_else(|| panic!("unknown kind {jenis}"))
    };
    for pair in index.windows(2) {
        let key = |e: &Entry| (rank(&e.jenis), e.judul.clone(), e.alamat.clone());
        assert!(key(&pair[0]) < key(&pair[1]), "{pair:?} out of order");
    }
    assert_eq!(
        index.first(),
        Some(&entry(
            "Kabupaten Balangan",
            "wilayah",
            "kabupaten-balangan/index.html"
        ))
    );
    // One entry a line, so a change between two builds reads as a plain diff.
    assert_eq!(
        first
            .lines()
            .filter(|l| l.starts_with("{\"judul\":"))
            .count(),
        index.len()
    );
    assert_eq!(site.build().code, 0);
    assert_eq!(first, site.read("output/assets/cari-indeks.js"));
}

#[test]
fn every_page_points_its_search_box_at_the_index_and_the_root() {
    let site = built_sample();
    let out = site.output();
    let boxes = scraper::Selector::parse("#tkpk-cari[hidden][role=search]").unwrap();
    let input = scraper::Selector::parse("#tkpk-cari input[type=search][aria-label]").unwrap();
    let script = scraper::Selector::parse("script[src$='assets/tkpk-cari.js'][defer]").unwrap();
    let mut pages = 0;
    for (path, bytes) in snapshot(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = scraper::Html::parse_document(std::str::from_utf8(&bytes).unwrap());
        let dir = out.join(&path).parent().unwrap().to_path_buf();
        let found = html
            .select(&boxes)
            .next()
            .unwrap_or_else(|| panic!("{path}: no search box hidden until its script shows it"));
        let root = found.value().attr("data-akar").unwrap();
        assert_eq!(root, "../".repeat(path.matches('/').count()), "{path}");
        assert!(dir.join(root).join("index.html").is_file(), "{path}");
        let index = found.value().attr("data-indeks").unwrap();
        assert_eq!(index, format!("{root}assets/cari-indeks.js"), "{path}");
        assert!(dir.join(index).is_file(), "{path}");
        assert!(html.select(&input).next().is_some(), "{path}");
        assert!(html.select(&script).next().is_some(), "{path}");
        pages += 1;
    }
    assert!(pages > 40, "only {pages} pages");
    let home = site.page("index.html");
    let placeholder = html_attr(&home, "#tkpk-cari input", "placeholder");
    assert_eq!(placeholder, "Cari wilayah atau laporan…");
    assert_eq!(
        html_attr(&home, "#tkpk-cari", "data-tidak-ada"),
        "Tidak ada hasil"
    );
    // The box is never printed.
    let css = site.read("output/assets/style.css");
    let print = css.split("@media print").nth(1).unwrap();
    assert!(print.contains(".cari"), "{print}");
}

fn html_attr(html: &scraper::Html, selector: &str, name: &str) -> String {
    let sel = scraper::Selector::parse(selector).unwrap();
    html.select(&sel)
        .next()
        .and_then(|e| e.value().attr(name))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn an_english_site_labels_the_search_box_in_english() {
    let site = TestSite::sample();
    let config = site.read("site.yaml").replace("bahasa: id", "bahasa: en");
    site.write("site.yaml", config);
    assert_eq!(site.build().code, 0);
    let page = site.page("kabupaten-blitar/2025/index.html");
    assert_eq!(
        html_attr(&page, "#tkpk-cari input", "aria-label"),
        "Search regions or reports"
    );
    assert_eq!(
        html_attr(&page, "#tkpk-cari", "data-jenis-laporan"),
        "Report"
    );
    // The index keeps the kinds as keys; the page gives their words.
    assert!(
        read_index(&site)
            .iter()
            .any(|e| e.jenis == "laporan" && e.judul == "Kabupaten Blitar 2025")
    );
}
