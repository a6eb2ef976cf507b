//! The parse cache: what each content file gave when it was last parsed, kept between loads
//! of one site (`tkpk serve`) so that a rebuild re-parses only the files that changed.

use super::{Job, Parsed, Walk};
use crate::base::diagnostics::Diagnostics;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime};

/// A file modified less than this long before it was read is parsed again on every load: see
/// [`Stamp::racy`].
const RACY_WINDOW: Duration = Duration::from_secs(2);

/// The parses of a site's content files, by path, each with the length and modification time
/// the file had when it was read. A load with the cache reuses the parse of every file whose
/// length and modification time are unchanged, parses the others, and keeps only the files it
/// walked (deleted files leave the cache). The result is always the same as an uncached load's.
///
/// One cache serves one site folder: a load of another folder starts it afresh. Loads may share
/// a cache across threads; two loads at the same time are still right but may both parse.
#[derive(Default)]
pub struct ParseCache {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    root: PathBuf,
    entries: HashMap<PathBuf, Entry>,
    /// The last load's walk of `content/`.
    walk: Option<Walk>,
}

/// One file's parse, as `load` computes it for its job.
struct Entry {
    stamp: Stamp,
    parsed: Parsed,
    diagnostics: Diagnostics,
}

/// A file's length and modification time, as `symlink_metadata` gives them.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: SystemTime,
}

impl Stamp {
    /// `None` for what is not a plain file (gone, a link, a folder): its parse is not kept.
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::symlink_metadata(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok()?,
        })
    }

    /// Whether the file was modified within `RACY_WINDOW` of `now`, the time taken before it
    /// was read (or later than `now`, by a skewed clock). Modification times have a coarse tick
    /// on some file systems (one or two seconds), so a file rewritten within the tick of its
    /// read, with the same length, would keep its stamp and its stale parse. As Git does for
    /// its index ("racy git"), such a file's parse is not kept: the file is parsed on every load
    /// until its last change is older than the window.
    fn racy(&self, now: SystemTime) -> bool {
        now.duration_since(self.modified)
            .map_or(true, |age| age < RACY_WINDOW)
    }
}

/// What to keep of one job for the next load.
enum Keep {
    Nothing,
    /// The previous entry, still valid.
    Old(PathBuf),
    New(PathBuf, Box<Entry>),
}

