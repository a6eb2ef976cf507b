//! One plain sentence per analysis, in the site's language, that a planner can paste into a
//! speech: "Tingkat kemiskinan turun 0,59 persen poin, dari 8,16 persen (2024) menjadi 7,57 persen
//! (2025); jumlah penduduk miskin berkurang 6,87 ribu jiwa."

use crate::analysis::{
    AttainmentFormula, Band, Quadrant, QuadrantPosition, Rank, ReferenceGap, Relevance,
    TargetAttainment, YearChange,
};
use crate::base::format;
use crate::base::indicators::keys;
use crate::base::indicators::{Indicator, Unit};
use crate::base::lang::Lang;

fn id(lang: Lang) -> bool {
    lang == Lang::Id
}

/// A figure with its unit: `7,57 persen`, `Rp441.448`, `0,88`.
pub(crate) fn value(indicator: &Indicator, v: f64, lang: Lang) -> String {
    format::with_unit(v, &indicator.unit, indicator.decimals, lang)
}

/// A size of change with its unit: `0,59 poin`, `6,87 ribu jiwa`, `Rp12.345`.
fn amount(indicator: &Indicator, v: f64, lang: Lang) -> String {
    let decimals = indicator.decimals;
    match indicator.unit {
        Unit::Persen => format!(
            "{} {}",
            format::number(v.abs(), decimals, lang),
            if id(lang) { "poin" } else { "points" }
        ),
        _ => format::with_unit(v.abs(), &indicator.unit, decimals, lang),
    }
}

/// The subject of a sentence about an indicator.
fn subject(indicator: &Indicator, lang: Lang) -> String {
    match (indicator.key.as_str(), lang) {
        (keys::P0, Lang::Id) => "Tingkat kemiskinan".to_string(),
        (keys::P0, Lang::En) => "The poverty rate".to_string(),
        _ => indicator.label(lang).to_string(),
    }
}

fn verb(delta: f64, lang: Lang) -> &'static str {
    match (delta < 0.0, lang) {
        (true, Lang::Id) => "turun",
        (false, Lang::Id) => "naik",
        (true, Lang::En) => "fell",
        (false, Lang::En) => "rose",
    }
}

/// A change as words: `turun 0,59 poin`, `naik Rp33.328`, `tetap`.
fn moved(indicator: &Indicator, delta: f64, lang: Lang) -> String {
    if delta == 0.0 {
        return if id(lang) { "tetap" } else { "unchanged" }.to_string();
    }
    format!("{} {}", verb(delta, lang), amount(indicator, delta, lang))
}

/// How the region's change compares with the province's, in words that stay true whether
/// either improved or worsened. `own` and `theirs` are gains (positive is better).
fn pace(own: f64, theirs: f64, province: &str, lang: Lang) -> String {
    let en = !id(lang);
    match (own.partial_cmp(&0.0), theirs.partial_cmp(&0.0)) {
        _ if own == theirs => {
            if en {
                format!("changed as much as {province}")
            } else {
                format!("berubah sama besar dengan {province}")
            }
        }
        (Some(std::cmp::Ordering::Greater), Some(std::cmp::Ordering::Greater)) => {
            match (own > theirs, en) {
                (true, false) => format!("membaik lebih cepat daripada {province}"),
                (false, false) => format!("membaik lebih lambat daripada {province}"),
                (true, true) => format!("improved faster than {province}"),
                (false, true) => format!("improved more slowly than {province}"),
            }
        }
        (Some(std::cmp::Ordering::Less), Some(std::cmp::Ordering::Less)) => {
            match (own > theirs, en) {
                (true, false) => format!("memburuk lebih sedikit daripada {province}"),
                (false, false) => format!("memburuk lebih banyak daripada {province}"),
                (true, true) => format!("worsened less than {province}"),
                (false, true) => format!("worsened more than {province}"),
            }
        }
        _ => match (own > theirs, en) {
            (true, false) => format!("berubah lebih baik daripada {province}"),
            (false, false) => format!("berubah lebih buruk daripada {province}"),
            (true, true) => format!("did better than {province}"),
            (false, true) => format!("did worse than {province}"),
        },
    }
}

/// A year as a page names it: with its survey round when that is not March ("Juli 2010").
pub(crate) fn year_label(year: i32, period: Option<&str>) -> String {
    match period {
        Some(p) => format!("{p} {year}"),
        None => year.to_string(),
    }
}

/// Year-on-year change; for P0 with the number of poor it adds how that number changed.
pub(crate) fn change(
    indicator: &Indicator,
    change: Option<&YearChange>,
    year: i32,
    poor: Option<(&Indicator, &YearChange)>,
    lang: Lang,
) -> String {
    let Some(c) = change else {
        return if id(lang) {
            format!(
                "Perubahan {} tahun {year} belum dapat dihitung karena belum ada angka tahun sebelumnya.",
                subject(indicator, lang).to_lowercase()
            )
        } else {
            format!(
                "The change in {} in {year} cannot be computed yet: there is no earlier figure.",
                subject(indicator, lang).to_lowercase()
            )
        };
    };
    let from = value(indicator, c.from, lang);
    let to = value(indicator, c.to, lang);
    let (from_when, to_when) = (
        year_label(c.from_year, c.from_period.as_deref()),
        year_label(c.to_year, c.to_period.as_deref()),
    );
    let mut s = if c.delta == 0.0 {
        if id(lang) {
            format!(
                "{} tetap {to} pada {to_when} seperti pada {from_when}",
                subject(indicator, lang),
            )
        } else {
            format!(
                "{} stayed at {to} in {to_when} as in {from_when}",
                subject(indicator, lang),
            )
        }
    } else if id(lang) {
        // The first mention of a change in points says "persen poin", as BPS writes it.
        let size = match indicator.unit {
            Unit::Persen => format!(
                "{} persen poin",
                format::number(c.delta.abs(), indicator.decimals, lang)
            ),
            _ => amount(indicator, c.delta, lang),
        };
        format!(
            "{} {} {size}, dari {from} ({from_when}) menjadi {to} ({to_when})",
            subject(indicator, lang),
            verb(c.delta, lang),
        )
    } else {
        let size = match indicator.unit {
            Unit::Persen => format!(
                "{} percentage points",
                format::number(c.delta.abs(), indicator.decimals, lang)
            ),
            _ => amount(indicator, c.delta, lang),
        };
        format!(
            "{} {} by {size}, from {from} ({from_when}) to {to} ({to_when})",
            subject(indicator, lang),
            verb(c.delta, lang),
        )
    };
    if c.illustrative {
        s.push_str(illustrative_note(lang));
    }
    if c.from_period != c.to_period {
        let round = |p: &Option<String>| {
            p.clone()
                .unwrap_or_else(|| if id(lang) { "Maret" } else { "March" }.to_string())
        };
        s.push_str(&if id(lang) {
            format!(
                "; kedua angka berasal dari putaran survei yang berbeda ({} dan {}), sehingga tidak sepenuhnya sebanding",
                round(&c.from_period),
                round(&c.to_period)
            )
        } else {
            format!(
                "; the two figures come from different survey rounds ({} and {}), so they are not fully comparable",
                round(&c.from_period),
                round(&c.to_period)
            )
        });
    }
    if c.skips_years {
        s.push_str(&if id(lang) {
            format!(
                ", dibandingkan dengan {} karena tahun di antaranya belum memiliki angka",
                c.from_year
            )
        } else {
            format!(
                ", compared with {} as the years between have no figure",
                c.from_year
            )
        });
    }
    if let Some((poor_indicator, p)) = poor.filter(|(_, p)| p.from_year == c.from_year) {
        let n = amount(poor_indicator, p.delta, lang);
        let tail = match (p.delta < 0.0, p.delta == 0.0, lang) {
            (_, true, Lang::Id) => "; jumlah penduduk miskin tidak berubah".to_string(),
            (_, true, Lang::En) => "; the number of poor people did not change".to_string(),
            // Susenas is a cross-section: it shows the net change of the number of poor,
            // never people leaving or entering poverty.
            (true, _, Lang::Id) => format!("; jumlah penduduk miskin berkurang {n}"),
            (true, _, Lang::En) => format!("; the number of poor fell by {n}"),
            (false, _, Lang::Id) => format!("; jumlah penduduk miskin bertambah {n}"),
            (false, _, Lang::En) => format!("; the number of poor rose by {n}"),
        };
        s.push_str(&tail);
        if p.illustrative {
            s.push_str(illustrative_note(lang));
        }
    }
    s.push('.');
    s
}

