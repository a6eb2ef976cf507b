//! Loading: walks the site folder, reads every file safely (UTF-8, size, no symlinks) and parses
//! it into raw documents that still know where each value came from. Nothing here judges the
//! figures; `model::validate` does.

pub(crate) mod annual;
mod cache;
pub(crate) mod messages;
pub(crate) mod program_fields;
pub(crate) mod scheme;
pub(crate) mod yaml;

pub(crate) use cache::ParseCache;

use crate::base::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::base::indicators::DeclaredIndicator;
use crate::base::lang::Lang;
use messages::LoadMessage;
use rayon::prelude::*;
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walkdir::WalkDir;
use yaml::Entries;

/// Authored files above this size are refused: they are not hand-written content.
pub(crate) const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A figure as written: a number if all is well, otherwise whatever the author wrote.
pub(crate) type RawFigure = Spanned<serde_json::Value>;
/// `{YEAR: {KEY: figure}}`.
pub(crate) type RawYearTable<V> = Entries<Spanned<String>, Entries<Spanned<String>, V>>;

// Top-level documents do not use `deny_unknown_fields`: `yaml::parse` reports every unknown key
// itself (from the struct's own field list) and still reads the rest, so that one run shows
// every problem of a file. Nested structs deny unknown fields as usual.

fn downloads_on() -> bool {
    true
}

/// `site.yaml`.
#[derive(Debug, Deserialize)]
pub struct RawConfig {
    pub judul: String,
    #[serde(default)]
    pub deskripsi: Option<String>,
    #[serde(default)]
    pub bahasa: Lang,
    #[serde(default)]
    pub tahun_laporan: Option<Spanned<i64>>,
    #[serde(default)]
    pub tema: Option<Spanned<String>>,
    #[serde(default)]
    pub base_url: Option<Spanned<String>>,
    /// Whether reports and sheets get their CSV, JSON and XLSX downloads (on unless `false`).
    #[serde(default = "downloads_on")]
    pub unduhan: bool,
    #[serde(default)]
    pub indikator: Vec<DeclaredIndicator>,
    /// Evaluation schemes that replace a built-in year or add one.
    #[serde(default)]
    pub skema_penilaian: Vec<scheme::RawScheme>,
    /// The national best tagged-spending score of a year, the denominator of a normalised
    /// score (PMK 97/2023: X/Xmaks), with its source.
    #[serde(default)]
    pub skor_tagging_tertinggi: Vec<scheme::RawTopScore>,
    /// Scoring rules a scheme does not publish, per scheme year and measure.
    #[serde(default)]
    pub aturan_skor: Vec<scheme::RawScoreRule>,
    /// The emblem shown beside the site's title and on report covers: a file under `static/`.
    #[serde(default)]
    pub lambang: Option<Spanned<String>>,
    /// Which reports and sheets are public (`terbit:`); all of them when absent.
    #[serde(default)]
    pub terbit: Option<Spanned<RawPublish>>,
    /// The reports' list of abbreviations (Daftar Singkatan): `{BPS: Badan Pusat Statistik}`.
    #[serde(default)]
    pub singkatan: std::collections::BTreeMap<String, String>,
}

/// `terbit:` in site.yaml: `tahun: [2024, 2025]` (the report years published) and
/// `penilaian: true | false | [2025]` (whose evaluation sheets are public).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPublish {
    #[serde(default)]
    pub tahun: Option<Vec<Spanned<i64>>>,
    #[serde(default)]
    pub penilaian: Option<Spanned<serde_json::Value>>,
}

/// The figures of one file, borrowed from `indikator.yaml` or a reference file (both have the
/// same keys for figures, so one validator reads both).
#[derive(Debug, Clone, Copy)]
pub struct RawSeries<'a> {
    pub sumber: &'a str,
    pub data: &'a RawYearTable<RawFigure>,
    pub data_september: &'a RawYearTable<RawFigure>,
    pub sumber_data: &'a RawYearTable<Spanned<String>>,
    pub sumber_data_september: &'a RawYearTable<Spanned<String>>,
    /// `{KEY: {YEAR: figure}}`.
    pub target: &'a RawYearTable<RawFigure>,
    pub sumber_target: Option<&'a str>,
    pub periode_target: Option<&'a RawPeriod>,
    /// `{YEAR: text}`: the survey round of a year whose figures are not from March.
    pub periode: &'a Entries<Spanned<String>, Spanned<String>>,
    /// `{YEAR: [KEY, …]}`: the March figures that are illustrative, not official.
    pub ilustrasi: &'a Entries<Spanned<String>, Vec<Spanned<String>>>,
}

/// A plan period as written: `{mulai: 2021, akhir: 2026}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    pub mulai: Spanned<i64>,
    pub akhir: Spanned<i64>,
}

