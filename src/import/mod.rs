//! `tkpk impor`: figures from BPS tables into `indikator.yaml` and the reference files, and
//! program matrices from the agencies into `program.yaml`. Nothing is written unless the whole
//! import is sound; every written file is read back with the crate's loader, and the site is
//! validated again, before the import counts as done (otherwise every file is restored).

pub mod bps;
pub mod comparisons;
pub mod journal;
pub mod matrix;
pub mod messages;
pub mod numbers;
pub mod program_file;
pub mod table;
pub mod yaml_edit;

use crate::base::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::base::indicators::{Catalog, Unit};
use crate::base::lang::Lang;
use crate::base::messages::Text;
use crate::content::messages::LoadMessage;
use crate::content::{self, RawFigure, RawSeries, RawYearTable, Sourced};
use crate::import::messages::{ImportMessage, TablePlace};
use crate::model::messages::ModelMessage;
use crate::output::messages::OutputMessage;
use bps::{SiteReference, SiteRegion, Target};
use numbers::LoneDot;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use yaml_edit::{Edit, Table};

/// What the user asked for on the command line.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub indicator: Option<String>,
    pub region: Option<String>,
    pub year: Option<i32>,
    pub overwrite: bool,
    pub skip_bad_rows: bool,
    pub dry_run: bool,
}

/// The counts of the summary line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Summary {
    Figures {
        added: usize,
        unchanged: usize,
        conflicting: usize,
        overwritten: usize,
        /// Illustrative figures the table replaced (and whose marks it removed).
        replaced_illustrative: usize,
        /// Figures written (added or overwritten) into a province's `pembanding:` list.
        /// Figures added and overwritten in a province's `pembanding:` list (not in `added`
        /// and `overwritten`).
        to_comparisons: (usize, usize),
        skipped_rows: usize,
    },
    Program {
        rows: usize,
        skipped_rows: usize,
        path: String,
    },
}

/// What an import did.
#[derive(Debug)]
pub struct Outcome {
    pub lang: Lang,
    pub diagnostics: Diagnostics,
    /// Lines shown before the summary: each conflict and each overwritten figure.
    pub notes: Vec<Text>,
    /// `None` when the import stopped before counting.
    pub summary: Option<Summary>,
    /// Files written (none on a dry run or a failure).
    pub written: Vec<PathBuf>,
    /// Errors, or conflicts left unresolved: the exit code is 1.
    pub failed: bool,
}

impl Outcome {
    fn new(lang: Lang) -> Self {
        Outcome {
            lang,
            diagnostics: Diagnostics::new(),
            notes: Vec::new(),
            summary: None,
            written: Vec::new(),
            failed: false,
        }
    }

    fn error(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
        self.failed = true;
    }
}

fn msg(m: ImportMessage) -> Text {
    m.into()
}

/// A location in a table: the file, its row as the line and its column.
pub fn table_location(path: &Path, place: &TablePlace) -> Location {
    Location {
        path: path.to_path_buf(),
        line: place.row,
        column: place.column,
        line_text: None,
        caret: place.column,
    }
}

/// Runs an import of `file` into the site at `root`.
pub fn run(root: &Path, file: &Path, options: &Options) -> Outcome {
    // One import at a time, from reading the site to the last file written.
    let _lock = journal::lock(root);
    let (raw, load_diagnostics) = content::load(root);
    let Some(config) = &raw.config else {
        let mut out = Outcome::new(Lang::Id);
        out.diagnostics.extend(load_diagnostics);
        out.failed = true;
        return out;
    };
    let lang = config.doc.bahasa;
    let mut out = Outcome::new(lang);
    let sheets = match table::read(file) {
        Ok(s) => s,
        Err(e) => {
            let d = match e {
                table::TableError::UnsupportedType(ext) => {
                    Diagnostic::error(msg(ImportMessage::TableUnsupported { extension: ext }))
                        .hint(msg(ImportMessage::HintTableType))
                }
                table::TableError::TooLarge(size) => {
                    Diagnostic::error(msg(ImportMessage::TableTooLarge {
                        size,
                        limit: table::MAX_TABLE_BYTES,
                    }))
                }
                table::TableError::Io(e) => {
                    Diagnostic::error(msg(ImportMessage::TableFileUnreadable {
                        detail: crate::base::messages::IoProblem::of(&e),
                    }))
                }
                table::TableError::TextAsWorkbook { extension, html } => {
                    Diagnostic::error(msg(ImportMessage::TableIsText {
                        extension: extension.clone(),
                        html,
                    }))
                    .hint(msg(ImportMessage::HintTableIsText { extension, html }))
                }
                other => Diagnostic::error(msg(ImportMessage::TableUnreadable {
                    detail: other.to_string(),
                })),
            };
            out.error(d.in_file(file));
            return out;
        }
    };
    if let Some(slug) = &options.region
        && !raw
            .regions
            .iter()
            .any(|r| &r.slug == slug && r.region.is_some())
    {
        let known: Vec<String> = raw.regions.iter().map(|r| r.slug.clone()).collect();
        out.error(
            Diagnostic::error(msg(ImportMessage::UnknownRegion { slug: slug.clone() }))
                .hint(crate::base::suggest::suggestion(slug, &known)),
        );
        return out;
    }
    if sheets.iter().any(|s| matrix::find_header(s).is_some()) {
        matrix::import(root, file, &sheets, &raw, options, &mut out);
    } else {
        import_figures(
            root,
            file,
            &sheets,
            &raw,
            &load_diagnostics,
            options,
            &mut out,
        );
    }
    out
}

