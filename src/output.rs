//! Writing the site: everything goes into a temporary folder beside the output folder and is
//! swapped in only when all of it was written. tkpk marks what it writes and never replaces a
//! folder without its mark, nor one that holds the site itself.
//!
//! One build at a time per output: a lock file beside the output folder (`<output>.tkpk-kunci`,
//! an OS file lock, released by the system when the process ends, however it ends). Beside the
//! output, `<output>.tkpk-baru` is the new output being written and `<output>.tkpk-lama` the
//! previous one being removed; a folder is always created with its mark (under a temporary name,
//! renamed into place) and removed by first renaming it to a discard name, so that no kill leaves
//! an unmarked folder behind. The swap is one atomic exchange on Linux (`renameat2` with
//! `RENAME_EXCHANGE`); elsewhere two renames, with recovery: a run that finds no output but a
//! complete marked copy beside it restores that copy before anything else.

pub mod messages;

use crate::base::diagnostics::Diagnostic;
use messages::OutputMessage;
use std::path::{Path, PathBuf};

/// One output file, its path relative to the output folder with `/` separators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The file that marks a folder as written by tkpk.
pub(crate) const MARKER: &str = ".tkpk-output";
const MARKER_TEXT: &str = "Folder ini ditulis oleh tkpk dan ditulis ulang pada setiap `tkpk build`.\n\
This folder is written by tkpk and rewritten by every `tkpk build`.\n";
/// The last line of the mark of an output that was written whole (added just before the swap).
const COMPLETE_LINE: &str = "lengkap\n";

/// What a build does when another one holds the output: waits (after calling the function, so
/// that the user is told), or refuses.
pub enum WhenBusy<'a> {
    Wait(&'a (dyn Fn() + Sync)),
    Refuse,
}

fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    // Resolve `.` and `..` lexically, then the existing part through the file system.
    let mut clean = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::ParentDir => {
                clean.pop();
            }
            std::path::Component::CurDir => {}
            other => clean.push(other),
        }
    }
    let mut existing = clean.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => {
                rest.push(name.to_os_string());
                existing.pop();
            }
            None => break,
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    resolved
}

/// Refuses an output folder that is `/`, the site folder, its content or themes folder, or a
/// parent of any of them, and one that exists without tkpk's mark.
/// Whether `output` may be written by a build of the site at `root` (see [`check_target`]).
pub fn accepts(root: &Path, output: &Path) -> bool {
    check_target(root, output).is_ok()
}

pub(crate) fn check_target(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    // A link is judged as written, before resolving it: replacing it would write elsewhere.
    if std::fs::symlink_metadata(output).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Diagnostic::error(OutputMessage::OutputNotOurs {
            path: output.display().to_string(),
        })
        .hint(OutputMessage::HintOutputNotOurs));
    }
    let out = absolute(output);
    let root = absolute(root);
    let shown = output.display().to_string();
    let protected = [
        root.clone(),
        root.join("content"),
        root.join("themes"),
        root.join("static"),
    ];
    // Inside static/ an output would be copied into itself by every build.
    let unsafe_target = out.parent().is_none()
        || protected.iter().any(|p| p.starts_with(&out))
        || protected[1..].iter().any(|p| out.starts_with(p));
    if unsafe_target {
        return Err(
            Diagnostic::error(OutputMessage::OutputUnsafe { path: shown })
                .hint(OutputMessage::HintOutputUnsafe),
        );
    }
    match std::fs::symlink_metadata(&out) {
        Ok(meta) if meta.file_type().is_symlink() || !meta.is_dir() => Err(Diagnostic::error(
            OutputMessage::OutputNotOurs { path: shown },
        )
        .hint(OutputMessage::HintOutputNotOurs)),
        Ok(_) if !out.join(MARKER).is_file() => Err(Diagnostic::error(
            OutputMessage::OutputNotOurs { path: shown },
        )
        .hint(OutputMessage::HintOutputNotOurs)),
        _ => Ok(()),
    }
}

/// A file that could not be read (or copied from).
pub(crate) fn read_error(path: &Path, e: std::io::Error) -> Diagnostic {
    let hint = io_hint(&e);
    Diagnostic::error(OutputMessage::ReadFailed {
        path: path.display().to_string(),
        detail: crate::base::messages::IoProblem::of(&e),
    })
    .hint_opt(hint)
}