/// Said after a clause whose figures are illustrative.
pub(crate) fn illustrative_note(lang: Lang) -> &'static str {
    if id(lang) {
        " (angka ilustrasi, bukan angka resmi)"
    } else {
        " (illustrative figures, not official)"
    }
}

fn band_word(band: Band, lang: Lang) -> &'static str {
    match (band, lang) {
        (Band::SangatTinggi, Lang::Id) => "sangat tinggi",
        (Band::Tinggi, Lang::Id) => "tinggi",
        (Band::Sedang, Lang::Id) => "sedang",
        (Band::Rendah, Lang::Id) => "rendah",
        (Band::SangatRendah, Lang::Id) => "sangat rendah",
        (Band::SangatTinggi, Lang::En) => "very high",
        (Band::Tinggi, Lang::En) => "high",
        (Band::Sedang, Lang::En) => "medium",
        (Band::Rendah, Lang::En) => "low",
        (Band::SangatRendah, Lang::En) => "very low",
    }
}

/// The attainment percentage with how it is computed and its band, as one clause.
fn attainment(indicator: &Indicator, t: &TargetAttainment, lang: Lang) -> String {
    let (Some(p), Some(formula), Some(band)) = (t.percent, t.formula, t.band) else {
        return if id(lang) {
            "Capaian dalam persen tidak dihitung karena targetnya nol dan tidak ada angka tahun dasar rencana yang dapat dijadikan pembanding.".to_string()
        } else {
            "No attainment percentage: the target is zero and no baseline of the plan can be compared with."
                .to_string()
        };
    };
    let percent = format::number(p, 2, lang);
    let band_text = band_word(band, lang);
    // A missed target never reads as the top band; say why when the cap applied.
    let capped = !t.attained && Band::of(p) == Band::SangatTinggi;
    let lower = indicator.lower_is_better;
    let mut s = match (formula, lang) {
        (AttainmentFormula::FromBaseline { year, value: base }, Lang::Id) => format!(
            "Capaian terhadap {} yang ditargetkan sejak {year} ({}) sebesar {percent} persen, kategori {band_text}",
            if lower { "penurunan" } else { "kenaikan" },
            value(indicator, base, lang)
        ),
        (AttainmentFormula::FromBaseline { year, value: base }, Lang::En) => format!(
            "Attainment against the {} targeted since {year} ({}): {percent} percent, {band_text}",
            if lower { "reduction" } else { "increase" },
            value(indicator, base, lang)
        ),
        (AttainmentFormula::Ratio, Lang::Id) => format!(
            "Capaian menurut rumus {} sebesar {percent} persen, kategori {band_text} ({})",
            if lower {
                "(2 × target − realisasi) ÷ target"
            } else {
                "realisasi ÷ target"
            },
            match t.baseline_year() {
                Some(year) => format!("target tidak lebih baik daripada angka tahun dasar {year}"),
                None => "angka tahun dasar rencana tidak diketahui".to_string(),
            }
        ),
        (AttainmentFormula::Ratio, Lang::En) => format!(
            "Attainment by {}: {percent} percent, {band_text} ({})",
            if lower {
                "(2 × target − actual) ÷ target"
            } else {
                "actual ÷ target"
            },
            match t.baseline_year() {
                Some(year) => format!("the target is no better than the baseline of {year}"),
                None => "the plan's baseline is unknown".to_string(),
            }
        ),
    };
    if capped {
        s.push_str(if id(lang) {
            "; kategori sangat tinggi hanya untuk target yang tercapai"
        } else {
            "; very high is given only to a target that is reached"
        });
    }
    s.push('.');
    s
}

