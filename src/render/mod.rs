//! Rendering: the theme (embedded default, overridable file by file from the site's
//! `themes/<tema>/`), tera set up once, and every page rendered in parallel from view structs.

pub mod filters;
pub mod messages;
pub mod part;
pub mod paths;
pub mod search;
pub mod sitemap;

pub mod views;

use crate::base::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::base::lang::Lang;
use crate::content::messages::LoadMessage;
use crate::content::read_source;
use crate::downloads::pages::{self as unduhan, Downloads};
use crate::model::{Region, Site};
use crate::output::OutputFile;
use crate::render::messages::RenderMessage;
use crate::report::{RegionYear, Report};
pub use part::Part;
use paths::{province_page, region_page, report_page, sheet_page};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tera::{Context, Tera};
use walkdir::WalkDir;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// The default theme's templates, compiled into the binary.
const DEFAULT_TEMPLATES: &[(&str, &str)] = embedded!(
    "base.html",
    "index.html",
    "wilayah.html",
    "laporan.html",
    "bab-laporan.html",
    "provinsi.html",
    "penilaian.html",
    "unduhan.html",
    "grafik.html",
    "baris-wilayah.html",
    "skrip-grafik.html"
);

macro_rules! embedded_assets {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../../themes/default/static/", $name)))),*]
    };
}

/// The default theme's static files, written once to `output/assets/`. The ECharts runtime (a
/// partial build, see `themes/default/echarts-build/`) ships with the licences of ECharts
/// (Apache-2.0), ZRender (BSD-3-Clause) and tslib (0BSD); nothing is loaded from a network.
const DEFAULT_ASSETS: &[(&str, &[u8])] = embedded_assets!(
    "style.css",
    "tkpk-grafik.js",
    "tkpk-cari.js",
    "tkpk-tabel.js",
    "echarts/echarts.min.js",
    "echarts/LICENSE",
    "echarts/LICENSE-zrender",
    "echarts/LICENSE-tslib",
    "echarts/NOTICE",
);

/// A ready theme: parsed templates and the static files.
pub struct Theme {
    tera: Tera,
    /// Where each template came from, for error messages.
    origins: BTreeMap<String, SourceText>,
    pub assets: BTreeMap<String, Vec<u8>>,
}

fn template_diagnostic(
    error: &tera::Error,
    origins: &BTreeMap<String, SourceText>,
    page: Option<&str>,
) -> Diagnostic {
    let report = match error.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    let template = report.map(|r| r.filename().to_string()).unwrap_or_default();
    let detail = match report {
        Some(r) => r.message().to_string(),
        None => error.to_string(),
    };
    let message = match page {
        Some(page) => RenderMessage::RenderFailed {
            template: template.clone(),
            page: page.to_string(),
            detail,
        },
        None => RenderMessage::TemplateInvalid { detail },
    };
    let mut diagnostic = Diagnostic::error(message).hint(RenderMessage::HintTemplate);
    if let (Some(r), Some(source)) = (report, origins.get(&template)) {
        let span = r.span();
        diagnostic = diagnostic.at(source.location(span.start_line, span.start_col + 1));
    }
    diagnostic
}

fn read_bytes(root: &Path, path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let display = path.strip_prefix(root).unwrap_or(path);
    let fail = |e: std::io::Error| {
        Diagnostic::error(LoadMessage::ReadFailed {
            detail: crate::base::messages::IoProblem::of(&e),
        })
        .in_file(display)
    };
    let meta = std::fs::symlink_metadata(path).map_err(fail)?;
    if meta.file_type().is_symlink() {
        return Err(Diagnostic::error(LoadMessage::SymlinkRefused)
            .in_file(display)
            .hint(LoadMessage::HintSymlink));
    }
    std::fs::read(path).map_err(fail)
}

