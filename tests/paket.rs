//! `tkpk paket` without a real browser (a small script stands in for Chromium and writes a
//! tiny PDF): the ZIP's files, its manifest's sizes and SHA-256 sums against the entries and
//! their sources, a second run that changes nothing, `--timpa`, and the errors said before
//! anything is printed (a missing evidence file at its `berkas:` value, a bad date). The
//! real-browser bundle (two runs byte-identical) is in `browser.rs`.

mod common;

use common::{Run, TestSite};
#[cfg(unix)]
use sha2::{Digest, Sha256};
use std::path::Path;
use std::process::Command;

const ARGS: [&str; 5] = ["paket", "--wilayah", "kabupaten-blora", "--tahun", "2025"];
#[cfg(unix)]
const ZIP: &str = "paket/kabupaten-blora-2025.zip";
const YEAR: &str = "content/kabupaten-blora/2025";

/// Runs `tkpk ARGS…` in the site with `TKPK_CHROMIUM` set to `chromium` and a `PATH` without
/// any browser.
fn run(site: &TestSite, chromium: &Path, args: &[&str]) -> Run {
    let empty = site.root().join("bin-kosong");
    std::fs::create_dir_all(&empty).unwrap();
    Command::new(env!("CARGO_BIN_EXE_tkpk"))
        .args(args)
        .current_dir(site.root())
        .env("PATH", &empty)
        .env("TKPK_CHROMIUM", chromium)
        .output()
        .unwrap()
        .into()
}

/// A stand-in for Chromium (no DevTools, so tkpk prints page by page) that writes a tiny PDF
/// naming the page, with a print date that changes from one run to the next.
#[cfg(unix)]
fn fake_chromium(dir: &Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("chromium-palsu");
    // The print time: the day and six digits of the clock's nanoseconds, so that two runs
    // within a second differ too.
    let script = "#!/bin/sh\nPATH=/usr/bin:/bin\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) out=\"${a#--print-to-pdf=}\";; file://*) url=\"$a\";; esac; done\n\
         [ -n \"$out\" ] || exit 3\n\
         d=\"$(date +%Y%m%d)$(date +%N | cut -c1-6)\"\n\
         printf '%%PDF-1.4\\n<</CreationDate (D:%sZ)>>\\n%% %s\\n' \"$d\" \"$url\" > \"$out\"\n";
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[cfg(unix)]
fn entries(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let name = file.name().unwrap().into_owned();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut bytes).unwrap();
            (name, bytes)
        })
        .collect()
}