/// The site's regions and references, as the matcher needs them.
fn site_places(raw: &content::RawSite) -> (Vec<SiteRegion>, Vec<SiteReference>) {
    let regions = raw
        .regions
        .iter()
        .filter_map(|r| {
            let doc = &r.region.as_ref()?.doc;
            Some(SiteRegion {
                slug: r.slug.clone(),
                name: doc.nama.clone(),
                kind: doc.jenis,
                code: doc.kode.value.clone(),
                bps_code: doc.kode_bps.value.clone(),
            })
        })
        .collect();
    let references = raw
        .references
        .iter()
        .map(|r| SiteReference {
            slug: r.slug.clone(),
            name: r.file.doc.nama.clone(),
            national: r.file.doc.tingkat == content::Level::Nasional,
            code: r.file.doc.kode.value.clone(),
        })
        .collect();
    (regions, references)
}

/// One file that receives figures.
struct TargetFile<'a> {
    path: PathBuf,
    display: PathBuf,
    text: &'a str,
    series: RawSeries<'a>,
}

fn target_file<'a>(raw: &'a content::RawSite, target: &Target) -> Option<TargetFile<'a>> {
    fn of<'a, T>(root: &Path, s: &'a Sourced<T>, series: RawSeries<'a>) -> TargetFile<'a> {
        TargetFile {
            path: root.join(&s.source.display_path),
            display: s.source.display_path.clone(),
            text: &s.source.text,
            series,
        }
    }
    match target {
        Target::Region(slug) => {
            let r = raw.regions.iter().find(|r| &r.slug == slug)?;
            let file = r.indicators.as_ref()?;
            Some(of(&raw.root, file, file.doc.series()))
        }
        Target::Reference(slug) => {
            let r = raw.references.iter().find(|r| &r.slug == slug)?;
            Some(of(&raw.root, &r.file, r.file.doc.series()))
        }
    }
}

/// Plans the table's figure `f` for `key` into its file: remembered for later rows of the same
/// file, and one edit for its year (replacing an edit already planned there).
fn plan(
    f: &bps::TableFigure,
    key: &str,
    planned: &mut BTreeMap<(Table, i32), f64>,
    edits: &mut Vec<Edit>,
) {
    planned.insert((f.table, f.year), f.value);
    edits.retain(|e| !(e.table == f.table && e.year == f.year));
    edits.push(Edit {
        table: f.table,
        year: f.year,
        key: key.to_string(),
        value: f.value,
    });
}

/// Whether the file marks its March figure of `key` in `year` illustrative.
fn marked_illustrative(series: &RawSeries, year: i32, key: &str) -> bool {
    series
        .ilustrasi
        .0
        .iter()
        .filter(|(y, _)| y.value.trim().parse::<i32>().ok() == Some(year))
        .any(|(_, keys)| keys.iter().any(|k| k.value.trim() == key))
}

/// The existing figure of `key` in `year` of a table.
fn existing(table: &RawYearTable<RawFigure>, year: i32, key: &str) -> Option<f64> {
    table
        .0
        .iter()
        .filter(|(y, _)| y.value.trim().parse::<i32>().ok() == Some(year))
        .flat_map(|(_, figures)| figures.0.iter())
        .find(|(k, _)| k.value == key)
        .map(|(_, v)| v.value.as_f64().unwrap_or(f64::NAN))
}

/// Everything a series file holds, as comparable text, to check that an edit changed nothing
/// but the figures it meant to.
fn contents(series: &RawSeries) -> BTreeMap<(String, String, String), String> {
    let mut map = BTreeMap::new();
    let figure = |v: &serde_json::Value| match v.as_f64() {
        Some(n) => format!("{n:.9}"),
        None => v.to_string(),
    };
    for (name, table) in [
        ("data", series.data),
        ("data_september", series.data_september),
        ("target", series.target),
    ] {
        for (outer, inner) in &table.0 {
            for (k, v) in &inner.0 {
                map.insert(
                    (name.to_string(), outer.value.clone(), k.value.clone()),
                    figure(&v.value),
                );
            }
        }
    }
    for (name, table) in [
        ("sumber_data", series.sumber_data),
        ("sumber_data_september", series.sumber_data_september),
    ] {
        for (outer, inner) in &table.0 {
            for (k, v) in &inner.0 {
                map.insert(
                    (name.to_string(), outer.value.clone(), k.value.clone()),
                    v.value.clone(),
                );
            }
        }
    }
    for (year, keys) in &series.ilustrasi.0 {
        for key in keys {
            map.insert(
                (
                    "ilustrasi".into(),
                    year.value.clone(),
                    key.value.trim().to_string(),
                ),
                String::new(),
            );
        }
    }
    map.insert(
        ("sumber".into(), String::new(), String::new()),
        series.sumber.to_string(),
    );
    map.insert(
        ("sumber_target".into(), String::new(), String::new()),
        series.sumber_target.unwrap_or_default().to_string(),
    );
    map
}