/// Whether the target is reached, said first; then the attainment percentage with its
/// formula and band, and the pace needed against the recent pace.
pub(crate) fn target(indicator: &Indicator, t: &TargetAttainment, lang: Lang) -> String {
    let v = value(indicator, t.value, lang);
    let target = value(indicator, t.target, lang);
    let gap = amount(indicator, t.gap, lang);
    let key = match (indicator.key.as_str(), lang) {
        (keys::P0, Lang::Id) => "tingkat kemiskinan".to_string(),
        (keys::P0, Lang::En) => "the poverty rate".to_string(),
        _ => indicator.label(lang).to_string(),
    };
    let mut s = match (t.attained, lang) {
        (true, Lang::Id) => format!(
            "Target RPJMD {} untuk {key} ({target}) tercapai: angka {} sebesar {v}{}.",
            t.target_year,
            t.year,
            if t.gap == 0.0 {
                String::new()
            } else {
                format!(", {gap} lebih baik")
            }
        ),
        (false, Lang::Id) => format!(
            "Target RPJMD {} untuk {key} ({target}) belum tercapai: angka {} sebesar {v}, masih {gap} dari target.",
            t.target_year, t.year
        ),
        (true, Lang::En) => format!(
            "The RPJMD target for {} for {key} ({target}) is reached: {v} in {}{}.",
            t.target_year,
            t.year,
            if t.gap == 0.0 {
                String::new()
            } else {
                format!(", {gap} better")
            }
        ),
        (false, Lang::En) => format!(
            "The RPJMD target for {} for {key} ({target}) is not reached: {v} in {}, still {gap} away.",
            t.target_year, t.year
        ),
    };
    s.push(' ');
    s.push_str(&attainment(indicator, t, lang));
    if !t.attained
        && let Some(needed) = t.pace_needed
    {
        let needed_text = match lang {
            Lang::Id => format!("{} {}", verb(needed, lang), amount(indicator, needed, lang)),
            Lang::En => format!(
                "{} of {}",
                if needed < 0.0 { "fall" } else { "rise" },
                amount(indicator, needed, lang)
            ),
        };
        let recent = t.pace_recent.map(|(from, pace)| {
            if pace == 0.0 {
                if id(lang) {
                    format!("sejak {from} angkanya tidak berubah")
                } else {
                    format!("since {from} the figure has not changed")
                }
            } else if id(lang) {
                format!(
                    "sejak {from} rata-rata {} {} per tahun",
                    verb(pace, lang),
                    amount(indicator, pace, lang)
                )
            } else {
                format!(
                    "since {from} it {} by {} a year on average",
                    verb(pace, lang),
                    amount(indicator, pace, lang)
                )
            }
        });
        s.push(' ');
        s.push_str(&match (recent, lang) {
            (Some(r), Lang::Id) => format!(
                "Untuk mencapainya pada {} diperlukan rata-rata {needed_text} per tahun; {r}.",
                t.target_year
            ),
            (None, Lang::Id) => format!(
                "Untuk mencapainya pada {} diperlukan rata-rata {needed_text} per tahun; laju tiga tahun terakhir belum dapat dihitung karena angka {}–{} belum tersedia.",
                t.target_year,
                t.year - 3,
                t.year - 1
            ),
            (Some(r), Lang::En) => format!(
                "Reaching it by {} needs an average {needed_text} a year; {r}.",
                t.target_year
            ),
            (None, Lang::En) => format!(
                "Reaching it by {} needs an average {needed_text} a year; the pace of the last three years is unknown, as {}–{} has no figure.",
                t.target_year,
                t.year - 3,
                t.year - 1
            ),
        });
    }
    s
}

/// The region against province and nation in the same year.
pub(crate) fn references(
    region: &str,
    indicator: &Indicator,
    gaps: &[ReferenceGap],
    lang: Lang,
) -> String {
    let Some(first) = gaps.first() else {
        return String::new();
    };
    let parts: Vec<String> = gaps
        .iter()
        .map(|g| {
            let rv = value(indicator, g.reference_value, lang);
            let side = match (g.diff == 0.0, g.diff < 0.0, lang) {
                (true, _, Lang::Id) => return format!("sama dengan {} ({rv})", g.reference),
                (true, _, Lang::En) => return format!("equal to {} ({rv})", g.reference),
                (false, true, Lang::Id) => "di bawah",
                (false, false, Lang::Id) => "di atas",
                (false, true, Lang::En) => "below",
                (false, false, Lang::En) => "above",
            };
            format!(
                "{} {side} {} ({rv})",
                amount(indicator, g.diff, lang),
                g.reference
            )
        })
        .collect();
    let joined = match lang {
        Lang::Id => parts.join(" dan "),
        Lang::En => parts.join(" and "),
    };
    let key = indicator.key.to_uppercase();
    match lang {
        Lang::Id => format!(
            "{key} {region} {} ({}) {joined}.",
            first.year,
            value(indicator, first.value, lang)
        ),
        Lang::En => format!(
            "{key} of {region} in {} ({}) is {joined}.",
            first.year,
            value(indicator, first.value, lang)
        ),
    }
}

/// Relevance and effectiveness against province and nation, and speed against the province.
pub(crate) fn relevance(
    region: &str,
    province: Option<&str>,
    indicator: &Indicator,
    rels: &[Relevance],
    lang: Lang,
) -> String {
    let Some(first) = rels.first() else {
        return String::new();
    };
    let c = &first.region_change;
    let period = format!("{}–{}", c.from_year, c.to_year);
    let names = |pick: bool| -> Vec<String> {
        rels.iter()
            .filter(|r| r.relevant == pick)
            .map(|r| r.reference.clone())
            .collect()
    };
    let (yes, no) = (names(true), names(false));
    let and = if id(lang) { " dan " } else { " and " };
    let mut parts = Vec::new();
    if !yes.is_empty() {
        parts.push(if id(lang) {
            format!("relevan terhadap {}", yes.join(and))
        } else {
            format!("relevant to {}", yes.join(and))
        });
    }
    if !no.is_empty() {
        parts.push(if id(lang) {
            format!("tidak relevan terhadap {}", no.join(and))
        } else {
            format!("not relevant to {}", no.join(and))
        });
    }
    let effective = match (c.improved, lang) {
        (true, Lang::Id) => "efektif (membaik dari angka sebelumnya)",
        (false, Lang::Id) => "belum efektif (tidak membaik dari angka sebelumnya)",
        (true, Lang::En) => "effective (better than its previous figure)",
        (false, Lang::En) => "not yet effective (no better than its previous figure)",
    };
    let mut s = if id(lang) {
        format!(
            "Perubahan {period} {} {}, serta {effective}",
            indicator.key.to_uppercase(),
            parts.join(", ")
        )
    } else {
        format!(
            "The {period} change in {} is {}, and {effective}",
            indicator.key.to_uppercase(),
            parts.join(", ")
        )
    };
    // Whether it improved faster is asked of the province only, never of a stand-in.
    if let Some(p) = rels.iter().find(|r| Some(r.reference.as_str()) == province) {
        let gain = |d: f64| if indicator.lower_is_better { -d } else { d };
        s.push_str(&format!(
            "; {region} ({}) {} ({})",
            moved(indicator, p.region_change.delta, lang),
            pace(
                gain(p.region_change.delta),
                gain(p.reference_change.delta),
                &p.reference,
                lang
            ),
            moved(indicator, p.reference_change.delta, lang),
        ));
    }
    s.push('.');
    s
}

