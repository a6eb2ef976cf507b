//! Printing the built reports and evaluation sheets to PDF with the installed Chromium
//! (headless, A4 from the theme's print styles, no browser header or footer).
//!
//! [`select`] lists what to print from a built output folder, [`find_chromium`] finds the
//! browser, [`print_all`] prints the pages a few at a time: in tabs of one browser driven
//! through its DevTools protocol ([`devtools`]), or, where that browser cannot be driven so,
//! with a browser per page ([`print`]).

pub mod chromium;
pub mod destinations;
pub mod devtools;
pub mod messages;
pub mod numbering;
pub mod stable;

pub use chromium::{
    CHROMIUM_ENV, CHROMIUM_NAMES, ChromiumNotFound, find_chromium, find_chromium_in,
};
pub use chromium::{PRINT_TIMEOUT, PrintError, file_url, print};

use crate::base::diagnostics::Diagnostic;
use crate::base::lang::Lang;
use crate::base::messages::{Message, Text, Words};
use crate::content::messages::LoadMessage;
use crate::model::institution::Date;
use crate::model::{RESERVED_SLUGS, valid_slug};
use crate::pdf::messages::{PdfFailure, PdfMessage};
use crate::render::paths::{report_page, sheet_page};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Which page of a year is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PageKind {
    /// `output/<slug>/<year>/index.html`.
    Report,
    /// `output/<slug>/<year>/penilaian/index.html`.
    Evaluation,
}

impl PageKind {
    /// The word in the PDF's file name.
    pub fn file_word(self) -> &'static str {
        match self {
            PageKind::Report => "laporan",
            PageKind::Evaluation => "penilaian",
        }
    }
}

/// One page to print and the name of its PDF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintJob {
    pub slug: String,
    pub year: i32,
    pub kind: PageKind,
    /// The page, relative to the output folder (`kabupaten-blitar/2025/index.html`).
    pub page: String,
    /// `kabupaten-blitar-2025-laporan.pdf`.
    pub pdf_name: String,
    /// The date its PDF is stamped with, made byte-stable ([`stable`]); `None`: as the browser
    /// wrote it.
    pub date: Option<Date>,
}

impl PrintJob {
    /// A draft's PDF says so in its name (`…-laporan-draf.pdf`), beside the final one, never
    /// in its place.
    pub fn mark_draft(&mut self) {
        if let Some(stem) = self.pdf_name.strip_suffix(".pdf") {
            self.pdf_name = format!("{stem}-draf.pdf");
        }
    }
}

/// Why the pages asked for cannot be listed.
#[derive(Debug, thiserror::Error)]
pub enum SelectError {
    #[error("{}", PdfMessage::PdfUnknownRegion { slug: slug.clone() }.text(Lang::En))]
    UnknownRegion { slug: String, known: Vec<String> },
    #[error("{}", PdfMessage::PdfNoReport { year: *year, region: region.clone() }.text(Lang::En))]
    NoReport {
        year: i32,
        region: Option<String>,
        /// The years that have a report (for that region, when one was named).
        years: Vec<i32>,
    },
    #[error("{}", PdfMessage::PdfNothingToPrint.text(Lang::En))]
    Nothing,
    #[error("{}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl SelectError {
    /// The error as the user reads it, with what to write instead.
    pub fn diagnostic(&self) -> Diagnostic {
        match self {
            SelectError::UnknownRegion { slug, known } => {
                let hint: Text =
                    match crate::base::suggest::nearest(slug, known.iter().map(String::as_str)) {
                        Some(suggestion) => Message::HintDidYouMean { suggestion }.into(),
                        None => PdfMessage::HintKnownRegions {
                            known: known.clone(),
                        }
                        .into(),
                    };
                Diagnostic::error(PdfMessage::PdfUnknownRegion { slug: slug.clone() }).hint(hint)
            }
            SelectError::NoReport {
                year,
                region,
                years,
            } => Diagnostic::error(PdfMessage::PdfNoReport {
                year: *year,
                region: region.clone(),
            })
            .hint(PdfMessage::HintReportYears {
                years: years.clone(),
            }),
            SelectError::Nothing => Diagnostic::error(PdfMessage::PdfNothingToPrint),
            SelectError::Read { path, source } => Diagnostic::error(LoadMessage::ReadFailed {
                detail: crate::base::messages::IoProblem::of(source),
            })
            .in_file(path),
        }
    }
}

