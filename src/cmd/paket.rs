use super::pdf::{print_jobs, refuses_incomplete, shown};
use super::seconds;
use crate::cmd::messages::CommandMessage;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use tkpk::base::diagnostics::Diagnostic;
use tkpk::base::messages::Words;
use tkpk::bundle::messages::BundleMessage;
use tkpk::bundle::{self, Entry, Info, Written};
use tkpk::output::messages::OutputMessage;
use tkpk::pdf::{self, PageKind};

/// Refuses a report without its required parts as a final `tkpk pdf` does, builds the site
/// like `tkpk build`, prints the year's report and sheet like `tkpk pdf`
/// (into `pdf/`, byte-stable with the build date), and bundles them with the XLSX the build
/// wrote beside them, the year's evidence files and a manifest into one ZIP. A `draft` bundle
/// is built and printed as `tkpk pdf --draf` (nothing refused, every PDF marked DRAF and
/// named so) into `paket/<slug>-<year>-draf.zip`, and its manifest says it is a draft.
pub(crate) fn run(
    root: &Path,
    (slug, year): (&str, i32),
    date: Option<&str>,
    target: Option<&Path>,
    (overwrite, draft): (bool, bool),
) -> ExitCode {
    let started = Instant::now();
    // The bundle holds the final report: refused as `tkpk pdf` refuses it.
    if !draft && refuses_incomplete(root, Some(slug), Some(year)) {
        return ExitCode::FAILURE;
    }
    let output = super::build::default_output(root, draft);
    let Some(built) = super::build::build(root, &output, draft) else {
        return ExitCode::FAILURE;
    };
    let lang = built.lang;
    let fail = |d: Diagnostic| {
        eprintln!("{}", d.render(lang));
        ExitCode::FAILURE
    };
    let date = match date.map(bundle::parse_date) {
        Some(Ok(date)) => date,
        Some(Err(e)) => return fail(e.diagnostic()),
        None => bundle::content_date(&built.site, slug, year),
    };
    let mut jobs = match pdf::select(&output, Some(slug), Some(year)) {
        Ok(jobs) => jobs,
        Err(e) => return fail(e.diagnostic()),
    };
    for (kind, sheet) in [(PageKind::Report, false), (PageKind::Evaluation, true)] {
        if !jobs.iter().any(|j| j.kind == kind) {
            return fail(
                Diagnostic::error(BundleMessage::PageMissing {
                    slug: slug.to_string(),
                    year,
                    sheet,
                })
                .hint(if draft {
                    BundleMessage::HintSchemeForDraft
                } else {
                    BundleMessage::HintPublishSheet
                }),
            );
        }
    }
    for job in &mut jobs {
        job.date = Some(date);
        if draft {
            job.mark_draft();
        }
    }
    let chromium = match pdf::find_chromium() {
        Ok(c) => c,
        Err(e) => {
            return fail(Diagnostic::error(e.message()).hint(CommandMessage::HintInstallChromium));
        }
    };
    let folder = root.join("pdf");
    if let Err(e) = std::fs::create_dir_all(&folder) {
        return fail(Diagnostic::error(OutputMessage::WriteFailed {
            path: shown(&folder),
            detail: tkpk::base::messages::IoProblem::of(&e),
        }));
    }
    if print_jobs(&chromium, &output, &jobs, &folder, lang) > 0 {
        return ExitCode::FAILURE;
    }
    let mut entries = Vec::new();
    for job in &jobs {
        let path = folder.join(&job.pdf_name);
        match std::fs::read(&path) {
            Ok(bytes) => entries.push(Entry {
                name: job.pdf_name.clone(),
                bytes,
            }),
            Err(e) => {
                return fail(Diagnostic::error(BundleMessage::ReadFailed {
                    path: shown(&path),
                    detail: tkpk::base::messages::IoProblem::of(&e),
                }));
            }
        }
    }
    match bundle::gather(&built.site, &output, slug, year) {
        Ok(more) => entries.extend(more),
        Err(e) => return fail(e.diagnostic()),
    }
    let region = built
        .site
        .regions
        .iter()
        .find(|r| r.slug == slug)
        .map_or(slug, |r| r.name.as_str());
    let info = Info {
        region,
        year,
        date,
        lang,
        draft,
    };
    let bytes = match bundle::zip(&entries, &info) {
        Ok(bytes) => bytes,
        Err(e) => return fail(e.diagnostic()),
    };
    let target: PathBuf = target.map_or_else(
        || {
            let draft = if draft { "-draf" } else { "" };
            root.join("paket").join(format!("{slug}-{year}{draft}.zip"))
        },
        Path::to_path_buf,
    );
    // Named as the user would type it (`paket/…`, not `./paket/…`).
    let target = target
        .strip_prefix(".")
        .map_or_else(|_| target.clone(), Path::to_path_buf);
    let written = match bundle::write(&target, &bytes, overwrite) {
        Ok(w) => w,
        Err(e) => return fail(e.diagnostic()),
    };
    eprintln!(
        "{}",
        CommandMessage::SummaryPaket {
            path: shown(&target),
            files: entries.len() + 1,
            kib: (bytes.len() as u64).div_ceil(1024),
            replaced: written == Written::Replaced,
            unchanged: written == Written::Unchanged,
            seconds: seconds(started.elapsed(), lang),
        }
        .text(lang)
    );
    ExitCode::SUCCESS
}
