//! Numbers written the Indonesian way (7,57 · 441.448 · Rp441.448 · 95,91 ribu jiwa), or the
//! English way when the site is in English.

use crate::base::indicators::Unit;
use crate::base::lang::Lang;

/// A number with a fixed count of decimals and grouped thousands.
pub fn number(value: f64, decimals: usize, lang: Lang) -> String {
    let (group, point) = match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    };
    let text = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    // `-0,00` is written `0,00`.
    let negative = value < 0.0 && text.bytes().any(|b| matches!(b, b'1'..=b'9'));
    let mut out = String::with_capacity(text.len() + int_part.len() / 3 + 1);
    if negative {
        out.push('-');
    }
    let digits = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac_part.is_empty() {
        out.push(point);
        out.push_str(frac_part);
    }
    out
}

/// Rupiah without decimals: `Rp441.448` (id), `IDR 441,448` (en).
pub fn rupiah(value: f64, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Rp{}", number(value, 0, lang)),
        Lang::En => format!("IDR {}", number(value, 0, lang)),
    }
}

/// Rupiah in words of scale, for running text: `Rp47,03 miliar`, `IDR 47.03 billion`.
pub fn rupiah_short(value: f64, lang: Lang) -> String {
    let scales: [(f64, &str, &str); 3] = [
        (1e12, "triliun", "trillion"),
        (1e9, "miliar", "billion"),
        (1e6, "juta", "million"),
    ];
    for (size, id, en) in scales {
        if value.abs() >= size {
            let n = number(value / size, 2, lang);
            return match lang {
                Lang::Id => format!("Rp{n} {id}"),
                Lang::En => format!("IDR {n} {en}"),
            };
        }
    }
    rupiah(value, lang)
}

/// Thousands of people: `95,91 ribu jiwa`.
pub fn thousand_people(value: f64, lang: Lang) -> String {
    format!("{} {}", number(value, 2, lang), Unit::RibuJiwa.label(lang))
}

/// A figure with its unit, as written in running text: `7,57 persen`, `Rp441.448`,
/// `95,91 ribu jiwa`, `0,88` (an index has no unit word).
pub fn with_unit(value: f64, unit: &Unit, decimals: usize, lang: Lang) -> String {
    match unit {
        Unit::Persen => format!("{} {}", number(value, decimals, lang), unit.label(lang)),
        Unit::RibuJiwa => format!("{} {}", number(value, decimals, lang), unit.label(lang)),
        Unit::RupiahKapitaBulan => rupiah(value, lang),
        Unit::Tahun => format!("{} {}", number(value, decimals, lang), unit.label(lang)),
        Unit::Indeks | Unit::Rasio => number(value, decimals, lang),
    }
}

/// A figure as it stands in a table cell whose column already names the unit.
pub fn cell(value: f64, unit: &Unit, decimals: usize, lang: Lang) -> String {
    match unit {
        Unit::RupiahKapitaBulan => rupiah(value, lang),
        _ => number(value, decimals, lang),
    }
}

/// A signed change: `+0,12`, `-0,59`, `0,00`.
pub fn signed(value: f64, decimals: usize, lang: Lang) -> String {
    let text = number(value, decimals, lang);
    if text.starts_with('-') || text.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        text
    } else {
        format!("+{text}")
    }
}

/// Seconds for the summary line: `0,42`.
pub fn seconds(secs: f64, lang: Lang) -> String {
    number(secs, 2, lang)
}

/// Rounds away binary noise so that 7.57 − 8.16 is −0.59, not −0.5900000000000007.
pub fn round_to(value: f64, decimals: usize) -> f64 {
    let factor = 10f64.powi(decimals as i32);
    (value * factor).round() / factor
}

/// `441448.0` → `441448`, `7.57` → `7.57`: the shortest text that reads back as the number.
pub fn plain(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// The spreadsheet letter of a 1-based column: 1 → A, 27 → AA.
pub fn column_letter(column: usize) -> String {
    let mut n = column;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// `4` → `IV`: chapter numbers (BAB IV) and report periods (semester II).
pub fn roman(n: usize) -> String {
    const NUMERALS: &[(usize, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= *value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_numbers() {
        assert_eq!(number(7.57, 2, Lang::Id), "7,57");
        assert_eq!(number(441448.0, 0, Lang::Id), "441.448");
        assert_eq!(number(1234567.891, 2, Lang::Id), "1.234.567,89");
        assert_eq!(number(-0.59, 2, Lang::Id), "-0,59");
        assert_eq!(number(-0.001, 2, Lang::Id), "0,00");
        assert_eq!(rupiah(441448.0, Lang::Id), "Rp441.448");
        assert_eq!(thousand_people(95.91, Lang::Id), "95,91 ribu jiwa");
        assert_eq!(number(100.0, 0, Lang::Id), "100");
        assert_eq!(number(999.5, 0, Lang::Id), "1.000");
        assert_eq!(number(-1234567.0, 0, Lang::Id), "-1.234.567");
        assert_eq!(number(-0.004, 0, Lang::Id), "0");
        assert_eq!(number(12.0, 3, Lang::Id), "12,000");
    }

    #[test]
    fn english_numbers() {
        assert_eq!(number(7.57, 2, Lang::En), "7.57");
        assert_eq!(number(441448.0, 0, Lang::En), "441,448");
        assert_eq!(rupiah(441448.0, Lang::En), "IDR 441,448");
    }

    #[test]
    fn signed_changes() {
        assert_eq!(signed(-0.59, 2, Lang::Id), "-0,59");
        assert_eq!(signed(0.12, 2, Lang::Id), "+0,12");
        assert_eq!(signed(0.0, 2, Lang::Id), "0,00");
        assert_eq!(with_unit(7.57, &Unit::Persen, 2, Lang::Id), "7,57 persen");
        assert_eq!(with_unit(0.88, &Unit::Indeks, 2, Lang::Id), "0,88");
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(1), "A");
        assert_eq!(column_letter(3), "C");
        assert_eq!(column_letter(26), "Z");
        assert_eq!(column_letter(27), "AA");
        assert_eq!(column_letter(53), "BA");
    }

    #[test]
    fn numbers_print_short() {
        assert_eq!(plain(441448.0), "441448");
        assert_eq!(plain(7.57), "7.57");
    }
}
