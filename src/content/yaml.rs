//! YAML reading with serde-saphyr: parse options (budgets, duplicate keys) and the translation
//! of its errors into diagnostics that point at `path:line:col` with a hint.

use crate::base::diagnostics::{Diagnostic, SourceText};
use crate::base::messages::{Message, ValueKind, YamlLimit};
use crate::base::suggest::{nearest, suggestion};
use crate::content::messages::LoadMessage;
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_saphyr::Error as YamlError;
use serde_saphyr::Spanned;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::options::{DuplicateKeyPolicy, NonFiniteFloatPolicy};
use std::fmt;
use std::marker::PhantomData;

/// The entries of a YAML mapping in file order, duplicates kept, so that validation can report
/// every problem (including `2024` next to `"2024"`) instead of serde's first one.
#[derive(Debug, Clone)]
pub struct Entries<K, V>(pub Vec<(K, V)>);

impl<K, V> Default for Entries<K, V> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Entries<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for EntriesVisitor<K, V> {
            type Value = Entries<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Entries(Vec::new()))
            }
        }
        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}

/// The reader's budgets: far above any hand-written file, far below an alias bomb.
pub(crate) const MAX_DEPTH: usize = 32;
pub(crate) const MAX_ALIASES: usize = 1_000;
pub(crate) const MAX_ANCHORS: usize = 1_000;
pub(crate) const MAX_NODES: usize = 200_000;

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_aliases: MAX_ALIASES,
            max_anchors: MAX_ANCHORS,
            max_nodes: MAX_NODES,
            max_documents: 1,
        },
        duplicate_keys: DuplicateKeyPolicy::Error,
        // `.nan`, `.inf` and `1e999` reach validation as text, so that every one of them in a
        // file is reported in one run, not only the first.
        non_finite_float_policy: NonFiniteFloatPolicy::AsString,
    }
}

