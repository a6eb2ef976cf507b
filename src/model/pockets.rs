//! Poverty pockets of one report year (`kantong.yaml`): priority villages per kecamatan, and
//! households or persons by welfare decile. Aggregates only: never a list of households.

use super::deciles::by_decile;
use super::values::{count, duplicate};
use crate::base::diagnostics::{Diagnostic, Diagnostics, SourceText, at};
use crate::content::Sourced;
use crate::content::annual::{RawDistrict, RawPocketFile};
use crate::model::messages::ModelMessage;
use serde_saphyr::Spanned;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
pub struct District {
    pub name: String,
    /// Number of priority villages.
    pub villages: Option<u32>,
    pub village_names: Vec<String>,
    /// Households by decile (1–10).
    pub households: BTreeMap<u8, f64>,
    /// Persons by decile (1–10).
    pub persons: BTreeMap<u8, f64>,
}

#[derive(Clone, Debug)]
pub struct Pockets {
    pub source: String,
    pub illustrative: bool,
    pub note: Option<String>,
    pub districts: Vec<District>,
    pub file: PathBuf,
}

/// A kecamatan's name for comparing: without a leading "Kecamatan"/"Kec.", case and spacing
/// ignored (`Kec. Jepon` and `jepon` are one kecamatan).
pub(crate) fn district_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let bare = ["kecamatan ", "kec. ", "kec "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(&lower);
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A kecamatan a programme names that is not one of the pockets' but nearly is (a typo:
/// "Jepn" for "Jepon"), with the pocket's name. Exact matches (by [`district_key`]) and names
/// far from every pocket (a kecamatan outside the pockets) are `None`.
pub(crate) fn near_pocket<'a>(name: &str, pockets: &'a Pockets) -> Option<&'a str> {
    let key = district_key(name);
    if pockets
        .districts
        .iter()
        .any(|d| district_key(&d.name) == key)
    {
        return None;
    }
    pockets
        .districts
        .iter()
        .map(|d| {
            (
                strsim::jaro_winkler(&key, &district_key(&d.name)),
                d.name.as_str(),
            )
        })
        .filter(|(score, _)| *score >= 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// Decile 1 per kecamatan as a pocket file gives it: people where any kecamatan has them,
/// else households; only the kecamatan that give it.
#[derive(Debug, PartialEq)]
pub enum DecileOne<'a> {
    Persons(Vec<(&'a str, f64)>),
    Households(Vec<(&'a str, f64)>),
    None,
}

impl Pockets {
    /// Decile 1 (the poorest tenth by welfare) per kecamatan, where the file gives it.
    pub fn decile_one(&self) -> DecileOne<'_> {
        let of = |pick: fn(&District) -> &BTreeMap<u8, f64>| -> Vec<(&str, f64)> {
            self.districts
                .iter()
                .filter_map(|d| pick(d).get(&1).map(|v| (d.name.as_str(), *v)))
                .collect()
        };
        let persons = of(|d| &d.persons);
        if !persons.is_empty() {
            return DecileOne::Persons(persons);
        }
        let households = of(|d| &d.households);
        if !households.is_empty() {
            return DecileOne::Households(households);
        }
        DecileOne::None
    }

    pub fn total_villages(&self) -> u32 {
        self.districts.iter().filter_map(|d| d.villages).sum()
    }
}

fn district(
    raw: &Spanned<RawDistrict>,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> District {
    let d = &raw.value;
    let names: Vec<String> = d
        .desa
        .iter()
        .flatten()
        .map(|n| n.trim().to_string())
        .collect();
    let counted = d
        .jumlah_desa
        .as_ref()
        .and_then(|f| count(f, "jumlah_desa", source, diagnostics))
        .map(|v| v as u32);
    let villages = match (counted, d.desa.is_some()) {
        (Some(n), true) if n as usize != names.len() => {
            if let Some(f) = &d.jumlah_desa {
                diagnostics.push(
                    Diagnostic::error(ModelMessage::VillageCountMismatch {
                        count: n as usize,
                        names: names.len(),
                    })
                    .at(at(source, f))
                    .hint(ModelMessage::HintVillageCount),
                );
            }
            Some(n)
        }
        (Some(n), _) => Some(n),
        (None, true) => Some(names.len() as u32),
        (None, false) => None,
    };
    District {
        name: d.nama.value.trim().to_string(),
        villages,
        village_names: names,
        households: by_decile(
            &d.rumah_tangga,
            ModelMessage::HintDecile,
            source,
            diagnostics,
            |f, d| count(f, "rumah_tangga", source, d),
        ),
        persons: by_decile(
            &d.jiwa,
            ModelMessage::HintDecile,
            source,
            diagnostics,
            |f, d| count(f, "jiwa", source, d),
        ),
    }
}

/// Validates a `kantong.yaml`.
pub(crate) fn validate_pockets(
    file: &Sourced<RawPocketFile>,
    diagnostics: &mut Diagnostics,
) -> Pockets {
    let source = &file.source;
    let doc = &file.doc;
    let mut seen = BTreeSet::new();
    let mut districts = Vec::new();
    for raw in &doc.kecamatan {
        let d = district(raw, source, diagnostics);
        if !seen.insert(d.name.to_lowercase()) {
            diagnostics.push(duplicate(
                ModelMessage::DuplicateDistrict {
                    name: d.name.clone(),
                },
                source,
                &raw.value.nama,
            ));
            continue;
        }
        districts.push(d);
    }
    Pockets {
        source: doc.sumber.trim().to_string(),
        illustrative: doc.ilustrasi,
        note: doc.catatan.clone(),
        districts,
        file: source.display_path.clone(),
    }
}
