use super::{print_diagnostics, seconds};
use crate::cmd::messages::CommandMessage;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;
use tkpk::base::messages::Words;

/// Loads and validates, renders in memory to catch template errors, writes nothing.
pub(crate) fn run(root: &Path) -> ExitCode {
    let started = Instant::now();
    let mut loaded = tkpk::site::load(root);
    // Every page a build could write, published or not (a draft renders them all).
    if let Some(site) = loaded.site.as_mut() {
        site.draft = true;
    }
    if let Some(site) = &loaded.site
        && let Err(more) = tkpk::site::render_files(root, site)
    {
        loaded.diagnostics.extend(more);
    }
    // Evaluation readiness: what each regency still has to write for its evaluation.
    let readiness = loaded.site.as_ref().map(tkpk::evaluation::readiness);
    if let Some(r) = &readiness {
        loaded.diagnostics.extend(r.warnings.clone());
    }
    // The reports as documents: chapters not written yet.
    if let Some(site) = &loaded.site {
        let warnings = tkpk::site::document_warnings(site);
        loaded.diagnostics.extend(warnings);
    }
    print_diagnostics(&loaded.diagnostics, loaded.lang);
    for line in readiness.iter().flat_map(|r| &r.lines) {
        eprintln!("{}", line.text(loaded.lang));
    }
    if loaded.diagnostics.has_errors() {
        eprintln!(
            "{}",
            CommandMessage::SummaryFailed {
                errors: loaded.diagnostics.error_count(),
                warnings: loaded.diagnostics.warning_count(),
            }
            .text(loaded.lang)
        );
        return ExitCode::FAILURE;
    }
    eprintln!(
        "{}",
        CommandMessage::SummaryChecked {
            regions: loaded.site.as_ref().map_or(0, |s| s.regions.len()),
            warnings: loaded.diagnostics.warning_count(),
            seconds: seconds(started.elapsed(), loaded.lang),
        }
        .text(loaded.lang)
    );
    ExitCode::SUCCESS
}
