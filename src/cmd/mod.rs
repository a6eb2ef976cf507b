pub mod build;
pub mod check;
pub mod impor;
pub mod new;
pub mod pdf;
pub mod serve;

use std::time::Duration;
use tkpk::diagnostics::Diagnostics;
use tkpk::lang::Lang;

/// Prints every diagnostic on stderr, a blank line after each.
pub fn print_diagnostics(diagnostics: &Diagnostics, lang: Lang) {
    if !diagnostics.is_empty() {
        eprintln!("{}", diagnostics.render(lang));
    }
}

pub fn seconds(elapsed: Duration, lang: Lang) -> String {
    tkpk::format::seconds(elapsed.as_secs_f64(), lang)
}
