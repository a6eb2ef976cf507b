//! `tkpk impor`: BPS tables (CSV and XLSX) into indikator.yaml and the reference files, and
//! program matrices into program.yaml. Figures are the published ones in shared/data.

mod common;

use common::{TestSite, cell, snapshot};
use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;

/// Kabupaten Blitar without its P0 for 2023–2025, with comments that must survive.
const BLITAR_WITHOUT_P0: &str = "\
# Angka BPS Kabupaten Blitar (Susenas Maret).
# Komentar ini harus tetap ada setelah impor.
sumber: \"BPS Kabupaten Blitar\"
data:
  2015: {p0: 9.97, p1: 1.61, p2: 0.38}   # BRS No. 02/06/3505/Th.I
  2016: {p0: 9.88, jumlah_penduduk_miskin: 113.51}
  2024: {jumlah_penduduk_miskin: 95.91}
  2025: {jumlah_penduduk_miskin: 89.04}   # rilis Juli 2025
target:
  p0: {2026: 8.88}
sumber_target: \"RPJMD Kabupaten Blitar 2021–2026\"
";

/// The same after importing P0 2023–2025.
const BLITAR_WITH_P0: &str = "\
# Angka BPS Kabupaten Blitar (Susenas Maret).
# Komentar ini harus tetap ada setelah impor.
sumber: \"BPS Kabupaten Blitar\"
data:
  2015: {p0: 9.97, p1: 1.61, p2: 0.38}   # BRS No. 02/06/3505/Th.I
  2016: {p0: 9.88, jumlah_penduduk_miskin: 113.51}
  2023: {p0: 8.69}
  2024: {jumlah_penduduk_miskin: 95.91, p0: 8.16}
  2025: {jumlah_penduduk_miskin: 89.04, p0: 7.57}   # rilis Juli 2025
target:
  p0: {2026: 8.88}
sumber_target: \"RPJMD Kabupaten Blitar 2021–2026\"
";

/// A BPS download: a title, a merged-looking header, `;` separators, decimal commas, a `-`,
/// a regency not in the site (Kota Blitar), the province and the nation, and a note.
const P0_CSV: &str = "\
Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota di Provinsi Jawa Timur (Persen);;;
;;;
[Kode] Kabupaten/Kota;Persentase Penduduk Miskin (Persen);;
;2023;2024;2025
[3505] Blitar;8,69;8,16;7,57
[3571] Kota Kediri;7,15;6,51;-
[3572] Kota Blitar;…;6,75;6,60
JAWA TIMUR;10,35;9,79;9,50
INDONESIA;9,36;9,03;8,47
Sumber: BPS, Susenas Maret;;;
";

/// The sample without Blitar's P0 and without the comparison regions of Jawa Timur, so that an
/// import of a province table adds both.
fn sample_without_blitar_p0() -> TestSite {
    let site = TestSite::sample();
    site.write("content/kabupaten-blitar/indikator.yaml", BLITAR_WITHOUT_P0);
    let province = site.read("content/referensi/jawa-timur.yaml");
    let comparisons = province
        .find("\n# Kabupaten/kota lain provinsi ini")
        .expect("the sample's comparison list of Jawa Timur");
    site.write(
        "content/referensi/jawa-timur.yaml",
        &province[..comparisons + 1],
    );
    site
}

fn p0_cell(site: &TestSite, year: i32) -> Option<String> {
    let page = site.page(&format!("kabupaten-blitar/{year}/index.html"));
    cell(
        &page,
        "table.indikator",
        "Persentase penduduk miskin (P0)",
        0,
    )
}

