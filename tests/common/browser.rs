//! Headless Chromium for the browser tests: opening pages from `file://`, dumping the DOM
//! after their scripts ran, printing to PDF and reading the PDF's text back (poppler-utils).

use super::TestSite;
use std::path::Path;
use std::process::Command;

pub fn chromium() -> String {
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

pub fn headless(profile: &Path) -> Command {
    let mut cmd = Command::new(chromium());
    cmd.args(tkpk::pdf::chromium::HEADLESS_FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// The DOM of `page` (relative to the output folder, with an optional `?query`) once its
/// scripts have run, from `file://`.
pub fn dump_dom(site: &TestSite, page: &str) -> scraper::Html {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}/{page}", site.output().display());
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
    scraper::Html::parse_document(&String::from_utf8_lossy(&out.stdout))
}

pub fn print_to_pdf(site: &TestSite, page: &str) -> (std::path::PathBuf, usize) {
    let profile = tempfile::tempdir().unwrap();
    let pdf = site.root().join("laporan.pdf");
    let out = headless(profile.path())
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", site.output().join(page).display()))
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
    assert!(info.contains("(A4)"), "not A4: {info}");
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    (pdf, pages)
}

pub fn pdf_pages_text(pdf: &Path) -> Vec<String> {
    pdf_pages_text_in(pdf, "-layout")
}

/// The text of each page, in `mode` (`-layout` keeps columns; `-raw` keeps the order the text
/// was drawn in, which reads rotated text such as a watermark whole).
pub fn pdf_pages_text_in(pdf: &Path, mode: &str) -> Vec<String> {
    let text = Command::new("pdftotext")
        .args([mode])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&text.stdout)
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(str::to_string)
        .collect()
}
