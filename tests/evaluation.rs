//! Programmes, poverty pockets, institutional records and the evaluation sheet, on the `dasar`
//! fixture with the year's files written by each test: the figures on the pages are the hand
//! computations below, the checklist and `tkpk check` name exactly the missing evidence.

mod common;

use common::{TestSite, cell, texts};

const YEAR_DIR: &str = "content/kabupaten-contoh/2025";

/// Allocation 1 000 000 000 + 400 000 000 + 600 000 000 = 2 000 000 000; realised: the first
/// sub-kegiatan 300 (semester I) + 500 (semester II) million, the second 100 million in
/// semester I, the third nothing: 900 000 000 of the 1 400 000 000 allocated to sub-kegiatan
/// that report, 64,29 %. Regional spending 100 000 000 000: allocation share 2 %.
const PROGRAMS: &str = "\
sumber: Matriks uji
belanja_daerah: 100000000000
program:
  - strategi: 1
    opd: Dinas Sosial
    kode: \"1.06.06.2.01.0001\"
    sub_kegiatan: Bantuan Pangan
    tagging: langsung
    alokasi: 1000000000
    sumber_dana: APBD
    realisasi_semester_1: 300000000
    realisasi_semester_2: 500000000
  - strategi: 2
    opd: Dinas Pertanian
    sub_kegiatan: Bibit Ternak
    tagging: tidak_langsung
    alokasi: 400000000
    sumber_dana: DAK
    realisasi_semester_1: 100000000
    perjalanan_dinas: 40000000
  - strategi: 1
    opd: Dinas Sosial
    sub_kegiatan: Rehabilitasi Rumah
    tagging: penunjang
    alokasi: 600000000
";

const INSTITUTION: &str = "\
sk_tkpk: {nomor: \"400/1/2025\", tanggal: 2025-03-10, periode: 2025–2029}
rapat:
  - {tanggal: 2025-02-14, jenis: Rapat koordinasi, agenda: Penyusunan RAT, peserta: 30}
laporan:
  - {jenis: semester_1, tanggal: 2025-07-15, kepada: Gubernur}
";

fn site_with_year_files() -> TestSite {
    let site = TestSite::fixture("dasar");
    site.write(&format!("{YEAR_DIR}/program.yaml"), PROGRAMS);
    site.write(&format!("{YEAR_DIR}/kelembagaan.yaml"), INSTITUTION);
    site
}

#[test]
fn programme_chapter_shows_the_hand_computed_sums() {
    let site = site_with_year_files();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.page("kabupaten-contoh/2025/index.html");
    let strategy = "#tabel-strategi";
    assert_eq!(
        cell(&page, strategy, "1. Mengurangi beban pengeluaran", 1).as_deref(),
        Some("Rp1.600.000.000")
    );
    assert_eq!(
        cell(&page, strategy, "1. Mengurangi beban pengeluaran", 3).as_deref(),
        Some("80,00")
    );
    let total = texts(&page, "#tabel-strategi tfoot td");
    assert_eq!(
        total,
        vec!["3", "Rp2.000.000.000", "Rp900.000.000", "64,29"]
    );
    assert_eq!(
        cell(&page, "#tabel-tagging", "Tidak langsung", 3).as_deref(),
        Some("25,00")
    );
    assert_eq!(
        cell(&page, "#tabel-sumber-dana", "DAK", 1).as_deref(),
        Some("Rp400.000.000")
    );
    let sentences = texts(&page, "#bab-program .analisis p");
    assert!(
        sentences[0].contains("Rp2,00 miliar untuk 3 sub-kegiatan")
            && sentences[0].contains("1 sub-kegiatan belum melaporkan realisasi"),
        "{sentences:?}"
    );
    // The matrix rows in file order, with realisation per semester.
    let rows = texts(&page, "#tabel-rincian-program tbody th");
    assert_eq!(
        rows,
        vec!["Bantuan Pangan", "Bibit Ternak", "Rehabilitasi Rumah"]
    );
    assert_eq!(
        cell(&page, "#tabel-rincian-program", "Rehabilitasi Rumah", 9).as_deref(),
        Some("–")
    );
    // Charts by strategy and tagging, each with two series.
    assert_eq!(texts(&page, "#grafik-strategi .grafik-judul").len(), 1);
    assert_eq!(texts(&page, "#grafik-tagging .grafik-judul").len(), 1);
    // The report links its evaluation sheet.
    let links = texts(&page, ".tautan-penilaian a");
    assert_eq!(links, vec!["Lembar penilaian kinerja 2025 →"]);
}

