//! Evaluation schemes as data. The rules of the yearly evaluation change (PMK 97/2023, PMK
//! 43/2024, Kemendagri 2025, …), so each year's components, weights, tagged-spending formula
//! and evidence list are a YAML document citing its regulation: built in under
//! `src/model/skema/`, replaced or extended by `skema_penilaian:` in site.yaml.

use super::evidence::Evidence;
use super::values::{checked_year, duplicate, parse_figure};
use crate::base::diagnostics::{Diagnostic, Diagnostics, SourceText, at};
use crate::base::lang::Bilingual;
use crate::base::messages::Message;
use crate::base::suggest::nearest;
use crate::content::messages::LoadMessage;
use crate::content::scheme::{RawScheme, RawScoreRule};
use crate::content::yaml;
use crate::model::messages::ModelMessage;
use crate::model::programs::Tagging;
use serde_saphyr::Spanned;
use std::collections::BTreeMap;

/// What a component measures; each is computed by the evaluation sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Change in P0 against the previous year.
    P0,
    /// Change in P1.
    P1,
    /// Extreme poverty, per methodology.
    ExtremePoverty,
    /// P0 against the province's.
    ProvinceGap,
    /// The tagged-spending score (needs `skor_tagging`).
    TaggedScore,
    /// Allocation of the programs as a share of total regional spending.
    AllocationShare,
    /// Realisation as a share of allocation.
    RealisationRate,
    /// Targeting-data verification: before and after.
    DataVerification,
    /// Institutional performance: decree, meetings, reports.
    Institution,
}

impl Measure {
    pub const ALL: [Measure; 9] = [
        Measure::P0,
        Measure::P1,
        Measure::ExtremePoverty,
        Measure::ProvinceGap,
        Measure::TaggedScore,
        Measure::AllocationShare,
        Measure::RealisationRate,
        Measure::DataVerification,
        Measure::Institution,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Measure::P0 => "p0",
            Measure::P1 => "p1",
            Measure::ExtremePoverty => "kemiskinan_ekstrem",
            Measure::ProvinceGap => "posisi_provinsi",
            Measure::TaggedScore => "skor_tagging",
            Measure::AllocationShare => "porsi_alokasi",
            Measure::RealisationRate => "tingkat_realisasi",
            Measure::DataVerification => "verifikasi_data",
            Measure::Institution => "kelembagaan",
        }
    }

    pub fn from_key(key: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.key() == key)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    pub name: Bilingual,
    /// Percent of the whole, where the regulation states it.
    pub weight: Option<f64>,
    pub measures: Vec<Measure>,
    pub note: Option<Bilingual>,
}

/// Weights of the tagged-spending score, as an evaluation scheme states them.
#[derive(Clone, Debug, PartialEq)]
pub struct TaggingWeights {
    pub direct: f64,
    pub indirect: f64,
    pub supporting: f64,
    /// Official travel is taken out of the realisation (PMK 97/2023).
    pub exclude_travel: bool,
}

