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

#[test]
#[ignore = "needs chromium and poppler-utils; run with --include-ignored"]
fn report_prints_to_a4_with_region_and_year_on_every_page() {
    let site = TestSite::fixture("dasar");
    assert_eq!(site.build().code, 0);
    let (pdf, pages) = print_to_pdf(&site, "kabupaten-contoh/2025/index.html");
    // The expected count for this fixture: the title with the contents and the list of figures
    // (1), the summary (1), the profile with its
    // three charts and their tables, its narrative's table on a fourth page (4; tables print in
    // 8,5 pt), the relative position with two charts (2), the target (1) and the further notes
    // (1). A layout change that moves it must update this figure.
    assert_eq!(pages, 10);
    let per_page = pdf_pages_text(&pdf);
    assert_eq!(per_page.len(), pages);
    let mut chapter_starts = Vec::new();
    for (i, p) in per_page.iter().enumerate() {
        assert!(
            p.contains("Kabupaten Contoh · LP2KD 2025"),
            "page {} has no running header",
            i + 1
        );
        let compact: String = p.split_whitespace().collect();
        assert!(
            compact.contains(&format!("{}/{pages}", i + 1)),
            "page {} has no page number",
            i + 1
        );
        // The first line under the running header.
        let first = p
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .nth(1)
            .unwrap_or("");
        if let Some((numeral, _)) = first.split_once(". ")
            && numeral.chars().all(|c| "IVX".contains(c))
        {
            chapter_starts.push(first.to_string());
        }
    }
    // Every chapter starts a page of its own (the first holds the title and the contents).
    assert_eq!(
        chapter_starts,
        vec![
            "I. Ringkasan Eksekutif",
            "II. Profil Kemiskinan",
            "III. Posisi Relatif",
            "IV. Capaian Target RPJMD",
            "V. Uraian Lain"
        ]
    );
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
    let site = TestSite::fixture("dasar");
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
    // The same count as `report_prints_to_a4_with_region_and_year_on_every_page`.
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().eq(["Pages:", "10"])),
        "{info}"
    );
    // Printed by one browser through DevTools: no warning that it fell back to one per page,
    // and the PDF has bookmarks from the headings (chapter titles among them).
    assert!(!run.stderr.contains("pencetakan cepat"), "{}", run.stderr);
    let bytes = String::from_utf8_lossy(&std::fs::read(&pdf).unwrap()).into_owned();
    assert!(bytes.contains("/Outlines"), "no bookmarks");
    assert!(
        bytes.contains("/Title (I. Ringkasan Eksekutif)"),
        "no chapter bookmark"
    );
    let pages = pdf_pages_text(&pdf);
    assert_eq!(pages.len(), 10);
    for (i, page) in pages.iter().enumerate() {
        // Chromium's own header and footer carry the date, the title and the file:// URL.
        assert!(
            !page.contains("file://"),
            "page {} has a browser footer",
            i + 1
        );
        assert!(
            page.contains("Kabupaten Contoh · LP2KD 2025"),
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
    let site = TestSite::fixture("dasar");
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

/// The printed contents and list of figures give the page of every chapter and chart: each
/// number is the first page where that chapter's title or that chart's caption stands (read
/// back from the PDF with pdftotext), as `tkpk pdf` writes them after a first print.
#[test]
#[ignore = "needs chromium and poppler-utils"]
fn the_printed_contents_give_the_page_of_every_chapter_and_chart() {
    chromium();
    let site = TestSite::sample();
    let run = site.run(&["pdf", "--wilayah", "kabupaten-blitar", "--tahun", "2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pages = pdf_pages_text(&site.root().join("pdf/kabupaten-blitar-2025-laporan.pdf"));
    // "   III. Profil Kemiskinan ........ 4" in the contents on the first page.
    let entry = |line: &str| -> Option<(String, usize)> {
        let line = line.trim();
        let (title, number) = line.rsplit_once(char::is_whitespace)?;
        let number: usize = number.parse().ok()?;
        let title = title.trim();
        let label = if title.starts_with("Grafik ") {
            // "Grafik III.1." : the caption may wrap, its number does not.
            title
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            title.to_string()
        };
        Some((label, number))
    };
    let first = &pages[0];
    let contents = &first[first.find("Daftar Isi").expect("no contents")..];
    let is_entry = |(label, _): &(String, usize)| {
        label.starts_with("Grafik ")
            || label
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| "IVX".contains(c)))
    };
    let entries: Vec<(String, usize)> = contents
        .lines()
        .skip(1)
        .filter_map(entry)
        .filter(is_entry)
        .collect();
    let chapters = entries
        .iter()
        .filter(|(l, _)| !l.starts_with("Grafik"))
        .count();
    let charts = entries.len() - chapters;
    assert!(chapters >= 5 && charts >= 5, "{entries:?}\n{first}");
    for (label, number) in &entries {
        let heading = |page: &String| {
            page.lines().any(|l| {
                let l = l.trim();
                l.starts_with(label.as_str()) && entry(l).is_none_or(|(_, n)| n > pages.len())
                    || l == label
            })
        };
        let at = pages.iter().position(heading).map(|i| i + 1);
        assert_eq!(at, Some(*number), "{label}: the contents say page {number}");
    }
    // Each page number is also the one printed at the foot of that page.
    let (_, last) = entries.last().unwrap();
    assert!(pages[last - 1].contains(&format!("{last} / {}", pages.len())));
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
            info.contains("CreationDate:    Wed Nov  5 00:00:00 2025"),
            "{info}"
        );
        assert!(!info.to_lowercase().contains("error"), "{info}");
        let pages = pdf_pages_text(&path);
        assert!(pages.len() > 1, "{name}");
        assert!(pages[0].contains("Kabupaten Blora"), "{name}: {}", pages[0]);
    }
    let info = pdfinfo(&site.root().join("pdf/kabupaten-blora-2025-laporan.pdf"));
    assert!(
        info.contains("CreationDate:    Wed Nov  5 00:00:00 2025"),
        "{info}"
    );
}
