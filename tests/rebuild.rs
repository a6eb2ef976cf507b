//! The rebuild of `tkpk serve` after an edit renders only what the edit touches, and what it
//! serves then is exactly what a full build of the edited site gives: file for file, byte for
//! byte. Each case edits the sample, rebuilds in part, and compares with a fresh full build.

mod common;

use common::TestSite;
use std::collections::BTreeMap;
use std::path::PathBuf;
use tkpk::serve::Live;

fn served(live: &Live) -> BTreeMap<String, Vec<u8>> {
    live.state.lock().unwrap().files.clone()
}

/// A fresh full build of the site as it is now.
fn full(site: &TestSite) -> BTreeMap<String, Vec<u8>> {
    let live = Live::default();
    let outcome = live.rebuild(site.root());
    assert!(outcome.ok, "{}", outcome.diagnostics.render(outcome.lang));
    served(&live)
}

fn assert_same(partial: &BTreeMap<String, Vec<u8>>, whole: &BTreeMap<String, Vec<u8>>) {
    let only_partial: Vec<&String> = partial.keys().filter(|k| !whole.contains_key(*k)).collect();
    let only_whole: Vec<&String> = whole.keys().filter(|k| !partial.contains_key(*k)).collect();
    assert!(
        only_partial.is_empty(),
        "stale files served: {only_partial:?}"
    );
    assert!(only_whole.is_empty(), "files missing: {only_whole:?}");
    let differing: Vec<&String> = whole.keys().filter(|k| partial[*k] != whole[*k]).collect();
    assert!(differing.is_empty(), "files differ: {differing:?}");
}

/// Edits the site with `edit`, rebuilds after the named files, and checks the result against a
/// full build; returns what was rendered again.
fn edit_and_compare(
    site: &TestSite,
    live: &Live,
    changed: &[&str],
    edit: impl FnOnce(&TestSite),
) -> tkpk::serve::Rebuild {
    edit(site);
    let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
    let outcome = live.rebuild_after(site.root(), Some(&changed));
    assert!(outcome.ok, "{}", outcome.diagnostics.render(outcome.lang));
    assert_same(&served(live), &full(site));
    outcome
}

fn started() -> (TestSite, Live) {
    let site = TestSite::sample();
    let live = Live::default();
    assert!(live.rebuild(site.root()).ok);
    (site, live)
}

#[test]
fn a_narrative_edit_renders_its_region_alone() {
    let (site, live) = started();
    let file = "content/kabupaten-blitar/2025/01-pendahuluan.md";
    let outcome = edit_and_compare(&site, &live, &[file], |s| {
        let text = s.read(file);
        s.write(file, format!("{text}\nParagraf baru dari penyunting.\n"));
    });
    let part = outcome.part.expect("a partial rebuild");
    assert_eq!(part.regions, ["kabupaten-blitar".to_string()].into());
    // Its 2025 report (and its overview), not the reports of its other years.
    assert_eq!(
        part.from_year,
        [("kabupaten-blitar".to_string(), 2025)].into()
    );
    assert!(part.reports.is_empty(), "{part:?}");
    assert!(part.provinces.is_empty() && !part.listings, "{part:?}");
    let page =
        String::from_utf8(served(&live)["kabupaten-blitar/2025/index.html"].clone()).unwrap();
    assert!(page.contains("Paragraf baru dari penyunting."));
}

#[test]
fn a_figure_edit_renders_the_reports_of_the_province_peers_too() {
    let (site, live) = started();
    let file = "content/kabupaten-blitar/indikator.yaml";
    let outcome = edit_and_compare(&site, &live, &[file], |s| {
        let text = s.read(file).replace("2024: {p0: 8.16", "2024: {p0: 8.02");
        assert!(text.contains("8.02"));
        s.write(file, text);
    });
    let part = outcome.part.expect("a partial rebuild");
    assert_eq!(part.reports, ["kota-kediri".to_string()].into());
    // Blitar's reports from 2024 on (each shows the series up to its year).
    assert_eq!(
        part.from_year,
        [("kabupaten-blitar".to_string(), 2024)].into()
    );
    // Their reports of 2024 and of 2025 (the quadrant's change from 2024), not the others.
    assert_eq!(part.years, Some([2024, 2025].into()));
    assert_eq!(part.provinces, ["jawa-timur".to_string()].into());
    assert!(part.listings);
    // Kota Kediri's 2024 report ranks Blitar with its new figure.
    let kediri = String::from_utf8(served(&live)["kota-kediri/2024/index.html"].clone()).unwrap();
    assert!(kediri.contains("8,02"));
    // A 2023 figure: Kediri's 2024 report places Blitar by its change from 2023 (the quadrant).
    let outcome = edit_and_compare(&site, &live, &[file], |s| {
        s.write(
            file,
            s.read(file).replace("2023: {p0: 8.69}", "2023: {p0: 8.55}"),
        );
    });
    let part = outcome.part.expect("a partial rebuild");
    assert_eq!(part.years, Some([2023, 2024].into()));
}

