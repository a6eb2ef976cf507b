//! `terbit:` in site.yaml: which reports and evaluation sheets a public build writes.

use super::messages::ModelMessage;
use super::values::checked_year;
use crate::base::diagnostics::{Diagnostic, Diagnostics, SourceText, at};
use crate::content::RawPublish;
use serde_saphyr::Spanned;
use std::collections::BTreeSet;

/// Which pages a public build writes (`terbit:` in site.yaml). A year left out keeps its
/// figures in the region's table and charts (BPS has published them); what is not written,
/// linked or indexed is its report, its sheet and their downloads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Publish {
    /// The report years published; `None`: every year with a report.
    pub years: Option<BTreeSet<i32>>,
    /// The years whose evaluation sheets are published (of the published reports); `None`:
    /// every sheet.
    pub sheets: Option<BTreeSet<i32>>,
}

impl Publish {
    pub fn report(&self, year: i32) -> bool {
        self.years.as_ref().is_none_or(|y| y.contains(&year))
    }

    pub fn sheet(&self, year: i32) -> bool {
        self.report(year) && self.sheets.as_ref().is_none_or(|y| y.contains(&year))
    }
}

/// `terbit:` as written → [`Publish`]; every problem reported at its place.
pub(crate) fn publish(
    raw: Option<&Spanned<RawPublish>>,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Publish {
    let Some(raw) = raw else {
        return Publish::default();
    };
    let years = raw.value.tahun.as_ref().map(|list| {
        if list.is_empty() {
            diagnostics.push(
                Diagnostic::warning(ModelMessage::NothingPublished)
                    .at(at(source, raw))
                    .hint(ModelMessage::HintPublishYears),
            );
        }
        list.iter()
            .filter_map(|y| checked_year(y, source, diagnostics))
            .collect::<BTreeSet<i32>>()
    });
    let sheets = raw.value.penilaian.as_ref().and_then(|v| match &v.value {
        serde_json::Value::Bool(true) => None,
        serde_json::Value::Bool(false) => Some(BTreeSet::new()),
        serde_json::Value::Array(items) => {
            let mut years = BTreeSet::new();
            for item in items {
                match item.as_i64().map(|y| Spanned {
                    value: y,
                    referenced: v.referenced,
                    defined: v.defined,
                }) {
                    Some(y) => years.extend(checked_year(&y, source, diagnostics)),
                    None => diagnostics.push(
                        Diagnostic::error(ModelMessage::BadPublishSheets {
                            text: item.to_string(),
                        })
                        .at(at(source, v))
                        .hint(ModelMessage::HintPublishSheets),
                    ),
                }
            }
            Some(years)
        }
        other => {
            diagnostics.push(
                Diagnostic::error(ModelMessage::BadPublishSheets {
                    text: other.to_string(),
                })
                .at(at(source, v))
                .hint(ModelMessage::HintPublishSheets),
            );
            None
        }
    });
    Publish { years, sheets }
}

/// A year `terbit.tahun` names that no region has a report for: a warning at the year, so
/// that a typo (2052 for 2025) does not silently publish nothing.
pub(crate) fn years_without_report(
    raw: Option<&Spanned<RawPublish>>,
    reported: &BTreeSet<i32>,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) {
    let Some(list) = raw.and_then(|r| r.value.tahun.as_ref()) else {
        return;
    };
    for y in list {
        let year = y.value;
        if i32::try_from(year).is_ok_and(|year| !reported.contains(&year)) {
            diagnostics.push(
                Diagnostic::warning(ModelMessage::PublishedYearWithoutReport { year })
                    .at(at(source, y))
                    .hint(ModelMessage::HintPublishYears),
            );
        }
    }
}
