//! Real-browser tests: a built report opened from `file://` in headless Chromium draws every
//! chart as SVG with the expected number of series, and prints to an A4 PDF whose every page
//! carries the region and year.
//!
//! They need Debian's `chromium` and `poppler-utils`, so `cargo test` lists them as ignored;
//! `.ci/run` installs both and runs them with `cargo test -- --include-ignored`.

mod common;

use common::TestSite;
use std::path::Path;
use std::process::Command;

fn chromium() -> String {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if Command::new("which")
            .arg(name)
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return name.to_string();
        }
    }
    panic!(
        "chromium is not installed: `apt-get install chromium poppler-utils`, or run without --include-ignored"
    );
}

fn headless(profile: &Path) -> Command {
    let mut cmd = Command::new(chromium());
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--virtual-time-budget=10000",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

fn built_sample() -> TestSite {
    let site = TestSite::sample();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

#[test]
#[ignore = "needs chromium (apt-get install chromium); run with --include-ignored"]
fn charts_render_as_svg_from_file_url() {
    let site = built_sample();
    let profile = tempfile::tempdir().unwrap();
    for page in [
        "kabupaten-blitar/2025/index.html",
        "kabupaten-balangan/2024/index.html",
    ] {
        let url = format!("file://{}", site.output().join(page).display());
        let out = headless(profile.path())
            .arg("--dump-dom")
            .arg(&url)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let dom = scraper::Html::parse_document(&String::from_utf8_lossy(&out.stdout));
        let containers = scraper::Selector::parse(".grafik-kanvas").unwrap();
        let svg = scraper::Selector::parse("svg").unwrap();
        let mut count = 0;
        for c in dom.select(&containers) {
            let expected = c.value().attr("data-seri").unwrap();
            assert!(
                c.select(&svg).next().is_some(),
                "{page}: no <svg> in {:?}",
                c.value()
            );
            assert_eq!(
                c.value().attr("data-seri-digambar"),
                Some(expected),
                "{page}: series drawn differ from expected in {:?}",
                c.value()
            );
            count += 1;
        }
        assert!(count >= 2, "{page}: only {count} charts");
    }
}

#[test]
#[ignore = "needs chromium and poppler-utils; run with --include-ignored"]
fn report_prints_to_a4_with_region_and_year_on_every_page() {
    let site = built_sample();
    let profile = tempfile::tempdir().unwrap();
    let pdf = site.root().join("laporan.pdf");
    let page = site.output().join("kabupaten-blitar/2025/index.html");
    let out = headless(profile.path())
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        pdf.is_file(),
        "no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info = Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    assert!(info.contains("(A4)"), "not A4: {info}");
    // Every chapter starts on a new page.
    let html = std::fs::read_to_string(&page).unwrap();
    let chapters = html.matches("<section class=\"bab\"").count();
    assert!(pages >= chapters, "{pages} pages for {chapters} chapters");
    assert!(
        pages <= chapters * 6,
        "{pages} pages for {chapters} chapters"
    );
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    let per_page: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(per_page.len(), pages);
    for (i, p) in per_page.iter().enumerate() {
        assert!(
            p.contains("Kabupaten Blitar · LP2KD 2025"),
            "page {} has no running header",
            i + 1
        );
        assert!(
            p.contains(&format!("{} / {pages}", i + 1)),
            "page {} has no page number",
            i + 1
        );
    }
}
