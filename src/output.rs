//! Writing the site: everything goes into a temporary folder beside the output folder and is
//! swapped in only when all of it was written. tkpk marks what it writes and never replaces a
//! folder without its mark, nor one that holds the site itself.

use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::render::OutputFile;
use std::path::{Path, PathBuf};

/// The file that marks a folder as written by tkpk.
pub const MARKER: &str = ".tkpk-output";
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
pub fn check_target(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    // A link is judged as written, before resolving it: replacing it would write elsewhere.
    if std::fs::symlink_metadata(output).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Diagnostic::error(Message::OutputNotOurs {
            path: output.display().to_string(),
        })
        .hint(Message::HintOutputNotOurs));
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
        return Err(Diagnostic::error(Message::OutputUnsafe { path: shown })
            .hint(Message::HintOutputUnsafe));
    }
    match std::fs::symlink_metadata(&out) {
        Ok(meta) if meta.file_type().is_symlink() || !meta.is_dir() => {
            Err(Diagnostic::error(Message::OutputNotOurs { path: shown })
                .hint(Message::HintOutputNotOurs))
        }
        Ok(_) if !out.join(MARKER).is_file() => {
            Err(Diagnostic::error(Message::OutputNotOurs { path: shown })
                .hint(Message::HintOutputNotOurs))
        }
        _ => Ok(()),
    }
}

fn write_error(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(Message::WriteFailed {
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
        Ok(meta) if meta.is_dir() && dir.join(MARKER).is_file() => {
            std::fs::remove_dir_all(dir).map_err(|e| write_error(dir, e))
        }
        Ok(_) => Err(Diagnostic::error(Message::OutputNotOurs {
            path: dir.display().to_string(),
        })
        .hint(Message::HintOutputNotOurs)),
    }
}

/// Writes `files` as the new content of `output`, atomically as far as the file system allows:
/// the previous output stays whole until the new one is complete.
pub fn write_site(root: &Path, output: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    check_target(root, output)?;
    let out = absolute(output);
    let staging = sibling(&out, "baru");
    let previous = sibling(&out, "lama");
    remove_ours(&staging)?;
    remove_ours(&previous)?;
    std::fs::create_dir_all(&staging).map_err(|e| write_error(&staging, e))?;
    let marker = staging.join(MARKER);
    std::fs::write(&marker, MARKER_TEXT).map_err(|e| write_error(&marker, e))?;
    // Folders first (in order), then the files in parallel.
    let mut folders: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| staging.join(&f.path).parent().map(Path::to_path_buf))
        .collect();
    folders.sort();
    folders.dedup();
    for folder in &folders {
        std::fs::create_dir_all(folder).map_err(|e| write_error(folder, e))?;
    }
    use rayon::prelude::*;
    files.par_iter().try_for_each(|file| {
        let path = staging.join(&file.path);
        std::fs::write(&path, &file.bytes).map_err(|e| write_error(&path, e))
    })?;
    let had_previous = out.exists();
    if had_previous {
        std::fs::rename(&out, &previous).map_err(|e| write_error(&out, e))?;
    }
    if let Err(e) = std::fs::rename(&staging, &out) {
        if had_previous {
            let _ = std::fs::rename(&previous, &out);
        }
        return Err(write_error(&out, e));
    }
    if had_previous {
        remove_ours(&previous)?;
    }
    Ok(())
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
    fn refuses_foreign_and_unsafe_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let foreign = root.join("dokumen");
        std::fs::create_dir(&foreign).unwrap();
        std::fs::write(foreign.join("penting.docx"), "x").unwrap();
        let e = write_site(root, &foreign, &[page("i.html", "x")]).unwrap_err();
        assert!(matches!(e.message, Message::OutputNotOurs { .. }));
        assert!(foreign.join("penting.docx").is_file());
        for bad in [
            root.to_path_buf(),
            root.join("content"),
            root.join("content/x"),
            PathBuf::from("/"),
        ] {
            let e = check_target(root, &bad).unwrap_err();
            assert!(matches!(e.message, Message::OutputUnsafe { .. }), "{bad:?}");
        }
        assert!(check_target(root, &root.join("output")).is_ok());
        // A link to a folder tkpk wrote is still refused: it would replace what it points at.
        let ours = root.join("ours");
        write_site(root, &ours, &[page("i.html", "x")]).unwrap();
        let link = root.join("link");
        std::os::unix::fs::symlink(&ours, &link).unwrap();
        let e = check_target(root, &link).unwrap_err();
        assert!(matches!(e.message, Message::OutputNotOurs { .. }));
    }
}