#[test]
fn a_bps_csv_table_reaches_the_report_page() {
    let site = sample_without_blitar_p0();
    site.write("p0-jatim.csv", P0_CSV);
    let run = site.run(&["impor", "p0-jatim.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "impor selesai: 3 angka ditambahkan, 8 sama, serta 2 ditambahkan ke daftar pembanding provinsi, 0 baris dilewati (wilayah tidak ada di situs) dalam "
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        site.read("content/kabupaten-blitar/indikator.yaml"),
        BLITAR_WITH_P0
    );
    // Kota Blitar is not in the site: its row went to the province's comparison list.
    assert!(
        site.read("content/referensi/jawa-timur.yaml").ends_with(
            "pembanding:\n  - {nama: Kota Blitar, kode_bps: \"3572\", data: {2024: {p0: 6.75}, 2025: {p0: 6.6}}}\n"
        ),
        "{}",
        site.read("content/referensi/jawa-timur.yaml")
    );
    let built = site.build();
    assert_eq!(built.code, 0, "{}", built.stderr);
    assert_eq!(p0_cell(&site, 2025).as_deref(), Some("7,57"));
    assert_eq!(p0_cell(&site, 2024).as_deref(), Some("8,16"));
    assert!(
        site.output()
            .join("kabupaten-blitar/2023/index.html")
            .is_file()
    );
    // A second run finds everything in place.
    let again = site.run(&["impor", "p0-jatim.csv"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stderr.contains("0 angka ditambahkan, 13 sama"),
        "{}",
        again.stderr
    );
}

#[test]
fn a_dry_run_writes_nothing() {
    let site = sample_without_blitar_p0();
    site.write("p0-jatim.csv", P0_CSV);
    let before = snapshot(&site.root().join("content"));
    let run = site.run(&["impor", "p0-jatim.csv", "--periksa"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("tidak ada yang ditulis: 3 angka akan ditambahkan, 8 sama, serta 2 ditambahkan ke daftar pembanding provinsi"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(&site.root().join("content")), before);
}

/// The P0 table as a workbook: a merged title, a merged "Tahun" over the years, numbers as
/// numbers, and the province written as BPS codes it (`3500`).
pub fn write_p0_xlsx(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Tabel").unwrap();
    let merged = Format::new();
    sheet
        .merge_range(
            0,
            0,
            0,
            3,
            "Persentase Penduduk Miskin Menurut Kabupaten/Kota (Persen), 2023-2025",
            &merged,
        )
        .unwrap();
    sheet
        .merge_range(2, 0, 3, 0, "Kabupaten/Kota", &merged)
        .unwrap();
    sheet.merge_range(2, 1, 2, 3, "Tahun", &merged).unwrap();
    for (i, year) in [2023, 2024, 2025].iter().enumerate() {
        sheet.write_number(3, 1 + i as u16, *year).unwrap();
    }
    let rows: &[(&str, [Option<f64>; 3])] = &[
        ("Kab. Blitar", [Some(8.69), Some(8.16), Some(7.57)]),
        ("Kota Kediri", [Some(7.15), Some(6.51), None]),
        ("Kota Blitar", [None, Some(6.75), Some(6.60)]),
        ("3500 Jawa Timur", [Some(10.35), Some(9.79), Some(9.50)]),
        ("Indonesia", [Some(9.36), Some(9.03), Some(8.47)]),
    ];
    for (r, (name, values)) in rows.iter().enumerate() {
        let row = 4 + r as u32;
        sheet.write_string(row, 0, *name).unwrap();
        for (c, v) in values.iter().enumerate() {
            match v {
                Some(v) => sheet.write_number(row, 1 + c as u16, *v).unwrap(),
                None => sheet.write_string(row, 1 + c as u16, "…").unwrap(),
            };
        }
    }
    book.save(path).unwrap();
}

#[test]
fn a_bps_xlsx_table_reaches_the_report_page() {
    let site = sample_without_blitar_p0();
    write_p0_xlsx(&site.root().join("tabel.xlsx"));
    let run = site.run(&["impor", "tabel.xlsx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("3 angka ditambahkan, 8 sama, serta 2 ditambahkan ke daftar pembanding provinsi, 0 baris dilewati"),
        "{}",
        run.stderr
    );
    assert_eq!(
        site.read("content/kabupaten-blitar/indikator.yaml"),
        BLITAR_WITH_P0
    );
    assert_eq!(site.build().code, 0);
    assert_eq!(p0_cell(&site, 2025).as_deref(), Some("7,57"));
}

#[test]
fn a_conflicting_figure_is_not_overwritten_without_timpa() {
    let site = TestSite::sample();
    // 7,60 where the file says 7.57; 8,16 is the same.
    site.write(
        "p0.csv",
        "Persentase Penduduk Miskin;;\nKabupaten/Kota;2024;2025\nKabupaten Blitar;8,16;7,60\n",
    );
    let path = "content/kabupaten-blitar/indikator.yaml";
    let before = site.read(path);
    let run = site.run(&["impor", "p0.csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "bertentangan: content/kabupaten-blitar/indikator.yaml, tahun 2025, `p0`: tertulis 7,57, di tabel 7,6 (baris 3)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("0 angka ditambahkan, 1 sama, 1 bertentangan (tidak ditimpa; pakai --timpa)"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read(path), before, "the file must stay byte-identical");

    let run = site.run(&["impor", "p0.csv", "--timpa"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("ditimpa: content/kabupaten-blitar/indikator.yaml, tahun 2025, `p0`: 7,57 menjadi 7,6 (baris 3)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("1 sama, 1 ditimpa"), "{}", run.stderr);
    let after = site.read(path);
    assert_eq!(
        after,
        before.replace(
            "2025: {p0: 7.57, jumlah_penduduk_miskin: 89.04}",
            "2025: {p0: 7.6, jumlah_penduduk_miskin: 89.04}"
        )
    );
    assert_ne!(after, before);
}

#[test]
fn a_bad_cell_is_named_by_row_and_column_and_nothing_is_written() {
    let site = sample_without_blitar_p0();
    site.write("p0.csv", P0_CSV.replace("7,15;6,51", "7,15;6,5l"));
    let before = snapshot(&site.root().join("content"));
    let run = site.run(&["impor", "p0.csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("galat: baris 6, kolom C: `6,5l` bukan angka"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--> p0.csv:6:3"), "{}", run.stderr);
    assert!(
        run.stderr.contains("impor gagal: 1 galat"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(&site.root().join("content")), before);
}

/// A table that cannot be read is said in the planner's words: a CSV or a web page saved
/// under an Excel name, a file that is not there. No English system text, nothing written.
#[test]
fn a_csv_named_xls_a_web_page_and_a_missing_file_are_said_plainly() {
    let site = sample_without_blitar_p0();
    site.write("p0.xls", P0_CSV);
    site.write(
        "p0-web.xlsx",
        "<html><body><table><tr><td>Kabupaten Blitar</td><td>8,79</td></tr></table></body></html>",
    );
    let before = snapshot(&site.root().join("content"));
    let run = site.run(&["impor", "p0.xls"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat: berkas ini bernama `.xls` tetapi isinya teks (CSV), bukan buku kerja Excel\n  --> p0.xls\n  saran: ganti akhiran namanya dari `.xls` menjadi `.csv`"
        ),
        "{}",
        run.stderr
    );
    let run = site.run(&["impor", "p0-web.xlsx"]);
    assert!(
        run.stderr
            .contains("isinya halaman web (HTML) atau XML, bukan buku kerja Excel"),
        "{}",
        run.stderr
    );
    let run = site.run(&["impor", "tidak-ada.csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat: tabel tidak dapat dibaca: berkas atau folder itu tidak ada (kode sistem 2)\n  --> tidak-ada.csv"
        ),
        "{}",
        run.stderr
    );
    for english in ["os error", "No such file", "Cfb error", "Invalid OLE"] {
        assert!(!run.stderr.contains(english), "{}", run.stderr);
    }
    assert_eq!(snapshot(&site.root().join("content")), before);
}

#[test]
fn garis_kemiskinan_with_thousands_dots_and_an_english_site() {
    let site = TestSite::sample();
    let config = site.read("site.yaml").replace("bahasa: id", "bahasa: en");
    site.write("site.yaml", config);
    site.write(
        "gk.csv",
        "Garis Kemiskinan (Rupiah/Kapita/Bulan)\nKabupaten/Kota,2023,2024\nKota Kediri,\"587.723\",\"621.051\"\n",
    );
    let run = site.run(&["impor", "gk.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("import done: 0 figures added, 2 unchanged"),
        "{}",
        run.stderr
    );
}

#[test]
fn ambiguous_names_and_unknown_indicators_are_errors() {
    let site = TestSite::sample();
    // The site holds Kota Kediri only; give it a Kabupaten Kediri too.
    site.write(
        "content/kabupaten-kediri/wilayah.yaml",
        "nama: Kabupaten Kediri\njenis: kabupaten\nkode: \"35.06\"\nkode_bps: \"3506\"\nprovinsi: jawa-timur\n",
    );
    site.write(
        "content/kabupaten-kediri/indikator.yaml",
        "sumber: BPS Kabupaten Kediri\ndata:\n  2024: {p0: 10.53}\n",
    );
    site.write("p0.csv", "Wilayah;2024\nKediri;10,53\n");
    let run = site.run(&["impor", "p0.csv", "--indikator", "p0"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("baris 2, kolom A: nama `Kediri` dapat berarti lebih dari satu wilayah"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Kabupaten …"), "{}", run.stderr);
    site.write(
        "tabel.csv",
        "Tabel 1;\nWilayah;2024\nKabupaten Kediri;10,53\n",
    );
    let run = site.run(&["impor", "tabel.csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("--indikator"), "{}", run.stderr);
    let run = site.run(&["impor", "tabel.csv", "--indikator", "p00"]);
    assert!(
        run.stderr.contains("indikator `p00` tidak dikenal"),
        "{}",
        run.stderr
    );
    let run = site.run(&["impor", "tabel.csv", "--indikator", "p0"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("1 sama"), "{}", run.stderr);
}

#[test]
fn an_impossible_figure_leaves_every_file_as_it_was() {
    let site = sample_without_blitar_p0();
    site.write(
        "p0.csv",
        "Persentase Penduduk Miskin\nWilayah;2023\nKabupaten Blitar;108,69\n",
    );
    let before = snapshot(&site.root().join("content"));
    // --periksa and the real run agree: both refuse, and nothing is written by either.
    for args in [&["impor", "p0.csv", "--periksa"][..], &["impor", "p0.csv"]] {
        let run = site.run(args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("tidak ada berkas yang ditulis"),
            "{}",
            run.stderr
        );
        // Said at the table's cell, not at a line of a file the import never wrote.
        assert!(
            run.stderr.contains(
                "galat: p0 = 108,69 mustahil: nilainya harus antara 0 dan 100\n  --> p0.csv:3:2\n"
            ),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(
                "saran: angka di baris 3, kolom B akan ditulis ke content/kabupaten-blitar/indikator.yaml sebagai `p0` tahun 2023; perbaiki di tabel, lalu impor lagi; periksa angka ini dengan rilis BPS"
            ),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains("indikator.yaml:"), "{}", run.stderr);
        assert_eq!(snapshot(&site.root().join("content")), before);
    }
    // No shadow, journal or temporary file is left in the site.
    let left: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tkpk-impor") && n != ".tkpk-impor.kunci")
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// An import stopped while writing (here: its journal and originals on disk, one target
/// already replaced, as a kill would leave them) is rolled back by the next command, which
/// says so; a read-only target is refused with its path and keeps its mode.
#[cfg(unix)]
#[test]
fn an_interrupted_import_is_rolled_back_and_a_read_only_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let site = sample_without_blitar_p0();
    let file = "content/kabupaten-blitar/indikator.yaml";
    let original = site.read(file);
    let path = site.root().join(file);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    // What a kill after the first write leaves: the journal names the file, its original is
    // copied beside it, the file itself already holds the new text; a new program file too.
    let journal = site.root().join(".tkpk-impor");
    let lay_journal = |new_text: &str| {
        std::fs::create_dir_all(&journal).unwrap();
        std::fs::copy(&path, journal.join("asli-0")).unwrap();
        std::fs::write(journal.join("baru-0"), new_text).unwrap();
        std::fs::write(journal.join("baru-1"), "sumber: baru\n").unwrap();
        std::fs::write(
            journal.join("jurnal"),
            format!("0\tada\t{file}\n1\tbaru\tcontent/kabupaten-blitar/2024/program.yaml\n"),
        )
        .unwrap();
    };
    lay_journal("sumber: setengah ditulis\n");
    std::fs::write(&path, "sumber: setengah ditulis\n").unwrap();
    site.write(
        "content/kabupaten-blitar/2024/program.yaml",
        "sumber: baru\n",
    );
    let run = site.run(&["check"]);
    assert!(
        run.stderr.contains(
            "peringatan: impor sebelumnya terhenti di tengah jalan; 2 berkas dikembalikan"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(site.read(file), original);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600,
        "the mode is kept"
    );
    assert!(
        !site
            .root()
            .join("content/kabupaten-blitar/2024/program.yaml")
            .exists()
    );
    assert!(!journal.exists());
    // Said in the site's language: read from site.yaml before anything else is.
    let config = site.read("site.yaml");
    site.write("site.yaml", config.replace("bahasa: id", "bahasa: en"));
    lay_journal("sumber: setengah ditulis\n");
    std::fs::write(&path, "sumber: setengah ditulis\n").unwrap();
    let run = site.run(&["check"]);
    assert!(
        run.stderr.contains(
            "warning: an earlier import stopped half way; 1 file was put back as it was before it"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(site.read(file), original);
    site.write("site.yaml", &config);
    // Edited by hand after the kill: the edit is kept, the original saved beside it.
    lay_journal("sumber: setengah ditulis\n");
    std::fs::write(&path, "sumber: diubah tangan sesudahnya\n").unwrap();
    let run = site.run(&["check"]);
    assert!(
        run.stderr
            .contains("berkas yang sudah diubah sesudah impor itu dibiarkan"),
        "{}",
        run.stderr
    );
    assert_eq!(site.read(file), "sumber: diubah tangan sesudahnya\n");
    let saved = path.with_file_name("indikator.yaml.sebelum-impor");
    assert_eq!(std::fs::read_to_string(&saved).unwrap(), original);
    std::fs::remove_file(&saved).unwrap();
    std::fs::write(&path, &original).unwrap();
    // A rollback that cannot be done (an original missing) stops a build; check reports it.
    lay_journal("sumber: setengah ditulis\n");
    std::fs::write(&path, "sumber: setengah ditulis\n").unwrap();
    std::fs::remove_file(journal.join("asli-0")).unwrap();
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("belum dapat dibatalkan"),
        "{}",
        run.stderr
    );
    assert!(!site.output().exists());
    std::fs::remove_dir_all(&journal).unwrap();
    std::fs::write(&path, &original).unwrap();
    // A read-only file is refused with its path, and neither its bytes nor its mode change.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    site.write(
        "p0.csv",
        "Persentase Penduduk Miskin\nWilayah;2023\nKabupaten Blitar;8,69\n",
    );
    let run = site.run(&["impor", "p0.csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "galat: berkas `{file}` hanya-baca; tkpk tidak mengubahnya"
        )),
        "{}",
        run.stderr
    );
    assert_eq!(site.read(file), original);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
    // Writable again, the import goes through and keeps the mode it had.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let run = site.run(&["impor", "p0.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.read(file).contains("8.69"));
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

mod matrices {
    use super::common::matrix::{Kind, M, semester_rows, write_matrix_xlsx};
    use super::common::{Run, TestSite, cell, snapshot, texts};
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ProgramFile {
        sumber: String,
        #[serde(default)]
        ilustrasi: Option<bool>,
        #[serde(default)]
        belanja_daerah: Option<f64>,
        program: Vec<Program>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Program {
        strategi: u8,
        opd: String,
        kode: Option<String>,
        program: Option<String>,
        kegiatan: Option<String>,
        sub_kegiatan: String,
        tagging: String,
        alokasi: f64,
        sumber_dana: Option<String>,
        sifat_bantuan: Option<String>,
        lokasi: Option<String>,
        sasaran: Option<f64>,
        satuan_sasaran: Option<String>,
        besaran_manfaat: Option<String>,
        jenis_bantuan: Option<String>,
        durasi: Option<String>,
        realisasi_semester_1: Option<f64>,
        realisasi_semester_2: Option<f64>,
        perjalanan_dinas: Option<f64>,
        #[serde(default)]
        masalah: Vec<String>,
        #[serde(default)]
        kecamatan: Vec<String>,
    }

    const PROGRAM_YAML: &str = "content/kabupaten-blora/2025/program.yaml";
    const ARGS: &[&str] = &[
        "impor",
        "matriks.xlsx",
        "--wilayah",
        "kabupaten-blora",
        "--tahun",
        "2025",
    ];

    /// The sample site without Kabupaten Blora's programs of 2025, so that an import writes a
    /// new file.
    fn sample_without_blora_programs() -> TestSite {
        let site = TestSite::sample();
        site.remove(PROGRAM_YAML);
        site
    }

    /// A RAT matrix saved as CSV, for a year without programs yet.
    const CSV_ARGS: &[&str] = &[
        "impor",
        "rat.csv",
        "--wilayah",
        "kabupaten-blora",
        "--tahun",
        "2026",
    ];

    /// Writes the matrix that `ARGS` import, `matriks.xlsx`, into the site.
    fn write_matrix(site: &TestSite, kind: Kind, rows: &[Vec<M>]) {
        write_matrix_xlsx(&site.root().join("matriks.xlsx"), kind, rows);
    }

    fn read_programs(site: &TestSite) -> ProgramFile {
        let text = site.read(PROGRAM_YAML);
        serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{text}\n{e}"))
    }

    #[test]
    fn a_semester_matrix_becomes_program_yaml() {
        let site = sample_without_blora_programs();
        write_matrix(&site, Kind::Semester, &semester_rows());
        let run = site.run(ARGS);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stderr.contains(
                "impor selesai: 3 baris program ditulis ke content/kabupaten-blora/2025/program.yaml"
            ),
            "{}",
            run.stderr
        );
        let text = site.read(PROGRAM_YAML);
        assert!(
            text.starts_with("# Diimpor oleh `tkpk impor` dari matriks.xlsx, lembar \"Matriks\".\n# Tulis nama dokumen resminya di `sumber` (tampil di laporan), misalnya \"Matriks RAT TKPK Kabupaten … Tahun …\".\nsumber: \"Matriks program perangkat daerah yang dihimpun TKPK\"\n"),
            "{text}"
        );
        let file = read_programs(&site);
        // The report shows the source: a kind of document, no file or sheet name.
        assert_eq!(
            file.sumber,
            "Matriks program perangkat daerah yang dihimpun TKPK"
        );
        assert_eq!(file.program.len(), 3);
        let first = &file.program[0];
        assert_eq!(
            first,
            &Program {
                strategi: 1,
                opd: "Dinas Sosial P3A".into(),
                kode: Some("1.06.06.2.01.0003".into()),
                program: Some("Program Perlindungan dan Jaminan Sosial".into()),
                kegiatan: Some("Pengelolaan Data Fakir Miskin Cakupan Daerah".into()),
                sub_kegiatan: "Pendataan dan Pengelolaan Data Fakir Miskin Cakupan Daerah".into(),
                tagging: "langsung".into(),
                alokasi: 350_000_000.0,
                sumber_dana: Some("APBD".into()),
                sifat_bantuan: Some("Non tunai".into()),
                lokasi: Some("16 kecamatan".into()),
                sasaran: Some(1200.0),
                satuan_sasaran: Some("KPM".into()),
                besaran_manfaat: Some("Rp200.000/KPM/bulan".into()),
                jenis_bantuan: Some("Sembako".into()),
                durasi: Some("12 bulan".into()),
                realisasi_semester_1: Some(150_000_000.0),
                realisasi_semester_2: Some(180_000_000.0),
                perjalanan_dinas: None,
                masalah: Vec::new(),
                kecamatan: Vec::new(),
            }
        );
        let second = &file.program[1];
        assert_eq!(second.strategi, 2);
        assert_eq!(
            second.sub_kegiatan,
            "Pengembangan Kapasitas Kelompok Tani: \"Sumber Rejeki\" # 2"
        );
        assert_eq!(second.tagging, "tidak_langsung");
        assert_eq!(second.alokasi, 125_500_000.0);
        assert_eq!(
            (second.realisasi_semester_1, second.realisasi_semester_2),
            (None, Some(60_000_000.0))
        );
        assert_eq!((second.lokasi.as_ref(), second.sasaran), (None, None));
        let third = &file.program[2];
        assert_eq!((third.strategi, third.tagging.as_str()), (3, "penunjang"));
        assert_eq!(
            (third.sasaran, third.satuan_sasaran.as_ref()),
            (Some(40.0), None)
        );
        assert_eq!(third.realisasi_semester_1, Some(0.0));
        // The site still builds with the file in place.
        assert_eq!(site.build().code, 0);
    }

    #[test]
    fn a_rat_matrix_has_no_realisation() {
        let site = sample_without_blora_programs();
        write_matrix(&site, Kind::Rat, &semester_rows());
        let run = site.run(ARGS);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let file = read_programs(&site);
        assert_eq!(file.program.len(), 3);
        assert!(
            file.program
                .iter()
                .all(|p| p.realisasi_semester_2.is_none())
        );
    }

    fn with_bad_second_row() -> Vec<Vec<M>> {
        let mut rows = semester_rows();
        rows[1][7] = M::T("seratus juta");
        rows
    }

    /// Runs `tkpk ARGS…`: refused (exit code 1), every one of `errors` on stderr, and every file
    /// of `content/` byte-identical.
    fn assert_refused(site: &TestSite, args: &[&str], errors: &[&str]) {
        let before = snapshot(&site.root().join("content"));
        let run = site.run(args);
        assert_eq!(run.code, 1, "{}", run.stderr);
        for expected in errors {
            assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
        }
        assert_eq!(snapshot(&site.root().join("content")), before);
    }

    /// Runs `ARGS` on a matrix with broken rows: refused with `errors`; then with
    /// `--lewati-baris-rusak`: done, with `warning` on stderr.
    fn assert_refused_unless_skipping(site: &TestSite, errors: &[&str], warning: &str) -> Run {
        assert_refused(site, ARGS, errors);
        let mut args = ARGS.to_vec();
        args.push("--lewati-baris-rusak");
        let run = site.run(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stderr.contains(warning), "{warning}\n{}", run.stderr);
        run
    }

    #[test]
    fn a_bad_row_stops_the_import_unless_asked_to_skip_it() {
        let site = sample_without_blora_programs();
        write_matrix(&site, Kind::Semester, &with_bad_second_row());
        let run = assert_refused_unless_skipping(
            &site,
            &[
                "galat: lembar \"Matriks\", baris 8, kolom H: `alokasi` seharusnya angka (misalnya 350.000.000), tertulis `seratus juta`",
                "--> matriks.xlsx:8:8",
                "--lewati-baris-rusak",
            ],
            "peringatan: lembar \"Matriks\", baris 8, kolom H",
        );
        assert!(
            run.stderr.contains("2 baris program ditulis ke content/kabupaten-blora/2025/program.yaml, 1 baris rusak dilewati"),
            "{}",
            run.stderr
        );
        let file = read_programs(&site);
        let strategies: Vec<u8> = file.program.iter().map(|p| p.strategi).collect();
        assert_eq!(strategies, vec![1, 3]);
    }

    /// The sub-kegiatan of `semester_rows()` in file order, with their allocation as the
    /// report writes it (`Rp125.500.000` was typed as text in the matrix).
    const IMPORTED: &[(&str, &str)] = &[
        (
            "Pendataan dan Pengelolaan Data Fakir Miskin Cakupan Daerah",
            "Rp350.000.000",
        ),
        (
            "Pengembangan Kapasitas Kelompok Tani: \"Sumber Rejeki\" # 2",
            "Rp125.500.000",
        ),
        ("Rehabilitasi Rumah Tidak Layak Huni", "Rp2.000.000.000"),
    ];

    /// `#tabel-tagging` for `semester_rows()`, by hand: one sub-kegiatan per tagging;
    /// langsung 150 000 000 + 180 000 000 = 330 000 000 of 350 000 000 = 94,29 %;
    /// tidak langsung `-` + 60 000 000 of 125 500 000 = 47,81 %;
    /// penunjang 0 + 1 500 000 000 of 2 000 000 000 = 75,00 %.
    const TAGGING_SEMESTER: &[(&str, [&str; 4])] = &[
        ("Langsung", ["1", "Rp350.000.000", "Rp330.000.000", "94,29"]),
        (
            "Tidak langsung",
            ["1", "Rp125.500.000", "Rp60.000.000", "47,81"],
        ),
        (
            "Penunjang",
            ["1", "Rp2.000.000.000", "Rp1.500.000.000", "75,00"],
        ),
    ];

    /// The same for the RAT matrix, which has no realisation.
    const TAGGING_RAT: &[(&str, [&str; 4])] = &[
        ("Langsung", ["1", "Rp350.000.000", "–", "–"]),
        ("Tidak langsung", ["1", "Rp125.500.000", "–", "–"]),
        ("Penunjang", ["1", "Rp2.000.000.000", "–", "–"]),
    ];

    /// Builds the site and checks Kabupaten Blora's 2025 report shows the imported matrix.
    fn assert_report_shows_the_matrix(site: &TestSite, tagging: &[(&str, [&str; 4])]) {
        let run = site.build();
        assert_eq!(run.code, 0, "{}", run.stderr);
        let page = site.page("kabupaten-blora/2025/index.html");
        let names: Vec<String> = IMPORTED.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(texts(&page, "#tabel-rincian-program tbody th"), names);
        for (name, allocation) in IMPORTED {
            assert_eq!(
                cell(&page, "#tabel-rincian-program", name, 6).as_deref(),
                Some(*allocation),
                "{name}"
            );
        }
        assert_eq!(
            texts(&page, "#tabel-tagging tbody th"),
            tagging
                .iter()
                .map(|(t, _)| t.to_string())
                .collect::<Vec<_>>()
        );
        for (name, expected) in tagging {
            let row: Vec<Option<String>> = (0..4)
                .map(|c| cell(&page, "#tabel-tagging", name, c))
                .collect();
            let expected: Vec<Option<String>> =
                expected.iter().map(|e| Some(e.to_string())).collect();
            assert_eq!(row, expected, "{name}");
        }
    }

    /// Imports `semester_rows()` as a `kind` matrix into a new program.yaml, then builds.
    fn import_into_a_new_file(kind: Kind) -> TestSite {
        let site = sample_without_blora_programs();
        write_matrix(&site, kind, &semester_rows());
        let run = site.run(ARGS);
        assert_eq!(run.code, 0, "{}", run.stderr);
        site
    }

    #[test]
    fn a_semester_matrix_reaches_the_report_page() {
        let site = import_into_a_new_file(Kind::Semester);
        assert_report_shows_the_matrix(&site, TAGGING_SEMESTER);
    }

    #[test]
    fn a_rat_matrix_reaches_the_report_page() {
        let site = import_into_a_new_file(Kind::Rat);
        assert_report_shows_the_matrix(&site, TAGGING_RAT);
    }

    #[test]
    fn the_samples_program_yaml_is_replaced_only_with_timpa() {
        let site = TestSite::sample();
        write_matrix(&site, Kind::Semester, &semester_rows());
        let sample = site.read(PROGRAM_YAML);
        assert_refused(
            &site,
            ARGS,
            &[
                "galat: `content/kabupaten-blora/2025/program.yaml` sudah ada; tidak ditimpa",
                "saran: jalankan lagi dengan `--timpa`",
            ],
        );

        let mut args = ARGS.to_vec();
        args.push("--timpa");
        let run = site.run(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        // Comments, sumber, ilustrasi and belanja_daerah above the list stay as written.
        let kept = &sample[..sample.find("\nprogram:\n").unwrap() + "\nprogram:\n".len()];
        let text = site.read(PROGRAM_YAML);
        assert!(text.starts_with(kept), "{text}");
        let file = read_programs(&site);
        assert_eq!(file.ilustrasi, Some(true));
        assert_eq!(file.belanja_daerah, Some(2_300_000_000_000.0));
        assert_eq!(file.program.len(), 3);
        assert_report_shows_the_matrix(&site, TAGGING_SEMESTER);
    }

    #[test]
    fn a_matrix_without_a_tagging_column_is_refused() {
        let site = TestSite::sample();
        site.write(
            "rat.csv",
            "STRATEGI;PERANGKAT DAERAH;SUB KEGIATAN;ALOKASI (Rp);SUMBER PEMBIAYAAN\n\
             1;Dinas Sosial;Bantuan Sosial;1.250.000.000;APBD\n",
        );
        for skip in [false, true] {
            let mut args = CSV_ARGS.to_vec();
            if skip {
                args.push("--lewati-baris-rusak");
            }
            assert_refused(
                &site,
                &args,
                &[
                    "galat: baris 1, kolom F: kolom `tagging` tidak ditemukan di baris judul matriks",
                    "--> rat.csv:1:6",
                    "tambahkan kolom `Tagging` berisi `langsung`, `tidak langsung` atau `penunjang`",
                ],
            );
        }
    }

    #[test]
    fn blank_and_misspelt_tagging_cells_are_named_by_sheet_row_and_column() {
        let site = sample_without_blora_programs();
        let mut rows = semester_rows();
        rows[0][6] = M::E;
        rows[1][6] = M::T("Tidak Lansung");
        write_matrix(&site, Kind::Semester, &rows);
        assert_refused_unless_skipping(
            &site,
            &[
                "galat: lembar \"Matriks\", baris 7, kolom G: `tagging` kosong; seharusnya `langsung`, `tidak langsung` atau `penunjang`",
                "--> matriks.xlsx:7:7",
                "galat: lembar \"Matriks\", baris 8, kolom G: `tagging` seharusnya `langsung`, `tidak langsung` atau `penunjang`, tertulis `Tidak Lansung`",
                "--> matriks.xlsx:8:7",
                "mungkin maksud Anda `tidak langsung`?",
            ],
            "peringatan: lembar \"Matriks\", baris 7, kolom G",
        );
        let file = read_programs(&site);
        let kept: Vec<(u8, &str)> = file
            .program
            .iter()
            .map(|p| (p.strategi, p.tagging.as_str()))
            .collect();
        assert_eq!(kept, vec![(3, "penunjang")]);
        assert_eq!(site.build().code, 0);
    }

    #[test]
    fn a_matrix_needs_its_region_and_year() {
        let site = TestSite::sample();
        write_matrix(&site, Kind::Semester, &semester_rows());
        let run = site.run(&["impor", "matriks.xlsx"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            run.stderr
                .contains("matriks program perlu wilayah dan tahunnya"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains("--wilayah kabupaten-blora --tahun 2025"),
            "{}",
            run.stderr
        );
    }

    #[test]
    fn a_csv_matrix_with_a_one_row_header() {
        let site = TestSite::sample();
        site.write(
            "rat.csv",
            "STRATEGI;PERANGKAT DAERAH;KODE;PROGRAM;KEGIATAN;SUB-KEGIATAN;TAGGING;ALOKASI (Rp);SUMBER PEMBIAYAAN;Perjalanan Dinas\n\
             Strategi 1;Dinas Sosial;1.06;P;K;Bantuan Sosial;langsung;\"1.250.000.000\";APBD;\"25.000.000\"\n\
             TOTAL;;;;;;;1.250.000.000;;\n",
        );
        let run = site.run(CSV_ARGS);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let text = site.read("content/kabupaten-blora/2026/program.yaml");
        let file: ProgramFile = serde_saphyr::from_str(&text).unwrap();
        assert_eq!(
            file.sumber,
            "Matriks program perangkat daerah yang dihimpun TKPK"
        );
        assert!(
            text.starts_with("# Diimpor oleh `tkpk impor` dari rat.csv.\n"),
            "{text}"
        );
        assert_eq!(file.program.len(), 1);
        assert_eq!(file.program[0].alokasi, 1_250_000_000.0);
        assert_eq!(file.program[0].perjalanan_dinas, Some(25_000_000.0));
    }

    /// Columns an agency adds for the priority problems and the kecamatan: names or keys,
    /// separated by `;` or `,`, written as lists of keys and names; a name that is no basic
    /// service is a cell error with the nearest key.
    #[test]
    fn problems_and_kecamatan_columns_become_lists() {
        let site = TestSite::sample();
        let csv = "STRATEGI;PERANGKAT DAERAH;SUB-KEGIATAN;TAGGING;ALOKASI (Rp);MASALAH PRIORITAS;KECAMATAN\n\
             3;Dinas PUPR;Jamban Sehat;langsung;\"300.000.000\";\"Rumah tangga dengan akses sanitasi layak; air minum layak\";Jepon, Blora\n\
             2;Dinas Koperasi;Pelatihan;tidak langsung;\"50.000.000\";;\n";
        site.write("rat.csv", csv);
        let run = site.run(CSV_ARGS);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let text = site.read("content/kabupaten-blora/2026/program.yaml");
        assert!(
            text.contains("    masalah: [\"sanitasi_layak\", \"air_minum_layak\"]\n    kecamatan: [\"Jepon\", \"Blora\"]\n"),
            "{text}"
        );
        let file: ProgramFile = serde_saphyr::from_str(&text).unwrap();
        assert!(file.program[1].masalah.is_empty() && file.program[1].kecamatan.is_empty());
        site.remove("content/kabupaten-blora/2026/program.yaml");
        site.write("rat.csv", csv.replace("air minum layak", "air minum"));
        let run = site.run(CSV_ARGS);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            run.stderr.contains("galat: baris 2, kolom F: `masalah prioritas` seharusnya kunci atau nama indikator layanan dasar"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("--> rat.csv:2:6"), "{}", run.stderr);
        assert!(
            run.stderr
                .contains("mungkin maksud Anda `air_minum_layak`?"),
            "{}",
            run.stderr
        );
        assert!(
            !site
                .root()
                .join("content/kabupaten-blora/2026/program.yaml")
                .exists()
        );
    }
}

/// A figure the import writes that is implausible (people counted one by one in a field of
/// thousands) is said with the import, not first at the next check.
#[test]
fn an_implausible_imported_figure_is_said_at_once() {
    let site = TestSite::sample();
    site.write(
        "miskin.csv",
        "Jumlah Penduduk Miskin (ribu jiwa)\nWilayah;2023\nKabupaten Blitar;95910\n",
    );
    let run = site.run(&["impor", "miskin.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "peringatan: jumlah penduduk miskin 2023 (95.910,00 ribu jiwa) dengan P0 8,69 persen"
        ),
        "{}",
        run.stderr
    );
}

/// Rows left out are named: a name close to one of the site's regions is a warning at its row
/// with "did you mean", the others one note; `--wilayah X` with no row of X is an error.
#[test]
fn skipped_rows_are_named_and_a_misspelling_is_caught() {
    let site = sample_without_blitar_p0();
    site.write(
        "p0.csv",
        "Persentase Penduduk Miskin\nWilayah;2023\nKabupaten Blitr;8,69\nKabupaten Madiun;10,1\n",
    );
    let run = site.run(&["impor", "p0.csv"]);
    assert!(
        run.stderr.contains(
            "peringatan: baris 3, \"Kabupaten Blitr\", tidak cocok dengan wilayah mana pun di situs dan dilewati"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("saran: mungkin maksud Anda `Kabupaten Blitar`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("dilewati (tidak ada di situs): Kabupaten Madiun"),
        "{}",
        run.stderr
    );
    let run = site.run(&["impor", "p0.csv", "--wilayah", "kabupaten-blitar"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat: tabel tidak memuat baris untuk wilayah `kabupaten-blitar`; tidak ada yang diimpor"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("mungkin maksud Anda `Kabupaten Blitr`?"),
        "{}",
        run.stderr
    );
}

/// A planner's first day, replayed: `tkpk new` for Kabupaten Ponorogo, then a BPS province
/// table with the province's row and a misspelt regency. The illustrative figures are replaced
/// without `--timpa` and lose their marks, the province's figures go to the province's file
/// and never into the regency's, the misspelling is named with a suggestion, and `tkpk check`
/// lists what is still illustrative. (Ponorogo's figures here are test values; Jawa Timur's
/// are BPS's, as in `P0_CSV`.)
#[test]
fn a_planners_first_day_replaces_illustrative_figures_and_keeps_the_province_apart() {
    let dir = tempfile::tempdir().unwrap();
    let tkpk = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_tkpk"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stderr) = tkpk(&[
        "new",
        "situs-ponorogo",
        "--wilayah",
        "Kabupaten Ponorogo",
        "--provinsi",
        "Jawa Timur",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let site = dir.path().join("situs-ponorogo");
    let regency = site.join("content/kabupaten-ponorogo/indikator.yaml");
    let province = site.join("content/referensi/jawa-timur.yaml");
    std::fs::write(
        site.join("p0.csv"),
        "Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota di Provinsi Jawa Timur (Persen)\n\
         Kabupaten/Kota;2024;2025\n\
         Ponorogo;9,21;8,79\n\
         Kabupaten Ponorgo;1,00;2,00\n\
         Jawa Timur;9,79;9,50\n",
    )
    .unwrap();
    let (code, stderr) = tkpk(&["impor", "situs-ponorogo/p0.csv", "--root", "situs-ponorogo"]);
    assert_eq!(code, 0, "{stderr}");
    for said in [
        "angka ilustrasi diganti: content/kabupaten-ponorogo/indikator.yaml, tahun 2024, `p0`: 10 (ilustrasi) menjadi 9,21 (baris 3)",
        "angka ilustrasi diganti: content/kabupaten-ponorogo/indikator.yaml, tahun 2025, `p0`: 9,5 (ilustrasi) menjadi 8,79 (baris 3)",
        "peringatan: baris 4, \"Kabupaten Ponorgo\", tidak cocok dengan wilayah mana pun di situs dan dilewati",
        "saran: mungkin maksud Anda `Kabupaten Ponorogo`?",
        "impor selesai: 2 angka ditambahkan, 0 sama, 2 angka ilustrasi diganti, 1 baris dilewati",
    ] {
        assert!(stderr.contains(said), "`{said}` not in:\n{stderr}");
    }
    assert!(!stderr.contains("--timpa"), "{stderr}");
    let regency_text = std::fs::read_to_string(&regency).unwrap();
    assert!(
        regency_text.contains("2025: {p0: 8.79, jumlah_penduduk_miskin: 47.50}"),
        "{regency_text}"
    );
    assert!(
        regency_text.contains(
            "ilustrasi:\n  2024: [jumlah_penduduk_miskin]\n  2025: [jumlah_penduduk_miskin]\n"
        ),
        "{regency_text}"
    );
    assert!(!regency_text.contains("9.5\n") && !regency_text.contains("9.79"));
    let province_text = std::fs::read_to_string(&province).unwrap();
    assert!(
        province_text.contains("2024: {p0: 9.79}") && province_text.contains("2025: {p0: 9.5}"),
        "{province_text}"
    );
    // `check` names what is still illustrative (the number of poor), not P0.
    let (code, stderr) = tkpk(&["check", "--root", "situs-ponorogo"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("angka ilustrasi (contoh, bukan angka resmi) masih dipakai untuk Kabupaten Ponorogo: 2024: jumlah_penduduk_miskin; 2025: jumlah_penduduk_miskin\n  --> content/kabupaten-ponorogo/indikator.yaml"),
        "{stderr}"
    );
    // The report marks the illustrative figure, and only it.
    let (code, stderr) = tkpk(&["build", "--root", "situs-ponorogo"]);
    assert_eq!(code, 0, "{stderr}");
    let html =
        std::fs::read_to_string(site.join("output/kabupaten-ponorogo/2025/index.html")).unwrap();
    let page = scraper::Html::parse_document(&html);
    let rows = scraper::Selector::parse("table.indikator tbody tr").unwrap();
    let badge = scraper::Selector::parse(".lencana-ilustrasi").unwrap();
    let source = scraper::Selector::parse("td.sumber").unwrap();
    let mut seen = 0;
    for row in page.select(&rows) {
        let label = row.value().attr("data-indikator").unwrap_or_default();
        let marked = row.select(&badge).count();
        let shown = row
            .select(&source)
            .next()
            .unwrap()
            .text()
            .collect::<String>();
        if label.contains("P0") {
            assert_eq!(marked, 0, "{label}");
            assert_eq!(shown, "BPS Kabupaten Ponorogo, Susenas Maret");
            seen += 1;
        } else if label.to_lowercase().contains("penduduk miskin") {
            assert_eq!(marked, 2, "figure and change of {label}");
            assert_eq!(shown, "ILUSTRASI, bukan angka resmi");
            seen += 1;
        }
    }
    assert_eq!(seen, 2, "{html}");
    // The sentence says which of its figures are illustrative, and the page says why.
    assert!(
        html.contains(
            "jumlah penduduk miskin berkurang 2,50 ribu jiwa (angka ilustrasi, bukan angka resmi)."
        ),
        "{html}"
    );
    assert!(html.contains("Sebagian angka laporan ini adalah ilustrasi"));
    // The second table replaces the rest: nothing illustrative is left among the figures.
    std::fs::write(
        site.join("miskin.csv"),
        "Jumlah Penduduk Miskin Menurut Kabupaten/Kota di Provinsi Jawa Timur (Ribu Jiwa)\n\
         Kabupaten/Kota;2024;2025\n\
         Ponorogo;80,10;76,40\n",
    )
    .unwrap();
    let (code, stderr) = tkpk(&[
        "impor",
        "situs-ponorogo/miskin.csv",
        "--root",
        "situs-ponorogo",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("2 angka ilustrasi diganti"), "{stderr}");
    let regency_text = std::fs::read_to_string(&regency).unwrap();
    assert!(!regency_text.contains("\nilustrasi:"), "{regency_text}");
    let (_, stderr) = tkpk(&["check", "--root", "situs-ponorogo"]);
    assert!(!stderr.contains("angka ilustrasi"), "{stderr}");
    let (code, stderr) = tkpk(&["build", "--root", "situs-ponorogo"]);
    assert_eq!(code, 0, "{stderr}");
    let html =
        std::fs::read_to_string(site.join("output/kabupaten-ponorogo/2025/index.html")).unwrap();
    for gone in [
        "angka ilustrasi",
        "Sebagian angka laporan ini",
        "ILUSTRASI, bukan angka resmi",
    ] {
        assert!(!html.contains(gone), "`{gone}` still in the report");
    }
}

#[test]
fn an_impossible_comparison_figure_is_said_at_its_table_cell() {
    let site = sample_without_blitar_p0();
    site.write(
        "p0-jatim.csv",
        P0_CSV.replace(
            "[3572] Kota Blitar;…;6,75;6,60",
            "[3572] Kota Blitar;…;6,75;106,60",
        ),
    );
    let before = snapshot(&site.root().join("content"));
    let run = site.run(&["impor", "p0-jatim.csv", "--tahun", "2025"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("--> p0-jatim.csv:7:4\n  saran: angka di baris 7, kolom D akan ditulis ke content/referensi/jawa-timur.yaml sebagai `p0` tahun 2025 untuk Kota Blitar; perbaiki di tabel, lalu impor lagi"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("jawa-timur.yaml:"), "{}", run.stderr);
    assert_eq!(snapshot(&site.root().join("content")), before);
}

/// `--tahun` narrows the comparison rows too: only that year reaches `pembanding:`.
#[test]
fn tahun_narrows_the_comparison_list_too() {
    let site = sample_without_blitar_p0();
    site.write("p0-jatim.csv", P0_CSV);
    let run = site.run(&["impor", "p0-jatim.csv", "--tahun", "2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let province = site.read("content/referensi/jawa-timur.yaml");
    assert!(
        province.ends_with(
            "pembanding:\n  - {nama: Kota Blitar, kode_bps: \"3572\", data: {2025: {p0: 6.6}}}\n"
        ),
        "{province}"
    );
}
