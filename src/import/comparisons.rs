//! The rows of a BPS province table for kab/kota the site does not report on, written into
//! the province file's `pembanding:` list (see `model::Comparison`): matched against the
//! province's official list of kab/kota, merged with what the list holds (the same figure
//! kept, a different one a conflict unless `--timpa`), and the list written anew, one line an
//! entry.

use super::bps::SiteRegion;
use super::yaml_edit::LayoutError;
use crate::base::format::plain;
use crate::content::{RawComparison, RegionKind};
use std::collections::BTreeMap;

/// The province's official kab/kota that are not regions of the site, as the matcher takes
/// them. Codes are matched only where BPS's equal Kemendagri's (not in the Papua provinces,
/// codes 91 and above, where they differ): a wrong code would put a figure on another kab/kota.
pub fn others(province_name: &str, province_code: &str, site: &[SiteRegion]) -> Vec<SiteRegion> {
    let Some(province) = crate::model::validate::official_province(province_name, province_code)
    else {
        return Vec::new();
    };
    let codes_agree = province < "91";
    crate::model::official::kabupaten_kota(province)
        .filter(|r| {
            !site
                .iter()
                .any(|s| s.name.eq_ignore_ascii_case(r.name) || s.code == r.code)
        })
        .map(|r| SiteRegion {
            slug: crate::base::markdown::slugify(r.name),
            name: r.name.to_string(),
            kind: if r.name.starts_with("Kota ") {
                RegionKind::Kota
            } else {
                RegionKind::Kabupaten
            },
            // Where the codes differ, neither is matched: only the name is.
            code: if codes_agree {
                r.code.to_string()
            } else {
                String::new()
            },
            bps_code: if codes_agree {
                r.code.replace('.', "")
            } else {
                String::new()
            },
        })
        .collect()
}

/// One entry of the list as it will be written.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub name: String,
    pub bps_code: Option<String>,
    pub source: Option<String>,
    /// `{year: {key: value}}`.
    pub data: BTreeMap<i32, BTreeMap<String, f64>>,
    /// `{year: {key: source}}`.
    pub sources: BTreeMap<i32, BTreeMap<String, String>>,
}

/// The entries a file's list holds now, or `None` when an entry holds something the writer
/// cannot write back as it was (a figure that is not a number, a year that is not one).
pub fn entries(list: &[RawComparison]) -> Option<Vec<Entry>> {
    list.iter()
        .map(|c| {
            let mut data: BTreeMap<i32, BTreeMap<String, f64>> = BTreeMap::new();
            for (year, figures) in &c.data.0 {
                let year = year.value.trim().parse::<i32>().ok()?;
                for (key, value) in &figures.0 {
                    data.entry(year)
                        .or_default()
                        .insert(key.value.clone(), value.value.as_f64()?);
                }
            }
            let mut sources: BTreeMap<i32, BTreeMap<String, String>> = BTreeMap::new();
            for (year, texts) in &c.sumber_data.0 {
                let year = year.value.trim().parse::<i32>().ok()?;
                for (key, text) in &texts.0 {
                    sources
                        .entry(year)
                        .or_default()
                        .insert(key.value.clone(), text.value.clone());
                }
            }
            Some(Entry {
                name: c.nama.value.trim().to_string(),
                bps_code: c.kode_bps.as_ref().map(|k| k.value.trim().to_string()),
                source: c.sumber.clone(),
                data,
                sources,
            })
        })
        .collect()
}

