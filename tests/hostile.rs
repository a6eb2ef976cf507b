//! What a hostile or careless folder must never achieve: a script of its own on a page, an
//! event handler, a `javascript:` link, or the loss of a folder tkpk did not write.
//!
//! The scanner here reads every output file of every build: every case of
//! `tests/fixtures/invalid/` that builds, and a site whose every text field is hostile.

mod common;

use common::{TestSite, snapshot};
use std::collections::BTreeMap;
use std::path::Path;

// ---------------------------------------------------------------------------------------------
// The scanner

/// Scripts tkpk writes itself: its chart runtime, its search box and its wide-table hint,
/// linked from a page at any depth.
fn is_own_script_src(src: &str) -> bool {
    let rest = src.trim_start_matches("../");
    [
        "assets/echarts/echarts.min.js",
        "assets/tkpk-grafik.js",
        "assets/tkpk-cari.js",
        "assets/tkpk-tabel.js",
    ]
    .contains(&rest)
}

/// The one form control tkpk writes: the header's search box.
fn is_search_box(el: &scraper::node::Element) -> bool {
    el.name() == "input" && el.id() == Some("tkpk-cari-kotak") && el.attr("type") == Some("search")
}

/// The problems of the search index, the one asset made from content: it must be nothing but
/// data, `window.TKPK_CARI = [JSON];` with three strings an entry and addresses inside the site.
fn scan_search_index(path: &str, text: &str) -> Vec<String> {
    let problem = |what: &str| vec![format!("{path}: {what}")];
    if text.contains("</") {
        return problem("`</` in the index");
    }
    let Some(array) = text
        .strip_prefix("/* tkpk: search index, written by `tkpk build`; read by tkpk-cari.js. */\n")
        .and_then(|t| t.strip_prefix("window.TKPK_CARI = "))
        .and_then(|t| t.strip_suffix(";\n"))
    else {
        return problem("not `window.TKPK_CARI = [...];`");
    };
    let Ok(serde_json::Value::Array(entries)) = serde_json::from_str(array) else {
        return problem("the index is not one JSON array");
    };
    let mut problems = Vec::new();
    for entry in &entries {
        let fields = entry.as_object().filter(|o| {
            o.len() == 3
                && ["judul", "jenis", "alamat"]
                    .iter()
                    .all(|k| o.get(*k).is_some_and(|v| v.is_string()))
        });
        let Some(fields) = fields else {
            problems.push(format!(
                "{path}: an entry that is not three strings: {entry}"
            ));
            continue;
        };
        let alamat = fields["alamat"].as_str().unwrap_or_default();
        let inside = alamat.ends_with("/index.html")
            && !alamat.contains("..")
            && alamat
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-/.".contains(c));
        if !inside {
            problems.push(format!(
                "{path}: an address that is not a page of the site: {alamat}"
            ));
        }
    }
    problems
}

/// Elements no page of tkpk ever holds.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
    "textarea", "select", "base", "svg", "math", "img", "audio", "video", "source", "template",
    "portal", "noscript",
];