/// The field names of a struct as serde sees them, read from its `Deserialize` impl, so the
/// list of allowed keys can never drift from the struct.
pub(crate) fn field_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct FieldNames<'a>(&'a mut &'static [&'static str]);
    impl<'de> Deserializer<'de> for FieldNames<'_> {
        type Error = serde::de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(serde::de::Error::custom("fields read"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(FieldNames(&mut fields));
    fields
}

/// Parses `yaml`, which starts at line `line_offset + 1` of `source` (front matter starts after
/// its opening `---`), into the struct `T`. Unknown top-level keys are all reported (with the
/// nearest known key), and the rest of the document is still read so that its other problems
/// are reported in the same run.
pub(crate) fn parse<T: DeserializeOwned>(
    source: &SourceText,
    yaml: &str,
    line_offset: usize,
) -> Result<(T, Vec<Diagnostic>), Vec<Diagnostic>> {
    if is_blank(yaml) {
        return Err(vec![
            Diagnostic::error(Message::EmptyFile)
                .in_file(&source.display_path)
                .hint(LoadMessage::HintEmptyFile),
        ]);
    }
    let mut unknown = Vec::new();
    // (line, column, misspelt key, suggested key) of each likely typo, 1-based within `yaml`.
    let mut suggested: Vec<(usize, usize, String, String)> = Vec::new();
    let known = field_names::<T>();
    if !known.is_empty()
        && !plainly_known_keys(yaml, known)
        && let Ok(keys) = serde_saphyr::from_str_with_options::<
            Entries<Spanned<String>, serde::de::IgnoredAny>,
        >(yaml, options())
    {
        let allowed: Vec<String> = known.iter().map(|s| s.to_string()).collect();
        for (key, _) in keys.0 {
            if !known.contains(&key.value.as_str()) {
                let location = source.location(
                    key.referenced.line() as usize + line_offset,
                    key.referenced.column() as usize,
                );
                let hint = suggestion(&key.value, &allowed);
                if let Message::HintDidYouMean { suggestion } = &hint {
                    suggested.push((
                        key.referenced.line() as usize,
                        key.referenced.column() as usize,
                        key.value.clone(),
                        suggestion.clone(),
                    ));
                }
                unknown.push(
                    Diagnostic::error(LoadMessage::UnknownKey {
                        key: key.value.clone(),
                    })
                    .at(location)
                    .hint(hint),
                );
            }
        }
    }
    match serde_saphyr::from_str_with_options::<T>(yaml, options()) {
        Ok(doc) => Ok((doc, unknown)),
        Err(e) => {
            let d = to_diagnostic(&e, source, line_offset);
            // A misspelt required key is one problem, not two: the did-you-mean says it all.
            let covered = matches!(d.message.downcast_ref(), Some(LoadMessage::MissingField { field })
                if suggested.iter().any(|(.., s)| s == field));
            if !covered {
                unknown.push(d);
                return Err(unknown);
            }
            // Read the rest as if the typos were corrected, so that its own problems are
            // reported in this run too; the typos stay reported as errors.
            match serde_saphyr::from_str_with_options::<T>(&corrected(yaml, &suggested), options())
            {
                Ok(doc) => Ok((doc, unknown)),
                Err(_) => Err(unknown),
            }
        }
    }
}

/// Whether every top-level key of `yaml` is plainly one of `known`, seen from its lines alone:
/// the document is a block mapping starting at the first column, and every line that starts
/// there is a comment or a plain `key:` with a known key. Then the reading for unknown keys
/// would find none, and is skipped (it parses the whole file a second time: 8 % of the
/// instructions of a generated 60-region build). Anything else (quotes, flow or explicit keys, anchors, document
/// markers, an indented mapping, a tab) answers `false` and the file is read for its keys.
fn plainly_known_keys(yaml: &str, known: &[&str]) -> bool {
    let mut seen_key = false;
    for line in yaml.lines() {
        let Some(first) = line.chars().next() else {
            continue;
        };
        if first == '#' || line.trim().is_empty() {
            continue;
        }
        if first == ' ' {
            // A value's continuation, which only a mapping seen before can have.
            if !seen_key {
                return false;
            }
            continue;
        }
        let Some((key, rest)) = line.split_once(':') else {
            return false;
        };
        let plain = !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !plain || !(rest.is_empty() || rest.starts_with([' ', '\r'])) || !known.contains(&key) {
            return false;
        }
        seen_key = true;
    }
    seen_key
}

/// Whether `yaml` holds nothing but blank lines, comments and document markers: an empty file,
/// not a syntax error.
fn is_blank(yaml: &str) -> bool {
    yaml.lines().all(|line| {
        let t = line.trim();
        t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
    })
}

/// `yaml` with each misspelt key replaced by its suggestion, where it stands.
fn corrected(yaml: &str, typos: &[(usize, usize, String, String)]) -> String {
    yaml.split_inclusive('\n')
        .enumerate()
        .map(|(i, line)| {
            let Some((_, column, typo, fix)) = typos.iter().find(|(l, ..)| *l == i + 1) else {
                return line.to_string();
            };
            let start: usize = line.chars().take(column - 1).map(char::len_utf8).sum();
            match line.get(start..) {
                Some(rest) if rest.starts_with(typo.as_str()) => {
                    format!("{}{fix}{}", &line[..start], &rest[typo.len()..])
                }
                _ => line.to_string(),
            }
        })
        .collect()
}

fn bare_message(error: &YamlError) -> String {
    let text = error.without_snippet().to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

fn wrong_type(expected: ValueKind, found: String) -> Diagnostic {
    Diagnostic::error(LoadMessage::WrongType {
        expected: expected.clone(),
        found,
    })
    .hint(LoadMessage::HintWriteKind { expected })
}

/// The error itself, without the snippet and alias wrappers serde-saphyr puts around it.
fn original(mut error: &YamlError) -> &YamlError {
    loop {
        match error {
            YamlError::WithSnippet { error: inner, .. }
            | YamlError::AliasError { error: inner, .. } => error = inner,
            other => return other,
        }
    }
}

fn too_deep(limit: YamlLimit) -> Diagnostic {
    Diagnostic::error(LoadMessage::TooDeep { limit }).hint(LoadMessage::HintYamlLimit)
}

/// A decimal comma in a one-line mapping (`{1: 58,4, 4: 66.1}`) is read as a value `58` and
/// a key `4`, and then that key is written twice: the number as written (`58,4`) with its
/// column on `line`, when `key` follows digits and a comma there.
fn decimal_comma_key(line: &str, key: &str) -> Option<(usize, String)> {
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let needle = format!(",{key}");
    let mut from = 0;
    while let Some(found) = line[from..].find(&needle) {
        let comma = from + found;
        let end = comma + needle.len();
        let digits = line[..comma]
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        let whole = line
            .as_bytes()
            .get(end)
            .is_none_or(|b| !b.is_ascii_digit() && *b != b'.');
        if digits > 0 && whole {
            let start = comma - digits;
            return Some((line[..start].chars().count() + 1, line[start..end].into()));
        }
        from = comma + 1;
    }
    None
}

fn to_diagnostic(error: &YamlError, source: &SourceText, line_offset: usize) -> Diagnostic {
    let (line, column) = error
        .location()
        .map(|l| (l.line() as usize, l.column() as usize))
        .unwrap_or((1, 1));
    let location = source.location(line + line_offset, column);
    // The word written at the error, for "tertulis …".
    let found = || location.written();
    let diagnostic = match original(error) {
        YamlError::SerdeUnknownField {
            field, expected, ..
        } => {
            let allowed: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
            Diagnostic::error(LoadMessage::UnknownKey { key: field.clone() })
                .hint(suggestion(field, &allowed))
        }
        YamlError::SerdeMissingField { field, .. } => {
            let missing = Diagnostic::error(LoadMessage::MissingField {
                field: field.to_string(),
            })
            .hint(LoadMessage::HintAddField {
                field: field.to_string(),
            });
            // A mapping inside the file (a list entry, a nested table) is pointed at where it
            // starts; a key missing from the whole document names the file.
            return match error.location().filter(|l| l.column() > 1) {
                Some(_) => missing.at(location),
                None => missing.in_file(&source.display_path),
            };
        }
        YamlError::InvalidScalar { ty, .. } => wrong_type(ValueKind::from_serde(ty), found()),
        YamlError::InvalidBooleanStrict { .. } => wrong_type(ValueKind::Bool, found()),
        YamlError::ExternallyTaggedEnumExpectedScalarOrMapping { .. }
        | YamlError::UnexpectedValueForUnitEnumVariant { .. } => {
            wrong_type(ValueKind::Choice, found())
        }
        YamlError::DuplicateMappingKey { key, .. } => {
            let key = key.clone().unwrap_or_default();
            let line = line + line_offset;
            if let Some((column, text)) = source.line(line).and_then(|l| decimal_comma_key(l, &key))
            {
                let fixed = text.replace(',', ".");
                return Diagnostic::error(Message::DecimalComma { text })
                    .at(source.location(line, column))
                    .hint(Message::HintDecimalComma { fixed });
            }
            Diagnostic::error(LoadMessage::DuplicateKey { key })
                .hint(LoadMessage::HintRemoveDuplicate)
        }
        YamlError::NonFiniteFloat { value, .. } => Diagnostic::error(LoadMessage::NonFinite {
            text: value.clone(),
        })
        .hint(LoadMessage::HintOmitMissing),
        YamlError::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let allowed: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
            Diagnostic::error(LoadMessage::UnknownVariant {
                value: variant.clone(),
                allowed: allowed.clone(),
            })
            .hint_opt(
                nearest(variant, expected.iter().copied())
                    .map(|s| Message::HintDidYouMean { suggestion: s }),
            )
        }
        YamlError::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => wrong_type(ValueKind::from_serde(expected), unexpected.clone()),
        YamlError::Unexpected { expected, .. } => {
            wrong_type(ValueKind::from_serde(expected), found())
        }
        YamlError::Budget { breach, .. } => too_deep(match breach {
            BudgetBreach::Depth { .. } => YamlLimit::Depth { max: MAX_DEPTH },
            BudgetBreach::Nodes { .. } => YamlLimit::Nodes { max: MAX_NODES },
            BudgetBreach::Aliases { .. } => YamlLimit::Aliases { max: MAX_ALIASES },
            BudgetBreach::Anchors { .. } => YamlLimit::Anchors { max: MAX_ANCHORS },
            BudgetBreach::Documents { .. } => YamlLimit::Documents,
            _ => YamlLimit::Other,
        }),
        YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. } => too_deep(YamlLimit::Other),
        other => {
            let detail = bare_message(other);
            if detail.contains("recursion limit") {
                too_deep(YamlLimit::Depth { max: MAX_DEPTH })
            } else if detail.contains("budget") || detail.contains("limit") {
                too_deep(YamlLimit::Other)
            } else if detail.contains("tabs") {
                // Point at the start of the line, where the tab is.
                return Diagnostic::error(LoadMessage::TabIndentation)
                    .at(source.location(line + line_offset, 1))
                    .hint(LoadMessage::HintTabs);
            } else if detail.contains("mapping values are not allowed") {
                Diagnostic::error(LoadMessage::YamlSyntax { detail })
                    .hint(LoadMessage::HintQuoteColon)
            } else {
                Diagnostic::error(LoadMessage::YamlSyntax { detail })
                    .hint(LoadMessage::HintYamlSyntax)
            }
        }
    };
    diagnostic.at(location)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        nama: String,
        #[serde(default)]
        data: Entries<Spanned<String>, Spanned<serde_json::Value>>,
    }

    fn parse_doc(text: &str) -> Result<Doc, Diagnostic> {
        let src = SourceText::new("x.yaml", text.to_string());
        match parse(&src, text, 0) {
            Ok((doc, mut unknown)) => match unknown.pop() {
                Some(d) => Err(d),
                None => Ok(doc),
            },
            Err(mut all) => Err(all.remove(0)),
        }
    }

    #[test]
    fn a_decimal_comma_read_as_a_key_written_twice_is_said_as_such() {
        assert_eq!(
            decimal_comma_key("  x: {1: 58,4, 4: 66.1}", "4"),
            Some((10, "58,4".into()))
        );
        assert_eq!(
            decimal_comma_key("  x: {1: 58.4, 2: 66,1, 1: 3}", "1"),
            Some((19, "66,1".into()))
        );
        for (line, key) in [
            ("  x: {1: 58, 4: 66, 4: 1}", "4"),
            ("  x: {1: 58,40, 40: 1}", "4"),
            ("  x: {a: 1, a: 2}", "a"),
        ] {
            assert_eq!(decimal_comma_key(line, key), None, "{line}");
        }
        let text = "nama: a\ndata: {1: 58,4, 4: 66}\n";
        let d = parse_doc(text).unwrap_err();
        assert_eq!(
            d.message,
            Message::DecimalComma {
                text: "58,4".into()
            }
        );
        assert_eq!(
            d.location.as_ref().map(|l| (l.line, l.column)),
            Some((2, 11))
        );
    }

    #[test]
    fn field_names_come_from_the_struct() {
        assert_eq!(field_names::<Doc>(), &["nama", "data"]);
    }

    #[test]
    fn every_unknown_key_is_reported_and_the_rest_still_read() {
        let text = "nama: a\nnamma: b\ndat: c\n";
        let src = SourceText::new("x.yaml", text.to_string());
        let (doc, unknown) = parse::<Doc>(&src, text, 0).unwrap();
        assert_eq!(doc.nama, "a");
        let keys: Vec<_> = unknown.iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            keys,
            vec![
                LoadMessage::UnknownKey {
                    key: "namma".into()
                },
                LoadMessage::UnknownKey { key: "dat".into() }
            ]
        );
        assert_eq!(unknown[1].location.as_ref().unwrap().line, 3);
    }

    #[test]
    fn a_misspelt_required_key_is_reported_once_and_the_rest_still_read() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Required {
            sumber: String,
            data: Spanned<serde_json::Value>,
        }
        let text = "sumbr: BPS\ndata: \"7,57\"\n";
        let src = SourceText::new("x.yaml", text.to_string());
        let (doc, errors) = parse::<Required>(&src, text, 0).unwrap();
        assert_eq!(doc.sumber, "BPS");
        assert_eq!(doc.data.referenced.line(), 2);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].message,
            LoadMessage::UnknownKey {
                key: "sumbr".into()
            }
        );
        assert_eq!(
            corrected(
                "a: 1\n  sumbr: x\n",
                &[(2, 3, "sumbr".into(), "sumber".into())]
            ),
            "a: 1\n  sumber: x\n"
        );
    }

    #[test]
    fn only_plainly_known_top_level_keys_skip_the_reading_for_keys() {
        let known = ["nama", "data", "kode_bps"];
        for yes in [
            "nama: a\n",
            "# catatan\nnama: a\r\ndata:\n  2024: {p0: 1}\n  # x\n\nkode_bps: \"35\"\n",
            "nama: >\n  panjang\ndata: [1,\n  2]\n",
        ] {
            assert!(plainly_known_keys(yes, &known), "{yes:?}");
        }
        for no in [
            "",
            "# hanya komentar\n",
            "namma: a\n",
            "nama: a\nsumber: b\n",
            "  nama: a\n",
            "\"nama\": a\n",
            "? nama\n: a\n",
            "&x nama: a\n",
            "---\nnama: a\n",
            "nama: a\n---\n",
            "{nama: a}\n",
            "- nama\n",
            "nama:a\n",
            "nama : a\n",
            "\tnama: a\n",
            "<<: *x\n",
        ] {
            assert!(!plainly_known_keys(no, &known), "{no:?}");
        }
    }

    #[test]
    fn unknown_key_suggests_the_nearest() {
        let d = parse_doc("nama: a\nnamma: b\n").unwrap_err();
        assert_eq!(
            d.message,
            LoadMessage::UnknownKey {
                key: "namma".into()
            }
        );
        assert_eq!(
            d.hint.as_ref().and_then(|h| h.downcast_ref()),
            Some(&Message::HintDidYouMean {
                suggestion: "nama".into()
            })
        );
        let loc = d.location.clone().unwrap();
        assert_eq!((loc.line, loc.column), (2, 1));
    }

    #[test]
    fn entries_keep_duplicates_of_different_spelling() {
        let doc = parse_doc("nama: a\ndata:\n  2024: 1\n  \"2024\": 2\n").unwrap();
        assert_eq!(doc.data.0.len(), 2);
        assert_eq!(doc.data.0[1].0.referenced.line(), 4);
    }

    #[test]
    fn exact_duplicate_keys_are_errors() {
        let d = parse_doc("nama: a\nnama: b\n").unwrap_err();
        assert_eq!(d.message, LoadMessage::DuplicateKey { key: "nama".into() });
    }

    #[test]
    fn empty_and_broken_files() {
        assert_eq!(parse_doc("  \n").unwrap_err().message, Message::EmptyFile);
        for blank in ["# hanya komentar\n", "---\n# x\n...\n", "\t\r\n"] {
            assert_eq!(parse_doc(blank).unwrap_err().message, Message::EmptyFile);
        }
        let d = parse_doc("nama: a\ndata: [1, 2\n").unwrap_err();
        assert_eq!(d.location.clone().unwrap().line, 2);
    }

    #[test]
    fn alias_bombs_are_bounded() {
        let mut text = String::from("nama: a\nx0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n");
        for i in 1..12 {
            let p = i - 1;
            text.push_str(&format!(
                "x{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        assert!(parse_doc(&text).is_err());
    }

    #[test]
    fn near_words() {
        assert_eq!(
            nearest("jumlah_pendudk_miskin", ["p0", "jumlah_penduduk_miskin"]),
            Some("jumlah_penduduk_miskin".into())
        );
        assert_eq!(nearest("zzz", ["p0", "gini"]), None);
    }
}
