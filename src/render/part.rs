//! What a rebuild must render again after some files changed (`tkpk serve`): the pages that
//! depend on what changed, and nothing else, or everything when the change reaches further
//! than a region's own folder.

use crate::model::{Region, Site};
use std::collections::BTreeSet;
use std::path::{Component, Path};

/// What a rebuild renders again after some regions changed: these regions whole (overview,
/// reports, sheets and downloads); the reports and sheets of `reports` (their place among
/// their province's regions changed; their downloads stay); the pages of `provinces`; and,
/// when `listings`, the pages that list every region (the home page and the search index).
/// Every other file stays as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Part {
    pub regions: BTreeSet<String>,
    pub reports: BTreeSet<String>,
    pub provinces: BTreeSet<String>,
    pub listings: bool,
}

/// The region folder a changed file belongs to (`content/<slug>/…`), if it is one.
fn region_of(path: &Path) -> Option<String> {
    let mut parts = path.components().filter_map(|c| match c {
        Component::Normal(s) => s.to_str(),
        _ => None,
    });
    match (parts.next(), parts.next(), parts.next()) {
        (Some("content"), Some(slug), Some(_)) => Some(slug.to_string()),
        _ => None,
    }
}

/// What the pages of other regions and the listings show of a region: its name, kind and
/// figures (so its report years), and its province (ranking, quadrant, province pages, home
/// page, search index).
fn seen_by_others(a: &Region, b: &Region) -> bool {
    a.name == b.name && a.kind == b.kind && a.province == b.province && a.series == b.series
}

impl Part {
    /// The pages to render again when `changed` (paths relative to the site folder) turned
    /// `old` into `new`; `None` when everything must be: a change outside the regions' own
    /// folders (site.yaml, references, themes), a region added or removed, or a change to a
    /// year's best tagged-spending score (every sheet of that year is normalised by it).
    pub fn after(old: &Site, new: &Site, changed: &BTreeSet<std::path::PathBuf>) -> Option<Part> {
        let old_slugs: BTreeSet<&str> = old.regions.iter().map(|r| r.slug.as_str()).collect();
        let new_slugs: BTreeSet<&str> = new.regions.iter().map(|r| r.slug.as_str()).collect();
        if old_slugs != new_slugs || changed.is_empty() {
            return None;
        }
        let mut part = Part::default();
        for path in changed {
            let slug = region_of(path)?;
            if !new_slugs.contains(slug.as_str()) {
                return None;
            }
            part.regions.insert(slug);
        }
        if crate::evaluation::best_tagged_scores(old) != crate::evaluation::best_tagged_scores(new)
        {
            return None;
        }
        let find = |site: &'_ Site, slug: &str| -> Option<usize> {
            site.regions.iter().position(|r| r.slug == slug)
        };
        for slug in part.regions.clone() {
            let (a, b) = (
                &old.regions[find(old, &slug)?],
                &new.regions[find(new, &slug)?],
            );
            if !seen_by_others(a, b) {
                part.listings = true;
                for province in [&a.province, &b.province] {
                    part.provinces.insert(province.clone());
                }
                for (site, province) in [(old, &a.province), (new, &b.province)] {
                    for i in site.by_province.get(province).into_iter().flatten() {
                        part.reports.insert(site.regions[*i].slug.clone());
                    }
                }
            }
        }
        part.reports.retain(|s| !part.regions.contains(s));
        Some(part)
    }

    /// Whether a file written before belongs to a region rendered whole (and is replaced or,
    /// when the new render no longer writes it, removed).
    pub fn owns(&self, path: &str) -> bool {
        path.split_once('/')
            .is_some_and(|(first, _)| self.regions.contains(first))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_files_name_their_region() {
        assert_eq!(
            region_of(Path::new("content/kabupaten-blitar/2025/01-a.md")).as_deref(),
            Some("kabupaten-blitar")
        );
        assert_eq!(
            region_of(Path::new("content/kabupaten-blitar/indikator.yaml")).as_deref(),
            Some("kabupaten-blitar")
        );
        assert_eq!(region_of(Path::new("site.yaml")), None);
        assert_eq!(region_of(Path::new("themes/x/templates/base.html")), None);
        assert_eq!(region_of(Path::new("content/kabupaten-blitar")), None);
    }

    #[test]
    fn a_region_owns_its_folder_only() {
        let part = Part {
            regions: ["kabupaten-blitar".to_string()].into(),
            ..Part::default()
        };
        assert!(part.owns("kabupaten-blitar/2025/unduh/indikator.csv"));
        assert!(!part.owns("kabupaten-blitar-selatan/index.html"));
        assert!(!part.owns("index.html"));
    }
}