#[cfg(unix)]
fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(unix)]
#[test]
fn the_bundle_holds_the_pdfs_tables_and_evidence_with_a_manifest_of_their_sums() {
    let site = TestSite::sample();
    let scripts = tempfile::tempdir().unwrap();
    let chromium = fake_chromium(scripts.path());
    let first = run(&site, &chromium, &ARGS);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first
            .stderr
            .lines()
            .last()
            .unwrap()
            .starts_with(&format!("paket selesai: {ZIP} (9 berkas, ")),
        "{}",
        first.stderr
    );
    let zip = std::fs::read(site.root().join(ZIP)).unwrap();
    let files = entries(&zip);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "MANIFEST.txt",
            "kabupaten-blora-2025-laporan.pdf",
            "kabupaten-blora-2025-penilaian.pdf",
            "unduhan/laporan-kabupaten-blora-2025.xlsx",
            "unduhan/matriks-laporan-semester-kabupaten-blora-2025.xlsx",
            "unduhan/matriks-rat-kabupaten-blora-2025.xlsx",
            "unduhan/penilaian-kabupaten-blora-2025.xlsx",
            "bukti/laporan-semester-1-2025.pdf",
            "bukti/sk-tkpk-2025.pdf",
        ]
    );
    // Each entry is its source, byte for byte.
    let source = |name: &str| -> std::path::PathBuf {
        if let Some(xlsx) = name.strip_prefix("unduhan/") {
            site.output().join("kabupaten-blora/2025/unduh").join(xlsx)
        } else if name.starts_with("bukti/") {
            site.root().join(YEAR).join(name)
        } else {
            site.root().join("pdf").join(name)
        }
    };
    for (name, bytes) in &files[1..] {
        assert_eq!(bytes, &std::fs::read(source(name)).unwrap(), "{name}");
    }
    // The printed PDFs carry the build date (the date of Blora's lembar pengesahan), not the
    // time they were printed.
    let report = String::from_utf8_lossy(&files[1].1).into_owned();
    assert!(report.contains("(D:20260320000000Z)"), "{report}");
    // The manifest: the version, the build date, and one line per entry with its SHA-256 and
    // size, computed here again from the entry.
    let manifest = String::from_utf8(files[0].1.clone()).unwrap();
    assert!(
        manifest.contains("Wilayah: Kabupaten Blora\nTahun: 2025\n"),
        "{manifest}"
    );
    assert!(
        manifest.contains("Tanggal build: 2026-03-20\n"),
        "{manifest}"
    );
    assert!(
        manifest.contains(&format!("tkpk {}\n", env!("CARGO_PKG_VERSION"))),
        "{manifest}"
    );
    let listed: Vec<&str> = manifest
        .lines()
        .filter(|l| l.len() > 64 && l.as_bytes()[64] == b' ')
        .collect();
    assert_eq!(listed.len(), files.len() - 1, "{manifest}");
    for ((name, bytes), line) in files[1..].iter().zip(&listed) {
        assert_eq!(
            *line,
            format!("{}  {}  {name}", sha256(bytes), bytes.len()),
            "{manifest}"
        );
    }
    // Every entry is dated the build date, with fixed permissions.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&zip)).unwrap();
    for i in 0..archive.len() {
        let file = archive.by_index(i).unwrap();
        let when = file.last_modified().unwrap();
        assert_eq!((when.year(), when.month(), when.day()), (2026, 3, 20));
        assert_eq!(file.unix_mode(), Some(0o100644));
    }

    // Again: the browser's print time differs, the bundle does not.
    let again = run(&site, &chromium, &ARGS);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stderr.contains(&format!(
            "paket tidak berubah: {ZIP} sudah berisi 9 berkas yang sama"
        )),
        "{}",
        again.stderr
    );
    assert_eq!(std::fs::read(site.root().join(ZIP)).unwrap(), zip);

    // Another build date is another bundle: refused over the first without --timpa.
    let dated = [&ARGS[..], &["--tanggal", "2026-01-15"]].concat();
    let refused = run(&site, &chromium, &dated);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains(&format!("galat: paket `{ZIP}` sudah ada dan isinya lain")),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("saran: tambahkan `--timpa`"));
    assert_eq!(std::fs::read(site.root().join(ZIP)).unwrap(), zip);
    let replaced = run(&site, &chromium, &[&dated[..], &["--timpa"]].concat());
    assert_eq!(replaced.code, 0, "{}", replaced.stderr);
    assert!(
        replaced
            .stderr
            .contains(&format!("paket selesai: {ZIP} ditimpa (9 berkas")),
        "{}",
        replaced.stderr
    );
    let manifest = &entries(&std::fs::read(site.root().join(ZIP)).unwrap())[0].1;
    assert!(String::from_utf8_lossy(manifest).contains("Tanggal build: 2026-01-15\n"));
    // Nothing but the bundle in its folder (no temporary file left).
    let left: Vec<_> = std::fs::read_dir(site.root().join("paket"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

/// A missing evidence file stops the bundle before anything is printed, named at its
/// `berkas:` value (file, line, column); no ZIP is written.
#[test]
fn a_missing_evidence_file_is_named_at_its_place_and_nothing_is_bundled() {
    let site = TestSite::sample();
    site.remove(&format!("{YEAR}/bukti/sk-tkpk-2025.pdf"));
    let run = run(&site, Path::new("/tidak-ada/chromium"), &ARGS);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat: berkas bukti `content/kabupaten-blora/2025/bukti/sk-tkpk-2025.pdf` tidak ada\n  --> content/kabupaten-blora/2025/kelembagaan.yaml:12:11\n"
        ),
        "{}",
        run.stderr
    );
    assert!(!site.root().join("paket").exists());
    assert!(!site.root().join("pdf").exists());
}

