//! The downloads beside every report and sheet: the XLSX workbooks read back (calamine) hold
//! the same figures as the CSV files, the matrices keep the form's column order, and the JSON
//! documents the same tables.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::TestSite;
use std::path::Path;

/// The CSV as records (the byte-order mark taken off; the empty line before the sources is
/// skipped, so source lines are the one-field records after the table).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("byte-order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// A sheet as rows of cells; the table's header is on the sheet's second row (the title is
/// in A1).
fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let range = book.worksheet_range(name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn sheet_names(path: &Path) -> Vec<String> {
    let book: Xlsx<_> = open_workbook(path).unwrap();
    book.sheet_names()
}

/// A CSV field and the workbook's cell say the same: numbers equal as numbers, text equal
/// once the CSV's formula guard (`'`) is taken off.
fn same(csv: &str, cell: &Data) -> bool {
    match cell {
        Data::Float(v) => csv.parse::<f64>().is_ok_and(|c| c == *v),
        Data::Int(v) => csv.parse::<i64>().is_ok_and(|c| c == *v),
        Data::String(s) => csv == s || csv.strip_prefix('\'') == Some(s.as_str()),
        Data::Empty => csv.is_empty(),
        other => panic!("unexpected cell {other:?}"),
    }
}

#[test]
fn every_workbook_sheet_holds_the_figures_of_its_csv() {
    let site = TestSite::built_sample();
    let mut compared = 0;
    for (dir, stem) in [
        ("kabupaten-blora/2025/unduh", "laporan-kabupaten-blora-2025"),
        (
            "kabupaten-blora/2025/unduh",
            "penilaian-kabupaten-blora-2025",
        ),
        (
            "kabupaten-blitar/2024/unduh",
            "laporan-kabupaten-blitar-2024",
        ),
    ] {
        let dir = site.output().join(dir);
        let book = dir.join(format!("{stem}.xlsx"));
        let names = sheet_names(&book);
        assert!(!names.is_empty(), "{book:?} has no sheet");
        for name in names {
            let csv = std::fs::read_to_string(dir.join(format!("{name}.csv")))
                .unwrap_or_else(|e| panic!("no CSV for sheet {name}: {e}"));
            let csv = parse_csv(&csv);
            let rows = sheet(&book, &name);
            // The header and the data rows: the records as wide as the header.
            let table_rows: Vec<&Vec<String>> =
                csv.iter().take_while(|r| r.len() == csv[0].len()).collect();
            assert!(table_rows.len() >= 2, "{name}: no data row");
            for (i, csv_row) in table_rows.iter().enumerate() {
                let xlsx_row = &rows[i + 1];
                for (j, field) in csv_row.iter().enumerate() {
                    let cell = xlsx_row.get(j).unwrap_or(&Data::Empty);
                    assert!(
                        same(field, cell),
                        "{stem} {name} row {i} column {j}: CSV {field:?}, XLSX {cell:?}"
                    );
                    compared += 1;
                }
            }
            // The sources under the table are in both.
            let sources: Vec<&String> = csv.iter().skip(table_rows.len()).map(|r| &r[0]).collect();
            assert!(!sources.is_empty(), "{name}: no source line");
            let footer: Vec<String> = rows
                .iter()
                .skip(table_rows.len() + 2)
                .filter_map(|r| match r.first() {
                    Some(Data::String(s)) => Some(s.clone()),
                    _ => None,
                })
                .collect();
            for s in sources {
                assert!(
                    footer.contains(s),
                    "{name}: source line {s:?} not in {footer:?}"
                );
            }
        }
    }
    assert!(compared > 300, "only {compared} cells compared");
}

#[test]
fn the_semester_and_rat_matrices_keep_the_form_column_order() {
    let site = TestSite::built_sample();
    let dir = site.output().join("kabupaten-blora/2025/unduh");
    let form = [
        "Strategi",
        "Perangkat Daerah",
        "Kode",
        "Program",
        "Kegiatan",
        "Sub Kegiatan",
        "Tagging",
        "Alokasi (Rp)",
        "Sumber Pembiayaan",
        "Sifat Bantuan",
        "Lokasi",
        "Jumlah Sasaran",
        "Besaran Manfaat",
        "Jenis Bantuan",
        "Durasi",
        "Realisasi Semester I (Rp)",
        "Realisasi Semester II (Rp)",
        "Realisasi Total (Rp)",
    ];
    let semester = dir.join("matriks-laporan-semester-kabupaten-blora-2025.xlsx");
    let rows = sheet(&semester, "matriks_semester");
    let header: Vec<String> = rows[1].iter().map(|c| c.to_string()).collect();
    assert_eq!(header, form);
    // A1 names the matrix, the region and the year.
    assert!(
        rows[0][0].to_string().contains("Kabupaten Blora, 2025"),
        "{:?}",
        rows[0][0]
    );
    let data: Vec<&Vec<Data>> = rows[2..]
        .iter()
        .take_while(|r| !matches!(r.first(), Some(Data::Empty) | None))
        .filter(|r| matches!(r[0], Data::Float(_) | Data::Int(_)))
        .collect();
    assert_eq!(
        data.len(),
        8,
        "eight sub-kegiatan in the sample's program.yaml"
    );
    // The first sub-kegiatan of program.yaml, figure by figure.
    assert_eq!(data[0][0], Data::Float(1.0));
    assert_eq!(
        data[0][5].to_string(),
        "Pengelolaan Data Fakir Miskin Cakupan Daerah Kabupaten/Kota"
    );
    assert_eq!(data[0][6].to_string(), "Penunjang");
    assert_eq!(data[0][7], Data::Float(450_000_000.0));
    assert_eq!(data[0][15], Data::Float(180_000_000.0));
    assert_eq!(data[0][16], Data::Float(240_000_000.0));
    assert_eq!(data[0][17], Data::Float(420_000_000.0));
    // The allocation column sums to the programme total shown on the page.
    let total: f64 = data
        .iter()
        .map(|r| match r[7] {
            Data::Float(v) => v,
            ref other => panic!("allocation {other:?}"),
        })
        .sum();
    assert_eq!(total, 40_975_000_000.0);

    let rat = dir.join("matriks-rat-kabupaten-blora-2025.xlsx");
    let rows = sheet(&rat, "matriks_rat");
    let header: Vec<String> = rows[1].iter().map(|c| c.to_string()).collect();
    assert_eq!(header, form[..15], "a plan has no realisation columns");

    // Both matrices are offered on the report page, and only where programmes exist.
    let page = site.page("kabupaten-blora/2025/index.html");
    let links = common::texts(&page, ".unduhan-matriks a");
    assert_eq!(links.len(), 2, "{links:?}");
    let page = site.page("kabupaten-blitar/2024/index.html");
    assert!(common::texts(&page, ".unduhan-matriks a").is_empty());
    assert!(
        !site
            .output()
            .join("kabupaten-blitar/2024/unduh/matriks-rat-kabupaten-blitar-2024.xlsx")
            .exists()
    );
}

#[test]
fn the_json_document_holds_every_table_with_units_and_sources() {
    let site = TestSite::built_sample();
    let dir = site.output().join("kabupaten-blora/2025/unduh");
    let text = std::fs::read_to_string(dir.join("laporan-kabupaten-blora-2025.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let tables = doc["tabel"].as_array().unwrap();
    let names: Vec<&str> = tables.iter().map(|t| t["nama"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "indikator",
            "pembanding",
            "deret_waktu",
            "target",
            "layanan_desil",
            "program_strategi",
            "program_tagging",
            "program_opd",
            "program_sumber_dana",
            "matriks_semester",
            "program_masalah",
            "program_kecamatan",
            "kantong_kemiskinan",
            "dokumen",
            "rapat",
            "laporan_terkirim",
            "verifikasi_data",
        ]
    );
    // One CSV per table, and the page lists each.
    for name in &names {
        assert!(dir.join(format!("{name}.csv")).is_file(), "{name}.csv");
    }
    let page = site.page("kabupaten-blora/2025/index.html");
    assert_eq!(common::texts(&page, ".unduhan-csv a").len(), names.len());
    // P0 of 2025 at full precision, with its source.
    let indicators = &tables[0];
    let p0 = indicators["baris"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[0].as_str().unwrap().contains("(P0)"))
        .unwrap();
    assert_eq!(p0[2], serde_json::json!(10.58));
    assert_eq!(p0[3], serde_json::json!(-0.84));
    assert!(!indicators["sumber"].as_array().unwrap().is_empty());
    // Money columns carry their unit; the illustrative programmes say so.
    let tagging = &tables[5];
    assert_eq!(tagging["kolom"][2]["satuan"], "Rp");
    assert!(
        tagging["catatan"].as_str().unwrap().contains("ilustrasi"),
        "{}",
        tagging["catatan"]
    );
    // The tagging sums of the sample: computed by hand from program.yaml.
    let rows = tagging["baris"].as_array().unwrap();
    let allocated: f64 = rows.iter().map(|r| r[2].as_f64().unwrap()).sum();
    assert_eq!(allocated, 40_975_000_000.0);
}

#[test]
fn the_evaluation_sheet_offers_its_components_and_checklist() {
    let site = TestSite::built_sample();
    // Blora 2025 has every item of the 2025 evidence list, Blitar 2025 none.
    for (slug, missing) in [("kabupaten-blora", 0), ("kabupaten-blitar", 5)] {
        let dir = site.output().join(format!("{slug}/2025/unduh"));
        let csv = parse_csv(&std::fs::read_to_string(dir.join("penilaian_bukti.csv")).unwrap());
        let page = site.page(&format!("{slug}/2025/penilaian/index.html"));
        // The CSV lists the evidence rows of the page's checklist, with the same status.
        let on_page = page
            .select(&scraper::Selector::parse("tr[data-bukti]").unwrap())
            .map(|tr| {
                (
                    tr.value().attr("data-bukti").unwrap().to_string(),
                    tr.value().attr("class").unwrap() == "ada",
                )
            })
            .collect::<Vec<_>>();
        let in_csv: Vec<(String, bool)> = csv[1..]
            .iter()
            .take_while(|r| r.len() > 2)
            .map(|r| (r[0].clone(), r[2] == "ada"))
            .collect();
        assert_eq!(in_csv, on_page, "{slug}");
        assert_eq!(
            in_csv.iter().filter(|(_, ada)| !ada).count(),
            missing,
            "{slug}"
        );
        // Links from the sheet (one folder down) resolve to the year's download folder.
        let hrefs: Vec<String> = page
            .select(&scraper::Selector::parse(".unduhan a").unwrap())
            .map(|a| a.value().attr("href").unwrap().to_string())
            .collect();
        assert!(hrefs.len() >= 4, "{hrefs:?}");
        assert!(
            hrefs.iter().all(|h| h.starts_with("../unduh/")),
            "{hrefs:?}"
        );
        let sheet_dir = site.output().join(format!("{slug}/2025/penilaian"));
        for h in &hrefs {
            assert!(sheet_dir.join(h).is_file(), "{h}");
        }
    }
    // A measure that cannot be computed has no result but says what is missing.
    let dir = site.output().join("kabupaten-blora/2025/unduh");
    let components =
        parse_csv(&std::fs::read_to_string(dir.join("penilaian_komponen.csv")).unwrap());
    let p1 = components
        .iter()
        .find(|r| r.get(2).map(String::as_str) == Some("p1"))
        .unwrap();
    assert_eq!(p1[4], "");
    assert!(p1[9].contains("p1"), "{p1:?}");
    // Results are numbers at full precision, with their unit beside them: the 2025 realisation
    // rate is semester I's, Σ realisation ÷ Σ allocation of the matrix's rows that report one.
    assert_eq!(
        components[0][4..7],
        [
            "Nilai".to_string(),
            "Satuan".to_string(),
            "Tahun sebelumnya".to_string()
        ]
    );
    let matrix = parse_csv(&std::fs::read_to_string(dir.join("matriks_semester.csv")).unwrap());
    let col = |name: &str| matrix[0].iter().position(|h| h == name).unwrap();
    let (alloc, total) = (col("Alokasi (Rp)"), col("Realisasi Semester I (Rp)"));
    let (mut realised, mut budget) = (0.0, 0.0);
    for row in &matrix[1..] {
        if let Some(Ok(r)) = row.get(total).map(|c| c.parse::<f64>()) {
            realised += r;
            budget += row[alloc].parse::<f64>().unwrap();
        }
    }
    let rate = components
        .iter()
        .find(|r| r[2] == "tingkat_realisasi")
        .unwrap();
    assert_eq!(
        rate[4].parse::<f64>(),
        Ok(realised / budget * 100.0),
        "{rate:?}"
    );
    assert_eq!(rate[5], "%");
    assert_eq!(rate[7], "40,15 % (semester I)", "the worded result stays");
    // A change says the year it is taken from and is in points of a percentage.
    let p0 = components.iter().find(|r| r[2] == "p0").unwrap();
    assert_eq!(
        (p0[1].as_str(), p0[5].as_str(), p0[6].as_str()),
        ("40", "poin", "2024"),
        "{p0:?}"
    );
    // The workbook holds the same figure as a number, not as text.
    let book = sheet(
        &dir.join("penilaian-kabupaten-blora-2025.xlsx"),
        "penilaian_komponen",
    );
    let cell = book
        .iter()
        .find(|r| r.get(2) == Some(&Data::String("tingkat_realisasi".into())))
        .map(|r| r[4].clone());
    assert_eq!(cell, Some(Data::Float(realised / budget * 100.0)));
}

#[test]
fn downloads_can_be_switched_off_in_site_yaml() {
    let site = TestSite::sample();
    let config = site.read("site.yaml");
    site.write("site.yaml", format!("{config}\nunduhan: false\n"));
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files = common::snapshot(&site.output());
    assert!(files.keys().all(|p| !p.contains("/unduh/")));
    let page = site.page("kabupaten-blora/2025/index.html");
    assert!(common::texts(&page, ".unduhan a, .tautan-unduhan").is_empty());
    // A value that is not true or false is named with its place.
    site.write("site.yaml", format!("{config}\nunduhan: ya\n"));
    let run = site.build();
    assert_eq!(run.code, 1);
    let line = config.lines().count() + 2;
    assert!(
        run.stderr.contains(&format!("site.yaml:{line}:")),
        "{}",
        run.stderr
    );
}

/// The semester matrix tkpk writes is one `tkpk impor` reads: imported over the sample's own
/// program.yaml, the programme tables of the rebuilt report are unchanged.
#[test]
fn the_semester_matrix_imports_back_into_the_same_programme_tables() {
    let site = TestSite::built_sample();
    let matrix = site
        .output()
        .join("kabupaten-blora/2025/unduh/matriks-laporan-semester-kabupaten-blora-2025.xlsx");
    let copy = site.root().join("matriks.xlsx");
    std::fs::copy(&matrix, &copy).unwrap();
    let tables = |site: &TestSite| {
        let page = site.page("kabupaten-blora/2025/index.html");
        [
            "#tabel-rincian-program td",
            "#tabel-tagging td",
            "#tabel-opd td",
        ]
        .map(|s| common::texts(&page, s))
    };
    let before = tables(&site);
    assert!(before[0].len() > 50, "{:?}", before[0]);
    let run = site.run(&[
        "impor",
        "matriks.xlsx",
        "--wilayah",
        "kabupaten-blora",
        "--tahun",
        "2025",
        "--timpa",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = site.read("content/kabupaten-blora/2025/program.yaml");
    assert_eq!(written.matches("sub_kegiatan:").count(), 8);
    let rebuilt = site.build();
    assert_eq!(rebuilt.code, 0, "{}", rebuilt.stderr);
    assert_eq!(tables(&site), before);
}

/// Every table and link is titled in words: no key of the code (`data_sasaran`, `rapat`)
/// stands where a planner reads a title.
#[test]
fn every_download_is_titled_in_words_not_keys() {
    let site = TestSite::built_sample();
    let key_like = |s: &str| {
        s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|w| w.contains('_') && w.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
    };
    let mut titles = 0;
    for entry in walkdir::WalkDir::new(site.output()).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".json") && path.to_string_lossy().contains("/unduh/") {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            for t in v["tabel"].as_array().unwrap() {
                let title = t["judul"].as_str().unwrap();
                let key = t["nama"].as_str().unwrap();
                assert!(
                    !key_like(title) && !title.starts_with(key),
                    "{}: table {key} titled {title:?}",
                    path.display()
                );
                titles += 1;
            }
        }
        if name == "index.html" {
            let page = scraper::Html::parse_document(&std::fs::read_to_string(path).unwrap());
            let links = scraper::Selector::parse(".unduhan a").unwrap();
            for a in page.select(&links) {
                let text: String = a.text().collect();
                let href = a.value().attr("href").unwrap_or_default();
                let stem = href
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .split('.')
                    .next()
                    .unwrap_or_default();
                assert!(
                    !key_like(&text) && !text.starts_with(stem),
                    "{}: download link {text:?} to {href}",
                    path.display()
                );
                titles += 1;
            }
        }
    }
    assert!(titles > 300, "only {titles} titles looked at");
}
