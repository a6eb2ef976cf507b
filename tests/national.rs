//! A generated 30-regency site (the same generator as the national benchmark): province pages
//! rank their regencies by P0 exactly as an independent sort of the files does, and no page
//! but the index and the province pages lists other regencies.

#[path = "../examples/gen_national.rs"]
#[allow(dead_code)]
mod gen_national;

mod common;

use common::{TestSite, texts};
use std::collections::BTreeMap;

/// P0 of `year` per regency, read from the files with plain string handling (not tkpk's
/// loader), keyed by province slug: (name, p0).
fn hand_read(root: &std::path::Path, year: i32) -> BTreeMap<String, Vec<(String, f64)>> {
    let mut out: BTreeMap<String, Vec<(String, f64)>> = BTreeMap::new();
    for entry in std::fs::read_dir(root.join("content")).unwrap() {
        let dir = entry.unwrap().path();
        if dir.file_name().unwrap() == "referensi" {
            continue;
        }
        let wilayah = std::fs::read_to_string(dir.join("wilayah.yaml")).unwrap();
        let field = |key: &str| {
            wilayah
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{key}: ")))
                .unwrap()
                .to_string()
        };
        let indikator = std::fs::read_to_string(dir.join("indikator.yaml")).unwrap();
        let line = indikator
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{year}:")))
            .unwrap();
        let p0: f64 = line
            .split("p0: ")
            .nth(1)
            .unwrap()
            .split(',')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        out.entry(field("provinsi"))
            .or_default()
            .push((field("nama"), p0));
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    }
    out
}

#[test]
fn province_pages_rank_regencies_like_a_hand_sort() {
    let dir = tempfile::tempdir().unwrap();
    let (count, years, provinces) = gen_national::generate(dir.path(), 30, 4);
    assert_eq!((count, years), (30, 4));
    let site = TestSite { dir };
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = hand_read(site.root(), 2025);
    assert_eq!(expected.len(), provinces);
    let mut checked = 0;
    for (province, list) in &expected {
        let page = site.page(&format!("provinsi/{province}/index.html"));
        let names = texts(&page, "table.urutan-provinsi tbody th a");
        let want: Vec<String> = list.iter().map(|(n, _)| n.clone()).collect();
        assert_eq!(names, want, "{province}");
        checked += names.len();
    }
    assert_eq!(checked, 30);
    // A site of many kab/kota lists them in one table to sort and filter, each row linking
    // its province page; above it, the spread of their latest P0, whose classes count every
    // one of them.
    let index = site.page("index.html");
    assert_eq!(texts(&index, "#tabel-semua tbody tr").len(), 30);
    let mut linked = texts(&index, "#tabel-semua tbody td a[href^='provinsi/']");
    linked.sort();
    linked.dedup();
    assert_eq!(linked.len(), provinces);
    assert!(texts(&index, ".kartu-wilayah").is_empty());
    let counts: usize = texts(&index, "#grafik-sebaran table tbody td")
        .iter()
        .map(|c| c.parse::<usize>().unwrap())
        .sum();
    assert_eq!(counts, 30);
    // Figures say they are illustrative on the pages.
    let report =
        std::fs::read_to_string(site.output().join("kabupaten-contoh-1/2025/index.html")).unwrap();
    assert!(report.contains("ILUSTRASI"));
}

#[test]
fn a_report_page_does_not_list_the_whole_site() {
    let dir = tempfile::tempdir().unwrap();
    gen_national::generate(dir.path(), 60, 2);
    let site = TestSite { dir };
    assert_eq!(site.build().code, 0);
    let report =
        std::fs::read_to_string(site.output().join("kabupaten-contoh-1/2025/index.html")).unwrap();
    // Only the regencies of its own province may appear (rank and quadrant charts).
    let others = (1..=60)
        .filter(|i| {
            report.contains(&format!("Contoh {i}<")) || report.contains(&format!("Contoh {i}\""))
        })
        .count();
    assert!(
        others <= 60 / 38 + 2,
        "{others} regencies named on one report"
    );
}
