pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod impor;
pub(crate) mod messages;
pub(crate) mod new;
pub(crate) mod pdf;
pub(crate) mod serve;

use std::time::Duration;
use tkpk::base::diagnostics::Diagnostics;
use tkpk::base::lang::Lang;

/// Prints every diagnostic on stderr, a blank line after each.
/// Rolls back an import that was stopped in the middle (see `tkpk::import::journal`), saying
/// so; a failure to do it is said too, and the command goes on.
pub(crate) fn recover_import(root: &std::path::Path) {
    use tkpk::base::messages::Words;
    let said = match tkpk::import::journal::recover(root) {
        Ok(Some(files)) => messages::CommandMessage::ImportRolledBack { files },
        Ok(None) => return,
        Err(e) => messages::CommandMessage::ImportNotRolledBack {
            detail: e.to_string(),
        },
    };
    eprintln!("{}", said.text(Lang::Id));
}

/// How many messages are printed in full; the rest are counted per file.
const SHOWN_IN_FULL: usize = 50;

pub(crate) fn print_diagnostics(diagnostics: &Diagnostics, lang: Lang) {
    if !diagnostics.is_empty() {
        eprintln!("{}", diagnostics.render_bounded(lang, SHOWN_IN_FULL));
    }
}

pub(crate) fn seconds(elapsed: Duration, lang: Lang) -> String {
    tkpk::base::format::seconds(elapsed.as_secs_f64(), lang)
}
