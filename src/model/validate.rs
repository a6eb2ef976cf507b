//! Raw documents → validated site. Every problem in every file is reported; a file with errors
//! still yields what could be read so that later checks can run on the rest.

use super::values::{
    FIRST_YEAR, LAST_YEAR, checked_year, decimal_comma_after, duplicate, duplicate_key,
    parse_figure,
};
use super::{
    Chapter, Figure, Narrative, Reference, Region, Series, Site, SiteConfig, Tkpk, YearData,
};
use crate::base::diagnostics::{Diagnostic, Diagnostics, SourceText, at};
use crate::base::indicators::keys;
use crate::base::indicators::{Catalog, Unit};
use crate::base::messages::{Message, Text};
use crate::base::suggest::{nearest, suggestion};
use crate::content::messages::LoadMessage;
use crate::content::{
    Level, RawFigure, RawNarrative, RawReferenceFile, RawSeries, RawSite, RawYearTable, Sourced,
};
use crate::model::messages::ModelMessage;
use rayon::prelude::*;
use serde_saphyr::Spanned;
use std::collections::{BTreeMap, BTreeSet};

/// A yearly change above this many points of a percentage is worth a second look.
const IMPLAUSIBLE_JUMP: f64 = 5.0;
/// Folder names the output uses itself.
pub(crate) const RESERVED_SLUGS: &[&str] =
    &["assets", "provinsi", "data", "referensi", "cari", "en"];

