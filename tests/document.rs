//! The annual report as the official LP2KD: the cover and the lembar pengesahan from content,
//! one chapter numbering for every region, tables and figures numbered per chapter and listed,
//! the Daftar Singkatan, empty chapters said as such, and `tkpk check`'s warning about them.
//! (How it prints, page numbers and all, is in `browser.rs`.)

mod common;

use common::{TestSite, texts};

/// Each chapter's key and its number, the same in every report.
const NUMBERED: [(&str, &str); 11] = [
    ("pendahuluan", "BAB I"),
    ("kondisi_umum", "BAB II"),
    ("profil", "BAB III"),
    ("posisi_relatif", "BAB IV"),
    ("determinan", "BAB V"),
    ("capaian_target", "BAB VI"),
    ("program", "BAB VII"),
    ("kantong", "BAB VIII"),
    ("kelembagaan", "BAB IX"),
    ("evaluasi", "BAB X"),
    ("penutup", "BAB XI"),
];

fn attr(html: &scraper::Html, selector: &str, name: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).unwrap();
    html.select(&sel)
        .filter_map(|e| e.value().attr(name).map(str::to_string))
        .collect()
}

/// Every report of the sample numbers its chapters alike, whatever files its region has, and
/// every entry of its contents and lists of tables and figures points at something on the page.
#[test]
fn every_report_numbers_the_same_chapters_alike_and_its_lists_resolve() {
    let site = TestSite::built_sample();
    let mut reports = 0;
    for region in [
        "kabupaten-blitar",
        "kabupaten-blora",
        "kota-kediri",
        "kabupaten-balangan",
    ] {
        for entry in std::fs::read_dir(site.output().join(region)).unwrap() {
            let year = entry.unwrap().file_name().to_string_lossy().into_owned();
            let rel = format!("{region}/{year}/index.html");
            if year.parse::<i32>().is_err() || !site.output().join(&rel).is_file() {
                continue;
            }
            reports += 1;
            let page = site.page(&rel);
            let labels: Vec<(String, String)> = attr(&page, "section.bab", "id")
                .into_iter()
                .zip(texts(&page, "section.bab > h2"))
                .filter_map(|(id, h)| {
                    let key = id.strip_prefix("bab-")?.to_string();
                    let label = h.split_once(' ').map(|(bab, rest)| {
                        let n = rest.split(' ').next().unwrap_or("");
                        format!("{bab} {n}")
                    })?;
                    label.starts_with("BAB ").then_some((key, label))
                })
                .collect();
            let expected: Vec<(String, String)> = NUMBERED
                .iter()
                .map(|(k, l)| (k.to_string(), l.to_string()))
                .collect();
            assert_eq!(labels, expected, "{rel}");
            // Every link of the contents and lists goes to an id of the page, and no id is
            // given twice.
            let ids = attr(&page, "[id]", "id");
            let mut unique = ids.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), ids.len(), "{rel}: an id given twice");
            for href in attr(&page, "nav.daftar-isi a", "href") {
                let id = href.strip_prefix('#').unwrap();
                assert!(
                    ids.iter().any(|i| i == id),
                    "{rel}: {href} points at nothing"
                );
            }
            // Each listed table and figure is numbered after its chapter, in order.
            for (list, word) in [("daftar-tabel", "Tabel"), ("daftar-gambar", "Gambar")] {
                let mut last: Option<(String, usize)> = None;
                for text in texts(&page, &format!("#{list} li a")) {
                    let number = text
                        .strip_prefix(&format!("{word} "))
                        .and_then(|t| t.split(' ').next())
                        .unwrap_or_else(|| panic!("{rel}: {text}"));
                    let (chapter, k) = number.split_once('.').unwrap();
                    let k: usize = k.parse().unwrap();
                    match &last {
                        Some((c, n)) if c == chapter => assert_eq!(k, n + 1, "{rel}: {text}"),
                        _ => assert_eq!(k, 1, "{rel}: {text}"),
                    }
                    last = Some((chapter.to_string(), k));
                }
            }
        }
    }
    assert!(reports >= 30, "{reports}");
    // The indicator table of BAB III is Tabel 3.1, captioned so, and listed so.
    let page = site.page("kabupaten-blitar/2025/index.html");
    let caption = texts(&page, "#tabel-indikator caption");
    assert_eq!(
        caption,
        vec!["Tabel 3.1 Indikator kemiskinan dan pembangunan, Kabupaten Blitar, 2025"]
    );
    assert!(texts(&page, "#daftar-tabel li").contains(&caption[0]));
    // A narrative's table is numbered after the computed ones of its chapter.
    assert_eq!(
        texts(&page, "#bab-posisi_relatif .narasi caption"),
        vec!["Tabel 4.2 Posisi Relatif terhadap Provinsi dan Nasional"]
    );
    // Charts are figures: "Gambar 3.1 …".
    let figures = texts(&page, "#bab-profil figure .grafik-judul");
    assert!(figures[0].starts_with("Gambar 3.1 "), "{figures:?}");
}