macro_rules! series_of {
    ($t:ty) => {
        impl $t {
            pub fn series(&self) -> RawSeries<'_> {
                RawSeries {
                    sumber: &self.sumber,
                    data: &self.data,
                    data_september: &self.data_september,
                    sumber_data: &self.sumber_data,
                    sumber_data_september: &self.sumber_data_september,
                    target: &self.target,
                    sumber_target: self.sumber_target.as_deref(),
                    periode_target: self.periode_target.as_ref(),
                    periode: &self.periode,
                    ilustrasi: &self.ilustrasi,
                }
            }
        }
    };
}
series_of!(RawIndicatorFile);
series_of!(RawReferenceFile);

/// `content/<slug>/indikator.yaml`.
#[derive(Debug, Clone, Deserialize)]
pub struct RawIndicatorFile {
    pub sumber: String,
    #[serde(default)]
    pub data: RawYearTable<RawFigure>,
    #[serde(default)]
    pub data_september: RawYearTable<RawFigure>,
    #[serde(default)]
    pub sumber_data: RawYearTable<Spanned<String>>,
    #[serde(default)]
    pub sumber_data_september: RawYearTable<Spanned<String>>,
    #[serde(default)]
    pub target: RawYearTable<RawFigure>,
    #[serde(default)]
    pub sumber_target: Option<String>,
    /// The plan period of the targets (`{mulai: 2021, akhir: 2026}`): a report outside it
    /// shows no target.
    #[serde(default)]
    pub periode_target: Option<RawPeriod>,
    /// The survey round of the years whose figures are not from March (`{2005: Juli}`).
    #[serde(default)]
    pub periode: Entries<Spanned<String>, Spanned<String>>,
    /// The figures that are illustrative (`{2025: [p0, jumlah_penduduk_miskin]}`), as
    /// `tkpk new` writes them: marked on every page, replaced by `tkpk impor` without `--timpa`.
    #[serde(default)]
    pub ilustrasi: Entries<Spanned<String>, Vec<Spanned<String>>>,
    /// The author's order of the priority problems of a year, each with its reason
    /// (`{2025: [{indikator: sanitasi_layak, alasan: "…"}]}`): placed first, in this order.
    #[serde(default)]
    pub prioritas_masalah: Entries<Spanned<String>, Vec<RawPriority>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Nasional,
    Provinsi,
}

/// `content/referensi/<slug>.yaml`: the nation or a province.
#[derive(Debug, Clone, Deserialize)]
pub struct RawReferenceFile {
    pub nama: String,
    pub tingkat: Level,
    pub kode: Spanned<String>,
    pub sumber: String,
    #[serde(default)]
    pub data: RawYearTable<RawFigure>,
    #[serde(default)]
    pub data_september: RawYearTable<RawFigure>,
    #[serde(default)]
    pub sumber_data: RawYearTable<Spanned<String>>,
    #[serde(default)]
    pub sumber_data_september: RawYearTable<Spanned<String>>,
    #[serde(default)]
    pub target: RawYearTable<RawFigure>,
    #[serde(default)]
    pub sumber_target: Option<String>,
    /// The plan period of the targets (`{mulai: 2021, akhir: 2026}`): a report outside it
    /// shows no target.
    #[serde(default)]
    pub periode_target: Option<RawPeriod>,
    /// The survey round of the years whose figures are not from March (`{2005: Juli}`).
    #[serde(default)]
    pub periode: Entries<Spanned<String>, Spanned<String>>,
    /// The figures that are illustrative (`{2025: [p0, jumlah_penduduk_miskin]}`), as
    /// `tkpk new` writes them: marked on every page, replaced by `tkpk impor` without `--timpa`.
    #[serde(default)]
    pub ilustrasi: Entries<Spanned<String>, Vec<Spanned<String>>>,
    /// In a province's file: its other kab/kota, which the site does not report on, with their
    /// figures, so that ranks and the province page count every kab/kota with a figure.
    #[serde(default)]
    pub pembanding: Vec<RawComparison>,
}

/// One entry of `prioritas_masalah:`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPriority {
    pub indikator: Spanned<String>,
    pub alasan: Spanned<String>,
}

