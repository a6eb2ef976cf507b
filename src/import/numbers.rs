//! Numbers as Indonesian tables write them: `7,57`, `1.234,56`, `441.448`, `Rp350.000.000`, with
//! `-`, `–`, `…` or an empty cell where there is no figure.

/// What a lone dot means in a number such as `441.448`: BPS writes thousands with a dot, but a
/// table exported with English settings writes decimals with one. The indicator's unit decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoneDot {
    /// Percent, index, ratio: never a thousand, so `1.414` is one point four.
    Decimal,
    /// Rupiah, people: `441.448` is four hundred thousand; `95.91` (not three digits) is
    /// still a decimal.
    ThousandsWhenThreeDigits,
}

/// Why a cell is not a number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a number")]
pub struct NotANumber(pub String);

/// Whether a cell's text stands for "no figure": empty, a dash or an ellipsis.
pub fn is_missing(text: &str) -> bool {
    matches!(
        clean(text).as_str(),
        "" | "-" | "–" | "—" | "…" | "..." | ".." | "." | "NA" | "n/a" | "N/A"
    )
}

/// The text without surrounding spaces (also no-break spaces).
fn clean(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}')
        .to_string()
}

/// Parses a number written the Indonesian way. `Ok(None)` is a missing figure.
pub fn parse(text: &str, lone_dot: LoneDot) -> Result<Option<f64>, NotANumber> {
    if is_missing(text) {
        return Ok(None);
    }
    let bad = || NotANumber(clean(text));
    let mut t: String = clean(text)
        .chars()
        .filter(|c| *c != ' ' && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    for prefix in ["Rp.", "Rp", "rp.", "rp", "RP"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.to_string();
            break;
        }
    }
    let (negative, body) = match t.strip_prefix(['-', '−', '–']) {
        Some(rest) => (true, rest.to_string()),
        None => (false, t),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(bad());
    }
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let (int_part, frac_part) = match (dots, commas) {
        (0, 0) => (body.clone(), String::new()),
        // `7,57`: a decimal comma.
        (0, 1) => split_once(&body, ','),
        // `1.234,56`: thousands dots and a decimal comma.
        (_, 1) => {
            let (int_part, frac) = split_once(&body, ',');
            (ungroup(&int_part).ok_or_else(bad)?, frac)
        }
        // `441.448` or `7.57`.
        (1, 0) => {
            let (int_part, frac) = split_once(&body, '.');
            if lone_dot == LoneDot::ThousandsWhenThreeDigits && frac.len() == 3 {
                (format!("{int_part}{frac}"), String::new())
            } else {
                (int_part, frac)
            }
        }
        // `1.234.567`: thousands dots only.
        (_, 0) => (ungroup(&body).ok_or_else(bad)?, String::new()),
        _ => return Err(bad()),
    };
    if int_part.is_empty()
        || !int_part.chars().all(|c| c.is_ascii_digit())
        || !frac_part.chars().all(|c| c.is_ascii_digit())
        || (frac_part.is_empty() && body.ends_with([',', '.']))
    {
        return Err(bad());
    }
    let plain = if frac_part.is_empty() {
        int_part
    } else {
        format!("{int_part}.{frac_part}")
    };
    let value: f64 = plain.parse().map_err(|_| bad())?;
    if !value.is_finite() {
        return Err(bad());
    }
    Ok(Some(if negative { -value } else { value }))
}

fn split_once(text: &str, at: char) -> (String, String) {
    match text.split_once(at) {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (text.to_string(), String::new()),
    }
}

/// `1.234.567` → `1234567`, if every group after the first has three digits.
fn ungroup(text: &str) -> Option<String> {
    let mut groups = text.split('.');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    let mut out = first.to_string();
    for g in groups {
        if g.len() != 3 {
            return None;
        }
        out.push_str(g);
    }
    Some(out)
}

