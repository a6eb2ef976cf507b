pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod impor;
pub(crate) mod messages;
pub(crate) mod new;
pub(crate) mod paket;
pub(crate) mod pdf;
pub(crate) mod serve;
pub(crate) mod usage;

use std::time::Duration;
use tkpk::base::diagnostics::Diagnostics;
use tkpk::base::lang::Lang;

/// Rolls back an import that was stopped in the middle (see `tkpk::import::journal`), saying
/// so. `false` when it could not be done: the site may hold half an import, and a command that
/// publishes or imports must not go on.
pub(crate) fn recover_import(root: &std::path::Path) -> bool {
    use tkpk::base::messages::Words;
    let lang = tkpk::site::language(root);
    match tkpk::import::journal::recover(root) {
        Ok(Some(done)) => {
            eprintln!(
                "{}",
                messages::CommandMessage::ImportRolledBack {
                    files: done.restored,
                    kept: done.kept.iter().map(|p| p.display().to_string()).collect(),
                }
                .text(lang)
            );
            true
        }
        Ok(None) => true,
        Err(e) => {
            eprintln!(
                "{}",
                messages::CommandMessage::ImportNotRolledBack {
                    detail: e.to_string(),
                }
                .text(lang)
            );
            false
        }
    }
}

/// How many messages are printed in full; the rest are counted per file.
const SHOWN_IN_FULL: usize = 50;

/// Prints the diagnostics on stderr, a blank line after each (at most [`SHOWN_IN_FULL`] in
/// full, the rest counted per file).
pub(crate) fn print_diagnostics(diagnostics: &Diagnostics, lang: Lang) {
    if !diagnostics.is_empty() {
        eprintln!("{}", diagnostics.render_bounded(lang, SHOWN_IN_FULL));
    }
}

pub(crate) fn seconds(elapsed: Duration, lang: Lang) -> String {
    tkpk::base::format::seconds(elapsed.as_secs_f64(), lang)
}