/// Attributes whose value is loaded or followed as an address.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "ping",
    "cite",
    "srcset",
    "manifest",
];

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The problems of one HTML page, each as a sentence naming the page.
fn scan_html(path: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let html = scraper::Html::parse_document(text);
    let mut scripts = 0;
    let mut search_boxes = 0;
    let mut visible_text = String::new();
    for node in html.tree.nodes() {
        if let Some(t) = node.value().as_text() {
            visible_text.push_str(&t.to_ascii_lowercase());
            visible_text.push('\n');
            continue;
        }
        let Some(el) = node.value().as_element() else {
            continue;
        };
        let name = el.name();
        if is_search_box(el) {
            search_boxes += 1;
        } else if FORBIDDEN_ELEMENTS.contains(&name) {
            problems.push(format!("{path}: a <{name}> element"));
        }
        match name {
            "script" => {
                scripts += 1;
                let body: String = scraper::ElementRef::wrap(node)
                    .map(|e| e.text().collect())
                    .unwrap_or_default();
                match (el.attr("src"), el.attr("type")) {
                    (Some(src), None) if is_own_script_src(src) && body.trim().is_empty() => {}
                    (None, Some("application/json")) => {
                        // Chart options: data, and nothing but one JSON value.
                        if serde_json::from_str::<serde_json::Value>(&body).is_err() {
                            problems.push(format!("{path}: a JSON script that is not JSON"));
                        }
                    }
                    _ => problems.push(format!("{path}: a script that is not tkpk's: {:?}", {
                        let mut a: Vec<String> =
                            el.attrs().map(|(k, v)| format!("{k}={v}")).collect();
                        a.push(body.chars().take(80).collect());
                        a
                    })),
                }
            }
            "link" => {
                let own = el.attr("rel") == Some("stylesheet")
                    && el
                        .attr("href")
                        .is_some_and(|h| h.trim_start_matches("../") == "assets/style.css");
                if !own {
                    problems.push(format!("{path}: a <link> that is not tkpk's stylesheet"));
                }
            }
            "meta" if el.attr("http-equiv").is_some() => {
                problems.push(format!("{path}: a <meta http-equiv>"));
            }
            "style" => {
                let css: String = scraper::ElementRef::wrap(node)
                    .map(|e| e.text().collect::<String>().to_ascii_lowercase())
                    .unwrap_or_default();
                for bad in ["@import", "url(", "expression(", "javascript:", "</style"] {
                    if css.contains(bad) {
                        problems.push(format!("{path}: `{bad}` in a <style> element"));
                    }
                }
            }
            _ => {}
        }
        for (attr, value) in el.attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") {
                problems.push(format!("{path}: an event handler `{attr}=` on <{name}>"));
            }
            if attr == "srcdoc" {
                problems.push(format!("{path}: a `srcdoc=` on <{name}>"));
            }
            let squeezed: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if URL_ATTRIBUTES.contains(&attr.as_str()) {
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    if squeezed.starts_with(scheme) {
                        problems.push(format!("{path}: `{attr}={value}` on <{name}>"));
                    }
                }
            }
            if attr == "style" && (squeezed.contains("url(") || squeezed.contains("expression(")) {
                problems.push(format!("{path}: `style={value}` on <{name}>"));
            }
        }
    }
    if search_boxes > 1 {
        problems.push(format!("{path}: {search_boxes} search boxes"));
    }
    // Every `<script` of the file is a script element (none hides in markup the parser read
    // otherwise), and every `javascript:` is text a reader sees, not markup.
    let lower = text.to_ascii_lowercase();
    if count(&lower, "<script") != scripts {
        problems.push(format!(
            "{path}: {} `<script` in the file, {scripts} script elements",
            count(&lower, "<script")
        ));
    }
    if count(&lower, "javascript:") > count(&visible_text, "javascript:") {
        problems.push(format!("{path}: `javascript:` outside text"));
    }
    problems
}

