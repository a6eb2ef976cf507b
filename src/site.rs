//! The pipeline in one place: load → validate → render → write. The CLI and the tests call
//! these functions; each returns its diagnostics, never prints.

use crate::base::diagnostics::{Diagnostic, Diagnostics};
use crate::base::lang::Lang;
use crate::content::{self, ParseCache};
use crate::model::{self, Site};
use crate::output;
use crate::output::OutputFile;
use crate::render::{self, Theme};
use std::path::{Path, PathBuf};

/// The outcome of loading a site: the site when it has no errors, and every diagnostic.
pub struct Loaded {
    pub site: Option<Site>,
    pub diagnostics: Diagnostics,
    /// The language for messages (from site.yaml when it could be read).
    pub lang: Lang,
}

/// `tkpk check`'s warnings about the reports as documents: the chapters of each report being
/// written that have nothing to show yet.
pub fn document_warnings(site: &Site) -> Diagnostics {
    let mut out = Diagnostics::new();
    for d in crate::report::document::empty_chapter_warnings(site) {
        out.push(d);
    }
    out
}

/// What a final print (`tkpk pdf` without `--draf`) refuses: the published reports of the
/// selection that lack the lembar pengesahan or a required chapter, one error each.
pub fn final_refusals(site: &Site, region: Option<&str>, year: Option<i32>) -> Diagnostics {
    let mut out = Diagnostics::new();
    for d in crate::report::document::final_refusals(site, region, year) {
        out.push(d);
    }
    out
}

/// Reads and validates the site folder at `root`.
/// The language of the site at `root` (`bahasa:` in site.yaml), read before the site is: for
/// what a command says first. Indonesian when site.yaml cannot be read.
pub fn language(root: &Path) -> crate::base::lang::Lang {
    crate::content::language(root)
}

pub fn load(root: &Path) -> Loaded {
    validated(content::load(root))
}

/// [`load`], re-parsing only the files changed since the last load with `cache`.
pub fn load_cached(root: &Path, cache: &ParseCache) -> Loaded {
    validated(content::load_cached(root, cache))
}

/// [`load_cached`] when the files changed since the last load are known (see
/// [`content::load_cached_after`]).
pub fn load_cached_after(
    root: &Path,
    cache: &ParseCache,
    changed: &std::collections::BTreeSet<std::path::PathBuf>,
) -> Loaded {
    validated(content::load_cached_after(root, cache, changed))
}

fn validated((raw, mut diagnostics): (content::RawSite, Diagnostics)) -> Loaded {
    let lang = raw
        .config
        .as_ref()
        .map(|c| c.doc.bahasa)
        .unwrap_or_default();
    let (site, more) = model::validate(raw);
    diagnostics.extend(more);
    let site = if diagnostics.has_errors() { None } else { site };
    Loaded {
        site,
        diagnostics,
        lang,
    }
}

/// What a build wrote.
pub struct Built {
    pub pages: usize,
    pub files: usize,
    pub diagnostics: Diagnostics,
    pub lang: Lang,
    pub output: PathBuf,
    /// The site that was built.
    pub site: Site,
}

/// A build that stopped; the output folder was left as it was.
#[derive(Debug, thiserror::Error)]
#[error("{} galat, {} peringatan", diagnostics.error_count(), diagnostics.warning_count())]
pub struct Failed {
    pub diagnostics: Diagnostics,
    pub lang: Lang,
}

