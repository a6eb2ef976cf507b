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

fn sample_without_blitar_p0() -> TestSite {
    let site = TestSite::sample();
    site.write("content/kabupaten-blitar/indikator.yaml", BLITAR_WITHOUT_P0);
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
            "impor selesai: 3 angka ditambahkan, 8 sama, 1 baris dilewati (wilayah tidak ada di situs) dalam "
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        site.read("content/kabupaten-blitar/indikator.yaml"),
        BLITAR_WITH_P0
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
        again.stderr.contains("0 angka ditambahkan, 11 sama"),
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
            .contains("tidak ada yang ditulis: 3 angka akan ditambahkan"),
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
            .contains("3 angka ditambahkan, 8 sama, 1 baris dilewati"),
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
    let run = site.run(&["impor", "p0.csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("dikembalikan seperti semula"),
        "{}",
        run.stderr
    );
    assert_eq!(snapshot(&site.root().join("content")), before);
}