fn write_error(path: &Path, e: std::io::Error) -> Diagnostic {
    let hint = io_hint(&e);
    Diagnostic::error(OutputMessage::WriteFailed {
        path: path.display().to_string(),
        detail: crate::base::messages::IoProblem::of(&e),
    })
    .hint_opt(hint)
}

/// What to do about a file-system error a user can fix: a full disk, a missing permission, a
/// read-only disk.
fn io_hint(e: &std::io::Error) -> Option<OutputMessage> {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => Some(OutputMessage::HintDiskFull),
        ErrorKind::PermissionDenied => Some(OutputMessage::HintPermission),
        ErrorKind::ReadOnlyFilesystem => Some(OutputMessage::HintReadOnly),
        _ => None,
    }
}

fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    out.with_file_name(format!("{name}.tkpk-{suffix}"))
}

/// Whether `dir` is a folder carrying tkpk's mark, and whether the mark says it is complete.
fn marked(dir: &Path) -> Option<bool> {
    let meta = std::fs::symlink_metadata(dir).ok()?;
    if !meta.is_dir() {
        return None;
    }
    let text = std::fs::read_to_string(dir.join(MARKER)).ok()?;
    Some(text.ends_with(COMPLETE_LINE))
}

/// A name for a folder on its way out or in, unique to this process.
fn temporary(out: &Path, kind: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    sibling(out, &format!("{kind}-{}-{n}", std::process::id()))
}

/// Removes a folder tkpk left beside the output: a marked one (renamed to a discard name first,
/// so that a removal cut short never leaves it unmarked under a name tkpk reuses), or an empty
/// one (what a kill between creating a folder and marking it leaves). Anything else is not
/// ours: refused.
fn remove_ours(out: &Path, dir: &Path) -> Result<(), Diagnostic> {
    match std::fs::symlink_metadata(dir) {
        Err(_) => Ok(()),
        Ok(meta) if meta.is_dir() && dir.join(MARKER).is_file() => {
            let discard = temporary(out, "buang");
            std::fs::rename(dir, &discard).map_err(|e| write_error(dir, e))?;
            remove_marked(&discard)
        }
        Ok(meta)
            if meta.is_dir()
                && std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none()) =>
        {
            std::fs::remove_dir(dir).map_err(|e| write_error(dir, e))
        }
        Ok(_) => Err(Diagnostic::error(OutputMessage::OutputNotOurs {
            path: dir.display().to_string(),
        })
        .hint(OutputMessage::HintOutputNotOurs)),
    }
}

/// The folders an interrupted run left under tkpk's temporary names (`<output>.tkpk-buang-…`,
/// `<output>.tkpk-siap-…`): each removed when marked or empty, left alone otherwise.
fn remove_leftovers(out: &Path) -> Result<(), Diagnostic> {
    let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
        return Ok(());
    };
    let name = name.to_string_lossy();
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let ours = [format!("{name}.tkpk-buang-"), format!("{name}.tkpk-siap-")]
            .iter()
            .any(|prefix| file_name.starts_with(prefix.as_str()));
        if ours {
            let path = entry.path();
            // Not ours after all (unmarked and not empty): kept, and not in the way.
            if marked(&path).is_some()
                || std::fs::read_dir(&path).is_ok_and(|mut e| e.next().is_none())
            {
                remove_ours(out, &path)?;
            }
        }
    }
    Ok(())
}

/// Before anything else: when the output folder is missing but a complete marked copy lies
/// beside it (a run killed between the two renames of a swap), that copy is put back, the new
/// one before the previous one.
fn recover(out: &Path) -> Result<Option<PathBuf>, Diagnostic> {
    if std::fs::symlink_metadata(out).is_ok() {
        return Ok(None);
    }
    let new = sibling(out, "baru");
    let old = sibling(out, "lama");
    let from = if marked(&new) == Some(true) {
        new
    } else if marked(&old) == Some(true) {
        // The previous output, complete when it was swapped out (a removal cut short is not:
        // removals happen under a discard name, and an older mark without "complete" is not
        // trusted).
        old
    } else {
        return Ok(None);
    };
    std::fs::rename(&from, out).map_err(|e| write_error(&from, e))?;
    Ok(Some(from))
}

/// At the start of a build, before the site is read: an output a killed swap left missing is
/// restored from the complete copy beside it (so that a site with errors still has its last
/// output), when no other build holds the output. Returns where it came from.
pub(crate) fn restore_missing(root: &Path, output: &Path) -> Option<PathBuf> {
    // Never anything (not even a lock file) beside an output that is refused.
    check_target(root, output).ok()?;
    let out = absolute(output);
    if std::fs::symlink_metadata(&out).is_ok() || out.parent().is_none_or(|p| !p.is_dir()) {
        return None;
    }
    let _lock = lock(&out, &WhenBusy::Refuse).ok()?;
    recover(&out).ok().flatten()
}

