//! The evaluation sheet in words: a measure's name, its result as a sentence, its formula
//! with the figures put in, and what it lacks. The HTML sheet and the sheet's downloads
//! both word a [`Sheet`](crate::report::sheet::Sheet) with these.

use crate::analysis::budget::ScoreGap;
use crate::base::format;
use crate::base::indicators::Unit;
use crate::base::lang::{Lang, Phrase};
use crate::model::scheme::{Measure, RealisationPeriod, ScoreRule, Scoring};
use crate::report::sheet::{
    ComponentGap, ComponentResult, IndicatorChange, MeasureScore, Missing, Outcome, Sheet,
    TotalGap, Unscored, Value,
};
use crate::words::sentences;

pub(crate) fn measure_name(m: Measure) -> Phrase {
    match m {
        Measure::P0 => Phrase::new(
            "Perubahan persentase penduduk miskin (P0)",
            "Change in the poverty rate (P0)",
        ),
        Measure::P1 => Phrase::new(
            "Perubahan indeks kedalaman kemiskinan (P1)",
            "Change in the poverty gap index (P1)",
        ),
        Measure::ExtremePoverty => Phrase::new("Kemiskinan ekstrem", "Extreme poverty"),
        Measure::ProvinceGap => Phrase::new("P0 dibanding provinsi", "P0 against the province"),
        Measure::TaggedScore => Phrase::new("Skor belanja ter-tagging", "Tagged-spending score"),
        Measure::AllocationShare => Phrase::new(
            "Porsi alokasi program terhadap total belanja daerah",
            "Programme allocation as a share of total regional spending",
        ),
        Measure::RealisationRate => Phrase::new(
            "Tingkat realisasi anggaran program",
            "Programme budget realisation rate",
        ),
        Measure::DataVerification => {
            Phrase::new("Verifikasi data sasaran", "Targeting-data verification")
        }
        Measure::Institution => {
            Phrase::new("Kinerja kelembagaan TKPK", "TKPK institutional performance")
        }
    }
}

/// The unit of a measure's [`Value`], as a column of the downloads shows it: a change in the
/// indicator's unit (points for a percentage), a normalised score said to be one.
pub(crate) fn unit(value: Value, lang: Lang) -> String {
    let t = super::strings(lang);
    match value {
        Value::Change { indicator, .. } => match &indicator.unit {
            Unit::Persen => t.poin.to_string(),
            other => other.label(lang).to_string(),
        },
        Value::Percent(_) => "%".to_string(),
        Value::Score {
            normalised: false, ..
        } => t.skor.to_string(),
        Value::Score {
            normalised: true, ..
        } => t.skor_dinormalisasi.to_string(),
        Value::Count { unit, .. } => unit.unwrap_or(t.satuan_jumlah).to_string(),
    }
}

/// A figure with up to four decimals and no trailing zeros, so that a division shown in a
/// formula can be redone by hand (`0,916`, not `0,92`).
fn as_written(v: f64, lang: Lang) -> String {
    let text = format::number(v, 4, lang);
    let point = if lang == Lang::Id { ',' } else { '.' };
    match text.contains(point) {
        true => text
            .trim_end_matches('0')
            .trim_end_matches(point)
            .to_string(),
        false => text,
    }
}

fn either(lang: Lang, id: &str, en: &str) -> String {
    match lang {
        Lang::Id => id.to_string(),
        Lang::En => en.to_string(),
    }
}

/// The change of one indicator as a sentence.
pub(crate) fn change(c: &IndicatorChange, year: i32, lang: Lang) -> String {
    sentences::change(
        c.indicator,
        c.change.as_ref(),
        year,
        c.poor.as_ref().map(|(i, c)| (*i, c)),
        lang,
    )
}