/// The cover gives the official title and the team, the lembar pengesahan its signatory from
/// `pengesahan.yaml` (the NIP in its usual groups), and the abbreviations stand sorted.
#[test]
fn the_cover_and_the_lembar_pengesahan_come_from_content() {
    let site = TestSite::built_sample();
    let page = site.page("kabupaten-blora/2025/index.html");
    assert_eq!(
        texts(&page, ".sampul .jenis-dokumen"),
        vec!["Laporan Pelaksanaan Penanggulangan Kemiskinan Daerah (LP2KD)"]
    );
    assert_eq!(
        texts(&page, ".sampul h1"),
        vec!["Kabupaten Blora Tahun 2025"]
    );
    assert_eq!(
        texts(&page, ".sampul-tim"),
        vec!["Tim Koordinasi Penanggulangan Kemiskinan (TKPK) Kabupaten Blora"]
    );
    assert_eq!(
        texts(&page, ".tanda-tangan p"),
        vec![
            "Disahkan di Blora pada tanggal 20 Maret 2026",
            "Sekretaris Daerah Kabupaten Blora selaku Wakil Ketua TKPK,",
            "",
            "NAMA PENANDA TANGAN",
            "Pembina Utama Muda (IV/c)",
            "NIP 19700101 199503 1 001",
        ]
    );
    let abbreviations = texts(&page, ".daftar-singkatan tbody th");
    let mut sorted = abbreviations.clone();
    sorted.sort_by_key(|a| a.to_lowercase());
    assert_eq!(abbreviations, sorted);
    assert!(abbreviations.contains(&"TKPK".to_string()));

    // A report without a lembar pengesahan shows none in public, and says where to write it in
    // a draft; an empty chapter says so (in a draft: where to write it).
    let page = site.page("kota-kediri/2024/index.html");
    assert!(texts(&page, "#pengesahan").is_empty());
    assert_eq!(
        texts(&page, "#bab-evaluasi .bab-kosong"),
        vec!["Bab ini belum memuat uraian untuk tahun 2024."]
    );
    let run = site.run(&["build", "--draf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = site.read("output-draf/kota-kediri/2024/index.html");
    let page = scraper::Html::parse_document(&text);
    assert!(
        texts(&page, "#pengesahan .belum-diisi")[0]
            .ends_with("content/kota-kediri/2024/pengesahan.yaml."),
        "{:?}",
        texts(&page, "#pengesahan")
    );
    assert_eq!(
        texts(&page, "#bab-evaluasi .belum-diisi"),
        vec![
            "Belum diisi: tulis uraian bab ini dalam berkas markdown di content/kota-kediri/2024/ dengan baris bab: evaluasi di bagian depannya."
        ]
    );
}

/// A NIP that is not 18 digits is an error at its place; `tkpk check` names the empty
/// chapters of each report being written, with its folder.
#[test]
fn a_bad_nip_is_an_error_and_check_names_empty_chapters() {
    let site = TestSite::fixture("dasar");
    site.write(
        "content/kabupaten-contoh/2025/pengesahan.yaml",
        "tempat: Contoh\ntanggal: 2026-03-16\njabatan: Bupati Contoh\nnama: N\nnip: \"1970 0101\"\n",
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat: NIP `1970 0101` bukan 18 angka\n  --> content/kabupaten-contoh/2025/pengesahan.yaml:5:6"
        ),
        "{}",
        run.stderr
    );
    site.write(
        "content/kabupaten-contoh/2025/pengesahan.yaml",
        "tempat: Contoh\ntanggal: 2026-03-16\njabatan: Bupati Contoh\nnama: N\n",
    );
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "peringatan: laporan 2025 Kabupaten Contoh: bab belum diisi (dicetak bernomor dengan keterangan kosong): Kata Pengantar, BAB I Pendahuluan, BAB II Kondisi Umum Daerah, BAB V Determinan Kemiskinan dan Prioritas Masalah, BAB VII Program dan Anggaran, BAB VIII Kantong Kemiskinan, BAB IX Kelembagaan TKPK, BAB X Evaluasi, BAB XI Penutup\n  --> content/kabupaten-contoh/2025\n"
        ),
        "{}",
        run.stderr
    );
    // Written, a chapter is no longer named.
    let site = site.with_final_parts();
    let run = site.run(&["check"]);
    assert!(
        run.stderr.contains("bab belum diisi (dicetak bernomor dengan keterangan kosong): BAB II Kondisi Umum Daerah, BAB V"),
        "{}",
        run.stderr
    );
}