/// One kab/kota of a province's `pembanding:` list.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawComparison {
    pub nama: Spanned<String>,
    /// The BPS code (`"3501"`), as BPS tables give it.
    #[serde(default)]
    pub kode_bps: Option<Spanned<String>>,
    /// The source of its figures (bawaan: the file's `sumber`).
    #[serde(default)]
    pub sumber: Option<String>,
    #[serde(default)]
    pub data: RawYearTable<RawFigure>,
    #[serde(default)]
    pub sumber_data: RawYearTable<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegionKind {
    Kabupaten,
    Kota,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTkpk {
    #[serde(default)]
    pub ketua: Option<String>,
    #[serde(default)]
    pub sekretariat: Option<String>,
}

/// `content/<slug>/wilayah.yaml`.
#[derive(Debug, Clone, Deserialize)]
pub struct RawRegionFile {
    pub nama: String,
    pub jenis: RegionKind,
    pub kode: Spanned<String>,
    pub kode_bps: Spanned<String>,
    pub provinsi: Spanned<String>,
    #[serde(default)]
    pub ibu_kota: Option<String>,
    #[serde(default)]
    pub tkpk: Option<RawTkpk>,
    /// The region's emblem for its report covers: a file under `static/`.
    #[serde(default)]
    pub lambang: Option<Spanned<String>>,
}

/// The front matter of a narrative chapter.
#[derive(Debug, Clone, Deserialize)]
pub struct RawFrontMatter {
    pub judul: String,
    #[serde(default)]
    pub bab: Option<Spanned<String>>,
    #[serde(default)]
    pub ilustrasi: bool,
    #[serde(default)]
    pub sumber: Option<String>,
}

/// A document with the source it was read from (for later locations).
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub doc: T,
    pub source: SourceText,
}

#[derive(Debug, Clone)]
pub struct RawNarrative {
    pub year: i32,
    pub file_name: String,
    pub front: RawFrontMatter,
    /// Lines before the front matter's first key (the opening `---`): locations inside the
    /// front matter are counted from its start and shifted by this much.
    pub front_line_offset: usize,
    pub body: String,
    /// The line of the file on which `body` starts.
    pub body_line: usize,
    pub source: SourceText,
}

#[derive(Debug)]
pub struct RawReference {
    pub slug: String,
    pub file: Arc<Sourced<RawReferenceFile>>,
}

#[derive(Debug)]
pub struct RawRegion {
    pub slug: String,
    pub folder: PathBuf,
    pub region: Option<Arc<Sourced<RawRegionFile>>>,
    pub indicators: Option<Arc<Sourced<RawIndicatorFile>>>,
    pub narratives: Vec<Arc<RawNarrative>>,
    /// The year folders' data files, by year.
    pub annual: std::collections::BTreeMap<i32, RawYearFiles>,
}

/// The data files of one report year's folder; each is optional.
#[derive(Debug, Clone, Default)]
pub struct RawYearFiles {
    pub programs: Option<Arc<Sourced<annual::RawProgramFile>>>,
    pub pockets: Option<Arc<Sourced<annual::RawPocketFile>>>,
    pub deciles: Option<Arc<Sourced<annual::RawDecileFile>>>,
    pub institution: Option<Arc<Sourced<annual::RawInstitutionFile>>>,
    pub approval: Option<Arc<Sourced<annual::RawApprovalFile>>>,
}

/// The data files a report year's folder may hold besides its narratives.
pub(crate) const YEAR_FILES: &[&str] = &[
    "program.yaml",
    "kantong.yaml",
    "desil.yaml",
    "kelembagaan.yaml",
    "pengesahan.yaml",
];

/// Everything read from a site folder.
#[derive(Debug, Default)]
pub struct RawSite {
    pub root: PathBuf,
    pub config: Option<Sourced<RawConfig>>,
    pub references: Vec<RawReference>,
    /// Reference files that exist but could not be read (their errors are already reported).
    pub unreadable_references: Vec<String>,
    pub regions: Vec<RawRegion>,
}

/// Reads a file for parsing: refuses symlinks, files above the size limit and non-UTF-8 bytes;
/// accepts and drops a byte-order mark.
pub(crate) fn read_source(root: &Path, path: &Path) -> Result<SourceText, Diagnostic> {
    let display = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let meta = std::fs::symlink_metadata(path).map_err(|e| {
        Diagnostic::error(LoadMessage::ReadFailed {
            detail: crate::base::messages::IoProblem::of(&e),
        })
        .in_file(&display)
    })?;
    if meta.file_type().is_symlink() {
        return Err(Diagnostic::error(LoadMessage::SymlinkRefused)
            .in_file(&display)
            .hint(LoadMessage::HintSymlink));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(LoadMessage::FileTooLarge {
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        })
        .in_file(&display)
        .hint(LoadMessage::HintSplitFile));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(LoadMessage::ReadFailed {
            detail: crate::base::messages::IoProblem::of(&e),
        })
        .in_file(&display)
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let bom = if e.as_bytes().starts_with(b"\xef\xbb\xbf") {
                3
            } else {
                0
            };
            let valid = e.utf8_error().valid_up_to() - bom;
            let bytes = e.into_bytes().split_off(bom);
            let line = bytes[..valid].iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = bytes[..valid]
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&bytes[line_start..valid])
                .chars()
                .count()
                + 1;
            let shown = String::from_utf8_lossy(&bytes).into_owned();
            let src = SourceText::new(&display, shown);
            return Err(Diagnostic::error(LoadMessage::NotUtf8 { line })
                .at(src.location(line, column))
                .hint(LoadMessage::HintSaveUtf8));
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(SourceText::new(display, text))
}