/// Effectiveness alone, for a change that no reference can be set against: it depends only
/// on the region's own two figures.
pub(crate) fn effectiveness(indicator: &Indicator, c: &YearChange, lang: Lang) -> String {
    let period = format!("{}–{}", c.from_year, c.to_year);
    let key = indicator.key.to_uppercase();
    match (c.improved, lang) {
        (true, Lang::Id) => {
            format!("Perubahan {period} {key} efektif (membaik dari angka sebelumnya).")
        }
        (false, Lang::Id) => {
            format!("Perubahan {period} {key} belum efektif (tidak membaik dari angka sebelumnya).")
        }
        (true, Lang::En) => {
            format!("The {period} change in {key} is effective (better than its previous figure).")
        }
        (false, Lang::En) => format!(
            "The {period} change in {key} is not yet effective (no better than its previous figure)."
        ),
    }
}

/// The rank among the province's regions whose figures the report holds; the sentence says
/// so, since they may not be all of the province's.
pub(crate) fn rank(
    region: &str,
    province: &str,
    indicator: &Indicator,
    year: i32,
    r: &Rank,
    lang: Lang,
) -> String {
    let key = indicator.key.to_uppercase();
    let best = if indicator.lower_is_better {
        if id(lang) { "terendah" } else { "lowest" }
    } else if id(lang) {
        "tertinggi"
    } else {
        "highest"
    };
    // "Of N in the province" only when all N are ranked; otherwise the base is named as what
    // it is, with the province's full count beside it where the official list knows it.
    let all = r
        .province_total
        .map(|t| format!(" {t}"))
        .unwrap_or_default();
    match (lang, r.province_total) {
        // A rank of one is no rank.
        (Lang::Id, _) if r.of == 1 => format!(
            "Di antara{all} kabupaten/kota {province}, baru angka {key} {year} {region} yang tersedia dalam laporan ini, sehingga urutannya belum dapat ditentukan."
        ),
        (Lang::En, _) if r.of == 1 => format!(
            "Of the{all} regencies and cities of {province}, this report holds the {key} {year} figure of {region} alone, so no rank can be given."
        ),
        (Lang::Id, Some(total)) if total == r.of => format!(
            "Menurut {key} {year}, {region} berada di peringkat ke-{} dari {total} kabupaten/kota di {province} ({key} {best} di peringkat pertama).",
            r.rank
        ),
        (Lang::Id, Some(total)) => format!(
            "Menurut {key} {year}, {region} berada di urutan ke-{} dari {} kabupaten/kota yang angkanya tersedia dalam laporan ini ({province} memiliki {total} kabupaten/kota; {key} {best} di urutan pertama).",
            r.rank, r.of
        ),
        (Lang::Id, None) => format!(
            "Menurut {key} {year}, {region} berada di urutan ke-{} dari {} kabupaten/kota {province} yang angkanya tersedia dalam laporan ini ({key} {best} di urutan pertama).",
            r.rank, r.of
        ),
        (Lang::En, Some(total)) if total == r.of => format!(
            "By {key} in {year}, {region} ranks {} of the {total} regencies and cities of {province} ({best} {key} first).",
            r.rank
        ),
        (Lang::En, Some(total)) => format!(
            "By {key} in {year}, {region} ranks {} of the {} regencies and cities whose figures this report holds ({province} has {total}; {best} {key} first).",
            r.rank, r.of
        ),
        (Lang::En, None) => format!(
            "By {key} in {year}, {region} ranks {} of the {} regencies and cities of {province} whose figures this report holds ({best} {key} first).",
            r.rank, r.of
        ),
    }
}

/// P0 and another indicator against the province, as a quadrant with both gaps.
pub(crate) fn pair_quadrant(
    region: &str,
    p0: &Indicator,
    y: &Indicator,
    pos: &crate::analysis::PairPosition,
    lang: Lang,
) -> String {
    let numeral = pos.quadrant.numeral();
    let gap = |i: &Indicator, g: &crate::analysis::ReferenceGap| -> String {
        let size = format::number(g.diff.abs(), i.decimals.max(2), lang);
        // Percentages differ in points, as the other sentences say.
        let size = match (i.unit == Unit::Persen, lang) {
            (true, Lang::Id) => format!("{size} poin"),
            (true, Lang::En) => format!("{size} points"),
            (false, _) => size,
        };
        let key = if i.key == crate::base::indicators::keys::P0 {
            "P0".to_string()
        } else {
            i.label(lang).to_string()
        };
        match (lang, g.diff == 0.0, g.diff < 0.0, g.better) {
            (Lang::Id, true, ..) => format!("{key} sama dengan provinsi"),
            (Lang::En, true, ..) => format!("{key} equal to the province's"),
            (Lang::Id, false, below, better) => format!(
                "{key} {size} {} provinsi ({})",
                if below { "di bawah" } else { "di atas" },
                if better { "lebih baik" } else { "lebih buruk" }
            ),
            (Lang::En, false, below, better) => format!(
                "{key} {size} {} the province's ({})",
                if below { "below" } else { "above" },
                if better { "better" } else { "worse" }
            ),
        }
    };
    let year = pos.x.year;
    match lang {
        Lang::Id => format!(
            "Menurut P0 dan {} {year}, {region} berada di kuadran {numeral}: {}, {}.",
            y.label(lang),
            gap(p0, &pos.x),
            gap(y, &pos.y)
        ),
        Lang::En => format!(
            "By P0 and {} in {year}, {region} is in quadrant {numeral}: {}, {}.",
            y.label(lang),
            gap(p0, &pos.x),
            gap(y, &pos.y)
        ),
    }
}

