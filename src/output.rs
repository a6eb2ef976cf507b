//! Writing the site: everything goes into a temporary folder beside the output folder and is
//! swapped in only when all of it was written. tkpk marks what it writes and never replaces a
//! folder without its mark, nor one that holds the site itself.

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
    let protected = [root.clone(), root.join("content"), root.join("themes")];
    let unsafe_target = out.parent().is_none()
        || protected.iter().any(|p| p.starts_with(&out))
        || out.starts_with(root.join("content"))
        || out.starts_with(root.join("themes"));
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

fn write_error(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(OutputMessage::WriteFailed {
        path: path.display().to_string(),
        detail: e.to_string(),
    })
}

fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    out.with_file_name(format!("{name}.tkpk-{suffix}"))
}

/// Removes a folder only when it carries tkpk's mark (a leftover of an interrupted build).
fn remove_ours(dir: &Path) -> Result<(), Diagnostic> {
    match std::fs::symlink_metadata(dir) {
        Err(_) => Ok(()),
        Ok(meta) if meta.is_dir() && dir.join(MARKER).is_file() => remove_marked(dir),
        Ok(_) => Err(Diagnostic::error(OutputMessage::OutputNotOurs {
            path: dir.display().to_string(),
        })
        .hint(OutputMessage::HintOutputNotOurs)),
    }
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
}

impl Staging {
    /// Checks the output folder (see [`check_target`]), clears what an interrupted build left
    /// and makes the marked staging folder.
    pub(crate) fn begin(root: &Path, output: &Path) -> Result<Staging, Diagnostic> {
        check_target(root, output)?;
        let out = absolute(output);
        let staging = sibling(&out, "baru");
        remove_ours(&staging)?;
        remove_ours(&sibling(&out, "lama"))?;
        std::fs::create_dir_all(&staging).map_err(|e| write_error(&staging, e))?;
        let begun = Staging {
            out,
            staging,
            committed: false,
        };
        let marker = begun.staging.join(MARKER);
        std::fs::write(&marker, MARKER_TEXT).map_err(|e| write_error(&marker, e))?;
        Ok(begun)
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

    /// Puts the new output in the place of the previous one, then removes the previous one.
    pub(crate) fn commit(mut self) -> Result<(), Diagnostic> {
        let previous = sibling(&self.out, "lama");
        let had_previous = self.out.exists();
        if had_previous {
            std::fs::rename(&self.out, &previous).map_err(|e| write_error(&self.out, e))?;
        }
        if let Err(e) = std::fs::rename(&self.staging, &self.out) {
            if had_previous {
                let _ = std::fs::rename(&previous, &self.out);
            }
            return Err(write_error(&self.out, e));
        }
        self.committed = true;
        if had_previous {
            remove_ours(&previous)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_ours(&self.staging);
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
    let staging = Staging::begin(root, output)?;
    files.par_iter().try_for_each(|file| staging.write(file))?;
    staging.commit()
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
            let staging = Staging::begin(root, &out).unwrap();
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
        let refused = Staging::begin(root, &out).err().expect("refused");
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