fn load_yaml<T: serde::de::DeserializeOwned>(
    root: &Path,
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<Sourced<T>> {
    let source = match read_source(root, path) {
        Ok(s) => s,
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    match yaml::parse::<T>(&source, &source.text, 0) {
        Ok((doc, unknown_keys)) => {
            unknown_keys.into_iter().for_each(|d| diagnostics.push(d));
            Some(Sourced { doc, source })
        }
        Err(all) => {
            all.into_iter().for_each(|d| diagnostics.push(d));
            None
        }
    }
}

/// Splits a narrative into its front matter and body. Returns the front matter text, the line
/// on which it starts, the body and the line on which the body starts.
fn split_front_matter(text: &str) -> Result<(&str, usize, &str, usize), LoadMessage> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(LoadMessage::FrontMatterMissing);
    }
    let start = first.len();
    let mut offset = start;
    for (i, line) in lines.enumerate() {
        if line.trim_end() == "---" {
            let front = &text[start..offset];
            let body = &text[offset + line.len()..];
            return Ok((front, 2, body, i + 3));
        }
        offset += line.len();
    }
    Err(LoadMessage::FrontMatterUnclosed)
}

fn load_narrative(
    root: &Path,
    path: &Path,
    year: i32,
    diagnostics: &mut Diagnostics,
) -> Option<RawNarrative> {
    let source = match read_source(root, path) {
        Ok(s) => s,
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    // An empty narrative (a file made and not yet written) is not published: a warning.
    if source.text.trim().is_empty() {
        diagnostics.push(
            Diagnostic::warning(LoadMessage::EmptyNarrative)
                .in_file(&source.display_path)
                .hint(LoadMessage::HintFrontMatter),
        );
        return None;
    }
    let (front, front_line, body, body_line) = match split_front_matter(&source.text) {
        Ok(parts) => parts,
        Err(message) => {
            diagnostics.push(
                Diagnostic::error(message)
                    .at(source.location(1, 1))
                    .hint(LoadMessage::HintFrontMatter),
            );
            return None;
        }
    };
    // Empty front matter is a missing `judul`, not an empty file.
    let front_text = if front.trim().is_empty() { "{}" } else { front };
    let front: RawFrontMatter = match yaml::parse(&source, front_text, front_line - 1) {
        Ok((f, unknown_keys)) => {
            unknown_keys.into_iter().for_each(|d| diagnostics.push(d));
            f
        }
        Err(all) => {
            all.into_iter().for_each(|d| diagnostics.push(d));
            return None;
        }
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Some(RawNarrative {
        year,
        file_name,
        front,
        front_line_offset: front_line - 1,
        body: body.to_string(),
        body_line,
        source,
    })
}

const REGION_FILES: &[&str] = &["wilayah.yaml", "indikator.yaml"];

/// One file to parse (or a region's folder), found by the walk.
#[derive(Clone)]
enum Job {
    Reference(String, PathBuf),
    Region(String, PathBuf),
    RegionFile(String, PathBuf),
    Narrative(String, i32, PathBuf),
    YearFile(String, i32, PathBuf),
}

impl Job {
    /// The file to parse; a region's folder has none.
    fn file(&self) -> Option<&Path> {
        match self {
            Job::Region(..) => None,
            Job::Reference(_, path)
            | Job::RegionFile(_, path)
            | Job::Narrative(_, _, path)
            | Job::YearFile(_, _, path) => Some(path),
        }
    }

    /// Reads and parses the job's file: its document (if any) and its diagnostics.
    fn parse(self, root: &Path) -> (Parsed, Diagnostics) {
        let mut d = Diagnostics::new();
        let parsed = match self {
            Job::Reference(slug, path) => {
                Parsed::Reference(slug, load_yaml(root, &path, &mut d).map(Arc::new))
            }
            Job::Region(slug, folder) => Parsed::Region(slug, folder),
            Job::RegionFile(slug, path) => {
                if path.file_name().is_some_and(|n| n == "wilayah.yaml") {
                    Parsed::Wilayah(slug, load_yaml(root, &path, &mut d).map(Arc::new))
                } else {
                    Parsed::Indikator(slug, load_yaml(root, &path, &mut d).map(Arc::new))
                }
            }
            Job::Narrative(slug, year, path) => Parsed::Narrative(
                slug,
                load_narrative(root, &path, year, &mut d).map(Arc::new),
            ),
            Job::YearFile(slug, year, path) => {
                let mut files = RawYearFiles::default();
                match path.file_name().and_then(|n| n.to_str()) {
                    Some("program.yaml") => {
                        files.programs = load_yaml(root, &path, &mut d).map(Arc::new)
                    }
                    Some("kantong.yaml") => {
                        files.pockets = load_yaml(root, &path, &mut d).map(Arc::new)
                    }
                    Some("desil.yaml") => {
                        files.deciles = load_yaml(root, &path, &mut d).map(Arc::new)
                    }
                    Some("pengesahan.yaml") => {
                        files.approval = load_yaml(root, &path, &mut d).map(Arc::new)
                    }
                    _ => files.institution = load_yaml(root, &path, &mut d).map(Arc::new),
                }
                Parsed::YearFile(slug, year, Box::new(files))
            }
        };
        (parsed, d)
    }
}

/// What one job gave, before the documents are put together.
#[derive(Debug, Clone)]
enum Parsed {
    Reference(String, Option<Arc<Sourced<RawReferenceFile>>>),
    Region(String, PathBuf),
    Wilayah(String, Option<Arc<Sourced<RawRegionFile>>>),
    Indikator(String, Option<Arc<Sourced<RawIndicatorFile>>>),
    Narrative(String, Option<Arc<RawNarrative>>),
    YearFile(String, i32, Box<RawYearFiles>),
}

/// Reads a whole site folder. Every unreadable file becomes a diagnostic; loading goes on.
pub(crate) fn load(root: &Path) -> (RawSite, Diagnostics) {
    load_with(root, None, None)
}

/// [`load`], re-parsing only the files that changed since the last load with the same cache
/// (see [`ParseCache`]); the result is the same as `load`'s.
pub(crate) fn load_cached(root: &Path, cache: &ParseCache) -> (RawSite, Diagnostics) {
    load_with(root, Some(cache), None)
}

/// [`load_cached`] after the files `changed` (relative to `root`) were modified, as
/// `tkpk serve` knows them: when each was found by the last load's walk and is still a plain
/// file, the walk is reused and only those files are looked at again. Anything else (a file
/// added or removed, a folder, a file outside `content/`) walks the folder as `load` does.
pub(crate) fn load_cached_after(
    root: &Path,
    cache: &ParseCache,
    changed: &std::collections::BTreeSet<PathBuf>,
) -> (RawSite, Diagnostics) {
    load_with(root, Some(cache), Some(changed))
}

/// The end of a load that found no content to walk: a cache keeps no file either.
fn nothing_walked(
    site: RawSite,
    diagnostics: Diagnostics,
    cache: Option<&ParseCache>,
) -> (RawSite, Diagnostics) {
    if let Some(cache) = cache {
        cache.clear();
    }
    (site, diagnostics)
}

/// What the walk of `content/` found: the jobs in walk order, its own diagnostics (links,
/// misplaced files), and the reference files that are links (refused, but there).
#[derive(Clone)]
pub(crate) struct Walk {
    jobs: Vec<Job>,
    diagnostics: Diagnostics,
    unreadable_references: Vec<String>,
}

impl Walk {
    /// Whether `path` is a file this walk found.
    pub(crate) fn has_file(&self, path: &Path) -> bool {
        self.jobs.iter().any(|j| j.file() == Some(path))
    }
}

/// Files and folders operating systems, office programs and editors leave behind.
fn is_litter(name: &str, is_dir: bool) -> bool {
    if is_dir {
        return matches!(
            name,
            "__MACOSX" | ".Trashes" | ".Spotlight-V100" | ".fseventsd"
        );
    }
    name.starts_with("._")
        || name.starts_with("~$")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || matches!(
            name.to_ascii_lowercase().as_str(),
            ".ds_store" | "thumbs.db" | "desktop.ini" | "ehthumbs.db"
        )
}

/// Walks `content/` and classifies what it finds.
fn walk(root: &Path, content: &Path) -> Walk {
    let mut jobs = Vec::new();
    let mut diagnostics = Diagnostics::new();
    let mut unreadable_references = Vec::new();
    let walker = WalkDir::new(content)
        .follow_links(false)
        .min_depth(1)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or(content.to_path_buf());
                diagnostics.push(
                    Diagnostic::error(LoadMessage::ReadFailed {
                        detail: crate::base::messages::IoProblem::walking(&e),
                    })
                    .in_file(path.strip_prefix(root).unwrap_or(&path)),
                );
                continue;
            }
        };
        let path = entry.path();
        let display = path.strip_prefix(root).unwrap_or(path);
        if entry.path_is_symlink() {
            diagnostics.push(
                Diagnostic::error(LoadMessage::SymlinkRefused)
                    .in_file(display)
                    .hint(LoadMessage::HintSymlink),
            );
            // A linked province file exists, it is only refused: its regions must not be told
            // that their province has no file.
            if let Ok(rel) = path.strip_prefix(content.join("referensi"))
                && let Some(name) = rel.to_str()
                && let Some(slug) = name.strip_suffix(".yaml").or(name.strip_suffix(".yml"))
            {
                unreadable_references.push(slug.to_string());
            }
            continue;
        }
        // What operating systems and office programs leave beside a planner's files (macOS's
        // `._name` on USB sticks, `.DS_Store`, Windows' `Thumbs.db` and `desktop.ini`, Office's
        // `~$name` lock files, editors' `name~` backups): never content, never a word.
        if entry
            .file_name()
            .to_str()
            .is_some_and(|n| is_litter(n, entry.file_type().is_dir()))
        {
            continue;
        }
        let parts: Vec<String> = path
            .strip_prefix(content)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let is_dir = entry.file_type().is_dir();
        let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
        let is_md = path.extension().is_some_and(|e| e == "md");
        match (parts.as_slice(), is_dir) {
            ([dir], true) if dir == "referensi" => {}
            ([dir, file], false) if dir == "referensi" && is_yaml => {
                let slug = file
                    .trim_end_matches(".yaml")
                    .trim_end_matches(".yml")
                    .to_string();
                jobs.push(Job::Reference(slug, path.to_path_buf()));
            }
            ([slug], true) => jobs.push(Job::Region(slug.clone(), display.to_path_buf())),
            ([slug, file], false) if file == "wilayah.yaml" || file == "indikator.yaml" => {
                jobs.push(Job::RegionFile(slug.clone(), path.to_path_buf()));
            }
            ([_slug, year], true) if year.parse::<i32>().is_ok() => {}
            ([slug, year, file], false) if is_yaml && year.parse::<i32>().is_ok() => {
                if YEAR_FILES.contains(&file.as_str()) {
                    let year = year.parse::<i32>().unwrap_or_default();
                    jobs.push(Job::YearFile(slug.clone(), year, path.to_path_buf()));
                } else {
                    diagnostics.push(
                        Diagnostic::warning(LoadMessage::UnknownYearFile { name: file.clone() })
                            .in_file(display)
                            .hint(LoadMessage::HintYearFiles),
                    );
                }
            }
            ([slug, year, _file], false) if is_md => {
                let Ok(year) = year.parse::<i32>() else {
                    diagnostics.push(
                        Diagnostic::warning(LoadMessage::NarrativeOutsideYear)
                            .in_file(display)
                            .hint(LoadMessage::HintNarrativeFolder),
                    );
                    continue;
                };
                jobs.push(Job::Narrative(slug.clone(), year, path.to_path_buf()));
            }
            ([_slug, _file], false) if is_md => diagnostics.push(
                Diagnostic::warning(LoadMessage::NarrativeOutsideYear)
                    .in_file(display)
                    .hint(LoadMessage::HintNarrativeFolder),
            ),
            // A `.docx` draft or a `.markdown` file in a year folder is not read: said.
            ([_slug, year, file], false) if year.parse::<i32>().is_ok() => diagnostics.push(
                Diagnostic::warning(LoadMessage::UnknownYearFile { name: file.clone() })
                    .in_file(display)
                    .hint(LoadMessage::HintYearFiles),
            ),
            _ => {}
        }
    }
    Walk {
        jobs,
        diagnostics,
        unreadable_references,
    }
}

