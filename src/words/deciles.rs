//! Sentences on the basic services by welfare decile (`desil.yaml`, BAB IV): the largest gap
//! between deciles, decile 1 beside the region's own Susenas figure as context (a register and
//! a survey: never two estimates of one figure), and decile 1 in a priority problem's sentence.

use super::sentences::{illustrative_note, value};
use super::{listed, lower_first};
use crate::base::format;
use crate::base::lang::Lang;
use crate::model::deciles::DecileBase;
use crate::report::Report;
use crate::report::deciles::DecileReport;

/// What the shares of a table by decile are of, as its heading says: "Persen rumah tangga".
pub(crate) fn percent_of(base: DecileBase, lang: Lang) -> &'static str {
    let t = super::strings(lang);
    match base {
        DecileBase::Households => t.persen_rumah_tangga,
        DecileBase::Persons => t.persen_jiwa,
    }
}

/// What follows a clause whose figures are illustrative; nothing otherwise.
fn marked(illustrative: bool, lang: Lang) -> &'static str {
    if illustrative {
        illustrative_note(lang)
    } else {
        ""
    }
}

/// The largest gap between deciles, then the others by size.
fn gaps(d: &DecileReport, lang: Lang) -> Option<String> {
    let (register, base) = (&d.deciles.register, d.deciles.base.noun(lang));
    let first = d.services.first()?;
    let mark = marked(d.deciles.illustrative, lang);
    if first.gap.diff == 0.0 {
        return Some(match lang {
            Lang::Id => format!(
                "Menurut {register}, tidak ada kesenjangan antardesil pada layanan dasar yang tersedia{mark}."
            ),
            Lang::En => format!(
                "According to {register}, there is no gap between deciles in the basic services given{mark}."
            ),
        });
    }
    let i = first.indicator;
    let ((low_decile, low), (high_decile, high)) = (first.gap.low, first.gap.high);
    let points = |diff: f64| format::number(diff.abs(), i.decimals, lang);
    let (low, high, gap) = (
        value(i, low, lang),
        value(i, high, lang),
        points(first.gap.diff),
    );
    let label = lower_first(i.label(lang));
    let others: Vec<String> = d.services[1..]
        .iter()
        .filter(|s| s.gap.diff != 0.0)
        .map(|s| {
            let points = format::number(s.gap.diff.abs(), s.indicator.decimals, lang);
            let unit = if lang == Lang::Id { "poin" } else { "points" };
            format!("{} ({points} {unit})", lower_first(s.indicator.label(lang)))
        })
        .collect();
    let mut out = match lang {
        Lang::Id => format!(
            "Menurut {register}, kesenjangan antardesil terbesar ada pada {label}: {low} {base} desil {low_decile} terhadap {high} pada desil {high_decile} (selisih {gap} poin)"
        ),
        Lang::En => format!(
            "According to {register}, the largest gap between deciles is in {label}: {low} of {base} in decile {low_decile} against {high} in decile {high_decile} (a gap of {gap} points)"
        ),
    };
    if !others.is_empty() {
        out.push_str(&match lang {
            Lang::Id => format!("; disusul {}", listed(&others, lang)),
            Lang::En => format!("; followed by {}", listed(&others, lang)),
        });
    }
    out.push_str(mark);
    out.push('.');
    Some(out)
}

/// Decile 1 of the first service (by gap) that has both decile 1 and the region's Susenas
/// figure, set beside that figure as context, with why the two are not comparable.
fn context(d: &DecileReport, region: &str, year: i32, lang: Lang) -> Option<String> {
    let (s, one, susenas) = d
        .services
        .iter()
        .find_map(|s| Some((s, s.decile_one()?, s.susenas?)))?;
    let (register, base) = (&d.deciles.register, d.deciles.base.noun(lang));
    let i = s.indicator;
    let label = lower_first(i.label(lang));
    let of = if lang == Lang::Id { "" } else { "of " };
    let one = format!(
        "{} {of}{base}{}",
        value(i, one, lang),
        marked(d.deciles.illustrative, lang)
    );
    let own = format!(
        "{}{}",
        value(i, susenas.value, lang),
        marked(susenas.illustrative, lang)
    );
    Some(match lang {
        Lang::Id => format!(
            "Sebagai konteks untuk {label}: desil 1 {register} {one}, sedangkan angka Susenas {year} untuk seluruh {region} {own}; {register} adalah data registrasi sosial-ekonomi dan Susenas survei sampel, dengan cara dan cakupan yang berbeda, sehingga kedua angka itu bukan taksiran yang sebanding."
        ),
        Lang::En => format!(
            "For context on {label}: decile 1 of {register} stands at {one}, while Susenas {year} gives {own} for the whole of {region}; {register} is a socio-economic register and Susenas a sample survey, with different methods and coverage, so the two are not comparable estimates."
        ),
    })
}

/// The sentences of the basic services by decile, when the year's `desil.yaml` gives some.
pub(crate) fn deciles(report: &Report) -> Vec<String> {
    let lang = report.site.config.lang;
    let Some(d) = &report.deciles else {
        return Vec::new();
    };
    gaps(d, lang)
        .into_iter()
        .chain(context(d, &report.region.name, report.year, lang))
        .collect()
}

/// Decile 1 of a priority problem (`key`), for the end of its sentence: "; pada desil 1 DTSEN
/// 48,20 persen rumah tangga"; empty when the year's file does not give it.
pub(crate) fn decile_one_clause(report: &Report, key: &str) -> String {
    let lang = report.site.config.lang;
    let Some(d) = &report.deciles else {
        return String::new();
    };
    let Some((s, one)) = d.service(key).and_then(|s| Some((s, s.decile_one()?))) else {
        return String::new();
    };
    let (register, base) = (&d.deciles.register, d.deciles.base.noun(lang));
    let v = value(s.indicator, one, lang);
    let mark = marked(d.deciles.illustrative, lang);
    match lang {
        Lang::Id => format!("; pada desil 1 {register} {v} {base}{mark}"),
        Lang::En => format!("; in decile 1 of {register}, {v} of {base}{mark}"),
    }
}
