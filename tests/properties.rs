//! Property tests of the loaders: whatever bytes a planner's editor saves in `site.yaml`,
//! `wilayah.yaml`, `indikator.yaml`, a reference file or a narrative, tkpk either builds the
//! site or reports errors (exit code 1), never panics, and answers within `TIME_LIMIT`.
//!
//! Each property runs 64 cases by default, so `cargo test` stays quick. For a deeper run:
//!
//! ```sh
//! PROPTEST_CASES=10000 cargo test --release --test properties
//! ```
//!
//! A failing case is shrunk and printed (the bytes escaped); proptest keeps no files.

mod common;

use common::TestSite;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tkpk::base::lang::Lang;

/// One case must finish within this, on a debug build of a slow machine.
const TIME_LIMIT: Duration = Duration::from_secs(10);

const SITE: &str = "site.yaml";
const WILAYAH: &str = "content/kabupaten-contoh/wilayah.yaml";
const INDIKATOR: &str = "content/kabupaten-contoh/indikator.yaml";
const REFERENCE: &str = "content/referensi/jawa-timur.yaml";
const NARRATIVE: &str = "content/kabupaten-contoh/2025/01-profil.md";
const DESIL: &str = "content/kabupaten-contoh/2025/desil.yaml";
/// A valid `desil.yaml`: shares by decile in a one-line and a block mapping.
const DESIL_TEXT: &str = "sumber: DTSEN (uji)\nsatuan: rumah_tangga\nlayanan:\n  sanitasi_layak: {1: 48.2, 5: 81.0}\n  listrik:\n    1: 97.1\n    3: 99.2\n";

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Bytes shown escaped when proptest prints a failing case.
#[derive(Clone)]
struct Bytes(Vec<u8>);

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "b\"{}\"", self.0.escape_ascii())
    }
}

/// What one load-and-render came to.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// Pages and assets rendered.
    Built,
    /// At least one error reported, no site.
    Refused,
}

/// Loads and renders the site at `root` as `tkpk build` does (without writing), in a thread
/// of its own with panics caught, and waits at most `TIME_LIMIT`. A panic, a timeout, a load
/// without a site but also without an error, or diagnostics that cannot be printed are
/// failures.
fn outcome(root: &Path) -> Result<Outcome, String> {
    let root: PathBuf = root.to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let loaded = tkpk::site::load(&root);
            // Every diagnostic prints, in both languages.
            let _ = loaded.diagnostics.render(Lang::Id);
            let _ = loaded.diagnostics.render(Lang::En);
            match loaded.site {
                None if loaded.diagnostics.has_errors() => Ok(Outcome::Refused),
                None => Err("no site, and no error to say why".to_string()),
                Some(_) if loaded.diagnostics.has_errors() => {
                    Err("a site despite errors".to_string())
                }
                Some(site) => match tkpk::site::render_files(&root, &site) {
                    Ok(files) if files.iter().any(|f| f.path == "index.html") => Ok(Outcome::Built),
                    Ok(_) => Err("rendered without an index.html".to_string()),
                    Err(d) if d.has_errors() => {
                        let _ = d.render(Lang::Id);
                        Ok(Outcome::Refused)
                    }
                    Err(_) => Err("rendering failed without an error".to_string()),
                },
            }
        }));
        let _ = tx.send(result.unwrap_or_else(|panic| {
            let text = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(format!("panicked: {text}"))
        }));
    });
    match rx.recv_timeout(TIME_LIMIT) {
        Ok(result) => result,
        Err(_) => Err(format!("no answer within {TIME_LIMIT:?}")),
    }
}