#[test]
fn a_date_is_written_year_month_day() {
    let site = TestSite::sample();
    let run = run(
        &site,
        Path::new("/tidak-ada/chromium"),
        &[&ARGS[..], &["--tanggal", "05-11-2025"]].concat(),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat: `--tanggal 05-11-2025` bukan tanggal\n  saran: tulis TAHUN-BULAN-HARI"
        ),
        "{}",
        run.stderr
    );
    assert!(!site.root().join("paket").exists());
}

/// The bundle holds the final report: one without its lembar pengesahan is refused as a final
/// `tkpk pdf` refuses it, before anything is built, printed or bundled.
#[test]
fn a_report_without_its_approval_is_not_bundled() {
    let site = TestSite::sample();
    site.remove(&format!("{YEAR}/pengesahan.yaml"));
    let run = run(&site, Path::new("/tidak-ada/chromium"), &ARGS);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat: laporan 2025 Kabupaten Blora belum lengkap untuk dicetak sebagai dokumen final"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("lembar pengesahan"), "{}", run.stderr);
    for folder in ["output", "pdf", "paket"] {
        assert!(!site.root().join(folder).exists(), "{folder}");
    }
}

/// `--draf` bundles what a final bundle refuses, for a review before the sign-off: built and
/// printed as drafts (`output-draf/`, PDFs named `-draf`), in `paket/<wilayah>-<tahun>-draf.zip`,
/// whose manifest says on its first line that it is not for upload.
#[cfg(unix)]
#[test]
fn a_draft_bundle_is_made_without_its_approval_and_says_so() {
    let site = TestSite::sample();
    site.remove(&format!("{YEAR}/pengesahan.yaml"));
    let chromium = fake_chromium(site.root());
    let mut args = ARGS.to_vec();
    args.push("--draf");
    let run = run(&site, &chromium, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("paket selesai: paket/kabupaten-blora-2025-draf.zip ("),
        "{}",
        run.stderr
    );
    assert!(
        !site.root().join(ZIP).exists(),
        "a draft never takes the final's name"
    );
    assert!(
        !site.root().join("output").exists(),
        "a draft builds into output-draf/"
    );
    let zip = std::fs::read(site.root().join("paket/kabupaten-blora-2025-draf.zip")).unwrap();
    let entries = entries(&zip);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        names.contains(&"kabupaten-blora-2025-laporan-draf.pdf"),
        "{names:?}"
    );
    assert!(
        names.contains(&"kabupaten-blora-2025-penilaian-draf.pdf"),
        "{names:?}"
    );
    let (_, report) = entries
        .iter()
        .find(|(n, _)| n == "kabupaten-blora-2025-laporan-draf.pdf")
        .unwrap();
    assert!(
        String::from_utf8_lossy(report).contains("output-draf/kabupaten-blora/2025/"),
        "the draft PDF is printed from the draft build"
    );
    let manifest = String::from_utf8(entries[0].1.clone()).unwrap();
    assert_eq!(
        manifest.lines().next(),
        Some(
            "Paket penilaian kinerja penanggulangan kemiskinan daerah (DRAF: belum disahkan, bukan untuk diunggah)"
        ),
        "{manifest}"
    );
}

/// A draft bundle for a year that no evaluation scheme covers has no sheet to bundle: it says
/// so, and its hint names the scheme, not `terbit:` (a draft builds every report and sheet).
#[cfg(unix)]
#[test]
fn a_draft_bundle_without_a_scheme_for_its_year_names_the_scheme() {
    let site = TestSite::sample();
    let chromium = fake_chromium(site.root());
    let run = run(
        &site,
        &chromium,
        &[
            "paket",
            "--wilayah",
            "kabupaten-blora",
            "--tahun",
            "2020",
            "--draf",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat: lembar penilaian 2020 `kabupaten-blora` tidak dibangun, maka tidak dapat dipaketkan"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("lembar penilaian hanya dibangun bila ada skema penilaian untuk tahun itu"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("terbit:"), "{}", run.stderr);
    assert!(!site.root().join("paket").exists());
}
