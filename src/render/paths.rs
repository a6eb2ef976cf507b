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
