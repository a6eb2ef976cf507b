//! Welfare deciles: the decile keys of a mapping (`{1: …, 2: …}`, deciles 1–10), read for the
//! poverty pockets (`kantong.yaml`: households and persons) and for the basic services by
//! decile of the social register (`desil.yaml`: the share of each decile with a service).
//! Aggregates only: never a list of households.

use super::values::{decimal_comma_after, duplicate_key, parse_figure, within_range};
use crate::base::diagnostics::{Diagnostic, Diagnostics, Location, SourceText, at};
use crate::base::indicators::{Catalog, Unit, keys};
use crate::base::lang::Lang;
use crate::base::messages::{Message, Text};
use crate::base::suggest::{nearest, suggestion};
use crate::content::annual::RawDecileFile;
use crate::content::messages::LoadMessage;
use crate::content::yaml::Entries;
use crate::content::{RawFigure, Sourced};
use crate::model::messages::ModelMessage;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The welfare deciles, poorest first.
pub(crate) const DECILES: std::ops::RangeInclusive<u8> = 1..=10;

/// `{1: …, 2: …}`: each decile (1–10) with its value as `read` takes it. A decile outside 1–10
/// or written twice is an error at its key (`hint` says what to write); a decimal comma in a
/// one-line mapping (`{1: 58,4}`, read as `1: 58` and a key `4`) is said as such.
pub(crate) fn by_decile(
    entries: &Entries<Spanned<String>, RawFigure>,
    hint: ModelMessage,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
    mut read: impl FnMut(&RawFigure, &mut Diagnostics) -> Option<f64>,
) -> BTreeMap<u8, f64> {
    let mut out = BTreeMap::new();
    let mut previous: Option<(u8, &RawFigure)> = None;
    for (key, figure) in &entries.0 {
        if let Some((decile, before)) = previous.take()
            && decimal_comma_after(before, (key, figure), source, diagnostics)
        {
            out.remove(&decile);
            continue;
        }
        let decile = key
            .value
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|d| DECILES.contains(d));
        let Some(decile) = decile else {
            diagnostics.push(
                Diagnostic::error(ModelMessage::BadDecile {
                    text: key.value.clone(),
                })
                .at(at(source, key))
                .hint(hint.clone()),
            );
            continue;
        };
        if out.contains_key(&decile) {
            diagnostics.push(duplicate_key(key, source));
            continue;
        }
        if let Some(v) = read(figure, diagnostics) {
            out.insert(decile, v);
            previous = Some((decile, figure));
        }
    }
    out
}

/// What the shares of `desil.yaml` are of (`satuan:`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecileBase {
    /// `rumah_tangga`: the share of the decile's households.
    Households,
    /// `jiwa`: the share of the decile's people.
    Persons,
}

impl DecileBase {
    pub const ALL: [DecileBase; 2] = [DecileBase::Households, DecileBase::Persons];

    /// As written in the file.
    pub fn key(self) -> &'static str {
        match self {
            DecileBase::Households => "rumah_tangga",
            DecileBase::Persons => "jiwa",
        }
    }

    /// Lowercase, for a sentence and a heading: "persen rumah tangga".
    pub fn noun(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DecileBase::Households, Lang::Id) => "rumah tangga",
            (DecileBase::Households, Lang::En) => "households",
            (DecileBase::Persons, Lang::Id) => "jiwa",
            (DecileBase::Persons, Lang::En) => "people",
        }
    }
}

/// One basic service by decile: its share (percent) in each decile the file gives.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceShares {
    /// A key of `keys::DETERMINANTS`.
    pub key: String,
    pub shares: BTreeMap<u8, f64>,
}

/// `desil.yaml` of one report year, validated.
#[derive(Clone, Debug)]
pub struct Deciles {
    pub source: String,
    pub illustrative: bool,
    /// The register the aggregates come from: `DTSEN` unless the file says otherwise.
    pub register: String,
    pub base: DecileBase,
    pub note: Option<String>,
    /// Every service with at least two deciles, in catalogue order.
    pub services: Vec<ServiceShares>,
    pub file: PathBuf,
}

/// The register when `data:` is absent: DTSEN (Inpres 4/2025) replaced DTKS, P3KE and
/// Regsosek as the one social and economic register.
pub(crate) const DEFAULT_REGISTER: &str = "DTSEN";

impl Deciles {
    /// The source to show: an illustrative file's source says so (never shown unmarked).
    pub fn shown_source(&self, lang: Lang) -> String {
        if self.illustrative {
            format!("{} ({})", self.source, super::ILLUSTRATIVE_SOURCE.get(lang))
        } else {
            self.source.clone()
        }
    }
}