/// Runs `strategy` against the `dasar` site with its file `rel` replaced by each case.
fn property(rel: &str, strategy: impl Strategy<Value = Bytes>) {
    let site = TestSite::fixture("dasar");
    let path = site.root().join(rel);
    let result = runner(cases()).run(&strategy, |bytes| {
        std::fs::write(&path, &bytes.0).unwrap();
        outcome(site.root()).map_err(TestCaseError::fail)?;
        Ok(())
    });
    if let Err(e) = result {
        panic!("{rel}: {e}");
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies

fn any_bytes() -> impl Strategy<Value = Bytes> {
    proptest::collection::vec(any::<u8>(), 0..2048).prop_map(Bytes)
}

/// Pieces of YAML and markdown, right and wrong, that editors and spreadsheets produce.
const TOKENS: &[&str] = &[
    "sumber",
    "data",
    "data_september",
    "sumber_data",
    "target",
    "sumber_target",
    "nama",
    "jenis",
    "kabupaten",
    "kota",
    "kode",
    "kode_bps",
    "provinsi",
    "jawa-timur",
    "ibu_kota",
    "tkpk",
    "ketua",
    "judul",
    "bab",
    "profil",
    "ilustrasi",
    "bahasa",
    "id",
    "en",
    "tahun_laporan",
    "tema",
    "base_url",
    "indikator",
    "kunci",
    "label",
    "satuan",
    "persen",
    "desimal",
    "tingkat",
    "nasional",
    "p0",
    "p1",
    "p2",
    "gini",
    "garis_kemiskinan",
    "jumlah_penduduk_miskin",
    "2023",
    "2024",
    "2025",
    "2026",
    "\"2024\"",
    "1800",
    "3000",
    "2024a",
    "-1",
    "0",
    "7.57",
    "7,57",
    "\"7,57\"",
    "7%",
    "1e999",
    "-1e999",
    ".nan",
    ".inf",
    "-.Inf",
    "NaN",
    "null",
    "~",
    "true",
    "0x1F",
    "0o17",
    "1_000",
    "9999999999999999999999",
    "4.2e-320",
    ": ",
    ":",
    "\n",
    "\n",
    "\n",
    "  ",
    "    ",
    "\t",
    "\r\n",
    "{",
    "}",
    "[",
    "]",
    ", ",
    "- ",
    "-",
    "? ",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: *a",
    "!!str ",
    "!!binary ",
    "!<tag:x> ",
    "|",
    ">-",
    "#",
    " # komentar",
    "'",
    "\"",
    "---",
    "...",
    "%YAML 1.2",
    "\u{feff}",
    "\u{0}",
    "\u{85}",
    "\u{2028}",
    "é",
    "—",
    "𝔘",
    "\\",
    "\\u0000",
    "<script>",
    "</SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "[a](javascript:alert(1))",
    "# ",
    "## ",
    "| a | b |",
    "|---|--:|",
    "[^1]",
    "[^1]: ",
    "```",
    "~~~",
    "<!--",
    "-->",
    "<div>",
    "</div>",
    "* ",
    "1. ",
    "> ",
    "**",
    "_",
    "`",
    "![x](y)",
    "<https://a.b>",
    "&amp;",
    "&#0;",
];

fn token_soup() -> impl Strategy<Value = Bytes> {
    proptest::collection::vec(proptest::sample::select(TOKENS), 0..200)
        .prop_map(|t| Bytes(t.concat().into_bytes()))
}

/// One edit of a file's bytes; positions are taken modulo the length.
#[derive(Clone, Debug)]
enum Edit {
    Insert(usize, &'static str),
    InsertByte(usize, u8),
    Delete(usize, usize),
    Replace(usize, u8),
    DuplicateLine(usize),
    SwapLines(usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), proptest::sample::select(TOKENS)).prop_map(|(p, t)| Edit::Insert(p, t)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Edit::InsertByte(p, b)),
        2 => (any::<usize>(), 1..24usize).prop_map(|(p, n)| Edit::Delete(p, n)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Edit::Replace(p, b)),
        1 => any::<usize>().prop_map(Edit::DuplicateLine),
        1 => any::<usize>().prop_map(Edit::SwapLines),
        1 => any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len();
        let at = |p: usize| if len == 0 { 0 } else { p % (len + 1) };
        match *e {
            Edit::Insert(p, t) => {
                let i = at(p);
                bytes.splice(i..i, t.bytes());
            }
            Edit::InsertByte(p, b) => bytes.insert(at(p), b),
            Edit::Delete(p, n) => {
                let i = at(p).min(len);
                bytes.drain(i..(i + n).min(len));
            }
            Edit::Replace(p, b) if len > 0 => bytes[p % len] = b,
            Edit::Replace(..) => {}
            Edit::DuplicateLine(p) | Edit::SwapLines(p) => {
                let mut lines: Vec<Vec<u8>> = bytes
                    .split_inclusive(|b| *b == b'\n')
                    .map(<[u8]>::to_vec)
                    .collect();
                if lines.is_empty() {
                    continue;
                }
                let i = p % lines.len();
                if matches!(e, Edit::DuplicateLine(_)) {
                    let line = lines[i].clone();
                    lines.insert(i, line);
                } else if i + 1 < lines.len() {
                    lines.swap(i, i + 1);
                }
                bytes = lines.concat();
            }
            Edit::Truncate(p) => bytes.truncate(at(p)),
        }
    }
    bytes
}

/// The valid file `rel` of the `dasar` fixture with 1 to 8 edits.
fn mutations_of(rel: &str) -> impl Strategy<Value = Bytes> {
    let original = std::fs::read(common::fixtures().join("dasar").join(rel)).unwrap();
    proptest::collection::vec(edit(), 1..8)
        .prop_map(move |edits| Bytes(apply(original.clone(), &edits)))
}

// ---------------------------------------------------------------------------------------------
// The properties

#[test]
fn indikator_any_bytes() {
    property(INDIKATOR, any_bytes());
}

#[test]
fn indikator_token_soup() {
    property(INDIKATOR, token_soup());
}

#[test]
fn indikator_mutations() {
    property(INDIKATOR, mutations_of(INDIKATOR));
}

#[test]
fn wilayah_any_bytes_and_token_soup() {
    property(WILAYAH, prop_oneof![any_bytes(), token_soup()]);
}

#[test]
fn wilayah_mutations() {
    property(WILAYAH, mutations_of(WILAYAH));
}

#[test]
fn site_yaml_any_bytes_and_token_soup() {
    property(SITE, prop_oneof![any_bytes(), token_soup()]);
}

#[test]
fn site_yaml_mutations() {
    property(SITE, mutations_of(SITE));
}

#[test]
fn reference_mutations() {
    property(REFERENCE, mutations_of(REFERENCE));
}

#[test]
fn narrative_any_bytes_and_token_soup() {
    let with_front_matter = token_soup().prop_map(|b| {
        let mut text = b"---\njudul: Uji\n".to_vec();
        text.extend(b.0);
        Bytes(text)
    });
    property(
        NARRATIVE,
        prop_oneof![any_bytes(), token_soup(), with_front_matter],
    );
}

#[test]
fn narrative_mutations() {
    property(NARRATIVE, mutations_of(NARRATIVE));
}

#[test]
fn desil_mutations_and_token_soup() {
    let valid = DESIL_TEXT.as_bytes().to_vec();
    let mutated = proptest::collection::vec(edit(), 1..8)
        .prop_map(move |edits| Bytes(apply(valid.clone(), &edits)));
    property(DESIL, prop_oneof![mutated, token_soup()]);
}

/// A valid front matter and any markdown body: the site always builds, and whatever the body
/// holds, the narrative's HTML has no script, handler or `javascript:`/`data:` target.
#[test]
fn any_narrative_body_builds_and_stays_inert() {
    let site = TestSite::fixture("dasar");
    let path = site.root().join(NARRATIVE);
    let body = proptest::collection::vec(proptest::sample::select(TOKENS), 0..120)
        .prop_map(|t| t.concat());
    let result = runner(cases()).run(&body, |body| {
        std::fs::write(&path, format!("---\njudul: Uji\nbab: profil\n---\n{body}")).unwrap();
        let got = outcome(site.root()).map_err(TestCaseError::fail)?;
        prop_assert_eq!(got, Outcome::Built);
        let html = tkpk::base::markdown::to_html(&body, "n", "Tabel", &mut |c| {
            ("n-tabel".into(), c.unwrap_or("T").into())
        });
        inert(&html).map_err(TestCaseError::fail)?;
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// The sanitizer alone, with more cases (it is fast): no script, handler or dangerous target.
#[test]
fn markdown_to_html_is_inert() {
    let body = proptest::collection::vec(proptest::sample::select(TOKENS), 0..200)
        .prop_map(|t| t.concat());
    let result = runner(cases() * 4).run(&body, |body| {
        inert(&tkpk::base::markdown::to_html(
            &body,
            "n",
            "Tabel",
            &mut |c| ("n-tabel".into(), c.unwrap_or("T").into()),
        ))
        .map_err(TestCaseError::fail)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// HTML from a narrative: no element but harmless ones, no `on…=`, no `javascript:`,
/// `vbscript:` or `data:` address.
fn inert(html: &str) -> Result<(), String> {
    let lower = html.to_ascii_lowercase();
    for bad in [
        "<script", "<iframe", "<style", "<svg", "<img", "<object", "<embed",
    ] {
        if lower.contains(bad) {
            return Err(format!("{bad} in {html}"));
        }
    }
    let doc = scraper::Html::parse_fragment(html);
    for node in doc.tree.nodes() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        for (attr, value) in el.attrs() {
            if attr.to_ascii_lowercase().starts_with("on") {
                return Err(format!("{attr}= in {html}"));
            }
            let squeezed: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if ["javascript:", "vbscript:", "data:"]
                .iter()
                .any(|s| squeezed.starts_with(s))
            {
                return Err(format!("{attr}={value:?} in {html}"));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The real binary

/// Runs `tkpk build` in `root`, killing it after `TIME_LIMIT`.
fn build_with_timeout(root: &Path) -> Result<(i32, String), String> {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tkpk"))
        .arg("build")
        .current_dir(root)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        text
    });
    let started = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            let text = reader.join().unwrap_or_default();
            return Ok((status.code().unwrap_or(-1), text));
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("`tkpk build` gave no answer within {TIME_LIMIT:?}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The binary on mutated files (fewer cases: each starts a process): exit code 0 or 1, never
/// 101, never "panicked", and a failed build leaves the previous output as it was.
#[test]
fn the_binary_never_panics_and_keeps_the_output_on_failure() {
    let site = TestSite::fixture("dasar");
    assert_eq!(site.build().code, 0);
    let files = [INDIKATOR, WILAYAH, SITE, NARRATIVE];
    let strategy = (0..files.len())
        .prop_flat_map(move |i| (Just(i), prop_oneof![mutations_of(files[i]), any_bytes()]));
    let result = runner((cases() / 4).max(8)).run(&strategy, |(i, bytes)| {
        let originals: Vec<Vec<u8>> = files
            .iter()
            .map(|f| std::fs::read(common::fixtures().join("dasar").join(f)).unwrap())
            .collect();
        for (f, text) in files.iter().zip(&originals) {
            std::fs::write(site.root().join(f), text).unwrap();
        }
        std::fs::write(site.root().join(files[i]), &bytes.0).unwrap();
        let before = common::snapshot(&site.output());
        let (code, stderr) = build_with_timeout(site.root()).map_err(TestCaseError::fail)?;
        prop_assert!(code == 0 || code == 1, "exit code {}: {}", code, stderr);
        prop_assert!(!stderr.contains("panicked"), "{}", stderr);
        if code == 1 {
            prop_assert!(stderr.contains("galat: "), "{}", stderr);
            prop_assert!(common::snapshot(&site.output()) == before, "output changed");
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

// ---------------------------------------------------------------------------------------------
// Valid files with unusual figures, and unusual folder layouts

/// Indicator keys with the largest value each may take.
const FIGURES: &[(&str, f64)] = &[
    ("p0", 100.0),
    ("jumlah_penduduk_miskin", 300_000.0),
    ("garis_kemiskinan", 1e9),
    ("gkm", 1e9),
    ("gknm", 1e9),
    ("p1", 100.0),
    ("p2", 100.0),
    ("kemiskinan_ekstrem_ppp2011", 100.0),
    ("kemiskinan_ekstrem_ppp2017", 100.0),
    ("jumlah_miskin_ekstrem_ppp2017", 300_000.0),
    ("gini", 1.0),
    ("tpt", 100.0),
    ("ipm", 100.0),
];

/// A figure between 0 and `max`, often at an edge.
fn figure(max: f64) -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(max),
        Just(f64::MIN_POSITIVE),
        Just(1e-300),
        Just(max * (1.0 - f64::EPSILON)),
        (0.0..=max),
    ]
}

/// `{YEAR: {KEY: figure}}` rows in YAML, years anywhere from 1990 to 2100.
fn figure_rows() -> impl Strategy<Value = String> {
    let row = proptest::collection::vec(
        (0..FIGURES.len()).prop_flat_map(|i| (Just(FIGURES[i].0), figure(FIGURES[i].1))),
        0..6,
    );
    proptest::collection::btree_map(1990..=2100i32, row, 0..12).prop_map(|years| {
        years
            .into_iter()
            .map(|(y, row)| {
                let mut seen = std::collections::BTreeSet::new();
                let cells: Vec<String> = row
                    .into_iter()
                    .filter(|(k, _)| seen.insert(*k))
                    .map(|(k, v)| format!("{k}: {v:e}"))
                    .collect();
                format!("  {y}: {{{}}}\n", cells.join(", "))
            })
            .collect()
    })
}

/// Valid files with extreme figures and years, for the region, its province and the nation,
/// and any report year: they reach the analyses, charts and pages, which must not panic.
#[test]
fn unusual_valid_figures_never_panic() {
    let site = TestSite::fixture("dasar");
    let strategy = (
        figure_rows(),
        figure_rows(),
        figure_rows(),
        figure_rows(),
        proptest::option::of(1990..=2100i32),
        proptest::option::of((1990..=2100i32, figure(100.0))),
    );
    let result = runner(cases()).run(&strategy, |(region, september, province, nation, year, target)| {
        let target = target.map_or(String::new(), |(y, v)| format!("target:\n  p0: {{{y}: {v}}}\n"));
        std::fs::write(
            site.root().join(INDIKATOR),
            format!("sumber: BPS\ndata:\n{region}data_september:\n{september}{target}"),
        )
        .unwrap();
        std::fs::write(
            site.root().join(REFERENCE),
            format!("nama: Jawa Timur\ntingkat: provinsi\nkode: \"35\"\nsumber: BPS\ndata:\n{province}data_september:\n{september}"),
        )
        .unwrap();
        std::fs::write(
            site.root().join("content/referensi/indonesia.yaml"),
            format!("nama: Indonesia\ntingkat: nasional\nkode: \"00\"\nsumber: BPS\ndata:\n{nation}"),
        )
        .unwrap();
        let year = year.map_or(String::new(), |y| format!("tahun_laporan: {y}\n"));
        std::fs::write(site.root().join(SITE), format!("judul: Uji\n{year}")).unwrap();
        outcome(site.root()).map_err(TestCaseError::fail)?;
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Files a site folder usually holds; each case keeps each with a high chance.
const USUAL_PATHS: &[&str] = &[
    "content/referensi/jawa-timur.yaml",
    "content/referensi/indonesia.yaml",
    "content/referensi/jawa-tengah.yml",
    "content/kabupaten-contoh/wilayah.yaml",
    "content/kabupaten-contoh/indikator.yaml",
    "content/kabupaten-contoh/2025/01-profil.md",
    "content/kabupaten-contoh/2025/02-lain.md",
    "content/kabupaten-contoh/2024/01.md",
    "content/kota-kedua/wilayah.yaml",
    "content/kota-kedua/indikator.yaml",
    "content/kota-kedua/2025/01.md",
    "themes/default/templates/laporan.html",
    "themes/lain/templates/x.html",
];

/// Paths a site folder may hold by mistake.
const ODD_PATHS: &[&str] = &[
    "content/referensi/Jawa Barat.yaml",
    "content/referensi/catatan.md",
    "content/referensi/sub/x.yaml",
    "content/catatan.yaml",
    "content/README.md",
    "content/kabupaten-contoh/lain.yaml",
    "content/kabupaten-contoh/catatan.md",
    "content/kabupaten-contoh/2025/sub/03.md",
    "content/kabupaten-contoh/1800/01.md",
    "content/kabupaten-contoh/2025a/01.md",
    "content/kabupaten-contoh/-5/01.md",
    "content/kabupaten-contoh/99999999999/01.md",
    "content/Kota Ketiga/wilayah.yaml",
    "content/assets/wilayah.yaml",
    "content/referensi.yaml",
    "content/kabupaten-contoh/2025/.md",
    "content/kabupaten-contoh/2025/01-profil.md.md",
];

/// Contents for those paths: valid files of each kind, and broken ones.
fn layout_contents() -> Vec<Vec<u8>> {
    let dasar = common::fixtures().join("dasar");
    let mut all: Vec<Vec<u8>> = [SITE, WILAYAH, INDIKATOR, REFERENCE, NARRATIVE]
        .iter()
        .map(|f| std::fs::read(dasar.join(f)).unwrap())
        .collect();
    all.push(std::fs::read(dasar.join("content/referensi/indonesia.yaml")).unwrap());
    for text in [
        // 6: a second region of its own.
        "nama: Kota Kedua\njenis: kota\nkode: \"35.98\"\nkode_bps: \"3598\"\nprovinsi: jawa-timur\n",
        // 7: a second province.
        "nama: Jawa Tengah\ntingkat: provinsi\nkode: \"33\"\nsumber: BPS\ndata:\n  2025: {p0: 9.5}\n",
        "",
        "---\n",
        "nama: X\ntingkat: nasional\nkode: \"00\"\nsumber: BPS\n",
        "nama: X\ntingkat: provinsi\nkode: \"00\"\nsumber: BPS\ndata:\n  2025: {p0: 1}\n",
        "sumber: BPS\ndata:\n  2025: {p0: 7.57}\n",
        "{{ halaman.judul }",
        "{% for x in %}",
        "\u{feff}---\r\njudul: A\r\n---\r\n",
        "\u{ff}",
    ] {
        all.push(text.as_bytes().to_vec());
    }
    all
}

/// The valid content (an index into `layout_contents`) for a path, by its kind.
fn valid_content(path: &str) -> usize {
    if path.contains("kota-kedua/wilayah") {
        6
    } else if path.ends_with("wilayah.yaml") {
        1
    } else if path.ends_with("indikator.yaml") {
        2
    } else if path.ends_with("indonesia.yaml") {
        5
    } else if path.contains("jawa-tengah") {
        7
    } else if path.contains("referensi/") {
        3
    } else if path.ends_with(".md") {
        4
    } else {
        0
    }
}

/// The usual files, each mostly kept and mostly with the valid content of its kind (any other
/// content otherwise), and now and then an odd file: a built site or errors, never a panic.
#[test]
fn unusual_folder_layouts_never_panic() {
    let contents = layout_contents();
    let n = contents.len();
    let usual = proptest::collection::vec(
        prop_oneof![
            1 => Just(None),
            40 => Just(Some(None)),
            2 => (0..n).prop_map(|c| Some(Some(c))),
        ],
        USUAL_PATHS.len(),
    );
    let odd = proptest::collection::btree_map(0..ODD_PATHS.len(), 0..n + 1, 0..2);
    let strategy = (
        usual,
        odd,
        proptest::option::weighted(0.1, 0..n),
        proptest::bool::weighted(0.2),
    );
    let result = runner(cases()).run(&strategy, |(usual, odd, config, tema_lain)| {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let mut config = config.map_or(b"judul: Uji\n".to_vec(), |i| contents[i].clone());
        if tema_lain {
            config.extend_from_slice(b"\ntema: lain\n");
        }
        std::fs::write(root.join(SITE), config).unwrap();
        std::fs::create_dir_all(root.join("content")).unwrap();
        let files = USUAL_PATHS
            .iter()
            .zip(usual)
            .filter_map(|(p, c)| c.map(|c| (*p, c)))
            .chain(
                odd.into_iter()
                    .map(|(p, c)| (ODD_PATHS[p], (c < n).then_some(c))),
            );
        for (path, content) in files {
            let content = content.unwrap_or_else(|| valid_content(path));
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, &contents[content]).unwrap();
        }
        outcome(root).map_err(TestCaseError::fail)?;
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
