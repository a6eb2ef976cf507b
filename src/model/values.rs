//! Reading one raw value of a content file: a figure (a YAML number, with a clear error for a
//! decimal comma, a percent sign, a word or a gap; within its indicator's range), an amount of
//! money, a count; and the error for a key written twice. Every part of `model` that validates a file reads its values here.

use crate::base::diagnostics::{Diagnostic, Diagnostics, SourceText, at};
use crate::base::indicators::Unit;
use crate::base::messages::{Message, Text, ValueKind};
use crate::content::RawFigure;
use crate::content::messages::LoadMessage;
use crate::model::messages::ModelMessage;
use serde_json::Value;
use serde_saphyr::Spanned;

pub(crate) const FIRST_YEAR: i64 = 1990;
pub(crate) const LAST_YEAR: i64 = 2100;

/// A year written as a YAML number (`tahun: 2025`): 1990–2100, or reported at its place.
pub(crate) fn checked_year(
    y: &Spanned<i64>,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<i32> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&y.value) {
        return Some(y.value as i32);
    }
    diagnostics.push(
        Diagnostic::error(ModelMessage::BadYear {
            text: y.value.to_string(),
        })
        .at(at(source, y))
        .hint(ModelMessage::HintYear),
    );
    None
}

/// A key or year written twice in one table: the second is named and left out.
pub(crate) fn duplicate<T>(
    message: impl Into<Text>,
    source: &SourceText,
    key: &Spanned<T>,
) -> Diagnostic {
    Diagnostic::error(message)
        .at(at(source, key))
        .hint(LoadMessage::HintRemoveDuplicate)
}

/// A key of a mapping written twice (`2025: {p0: 1, p0: 2}`), named at the second.
pub(crate) fn duplicate_key(key: &Spanned<String>, source: &SourceText) -> Diagnostic {
    duplicate(
        LoadMessage::DuplicateKey {
            key: key.value.trim().to_string(),
        },
        source,
        key,
    )
}

