//! Evidence files: the scans of signed decrees, plans, reports and minutes that a year's
//! `kelembagaan.yaml` names with `berkas: bukti/<name>`, kept in the year's `bukti/` folder.
//! Each is checked where it is named: inside that folder, a plain file (no link on the way),
//! a PDF, JPEG or PNG by its first bytes as well as by its name, and at most
//! [`MAX_SCAN_BYTES`].

use crate::base::diagnostics::{Diagnostic, Diagnostics, SourceText, at};
use crate::base::messages::IoProblem;
use crate::model::messages::ModelMessage;
use serde_saphyr::Spanned;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The folder of a report year (`content/<slug>/<year>/bukti/`) that holds its evidence.
pub(crate) const EVIDENCE_FOLDER: &str = "bukti";

/// The largest evidence file: a scanned decree of a few dozen pages fits.
pub(crate) const MAX_SCAN_BYTES: u64 = 20 * 1024 * 1024;

/// What an evidence file may be: what evaluators open anywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScanKind {
    Pdf,
    Jpeg,
    Png,
}

impl ScanKind {
    /// The kind a file name promises, by its extension (any case).
    pub(crate) fn of_name(name: &str) -> Option<ScanKind> {
        let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(ScanKind::Pdf),
            "jpg" | "jpeg" => Some(ScanKind::Jpeg),
            "png" => Some(ScanKind::Png),
            _ => None,
        }
    }

    /// The kind a file's first bytes show.
    pub(crate) fn of_bytes(head: &[u8]) -> Option<ScanKind> {
        if head.starts_with(b"%PDF-") {
            Some(ScanKind::Pdf)
        } else if head.starts_with(b"\xff\xd8\xff") {
            Some(ScanKind::Jpeg)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ScanKind::Png)
        } else {
            None
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            ScanKind::Pdf => "PDF",
            ScanKind::Jpeg => "JPEG",
            ScanKind::Png => "PNG",
        }
    }
}

/// A checked evidence file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Scan {
    /// As written, from the year folder, with `/`: `bukti/sk-tkpk-2025.pdf`.
    pub path: String,
    /// Where it is on disk.
    pub source: PathBuf,
    pub size: u64,
}