/// Where a key missing from the whole document would be written: the document's first line
/// that is neither blank nor a comment.
fn document_start(source: &SourceText) -> Location {
    let line = source
        .text
        .lines()
        .position(|l| {
            let l = l.trim();
            !l.is_empty() && !l.starts_with('#') && l != "---"
        })
        .map_or(1, |i| i + 1);
    source.location(line, 1)
}

/// A required text (`sumber`, `satuan`): missing, it is an error where the document starts;
/// empty, an error at its place.
fn required<'a>(
    value: &'a Option<Spanned<String>>,
    field: &'static str,
    hint: ModelMessage,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<&'a Spanned<String>> {
    match value {
        Some(v) if !v.value.trim().is_empty() => Some(v),
        Some(v) => {
            diagnostics.push(
                Diagnostic::error(ModelMessage::EmptyField { field })
                    .at(at(source, v))
                    .hint(hint),
            );
            None
        }
        None => {
            diagnostics.push(
                Diagnostic::error(LoadMessage::MissingField {
                    field: field.to_string(),
                })
                .at(document_start(source))
                .hint(hint),
            );
            None
        }
    }
}

/// A share of one decile: a number within the indicator's range (0–100 percent).
fn share(
    key: &str,
    figure: &RawFigure,
    unit: &Unit,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<f64> {
    let value = parse_figure(figure, source, diagnostics)?;
    let hint = ModelMessage::HintDecileShares;
    within_range((key, unit), (value, figure), hint, source, diagnostics).then_some(value)
}

/// Validates a `desil.yaml`: every problem of the file is reported; `None` when its source or
/// its base is missing (the build fails on those errors anyway).
pub(crate) fn validate_deciles(
    file: &Sourced<RawDecileFile>,
    catalog: &Catalog,
    diagnostics: &mut Diagnostics,
) -> Option<Deciles> {
    let (doc, source) = (&file.doc, &file.source);
    let sumber = required(
        &doc.sumber,
        "sumber",
        ModelMessage::HintDecileSource,
        source,
        diagnostics,
    );
    let satuan = required(
        &doc.satuan,
        "satuan",
        ModelMessage::HintDecileBase,
        source,
        diagnostics,
    );
    let base = satuan.and_then(|s| {
        let written = s.value.trim();
        let found = DecileBase::ALL.into_iter().find(|b| b.key() == written);
        if found.is_none() {
            let allowed: Vec<String> = DecileBase::ALL.iter().map(|b| b.key().into()).collect();
            let hint: Text = match nearest(written, allowed.iter().map(String::as_str)) {
                Some(suggestion) => Message::HintDidYouMean { suggestion }.into(),
                None => ModelMessage::HintDecileBase.into(),
            };
            diagnostics.push(
                Diagnostic::error(LoadMessage::UnknownVariant {
                    value: written.to_string(),
                    allowed,
                })
                .at(at(source, s))
                .hint(hint),
            );
        }
        found
    });
    let register = match &doc.data {
        None => Some(DEFAULT_REGISTER.to_string()),
        Some(d) => required(
            &doc.data,
            "data",
            ModelMessage::HintDecileRegister,
            source,
            diagnostics,
        )
        .map(|_| d.value.trim().to_string()),
    };
    let allowed: Vec<String> = keys::DETERMINANTS.iter().map(|k| k.to_string()).collect();
    let mut read: BTreeMap<&str, BTreeMap<u8, f64>> = BTreeMap::new();
    for (key, entries) in &doc.layanan.0 {
        let name = key.value.trim();
        let indicator = keys::DETERMINANTS
            .iter()
            .find(|k| **k == name)
            .and_then(|k| catalog.get(k));
        if indicator.is_none() {
            diagnostics.push(
                Diagnostic::error(ModelMessage::DecileServiceUnknown {
                    key: name.to_string(),
                })
                .at(at(source, key))
                .hint(suggestion(name, &allowed)),
            );
        }
        if read.contains_key(name) {
            diagnostics.push(duplicate_key(key, source));
            continue;
        }
        // A misspelt service's shares are still checked, so that one run says everything;
        // every basic service is a percentage.
        let unit = indicator.map_or(Unit::Persen, |i| i.unit.clone());
        let shares = by_decile(
            entries,
            ModelMessage::HintDecileShares,
            source,
            diagnostics,
            |figure, d| share(name, figure, &unit, source, d),
        );
        let written = entries.0.len();
        if written < 2 {
            diagnostics.push(
                Diagnostic::error(ModelMessage::DecileTooFew {
                    key: name.to_string(),
                    deciles: written,
                })
                .at(at(source, key))
                .hint(ModelMessage::HintDecileShares),
            );
        }
        if indicator.is_some() {
            read.insert(name, shares);
        }
    }
    if doc.layanan.0.is_empty() {
        diagnostics.push(
            Diagnostic::warning(ModelMessage::NoDecileServices)
                .in_file(&source.display_path)
                .hint(ModelMessage::HintDecileShares),
        );
    }
    let services = keys::DETERMINANTS
        .iter()
        .filter_map(|k| read.remove(k).map(|shares| (k, shares)))
        .filter(|(_, shares)| shares.len() >= 2)
        .map(|(k, shares)| ServiceShares {
            key: k.to_string(),
            shares,
        })
        .collect();
    Some(Deciles {
        source: sumber?.value.trim().to_string(),
        illustrative: doc.ilustrasi,
        register: register?,
        base: base?,
        note: doc
            .catatan
            .as_ref()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty()),
        services,
        file: source.display_path.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::diagnostics::SourceText;

    fn validated(yaml: &str) -> (Option<Deciles>, Vec<String>) {
        let source = SourceText::new("content/x/2025/desil.yaml", yaml.to_string());
        let (doc, unknown) =
            crate::content::yaml::parse::<RawDecileFile>(&source, yaml, 0).expect("parses");
        let mut d = Diagnostics::new();
        unknown.into_iter().for_each(|u| d.push(u));
        let file = Sourced { doc, source };
        let deciles = validate_deciles(&file, &Catalog::default(), &mut d);
        let said = d
            .sorted()
            .iter()
            .map(|x| x.render(Lang::Id))
            .collect::<Vec<_>>();
        (deciles, said)
    }

    #[test]
    fn shares_are_read_per_service_in_catalogue_order() {
        let (deciles, said) = validated(
            "sumber: DTSEN uji\nsatuan: jiwa\nlayanan:\n  sanitasi_layak: {1: 48.2, 5: 81}\n  air_minum_layak: {2: 60, 1: 58.4}\n",
        );
        assert!(said.is_empty(), "{said:?}");
        let d = deciles.unwrap();
        assert_eq!(
            (d.base, d.register.as_str()),
            (DecileBase::Persons, "DTSEN")
        );
        let keys: Vec<&str> = d.services.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["air_minum_layak", "sanitasi_layak"]);
        assert_eq!(d.services[0].shares, BTreeMap::from([(1, 58.4), (2, 60.0)]));
        assert!(!d.illustrative);
        assert_eq!(d.shown_source(Lang::Id), "DTSEN uji");
    }

    #[test]
    fn every_problem_is_located_in_one_run() {
        let (deciles, said) = validated(
            "# komentar\nsatuan: rumah_tanga\nlayanan:\n  sanitasi_layk: {1: 48.2, 11: 81}\n  listrik: {1: 130, 2: 99}\n  aps_7_12: {1: 98,5, 2: 99}\n  air_minum_layak: {1: 58.4}\n",
        );
        assert!(deciles.is_none(), "no source: no deciles");
        let all = said.join("\n");
        for (what, at) in [
            ("kunci wajib `sumber` tidak ada", "desil.yaml:2:1"),
            ("nilai `rumah_tanga` tidak dikenal", "desil.yaml:2:9"),
            (
                "`sanitasi_layk` bukan kunci indikator layanan dasar",
                "desil.yaml:4:3",
            ),
            ("desil `11` tidak dikenal", "desil.yaml:4:28"),
            ("listrik = 130,00 mustahil", "desil.yaml:5:16"),
            ("`98,5`", "desil.yaml:6:17"),
            ("`air_minum_layak` hanya memberi 1 desil", "desil.yaml:7:3"),
        ] {
            assert!(
                said.iter().any(|s| s.contains(what) && s.contains(at)),
                "`{what}` at {at} not in:\n{all}"
            );
        }
        assert!(
            all.contains("mungkin maksud Anda `sanitasi_layak`?"),
            "{all}"
        );
        assert!(all.contains("mungkin maksud Anda `rumah_tangga`?"), "{all}");
    }

    #[test]
    fn an_illustrative_files_source_says_so() {
        let (deciles, _) = validated(
            "sumber: Contoh\nilustrasi: true\ndata: P3KE\nsatuan: rumah_tangga\nlayanan:\n  listrik: {1: 90, 4: 99}\n",
        );
        let d = deciles.unwrap();
        assert_eq!(d.register, "P3KE");
        assert_eq!(
            d.shown_source(Lang::Id),
            "Contoh (ILUSTRASI, bukan angka resmi)"
        );
    }
}
