//! "Did you mean": the nearest allowed word to a misspelt one, as a hint for a message.

use crate::base::messages::Message;

/// The nearest of `candidates` to `word`, if it is near enough to be a likely typo.
pub fn nearest<'a, I: IntoIterator<Item = &'a str>>(word: &str, candidates: I) -> Option<String> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

/// Suggests the nearest allowed word, or lists them all.
pub fn suggestion(word: &str, allowed: &[String]) -> Message {
    match nearest(word, allowed.iter().map(String::as_str)) {
        Some(s) => Message::HintDidYouMean { suggestion: s },
        None => Message::HintAllowed {
            allowed: allowed.to_vec(),
        },
    }
}