/// A YAML string, quoted when it has to be.
fn scalar(text: &str) -> String {
    let plain = !text.is_empty()
        && !text.starts_with(|c: char| !c.is_alphanumeric())
        && !text.contains([':', '#', '{', '}', '[', ']', ',', '"', '\'', '\n'])
        && text.trim() == text
        && text.parse::<f64>().is_err()
        && !matches!(
            text.to_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "~"
        );
    if plain {
        text.to_string()
    } else {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

fn year_map<V>(map: &BTreeMap<i32, BTreeMap<String, V>>, value: impl Fn(&V) -> String) -> String {
    let years: Vec<String> = map
        .iter()
        .filter(|(_, figures)| !figures.is_empty())
        .map(|(year, figures)| {
            let inner: Vec<String> = figures
                .iter()
                .map(|(k, v)| format!("{k}: {}", value(v)))
                .collect();
            format!("{year}: {{{}}}", inner.join(", "))
        })
        .collect();
    format!("{{{}}}", years.join(", "))
}

/// The `pembanding:` block for `entries`, one line an entry, with the file's line ending.
pub fn block(entries: &[Entry], newline: &str) -> String {
    let mut out = format!("pembanding:{newline}");
    for e in entries {
        let mut fields = vec![format!("nama: {}", scalar(&e.name))];
        if let Some(code) = &e.bps_code {
            fields.push(format!("kode_bps: \"{code}\""));
        }
        if let Some(source) = &e.source {
            fields.push(format!("sumber: {}", scalar(source)));
        }
        fields.push(format!("data: {}", year_map(&e.data, |v| plain(*v))));
        if !e.sources.is_empty() {
            fields.push(format!(
                "sumber_data: {}",
                year_map(&e.sources, |s| scalar(s))
            ));
        }
        out.push_str(&format!("  - {{{}}}{newline}", fields.join(", ")));
    }
    out
}

/// `text` with its top-level `pembanding:` block replaced by `block` (or `block` added at the
/// end). A block with a comment inside is not rewritten (the comment would be lost): that is
/// a layout error at the comment's line.
pub fn replace_block(text: &str, block: &str) -> Result<String, LayoutError> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let start = lines.iter().position(|l| {
        l.strip_prefix("pembanding")
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    });
    let Some(start) = start else {
        let mut out = text.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(newline);
        }
        out.push_str(block);
        return Ok(out);
    };
    let mut end = start + 1;
    while end < lines.len() {
        let line = lines[end];
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() || body.starts_with([' ', '\t']) {
            if body.trim_start().starts_with('#') {
                return Err(LayoutError { line: end + 1 });
            }
            end += 1;
        } else {
            break;
        }
    }
    // Blank lines at the block's end stay with what follows.
    while end > start + 1 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    if lines[start].contains('#') {
        return Err(LayoutError { line: start + 1 });
    }
    Ok(format!(
        "{}{block}{}",
        lines[..start].concat(),
        lines[end..].concat()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, code: Option<&str>, data: &[(i32, &str, f64)]) -> Entry {
        let mut map: BTreeMap<i32, BTreeMap<String, f64>> = BTreeMap::new();
        for (y, k, v) in data {
            map.entry(*y).or_default().insert(k.to_string(), *v);
        }
        Entry {
            name: name.into(),
            bps_code: code.map(str::to_string),
            source: None,
            data: map,
            sources: BTreeMap::new(),
        }
    }

    #[test]
    fn the_block_is_written_one_line_an_entry_and_replaces_the_old_one() {
        let b = block(
            &[
                entry(
                    "Kabupaten Pacitan",
                    Some("3501"),
                    &[(2024, "p0", 13.08), (2025, "p0", 12.5)],
                ),
                entry("Kota Batu", None, &[(2024, "p0", 3.2)]),
            ],
            "\n",
        );
        assert_eq!(
            b,
            "pembanding:\n  - {nama: Kabupaten Pacitan, kode_bps: \"3501\", data: {2024: {p0: 13.08}, 2025: {p0: 12.5}}}\n  - {nama: Kota Batu, data: {2024: {p0: 3.2}}}\n"
        );
        let file = "nama: Provinsi Jawa Timur\ndata:\n  2024: {p0: 9.79}\npembanding:\n  - {nama: Kota Batu, data: {2023: {p0: 3.31}}}\n\n# akhir\nsumber_target: x\n";
        let out = replace_block(file, &b).unwrap();
        assert_eq!(
            out,
            format!(
                "nama: Provinsi Jawa Timur\ndata:\n  2024: {{p0: 9.79}}\n{b}\n# akhir\nsumber_target: x\n"
            )
        );
        // No list yet: added at the end, after a missing final newline.
        let out = replace_block("nama: x\ndata: {}", &b).unwrap();
        assert_eq!(out, format!("nama: x\ndata: {{}}\n{b}"));
        // A comment inside the list would be lost: refused, at its line.
        let commented = "pembanding:\n  # dari BPS\n  - {nama: Kota Batu, data: {}}\n";
        assert_eq!(replace_block(commented, &b), Err(LayoutError { line: 2 }));
    }

    #[test]
    fn names_and_sources_are_quoted_when_they_must_be() {
        assert_eq!(scalar("Kota Batu"), "Kota Batu");
        assert_eq!(scalar("BPS: rilis 2025"), "\"BPS: rilis 2025\"");
        assert_eq!(scalar("2025"), "\"2025\"");
        assert_eq!(scalar("yes"), "\"yes\"");
    }

    #[test]
    fn others_are_the_provinces_kab_kota_not_in_the_site() {
        let site = vec![SiteRegion {
            slug: "kabupaten-blitar".into(),
            name: "Kabupaten Blitar".into(),
            kind: RegionKind::Kabupaten,
            code: "35.05".into(),
            bps_code: "3505".into(),
        }];
        let others = others("Provinsi Jawa Timur", "35", &site);
        assert_eq!(others.len(), 37);
        assert!(others.iter().all(|o| o.name != "Kabupaten Blitar"));
        let batu = others.iter().find(|o| o.name == "Kota Batu").unwrap();
        assert_eq!(
            (batu.kind, batu.bps_code.as_str()),
            (RegionKind::Kota, "3579")
        );
        // Papua's BPS codes are not Kemendagri's: matched by name only.
        assert!(others_in_papua_have_no_code());
    }

    fn others_in_papua_have_no_code() -> bool {
        let papua = others("Provinsi Papua", "94", &[]);
        !papua.is_empty()
            && papua
                .iter()
                .all(|o| o.bps_code.is_empty() && o.code.is_empty())
    }
}