/// What a measure lacks in plain words (for the printed sheet), and where the author fills it
/// in (file and key: on screen and in the downloads, never on paper).
pub(crate) fn missing_parts(m: &Missing, lang: Lang) -> (String, Option<String>) {
    let both = |id: String, en: String| match lang {
        Lang::Id => id,
        Lang::En => en,
    };
    let (plain, hint) = match m {
        Missing::Figure { key, year } => (
            both(
                format!("belum ada angka {} tahun {year}", key.to_uppercase()),
                format!("no {} figure for {year}", key.to_uppercase()),
            ),
            Some(both(
                format!("isi `{key}` tahun {year} di indikator.yaml"),
                format!("fill in `{key}` for {year} in indikator.yaml"),
            )),
        ),
        Missing::ExtremePovertyFigure { year } => (
            both(
                format!("belum ada angka kemiskinan ekstrem tahun {year}"),
                format!("no extreme-poverty figure for {year}"),
            ),
            Some(both(
                "isi `kemiskinan_ekstrem_ppp2017` atau `kemiskinan_ekstrem_ppp2011` di indikator.yaml".into(),
                "fill in `kemiskinan_ekstrem_ppp2017` or `kemiskinan_ekstrem_ppp2011` in indikator.yaml".into(),
            )),
        ),
        Missing::ProvinceP0 { year } => (
            both(
                format!("perlu P0 tahun {year} wilayah dan provinsinya"),
                format!("needs the {year} P0 of the region and its province"),
            ),
            None,
        ),
        Missing::TaggingRule => (
            both(
                "skema tidak memuat rumus skor tagging".into(),
                "the scheme states no tagged-spending formula".into(),
            ),
            Some("`skor_tagging`".into()),
        ),
        Missing::Score(ScoreGap::NoPrograms) => (
            both("belum ada data program".into(), "no programme data".into()),
            Some(both("isi program.yaml".into(), "fill in program.yaml".into())),
        ),
        Missing::Score(ScoreGap::NoRegionalSpending) => (
            both(
                "belum ada total belanja daerah".into(),
                "no total regional spending".into(),
            ),
            Some(both(
                "isi `belanja_daerah` di program.yaml".into(),
                "fill in `belanja_daerah` in program.yaml".into(),
            )),
        ),
        Missing::Score(ScoreGap::Unreported(n)) => (
            both(
                format!("{n} sub-kegiatan belum melaporkan realisasi"),
                format!("{n} sub-activities have not reported a realisation"),
            ),
            Some(both(
                "isi realisasinya di program.yaml".into(),
                "fill in their realisation in program.yaml".into(),
            )),
        ),
        Missing::ProgramsAndSpending => (
            both(
                "perlu data program dan total belanja daerah".into(),
                "needs programmes and the total regional spending".into(),
            ),
            Some(both(
                "isi program.yaml dengan `belanja_daerah`".into(),
                "fill in program.yaml with `belanja_daerah`".into(),
            )),
        ),
        Missing::Realisation => (
            both("belum ada realisasi".into(), "no realisation".into()),
            Some(both(
                "isi realisasi di program.yaml".into(),
                "fill in the realisation in program.yaml".into(),
            )),
        ),
        Missing::FirstSemesterRealisation => (
            both(
                "belum ada realisasi semester I".into(),
                "no semester I realisation".into(),
            ),
            Some(both(
                "isi `realisasi_semester_1` di program.yaml".into(),
                "fill in `realisasi_semester_1` in program.yaml".into(),
            )),
        ),
        Missing::Verification => (
            both(
                "belum ada catatan verifikasi data sasaran".into(),
                "no record of the targeting-data verification".into(),
            ),
            Some(both(
                "isi `verifikasi_data` di kelembagaan.yaml".into(),
                "fill in `verifikasi_data` in kelembagaan.yaml".into(),
            )),
        ),
        Missing::Institution => (
            both(
                "belum ada catatan kelembagaan".into(),
                "no institutional record".into(),
            ),
            Some(both(
                "isi kelembagaan.yaml".into(),
                "fill in kelembagaan.yaml".into(),
            )),
        ),
    };
    (
        format!("{}{plain}", super::strings(lang).tidak_dinilai),
        hint,
    )
}

/// What a measure lacks and where to fill it in, in one text (the downloads).
pub(crate) fn missing(m: &Missing, lang: Lang) -> String {
    match missing_parts(m, lang) {
        (plain, Some(hint)) => format!("{plain} ({hint})"),
        (plain, None) => plain,
    }
}