/// Reads `text` as the kind of file `display` is and returns its contents, or why not.
fn reread(
    display: &Path,
    text: &str,
    reference: bool,
) -> Option<BTreeMap<(String, String, String), String>> {
    let src = crate::base::diagnostics::SourceText::new(display, text.to_string());
    if reference {
        let (doc, unknown) =
            content::yaml::parse::<content::RawReferenceFile>(&src, text, 0).ok()?;
        unknown.is_empty().then(|| contents(&doc.series()))
    } else {
        let (doc, unknown) =
            content::yaml::parse::<content::RawIndicatorFile>(&src, text, 0).ok()?;
        unknown.is_empty().then(|| contents(&doc.series()))
    }
}

/// The indicator of a BPS table: `--indikator`, or the one its title names.
fn indicator_of(
    sheets: &[table::Sheet],
    file: &Path,
    catalog: &Catalog,
    options: &Options,
) -> Result<String, Diagnostic> {
    let known = catalog.keys();
    if let Some(key) = &options.indicator {
        if catalog.get(key).is_some() {
            return Ok(key.clone());
        }
        return Err(
            Diagnostic::error(ModelMessage::UnknownIndicator { key: key.clone() })
                .hint(crate::base::suggest::suggestion(key, &known)),
        );
    }
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut titles: Vec<String> = sheets
        .iter()
        .filter_map(|s| bps::layout(s).map(|l| bps::title_text(s, &l)))
        .collect();
    titles.extend(sheets.iter().filter_map(|s| s.name.clone()));
    titles.push(stem);
    titles
        .iter()
        .find_map(|t| bps::recognise_indicator(t))
        .map(str::to_string)
        .ok_or_else(|| {
            Diagnostic::error(msg(ImportMessage::IndicatorNotRecognised))
                .in_file(file)
                .hint(msg(ImportMessage::HintIndicatorFlag { known }))
        })
}

/// The bytes to write for `text` in place of the file at `path`: a byte-order mark kept where
/// the original had one.
fn with_bom(path: &Path, text: &str) -> Vec<u8> {
    let mut bytes = Vec::new();
    if std::fs::read(path).is_ok_and(|b| b.starts_with(b"\xef\xbb\xbf")) {
        bytes.extend_from_slice(b"\xef\xbb\xbf");
    }
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// Where the figures an import writes came from: the table and, per figure, its cell and
/// its place in the file it goes to.
struct Origins<'a> {
    table: &'a Path,
    figures: Vec<Origin>,
}

struct Origin {
    /// The file written, as `files` in [`commit`] name it.
    path: PathBuf,
    reference: bool,
    table: Table,
    year: i32,
    key: String,
    place: TablePlace,
    value: f64,
    /// The comparison region (`pembanding:` entry) the figure goes to, if it goes to one.
    comparison: Option<String>,
}

impl Origins<'_> {
    /// `d` from the site with the new texts in place, said at the table's cell when it points
    /// at a figure the import writes (a P0 of 108,69 is the table's, not a line of a file the
    /// user has never seen), with where it would have gone and the checker's hint.
    fn relocate(&self, d: &Diagnostic, root: &Path, files: &[(PathBuf, String)]) -> Diagnostic {
        let found = d.location.as_ref().and_then(|at| {
            let (path, text) = files.iter().find(|(p, _)| *p == root.join(&at.path))?;
            let reference = self.figures.iter().find(|o| &o.path == path)?.reference;
            let in_series = figure_at(&at.path, text, reference, at.line, at.column).and_then(
                |(table, year, key)| {
                    self.figures.iter().find(|o| {
                        &o.path == path
                            && o.comparison.is_none()
                            && o.table == table
                            && o.year == year
                            && o.key == key
                    })
                },
            );
            // A comparison entry is one line (`- {nama: …, data: {…}}`): the figure is the one
            // of that entry whose value stands at the caret, when exactly one is.
            let in_comparisons = || {
                let line = text.lines().nth(at.line.checked_sub(1)?)?;
                let written = at.written();
                let mut candidates = self.figures.iter().filter(|o| {
                    &o.path == path
                        && o.comparison
                            .as_ref()
                            .is_some_and(|name| line.contains(name.as_str()))
                        && crate::base::format::plain(o.value) == written
                });
                let first = candidates.next()?;
                candidates.next().is_none().then_some(first)
            };
            Some((at, in_series.or_else(in_comparisons)?))
        });
        let Some((at, origin)) = found else {
            return d.clone();
        };
        let hint = d
            .hint
            .as_ref()
            .map(|h| (h.text(Lang::Id), h.text(Lang::En)));
        let mut moved = d.clone();
        moved.location = Some(table_location(self.table, &origin.place));
        moved.hint = Some(msg(ImportMessage::HintFromTable {
            place: origin.place.clone(),
            file: at.path.display().to_string().replace('\\', "/"),
            year: origin.year,
            key: origin.key.clone(),
            comparison: origin.comparison.clone(),
            hint,
        }));
        moved
    }
}

