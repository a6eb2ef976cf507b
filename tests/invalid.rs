//! One invalid site per error class. Each test builds the valid `dasar` fixture once, breaks it
//! (by laying the files of `tests/fixtures/invalid/<case>/` over it, or by writing bytes from
//! the test), builds again and checks what a planner would read on stderr: the Indonesian
//! message, the `--> path:line:col` line under it, the `saran:` hint, and that the failed build
//! left `output/` exactly as it was.

mod common;

use common::{Run, TestSite, cell, snapshot};
use std::collections::BTreeMap;

const REGION: &str = "content/kabupaten-contoh";
const WILAYAH: &str = "content/kabupaten-contoh/wilayah.yaml";
const INDIKATOR: &str = "content/kabupaten-contoh/indikator.yaml";
const PROFIL: &str = "content/kabupaten-contoh/2025/01-profil.md";

type Snapshot = BTreeMap<String, Vec<u8>>;

/// The `dasar` site, built once, with a snapshot of its output.
fn built() -> (TestSite, Snapshot) {
    let site = TestSite::fixture("dasar");
    let run = site.build();
    assert_eq!(run.code, 0, "the valid fixture must build:\n{}", run.stderr);
    let before = snapshot(&site.output());
    assert!(
        before.contains_key("index.html"),
        "the valid build wrote no index.html: {:?}",
        before.keys().collect::<Vec<_>>()
    );
    (site, before)
}

/// Lays every file of `tests/fixtures/invalid/<case>/` over the site, same relative paths.
fn overlay(site: &TestSite, case: &str) {
    let from = common::fixtures().join("invalid").join(case);
    let mut copied = 0;
    for entry in walkdir::WalkDir::new(&from).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(&from).unwrap();
            site.write(&rel.to_string_lossy(), std::fs::read(entry.path()).unwrap());
            copied += 1;
        }
    }
    assert!(copied > 0, "no files in {}", from.display());
}

/// Builds again, expects failure, and checks that `output/` was left untouched.
fn fails(site: &TestSite, before: &Snapshot) -> Run {
    let run = site.build();
    assert_eq!(run.code, 1, "expected exit code 1; stderr:\n{}", run.stderr);
    assert!(
        run.stderr.contains("galat: "),
        "exit code 1 without a `galat:` line:\n{}",
        run.stderr
    );
    let after = snapshot(&site.output());
    assert!(
        after == *before,
        "the failed build changed output/ (files before: {}, after: {})\n{}",
        before.len(),
        after.len(),
        run.stderr
    );
    run
}

/// The `dasar` site with the files of one invalid case laid over it, built: it must fail.
fn broken(case: &str) -> Run {
    let (site, before) = built();
    overlay(&site, case);
    fails(&site, &before)
}

/// One diagnostic as printed: `galat: …`, then `  --> …`, the numbered source line, `  saran: …`.
#[derive(Debug, Default)]
struct Printed {
    head: String,
    at: Option<String>,
    source_line: Option<String>,
    hint: Option<String>,
}

fn printed(stderr: &str) -> Vec<Printed> {
    let mut all: Vec<Printed> = Vec::new();
    for line in stderr.lines() {
        if line.starts_with("galat: ") || line.starts_with("peringatan: ") {
            all.push(Printed {
                head: line.to_string(),
                ..Printed::default()
            });
        } else if let Some(current) = all.last_mut() {
            if let Some(at) = line.strip_prefix("  --> ") {
                current.at = Some(at.to_string());
            } else if let Some(hint) = line.strip_prefix("  saran: ") {
                current.hint = Some(hint.to_string());
            } else if line.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                current.source_line = Some(line.to_string());
            }
        }
    }
    all
}

/// The diagnostic whose first line starts with `label` (`galat`/`peringatan`) and contains
/// `message`; fails the test, showing stderr, if there is none.
fn find(run: &Run, label: &str, message: &str) -> Printed {
    printed(&run.stderr)
        .into_iter()
        .find(|p| p.head.starts_with(&format!("{label}: ")) && p.head.contains(message))
        .unwrap_or_else(|| {
            panic!(
                "no `{label}:` diagnostic containing {message:?}; stderr:\n{}",
                run.stderr
            )
        })
}

