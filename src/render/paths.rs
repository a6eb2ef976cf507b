//! Where each page is written, relative to the output folder: named once, so that the pages'
//! links, the search index and `tkpk pdf` agree with what `render_site` writes.

/// A region's overview page.
pub fn region_page(slug: &str) -> String {
    format!("{slug}/index.html")
}

/// A region's annual report.
pub fn report_page(slug: &str, year: i32) -> String {
    format!("{slug}/{year}/index.html")
}

/// A region's evaluation sheet of one year.
pub fn sheet_page(slug: &str, year: i32) -> String {
    format!("{slug}/{year}/penilaian/index.html")
}

/// A province's page.
pub fn province_page(slug: &str) -> String {
    format!("provinsi/{slug}/index.html")
}

/// Where the build copies an evidence file (`bukti/…` from the year folder) of a draft: beside
/// the sheet, so that the sheet links it as it is written.
pub fn evidence_file(slug: &str, year: i32, path: &str) -> String {
    format!("{slug}/{year}/penilaian/{path}")
}

/// A relative path as a link's address: every byte but letters, digits, `-._~` and `/`
/// percent-encoded (a scan's name may hold spaces or `#`).
pub fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_path_is_an_address() {
        assert_eq!(
            super::url_path("bukti/SK TKPK #1 (2025)é.pdf"),
            "bukti/SK%20TKPK%20%231%20%282025%29%C3%A9.pdf"
        );
        assert_eq!(super::url_path("bukti/sk-2025.pdf"), "bukti/sk-2025.pdf");
    }
}