/// The change of P0 against economic growth, both against the province: where the region
/// stands and what that quadrant means (growth that reaches the poor or not).
pub(crate) fn growth_quadrant(
    region: &str,
    from: i32,
    pos: &crate::analysis::PairPosition,
    lang: Lang,
) -> String {
    let (x, y) = (&pos.x, &pos.y);
    let year = y.year;
    let n = |v: f64| format::number(v.abs(), 2, lang);
    let s = |v: f64| format::signed(v, 2, lang);
    let change = match (lang, x.diff == 0.0, x.better) {
        (Lang::Id, true, _) => format!("P0 berubah {} poin, sama dengan provinsi", s(x.value)),
        (Lang::En, true, _) => format!("P0 changed {} points, as the province's did", s(x.value)),
        (Lang::Id, false, better) => format!(
            "P0 berubah {} poin, {} poin {} daripada provinsi ({} poin)",
            s(x.value),
            n(x.diff),
            if better { "lebih baik" } else { "kurang baik" },
            s(x.reference_value)
        ),
        (Lang::En, false, better) => format!(
            "P0 changed {} points, {} points {} than the province's ({} points)",
            s(x.value),
            n(x.diff),
            if better { "better" } else { "worse" },
            s(x.reference_value)
        ),
    };
    let growth = match (lang, y.diff == 0.0, y.diff < 0.0) {
        (Lang::Id, true, _) => format!(
            "pertumbuhan ekonomi {} persen, sama dengan provinsi",
            format::number(y.value, 2, lang)
        ),
        (Lang::En, true, _) => format!(
            "economic growth {} percent, as the province's",
            format::number(y.value, 2, lang)
        ),
        (Lang::Id, false, below) => format!(
            "pertumbuhan ekonomi {} persen, {} poin {} provinsi ({} persen)",
            format::number(y.value, 2, lang),
            n(y.diff),
            if below { "di bawah" } else { "di atas" },
            format::number(y.reference_value, 2, lang)
        ),
        (Lang::En, false, below) => format!(
            "economic growth {} percent, {} points {} the province's ({} percent)",
            format::number(y.value, 2, lang),
            n(y.diff),
            if below { "below" } else { "above" },
            format::number(y.reference_value, 2, lang)
        ),
    };
    let meaning = match (pos.quadrant, lang) {
        (Quadrant::I, Lang::Id) => {
            "Pertumbuhan yang tidak lebih rendah daripada provinsi disertai perubahan kemiskinan yang lebih baik."
        }
        (Quadrant::I, Lang::En) => {
            "Growth no lower than the province's came with a better change in poverty."
        }
        (Quadrant::II, Lang::Id) => {
            "Pertumbuhan tidak lebih rendah daripada provinsi, tetapi perubahan kemiskinannya tidak lebih baik: pertumbuhan belum cukup menjangkau penduduk miskin."
        }
        (Quadrant::II, Lang::En) => {
            "Growth was no lower than the province's, but the change in poverty was no better: growth has not yet reached the poor enough."
        }
        (Quadrant::III, Lang::Id) => {
            "Pertumbuhan dan perubahan kemiskinan sama-sama tidak lebih baik daripada provinsi."
        }
        (Quadrant::III, Lang::En) => {
            "Both growth and the change in poverty fell short of the province's."
        }
        (Quadrant::IV, Lang::Id) => {
            "Perubahan kemiskinan lebih baik daripada provinsi walaupun pertumbuhannya lebih rendah."
        }
        (Quadrant::IV, Lang::En) => {
            "Poverty changed for the better more than in the province, though growth was lower."
        }
    };
    let numeral = pos.quadrant.numeral();
    match lang {
        Lang::Id => format!(
            "Menurut perubahan P0 {from}–{year} dan pertumbuhan ekonomi {year}, {region} berada di kuadran {numeral}: {change}; {growth}. {meaning}"
        ),
        Lang::En => format!(
            "By the change of P0 {from}–{year} and economic growth in {year}, {region} is in quadrant {numeral}: {change}; {growth}. {meaning}"
        ),
    }
}

/// The quadrant against the province. A level or a change equal to the province's is said to
/// be equal, and counted on the better side (so the numbering matches the chart, where such a
/// region lies on the province's line).
pub(crate) fn quadrant(q: &QuadrantPosition, lang: Lang) -> String {
    let below = matches!(q.quadrant, Quadrant::I | Quadrant::IV);
    let better = matches!(q.quadrant, Quadrant::I | Quadrant::II);
    let level = match (q.level_tie, below, lang) {
        (true, _, Lang::Id) => "tingkat kemiskinan sama dengan provinsi",
        (true, _, Lang::En) => "poverty equal to the province's",
        (false, true, Lang::Id) => "tingkat kemiskinan di bawah provinsi",
        (false, true, Lang::En) => "poverty below the province's",
        (false, false, Lang::Id) => "tingkat kemiskinan di atas provinsi",
        (false, false, Lang::En) => "poverty above the province's",
    };
    let change = match (q.change_tie, better, lang) {
        (true, _, Lang::Id) => "perubahannya sama dengan provinsi",
        (true, _, Lang::En) => "a change equal to the province's",
        (false, true, Lang::Id) => "perubahannya lebih baik daripada provinsi",
        (false, true, Lang::En) => "a better change than the province's",
        (false, false, Lang::Id) => "perubahannya tidak lebih baik daripada provinsi",
        (false, false, Lang::En) => "a change no better than the province's",
    };
    // "but" where one half is good and the other is not; ties are neither.
    let contrast = !q.level_tie && !q.change_tie && below != better;
    let join = match (contrast, lang) {
        (true, Lang::Id) => ", tetapi ",
        (false, Lang::Id) => " dan ",
        (true, Lang::En) => ", but ",
        (false, Lang::En) => " and ",
    };
    let name = q.quadrant.numeral();
    let tie = match (q.level_tie || q.change_tie, lang) {
        (false, _) => "",
        (true, Lang::Id) => "; nilai yang sama dengan provinsi dihitung di sisi yang lebih baik",
        (true, Lang::En) => "; a value equal to the province's counts on the better side",
    };
    match lang {
        Lang::Id => format!(
            "Kuadran {name}: {level}{join}{change} (dibandingkan dengan {}{tie}).",
            q.from_year
        ),
        Lang::En => format!(
            "Quadrant {name}: {level}{join}{change} (since {}{tie}).",
            q.from_year
        ),
    }
}

/// The programmes of a year in one sentence: how much, how many, how much realised.
pub(crate) fn budget(
    summary: &crate::analysis::budget::BudgetSummary,
    year: i32,
    lang: Lang,
) -> String {
    let t = &summary.total;
    let budget = format::rupiah_short(t.budget, lang);
    let opd = summary.by_agency.len();
    let mut out = if id(lang) {
        format!(
            "Pada {year} dialokasikan {budget} untuk {} sub-kegiatan penanggulangan kemiskinan di {opd} perangkat daerah",
            t.count
        )
    } else {
        format!(
            "In {year}, {budget} was allocated to {} poverty-reduction sub-activities in {opd} agencies",
            t.count
        )
    };
    match t.rate() {
        Some(rate) => {
            let realised = format::rupiah_short(t.realised, lang);
            let rate = format::number(rate, 2, lang);
            out.push_str(&if id(lang) {
                format!("; realisasinya {realised} ({rate} persen dari alokasi yang dilaporkan)")
            } else {
                format!("; {realised} was realised ({rate} percent of the allocation reported)")
            });
        }
        None => out.push_str(if id(lang) {
            "; realisasinya belum dilaporkan"
        } else {
            "; no realisation has been reported yet"
        }),
    }
    if t.unreported > 0 && t.rate().is_some() {
        out.push_str(&if id(lang) {
            format!(", {} sub-kegiatan belum melaporkan realisasi", t.unreported)
        } else {
            format!(", {} sub-activities have not reported one", t.unreported)
        });
    }
    out.push('.');
    out
}