/// A computed measure as a sentence, and its formula with the figures put in where it has one.
pub(crate) fn outcome(o: &Outcome, year: i32, lang: Lang) -> (String, Option<String>) {
    let p = |v: f64| format::number(v, 2, lang);
    match o {
        Outcome::Change(c) => (change(c, year, lang), None),
        Outcome::ExtremePoverty(found) => (
            found
                .iter()
                .map(|c| change(c, year, lang))
                .collect::<Vec<_>>()
                .join(" "),
            None,
        ),
        Outcome::ProvinceGap { gap: g, .. } => {
            let side = match (g.better, lang) {
                (true, Lang::Id) => "lebih rendah (lebih baik) daripada",
                (false, Lang::Id) => "tidak lebih rendah daripada",
                (true, Lang::En) => "lower (better) than",
                (false, Lang::En) => "not lower than",
            };
            (
                // A sentence writes "persen", as BPS does; the sign is for figures in tables.
                format!(
                    "P0 {} {} {side} {} ({} {}).",
                    p(g.value),
                    either(lang, "persen", "percent"),
                    g.reference,
                    p(g.reference_value),
                    either(lang, "persen", "percent"),
                ),
                Some(format!(
                    "{} − {} = {}",
                    p(g.value),
                    p(g.reference_value),
                    format::signed(g.diff, 2, lang)
                )),
            )
        }
        Outcome::TaggedScore {
            score,
            weights,
            normalised,
            needs_best,
        } => {
            let terms: Vec<String> = score
                .parts
                .iter()
                .map(|(t, _, share)| {
                    format!(
                        "{} × {} % ({})",
                        p(weights.weight(*t)),
                        p(*share),
                        t.title(lang)
                    )
                })
                .collect();
            let mut formula = format!("{} = {}", terms.join(" + "), p(score.score));
            let mut result = p(score.score);
            if let Some(n) = normalised {
                formula.push_str(&either(
                    lang,
                    &format!(
                        "; dinormalisasi: {} ÷ {} × 100 = {} (skor tertinggi nasional {year}: {})",
                        as_written(score.score, lang),
                        as_written(n.best, lang),
                        p(n.value),
                        n.source
                    ),
                    &format!(
                        "; normalised: {} ÷ {} × 100 = {} (national best score of {year}: {})",
                        as_written(score.score, lang),
                        as_written(n.best, lang),
                        p(n.value),
                        n.source
                    ),
                ));
                result = p(n.value);
            }
            if *needs_best {
                formula.push_str(&either(
                    lang,
                    &format!("; belum dinormalisasi: perlu skor tertinggi nasional tahun {year}"),
                    &format!("; not normalised: needs the national best score of {year}"),
                ));
            }
            if weights.exclude_travel {
                formula.push_str(&either(
                    lang,
                    &format!(
                        "; perjalanan dinas dikecualikan: {}; penyebut: total belanja daerah {}",
                        format::rupiah(score.travel_excluded, lang),
                        format::rupiah(score.spending, lang)
                    ),
                    &format!(
                        "; official travel excluded: {}; denominator: total regional spending {}",
                        format::rupiah(score.travel_excluded, lang),
                        format::rupiah(score.spending, lang)
                    ),
                ));
            }
            (result, Some(formula))
        }
        Outcome::AllocationShare {
            budget,
            spending,
            share,
        } => (
            format!("{} %", p(*share)),
            Some(format!(
                "{} ÷ {} × 100",
                format::rupiah(*budget, lang),
                format::rupiah(*spending, lang)
            )),
        ),
        Outcome::RealisationRate {
            period,
            realised,
            budget_reported,
            rate,
            reported,
            count,
            whole_year,
        } => {
            let mut formula = format!(
                "{} ÷ {} × 100",
                format::rupiah(*realised, lang),
                format::rupiah(*budget_reported, lang)
            );
            let semester = *period == RealisationPeriod::FirstSemester;
            if semester {
                formula.push_str(&either(
                    lang,
                    " (realisasi semester I)",
                    " (semester I realisation)",
                ));
            }
            if reported < count {
                formula.push_str(&either(
                    lang,
                    &format!("; {reported} dari {count} sub-kegiatan melaporkan realisasi"),
                    &format!("; {reported} of {count} sub-activities report a realisation"),
                ));
            }
            if let Some((w, n)) = whole_year {
                formula.push_str(&either(
                    lang,
                    &format!(
                        "; seluruh tahun, atas {n} sub-kegiatan yang melaporkan semester I dan II: {} %",
                        p(*w)
                    ),
                    &format!(
                        "; whole year, over the {n} sub-activities reporting semesters I and II: {} %",
                        p(*w)
                    ),
                ));
            }
            let mut result = format!("{} %", p(*rate));
            if semester {
                result.push_str(" (semester I)");
            }
            if reported < count {
                result.push_str(&either(
                    lang,
                    &format!(", {reported} dari {count} sub-kegiatan"),
                    &format!(", {reported} of {count} sub-activities"),
                ));
            }
            (result, Some(formula))
        }
        Outcome::DataVerification(v) => {
            let n = |x: f64| format::number(x, 0, lang);
            let unit = v.unit.clone().unwrap_or_default();
            let sk = v.decree.clone().unwrap_or_else(|| "–".into());
            let data = v.data.clone().unwrap_or_default();
            (
                either(
                    lang,
                    &format!(
                        "{} {unit} sebelum, {} sesudah verifikasi ({data}); SK {sk}.",
                        n(v.before),
                        n(v.after),
                    ),
                    &format!(
                        "{} {unit} before, {} after verification ({data}); decree {sk}.",
                        n(v.before),
                        n(v.after),
                    ),
                ),
                None,
            )
        }
        Outcome::Institution {
            decree,
            action_plan,
            meetings,
            reports,
        } => {
            let t = super::strings(lang);
            let yes_no = |b: bool| if b { t.ada } else { t.belum_ada };
            (
                either(
                    lang,
                    &format!(
                        "SK TKPK {}; RAT {}; {meetings} rapat/FGD; {reports} laporan dikirim.",
                        yes_no(*decree),
                        yes_no(*action_plan),
                    ),
                    &format!(
                        "TKPK decree {}; RAT {}; {meetings} meetings/FGDs; {reports} reports sent.",
                        yes_no(*decree),
                        yes_no(*action_plan),
                    ),
                ),
                None,
            )
        }
    }
}

