//! What a rebuild must render again after some files changed (`tkpk serve`): the pages that
//! depend on what changed, and nothing else, or everything when the change reaches further
//! than a region's own folder.

use crate::model::{Region, Site};
use std::collections::BTreeSet;
use std::path::{Component, Path};

/// What a rebuild renders again after some regions changed: these regions (their overview, and
/// their reports, sheets and downloads from the year in `from_year`, or of every year when
/// absent); the reports and sheets of `reports` (their place among
/// their province's regions changed; their downloads stay) of the `years` that show the change
/// (`None`: every year); the pages of `provinces`; and, when `listings`, the pages that list
/// every region (the home page and the search index). Every other file stays as it was.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Part {
    pub regions: BTreeSet<String>,
    pub from_year: std::collections::BTreeMap<String, i32>,
    pub reports: BTreeSet<String>,
    pub years: Option<BTreeSet<i32>>,
    pub provinces: BTreeSet<String>,
    pub listings: bool,
}

/// The region folder a changed file belongs to (`content/<slug>/…`), if it is one.
fn region_of(path: &Path) -> Option<String> {
    let mut parts = path.components().filter_map(|c| match c {
        Component::Normal(s) => s.to_str(),
        _ => None,
    });
    // `content/<slug>` itself changes when a file or year folder is added to it or removed.
    match (parts.next(), parts.next()) {
        (Some("content"), Some(slug)) => Some(slug.to_string()),
        _ => None,
    }
}

/// What the pages of other regions and the listings show of a region: its name, kind and
/// figures (so its report years), and its province (ranking, quadrant, province pages, home
/// page, search index).
fn seen_by_others(a: &Region, b: &Region) -> bool {
    same_place(a, b) && a.series == b.series
}

/// Whether a region is named, kinded and placed as before.
fn same_place(a: &Region, b: &Region) -> bool {
    a.name == b.name && a.kind == b.kind && a.province == b.province
}

/// Whether a region's figures other than the yearly ones (its targets) are as before.
fn same_targets(a: &Region, b: &Region) -> bool {
    a.series.targets == b.series.targets && a.series.target_source == b.series.target_source
}

/// The first report year of its own that a change to a region's file can reach: a year
/// folder's files, their year and the later ones (a pocket mapping stands until the next);
/// its figures, the first year whose figures changed and the later ones (each report shows the
/// series up to its year; `i32::MAX` when none did: only the overview); anything else of the
/// region (name, codes, TKPK, targets, which years have a report): every year (`None`).
fn first_year_reached(path: &Path, a: &Region, b: &Region) -> Option<i32> {
    let year = path
        .components()
        .nth(2)
        .and_then(|c| c.as_os_str().to_str())
        .and_then(|c| c.parse::<i32>().ok());
    if let Some(year) = year {
        return Some(year);
    }
    let (x, y) = (&a.series, &b.series);
    let same_beyond_figures = same_place(a, b)
        && same_targets(a, b)
        && a.code == b.code
        && a.bps_code == b.bps_code
        && a.capital == b.capital
        && a.tkpk == b.tkpk
        // Every report links to the region's other report years.
        && a.report_years() == b.report_years();
    if !same_beyond_figures {
        return None;
    }
    let changed = |p: &std::collections::BTreeMap<i32, _>,
                   q: &std::collections::BTreeMap<i32, _>| {
        p.keys()
            .chain(q.keys())
            .filter(|year| p.get(year) != q.get(year))
            .min()
            .copied()
    };
    Some(
        [
            changed(&x.march, &y.march),
            changed(&x.september, &y.september),
        ]
        .into_iter()
        .flatten()
        // The author's priority order of a year reaches that year's report.
        .chain(
            a.priorities
                .keys()
                .chain(b.priorities.keys())
                .filter(|y| a.priorities.get(y) != b.priorities.get(y))
                .copied(),
        )
        .min()
        .unwrap_or(i32::MAX),
    )
}

/// The report years of the other regions of its province that show a change to a region's
/// figures: the years whose March figures changed, and the year after each (the quadrant places
/// a region by its change from the year before); `None`: every year (its name, kind or province
/// changed, or a figure other than March's).
fn years_seen_by_others(a: &Region, b: &Region) -> Option<BTreeSet<i32>> {
    let (x, y) = (&a.series, &b.series);
    let same_beyond_march = same_place(a, b) && same_targets(a, b) && x.september == y.september;
    if !same_beyond_march {
        return None;
    }
    Some(
        x.march
            .keys()
            .chain(y.march.keys())
            .filter(|year| x.march.get(year) != y.march.get(year))
            .flat_map(|year| [*year, year + 1])
            .collect(),
    )
}

