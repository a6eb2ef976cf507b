//! Programs and budgets of one report year (`program.yaml`): the sub-kegiatan of the RAT and
//! semester-report matrix, with their strategy, tagging, allocation and realisation.

use super::values::{money, non_negative, parse_figure, thousands_dots};
use crate::base::diagnostics::{Diagnostic, Diagnostics, SourceText, at};
use crate::base::indicators::keys;
use crate::base::lang::Lang;
use crate::base::messages::Message;
use crate::base::suggest::{nearest, suggestion};
use crate::content::Sourced;
use crate::content::annual::{RawProgram, RawProgramFile};
use crate::content::messages::LoadMessage;
use crate::model::messages::ModelMessage;
use serde_saphyr::Spanned;
use std::path::PathBuf;

/// The three poverty-reduction strategies (Perpres 15/2010, Permendagri 53/2020).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strategy {
    /// 1: mengurangi beban pengeluaran.
    ReduceBurden,
    /// 2: meningkatkan pendapatan.
    RaiseIncome,
    /// 3: mengurangi kantong kemiskinan.
    ReducePockets,
}

impl Strategy {
    pub const ALL: [Strategy; 3] = [
        Strategy::ReduceBurden,
        Strategy::RaiseIncome,
        Strategy::ReducePockets,
    ];

    pub fn number(self) -> u8 {
        match self {
            Strategy::ReduceBurden => 1,
            Strategy::RaiseIncome => 2,
            Strategy::ReducePockets => 3,
        }
    }

    pub fn from_number(n: f64) -> Option<Strategy> {
        Strategy::ALL
            .into_iter()
            .find(|s| f64::from(s.number()) == n)
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Strategy::ReduceBurden, Lang::Id) => "Mengurangi beban pengeluaran",
            (Strategy::RaiseIncome, Lang::Id) => "Meningkatkan pendapatan",
            (Strategy::ReducePockets, Lang::Id) => "Mengurangi kantong kemiskinan",
            (Strategy::ReduceBurden, Lang::En) => "Reducing the burden of spending",
            (Strategy::RaiseIncome, Lang::En) => "Raising incomes",
            (Strategy::ReducePockets, Lang::En) => "Reducing poverty pockets",
        }
    }
}

/// Tagging of a sub-kegiatan (Kepmendagri 050-5889/2021 and 900.1.15.5-1317/2023).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tagging {
    Direct,
    Indirect,
    Supporting,
}

impl Tagging {
    pub const ALL: [Tagging; 3] = [Tagging::Direct, Tagging::Indirect, Tagging::Supporting];

    /// The key written in `program.yaml` and in evaluation schemes.
    pub fn key(self) -> &'static str {
        match self {
            Tagging::Direct => "langsung",
            Tagging::Indirect => "tidak_langsung",
            Tagging::Supporting => "penunjang",
        }
    }

    pub fn from_key(key: &str) -> Option<Tagging> {
        Tagging::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Tagging::Direct, Lang::Id) => "Langsung",
            (Tagging::Indirect, Lang::Id) => "Tidak langsung",
            (Tagging::Supporting, Lang::Id) => "Penunjang",
            (Tagging::Direct, Lang::En) => "Direct",
            (Tagging::Indirect, Lang::En) => "Indirect",
            (Tagging::Supporting, Lang::En) => "Supporting",
        }
    }
}

/// One sub-kegiatan. Money in rupiah.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub strategy: Strategy,
    pub agency: String,
    pub code: Option<String>,
    pub program: Option<String>,
    pub activity: Option<String>,
    pub sub_activity: String,
    pub tagging: Tagging,
    pub budget: f64,
    pub fund_source: Option<String>,
    pub aid_nature: Option<String>,
    pub location: Option<String>,
    pub targets: Option<f64>,
    pub target_unit: Option<String>,
    pub benefit: Option<String>,
    pub aid_kind: Option<String>,
    pub duration: Option<String>,
    pub realised_first: Option<f64>,
    pub realised_second: Option<f64>,
    /// Official travel inside `budget`: excluded from the tagged-spending score.
    pub travel: Option<f64>,
    /// The priority problems it addresses: basic-service indicator keys, as written.
    pub problems: Vec<String>,
    /// The kecamatan where it is carried out, as written.
    pub districts: Vec<String>,
}