/// A scoring rule in words, with its source: "garis lurus: nilai 0 → skor 0, nilai -1 → skor
/// 100".
pub(crate) fn rule(rule: &ScoreRule, lang: Lang) -> String {
    let w = |v: f64| as_written(v, lang);
    let how = match &rule.scoring {
        Scoring::Value => either(
            lang,
            "skor = nilai ukuran, dibatasi 0–100",
            "score = the measure's value, held to 0–100",
        ),
        Scoring::Linear { zero, hundred } => either(
            lang,
            &format!(
                "garis lurus: nilai {} → skor 0, nilai {} → skor 100, dibatasi 0–100",
                w(*zero),
                w(*hundred)
            ),
            &format!(
                "straight line: value {} → score 0, value {} → score 100, held to 0–100",
                w(*zero),
                w(*hundred)
            ),
        ),
        Scoring::Classes(classes) => {
            let parts: Vec<String> = classes
                .iter()
                .map(|c| {
                    let range = match (c.from, c.to, lang) {
                        (Some(f), Some(t), Lang::Id) => format!("{} sampai {}", w(f), w(t)),
                        (Some(f), Some(t), Lang::En) => format!("{} to {}", w(f), w(t)),
                        (Some(f), None, _) => format!("≥ {}", w(f)),
                        (None, Some(t), _) => format!("≤ {}", w(t)),
                        (None, None, _) => "*".to_string(),
                    };
                    format!("{range} → {}", w(c.score))
                })
                .collect();
            format!(
                "{}: {}",
                either(
                    lang,
                    "kelas, yang pertama berlaku",
                    "classes, the first that holds"
                ),
                parts.join("; ")
            )
        }
    };
    let mut s = format!(
        "{how}. {}: {}",
        either(lang, "Sumber aturan", "Rule source"),
        rule.source
    );
    if rule.illustrative {
        s.push_str(&either(
            lang,
            " (ilustrasi, bukan aturan resmi)",
            " (illustrative, not an official rule)",
        ));
    }
    s
}