impl TaggingWeights {
    pub fn weight(&self, tagging: Tagging) -> f64 {
        match tagging {
            Tagging::Direct => self.direct,
            Tagging::Indirect => self.indirect,
            Tagging::Supporting => self.supporting,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TaggingRule {
    pub weights: TaggingWeights,
    /// Scores are divided by the best score of the year among the site's regions (× 100).
    pub normalise: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scheme {
    pub year: i32,
    pub name: Bilingual,
    /// The regulation it follows.
    pub basis: Bilingual,
    pub note: Option<Bilingual>,
    pub components: Vec<Component>,
    pub tagging: Option<TaggingRule>,
    pub evidence: Vec<Evidence>,
    /// The period the realisation rate covers.
    pub realisation: RealisationPeriod,
    /// How measures are scored: the scheme's own rules, then site.yaml's for its year.
    pub rules: Vec<ScoreRule>,
    /// Written in site.yaml rather than built in.
    pub from_site: bool,
}

impl Scheme {
    /// The rule that scores `measure`, if any.
    pub fn rule(&self, measure: Measure) -> Option<&ScoreRule> {
        self.rules.iter().find(|r| r.measure == measure)
    }

    /// The measures of all components, in order.
    pub fn measures(&self) -> impl Iterator<Item = Measure> + '_ {
        self.components
            .iter()
            .flat_map(|c| c.measures.iter().copied())
    }
}

/// How a measure's value becomes a score from 0 to 100.
#[derive(Clone, Debug, PartialEq)]
pub enum Scoring {
    /// The value itself (a percentage or a normalised score), held to 0–100 (`nilai`).
    Value,
    /// A straight line through `zero` (score 0) and `hundred` (score 100), held to 0–100
    /// (`linear`); `hundred` below `zero` scores a fall.
    Linear { zero: f64, hundred: f64 },
    /// Classes read in order; the first that holds the value gives the score (`kelas`).
    Classes(Vec<ScoreClass>),
}

/// `from ≤ value ≤ to`, either bound open.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreClass {
    pub from: Option<f64>,
    pub to: Option<f64>,
    pub score: f64,
}

impl ScoreClass {
    pub fn holds(&self, value: f64) -> bool {
        self.from.is_none_or(|f| value >= f) && self.to.is_none_or(|t| value <= t)
    }
}

/// How one measure is scored and weighed in its component, with the rule's source.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreRule {
    pub measure: Measure,
    /// Percent of the component; `None` when not given (a component of one measure takes 100).
    pub weight: Option<f64>,
    pub scoring: Scoring,
    pub source: String,
    /// An example rule, not an official one.
    pub illustrative: bool,
    /// Written in site.yaml's `aturan_skor` rather than in the scheme.
    pub from_site: bool,
}

impl Measure {
    /// Whether the measure's value is a percentage or a score, so that `nilai` can take it as
    /// the score.
    pub fn is_percent_or_score(self) -> bool {
        matches!(
            self,
            Measure::TaggedScore | Measure::AllocationShare | Measure::RealisationRate
        )
    }
}

/// The period a scheme's realisation rate covers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RealisationPeriod {
    /// Both semesters (`tahunan`).
    #[default]
    Year,
    /// The first semester (`semester_1`), as a mid-year evaluation asks.
    FirstSemester,
}

impl RealisationPeriod {
    const ALL: [RealisationPeriod; 2] = [RealisationPeriod::Year, RealisationPeriod::FirstSemester];

    pub fn key(self) -> &'static str {
        match self {
            RealisationPeriod::Year => "tahunan",
            RealisationPeriod::FirstSemester => "semester_1",
        }
    }
}

const BUILT_IN: &[(&str, &str)] = &[
    ("2023.yaml", include_str!("skema/2023.yaml")),
    ("2024.yaml", include_str!("skema/2024.yaml")),
    ("2025.yaml", include_str!("skema/2025.yaml")),
];

fn unknown(
    value: &Spanned<String>,
    allowed: Vec<String>,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) {
    diagnostics.push(
        Diagnostic::error(LoadMessage::UnknownVariant {
            value: value.value.clone(),
            allowed: allowed.clone(),
        })
        .at(at(source, value))
        .hint_opt(
            nearest(&value.value, allowed.iter().map(String::as_str))
                .map(|s| Message::HintDidYouMean { suggestion: s }),
        ),
    );
}

const SCORING_KEYS: [&str; 3] = ["nilai", "linear", "kelas"];

