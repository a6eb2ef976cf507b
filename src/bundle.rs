//! `tkpk paket`: one region and year for the penilaian as one ZIP. The binary prints the
//! report and the sheet (through [`crate::pdf`]); this module gathers what the build wrote
//! beside them (the XLSX tables and matrices) and the year's evidence files, writes the
//! manifest and the ZIP, and puts it in place.
//!
//! The ZIP is deterministic: the manifest first, then the PDFs, the XLSX and the evidence
//! files in a fixed order, every entry dated the build date at midnight, mode 0644, deflated;
//! the same files and date give the same bytes.

pub mod messages;

use crate::base::diagnostics::Diagnostic;
use crate::base::lang::Lang;
use crate::base::messages::{IoProblem, Words};
use crate::model::Site;
use crate::model::institution::Date;
use messages::BundleMessage;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;

/// The manifest's name inside the ZIP.
pub const MANIFEST: &str = "MANIFEST.txt";

/// The folder of the ZIP that holds the XLSX files.
pub const DOWNLOADS: &str = "unduhan";

/// One file of a bundle: its name inside the ZIP and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Why a bundle was not made, with what to do.
#[derive(Debug, thiserror::Error)]
#[error("{}", message.text(Lang::En))]
pub struct BundleError {
    pub message: Box<BundleMessage>,
    pub hint: Option<Box<BundleMessage>>,
}

impl BundleError {
    fn new(message: BundleMessage) -> Self {
        BundleError {
            message: Box::new(message),
            hint: None,
        }
    }

    fn with_hint(message: BundleMessage, hint: BundleMessage) -> Self {
        BundleError {
            message: Box::new(message),
            hint: Some(Box::new(hint)),
        }
    }

    /// The error as the user reads it.
    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic::error((*self.message).clone()).hint_opt(self.hint.as_deref().cloned())
    }
}

impl From<BundleMessage> for BundleError {
    fn from(message: BundleMessage) -> Self {
        BundleError::new(message)
    }
}

/// What the manifest says of the bundle besides its files.
pub struct Info<'a> {
    /// `Kabupaten Blora`.
    pub region: &'a str,
    pub year: i32,
    /// The build date: given, or from the content ([`content_date`]).
    pub date: Date,
    pub lang: Lang,
    /// A draft bundle (`tkpk paket --draf`): its manifest says so on its first line.
    pub draft: bool,
}

/// The date of a region's year by its content (see `model::evidence::content_date`); 31
/// December of the year for a region the site does not hold.
pub fn content_date(site: &Site, slug: &str, year: i32) -> Date {
    let data = site
        .regions
        .iter()
        .find(|r| r.slug == slug)
        .and_then(|r| r.year_data(year));
    crate::model::evidence::content_date(data, year)
}

/// `2026-01-15` as a date, or the error that says how to write one.
pub fn parse_date(text: &str) -> Result<Date, BundleError> {
    Date::parse(text).ok_or_else(|| {
        BundleError::with_hint(
            BundleMessage::BadDate {
                text: text.to_string(),
            },
            BundleMessage::HintDate,
        )
    })
}

fn read(path: &Path) -> Result<Vec<u8>, BundleError> {
    std::fs::read(path).map_err(|e| {
        BundleError::new(BundleMessage::ReadFailed {
            path: path.display().to_string(),
            detail: IoProblem::of(&e),
        })
    })
}

