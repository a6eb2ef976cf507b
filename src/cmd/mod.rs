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