/// Takes the output's lock: a file beside the output folder, locked by the OS for as long as
/// the returned handle lives. A file system without locks (some network shares) builds without
/// one.
fn lock(out: &Path, busy: &WhenBusy) -> Result<Option<std::fs::File>, Diagnostic> {
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| write_error(parent, e))?;
    }
    let path = sibling(out, "kunci");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| write_error(&path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => match busy {
            WhenBusy::Wait(tell) => {
                tell();
                file.lock().map_err(|e| write_error(&path, e))?;
                Ok(Some(file))
            }
            WhenBusy::Refuse => Err(Diagnostic::error(OutputMessage::OutputBusy {
                path: out.display().to_string(),
            })
            .hint(OutputMessage::HintOutputBusy)),
        },
        Err(std::fs::TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
            Ok(None)
        }
        Err(std::fs::TryLockError::Error(e)) => Err(write_error(&path, e)),
    }
}

/// Puts `new` in the place of `out` in one step where the system can (Linux), so that there is
/// no moment without an output; `out` then holds the new copy and `new` the previous one.
#[cfg(target_os = "linux")]
fn exchange(new: &Path, out: &Path) -> std::io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, new, CWD, out, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        // A file system without the exchange (or an old kernel): the two renames instead.
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_new: &Path, _out: &Path) -> std::io::Result<bool> {
    Ok(false)
}

/// Removes a marked folder: its entries in parallel (a national output holds thousands of
/// files, and unlinking them one by one was a tenth of a build), the mark last, so that a
/// removal cut short leaves a folder still marked as ours. Links are removed, never followed.
fn remove_marked(dir: &Path) -> Result<(), Diagnostic> {
    use rayon::prelude::*;
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| write_error(dir, e))?
        .map(|entry| entry.map(|e| e.path()).map_err(|e| write_error(dir, e)))
        .collect::<Result<_, _>>()?;
    entries
        .par_iter()
        .filter(|path| path.file_name().is_none_or(|n| n != MARKER))
        .try_for_each(|path| {
            let is_dir = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
            let removed = if is_dir {
                std::fs::remove_dir_all(path)
            } else {
                std::fs::remove_file(path)
            };
            removed.map_err(|e| write_error(path, e))
        })?;
    let marker = dir.join(MARKER);
    std::fs::remove_file(&marker).map_err(|e| write_error(&marker, e))?;
    std::fs::remove_dir(dir).map_err(|e| write_error(dir, e))
}

/// A new output being written: a marked folder beside the output folder that takes its place
/// only when [`Staging::commit`] is called, so the previous output stays whole (byte for
/// byte) until the new one is complete. Dropped without a commit, it removes itself.
///
/// Files may be written from several threads at once, as they are rendered: a page need not
/// wait in memory for the whole site.
pub(crate) struct Staging {
    out: PathBuf,
    staging: PathBuf,
    committed: bool,
    /// Held until the staging is dropped, or until a commit has removed the previous output
    /// too (released any earlier, the next writer could take the staging name while the
    /// previous output under it is still being removed).
    lock: Option<std::fs::File>,
    /// The copy a recovery put back at the start, if any (for the caller to say so).
    pub(crate) recovered: Option<PathBuf>,
}

impl Staging {
    /// Checks the output folder (see [`check_target`]), takes its lock (waiting or refusing as
    /// `busy` says), restores an output a killed run left beside its place, clears what an
    /// interrupted build left and makes the marked staging folder.
    pub(crate) fn begin(root: &Path, output: &Path, busy: WhenBusy) -> Result<Staging, Diagnostic> {
        check_target(root, output)?;
        let out = absolute(output);
        let lock = lock(&out, &busy)?;
        let recovered = recover(&out)?;
        let staging = sibling(&out, "baru");
        remove_ours(&out, &staging)?;
        remove_ours(&out, &sibling(&out, "lama"))?;
        // Leftovers under discard names are not in the way: one that cannot be removed now
        // (a file held open on Windows) is tried again by the next build.
        let _ = remove_leftovers(&out);
        // Made with its mark under a temporary name, then renamed into place: never unmarked.
        let ready = temporary(&out, "siap");
        std::fs::create_dir_all(&ready).map_err(|e| write_error(&ready, e))?;
        let marker = ready.join(MARKER);
        std::fs::write(&marker, MARKER_TEXT).map_err(|e| write_error(&marker, e))?;
        std::fs::rename(&ready, &staging).map_err(|e| write_error(&staging, e))?;
        Ok(Staging {
            out,
            staging,
            committed: false,
            lock,
            recovered,
        })
    }