/// The files a bundle takes besides the PDFs: the XLSX that the build in `output` wrote beside
/// the year's report and sheet (`<slug>/<year>/unduh/*.xlsx`, as `unduhan/<name>`, by name),
/// then the year's evidence files (as `bukti/<name>`, by name).
pub fn gather(
    site: &Site,
    output: &Path,
    slug: &str,
    year: i32,
) -> Result<Vec<Entry>, BundleError> {
    let folder = output
        .join(slug)
        .join(year.to_string())
        .join(crate::downloads::pages::FOLDER);
    let mut names: Vec<String> = match std::fs::read_dir(&folder) {
        Ok(dir) => dir
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.ends_with(".xlsx"))
            .collect(),
        // A site that writes no downloads (`unduhan: false`) has none to bundle.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            return Err(BundleError::new(BundleMessage::ReadFailed {
                path: folder.display().to_string(),
                detail: IoProblem::of(&e),
            }));
        }
    };
    names.sort();
    let mut entries = Vec::new();
    for name in names {
        entries.push(Entry {
            bytes: read(&folder.join(&name))?,
            name: format!("{DOWNLOADS}/{name}"),
        });
    }
    let institution = site
        .regions
        .iter()
        .find(|r| r.slug == slug)
        .and_then(|r| r.year_data(year))
        .and_then(|d| d.institution.as_ref());
    for scan in institution.map(|i| i.scans()).unwrap_or_default() {
        entries.push(Entry {
            bytes: read(&scan.source)?,
            name: scan.path.clone(),
        });
    }
    Ok(entries)
}

/// The SHA-256 of `bytes` in lowercase hex, as `sha256sum` writes it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The manifest: what the bundle is, tkpk's version, the build date, and each file with its
/// size in bytes and its SHA-256.
pub fn manifest(entries: &[Entry], info: &Info) -> String {
    let t = |id: &'static str, en: &'static str| if info.lang == Lang::Id { id } else { en };
    let mut text = format!(
        "{}{}\n{}: {}\n{}: {}\n{}: {}\n{}: tkpk {}\n\n{}:\n",
        t(
            "Paket penilaian kinerja penanggulangan kemiskinan daerah",
            "Regional poverty-reduction performance evaluation bundle"
        ),
        if info.draft {
            t(
                " (DRAF: belum disahkan, bukan untuk diunggah)",
                " (DRAFT: not yet signed off, not for upload)",
            )
        } else {
            ""
        },
        t("Wilayah", "Region"),
        info.region,
        t("Tahun", "Year"),
        info.year,
        t("Tanggal build", "Build date"),
        info.date.iso(),
        t("Dibuat dengan", "Made with"),
        env!("CARGO_PKG_VERSION"),
        t(
            "Berkas (SHA-256, ukuran dalam bita, nama)",
            "Files (SHA-256, size in bytes, name)"
        ),
    );
    for e in entries {
        text.push_str(&format!(
            "{}  {}  {}\n",
            sha256_hex(&e.bytes),
            e.bytes.len(),
            e.name
        ));
    }
    text
}

/// The ZIP of `entries` (in their order) after the manifest; deterministic (see the module).
pub fn zip(entries: &[Entry], info: &Info) -> Result<Vec<u8>, BundleError> {
    let failed = |e: &dyn std::fmt::Display| {
        BundleError::new(BundleMessage::ZipFailed {
            detail: e.to_string(),
        })
    };
    let Date { year, month, day } = info.date;
    let when = zip::DateTime::from_date_and_time(
        u16::try_from(year).map_err(|e| failed(&e))?,
        month,
        day,
        0,
        0,
        0,
    )
    .map_err(|e| failed(&e))?;
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .system(zip::System::Unix)
        .last_modified_time(when)
        .unix_permissions(0o644);
    let manifest = Entry {
        name: MANIFEST.to_string(),
        bytes: manifest(entries, info).into_bytes(),
    };
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for entry in std::iter::once(&manifest).chain(entries) {
        writer
            .start_file(entry.name.as_str(), options)
            .map_err(|e| failed(&e))?;
        writer.write_all(&entry.bytes).map_err(|e| failed(&e))?;
    }
    Ok(writer.finish().map_err(|e| failed(&e))?.into_inner())
}

/// What [`write`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    New,
    /// A different bundle was there (`--timpa`).
    Replaced,
    /// The same bytes were there: nothing written.
    Unchanged,
}