/// The figure of a series file whose value stands at `line` and `column` of `text` (or the
/// only one on that line), as (table, year, key).
fn figure_at(
    display: &Path,
    text: &str,
    reference: bool,
    line: usize,
    column: usize,
) -> Option<(Table, i32, String)> {
    let src = crate::base::diagnostics::SourceText::new(display, text.to_string());
    let found = |series: RawSeries| {
        let tables = [
            (Table::Data, series.data),
            (Table::DataSeptember, series.data_september),
        ];
        let on_line: Vec<(Table, i32, String, usize)> = tables
            .iter()
            .flat_map(|(table, raw)| {
                raw.0.iter().flat_map(move |(year, figures)| {
                    figures.0.iter().filter_map(move |(k, v)| {
                        let year = year.value.trim().parse::<i32>().ok()?;
                        (v.referenced.line() as usize == line).then(|| {
                            (
                                *table,
                                year,
                                k.value.clone(),
                                v.referenced.column() as usize,
                            )
                        })
                    })
                })
            })
            .collect();
        let exact = on_line.iter().find(|f| f.3 == column);
        let only = (on_line.len() == 1).then(|| &on_line[0]);
        exact.or(only).map(|(t, y, k, _)| (*t, *y, k.clone()))
    };
    if reference {
        let (doc, _) = content::yaml::parse::<content::RawReferenceFile>(&src, text, 0).ok()?;
        found(doc.series())
    } else {
        let (doc, _) = content::yaml::parse::<content::RawIndicatorFile>(&src, text, 0).ok()?;
        found(doc.series())
    }
}

/// Validates the site with `files` in place (in a shadow copy, before anything is written);
/// then, unless `dry_run`, writes them through the journal (see [`journal`]). A read-only
/// target is refused with its path; an import that would make the site fail writes nothing
/// and says why.
fn commit(
    root: &Path,
    files: &[(PathBuf, String)],
    origins: &Origins,
    dry_run: bool,
    out: &mut Outcome,
) {
    let shown = |path: &Path| {
        path.strip_prefix(root)
            .unwrap_or(path)
            .display()
            .to_string()
    };
    let read_only: Vec<&PathBuf> = files
        .iter()
        .map(|(p, _)| p)
        .filter(|p| journal::read_only(p))
        .collect();
    for path in &read_only {
        out.error(
            Diagnostic::error(msg(ImportMessage::TargetReadOnly { path: shown(path) }))
                .hint(msg(ImportMessage::HintTargetReadOnly)),
        );
    }
    if !read_only.is_empty() {
        return;
    }
    let bytes: Vec<(PathBuf, Vec<u8>)> = files
        .iter()
        .map(|(p, t)| (p.clone(), with_bom(p, t)))
        .collect();
    let before = crate::site::load(root).diagnostics;
    let errors_before = before.error_count();
    let shadow = match journal::shadow(root, &bytes) {
        Ok(s) => s,
        Err(e) => {
            out.error(Diagnostic::error(OutputMessage::WriteFailed {
                path: root.join(".tkpk-impor-periksa").display().to_string(),
                detail: crate::base::messages::IoProblem::of(&e),
            }));
            return;
        }
    };
    let after = crate::site::load(&shadow.root);
    drop(shadow);
    // What the new figures raise, and only that: each message the site did not give before
    // (counted, so that a second message like an old one is still new), a figure from the
    // table said at its cell.
    let said = |d: &Diagnostic| {
        (
            d.message.text(Lang::Id),
            d.location.as_ref().map(|l| l.path.clone()),
        )
    };
    let mut known: HashMap<_, usize> = HashMap::new();
    for d in before.sorted() {
        *known.entry(said(d)).or_default() += 1;
    }
    let mut raised = Vec::new();
    for d in after.diagnostics.sorted() {
        match known.get_mut(&said(d)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => raised.push(origins.relocate(d, root, files)),
        }
    }
    if after.diagnostics.error_count() > errors_before {
        for d in raised {
            out.diagnostics.push(d);
        }
        out.error(Diagnostic::error(msg(ImportMessage::SiteBrokenByImport)));
        return;
    }
    // Warnings the new figures raise (an implausible size, say) are shown with the import, not
    // first at the next check.
    for d in raised {
        if d.severity == crate::base::diagnostics::Severity::Warning {
            out.diagnostics.push(d);
        }
    }
    if dry_run {
        return;
    }
    if let Err((path, e)) = journal::write(root, &bytes) {
        out.error(Diagnostic::error(OutputMessage::WriteFailed {
            path: path.display().to_string(),
            detail: crate::base::messages::IoProblem::of(&e),
        }));
        return;
    }
    out.written = files.iter().map(|(p, _)| p.clone()).collect();
}