impl Program {
    /// A sub-kegiatan for tests: the fields given, APBD funds, nothing else written.
    #[cfg(test)]
    pub(crate) fn example(
        strategy: Strategy,
        tagging: Tagging,
        agency: &str,
        budget: f64,
    ) -> Program {
        Program {
            strategy,
            agency: agency.into(),
            code: None,
            program: None,
            activity: None,
            sub_activity: "x".into(),
            tagging,
            budget,
            fund_source: Some("APBD".into()),
            aid_nature: None,
            location: None,
            targets: None,
            target_unit: None,
            benefit: None,
            aid_kind: None,
            duration: None,
            realised_first: None,
            realised_second: None,
            travel: None,
            problems: Vec::new(),
            districts: Vec::new(),
        }
    }

    /// Realisation of the year: semester I plus semester II, when either is written.
    pub fn realised(&self) -> Option<f64> {
        match (self.realised_first, self.realised_second) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or(0.0) + b.unwrap_or(0.0)),
        }
    }
}

/// The programs of one region and year.
#[derive(Clone, Debug)]
pub struct Programs {
    pub source: String,
    pub illustrative: bool,
    /// Total regional spending of the year (rupiah).
    pub regional_spending: Option<f64>,
    pub items: Vec<Program>,
    /// Where they were written, as shown to the author.
    pub file: PathBuf,
}

