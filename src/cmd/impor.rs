use super::{print_diagnostics, seconds};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;
use tkpk::base::messages::Words;
use tkpk::import::messages::ImportMessage;
use tkpk::import::{self, Options, Summary};

/// Reads a BPS table or a program matrix into the site's YAML files.
pub(crate) fn run(root: &Path, file: &Path, options: &Options) -> ExitCode {
    let started = Instant::now();
    let outcome = import::run(root, file, options);
    let lang = outcome.lang;
    print_diagnostics(&outcome.diagnostics, lang);
    for note in &outcome.notes {
        eprintln!("{}", note.text(lang));
    }
    let elapsed = seconds(started.elapsed(), lang);
    let line = match &outcome.summary {
        Some(Summary::Figures {
            added,
            unchanged,
            conflicting,
            overwritten,
            replaced_illustrative,
            to_comparisons,
            skipped_rows,
        }) => ImportMessage::SummaryFigures {
            to_comparisons: *to_comparisons,
            added: *added,
            unchanged: *unchanged,
            conflicting: *conflicting,
            overwritten: *overwritten,
            replaced_illustrative: *replaced_illustrative,
            skipped_rows: *skipped_rows,
            seconds: elapsed,
            dry_run: options.dry_run,
        },
        Some(Summary::Program {
            rows,
            skipped_rows,
            path,
        }) => ImportMessage::SummaryProgram {
            rows: *rows,
            skipped_rows: *skipped_rows,
            path: path.clone(),
            seconds: elapsed,
            dry_run: options.dry_run,
        },
        None => ImportMessage::SummaryFailed {
            errors: outcome.diagnostics.error_count(),
        },
    };
    eprintln!("{}", line.text(lang));
    if outcome.failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