/// Every problem in the output folder `out`. Theme assets are compared with the theme's own:
/// content cannot change them.
fn scan(out: &Path, assets: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut problems = Vec::new();
    let files = snapshot(out);
    assert!(files.contains_key("index.html"), "no index.html in {out:?}");
    for (path, bytes) in &files {
        if path == "assets/cari-indeks.js" {
            problems.extend(scan_search_index(path, &String::from_utf8_lossy(bytes)));
            continue;
        }
        if path.starts_with("assets/") {
            if assets.get(path) != Some(bytes) {
                problems.push(format!("{path}: an asset that is not the theme's"));
            }
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        if path.ends_with(".html") {
            problems.extend(scan_html(path, &text));
        } else if path.contains("/unduh/") {
            // Data downloads hold the content's text as data (served as CSV, JSON, XLSX, never
            // as a page); what must not get through is a spreadsheet formula.
            if path.ends_with(".csv") {
                for line in text.lines() {
                    if line.starts_with(['=', '+', '@']) || line.contains(",=") {
                        problems.push(format!("{path}: a formula in `{line}`"));
                    }
                }
            } else if path.ends_with(".json")
                && serde_json::from_str::<serde_json::Value>(&text).is_err()
            {
                problems.push(format!("{path}: not JSON"));
            } else if !path.ends_with(".xlsx") && !path.ends_with(".json") {
                problems.push(format!("{path}: an unexpected download"));
            }
        } else if path != ".tkpk-output" {
            let lower = text.to_ascii_lowercase();
            for bad in ["<script", "javascript:"] {
                if lower.contains(bad) {
                    problems.push(format!("{path}: `{bad}`"));
                }
            }
        }
    }
    problems
}

/// The theme's assets as a valid build writes them.
fn theme_assets() -> BTreeMap<String, Vec<u8>> {
    let site = TestSite::fixture("dasar");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    snapshot(&site.output())
        .into_iter()
        .filter(|(p, _)| p.starts_with("assets/"))
        .collect()
}

/// The scanner finds what it is meant to find: a scanner that never fails proves nothing.
#[test]
fn the_scanner_catches_scripts_handlers_and_javascript_links() {
    let own = r#"<html><head><link rel="stylesheet" href="../assets/style.css"></head><body>
<p>Teks tentang javascript: dan &lt;script&gt; sebagai kata.</p>
<script type="application/json" id="g">{"a": [1, 2]}</script>
<script src="../../assets/echarts/echarts.min.js"></script></body></html>"#;
    assert_eq!(scan_html("baik.html", own), Vec::<String>::new());
    for (bad, what) in [
        ("<script>alert(1)</script>", "a script"),
        (
            "<script src=\"https://x.example/a.js\"></script>",
            "a script",
        ),
        (
            "<script type=\"application/json\">{\"a\": 1</script>",
            "not JSON",
        ),
        ("<p onclick=\"alert(1)\">x</p>", "event handler"),
        ("<a href=\" JaVa\tScRiPt:alert(1)\">x</a>", "href="),
        ("<a href=\"data:text/html,x\">x</a>", "href="),
        ("<iframe src=\"https://x.example\"></iframe>", "<iframe>"),
        (
            "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
            "<svg>",
        ),
        ("<style>@import url(x.css)</style>", "@import"),
        (
            "<meta http-equiv=\"refresh\" content=\"0;url=x\">",
            "http-equiv",
        ),
        (
            "<span style=\"background:url(javascript:x)\">x</span>",
            "style=",
        ),
        (
            "<textarea><script>alert(1)</script></textarea>",
            "<textarea>",
        ),
    ] {
        let page = format!("<html><body>{bad}</body></html>");
        let problems = scan_html("buruk.html", &page);
        assert!(
            !problems.is_empty() && problems.iter().any(|p| p.contains(what)),
            "{bad} gave {problems:?}"
        );
    }
    // A JSON script that would close itself early is caught by the JSON check or the count.
    let breakout = r#"<html><body><script type="application/json">{"a":"</script><script>alert(1)</script>"}</script></body></html>"#;
    assert!(!scan_html("buruk.html", breakout).is_empty());
    // The search box is tkpk's only input, once a page; the index is data and nothing else.
    let search = r#"<input type="search" id="tkpk-cari-kotak">"#;
    assert!(scan_html("baik.html", search).is_empty());
    assert!(!scan_html("buruk.html", &search.repeat(2)).is_empty());
    assert!(!scan_html("buruk.html", r#"<input type="text" id="tkpk-cari-kotak">"#).is_empty());
    let head = "/* tkpk: search index, written by `tkpk build`; read by tkpk-cari.js. */\n";
    let good = r#"{"judul":"\u003c/script\u003e","jenis":"wilayah","alamat":"kab-x/index.html"}"#;
    let index = |body: &str| format!("{head}window.TKPK_CARI = [\n{body}\n];\n");
    assert!(scan_search_index("i.js", &index(good)).is_empty());
    for bad in [
        format!("{head}window.TKPK_CARI = [];alert(1);\n"),
        index(r#"{"judul":"</script>","jenis":"wilayah","alamat":"kab-x/index.html"}"#),
        index(r#"{"judul":"x","jenis":"wilayah","alamat":"javascript:alert(1)//index.html"}"#),
        index(r#"{"judul":"x","jenis":"wilayah","alamat":"../../index.html"}"#),
        index(r#"{"judul":["x"],"jenis":"wilayah","alamat":"kab-x/index.html"}"#),
    ] {
        assert!(!scan_search_index("i.js", &bad).is_empty(), "{bad}");
    }
}

// ---------------------------------------------------------------------------------------------
// Every case of the corpus that builds, and a site of hostile text everywhere

#[test]
fn every_case_of_the_corpus_that_builds_is_free_of_content_scripts() {
    let assets = theme_assets();
    let mut cases: Vec<_> = std::fs::read_dir(common::fixtures().join("invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    let mut built = Vec::new();
    let mut problems = Vec::new();
    for case in &cases {
        let site = TestSite::fixture("dasar");
        site.overlay(case);
        let run = site.build();
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            run.code == 0 || run.code == 1,
            "{name}: exit code {}\n{}",
            run.code,
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{name}: {}", run.stderr);
        if run.code == 0 {
            problems.extend(
                scan(&site.output(), &assets)
                    .into_iter()
                    .map(|p| format!("{name}: {p}")),
            );
            built.push(name);
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    // The hostile narratives and the warning-only case build; if they stopped building, this
    // test would scan nothing.
    for name in [
        "implausible_jump",
        "narrative_script",
        "narrative_event_handlers",
        "narrative_javascript_links",
        "narrative_iframe_style_svg",
        "narrative_html_in_front_matter",
    ] {
        assert!(
            built.iter().any(|b| b == name),
            "{name} did not build: {built:?}"
        );
    }
}

/// Hostile text in every field a planner writes: names, sources, titles, declared indicators,
/// and a narrative holding all the narratives of the corpus at once.
#[test]
fn a_site_of_hostile_text_everywhere_is_free_of_content_scripts() {
    let site = TestSite::fixture("dasar");
    let x = |n: u32| format!("</script><script>alert({n})</script><img src=x onerror=alert({n})>");
    site.write(
        "site.yaml",
        format!(
            "judul: {:?}\ndeskripsi: {:?}\nbahasa: id\ntahun_laporan: 2025\nindikator:\n  - kunci: rtlh\n    label: {:?}\n    label_en: {:?}\n    satuan: persen\n",
            x(1),
            format!("\" onmouseover=\"alert(2)\" {}", x(2)),
            x(3),
            x(4)
        ),
    );
    site.write(
        "content/kabupaten-contoh/wilayah.yaml",
        format!(
            "nama: {:?}\njenis: kabupaten\nkode: \"35.99\"\nkode_bps: \"3599\"\nprovinsi: jawa-timur\nibu_kota: {:?}\ntkpk:\n  ketua: {:?}\n  sekretariat: {:?}\n",
            format!("Kabupaten {}", x(5)),
            x(6),
            "javascript:alert(7)",
            format!("</script><!-- {}", x(8))
        ),
    );
    site.write(
        "content/kabupaten-contoh/indikator.yaml",
        format!(
            "sumber: {:?}\ndata:\n  2024: {{p0: 8.16, rtlh: 12.5}}\n  2025: {{p0: 7.57, rtlh: 11.0}}\nsumber_data:\n  2025: {{p0: {:?}}}\ntarget:\n  p0: {{2026: 7.1}}\nsumber_target: {:?}\n",
            x(9),
            x(10),
            x(11)
        ),
    );
    site.write(
        "content/referensi/jawa-timur.yaml",
        format!(
            "nama: {:?}\ntingkat: provinsi\nkode: \"35\"\nsumber: {:?}\ndata:\n  2024: {{p0: 9.79}}\n  2025: {{p0: 9.50}}\n",
            format!("Jatim {}", x(12)),
            x(13)
        ),
    );
    // Every hostile narrative of the corpus, in one file and each in its own.
    let mut all = String::from("---\njudul: Semua\nbab: program\n---\n");
    let invalid = common::fixtures().join("invalid");
    for case in [
        "narrative_script",
        "narrative_event_handlers",
        "narrative_javascript_links",
        "narrative_iframe_style_svg",
        "narrative_html_in_front_matter",
    ] {
        site.overlay(&invalid.join(case));
    }
    for entry in std::fs::read_dir(site.root().join("content/kabupaten-contoh/2025")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let body = text.splitn(3, "---\n").nth(2).unwrap_or("").to_string();
        all.push_str(&body);
        all.push_str("\n\n");
    }
    site.write("content/kabupaten-contoh/2024/01-semua.md", all);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let problems = scan(&site.output(), &theme_assets());
    assert!(problems.is_empty(), "{problems:#?}");
    // The hostile names did reach the pages, as text: the scan looked at something.
    let page =
        std::fs::read_to_string(site.output().join("kabupaten-contoh/2024/index.html")).unwrap();
    assert!(page.contains("Kabupaten &lt;/script&gt;&lt;script&gt;alert(5)"));
    // And the search index, as data.
    let index = site.read("output/assets/cari-indeks.js");
    assert!(
        index.contains(r#"{"judul":"Kabupaten \u003c/script\u003e\u003cscript\u003ealert(5)"#),
        "{index}"
    );
    assert!(page.contains("Paragraf penutup tetap ada."));
}

// ---------------------------------------------------------------------------------------------
// Output safety

/// Every file and link below `dir`, with bytes or link targets, to prove nothing changed.
fn tree(dir: &Path) -> BTreeMap<String, String> {
    let mut all = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = entry.unwrap();
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let what = if entry.path_is_symlink() {
            format!("-> {}", std::fs::read_link(entry.path()).unwrap().display())
        } else if entry.file_type().is_file() {
            String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned()
        } else {
            "/".to_string()
        };
        all.insert(rel, what);
    }
    all
}

/// `tkpk build --output OUTPUT` fails with `message`, and the site folder (and all beside it)
/// is exactly as it was.
fn refused(site: &TestSite, output: &str, message: &str) {
    let before = tree(site.root());
    let run = site.run(&["build", "--output", output]);
    assert_eq!(run.code, 1, "--output {output}: {}", run.stderr);
    assert!(
        run.stderr.contains(message),
        "--output {output}: {}",
        run.stderr
    );
    assert!(
        tree(site.root()) == before,
        "--output {output} changed the site folder"
    );
}

#[test]
fn refuses_the_site_its_content_and_themes_and_their_ancestors_as_output() {
    let site = TestSite::fixture("dasar");
    std::fs::create_dir_all(site.root().join("themes/default/templates")).unwrap();
    let unsafe_message = "tidak aman";
    let root = site.root().to_str().unwrap().to_string();
    for output in [
        ".",
        "./",
        "output/..",
        "content",
        "content/kabupaten-contoh",
        "content/baru",
        "themes",
        "themes/default",
        "..",
        "../..",
        "/",
        root.as_str(),
        &format!("{root}/content"),
        &format!("{root}/content/../content/referensi"),
    ] {
        refused(&site, output, unsafe_message);
    }
}

/// From inside `content/`, `--root ..` with `--output ../..` is still an ancestor.
#[test]
fn refuses_an_ancestor_given_relative_to_another_folder() {
    let site = TestSite::fixture("dasar");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tkpk"))
        .args(["build", "--root", "..", "--output", "../.."])
        .current_dir(site.root().join("content"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tidak aman"));
}

#[test]
fn refuses_to_replace_a_folder_without_its_mark() {
    let site = TestSite::fixture("dasar");
    // An empty folder, a folder of someone's files, a file.
    std::fs::create_dir(site.root().join("kosong")).unwrap();
    site.write("laporan-lama/catatan.docx", "penting");
    site.write("laporan-lama/sub/data.xlsx", "penting juga");
    site.write("berkas.txt", "bukan folder");
    for output in ["kosong", "laporan-lama", "berkas.txt", "site.yaml"] {
        refused(&site, output, "bukan buatan tkpk");
    }
    // A mark that is a folder, not tkpk's file, is no mark.
    std::fs::create_dir_all(site.root().join("laporan-lama/.tkpk-output")).unwrap();
    refused(&site, "laporan-lama", "bukan buatan tkpk");
}

/// tkpk writes beside the output (`output.tkpk-baru`, `output.tkpk-lama`); a folder of the
/// user's that happens to have such a name is not removed either.
#[test]
fn never_removes_a_foreign_folder_named_like_its_staging_folders() {
    let site = TestSite::fixture("dasar");
    assert_eq!(site.build().code, 0);
    for name in ["output.tkpk-baru", "output.tkpk-lama"] {
        site.write(&format!("{name}/milik-saya.txt"), "penting");
        refused(&site, "output", "bukan buatan tkpk");
        assert_eq!(site.read(&format!("{name}/milik-saya.txt")), "penting");
        site.remove(name);
    }
    assert_eq!(site.build().code, 0);
}

/// `output` itself a link to a folder tkpk wrote elsewhere: replacing it would write there.
#[cfg(unix)]
#[test]
fn refuses_an_output_folder_that_is_a_link() {
    let site = TestSite::fixture("dasar");
    let elsewhere = tempfile::tempdir().unwrap();
    let real = elsewhere.path().join("situs");
    let run = site.run(&["build", "--output", real.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::os::unix::fs::symlink(&real, site.root().join("output")).unwrap();
    let before = tree(elsewhere.path());
    refused(&site, "output", "bukan buatan tkpk");
    assert!(tree(elsewhere.path()) == before);
}

/// A link inside the output folder to a folder (and a file) outside it: a rebuild replaces
/// the output folder, and the outside folder and file are still there, untouched.
#[cfg(unix)]
#[test]
fn replacing_the_output_never_follows_a_link_out_of_it() {
    let site = TestSite::fixture("dasar");
    assert_eq!(site.build().code, 0);
    let outside = tempfile::tempdir().unwrap();
    let folder = outside.path().join("arsip");
    std::fs::create_dir_all(folder.join("2024")).unwrap();
    std::fs::write(folder.join("laporan.docx"), "arsip penting").unwrap();
    std::fs::write(folder.join("2024/data.xlsx"), "data penting").unwrap();
    let file = outside.path().join("catatan.txt");
    std::fs::write(&file, "catatan penting").unwrap();
    let out = site.output();
    std::os::unix::fs::symlink(&folder, out.join("arsip")).unwrap();
    std::os::unix::fs::symlink(&file, out.join("kabupaten-contoh/catatan.txt")).unwrap();
    std::os::unix::fs::symlink(outside.path(), out.join("assets/luar")).unwrap();
    let before = tree(outside.path());
    assert_eq!(before.len(), 6, "{before:?}");

    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(tree(outside.path()) == before, "the outside folder changed");
    // The rebuilt output is tkpk's alone: the links are gone with the old output.
    for link in ["arsip", "kabupaten-contoh/catatan.txt", "assets/luar"] {
        assert!(std::fs::symlink_metadata(out.join(link)).is_err(), "{link}");
    }
    assert!(out.join(".tkpk-output").is_file());
    assert!(!site.root().join("output.tkpk-lama").exists());
    assert!(!site.root().join("output.tkpk-baru").exists());
}