fn sorted_names(dir: &Path) -> Result<Vec<String>, SelectError> {
    let read = |source| SelectError::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read)? {
        let entry = entry.map_err(read)?;
        if entry.file_type().map_err(read)?.is_dir()
            && let Ok(name) = entry.file_name().into_string()
        {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// The years of a region folder that hold an annual report, ascending.
fn report_years(region: &Path) -> Result<Vec<i32>, SelectError> {
    let mut years: Vec<i32> = sorted_names(region)?
        .iter()
        .filter(|n| n.len() == 4)
        .filter_map(|n| n.parse::<i32>().ok())
        .filter(|y| (1990..=2100).contains(y))
        .filter(|y| region.join(y.to_string()).join("index.html").is_file())
        .collect();
    years.sort_unstable();
    Ok(years)
}

/// Every report of the built site in `output` (and its evaluation sheet where one was built),
/// narrowed to one region and/or one year, in region, year, kind order.
pub fn select(
    output: &Path,
    region: Option<&str>,
    year: Option<i32>,
) -> Result<Vec<PrintJob>, SelectError> {
    let mut regions = Vec::new();
    for slug in sorted_names(output)? {
        if valid_slug(&slug) && !RESERVED_SLUGS.contains(&slug.as_str()) {
            let years = report_years(&output.join(&slug))?;
            if !years.is_empty() {
                regions.push((slug, years));
            }
        }
    }
    if let Some(wanted) = region
        && !regions.iter().any(|(slug, _)| slug == wanted)
    {
        return Err(SelectError::UnknownRegion {
            slug: wanted.to_string(),
            known: regions.into_iter().map(|(slug, _)| slug).collect(),
        });
    }
    regions.retain(|(slug, _)| region.is_none_or(|r| r == slug));
    if let Some(wanted) = year
        && !regions.iter().any(|(_, years)| years.contains(&wanted))
    {
        let mut years: Vec<i32> = regions.iter().flat_map(|(_, y)| y.clone()).collect();
        years.sort_unstable();
        years.dedup();
        return Err(SelectError::NoReport {
            year: wanted,
            region: region.map(str::to_string),
            years,
        });
    }
    let mut jobs = Vec::new();
    for (slug, years) in regions {
        for y in years.into_iter().filter(|y| year.is_none_or(|w| w == *y)) {
            for (kind, page) in [
                (PageKind::Report, report_page(&slug, y)),
                (PageKind::Evaluation, sheet_page(&slug, y)),
            ] {
                if output.join(&page).is_file() {
                    jobs.push(PrintJob {
                        pdf_name: format!("{slug}-{y}-{}.pdf", kind.file_word()),
                        slug: slug.clone(),
                        year: y,
                        kind,
                        page,
                        date: None,
                    });
                }
            }
        }
    }
    if jobs.is_empty() {
        return Err(SelectError::Nothing);
    }
    Ok(jobs)
}

/// How many printers run at once: the machine's cores, at most 4 (each Chromium is heavy).
pub fn printers() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
}

/// Prints every job from `output` into `folder`, `workers` at a time, and calls `done` on the
/// calling thread as each one finishes (in the order they finish). One browser prints every
/// page in `workers` tabs; where it cannot be started or reached that way, `one_by_one` is
/// told why (before any page is printed) and each page gets a browser of its own.
pub fn print_all(
    chromium: &Path,
    output: &Path,
    jobs: &[PrintJob],
    folder: &Path,
    workers: usize,
    one_by_one: impl FnOnce(PdfFailure),
    mut done: impl FnMut(&PrintJob, Result<(), PrintError>, Duration),
) {
    // A printed PDF with a date is made byte-stable before it is told done.
    let mut done = |job: &PrintJob, result: Result<(), PrintError>, took| {
        let pdf = folder.join(&job.pdf_name);
        let result = result.and_then(|()| match job.date {
            Some(date) => stable::stabilise_file(&pdf, date)
                .map_err(|e| PrintError::write(&job.page, &pdf, e)),
            None => Ok(()),
        });
        done(job, result, took);
    };
    // The browser's profile and the PDFs in the making sit in the PDF folder rather than the
    // system's temp folder, which a snap-packaged Chromium cannot see.
    clear_leftovers(folder);
    let work = match work_folder(folder) {
        Ok(work) => work,
        Err(e) => {
            for job in jobs {
                done(
                    job,
                    Err(PrintError::write(&job.page, folder, &e)),
                    Duration::ZERO,
                );
            }
            return;
        }
    };
    match devtools::Browser::launch(chromium, work.path()) {
        Ok(mut browser) => {
            let pages: Vec<devtools::Page> = jobs
                .iter()
                .map(|job| devtools::Page {
                    html: output.join(&job.page),
                    pdf: folder.join(&job.pdf_name),
                })
                .collect();
            // Tabs are light beside browsers: two per printer keep the cores busy while a
            // page loads or its PDF travels (sample: 7,5 s with 4 tabs, 7,7 s with 2, on 2 cores).
            let tabs = workers * 2;
            browser.print_pages(
                &pages,
                tabs,
                PRINT_TIMEOUT,
                work.path(),
                |i, result, took| {
                    let job = &jobs[i];
                    let result = result.map_err(|reason| PrintError {
                        page: output.join(&job.page).display().to_string(),
                        reason,
                    });
                    done(job, result, took);
                },
            );
            browser.close();
        }
        Err(reason) => {
            one_by_one(reason);
            print_each(chromium, output, jobs, folder, workers, done);
        }
    }
}

/// The name of a print run's work folder in the PDF folder.
const WORK_PREFIX: &str = ".tkpk-cetak-";
/// Inside a work folder: locked by its run for as long as it prints.
const WORK_LOCK: &str = ".kunci";

/// A print run's work folder (browser profile, PDFs in the making), removed when dropped, with
/// its lock held: a run stopped by Ctrl-C or a kill leaves it unlocked for the next run to clear.
struct WorkFolder {
    // Declared first, so dropped (unlocked and closed) before the folder is removed: Windows
    // does not remove a folder with a file open in it.
    _lock: Option<std::fs::File>,
    dir: tempfile::TempDir,
}

impl WorkFolder {
    fn path(&self) -> &Path {
        self.dir.path()
    }
}

fn work_folder(folder: &Path) -> std::io::Result<WorkFolder> {
    let dir = tempfile::Builder::new()
        .prefix(WORK_PREFIX)
        .tempdir_in(folder)?;
    let lock = std::fs::File::create(dir.path().join(WORK_LOCK))
        .ok()
        .filter(|f| f.lock().is_ok());
    Ok(WorkFolder { _lock: lock, dir })
}

/// Removes the work folders that runs stopped by Ctrl-C or a kill left in the PDF folder: those
/// whose lock no run holds, and (from before the lock, or made in the instant before it) those
/// without one that are more than a minute old. Only tkpk's own folders, never through a link.
fn clear_leftovers(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let ours = entry.file_name().to_string_lossy().starts_with(WORK_PREFIX);
        if !ours || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let stale = match std::fs::OpenOptions::new()
            .write(true)
            .open(path.join(WORK_LOCK))
        {
            Ok(lock) => lock.try_lock().is_ok(),
            Err(_) => entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > Duration::from_secs(60))),
        };
        if stale {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Prints every job with a browser of its own, `workers` at a time.
fn print_each(
    chromium: &Path,
    output: &Path,
    jobs: &[PrintJob],
    folder: &Path,
    workers: usize,
    mut done: impl FnMut(&PrintJob, Result<(), PrintError>, Duration),
) {
    let next = AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..workers.clamp(1, jobs.len().max(1)) {
            let tx = tx.clone();
            let next = &next;
            scope.spawn(move || {
                // A work folder per printer (browser profile, PDF in the making), reused for
                // its pages and removed at the end.
                let work = work_folder(folder);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let started = Instant::now();
                    let result = match &work {
                        Ok(dir) => print(
                            chromium,
                            &output.join(&job.page),
                            &folder.join(&job.pdf_name),
                            dir.path(),
                            PRINT_TIMEOUT,
                        ),
                        Err(e) => Err(PrintError::write(&job.page, folder, e)),
                    };
                    if tx.send((i, result, started.elapsed())).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (i, result, elapsed) in rx {
            done(&jobs[i], result, elapsed);
        }
    });
}

#[cfg(test)]
mod tests {
    /// A work folder that a stopped run left (its lock free) is cleared by the next run; one
    /// a running print holds, and anything that is not tkpk's, stay.
    #[test]
    fn a_stopped_runs_work_folder_is_cleared_and_a_running_ones_kept() {
        let pdf = tempfile::tempdir().unwrap();
        let left = pdf.path().join(".tkpk-cetak-ditinggal");
        std::fs::create_dir_all(left.join("profil")).unwrap();
        std::fs::write(left.join(super::WORK_LOCK), "").unwrap();
        std::fs::write(left.join("halaman.pdf"), "%PDF").unwrap();
        let running = super::work_folder(pdf.path()).unwrap();
        let fresh = pdf.path().join(".tkpk-cetak-baru");
        std::fs::create_dir(&fresh).unwrap();
        let other = pdf.path().join("tkpk-cetak-milik-pengguna");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(pdf.path().join(".tkpk-cetak-berkas"), "x").unwrap();
        super::clear_leftovers(pdf.path());
        assert!(!left.exists(), "the stopped run's folder is cleared");
        assert!(
            running.path().join(super::WORK_LOCK).is_file(),
            "a running print keeps its folder"
        );
        assert!(fresh.is_dir(), "a folder without a lock, just made, stays");
        assert!(other.is_dir() && pdf.path().join(".tkpk-cetak-berkas").is_file());
        let kept = running.path().to_path_buf();
        drop(running);
        assert!(!kept.exists());
    }

    use super::*;

    /// The `dasar` fixture built into a temporary folder (reports for 2023, 2024, 2025), with
    /// an evaluation sheet for 2025 and folders that are not reports.
    fn built() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dasar");
        let out = dir.path().join("output");
        crate::site::build(&fixture, &out).unwrap_or_else(|f| panic!("{f}"));
        std::fs::create_dir_all(out.join("kabupaten-contoh/2025/penilaian")).unwrap();
        std::fs::write(out.join("kabupaten-contoh/2025/penilaian/index.html"), "x").unwrap();
        // A year folder without a page, and a copy of a region under a reserved name.
        std::fs::create_dir_all(out.join("kabupaten-contoh/2030")).unwrap();
        std::fs::create_dir_all(out.join("en/2025")).unwrap();
        std::fs::write(out.join("en/2025/index.html"), "x").unwrap();
        dir
    }

    fn names(jobs: &[PrintJob]) -> Vec<&str> {
        jobs.iter().map(|j| j.pdf_name.as_str()).collect()
    }

    #[test]
    fn selects_every_report_and_the_evaluation_sheets_that_exist() {
        let dir = built();
        let jobs = select(&dir.path().join("output"), None, None).unwrap();
        assert_eq!(
            names(&jobs),
            [
                "kabupaten-contoh-2023-laporan.pdf",
                "kabupaten-contoh-2023-penilaian.pdf",
                "kabupaten-contoh-2024-laporan.pdf",
                "kabupaten-contoh-2024-penilaian.pdf",
                "kabupaten-contoh-2025-laporan.pdf",
                "kabupaten-contoh-2025-penilaian.pdf",
            ]
        );
        assert_eq!(jobs[5].page, "kabupaten-contoh/2025/penilaian/index.html");
        assert_eq!(jobs[5].kind, PageKind::Evaluation);
        assert_eq!(jobs[0].page, "kabupaten-contoh/2023/index.html");
        assert_eq!(
            (jobs[0].slug.as_str(), jobs[0].year),
            ("kabupaten-contoh", 2023)
        );
    }

    #[test]
    fn narrows_to_a_region_and_a_year() {
        let dir = built();
        let out = dir.path().join("output");
        let jobs = select(&out, Some("kabupaten-contoh"), Some(2024)).unwrap();
        assert_eq!(
            names(&jobs),
            [
                "kabupaten-contoh-2024-laporan.pdf",
                "kabupaten-contoh-2024-penilaian.pdf"
            ]
        );
        let jobs = select(&out, None, Some(2025)).unwrap();
        assert_eq!(
            names(&jobs),
            [
                "kabupaten-contoh-2025-laporan.pdf",
                "kabupaten-contoh-2025-penilaian.pdf"
            ]
        );
    }

    #[test]
    fn an_unknown_region_or_year_names_what_exists() {
        let dir = built();
        let out = dir.path().join("output");
        let e = select(&out, Some("kabupaten-contih"), None).unwrap_err();
        let text = e.diagnostic().render(Lang::Id);
        assert!(
            text.contains("wilayah `kabupaten-contih` tidak ada"),
            "{text}"
        );
        assert!(text.contains("`kabupaten-contoh`"), "{text}");
        let e = select(&out, Some("provinsi"), None).unwrap_err();
        assert!(
            matches!(&e, SelectError::UnknownRegion { known, .. } if known == &["kabupaten-contoh"])
        );
        let e = select(&out, Some("kabupaten-contoh"), Some(2030)).unwrap_err();
        let text = e.diagnostic().render(Lang::Id);
        assert!(
            text.contains("tidak ada laporan tahun 2030 untuk `kabupaten-contoh`"),
            "{text}"
        );
        assert!(text.contains("2023, 2024, 2025"), "{text}");
        let e = select(&out, None, Some(1999)).unwrap_err();
        assert!(
            e.diagnostic()
                .render(Lang::En)
                .contains("no report for 1999")
        );
    }

    #[test]
    fn an_empty_or_missing_output_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            select(dir.path(), None, None),
            Err(SelectError::Nothing)
        ));
        assert!(matches!(
            select(&dir.path().join("tidak-ada"), None, None),
            Err(SelectError::Read { .. })
        ));
    }

    /// Where the browser cannot be driven through DevTools (a policy, an old browser), each
    /// page is printed by a browser of its own, and the user is told why first.
    #[cfg(unix)]
    #[test]
    fn a_browser_without_devtools_prints_page_by_page() {
        use std::os::unix::fs::PermissionsExt;
        let dir = built();
        let out = dir.path().join("output");
        let folder = dir.path().join("pdf");
        std::fs::create_dir(&folder).unwrap();
        let script = dir.path().join("peramban-lama");
        std::fs::write(
            &script,
            "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --remote-debugging-port=*) echo 'DevTools dimatikan' >&2; exit 4;; --print-to-pdf=*) out=\"${a#--print-to-pdf=}\";; esac; done\nprintf '%%PDF-1.4' > \"$out\"\n",
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let jobs = select(&out, None, Some(2025)).unwrap();
        let why = std::cell::RefCell::new(None);
        let mut printed = Vec::new();
        print_all(
            &script,
            &out,
            &jobs,
            &folder,
            2,
            |reason| *why.borrow_mut() = Some(reason),
            |job, result, _| {
                assert!(why.borrow().is_some(), "told after printing began");
                printed.push((job.pdf_name.clone(), result.is_ok()));
            },
        );
        assert_eq!(
            why.into_inner(),
            Some(PdfFailure::Exit {
                code: Some(4),
                output: "DevTools dimatikan".into()
            })
        );
        printed.sort();
        assert_eq!(
            printed,
            [
                ("kabupaten-contoh-2025-laporan.pdf".to_string(), true),
                ("kabupaten-contoh-2025-penilaian.pdf".to_string(), true)
            ]
        );
        assert_eq!(
            std::fs::read(folder.join("kabupaten-contoh-2025-laporan.pdf")).unwrap(),
            b"%PDF-1.4"
        );
        // No work folder is left in the PDF folder.
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 2);
    }

    #[test]
    fn printers_are_between_one_and_four() {
        assert!((1..=4).contains(&printers()));
    }
}
