//! One invalid site per error class. Each test takes a copy of the valid `dasar` fixture, built
//! once per test process, breaks it (by laying the files of `tests/fixtures/invalid/<case>/`
//! over it, or by writing bytes from the test), builds again and checks what a planner would
//! read on stderr: the Indonesian message, the `--> path:line:col` line under it, the `saran:`
//! hint, and that the failed build left `output/` exactly as it was.
//!
//! Besides those targeted checks, the whole stderr of each build is compared with a file kept
//! beside its case, so that a second, unwanted error or a moved caret fails too:
//! `tests/fixtures/invalid/<case>/expected.stderr` for a case folder (never laid over the site),
//! `tests/fixtures/written/<test>.stderr` for a site written from the test. Only the duration
//! of a successful build's summary line and the site's temporary path are replaced, by `[TIME]`
//! and `[SITE]`. After a deliberate change of the messages, regenerate the files with
//! `TKPK_BLESS=1 cargo test --test invalid` (which writes instead of comparing), then read
//! `git diff tests/fixtures` before committing them.

mod common;

use common::{EXPECTED_STDERR, Run, TestSite, cell, snapshot};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const REGION: &str = "content/kabupaten-contoh";
const WILAYAH: &str = "content/kabupaten-contoh/wilayah.yaml";
const INDIKATOR: &str = "content/kabupaten-contoh/indikator.yaml";
const PROFIL: &str = "content/kabupaten-contoh/2025/01-profil.md";

type Snapshot = BTreeMap<String, Vec<u8>>;

/// The `dasar` site as its build left it, `output/` included: its folders and files, held in
/// memory, and the snapshot of its `output/`.
struct Template {
    dirs: Vec<PathBuf>,
    files: Vec<(PathBuf, Vec<u8>)>,
    output: Snapshot,
}

/// The `dasar` site, built once per test process (not once per test).
fn template() -> &'static Template {
    static TEMPLATE: OnceLock<Template> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let site = TestSite::fixture("dasar");
        let run = site.build();
        assert_eq!(run.code, 0, "the valid fixture must build:\n{}", run.stderr);
        let output = snapshot(&site.output());
        assert!(
            output.contains_key("index.html"),
            "the valid build wrote no index.html: {:?}",
            output.keys().collect::<Vec<_>>()
        );
        let mut dirs = Vec::new();
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(site.root())
            .min_depth(1)
            .sort_by_file_name()
        {
            let entry = entry.unwrap();
            let rel = entry
                .path()
                .strip_prefix(site.root())
                .unwrap()
                .to_path_buf();
            if entry.file_type().is_dir() {
                dirs.push(rel);
            } else if entry.file_type().is_file() {
                files.push((rel, std::fs::read(entry.path()).unwrap()));
            } else {
                panic!("the built fixture holds {rel:?}, neither a file nor a folder");
            }
        }
        Template {
            dirs,
            files,
            output,
        }
    })
}

/// A fresh copy of the built `dasar` site, with the snapshot of its output.
fn built() -> (TestSite, Snapshot) {
    let template = template();
    let site = TestSite {
        dir: tempfile::tempdir().unwrap(),
    };
    for dir in &template.dirs {
        std::fs::create_dir_all(site.root().join(dir)).unwrap();
    }
    for (rel, bytes) in &template.files {
        std::fs::write(site.root().join(rel), bytes).unwrap();
    }
    (site, template.output.clone())
}

/// Lays every file of `tests/fixtures/invalid/<case>/` over the site, same relative paths,
/// except its `expected.stderr`.
fn overlay(site: &TestSite, case: &str) {
    let from = common::fixtures().join("invalid").join(case);
    let laid = site.overlay(&from);
    assert!(laid > 0, "no files in {}", from.display());
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

/// The `dasar` site with the files of one invalid case laid over it, built: it must fail, with
/// exactly the stderr of `tests/fixtures/invalid/<case>/expected.stderr`.
fn broken(case: &str) -> Run {
    let (site, before) = built();
    overlay(&site, case);
    let run = fails(&site, &before);
    same_stderr(&site, &run, &case_stderr(case));
    run
}

// ---------------------------------------------------------------------------------------------
// Whole stderr, compared with a file

/// The environment variable that, set to `1`, writes every expected stderr file instead of
/// comparing with it.
const BLESS: &str = "TKPK_BLESS";

/// The expected stderr of the case folder `tests/fixtures/invalid/<case>/`.
fn case_stderr(case: &str) -> PathBuf {
    common::fixtures()
        .join("invalid")
        .join(case)
        .join(EXPECTED_STDERR)
}

/// The expected stderr of a site written from the test `name`.
fn written_stderr(name: &str) -> PathBuf {
    common::fixtures()
        .join("written")
        .join(format!("{name}.stderr"))
}

/// `path` as `tests/fixtures/…`, for messages.
fn shown(path: &Path) -> String {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(repo)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Stderr without what differs from one run or machine to the next: the site's temporary
/// folder becomes `[SITE]` (no message shows it today) and the duration at the end of a
/// successful build's summary line becomes `[TIME]`.
fn normalised(site: &TestSite, stderr: &str) -> String {
    let mut stderr = stderr.to_string();
    if let Ok(canonical) = site.root().canonicalize() {
        stderr = stderr.replace(canonical.to_string_lossy().as_ref(), "[SITE]");
    }
    stderr
        .replace(site.root().to_string_lossy().as_ref(), "[SITE]")
        .split_inclusive('\n')
        .map(|line| without_duration(line).unwrap_or_else(|| line.to_string()))
        .collect()
}

/// The summary line `selesai: …, 0,07 detik` (`done: …, 0.07 s`) with `[TIME]` for its
/// duration; `None` for any other line.
fn without_duration(line: &str) -> Option<String> {
    if !(line.starts_with("selesai: ") || line.starts_with("done: ")) {
        return None;
    }
    let (head, tail) = line.rsplit_once(", ")?;
    let (number, unit) = tail.split_once(' ')?;
    let is_number = !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    let is_unit = matches!(unit.trim_end(), "detik" | "s");
    (is_number && is_unit).then(|| format!("{head}, [TIME] {unit}"))
}

/// Whether `TKPK_BLESS=1` asks to write the expected files instead of comparing with them.
fn blessing() -> bool {
    std::env::var_os(BLESS).is_some_and(|v| v == "1")
}

/// Compares the whole stderr of `run` (normalised) with the file `expected`, or, with
/// `TKPK_BLESS=1`, writes it there.
fn same_stderr(site: &TestSite, run: &Run, expected: &Path) {
    if blessing() {
        std::fs::create_dir_all(expected.parent().unwrap()).unwrap();
        std::fs::write(expected, normalised(site, &run.stderr)).unwrap();
    } else {
        // The harness names each test's thread after the test: the command blesses only it.
        let test = std::thread::current()
            .name()
            .filter(|n| *n != "main")
            .map(|n| format!(" {n}"))
            .unwrap_or_default();
        let bless = format!("{BLESS}=1 cargo test --test invalid{test}");
        compare_stderr(site, run, expected, &bless);
    }
}

/// Fails the test, with a line diff, unless the whole stderr of `run` (normalised) is the text
/// of the file `expected`; `bless` is the command that writes that file.
fn compare_stderr(site: &TestSite, run: &Run, expected: &Path, bless: &str) {
    let actual = normalised(site, &run.stderr);
    let Ok(wanted) = std::fs::read_to_string(expected) else {
        panic!(
            "{} does not exist; create it from the actual stderr with\n    {bless}\n\
             and read it before committing it. The actual stderr:\n{actual}",
            shown(expected)
        );
    };
    // A checkout that turned the file's line ends into CRLF changes nothing.
    let wanted = wanted.replace("\r\n", "\n");
    if wanted != actual {
        panic!(
            "stderr differs from {} (- expected, + actual):\n{}\n\
             if the new stderr is right: {bless}",
            shown(expected),
            line_diff(&wanted, &actual)
        );
    }
}

/// Every line of `expected` and `actual` in order, prefixed `  ` when both have it, `- ` when
/// only `expected` has it and `+ ` when only `actual` has it (a longest common subsequence).
fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    // common[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
    let mut common = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            common[i][j] = if a[i] == b[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let (mark, line) = if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
            ("  ", a[i - 1])
        } else if i < a.len() && (j == b.len() || common[i + 1][j] >= common[i][j + 1]) {
            i += 1;
            ("- ", a[i - 1])
        } else {
            j += 1;
            ("+ ", b[j - 1])
        };
        out.push_str(mark);
        out.push_str(line);
        out.push('\n');
    }
    if a == b {
        // Same lines: the difference is in the line ends or the final newline.
        out.push_str(&format!(
            "(the lines are the same; the texts end with {:?} and {:?})\n",
            tail(expected),
            tail(actual)
        ));
    }
    out
}

