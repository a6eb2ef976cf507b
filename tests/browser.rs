//! Real-browser tests: a built report opened from `file://` in headless Chromium draws every
//! chart as SVG with the expected number of series, and prints to an A4 PDF whose every page
//! carries the region and year; the search box finds pages from any depth and obeys its keys.
//!
//! They need Debian's `chromium` and `poppler-utils`, so `cargo test` lists them as ignored;
//! `.ci/run` installs both and runs them with `cargo test -- --include-ignored`.

#[path = "../examples/gen_national.rs"]
#[allow(dead_code)]
mod gen_national;

mod common;

use common::TestSite;
use common::browser::{chromium, dump_dom, pdf_pages_text, print_to_pdf};
use std::path::Path;
use std::process::Command;

#[test]
#[ignore = "needs chromium (apt-get install chromium); run with --include-ignored"]
fn charts_render_as_svg_from_file_url() {
    let site = TestSite::built_sample();
    for page in [
        "kabupaten-blitar/2025/index.html",
        "kabupaten-balangan/2024/index.html",
    ] {
        let dom = dump_dom(&site, page);
        let containers = scraper::Selector::parse(".grafik-kanvas").unwrap();
        let svg = scraper::Selector::parse("svg").unwrap();
        let mut count = 0;
        for c in dom.select(&containers) {
            let expected = c.value().attr("data-seri").unwrap();
            assert!(
                c.select(&svg).next().is_some(),
                "{page}: no <svg> in {:?}",
                c.value()
            );
            assert_eq!(
                c.value().attr("data-seri-digambar"),
                Some(expected),
                "{page}: series drawn differ from expected in {:?}",
                c.value()
            );
            count += 1;
        }
        assert!(count >= 2, "{page}: only {count} charts");
    }
}

/// A line chart whose category labels must turn at its width (12 quarters in 300 px) raises its
/// plot's bottom for them; its lines are named at their ends only where the five names, stacked,
/// fit above that raised bottom (130 px high: they do not), otherwise the legend names them. The
/// chart is drawn as a narrow phone would draw it, the same at 1 000 px, and measured once more
/// at 300 px after that (the turned labels' bottom is not kept from an earlier width).
#[test]
#[ignore = "needs chromium (apt-get install chromium); run with --include-ignored"]
fn names_at_the_lines_ends_must_fit_above_turned_labels() {
    let site = TestSite::fixture("dasar");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let quarters: Vec<String> = (1..=12)
        .map(|q| format!("\"{}-T{}\"", 2022 + (q - 1) / 4, (q - 1) % 4 + 1))
        .collect();
    let series: Vec<String> = ["A", "B", "C", "D", "E"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let data: Vec<String> = (0..12).map(|x| (x * (i + 1)).to_string()).collect();
            format!(
                r#"{{"type":"line","name":"{name}","data":[{}]}}"#,
                data.join(",")
            )
        })
        .collect();
    let option = format!(
        r#"{{"legend":{{"data":["A","B","C","D","E"]}},"grid":{{"left":40,"right":20,"top":40,"bottom":32}},"xAxis":{{"type":"category","data":[{}]}},"yAxis":{{"type":"value"}},"series":[{}]}}"#,
        quarters.join(","),
        series.join(",")
    );
    let page = |widths: &str| {
        format!(
            r#"<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"></head><body>
<div class="grafik-kanvas" data-opsi="g" style="width:300px;height:130px"></div>
<script type="application/json" id="g">{option}</script>
<script src="assets/echarts/echarts.min.js"></script>
<script src="assets/tkpk-grafik.js"></script>
<script>
var el = document.querySelector(".grafik-kanvas");
var seen = [];
var look = function () {{
  var box = el.querySelector("svg").getBoundingClientRect();
  var a = Array.prototype.filter.call(el.querySelectorAll("svg text"), function (t) {{ return t.textContent === "A"; }});
  var where = a.map(function (t) {{ return t.getBoundingClientRect().top - box.top < 36 ? "legenda" : "ujung"; }});
  seen.push(el.clientWidth + ":" + where.join("+"));
  document.body.setAttribute("data-terlihat", seen.join(" "));
}};
look();
[{widths}].forEach(function (w) {{ el.style.width = w + "px"; window.dispatchEvent(new Event("resize")); look(); }});
</script></body></html>"#
        )
    };
    site.write("output/uji-grafik.html", page("1000, 300"));
    let dom = dump_dom(&site, "uji-grafik.html");
    let body = scraper::Selector::parse("body").unwrap();
    let seen = dom
        .select(&body)
        .next()
        .and_then(|b| b.value().attr("data-terlihat"))
        .unwrap_or_default()
        .to_string();
    // Turned at 300 px (the bottom raised to 7 × 6 + 16 = 58 px): the legend above the plot
    // names the lines; flat at 1 000 px: the names at the lines' ends.
    assert_eq!(seen, "300:legenda 1000:ujung 300:legenda", "{seen}");
}