    /// Writes one file, making its folder when it first needs one.
    pub(crate) fn write(&self, file: &OutputFile) -> Result<(), Diagnostic> {
        let path = self.staging.join(&file.path);
        match std::fs::write(&path, &file.bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(folder) = path.parent() {
                    std::fs::create_dir_all(folder).map_err(|e| write_error(folder, e))?;
                }
                std::fs::write(&path, &file.bytes)
            }
            done => done,
        }
        .map_err(|e| write_error(&path, e))
    }

    /// Copies a file as it is (a user's file from `static/`) to `path` in the new output.
    pub(crate) fn copy(&self, path: &str, source: &Path) -> Result<(), Diagnostic> {
        let to = self.staging.join(path);
        if let Some(folder) = to.parent() {
            std::fs::create_dir_all(folder).map_err(|e| write_error(folder, e))?;
        }
        // A failure to read the source names it; one to write (a full disk) names the output.
        let bytes = std::fs::read(source).map_err(|e| read_error(source, e))?;
        std::fs::write(&to, bytes).map_err(|e| write_error(&to, e))
    }

    /// Marks the new output complete, puts it in the place of the previous one, then removes
    /// the previous one. An error means the output was not changed; once the new output is in
    /// place, a previous copy that cannot be removed is only a warning (the next build removes
    /// it), so that "not changed" is never said of a changed output.
    pub(crate) fn commit(mut self) -> Result<Option<Diagnostic>, Diagnostic> {
        let lock = self.lock.take();
        let out = self.out.clone();
        let left = self.swap()?;
        let warning = left.and_then(|previous| {
            remove_ours(&out, &previous).err().map(|e| {
                Diagnostic::warning(OutputMessage::PreviousLeft {
                    path: previous.display().to_string(),
                    detail: e.message.text(crate::base::lang::Lang::Id),
                })
            })
        });
        drop(lock);
        Ok(warning)
    }

    /// The swap itself; returns where the previous output now is, if there was one.
    fn swap(mut self) -> Result<Option<PathBuf>, Diagnostic> {
        // The mark says "complete" before the swap (written whole, then renamed over).
        let marker = self.staging.join(MARKER);
        let fresh = self.staging.join(".tkpk-output.baru");
        std::fs::write(&fresh, format!("{MARKER_TEXT}{COMPLETE_LINE}"))
            .map_err(|e| write_error(&fresh, e))?;
        std::fs::rename(&fresh, &marker).map_err(|e| write_error(&marker, e))?;
        let had_previous = std::fs::symlink_metadata(&self.out).is_ok();
        if !had_previous {
            std::fs::rename(&self.staging, &self.out).map_err(|e| write_error(&self.out, e))?;
            self.committed = true;
            return Ok(None);
        }
        if exchange(&self.staging, &self.out).map_err(|e| write_error(&self.out, e))? {
            self.committed = true;
            // The staging name now holds the previous output.
            return Ok(Some(self.staging.clone()));
        }
        let previous = sibling(&self.out, "lama");
        std::fs::rename(&self.out, &previous).map_err(|e| write_error(&self.out, e))?;
        if let Err(e) = std::fs::rename(&self.staging, &self.out) {
            if std::fs::rename(&previous, &self.out).is_err() {
                // Neither copy could be put in place: both are kept beside it, complete, for
                // the next run to restore (never deleted here).
                self.committed = true;
            }
            return Err(write_error(&self.out, e));
        }
        self.committed = true;
        Ok(Some(previous))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_ours(&self.out, &self.staging);
        }
    }
}