/// `2025`, `"2025"` → 2025; anything else is reported.
pub(super) fn parse_year(
    key: &Spanned<String>,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<i32> {
    let text = key.value.trim();
    match text.parse::<i64>() {
        Ok(y) if (FIRST_YEAR..=LAST_YEAR).contains(&y) => Some(y as i32),
        _ => {
            diagnostics.push(
                Diagnostic::error(ModelMessage::BadYear {
                    text: key.value.clone(),
                })
                .at(at(source, key))
                .hint(ModelMessage::HintYear),
            );
            None
        }
    }
}

/// Checks an indicator key against the catalogue.
fn check_key(
    key: &Spanned<String>,
    catalog: &Catalog,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> bool {
    if catalog.get(&key.value).is_some() {
        return true;
    }
    let keys = catalog.keys();
    let hint = match key.value.strip_suffix("_sep") {
        Some(base) if catalog.get(base).is_some() => Message::HintDidYouMean {
            suggestion: format!("data_september: … {base}"),
        },
        _ => suggestion(&key.value, &keys),
    };
    diagnostics.push(
        Diagnostic::error(ModelMessage::UnknownIndicator {
            key: key.value.clone(),
        })
        .at(at(source, key))
        .hint(hint),
    );
    false
}

/// Range checks that need only the figure itself.
fn check_range(
    key: &Spanned<String>,
    value: f64,
    figure: &RawFigure,
    catalog: &Catalog,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> bool {
    let Some(indicator) = catalog.get(&key.value) else {
        return false;
    };
    super::values::within_range(
        (&key.value, &indicator.unit),
        (value, figure),
        ModelMessage::HintCheckFigure,
        source,
        diagnostics,
    )
}

/// The number of poor against P0 of the same year: their ratio is the population, which has
/// a plausible size for a kab/kota (10 thousand to 10 million), a province (500 thousand to
/// 60 million) and the nation (200 to 400 million). A warning at the number of poor when not:
/// people counted one by one, or thousands written with a dot, in a field of thousands.
fn implied_population(
    march: &FigureTable,
    scope: Scope,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) {
    let (low, high) = match scope {
        Scope::Region => (10.0, 10_000.0),
        Scope::Province => (500.0, 60_000.0),
        Scope::Nation => (200_000.0, 400_000.0),
    };
    for (year, figures) in march {
        let (Some((p0, _)), Some((poor, (line, column)))) =
            (figures.get(keys::P0), figures.get(keys::POOR))
        else {
            continue;
        };
        if p0.value <= 0.0 {
            continue;
        }
        let population = poor.value / (p0.value / 100.0);
        if !(low..=high).contains(&population) {
            diagnostics.push(
                Diagnostic::warning(ModelMessage::ImpliedPopulation {
                    year: *year,
                    poor: poor.value,
                    p0: p0.value,
                    population,
                })
                .at(source.location(*line, *column))
                .hint(ModelMessage::HintImplausible)
                .doubtful(),
            );
        }
    }
}

/// Whose figures a series holds: the plausible size of a number of people depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scope {
    Region,
    Province,
    Nation,
}

/// A number of people (in thousands) written with two or more thousands dots
/// (`1.234.567`): refused with how to write it in thousands. One dot (`85.280`) reads the same
/// either way (85,28 thousand).
fn people_thousands(
    figure: &RawFigure,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> bool {
    let Some(digits) = super::values::thousands_separated(figure, source) else {
        return false;
    };
    let location = at(source, figure);
    let written = location.written().trim_matches(['"', '\'']).to_string();
    if written.matches('.').count() < 2 {
        return false;
    }
    let thousands = digits.parse::<f64>().map(|v| v / 1000.0).unwrap_or(0.0);
    diagnostics.push(
        Diagnostic::error(ModelMessage::ThousandsSeparator { text: written })
            .at(location)
            .hint(ModelMessage::HintThousands {
                fixed: crate::base::format::plain(thousands),
            }),
    );
    true
}

/// A figure possible but not plausible: a poverty line under Rp50.000 or over Rp5.000.000 a
/// month, more poor people than a kab/kota (2 million), a province (10 million) or the nation
/// (100 million) has. A warning at its place, with what the figure would mean.
fn plausible(
    key: &Spanned<String>,
    value: f64,
    figure: &RawFigure,
    (catalog, scope): (&Catalog, Scope),
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) {
    let Some(indicator) = catalog.get(&key.value) else {
        return;
    };
    let range = match indicator.unit {
        // The non-food line was under Rp50.000 until about 2010–2012; the lines together never.
        Unit::RupiahKapitaBulan if indicator.key == keys::NON_FOOD_LINE => (10_000.0, 5_000_000.0),
        Unit::RupiahKapitaBulan => (50_000.0, 5_000_000.0),
        // Thousands of people: a province has at least tens of thousands of poor people and
        // the nation millions (25.220 written for 25 220 thousand reads 25,22 thousand).
        Unit::RibuJiwa => match scope {
            Scope::Region => (0.0, 2_000.0),
            Scope::Province => (10.0, 10_000.0),
            Scope::Nation => (1_000.0, 100_000.0),
        },
        _ => return,
    };
    if (range.0..=range.1).contains(&value) {
        return;
    }
    diagnostics.push(
        Diagnostic::warning(ModelMessage::Implausible {
            indicator: key.value.clone(),
            value,
            unit: indicator
                .unit
                .label(crate::base::lang::Lang::Id)
                .to_string(),
            low: range.0,
            high: range.1,
        })
        .at(at(source, figure))
        .hint(ModelMessage::HintImplausible)
        .doubtful(),
    );
}

type FigureTable = BTreeMap<i32, BTreeMap<String, (Figure, RawLocation)>>;
type RawLocation = (usize, usize);

/// `{YEAR: {KEY: figure}}` → validated figures with their sources and where they were written.
fn figure_table(
    table: &RawYearTable<RawFigure>,
    default_source: &str,
    sources: &RawYearTable<Spanned<String>>,
    (catalog, scope): (&Catalog, Scope),
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> FigureTable {
    let mut out: FigureTable = BTreeMap::new();
    for (year_key, row) in &table.0 {
        let year = parse_year(year_key, source, diagnostics);
        if let Some(y) = year
            && out.contains_key(&y)
        {
            diagnostics.push(duplicate(
                ModelMessage::DuplicateYear {
                    year: y.to_string(),
                },
                source,
                year_key,
            ));
            continue;
        }
        let mut figures = BTreeMap::new();
        for (i, (key, figure)) in row.0.iter().enumerate() {
            // `{p0: 8,79}` is read as `p0: 8` and a key `79`: a decimal comma in a one-line
            // mapping. Said as such, and the `8` is not kept.
            if let Some((previous_key, previous)) = i.checked_sub(1).map(|p| &row.0[p])
                && decimal_comma_after(previous, (key, figure), source, diagnostics)
            {
                figures.remove(&previous_key.value);
                continue;
            }
            let known = check_key(key, catalog, source, diagnostics);
            let unit = catalog.get(&key.value).map(|i| &i.unit);
            // Thousands written with dots read wrong in YAML: refused before they are read.
            let value = match unit {
                Some(Unit::RupiahKapitaBulan)
                    if super::values::thousands_dots(figure, source, diagnostics) =>
                {
                    None
                }
                Some(Unit::RibuJiwa) if people_thousands(figure, source, diagnostics) => None,
                _ => parse_figure(figure, source, diagnostics),
            };
            if figures.contains_key(&key.value) {
                diagnostics.push(duplicate_key(key, source));
                continue;
            }
            if let (true, Some(v)) = (known, value)
                && check_range(key, v, figure, catalog, source, diagnostics)
            {
                plausible(key, v, figure, (catalog, scope), source, diagnostics);
                figures.insert(
                    key.value.clone(),
                    (
                        Figure {
                            value: v,
                            source: default_source.to_string(),
                            illustrative: false,
                        },
                        (
                            figure.referenced.line() as usize,
                            figure.referenced.column() as usize,
                        ),
                    ),
                );
            }
        }
        if let Some(y) = year {
            out.insert(y, figures);
        }
    }
    for (year_key, row) in &sources.0 {
        let Some(year) = parse_year(year_key, source, diagnostics) else {
            continue;
        };
        for (key, text) in &row.0 {
            match out.get_mut(&year).and_then(|m| m.get_mut(&key.value)) {
                Some((figure, _)) => figure.source = text.value.trim().to_string(),
                None => diagnostics.push(
                    Diagnostic::warning(ModelMessage::SourceForMissingFigure {
                        year,
                        key: key.value.clone(),
                    })
                    .at(at(source, key)),
                ),
            }
        }
    }
    out
}

/// Checks that need several figures: P2 ≤ P1, and implausible yearly jumps.
fn check_consistency(
    table: &FigureTable,
    catalog: &Catalog,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) {
    for (year, row) in table {
        if let (Some((p1, _)), Some((p2, at_p2))) = (row.get(keys::P1), row.get(keys::P2))
            && p2.value > p1.value
        {
            diagnostics.push(
                Diagnostic::error(ModelMessage::P2AboveP1 {
                    year: *year,
                    p1: p1.value,
                    p2: p2.value,
                })
                .at(source.location(at_p2.0, at_p2.1))
                .hint(ModelMessage::HintCheckFigure),
            );
        }
    }
    for indicator in catalog.iter().filter(|i| i.unit == Unit::Persen) {
        let points: Vec<(i32, f64, RawLocation)> = table
            .iter()
            .filter_map(|(y, row)| row.get(&indicator.key).map(|(f, l)| (*y, f.value, *l)))
            .collect();
        for pair in points.windows(2) {
            let ((y0, v0, _), (y1, v1, loc)) = (pair[0], pair[1]);
            if y1 - y0 == 1 && (v1 - v0).abs() > IMPLAUSIBLE_JUMP {
                diagnostics.push(
                    Diagnostic::warning(ModelMessage::ImplausibleJump {
                        indicator: indicator.key.clone(),
                        from_year: y0,
                        to_year: y1,
                        rose: v1 > v0,
                        change: crate::base::format::round_to((v1 - v0).abs(), 2),
                    })
                    .at(source.location(loc.0, loc.1))
                    .hint(ModelMessage::HintCheckFigure)
                    .doubtful(),
                );
            }
        }
    }
}

fn strip_locations(table: FigureTable) -> BTreeMap<i32, BTreeMap<String, Figure>> {
    table
        .into_iter()
        .map(|(y, row)| (y, row.into_iter().map(|(k, (f, _))| (k, f)).collect()))
        .collect()
}

/// Validates the figures of one indicator or reference file.
pub(crate) fn validate_series(
    raw: RawSeries<'_>,
    (catalog, scope): (&Catalog, Scope),
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Series {
    let default_source = raw.sumber.trim();
    let mut march = figure_table(
        raw.data,
        default_source,
        raw.sumber_data,
        (catalog, scope),
        source,
        diagnostics,
    );
    check_consistency(&march, catalog, source, diagnostics);
    let september = figure_table(
        raw.data_september,
        default_source,
        raw.sumber_data_september,
        (catalog, scope),
        source,
        diagnostics,
    );
    check_consistency(&september, catalog, source, diagnostics);
    let mut targets: BTreeMap<String, BTreeMap<i32, f64>> = BTreeMap::new();
    for (key, years) in &raw.target.0 {
        if !check_key(key, catalog, source, diagnostics) {
            continue;
        }
        let entry = targets.entry(key.value.clone()).or_default();
        for (year_key, figure) in &years.0 {
            let year = parse_year(year_key, source, diagnostics);
            let value = parse_figure(figure, source, diagnostics);
            if let (Some(y), Some(v)) = (year, value) {
                match entry.entry(y) {
                    std::collections::btree_map::Entry::Occupied(_) => diagnostics.push(duplicate(
                        ModelMessage::DuplicateYear {
                            year: y.to_string(),
                        },
                        source,
                        year_key,
                    )),
                    std::collections::btree_map::Entry::Vacant(slot) => {
                        if check_range(key, v, figure, catalog, source, diagnostics) {
                            slot.insert(v);
                        }
                    }
                }
            }
        }
    }
    let target_period = raw
        .periode_target
        .and_then(|p| target_period(p, &targets, source, diagnostics));
    implied_population(&march, scope, source, diagnostics);
    let periods = survey_periods(raw.periode, &march, source, diagnostics);
    mark_illustrative(raw.ilustrasi, &mut march, source, diagnostics);
    Series {
        march: strip_locations(march),
        september: strip_locations(september),
        targets,
        target_source: raw.sumber_target.map(str::to_string),
        target_period,
        periods,
    }
}

/// `ilustrasi: {YEAR: [KEY, …]}`: marks those March figures illustrative. A mark on a figure
/// that is not there is a warning: it marks nothing, and the figure written later would not
/// be marked.
fn mark_illustrative(
    raw: &crate::content::yaml::Entries<Spanned<String>, Vec<Spanned<String>>>,
    march: &mut FigureTable,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) {
    for (year_key, keys) in &raw.0 {
        let Some(year) = parse_year(year_key, source, diagnostics) else {
            continue;
        };
        for key in keys {
            match march
                .get_mut(&year)
                .and_then(|m| m.get_mut(key.value.trim()))
            {
                Some((figure, _)) => figure.illustrative = true,
                None => diagnostics.push(
                    Diagnostic::warning(ModelMessage::IllustrativeWithoutFigure {
                        year,
                        key: key.value.trim().to_string(),
                    })
                    .at(at(source, key))
                    .hint(ModelMessage::HintIllustrativeMark),
                ),
            }
        }
    }
}

/// `periode: {YEAR: text}`: a short text for each year whose figures come from another round
/// than March; a year without figures is worth a warning (nothing shows it).
fn survey_periods(
    raw: &crate::content::yaml::Entries<Spanned<String>, Spanned<String>>,
    march: &FigureTable,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<i32, String> {
    let mut out = BTreeMap::new();
    for (year_key, text) in &raw.0 {
        let Some(year) = parse_year(year_key, source, diagnostics) else {
            continue;
        };
        let t = text.value.trim();
        if t.is_empty() || t.chars().count() > 40 {
            diagnostics.push(
                Diagnostic::error(ModelMessage::BadSurveyPeriod {
                    text: t.chars().take(40).collect(),
                })
                .at(at(source, text))
                .hint(ModelMessage::HintSurveyPeriod),
            );
            continue;
        }
        if out.contains_key(&year) {
            diagnostics.push(duplicate(
                ModelMessage::DuplicateYear {
                    year: year.to_string(),
                },
                source,
                year_key,
            ));
            continue;
        }
        if !march.contains_key(&year) {
            diagnostics.push(
                Diagnostic::warning(ModelMessage::SurveyPeriodWithoutFigures { year })
                    .at(at(source, year_key))
                    .hint(ModelMessage::HintSurveyPeriod),
            );
        }
        out.insert(year, t.to_string());
    }
    out
}

/// `periode_target: {mulai, akhir}`: both years valid, in order; a target outside it is
/// worth a warning (it will show in no report).
fn target_period(
    raw: &crate::content::RawPeriod,
    targets: &BTreeMap<String, BTreeMap<i32, f64>>,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<(i32, i32)> {
    let (first, last) = (
        checked_year(&raw.mulai, source, diagnostics),
        checked_year(&raw.akhir, source, diagnostics),
    );
    let (first, last) = (first?, last?);
    if first > last {
        diagnostics.push(
            Diagnostic::error(ModelMessage::PeriodReversed { first, last })
                .at(at(source, &raw.akhir))
                .hint(ModelMessage::HintPeriod),
        );
        return None;
    }
    for (key, years) in targets {
        for y in years.keys().filter(|y| !(first..=last).contains(*y)) {
            diagnostics.push(
                Diagnostic::warning(ModelMessage::TargetOutsidePeriod {
                    key: key.clone(),
                    year: *y,
                    first,
                    last,
                })
                .at(at(source, &raw.mulai))
                .hint(ModelMessage::HintPeriod),
            );
        }
    }
    Some((first, last))
}

/// Whether `slug` can name a regency folder: lowercase a–z, digits and inner hyphens.
pub(crate) fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

fn check_slug(slug: &str, shown_at: &std::path::Path, diagnostics: &mut Diagnostics) -> bool {
    if !valid_slug(slug) {
        diagnostics.push(
            Diagnostic::error(ModelMessage::BadSlug {
                slug: slug.to_string(),
            })
            .in_file(shown_at)
            .hint(ModelMessage::HintSlug),
        );
        return false;
    }
    if RESERVED_SLUGS.contains(&slug) {
        diagnostics.push(
            Diagnostic::error(ModelMessage::ReservedSlug {
                slug: slug.to_string(),
            })
            .in_file(shown_at)
            .hint(ModelMessage::HintSlug),
        );
        return false;
    }
    true
}

fn check_code(
    code: &Spanned<String>,
    pattern: &[usize],
    separator: Option<char>,
    expected: &str,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) {
    let parts: Vec<&str> = match separator {
        Some(sep) => code.value.split(sep).collect(),
        None => vec![code.value.as_str()],
    };
    let ok = parts.len() == pattern.len()
        && parts
            .iter()
            .zip(pattern)
            .all(|(p, n)| p.len() == *n && p.chars().all(|c| c.is_ascii_digit()));
    if !ok {
        diagnostics.push(
            Diagnostic::error(ModelMessage::BadCode {
                code: code.value.clone(),
                expected: expected.to_string(),
            })
            .at(at(source, code)),
        );
    }
}

/// The built-in evaluation schemes with site.yaml's `skema_penilaian` replacing or adding years.
fn schemes(
    doc: &crate::content::RawConfig,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<i32, super::scheme::Scheme> {
    let mut out = super::scheme::built_in();
    let mut seen = BTreeSet::new();
    for raw in &doc.skema_penilaian {
        if !seen.insert(raw.tahun.value) {
            diagnostics.push(
                Diagnostic::error(ModelMessage::DuplicateYear {
                    year: raw.tahun.value.to_string(),
                })
                .at(at(source, &raw.tahun))
                .hint(LoadMessage::HintRemoveDuplicate),
            );
            continue;
        }
        if let Some(scheme) = super::scheme::validate_scheme(raw, true, source, diagnostics) {
            out.insert(scheme.year, scheme);
        }
    }
    score_rules(doc, &mut out, source, diagnostics);
    out
}

/// site.yaml's `aturan_skor:`: rules a scheme does not publish, each naming its scheme's year;
/// a rule replaces the scheme's own for the same measure.
fn score_rules(
    doc: &crate::content::RawConfig,
    schemes: &mut BTreeMap<i32, super::scheme::Scheme>,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) {
    let mut seen = BTreeSet::new();
    let mut touched = BTreeMap::new();
    for raw in &doc.aturan_skor {
        let Some(tahun) = &raw.tahun else {
            diagnostics.push(
                Diagnostic::error(ModelMessage::RuleWithoutYear)
                    .at(at(source, &raw.ukuran))
                    .hint(ModelMessage::HintRuleYear),
            );
            continue;
        };
        let Some(year) = checked_year(tahun, source, diagnostics) else {
            continue;
        };
        let years: Vec<i32> = schemes.keys().copied().collect();
        let Some(scheme) = schemes.get_mut(&year) else {
            diagnostics.push(
                Diagnostic::error(ModelMessage::RuleYearWithoutScheme { year, years })
                    .at(at(source, tahun)),
            );
            continue;
        };
        let measures: Vec<_> = scheme.measures().collect();
        let Some(rule) =
            super::scheme::validate_rule(raw, year, &measures, true, source, diagnostics)
        else {
            continue;
        };
        if !seen.insert((year, rule.measure.key())) {
            diagnostics.push(duplicate(
                ModelMessage::DuplicateRule {
                    measure: rule.measure.key().to_string(),
                    year,
                },
                source,
                &raw.ukuran,
            ));
            continue;
        }
        touched.entry(year).or_insert(tahun);
        // A site rule without `bobot` keeps the weight the scheme gave the measure.
        let mut rule = rule;
        if rule.weight.is_none() {
            rule.weight = scheme.rule(rule.measure).and_then(|r| r.weight);
        }
        scheme.rules.retain(|r| r.measure != rule.measure);
        scheme.rules.push(rule);
    }
    for (year, tahun) in touched {
        for (component, sum) in super::scheme::measure_weight_sums(&schemes[&year]) {
            diagnostics.push(
                Diagnostic::warning(ModelMessage::MeasureWeightsNotHundred {
                    sum,
                    component: component.to_string(),
                    year,
                })
                .at(at(source, tahun))
                .hint(ModelMessage::HintMeasureWeight),
            );
        }
    }
}

/// `skor_tagging_tertinggi:`: per year, the national best score and its source.
fn top_tagged_scores(
    doc: &crate::content::RawConfig,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<i32, Figure> {
    let mut out = BTreeMap::new();
    for raw in &doc.skor_tagging_tertinggi {
        let Some(year) = checked_year(&raw.tahun, source, diagnostics) else {
            continue;
        };
        let Some(value) = parse_figure(&raw.nilai, source, diagnostics) else {
            continue;
        };
        if value <= 0.0 {
            diagnostics.push(
                Diagnostic::error(ModelMessage::TopScoreNotPositive { year, value })
                    .at(at(source, &raw.nilai))
                    .hint(ModelMessage::HintTopScore),
            );
            continue;
        }
        if out.contains_key(&year) {
            diagnostics.push(duplicate(
                ModelMessage::DuplicateTopScore { year },
                source,
                &raw.tahun,
            ));
            continue;
        }
        if raw.sumber.value.trim().is_empty() {
            diagnostics.push(
                Diagnostic::error(ModelMessage::TopScoreWithoutSource { year })
                    .at(at(source, &raw.sumber))
                    .hint(ModelMessage::HintTopScore),
            );
            continue;
        }
        out.insert(
            year,
            Figure {
                value,
                source: raw.sumber.value.trim().to_string(),
                illustrative: false,
            },
        );
    }
    out
}

/// The image formats a browser shows and Chromium prints.
const EMBLEM_EXTENSIONS: [&str; 5] = ["png", "jpg", "jpeg", "svg", "webp"];

/// `lambang:`: a file of `static/` (a relative path inside it, an image), or an error at its
/// place that says what to write.
fn emblem(
    raw: &RawSite,
    value: Option<&Spanned<String>>,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let value = value?;
    let path = value.value.trim().replace('\\', "/");
    let inside = !path.is_empty()
        && !path.starts_with('/')
        && !path
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..");
    let image = std::path::Path::new(&path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EMBLEM_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    let file = raw.root.join("static").join(&path);
    let exists = inside && std::fs::symlink_metadata(&file).is_ok_and(|m| m.file_type().is_file());
    if inside && image && exists {
        return Some(path);
    }
    diagnostics.push(
        Diagnostic::error(ModelMessage::BadEmblem {
            path: value.value.clone(),
            missing: inside && image,
        })
        .at(at(source, value))
        .hint(ModelMessage::HintEmblem),
    );
    None
}

fn config(
    raw: &RawSite,
    diagnostics: &mut Diagnostics,
) -> Option<(SiteConfig, Catalog, BTreeMap<i32, super::scheme::Scheme>)> {
    let Sourced { doc, source } = raw.config.as_ref()?;
    let report_year = doc
        .tahun_laporan
        .as_ref()
        .and_then(|y| checked_year(y, source, diagnostics));
    let base_url = doc.base_url.as_ref().and_then(|u| {
        let url = u.value.trim();
        let ok = (url.starts_with("https://") || url.starts_with("http://"))
            && url.len() > "https://".len()
            && !url.contains(char::is_whitespace);
        if ok {
            Some(if url.ends_with('/') {
                url.to_string()
            } else {
                format!("{url}/")
            })
        } else {
            diagnostics.push(
                Diagnostic::error(ModelMessage::BadBaseUrl {
                    url: u.value.clone(),
                })
                .at(at(source, u))
                .hint(ModelMessage::HintBaseUrl),
            );
            None
        }
    });
    let theme = doc
        .tema
        .as_ref()
        .map(|t| t.value.trim().to_string())
        .unwrap_or_else(|| "default".to_string());
    if let Some(t) = &doc.tema {
        let dir = raw.root.join("themes").join(&theme);
        if theme != "default" && (!valid_slug(&theme) || !dir.is_dir()) {
            diagnostics.push(
                Diagnostic::error(ModelMessage::UnknownTheme {
                    name: theme.clone(),
                })
                .at(at(source, t))
                .hint(ModelMessage::HintTheme),
            );
        }
    }
    for declared in doc
        .indikator
        .iter()
        .filter(|d| Catalog::is_built_in(&d.kunci))
    {
        let line = source
            .text
            .lines()
            .position(|l| l.contains("kunci") && l.contains(declared.kunci.as_str()))
            .map_or(0, |i| i + 1);
        let location = if line == 0 {
            source.location(1, 1)
        } else {
            source.location_of(line, &declared.kunci)
        };
        diagnostics.push(
            Diagnostic::error(ModelMessage::DeclaredBuiltIn {
                key: declared.kunci.clone(),
            })
            .at(location)
            .hint(ModelMessage::HintOwnKey),
        );
    }
    let catalog = Catalog::with_declared(&doc.indikator);
    let schemes = schemes(doc, source, diagnostics);
    let top_tagged_scores = top_tagged_scores(doc, source, diagnostics);
    Some((
        SiteConfig {
            title: doc.judul.trim().to_string(),
            description: doc.deskripsi.clone(),
            lang: doc.bahasa,
            report_year,
            theme,
            base_url,
            downloads: doc.unduhan,
            top_tagged_scores,
            publish: super::publish::publish(doc.terbit.as_ref(), source, diagnostics),
            emblem: emblem(raw, doc.lambang.as_ref(), source, diagnostics),
            abbreviations: {
                let mut list: Vec<(String, String)> = doc
                    .singkatan
                    .iter()
                    .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                    .collect();
                list.sort_by_cached_key(|(k, _)| (k.to_lowercase(), k.clone()));
                list
            },
        },
        catalog,
        schemes,
    ))
}

fn reference(
    slug: &str,
    file: &Sourced<RawReferenceFile>,
    catalog: &Catalog,
    diagnostics: &mut Diagnostics,
) -> Reference {
    let doc = &file.doc;
    match doc.tingkat {
        Level::Nasional => check_code(&doc.kode, &[2], None, "\"00\"", &file.source, diagnostics),
        Level::Provinsi => check_code(&doc.kode, &[2], None, "\"35\"", &file.source, diagnostics),
    }
    let comparisons = comparisons(file, catalog, diagnostics);
    Reference {
        slug: slug.to_string(),
        name: doc.nama.trim().to_string(),
        level: doc.tingkat,
        code: doc.kode.value.clone(),
        comparisons,
        series: validate_series(
            doc.series(),
            (
                catalog,
                match doc.tingkat {
                    Level::Nasional => Scope::Nation,
                    Level::Provinsi => Scope::Province,
                },
            ),
            &file.source,
            diagnostics,
        ),
    }
}

/// `prioritas_masalah:`: per year, basic-service indicators in the author's order, each with
/// a reason. An indicator that is not a basic service, one written twice, or an empty reason
/// is an error at its place.
fn author_priorities(
    file: &Sourced<crate::content::RawIndicatorFile>,
    catalog: &Catalog,
    series: &Series,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<i32, Vec<(String, String)>> {
    let source = &file.source;
    let mut out: BTreeMap<i32, Vec<(String, String)>> = BTreeMap::new();
    let allowed: Vec<String> = keys::DETERMINANTS.iter().map(|k| k.to_string()).collect();
    for (year_key, entries) in &file.doc.prioritas_masalah.0 {
        let Some(year) = parse_year(year_key, source, diagnostics) else {
            continue;
        };
        let list = out.entry(year).or_default();
        for e in entries {
            let key = e.indikator.value.trim();
            if !keys::DETERMINANTS.contains(&key) || catalog.get(key).is_none() {
                diagnostics.push(
                    Diagnostic::error(ModelMessage::PriorityNotBasicService {
                        key: key.to_string(),
                    })
                    .at(at(source, &e.indikator))
                    .hint(suggestion(key, &allowed)),
                );
                continue;
            }
            if list.iter().any(|(k, _)| k == key) {
                diagnostics.push(duplicate_key(&e.indikator, source));
                continue;
            }
            // Listed without its figure, it would vanish from the list without a word.
            if series.get(year, key).is_none() {
                diagnostics.push(
                    Diagnostic::warning(ModelMessage::PriorityWithoutFigure {
                        key: key.to_string(),
                        year,
                    })
                    .at(at(source, &e.indikator)),
                );
            }
            let reason = e.alasan.value.trim();
            if reason.is_empty() {
                diagnostics.push(
                    Diagnostic::error(ModelMessage::PriorityWithoutReason {
                        key: key.to_string(),
                    })
                    .at(at(source, &e.alasan)),
                );
                continue;
            }
            list.push((key.to_string(), reason.to_string()));
        }
    }
    out
}

/// The official province a reference file is: by its name ("Provinsi Jawa Timur", in any
/// case), else by its code where BPS's and Kemendagri's agree (below 91: not the Papua
/// provinces), so that "DKI Jakarta" or "DI Yogyakarta" is still found.
pub(crate) fn official_province(name: &str, code: &str) -> Option<&'static str> {
    let lower = name.trim().to_lowercase();
    let wanted = lower.strip_prefix("provinsi ").unwrap_or(&lower).trim();
    let code = code.trim();
    crate::model::official::provinces()
        .find(|p| p.name.to_lowercase() == wanted)
        .or_else(|| crate::model::official::provinces().find(|p| p.code == code && code < "91"))
        .map(|p| p.code)
}

/// A province file's `pembanding:` list: each a kab/kota of the province by the official list
/// (a name not in it is refused with the nearest), once, with a BPS code of the province, and
/// figures validated as a region's are.
fn comparisons(
    file: &Sourced<RawReferenceFile>,
    catalog: &Catalog,
    diagnostics: &mut Diagnostics,
) -> Vec<crate::model::Comparison> {
    let doc = &file.doc;
    let source = &file.source;
    let Some(first) = doc.pembanding.first() else {
        return Vec::new();
    };
    if doc.tingkat == Level::Nasional {
        diagnostics.push(
            Diagnostic::error(ModelMessage::ComparisonsInNational)
                .at(at(source, &first.nama))
                .hint(ModelMessage::HintComparisonsInProvince),
        );
        return Vec::new();
    }
    // The province in the official list, by its name ("Provinsi Jawa Timur" → "Jawa Timur").
    let official = official_province(&doc.nama, &doc.kode.value);
    let names: Vec<String> = official
        .map(|code| {
            crate::model::official::kabupaten_kota(code)
                .map(|r| r.name.to_string())
                .collect()
        })
        .unwrap_or_default();
    let empty_table = RawYearTable::<RawFigure>::default();
    let empty_sources = RawYearTable::<Spanned<String>>::default();
    let empty_periods = crate::content::yaml::Entries(Vec::new());
    let empty_marks = crate::content::yaml::Entries(Vec::new());
    let mut out: Vec<crate::model::Comparison> = Vec::new();
    for entry in &doc.pembanding {
        let typed = entry.nama.value.trim();
        let name = match official {
            Some(code) => match crate::model::official::find_kabupaten_kota(code, typed) {
                Some(found) => names
                    .iter()
                    .find(|n| crate::model::official::find_kabupaten_kota(code, n) == Some(found))
                    .cloned()
                    .unwrap_or_else(|| typed.to_string()),
                None => {
                    diagnostics.push(
                        Diagnostic::error(ModelMessage::ComparisonUnknownName {
                            name: typed.to_string(),
                            province: doc.nama.trim().to_string(),
                        })
                        .at(at(source, &entry.nama))
                        .hint(suggestion(typed, &names)),
                    );
                    continue;
                }
            },
            None => typed.to_string(),
        };
        if out.iter().any(|c| c.name == name) {
            diagnostics.push(duplicate(
                ModelMessage::ComparisonTwice { name: name.clone() },
                source,
                &entry.nama,
            ));
            continue;
        }
        if let Some(code) = &entry.kode_bps {
            let c = code.value.trim();
            let fits = c.len() == 4
                && c.chars().all(|ch| ch.is_ascii_digit())
                && c.starts_with(doc.kode.value.trim())
                && !c.ends_with("00");
            if !fits {
                diagnostics.push(
                    Diagnostic::error(ModelMessage::ComparisonBadCode {
                        code: c.to_string(),
                        province: doc.kode.value.trim().to_string(),
                    })
                    .at(at(source, code))
                    .hint(ModelMessage::HintComparisonCode {
                        province: doc.kode.value.trim().to_string(),
                    }),
                );
            }
        }
        let series = validate_series(
            RawSeries {
                sumber: entry.sumber.as_deref().unwrap_or(&doc.sumber),
                data: &entry.data,
                data_september: &empty_table,
                sumber_data: &entry.sumber_data,
                sumber_data_september: &empty_sources,
                target: &empty_table,
                sumber_target: None,
                periode_target: None,
                periode: &empty_periods,
                ilustrasi: &empty_marks,
            },
            (catalog, Scope::Region),
            source,
            diagnostics,
        );
        out.push(crate::model::Comparison {
            slug: crate::base::markdown::slugify(&name),
            name,
            bps_code: entry.kode_bps.as_ref().map(|c| c.value.trim().to_string()),
            series,
        });
    }
    out
}

fn narrative(raw: &RawNarrative, diagnostics: &mut Diagnostics) -> Narrative {
    let front_at = |spanned: &Spanned<String>| {
        raw.source.location(
            spanned.referenced.line() as usize + raw.front_line_offset,
            spanned.referenced.column() as usize,
        )
    };
    let chapter = raw.front.bab.as_ref().and_then(|bab| {
        let key = bab.value.trim();
        let found = Chapter::from_key(key);
        if found.is_none() {
            let allowed: Vec<String> = Chapter::ALL.iter().map(|c| c.key().to_string()).collect();
            diagnostics.push(
                Diagnostic::error(LoadMessage::UnknownVariant {
                    value: key.to_string(),
                    allowed: allowed.clone(),
                })
                .at(front_at(bab))
                .hint_opt(
                    nearest(key, allowed.iter().map(String::as_str))
                        .map(|s| Message::HintDidYouMean { suggestion: s }),
                ),
            );
        }
        found
    });
    if let Some(offset) = crate::base::markdown::too_deep(&raw.body) {
        let before = &raw.body[..offset];
        let line = before.matches('\n').count();
        let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
            .chars()
            .count()
            + 1;
        diagnostics.push(
            Diagnostic::error(ModelMessage::NarrativeTooDeep {
                max: crate::base::markdown::MAX_NESTING,
            })
            .at(raw.source.location(raw.body_line + line, column))
            .hint(ModelMessage::HintNarrativeTooDeep),
        );
    }
    Narrative {
        file_name: raw.file_name.clone(),
        title: raw.front.judul.trim().to_string(),
        chapter,
        illustrative: raw.front.ilustrasi,
        source: raw.front.sumber.clone(),
        markdown: raw.body.clone(),
    }
}

/// A region's narratives per year; a year without a P0 figure (which gets no annual report) is
/// reported (only when the figures could be read at all).
fn region_narratives(
    r: &crate::content::RawRegion,
    series: Option<&Series>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<i32, Vec<Narrative>> {
    let mut narratives: BTreeMap<i32, Vec<Narrative>> = BTreeMap::new();
    let mut warned_years = BTreeSet::new();
    for n in &r.narratives {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&(n.year as i64)) {
            diagnostics.push(
                Diagnostic::error(ModelMessage::BadYear {
                    text: n.year.to_string(),
                })
                .in_file(&n.source.display_path)
                .hint(ModelMessage::HintYear),
            );
            continue;
        }
        let narrative = narrative(n, diagnostics);
        if series.is_some_and(|s| s.get(n.year, keys::P0).is_none()) && warned_years.insert(n.year)
        {
            diagnostics.push(
                Diagnostic::warning(ModelMessage::NarrativeYearWithoutFigures { year: n.year })
                    .in_file(&n.source.display_path)
                    .hint(ModelMessage::HintAddFigures),
            );
        }
        narratives.entry(n.year).or_default().push(narrative);
    }
    narratives
}

/// A region's programs, pockets, deciles and institutional records per year; a year without a P0 figure
/// is reported, as for narratives.
fn region_year_data(
    (r, root): (&crate::content::RawRegion, &std::path::Path),
    catalog: &Catalog,
    series: Option<&Series>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<i32, YearData> {
    let mut out = BTreeMap::new();
    for (year, files) in &r.annual {
        let data = YearData {
            programs: files
                .programs
                .as_ref()
                .map(|f| super::programs::validate_programs(f, diagnostics)),
            pockets: files
                .pockets
                .as_ref()
                .map(|f| super::pockets::validate_pockets(f, diagnostics)),
            deciles: files
                .deciles
                .as_ref()
                .and_then(|f| super::deciles::validate_deciles(f, catalog, diagnostics)),
            institution: files.institution.as_ref().map(|f| {
                let folder = root.join(f.source.display_path.parent().unwrap_or(root));
                super::institution::validate_institution(f, &folder, diagnostics)
            }),
            approval: files
                .approval
                .as_ref()
                .and_then(|f| super::institution::validate_approval(f, diagnostics)),
        };
        if series.is_some_and(|s| s.get(*year, keys::P0).is_none()) {
            let first = [
                files.programs.as_ref().map(|f| &f.source),
                files.pockets.as_ref().map(|f| &f.source),
                files.deciles.as_ref().map(|f| &f.source),
                files.institution.as_ref().map(|f| &f.source),
                files.approval.as_ref().map(|f| &f.source),
            ]
            .into_iter()
            .flatten()
            .next();
            if let Some(source) = first {
                diagnostics.push(
                    Diagnostic::warning(ModelMessage::YearDataWithoutFigures { year: *year })
                        .in_file(&source.display_path)
                        .hint(ModelMessage::HintAddFigures),
                );
            }
        }
        out.insert(*year, data);
    }
    // A programme's kecamatan that nearly names a pocket of the mapping standing for its year
    // would count as outside the pockets: said at its place, with the pocket's name.
    for (year, files) in &r.annual {
        let Some(programs) = &files.programs else {
            continue;
        };
        let standing = out
            .range(..=*year)
            .rev()
            .find_map(|(y, d): (&i32, &YearData)| d.pockets.as_ref().map(|p| (*y, p)));
        let Some((mapped, pockets)) = standing else {
            continue;
        };
        for item in programs.doc.program.iter().flat_map(|p| &p.value.kecamatan) {
            if let Some(pocket) = super::pockets::near_pocket(&item.value, pockets) {
                diagnostics.push(
                    Diagnostic::warning(ModelMessage::DistrictNearPocket {
                        name: item.value.trim().to_string(),
                        pocket: pocket.to_string(),
                        mapped,
                    })
                    .at(at(&programs.source, item))
                    .hint(Message::HintDidYouMean {
                        suggestion: pocket.to_string(),
                    })
                    .doubtful(),
                );
            }
        }
    }
    out
}

/// One region's files checked on their own: problems found before the code check go to
/// `before`, the province check to `after` (see `validate`).
fn check_region(
    r: &crate::content::RawRegion,
    catalog: &Catalog,
    (nation, provinces): (&Option<Reference>, &BTreeMap<String, Reference>),
    raw: &RawSite,
    before: &mut Diagnostics,
    after: &mut Diagnostics,
) -> Option<Region> {
    if !check_slug(&r.slug, &r.folder, before) {
        return None;
    }
    // Each file is checked on its own, so a broken wilayah.yaml hides nothing else.
    let errors_before = before.error_count();
    let series = r.indicators.as_ref().map(|indicators| {
        let series = validate_series(
            indicators.doc.series(),
            (catalog, Scope::Region),
            &indicators.source,
            before,
        );
        if series.march.is_empty() {
            before.push(
                Diagnostic::error(ModelMessage::NoFigures)
                    .in_file(&indicators.source.display_path)
                    .hint(ModelMessage::HintAddFigures),
            );
        }
        series
    });
    // Years without P0 are told only when the figures were read cleanly: a P0 refused as
    // invalid is not "missing".
    let clean = series
        .as_ref()
        .filter(|_| before.error_count() == errors_before);
    let narratives = region_narratives(r, clean, before);
    let annual = region_year_data((r, &raw.root), catalog, clean, before);
    let (Some(meta), Some(series)) = (&r.region, series) else {
        return None;
    };
    let doc = &meta.doc;
    let src = &meta.source;
    check_code(&doc.kode, &[2, 2], Some('.'), "\"35.05\"", src, before);
    check_code(&doc.kode_bps, &[4], None, "\"3505\"", src, before);
    // A kab/kota code ending in 00 is its province's: `tkpk impor` would write the province's
    // row of a BPS table into this region's file.
    for code in [&doc.kode, &doc.kode_bps] {
        let digits: String = code.value.chars().filter(char::is_ascii_digit).collect();
        if digits.len() == 4 && digits.ends_with("00") {
            before.push(
                Diagnostic::error(ModelMessage::ProvinceCodeForRegion {
                    code: code.value.clone(),
                })
                .at(at(src, code))
                .hint(ModelMessage::HintRegionCode),
            );
        }
    }
    let province = doc.provinsi.value.trim().to_string();
    if !provinces.contains_key(&province) && !raw.unreadable_references.contains(&province) {
        let names_nation = nation.as_ref().is_some_and(|n| n.slug == province);
        let message = if names_nation {
            ModelMessage::WrongReferenceLevel {
                slug: province.clone(),
            }
        } else {
            ModelMessage::UnknownProvince {
                slug: province.clone(),
            }
        };
        let hint: Text = match nearest(&province, provinces.keys().map(String::as_str)) {
            Some(s) => Message::HintDidYouMean { suggestion: s }.into(),
            // The file exists, as the national one: name a province instead.
            None if names_nation => ModelMessage::HintNameProvince {
                known: provinces.keys().cloned().collect(),
            }
            .into(),
            None => ModelMessage::HintAddReference {
                slug: province.clone(),
            }
            .into(),
        };
        after.push(
            Diagnostic::error(message)
                .at(at(src, &doc.provinsi))
                .hint(hint),
        );
    }
    let priorities = r
        .indicators
        .as_ref()
        .map(|f| author_priorities(f, catalog, &series, after))
        .unwrap_or_default();
    let tkpk = doc
        .tkpk
        .as_ref()
        .map(|t| Tkpk {
            chair: t.ketua.clone(),
            secretariat: t.sekretariat.clone(),
        })
        .unwrap_or_default();
    Some(Region {
        slug: r.slug.clone(),
        name: doc.nama.trim().to_string(),
        kind: doc.jenis,
        code: doc.kode.value.clone(),
        bps_code: doc.kode_bps.value.clone(),
        province,
        capital: doc.ibu_kota.clone(),
        tkpk,
        emblem: emblem(raw, doc.lambang.as_ref(), src, after),
        series,
        narratives,
        annual,
        priorities,
    })
}

/// Turns what was read into a validated site. Returns no site when there are errors.
pub(crate) fn validate(raw: RawSite) -> (Option<Site>, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let Some((config, catalog, schemes)) = config(&raw, &mut diagnostics) else {
        return (None, diagnostics);
    };

    let mut nation: Option<Reference> = None;
    let mut provinces: BTreeMap<String, Reference> = BTreeMap::new();
    for r in &raw.references {
        let shown = &r.file.source.display_path;
        if !check_slug(&r.slug, shown, &mut diagnostics) {
            continue;
        }
        let reference = reference(&r.slug, &r.file, &catalog, &mut diagnostics);
        match reference.level {
            Level::Nasional => match &nation {
                Some(first) => diagnostics.push(
                    Diagnostic::error(ModelMessage::SecondNationalReference {
                        other: first.slug.clone(),
                    })
                    .in_file(shown),
                ),
                None => nation = Some(reference),
            },
            Level::Provinsi => {
                provinces.insert(r.slug.clone(), reference);
            }
        }
    }
    if nation.is_none() && raw.unreadable_references.is_empty() {
        diagnostics.push(
            Diagnostic::warning(ModelMessage::NoNationalReference)
                .in_file("content/referensi")
                .hint(ModelMessage::HintAddNationalReference),
        );
    }

    // Each region is checked on its own, in parallel; what depends on the regions before it
    // (a code used twice) is checked after, in folder order, so the messages keep their order.
    let checked: Vec<(Option<Region>, Diagnostics, Diagnostics)> = raw
        .regions
        .par_iter()
        .map(|r| {
            let mut before = Diagnostics::new();
            let mut after = Diagnostics::new();
            let region = check_region(
                r,
                &catalog,
                (&nation, &provinces),
                &raw,
                &mut before,
                &mut after,
            );
            (region, before, after)
        })
        .collect();
    let mut regions = Vec::new();
    let mut codes: BTreeMap<String, String> = BTreeMap::new();
    for ((region, before, after), r) in checked.into_iter().zip(&raw.regions) {
        diagnostics.extend(before);
        if let (Some(region), Some(meta)) = (&region, &r.region) {
            let src = &meta.source;
            for code in [&meta.doc.kode, &meta.doc.kode_bps] {
                if let Some(other) = codes.get(&code.value) {
                    diagnostics.push(
                        Diagnostic::error(ModelMessage::DuplicateRegionCode {
                            code: code.value.clone(),
                            other: other.clone(),
                        })
                        .at(at(src, code))
                        .hint(ModelMessage::HintDuplicateRegionCode),
                    );
                } else {
                    codes.insert(code.value.clone(), region.slug.clone());
                }
            }
        }
        diagnostics.extend(after);
        regions.extend(region);
    }
    regions.sort_by(|a, b| {
        let pa = provinces.get(&a.province).map(|p| p.name.as_str());
        let pb = provinces.get(&b.province).map(|p| p.name.as_str());
        pa.cmp(&pb)
            .then(a.name.cmp(&b.name))
            .then(a.slug.cmp(&b.slug))
    });
    // A kab/kota with its own folder is a region of the site, never also a comparison.
    for region in &regions {
        if let Some(raw) = raw.references.iter().find(|r| r.slug == region.province)
            && let Some(entry) = raw.file.doc.pembanding.iter().find(|c| {
                let official = official_province(&raw.file.doc.nama, &raw.file.doc.kode.value)
                    .and_then(|p| crate::model::official::find_kabupaten_kota(p, &c.nama.value));
                crate::base::markdown::slugify(c.nama.value.trim()) == region.slug
                    || c.nama.value.trim().eq_ignore_ascii_case(&region.name)
                    || official == Some(region.code.as_str())
            })
        {
            diagnostics.push(
                Diagnostic::error(ModelMessage::ComparisonIsRegion {
                    name: region.name.clone(),
                })
                .at(at(&raw.file.source, &entry.nama))
                .hint(ModelMessage::HintComparisonIsRegion {
                    slug: region.slug.clone(),
                }),
            );
        }
    }
    if let Some(Sourced { doc, source }) = raw.config.as_ref() {
        let reported: BTreeSet<i32> = regions.iter().flat_map(Region::report_years).collect();
        super::publish::years_without_report(
            doc.terbit.as_ref(),
            &reported,
            source,
            &mut diagnostics,
        );
    }
    if diagnostics.has_errors() {
        return (None, diagnostics);
    }
    let mut by_province: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in regions.iter().enumerate() {
        by_province.entry(r.province.clone()).or_default().push(i);
    }
    (
        Some(Site {
            config,
            catalog,
            nation,
            provinces,
            regions,
            by_province,
            schemes,
            draft: false,
        }),
        diagnostics,
    )
}