#[test]
fn evaluation_sheet_and_check_name_exactly_the_missing_evidence() {
    let site = site_with_year_files();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sheet = site.page("kabupaten-contoh/2025/penilaian/index.html");
    // The 2025 scheme (Kemendagri): 40/60, its evidence list.
    assert_eq!(
        texts(&sheet, "table.komponen .komponen-judul .bobot"),
        vec!["40 %", "60 %"]
    );
    let present = texts(&sheet, "tr.ada th");
    let missing = texts(&sheet, "tr.belum-ada th");
    assert_eq!(
        present,
        vec![
            "SK TKPK",
            "Laporan pelaksanaan semester I",
            "Matriks program per sub-kegiatan"
        ]
    );
    assert_eq!(
        missing,
        vec![
            "Rencana Aksi Tahunan (RAT)",
            "Realisasi semester I setiap sub-kegiatan"
        ]
    );
    // In a draft, each missing item names its file and what to write; the public sheet
    // names neither.
    assert!(texts(&sheet, "tr[data-bukti=rat] td code").is_empty());
    let draft = site.run(&["build", "--draf"]);
    assert_eq!(draft.code, 0, "{}", draft.stderr);
    let draft_sheet = scraper::Html::parse_document(
        &site.read("output-draf/kabupaten-contoh/2025/penilaian/index.html"),
    );
    let rat = texts(&draft_sheet, "tr[data-bukti=rat] td code");
    assert_eq!(rat[0], "content/kabupaten-contoh/2025/kelembagaan.yaml");
    assert!(rat[1].starts_with("rat: {nomor:"), "{rat:?}");
    // Budget measures: 2 % of regional spending; 28,57 % realised in semester I, formulas shown.
    let share = texts(&sheet, "tr[data-ukuran=porsi_alokasi] td.hasil");
    assert!(
        share[0].starts_with("2,00 %")
            && share[0].contains("Rp2.000.000.000 ÷ Rp100.000.000.000 × 100"),
        "{share:?}"
    );
    // The 2025 scheme rates semester I, with the whole year beside it.
    let rate = texts(&sheet, "tr[data-ukuran=tingkat_realisasi] td.hasil");
    // (300 + 100 million) ÷ (1 000 + 400 million); the third sub-kegiatan reports nothing, and
    // only the first reports both semesters: 800 ÷ 1 000 million.
    assert!(
        rate[0].starts_with("28,57 % (semester I), 2 dari 3 sub-kegiatan"),
        "{rate:?}"
    );
    assert!(
        rate[0].contains(
            "seluruh tahun, atas 1 sub-kegiatan yang melaporkan semester I dan II: 80,00 %"
        ),
        "{rate:?}"
    );
    // P1 has no 2024 figure in the fixture: the change says so instead of inventing one.
    let p0 = texts(&sheet, "tr[data-ukuran=p0] td.hasil");
    assert!(p0[0].contains("turun 0,59 persen poin"), "{p0:?}");
    // The 2023 sheet applies PMK 97/2023; without programmes its score is not computed.
    let pmk = site.page("kabupaten-contoh/2023/penilaian/index.html");
    assert!(texts(&pmk, ".skema-dasar")[0].contains("Nomor 97 Tahun 2023"));
    let score = texts(&pmk, "tr[data-ukuran=skor_tagging] td.hasil");
    assert!(
        score[0].contains("tidak dihitung: belum ada data program"),
        "{score:?}"
    );
    // Where to fill it in is for the author, in the draft only.
    assert!(texts(&pmk, "tr[data-ukuran=skor_tagging] .penulis").is_empty());
    let pmk_draft = scraper::Html::parse_document(
        &site.read("output-draf/kabupaten-contoh/2023/penilaian/index.html"),
    );
    assert_eq!(
        texts(&pmk_draft, "tr[data-ukuran=skor_tagging] .penulis"),
        vec!["· isi program.yaml"]
    );

    let check = site.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let warnings: Vec<&str> = check
        .stderr
        .lines()
        .filter(|l| l.starts_with("peringatan: bukti penilaian") && l.contains(" belum ada: "))
        .collect();
    assert_eq!(
        warnings,
        vec![
            "peringatan: bukti penilaian 2025 Kabupaten Contoh belum ada: Rencana Aksi Tahunan (RAT) (skema 2025)",
            "peringatan: bukti penilaian 2025 Kabupaten Contoh belum ada: Realisasi semester I setiap sub-kegiatan (skema 2025)",
        ],
        "{}",
        check.stderr
    );
    assert!(
        check
            .stderr
            .contains("kesiapan penilaian kabupaten-contoh 2025: 3 dari 5 bukti ada (skema 2025)")
    );
    assert!(
        check
            .stderr
            .contains("  --> content/kabupaten-contoh/2025/program.yaml\n"),
        "{}",
        check.stderr
    );
}

