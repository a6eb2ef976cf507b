//! The messages of `tkpk pdf`, in Indonesian and English: each variant holds the facts and is
//! worded beside its definition.

use crate::base::lang::Lang;
use crate::base::messages::{Words, list};

/// A message of `tkpk pdf`.
#[derive(Clone, Debug, PartialEq)]
pub enum PdfMessage {
    // Printing to PDF.
    PdfNoChromium {
        /// The value of `TKPK_CHROMIUM` when it is set but names no program.
        env: Option<String>,
    },
    PdfUnknownRegion {
        slug: String,
    },
    PdfNoReport {
        year: i32,
        region: Option<String>,
    },
    PdfNothingToPrint,
    PdfPrintFailed {
        page: String,
        reason: PdfFailure,
    },
    /// The one-browser path could not start; each page gets a browser of its own.
    PdfOneByOne {
        reason: PdfFailure,
    },
    HintKnownRegions {
        known: Vec<String>,
    },
    HintReportYears {
        years: Vec<i32>,
    },
}

/// Why Chromium did not turn a page into a PDF.
#[derive(Clone, Debug, PartialEq)]
pub enum PdfFailure {
    /// The program could not be started.
    Start { program: String, detail: String },
    /// It ended with a failure code; `output` is the end of what it printed.
    Exit { code: Option<i32>, output: String },
    /// It ran longer than `seconds` and was stopped.
    Timeout { seconds: u64 },
    /// It ended well but wrote no PDF (or something else than a PDF).
    NoPdf { output: String },
    /// The PDF could not be put in place.
    Write { path: String, detail: String },
    /// The browser's DevTools connection said something unexpected or broke.
    Protocol { detail: String },
    /// The browser did not say where its DevTools listen (or said it may not).
    NoDevTools { output: String },
    /// The browser opened no tab to print in, or did not get it ready, within `seconds`.
    NoTab { seconds: u64 },
}

impl PdfFailure {
    fn text(&self, lang: Lang) -> String {
        let t = |a: String, b: String| if lang == Lang::Id { a } else { b };
        match self {
            PdfFailure::Start { program, detail } => t(
                format!("`{program}` tidak dapat dijalankan: {detail}"),
                format!("`{program}` cannot be started: {detail}"),
            ),
            PdfFailure::Exit { code, output } => {
                let code = code.map_or_else(|| "-".to_string(), |c| c.to_string());
                t(
                    format!("Chromium berhenti dengan kode {code}: {output}"),
                    format!("Chromium ended with code {code}: {output}"),
                )
            }
            PdfFailure::Timeout { seconds } => t(
                format!("Chromium belum selesai setelah {seconds} detik dan dihentikan"),
                format!("Chromium had not finished after {seconds} s and was stopped"),
            ),
            PdfFailure::NoPdf { output } => t(
                format!("Chromium tidak menghasilkan PDF: {output}"),
                format!("Chromium wrote no PDF: {output}"),
            ),
            PdfFailure::Write { path, detail } => t(
                format!("gagal menulis `{path}`: {detail}"),
                format!("cannot write `{path}`: {detail}"),
            ),
            PdfFailure::NoDevTools { output } => t(
                format!(
                    "Chromium tidak membuka DevTools (mungkin dimatikan oleh kebijakan kantor): {output}"
                ),
                format!(
                    "Chromium opened no DevTools (perhaps turned off by an office policy): {output}"
                ),
            ),
            PdfFailure::NoTab { seconds } => t(
                format!("Chromium tidak menyiapkan tab untuk mencetak dalam {seconds} detik"),
                format!("Chromium had no tab ready to print in within {seconds} s"),
            ),
            PdfFailure::Protocol { detail } => t(
                format!("sambungan DevTools ke Chromium gagal: {detail}"),
                format!("the DevTools connection to Chromium failed: {detail}"),
            ),
        }
    }
}

impl Words for PdfMessage {
    fn text(&self, lang: Lang) -> String {
        use PdfMessage::*;
        let t = |a: String, b: String| if lang == Lang::Id { a } else { b };
        match self {
            PdfNoChromium { env: None } => t(
                "Chromium, Google Chrome atau Microsoft Edge tidak ditemukan; tkpk memerlukan salah satunya untuk mencetak PDF".into(),
                "Chromium, Google Chrome or Microsoft Edge is not found; tkpk needs one of them to print PDFs".into(),
            ),
            PdfNoChromium { env: Some(path) } => t(
                format!("TKPK_CHROMIUM menunjuk `{path}`, tetapi program itu tidak ada atau tidak dapat dijalankan"),
                format!("TKPK_CHROMIUM names `{path}`, but there is no program there that can be run"),
            ),
            PdfUnknownRegion { slug } => t(
                format!("wilayah `{slug}` tidak ada di situs ini"),
                format!("there is no region `{slug}` in this site"),
            ),
            PdfNoReport { year, region: None } => t(
                format!("tidak ada laporan tahun {year} di situs ini"),
                format!("there is no report for {year} in this site"),
            ),
            PdfNoReport { year, region: Some(slug) } => t(
                format!("tidak ada laporan tahun {year} untuk `{slug}`"),
                format!("there is no report for {year} for `{slug}`"),
            ),
            PdfNothingToPrint => t(
                "situs ini belum memiliki laporan untuk dicetak".into(),
                "this site has no report to print yet".into(),
            ),
            PdfPrintFailed { page, reason } => {
                let why = reason.text(lang);
                t(
                    format!("halaman `{page}` gagal dicetak ke PDF: {why}"),
                    format!("the page `{page}` could not be printed to PDF: {why}"),
                )
            }
            PdfOneByOne { reason } => {
                let why = reason.text(lang);
                t(
                    format!("pencetakan cepat (satu peramban untuk semua halaman) tidak dapat dipakai: {why}; setiap halaman dicetak dengan peramban tersendiri, lebih lambat"),
                    format!("fast printing (one browser for every page) is not available: {why}; each page is printed by a browser of its own, more slowly"),
                )
            }
            HintKnownRegions { known } => t(
                format!("wilayah yang ada: {}", list(known)),
                format!("the regions are: {}", list(known)),
            ),
            HintReportYears { years } => {
                let years: Vec<String> = years.iter().map(i32::to_string).collect();
                t(
                    format!("tahun yang ada laporannya: {}", years.join(", ")),
                    format!("the years with a report: {}", years.join(", ")),
                )
            }
        }
    }
}