/// A measure's score worked out with its value: "(-0,84 − 0) ÷ (-1 − 0) × 100 = 84".
pub(crate) fn score_formula(s: &MeasureScore, lang: Lang) -> String {
    let w = |v: f64| as_written(v, lang);
    let p = |v: f64| format::number(v, 2, lang);
    let scored = match s.indicator {
        Some(i) => format!("{}: ", i.label(lang)),
        None => String::new(),
    };
    let body = match &s.rule.scoring {
        Scoring::Value => format!("{} → {}", w(s.input), p(s.score)),
        Scoring::Linear { zero, hundred } => {
            let raw = (s.input - zero) / (hundred - zero) * 100.0;
            let mut text = format!(
                "({} − {}) ÷ ({} − {}) × 100 = {}",
                w(s.input),
                w(*zero),
                w(*hundred),
                w(*zero),
                p(raw)
            );
            if !(0.0..=100.0).contains(&raw) {
                text.push_str(&either(
                    lang,
                    &format!(", dibatasi menjadi {}", p(s.score)),
                    &format!(", held to {}", p(s.score)),
                ));
            }
            text
        }
        Scoring::Classes(_) => either(
            lang,
            &format!("{} masuk kelas berskor {}", w(s.input), p(s.score)),
            &format!("{} falls in the class scoring {}", w(s.input), p(s.score)),
        ),
    };
    let mut text = format!("{scored}{body}");
    if let Some((from, to)) = s.span {
        text.push_str(&either(
            lang,
            &format!("; perubahan {from}–{to}, lebih dari satu tahun"),
            &format!("; the change over {from}–{to}, more than one year"),
        ));
    }
    text
}

/// A weight as the sheet shows it, to the decimals written: "12,5 %".
pub(crate) fn weight(w: f64, lang: Lang) -> String {
    format!("{} %", as_written(w, lang))
}

/// Where the author writes the national best score a normalised score needs.
pub(crate) fn needs_best_hint(year: i32, lang: Lang) -> String {
    either(
        lang,
        &format!(
            "isi skor tertinggi nasional {year} beserta sumbernya di `skor_tagging_tertinggi` pada site.yaml"
        ),
        &format!(
            "write the national best score of {year} and its source under `skor_tagging_tertinggi` in site.yaml"
        ),
    )
}

/// Why a measure has no score.
pub(crate) fn unscored(u: &Unscored, lang: Lang) -> String {
    match u {
        Unscored::NoRule => either(
            lang,
            "skor belum dapat dihitung: aturan penskoran ukuran ini tidak dimuat dalam dasar skema dan belum ditambahkan",
            "no score yet: the scheme's basis publishes no scoring rule for this measure and none has been added",
        ),
        Unscored::NoValue => either(
            lang,
            "skor belum dapat dihitung: nilai ukurannya belum ada",
            "no score yet: the measure has no value",
        ),
        Unscored::NeedsBest => either(
            lang,
            "skor belum dapat dihitung: perlu skor tertinggi nasional tahun ini untuk normalisasi",
            "no score yet: normalisation needs the national best score of the year",
        ),
        Unscored::OutsideClasses { value } => either(
            lang,
            &format!(
                "skor belum dapat dihitung: nilai {} tidak masuk kelas mana pun pada aturannya",
                as_written(*value, lang)
            ),
            &format!(
                "no score yet: the value {} falls in none of the rule's classes",
                as_written(*value, lang)
            ),
        ),
    }
}