/// A narrative without a chapter (in "Uraian Lain") may hold several tables: each has an id of
/// its own, unnumbered.
#[test]
fn tables_of_a_narrative_without_a_chapter_have_ids_of_their_own() {
    let site = TestSite::fixture("dasar");
    site.write(
        "content/kabupaten-contoh/2025/05-lain.md",
        "---\njudul: Catatan Tambahan\n---\n| a |\n|---|\n| 1 |\n\nTeks.\n\n| b |\n|---|\n| 2 |\n",
    );
    assert_eq!(site.build().code, 0);
    let page = site.page("kabupaten-contoh/2025/index.html");
    let ids = attr(&page, "#bab-uraian caption", "id");
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert_ne!(ids[0], ids[1]);
}

/// The front matter has no chapter number, so its narrative tables are counted across it: a
/// table in the Kata Pengantar and one in the Ringkasan Eksekutif are Tabel 1 and Tabel 2,
/// never both Tabel 1, in the text and in the Daftar Tabel.
#[test]
fn tables_of_the_front_matter_are_numbered_across_it() {
    let site = TestSite::fixture("dasar");
    site.write(
        "content/kabupaten-contoh/2025/00-kata-pengantar.md",
        "---\njudul: Kata Pengantar\nbab: kata_pengantar\n---\nTabel: Jadwal penyusunan\n\n| a |\n|---|\n| 1 |\n",
    );
    site.write(
        "content/kabupaten-contoh/2025/00-ringkasan.md",
        "---\njudul: Ringkasan\nbab: ringkasan\n---\nTabel: Angka utama\n\n| b |\n|---|\n| 2 |\n",
    );
    assert_eq!(site.build().code, 0);
    let page = site.page("kabupaten-contoh/2025/index.html");
    let flat = |s: &String| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let captions: Vec<String> = texts(&page, "#bab-kata_pengantar caption, #bab-ringkasan caption")
        .iter()
        .map(flat)
        .collect();
    assert_eq!(
        captions,
        ["Tabel 1 Jadwal penyusunan", "Tabel 2 Angka utama"],
        "{captions:?}"
    );
    let listed = texts(&page, "#daftar-tabel li")
        .iter()
        .map(flat)
        .collect::<Vec<_>>();
    assert!(
        listed
            .iter()
            .any(|l| l.starts_with("Tabel 1 Jadwal penyusunan"))
            && listed.iter().any(|l| l.starts_with("Tabel 2 Angka utama")),
        "{listed:?}"
    );
}