/// The last 20 characters of `text`.
fn tail(text: &str) -> &str {
    let start = text.char_indices().rev().nth(19).map_or(0, |(i, _)| i);
    &text[start..]
}

// ---------------------------------------------------------------------------------------------
// Reading stderr

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

/// Asserts that some error has `message`, is at exactly `at` and has the hint `hint`: for a
/// message given at several places (each link, each duplicate code).
#[cfg_attr(not(unix), allow(dead_code))]
fn error_at(run: &Run, message: &str, at: &str, hint: &str) {
    let all = printed(&run.stderr);
    assert!(
        all.iter().any(|p| p.head.starts_with("galat: ")
            && p.head.contains(message)
            && p.at.as_deref() == Some(at)
            && p.hint.as_deref().is_some_and(|h| h.contains(hint))),
        "no error {message:?} at {at} with hint {hint:?}; stderr:\n{}",
        run.stderr
    );
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
    same_stderr(&site, &run, &written_stderr("missing_file"));
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

/// Lists or quotes nested deeper than 16 levels are refused at the line and column where the
/// 17th level starts, before anything is rendered (the sanitiser's time grows with the square
/// of the depth), and the previous output stays.
#[test]
fn deeply_nested_markdown_is_refused_at_its_place() {
    let (site, before) = built();
    let body = format!(
        "---\njudul: Profil\n---\nParagraf pertama.\n\n{} x\n",
        "> ".repeat(40)
    );
    site.write(PROFIL, &body);
    let run = fails(&site, &before);
    error(
        &run,
        "daftar atau kutipan bersarang lebih dari 16 tingkat",
        &at(PROFIL, 6, 33),
        Some("kurangi tingkat sarangnya"),
    );
    // Sixteen levels are fine.
    site.write(
        PROFIL,
        format!("---\njudul: Profil\n---\n{}x\n", "- ".repeat(16)),
    );
    assert_eq!(site.build().code, 0);
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
    same_stderr(&site, &run, &case_stderr("implausible_jump"));
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
    same_stderr(
        &site,
        &run,
        &written_stderr("byte_order_mark_and_crlf_in_indikator_still_build"),
    );
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
    same_stderr(
        &site,
        &run,
        &written_stderr("byte_order_mark_and_crlf_everywhere_give_the_same_site"),
    );
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
    // The whole stderr is the one of the same case without the BOM and CRLF.
    if !blessing() {
        let bless = format!("{BLESS}=1 cargo test --test invalid");
        compare_stderr(&site, &run, &case_stderr("decimal_comma"), &bless);
    }
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
    same_stderr(&site, &run, &written_stderr("non_utf8_byte_is_located"));
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
    same_stderr(
        &site,
        &run,
        &written_stderr("non_utf8_byte_after_a_byte_order_mark_is_located"),
    );
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
    same_stderr(
        &site,
        &run,
        &written_stderr("symlink_inside_the_site_is_refused"),
    );
    error(
        &run,
        "tautan simbolik (symlink) tidak diizinkan",
        "content/kabupaten-contoh/2025/03-tautan.md",
        Some("ganti tautan dengan berkas atau folder aslinya"),
    );
}

// ---------------------------------------------------------------------------------------------
// Figures that are not numbers, impossible figures, bad years

#[test]
fn overflow_1e999_is_not_a_figure() {
    let run = broken("overflow");
    error(
        &run,
        "`1e999` bukan angka yang sah",
        &at(INDIKATOR, 3, 14),
        Some("angka yang tidak ada tidak ditulis"),
    );
}

/// `.inf` in `data` and `-.Inf` in `target`: both in one run, each named as written.
#[test]
fn infinities_are_not_figures_and_all_are_reported() {
    let run = broken("infinity");
    error(
        &run,
        "`.inf` bukan angka yang sah",
        &at(INDIKATOR, 3, 14),
        Some("angka yang tidak ada tidak ditulis"),
    );
    error(
        &run,
        "`-.Inf` bukan angka yang sah",
        &at(INDIKATOR, 9, 14),
        Some("angka yang tidak ada tidak ditulis"),
    );
}

#[test]
fn negative_count_is_impossible() {
    let run = broken("negative_count");
    error(
        &run,
        "jumlah_penduduk_miskin = -95,91 mustahil: nilainya tidak boleh negatif",
        &at(INDIKATOR, 4, 44),
        Some("periksa angka ini dengan rilis BPS"),
    );
}

#[test]
fn negative_money_is_impossible() {
    let run = broken("negative_money");
    error(
        &run,
        "garis_kemiskinan = -441.448,00 mustahil: nilainya tidak boleh negatif",
        &at(INDIKATOR, 4, 69),
        Some("periksa angka ini dengan rilis BPS"),
    );
}

/// `{p0: 7.57, p0: 7.60}`: the second `p0` is the error.
#[test]
fn duplicate_figure_key_in_one_year() {
    let run = broken("duplicate_figure_key");
    error(
        &run,
        "kunci `p0` ditulis dua kali",
        &at(INDIKATOR, 5, 20),
        Some("hapus salah satunya"),
    );
}

#[test]
fn year_3000_in_a_target_is_refused() {
    let run = broken("year_3000");
    error(
        &run,
        "`3000` bukan tahun yang sah",
        &at(INDIKATOR, 9, 8),
        Some("antara 1990 dan 2100"),
    );
}

#[test]
fn report_year_3000_in_site_yaml_is_refused() {
    let run = broken("site_year_3000");
    error(
        &run,
        "`3000` bukan tahun yang sah",
        "site.yaml:3:16",
        Some("antara 1990 dan 2100"),
    );
}

#[test]
fn report_year_written_in_words_is_the_wrong_type() {
    let run = broken("site_year_text");
    error(
        &run,
        "jenis nilai salah: seharusnya bilangan bulat, tertulis dua ribu dua lima",
        "site.yaml:3:16",
        Some("tulis bilangan bulat di sini"),
    );
}

/// A narrative in `content/kabupaten-contoh/1800/`: the folder names a year out of range.
#[test]
fn narrative_folder_of_year_1800_is_refused() {
    let run = broken("narrative_year_1800");
    error(
        &run,
        "`1800` bukan tahun yang sah",
        "content/kabupaten-contoh/1800/01-lama.md",
        Some("antara 1990 dan 2100"),
    );
}

// ---------------------------------------------------------------------------------------------
// Empty and missing files

#[test]
fn empty_site_yaml() {
    let run = broken("empty_site");
    error(&run, "berkas ini kosong", "site.yaml", Some("README"));
}

#[test]
fn empty_indikator_yaml() {
    let run = broken("empty_indikator");
    error(&run, "berkas ini kosong", INDIKATOR, Some("README"));
}

/// An empty province file is empty, not missing: the region is not told it does not exist.
#[test]
fn empty_reference_file_is_empty_not_missing() {
    let run = broken("empty_reference");
    error(
        &run,
        "berkas ini kosong",
        "content/referensi/jawa-timur.yaml",
        Some("README"),
    );
    assert!(
        !run.stderr.contains("provinsi `jawa-timur` tidak ada"),
        "{}",
        run.stderr
    );
}

/// Only comments: empty, not a YAML syntax error about brackets.
#[test]
fn a_file_of_comments_only_is_empty() {
    let run = broken("comment_only");
    error(&run, "berkas ini kosong", WILAYAH, Some("README"));
    assert!(
        !run.stderr.contains("YAML tidak dapat dibaca"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_site_yaml() {
    let (site, before) = built();
    site.remove("site.yaml");
    let run = fails(&site, &before);
    same_stderr(&site, &run, &written_stderr("missing_site_yaml"));
    error(
        &run,
        "folder situs tidak memuat `site.yaml`",
        ".",
        Some("buat berkas `site.yaml`"),
    );
}

#[test]
fn missing_indikator_yaml() {
    let (site, before) = built();
    site.remove(INDIKATOR);
    let run = fails(&site, &before);
    same_stderr(&site, &run, &written_stderr("missing_indikator_yaml"));
    error(
        &run,
        "berkas `indikator.yaml` tidak ada",
        REGION,
        Some("buat berkas `indikator.yaml`"),
    );
}

/// No `content/` at all (or a file of that name): one clear error, not an I/O message.
#[test]
fn missing_content_folder() {
    let (site, before) = built();
    site.remove("content");
    let run = fails(&site, &before);
    same_stderr(&site, &run, &written_stderr("missing_content_folder"));
    error(
        &run,
        "folder situs tidak memuat folder `content/`",
        "content",
        Some("`tkpk new`"),
    );
    assert!(!run.stderr.contains("os error"), "{}", run.stderr);
    site.write("content", "bukan folder");
    let run = fails(&site, &before);
    same_stderr(
        &site,
        &run,
        &written_stderr("missing_content_folder_a_file"),
    );
    error(
        &run,
        "folder situs tidak memuat folder `content/`",
        "content",
        None,
    );
}

#[test]
fn province_reference_with_no_file() {
    let (site, before) = built();
    site.remove("content/referensi/jawa-timur.yaml");
    let run = fails(&site, &before);
    same_stderr(
        &site,
        &run,
        &written_stderr("province_reference_with_no_file"),
    );
    error(
        &run,
        "provinsi `jawa-timur` tidak ada di `content/referensi/`",
        &at(WILAYAH, 5, 11),
        Some("buat berkas `content/referensi/jawa-timur.yaml` (`tingkat: provinsi`)"),
    );
}

// ---------------------------------------------------------------------------------------------
// YAML that is built to hurt: alias bombs, deep nesting, huge lines, many errors

/// Builds, measuring the time; the failed build must also leave `output/` alone.
fn fails_within(site: &TestSite, before: &Snapshot, limit_secs: u64) -> Run {
    let started = std::time::Instant::now();
    let run = fails(site, before);
    let took = started.elapsed();
    assert!(
        took < std::time::Duration::from_secs(limit_secs),
        "took {took:?} (limit {limit_secs} s)"
    );
    run
}

/// Six lines of anchors expand to a million values: refused by the node budget, quickly.
#[test]
fn alias_bomb_is_refused_quickly() {
    let (site, before) = built();
    overlay(&site, "alias_bomb");
    let run = fails_within(&site, &before, 20);
    same_stderr(&site, &run, &case_stderr("alias_bomb"));
    error(
        &run,
        "berkas YAML memuat terlalu banyak nilai: lebih dari 200000",
        &at(INDIKATOR, 9, 12),
        Some("tanpa alias (`&nama`, `*nama`)"),
    );
    // The message is ours, not the reader's debug text.
    assert!(!run.stderr.contains("budget breached"), "{}", run.stderr);
}

#[test]
fn deep_nesting_is_refused() {
    let (site, before) = built();
    overlay(&site, "deep_nesting");
    let run = fails_within(&site, &before, 20);
    same_stderr(&site, &run, &case_stderr("deep_nesting"));
    error(
        &run,
        "struktur YAML terlalu dalam: lebih dari 32 tingkat bersarang",
        &at(INDIKATOR, 36, 65),
        Some("tanpa tingkat bersarang yang dalam"),
    );
}

/// 100 000 `[` on one line: refused, and the line shown under the error is cut around the
/// column instead of printed whole.
#[test]
fn deep_brackets_are_refused_and_the_line_is_cut() {
    let (site, before) = built();
    let depth = 100_000;
    site.write(
        INDIKATOR,
        format!(
            "sumber: BPS\ndata:\n  2025: {{p0: {}{}}}\n",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
    );
    let run = fails_within(&site, &before, 20);
    same_stderr(
        &site,
        &run,
        &written_stderr("deep_brackets_are_refused_and_the_line_is_cut"),
    );
    let p = find(&run, "galat", "struktur YAML terlalu dalam");
    assert!(
        p.at.as_deref()
            .is_some_and(|a| a.starts_with(&format!("{INDIKATOR}:3:"))),
        "{}",
        run.stderr
    );
    let shown = p.source_line.unwrap();
    assert!(
        shown.starts_with("3 | …[[[") && shown.ends_with('…'),
        "{shown}"
    );
    assert!(
        run.stderr.lines().all(|l| l.chars().count() < 300),
        "a line of stderr is longer than 300 characters"
    );
}

#[test]
fn a_second_yaml_document_is_refused() {
    let run = broken("second_document");
    error(
        &run,
        "berkas ini memuat lebih dari satu dokumen YAML",
        &at(INDIKATOR, 11, 1),
        Some("tanpa `---` kedua"),
    );
}

#[test]
fn tab_indentation_is_named_with_a_hint() {
    let run = broken("tab_indent");
    error(
        &run,
        "baris ini diindentasi dengan tab; YAML hanya menerima spasi",
        &at(WILAYAH, 8, 1),
        Some("ganti tab di awal baris dengan spasi"),
    );
}

/// 20 000 bad years on one line of 330 kB: every error is reported, but each shows only the
/// part of the line around its column (before the fix each copied the whole line: 20 000 ×
/// 330 kB of memory and of stderr).
#[test]
fn many_errors_on_one_long_line_stay_small() {
    let (site, before) = built();
    let n = 20_000;
    let entries: Vec<String> = (0..n).map(|i| format!("{i}x: {{p0: 1}}")).collect();
    let line = format!("data: {{{}}}", entries.join(", "));
    site.write(INDIKATOR, format!("sumber: BPS\n{line}\n"));
    let run = fails_within(&site, &before, 60);
    error(
        &run,
        "`0x` bukan tahun yang sah",
        &at(INDIKATOR, 2, "data: {".len() + 1),
        Some("antara 1990 dan 2100"),
    );
    assert!(
        run.stderr.contains(&format!("gagal: {} galat", n + 1)),
        "{}",
        &run.stderr[run.stderr.len().saturating_sub(300)..]
    );
    // The first 50 in full (the file's own error, then 49 years), the rest counted per file:
    // small, whatever the count.
    assert_eq!(run.stderr.matches("\ngalat: ").count() + 1, 50);
    assert!(
        run.stderr.contains(&format!(
            "… dan {} pesan lain tidak ditampilkan (50 pertama ditulis lengkap, galat lebih dulu; seluruhnya {} galat). Perbaiki yang di atas, lalu jalankan lagi. Per berkas: {INDIKATOR} ({})",
            n + 1 - 50,
            n + 1,
            n + 1 - 50
        )),
        "{}",
        &run.stderr[run.stderr.len().saturating_sub(600)..]
    );
    assert!(
        run.stderr.len() < 100_000,
        "stderr is {} bytes for {n} errors",
        run.stderr.len()
    );
}

/// 30 000 bad years, one per line: locating each error must not rescan the file from its
/// start (that was quadratic: about a minute here before the fix, a few seconds after).
#[test]
fn many_errors_on_many_lines_are_fast() {
    let (site, before) = built();
    let mut text = String::from("sumber: BPS\ndata:\n");
    for i in 0..30_000 {
        text.push_str(&format!("  {i}x: {{p0: 1}}\n"));
    }
    site.write(INDIKATOR, text);
    let run = fails_within(&site, &before, 20);
    error(
        &run,
        "`48x` bukan tahun yang sah",
        &at(INDIKATOR, 51, 3),
        Some("antara 1990 dan 2100"),
    );
    assert!(!run.stderr.contains("`49x`"));
    assert!(
        run.stderr
            .contains("… dan 29951 pesan lain tidak ditampilkan")
    );
}

// ---------------------------------------------------------------------------------------------
// Narrative front matter

#[test]
fn narrative_without_front_matter() {
    let run = broken("front_matter_missing");
    error(
        &run,
        "narasi tidak diawali front matter",
        &at(PROFIL, 1, 1),
        Some("awali berkas dengan `---`"),
    );
}

#[test]
fn narrative_front_matter_that_is_not_yaml() {
    let run = broken("front_matter_not_yaml");
    error(
        &run,
        "jenis nilai salah: seharusnya teks",
        &at(PROFIL, 2, 8),
        Some("tulis teks di sini"),
    );
}

#[test]
fn narrative_front_matter_duplicate_key() {
    let run = broken("front_matter_duplicate_key");
    error(
        &run,
        "kunci `judul` ditulis dua kali",
        &at(PROFIL, 4, 1),
        Some("hapus salah satunya"),
    );
}

#[test]
fn narrative_front_matter_that_is_a_list() {
    let run = broken("front_matter_list");
    error(
        &run,
        "jenis nilai salah: seharusnya pemetaan `kunci: nilai`",
        &at(PROFIL, 2, 1),
        None,
    );
}

/// An empty narrative (made, not yet written) is not an error: a warning naming it, and the
/// site builds without it (it used to fail the build as a narrative without front matter).
#[test]
fn empty_narrative() {
    let (site, _) = built();
    site.write(PROFIL, "");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    expect(
        &run,
        "peringatan",
        "narasi ini kosong dan tidak diterbitkan",
        PROFIL,
        Some("awali berkas dengan `---`"),
    );
}

/// Latin-1 `é` in the body of a narrative, after the front matter: line 6, column 10.
#[test]
fn non_utf8_byte_in_a_narrative_is_located() {
    let (site, before) = built();
    site.write(
        PROFIL,
        b"---\njudul: Profil\nbab: profil\n---\n\nTeks Kab\xE9 Contoh.\n".as_slice(),
    );
    let run = fails(&site, &before);
    same_stderr(
        &site,
        &run,
        &written_stderr("non_utf8_byte_in_a_narrative_is_located"),
    );
    error(
        &run,
        "bukan teks UTF-8 (baris 6",
        &at(PROFIL, 6, 9),
        Some("UTF-8"),
    );
}

// ---------------------------------------------------------------------------------------------
// Size limit, symlinks, folder names

const FOUR_MIB: usize = 4 * 1024 * 1024;

/// A file one byte above the documented 4 MiB: refused by its size, without being parsed.
#[test]
fn yaml_file_above_4_mib_is_refused() {
    let (site, before) = built();
    let mut text = site.read(INDIKATOR);
    text.push('#');
    text.push_str(&"x".repeat(FOUR_MIB + 1 - text.len() - 1));
    text.push('\n');
    assert_eq!(text.len(), FOUR_MIB + 1);
    site.write(INDIKATOR, text);
    let run = fails_within(&site, &before, 20);
    same_stderr(
        &site,
        &run,
        &written_stderr("yaml_file_above_4_mib_is_refused"),
    );
    error(
        &run,
        &format!(
            "berkas terlalu besar: {} bita, batasnya {FOUR_MIB} bita (4 MiB)",
            FOUR_MIB + 1
        ),
        INDIKATOR,
        Some("pecah menjadi beberapa berkas"),
    );
}

#[test]
fn narrative_above_4_mib_is_refused() {
    let (site, before) = built();
    let body = "Kalimat yang diulang. ".repeat(FOUR_MIB / 20);
    site.write(PROFIL, format!("---\njudul: Besar\n---\n{body}"));
    let run = fails_within(&site, &before, 20);
    same_stderr(
        &site,
        &run,
        &written_stderr("narrative_above_4_mib_is_refused"),
    );
    error(&run, "berkas terlalu besar", PROFIL, Some("pecah"));
}

#[cfg(unix)]
fn symlink(target: impl AsRef<std::path::Path>, link: impl AsRef<std::path::Path>) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

/// `ulang -> .` inside a region: a loop, refused with the link named (never followed).
#[cfg(unix)]
#[test]
fn symlink_loop_is_refused() {
    let (site, before) = built();
    symlink(".", site.root().join(REGION).join("ulang"));
    symlink("b", site.root().join(REGION).join("a"));
    symlink("a", site.root().join(REGION).join("b"));
    let run = fails_within(&site, &before, 20);
    same_stderr(&site, &run, &written_stderr("symlink_loop_is_refused"));
    for link in ["ulang", "a", "b"] {
        error_at(
            &run,
            "tautan simbolik (symlink) tidak diizinkan",
            &format!("{REGION}/{link}"),
            "ganti tautan dengan berkas atau folder aslinya",
        );
    }
}

/// `indikator.yaml` linked to a file outside the site: refused, and never read.
#[cfg(unix)]
#[test]
fn symlink_to_a_file_outside_the_site_is_refused() {
    let (site, before) = built();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("rahasia.yaml");
    std::fs::write(&secret, "sumber: RAHASIA-LUAR\ndata:\n  2025: {p0: 1}\n").unwrap();
    site.remove(INDIKATOR);
    symlink(&secret, site.root().join(INDIKATOR));
    let run = fails(&site, &before);
    same_stderr(
        &site,
        &run,
        &written_stderr("symlink_to_a_file_outside_the_site_is_refused"),
    );
    error(
        &run,
        "tautan simbolik (symlink) tidak diizinkan",
        INDIKATOR,
        Some("ganti tautan"),
    );
    assert!(!run.stderr.contains("RAHASIA-LUAR"), "{}", run.stderr);
}

/// A year folder and the reference folder linked to folders outside the site.
#[cfg(unix)]
#[test]
fn symlink_to_a_folder_outside_the_site_is_refused() {
    let (site, before) = built();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("01-luar.md"),
        "---\njudul: RAHASIA-LUAR\n---\nx\n",
    )
    .unwrap();
    symlink(outside.path(), site.root().join(REGION).join("2024"));
    let refs = site.root().join("content/referensi");
    let moved = outside.path().join("referensi");
    std::fs::rename(&refs, &moved).unwrap();
    symlink(&moved, &refs);
    let run = fails(&site, &before);
    same_stderr(
        &site,
        &run,
        &written_stderr("symlink_to_a_folder_outside_the_site_is_refused"),
    );
    for link in [format!("{REGION}/2024"), "content/referensi".to_string()] {
        error_at(
            &run,
            "tautan simbolik (symlink) tidak diizinkan",
            &link,
            "ganti tautan",
        );
    }
    assert!(!run.stderr.contains("RAHASIA-LUAR"), "{}", run.stderr);
}

/// A province file linked from elsewhere: refused, and its region is not told that the
/// province has no file.
#[cfg(unix)]
#[test]
fn symlinked_province_file_is_refused_not_missing() {
    let (site, before) = built();
    let outside = tempfile::tempdir().unwrap();
    let shared = outside.path().join("jawa-timur.yaml");
    std::fs::write(&shared, site.read("content/referensi/jawa-timur.yaml")).unwrap();
    site.remove("content/referensi/jawa-timur.yaml");
    symlink(
        &shared,
        site.root().join("content/referensi/jawa-timur.yaml"),
    );
    let run = fails(&site, &before);
    same_stderr(
        &site,
        &run,
        &written_stderr("symlinked_province_file_is_refused_not_missing"),
    );
    error(
        &run,
        "tautan simbolik (symlink) tidak diizinkan",
        "content/referensi/jawa-timur.yaml",
        Some("ganti tautan"),
    );
    assert!(
        !run.stderr.contains("provinsi `jawa-timur` tidak ada"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn site_yaml_as_a_symlink_is_refused() {
    let (site, before) = built();
    let outside = tempfile::tempdir().unwrap();
    let config = outside.path().join("site.yaml");
    std::fs::write(&config, site.read("site.yaml")).unwrap();
    site.remove("site.yaml");
    symlink(&config, site.root().join("site.yaml"));
    let run = fails(&site, &before);
    same_stderr(
        &site,
        &run,
        &written_stderr("site_yaml_as_a_symlink_is_refused"),
    );
    error(
        &run,
        "tautan simbolik (symlink) tidak diizinkan",
        "site.yaml",
        Some("ganti tautan"),
    );
}

/// The region folder renamed to `name`: refused by the slug rule, named as written.
fn bad_folder_name(key: &str, name: &str, message: &str) {
    let (site, before) = built();
    std::fs::rename(
        site.root().join(REGION),
        site.root().join("content").join(name),
    )
    .unwrap();
    let run = fails(&site, &before);
    same_stderr(&site, &run, &written_stderr(key));
    error(
        &run,
        message,
        &format!("content/{name}"),
        Some("pakai huruf kecil a–z, angka dan tanda hubung saja"),
    );
}

#[test]
fn folder_name_with_dots_is_refused() {
    bad_folder_name(
        "folder_name_with_dots_is_refused",
        "kabupaten..contoh",
        "nama folder `kabupaten..contoh` tidak dapat dipakai sebagai alamat halaman",
    );
}

#[test]
fn folder_name_with_a_space_is_refused() {
    bad_folder_name(
        "folder_name_with_a_space_is_refused",
        "kabupaten contoh",
        "nama folder `kabupaten contoh` tidak dapat dipakai sebagai alamat halaman",
    );
}

#[test]
fn folder_name_with_non_ascii_letters_is_refused() {
    bad_folder_name(
        "folder_name_with_non_ascii_letters_is_refused",
        "kabupatén-contoh",
        "nama folder `kabupatén-contoh` tidak dapat dipakai sebagai alamat halaman",
    );
}

#[test]
fn folder_name_in_uppercase_is_refused() {
    bad_folder_name(
        "folder_name_in_uppercase_is_refused",
        "Kabupaten-Contoh",
        "nama folder `Kabupaten-Contoh` tidak dapat dipakai sebagai alamat halaman",
    );
}

#[test]
fn folder_name_reserved_by_the_output_is_refused() {
    bad_folder_name(
        "folder_name_reserved_by_the_output_is_refused",
        "assets",
        "nama folder `assets` dipakai sendiri oleh tkpk",
    );
}

#[test]
fn two_regencies_with_the_same_code() {
    let run = broken("duplicate_region_code");
    let second = "content/kabupaten-kembar/wilayah.yaml";
    error(
        &run,
        "kode wilayah `35.99` sudah dipakai oleh `kabupaten-contoh`",
        &at(second, 3, 7),
        Some("setiap kabupaten/kota punya kodenya sendiri"),
    );
    error(
        &run,
        "kode wilayah `3599` sudah dipakai oleh `kabupaten-contoh`",
        &at(second, 4, 11),
        Some("setiap kabupaten/kota punya kodenya sendiri"),
    );
}

// ---------------------------------------------------------------------------------------------
// Narratives pasted with HTML: they build, and none of the HTML reaches the page
// (tests/hostile.rs scans every output file of every case that builds)

/// The `dasar` site with the files of `case` laid over it, built: it must succeed. Returns the
/// site and the 2025 report, where the narrative `03-…` of each case stands.
fn builds(case: &str) -> (TestSite, String) {
    let (site, _) = built();
    overlay(&site, case);
    let run = site.build();
    assert_eq!(run.code, 0, "{case} must build:\n{}", run.stderr);
    same_stderr(&site, &run, &case_stderr(case));
    assert!(!run.stderr.contains("galat"), "{}", run.stderr);
    let page =
        std::fs::read_to_string(site.output().join("kabupaten-contoh/2025/index.html")).unwrap();
    (site, page)
}

/// The markup of the narrative section of `file` on `page`.
fn narrative_markup(page: &str, file: &str) -> String {
    let html = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse(&format!("section.narasi[data-berkas=\"{file}\"]")).unwrap();
    let section = html
        .select(&sel)
        .next()
        .unwrap_or_else(|| panic!("no narrative section for {file}"));
    section.html()
}

/// Every element and attribute of the narrative section of `file` on `page`: no script,
/// handler, frame, style, SVG or MathML, and no link target with a `javascript:`, `vbscript:`
/// or `data:` scheme.
fn assert_inert(page: &str, file: &str) {
    let html = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse(&format!("section.narasi[data-berkas=\"{file}\"]")).unwrap();
    let section = html.select(&sel).next().unwrap();
    let markup = section.html();
    for el in section.descendants().filter_map(scraper::ElementRef::wrap) {
        let el = el.value();
        let name = el.name();
        assert!(
            ![
                "script", "iframe", "frame", "object", "embed", "style", "svg", "math", "form",
                "input", "base", "meta", "link", "img", "body", "details",
            ]
            .contains(&name),
            "<{name}> reached the page: {markup}"
        );
        for (attr, value) in el.attrs() {
            assert!(
                !attr.to_ascii_lowercase().starts_with("on"),
                "{attr}= reached the page: {markup}"
            );
            let squeezed: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(
                    !squeezed.starts_with(scheme),
                    "{attr}={value:?} reached the page: {markup}"
                );
            }
            assert!(
                !["style", "srcdoc", "xlink:href", "formaction", "action"].contains(&attr),
                "{attr}= reached the page: {markup}"
            );
        }
    }
}

#[test]
fn narrative_script_tags_in_any_case_never_reach_the_page() {
    let (_, page) = builds("narrative_script");
    let markup = narrative_markup(&page, "03-skrip.md");
    assert_inert(&page, "03-skrip.md");
    assert!(!markup.to_ascii_lowercase().contains("<script"), "{markup}");
    assert!(
        !page.contains("penyerang.example"),
        "a script source reached the page"
    );
    // What was written around the scripts is still there, `<SCRIPT>…</SCRIPT>` included.
    for kept in [
        "Paragraf sebelum skrip.",
        "Paragraf di antara skrip.",
        "di tengah kalimat.",
        "Paragraf sesudah skrip.",
    ] {
        assert!(markup.contains(kept), "{kept:?} was lost: {markup}");
    }
}

#[test]
fn narrative_event_handler_attributes_never_reach_the_page() {
    let (_, page) = builds("narrative_event_handlers");
    let markup = narrative_markup(&page, "03-penangan.md");
    assert_inert(&page, "03-penangan.md");
    for n in 1..=7 {
        assert!(
            !markup.contains(&format!("'penangan-{n}')\"")) && !markup.contains("onerror=\""),
            "handler {n} reached the page: {markup}"
        );
    }
    assert!(markup.contains("Teks dengan tebal dan tautan."), "{markup}");
    assert!(markup.contains("Paragraf terakhir tetap ada."), "{markup}");
    // A heading's `{… onclick=…}` attributes are not kept either; its id is tkpk's own.
    assert!(
        markup.contains("<h4 id=\"narasi-3-judul-bagian\">Judul bagian</h4>"),
        "{markup}"
    );
}

#[test]
fn narrative_javascript_and_data_links_lose_their_target_in_any_case() {
    let (_, page) = builds("narrative_javascript_links");
    let markup = narrative_markup(&page, "03-tautan.md");
    assert_inert(&page, "03-tautan.md");
    let lower = markup.to_ascii_lowercase();
    for bad in ["javascript:", "vbscript:", "data:", "tautan-1", "tautan-12"] {
        assert!(!lower.contains(bad), "{bad} reached the page: {markup}");
    }
    // The words of the links stay, as text; the safe links keep their targets.
    for word in [
        "satu",
        "sepuluh",
        "sebelas",
        "dua belas",
        "lima belas",
        "tujuh belas",
    ] {
        assert!(markup.contains(word), "{word:?} was lost: {markup}");
    }
    assert!(
        markup.contains("href=\"https://www.bps.go.id/\""),
        "{markup}"
    );
    assert!(
        markup.contains("href=\"mailto:tkpk@contoh.go.id\""),
        "{markup}"
    );
}

#[test]
fn narrative_iframes_styles_svg_and_embeds_never_reach_the_page() {
    let (_, page) = builds("narrative_iframe_style_svg");
    let markup = narrative_markup(&page, "03-sisipan.md");
    assert_inert(&page, "03-sisipan.md");
    assert!(
        !page.contains("penyerang.example"),
        "an outside address reached the page"
    );
    assert!(
        !page.contains("display: none } /* gaya-1"),
        "a style block reached the page"
    );
    assert!(markup.contains("Teks dengan gaya sebaris."), "{markup}");
    assert!(markup.contains("Paragraf penutup tetap ada."), "{markup}");
}

/// HTML in `judul` and `sumber` of the front matter is text, escaped.
#[test]
fn narrative_front_matter_html_is_escaped_text() {
    let (_, page) = builds("narrative_html_in_front_matter");
    let markup = narrative_markup(&page, "03-judul.md");
    assert_inert(&page, "03-judul.md");
    let html = scraper::Html::parse_fragment(&markup);
    assert_eq!(
        common::texts(&html, "h3"),
        vec!["<script>alert('judul-1')</script> Judul <img src=x onerror=alert('judul-2')>"]
    );
    assert!(
        common::texts(&html, "p.sumber")[0]
            .contains("<a href=\"javascript:alert('judul-3')\">sumber</a>"),
        "{markup}"
    );
}

/// A colon inside an unquoted value (`sumber: BPS: rilis Juli`) is a common slip: the hint says
/// to quote the value.
#[test]
fn a_colon_in_an_unquoted_value_gets_the_quoting_hint() {
    let (site, before) = built();
    site.write(
        "content/kabupaten-contoh/indikator.yaml",
        "sumber: BPS: rilis Juli 2025\ndata:\n  2025: {p0: 7.57}\n",
    );
    let run = site.build();
    assert_eq!(run.code, 1);
    same_stderr(
        &site,
        &run,
        &written_stderr("a_colon_in_an_unquoted_value_gets_the_quoting_hint"),
    );
    assert!(
        run.stderr
            .contains("--> content/kabupaten-contoh/indikator.yaml:1:12"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("apit dengan tanda kutip"),
        "{}",
        run.stderr
    );
    assert_eq!(before, snapshot(&site.output()));
}

/// `provinsi:` naming the national file: the hint names the provinces, it does not ask to
/// create a file that exists.
#[test]
fn the_national_file_named_as_a_province_gets_the_province_names() {
    let (site, before) = built();
    let text = site
        .read(WILAYAH)
        .replace("provinsi: jawa-timur", "provinsi: indonesia");
    site.write(WILAYAH, text);
    let run = site.build();
    assert_eq!(run.code, 1);
    same_stderr(
        &site,
        &run,
        &written_stderr("the_national_file_named_as_a_province_gets_the_province_names"),
    );
    assert!(
        run.stderr
            .contains("`indonesia` adalah referensi nasional, bukan provinsi"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("salah satu dari: `jawa-timur`"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("buat berkas"), "{}", run.stderr);
    assert_eq!(before, snapshot(&site.output()));
}

// ---------------------------------------------------------------- year files (programmes,
// pockets, institutional records) and evaluation schemes

const PROGRAM: &str = "content/kabupaten-contoh/2025/program.yaml";
const KANTONG: &str = "content/kabupaten-contoh/2025/kantong.yaml";
const KELEMBAGAAN: &str = "content/kabupaten-contoh/2025/kelembagaan.yaml";
const DESIL: &str = "content/kabupaten-contoh/2025/desil.yaml";

#[test]
fn every_programme_problem_is_reported_in_one_run() {
    let (site, before) = built();
    site.write(
        PROGRAM,
        "sumber: Matriks uji
program:
  - strategi: 4
    opd: Dinas Sosial
    sub_kegiatan: A
    tagging: langsng
    alokasi: -5
  - strategi: 1
    opd: Dinas Sosial
    sub_kegiatan: B
    tagging: penunjang
    alokasi: 100
    realisasi_semester_1: 80
    realisasi_semester_2: 40
  - strategi: 2
    opd: Dinas Pertanian
    sub_kegiatan: C
    tagging: tidak langsung
    alokasi: \"1.000.000\"
    perjalanan_dinas: 5
",
    );
    let run = fails(&site, &before);
    same_stderr(
        &site,
        &run,
        &written_stderr("every_programme_problem_is_reported_in_one_run"),
    );
    expect(
        &run,
        "galat",
        "strategi `4` tidak dikenal",
        &format!("{PROGRAM}:3:15"),
        Some("tulis `strategi: 1`"),
    );
    expect(
        &run,
        "galat",
        "nilai `langsng` tidak dikenal",
        &format!("{PROGRAM}:6:14"),
        Some("mungkin maksud Anda `langsung`?"),
    );
    expect(
        &run,
        "galat",
        "`alokasi` = -5 mustahil",
        &format!("{PROGRAM}:7:14"),
        None,
    );
    expect(
        &run,
        "peringatan",
        "realisasi `B` (Rp120) melebihi alokasinya (Rp100)",
        &format!("{PROGRAM}:14:27"),
        None,
    );
    // "tidak langsung" is read as `tidak_langsung`; the money written with dots is not a number.
    expect(
        &run,
        "galat",
        "`1.000.000`",
        &format!("{PROGRAM}:19:14"),
        None,
    );
    assert!(!run.stderr.contains("`tidak langsung`"), "{}", run.stderr);
}

#[test]
fn pocket_and_institution_problems_are_located() {
    let (site, before) = built();
    site.write(
        KANTONG,
        "sumber: Pemetaan uji
kecamatan:
  - {nama: Alpha, jumlah_desa: 2, desa: [Satu]}
  - {nama: Beta, rumah_tangga: {11: 5}}
  - {nama: alpha, jumlah_desa: 1.5}
",
    );
    site.write(
        KELEMBAGAAN,
        "sk_tkpk: {nomor: \"1\", tanggal: 2025-02-30}
laporan:
  - {jenis: semester1, tanggal: 2025-07-15, kepada: Gubernur}
verifikasi_data:
  - {tanggal: 2025-08-01, sebelum: -3, sesudah: 10}
",
    );
    let run = fails(&site, &before);
    same_stderr(
        &site,
        &run,
        &written_stderr("pocket_and_institution_problems_are_located"),
    );
    expect(
        &run,
        "galat",
        "`jumlah_desa` bernilai 2, tetapi `desa` menyebut 1 nama",
        &format!("{KANTONG}:3:32"),
        Some("hapus `jumlah_desa`"),
    );
    expect(
        &run,
        "galat",
        "desil `11` tidak dikenal",
        &format!("{KANTONG}:4:33"),
        Some("desil 1 sampai 10"),
    );
    expect(
        &run,
        "galat",
        "`jumlah_desa` harus bilangan bulat",
        &format!("{KANTONG}:5:32"),
        None,
    );
    expect(
        &run,
        "galat",
        "kecamatan `alpha` ditulis dua kali",
        &format!("{KANTONG}:5:12"),
        None,
    );
    expect(
        &run,
        "galat",
        "tanggal `2025-02-30` tidak sah",
        &format!("{KELEMBAGAAN}:1:32"),
        Some("`2025-03-10`"),
    );
    expect(
        &run,
        "galat",
        "nilai `semester1` tidak dikenal",
        &format!("{KELEMBAGAAN}:3:13"),
        Some("mungkin maksud Anda `semester_1`?"),
    );
    expect(
        &run,
        "galat",
        "`sebelum` harus bilangan bulat",
        &format!("{KELEMBAGAAN}:5:36"),
        None,
    );
}

/// `desil.yaml` (basic services by welfare decile): a key that is not a basic service, a
/// decile 11, a share of 130 percent and a missing `sumber`, all in one run, each at its place
/// with what to write.
#[test]
fn every_decile_problem_is_reported_in_one_run() {
    let (site, before) = built();
    site.write(
        DESIL,
        "# Agregat DTSEN per desil (uji)
satuan: rumah_tangga
layanan:
  sanitasi_layk: {1: 48.2, 5: 81.0}
  air_minum_layak: {1: 58.4, 11: 80.2}
  listrik: {1: 130, 2: 99.5}
",
    );
    let run = fails(&site, &before);
    same_stderr(
        &site,
        &run,
        &written_stderr("every_decile_problem_is_reported_in_one_run"),
    );
    expect(
        &run,
        "galat",
        "kunci wajib `sumber` tidak ada",
        &format!("{DESIL}:2:1"),
        Some("`sumber: \"DTSEN, agregat per desil"),
    );
    expect(
        &run,
        "galat",
        "`sanitasi_layk` bukan kunci indikator layanan dasar",
        &format!("{DESIL}:4:3"),
        Some("mungkin maksud Anda `sanitasi_layak`?"),
    );
    expect(
        &run,
        "galat",
        "desil `11` tidak dikenal",
        &format!("{DESIL}:5:30"),
        Some("`sanitasi_layak: {1: 48.2, 5: 81.0}`"),
    );
    expect(
        &run,
        "galat",
        "listrik = 130,00 mustahil: nilainya harus antara 0 dan 100",
        &format!("{DESIL}:6:16"),
        Some("tulis persen per desil"),
    );
}

#[test]
fn a_misnamed_year_file_is_a_warning() {
    let (site, _) = built();
    site.write("content/kabupaten-contoh/2025/programs.yaml", "sumber: x\n");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    same_stderr(
        &site,
        &run,
        &written_stderr("a_misnamed_year_file_is_a_warning"),
    );
    expect(
        &run,
        "peringatan",
        "berkas `programs.yaml` di folder tahun tidak dikenal",
        "content/kabupaten-contoh/2025/programs.yaml",
        Some("`program.yaml`"),
    );
}

#[test]
fn scheme_problems_in_site_yaml_are_located() {
    let (site, before) = built();
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!(
            "{config}skema_penilaian:
  - tahun: 2026
    nama: Skema uji
    dasar: Peraturan uji
    komponen:
      - {{nama: A, bobot: 30, ukuran: [p0, skor_taging]}}
      - {{nama: B, bobot: 50, ukuran: [skor_tagging]}}
    bukti: [sk_tkpk, laporan_semester_3]
"
        ),
    );
    let run = fails(&site, &before);
    same_stderr(
        &site,
        &run,
        &written_stderr("scheme_problems_in_site_yaml_are_located"),
    );
    let lines = config.lines().count();
    expect(
        &run,
        "galat",
        "nilai `skor_taging` tidak dikenal",
        &format!("site.yaml:{}:43", lines + 6),
        Some("mungkin maksud Anda `skor_tagging`?"),
    );
    expect(
        &run,
        "galat",
        "ukuran `skor_tagging` memerlukan `skor_tagging:`",
        &format!("site.yaml:{}:39", lines + 7),
        None,
    );
    expect(
        &run,
        "galat",
        "nilai `laporan_semester_3` tidak dikenal",
        &format!("site.yaml:{}:22", lines + 8),
        None,
    );
    expect(
        &run,
        "peringatan",
        "bobot komponen skema 2026 berjumlah 80,00, bukan 100",
        &format!("site.yaml:{}:12", lines + 2),
        None,
    );
}

#[test]
fn national_best_tagged_scores_in_site_yaml_are_checked_and_located() {
    let (site, before) = built();
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!(
            "{config}skor_tagging_tertinggi:
  - {{tahun: 2023, nilai: 0, sumber: \"BPS\"}}
  - {{tahun: 2024, nilai: 4.2, sumber: \"A\"}}
  - {{tahun: 2024, nilai: 3.9, sumber: \"B\"}}
  - {{tahun: 2025, nilai: 4.1, sumber: \" \"}}
  - {{tahun: 3000, nilai: 1, sumber: \"C\"}}
"
        ),
    );
    let run = fails(&site, &before);
    same_stderr(
        &site,
        &run,
        &written_stderr("national_best_tagged_scores_in_site_yaml_are_checked_and_located"),
    );
    let lines = config.lines().count();
    error(
        &run,
        "skor tagging tertinggi 2023 = 0,00 tidak sah",
        &format!("site.yaml:{}:26", lines + 2),
        Some("skor_tagging_tertinggi: [{tahun: 2023"),
    );
    error(
        &run,
        "skor tagging tertinggi tahun 2024 ditulis dua kali",
        &format!("site.yaml:{}:13", lines + 4),
        None,
    );
    error(
        &run,
        "skor tagging tertinggi 2025 tanpa sumber",
        &format!("site.yaml:{}:39", lines + 5),
        None,
    );
    error(
        &run,
        "`3000` bukan tahun yang sah",
        &format!("site.yaml:{}:13", lines + 6),
        None,
    );
}

/// Scoring rules in site.yaml: every mistake is reported in one run at its place, the
/// previous output untouched.
#[test]
fn scoring_rules_in_site_yaml_are_checked_and_located() {
    let (site, before) = built();
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!(
            "{config}aturan_skor:
  - {{tahun: 2025, ukuran: p00, cara: linear, nol: 0, seratus: -1, sumber: \"A\"}}
  - {{tahun: 2025, ukuran: skor_tagging, cara: nilai, sumber: \"A\"}}
  - {{tahun: 2025, ukuran: p0, cara: linear, nol: 0, sumber: \"A\"}}
  - {{tahun: 2025, ukuran: p1, cara: nilai, sumber: \"A\"}}
  - {{tahun: 2025, ukuran: posisi_provinsi, cara: kelas, kelas: [{{dari: 2, sampai: 0, skor: 50}}, {{skor: 120}}], sumber: \"A\"}}
  - {{tahun: 2025, ukuran: porsi_alokasi, cara: garis, sumber: \"A\"}}
  - {{ukuran: tingkat_realisasi, cara: nilai, sumber: \"A\"}}
  - {{tahun: 2019, ukuran: p0, cara: nilai, sumber: \"A\"}}
  - {{tahun: 2025, ukuran: tingkat_realisasi, cara: nilai, nol: 1, sumber: \" \"}}
  - {{tahun: 2025, ukuran: kemiskinan_ekstrem, bobot: 30, cara: linear, nol: 0, seratus: -1, sumber: \"A\"}}
  - {{tahun: 2025, ukuran: kemiskinan_ekstrem, bobot: 30, cara: linear, nol: 0, seratus: -1, sumber: \"A\"}}
"
        ),
    );
    let run = fails(&site, &before);
    same_stderr(
        &site,
        &run,
        &written_stderr("scoring_rules_in_site_yaml_are_checked_and_located"),
    );
    let line = |n: usize| config.lines().count() + 1 + n;
    error(
        &run,
        "nilai `p00` tidak dikenal",
        &format!("site.yaml:{}:27", line(1)),
        Some("p0"),
    );
    error(
        &run,
        "ukuran `skor_tagging` tidak ada dalam skema penilaian 2025",
        &format!("site.yaml:{}:27", line(2)),
        None,
    );
    error(
        &run,
        "cara `linear` memerlukan `nol`",
        &format!("site.yaml:{}:37", line(3)),
        Some("cara: linear, nol: 0, seratus: -1"),
    );
    error(
        &run,
        "cara `nilai` memakai nilai ukuran sebagai skor, tetapi nilai `p1` bukan persen atau skor",
        &format!("site.yaml:{}:37", line(4)),
        None,
    );
    error(
        &run,
        "kelas terbalik",
        &format!("site.yaml:{}:72", line(5)),
        None,
    );
    error(
        &run,
        "skor 120,00 tidak sah",
        &format!("site.yaml:{}:104", line(5)),
        None,
    );
    error(
        &run,
        "kelas ini tidak punya `dari` maupun `sampai`",
        &format!("site.yaml:{}:104", line(5)),
        None,
    );
    error(
        &run,
        "nilai `garis` tidak dikenal",
        &format!("site.yaml:{}:48", line(6)),
        None,
    );
    error(
        &run,
        "aturan skor di site.yaml tidak menyebut tahun skemanya",
        &format!("site.yaml:{}:14", line(7)),
        Some("tahun: 2025"),
    );
    error(
        &run,
        "tidak ada skema penilaian tahun 2019; skema yang ada: 2023, 2024, 2025",
        &format!("site.yaml:{}:13", line(8)),
        None,
    );
    error(
        &run,
        "`nol` tidak dipakai oleh cara `nilai`",
        &format!("site.yaml:{}:52", line(9)),
        None,
    );
    error(
        &run,
        "aturan skor tanpa sumber",
        &format!("site.yaml:{}:75", line(9)),
        None,
    );
    error(
        &run,
        "aturan skor `kemiskinan_ekstrem` tahun 2025 ditulis dua kali",
        &format!("site.yaml:{}:27", line(11)),
        None,
    );
}

/// A scheme in site.yaml: a component without measures, and a rule inside a scheme that names
/// a year (its year is the scheme's), are errors at their place.
#[test]
fn scheme_rules_and_components_in_site_yaml_are_checked() {
    let (site, before) = built();
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!(
            "{config}skema_penilaian:
  - tahun: 2026
    nama: Uji
    dasar: Peraturan uji
    komponen:
      - {{nama: Kinerja, bobot: 40, ukuran: [p0]}}
      - {{nama: Kosong, bobot: 60, ukuran: []}}
    aturan_skor:
      - {{tahun: 2026, ukuran: p0, cara: linear, nol: 0, seratus: -1, sumber: \"A\"}}
"
        ),
    );
    let run = fails(&site, &before);
    let lines = config.lines().count();
    error(
        &run,
        "komponen \"Kosong\" tidak punya ukuran",
        &format!("site.yaml:{}:12", lines + 2),
        Some("ukuran: [p0, p1]"),
    );
    error(
        &run,
        "aturan skor di dalam skema tidak memakai `tahun`",
        &format!("site.yaml:{}:17", lines + 9),
        Some("hapus `tahun`"),
    );
}

/// Figures that look right and are wrong: a poverty line written with a thousands dot
/// (`451.190`, read 451,19), money likewise (`450.000`, `2.650.000.000.000`), people with
/// several dots, are errors saying how to write them; people counted one by one in a field of
/// thousands (`85280`, 85 million) a warning at its place.
#[test]
fn thousands_dots_and_implausible_sizes_are_caught() {
    let (site, before) = built();
    site.write(
        INDIKATOR,
        "sumber: BPS\ndata:\n  2024: {p0: 8.16, garis_kemiskinan: 451.190}\n  2025: {p0: 7.57, jumlah_penduduk_miskin: 85280}\n  2023: {p0: 8.69, jumlah_penduduk_miskin: 1.234.567}\n",
    );
    site.write(
        "content/kabupaten-contoh/2025/program.yaml",
        "sumber: Uji\nbelanja_daerah: 2.650.000.000.000\nprogram:\n  - {strategi: 1, opd: Dinas Sosial, sub_kegiatan: Bantuan, tagging: langsung, alokasi: 450.000}\n",
    );
    let run = fails(&site, &before);
    error(
        &run,
        "angka `451.190` memakai titik sebagai pemisah ribuan",
        &at(INDIKATOR, 3, 38),
        Some("tulis angkanya tanpa pemisah ribuan: `451190`"),
    );
    error(
        &run,
        "angka `1.234.567` memakai titik sebagai pemisah ribuan",
        &at(INDIKATOR, 5, 44),
        Some("`1234.567`"),
    );
    let program = "content/kabupaten-contoh/2025/program.yaml";
    error(
        &run,
        "angka `2.650.000.000.000` memakai titik sebagai pemisah ribuan",
        &at(program, 2, 17),
        Some("`2650000000000`"),
    );
    error(
        &run,
        "angka `450.000` memakai titik sebagai pemisah ribuan",
        &at(program, 4, 89),
        Some("`450000`"),
    );
    expect(
        &run,
        "peringatan",
        "jumlah_penduduk_miskin = 85.280,00 ribu jiwa di luar kisaran yang masuk akal (0–2.000)",
        &at(INDIKATOR, 4, 44),
        Some("dalam ribu jiwa"),
    );
}

/// `{p0: 8,79, jumlah_penduduk_miskin: 85,28}`: YAML splits each at the comma into a figure
/// and a key; each is said to be a decimal comma at its figure, and neither `8` nor `85` is
/// kept.
#[test]
fn a_decimal_comma_in_a_one_line_mapping_is_named_as_such() {
    let (site, before) = built();
    site.write(
        INDIKATOR,
        "sumber: BPS\ndata:\n  2024: {p0: 8.16}\n  2025: {p0: 8,79, jumlah_penduduk_miskin: 85,28}\n",
    );
    let run = fails(&site, &before);
    error(
        &run,
        "angka `8,79` memakai koma desimal",
        &at(INDIKATOR, 4, 14),
        Some("`8.79`"),
    );
    error(
        &run,
        "angka `85,28` memakai koma desimal",
        &at(INDIKATOR, 4, 44),
        Some("`85.28`"),
    );
    assert!(!run.stderr.contains("tidak dikenal"), "{}", run.stderr);
}

/// The sizes of the nation's and a province's numbers of poor have a floor as well as a
/// ceiling (`25.220` for 25 220 thousand reads 25,22 thousand), and the number of poor must
/// fit P0 (their ratio is the population); a count of targets with a thousands dot is refused;
/// a non-food line of an older year (Rp42.150) and a figure beside an integer key are fine.
#[test]
fn floors_populations_and_counts_are_checked() {
    let (site, before) = built();
    site.write(
        "content/referensi/indonesia.yaml",
        "nama: Indonesia\ntingkat: nasional\nkode: \"00\"\nsumber: BPS\ndata:\n  2024: {p0: 9.03, jumlah_penduduk_miskin: 25.220}\n  2025: {p0: 8.47}\n",
    );
    site.write(
        INDIKATOR,
        "sumber: BPS\ndata:\n  2024: {p0: 8.16, jumlah_penduduk_miskin: 959.1, gknm: 42150}\n  2025: {p0: 7.57}\n",
    );
    site.write(
        "content/kabupaten-contoh/2025/program.yaml",
        "sumber: Uji\nprogram:\n  - {strategi: 1, opd: Dinas Sosial, sub_kegiatan: Bantuan, tagging: langsung, alokasi: 1000000, sasaran: 2.950}\n",
    );
    let run = fails(&site, &before);
    expect(
        &run,
        "peringatan",
        "jumlah_penduduk_miskin = 25,22 ribu jiwa di luar kisaran yang masuk akal (1.000–100.000)",
        "content/referensi/indonesia.yaml:6:44",
        None,
    );
    expect(
        &run,
        "peringatan",
        "jumlah penduduk miskin 2024 (959,10 ribu jiwa) dengan P0 8,16 persen berarti penduduk 11.754 ribu jiwa",
        &at(INDIKATOR, 3, 44),
        None,
    );
    error(
        &run,
        "angka `2.950` memakai titik sebagai pemisah ribuan",
        &at("content/kabupaten-contoh/2025/program.yaml", 3, 107),
        Some("`2950`"),
    );
    assert!(!run.stderr.contains("gknm = "), "{}", run.stderr);
}

/// A region with its province's code (`tkpk new` once wrote `3500`): the first BPS table
/// imported would put the province's figures in the region's file. Refused at each code.
#[test]
fn a_province_code_on_a_region_is_refused() {
    let (site, before) = built();
    let file = "content/kabupaten-contoh/wilayah.yaml";
    let text = site.read(file);
    site.write(
        file,
        text.replace("kode: \"35.99\"", "kode: \"35.00\"")
            .replace("kode_bps: \"3599\"", "kode_bps: \"3500\""),
    );
    let run = fails(&site, &before);
    error(
        &run,
        "kode `35.00` adalah kode provinsi, bukan kode kabupaten/kota",
        &at(file, 3, 7),
        Some("`kode_bps: \"3505\"`"),
    );
    error(
        &run,
        "kode `3500` adalah kode provinsi, bukan kode kabupaten/kota",
        &at(file, 4, 11),
        None,
    );
}

/// A key missing from a mapping inside a file (a list entry) is pointed at in its entry, not
/// only named with the file.
#[test]
fn a_key_missing_from_an_entry_is_located_in_it() {
    let (site, before) = built();
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!("{config}skor_tagging_tertinggi:\n  - {{tahun: 2023, nilai: 4.2}}\n"),
    );
    let run = fails(&site, &before);
    let line = config.lines().count() + 2;
    error(
        &run,
        "kunci wajib `sumber` tidak ada",
        &format!("site.yaml:{line}:19"),
        Some("sumber: …"),
    );
}

/// A value three million characters long is named by its start and end: the whole stderr stays
/// under 10 KB.
#[test]
fn a_huge_value_is_not_repeated_whole() {
    let (site, before) = built();
    let huge = "9".repeat(3_000_000);
    site.write(
        INDIKATOR,
        format!("sumber: BPS\ndata:\n  2025: {{p0: \"{huge}x\"}}\n"),
    );
    let run = fails(&site, &before);
    assert!(run.stderr.len() < 10_000, "{} bytes", run.stderr.len());
    assert!(run.stderr.contains("…"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// Evidence files (`berkas:` in kelembagaan.yaml)

/// Every evidence file that is not there, not inside `bukti/`, not a PDF/JPG/PNG by its name or
/// by its bytes, too large or a link is an error at its `berkas:` value, all in one run.
#[test]
fn every_evidence_file_problem_is_reported_in_one_run() {
    let (site, before) = built();
    site.write(
        KELEMBAGAAN,
        "sk_tkpk:
  nomor: \"1/2025\"
  tanggal: 2025-03-10
  berkas: bukti/sk-tidak-ada.pdf
rpkd:
  nomor: \"2/2025\"
  tanggal: 2025-05-02
  berkas: ../wilayah.yaml
rat:
  nomor: \"3/2025\"
  tanggal: 2025-02-20
  berkas: bukti/rat.docx
rapat:
  - {tanggal: 2025-02-14, jenis: Rapat, agenda: RAT, berkas: bukti/besar.pdf}
  - {tanggal: 2025-06-18, jenis: FGD, agenda: DTSEN, berkas: bukti/tautan.pdf}
laporan:
  - {jenis: semester_1, tanggal: 2025-07-15, kepada: Gubernur, berkas: bukti/laporan.png}
verifikasi_data:
  - {tanggal: 2025-08-29, sebelum: 10, sesudah: 9, sk: \"4/2025\", berkas: bukti/verifikasi.pdf}
",
    );
    site.write(
        "content/kabupaten-contoh/2025/bukti/rat.docx",
        b"PK\x03\x04",
    );
    site.write(
        "content/kabupaten-contoh/2025/bukti/laporan.png",
        b"%PDF-1.4\n",
    );
    site.write(
        "content/kabupaten-contoh/2025/bukti/verifikasi.pdf",
        b"%PDF-1.4\n",
    );
    let big = std::fs::File::create(
        site.root()
            .join("content/kabupaten-contoh/2025/bukti/besar.pdf"),
    )
    .unwrap();
    big.set_len(20 * 1024 * 1024 + 1).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        site.root()
            .join("content/kabupaten-contoh/2025/bukti/verifikasi.pdf"),
        site.root()
            .join("content/kabupaten-contoh/2025/bukti/tautan.pdf"),
    )
    .unwrap();
    let run = fails(&site, &before);
    #[cfg(unix)]
    same_stderr(
        &site,
        &run,
        &written_stderr("every_evidence_file_problem_is_reported_in_one_run"),
    );
    let hint = "simpan pindaian (PDF, JPG atau PNG, paling besar 20 MiB) di folder `content/kabupaten-contoh/2025/bukti/`";
    let bukti = "berkas bukti `content/kabupaten-contoh/2025/bukti";
    let mut expected = vec![
        (format!("{bukti}/sk-tidak-ada.pdf` tidak ada"), 4, 11),
        (
            "`berkas: ../wilayah.yaml` tidak berada di dalam folder `bukti/` tahun ini".into(),
            8,
            11,
        ),
        (
            "`berkas: bukti/rat.docx` bukan PDF, JPG atau PNG".into(),
            12,
            11,
        ),
        (
            format!("{bukti}/besar.pdf` terlalu besar: 20971521 bita"),
            14,
            62,
        ),
        (
            format!("{bukti}/laporan.png` bernama PNG tetapi isinya PDF"),
            17,
            72,
        ),
    ];
    if cfg!(unix) {
        expected.push((
            format!("{bukti}/tautan.pdf` adalah tautan simbolik"),
            15,
            62,
        ));
    }
    for (message, line, column) in expected {
        error_at(&run, &message, &at(KELEMBAGAAN, line, column), hint);
    }
    // The good file is no error.
    assert!(!run.stderr.contains("verifikasi.pdf`"), "{}", run.stderr);
}
