//! `sitemap.xml` and `robots.txt`, written only when `base_url` is set: every page of the site
//! as an absolute address, sorted, with no dates (so two builds stay byte-identical).

use super::OutputFile;

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// The sitemap and robots.txt for `pages` (paths relative to the output folder).
pub fn files(base_url: &str, pages: &[&str]) -> Vec<OutputFile> {
    // A folder's index is addressed by the folder, as servers publish it; sorted by address.
    let mut addresses: Vec<String> = pages
        .iter()
        .filter(|p| p.ends_with(".html"))
        .map(|p| format!("{base_url}{}", p.strip_suffix("index.html").unwrap_or(p)))
        .collect();
    addresses.sort_unstable();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for address in addresses {
        xml.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape_xml(&address)
        ));
    }
    xml.push_str("</urlset>\n");
    let robots = format!("User-agent: *\nAllow: /\nSitemap: {base_url}sitemap.xml\n");
    vec![
        OutputFile {
            path: "sitemap.xml".into(),
            bytes: xml.into_bytes(),
        },
        OutputFile {
            path: "robots.txt".into(),
            bytes: robots.into_bytes(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_absolute_addresses_and_robots() {
        let out = files(
            "https://tkpk.example.go.id/",
            &[
                "kabupaten-blitar/index.html",
                "index.html",
                "assets/style.css",
                "a&b/index.html",
            ],
        );
        let xml = String::from_utf8(out[0].bytes.clone()).unwrap();
        let locs: Vec<&str> = xml
            .lines()
            .filter_map(|l| l.trim().strip_prefix("<url><loc>"))
            .map(|l| l.trim_end_matches("</loc></url>"))
            .collect();
        assert_eq!(
            locs,
            vec![
                "https://tkpk.example.go.id/",
                "https://tkpk.example.go.id/a&amp;b/",
                "https://tkpk.example.go.id/kabupaten-blitar/"
            ]
        );
        let robots = String::from_utf8(out[1].bytes.clone()).unwrap();
        assert!(robots.ends_with("Sitemap: https://tkpk.example.go.id/sitemap.xml\n"));
    }
}