/// Writes `files` as the new content of `output` through a [`Staging`] folder (the tests' way
/// of writing a whole site at once; builds stream pages into a `Staging` as they render).
#[cfg(test)]
pub(crate) fn write_site(
    root: &Path,
    output: &Path,
    files: &[OutputFile],
) -> Result<(), Diagnostic> {
    use rayon::prelude::*;
    let staging = Staging::begin(root, output, WhenBusy::Refuse)?;
    files.par_iter().try_for_each(|file| staging.write(file))?;
    staging.commit().map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn writes_then_replaces_its_own_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("output");
        write_site(root, &out, &[page("a/index.html", "satu")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "satu"
        );
        assert!(out.join(MARKER).is_file());
        write_site(root, &out, &[page("b.html", "dua")]).unwrap();
        assert!(!out.join("a").exists());
        assert!(!sibling(&out, "lama").exists() && !sibling(&out, "baru").exists());
    }

    #[test]
    fn an_abandoned_staging_removes_itself_and_leaves_the_output_alone() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("output");
        write_site(root, &out, &[page("a/index.html", "satu")]).unwrap();
        {
            let staging = Staging::begin(root, &out, WhenBusy::Refuse).unwrap();
            staging.write(&page("b/c/index.html", "dua")).unwrap();
            assert!(sibling(&out, "baru").join("b/c/index.html").is_file());
        }
        assert!(!sibling(&out, "baru").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "satu"
        );
        assert!(!out.join("b").exists());
    }

    #[test]
    fn a_removal_cut_short_is_finished_by_the_next_build_and_nothing_else_is_touched() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("output");
        // What an interrupted build leaves: the previous output, still marked, half removed.
        let left = sibling(&out, "lama");
        std::fs::create_dir_all(left.join("x/y")).unwrap();
        std::fs::write(left.join(MARKER), MARKER_TEXT).unwrap();
        std::fs::write(left.join("x/y/index.html"), "lama").unwrap();
        // An unmarked folder of the same kind of name is not ours: refused, kept.
        let foreign = sibling(&out, "baru");
        std::fs::create_dir_all(&foreign).unwrap();
        std::fs::write(foreign.join("catatan.txt"), "milik orang").unwrap();
        let refused = Staging::begin(root, &out, WhenBusy::Refuse)
            .err()
            .expect("refused");
        assert!(matches!(
            refused.message.downcast_ref(),
            Some(OutputMessage::OutputNotOurs { .. })
        ));
        assert!(foreign.join("catatan.txt").is_file());
        std::fs::remove_dir_all(&foreign).unwrap();
        write_site(root, &out, &[page("i.html", "x")]).unwrap();
        assert!(!left.exists());
        assert_eq!(std::fs::read_to_string(out.join("i.html")).unwrap(), "x");
    }

    #[test]
    fn refuses_foreign_and_unsafe_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let foreign = root.join("dokumen");
        std::fs::create_dir(&foreign).unwrap();
        std::fs::write(foreign.join("penting.docx"), "x").unwrap();
        let e = write_site(root, &foreign, &[page("i.html", "x")]).unwrap_err();
        assert!(matches!(
            e.message.downcast_ref(),
            Some(OutputMessage::OutputNotOurs { .. })
        ));
        assert!(foreign.join("penting.docx").is_file());
        for bad in [
            root.to_path_buf(),
            root.join("content"),
            root.join("content/x"),
            PathBuf::from("/"),
        ] {
            let e = check_target(root, &bad).unwrap_err();
            assert!(
                matches!(
                    e.message.downcast_ref(),
                    Some(OutputMessage::OutputUnsafe { .. })
                ),
                "{bad:?}"
            );
        }
        assert!(check_target(root, &root.join("output")).is_ok());
        // A link to a folder tkpk wrote is still refused: it would replace what it points at.
        #[cfg(unix)]
        {
            let ours = root.join("ours");
            write_site(root, &ours, &[page("i.html", "x")]).unwrap();
            let link = root.join("link");
            std::os::unix::fs::symlink(&ours, &link).unwrap();
            let e = check_target(root, &link).unwrap_err();
            assert!(matches!(
                e.message.downcast_ref(),
                Some(OutputMessage::OutputNotOurs { .. })
            ));
        }
    }

    fn content(dir: &Path) -> String {
        std::fs::read_to_string(dir.join("i.html")).unwrap()
    }

    /// A complete marked folder as a commit leaves it, holding `i.html` = `text`.
    fn complete(dir: &Path, text: &str) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(MARKER), format!("{MARKER_TEXT}{COMPLETE_LINE}")).unwrap();
        std::fs::write(dir.join("i.html"), text).unwrap();
    }

    #[test]
    fn a_second_writer_is_refused_or_waits_its_turn() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("output");
        let first = Staging::begin(root, &out, WhenBusy::Refuse).unwrap();
        first.write(&page("i.html", "pertama")).unwrap();
        // Refused while the first holds the output, nothing touched.
        let refused = Staging::begin(root, &out, WhenBusy::Refuse)
            .err()
            .expect("refused");
        assert!(matches!(
            refused.message.downcast_ref(),
            Some(OutputMessage::OutputBusy { .. })
        ));
        assert!(sibling(&out, "baru").join("i.html").is_file());
        // A waiting writer is told, then runs after the first has committed.
        let told = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            let second = scope.spawn(|| {
                let tell = || told.store(true, std::sync::atomic::Ordering::SeqCst);
                let staging = Staging::begin(root, &out, WhenBusy::Wait(&tell)).unwrap();
                staging.write(&page("i.html", "kedua")).unwrap();
                staging.commit().unwrap();
            });
            while !told.load(std::sync::atomic::Ordering::SeqCst) {
                std::thread::yield_now();
            }
            assert_eq!(content(&sibling(&out, "baru")), "pertama");
            first.commit().unwrap();
            second.join().unwrap();
        });
        assert_eq!(content(&out), "kedua");
        for gone in ["baru", "lama"] {
            assert!(!sibling(&out, gone).exists(), "{gone}");
        }
    }

    #[test]
    fn a_swap_cut_short_is_restored_before_anything_else() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("output");
        // Killed between the two renames: no output, the new one complete beside it, the
        // previous one too. The new one is put back, and a build that then fails keeps it.
        complete(&sibling(&out, "baru"), "baru");
        complete(&sibling(&out, "lama"), "lama");
        {
            let staging = Staging::begin(root, &out, WhenBusy::Refuse).unwrap();
            assert_eq!(staging.recovered, Some(sibling(&out, "baru")));
        }
        assert_eq!(content(&out), "baru");
        assert!(!sibling(&out, "lama").exists() && !sibling(&out, "baru").exists());
        // Killed after the first rename only: the new copy was not complete; the previous one
        // comes back.
        std::fs::remove_dir_all(&out).unwrap();
        complete(&sibling(&out, "lama"), "lama");
        let unfinished = sibling(&out, "baru");
        std::fs::create_dir_all(&unfinished).unwrap();
        std::fs::write(unfinished.join(MARKER), MARKER_TEXT).unwrap();
        let staging = Staging::begin(root, &out, WhenBusy::Refuse).unwrap();
        assert_eq!(staging.recovered, Some(sibling(&out, "lama")));
        drop(staging);
        assert_eq!(content(&out), "lama");
    }

    #[test]
    fn folders_a_kill_leaves_unmarked_or_half_removed_are_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("output");
        write_site(root, &out, &[page("i.html", "satu")]).unwrap();
        // Killed between making the staging folder and marking it (empty), while making a
        // folder under its temporary name, and in the middle of a removal.
        std::fs::create_dir(sibling(&out, "baru")).unwrap();
        std::fs::create_dir(sibling(&out, "siap-1-0")).unwrap();
        let half = sibling(&out, "buang-2-0");
        std::fs::create_dir_all(half.join("x")).unwrap();
        std::fs::write(half.join(MARKER), MARKER_TEXT).unwrap();
        // A folder of someone else's under a similar name is kept.
        let foreign = sibling(&out, "siap-catatan");
        std::fs::create_dir(&foreign).unwrap();
        std::fs::write(foreign.join("catatan.txt"), "milik orang").unwrap();
        write_site(root, &out, &[page("i.html", "dua")]).unwrap();
        assert_eq!(content(&out), "dua");
        for gone in ["baru", "siap-1-0", "buang-2-0", "lama"] {
            assert!(!sibling(&out, gone).exists(), "{gone}");
        }
        assert!(foreign.join("catatan.txt").is_file());
        // The commit left a complete mark.
        assert_eq!(marked(&out), Some(true));
    }

    #[test]
    fn a_full_disk_a_missing_permission_and_a_read_only_disk_each_get_advice() {
        use std::io::{Error, ErrorKind};
        let hint = |kind| {
            write_error(Path::new("output/x.html"), Error::from(kind))
                .hint
                .clone()
        };
        let said = |kind| {
            hint(kind)
                .map(|h| h.text(crate::base::lang::Lang::Id))
                .unwrap_or_default()
        };
        assert!(said(ErrorKind::StorageFull).starts_with("disk penuh"));
        assert!(said(ErrorKind::PermissionDenied).contains("akun ini tidak boleh menulis"));
        assert!(said(ErrorKind::PermissionDenied).starts_with("tutup dulu berkas"));
        assert!(said(ErrorKind::ReadOnlyFilesystem).starts_with("disk itu hanya dapat dibaca"));
        assert!(hint(ErrorKind::Other).is_none());
    }
}