/// A figure as a finite number, or a diagnostic that says what to write instead.
pub(crate) fn parse_figure(
    figure: &RawFigure,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<f64> {
    let location = at(source, figure);
    let problem = match &figure.value {
        Value::Number(n) => match n.as_f64() {
            Some(v) if v.is_finite() => return Some(v),
            _ => Diagnostic::error(LoadMessage::NonFinite {
                text: n.to_string(),
            }),
        },
        Value::String(text) => {
            let t = text.trim();
            let fixed_comma = t.replace('.', "").replace(',', ".");
            let without_percent = t.trim_end_matches('%').trim().replace(',', ".");
            if t.ends_with('%') && without_percent.parse::<f64>().is_ok() {
                Diagnostic::error(ModelMessage::PercentSign { text: text.clone() }).hint(
                    ModelMessage::HintPercentSign {
                        fixed: without_percent,
                    },
                )
            } else if t.contains(',') && fixed_comma.parse::<f64>().is_ok() {
                Diagnostic::error(Message::DecimalComma { text: text.clone() })
                    .hint(Message::HintDecimalComma { fixed: fixed_comma })
            } else if matches!(
                t.to_ascii_lowercase().as_str(),
                "nan" | ".nan" | "inf" | ".inf" | "-.inf" | "infinity"
            ) {
                // The reader passes `1e999` or `-.Inf` on as `.inf` or `-.inf`: name what the
                // author wrote.
                // A quoted `".nan"` is text as written: name it without its quotes.
                let written = Some(location.written())
                    .filter(|w| !w.is_empty() && !w.starts_with(['"', '\'']))
                    .unwrap_or_else(|| text.clone());
                Diagnostic::error(LoadMessage::NonFinite { text: written })
                    .hint(LoadMessage::HintOmitMissing)
            } else if t.is_empty() || t == "-" || t == "…" || t == "..." {
                Diagnostic::error(Message::NotANumber { text: text.clone() })
                    .hint(LoadMessage::HintOmitMissing)
            } else {
                Diagnostic::error(Message::NotANumber { text: text.clone() })
                    .hint(ModelMessage::HintWriteNumber)
            }
        }
        Value::Null => {
            Diagnostic::error(ModelMessage::NullFigure).hint(LoadMessage::HintOmitMissing)
        }
        Value::Bool(b) => Diagnostic::error(Message::NotANumber {
            text: b.to_string(),
        })
        .hint(ModelMessage::HintWriteNumber),
        Value::Array(_) | Value::Object(_) => Diagnostic::error(LoadMessage::WrongType {
            expected: ValueKind::Number,
            found: figure.value.to_string(),
        })
        .hint(ModelMessage::HintWriteNumber),
    };
    diagnostics.push(problem.at(location));
    None
}

/// `8,79` split by a one-line mapping into the value `8` and the key `79`: the digits as
/// written (`8,79`) when the key is all digits and follows the value's digits with only a comma
/// between them.
fn decimal_comma_split(
    previous: &RawFigure,
    key: &Spanned<String>,
    source: &SourceText,
) -> Option<String> {
    if key.value.is_empty() || !key.value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = at(source, previous).written();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let line = source.line(key.referenced.line() as usize)?;
    let before: String = line
        .chars()
        .take((key.referenced.column() as usize).saturating_sub(1))
        .collect();
    before
        .trim_end()
        .strip_suffix(',')
        .filter(|b| b.trim_end().ends_with(value.as_str()))
        .map(|_| format!("{value},{}", key.value))
}

/// `{p0: 8,79}` is read as `p0: 8` and a key `79` without a value: when `(key, figure)` is
/// that key after `previous` (the `8`), the decimal comma is reported at `previous` and the
/// answer is `true` (the caller drops `previous` and this key).
pub(crate) fn decimal_comma_after(
    previous: &RawFigure,
    (key, figure): (&Spanned<String>, &RawFigure),
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> bool {
    if !figure.value.is_null() {
        return false;
    }
    let Some(text) = decimal_comma_split(previous, key, source) else {
        return false;
    };
    let fixed = text.replace(',', ".");
    diagnostics.push(
        Diagnostic::error(Message::DecimalComma { text })
            .at(at(source, previous))
            .hint(Message::HintDecimalComma { fixed }),
    );
    true
}

/// Whether `value` (of `figure`) can be a figure of an indicator in `unit` (`key` names it):
/// not below zero, nor above the unit's bounds (100 for a percentage); otherwise an error at
/// the figure with `hint`.
pub(crate) fn within_range(
    (key, unit): (&str, &Unit),
    (value, figure): (f64, &RawFigure),
    hint: ModelMessage,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> bool {
    let (min, max) = unit.bounds();
    let problem = if value < 0.0 {
        ModelMessage::Negative {
            indicator: key.to_string(),
            value,
        }
    } else if value > max {
        ModelMessage::OutOfRange {
            indicator: key.to_string(),
            value,
            min,
            max,
        }
    } else {
        return true;
    };
    diagnostics.push(Diagnostic::error(problem).at(at(source, figure)).hint(hint));
    false
}

/// The digits of a figure written with dots between groups of three (`451.190`,
/// `2.650.000.000.000`), as Indonesians write thousands: YAML reads the first as 451,19 and
/// the second as text. `None` for anything else.
pub(crate) fn thousands_separated(figure: &RawFigure, source: &SourceText) -> Option<String> {
    let written = at(source, figure).written();
    let text = written.trim().trim_matches(['"', '\'']);
    let mut groups = text.split('.');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    (!rest.is_empty()
        && digits(first)
        && first.len() <= 3
        && rest.iter().all(|g| g.len() == 3 && digits(g)))
    .then(|| text.replace('.', ""))
}

/// An amount in rupiah or a count written with thousands dots is an error that says how to
/// write it.
pub(crate) fn thousands_dots(
    figure: &RawFigure,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> bool {
    match thousands_separated(figure, source) {
        Some(fixed) => {
            let location = at(source, figure);
            diagnostics.push(
                Diagnostic::error(ModelMessage::ThousandsSeparator {
                    text: location.written().trim_matches(['"', '\'']).to_string(),
                })
                .at(location)
                .hint(ModelMessage::HintThousands { fixed }),
            );
            true
        }
        None => false,
    }
}

/// An amount in rupiah (a budget, a realisation): a number, never negative, never written with
/// thousands dots; a positive amount under Rp10.000 is worth a warning (a budget that small is
/// most likely `450.000` read as 450).
pub(crate) fn money(
    figure: &RawFigure,
    field: &str,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<f64> {
    if thousands_dots(figure, source, diagnostics) {
        return None;
    }
    let value = non_negative(figure, field, source, diagnostics)?;
    if value > 0.0 && value < 10_000.0 {
        diagnostics.push(
            Diagnostic::warning(ModelMessage::SmallAmount {
                field: field.to_string(),
                value,
            })
            .at(at(source, figure))
            .hint(ModelMessage::HintCheckBudget),
        );
    }
    Some(value)
}

/// A number that cannot be negative (an amount, a count of targets in the file's unit).
pub(crate) fn non_negative(
    figure: &RawFigure,
    field: &str,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<f64> {
    let value = parse_figure(figure, source, diagnostics)?;
    if value < 0.0 {
        diagnostics.push(
            Diagnostic::error(ModelMessage::NegativeAmount {
                field: field.to_string(),
                value,
            })
            .at(at(source, figure))
            .hint(ModelMessage::HintCheckBudget),
        );
        return None;
    }
    Some(value)
}

/// A count of villages, households or people: a whole number, never negative.
pub(crate) fn count(
    figure: &RawFigure,
    field: &str,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<f64> {
    let value = parse_figure(figure, source, diagnostics)?;
    if value < 0.0 || value.fract() != 0.0 {
        diagnostics.push(
            Diagnostic::error(ModelMessage::NotACount {
                field: field.to_string(),
                text: at(source, figure).written(),
            })
            .at(at(source, figure))
            .hint(ModelMessage::HintCount),
        );
        return None;
    }
    Some(value)
}