#[test]
fn a_scheme_in_site_yaml_replaces_the_built_in_one() {
    let site = site_with_year_files();
    // Everything reported, so the tagged-spending score can be computed.
    site.write(
        &format!("{YEAR_DIR}/program.yaml"),
        PROGRAMS.replace(
            "    alokasi: 600000000\n",
            "    alokasi: 600000000\n    realisasi_semester_1: 200000000\n",
        ),
    );
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!(
            "{config}skema_penilaian:
  - tahun: 2025
    nama: Skema uji
    dasar: Peraturan uji 1/2025
    komponen:
      - {{nama: Belanja ter-tagging, bobot: 100, ukuran: [skor_tagging]}}
    skor_tagging: {{langsung: 0.5, tidak_langsung: 0.3, penunjang: 0.2}}
    aturan_skor:
      - {{ukuran: skor_tagging, cara: nilai, sumber: \"Peraturan uji 1/2025, lampiran\"}}
    bukti: [sk_tkpk]
"
        ),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sheet = site.page("kabupaten-contoh/2025/penilaian/index.html");
    assert!(texts(&sheet, ".skema-dasar")[0].contains("ditetapkan di site.yaml"));
    // Realised: langsung 800 000 000 (0,8 %), tidak langsung 100 000 000 − 40 000 000 travel
    // = 60 000 000 (0,06 %), penunjang 200 000 000 (0,2 %) of 100 000 000 000:
    // 0,5·0,8 + 0,3·0,06 + 0,2·0,2 = 0,458 → 0,46. The only region of the site is never its
    // own maximum: without the national best score the raw score stands, and the sheet says so.
    let score = texts(&sheet, "tr[data-ukuran=skor_tagging] td.hasil");
    assert!(score[0].starts_with("0,46"), "{score:?}");
    assert!(score[0].contains("= 0,46"), "{score:?}");
    assert!(
        score[0].contains("belum dinormalisasi: perlu skor tertinggi nasional tahun 2025"),
        "{score:?}"
    );
    assert!(
        score[0].contains("perjalanan dinas dikecualikan: Rp40.000.000"),
        "{score:?}"
    );
    assert_eq!(texts(&sheet, "tr.ada th"), vec!["SK TKPK"]);
    // The scheme's own rule takes the normalised score as the score: none until the best.
    assert_eq!(texts(&sheet, "tr.skor-total td.skor"), vec!["–"]);
    assert!(
        score[0].contains("skor belum dapat dihitung: perlu skor tertinggi nasional"),
        "{score:?}"
    );
    // With the national best of the year (and its source): 0,458 ÷ 0,916 × 100 = 50.
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!("{config}skor_tagging_tertinggi:\n  - {{tahun: 2025, nilai: 0.916, sumber: \"Sumber uji\"}}\n"),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sheet = site.page("kabupaten-contoh/2025/penilaian/index.html");
    let score = texts(&sheet, "tr[data-ukuran=skor_tagging] td.hasil");
    assert!(score[0].starts_with("50,00"), "{score:?}");
    assert!(
        score[0].contains("Sumber aturan: Peraturan uji 1/2025, lampiran"),
        "{score:?}"
    );
    // One component of one measure, weighed 100: the total is the score.
    assert_eq!(
        texts(&sheet, "tr[data-ukuran=skor_tagging] td.skor"),
        vec!["50,00"]
    );
    assert_eq!(texts(&sheet, "tr.skor-total td.skor"), vec!["50,00"]);
    assert!(
        score[0].contains(
            "dinormalisasi: 0,458 ÷ 0,916 × 100 = 50,00 (skor tertinggi nasional 2025: Sumber uji)"
        ),
        "{score:?}"
    );
    // The other years keep their built-in schemes.
    let pmk = site.page("kabupaten-contoh/2024/penilaian/index.html");
    assert!(texts(&pmk, ".skema-dasar")[0].contains("Nomor 43 Tahun 2024"));
}

#[test]
fn pockets_stand_for_later_reports_until_mapped_again() {
    let site = TestSite::fixture("dasar");
    site.write(
        "content/kabupaten-contoh/2024/kantong.yaml",
        "sumber: Pemetaan uji
kecamatan:
  - {nama: Alpha, jumlah_desa: 2}
  - {nama: Beta, desa: [Satu, Dua, Tiga]}
  - {nama: Gamma, jumlah_desa: 0, rumah_tangga: {1: 120, 2: 80}}
",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.page("kabupaten-contoh/2025/index.html");
    assert_eq!(
        texts(&page, "#tabel-kantong tbody th"),
        vec!["Alpha", "Beta", "Gamma"]
    );
    assert_eq!(
        cell(&page, "#tabel-kantong", "Beta", 0).as_deref(),
        Some("3")
    );
    assert_eq!(
        cell(&page, "#tabel-kantong", "Gamma", 1).as_deref(),
        Some("200")
    );
    assert_eq!(texts(&page, "#tabel-kantong tfoot td")[0], "5");
    let sentence = &texts(&page, "#bab-kantong .analisis p")[0];
    assert_eq!(
        sentence,
        "Pemetaan 2024 menetapkan 5 desa prioritas di 2 dari 3 kecamatan; terbanyak di Beta (3 desa); tanpa desa prioritas: Gamma."
    );
    // Sorted chart data: most villages at the top (ECharts draws the last category on top).
    let figures = texts(&page, "#grafik-kantong table tbody th");
    assert_eq!(figures, vec!["Beta", "Alpha", "Gamma"]);
    // 2023 comes before the mapping: the pockets chapter keeps its number (BAB VIII in every
    // report) but says it is empty.
    let before = site.page("kabupaten-contoh/2023/index.html");
    assert_eq!(
        texts(&before, "#bab-kantong h2 .label-bab"),
        vec!["BAB VIII"]
    );
    assert!(texts(&before, "#tabel-kantong").is_empty());
    assert_eq!(texts(&before, "#bab-kantong .bab-kosong").len(), 1);
}

/// A target shows only in reports inside its plan period; a reversed period is an error and a
/// target outside the period a warning, each at its place.
#[test]
fn targets_show_only_inside_their_plan_period() {
    let site = TestSite::fixture("dasar");
    let file = "content/kabupaten-contoh/indikator.yaml";
    let text = site.read(file);
    site.write(
        file,
        format!("{text}periode_target: {{mulai: 2024, akhir: 2026}}\n"),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let inside = site.page("kabupaten-contoh/2025/index.html");
    let outside = site.page("kabupaten-contoh/2023/index.html");
    let said = |page: &scraper::Html| {
        texts(page, ".analisis p")
            .iter()
            .any(|s| s.contains("Target RPJMD"))
    };
    assert!(said(&inside), "{:#?}", texts(&inside, ".analisis p"));
    assert!(!said(&outside), "{:#?}", texts(&outside, ".analisis p"));
    // The P0 chart of the 2023 report draws no target line, and its targets chapter has no
    // table.
    let html = site.read("output/kabupaten-contoh/2023/index.html");
    assert!(
        !html.contains(r#""name":"Target RPJMD""#),
        "a target on the 2023 report"
    );
    assert!(texts(&outside, "#tabel-target").is_empty());
    assert!(
        site.read("output/kabupaten-contoh/2025/index.html")
            .contains(r#""name":"Target RPJMD""#)
    );

    site.write(
        file,
        format!("{text}periode_target: {{mulai: 2026, akhir: 2021}}\n"),
    );
    let run = site.build();
    assert_eq!(run.code, 1);
    let line = text.lines().count() + 1;
    assert!(
        run.stderr
            .contains("galat: periode target 2026–2021 terbalik")
            && run.stderr.contains(&format!("{file}:{line}:")),
        "{}",
        run.stderr
    );
    site.write(
        file,
        format!("{text}periode_target: {{mulai: 2021, akhir: 2025}}\n"),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("peringatan: target p0 tahun 2026 di luar periode target 2021–2025"),
        "{}",
        run.stderr
    );
}

/// With a rule for every measure of the 2025 scheme, the sheet scores each measure, each
/// component and the total, as computed by hand below; the downloads carry the same scores.
#[test]
fn a_sheet_with_every_rule_scores_to_a_hand_computed_total() {
    let site = site_with_year_files();
    site.write(
        "content/kabupaten-contoh/indikator.yaml",
        "\
sumber: BPS Kabupaten Contoh (Susenas Maret) — angka ilustrasi untuk pengujian
data:
  2024: {p0: 8.16, p1: 1.20, kemiskinan_ekstrem_ppp2017: 1.10}
  2025: {p0: 7.57, p1: 1.02, kemiskinan_ekstrem_ppp2017: 0.70}
",
    );
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!(
            "{config}aturan_skor:
  - {{tahun: 2025, ukuran: p0, bobot: 40, cara: linear, nol: 0, seratus: -1, sumber: \"Uji\"}}
  - {{tahun: 2025, ukuran: p1, bobot: 20, cara: linear, nol: 0, seratus: -0.2, sumber: \"Uji\"}}
  - {{tahun: 2025, ukuran: kemiskinan_ekstrem, bobot: 20, cara: kelas, kelas: [{{sampai: -0.5, skor: 100}}, {{dari: -0.5, skor: 50}}], sumber: \"Uji\"}}
  - {{tahun: 2025, ukuran: posisi_provinsi, bobot: 20, cara: kelas, kelas: [{{sampai: 0, skor: 100}}, {{dari: 0, skor: 0}}], sumber: \"Uji\"}}
  - {{tahun: 2025, ukuran: porsi_alokasi, bobot: 60, cara: linear, nol: 0, seratus: 4, sumber: \"Uji\"}}
  - {{tahun: 2025, ukuran: tingkat_realisasi, bobot: 40, cara: nilai, sumber: \"Uji\", ilustrasi: true}}
"
        ),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sheet = site.page("kabupaten-contoh/2025/penilaian/index.html");
    let score = |measure: &str| {
        texts(&sheet, &format!("tr[data-ukuran={measure}] td.skor"))
            .pop()
            .unwrap()
    };
    // P0 7,57 − 8,16 = −0,59: (−0,59 − 0) ÷ (−1 − 0) × 100 = 59.
    assert_eq!(score("p0"), "59,00");
    // P1 1,02 − 1,20 = −0,18: −0,18 ÷ −0,2 × 100 = 90.
    assert_eq!(score("p1"), "90,00");
    // Extreme poverty 0,70 − 1,10 = −0,40: not ≤ −0,5, so the second class, 50.
    assert_eq!(score("kemiskinan_ekstrem"), "50,00");
    // 7,57 − 9,50 = −1,93 ≤ 0: 100.
    assert_eq!(score("posisi_provinsi"), "100,00");
    // Allocation share 2 %: 2 ÷ 4 × 100 = 50.
    assert_eq!(score("porsi_alokasi"), "50,00");
    // Semester I: (300 + 100) ÷ (1 000 + 400) million = 28,571… % → 28,57.
    assert_eq!(score("tingkat_realisasi"), "28,57");
    // Components: (40 × 59 + 20 × 90 + 20 × 50 + 20 × 100) ÷ 100 = 71,60;
    // (60 × 50 + 40 × 28,57) ÷ 100 = 41,428 → 41,43. Total (40 × 71,60 + 60 × 41,43) ÷ 100
    // = 53,498 → 53,50.
    assert_eq!(
        texts(&sheet, "tr.skor-komponen td.skor"),
        vec!["71,60", "41,43"]
    );
    assert_eq!(texts(&sheet, "tr.skor-total td.skor"), vec!["53,50"]);
    let total = texts(&sheet, "tr.skor-total th").pop().unwrap();
    assert!(
        total.contains("(40 × 71,60 + 60 × 41,43) ÷ 100 = 53,50"),
        "{total}"
    );
    // One rule is illustrative: the sheet says so.
    assert_eq!(texts(&sheet, "#komponen .catatan-ilustrasi").len(), 1);
    // The downloads: the score table at full precision, its last row the total.
    let csv = site.read("output/kabupaten-contoh/2025/unduh/penilaian_skor.csv");
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].contains("Skor"), "{csv}");
    assert!(rows[1].contains(",71.6,"), "{csv}");
    assert!(rows[2].contains(",41.43,"), "{csv}");
    assert!(rows[3].starts_with("Skor total,,53.5,"), "{csv}");
}

/// Weights that do not add up to 100 give no score (the sheet says what they add up to, check
/// warns), a lone measure given a weight other than 100 included; a site rule without `bobot`
/// keeps the weight its scheme gave the measure.
#[test]
fn weights_that_do_not_add_up_give_no_score() {
    let site = site_with_year_files();
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!(
            "{config}skema_penilaian:
  - tahun: 2025
    nama: Skema uji
    dasar: Peraturan uji 1/2025
    komponen:
      - {{nama: Kinerja, bobot: 40, ukuran: [p0]}}
      - {{nama: Anggaran, bobot: 50, ukuran: [porsi_alokasi, tingkat_realisasi]}}
    aturan_skor:
      - {{ukuran: p0, bobot: 50, cara: linear, nol: 0, seratus: -1, sumber: \"Uji\"}}
      - {{ukuran: porsi_alokasi, bobot: 60, cara: linear, nol: 0, seratus: 4, sumber: \"Uji\"}}
      - {{ukuran: tingkat_realisasi, bobot: 40, cara: nilai, sumber: \"Uji\"}}
aturan_skor:
  - {{tahun: 2025, ukuran: porsi_alokasi, cara: linear, nol: 0, seratus: 2, sumber: \"Situs\"}}
"
        ),
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("peringatan: bobot komponen skema 2025 berjumlah 90, bukan 100")
            || run
                .stderr
                .contains("peringatan: bobot komponen skema 2025 berjumlah 90,00, bukan 100"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "peringatan: bobot ukuran komponen \"Kinerja\" skema 2025 berjumlah 50,00, bukan 100"
        ),
        "{}",
        run.stderr
    );
    let sheet = site.page("kabupaten-contoh/2025/penilaian/index.html");
    let components = texts(&sheet, "tr.skor-komponen td");
    assert!(
        components[0]
            .contains("skor komponen tidak dihitung: bobot ukurannya berjumlah 50, bukan 100"),
        "{components:?}"
    );
    // The site rule replaced the scheme's (2 % = 100: the 2 % share scores 100) and kept its
    // weight 60; this scheme rates the whole year (900 of 1 400 million reported, 64,29 %):
    // (60 × 100 + 40 × 64,29) ÷ 100 = 85,716 → 85,72.
    assert_eq!(
        texts(&sheet, "tr[data-ukuran=porsi_alokasi] td.skor"),
        vec!["100,00"]
    );
    assert!(
        components[2].contains("(60 × 100,00 + 40 × 64,29) ÷ 100 = 85,72"),
        "{components:?}"
    );
    let total = texts(&sheet, "tr.skor-total th").pop().unwrap();
    assert!(
        total.contains("skor total tidak dihitung: bobot komponennya berjumlah 90, bukan 100"),
        "{total}"
    );
}

/// The sample's evidence files (`berkas:` in Blora's 2025 kelembagaan.yaml): a draft copies
/// each beside the sheet, byte for byte, and the checklist links it on its item's row; a public
/// build copies and links none (a signed scan may carry personal data).
#[test]
fn a_draft_sheet_links_its_evidence_files_and_a_public_one_none() {
    let site = TestSite::sample();
    let run = site.run(&["build", "--draf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sheet_dir = site
        .root()
        .join("output-draf/kabupaten-blora/2025/penilaian");
    let html = std::fs::read_to_string(sheet_dir.join("index.html")).unwrap();
    let page = scraper::Html::parse_document(&html);
    let links = |row: &str| -> Vec<String> {
        let sel =
            scraper::Selector::parse(&format!("tr[data-bukti=\"{row}\"] a.pindaian")).unwrap();
        page.select(&sel)
            .map(|a| a.value().attr("href").unwrap().to_string())
            .collect()
    };
    assert_eq!(links("sk_tkpk"), ["bukti/sk-tkpk-2025.pdf"]);
    assert_eq!(
        links("laporan_semester_1"),
        ["bukti/laporan-semester-1-2025.pdf"]
    );
    assert!(links("rat").is_empty());
    for name in ["sk-tkpk-2025.pdf", "laporan-semester-1-2025.pdf"] {
        assert_eq!(
            std::fs::read(sheet_dir.join("bukti").join(name)).unwrap(),
            std::fs::read(
                site.root()
                    .join("content/kabupaten-blora/2025/bukti")
                    .join(name)
            )
            .unwrap(),
            "{name}"
        );
    }
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let public = site.output().join("kabupaten-blora/2025/penilaian");
    assert!(public.join("index.html").is_file());
    assert!(!public.join("bukti").exists());
    let html = std::fs::read_to_string(public.join("index.html")).unwrap();
    assert!(
        !html.contains("pindaian") && !html.contains("bukti/sk-"),
        "linked"
    );
}

/// `tkpk check` names the evidence written in kelembagaan.yaml without its scan, which the
/// evaluation bundle would leave out; once a scan is named, it is not said.
#[test]
fn check_names_evidence_without_its_scan() {
    let site = TestSite::sample();
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "peringatan: bukti penilaian 2025 Kabupaten Blora tertulis tetapi tanpa berkas pindaian (`berkas:`), sehingga tidak ikut dalam paket penilaian: Rencana Aksi Tahunan (RAT)\n  --> content/kabupaten-blora/2025/kelembagaan.yaml\n"
        ),
        "{}",
        run.stderr
    );
    let file = "content/kabupaten-blora/2025/kelembagaan.yaml";
    let text = site.read(file).replace(
        "  judul: Rencana Aksi Tahunan Penanggulangan Kemiskinan\n",
        "  judul: Rencana Aksi Tahunan Penanggulangan Kemiskinan\n  berkas: bukti/sk-tkpk-2025.pdf\n",
    );
    site.write(file, text);
    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stderr.contains("tanpa berkas pindaian"),
        "{}",
        run.stderr
    );
}
