use super::seconds;
use crate::cmd::messages::CommandMessage;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use tkpk::base::diagnostics::Diagnostic;
use tkpk::base::lang::Lang;
use tkpk::base::messages::Words;
use tkpk::output::messages::OutputMessage;
use tkpk::pdf::{self, PageKind};

/// A path as the user typed it, without a leading `./`.
pub(crate) fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

/// Builds the site like `tkpk build`, then prints its reports (and evaluation sheets) to PDF.
pub(crate) fn run(
    root: &Path,
    region: Option<&str>,
    year: Option<i32>,
    folder: Option<&Path>,
    draft: bool,
) -> ExitCode {
    let started = Instant::now();
    if !draft && refuses_incomplete(root, region, year) {
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
    let mut jobs = match pdf::select(&output, region, year) {
        Ok(jobs) => jobs,
        Err(e) => return fail(e.diagnostic()),
    };
    for job in &mut jobs {
        if draft {
            job.mark_draft();
        }
        // Stamped with its content's date: the same content prints the same bytes.
        job.date = Some(tkpk::bundle::content_date(&built.site, &job.slug, job.year));
    }
    let chromium = match pdf::find_chromium() {
        Ok(c) => c,
        Err(e) => {
            return fail(Diagnostic::error(e.message()).hint(CommandMessage::HintInstallChromium));
        }
    };
    let folder: PathBuf = folder.map_or_else(|| root.join("pdf"), Path::to_path_buf);
    if let Err(e) = std::fs::create_dir_all(&folder) {
        return fail(Diagnostic::error(OutputMessage::WriteFailed {
            path: shown(&folder),
            detail: tkpk::base::messages::IoProblem::of(&e),
        }));
    }
    let total = jobs.len();
    let failed = print_jobs(&chromium, &output, &jobs, &folder, lang);
    eprintln!(
        "{}",
        summary(total - failed, &folder, failed, started, lang)
    );
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A final print refuses, before anything is built or printed, the reports that lack a
/// required part (a site with errors is left to the build, which names them): `true` when it
/// refused, the reasons printed.
pub(crate) fn refuses_incomplete(root: &Path, region: Option<&str>, year: Option<i32>) -> bool {
    let loaded = tkpk::site::load(root);
    let Some(site) = loaded
        .site
        .as_ref()
        .filter(|_| !loaded.diagnostics.has_errors())
    else {
        return false;
    };
    let refused = tkpk::site::final_refusals(site, region, year);
    if !refused.has_errors() {
        return false;
    }
    super::print_diagnostics(&refused, loaded.lang);
    eprintln!(
        "{}",
        CommandMessage::SummaryFailed {
            errors: refused.error_count(),
            warnings: 0,
        }
        .text(loaded.lang)
    );
    true
}

/// Prints `jobs` from the built `output` into `folder` (see [`pdf::print_all`]), a progress
/// line on stderr as each one ends (an error with it when it failed); returns how many failed.
pub(crate) fn print_jobs(
    chromium: &Path,
    output: &Path,
    jobs: &[pdf::PrintJob],
    folder: &Path,
    lang: Lang,
) -> usize {
    let total = jobs.len();
    let (mut done, mut failed) = (0, 0);
    pdf::print_all(
        chromium,
        output,
        jobs,
        folder,
        pdf::printers(),
        |reason| {
            eprintln!(
                "{}",
                Diagnostic::warning(pdf::messages::PdfMessage::PdfOneByOne { reason }).render(lang)
            );
        },
        |job, result, took| {
            done += 1;
            let evaluation = job.kind == PageKind::Evaluation;
            match result {
                Ok(()) => eprintln!(
                    "{}",
                    CommandMessage::PdfPrinted {
                        done,
                        total,
                        slug: job.slug.clone(),
                        year: job.year,
                        evaluation,
                        path: shown(&folder.join(&job.pdf_name)),
                        seconds: seconds(took, lang),
                    }
                    .text(lang)
                ),
                Err(e) => {
                    failed += 1;
                    eprintln!(
                        "{}",
                        CommandMessage::PdfNotPrinted {
                            done,
                            total,
                            slug: job.slug.clone(),
                            year: job.year,
                            evaluation,
                        }
                        .text(lang)
                    );
                    eprintln!(
                        "{}",
                        Diagnostic::error(e.message())
                            .hint(CommandMessage::HintPdfFailed)
                            .render(lang)
                    );
                }
            }
        },
    );
    failed
}

fn summary(files: usize, folder: &Path, failed: usize, started: Instant, lang: Lang) -> String {
    let mut folder = shown(folder);
    if !folder.ends_with('/') {
        folder.push('/');
    }
    CommandMessage::SummaryPdf {
        files,
        folder,
        failed,
        seconds: seconds(started.elapsed(), lang),
    }
    .text(lang)
}
