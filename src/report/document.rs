//! The LP2KD as a document: which of its parts a report fills and which it lacks. The view
//! numbers and lays out the parts; `tkpk check` warns about empty chapters, and a final print
//! (`tkpk pdf` without `--draf`) refuses a report that lacks a required part.

use super::Report;
use super::messages::ReportMessage;
use crate::base::diagnostics::Diagnostic;
use crate::base::format::roman;
use crate::base::lang::{Lang, Phrase};
use crate::model::{Approval, Chapter, Region, Site};
use std::path::PathBuf;

const BAB: Phrase = Phrase::new("BAB", "CHAPTER");

/// A part of the document that a report may lack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// The lembar pengesahan (`pengesahan.yaml`).
    Approval,
    Chapter(Chapter),
}

impl<'a> Report<'a> {
    /// The year's lembar pengesahan, when written.
    pub fn approval(&self) -> Option<&'a Approval> {
        self.region
            .year_data(self.year)
            .and_then(|d| d.approval.as_ref())
    }

    /// Whether `chapter` has something to show: a narrative of the year, or a section the
    /// report computes from the year's files.
    pub fn has_content(&self, chapter: Chapter) -> bool {
        let narrated = self
            .region
            .narratives
            .get(&self.year)
            .is_some_and(|n| n.iter().any(|n| n.chapter == Some(chapter)));
        narrated || self.computes(chapter)
    }

    /// Whether the report computes a section of `chapter` (figures, tables, charts).
    pub fn computes(&self, chapter: Chapter) -> bool {
        match chapter {
            Chapter::Ringkasan | Chapter::Profil | Chapter::PosisiRelatif => true,
            Chapter::Determinan => !self.determinants.is_empty() || self.deciles.is_some(),
            Chapter::CapaianTarget => self.show_targets && !self.region.series.targets.is_empty(),
            // The programme details stand in the annexes.
            Chapter::Program | Chapter::Lampiran => self.programs.is_some(),
            Chapter::Kantong => self.pockets.is_some(),
            Chapter::Kelembagaan => self.institution.is_some(),
            Chapter::KataPengantar
            | Chapter::Pendahuluan
            | Chapter::KondisiUmum
            | Chapter::Evaluasi
            | Chapter::Penutup => false,
        }
    }

    /// The numbered chapters (and the foreword) with nothing to show, in report order.
    pub fn empty_chapters(&self) -> Vec<Chapter> {
        Chapter::ALL
            .into_iter()
            .filter(|c| c.number().is_some() || *c == Chapter::KataPengantar)
            .filter(|c| !self.has_content(*c))
            .collect()
    }

    /// What a final print needs and this report lacks: the lembar pengesahan and the required
    /// chapters (`Chapter::required`).
    pub fn missing_for_final(&self) -> Vec<Part> {
        let approval = self.approval().is_none().then_some(Part::Approval);
        approval
            .into_iter()
            .chain(
                Chapter::ALL
                    .into_iter()
                    .filter(|c| c.required() && !self.has_content(*c))
                    .map(Part::Chapter),
            )
            .collect()
    }
}

impl Part {
    /// `BAB I Pendahuluan (bab: pendahuluan)`, `lembar pengesahan (pengesahan.yaml)`.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Part::Approval => {
                crate::base::messages::Words::text(&ReportMessage::ApprovalPart, lang)
            }
            Part::Chapter(c) => format!("{} (`bab: {}`)", chapter_name(c, lang), c.key()),
        }
    }
}

/// `BAB II Kondisi Umum Daerah`, or the title alone for an unnumbered part.
fn chapter_name(chapter: Chapter, lang: Lang) -> String {
    match chapter.number() {
        Some(n) => format!("{} {} {}", BAB.get(lang), roman(n), chapter.title(lang)),
        None => chapter.title(lang).to_string(),
    }
}

/// How many reports `tkpk check` names one by one; the rest are counted in one warning.
const SHOWN: usize = 10;

/// The year folder of a report: where its narratives and `pengesahan.yaml` are written.
fn folder(region: &Region, year: i32) -> PathBuf {
    PathBuf::from("content")
        .join(&region.slug)
        .join(year.to_string())
}

/// The years of `region` whose reports are being written: those whose folder holds files
/// (narratives, data files) and the site's report year, each with a report.
fn years_in_work(site: &Site, region: &Region) -> Vec<i32> {
    let reported = region.report_years();
    let mut years: Vec<i32> = region
        .narratives
        .keys()
        .chain(region.annual.keys())
        .copied()
        .chain(site.config.report_year)
        .filter(|y| reported.contains(y))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// `tkpk check`: one warning per report being written that has chapters without content (at
/// most [`SHOWN`], then one warning counting the rest).
pub(crate) fn empty_chapter_warnings(site: &Site) -> Vec<Diagnostic> {
    let lang = site.config.lang;
    let mut out = Vec::new();
    let mut more = 0;
    for region in &site.regions {
        for year in years_in_work(site, region) {
            let empty = super::report(site, region, year).empty_chapters();
            if empty.is_empty() {
                continue;
            }
            if out.len() == SHOWN {
                more += 1;
                continue;
            }
            out.push(
                Diagnostic::warning(ReportMessage::EmptyChapters {
                    region: region.name.clone(),
                    year,
                    chapters: empty.iter().map(|c| chapter_name(*c, lang)).collect(),
                })
                .in_file(folder(region, year))
                .hint(ReportMessage::HintWriteChapters {
                    keys: empty.iter().map(|c| c.key().to_string()).collect(),
                }),
            );
        }
    }
    if more > 0 {
        out.push(Diagnostic::warning(ReportMessage::MoreEmptyChapters {
            regions: more,
        }));
    }
    out
}

/// A final print (`tkpk pdf` without `--draf`): an error for each published report of the
/// selection (`region`, `year`; all when `None`) that lacks a required part, naming them.
pub(crate) fn final_refusals(
    site: &Site,
    region: Option<&str>,
    year: Option<i32>,
) -> Vec<Diagnostic> {
    let lang = site.config.lang;
    site.regions
        .iter()
        .filter(|r| region.is_none_or(|slug| r.slug == slug))
        .flat_map(|r| {
            site.report_years(r)
                .into_iter()
                .filter(|y| year.is_none_or(|wanted| *y == wanted))
                .filter_map(move |y| {
                    let missing = super::report(site, r, y).missing_for_final();
                    (!missing.is_empty()).then(|| {
                        Diagnostic::error(ReportMessage::FinalIncomplete {
                            region: r.name.clone(),
                            year: y,
                            missing: missing.iter().map(|p| p.name(lang)).collect(),
                        })
                        .in_file(folder(r, y))
                        .hint(ReportMessage::HintFinal)
                    })
                })
        })
        .collect()
}