/// A site folder the user may have meant when `root` is not one: for a folder that exists, a
/// folder in it holding `site.yaml` (the nearest by name when there are several: `tkpk build`
/// run one level too high); for one that does not, the nearest such folder beside it (a typo
/// in `--root`). Written as it would be typed after `--root`.
fn nearby_site(root: &Path) -> Option<String> {
    let (folder, name) = if root.is_dir() {
        (root.to_path_buf(), None)
    } else {
        let parent = root.parent().filter(|p| !p.as_os_str().is_empty());
        (
            parent.map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            root.file_name().map(|n| n.to_string_lossy().into_owned()),
        )
    };
    let mut sites: Vec<String> = std::fs::read_dir(&folder)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.path().join("site.yaml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    sites.sort();
    let chosen = match name {
        Some(name) => crate::base::suggest::nearest(&name, sites.iter().map(String::as_str))?,
        None if sites.len() == 1 => sites.remove(0),
        None => return None,
    };
    let path = folder.join(chosen);
    let shown = path.strip_prefix(".").unwrap_or(&path);
    let shown = shown.to_string_lossy().replace('\\', "/");
    // Copied as it is shown: a path with a space needs its quotes.
    Some(if shown.contains(' ') {
        format!("\"{shown}\"")
    } else {
        shown
    })
}

/// The language `site.yaml` at `root` asks for (`bahasa:`), for what a command says before it
/// reads the site (an import rolled back, say); Indonesian when the file cannot be read.
pub(crate) fn language(root: &Path) -> Lang {
    let mut ignored = Diagnostics::new();
    load_yaml::<RawConfig>(root, &root.join("site.yaml"), &mut ignored)
        .map_or(Lang::Id, |config| config.doc.bahasa)
}

fn load_with(
    root: &Path,
    cache: Option<&ParseCache>,
    changed: Option<&std::collections::BTreeSet<PathBuf>>,
) -> (RawSite, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let mut site = RawSite {
        root: root.to_path_buf(),
        ..RawSite::default()
    };
    let config_path = root.join("site.yaml");
    if !config_path.exists() && std::fs::symlink_metadata(&config_path).is_err() {
        let missing = !root.is_dir();
        let (message, fallback) = if missing {
            (LoadMessage::RootMissing, LoadMessage::HintRootMissing)
        } else {
            (
                LoadMessage::RootNotFound,
                LoadMessage::HintCreateFile {
                    name: "site.yaml".into(),
                },
            )
        };
        let hint = match nearby_site(root) {
            Some(other) => LoadMessage::HintRootElsewhere { root: other },
            None => fallback,
        };
        diagnostics.push(Diagnostic::error(message).in_file(root).hint(hint));
        return nothing_walked(site, diagnostics, cache);
    }
    site.config = load_yaml::<RawConfig>(root, &config_path, &mut diagnostics);

    let content = root.join("content");
    // Missing, or a file: either way there is no content to read (a link is refused below).
    if !std::fs::symlink_metadata(&content).is_ok_and(|m| m.is_dir() || m.is_symlink()) {
        diagnostics.push(
            Diagnostic::error(LoadMessage::MissingContentFolder)
                .in_file("content")
                .hint(LoadMessage::HintCreateContent),
        );
        return nothing_walked(site, diagnostics, cache);
    }
    // WalkDir follows the folder it starts from even when that is a link: refuse it here.
    if std::fs::symlink_metadata(&content).is_ok_and(|m| m.file_type().is_symlink()) {
        diagnostics.push(
            Diagnostic::error(LoadMessage::SymlinkRefused)
                .in_file("content")
                .hint(LoadMessage::HintSymlink),
        );
        return nothing_walked(site, diagnostics, cache);
    }
    // First walk and classify (cheap, in order), then parse every file in parallel, then
    // put the documents together in walk order: the result does not depend on the threads.
    // A serve rebuild that knows which files changed reuses the last walk when those files
    // were there then and are plain files now (the folders are as they were).
    let reused = match (cache, changed) {
        (Some(cache), Some(changed)) => cache.walk_for(root, changed),
        _ => None,
    };
    let walked = match &reused {
        Some(walk) => walk.clone(),
        None => {
            let walked = walk(root, &content);
            if let Some(cache) = cache {
                cache.keep_walk(root, &walked);
            }
            walked
        }
    };
    let Walk {
        jobs,
        diagnostics: walk_diagnostics,
        unreadable_references,
    } = walked;
    diagnostics.extend(walk_diagnostics);
    site.unreadable_references.extend(unreadable_references);
    let trusted = reused.is_some().then_some(changed).flatten();
    let parsed = match cache {
        Some(cache) => cache.parse(root, jobs, trusted),
        None => jobs.into_par_iter().map(|job| job.parse(root)).collect(),
    };
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (parsed, d) in parsed {
        diagnostics.extend(d);
        let region = |slug: &str| index.get(slug).copied();
        match parsed {
            Parsed::Reference(slug, Some(doc)) => {
                site.references.push(RawReference { slug, file: doc })
            }
            Parsed::Reference(slug, None) => site.unreadable_references.push(slug),
            Parsed::Region(slug, folder) => {
                index.insert(slug.clone(), site.regions.len());
                site.regions.push(RawRegion {
                    slug,
                    folder,
                    region: None,
                    indicators: None,
                    narratives: Vec::new(),
                    annual: Default::default(),
                });
            }
            Parsed::Wilayah(slug, doc) => {
                if let Some(i) = region(&slug) {
                    site.regions[i].region = doc;
                }
            }
            Parsed::Indikator(slug, doc) => {
                if let Some(i) = region(&slug) {
                    site.regions[i].indicators = doc;
                }
            }
            Parsed::Narrative(slug, Some(n)) => {
                if let Some(i) = region(&slug) {
                    site.regions[i].narratives.push(n);
                }
            }
            Parsed::Narrative(_, None) => {}
            Parsed::YearFile(slug, year, files) => {
                if let Some(i) = region(&slug) {
                    let entry = site.regions[i].annual.entry(year).or_default();
                    let RawYearFiles {
                        programs,
                        pockets,
                        deciles,
                        institution,
                        approval,
                    } = *files;
                    entry.approval = entry.approval.take().or(approval);
                    entry.programs = entry.programs.take().or(programs);
                    entry.pockets = entry.pockets.take().or(pockets);
                    entry.deciles = entry.deciles.take().or(deciles);
                    entry.institution = entry.institution.take().or(institution);
                }
            }
        }
    }
    site.regions.retain(|r| r.slug != "referensi");
    for region in &site.regions {
        let dir = root.join(&region.folder);
        for name in REGION_FILES {
            let missing = match *name {
                "wilayah.yaml" => region.region.is_none(),
                _ => region.indicators.is_none(),
            };
            if missing && !dir.join(name).exists() {
                diagnostics.push(
                    Diagnostic::error(LoadMessage::MissingFile {
                        name: name.to_string(),
                    })
                    .in_file(&region.folder)
                    .hint(LoadMessage::HintCreateFile {
                        name: name.to_string(),
                    }),
                );
            }
        }
    }
    (site, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_lines_count_from_the_top() {
        let text = "---\njudul: A\nbab: profil\n---\nIsi\n";
        let (front, front_line, body, body_line) = split_front_matter(text).unwrap();
        assert_eq!(front, "judul: A\nbab: profil\n");
        assert_eq!(front_line, 2);
        assert_eq!(body, "Isi\n");
        assert_eq!(body_line, 5);
        assert_eq!(
            split_front_matter("judul: A\n").unwrap_err(),
            LoadMessage::FrontMatterMissing
        );
        assert_eq!(
            split_front_matter("---\njudul: A\n").unwrap_err(),
            LoadMessage::FrontMatterUnclosed
        );
        assert!(split_front_matter("---\r\njudul: A\r\n---\r\nIsi").is_ok());
    }

    #[test]
    fn non_utf8_bytes_are_located() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, b"nama: a\nkode: \"3\xff5\"\n").unwrap();
        let d = read_source(dir.path(), &path).unwrap_err();
        assert_eq!(d.message, LoadMessage::NotUtf8 { line: 2 });
        let loc = d.location.clone().unwrap();
        assert_eq!((loc.line, loc.column), (2, 9));
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "\u{feff}nama: a\r\n").unwrap();
        assert_eq!(read_source(dir.path(), &path).unwrap().text, "nama: a\r\n");
    }
}