/// A number followed by a unit, as in `1.200 KPM` or `16 kecamatan`: the number and the rest.
pub fn parse_with_unit(text: &str) -> Option<(f64, Option<String>)> {
    let t = clean(text);
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(t.len(), |(i, _)| i);
    let (number, rest) = t.split_at(end);
    let value = parse(number, LoneDot::ThousandsWhenThreeDigits).ok()??;
    let rest = rest.trim();
    Some((value, (!rest.is_empty()).then(|| rest.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Option<f64>, NotANumber> {
        parse(text, LoneDot::Decimal)
    }

    fn money(text: &str) -> Result<Option<f64>, NotANumber> {
        parse(text, LoneDot::ThousandsWhenThreeDigits)
    }

    #[test]
    fn indonesian_numbers() {
        assert_eq!(p("7,57"), Ok(Some(7.57)));
        assert_eq!(p(" 7,57 "), Ok(Some(7.57)));
        assert_eq!(p("1.234,56"), Ok(Some(1234.56)));
        assert_eq!(p("12"), Ok(Some(12.0)));
        assert_eq!(p("-0,59"), Ok(Some(-0.59)));
        assert_eq!(money("441.448"), Ok(Some(441448.0)));
        assert_eq!(money("Rp350.000.000"), Ok(Some(350_000_000.0)));
        assert_eq!(money("Rp 1.250.000,50"), Ok(Some(1_250_000.5)));
        assert_eq!(money("95.91"), Ok(Some(95.91)));
        assert_eq!(money("3.876"), Ok(Some(3876.0)));
    }

    #[test]
    fn a_lone_dot_is_a_decimal_for_percent_and_indices() {
        assert_eq!(p("7.57"), Ok(Some(7.57)));
        assert_eq!(p("1.414"), Ok(Some(1.414)));
        assert_eq!(p("0.379"), Ok(Some(0.379)));
    }

    #[test]
    fn missing_markers_are_none() {
        for t in ["", "  ", "-", "–", "—", "…", "...", "\u{a0}"] {
            assert_eq!(p(t), Ok(None), "{t:?}");
        }
    }

    #[test]
    fn anything_else_is_an_error() {
        for t in [
            "7,5,7",
            "1.23,4",
            "abc",
            "7,57%",
            "1,234,567",
            "12.34.5",
            "--",
            "7,",
            "e5",
        ] {
            assert!(p(t).is_err(), "{t:?}");
        }
        assert_eq!(p("x1").unwrap_err(), NotANumber("x1".into()));
    }

    #[test]
    fn numbers_with_units() {
        assert_eq!(
            parse_with_unit("1.200 KPM"),
            Some((1200.0, Some("KPM".into())))
        );
        assert_eq!(parse_with_unit("350"), Some((350.0, None)));
        assert_eq!(parse_with_unit("KPM"), None);
    }
}

#[cfg(test)]
mod never_panic {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_cell_text_parses_or_is_refused(text in "\\PC{0,24}") {
            let _ = super::parse(&text, super::LoneDot::Decimal);
            let _ = super::parse(&text, super::LoneDot::ThousandsWhenThreeDigits);
            let _ = super::parse_with_unit(&text);
            let _ = crate::import::bps::split_label(&text);
            let _ = crate::import::bps::recognise_indicator(&text);
            let _ = crate::import::matrix::strategy(&text);
            let _ = crate::import::matrix::field_of(&text);
        }

        #[test]
        fn numbers_round_trip(value in 0u64..10_000_000_000u64, cents in 0u32..100) {
            let text = crate::base::format::number(value as f64 + f64::from(cents) / 100.0, 2, crate::base::lang::Lang::Id);
            let parsed = super::parse(&text, super::LoneDot::ThousandsWhenThreeDigits).unwrap().unwrap();
            prop_assert!((parsed - (value as f64 + f64::from(cents) / 100.0)).abs() < 1e-3, "{text}");
        }
    }
}