#[allow(clippy::too_many_arguments)]
fn import_figures(
    root: &Path,
    file: &Path,
    sheets: &[table::Sheet],
    raw: &content::RawSite,
    load_diagnostics: &Diagnostics,
    options: &Options,
    out: &mut Outcome,
) {
    let declared = raw
        .config
        .as_ref()
        .map(|c| c.doc.indikator.clone())
        .unwrap_or_default();
    let catalog = Catalog::with_declared(&declared);
    let Some((sheet, layout)) = sheets.iter().find_map(|s| bps::layout(s).map(|l| (s, l))) else {
        out.error(
            Diagnostic::error(msg(ImportMessage::NoYearHeader))
                .in_file(file)
                .hint(msg(ImportMessage::HintYearHeader)),
        );
        return;
    };
    if let Some(year) = options.year
        && !layout.years.iter().any(|(_, y, _)| *y == year)
    {
        out.error(Diagnostic::error(msg(ImportMessage::YearNotInTable { year })).in_file(file));
        return;
    }
    let key = match indicator_of(sheets, file, &catalog, options) {
        Ok(k) => k,
        Err(d) => {
            out.error(d);
            return;
        }
    };
    let lone_dot = match catalog.get(&key).map(|i| &i.unit) {
        Some(Unit::RibuJiwa | Unit::RupiahKapitaBulan) => LoneDot::ThousandsWhenThreeDigits,
        _ => LoneDot::Decimal,
    };
    let (regions, references) = site_places(raw);
    let labels: Vec<String> = sheet.row_range().map(|r| sheet.cell(r, 1).text()).collect();
    let matcher = bps::Matcher::new(&regions, &references, &labels);
    let narrowing = bps::Narrowing {
        year: options.year,
        region: options.region.as_deref(),
    };
    let read = bps::read(sheet, &layout, &matcher, lone_dot, &narrowing);
    for (message, hint, place) in read.problems.clone() {
        out.error(
            Diagnostic::error(msg(message))
                .at(table_location(file, &place))
                .hint_opt(hint.map(msg)),
        );
    }
    // The rows of the province's other kab/kota: to its file's `pembanding:` list.
    let mut read = read;
    let comparison = match options.region {
        Some(_) => None,
        None => comparison_rows(
            raw,
            &regions,
            &read,
            (file, sheet, &layout, &labels, lone_dot, options.year),
            out,
        ),
    };
    if let Some(c) = &comparison {
        read.skipped
            .retain(|(_, row, _)| !c.figures.iter().any(|f| f.row == *row));
        read.skipped_rows = read.skipped.len();
    }
    report_skipped(file, &read.skipped, out);
    // `--wilayah X` with no row of X in the table is an error, not an import of nothing.
    if let Some(slug) = &options.region
        && !read
            .figures
            .iter()
            .any(|f| matches!(&f.target, Target::Region(s) if s == slug))
    {
        let near = read.skipped.iter().find_map(|(name, _, near)| {
            near.as_ref()
                .filter(|region| {
                    regions
                        .iter()
                        .any(|r| &r.slug == slug && &r.name == *region)
                })
                .map(|_| name.clone())
        });
        out.error(
            Diagnostic::error(msg(ImportMessage::RegionNotInTable { slug: slug.clone() }))
                .in_file(file)
                .hint_opt(
                    near.map(|name| crate::base::messages::Message::HintDidYouMean {
                        suggestion: name,
                    }),
                ),
        );
    }
    // Per file: the figures already there decide what each table figure is.
    let mut by_target: BTreeMap<Target, Vec<&bps::TableFigure>> = BTreeMap::new();
    for f in &read.figures {
        by_target.entry(f.target.clone()).or_default().push(f);
    }
    let (mut added, mut unchanged, mut conflicting, mut overwritten) = (0, 0, 0, 0);
    let mut replaced_illustrative = 0;
    let mut to_write: Vec<(PathBuf, String)> = Vec::new();
    let mut origins = Origins {
        table: file,
        figures: Vec::new(),
    };
    for (target, figures) in by_target {
        let Some(target_file) = target_file(raw, &target) else {
            // The file could not be read: its own errors say why.
            let (slug, name) = match &target {
                Target::Region(s) => (s.clone(), "indikator.yaml".to_string()),
                Target::Reference(s) => ("referensi".to_string(), format!("{s}.yaml")),
            };
            let path = Path::new("content").join(&slug).join(&name);
            let mut found = false;
            for d in load_diagnostics.sorted() {
                if d.location.as_ref().is_some_and(|l| l.path == path) {
                    out.error(d.clone());
                    found = true;
                }
            }
            if !found {
                out.error(
                    Diagnostic::error(LoadMessage::MissingFile { name: name.clone() })
                        .in_file(path.parent().unwrap_or(&path))
                        .hint(LoadMessage::HintCreateFile { name }),
                );
            }
            continue;
        };
        let display = target_file.display.display().to_string();
        let mut edits: Vec<Edit> = Vec::new();
        // Illustrative figures the table replaces: their marks go with them.
        let mut unmark: Vec<(i32, String)> = Vec::new();
        // Figures of this file as they will be, so a region listed twice is compared too.
        let mut planned: BTreeMap<(Table, i32), f64> = BTreeMap::new();
        for &f in &figures {
            let table = match f.table {
                Table::Data => target_file.series.data,
                Table::DataSeptember => target_file.series.data_september,
            };
            let current = planned
                .get(&(f.table, f.year))
                .copied()
                .or_else(|| existing(table, f.year, &key));
            // An illustrative figure is a placeholder: the table's figure replaces it without
            // `--timpa`, and its mark goes (also when the two happen to be equal).
            if f.table == Table::Data
                && current.is_some()
                && !planned.contains_key(&(f.table, f.year))
                && marked_illustrative(&target_file.series, f.year, &key)
            {
                replaced_illustrative += 1;
                plan(f, &key, &mut planned, &mut edits);
                unmark.push((f.year, key.clone()));
                out.notes.push(msg(ImportMessage::IllustrativeReplaced {
                    file: display.clone(),
                    year: f.year,
                    key: key.clone(),
                    illustrative: current.unwrap_or_default(),
                    table: f.value,
                    row: f.row,
                }));
                continue;
            }
            match current {
                None => {
                    added += 1;
                    plan(f, &key, &mut planned, &mut edits);
                    // A mark left on a figure that was deleted by hand goes too: the table's
                    // figure is official.
                    if f.table == Table::Data
                        && marked_illustrative(&target_file.series, f.year, &key)
                    {
                        unmark.push((f.year, key.clone()));
                    }
                }
                Some(v) if (v - f.value).abs() <= 1e-9 => unchanged += 1,
                Some(v) => {
                    if options.overwrite {
                        overwritten += 1;
                        plan(f, &key, &mut planned, &mut edits);
                    } else {
                        conflicting += 1;
                        out.failed = true;
                    }
                    out.notes.push(msg(ImportMessage::differing(
                        options.overwrite,
                        display.clone(),
                        (f.year, key.clone()),
                        (v, f.value),
                        f.row,
                    )));
                }
            }
        }
        if edits.is_empty() {
            continue;
        }
        let tables = [
            (Table::Data, target_file.series.data),
            (Table::DataSeptember, target_file.series.data_september),
        ];
        let text = yaml_edit::apply(target_file.text, &tables, &edits).and_then(|text| {
            if unmark.is_empty() {
                Ok(text)
            } else {
                yaml_edit::unmark_illustrative(&text, target_file.series.ilustrasi, &unmark)
            }
        });
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                out.error(
                    Diagnostic::error(msg(ImportMessage::EditLayout { line: e.line }))
                        .in_file(&target_file.display)
                        .hint(msg(ImportMessage::HintEditLayout)),
                );
                continue;
            }
        };
        // Read back: everything as before, plus exactly the figures written.
        let mut expected = contents(&target_file.series);
        for e in &edits {
            expected.insert(
                (e.table.key().to_string(), e.year.to_string(), e.key.clone()),
                format!("{:.9}", e.value),
            );
        }
        expected.retain(|(name, year, key), _| {
            name != "ilustrasi"
                || !unmark
                    .iter()
                    .any(|(y, k)| k == key && year.trim().parse::<i32>().ok() == Some(*y))
        });
        let reference = matches!(target, Target::Reference(_));
        let mut got = reread(&target_file.display, &text, reference);
        // A new year is written as a plain number; an old one keeps its spelling.
        if let Some(map) = &mut got {
            normalise_year_keys(map);
            normalise_year_keys(&mut expected);
        }
        if got.as_ref() != Some(&expected) {
            out.error(
                Diagnostic::error(msg(ImportMessage::EditBrokeFile))
                    .in_file(&target_file.display)
                    .hint(msg(ImportMessage::HintEditLayout)),
            );
            continue;
        }
        for e in &edits {
            let Some(f) = figures
                .iter()
                .rev()
                .find(|f| f.table == e.table && f.year == e.year)
            else {
                continue;
            };
            origins.figures.push(Origin {
                path: target_file.path.clone(),
                reference,
                table: e.table,
                year: e.year,
                key: e.key.clone(),
                place: TablePlace {
                    sheet: sheet.name.clone(),
                    row: f.row,
                    column: f.column,
                },
                value: e.value,
                comparison: None,
            });
        }
        to_write.push((target_file.path.clone(), text));
    }
    let mut to_comparisons = (0, 0);
    if let Some(c) = comparison {
        let counts = merge_comparisons(
            raw,
            &c,
            (&key, sheet.name.as_deref()),
            options,
            (&mut to_write, &mut origins),
            out,
        );
        unchanged += counts.unchanged;
        conflicting += counts.conflicting;
        to_comparisons = (counts.added, counts.overwritten);
    }
    let errors = out.diagnostics.has_errors();
    if !errors && !to_write.is_empty() {
        commit(root, &to_write, &origins, options.dry_run, out);
    }
    if out.diagnostics.has_errors() {
        return;
    }
    out.summary = Some(Summary::Figures {
        added,
        unchanged,
        conflicting,
        overwritten,
        replaced_illustrative,
        to_comparisons,
        skipped_rows: read.skipped_rows,
    });
}