/// Puts `bytes` at `path` by a rename from a temporary file beside it. A file already there
/// with the same bytes is left as it is; one with other bytes is replaced only when
/// `overwrite`.
pub fn write(path: &Path, bytes: &[u8], overwrite: bool) -> Result<Written, BundleError> {
    let failed = |e: &std::io::Error| {
        BundleError::new(BundleMessage::WriteFailed {
            path: path.display().to_string(),
            detail: IoProblem::of(e),
        })
    };
    let written = match std::fs::read(path) {
        Ok(existing) if existing == bytes => return Ok(Written::Unchanged),
        Ok(_) if !overwrite => {
            return Err(BundleError::with_hint(
                BundleMessage::Exists {
                    path: path.display().to_string(),
                },
                BundleMessage::HintOverwrite,
            ));
        }
        Ok(_) => Written::Replaced,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Written::New,
        Err(e) => return Err(failed(&e)),
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder).map_err(|e| failed(&e))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".tkpk-paket-")
        .tempfile_in(folder)
        .map_err(|e| failed(&e))?;
    temp.write_all(bytes).map_err(|e| failed(&e))?;
    // Readable as any file the user saves (a temporary file's permissions are private).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(|e| failed(&e))?;
    }
    temp.as_file().sync_all().map_err(|e| failed(&e))?;
    temp.persist(path).map_err(|e| failed(&e.error))?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info() -> Info<'static> {
        Info {
            region: "Kabupaten Contoh",
            year: 2025,
            date: Date {
                year: 2025,
                month: 11,
                day: 5,
            },
            lang: Lang::Id,
            draft: false,
        }
    }

    fn entries() -> Vec<Entry> {
        vec![
            Entry {
                name: "laporan.pdf".into(),
                bytes: b"%PDF-1.4 laporan".to_vec(),
            },
            Entry {
                name: "bukti/sk.pdf".into(),
                bytes: b"%PDF-1.4 sk".to_vec(),
            },
        ]
    }

    #[test]
    fn sha256_is_the_standard_one() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn the_zip_lists_the_manifest_first_with_every_entry_hashed_and_dated() {
        let bytes = zip(&entries(), &info()).unwrap();
        assert_eq!(
            bytes,
            zip(&entries(), &info()).unwrap(),
            "not deterministic"
        );
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let names: Vec<String> = archive
            .file_names()
            .map(|n| n.unwrap().into_owned())
            .collect();
        assert_eq!(names, [MANIFEST, "laporan.pdf", "bukti/sk.pdf"]);
        let mut read = |name: &str| {
            let mut file = archive.by_name(name).unwrap();
            let when = file.last_modified().unwrap();
            assert_eq!(
                (when.year(), when.month(), when.day(), when.hour()),
                (2025, 11, 5, 0)
            );
            assert_eq!(file.unix_mode(), Some(0o100644));
            let mut out = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut out).unwrap();
            out
        };
        let manifest = String::from_utf8(read(MANIFEST)).unwrap();
        assert!(manifest.contains("Tanggal build: 2025-11-05"), "{manifest}");
        assert!(
            manifest.contains(&format!("tkpk {}", env!("CARGO_PKG_VERSION"))),
            "{manifest}"
        );
        for e in entries() {
            assert_eq!(read(&e.name), e.bytes);
            let line = format!("{}  {}  {}\n", sha256_hex(&e.bytes), e.bytes.len(), e.name);
            assert!(manifest.contains(&line), "{line} in {manifest}");
        }
    }

    #[test]
    fn a_bundle_is_written_once_and_replaced_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("paket/a.zip");
        assert_eq!(write(&path, b"satu", false).unwrap(), Written::New);
        assert_eq!(write(&path, b"satu", false).unwrap(), Written::Unchanged);
        let e = write(&path, b"dua", false).unwrap_err();
        assert!(matches!(*e.message, BundleMessage::Exists { .. }));
        assert_eq!(std::fs::read(&path).unwrap(), b"satu");
        assert_eq!(write(&path, b"dua", true).unwrap(), Written::Replaced);
        assert_eq!(std::fs::read(&path).unwrap(), b"dua");
        // No temporary file is left beside it.
        assert_eq!(
            std::fs::read_dir(dir.path().join("paket")).unwrap().count(),
            1
        );
    }

    #[test]
    fn a_date_is_written_year_month_day() {
        assert_eq!(parse_date("2026-01-15").unwrap().iso(), "2026-01-15");
        let e = parse_date("15-01-2026").unwrap_err();
        assert!(
            e.diagnostic()
                .render(Lang::Id)
                .contains("`--tanggal 15-01-2026` bukan tanggal")
        );
    }
}
