//! `tkpk pdf` without a real browser: what it says when there is none, how it selects pages,
//! and (with a small script standing in for Chromium) its progress lines, file names and
//! summary. The real-browser print is in `browser.rs`.

mod common;

use common::{Run, TestSite};
use std::path::Path;
#[cfg(unix)]
use std::path::PathBuf;
use std::process::Command;

/// Runs `tkpk ARGS…` in the site with `TKPK_CHROMIUM` set (or removed) and `PATH` holding
/// only an empty folder, so that no installed browser is found.
fn run_pdf(site: &TestSite, chromium: Option<&Path>, args: &[&str]) -> Run {
    let empty = site.root().join("bin-kosong");
    std::fs::create_dir_all(&empty).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tkpk"));
    cmd.arg("pdf")
        .args(args)
        .current_dir(site.root())
        .env("PATH", &empty);
    match chromium {
        Some(c) => cmd.env("TKPK_CHROMIUM", c),
        None => cmd.env_remove("TKPK_CHROMIUM"),
    };
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    }
}

#[test]
fn without_chromium_it_says_how_to_install_it_and_writes_nothing() {
    let site = TestSite::fixture("dasar").with_final_parts();
    let run = run_pdf(&site, Some(Path::new("/nonexistent")), &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("TKPK_CHROMIUM menunjuk `/nonexistent`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("sudo apt-get install chromium"),
        "{}",
        run.stderr
    );
    assert!(!site.root().join("pdf").exists());

    let run = run_pdf(&site, None, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("galat: Chromium, Google Chrome atau Microsoft Edge tidak ditemukan"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("saran: di Debian/Ubuntu: `sudo apt-get install chromium`; atau pasang Google Chrome atau Microsoft Edge; atau tulis letak programnya di variabel TKPK_CHROMIUM"));
    assert!(!site.root().join("pdf").exists());
}

/// A final print refuses, before it builds or looks for a browser, every published report that
/// lacks the lembar pengesahan or a required chapter, naming each part and its folder; a
/// draft prints them all, and once the parts are written the final print goes on.
#[test]
fn a_final_print_refuses_reports_that_lack_required_parts() {
    let site = TestSite::fixture("dasar");
    let run = run_pdf(&site, Some(Path::new("/nonexistent")), &["--tahun", "2025"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat: laporan 2025 Kabupaten Contoh belum lengkap untuk dicetak sebagai dokumen final; belum ada: lembar pengesahan (`pengesahan.yaml`); Kata Pengantar (`bab: kata_pengantar`); BAB I Pendahuluan (`bab: pendahuluan`); BAB VII Program dan Anggaran (`bab: program`); BAB IX Kelembagaan TKPK (`bab: kelembagaan`); BAB XI Penutup (`bab: penutup`)\n  --> content/kabupaten-contoh/2025\n"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("`tkpk pdf --draf`"), "{}", run.stderr);
    assert!(run.stderr.contains("gagal: 1 galat"), "{}", run.stderr);
    // Nothing built, no browser looked for, nothing printed.
    assert!(!run.stderr.contains("Chromium"), "{}", run.stderr);
    assert!(!site.root().join("output").exists());
    assert!(!site.root().join("pdf").exists());
    // Every year of the selection is named in one run.
    let run = run_pdf(&site, Some(Path::new("/nonexistent")), &[]);
    assert!(run.stderr.contains("gagal: 3 galat"), "{}", run.stderr);

    // A draft is printed whatever it lacks (here: it goes on to look for the browser).
    let run = run_pdf(&site, Some(Path::new("/nonexistent")), &["--draf"]);
    assert!(
        run.stderr.contains("TKPK_CHROMIUM menunjuk `/nonexistent`"),
        "{}",
        run.stderr
    );
    // With its parts written, the final print goes on too.
    let site = site.with_final_parts();
    let run = run_pdf(&site, Some(Path::new("/nonexistent")), &[]);
    assert!(!run.stderr.contains("belum lengkap"), "{}", run.stderr);
    assert!(
        run.stderr.contains("TKPK_CHROMIUM menunjuk `/nonexistent`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_failed_build_prints_its_errors_and_no_pdf() {
    let site = TestSite::fixture("dasar");
    site.write(
        "content/kabupaten-contoh/indikator.yaml",
        "sumber: BPS\ndata:\n  2025: {p0: \"7,57\"}\n",
    );
    let run = run_pdf(&site, Some(Path::new("/nonexistent")), &[]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("koma desimal"), "{}", run.stderr);
    assert!(run.stderr.contains("gagal: 1 galat"), "{}", run.stderr);
    assert!(!run.stderr.contains("Chromium"), "{}", run.stderr);
    assert!(!site.root().join("pdf").exists());
}

#[test]
fn an_unknown_region_or_year_names_what_exists() {
    let site = TestSite::fixture("dasar");
    let run = run_pdf(&site, None, &["--wilayah", "kabupaten-contih"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("galat: wilayah `kabupaten-contih` tidak ada di situs ini"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("mungkin maksud Anda `kabupaten-contoh`?")
    );
    let run = run_pdf(
        &site,
        None,
        &["--wilayah", "kabupaten-contoh", "--tahun", "2019"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("tidak ada laporan tahun 2019 untuk `kabupaten-contoh`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("tahun yang ada laporannya: 2023, 2024, 2025")
    );
    assert!(!site.root().join("pdf").exists());
}

/// A stand-in for Chromium that writes a tiny PDF, or fails for pages whose URL holds `fail`.
#[cfg(unix)]
fn fake_chromium(dir: &Path, fail: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("chromium-palsu");
    let script = format!(
        "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) out=\"${{a#--print-to-pdf=}}\";; file://*) url=\"$a\";; esac; done\n\
         case \"$url\" in *{fail}*) echo \"tidak dapat memuat $url\" >&2; exit 21;; esac\n\
         printf '%%PDF-1.4 palsu' > \"$out\"\n"
    );
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn prints_every_report_with_progress_and_a_summary() {
    let site = TestSite::fixture("dasar").with_final_parts();
    let scripts = tempfile::tempdir().unwrap();
    let chromium = fake_chromium(scripts.path(), "tidak-pernah");
    // Something of the user's in the folder: left alone.
    site.write("pdf/catatan.txt", "milik saya");
    site.write("pdf/kabupaten-contoh-2024-laporan.pdf", "lama");
    let run = run_pdf(&site, Some(&chromium), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut progress: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with('[')).collect();
    // Three reports and the three evaluation sheets (2023–2025 have a scheme).
    assert_eq!(progress.len(), 6, "{}", run.stderr);
    // Printers run in parallel, so lines come in the order they finish: compare them sorted
    // by file, after checking the counters run 1..6.
    for (i, line) in progress.iter().enumerate() {
        assert!(line.starts_with(&format!("[{}/6] ", i + 1)), "{line}");
    }
    progress.sort_by_key(|l| l.split_once("] ").map(|(_, rest)| rest.to_string()));
    let expected: Vec<String> = [2023, 2024, 2025]
        .iter()
        .flat_map(|year| {
            [
                format!("kabupaten-contoh {year} laporan → pdf/kabupaten-contoh-{year}-laporan.pdf ("),
                format!("kabupaten-contoh {year} penilaian → pdf/kabupaten-contoh-{year}-penilaian.pdf ("),
            ]
        })
        .collect();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    for (line, expected) in progress.iter().zip(&expected_sorted) {
        assert!(line.contains(expected.as_str()), "{line} / {expected}");
        assert!(line.ends_with(" s)"), "{line}");
    }
    let last = run.stderr.lines().last().unwrap();
    assert!(
        last.starts_with("pdf selesai: 6 berkas di pdf/, 0 gagal, dalam ")
            && last.ends_with(" detik"),
        "{last}"
    );
    let mut files: Vec<String> = std::fs::read_dir(site.root().join("pdf"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut wanted = vec!["catatan.txt".to_string()];
    wanted.extend(expected.iter().map(|e| {
        e.split("→ pdf/")
            .nth(1)
            .unwrap()
            .trim_end_matches(" (")
            .to_string()
    }));
    wanted.sort();
    assert_eq!(files, wanted, "no work folders left behind");
    assert_eq!(site.read("pdf/catatan.txt"), "milik saya");
    assert_eq!(
        site.read("pdf/kabupaten-contoh-2024-laporan.pdf"),
        "%PDF-1.4 palsu"
    );
}

#[cfg(unix)]
#[test]
fn a_page_that_fails_is_named_and_the_others_are_kept() {
    let site = TestSite::fixture("dasar").with_final_parts();
    site.write("site.yaml", "judul: Situs Uji\nbahasa: en\n");
    let scripts = tempfile::tempdir().unwrap();
    let chromium = fake_chromium(scripts.path(), "/2024/");
    let out = site.root().join("cetakan");
    let run = run_pdf(
        &site,
        Some(&chromium),
        &["--keluar", out.to_str().unwrap(), "--tahun", "2024"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("kabupaten-contoh 2024 report: failed"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("kabupaten-contoh/2024/index.html` could not be printed to PDF: Chromium ended with code 21: tidak dapat memuat file://"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("pdf done: 0 files in "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(", 2 failed, in "), "{}", run.stderr);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);

    let run = run_pdf(&site, Some(&chromium), &["--keluar", "cetakan"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("pdf done: 4 files in cetakan/, 2 failed"),
        "{}",
        run.stderr
    );
    assert!(out.join("kabupaten-contoh-2025-laporan.pdf").is_file());
    assert!(!out.join("kabupaten-contoh-2024-laporan.pdf").exists());
}