/// The figures of a table's rows for the province's kab/kota that the site does not hold.
struct ComparisonRows {
    /// The province's slug (its file in `content/referensi/`).
    province: String,
    others: Vec<bps::SiteRegion>,
    figures: Vec<bps::TableFigure>,
}

/// Reads the rows of a one-province table that name the province's other kab/kota (by the
/// official list). `None` when the table's province is not one file of the site: a table of
/// several provinces, or a province without its file.
fn comparison_rows(
    raw: &content::RawSite,
    regions: &[bps::SiteRegion],
    read: &bps::BpsFigures,
    (file, sheet, layout, labels, lone_dot, year): (
        &Path,
        &table::Sheet,
        &bps::Layout,
        &[String],
        LoneDot,
        Option<i32>,
    ),
    out: &mut Outcome,
) -> Option<ComparisonRows> {
    let provinces: std::collections::BTreeSet<String> = read
        .figures
        .iter()
        .filter_map(|f| match &f.target {
            Target::Region(slug) => raw
                .regions
                .iter()
                .find(|r| &r.slug == slug)
                .and_then(|r| r.region.as_ref())
                .map(|w| w.doc.provinsi.value.clone()),
            Target::Reference(slug) => raw
                .references
                .iter()
                .find(|r| &r.slug == slug && r.file.doc.tingkat == content::Level::Provinsi)
                .map(|r| r.slug.clone()),
        })
        .collect();
    let [province] = provinces.into_iter().collect::<Vec<_>>().try_into().ok()?;
    let reference = raw.references.iter().find(|r| r.slug == province)?;
    let others = comparisons::others(
        &reference.file.doc.nama,
        &reference.file.doc.kode.value,
        regions,
    );
    let matcher = bps::Matcher::new(&others, &[], labels);
    // A table of several provinces (a row coded for another province) is not one province's:
    // its rows are never taken for this province's kab/kota.
    let province_code = reference.file.doc.kode.value.trim().to_string();
    let foreign = labels.iter().any(|label| {
        bps::split_label(label)
            .0
            .is_some_and(|code| code.len() == 4 && !code.starts_with(&province_code))
    });
    if foreign {
        return None;
    }
    let narrowing = bps::Narrowing { year, region: None };
    let found = bps::read(sheet, layout, &matcher, lone_dot, &narrowing);
    for (message, hint, place) in found.problems {
        // Rows of the site's own regions and of the province were read already.
        if read.figures.iter().any(|f| f.row == place.row) {
            continue;
        }
        out.error(
            Diagnostic::error(msg(message))
                .at(table_location(file, &place))
                .hint_opt(hint.map(msg)),
        );
    }
    // A row the site's own regions or references took is theirs alone.
    let figures: Vec<bps::TableFigure> = found
        .figures
        .into_iter()
        .filter(|f| f.table == Table::Data && !read.figures.iter().any(|r| r.row == f.row))
        .collect();
    Some(ComparisonRows {
        province,
        others,
        figures,
    })
}