/// Files below `dir`, sorted, as (path relative to `dir` with `/`, full path).
fn files_below(dir: &Path, diagnostics: &mut Diagnostics, root: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    // WalkDir follows the folder it starts from even when that (or its parent) is a link.
    for d in [dir.parent(), Some(dir)].into_iter().flatten() {
        if std::fs::symlink_metadata(d).is_ok_and(|m| m.file_type().is_symlink()) {
            diagnostics.push(
                Diagnostic::error(LoadMessage::SymlinkRefused)
                    .in_file(d.strip_prefix(root).unwrap_or(d))
                    .hint(LoadMessage::HintSymlink),
            );
            return out;
        }
    }
    if !dir.is_dir() {
        return out;
    }
    for entry in WalkDir::new(dir).follow_links(false).sort_by_file_name() {
        match entry {
            Ok(e) if e.path_is_symlink() => diagnostics.push(
                Diagnostic::error(LoadMessage::SymlinkRefused)
                    .in_file(e.path().strip_prefix(root).unwrap_or(e.path()))
                    .hint(LoadMessage::HintSymlink),
            ),
            Ok(e) if e.file_type().is_file() => {
                let rel = e
                    .path()
                    .strip_prefix(dir)
                    .unwrap_or(e.path())
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push((rel, e.path().to_path_buf()));
            }
            Ok(_) => {}
            Err(e) => diagnostics.push(
                Diagnostic::error(LoadMessage::ReadFailed {
                    detail: crate::base::messages::IoProblem::walking(&e),
                })
                .in_file(dir.strip_prefix(root).unwrap_or(dir)),
            ),
        }
    }
    out
}

impl Theme {
    /// The default theme with the files of `root/themes/<name>/` laid over it.
    pub fn load(root: &Path, name: &str, lang: Lang) -> Result<Theme, Diagnostics> {
        let mut diagnostics = Diagnostics::new();
        let mut origins: BTreeMap<String, SourceText> = DEFAULT_TEMPLATES
            .iter()
            .map(|(n, text)| {
                (
                    n.to_string(),
                    SourceText::new(format!("(tema bawaan) templates/{n}"), text.to_string()),
                )
            })
            .collect();
        let mut assets: BTreeMap<String, Vec<u8>> = DEFAULT_ASSETS
            .iter()
            .map(|(n, bytes)| (n.to_string(), bytes.to_vec()))
            .collect();
        let theme_dir = root.join("themes").join(name);
        for (rel, path) in files_below(&theme_dir.join("templates"), &mut diagnostics, root) {
            if !rel.ends_with(".html") {
                continue;
            }
            match read_source(root, &path) {
                Ok(source) => {
                    origins.insert(rel, source);
                }
                Err(d) => diagnostics.push(d),
            }
        }
        for (rel, path) in files_below(&theme_dir.join("static"), &mut diagnostics, root) {
            match read_bytes(root, &path) {
                Ok(bytes) => {
                    assets.insert(rel, bytes);
                }
                Err(d) => diagnostics.push(d),
            }
        }
        let mut tera = Tera::default();
        filters::register(&mut tera, lang);
        tera.autoescape_on(vec![".html"]);
        if let Err(e) = tera.add_raw_templates(
            origins
                .iter()
                .map(|(n, s)| (n.as_str(), s.text.as_str()))
                .collect::<Vec<_>>(),
        ) {
            diagnostics.push(template_diagnostic(&e, &origins, None));
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(Theme {
            tera,
            origins,
            assets,
        })
    }

    fn render<T: Serialize>(
        &self,
        template: &str,
        (view, site): (&T, tera::Value),
        page: &str,
    ) -> Result<OutputFile, Diagnostic> {
        let mut context = Context::from_serialize(view).map_err(|e| {
            Diagnostic::error(RenderMessage::RenderFailed {
                template: template.to_string(),
                page: page.to_string(),
                detail: e.to_string(),
            })
        })?;
        context.insert_value("site", site);
        self.tera
            .render(template, &context)
            .map(|html| OutputFile {
                path: page.to_string(),
                bytes: html.into_bytes(),
            })
            .map_err(|e| template_diagnostic(&e, &self.origins, Some(page)))
    }
}

/// The theme and what every page shares: `site` (title, language, the theme's words and the
/// way back to the root) made into a template value once per folder depth rather than once
/// per page (tera's values share their maps, so handing one to a page copies a pointer).
struct Pages<'a> {
    theme: &'a Theme,
    site: &'a Site,
    shared: Vec<tera::Value>,
}

