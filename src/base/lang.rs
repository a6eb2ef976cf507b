//! The language of a site, and a phrase written in each: the leaf every stage that words
//! something depends on.

use serde::{Deserialize, Serialize};

/// The language of a site: its pages, its numbers and its messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

/// A fixed phrase in both languages, chosen when it is shown: what a stage below the
/// wording hands up instead of a type of its own (an evidence item's title in a message).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub id: &'static str,
    pub en: &'static str,
}

impl Phrase {
    pub const fn new(id: &'static str, en: &'static str) -> Self {
        Phrase { id, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.id,
            Lang::En => self.en,
        }
    }
}

/// A text written by an author in Indonesian, with its English where given (a built-in
/// scheme's names): an English site shows the English, or the Indonesian when there is none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bilingual {
    pub id: String,
    pub en: Option<String>,
}

impl Bilingual {
    pub fn new(id: &str, en: Option<&str>) -> Self {
        Bilingual {
            id: id.trim().to_string(),
            en: en.map(|e| e.trim().to_string()).filter(|e| !e.is_empty()),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => self.en.as_deref().unwrap_or(&self.id),
            Lang::Id => &self.id,
        }
    }
}

/// An English count with its noun in the right number: "1 error", "2 errors", "0 errors".
/// (Indonesian nouns do not change with the count.)
pub fn en_count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_is_chosen_by_language() {
        let p = Phrase::new("ada", "present");
        assert_eq!((p.get(Lang::Id), p.get(Lang::En)), ("ada", "present"));
    }
}
