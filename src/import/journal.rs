//! Writing an import so that nothing is lost however it is stopped.
//!
//! Before anything is written, the site is validated with the new contents in a shadow copy
//! (`<site>/.tkpk-impor-periksa-<pid>/`, hard links to the site's files where the file system
//! has them, copies otherwise): a table that would break the site touches no file, and
//! `--periksa` says exactly what the real run will do.
//!
//! Then the files are written through a journal, `<site>/.tkpk-impor/`: the original of each
//! target is copied there first (`asli-<n>`), with `jurnal` naming each target and whether it
//! existed; only then are the targets replaced, each atomically (a temporary file renamed over
//! it, its permissions kept). The journal is removed when all are written. A run stopped in
//! between (a kill, a power cut) leaves the journal, and the next tkpk command rolls the import
//! back before it reads anything, and says so. One import at a time: `<site>/.tkpk-impor.kunci`.

use std::path::{Path, PathBuf};

/// The journal folder inside the site.
pub(crate) const JOURNAL_DIR: &str = ".tkpk-impor";
const JOURNAL_FILE: &str = "jurnal";
const LOCK_FILE: &str = ".tkpk-impor.kunci";

/// Takes the site's import lock, waiting for another import to finish.
pub(crate) fn lock(root: &Path) -> std::io::Result<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(root.join(LOCK_FILE))?;
    match file.lock() {
        Ok(()) => Ok(file),
        Err(e) if e.kind() == std::io::ErrorKind::Unsupported => Ok(file),
        Err(e) => Err(e),
    }
}

/// A shadow of the site (site.yaml and content/) with `files` in place of their originals,
/// removed when dropped.
pub(crate) struct Shadow {
    pub(crate) root: PathBuf,
}

impl Drop for Shadow {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// Links (or copies) `from` to `to`, a new name: the shadow never shares a file it changes.
fn link_or_copy(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::hard_link(from, to).or_else(|_| std::fs::copy(from, to).map(|_| ()))
}

/// Makes the shadow of the site at `root` with `files` (absolute paths inside `root`, new
/// texts) written into it.
pub(crate) fn shadow(root: &Path, files: &[(PathBuf, Vec<u8>)]) -> std::io::Result<Shadow> {
    let dir = root.join(format!(".tkpk-impor-periksa-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let shadow = Shadow { root: dir.clone() };
    if root.join("site.yaml").is_file() {
        link_or_copy(&root.join("site.yaml"), &dir.join("site.yaml"))?;
    }
    // content/ and themes/ (a site's own theme is checked by name when the site is read).
    let walked = ["content", "themes"]
        .iter()
        .map(|d| root.join(d))
        .filter(|d| d.is_dir())
        .flat_map(|d| walkdir::WalkDir::new(d).follow_links(false));
    for entry in walked {
        let entry = entry.map_err(std::io::Error::other)?;
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let to = dir.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to)?;
        } else if entry.file_type().is_file() {
            link_or_copy(entry.path(), &to)?;
        } else if entry.path_is_symlink() {
            // Kept as a link, so that the shadow is refused exactly as the site is.
            #[cfg(unix)]
            std::os::unix::fs::symlink(std::fs::read_link(entry.path())?, &to)?;
        }
    }
    for (path, bytes) in files {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let to = dir.join(rel);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        // A new file under the name: the site's original (a hard link) is never written.
        let _ = std::fs::remove_file(&to);
        std::fs::write(&to, bytes)?;
    }
    Ok(shadow)
}

/// A target that may not be written: read-only.
pub(crate) fn read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}

/// Writes `files` through the journal. On an error the targets already written are put back
/// and the journal removed; the error names the file.
pub(crate) fn write(
    root: &Path,
    files: &[(PathBuf, Vec<u8>)],
) -> Result<(), (PathBuf, std::io::Error)> {
    let journal = root.join(JOURNAL_DIR);
    let fail = |path: &Path| {
        let path = path.to_path_buf();
        move |e: std::io::Error| (path, e)
    };
    std::fs::create_dir_all(&journal).map_err(fail(&journal))?;
    // The originals first, then the journal that names them: a journal on disk always has
    // every original it names.
    let mut lines = String::new();
    for (i, (path, _)) in files.iter().enumerate() {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let existed = path.is_file();
        if existed {
            let copy = journal.join(format!("asli-{i}"));
            std::fs::copy(path, &copy).map_err(fail(path))?;
            sync(&copy);
        }
        lines.push_str(&format!(
            "{}\t{}\n",
            if existed { "ada" } else { "baru" },
            rel.display()
        ));
    }
    let temp = journal.join("jurnal.tmp");
    std::fs::write(&temp, &lines).map_err(fail(&temp))?;
    sync(&temp);
    std::fs::rename(&temp, journal.join(JOURNAL_FILE)).map_err(fail(&journal))?;
    for (path, bytes) in files {
        if let Err(e) = replace(path, bytes) {
            let _ = roll_back(root);
            return Err((path.clone(), e));
        }
    }
    // Done: the journal goes (its file first, so that a kill now leaves nothing to undo).
    std::fs::remove_file(journal.join(JOURNAL_FILE)).map_err(fail(&journal))?;
    let _ = std::fs::remove_dir_all(&journal);
    Ok(())
}

fn sync(path: &Path) {
    if let Ok(f) = std::fs::File::open(path) {
        let _ = f.sync_all();
    }
}

/// Replaces one file atomically (a temporary file beside it, renamed over it), keeping the
/// original's permissions.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.tkpk-impor"));
    std::fs::write(&temp, bytes)?;
    if let Some(p) = permissions {
        std::fs::set_permissions(&temp, p)?;
    }
    sync(&temp);
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

/// Puts back every file the journal names (a file that did not exist is removed) and removes
/// the journal. Returns how many files were put back, or `None` when there was no journal.
pub(crate) fn roll_back(root: &Path) -> std::io::Result<Option<usize>> {
    let journal = root.join(JOURNAL_DIR);
    let Ok(lines) = std::fs::read_to_string(journal.join(JOURNAL_FILE)) else {
        // Stopped while the originals were being copied: no target was touched yet.
        if journal.is_dir() {
            std::fs::remove_dir_all(&journal)?;
        }
        return Ok(None);
    };
    let mut restored = 0;
    for (i, line) in lines.lines().enumerate() {
        let Some((state, rel)) = line.split_once('\t') else {
            continue;
        };
        let path = root.join(rel);
        match state {
            "ada" => {
                let copy = journal.join(format!("asli-{i}"));
                let bytes = std::fs::read(&copy)?;
                replace(&path, &bytes)?;
                restored += 1;
            }
            _ => {
                if path.is_file() {
                    std::fs::remove_file(&path)?;
                    restored += 1;
                }
            }
        }
    }
    std::fs::remove_file(journal.join(JOURNAL_FILE))?;
    std::fs::remove_dir_all(&journal)?;
    Ok(Some(restored))
}

/// Before a command reads the site: an import stopped in the middle is rolled back (under the
/// import lock, so that a running import is never undone). `Some(n)`: n files were put back.
pub fn recover(root: &Path) -> std::io::Result<Option<usize>> {
    if !root.join(JOURNAL_DIR).exists() {
        return Ok(None);
    }
    let _lock = lock(root)?;
    roll_back(root)
}