impl<'a> Pages<'a> {
    /// The deepest page is a sheet, `<slug>/<year>/penilaian/index.html`.
    const DEPTHS: usize = 4;

    fn new(theme: &'a Theme, site: &'a Site) -> Self {
        let shared = (0..Self::DEPTHS)
            .map(|depth| tera::Value::from_serializable(&views::SiteView::new(site, depth)))
            .collect();
        Pages {
            theme,
            site,
            shared,
        }
    }

    fn render<T: Serialize>(&self, template: &str, view: &T, page: &str) -> Rendered {
        let depth = page.matches('/').count();
        let site = self.shared.get(depth).cloned().unwrap_or_else(|| {
            tera::Value::from_serializable(&views::SiteView::new(self.site, depth))
        });
        self.theme.render(template, (view, site), page)
    }
}

type Rendered = Result<OutputFile, Diagnostic>;

/// A page's download set into `out` (the files only when `write`) and its links; a failure
/// becomes the page's error.
fn downloads(
    site: &Site,
    RegionYear { region, year }: RegionYear,
    (stem, title): (&str, &str),
    tables: &[crate::downloads::Table],
    (page, write): (&str, bool),
    out: &mut Vec<Rendered>,
) -> Downloads {
    let dir = format!("{}/{year}/{}", region.slug, unduhan::FOLDER);
    match unduhan::page_files(&dir, (stem, title), tables, site.config.lang, write) {
        Ok((files, links)) => {
            out.extend(files.into_iter().map(Ok));
            links
        }
        Err(e) => {
            out.push(Err(download_failed(page, &e)));
            Downloads::default()
        }
    }
}

fn download_failed(page: &str, error: &crate::downloads::DownloadError) -> Diagnostic {
    Diagnostic::error(RenderMessage::DownloadFailed {
        page: page.to_string(),
        detail: error.to_string(),
    })
}

/// A report's tables, and with programmes its RAT and semester matrices.
fn report_downloads(
    figures: &Report,
    report: &views::ReportView,
    write: bool,
    out: &mut Vec<Rendered>,
) -> Downloads {
    let (site, region, year) = (figures.site, figures.region, figures.year);
    let page = report_page(&region.slug, year);
    let tables = unduhan::report_tables(figures);
    let stem = format!("laporan-{}-{year}", region.slug);
    let mut links = downloads(
        site,
        figures.region_year(),
        (&stem, &report.judul_halaman),
        &tables,
        (&page, write),
        out,
    );
    if let Some(programs) = &figures.programs {
        let dir = format!("{}/{year}/{}", region.slug, unduhan::FOLDER);
        match unduhan::matrix_files(
            &dir,
            figures.region_year(),
            programs.programs,
            site.config.lang,
            write,
        ) {
            Ok((files, matrices)) => {
                out.extend(files.into_iter().map(Ok));
                links.matriks = matrices;
            }
            Err(e) => out.push(Err(download_failed(&page, &e))),
        }
    }
    links
}

/// One year of a region: its report and, when a scheme applies, its evaluation sheet, each
/// with its downloads (written only when `write`).
fn year_pages(
    site: &Site,
    pages: &Pages,
    RegionYear { region, year }: RegionYear,
    write: bool,
) -> Vec<Rendered> {
    let mut out = Vec::new();
    let page = report_page(&region.slug, year);
    let figures = crate::report::report(site, region, year);
    let mut report = views::report(&figures);
    if site.config.downloads {
        report.unduhan = report_downloads(&figures, &report, write, &mut out);
    }
    out.push(pages.render("laporan.html", &report, &page));
    if let Some(sheet_figures) = &figures.sheet {
        let mut sheet = views::evaluation::evaluation(site, region, sheet_figures);
        let page = sheet_page(&region.slug, year);
        if site.config.downloads {
            let tables = unduhan::sheet_tables(sheet_figures, &region.name, site.config.lang);
            let stem = format!("penilaian-{}-{year}", region.slug);
            sheet.unduhan = downloads(
                site,
                figures.region_year(),
                (&stem, &sheet.judul_halaman),
                &tables,
                (&page, write),
                &mut out,
            );
        }
        out.push(pages.render("penilaian.html", &sheet, &page));
    }
    out
}