/// The poverty pockets in one sentence: villages, districts, the most, those with none.
pub(crate) fn pockets(pockets: &crate::model::Pockets, mapped: i32, lang: Lang) -> Option<String> {
    let counted: Vec<(&str, u32)> = pockets
        .districts
        .iter()
        .filter_map(|d| d.villages.map(|v| (d.name.as_str(), v)))
        .collect();
    if counted.is_empty() {
        return None;
    }
    let total: u32 = counted.iter().map(|(_, v)| v).sum();
    let with: usize = counted.iter().filter(|(_, v)| *v > 0).count();
    let max = counted.iter().map(|(_, v)| *v).max().unwrap_or(0);
    let most: Vec<&str> = counted
        .iter()
        .filter(|(_, v)| *v == max)
        .map(|(n, _)| *n)
        .collect();
    let none: Vec<&str> = counted
        .iter()
        .filter(|(_, v)| *v == 0)
        .map(|(n, _)| *n)
        .collect();
    let all = counted.len();
    let mut out = if id(lang) {
        format!(
            "Pemetaan {mapped} menetapkan {total} desa prioritas di {with} dari {all} kecamatan; terbanyak di {} ({max} desa)",
            most.join(", ")
        )
    } else {
        format!(
            "The {mapped} mapping names {total} priority villages in {with} of {all} districts; most in {} ({max} villages)",
            most.join(", ")
        )
    };
    if !none.is_empty() {
        out.push_str(&if id(lang) {
            format!("; tanpa desa prioritas: {}", none.join(", "))
        } else {
            format!("; none in {}", none.join(", "))
        });
    }
    out.push('.');
    Some(out)
}

/// Decile 1 per kecamatan, where the pocket file gives it: the total, in how many kecamatan,
/// and where most are.
pub(crate) fn decile_one(pockets: &crate::model::Pockets, lang: Lang) -> Option<String> {
    use crate::model::pockets::DecileOne;
    let (rows, unit) = match pockets.decile_one() {
        DecileOne::Persons(rows) => (rows, if id(lang) { "jiwa" } else { "people" }),
        DecileOne::Households(rows) => (
            rows,
            if id(lang) {
                "rumah tangga"
            } else {
                "households"
            },
        ),
        DecileOne::None => return None,
    };
    let total: f64 = rows.iter().map(|(_, v)| v).sum();
    let max = rows.iter().map(|(_, v)| *v).fold(f64::MIN, f64::max);
    let most: Vec<&str> = rows
        .iter()
        .filter(|(_, v)| *v == max)
        .map(|(n, _)| *n)
        .collect();
    let (total, max, k) = (
        format::number(total, 0, lang),
        format::number(max, 0, lang),
        rows.len(),
    );
    Some(if id(lang) {
        format!(
            "Desil 1 (10 persen terbawah menurut kesejahteraan) berjumlah {total} {unit} di {k} kecamatan; terbanyak di {} ({max} {unit}).",
            most.join(", ")
        )
    } else {
        format!(
            "Decile 1 (the poorest tenth by welfare) counts {total} {unit} in {k} districts; most in {} ({max} {unit}).",
            most.join(", ")
        )
    })
}

/// `["3.1", "3.2", "3.3"]` → `3.1–3.3`; `["3.1", "3.2"]` → `3.1 dan 3.2`; one → itself. The
/// numbers of one chapter, in order, as the view gives them.
fn number_range(numbers: &[String], lang: Lang) -> String {
    match numbers {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} {} {b}", if id(lang) { "dan" } else { "and" }),
        [first, .., last] => format!("{first}–{last}"),
    }
}