#[test]
fn removed_and_added_years_leave_no_stale_files() {
    let (site, live) = started();
    let file = "content/kota-kediri/indikator.yaml";
    // A year's figures removed: its report, sheet and downloads go.
    let before = site.read(file);
    let last_year = before
        .lines()
        .rfind(|l| l.trim_start().starts_with("20") && l.contains(": {"))
        .unwrap()
        .to_string();
    edit_and_compare(&site, &live, &[file], |s| {
        s.write(file, before.replace(&format!("{last_year}\n"), ""));
    });
    // And back.
    edit_and_compare(&site, &live, &[file], |s| {
        s.write(file, &before);
    });
}

#[test]
fn a_broken_edit_then_its_fix_still_renders_everything_it_touched() {
    let (site, live) = started();
    let narrative = "content/kabupaten-blitar/2025/02-profil.md";
    let figures = "content/kabupaten-blitar/indikator.yaml";
    // First a real change, then a broken file in the same rebuild's wake.
    site.write(narrative, format!("{}\nTambahan.\n", site.read(narrative)));
    let original = site.read(figures);
    site.write(figures, "data: [tidak, lengkap\n");
    let broken = live.rebuild_after(
        site.root(),
        Some(&[PathBuf::from(narrative), PathBuf::from(figures)]),
    );
    assert!(!broken.ok);
    // The fix names only the figures file; the narrative edit must not be forgotten.
    edit_and_compare(&site, &live, &[figures], |s| {
        s.write(figures, &original);
    });
    let page =
        String::from_utf8(served(&live)["kabupaten-blitar/2025/index.html"].clone()).unwrap();
    assert!(page.contains("Tambahan."));
}

#[test]
fn changes_beyond_a_region_rebuild_everything() {
    let (site, live) = started();
    let outcome = edit_and_compare(&site, &live, &["site.yaml"], |s| {
        let text = s.read("site.yaml");
        s.write("site.yaml", text.replacen("judul:", "judul: Baru", 1));
    });
    assert!(outcome.part.is_none());
    let reference = "content/referensi/jawa-timur.yaml";
    let outcome = edit_and_compare(&site, &live, &[reference], |s| {
        s.write(reference, format!("{}\n# catatan\n", s.read(reference)));
    });
    assert!(outcome.part.is_none());
}

#[test]
fn a_programme_edit_rewrites_its_downloads() {
    let (site, live) = started();
    let file = "content/kabupaten-blora/2025/program.yaml";
    edit_and_compare(&site, &live, &[file], |s| {
        let text = s
            .read(file)
            .replacen("alokasi: 450000000", "alokasi: 460000000", 1);
        assert!(text.contains("460000000"));
        s.write(file, text);
    });
    let csv =
        String::from_utf8(served(&live)["kabupaten-blora/2025/unduh/matriks_semester.csv"].clone())
            .unwrap();
    assert!(csv.contains("460000000"));
}

#[test]
fn a_decile_edit_rewrites_its_report_and_download() {
    let (site, live) = started();
    let file = "content/kabupaten-blora/2025/desil.yaml";
    edit_and_compare(&site, &live, &[file], |s| {
        let text = s.read(file).replacen("{1: 38.5,", "{1: 36.5,", 1);
        assert!(text.contains("36.5"));
        s.write(file, text);
    });
    let csv =
        String::from_utf8(served(&live)["kabupaten-blora/2025/unduh/layanan_desil.csv"].clone())
            .unwrap();
    assert!(csv.contains(",rumah_layak_huni,36.5,"), "{csv}");
}

#[test]
fn a_new_narrative_file_is_found_and_rendered() {
    let (site, live) = started();
    let file = "content/kota-kediri/2024/09-tambahan.md";
    let outcome = edit_and_compare(&site, &live, &[file], |s| {
        s.write(
            file,
            "---\njudul: Catatan tambahan\nbab: penutup\n---\nSatu berkas baru.\n",
        );
    });
    assert!(outcome.part.is_some());
    let page = String::from_utf8(served(&live)["kota-kediri/2024/index.html"].clone()).unwrap();
    assert!(page.contains("Satu berkas baru."));
    // And removed again.
    edit_and_compare(&site, &live, &[file], |s| {
        s.remove(file);
    });
}
