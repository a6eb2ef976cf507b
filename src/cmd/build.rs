use super::{print_diagnostics, seconds};
use crate::cmd::messages::CommandMessage;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;
use tkpk::base::messages::Words;
use tkpk::site::Built;

pub(crate) fn run(root: &Path, output: Option<&Path>, wait: bool, draft: bool) -> ExitCode {
    let output = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| default_output(root, draft));
    // Never in the middle of an import; the lock file is made when no import has made it yet
    // (so that the site's first import waits too), but never beside an output that is refused.
    let _reading = tkpk::import::journal::lock_shared(root, tkpk::output::accepts(root, &output));
    match build_waiting(root, &output, wait, draft) {
        Some(_) => ExitCode::SUCCESS,
        None => ExitCode::FAILURE,
    }
}

/// Where a build writes unless told: `output/`, or `output-draf/` for a draft, so that a
/// draft never takes the place of the folder that is uploaded.
pub(crate) fn default_output(root: &Path, draft: bool) -> std::path::PathBuf {
    root.join(if draft { "output-draf" } else { "output" })
}

/// Builds the site and prints its diagnostics and summary line; `None` when it failed. Waits
/// for another build writing the same output, saying so.
pub(crate) fn build(root: &Path, output: &Path, draft: bool) -> Option<Built> {
    build_waiting(root, output, true, draft)
}

/// [`build`], refusing instead of waiting when `wait` is false (`--tanpa-tunggu`).
fn build_waiting(root: &Path, output: &Path, wait: bool, draft: bool) -> Option<Built> {
    let started = Instant::now();
    let tell = |lang| {
        eprintln!(
            "{}",
            CommandMessage::WaitingForOutput {
                path: output.display().to_string()
            }
            .text(lang)
        );
    };
    match tkpk::site::build_with(root, output, wait.then_some(&tell as _), draft) {
        Ok(built) => {
            print_diagnostics(&built.diagnostics, built.lang);
            eprintln!(
                "{}",
                CommandMessage::SummaryBuilt {
                    pages: built.pages,
                    warnings: built.diagnostics.warning_count(),
                    seconds: seconds(started.elapsed(), built.lang),
                    output: built.output.display().to_string(),
                }
                .text(built.lang)
            );
            Some(built)
        }
        Err(failed) => {
            print_diagnostics(&failed.diagnostics, failed.lang);
            eprintln!(
                "{}",
                CommandMessage::SummaryFailed {
                    errors: failed.diagnostics.error_count(),
                    warnings: failed.diagnostics.warning_count(),
                }
                .text(failed.lang)
            );
            None
        }
    }
}