/// A score from 0 to 100 as written, or `None` with an error at it.
fn checked_score(
    raw: &crate::content::RawFigure,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<f64> {
    let v = parse_figure(raw, source, diagnostics)?;
    if (0.0..=100.0).contains(&v) {
        Some(v)
    } else {
        diagnostics
            .push(Diagnostic::error(ModelMessage::BadScore { value: v }).at(at(source, raw)));
        None
    }
}

/// Validates one scoring rule of a scheme of `year` whose measures are `measures`. The rule's
/// `tahun` is checked by the caller (it belongs in site.yaml only).
pub(crate) fn validate_rule(
    raw: &RawScoreRule,
    year: i32,
    measures: &[Measure],
    from_site: bool,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<ScoreRule> {
    let errors_before = diagnostics.error_count();
    let key = raw.ukuran.value.trim();
    let measure = match Measure::from_key(key) {
        Some(m) if measures.contains(&m) => Some(m),
        Some(_) => {
            diagnostics.push(
                Diagnostic::error(ModelMessage::RuleMeasureNotInScheme {
                    measure: key.to_string(),
                    year,
                    measures: measures.iter().map(|m| m.key().to_string()).collect(),
                })
                .at(at(source, &raw.ukuran)),
            );
            None
        }
        None => {
            unknown(
                &raw.ukuran,
                measures.iter().map(|m| m.key().to_string()).collect(),
                source,
                diagnostics,
            );
            None
        }
    };
    let weight = raw.bobot.as_ref().and_then(|w| {
        let v = parse_figure(w, source, diagnostics)?;
        if !(0.0..=100.0).contains(&v) {
            diagnostics.push(
                Diagnostic::error(ModelMessage::BadWeight { value: v })
                    .at(at(source, w))
                    .hint(ModelMessage::HintMeasureWeight),
            );
        }
        Some(v)
    });
    let method = raw.cara.value.trim();
    // A field the method does not use is refused, so that a rule never reads other than
    // written.
    let unused = |field: &'static str, present: bool, diagnostics: &mut Diagnostics| {
        if present {
            diagnostics.push(
                Diagnostic::error(ModelMessage::RuleFieldForOtherMethod {
                    field,
                    method: method.to_string(),
                })
                .at(at(source, &raw.cara))
                .hint(ModelMessage::HintRemoveField { field }),
            );
        }
    };
    let scoring = match method {
        "nilai" => {
            unused("nol", raw.nol.is_some(), diagnostics);
            unused("seratus", raw.seratus.is_some(), diagnostics);
            unused("kelas", !raw.kelas.is_empty(), diagnostics);
            if let Some(m) = measure
                && !m.is_percent_or_score()
            {
                diagnostics.push(
                    Diagnostic::error(ModelMessage::ValueRuleNotAPercent {
                        measure: m.key().to_string(),
                    })
                    .at(at(source, &raw.cara))
                    .hint(ModelMessage::HintLinearRule),
                );
            }
            Some(Scoring::Value)
        }
        "linear" => {
            unused("kelas", !raw.kelas.is_empty(), diagnostics);
            let zero = raw
                .nol
                .as_ref()
                .and_then(|v| parse_figure(v, source, diagnostics));
            let hundred = raw
                .seratus
                .as_ref()
                .and_then(|v| parse_figure(v, source, diagnostics));
            match (zero, hundred) {
                (Some(zero), Some(hundred)) if zero == hundred => {
                    diagnostics.push(
                        Diagnostic::error(ModelMessage::RuleFlat)
                            .at(at(source, &raw.cara))
                            .hint(ModelMessage::HintLinearRule),
                    );
                    None
                }
                (Some(zero), Some(hundred)) => Some(Scoring::Linear { zero, hundred }),
                _ => {
                    if raw.nol.is_none() || raw.seratus.is_none() {
                        diagnostics.push(
                            Diagnostic::error(ModelMessage::RuleNeedsPoints)
                                .at(at(source, &raw.cara))
                                .hint(ModelMessage::HintLinearRule),
                        );
                    }
                    None
                }
            }
        }
        "kelas" => {
            unused("nol", raw.nol.is_some(), diagnostics);
            unused("seratus", raw.seratus.is_some(), diagnostics);
            if raw.kelas.is_empty() {
                diagnostics.push(
                    Diagnostic::error(ModelMessage::RuleNeedsClasses)
                        .at(at(source, &raw.cara))
                        .hint(ModelMessage::HintClassRule),
                );
            }
            let mut classes = Vec::new();
            for c in &raw.kelas {
                let from = c
                    .dari
                    .as_ref()
                    .and_then(|v| parse_figure(v, source, diagnostics));
                let to = c
                    .sampai
                    .as_ref()
                    .and_then(|v| parse_figure(v, source, diagnostics));
                let score = checked_score(&c.skor, source, diagnostics);
                if c.dari.is_none() && c.sampai.is_none() {
                    diagnostics.push(
                        Diagnostic::error(ModelMessage::ClassWithoutBound)
                            .at(at(source, &c.skor))
                            .hint(ModelMessage::HintClassRule),
                    );
                }
                if let (Some(f), Some(t), Some(raw_from)) = (from, to, &c.dari)
                    && f > t
                {
                    diagnostics.push(
                        Diagnostic::error(ModelMessage::ClassReversed { from: f, to: t })
                            .at(at(source, raw_from))
                            .hint(ModelMessage::HintClassRule),
                    );
                }
                if let Some(score) = score {
                    classes.push(ScoreClass { from, to, score });
                }
            }
            Some(Scoring::Classes(classes))
        }
        _ => {
            unknown(
                &raw.cara,
                SCORING_KEYS.iter().map(|k| k.to_string()).collect(),
                source,
                diagnostics,
            );
            None
        }
    };
    let source_text = raw.sumber.value.trim();
    if source_text.is_empty() {
        diagnostics.push(
            Diagnostic::error(ModelMessage::RuleWithoutSource)
                .at(at(source, &raw.sumber))
                .hint(ModelMessage::HintScoreRule),
        );
    }
    if diagnostics.error_count() > errors_before {
        return None;
    }
    Some(ScoreRule {
        measure: measure?,
        weight,
        scoring: scoring?,
        source: source_text.to_string(),
        illustrative: raw.ilustrasi,
        from_site,
    })
}

/// The sum of the measure weights of each component whose measures all have one (a lone
/// measure given a weight included), where it is not 100: (component name, sum).
pub(crate) fn measure_weight_sums(scheme: &Scheme) -> Vec<(&str, f64)> {
    scheme
        .components
        .iter()
        .filter(|c| !c.measures.is_empty())
        .filter_map(|c| {
            let weights: Option<Vec<f64>> = c
                .measures
                .iter()
                .map(|m| scheme.rule(*m).and_then(|r| r.weight))
                .collect();
            let sum: f64 = weights?.iter().sum();
            ((sum - 100.0).abs() > 1e-9).then_some((c.name.id.as_str(), sum))
        })
        .collect()
}

/// Validates one scheme; `from_site` marks the schemes written in site.yaml.
pub(crate) fn validate_scheme(
    raw: &RawScheme,
    from_site: bool,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<Scheme> {
    let errors_before = diagnostics.error_count();
    let year = checked_year(&raw.tahun, source, diagnostics);
    let mut components = Vec::new();
    for c in &raw.komponen {
        let weight = c.bobot.as_ref().and_then(|w| {
            let v = parse_figure(w, source, diagnostics)?;
            if !(0.0..=100.0).contains(&v) {
                diagnostics.push(
                    Diagnostic::error(ModelMessage::BadWeight { value: v })
                        .at(at(source, w))
                        .hint(ModelMessage::HintWeight),
                );
                return None;
            }
            Some(v)
        });
        if c.ukuran.is_empty() {
            diagnostics.push(
                Diagnostic::error(ModelMessage::ComponentWithoutMeasures {
                    component: c.nama.trim().to_string(),
                })
                .at(at(source, &raw.tahun))
                .hint(ModelMessage::HintComponentMeasures),
            );
        }
        let mut measures = Vec::new();
        for m in &c.ukuran {
            match Measure::from_key(m.value.trim()) {
                Some(found) => {
                    if found == Measure::TaggedScore && raw.skor_tagging.is_none() {
                        diagnostics.push(
                            Diagnostic::error(ModelMessage::TaggedScoreWithoutRule)
                                .at(at(source, m))
                                .hint(ModelMessage::HintTaggedRule),
                        );
                    }
                    measures.push(found);
                }
                None => unknown(
                    m,
                    Measure::ALL.iter().map(|m| m.key().to_string()).collect(),
                    source,
                    diagnostics,
                ),
            }
        }
        components.push(Component {
            name: Bilingual::new(&c.nama, c.nama_en.as_deref()),
            weight,
            measures,
            note: c
                .keterangan
                .as_deref()
                .map(|k| Bilingual::new(k, c.keterangan_en.as_deref())),
        });
    }
    let weights: Vec<f64> = components.iter().filter_map(|c| c.weight).collect();
    let sum: f64 = weights.iter().sum();
    if weights.len() == components.len() && !weights.is_empty() && (sum - 100.0).abs() > 1e-9 {
        diagnostics.push(
            Diagnostic::warning(ModelMessage::WeightsNotHundred {
                sum,
                year: raw.tahun.value,
            })
            .at(at(source, &raw.tahun))
            .hint(ModelMessage::HintWeight),
        );
    }
    let tagging = raw.skor_tagging.as_ref().and_then(|r| {
        let direct = parse_figure(&r.langsung, source, diagnostics);
        let indirect = parse_figure(&r.tidak_langsung, source, diagnostics);
        let supporting = parse_figure(&r.penunjang, source, diagnostics);
        Some(TaggingRule {
            weights: TaggingWeights {
                direct: direct?,
                indirect: indirect?,
                supporting: supporting?,
                exclude_travel: r.tanpa_perjalanan_dinas,
            },
            normalise: r.normalisasi,
        })
    });
    let mut evidence = Vec::new();
    for e in &raw.bukti {
        match Evidence::from_key(e.value.trim()) {
            Some(found) if !evidence.contains(&found) => evidence.push(found),
            Some(_) => {}
            None => unknown(
                e,
                Evidence::ALL.iter().map(|e| e.key().to_string()).collect(),
                source,
                diagnostics,
            ),
        }
    }
    let realisation = match &raw.periode_realisasi {
        None => RealisationPeriod::Year,
        Some(p) => match RealisationPeriod::ALL
            .into_iter()
            .find(|r| r.key() == p.value.trim())
        {
            Some(found) => found,
            None => {
                unknown(
                    p,
                    RealisationPeriod::ALL
                        .iter()
                        .map(|r| r.key().to_string())
                        .collect(),
                    source,
                    diagnostics,
                );
                RealisationPeriod::Year
            }
        },
    };
    let measures: Vec<Measure> = components
        .iter()
        .flat_map(|c| c.measures.iter().copied())
        .collect();
    let mut rules: Vec<ScoreRule> = Vec::new();
    for r in &raw.aturan_skor {
        if let Some(y) = &r.tahun {
            diagnostics.push(
                Diagnostic::error(ModelMessage::RuleYearInScheme)
                    .at(at(source, y))
                    .hint(ModelMessage::HintRemoveRuleYear),
            );
        }
        let Some(y) = year else { continue };
        if let Some(rule) = validate_rule(r, y, &measures, from_site, source, diagnostics) {
            if rules.iter().any(|o| o.measure == rule.measure) {
                diagnostics.push(duplicate(
                    ModelMessage::DuplicateRule {
                        measure: rule.measure.key().to_string(),
                        year: y,
                    },
                    source,
                    &r.ukuran,
                ));
            } else {
                rules.push(rule);
            }
        }
    }
    let year = year.filter(|_| diagnostics.error_count() == errors_before)?;
    let scheme = Scheme {
        year,
        name: Bilingual::new(&raw.nama, raw.nama_en.as_deref()),
        basis: Bilingual::new(&raw.dasar, raw.dasar_en.as_deref()),
        note: raw
            .catatan
            .as_deref()
            .map(|c| Bilingual::new(c, raw.catatan_en.as_deref())),
        components,
        tagging,
        evidence,
        realisation,
        rules,
        from_site,
    };
    for (component, sum) in measure_weight_sums(&scheme) {
        diagnostics.push(
            Diagnostic::warning(ModelMessage::MeasureWeightsNotHundred {
                sum,
                component: component.to_string(),
                year,
            })
            .at(at(source, &raw.tahun))
            .hint(ModelMessage::HintMeasureWeight),
        );
    }
    Some(scheme)
}

/// The built-in schemes, by year.
pub(crate) fn built_in() -> BTreeMap<i32, Scheme> {
    let mut out = BTreeMap::new();
    for (name, text) in BUILT_IN {
        let source = SourceText::new(format!("skema/{name}"), text.to_string());
        let mut diagnostics = Diagnostics::new();
        // The built-in files are tested to parse cleanly (`built_in_schemes_are_valid`).
        if let Ok((raw, _)) = yaml::parse::<RawScheme>(&source, text, 0)
            && let Some(scheme) = validate_scheme(&raw, false, &source, &mut diagnostics)
        {
            out.insert(scheme.year, scheme);
        }
    }
    out
}

/// The scheme that applies to a report year: the year's own, else the latest before it.
/// Returns the scheme and whether it is the year's own.
pub(crate) fn applicable(schemes: &BTreeMap<i32, Scheme>, year: i32) -> Option<(&Scheme, bool)> {
    schemes
        .range(..=year)
        .next_back()
        .map(|(y, s)| (s, *y == year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_schemes_are_valid() {
        for (name, text) in BUILT_IN {
            let source = SourceText::new(format!("skema/{name}"), text.to_string());
            let (raw, unknown) = yaml::parse::<RawScheme>(&source, text, 0).unwrap();
            assert!(unknown.is_empty(), "{name}");
            let mut d = Diagnostics::new();
            let scheme = validate_scheme(&raw, false, &source, &mut d);
            assert!(
                d.is_empty(),
                "{name}: {}",
                d.render(crate::base::lang::Lang::Id)
            );
            assert!(scheme.is_some(), "{name}");
        }
        let all = built_in();
        assert_eq!(
            all.keys().copied().collect::<Vec<_>>(),
            vec![2023, 2024, 2025]
        );
        let pmk = &all[&2023];
        assert!(pmk.basis.id.contains("97 Tahun 2023"));
        let rule = pmk.tagging.as_ref().unwrap();
        assert_eq!(
            (
                rule.weights.direct,
                rule.weights.indirect,
                rule.weights.supporting
            ),
            (0.5, 0.3, 0.2)
        );
        assert!(rule.weights.exclude_travel && rule.normalise);
        let bangda = &all[&2025];
        assert_eq!(
            bangda
                .components
                .iter()
                .map(|c| c.weight)
                .collect::<Vec<_>>(),
            vec![Some(40.0), Some(60.0)]
        );
        assert_eq!(
            bangda.evidence,
            vec![
                Evidence::SkTkpk,
                Evidence::Rat,
                Evidence::SemesterReport1,
                Evidence::ProgramMatrix,
                Evidence::Realisation1
            ]
        );
    }

    #[test]
    fn the_latest_scheme_applies() {
        let all = built_in();
        assert_eq!(applicable(&all, 2022).map(|(s, _)| s.year), None);
        assert_eq!(
            applicable(&all, 2024).map(|(s, own)| (s.year, own)),
            Some((2024, true))
        );
        assert_eq!(
            applicable(&all, 2027).map(|(s, own)| (s.year, own)),
            Some((2025, false))
        );
    }
}