/// The sentence that points at a chapter's computed tables and figures by number: "Angka bab
/// ini disajikan pada Tabel 3.1 serta Gambar 3.1–3.4, beserta sumbernya."; `None` when the
/// chapter has neither.
pub(crate) fn exhibits(tables: &[String], figures: &[String], lang: Lang) -> Option<String> {
    let (table, tables_word, figure, figures_word) = if id(lang) {
        ("Tabel", "Tabel", "Gambar", "Gambar")
    } else {
        ("Table", "Tables", "Figure", "Figures")
    };
    let part = |numbers: &[String], one: &str, many: &str| {
        (!numbers.is_empty()).then(|| {
            let word = if numbers.len() == 1 { one } else { many };
            format!("{word} {}", number_range(numbers, lang))
        })
    };
    let parts: Vec<String> = [
        part(tables, table, tables_word),
        part(figures, figure, figures_word),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        return None;
    }
    Some(if id(lang) {
        format!(
            "Angka bab ini disajikan pada {}, beserta sumbernya.",
            parts.join(" serta ")
        )
    } else {
        format!(
            "The figures of this chapter are given in {}, with their sources.",
            parts.join(" as well as ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::{change, quadrant, rank, references, relevance, target};
    use crate::analysis::tests::{add, reference, series};
    use crate::analysis::{self as an, Quadrant, QuadrantPosition, Rank};
    use crate::base::indicators::Catalog;
    use crate::base::lang::Lang;

    #[test]
    fn blitar_2025_change_sentence() {
        let catalog = Catalog::default();
        let p0 = catalog.get("p0").unwrap();
        let poor = catalog.get("jumlah_penduduk_miskin").unwrap();
        let mut s = series("p0", &[(2024, 8.16), (2025, 7.57)]);
        add(
            &mut s,
            "jumlah_penduduk_miskin",
            &[(2024, 95.91), (2025, 89.04)],
        );
        let c = an::year_change(&s, p0, 2025).unwrap();
        let pc = an::year_change(&s, poor, 2025).unwrap();
        assert_eq!(
            change(p0, Some(&c), 2025, Some((poor, &pc)), Lang::Id),
            "Tingkat kemiskinan turun 0,59 persen poin, dari 8,16 persen (2024) menjadi 7,57 persen (2025); jumlah penduduk miskin berkurang 6,87 ribu jiwa."
        );
        assert_eq!(
            change(p0, Some(&c), 2025, Some((poor, &pc)), Lang::En),
            "The poverty rate fell by 0.59 percentage points, from 8.16 percent (2024) to 7.57 percent (2025); the number of poor fell by 6.87 thousand people."
        );
    }

    #[test]
    fn a_gap_and_a_missing_year_are_named() {
        let catalog = Catalog::default();
        let p0 = catalog.get("p0").unwrap();
        let s = series("p0", &[(2016, 9.88), (2023, 8.69)]);
        let c = an::year_change(&s, p0, 2023).unwrap();
        assert_eq!(
            change(p0, Some(&c), 2023, None, Lang::Id),
            "Tingkat kemiskinan turun 1,19 persen poin, dari 9,88 persen (2016) menjadi 8,69 persen (2023), dibandingkan dengan 2016 karena tahun di antaranya belum memiliki angka."
        );
        assert_eq!(
            change(p0, None, 2016, None, Lang::Id),
            "Perubahan tingkat kemiskinan tahun 2016 belum dapat dihitung karena belum ada angka tahun sebelumnya."
        );
    }

    #[test]
    fn blitar_2022_reference_and_target_sentences() {
        let catalog = Catalog::default();
        let p0 = catalog.get("p0").unwrap();
        let mut s = series("p0", &[(2019, 9.33), (2020, 9.33), (2022, 8.71)]);
        s.targets.entry("p0".into()).or_default().insert(2026, 8.88);
        let gaps = vec![
            an::reference_gap(
                &s,
                &reference("Provinsi Jawa Timur", &[(2022, 10.38)]),
                p0,
                2022,
            )
            .unwrap(),
            an::reference_gap(&s, &reference("Indonesia", &[(2022, 9.54)]), p0, 2022).unwrap(),
        ];
        assert_eq!(
            references("Kabupaten Blitar", p0, &gaps, Lang::Id),
            "P0 Kabupaten Blitar 2022 (8,71 persen) 1,67 poin di bawah Provinsi Jawa Timur (10,38 persen) dan 0,83 poin di bawah Indonesia (9,54 persen)."
        );
        // RPJMD 2021–2026: graded from the 2020 baseline, (8,71 − 9,33) ÷ (8,88 − 9,33).
        s.target_period = Some((2021, 2026));
        let t = an::target_attainment(&s, p0, 2022).unwrap();
        assert_eq!(
            target(p0, &t, Lang::Id),
            "Target RPJMD 2026 untuk tingkat kemiskinan (8,88 persen) tercapai: angka 2022 sebesar 8,71 persen, 0,17 poin lebih baik. Capaian terhadap penurunan yang ditargetkan sejak 2020 (9,33 persen) sebesar 137,78 persen, kategori sangat tinggi."
        );
    }

    #[test]
    fn a_target_not_yet_met_compares_paces() {
        let catalog = Catalog::default();
        let p0 = catalog.get("p0").unwrap();
        let mut s = series("p0", &[(2022, 11.22), (2025, 10.58)]);
        s.targets.entry("p0".into()).or_default().insert(2026, 10.0);
        let t = an::target_attainment(&s, p0, 2025).unwrap();
        assert_eq!(
            target(p0, &t, Lang::Id),
            "Target RPJMD 2026 untuk tingkat kemiskinan (10,00 persen) belum tercapai: angka 2025 sebesar 10,58 persen, masih 0,58 poin dari target. Capaian menurut rumus (2 × target − realisasi) ÷ target sebesar 94,20 persen, kategori tinggi (angka tahun dasar rencana tidak diketahui); kategori sangat tinggi hanya untuk target yang tercapai. Untuk mencapainya pada 2026 diperlukan rata-rata turun 0,58 poin per tahun; sejak 2022 rata-rata turun 0,21 poin per tahun."
        );
        assert_eq!(
            target(p0, &t, Lang::En),
            "The RPJMD target for 2026 for the poverty rate (10.00 percent) is not reached: 10.58 percent in 2025, still 0.58 points away. Attainment by (2 × target − actual) ÷ target: 94.20 percent, high (the plan's baseline is unknown); very high is given only to a target that is reached. Reaching it by 2026 needs an average fall of 0.58 points a year; since 2022 it fell by 0.21 points a year on average."
        );
    }

    #[test]
    fn a_higher_is_better_target_and_a_target_no_better_than_its_baseline() {
        let catalog = Catalog::default();
        let ipm = catalog.get("ipm").unwrap();
        // IPM 70,00 (2020) → 71,20 (2024) against 72,00 for 2026, plan 2021–2026: the rise
        // achieved over the rise asked, (71,20 − 70,00) ÷ (72,00 − 70,00) = 60 %, rendah.
        let mut s = series("ipm", &[(2020, 70.0), (2024, 71.2)]);
        s.targets
            .entry("ipm".into())
            .or_default()
            .insert(2026, 72.0);
        s.target_period = Some((2021, 2026));
        let t = an::target_attainment(&s, ipm, 2024).unwrap();
        assert_eq!((t.percent, t.band), (Some(60.0), Some(an::Band::Rendah)));
        assert!(target(ipm, &t, Lang::Id).contains(
            "Capaian terhadap kenaikan yang ditargetkan sejak 2020 (70,00) sebesar 60,00 persen, kategori rendah."
        ));
        // A target below its baseline asks for no rise: the ratio to the target, said so.
        s.targets
            .entry("ipm".into())
            .or_default()
            .insert(2026, 69.0);
        let t = an::target_attainment(&s, ipm, 2024).unwrap();
        assert_eq!(t.formula, Some(an::AttainmentFormula::Ratio));
        assert!(target(ipm, &t, Lang::Id).contains(
            "Capaian menurut rumus realisasi ÷ target sebesar 103,19 persen, kategori sangat tinggi (target tidak lebih baik daripada angka tahun dasar 2020)."
        ));
    }

    #[test]
    fn relevance_rank_and_quadrant_sentences() {
        let catalog = Catalog::default();
        let p0 = catalog.get("p0").unwrap();
        let s = series("p0", &[(2024, 8.16), (2025, 7.57)]);
        let jatim = reference("Provinsi Jawa Timur", &[(2024, 9.79), (2025, 9.50)]);
        let nation = reference("Indonesia", &[(2024, 9.03), (2025, 8.47)]);
        let rels = vec![
            an::relevance(&s, &jatim, p0, 2025).unwrap(),
            an::relevance(&s, &nation, p0, 2025).unwrap(),
        ];
        assert_eq!(
            relevance(
                "Kabupaten Blitar",
                Some("Provinsi Jawa Timur"),
                p0,
                &rels,
                Lang::Id
            ),
            "Perubahan 2024–2025 P0 relevan terhadap Provinsi Jawa Timur dan Indonesia, serta efektif (membaik dari angka sebelumnya); Kabupaten Blitar (turun 0,59 poin) membaik lebih cepat daripada Provinsi Jawa Timur (turun 0,29 poin)."
        );
        let mut r = Rank {
            rank: 1,
            of: 2,
            order: vec![],
            province_total: None,
        };
        let said = |r: &Rank| {
            rank(
                "Kabupaten Blitar",
                "Provinsi Jawa Timur",
                p0,
                2025,
                r,
                Lang::Id,
            )
        };
        assert_eq!(
            said(&r),
            "Menurut P0 2025, Kabupaten Blitar berada di urutan ke-1 dari 2 kabupaten/kota Provinsi Jawa Timur yang angkanya tersedia dalam laporan ini (P0 terendah di urutan pertama)."
        );
        // Jawa Timur has 38: two of them is not a rank in the province, and says so.
        let alone = Rank {
            rank: 1,
            of: 1,
            order: vec![],
            province_total: Some(38),
        };
        assert_eq!(
            said(&alone),
            "Di antara 38 kabupaten/kota Provinsi Jawa Timur, baru angka P0 2025 Kabupaten Blitar yang tersedia dalam laporan ini, sehingga urutannya belum dapat ditentukan."
        );
        r.province_total = Some(38);
        assert_eq!(
            said(&r),
            "Menurut P0 2025, Kabupaten Blitar berada di urutan ke-1 dari 2 kabupaten/kota yang angkanya tersedia dalam laporan ini (Provinsi Jawa Timur memiliki 38 kabupaten/kota; P0 terendah di urutan pertama)."
        );
        // All 38 ranked: a rank in the province.
        r.of = 38;
        r.rank = 5;
        assert_eq!(
            said(&r),
            "Menurut P0 2025, Kabupaten Blitar berada di peringkat ke-5 dari 38 kabupaten/kota di Provinsi Jawa Timur (P0 terendah di peringkat pertama)."
        );
        let q = QuadrantPosition {
            quadrant: Quadrant::I,
            level_tie: false,
            change_tie: false,
            level_diff: -1.93,
            change_diff: -0.30,
            from_year: 2024,
        };
        assert_eq!(
            quadrant(&q, Lang::Id),
            "Kuadran I: tingkat kemiskinan di bawah provinsi dan perubahannya lebih baik daripada provinsi (dibandingkan dengan 2024)."
        );
        let q = QuadrantPosition {
            quadrant: Quadrant::IV,
            level_tie: false,
            change_tie: false,
            level_diff: -1.93,
            change_diff: 0.30,
            from_year: 2024,
        };
        assert_eq!(
            quadrant(&q, Lang::Id),
            "Kuadran IV: tingkat kemiskinan di bawah provinsi, tetapi perubahannya tidak lebih baik daripada provinsi (dibandingkan dengan 2024)."
        );
        // A change equal to the province's is said to be equal, and counted as not slower.
        let q = QuadrantPosition {
            quadrant: Quadrant::II,
            level_tie: false,
            change_tie: true,
            level_diff: 2.57,
            change_diff: 0.0,
            from_year: 2021,
        };
        assert_eq!(
            quadrant(&q, Lang::Id),
            "Kuadran II: tingkat kemiskinan di atas provinsi dan perubahannya sama dengan provinsi (dibandingkan dengan 2021; nilai yang sama dengan provinsi dihitung di sisi yang lebih baik)."
        );
        assert_eq!(
            quadrant(&q, Lang::En),
            "Quadrant II: poverty above the province's and a change equal to the province's (since 2021; a value equal to the province's counts on the better side)."
        );
    }

    #[test]
    fn rising_and_unchanged_figures_are_never_called_an_improvement() {
        let catalog = Catalog::default();
        let p0 = catalog.get("p0").unwrap();
        let kediri = series("p0", &[(2020, 7.69), (2021, 7.75)]);
        let jatim = reference("Provinsi Jawa Timur", &[(2020, 11.09), (2021, 11.40)]);
        let rels = vec![an::relevance(&kediri, &jatim, p0, 2021).unwrap()];
        assert_eq!(
            relevance(
                "Kota Kediri",
                Some("Provinsi Jawa Timur"),
                p0,
                &rels,
                Lang::Id
            ),
            "Perubahan 2020–2021 P0 relevan terhadap Provinsi Jawa Timur, serta belum efektif (tidak membaik dari angka sebelumnya); Kota Kediri (naik 0,06 poin) memburuk lebih sedikit daripada Provinsi Jawa Timur (naik 0,31 poin)."
        );
        let flat = series("p0", &[(2020, 7.15), (2021, 7.15)]);
        let rels = vec![an::relevance(&flat, &jatim, p0, 2021).unwrap()];
        let text = relevance(
            "Kota Kediri",
            Some("Provinsi Jawa Timur"),
            p0,
            &rels,
            Lang::Id,
        );
        assert!(text.contains("Kota Kediri (tetap) berubah lebih baik daripada Provinsi Jawa Timur (naik 0,31 poin)"), "{text}");
        // Without the province, no speed is claimed against a stand-in.
        let nation = reference("Indonesia", &[(2020, 10.19), (2021, 10.14)]);
        let rels = vec![an::relevance(&kediri, &nation, p0, 2021).unwrap()];
        let text = relevance(
            "Kota Kediri",
            Some("Provinsi Jawa Timur"),
            p0,
            &rels,
            Lang::Id,
        );
        assert!(!text.contains("daripada"), "{text}");
    }

    #[test]
    fn exhibits_are_named_by_their_numbers() {
        let n = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            super::exhibits(&n(&["3.1"]), &n(&["3.1", "3.2", "3.3", "3.4"]), Lang::Id).as_deref(),
            Some("Angka bab ini disajikan pada Tabel 3.1 serta Gambar 3.1–3.4, beserta sumbernya.")
        );
        assert_eq!(
            super::exhibits(&n(&[]), &n(&["4.1", "4.2"]), Lang::En).as_deref(),
            Some(
                "The figures of this chapter are given in Figures 4.1 and 4.2, with their sources."
            )
        );
        assert_eq!(super::exhibits(&[], &[], Lang::Id), None);
    }
}