/// Asserts one error: its message, its exact `--> path:line:col` (or `--> path` for a whole
/// file) and, where given, its hint.
fn expect(run: &Run, label: &str, message: &str, at: &str, hint: Option<&str>) -> Printed {
    let p = find(run, label, message);
    assert_eq!(
        p.at.as_deref(),
        Some(at),
        "wrong location for {message:?}; stderr:\n{}",
        run.stderr
    );
    // `path:line:col`: the numbered source line shown under it is that line.
    let mut parts = at.rsplitn(3, ':');
    if let (Some(col), Some(line), Some(_)) = (parts.next(), parts.next(), parts.next())
        && col.parse::<usize>().is_ok()
    {
        let shown = p.source_line.as_deref().unwrap_or("");
        assert!(
            shown.starts_with(&format!("{line} | ")),
            "the source line shown for {at} is {shown:?}; stderr:\n{}",
            run.stderr
        );
    }
    if let Some(h) = hint {
        assert!(
            p.hint.as_deref().is_some_and(|text| text.contains(h)),
            "hint for {message:?} should contain {h:?}, was {:?}; stderr:\n{}",
            p.hint,
            run.stderr
        );
    }
    p
}

fn error(run: &Run, message: &str, at: &str, hint: Option<&str>) -> Printed {
    expect(run, "galat", message, at, hint)
}

fn at(path: &str, line: usize, column: usize) -> String {
    format!("{path}:{line}:{column}")
}

// ---------------------------------------------------------------------------------------------
// YAML structure

#[test]
fn yaml_syntax_unclosed_bracket() {
    let run = broken("yaml_syntax_unclosed_bracket");
    error(
        &run,
        "YAML tidak dapat dibaca",
        "site.yaml:4:12",
        Some("kurung atau tanda kutip yang belum ditutup"),
    );
}

#[test]
fn yaml_syntax_mismatched_bracket() {
    let run = broken("yaml_syntax_mismatched_bracket");
    error(
        &run,
        "YAML tidak dapat dibaca",
        &at(INDIKATOR, 3, 14),
        Some("kurung atau tanda kutip yang belum ditutup"),
    );
}

#[test]
fn wrong_type_text_where_a_mapping_is_expected() {
    let run = broken("wrong_type_mapping");
    error(
        &run,
        "jenis nilai salah: seharusnya pemetaan `kunci: nilai`, tertulis \"teks\"",
        &at(WILAYAH, 7, 7),
        None,
    );
}

#[test]
fn wrong_type_list_where_a_figure_is_expected() {
    let run = broken("wrong_type_figure");
    error(
        &run,
        "jenis nilai salah: seharusnya angka, tertulis [1]",
        &at(INDIKATOR, 3, 14),
        Some("tulis angka tanpa tanda kutip, misalnya `7.57`"),
    );
}

/// `jenis: [1]` (a list where `kabupaten` or `kota` is expected).
#[test]
fn wrong_type_list_where_a_choice_is_expected() {
    let run = broken("wrong_type_choice");
    let p = error(&run, "jenis nilai salah", &at(WILAYAH, 2, 8), None);
    assert!(!p.head.contains("enum"), "{}", p.head);
}

#[test]
fn unknown_top_level_keys_suggest_the_nearest_all_in_one_run() {
    let run = broken("unknown_top_level_key");
    error(
        &run,
        "kunci `sumber_dat` tidak dikenal",
        &at(INDIKATOR, 6, 1),
        Some("mungkin maksud Anda `sumber_data`?"),
    );
    error(
        &run,
        "kunci `sumber_targt` tidak dikenal",
        &at(INDIKATOR, 10, 1),
        Some("mungkin maksud Anda `sumber_target`?"),
    );
}

/// `sumbr:` for the required `sumber:`: the author needs the did-you-mean on line 1, not only
/// "`sumber` is missing".
#[test]
fn misspelt_required_key_suggests_the_nearest() {
    let run = broken("misspelt_required_key");
    error(
        &run,
        "kunci `sumbr` tidak dikenal",
        &at(INDIKATOR, 1, 1),
        Some("mungkin maksud Anda `sumber`?"),
    );
}