#[derive(Default)]
struct Counts {
    added: usize,
    unchanged: usize,
    conflicting: usize,
    overwritten: usize,
}

/// Merges the comparison rows into the province file's `pembanding:` list and queues the
/// file, written anew on top of what the import already changes in it, and checked by reading
/// it back.
fn merge_comparisons(
    raw: &content::RawSite,
    rows: &ComparisonRows,
    (key, sheet): (&str, Option<&str>),
    options: &Options,
    (to_write, origins): (&mut Vec<(PathBuf, String)>, &mut Origins),
    out: &mut Outcome,
) -> Counts {
    let mut counts = Counts::default();
    let Some(file) = raw.references.iter().find(|r| r.slug == rows.province) else {
        return counts;
    };
    let display = file.file.source.display_path.clone();
    let path = raw.root.join(&display);
    let Some(mut entries) = comparisons::entries(&file.file.doc.pembanding) else {
        out.error(
            Diagnostic::error(msg(ImportMessage::ComparisonsUnwritable))
                .in_file(&display)
                .hint(msg(ImportMessage::HintEditLayout)),
        );
        return counts;
    };
    let before = entries.clone();
    for f in &rows.figures {
        let Target::Region(slug) = &f.target else {
            continue;
        };
        let Some(other) = rows.others.iter().find(|o| &o.slug == slug) else {
            continue;
        };
        let at = match entries
            .iter()
            .position(|e| e.name.eq_ignore_ascii_case(&other.name))
        {
            Some(i) => i,
            None => {
                entries.push(comparisons::Entry {
                    name: other.name.clone(),
                    bps_code: Some(other.bps_code.clone()).filter(|c| !c.is_empty()),
                    source: None,
                    data: BTreeMap::new(),
                    sources: BTreeMap::new(),
                });
                entries.len() - 1
            }
        };
        let shown = format!("{} ({})", display.display(), other.name);
        let year = entries[at].data.entry(f.year).or_default();
        let origin = || Origin {
            path: path.clone(),
            reference: true,
            table: Table::Data,
            year: f.year,
            key: key.to_string(),
            place: TablePlace {
                sheet: sheet.map(str::to_string),
                row: f.row,
                column: f.column,
            },
            value: f.value,
            comparison: Some(other.name.clone()),
        };
        match year.get(key).copied() {
            None => {
                counts.added += 1;
                year.insert(key.to_string(), f.value);
                origins.figures.push(origin());
            }
            Some(v) if (v - f.value).abs() <= 1e-9 => counts.unchanged += 1,
            Some(v) => {
                if options.overwrite {
                    counts.overwritten += 1;
                    year.insert(key.to_string(), f.value);
                    origins.figures.push(origin());
                } else {
                    counts.conflicting += 1;
                    out.failed = true;
                }
                out.notes.push(msg(ImportMessage::differing(
                    options.overwrite,
                    shown,
                    (f.year, key.to_string()),
                    (v, f.value),
                    f.row,
                )));
            }
        }
    }
    if entries == before {
        return counts;
    }
    let queued = to_write.iter().position(|(p, _)| *p == path);
    let text = queued.map_or(file.file.source.text.as_str(), |i| to_write[i].1.as_str());
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let written = match comparisons::replace_block(text, &comparisons::block(&entries, newline)) {
        Ok(t) => t,
        Err(e) => {
            out.error(
                Diagnostic::error(msg(ImportMessage::EditLayout { line: e.line }))
                    .in_file(&display)
                    .hint(msg(ImportMessage::HintEditLayout)),
            );
            return counts;
        }
    };
    // Read back: everything else as it was, and the list exactly as merged.
    let src = crate::base::diagnostics::SourceText::new(&display, written.clone());
    let same = |t: &str| {
        let s = crate::base::diagnostics::SourceText::new(&display, t.to_string());
        content::yaml::parse::<content::RawReferenceFile>(&s, t, 0)
            .ok()
            .filter(|(_, unknown)| unknown.is_empty())
            .map(|(doc, _)| contents(&doc.series()))
    };
    let back = content::yaml::parse::<content::RawReferenceFile>(&src, &written, 0)
        .ok()
        .filter(|(_, unknown)| unknown.is_empty())
        .and_then(|(doc, _)| comparisons::entries(&doc.pembanding));
    if back.as_ref() != Some(&entries) || same(&written) != same(text) {
        out.error(
            Diagnostic::error(msg(ImportMessage::EditBrokeFile))
                .in_file(&display)
                .hint(msg(ImportMessage::HintEditLayout)),
        );
        return counts;
    }
    match queued {
        Some(i) => to_write[i].1 = written,
        None => to_write.push((path, written)),
    }
    counts
}