/// The chapters of every LP2KD, numbered the same in every report (`Chapter::ALL`).
const CHAPTERS: [&str; 11] = [
    "BAB I PENDAHULUAN",
    "BAB II KONDISI UMUM DAERAH",
    "BAB III PROFIL KEMISKINAN",
    "BAB IV POSISI RELATIF",
    "BAB V DETERMINAN KEMISKINAN DAN PRIORITAS MASALAH",
    "BAB VI CAPAIAN TARGET RPJMD",
    "BAB VII PROGRAM DAN ANGGARAN",
    "BAB VIII KANTONG KEMISKINAN",
    "BAB IX KELEMBAGAAN TKPK",
    "BAB X EVALUASI",
    "BAB XI PENUTUP",
];

/// The non-empty lines of a printed page, trimmed, without a draft's watermark.
fn lines(page: &str) -> Vec<&str> {
    page.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "DRAF")
        .collect()
}

/// The chapter a printed page starts (`BAB III PROFIL KEMISKINAN`, its title may wrap), if any.
fn chapter_started(page: &str) -> Option<String> {
    let lines = lines(page);
    let at = lines.iter().position(|l| l.starts_with("BAB "))?;
    // The label, then the title's lines up to the first line that is not upper case.
    let title: Vec<&str> = lines[at + 1..]
        .iter()
        .take_while(|l| l.chars().any(char::is_alphabetic) && !l.chars().any(char::is_lowercase))
        .copied()
        .collect();
    // After the running header (and, read with `-raw`, the page number).
    (at <= 2).then(|| format!("{} {}", lines[at], title.join(" ")))
}

/// `iv` → 4.
fn from_roman(text: &str) -> Option<usize> {
    let value = |c| match c {
        'i' => Some(1i64),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        _ => None,
    };
    let digits: Option<Vec<i64>> = text.chars().map(value).collect();
    let digits = digits.filter(|d| !d.is_empty())?;
    let sum = digits.iter().enumerate().fold(0, |sum, (i, d)| {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            sum - d
        } else {
            sum + d
        }
    });
    usize::try_from(sum).ok()
}

#[test]
#[ignore = "needs chromium and poppler-utils; run with --include-ignored"]
fn report_prints_as_the_official_document() {
    let site = TestSite::fixture("dasar");
    assert_eq!(site.build().code, 0);
    let (pdf, pages) = print_to_pdf(&site, "kabupaten-contoh/2025/index.html");
    let per_page = pdf_pages_text(&pdf);
    assert_eq!(per_page.len(), pages);
    // The cover: the official title, the region and the year, without running header or
    // page number.
    let cover = per_page[0].split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        cover.contains("LAPORAN PELAKSANAAN PENANGGULANGAN KEMISKINAN DAERAH (LP2KD) KABUPATEN CONTOH TAHUN 2025"),
        "{cover}"
    );
    assert!(!cover.contains("LP2KD 2025 ·") && !cover.contains("Kabupaten Contoh · LP2KD"));
    let mut chapter_starts = Vec::new();
    let mut body_from = None;
    for (i, p) in per_page.iter().enumerate().skip(1) {
        assert!(
            p.contains("Kabupaten Contoh · LP2KD 2025"),
            "page {} has no running header",
            i + 1
        );
        if let Some(chapter) = chapter_started(p) {
            body_from.get_or_insert(i);
            chapter_starts.push(chapter);
        }
        // The footer: i, ii, … before BAB I (the cover is i), 1, 2, … from it.
        let footer = *lines(p).last().unwrap();
        match body_from {
            None => assert_eq!(from_roman(footer), Some(i + 1), "page {}: {p}", i + 1),
            Some(first) => assert_eq!(
                footer.parse::<usize>().ok(),
                Some(i - first + 1),
                "page {}: {p}",
                i + 1
            ),
        }
    }
    // Every chapter of the fixed list, in order, each from a page of its own, also the empty
    // ones.
    assert_eq!(chapter_starts, CHAPTERS);
    assert!(pages >= 15, "{pages}");
}

fn pdfinfo(pdf: &Path) -> String {
    let info = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils)");
    String::from_utf8_lossy(&info.stdout).into_owned()
}

