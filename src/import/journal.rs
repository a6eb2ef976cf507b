//! Writing an import so that nothing is lost however it is stopped.
//!
//! Before anything is written, the site is validated with the new contents in a shadow copy
//! (`<site>/.tkpk-impor-periksa-<pid>/`, hard links to the site's files where the file system
//! has them, copies otherwise; in the system's temporary folder when the site's folder cannot
//! be written, as `--periksa` on a read-only copy): a table that would break the site touches no file, and
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

/// Held by a command that reads the site to publish or check it (build, pdf, paket, check):
/// an import waits for it, and it waits for a running import, so that it never reads half of
/// one. A command that writes beside the site anyway (`create`: build, pdf, paket) makes the
/// lock file when no import has yet, so that the very first import waits for it too; `check`,
/// which leaves the site folder as it was, locks only a lock file that is there.
pub fn lock_shared(root: &Path, create: bool) -> Option<std::fs::File> {
    let path = root.join(LOCK_FILE);
    let create = create && root.join("site.yaml").is_file();
    let file = std::fs::OpenOptions::new()
        .create(create)
        .truncate(false)
        .write(true)
        .open(path)
        .ok()?;
    file.lock_shared().ok()?;
    Some(file)
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
    // A site tkpk may not write into (a read-only folder or disk: `--periksa` on a copy the
    // user may only read) is shadowed in the system's temporary folder instead, by copies.
    let dir = match std::fs::create_dir_all(&dir) {
        Ok(()) => dir,
        Err(inside) => tempfile::Builder::new()
            .prefix(".tkpk-impor-periksa-")
            .tempdir()
            .map_err(|_| inside)?
            .keep(),
    };
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
        // A new file under the name: the site's original (a hard link) is never written. An
        // unlink that fails (a file held open on Windows) stops here rather than write through.
        match std::fs::remove_file(&to) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        use std::io::Write;
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&to)?
            .write_all(bytes)?;
    }
    Ok(shadow)
}

/// A target that may not be written: read-only.
pub(crate) fn read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}

/// Writes `files` through the journal. On an error the targets already written are put back
/// and the journal removed; the error names the file. A journal already there (an import
/// stopped and not yet rolled back) is never overwritten: refused.
pub(crate) fn write(
    root: &Path,
    files: &[(PathBuf, Vec<u8>)],
) -> Result<(), (PathBuf, std::io::Error)> {
    let journal = root.join(JOURNAL_DIR);
    let fail = |path: &Path| {
        let path = path.to_path_buf();
        move |e: std::io::Error| (path, e)
    };
    if journal.exists() {
        return Err((
            journal.clone(),
            std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "impor sebelumnya belum dibatalkan",
            ),
        ));
    }
    std::fs::create_dir_all(&journal).map_err(fail(&journal))?;
    // The originals and the new texts first, then the journal that names them: a journal on
    // disk always has every copy it names.
    let mut lines = String::new();
    for (i, (path, bytes)) in files.iter().enumerate() {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let existed = path.is_file();
        if existed {
            let copy = journal.join(format!("asli-{i}"));
            std::fs::copy(path, &copy).map_err(fail(path))?;
            sync(&copy);
        }
        let new = journal.join(format!("baru-{i}"));
        std::fs::write(&new, bytes).map_err(fail(&new))?;
        sync(&new);
        lines.push_str(&format!(
            "{i}\t{}\t{}\n",
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

/// What a rollback did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RolledBack {
    /// Files put back as they were before the import (or removed, when it made them).
    pub restored: usize,
    /// Files changed since the import wrote them (by hand, or synced from elsewhere): kept as
    /// they are, the original beside each as `<name>.sebelum-impor`.
    pub kept: Vec<PathBuf>,
}

/// Puts back every file the journal names whose bytes are still what the import wrote (a file
/// it made is removed); a file changed since is kept, its original saved beside it. Removes
/// the journal. `None` when there was no journal.
pub(crate) fn roll_back(root: &Path) -> std::io::Result<Option<RolledBack>> {
    let journal = root.join(JOURNAL_DIR);
    let Ok(lines) = std::fs::read_to_string(journal.join(JOURNAL_FILE)) else {
        // Stopped while the copies were being made: no target was touched yet.
        if journal.is_dir() {
            std::fs::remove_dir_all(&journal)?;
        }
        return Ok(None);
    };
    let mut done = RolledBack::default();
    for line in lines.lines() {
        let mut parts = line.splitn(3, '\t');
        let (Some(index), Some(state), Some(rel)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let path = root.join(rel);
        let written = std::fs::read(journal.join(format!("baru-{index}")))?;
        let now = std::fs::read(&path).ok();
        let original = match state {
            "ada" => Some(std::fs::read(journal.join(format!("asli-{index}")))?),
            _ => None,
        };
        if now == original {
            continue;
        }
        if now.as_deref() == Some(written.as_slice()) || now.is_none() {
            match &original {
                Some(bytes) => replace(&path, bytes)?,
                None => {
                    if path.is_file() {
                        std::fs::remove_file(&path)?;
                    }
                }
            }
            done.restored += 1;
        } else {
            if let Some(bytes) = &original {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                std::fs::write(path.with_file_name(format!("{name}.sebelum-impor")), bytes)?;
            }
            done.kept.push(PathBuf::from(rel));
        }
        // A temporary file of the interrupted replacement.
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let _ = std::fs::remove_file(path.with_file_name(format!(".{name}.tkpk-impor")));
    }
    std::fs::remove_file(journal.join(JOURNAL_FILE))?;
    std::fs::remove_dir_all(&journal)?;
    Ok(Some(done))
}

/// Before a command reads the site: an import stopped in the middle is rolled back (under the
/// import lock, so that a running import is never undone). `Some(n)`: n files were put back.
pub fn recover(root: &Path) -> std::io::Result<Option<RolledBack>> {
    let shadows: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .starts_with(".tkpk-impor-periksa-")
                })
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    if shadows.is_empty() && !root.join(JOURNAL_DIR).exists() {
        return Ok(None);
    }
    // Under the lock no import is running: its shadows are a killed one's scratch copies.
    let _lock = lock(root)?;
    for shadow in shadows.iter().filter(|p| p.is_dir()) {
        let _ = std::fs::remove_dir_all(shadow);
    }
    roll_back(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the site's folder cannot take the shadow (here a file holds its name; in use, a
    /// read-only folder or disk), the shadow is made in the temporary folder, holds the site
    /// with the new text, and goes when dropped; the site is untouched.
    #[test]
    fn a_site_that_cannot_be_written_is_shadowed_elsewhere() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::write(root.join("site.yaml"), "judul: x\n").unwrap();
        std::fs::create_dir_all(root.join("content/a")).unwrap();
        let target = root.join("content/a/indikator.yaml");
        std::fs::write(&target, "data: {}\n").unwrap();
        let blocker = root.join(format!(".tkpk-impor-periksa-{}", std::process::id()));
        std::fs::write(&blocker, "not a folder").unwrap();
        let shadow = shadow(
            root,
            &[(target.clone(), b"data: {2025: {p0: 1}}\n".to_vec())],
        )
        .expect("a shadow elsewhere");
        assert!(!shadow.root.starts_with(root), "{}", shadow.root.display());
        assert_eq!(
            std::fs::read_to_string(shadow.root.join("content/a/indikator.yaml")).unwrap(),
            "data: {2025: {p0: 1}}\n"
        );
        assert!(shadow.root.join("site.yaml").is_file());
        let made = shadow.root.clone();
        drop(shadow);
        assert!(!made.exists());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "data: {}\n");
        assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "not a folder");
    }
}