impl ParseCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many files' parses are kept.
    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets every kept parse, and the last walk.
    pub fn clear(&self) {
        let mut state = self.lock();
        state.entries.clear();
        state.walk = None;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The last walk of `root`, when it still stands after the files `changed` (relative to
    /// `root`) were modified: each was a file of that walk and is a plain file now.
    pub(super) fn walk_for(&self, root: &Path, changed: &BTreeSet<PathBuf>) -> Option<Walk> {
        let state = self.lock();
        let walk = state.walk.as_ref().filter(|_| state.root == root)?;
        changed
            .iter()
            .map(|p| root.join(p))
            .all(|p| walk.has_file(&p) && Stamp::of(&p).is_some())
            .then(|| walk.clone())
    }

    /// Keeps this load's walk for the next.
    pub(super) fn keep_walk(&self, root: &Path, walk: &Walk) {
        let mut state = self.lock();
        if state.root != root {
            state.entries.clear();
            state.root = root.to_path_buf();
        }
        state.walk = Some(walk.clone());
    }

    /// Parses the jobs of a load of `root` in parallel, reusing the kept parses, and keeps
    /// those of this load only. With `trusted` (the files changed since the last load, known
    /// to the caller), a kept parse of any other file is reused without looking at the file.
    /// The lock is not held while parsing (a parse may run on a thread that waits for the
    /// same lock).
    pub(super) fn parse(
        &self,
        root: &Path,
        jobs: Vec<Job>,
        trusted: Option<&BTreeSet<PathBuf>>,
    ) -> Vec<(Parsed, Diagnostics)> {
        let changed: Option<BTreeSet<PathBuf>> =
            trusted.map(|c| c.iter().map(|p| root.join(p)).collect());
        let mut old = {
            let mut state = self.lock();
            let entries = std::mem::take(&mut state.entries);
            if state.root == root {
                entries
            } else {
                HashMap::new()
            }
        };
        let done: Vec<(Parsed, Diagnostics, Keep)> = jobs
            .into_par_iter()
            .map(|job| reuse_or_parse(root, &old, job, changed.as_ref()))
            .collect();
        let mut entries = HashMap::with_capacity(done.len());
        let parsed = done
            .into_iter()
            .map(|(parsed, diagnostics, keep)| {
                match keep {
                    Keep::Nothing => {}
                    Keep::Old(path) => {
                        if let Some(entry) = old.remove(&path) {
                            entries.insert(path, entry);
                        }
                    }
                    Keep::New(path, entry) => {
                        entries.insert(path, *entry);
                    }
                }
                (parsed, diagnostics)
            })
            .collect();
        let mut state = self.lock();
        state.root = root.to_path_buf();
        state.entries = entries;
        parsed
    }
}

fn reuse_or_parse(
    root: &Path,
    old: &HashMap<PathBuf, Entry>,
    job: Job,
    changed: Option<&BTreeSet<PathBuf>>,
) -> (Parsed, Diagnostics, Keep) {
    let Some(path) = job.file().map(Path::to_path_buf) else {
        let (parsed, diagnostics) = job.parse(root);
        return (parsed, diagnostics, Keep::Nothing);
    };
    if let Some(changed) = changed
        && !changed.contains(&path)
        && let Some(entry) = old.get(&path)
    {
        let (parsed, diagnostics) = (entry.parsed.clone(), entry.diagnostics.clone());
        return (parsed, diagnostics, Keep::Old(path));
    }
    // The clock before the file: a write after the read cannot look older than `now`.
    let now = SystemTime::now();
    let stamp = Stamp::of(&path);
    if let Some(stamp) = stamp
        && let Some(entry) = old.get(&path)
        && entry.stamp == stamp
    {
        let (parsed, diagnostics) = (entry.parsed.clone(), entry.diagnostics.clone());
        return (parsed, diagnostics, Keep::Old(path));
    }
    let (parsed, diagnostics) = job.parse(root);
    let keep = match stamp.filter(|s| !s.racy(now)) {
        Some(stamp) => {
            let entry = Entry {
                stamp,
                parsed: parsed.clone(),
                diagnostics: diagnostics.clone(),
            };
            Keep::New(path, Box::new(entry))
        }
        None => Keep::Nothing,
    };
    (parsed, diagnostics, keep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::Lang;
    use crate::content::{RawSite, load, load_cached};
    use walkdir::WalkDir;

    /// A copy of the repository's sample site whose files were all last modified an hour ago
    /// (out of the racy window, so that the cache keeps them).
    fn sample() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
        for entry in WalkDir::new(repo.join("content")) {
            let entry = entry.unwrap();
            let target = dir.path().join(entry.path().strip_prefix(repo).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
                age(&target);
            }
        }
        dir
    }

    /// Sets a file's modification time to an hour ago.
    fn age(path: &Path) {
        set_modified(path, SystemTime::now() - Duration::from_secs(3600));
    }

    fn set_modified(path: &Path, time: SystemTime) {
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(time).unwrap();
    }

    /// The sample, loaded once with a new cache.
    fn cached_sample() -> (tempfile::TempDir, ParseCache) {
        let dir = sample();
        let cache = ParseCache::new();
        load_cached(dir.path(), &cache);
        (dir, cache)
    }

    fn region<'a>(site: &'a RawSite, slug: &str) -> &'a crate::content::RawRegion {
        site.regions.iter().find(|r| r.slug == slug).unwrap()
    }

    /// The site and its diagnostics as text, to compare two loads.
    fn shown((site, diagnostics): (RawSite, Diagnostics)) -> (String, String) {
        (format!("{site:?}"), diagnostics.render(Lang::Id))
    }

    const INDICATORS: &str = "content/kabupaten-blora/indikator.yaml";

    /// The sample's files that `load` parses (all but site.yaml and the evidence files, which
    /// are not parsed).
    fn content_files(root: &Path) -> usize {
        WalkDir::new(root.join("content"))
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .filter(|e| e.path().extension().is_some_and(|x| x != "pdf"))
            .count()
    }

    #[test]
    fn is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<ParseCache>();
    }

    #[test]
    fn a_cached_load_is_the_same_as_an_uncached_one() {
        let dir = sample();
        let cache = ParseCache::new();
        let uncached = shown(load(dir.path()));
        assert_eq!(shown(load_cached(dir.path(), &cache)), uncached);
        assert_eq!(cache.len(), content_files(dir.path()));
        assert_eq!(shown(load_cached(dir.path(), &cache)), uncached);
        assert_eq!(cache.len(), content_files(dir.path()));
    }

    #[test]
    fn a_file_with_its_old_length_and_time_is_not_read_again() {
        // What the cache cannot see, and why a recent change is never kept (the racy window).
        let dir = sample();
        let path = dir.path().join(INDICATORS);
        let cache = ParseCache::new();
        let before = shown(load_cached(dir.path(), &cache));
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let same_length = text.replacen("sumber:", "sumbeR:", 1);
        assert_ne!(text, same_length);
        std::fs::write(&path, same_length).unwrap();
        set_modified(&path, modified);
        assert_eq!(shown(load_cached(dir.path(), &cache)), before);
        assert_ne!(shown(load(dir.path())), before);
    }

    #[test]
    fn a_changed_file_is_read_again() {
        let (dir, cache) = cached_sample();
        let path = dir.path().join(INDICATORS);
        let text = std::fs::read_to_string(&path).unwrap();
        // A figure of the same length, so that only the time tells the change.
        let (old, new) = ("13.33", "99.98");
        assert!(text.contains(old), "{text}");
        std::fs::write(&path, text.replacen(old, new, 1)).unwrap();
        let (site, _) = load_cached(dir.path(), &cache);
        let shown = format!("{:?}", region(&site, "kabupaten-blora").indicators);
        assert!(shown.contains(new) && !shown.contains(old), "{shown}");
        // Just written, so within the racy window: parsed again, and not kept.
        assert_eq!(cache.len(), content_files(dir.path()) - 1);
        assert_eq!(
            self::shown(load_cached(dir.path(), &cache)),
            self::shown(load(dir.path()))
        );
    }

    #[test]
    fn a_deleted_file_leaves_the_cache_and_the_site() {
        let (dir, cache) = cached_sample();
        let files = cache.len();
        let narrative = dir.path().join("content/kota-kediri/2024/01-profil.md");
        std::fs::remove_file(&narrative).unwrap();
        let (site, diagnostics) = load_cached(dir.path(), &cache);
        assert_eq!(cache.len(), files - 1);
        assert!(!cache.lock().entries.contains_key(&narrative));
        assert!(region(&site, "kota-kediri").narratives.is_empty());
        assert_eq!(shown((site, diagnostics)), shown(load(dir.path())));
    }

    #[test]
    fn a_broken_file_gives_the_same_diagnostics_as_without_the_cache() {
        let (dir, cache) = cached_sample();
        let path = dir.path().join(INDICATORS);
        std::fs::write(&path, "sumber: [tidak ditutup\ndata: {\n").unwrap();
        age(&path);
        let broken = shown(load_cached(dir.path(), &cache));
        assert_eq!(broken, shown(load(dir.path())));
        assert!(broken.1.contains("indikator.yaml"), "{}", broken.1);
        // Kept with its diagnostics, and given again as they were.
        assert_eq!(cache.len(), content_files(dir.path()));
        assert_eq!(shown(load_cached(dir.path(), &cache)), broken);
        // Unreadable: not UTF-8.
        std::fs::write(&path, b"sumber: \xff\n").unwrap();
        age(&path);
        let unreadable = shown(load_cached(dir.path(), &cache));
        assert_eq!(unreadable, shown(load(dir.path())));
        assert_ne!(unreadable, broken);
        assert_eq!(shown(load_cached(dir.path(), &cache)), unreadable);
    }

    #[test]
    fn a_site_without_content_empties_the_cache() {
        let (dir, cache) = cached_sample();
        std::fs::rename(dir.path().join("content"), dir.path().join("lama")).unwrap();
        assert_eq!(
            shown(load_cached(dir.path(), &cache)),
            shown(load(dir.path()))
        );
        assert!(cache.is_empty());
    }

    #[test]
    fn another_folder_starts_afresh() {
        let (a, b) = (sample(), sample());
        std::fs::remove_file(b.path().join(INDICATORS)).unwrap();
        let cache = ParseCache::new();
        load_cached(a.path(), &cache);
        assert_eq!(shown(load_cached(b.path(), &cache)), shown(load(b.path())));
        assert_eq!(cache.len(), content_files(b.path()));
    }

    #[test]
    fn a_known_change_reuses_the_walk_and_reparses_only_that_file() {
        let dir = sample();
        let root = dir.path();
        let cache = ParseCache::new();
        let _ = load_cached(root, &cache);
        let rel = PathBuf::from("content/kabupaten-blitar/indikator.yaml");
        let file = root.join(&rel);
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, text.replace("p0: 7.57", "p0: 7.12")).unwrap();
        let changed: BTreeSet<PathBuf> = [rel.clone()].into();
        assert!(
            cache.walk_for(root, &changed).is_some(),
            "the walk still stands"
        );
        let (after, d1) = crate::content::load_cached_after(root, &cache, &changed);
        let (fresh, d2) = load(root);
        assert_eq!(format!("{after:?}"), format!("{fresh:?}"));
        assert_eq!(d1.render(Lang::Id), d2.render(Lang::Id));
        assert!(format!("{after:?}").contains("7.12"));
        // A file the last walk did not find means walking again.
        let added: BTreeSet<PathBuf> =
            [PathBuf::from("content/kabupaten-blitar/2025/09-baru.md")].into();
        std::fs::write(
            root.join(added.iter().next().unwrap()),
            "---\njudul: Baru\n---\nIsi.\n",
        )
        .unwrap();
        assert!(cache.walk_for(root, &added).is_none());
        let (after, _) = crate::content::load_cached_after(root, &cache, &added);
        assert_eq!(format!("{after:?}"), format!("{:?}", load(root).0));
    }
}
