//! Public and internal: a public build shows no file, key or spreadsheet name on any page;
//! `terbit:` in site.yaml keeps years and sheets unpublished (no page, no link, no search
//! entry, no download); a draft (`--draf`) writes everything, marked DRAF, with the author's
//! notes, into its own folder.

mod common;

use common::{TestSite, snapshot, texts};

/// The text a reader sees on a page: its markup without scripts and tags.
fn visible_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let body = scraper::Selector::parse("body").unwrap();
    let script = scraper::Selector::parse("script").unwrap();
    let mut out = String::new();
    for b in doc.select(&body) {
        let scripts: Vec<String> = b.select(&script).map(|s| s.text().collect()).collect();
        let mut text: String = b.text().collect::<Vec<_>>().join(" ");
        for s in scripts {
            text = text.replace(&s, " ");
        }
        out.push_str(&text);
    }
    out
}

fn pages(output: &std::path::Path) -> Vec<(String, String)> {
    snapshot(output)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn public_pages_name_no_file_key_or_sheet_and_a_draft_does_in_its_own_folder() {
    let site = TestSite::sample();
    assert_eq!(site.build().code, 0);
    let all = pages(&site.output());
    assert!(all.len() > 40);
    for (path, html) in &all {
        let text = visible_text(html);
        for workshop in ["content/", ".yaml", "`", "DRAF"] {
            assert!(
                !text.contains(workshop),
                "{path} shows {workshop:?}: …{}…",
                text.find(workshop)
                    .map(|at| &text[at.saturating_sub(80)..(at + 40).min(text.len())])
                    .unwrap_or_default()
            );
        }
        assert!(!html.contains("class=\"penulis\""), "{path}");
    }
    // The sheet still says in plain words what is missing…
    let sheet = site.read("output/kabupaten-blora/2025/penilaian/index.html");
    assert!(sheet.contains("belum ada angka P1 tahun 2025"), "{sheet}");
    let public = snapshot(&site.output());

    // …and the draft adds where to fill it in, marked DRAF, beside the public output.
    let run = site.run(&["build", "--draf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("output-draf"), "{}", run.stderr);
    assert_eq!(
        snapshot(&site.output()),
        public,
        "the public output changed"
    );
    let draft = scraper::Html::parse_document(
        &site.read("output-draf/kabupaten-blora/2025/penilaian/index.html"),
    );
    let notes = texts(&draft, ".penulis").join(" ");
    assert!(
        notes.contains("isi `p1` tahun 2025 di indikator.yaml"),
        "{notes}"
    );
    assert!(notes.contains("kelembagaan.yaml"), "{notes}");
    assert!(
        texts(&draft, ".tanda-draf")
            .first()
            .is_some_and(|t| t.starts_with("DRAF")),
        "no draft band"
    );
    let report =
        scraper::Html::parse_document(&site.read("output-draf/kabupaten-blora/2025/index.html"));
    assert!(
        texts(&report, "p.sumber")
            .iter()
            .any(|s| s.contains("content/kabupaten-blora/2025/program.yaml"))
    );
}

#[test]
fn terbit_keeps_years_and_sheets_unpublished_in_a_public_build_only() {
    let site = TestSite::sample();
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!(
            "{config}\nbase_url: https://tkpk.example.go.id/\nterbit:\n  tahun: [2024, 2025]\n  penilaian: [2025]\n"
        ),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = site.output();
    // Blitar has reports 2015–2025: only 2024 and 2025 are written, and only 2025's sheet.
    for (page, written) in [
        ("kabupaten-blitar/2023/index.html", false),
        ("kabupaten-blitar/2023/penilaian/index.html", false),
        ("kabupaten-blitar/2023/unduh", false),
        ("kabupaten-blitar/2024/index.html", true),
        ("kabupaten-blitar/2024/penilaian/index.html", false),
        ("kabupaten-blitar/2025/index.html", true),
        ("kabupaten-blitar/2025/penilaian/index.html", true),
    ] {
        assert_eq!(out.join(page).exists(), written, "{page}");
    }
    // No page links what is not written: the region page lists two reports, the 2024 report
    // has no previous year and no sheet link.
    let region = site.page("kabupaten-blitar/index.html");
    assert_eq!(
        texts(&region, "ul.daftar-laporan a"),
        ["Laporan 2025", "Laporan 2024"]
    );
    let report = site.page("kabupaten-blitar/2024/index.html");
    assert!(texts(&report, "a[rel=prev]").is_empty());
    assert!(texts(&report, ".tautan-penilaian a").is_empty());
    assert_eq!(texts(&report, "a[rel=next]").len(), 1);
    // Every relative link of every page resolves to a written file.
    for (path, html) in pages(&out) {
        let doc = scraper::Html::parse_document(&html);
        let a = scraper::Selector::parse("a[href]").unwrap();
        let dir = out.join(&path).parent().unwrap().to_path_buf();
        for link in doc.select(&a) {
            let href = link.value().attr("href").unwrap();
            if href.starts_with('#') || href.contains("://") || href.starts_with("mailto:") {
                continue;
            }
            let target = href.split('#').next().unwrap();
            assert!(dir.join(target).exists(), "{path} links {href}");
        }
    }
    // The search index knows only what is written.
    let index = site.read("output/assets/cari-indeks.js");
    assert!(index.contains("kabupaten-blitar/2024/index.html"));
    assert!(!index.contains("kabupaten-blitar/2023/index.html"));
    assert!(!index.contains("kabupaten-blitar/2024/penilaian/index.html"));
    assert!(index.contains("kabupaten-blitar/2025/penilaian/index.html"));

    let sitemap = site.read("output/sitemap.xml");
    assert!(sitemap.contains("<loc>https://tkpk.example.go.id/kabupaten-blitar/2024/</loc>"));
    assert!(!sitemap.contains("kabupaten-blitar/2023/"));
    assert!(!sitemap.contains("kabupaten-blitar/2024/penilaian/"));

    // A draft writes every year and sheet.
    let run = site.run(&["build", "--draf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for page in [
        "output-draf/kabupaten-blitar/2023/index.html",
        "output-draf/kabupaten-blitar/2024/penilaian/index.html",
    ] {
        assert!(site.root().join(page).is_file(), "{page}");
    }
}

#[test]
fn terbit_mistakes_are_named_at_their_place() {
    let site = TestSite::sample();
    let config = site.read("site.yaml");
    let lines = config.lines().count();
    site.write(
        "site.yaml",
        format!("{config}\nterbit:\n  tahun: [2025, 2052]\n  penilaian: ya\n"),
    );
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let (tahun, penilaian) = (lines + 3, lines + 4);
    assert!(
        run.stderr.contains(
            "peringatan: tahun 2052 di `terbit.tahun` tidak punya laporan di wilayah mana pun"
        ) && run.stderr.contains(&format!("--> site.yaml:{tahun}:")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("galat: `penilaian` di `terbit` terbaca `\"ya\"`")
            && run
                .stderr
                .contains(&format!("--> site.yaml:{penilaian}:14")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("saran: tulis `penilaian: true`"));
    // A key of its own is refused with the keys there are.
    site.write(
        "site.yaml",
        format!("{config}\nterbit:\n  tahunn: [2025]\n"),
    );
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("tahunn"), "{}", run.stderr);
}
