//! The pipeline in one place: load → validate → render → write. The CLI and the tests call
//! these functions; each returns its diagnostics, never prints.

use crate::content::{self, ParseCache};
use crate::diagnostics::Diagnostics;
use crate::messages::Lang;
use crate::model::{self, Site};
use crate::output;
use crate::render::{self, OutputFile, Theme};
use std::path::{Path, PathBuf};

/// The outcome of loading a site: the site when it has no errors, and every diagnostic.
pub struct Loaded {
    pub site: Option<Site>,
    pub diagnostics: Diagnostics,
    /// The language for messages (from site.yaml when it could be read).
    pub lang: Lang,
}

/// Reads and validates the site folder at `root`.
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
    if let Some(base) = &site.config.base_url {
        let pages: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        let extra = render::sitemap::files(base, &pages);
        files.extend(extra);
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
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
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
    if part.listings {
        files.push(render::search::index_file(site));
    }
    Ok(files)
}

/// Builds the site at `root` into `output`.
pub fn build(root: &Path, output: &Path) -> Result<Built, Failed> {
    let Loaded {
        site,
        mut diagnostics,
        lang,
    } = load(root);
    if let Err(d) = output::check_target(root, output) {
        diagnostics.push(d);
    }
    let Some(site) = site.filter(|_| !diagnostics.has_errors()) else {
        return Err(Failed { diagnostics, lang });
    };
    let files = match render_files(root, &site) {
        Ok(f) => f,
        Err(more) => {
            diagnostics.extend(more);
            return Err(Failed { diagnostics, lang });
        }
    };
    if let Err(d) = output::write_site(root, output, &files) {
        diagnostics.push(d);
        return Err(Failed { diagnostics, lang });
    }
    Ok(Built {
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        files: files.len(),
        diagnostics,
        lang,
        output: output.to_path_buf(),
    })
}
