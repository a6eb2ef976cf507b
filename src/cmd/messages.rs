//! The messages of the commands themselves: progress, `tkpk serve`, `tkpk new` and the summary
//! lines, in Indonesian and English: each variant holds the facts and is worded beside its
//! definition.

use tkpk::base::lang::{Lang, en_count};
use tkpk::base::messages::Words;

/// A message of the commands themselves: progress, `tkpk serve`, `tkpk new` and the summary lines.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum CommandMessage {
    // The command line (clap's mistakes, said by `cmd::usage`).
    UsageNoCommand,
    UsageHelpCommand,
    UsageUnknownCommand {
        given: String,
    },
    UsageUnknownOption {
        given: String,
        command: Option<String>,
    },
    UsageUnexpectedWord {
        given: String,
        command: Option<String>,
    },
    UsageBadValue {
        option: String,
        value: String,
    },
    UsageMissingValue {
        option: String,
    },
    UsageMissingArgument {
        what: String,
        command: Option<String>,
    },
    UsageTwice {
        option: String,
    },
    UsageOther,
    HintUsageHelp {
        command: Option<String>,
    },
    HintCommands {
        commands: Vec<String>,
    },
    HintQuoteSpaces,
    HintPortNumber,
    HintYearNumber,
    // Serving and new sites.
    ServeListening {
        url: String,
    },
    ServeRebuilt {
        pages: usize,
        millis: u128,
        /// The files that started the build (none for the first).
        changed: Vec<String>,
    },
    ServeRebuildFailed {
        errors: usize,
        millis: u128,
    },
    ServeStartFailed {
        address: String,
        detail: tkpk::base::messages::IoProblem,
    },
    ServeWatchFailed {
        detail: String,
    },
    NewNotEmpty {
        path: String,
    },
    NewUnknownProvince {
        slug: String,
    },
    NewUnknownRegion {
        name: String,
    },
    NewBadRegionName {
        name: String,
    },
    NewCreated {
        path: String,
        region: String,
    },
    HintServePort,
    HintNewDir,
    HintRegionName,
    PdfPrinted {
        done: usize,
        total: usize,
        slug: String,
        year: i32,
        evaluation: bool,
        path: String,
        seconds: String,
    },
    PdfNotPrinted {
        done: usize,
        total: usize,
        slug: String,
        year: i32,
        evaluation: bool,
    },
    HintInstallChromium,
    HintPdfFailed,
    WaitingForOutput {
        path: String,
    },
    ImportRolledBack {
        files: usize,
        kept: Vec<String>,
    },
    ImportNotRolledBack {
        detail: String,
    },
    // Summary lines.
    SummaryBuilt {
        pages: usize,
        warnings: usize,
        seconds: String,
        output: String,
    },
    SummaryChecked {
        regions: usize,
        warnings: usize,
        seconds: String,
    },
    SummaryFailed {
        errors: usize,
        warnings: usize,
    },
    SummaryPdf {
        files: usize,
        folder: String,
        failed: usize,
        seconds: String,
    },
    /// `tkpk paket`'s last line: the bundle written, replaced (`--timpa`) or found the same.
    SummaryPaket {
        path: String,
        files: usize,
        kib: u64,
        replaced: bool,
        unchanged: bool,
        seconds: String,
    },
}