/// Every file of the site, pages and assets, in a stable order.
pub fn render_files(root: &Path, site: &Site) -> Result<Vec<OutputFile>, Diagnostics> {
    let theme = Theme::load(root, &site.config.theme, site.config.lang)?;
    let mut files = render::render_site(site, &theme)?;
    let pages: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let extra = beside_pages(site, &theme, &pages);
    files.extend(extra);
    let written: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let statics = static_files(root, &written)?;
    files.extend(read_copies(
        evidence_copies(site).into_iter().chain(statics),
    )?);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The files copied as they are (evidence, `static/`), read into memory.
fn read_copies(
    copies: impl Iterator<Item = content::StaticFile>,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let mut files = Vec::new();
    let mut read = Diagnostics::new();
    for f in copies {
        match std::fs::read(&f.source) {
            Ok(bytes) => files.push(OutputFile {
                path: f.path,
                bytes,
            }),
            Err(e) => read.push(output::read_error(&f.source, e)),
        }
    }
    if read.has_errors() {
        return Err(read);
    }
    Ok(files)
}

/// The files of `static/`, each checked against the files tkpk writes: one that takes the name
/// of a page or asset is an error (tkpk's own file is never silently replaced, nor the user's).
fn static_files(root: &Path, written: &[&str]) -> Result<Vec<content::StaticFile>, Diagnostics> {
    let files = content::static_files(root)?;
    // Compared without case (Windows and macOS disks ignore it), and as folders too: a file
    // where tkpk writes a folder, a folder where it writes a file, or tkpk's own mark.
    let lower = |p: &str| p.to_lowercase();
    let written_files: std::collections::HashSet<String> =
        written.iter().map(|p| lower(p)).collect();
    let written_dirs: std::collections::HashSet<String> = written
        .iter()
        .flat_map(|p| {
            let p = lower(p);
            p.match_indices('/')
                .map(|(i, _)| p[..i].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let collides = |path: &str| {
        let path = lower(path);
        let parents = path.match_indices('/').map(|(i, _)| &path[..i]);
        let reserved = path
            .rsplit('/')
            .next()
            .is_some_and(|name| name.starts_with(".tkpk-"));
        written_files.contains(&path)
            || written_dirs.contains(&path)
            || reserved
            || parents.clone().any(|d| written_files.contains(d))
    };
    let mut diagnostics = Diagnostics::new();
    for f in files.iter().filter(|f| collides(&f.path)) {
        diagnostics.push(
            Diagnostic::error(output::messages::OutputMessage::StaticCollides {
                path: f.path.clone(),
            })
            .in_file(format!("{}/{}", content::STATIC_FOLDER, f.path))
            .hint(output::messages::OutputMessage::HintStaticCollides),
        );
    }
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok(files)
    }
}

/// The evidence files (`berkas:`) a draft copies beside each evaluation sheet it writes
/// (`<slug>/<year>/penilaian/bukti/…`, where the sheet links them); a public build copies none
/// (see `render::views::evaluation`).
fn evidence_copies(site: &Site) -> Vec<content::StaticFile> {
    if !site.draft {
        return Vec::new();
    }
    let mut files = Vec::new();
    for region in &site.regions {
        for year in site.report_years(region) {
            if model::scheme::applicable(&site.schemes, year).is_none() {
                continue;
            }
            let Some(institution) = region.year_data(year).and_then(|d| d.institution.as_ref())
            else {
                continue;
            };
            files.extend(
                institution
                    .scans()
                    .into_iter()
                    .map(|scan| content::StaticFile {
                        path: render::paths::evidence_file(&region.slug, year, &scan.path),
                        source: scan.source.clone(),
                    }),
            );
        }
    }
    files
}

/// The files beside the pages: the sitemap (with `base_url`), the search index and the
/// theme's assets.
fn beside_pages(site: &Site, theme: &Theme, pages: &[&str]) -> Vec<OutputFile> {
    let mut files = Vec::new();
    if let Some(base) = &site.config.base_url {
        files.extend(render::sitemap::files(base, pages));
    }
    files.push(render::search::index_file(site));
    // The generated index takes its name over a theme file of the same name.
    files.extend(
        theme
            .assets
            .iter()
            .filter(|(name, _)| name.as_str() != render::search::INDEX_FILE)
            .map(|(name, bytes)| OutputFile {
                path: format!("assets/{name}"),
                bytes: bytes.clone(),
            }),
    );
    files
}

/// The files a change to some regions touches (see [`render::Part`]): their pages and
/// downloads and, when the regions' names or figures changed, their peers' reports, their
/// provinces' pages, the home page and the search index. Assets and the sitemap are not among
/// them.
pub fn render_part_files(
    root: &Path,
    site: &Site,
    part: &render::Part,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let theme = Theme::load(root, &site.config.theme, site.config.lang)?;
    let mut files = render::render_part(site, &theme, part)?;
    let evidence = evidence_copies(site)
        .into_iter()
        .filter(|f| part.owns(&f.path));
    files.extend(read_copies(evidence)?);
    if part.listings {
        files.push(render::search::index_file(site));
    }
    Ok(files)
}

/// Builds the site at `root` into `output`: each file is written to the new output as soon
/// as it is rendered, and the new output replaces the previous one only when all of it was
/// written (see [`output::Staging`]).
pub fn build(root: &Path, output: &Path) -> Result<Built, Failed> {
    build_with(root, output, Some(&|_| {}), false)
}

/// [`build`], saying what to do when another build holds the output: with `wait`, call it (in
/// the site's language, to tell the user) and wait; without, refuse. A `draft` writes every
/// report and sheet, marked DRAF and with the author's notes (see [`Site::draft`]).
pub fn build_with(
    root: &Path,
    output: &Path,
    wait: Option<&(dyn Fn(Lang) + Sync)>,
    draft: bool,
) -> Result<Built, Failed> {
    let restored = output::restore_missing(root, output);
    let Loaded {
        mut site,
        mut diagnostics,
        lang,
    } = load(root);
    if let Some(site) = site.as_mut() {
        site.draft = draft;
    }
    if let Some(from) = restored {
        diagnostics.push(Diagnostic::warning(
            output::messages::OutputMessage::Recovered {
                from: from.display().to_string(),
            },
        ));
    }
    if let Err(d) = output::check_target(root, output) {
        diagnostics.push(d);
    }
    let Some(site) = site.filter(|_| !diagnostics.has_errors()) else {
        return Err(Failed { diagnostics, lang });
    };
    let mut fail = |more: Diagnostics| {
        diagnostics.extend(more);
        Err(Failed {
            diagnostics: std::mem::take(&mut diagnostics),
            lang,
        })
    };
    let theme = match Theme::load(root, &site.config.theme, site.config.lang) {
        Ok(theme) => theme,
        Err(more) => return fail(more),
    };
    let tell = || {
        if let Some(wait) = wait {
            wait(lang);
        }
    };
    let busy = match wait {
        Some(_) => output::WhenBusy::Wait(&tell),
        None => output::WhenBusy::Refuse,
    };
    let staging = match output::Staging::begin(root, output, busy) {
        Ok(s) => s,
        Err(d) => return fail(Diagnostics::from(d)),
    };
    let recovered = staging.recovered.clone();
    let written = std::sync::Mutex::new(Vec::new());
    // After one failed write (a full disk, say) the others are not tried: one error, not
    // thousands; the build fails and the previous output stays.
    let write_failed = std::sync::atomic::AtomicBool::new(false);
    let sink = |file: OutputFile| {
        use std::sync::atomic::Ordering;
        if write_failed.load(Ordering::Relaxed) {
            return Ok(());
        }
        staging
            .write(&file)
            .inspect_err(|_| write_failed.store(true, Ordering::Relaxed))?;
        written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(file.path);
        Ok(())
    };
    if let Err(more) = render::render_site_into(&site, &theme, &sink) {
        return fail(more);
    }
    let mut written = written.into_inner().unwrap_or_else(|e| e.into_inner());
    let pages: Vec<&str> = written.iter().map(String::as_str).collect();
    let extra = beside_pages(&site, &theme, &pages);
    for file in extra {
        if let Err(d) = staging.write(&file) {
            return fail(Diagnostics::from(d));
        }
        written.push(file.path);
    }
    // A draft's evidence files, beside the sheets that link them.
    for f in evidence_copies(&site) {
        if let Err(d) = staging.copy(&f.path, &f.source) {
            return fail(Diagnostics::from(d));
        }
        written.push(f.path);
    }
    // The user's own files (static/), copied as they are, never over a file tkpk wrote.
    let paths: Vec<&str> = written.iter().map(String::as_str).collect();
    let statics = match static_files(root, &paths) {
        Ok(files) => files,
        Err(more) => return fail(more),
    };
    for f in statics {
        if let Err(d) = staging.copy(&f.path, &f.source) {
            return fail(Diagnostics::from(d));
        }
        written.push(f.path);
    }
    match staging.commit() {
        Ok(Some(left)) => diagnostics.push(left),
        Ok(None) => {}
        Err(d) => return fail(Diagnostics::from(d)),
    }
    if let Some(from) = recovered {
        diagnostics.push(Diagnostic::warning(
            output::messages::OutputMessage::Recovered {
                from: from.display().to_string(),
            },
        ));
    }
    Ok(Built {
        pages: written.iter().filter(|p| p.ends_with(".html")).count(),
        files: written.len(),
        diagnostics,
        lang,
        output: output.to_path_buf(),
        site,
    })
}