#[test]
fn unknown_indicator_keys_suggest_the_nearest_all_in_one_run() {
    let run = broken("unknown_indicator_key");
    error(
        &run,
        "indikator `p00` tidak dikenal",
        &at(INDIKATOR, 3, 10),
        Some("mungkin maksud Anda `p0`?"),
    );
    error(
        &run,
        "indikator `jumlah_pendudk_miskin` tidak dikenal",
        &at(INDIKATOR, 5, 20),
        Some("mungkin maksud Anda `jumlah_penduduk_miskin`?"),
    );
}

#[test]
fn duplicate_key() {
    let run = broken("duplicate_key");
    error(
        &run,
        "kunci `nama` ditulis dua kali",
        &at(WILAYAH, 7, 1),
        Some("hapus salah satunya"),
    );
}

/// `2024:` and `"2024":` are the same year even though YAML sees two different keys.
#[test]
fn duplicate_year_written_as_number_and_as_text() {
    let run = broken("duplicate_year");
    error(
        &run,
        "tahun 2024 ditulis dua kali",
        &at(INDIKATOR, 5, 3),
        Some("hapus salah satunya"),
    );
}

#[test]
fn missing_file() {
    let (site, before) = built();
    site.remove(WILAYAH);
    let run = fails(&site, &before);
    error(
        &run,
        "berkas `wilayah.yaml` tidak ada",
        REGION,
        Some("buat berkas `wilayah.yaml`"),
    );
}