impl Words for CommandMessage {
    fn text(&self, lang: Lang) -> String {
        use CommandMessage::*;
        let t = |a: String, b: String| if lang == Lang::Id { a } else { b };
        match self {
            UsageNoCommand => t(
                "tulis salah satu perintah di bawah ini, misalnya `tkpk build`".into(),
                "write one of the commands below, for example `tkpk build`".into(),
            ),
            UsageHelpCommand => t(
                "tkpk tidak punya perintah `help`".into(),
                "tkpk has no `help` command".into(),
            ),
            UsageUnknownCommand { given } => t(
                format!("perintah `{given}` tidak dikenal"),
                format!("unknown command `{given}`"),
            ),
            UsageUnknownOption { given, command } => t(
                match command {
                    Some(c) => format!("opsi `{given}` tidak dikenal oleh `tkpk {c}`"),
                    None => format!("opsi `{given}` tidak dikenal"),
                },
                match command {
                    Some(c) => format!("`tkpk {c}` has no option `{given}`"),
                    None => format!("unknown option `{given}`"),
                },
            ),
            UsageUnexpectedWord { given, command } => t(
                format!(
                    "`{given}` tidak diharapkan di sini{}",
                    command.as_ref().map(|c| format!(" (`tkpk {c}`)")).unwrap_or_default()
                ),
                format!(
                    "`{given}` is not expected here{}",
                    command.as_ref().map(|c| format!(" (`tkpk {c}`)")).unwrap_or_default()
                ),
            ),
            UsageBadValue { option, value } => t(
                format!("nilai `{value}` untuk `{option}` tidak sah"),
                format!("`{value}` is not a valid value for `{option}`"),
            ),
            UsageMissingValue { option } => t(
                format!("opsi `{option}` memerlukan nilai sesudahnya"),
                format!("the option `{option}` needs a value after it"),
            ),
            UsageMissingArgument { what, command } => t(
                match command {
                    Some(c) => format!("`{what}` belum ditulis: `tkpk {c}` memerlukannya"),
                    None => format!("`{what}` belum ditulis"),
                },
                match command {
                    Some(c) => format!("`{what}` is missing: `tkpk {c}` needs it"),
                    None => format!("`{what}` is missing"),
                },
            ),
            UsageTwice { option } => t(
                format!("opsi `{option}` ditulis dua kali atau bertentangan dengan opsi lain"),
                format!("the option `{option}` is given twice or conflicts with another"),
            ),
            UsageOther => t(
                "baris perintah ini tidak dapat dibaca".into(),
                "this command line cannot be read".into(),
            ),
            HintUsageHelp { command: Some(c) } => t(
                format!("lihat cara pakainya dengan `tkpk {c} --help`"),
                format!("see how to use it with `tkpk {c} --help`"),
            ),
            HintUsageHelp { command: None } => t(
                "lihat daftar perintah dengan `tkpk --help`, dan bantuan satu perintah dengan `tkpk build --help`".into(),
                "see the commands with `tkpk --help`, and one command's help with `tkpk build --help`".into(),
            ),
            HintCommands { commands } => t(
                format!("perintah yang ada: {}", commands.join(", ")),
                format!("the commands are: {}", commands.join(", ")),
            ),
            HintQuoteSpaces => t(
                "nama yang memuat spasi diapit tanda kutip, misalnya `--wilayah \"Kabupaten Ponorogo\"`".into(),
                "a name with spaces goes in quotes, for example `--wilayah \"Kabupaten Ponorogo\"`".into(),
            ),
            HintPortNumber => t(
                "tulis nomor port 1–65535, misalnya `--port 8080`".into(),
                "write a port number 1–65535, for example `--port 8080`".into(),
            ),
            HintYearNumber => t(
                "tulis tahun dengan empat angka, misalnya `--tahun 2025`".into(),
                "write the year in four digits, for example `--tahun 2025`".into(),
            ),
            ServeListening { url } => t(
                format!("situs disajikan di {url} (tekan Ctrl+C untuk berhenti); perubahan berkas dibangun ulang otomatis"),
                format!("serving the site at {url} (Ctrl+C to stop); changed files are rebuilt automatically"),
            ),
            ServeRebuilt {
                pages,
                millis,
                changed,
            } => {
                let files: Vec<&str> = changed.iter().take(5).map(String::as_str).collect();
                let more = changed.len().saturating_sub(5);
                let list = |and: &str, others: &str| {
                    let mut l = files.join(", ");
                    if more > 0 {
                        l.push_str(&format!(" {and} {more} {others}"));
                    }
                    l
                };
                match (changed.is_empty(), lang) {
                    (true, Lang::Id) => format!("dibangun: {pages} halaman dalam {millis} ms"),
                    (true, Lang::En) => format!("built: {} in {millis} ms", en_count(*pages, "page", "pages")),
                    (false, Lang::Id) => format!(
                        "dibangun ulang setelah {} berubah: {pages} halaman dalam {millis} ms",
                        list("dan", "lainnya")
                    ),
                    (false, Lang::En) => format!(
                        "rebuilt after {} changed: {} in {millis} ms",
                        list("and", "more"),
                        en_count(*pages, "page", "pages")
                    ),
                }
            }
            ServeRebuildFailed { errors, millis } => t(
                format!("belum dapat dibangun ulang ({errors} galat, {millis} ms); versi terakhir yang berhasil tetap disajikan"),
                format!("cannot rebuild yet ({}, {millis} ms); the last good version is still served", en_count(*errors, "error", "errors")),
            ),
            ServeStartFailed { address, detail } => t(
                format!("tidak dapat menyajikan situs di {address}: {}", detail.text(Lang::Id)),
                format!("cannot serve the site at {address}: {}", detail.text(Lang::En)),
            ),
            ServeWatchFailed { detail } => t(
                format!("tidak dapat mengamati perubahan berkas: {detail}"),
                format!("cannot watch the files for changes: {detail}"),
            ),
            NewNotEmpty { path } => t(
                format!("folder `{path}` sudah berisi; tkpk new hanya menulis ke folder baru atau kosong"),
                format!("the folder `{path}` is not empty; tkpk new only writes into a new or empty folder"),
            ),
            NewUnknownRegion { name } => t(
                format!("\"{name}\" bukan kabupaten/kota provinsi itu menurut daftar resmi Kepmendagri 2025"),
                format!("\"{name}\" is not a regency or city of that province in the official Kepmendagri 2025 list"),
            ),
            NewUnknownProvince { slug } => t(
                format!("provinsi `{slug}` tidak dikenal"),
                format!("unknown province `{slug}`"),
            ),
            NewBadRegionName { name } => t(
                format!("nama wilayah `{name}` tidak dapat dijadikan nama folder"),
                format!("the region name `{name}` cannot become a folder name"),
            ),
            NewCreated { path, region } => t(
                format!("situs baru untuk {region} dibuat di {path}; lanjutkan dengan `tkpk serve --root {path}` atau `tkpk build --root {path}`"),
                format!("a new site for {region} is in {path}; go on with `tkpk serve --root {path}` or `tkpk build --root {path}`"),
            ),
            HintServePort => t(
                "port itu mungkin sudah dipakai; pilih yang lain, misalnya `--port 1112`".into(),
                "the port may be in use; choose another, for example `--port 1112`".into(),
            ),
            HintNewDir => t(
                "pilih nama folder lain, misalnya `tkpk new situs-tkpk`".into(),
                "choose another folder name, for example `tkpk new tkpk-site`".into(),
            ),
            HintRegionName => t(
                "tulis nama resmi dengan huruf biasa, misalnya `--wilayah \"Kabupaten Blitar\"`".into(),
                "write the official name in plain letters, for example `--wilayah \"Kabupaten Blitar\"`".into(),
            ),
            PdfPrinted {
                done,
                total,
                slug,
                year,
                evaluation,
                path,
                seconds,
            } => t(
                format!(
                    "[{done}/{total}] {slug} {year} {} → {path} ({seconds} s)",
                    if *evaluation { "penilaian" } else { "laporan" }
                ),
                format!(
                    "[{done}/{total}] {slug} {year} {} → {path} ({seconds} s)",
                    if *evaluation { "evaluation sheet" } else { "report" }
                ),
            ),
            PdfNotPrinted {
                done,
                total,
                slug,
                year,
                evaluation,
            } => t(
                format!(
                    "[{done}/{total}] {slug} {year} {}: gagal",
                    if *evaluation { "penilaian" } else { "laporan" }
                ),
                format!(
                    "[{done}/{total}] {slug} {year} {}: failed",
                    if *evaluation { "evaluation sheet" } else { "report" }
                ),
            ),
            // What to install is said for the system the planner is on.
            HintInstallChromium if cfg!(windows) => t(
                "Microsoft Edge biasanya sudah ada di Windows, di `C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe`; bila ada di tempat lain, tulis letaknya di variabel TKPK_CHROMIUM, misalnya `$env:TKPK_CHROMIUM=\"D:\\Edge\\msedge.exe\"` di PowerShell, lalu jalankan `tkpk pdf` lagi".into(),
                "Microsoft Edge is usually on Windows, at `C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe`; if it is elsewhere, give its path in TKPK_CHROMIUM, for example `$env:TKPK_CHROMIUM=\"D:\\Edge\\msedge.exe\"` in PowerShell, then run `tkpk pdf` again".into(),
            ),
            HintInstallChromium if cfg!(target_os = "macos") => t(
                "pasang Google Chrome atau Microsoft Edge di /Applications; atau tulis letak programnya di variabel TKPK_CHROMIUM, misalnya `TKPK_CHROMIUM=\"/Applications/Chromium.app/Contents/MacOS/Chromium\" tkpk pdf`".into(),
                "install Google Chrome or Microsoft Edge in /Applications; or give the program's path in TKPK_CHROMIUM, for example `TKPK_CHROMIUM=\"/Applications/Chromium.app/Contents/MacOS/Chromium\" tkpk pdf`".into(),
            ),
            HintInstallChromium => t(
                "di Debian/Ubuntu: `sudo apt-get install chromium`; atau pasang Google Chrome atau Microsoft Edge; atau tulis letak programnya di variabel TKPK_CHROMIUM, misalnya `TKPK_CHROMIUM=/usr/bin/chromium tkpk pdf`".into(),
                "on Debian/Ubuntu: `sudo apt-get install chromium`; or install Google Chrome or Microsoft Edge; or give the program's path in TKPK_CHROMIUM, for example `TKPK_CHROMIUM=/usr/bin/chromium tkpk pdf`".into(),
            ),
            HintPdfFailed => t(
                "buka halaman itu di peramban untuk memeriksanya, lalu jalankan `tkpk pdf` lagi; PDF lain yang sudah jadi tetap disimpan".into(),
                "open that page in a browser to check it, then run `tkpk pdf` again; the other PDFs are kept".into(),
            ),
            ImportRolledBack { files, kept } => {
                let kept_id = if kept.is_empty() {
                    String::new()
                } else {
                    format!("; berkas yang sudah diubah sesudah impor itu dibiarkan, aslinya disimpan di sampingnya sebagai `*.sebelum-impor`: {}", kept.join(", "))
                };
                let kept_en = if kept.is_empty() {
                    String::new()
                } else {
                    format!("; files changed since that import are kept, their originals saved beside them as `*.sebelum-impor`: {}", kept.join(", "))
                };
                t(
                    format!("peringatan: impor sebelumnya terhenti di tengah jalan; {files} berkas dikembalikan seperti sebelum impor itu (jalankan impornya lagi bila perlu){kept_id}"),
                    format!("warning: an earlier import stopped half way; {} put back as {} before it (run that import again if needed){kept_en}", en_count(*files, "file was", "files were"), if *files == 1 { "it was" } else { "they were" }),
                )
            }
            ImportNotRolledBack { detail } => t(
                format!("galat: impor sebelumnya terhenti di tengah jalan dan belum dapat dibatalkan ({detail}); situs mungkin memuat setengah impor, maka tkpk berhenti. Salinan aslinya ada di folder .tkpk-impor: perbaiki penyebabnya (misalnya izin berkas) lalu jalankan lagi"),
                format!("error: an earlier import stopped half way and could not be rolled back ({detail}); the site may hold half of it, so tkpk stops. The originals are in the .tkpk-impor folder: fix the cause (file permissions, say) and run again"),
            ),
            WaitingForOutput { path } => t(
                format!("menunggu: build lain sedang menulis ke `{path}`; build ini mulai begitu yang itu selesai"),
                format!("waiting: another build is writing to `{path}`; this one starts as soon as that one is done"),
            ),
            SummaryBuilt {
                pages,
                warnings,
                seconds,
                output,
            } => t(
                format!("selesai: {pages} halaman ditulis ke {output}, {warnings} peringatan, {seconds} detik"),
                format!("done: {} written to {output}, {}, {seconds} s", en_count(*pages, "page", "pages"), en_count(*warnings, "warning", "warnings")),
            ),
            SummaryChecked {
                regions,
                warnings,
                seconds,
            } => t(
                format!("pemeriksaan selesai: {regions} wilayah tanpa galat, {warnings} peringatan, {seconds} detik"),
                format!("check done: {} without errors, {}, {seconds} s", en_count(*regions, "region", "regions"), en_count(*warnings, "warning", "warnings")),
            ),
            SummaryFailed { errors, warnings } => t(
                format!("gagal: {errors} galat, {warnings} peringatan; folder keluaran tidak diubah"),
                format!("failed: {}, {}; the output folder is unchanged", en_count(*errors, "error", "errors"), en_count(*warnings, "warning", "warnings")),
            ),
            SummaryPdf {
                files,
                folder,
                failed,
                seconds,
            } => t(
                format!("pdf selesai: {files} berkas di {folder}, {failed} gagal, dalam {seconds} detik"),
                format!("pdf done: {} in {folder}, {failed} failed, in {seconds} s", en_count(*files, "file", "files")),
            ),
            SummaryPaket {
                path,
                files,
                kib,
                replaced,
                unchanged: true,
                seconds,
            } => {
                let _ = replaced;
                t(
                    format!("paket tidak berubah: {path} sudah berisi {files} berkas yang sama ({kib} KiB), dalam {seconds} detik"),
                    format!("bundle unchanged: {path} already holds the same {} ({kib} KiB), in {seconds} s", en_count(*files, "file", "files")),
                )
            }
            SummaryPaket {
                path,
                files,
                kib,
                replaced,
                unchanged: false,
                seconds,
            } => t(
                format!(
                    "paket selesai: {path}{} ({files} berkas, {kib} KiB), dalam {seconds} detik",
                    if *replaced { " ditimpa" } else { "" }
                ),
                format!(
                    "bundle done: {path}{} ({}, {kib} KiB), in {seconds} s",
                    if *replaced { " replaced" } else { "" },
                    en_count(*files, "file", "files")
                ),
            ),
        }
    }
}