fn measure_list(measures: &[Measure], lang: Lang) -> String {
    measures
        .iter()
        .map(|m| measure_name(*m).get(lang).to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A component's score worked out with the measure weights: "(50 × 35,60 + 50 × 40,15) ÷
/// 100 = 37,88".
pub(crate) fn component_formula(c: &ComponentResult, lang: Lang) -> Option<String> {
    let score = c.score.as_ref().ok()?;
    let p = |v: f64| format::number(v, 2, lang);
    let terms: Option<Vec<String>> = c
        .measures
        .iter()
        .map(|m| {
            Some(format!(
                "{} × {}",
                as_written(m.weight?, lang),
                p(m.score.as_ref().ok()?.score)
            ))
        })
        .collect();
    Some(format!("({}) ÷ 100 = {}", terms?.join(" + "), p(*score)))
}

/// Why a component of `all` measures has no score.
pub(crate) fn component_gap(g: &ComponentGap, all: usize, lang: Lang) -> String {
    match g {
        ComponentGap::Unscored(m) if m.len() == all => either(
            lang,
            "skor komponen belum dapat dihitung: belum ada ukuran yang berskor",
            "no component score yet: no measure has a score",
        ),
        ComponentGap::Unscored(m) => either(
            lang,
            &format!(
                "skor komponen belum dapat dihitung: belum ada skor untuk {}",
                measure_list(m, lang)
            ),
            &format!(
                "no component score yet: no score for {}",
                measure_list(m, lang)
            ),
        ),
        ComponentGap::WeightsNotHundred(sum) => either(
            lang,
            &format!(
                "skor komponen tidak dihitung: bobot ukurannya berjumlah {}, bukan 100",
                as_written(*sum, lang)
            ),
            &format!(
                "no component score: its measure weights add up to {}, not 100",
                as_written(*sum, lang)
            ),
        ),
        ComponentGap::NoWeight(m) => either(
            lang,
            &format!(
                "skor komponen belum dapat dihitung: bobot ukuran {} belum ada",
                measure_list(m, lang)
            ),
            &format!(
                "no component score yet: no weight for {}",
                measure_list(m, lang)
            ),
        ),
    }
}

/// The total worked out with the component weights: "(40 × 62,08 + 60 × 37,88) ÷ 100 =
/// 47,56".
pub(crate) fn total_formula(sheet: &Sheet, lang: Lang) -> Option<String> {
    let total = sheet.total.as_ref().ok()?;
    let p = |v: f64| format::number(v, 2, lang);
    let terms: Option<Vec<String>> = sheet
        .components
        .iter()
        .map(|c| {
            Some(format!(
                "{} × {}",
                as_written(c.component.weight?, lang),
                p(*c.score.as_ref().ok()?)
            ))
        })
        .collect();
    Some(format!("({}) ÷ 100 = {}", terms?.join(" + "), p(*total)))
}

/// Why the sheet has no total.
pub(crate) fn total_gap(g: &TotalGap, lang: Lang) -> String {
    match g {
        TotalGap::NoWeight(names) => either(
            lang,
            &format!(
                "skor total belum dapat dihitung: bobot komponen {} tidak dimuat dalam dasar skema",
                names.join("; ")
            ),
            &format!(
                "no total score yet: the scheme's basis gives no weight for {}",
                names.join("; ")
            ),
        ),
        TotalGap::WeightsNotHundred(sum) => either(
            lang,
            &format!(
                "skor total tidak dihitung: bobot komponennya berjumlah {}, bukan 100",
                as_written(*sum, lang)
            ),
            &format!(
                "no total score: the component weights add up to {}, not 100",
                as_written(*sum, lang)
            ),
        ),
        TotalGap::Unscored(names) => either(
            lang,
            &format!(
                "skor total belum dapat dihitung: belum ada skor komponen {}",
                names.join("; ")
            ),
            &format!(
                "no total score yet: no score for the component {}",
                names.join("; ")
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_formula_redoes_the_arithmetic() {
        let rule = ScoreRule {
            measure: Measure::AllocationShare,
            weight: Some(50.0),
            scoring: Scoring::Linear {
                zero: 2.0,
                hundred: 5.0,
            },
            source: "uji".into(),
            illustrative: false,
            from_site: true,
        };
        let scored = |input, score, span| MeasureScore {
            input,
            span,
            indicator: None,
            score,
            rule: &rule,
        };
        assert_eq!(
            score_formula(&scored(2.75, 25.0, None), Lang::Id),
            "(2,75 − 2) ÷ (5 − 2) × 100 = 25,00"
        );
        // Held to 0–100, and a change over more than one year says so.
        assert_eq!(
            score_formula(&scored(6.5, 100.0, Some((2023, 2025))), Lang::Id),
            "(6,5 − 2) ÷ (5 − 2) × 100 = 150,00, dibatasi menjadi 100,00; perubahan 2023–2025, lebih dari satu tahun"
        );
    }
}