impl Part {
    /// The pages to render again when `changed` (paths relative to the site folder) turned
    /// `old` into `new`; `None` when everything must be: a change outside the regions' own
    /// folders (site.yaml, references, themes), or a region added or removed.
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
        let find = |site: &'_ Site, slug: &str| -> Option<usize> {
            site.regions.iter().position(|r| r.slug == slug)
        };
        let mut years = Some(BTreeSet::new());
        let mut every_year: BTreeSet<String> = BTreeSet::new();
        for path in changed {
            let slug = region_of(path)?;
            let (a, b) = (
                &old.regions[find(old, &slug)?],
                &new.regions[find(new, &slug)?],
            );
            let reached = first_year_reached(path, a, b);
            match (reached, part.from_year.get(&slug)) {
                (None, _) => {
                    every_year.insert(slug);
                }
                (Some(year), Some(&from)) if from <= year => {}
                (Some(year), _) => {
                    part.from_year.insert(slug, year);
                }
            }
        }
        part.from_year.retain(|slug, _| !every_year.contains(slug));
        for slug in part.regions.clone() {
            let (a, b) = (
                &old.regions[find(old, &slug)?],
                &new.regions[find(new, &slug)?],
            );
            if !seen_by_others(a, b) {
                years = years
                    .zip(years_seen_by_others(a, b))
                    .map(|(all, these)| all.union(&these).copied().collect());
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
        part.years = years;
        Some(part)
    }

    /// Whether a file written before belongs to a region rendered whole (and is replaced or,
    /// when the new render no longer writes it, removed).
    pub fn owns(&self, path: &str) -> bool {
        let mut parts = path.split('/');
        let (Some(slug), Some(next)) = (parts.next(), parts.next()) else {
            return false;
        };
        if !self.regions.contains(slug) {
            return false;
        }
        match (self.from_year.get(slug), next.parse::<i32>()) {
            (Some(from), Ok(year)) => year >= *from,
            _ => true,
        }
    }

    /// The paths among `files` (by path, sorted) that this part owns (see [`Part::owns`]),
    /// found by range under each region's folder rather than by looking at every file.
    pub fn owned<V>(&self, files: &std::collections::BTreeMap<String, V>) -> Vec<String> {
        self.regions
            .iter()
            .flat_map(|slug| {
                let folder = format!("{slug}/");
                files
                    .range(folder.clone()..)
                    .take_while(move |(path, _)| path.starts_with(&folder))
                    .filter(|(path, _)| self.owns(path))
                    .map(|(path, _)| path.clone())
            })
            .collect()
    }

    /// Whether a region's report of `year` is rendered again.
    pub fn renders(&self, slug: &str, year: i32) -> bool {
        if self.regions.contains(slug) {
            return self.from_year.get(slug).is_none_or(|from| year >= *from);
        }
        self.reports.contains(slug) && self.years.as_ref().is_none_or(|y| y.contains(&year))
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
        assert_eq!(
            region_of(Path::new("content/kabupaten-blitar")).as_deref(),
            Some("kabupaten-blitar")
        );
        assert_eq!(region_of(Path::new("content")), None);
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
        let from_2024 = Part {
            from_year: [("kabupaten-blitar".to_string(), 2024)].into(),
            ..part
        };
        assert!(from_2024.owns("kabupaten-blitar/index.html"));
        assert!(from_2024.owns("kabupaten-blitar/2024/unduh/indikator.csv"));
        assert!(from_2024.owns("kabupaten-blitar/2025/penilaian/index.html"));
        assert!(!from_2024.owns("kabupaten-blitar/2023/index.html"));
        let files: std::collections::BTreeMap<String, ()> = [
            "index.html",
            "kabupaten-blitar/2023/index.html",
            "kabupaten-blitar/2024/index.html",
            "kabupaten-blitar/index.html",
            "kabupaten-blitar-selatan/2024/index.html",
        ]
        .into_iter()
        .map(|p| (p.to_string(), ()))
        .collect();
        assert_eq!(
            from_2024.owned(&files),
            [
                "kabupaten-blitar/2024/index.html",
                "kabupaten-blitar/index.html"
            ]
        );
        assert!(from_2024.renders("kabupaten-blitar", 2025));
        assert!(!from_2024.renders("kabupaten-blitar", 2023));
        assert!(!from_2024.renders("kota-kediri", 2025));
    }
}