fn optional_money(
    figure: &Option<crate::content::RawFigure>,
    field: &str,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<f64> {
    figure
        .as_ref()
        .and_then(|f| money(f, field, source, diagnostics))
}

/// The items of a list (`masalah`, `kecamatan`), trimmed; an empty one is an error at its place.
fn names(
    items: &[Spanned<String>],
    field: &'static str,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Vec<String> {
    let mut out = Vec::new();
    for item in items {
        let name = item.value.trim();
        if name.is_empty() {
            diagnostics.push(
                Diagnostic::error(ModelMessage::ProgramListItemEmpty { field })
                    .at(at(source, item)),
            );
        } else {
            out.push(name.to_string());
        }
    }
    out
}

fn text(value: &Option<String>) -> Option<String> {
    value
        .as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn program(
    raw: &Spanned<RawProgram>,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<Program> {
    let p = &raw.value;
    let strategy = parse_figure(&p.strategi, source, diagnostics).and_then(|n| {
        let found = Strategy::from_number(n);
        if found.is_none() {
            diagnostics.push(
                Diagnostic::error(ModelMessage::BadStrategy {
                    text: at(source, &p.strategi).written(),
                })
                .at(at(source, &p.strategi))
                .hint(ModelMessage::HintStrategy),
            );
        }
        found
    });
    let tagging_key = p
        .tagging
        .value
        .trim()
        .to_lowercase()
        .replace([' ', '-'], "_");
    let tagging = Tagging::from_key(&tagging_key);
    if tagging.is_none() {
        let allowed: Vec<String> = Tagging::ALL.iter().map(|t| t.key().to_string()).collect();
        diagnostics.push(
            Diagnostic::error(LoadMessage::UnknownVariant {
                value: p.tagging.value.clone(),
                allowed: allowed.clone(),
            })
            .at(at(source, &p.tagging))
            .hint_opt(
                nearest(&tagging_key, allowed.iter().map(String::as_str))
                    .map(|s| Message::HintDidYouMean { suggestion: s }),
            ),
        );
    }
    let budget = money(&p.alokasi, "alokasi", source, diagnostics);
    let targets = p.sasaran.as_ref().and_then(|f| {
        // `2.950` targets is 2 950, never 2,95: a count with thousands dots is refused.
        if thousands_dots(f, source, diagnostics) {
            None
        } else {
            non_negative(f, "sasaran", source, diagnostics)
        }
    });
    let realised_first = optional_money(
        &p.realisasi_semester_1,
        "realisasi_semester_1",
        source,
        diagnostics,
    );
    let realised_second = optional_money(
        &p.realisasi_semester_2,
        "realisasi_semester_2",
        source,
        diagnostics,
    );
    let travel = optional_money(&p.perjalanan_dinas, "perjalanan_dinas", source, diagnostics);
    let problems = names(&p.masalah, "masalah", source, diagnostics);
    let allowed: Vec<String> = keys::DETERMINANTS.iter().map(|k| k.to_string()).collect();
    for (key, raw) in problems
        .iter()
        .zip(p.masalah.iter().filter(|r| !r.value.trim().is_empty()))
    {
        if !keys::DETERMINANTS.contains(&key.as_str()) {
            diagnostics.push(
                Diagnostic::error(ModelMessage::ProgramProblemUnknown { key: key.clone() })
                    .at(at(source, raw))
                    .hint(suggestion(key, &allowed)),
            );
        }
    }
    let districts = names(&p.kecamatan, "kecamatan", source, diagnostics);
    let (strategy, tagging, budget) = (strategy?, tagging?, budget?);
    let program = Program {
        strategy,
        agency: p.opd.trim().to_string(),
        code: text(&p.kode),
        program: text(&p.program),
        activity: text(&p.kegiatan),
        sub_activity: p.sub_kegiatan.trim().to_string(),
        tagging,
        budget,
        fund_source: text(&p.sumber_dana),
        aid_nature: text(&p.sifat_bantuan),
        location: text(&p.lokasi),
        targets,
        target_unit: text(&p.satuan_sasaran),
        benefit: text(&p.besaran_manfaat),
        aid_kind: text(&p.jenis_bantuan),
        duration: text(&p.durasi),
        realised_first,
        realised_second,
        travel,
        problems,
        districts,
    };
    if let Some(realised) = program.realised()
        && realised > budget
    {
        let figure = p
            .realisasi_semester_2
            .as_ref()
            .or(p.realisasi_semester_1.as_ref())
            .unwrap_or(&p.alokasi);
        diagnostics.push(
            Diagnostic::warning(ModelMessage::RealisedAboveBudget {
                name: program.sub_activity.clone(),
                realised,
                budget,
            })
            .at(at(source, figure))
            .hint(ModelMessage::HintCheckBudget),
        );
    }
    if let (Some(travel), Some(raw_travel)) = (travel, &p.perjalanan_dinas)
        && travel > budget
    {
        diagnostics.push(
            Diagnostic::error(ModelMessage::TravelAboveBudget { travel, budget })
                .at(at(source, raw_travel))
                .hint(ModelMessage::HintCheckBudget),
        );
        return None;
    }
    Some(program)
}

/// Validates a `program.yaml`.
pub(crate) fn validate_programs(
    file: &Sourced<RawProgramFile>,
    diagnostics: &mut Diagnostics,
) -> Programs {
    let source = &file.source;
    let doc = &file.doc;
    let regional_spending = doc
        .belanja_daerah
        .as_ref()
        .and_then(|f| money(f, "belanja_daerah", source, diagnostics));
    let items: Vec<Program> = doc
        .program
        .iter()
        .filter_map(|p| program(p, source, diagnostics))
        .collect();
    if let Some(total) = regional_spending {
        let tagged: f64 = items.iter().map(|p| p.budget).sum();
        if tagged > total
            && let Some(raw) = &doc.belanja_daerah
        {
            diagnostics.push(
                Diagnostic::warning(ModelMessage::TaggedAboveSpending {
                    tagged,
                    spending: total,
                })
                .at(at(source, raw))
                .hint(ModelMessage::HintCheckBudget),
            );
        }
    }
    if doc.program.is_empty() {
        diagnostics.push(
            Diagnostic::warning(ModelMessage::NoPrograms)
                .in_file(&source.display_path)
                .hint(ModelMessage::HintAddPrograms),
        );
    }
    Programs {
        source: doc.sumber.trim().to_string(),
        illustrative: doc.ilustrasi,
        regional_spending,
        items,
        file: source.display_path.clone(),
    }
}