/// Where rendered files go as they are made: kept in memory, or written to the output
/// being built (see [`crate::output::Staging`]). Called from several threads at once.
pub type Sink<'a> = &'a (dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync);

/// Every page of the site: the index, and per region its overview and one report per year.
pub fn render_site(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>, Diagnostics> {
    kept(|sink| render(site, theme, None, sink))
}

/// [`render_site`], each file handed to `sink` as soon as it is rendered.
pub fn render_site_into(site: &Site, theme: &Theme, sink: Sink) -> Result<(), Diagnostics> {
    render(site, theme, None, sink)
}

/// The pages a change to some regions touches (see [`Part`]).
pub fn render_part(
    site: &Site,
    theme: &Theme,
    part: &Part,
) -> Result<Vec<OutputFile>, Diagnostics> {
    kept(|sink| render(site, theme, Some(part), sink))
}

/// The files a render hands to its sink, in memory.
fn kept(
    render: impl FnOnce(Sink) -> Result<(), Diagnostics>,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let files = std::sync::Mutex::new(Vec::new());
    render(&|file| {
        files.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    })?;
    Ok(files.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// Hands the files to `sink`, and returns the problems of those that failed to render or to
/// be kept, in order.
fn emit(results: Vec<Rendered>, sink: Sink) -> Vec<Diagnostic> {
    results
        .into_iter()
        .filter_map(|result| result.and_then(sink).err())
        .collect()
}

fn render(site: &Site, theme: &Theme, part: Option<&Part>, sink: Sink) -> Result<(), Diagnostics> {
    let pages = Pages::new(theme, site);
    let index = part
        .is_none_or(|p| p.listings)
        .then(|| pages.render("index.html", &views::index(site), "index.html"));
    // (region, year, whole): the years are rendered in parallel, so one region's rebuild uses
    // every core too.
    let mut jobs: Vec<(&Region, Option<i32>, bool)> = Vec::new();
    for region in &site.regions {
        let whole = part.is_none_or(|p| p.regions.contains(&region.slug));
        if !whole && !part.is_some_and(|p| p.reports.contains(&region.slug)) {
            continue;
        }
        if whole {
            jobs.push((region, None, true));
        }
        // Only the years that show the change.
        jobs.extend(
            site.report_years(region)
                .into_iter()
                .filter(|year| part.is_none_or(|p| p.renders(&region.slug, *year)))
                .map(|y| (region, Some(y), whole)),
        );
    }
    // Each job's files go to the sink as soon as they are rendered; only problems are kept.
    let per_job: Vec<Vec<Diagnostic>> = jobs
        .par_iter()
        .map(|(region, year, whole)| {
            let rendered = match year {
                None => vec![pages.render(
                    "wilayah.html",
                    &views::region(site, region),
                    &region_page(&region.slug),
                )],
                Some(year) => year_pages(site, &pages, RegionYear::new(region, *year), *whole),
            };
            emit(rendered, sink)
        })
        .collect();
    // A page per province that has regions in this site.
    let per_province: Vec<Vec<Diagnostic>> = site
        .provinces
        .values()
        .filter(|p| site.by_province.contains_key(&p.slug))
        .filter(|p| part.is_none_or(|part| part.provinces.contains(&p.slug)))
        .collect::<Vec<_>>()
        .par_iter()
        .map(|p| {
            let page = pages.render(
                "provinsi.html",
                &views::province(site, p),
                &province_page(&p.slug),
            );
            emit(vec![page], sink)
        })
        .collect();
    let mut diagnostics = Diagnostics::new();
    for d in emit(index.into_iter().collect(), sink)
        .into_iter()
        .chain(per_province.into_iter().flatten())
        .chain(per_job.into_iter().flatten())
    {
        diagnostics.push(d);
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(())
}
