//! The evaluation sheet in words: a measure's name, its result as a sentence, its formula
//! with the figures put in, and what it lacks. The HTML sheet and the sheet's downloads
//! both word a [`Sheet`](crate::report::sheet::Sheet) with these.

use crate::analysis::budget::ScoreGap;
use crate::base::format;
use crate::base::indicators::Unit;
use crate::base::lang::{Lang, Phrase};
use crate::model::scheme::{Measure, RealisationPeriod};
use crate::report::sheet::{IndicatorChange, Missing, Outcome, Value};
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

/// What a measure lacks, after "not computed: ".
pub(crate) fn missing(m: &Missing, lang: Lang) -> String {
    let text = match m {
        Missing::Figure { key, year } => either(
            lang,
            &format!("belum ada angka {key} tahun {year} di indikator.yaml"),
            &format!("no {key} figure for {year} in indikator.yaml"),
        ),
        Missing::ExtremePovertyFigure { year } => either(
            lang,
            &format!(
                "belum ada angka kemiskinan ekstrem tahun {year} (kemiskinan_ekstrem_ppp2017 atau _ppp2011)"
            ),
            &format!(
                "no extreme-poverty figure for {year} (kemiskinan_ekstrem_ppp2017 or _ppp2011)"
            ),
        ),
        Missing::ProvinceP0 { year } => either(
            lang,
            &format!("perlu P0 tahun {year} wilayah dan provinsinya"),
            &format!("needs the {year} P0 of the region and its province"),
        ),
        Missing::TaggingRule => "skor_tagging".to_string(),
        Missing::Score(ScoreGap::NoPrograms) => either(
            lang,
            "belum ada program di program.yaml",
            "no programme in program.yaml",
        ),
        Missing::Score(ScoreGap::NoRegionalSpending) => either(
            lang,
            "belum ada `belanja_daerah` di program.yaml",
            "no `belanja_daerah` in program.yaml",
        ),
        Missing::Score(ScoreGap::Unreported(n)) => either(
            lang,
            &format!("{n} sub-kegiatan belum melaporkan realisasi"),
            &format!("{n} sub-activities have not reported a realisation"),
        ),
        Missing::ProgramsAndSpending => either(
            lang,
            "perlu program dan `belanja_daerah` di program.yaml",
            "needs programmes and `belanja_daerah` in program.yaml",
        ),
        Missing::Realisation => either(
            lang,
            "belum ada realisasi di program.yaml",
            "no realisation in program.yaml",
        ),
        Missing::FirstSemesterRealisation => either(
            lang,
            "belum ada `realisasi_semester_1` di program.yaml",
            "no `realisasi_semester_1` in program.yaml",
        ),
        Missing::Verification => either(
            lang,
            "belum ada `verifikasi_data` di kelembagaan.yaml",
            "no `verifikasi_data` in kelembagaan.yaml",
        ),
        Missing::Institution => either(lang, "belum ada kelembagaan.yaml", "no kelembagaan.yaml"),
    };
    format!("{}{text}", super::strings(lang).tidak_dinilai)
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
                format!(
                    "P0 {} % {side} {} ({} %).",
                    p(g.value),
                    g.reference,
                    p(g.reference_value)
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
                    &format!(
                        "; belum dinormalisasi: perlu skor tertinggi nasional tahun {year} (`skor_tagging_tertinggi` di site.yaml)"
                    ),
                    &format!(
                        "; not normalised: needs the national best score of {year} (`skor_tagging_tertinggi` in site.yaml)"
                    ),
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
