//! What `tkpk serve` knows of the authored files (site.yaml, content/, themes/, static/): each one's
//! size and modification time, so that a watcher's event becomes the list of files that really
//! changed. Reading a file during a rebuild is reported by the watcher too; comparing with what
//! is known keeps that from starting another rebuild.
//!
//! Only the paths an event names are looked at (a folder stands for everything below it), so
//! one edit costs a few `stat` calls however large the site, not a walk of every file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A file's (or folder's) size and modification time.
type Stamp = (u64, Option<SystemTime>);

/// The authored files and folders under a site, by path relative to the site folder.
#[derive(Debug, Default)]
pub struct Watched {
    known: BTreeMap<PathBuf, Stamp>,
}

/// Whether a path relative to the site folder is authored content that serve watches.
fn authored(relative: &Path) -> bool {
    relative == Path::new("site.yaml")
        || relative.starts_with("content")
        || relative.starts_with("themes")
        || relative.starts_with("static")
}

fn stamp(meta: &std::fs::Metadata) -> Stamp {
    (meta.len(), meta.modified().ok())
}

/// Every entry at and below `relative` (a file or a folder), as the file system has it now.
fn scan_below(root: &Path, relative: &Path) -> BTreeMap<PathBuf, Stamp> {
    let mut found = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root.join(relative))
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if let (Ok(path), Ok(meta)) = (entry.path().strip_prefix(root), entry.metadata()) {
            found.insert(path.to_path_buf(), stamp(&meta));
        }
    }
    found
}

impl Watched {
    /// Every authored file and folder under `root` now.
    pub fn scan(root: &Path) -> Watched {
        let mut watched = Watched::default();
        // The empty path is the site folder itself, however `root` is written (`.` included:
        // taken as a path inside the site, it was not authored, and nothing was known, so the
        // first event rebuilt everything).
        watched.changes(root, &[PathBuf::new()]);
        watched
    }

    /// How many files and folders are known.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// The authored files and folders added, removed or changed at or below `paths` (as the
    /// watcher names them: absolute, or relative to `root`; the site folder itself means
    /// everything), relative to `root` and sorted; what is known is brought up to date.
    pub fn changes(&mut self, root: &Path, paths: &[PathBuf]) -> Vec<PathBuf> {
        let absolute_root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        let mut looked_at: BTreeSet<PathBuf> = BTreeSet::new();
        for path in paths {
            let relative = if path.is_absolute() {
                match path.strip_prefix(&absolute_root) {
                    Ok(r) => r.to_path_buf(),
                    Err(_) => continue,
                }
            } else {
                path.clone()
            };
            if relative.as_os_str().is_empty() {
                // The site folder: its authored parts, whole.
                looked_at.extend(["site.yaml", "content", "themes", "static"].map(PathBuf::from));
            } else if authored(&relative) {
                looked_at.insert(relative);
            }
        }
        // A folder looked at covers what is below it.
        let mut tops: Vec<PathBuf> = Vec::new();
        for path in looked_at {
            if !tops.last().is_some_and(|top| path.starts_with(top)) {
                tops.push(path);
            }
        }
        let mut changed = BTreeSet::new();
        for top in tops {
            let now = scan_below(root, &top);
            let before: Vec<PathBuf> = self
                .known
                .range(top.clone()..)
                .take_while(|(p, _)| p.starts_with(&top))
                .map(|(p, _)| p.clone())
                .collect();
            for gone in before.iter().filter(|p| !now.contains_key(*p)) {
                self.known.remove(gone);
                changed.insert(gone.clone());
            }
            for (path, stamp) in now {
                if self.known.get(&path) != Some(&stamp) {
                    self.known.insert(path.clone(), stamp);
                    changed.insert(path);
                }
            }
        }
        changed.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("site.yaml"), "judul: x\n").unwrap();
        std::fs::create_dir_all(root.join("content/a/2025")).unwrap();
        std::fs::write(root.join("content/a/indikator.yaml"), "x: 1\n").unwrap();
        std::fs::write(root.join("content/a/2025/narasi.md"), "# N\n").unwrap();
        std::fs::create_dir_all(root.join("output")).unwrap();
        dir
    }

    fn paths(list: &[&str]) -> Vec<PathBuf> {
        list.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn reading_is_not_a_change_and_an_edit_is() {
        let dir = site();
        let root = dir.path();
        let mut watched = Watched::scan(root);
        assert_eq!(watched.len(), 6, "{watched:?}");
        let event = [root.join("content/a/indikator.yaml")];
        std::fs::read(&event[0]).unwrap();
        assert!(watched.changes(root, &event).is_empty());
        std::fs::write(&event[0], "x: 22\n").unwrap();
        assert_eq!(
            watched.changes(root, &event),
            paths(&["content/a/indikator.yaml"])
        );
        // Known now: the same event again is nothing.
        assert!(watched.changes(root, &event).is_empty());
    }

    #[test]
    fn a_folder_added_or_removed_is_every_file_in_it_and_output_is_not_watched() {
        let dir = site();
        let root = dir.path();
        let mut watched = Watched::scan(root);
        std::fs::create_dir_all(root.join("content/b/2024")).unwrap();
        std::fs::write(root.join("content/b/2024/narasi.md"), "# B\n").unwrap();
        std::fs::write(root.join("output/index.html"), "x").unwrap();
        // The watcher may name only the new folder, or the site folder.
        assert_eq!(
            watched.changes(root, &[root.join("content/b"), root.join("output")]),
            paths(&["content/b", "content/b/2024", "content/b/2024/narasi.md"])
        );
        std::fs::remove_dir_all(root.join("content/a")).unwrap();
        assert_eq!(
            watched.changes(root, &[root.to_path_buf()]),
            paths(&[
                "content",
                "content/a",
                "content/a/2025",
                "content/a/2025/narasi.md",
                "content/a/indikator.yaml"
            ])
        );
    }

    #[test]
    fn a_file_replaced_by_rename_is_one_change_and_the_temporary_file_none() {
        let dir = site();
        let root = dir.path();
        let mut watched = Watched::scan(root);
        let temp = root.join("site.yaml.tmp");
        std::fs::write(&temp, "judul: baru sekali\n").unwrap();
        std::fs::rename(&temp, root.join("site.yaml")).unwrap();
        assert_eq!(
            watched.changes(root, &[temp, root.join("site.yaml")]),
            paths(&["site.yaml"])
        );
    }
}