#[test]
fn missing_field() {
    let run = broken("missing_field");
    let p = find(&run, "galat", "kunci wajib `nama` tidak ada");
    // Which line a missing key belongs to is debatable (see the report); the file is not.
    assert!(
        p.at.as_deref()
            .is_some_and(|a| a == WILAYAH || a.starts_with(&format!("{WILAYAH}:"))),
        "{:?}\n{}",
        p.at,
        run.stderr
    );
    assert!(
        p.hint
            .as_deref()
            .is_some_and(|h| h.contains("tambahkan baris `nama: …`")),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_years() {
    let run = broken("bad_year");
    error(
        &run,
        "`2024a` bukan tahun yang sah",
        &at(INDIKATOR, 3, 3),
        Some("antara 1990 dan 2100"),
    );
    error(
        &run,
        "`1800` bukan tahun yang sah",
        &at(INDIKATOR, 4, 3),
        Some("antara 1990 dan 2100"),
    );
}

#[test]
fn unknown_province_suggests_the_nearest() {
    let run = broken("unknown_province");
    error(
        &run,
        "provinsi `jawa-timurr` tidak ada di `content/referensi/`",
        &at(WILAYAH, 5, 11),
        Some("mungkin maksud Anda `jawa-timur`?"),
    );
}

// ---------------------------------------------------------------------------------------------
// Figures

#[test]
fn decimal_comma_says_how_to_write_it() {
    let run = broken("decimal_comma");
    error(
        &run,
        "angka `7,57` memakai koma desimal",
        &at(INDIKATOR, 5, 14),
        Some("tulis `7.57`"),
    );
}

#[test]
fn percent_sign() {
    let run = broken("percent_sign");
    error(
        &run,
        "angka `7%` memuat tanda persen",
        &at(INDIKATOR, 5, 14),
        Some("tulis angkanya saja, `7`"),
    );
}

#[test]
fn nan_is_not_a_figure() {
    let run = broken("nan");
    error(
        &run,
        "`.nan` bukan angka yang sah",
        &at(INDIKATOR, 3, 14),
        Some("angka yang tidak ada tidak ditulis"),
    );
}

#[test]
fn p0_above_100_is_impossible() {
    let run = broken("p0_above_100");
    error(
        &run,
        "p0 = 108,69 mustahil: nilainya harus antara 0 dan 100",
        &at(INDIKATOR, 3, 14),
        Some("periksa angka ini dengan rilis BPS"),
    );
}

#[test]
fn p2_above_p1_is_impossible() {
    let run = broken("p2_above_p1");
    error(
        &run,
        "tahun 2025: indeks keparahan P2 (1,02) lebih besar dari indeks kedalaman P1 (0,21)",
        &at(INDIKATOR, 5, 65),
        Some("periksa angka ini dengan rilis BPS"),
    );
}

// ---------------------------------------------------------------------------------------------
// Narratives

#[test]
fn narrative_front_matter_unclosed() {
    let run = broken("front_matter_unclosed");
    error(
        &run,
        "front matter dibuka dengan `---` tetapi tidak ditutup",
        &at(PROFIL, 1, 1),
        Some("lalu `---` pada barisnya sendiri"),
    );
}

#[test]
fn narrative_unknown_bab_suggests_the_nearest() {
    let run = broken("unknown_bab");
    let p = find(&run, "galat", "nilai `profl` tidak dikenal");
    assert!(
        p.head.contains("`profil`"),
        "the allowed chapters are listed: {}",
        p.head
    );
    assert!(
        p.at.as_deref().is_some_and(|a| a.starts_with(PROFIL)),
        "{}",
        run.stderr
    );
    assert_eq!(
        p.hint.as_deref(),
        Some("mungkin maksud Anda `profil`?"),
        "{}",
        run.stderr
    );
}

/// `bab: profl` is on line 3 of the file (line 2 of the front matter).
#[test]
fn narrative_unknown_bab_points_at_its_own_line() {
    let run = broken("unknown_bab");
    error(
        &run,
        "nilai `profl` tidak dikenal",
        &at(PROFIL, 3, 6),
        Some("`profil`"),
    );
}

/// Lines count from the top of the file, the opening `---` included.
#[test]
fn narrative_front_matter_lines_count_from_the_top_of_the_file() {
    let run = broken("front_matter_line_3");
    let p = error(
        &run,
        "kunci `babb` tidak dikenal",
        &at(PROFIL, 3, 1),
        Some("mungkin maksud Anda `bab`?"),
    );
    assert_eq!(p.source_line.as_deref(), Some("3 | babb: profil"));
}

// ---------------------------------------------------------------------------------------------
// Several problems, warnings

#[test]
fn errors_in_two_files_are_reported_in_one_run() {
    let run = broken("two_files");
    error(
        &run,
        "angka `7,57` memakai koma desimal",
        &at(INDIKATOR, 5, 14),
        Some("tulis `7.57`"),
    );
    error(
        &run,
        "provinsi `jawa-timurr` tidak ada",
        &at(WILAYAH, 5, 11),
        Some("`jawa-timur`"),
    );
    assert!(
        run.stderr.contains("gagal: 2 galat, 0 peringatan"),
        "{}",
        run.stderr
    );
}

/// A syntax error in wilayah.yaml must not hide the errors of indikator.yaml next to it.
#[test]
fn a_broken_wilayah_does_not_hide_errors_in_indikator() {
    let run = broken("wilayah_broken_indikator_broken");
    error(
        &run,
        "kunci `nama` ditulis dua kali",
        &at(WILAYAH, 7, 1),
        None,
    );
    error(
        &run,
        "angka `7,57` memakai koma desimal",
        &at(INDIKATOR, 5, 14),
        Some("tulis `7.57`"),
    );
}

/// jawa-timur.yaml exists but has an error: the region must not be told it does not exist.
#[test]
fn a_broken_province_file_is_not_reported_as_missing() {
    let run = broken("province_file_broken");
    error(
        &run,
        "kunci `nama` ditulis dua kali",
        "content/referensi/jawa-timur.yaml:8:1",
        Some("hapus salah satunya"),
    );
    assert!(
        !run.stderr.contains("provinsi `jawa-timur` tidak ada"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_implausible_jump_is_only_a_warning() {
    let (site, _) = built();
    overlay(&site, "implausible_jump");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("galat:"), "{}", run.stderr);
    expect(
        &run,
        "peringatan",
        "p0 turun 6,53 poin dari 2023 ke 2024",
        &at(INDIKATOR, 4, 14),
        Some("periksa angka ini dengan rilis BPS"),
    );
    assert!(run.stderr.contains("1 peringatan"), "{}", run.stderr);
    let page = site.page("kabupaten-contoh/2023/index.html");
    assert_eq!(
        cell(
            &page,
            "table.indikator",
            "Persentase penduduk miskin (P0)",
            0
        )
        .as_deref(),
        Some("14,69"),
        "the warned figure is published as written"
    );
}

// ---------------------------------------------------------------------------------------------
// Bytes: encodings, line endings, links

fn with_bom_and_crlf(text: &[u8]) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    for &b in text {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

fn p0_cell(site: &TestSite) -> Option<String> {
    let page = site.page("kabupaten-contoh/2025/index.html");
    cell(
        &page,
        "table.indikator",
        "Persentase penduduk miskin (P0)",
        0,
    )
}

#[test]
fn byte_order_mark_and_crlf_in_indikator_still_build() {
    let (site, before) = built();
    let plain = p0_cell(&site);
    assert_eq!(plain.as_deref(), Some("7,57"));
    let text = std::fs::read(site.root().join(INDIKATOR)).unwrap();
    let converted = with_bom_and_crlf(&text);
    assert!(converted.starts_with(b"\xEF\xBB\xBFsumber:") && converted.contains(&b'\r'));
    site.write(INDIKATOR, converted);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("galat"), "{}", run.stderr);
    assert_eq!(p0_cell(&site), plain);
    assert!(snapshot(&site.output()) == before, "output differs");
}

/// Every file of the site (YAML and markdown front matter) with a BOM and CRLF: same site.
#[test]
fn byte_order_mark_and_crlf_everywhere_give_the_same_site() {
    let (site, before) = built();
    for entry in walkdir::WalkDir::new(site.root().join("content")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = std::fs::read(entry.path()).unwrap();
            std::fs::write(entry.path(), with_bom_and_crlf(&text)).unwrap();
        }
    }
    let config = std::fs::read(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", with_bom_and_crlf(&config));
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = snapshot(&site.output());
    let differing: Vec<&String> = after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        after.len() == before.len() && differing.is_empty(),
        "differing files: {differing:?}"
    );
}

/// A BOM and CRLF change neither the line nor the column of an error.
#[test]
fn crlf_keeps_lines_and_columns() {
    let (site, before) = built();
    overlay(&site, "decimal_comma");
    let text = std::fs::read(site.root().join(INDIKATOR)).unwrap();
    site.write(INDIKATOR, with_bom_and_crlf(&text));
    let run = fails(&site, &before);
    let p = error(
        &run,
        "angka `7,57` memakai koma desimal",
        &at(INDIKATOR, 5, 14),
        Some("tulis `7.57`"),
    );
    assert!(!p.source_line.unwrap().contains('\r'));
}

#[test]
fn non_utf8_byte_is_located() {
    let (site, before) = built();
    let text = site.read(WILAYAH);
    assert!(text.contains("ibu_kota: Contoh\n"));
    // "Kabé" saved as Latin-1: é is the single byte 0xE9.
    let mut bytes = Vec::new();
    for line in text.split_inclusive('\n') {
        if line.starts_with("ibu_kota:") {
            bytes.extend_from_slice(b"ibu_kota: Kab\xE9 Contoh\n");
        } else {
            bytes.extend_from_slice(line.as_bytes());
        }
    }
    site.write(WILAYAH, bytes);
    let run = fails(&site, &before);
    error(
        &run,
        "berkas ini bukan teks UTF-8 (baris 6 memuat bita yang tidak sah)",
        &at(WILAYAH, 6, 14),
        Some("simpan ulang berkas dengan pengodean UTF-8"),
    );
}

/// The byte-order mark is not a column: `Kab\xE9` on line 1 after a BOM is column 10.
#[test]
fn non_utf8_byte_after_a_byte_order_mark_is_located() {
    let (site, before) = built();
    let text = site.read(WILAYAH);
    let mut bytes = b"\xEF\xBB\xBFnama: Kab\xE9 Contoh\n".to_vec();
    bytes.extend_from_slice(text.split_once('\n').unwrap().1.as_bytes());
    site.write(WILAYAH, bytes);
    let run = fails(&site, &before);
    error(
        &run,
        "bukan teks UTF-8 (baris 1",
        &at(WILAYAH, 1, 10),
        Some("UTF-8"),
    );
}

#[cfg(unix)]
#[test]
fn symlink_inside_the_site_is_refused() {
    let (site, before) = built();
    let link = site.root().join(REGION).join("2025/03-tautan.md");
    std::os::unix::fs::symlink("01-profil.md", &link).unwrap();
    let run = fails(&site, &before);
    error(
        &run,
        "tautan simbolik (symlink) tidak diizinkan",
        "content/kabupaten-contoh/2025/03-tautan.md",
        Some("ganti tautan dengan berkas atau folder aslinya"),
    );
}