/// A `berkas:` value checked against the year folder `folder` (on disk) whose `kelembagaan.yaml`
/// is `source`; every problem an error at the value.
pub(crate) fn scan(
    raw: Option<&Spanned<String>>,
    folder: &Path,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<Scan> {
    let raw = raw?;
    let path = raw.value.trim().replace('\\', "/");
    let shown = source
        .display_path
        .parent()
        .unwrap_or(Path::new(""))
        .join(&path)
        .to_string_lossy()
        .replace('\\', "/");
    let problem = check(&path, folder, &shown);
    match problem {
        Ok(size) => Some(Scan {
            source: folder.join(&path),
            path,
            size,
        }),
        Err(message) => {
            diagnostics.push(
                Diagnostic::error(message)
                    .at(at(source, raw))
                    .hint(ModelMessage::HintEvidence {
                        folder: source
                            .display_path
                            .parent()
                            .unwrap_or(Path::new(""))
                            .join(EVIDENCE_FOLDER)
                            .to_string_lossy()
                            .replace('\\', "/"),
                    }),
            );
            None
        }
    }
}

/// The size of the evidence file `path` (relative to `folder`), or what is wrong with it.
fn check(path: &str, folder: &Path, shown: &str) -> Result<u64, ModelMessage> {
    let parts: Vec<&str> = path.split('/').collect();
    let inside = parts.len() >= 2
        && parts[0] == EVIDENCE_FOLDER
        && !path.contains(':')
        && parts
            .iter()
            .all(|p| !p.is_empty() && *p != "." && *p != "..");
    if !inside {
        return Err(ModelMessage::EvidenceOutside {
            path: path.to_string(),
        });
    }
    let Some(kind) = ScanKind::of_name(path) else {
        return Err(ModelMessage::EvidenceType {
            path: path.to_string(),
        });
    };
    // Every step from the year folder is looked at without following it: a link anywhere on
    // the way (a linked `bukti/` folder too) is refused, as everywhere in a site.
    let mut at = folder.to_path_buf();
    let mut meta = None;
    for part in &parts {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(ModelMessage::EvidenceLink {
                    path: shown.to_string(),
                });
            }
            Ok(m) => meta = Some(m),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ModelMessage::EvidenceMissing {
                    path: shown.to_string(),
                });
            }
            Err(e) => {
                return Err(ModelMessage::EvidenceUnreadable {
                    path: shown.to_string(),
                    detail: IoProblem::of(&e),
                });
            }
        }
    }
    let size = match meta {
        Some(m) if m.is_file() => m.len(),
        _ => {
            return Err(ModelMessage::EvidenceMissing {
                path: shown.to_string(),
            });
        }
    };
    if size > MAX_SCAN_BYTES {
        return Err(ModelMessage::EvidenceTooLarge {
            path: shown.to_string(),
            size,
            limit: MAX_SCAN_BYTES,
        });
    }
    let mut head = Vec::with_capacity(8);
    std::fs::File::open(&at)
        .and_then(|f| f.take(8).read_to_end(&mut head))
        .map_err(|e| ModelMessage::EvidenceUnreadable {
            path: shown.to_string(),
            detail: IoProblem::of(&e),
        })?;
    let found = ScanKind::of_bytes(&head);
    if found != Some(kind) {
        return Err(ModelMessage::EvidenceNotItsType {
            path: shown.to_string(),
            expected: kind.name(),
            found: found.map(ScanKind::name),
        });
    }
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A year folder holding `bukti/` with the given files.
    fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        dir
    }

    fn checked(dir: &Path, path: &str) -> Result<u64, ModelMessage> {
        check(path, dir, &format!("content/k/2025/{path}"))
    }

    #[test]
    fn a_file_is_known_by_its_first_bytes() {
        assert_eq!(ScanKind::of_bytes(b"%PDF-1.7\n"), Some(ScanKind::Pdf));
        assert_eq!(
            ScanKind::of_bytes(b"\xff\xd8\xff\xe0"),
            Some(ScanKind::Jpeg)
        );
        assert_eq!(
            ScanKind::of_bytes(b"\x89PNG\r\n\x1a\n"),
            Some(ScanKind::Png)
        );
        assert_eq!(ScanKind::of_bytes(b"PK\x03\x04"), None);
        assert_eq!(ScanKind::of_bytes(b""), None);
        assert_eq!(ScanKind::of_name("bukti/SK.JPEG"), Some(ScanKind::Jpeg));
        assert_eq!(ScanKind::of_name("bukti/sk.docx"), None);
    }

    #[test]
    fn every_problem_of_a_file_is_its_own_error() {
        let dir = folder(&[
            ("bukti/sk.pdf", b"%PDF-1.4 ..."),
            ("bukti/foto.png", b"%PDF-1.4 ..."),
            ("bukti/kosong.pdf", b""),
            ("bukti/map/x.jpg", b"\xff\xd8\xff\xe0"),
            ("lain.pdf", b"%PDF-1.4"),
        ]);
        let d = dir.path();
        assert_eq!(checked(d, "bukti/sk.pdf"), Ok(12));
        assert_eq!(checked(d, "bukti/map/x.jpg"), Ok(4));
        for outside in [
            "lain.pdf",
            "bukti/../lain.pdf",
            "/etc/x.pdf",
            "C:/x.pdf",
            "bukti/",
        ] {
            assert!(
                matches!(
                    checked(d, outside),
                    Err(ModelMessage::EvidenceOutside { .. })
                ),
                "{outside}"
            );
        }
        assert!(matches!(
            checked(d, "bukti/sk.docx"),
            Err(ModelMessage::EvidenceType { .. })
        ));
        assert_eq!(
            checked(d, "bukti/tidak-ada.pdf"),
            Err(ModelMessage::EvidenceMissing {
                path: "content/k/2025/bukti/tidak-ada.pdf".into()
            })
        );
        assert_eq!(
            checked(d, "bukti/map"),
            Err(ModelMessage::EvidenceType {
                path: "bukti/map".into()
            })
        );
        assert_eq!(
            checked(d, "bukti/foto.png"),
            Err(ModelMessage::EvidenceNotItsType {
                path: "content/k/2025/bukti/foto.png".into(),
                expected: "PNG",
                found: Some("PDF"),
            })
        );
        assert!(matches!(
            checked(d, "bukti/kosong.pdf"),
            Err(ModelMessage::EvidenceNotItsType { found: None, .. })
        ));
    }

    #[test]
    fn a_file_above_the_limit_is_refused_unread() {
        let dir = folder(&[]);
        std::fs::create_dir(dir.path().join("bukti")).unwrap();
        let big = std::fs::File::create(dir.path().join("bukti/besar.pdf")).unwrap();
        big.set_len(MAX_SCAN_BYTES + 1).unwrap();
        assert_eq!(
            checked(dir.path(), "bukti/besar.pdf"),
            Err(ModelMessage::EvidenceTooLarge {
                path: "content/k/2025/bukti/besar.pdf".into(),
                size: MAX_SCAN_BYTES + 1,
                limit: MAX_SCAN_BYTES,
            })
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_on_the_way_is_refused() {
        let dir = folder(&[("asli/sk.pdf", b"%PDF-1.4")]);
        std::os::unix::fs::symlink(dir.path().join("asli"), dir.path().join("bukti")).unwrap();
        assert!(matches!(
            checked(dir.path(), "bukti/sk.pdf"),
            Err(ModelMessage::EvidenceLink { .. })
        ));
        std::fs::remove_file(dir.path().join("bukti")).unwrap();
        std::fs::create_dir(dir.path().join("bukti")).unwrap();
        std::os::unix::fs::symlink(
            dir.path().join("asli/sk.pdf"),
            dir.path().join("bukti/sk.pdf"),
        )
        .unwrap();
        assert!(matches!(
            checked(dir.path(), "bukti/sk.pdf"),
            Err(ModelMessage::EvidenceLink { .. })
        ));
    }
}