/// The rows left out because their region is not in the site, by name: a name close to one of
/// the site's regions as a warning with "did you mean" (a misspelling would otherwise drop a
/// region's figure without a word), the others in one note.
fn report_skipped(file: &Path, skipped: &[(String, usize, Option<String>)], out: &mut Outcome) {
    let mut others = Vec::new();
    for (name, row, near) in skipped {
        match near {
            Some(region) => out.diagnostics.push(
                Diagnostic::warning(msg(ImportMessage::RowNotInSite {
                    name: name.clone(),
                    row: *row,
                }))
                .at(table_location(
                    file,
                    &TablePlace {
                        sheet: None,
                        row: *row,
                        column: 1,
                    },
                ))
                .hint(crate::base::messages::Message::HintDidYouMean {
                    suggestion: region.clone(),
                }),
            ),
            None => others.push(name.clone()),
        }
    }
    if !others.is_empty() {
        out.notes
            .push(msg(ImportMessage::SkippedNames { names: others }));
    }
}

/// `"2024"` and `2024` are the same year for the comparison.
fn normalise_year_keys(map: &mut BTreeMap<(String, String, String), String>) {
    let old = std::mem::take(map);
    for ((t, y, k), v) in old {
        map.insert((t, y.trim().trim_matches('"').to_string(), k), v);
    }
}
