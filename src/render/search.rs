//! The search index behind the header's search box: one entry per region, province page,
//! annual report and evaluation sheet. It ships as a script that sets `window.TKPK_CARI`
//! (a page opened from `file://` cannot fetch a JSON file), one entry a line, sorted, so two
//! builds write the same bytes. Titles come from content, so the JSON is escaped as the
//! charts' is: it stays data even if a theme inlined it in a `<script>` element.

use super::paths::{province_page, region_page, report_page, sheet_page};
use crate::charts::script_safe;
use crate::model::Site;
use crate::model::scheme::applicable;
use crate::output::OutputFile;
use serde::Serialize;

/// The index's file name under `assets/`.
pub const INDEX_FILE: &str = "cari-indeks.js";

/// What an entry points to; the order is the order of the results (places before documents).
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    Wilayah,
    Provinsi,
    Laporan,
    Penilaian,
}

/// One searchable page: its title, what it is, and its path from the site root.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct SearchEntry {
    pub judul: String,
    pub jenis: EntryKind,
    pub alamat: String,
}

/// Every entry of the site, sorted by kind, then title, then address.
pub fn entries(site: &Site) -> Vec<SearchEntry> {
    let entry = |judul: String, jenis, alamat| SearchEntry {
        judul,
        jenis,
        alamat,
    };
    let mut out = Vec::new();
    for region in &site.regions {
        out.push(entry(
            region.name.clone(),
            EntryKind::Wilayah,
            region_page(&region.slug),
        ));
        for year in site.report_years(region) {
            let title = format!("{} {year}", region.name);
            if applicable(&site.schemes, year).is_some() && site.sheet_written(year) {
                out.push(entry(
                    title.clone(),
                    EntryKind::Penilaian,
                    sheet_page(&region.slug, year),
                ));
            }
            out.push(entry(
                title,
                EntryKind::Laporan,
                report_page(&region.slug, year),
            ));
        }
    }
    // Only provinces with regions in this site have a page.
    for province in site.provinces.values() {
        if site.by_province.contains_key(&province.slug) {
            out.push(entry(
                province.name.clone(),
                EntryKind::Provinsi,
                province_page(&province.slug),
            ));
        }
    }
    out.sort_by(|a, b| (a.jenis, &a.judul, &a.alamat).cmp(&(b.jenis, &b.judul, &b.alamat)));
    out
}

/// `assets/cari-indeks.js`.
pub fn index_file(site: &Site) -> OutputFile {
    let mut js = String::from(
        "/* tkpk: search index, written by `tkpk build`; read by tkpk-cari.js. */\nwindow.TKPK_CARI = [\n",
    );
    let lines: Vec<String> = entries(site)
        .iter()
        .map(|e| script_safe(&serde_json::to_string(e).unwrap_or_default()))
        .collect();
    js.push_str(&lines.join(",\n"));
    js.push_str("\n];\n");
    OutputFile {
        path: format!("assets/{INDEX_FILE}"),
        bytes: js.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_entry_per_region_province_report_and_sheet() {
        let site = crate::model::sample::site();
        let all = entries(&site);
        let find = |jenis, judul: &str| {
            all.iter()
                .find(|e| e.jenis == jenis && e.judul == judul)
                .map(|e| e.alamat.as_str())
        };
        assert_eq!(
            find(EntryKind::Wilayah, "Kabupaten Blitar"),
            Some("kabupaten-blitar/index.html")
        );
        assert_eq!(
            find(EntryKind::Provinsi, "Provinsi Jawa Timur"),
            Some("provinsi/jawa-timur/index.html")
        );
        assert_eq!(
            find(EntryKind::Laporan, "Kabupaten Blitar 2024"),
            Some("kabupaten-blitar/2024/index.html")
        );
        assert_eq!(
            find(EntryKind::Penilaian, "Kabupaten Blitar 2025"),
            Some("kabupaten-blitar/2025/penilaian/index.html")
        );
        // Evaluation sheets start with the 2023 scheme.
        assert_eq!(find(EntryKind::Penilaian, "Kabupaten Blitar 2022"), None);
        // The nation has no page of its own.
        assert!(all.iter().all(|e| e.judul != "Indonesia"));
        let reports: usize = site.regions.iter().map(|r| r.report_years().len()).sum();
        assert_eq!(
            all.iter().filter(|e| e.jenis == EntryKind::Laporan).count(),
            reports
        );
        assert_eq!(
            all.iter().filter(|e| e.jenis == EntryKind::Wilayah).count(),
            site.regions.len()
        );
    }

    #[test]
    fn the_script_is_sorted_json_one_entry_a_line() {
        let file = index_file(&crate::model::sample::site());
        assert_eq!(file.path, "assets/cari-indeks.js");
        let text = String::from_utf8(file.bytes).unwrap();
        let body = text
            .split_once("window.TKPK_CARI = ")
            .unwrap()
            .1
            .strip_suffix(";\n")
            .unwrap();
        let parsed: Vec<serde_json::Value> = serde_json::from_str(body).unwrap();
        assert_eq!(
            parsed[0],
            serde_json::json!({
                "judul": "Kabupaten Balangan",
                "jenis": "wilayah",
                "alamat": "kabupaten-balangan/index.html"
            })
        );
        assert_eq!(body.lines().count(), parsed.len() + 2);
    }
}