/// The folder of files copied as they are into every build (a `CNAME`, `.htaccess`,
/// `.well-known/`, a search-engine verification file, a PDF to download).
pub(crate) const STATIC_FOLDER: &str = "static";

/// One file of `static/`: its path inside the output (with `/`) and where it is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StaticFile {
    pub(crate) path: String,
    pub(crate) source: PathBuf,
}

/// Every file below `<root>/static/`, in a stable order; links are refused (as everywhere in a
/// site), each with its path. No folder, no files.
pub(crate) fn static_files(root: &Path) -> Result<Vec<StaticFile>, Diagnostics> {
    let folder = root.join(STATIC_FOLDER);
    let mut diagnostics = Diagnostics::new();
    let mut files = Vec::new();
    match std::fs::symlink_metadata(&folder) {
        Err(_) => return Ok(files),
        Ok(meta) if meta.file_type().is_symlink() => {
            diagnostics.push(
                Diagnostic::error(LoadMessage::SymlinkRefused)
                    .in_file(STATIC_FOLDER)
                    .hint(LoadMessage::HintSymlink),
            );
            return Err(diagnostics);
        }
        Ok(_) => {}
    }
    for entry in WalkDir::new(&folder)
        .follow_links(false)
        .min_depth(1)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or(folder.clone());
                diagnostics.push(
                    Diagnostic::error(LoadMessage::ReadFailed {
                        detail: crate::base::messages::IoProblem::walking(&e),
                    })
                    .in_file(path.strip_prefix(root).unwrap_or(&path)),
                );
                continue;
            }
        };
        let path = entry.path();
        if entry.path_is_symlink() {
            diagnostics.push(
                Diagnostic::error(LoadMessage::SymlinkRefused)
                    .in_file(path.strip_prefix(root).unwrap_or(path))
                    .hint(LoadMessage::HintSymlink),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let rel: Vec<String> = path
            .strip_prefix(&folder)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        files.push(StaticFile {
            path: rel.join("/"),
            source: path.to_path_buf(),
        });
    }
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok(files)
    }
}