#[test]
#[ignore = "needs chromium and poppler-utils; run with --include-ignored"]
fn tkpk_pdf_prints_the_report_without_browser_header_or_footer() {
    chromium();
    let site = TestSite::fixture("dasar").with_final_parts();
    let run = site.run(&["pdf", "--wilayah", "kabupaten-contoh", "--tahun", "2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("kabupaten-contoh 2025 laporan → pdf/kabupaten-contoh-2025-laporan.pdf ("),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("pdf selesai: 2 berkas di pdf/, 0 gagal"),
        "{}",
        run.stderr
    );
    let pdf = site.root().join("pdf/kabupaten-contoh-2025-laporan.pdf");
    let info = pdfinfo(&pdf);
    assert!(info.contains("(A4)"), "not A4: {info}");
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    // Printed by one browser through DevTools: no warning that it fell back to one per page,
    // and the PDF has bookmarks from the headings (chapter titles among them).
    assert!(!run.stderr.contains("pencetakan cepat"), "{}", run.stderr);
    let bytes = String::from_utf8_lossy(&std::fs::read(&pdf).unwrap()).into_owned();
    assert!(bytes.contains("/Outlines"), "no bookmarks");
    // No link into this computer's output folder (the sheet's header links the home page).
    for name in ["laporan", "penilaian"] {
        let file = site
            .root()
            .join(format!("pdf/kabupaten-contoh-2025-{name}.pdf"));
        let raw = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        assert!(!raw.contains("file://"), "{name}: a file:// link");
    }
    assert!(
        bytes.contains("/Title (BAB I PENDAHULUAN)"),
        "no chapter bookmark"
    );
    let pages = pdf_pages_text(&pdf);
    assert_eq!(pages.len(), count);
    for (i, page) in pages.iter().enumerate() {
        // Chromium's own header and footer carry the date, the title and the file:// URL.
        assert!(
            !page.contains("file://"),
            "page {} has a browser footer",
            i + 1
        );
        // The cover has no running header; every other page has.
        assert_eq!(
            page.contains("Kabupaten Contoh · LP2KD 2025"),
            i > 0,
            "page {}",
            i + 1
        );
    }
    let files: Vec<_> = std::fs::read_dir(site.root().join("pdf"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    // The evaluation sheet: A4, its own running header on every page, no browser footer.
    let sheet = site.root().join("pdf/kabupaten-contoh-2025-penilaian.pdf");
    let info = pdfinfo(&sheet);
    assert!(info.contains("(A4)"), "not A4: {info}");
    let pages = pdf_pages_text(&sheet);
    assert_eq!(pages.len(), SHEET_PAGES, "{info}");
    for (i, page) in pages.iter().enumerate() {
        assert!(
            !page.contains("file://"),
            "page {} has a browser footer",
            i + 1
        );
        assert!(
            page.contains("Kabupaten Contoh · Lembar penilaian kinerja 2025"),
            "page {}: {page}",
            i + 1
        );
        // The author's workshop (files, keys) is not published: the paper names none.
        assert!(
            !page.contains(".yaml") && !page.contains('`') && !page.contains("DRAF"),
            "page {} shows a file, a key or a draft mark: {page}",
            i + 1
        );
    }
    // A draft PDF, named so, beside the final one: DRAF on every page, and where each missing
    // item is filled in.
    let run = site.run(&["pdf", "--draf", "--tahun", "2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let draft = site
        .root()
        .join("pdf/kabupaten-contoh-2025-penilaian-draf.pdf");
    // (Longer than the final sheet: the author's notes and column are printed.)
    let pages = common::browser::pdf_pages_text_in(&draft, "-raw");
    assert!(pages.len() >= SHEET_PAGES);
    assert!(pages.iter().all(|p| p.contains("DRAF")), "{pages:?}");
    assert!(pages.concat().contains("kelembagaan.yaml"), "{pages:?}");
    assert!(
        site.root()
            .join("pdf/kabupaten-contoh-2025-penilaian.pdf")
            .is_file()
    );
}

/// The `dasar` evaluation sheet of 2025 (scheme, components with their scores and rules, five
/// evidence items without the author's column) on A4.
const SHEET_PAGES: usize = 2;

#[test]
#[ignore = "needs chromium and poppler-utils; run with --include-ignored"]
fn tkpk_pdf_has_no_browser_footer_even_where_the_theme_leaves_room_for_one() {
    chromium();
    // The default theme's page-number margin box already keeps Chromium's header and footer
    // out; a site stylesheet without one would let them in (date, title, file:// URL) unless
    // `tkpk pdf` turns them off.
    let site = TestSite::fixture("dasar").with_final_parts();
    site.write(
        "themes/default/static/style.css",
        "@page { size: A4; margin: 20mm; }\n",
    );
    let run = site.run(&["pdf", "--tahun", "2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pages = pdf_pages_text(&site.root().join("pdf/kabupaten-contoh-2025-laporan.pdf"));
    assert!(!pages.is_empty());
    for (i, page) in pages.iter().enumerate() {
        assert!(
            !page.contains("file://"),
            "page {} has a browser footer",
            i + 1
        );
    }
}

/// The search box's results as (text, href) after a page opened with `?cari=…`.
fn search_results(site: &TestSite, page: &str) -> Vec<(String, String)> {
    let dom = dump_dom(site, page);
    let shown = scraper::Selector::parse("#tkpk-cari:not([hidden])").unwrap();
    assert!(
        dom.select(&shown).next().is_some(),
        "{page}: the search box is still hidden"
    );
    let links = scraper::Selector::parse("#tkpk-cari-hasil:not([hidden]) li a").unwrap();
    dom.select(&links)
        .map(|a| {
            let text = a.text().collect::<String>();
            let href = a.value().attr("href").unwrap_or_default().to_string();
            (text.split_whitespace().collect::<Vec<_>>().join(" "), href)
        })
        .collect()
}

#[test]
#[ignore = "needs chromium (apt-get install chromium); run with --include-ignored"]
fn search_box_finds_blitar_from_file_url() {
    let site = TestSite::built_sample();
    // From the home page: the region first, then its reports; links relative to the root.
    let results = search_results(&site, "index.html?cari=Blitar");
    assert_eq!(
        results.first(),
        Some(&(
            "Kabupaten Blitar Wilayah".to_string(),
            "kabupaten-blitar/index.html".to_string()
        )),
        "{results:?}"
    );
    assert!(
        results
            .iter()
            .any(|(_, href)| href == "kabupaten-blitar/2025/index.html"),
        "{results:?}"
    );
    assert!(results.len() <= 20, "{results:?}");
    // Case, accents and word order do not matter; from three folders deep the links climb up.
    let page = "kabupaten-blora/2025/penilaian/index.html?cari=2024%20BL%C3%8DTAR";
    let results = search_results(&site, page);
    assert_eq!(
        results,
        vec![
            (
                "Kabupaten Blitar 2024 Laporan".to_string(),
                "../../../kabupaten-blitar/2024/index.html".to_string()
            ),
            (
                "Kabupaten Blitar 2024 Lembar penilaian kinerja".to_string(),
                "../../../kabupaten-blitar/2024/penilaian/index.html".to_string()
            ),
        ]
    );
    let from = site.output().join("kabupaten-blora/2025/penilaian");
    for (_, href) in &results {
        assert!(from.join(href).is_file(), "{href}");
    }
    // No match: no links, and the box says so.
    let dom = dump_dom(&site, "kota-kediri/index.html?cari=zzzz");
    let status = scraper::Selector::parse("#tkpk-cari-status").unwrap();
    let said: String = dom.select(&status).next().unwrap().text().collect();
    assert_eq!(said, "Tidak ada hasil");
    let links = scraper::Selector::parse("#tkpk-cari-hasil a").unwrap();
    assert_eq!(dom.select(&links).count(), 0);
}

/// Adds `script` to the end of an output page: a test's stand-in for a person at the keyboard.
fn with_keys(site: &TestSite, page: &str, script: &str) {
    let path = site.output().join(page);
    let html = std::fs::read_to_string(&path).unwrap();
    let html = html.replace(
        "</body>",
        &format!(
            "<script>window.addEventListener('load', function () {{\n\
             var input = document.getElementById('tkpk-cari-kotak');\n\
             function key(name, target) {{ (target || document.activeElement).dispatchEvent(\
             new KeyboardEvent('keydown', {{ key: name, bubbles: true }})); }}\n\
             input.focus(); input.value = 'blitar'; input.dispatchEvent(new Event('input'));\n\
             setTimeout(function () {{ {script} }}, 300); }});</script></body>"
        ),
    );
    std::fs::write(path, html).unwrap();
}

#[test]
#[ignore = "needs chromium (apt-get install chromium); run with --include-ignored"]
fn search_box_keys_enter_opens_the_first_result_arrows_move_escape_clears() {
    let site = TestSite::built_sample();
    let title = scraper::Selector::parse("title").unwrap();
    // Enter in the box opens the first result.
    with_keys(&site, "kota-kediri/2024/index.html", "key('Enter', input);");
    let dom = dump_dom(&site, "kota-kediri/2024/index.html");
    let opened: String = dom.select(&title).next().unwrap().text().collect();
    assert!(opened.starts_with("Kabupaten Blitar ·"), "{opened}");
    // Down and down again reach the second result, up goes back; Escape in the box empties it.
    with_keys(
        &site,
        "kota-kediri/index.html",
        "key('ArrowDown'); key('ArrowDown'); key('ArrowUp');\n\
         document.body.setAttribute('data-fokus', document.activeElement.getAttribute('href'));\n\
         key('Escape'); key('Escape');\n\
         document.body.setAttribute('data-isi', input.value + '|' + (document.activeElement === input));",
    );
    let dom = dump_dom(&site, "kota-kediri/index.html");
    let body = scraper::Selector::parse("body").unwrap();
    let body = dom.select(&body).next().unwrap().value();
    assert_eq!(
        body.attr("data-fokus"),
        Some("../kabupaten-blitar/index.html")
    );
    assert_eq!(body.attr("data-isi"), Some("|true"));
    let list = scraper::Selector::parse("#tkpk-cari-hasil[hidden]").unwrap();
    assert!(dom.select(&list).next().is_some(), "the list is still open");
}

/// The home page of a site of many kab/kota: a click on the P0 heading sorts the rows by P0
/// (numbers, not text), a second click the other way; words typed in the filter hide the rows
/// that do not hold them.
#[test]
#[ignore = "needs chromium (apt-get install chromium); run with --include-ignored"]
fn the_list_of_a_large_site_sorts_by_a_column_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    gen_national::generate(dir.path(), 30, 2);
    let site = TestSite { dir };
    assert_eq!(site.build().code, 0);
    let path = site.output().join("index.html");
    let html = std::fs::read_to_string(&path).unwrap();
    // After the page's own scripts: sort by P0 up, record, sort down, record, then filter.
    let script = "<script>window.addEventListener('load', function () {\n\
        var th = document.querySelectorAll('#tabel-semua thead th')[3];\n\
        var p0 = function () { return Array.prototype.map.call(\n\
          document.querySelectorAll('#tabel-semua tbody tr'),\n\
          function (tr) { return tr.cells[3].getAttribute('data-nilai'); }).join(' '); };\n\
        th.querySelector('button').click(); var up = p0();\n\
        th.querySelector('button').click(); var down = p0();\n\
        var box = document.getElementById('saring-wilayah');\n\
        box.value = 'contoh 1'; box.dispatchEvent(new Event('input'));\n\
        var shown = Array.prototype.filter.call(document.querySelectorAll('#tabel-semua tbody tr'),\n\
          function (tr) { return !tr.hidden; }).map(function (tr) { return tr.cells[0].textContent; });\n\
        var out = document.createElement('pre'); out.id = 'hasil';\n\
        out.textContent = JSON.stringify({ up: up, down: down, sort: th.getAttribute('aria-sort'), shown: shown });\n\
        document.body.appendChild(out); });</script></body>";
    std::fs::write(&path, html.replace("</body>", script)).unwrap();
    let dom = dump_dom(&site, "index.html");
    let result: serde_json::Value =
        serde_json::from_str(&common::texts(&dom, "#hasil").concat()).unwrap();
    let numbers = |key: &str| -> Vec<f64> {
        result[key]
            .as_str()
            .unwrap()
            .split(' ')
            .map(|v| v.parse().unwrap())
            .collect()
    };
    let (up, down) = (numbers("up"), numbers("down"));
    assert_eq!(up.len(), 30);
    assert!(up.windows(2).all(|w| w[0] <= w[1]), "{up:?}");
    assert!(down.windows(2).all(|w| w[0] >= w[1]), "{down:?}");
    assert_eq!(result["sort"], "descending");
    // "contoh 1" matches Kabupaten Contoh 1 and 10–19 (the words, not the whole phrase).
    let shown: Vec<String> = serde_json::from_value(result["shown"].clone()).unwrap();
    assert_eq!(shown.len(), 11, "{shown:?}");
    assert!(shown.iter().all(|n| n.contains("Contoh 1")), "{shown:?}");
}

/// The sample's Blitar 2025 report printed as a draft: the cover, the lembar pengesahan and the
/// contents on the first pages, every chapter of the fixed list in order, and every entry of
/// the contents, the list of tables and the list of figures gives the page where its title or
/// caption stands (read back per page with pdftotext): Roman numerals in the front matter,
/// from 1 at BAB I, as the footers say.
#[test]
#[ignore = "needs chromium and poppler-utils"]
fn the_printed_lp2kd_has_its_parts_in_order_and_its_lists_give_their_pages() {
    chromium();
    let site = TestSite::sample();
    let run = site.run(&PRINT_BLITAR_DRAFT);
    assert_eq!(run.code, 0, "{}", run.stderr);
    lists_give_their_pages(
        &site
            .root()
            .join("pdf/kabupaten-blitar-2025-laporan-draf.pdf"),
    );
}

const PRINT_BLITAR_DRAFT: [&str; 6] = [
    "pdf",
    "--draf",
    "--wilayah",
    "kabupaten-blitar",
    "--tahun",
    "2025",
];

/// A browser that refuses `--remote-debugging-port` as a managed Edge or Chrome does: tkpk
/// then prints each page with a browser of its own.
fn without_devtools(site: &TestSite) -> std::path::PathBuf {
    let wrapper = site.root().join("peramban-tanpa-devtools");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --remote-debugging-port*) echo 'DevTools dimatikan oleh kebijakan' >&2; exit 1;; esac; done\nexec {} \"$@\"\n",
            common::browser::chromium()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    wrapper
}

/// Every page `tkpk pdf` prints knows it is printed (`window.tkpkCetak`, set before the page's
/// own scripts), both through DevTools and with a browser per page: the theme's charts are then
/// drawn once, at the paper's width, instead of for the screen and again before printing. And
/// every page, with contents or not, loses its links into the output folder.
#[test]
#[ignore = "needs chromium and poppler-utils; run with --include-ignored"]
fn the_pages_tkpk_prints_know_they_are_printed() {
    chromium();
    let site = TestSite::fixture("dasar").with_final_parts();
    site.write(
        "themes/uji/static/tkpk-grafik.js",
        "document.body.insertAdjacentHTML('afterbegin', '<p>tanda cetak: ' + (window.tkpkCetak === true ? 'ada' : 'tidak ada') + '; dimuat untuk ' + (matchMedia('print').matches ? 'kertas' : 'layar') + '</p>');\n",
    );
    site.write("site.yaml", site.read("site.yaml") + "tema: uji\n");
    let print = ["pdf", "--wilayah", "kabupaten-contoh", "--tahun", "2025"];
    let wrapper = without_devtools(&site);
    for (way, env) in [
        ("DevTools", vec![]),
        (
            "a browser per page",
            vec![("TKPK_CHROMIUM", wrapper.to_str().unwrap())],
        ),
    ] {
        let run = site.run_with_env(&print, &env);
        assert_eq!(run.code, 0, "{way}: {}", run.stderr);
        let pdf = site.root().join("pdf/kabupaten-contoh-2025-laporan.pdf");
        let text = pdf_pages_text(&pdf).concat();
        assert!(text.contains("tanda cetak: ada"), "{way}: {text}");
        // Through DevTools the page is laid out for paper from the start (a print then
        // restyles nothing: a quarter less work for a report).
        if way == "DevTools" {
            assert!(text.contains("dimuat untuk kertas"), "{way}: {text}");
        }
        // The sheet has no contents to number, and still no link into this computer's output
        // folder (its header links the home page).
        let sheet = site.root().join("pdf/kabupaten-contoh-2025-penilaian.pdf");
        let raw = String::from_utf8_lossy(&std::fs::read(&sheet).unwrap()).into_owned();
        assert!(
            !raw.contains("file://"),
            "{way}: a file:// link in the sheet"
        );
    }
}

/// Where the browser cannot be driven through DevTools (an office policy can turn it off in
/// Edge), each page is printed by a browser of its own, and its contents lists still give
/// their pages: a copy of the page beside it numbers them, and is gone afterwards. Its links
/// to the site's other files carry no file:// address either.
#[test]
#[ignore = "needs chromium and poppler-utils; run with --include-ignored"]
fn without_devtools_the_lists_still_give_their_pages() {
    chromium();
    let site = TestSite::sample();
    let wrapper = without_devtools(&site);
    let run = site.run_with_env(
        &PRINT_BLITAR_DRAFT,
        &[("TKPK_CHROMIUM", wrapper.to_str().unwrap())],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("DevTools dimatikan oleh kebijakan"),
        "{}",
        run.stderr
    );
    let pdf = site
        .root()
        .join("pdf/kabupaten-blitar-2025-laporan-draf.pdf");
    lists_give_their_pages(&pdf);
    let raw = String::from_utf8_lossy(&std::fs::read(&pdf).unwrap()).into_owned();
    assert!(!raw.contains("file://"), "a file:// link");
    assert!(
        !raw.contains(".tkpk-cetak"),
        "the copy's name reached the PDF"
    );
    let left: Vec<_> = walkdir::WalkDir::new(site.root().join("output-draf"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tkpk-cetak-"))
        .map(|e| e.path().to_path_buf())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// The printed LP2KD `pdf` has its parts in order, and every entry of its contents, tables and
/// figures lists is on the page the list gives.
fn lists_give_their_pages(pdf: &std::path::Path) {
    let pages = common::browser::pdf_pages_text_in(pdf, "-raw");
    let flat = |p: &str| p.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat(&pages[0]).contains("LAPORAN PELAKSANAAN PENANGGULANGAN KEMISKINAN DAERAH (LP2KD) KABUPATEN BLITAR TAHUN 2025"),
        "{}",
        pages[0]
    );
    assert!(
        flat(&pages[1]).contains("LEMBAR PENGESAHAN"),
        "{}",
        pages[1]
    );
    assert!(flat(&pages[1]).contains("Disahkan di Kanigoro pada tanggal 16 Maret 2026"));
    let contents = pages
        .iter()
        .position(|p| flat(p).contains("DAFTAR ISI"))
        .expect("no contents");
    assert!(contents <= 3, "the contents on page {}", contents + 1);
    // Each entry on one line with its number: a front-matter entry's Roman number once fell
    // onto a line of its own (the entries shared the front matter's class and its print rule).
    let laid_out = common::browser::pdf_pages_text_in(pdf, "-layout");
    let line = laid_out[contents]
        .lines()
        .find(|l| l.contains("Lembar Pengesahan"))
        .unwrap_or_default();
    assert!(line.trim_end().ends_with(" ii"), "{}", laid_out[contents]);
    let starts: Vec<(usize, String)> = pages
        .iter()
        .enumerate()
        .filter_map(|(i, p)| chapter_started(p).map(|c| (i + 1, c)))
        .collect();
    let names: Vec<&str> = starts.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(names, CHAPTERS);
    let offset = starts[0].0 - 1;
    // The entries of a list page: a title (wrapped lines joined) and its page number.
    let entries = |page: &str| -> Vec<(String, String)> {
        let starts_entry = |l: &str| {
            [
                "BAB ",
                "Tabel ",
                "Gambar ",
                "Lembar ",
                "Kata ",
                "Daftar ",
                "Ringkasan ",
                "Lampiran",
            ]
            .iter()
            .any(|p| l.starts_with(p))
        };
        let mut out: Vec<String> = Vec::new();
        for line in lines(page).into_iter().skip(2) {
            if starts_entry(line) || out.is_empty() {
                out.push(line.to_string());
            } else if let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(line);
            }
        }
        out.iter()
            .filter_map(|e| {
                let e = flat(e);
                let (title, number) = e.rsplit_once(' ')?;
                Some((title.to_string(), number.to_string()))
            })
            .filter(|(_, n)| n.parse::<usize>().is_ok() || from_roman(n).is_some())
            .collect()
    };
    let physical = |number: &str| -> usize {
        number
            .parse::<usize>()
            .map(|n| n + offset)
            .unwrap_or_else(|_| from_roman(number).unwrap())
    };
    let listed = entries(&pages[contents]);
    let chapters = listed.iter().filter(|(t, _)| t.starts_with("BAB ")).count();
    assert_eq!(chapters, CHAPTERS.len(), "{listed:?}");
    for (title, number) in &listed {
        let page = &pages[physical(number) - 1];
        let found = if title.starts_with("BAB ") {
            chapter_started(page).as_deref() == Some(title.to_uppercase().as_str())
        } else {
            flat(page).contains(&title.to_uppercase())
        };
        assert!(found, "{title}: the contents say page {number}:\n{page}");
    }
    for (heading, word, at_least) in [
        ("DAFTAR TABEL", "Tabel ", 2),
        ("DAFTAR GAMBAR", "Gambar ", 5),
    ] {
        let at = pages
            .iter()
            .position(|p| flat(p).contains(heading))
            .unwrap_or_else(|| panic!("no {heading}"));
        let listed = entries(&pages[at]);
        assert!(listed.len() >= at_least, "{listed:?}");
        for (title, number) in &listed {
            assert!(title.starts_with(word), "{title}");
            // "Tabel 3.1" is the caption's start, on the page the list gives.
            let label: String = title.split(' ').take(2).collect::<Vec<_>>().join(" ");
            let page = &pages[physical(number) - 1];
            assert!(
                flat(page).contains(&format!("{label} ")),
                "{title}: the list says page {number}:\n{page}"
            );
        }
    }
}

/// The x extent of the first `word` on page `page` of `pdf` (pdftotext -bbox), in points.
fn word_width(pdf: &Path, page: usize, word: &str) -> f64 {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.trim_end().ends_with(&format!(">{word}</word>")))
        .unwrap_or_else(|| panic!("no {word} on page {page}:\n{text}"));
    let attr = |name: &str| -> f64 {
        let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    attr("xMax") - attr("xMin")
}

/// A printed report keeps its type size: nothing on it (a chart drawn at the screen's width,
/// an eleven-column table) is wider than the paper, which would make Chromium shrink every
/// page to fit (the sample's Blora report printed at 72 % before). A word of the lembar
/// pengesahan has the width of the same word printed alone at the theme's 11 pt.
#[test]
#[ignore = "needs chromium and poppler-utils"]
fn a_printed_report_is_not_shrunk_to_fit_the_paper() {
    chromium();
    let site = TestSite::sample();
    let run = site.run(&["pdf", "--wilayah", "kabupaten-blora", "--tahun", "2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = site.root().join("pdf/kabupaten-blora-2025-laporan.pdf");
    let css = site.read("output/assets/style.css");
    let fonts = css
        .lines()
        .find_map(|l| l.trim().strip_prefix("--huruf:"))
        .unwrap()
        .trim_end_matches(';');
    site.write(
        "output/ukuran.html",
        format!("<!doctype html><html><head><style>@page {{ size: A4; }} p {{ font: 11pt {fonts}; }}</style></head><body><p>Disahkan</p></body></html>"),
    );
    let (reference, _) = print_to_pdf(&site, "ukuran.html");
    let (printed, alone) = (
        word_width(&report, 2, "Disahkan"),
        word_width(&reference, 1, "Disahkan"),
    );
    assert!(
        (printed / alone - 1.0).abs() < 0.01,
        "the report prints at {:.0} % of its size ({printed:.2} pt against {alone:.2} pt)",
        100.0 * printed / alone
    );
}

/// `tkpk paket` with the real browser: two runs give the same ZIP byte for byte (Chromium's
/// print dates and structure ids are made stable), its PDFs are whole (poppler reads every
/// page, dated the build date), and `tkpk pdf` stamps its PDFs the same way.
#[test]
#[ignore = "needs chromium and poppler-utils; run with --include-ignored"]
fn tkpk_paket_twice_gives_the_same_bytes() {
    chromium();
    let site = TestSite::sample();
    let args = ["paket", "--wilayah", "kabupaten-blora", "--tahun", "2025"];
    let zip = site.root().join("paket/kabupaten-blora-2025.zip");
    let first = site.run(&args);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let bytes = std::fs::read(&zip).unwrap();
    // Printed again into a fresh pdf/ and a fresh output/: the same bundle.
    std::fs::remove_dir_all(site.root().join("pdf")).unwrap();
    std::fs::remove_file(&zip).unwrap();
    let second = site.run(&args);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second.stderr.contains("paket selesai: "),
        "{}",
        second.stderr
    );
    assert!(
        std::fs::read(&zip).unwrap() == bytes,
        "two runs gave different bundles"
    );
    let third = site.run(&args);
    assert!(
        third.stderr.contains("paket tidak berubah: "),
        "{}",
        third.stderr
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let unpacked = tempfile::tempdir().unwrap();
    for name in [
        "kabupaten-blora-2025-laporan.pdf",
        "kabupaten-blora-2025-penilaian.pdf",
    ] {
        let mut file = archive.by_name(name).unwrap();
        let mut pdf = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut pdf).unwrap();
        let path = unpacked.path().join(name);
        std::fs::write(&path, &pdf).unwrap();
        let info = pdfinfo(&path);
        assert!(
            info.contains("CreationDate:    Fri Mar 20 00:00:00 2026"),
            "{info}"
        );
        assert!(!info.to_lowercase().contains("error"), "{info}");
        let pages = pdf_pages_text(&path);
        assert!(pages.len() > 1, "{name}");
        assert!(pages[0].contains("Kabupaten Blora"), "{name}: {}", pages[0]);
    }
    let info = pdfinfo(&site.root().join("pdf/kabupaten-blora-2025-laporan.pdf"));
    assert!(
        info.contains("CreationDate:    Fri Mar 20 00:00:00 2026"),
        "{info}"
    );
}
