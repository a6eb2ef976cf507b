//! The evidence an evaluation asks for, and where each item is written: an item is present
//! when the year's `kelembagaan.yaml` or `program.yaml` holds it.

use crate::base::lang::{Lang, Phrase};
use crate::model::YearData;
use crate::model::institution::{Date, Decree, ReportKind};
use crate::model::scans::Scan;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    SkTkpk,
    Rpkd,
    Rat,
    SemesterReport1,
    SemesterReport2,
    AnnualReport,
    Meetings,
    DataVerification,
    ProgramMatrix,
    Realisation,
    Realisation1,
    RegionalSpending,
}

/// The file of the year folder that holds an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceFile {
    Institution,
    Programs,
}

impl EvidenceFile {
    pub fn name(self) -> &'static str {
        match self {
            EvidenceFile::Institution => "kelembagaan.yaml",
            EvidenceFile::Programs => "program.yaml",
        }
    }
}

impl Evidence {
    pub const ALL: [Evidence; 12] = [
        Evidence::SkTkpk,
        Evidence::Rpkd,
        Evidence::Rat,
        Evidence::SemesterReport1,
        Evidence::SemesterReport2,
        Evidence::AnnualReport,
        Evidence::Meetings,
        Evidence::DataVerification,
        Evidence::ProgramMatrix,
        Evidence::Realisation,
        Evidence::Realisation1,
        Evidence::RegionalSpending,
    ];

    /// The key an evaluation scheme lists under `bukti:`.
    pub fn key(self) -> &'static str {
        match self {
            Evidence::SkTkpk => "sk_tkpk",
            Evidence::Rpkd => "rpkd",
            Evidence::Rat => "rat",
            Evidence::SemesterReport1 => "laporan_semester_1",
            Evidence::SemesterReport2 => "laporan_semester_2",
            Evidence::AnnualReport => "laporan_tahunan",
            Evidence::Meetings => "rapat",
            Evidence::DataVerification => "verifikasi_data",
            Evidence::ProgramMatrix => "matriks_program",
            Evidence::Realisation => "realisasi",
            Evidence::Realisation1 => "realisasi_semester_1",
            Evidence::RegionalSpending => "belanja_daerah",
        }
    }

    pub fn from_key(key: &str) -> Option<Evidence> {
        Evidence::ALL.into_iter().find(|e| e.key() == key)
    }

    pub fn title(self, lang: Lang) -> &'static str {
        self.phrase().get(lang)
    }

    /// The item's title in both languages.
    pub fn phrase(self) -> Phrase {
        let (id, en) = match self {
            Evidence::SkTkpk => ("SK TKPK", "TKPK decree (SK TKPK)"),
            Evidence::Rpkd => (
                "Rencana Penanggulangan Kemiskinan Daerah (RPKD)",
                "Regional poverty-reduction plan (RPKD)",
            ),
            Evidence::Rat => ("Rencana Aksi Tahunan (RAT)", "Annual action plan (RAT)"),
            Evidence::SemesterReport1 => (
                "Laporan pelaksanaan semester I",
                "Semester I implementation report",
            ),
            Evidence::SemesterReport2 => (
                "Laporan pelaksanaan semester II",
                "Semester II implementation report",
            ),
            Evidence::AnnualReport => (
                "Laporan tahunan (LP2KD) terkirim",
                "Annual report (LP2KD) sent",
            ),
            Evidence::Meetings => ("Rapat koordinasi TKPK", "TKPK coordination meetings"),
            Evidence::DataVerification => (
                "Verifikasi data sasaran dan SK-nya",
                "Targeting-data verification and its decree",
            ),
            Evidence::ProgramMatrix => (
                "Matriks program per sub-kegiatan",
                "Programme matrix by sub-activity",
            ),
            Evidence::Realisation => (
                "Realisasi setiap sub-kegiatan",
                "Realisation of every sub-activity",
            ),
            Evidence::Realisation1 => (
                "Realisasi semester I setiap sub-kegiatan",
                "Semester I realisation of every sub-activity",
            ),
            Evidence::RegionalSpending => ("Total belanja daerah", "Total regional spending"),
        };
        Phrase::new(id, en)
    }

    pub fn file(self) -> EvidenceFile {
        match self {
            Evidence::ProgramMatrix
            | Evidence::Realisation
            | Evidence::Realisation1
            | Evidence::RegionalSpending => EvidenceFile::Programs,
            _ => EvidenceFile::Institution,
        }
    }

    /// What to write to supply the item (YAML, the same in both languages).
    pub fn example(self) -> &'static str {
        match self {
            Evidence::SkTkpk => "sk_tkpk: {nomor: \"…\", tanggal: 2025-03-10, periode: 2025–2029}",
            Evidence::Rpkd => "rpkd: {nomor: \"…\", tanggal: 2025-05-02, periode: 2025–2029}",
            Evidence::Rat => "rat: {nomor: \"…\", tanggal: 2025-02-20}",
            Evidence::SemesterReport1 => {
                "laporan: [{jenis: semester_1, tanggal: 2025-07-15, kepada: \"…\"}]"
            }
            Evidence::SemesterReport2 => {
                "laporan: [{jenis: semester_2, tanggal: 2026-01-15, kepada: \"…\"}]"
            }
            Evidence::AnnualReport => {
                "laporan: [{jenis: tahunan, tanggal: 2025-03-31, kepada: \"…\"}]"
            }
            Evidence::Meetings => {
                "rapat: [{tanggal: 2025-02-14, jenis: Rapat koordinasi, agenda: \"…\"}]"
            }
            Evidence::DataVerification => {
                "verifikasi_data: [{tanggal: 2025-08-29, data: DTSEN, sebelum: 61240, sesudah: 58315, sk: \"…\"}]"
            }
            Evidence::ProgramMatrix => {
                "program: [{strategi: 1, opd: \"…\", sub_kegiatan: \"…\", tagging: langsung, alokasi: 450000000}]"
            }
            Evidence::Realisation => {
                "realisasi_semester_1: … dan realisasi_semester_2: … pada setiap program"
            }
            Evidence::Realisation1 => "realisasi_semester_1: … pada setiap program",
            Evidence::RegionalSpending => "belanja_daerah: 2300000000000",
        }
    }

    /// Whether the year's data holds the item.
    pub fn present(self, data: Option<&YearData>) -> bool {
        let institution = data.and_then(|d| d.institution.as_ref());
        let programs = data
            .and_then(|d| d.programs.as_ref())
            .filter(|p| !p.items.is_empty());
        let report = |kind: ReportKind| {
            institution.is_some_and(|i| i.reports.iter().any(|r| r.kind == kind))
        };
        match self {
            Evidence::SkTkpk => institution.is_some_and(|i| i.decree.is_some()),
            Evidence::Rpkd => institution.is_some_and(|i| i.plan.is_some()),
            Evidence::Rat => institution.is_some_and(|i| i.action_plan.is_some()),
            Evidence::SemesterReport1 => report(ReportKind::Semester(1)),
            Evidence::SemesterReport2 => report(ReportKind::Semester(2)),
            Evidence::AnnualReport => report(ReportKind::Annual),
            Evidence::Meetings => institution.is_some_and(|i| !i.meetings.is_empty()),
            Evidence::DataVerification => {
                institution.is_some_and(|i| i.verifications.iter().any(|v| v.decree.is_some()))
            }
            Evidence::ProgramMatrix => programs.is_some(),
            Evidence::Realisation => {
                programs.is_some_and(|p| p.items.iter().all(|i| i.realised().is_some()))
            }
            Evidence::Realisation1 => {
                programs.is_some_and(|p| p.items.iter().all(|i| i.realised_first.is_some()))
            }
            Evidence::RegionalSpending => programs.is_some_and(|p| p.regional_spending.is_some()),
        }
    }
}

impl Evidence {
    /// The evidence files (`berkas:`) of the item, in the order they are written.
    pub fn scans(self, data: Option<&YearData>) -> Vec<Scan> {
        let Some(i) = data.and_then(|d| d.institution.as_ref()) else {
            return Vec::new();
        };
        let decree = |d: &Option<Decree>| d.iter().filter_map(|d| d.scan.clone()).collect();
        let report = |kind: ReportKind| {
            i.reports
                .iter()
                .filter(|r| r.kind == kind)
                .filter_map(|r| r.scan.clone())
                .collect()
        };
        match self {
            Evidence::SkTkpk => decree(&i.decree),
            Evidence::Rpkd => decree(&i.plan),
            Evidence::Rat => decree(&i.action_plan),
            Evidence::SemesterReport1 => report(ReportKind::Semester(1)),
            Evidence::SemesterReport2 => report(ReportKind::Semester(2)),
            Evidence::AnnualReport => report(ReportKind::Annual),
            Evidence::Meetings => i.meetings.iter().filter_map(|m| m.scan.clone()).collect(),
            Evidence::DataVerification => i
                .verifications
                .iter()
                .filter_map(|v| v.scan.clone())
                .collect(),
            Evidence::ProgramMatrix
            | Evidence::Realisation
            | Evidence::Realisation1
            | Evidence::RegionalSpending => Vec::new(),
        }
    }
}

/// The date a region's year stands at by its own content: the date of its lembar pengesahan
/// (`pengesahan.yaml`), else the latest date its `kelembagaan.yaml` holds, else 31 December of
/// the year. A bundle and its PDFs are stamped with it when no date is given, so that the same
/// content gives the same bytes.
pub(crate) fn content_date(data: Option<&YearData>, year: i32) -> Date {
    let approval = data.and_then(|d| d.approval.as_ref()).map(|a| a.date);
    approval
        .or_else(|| {
            data.and_then(|d| d.institution.as_ref())
                .and_then(|i| i.latest_date())
        })
        .unwrap_or(Date {
            year,
            month: 12,
            day: 31,
        })
}

/// One line of the checklist.
#[derive(Clone, Debug, PartialEq)]
pub struct ChecklistItem {
    pub evidence: Evidence,
    pub present: bool,
    /// `content/<slug>/<year>/<file>`: where it is, or where to write it.
    pub file: String,
    /// Its evidence files (`berkas:`), each path from the year folder (`bukti/…`).
    pub scans: Vec<Scan>,
}

/// The checklist of a scheme for one region and year.
pub(crate) fn checklist(
    evidence: &[Evidence],
    data: Option<&YearData>,
    slug: &str,
    year: i32,
) -> Vec<ChecklistItem> {
    evidence
        .iter()
        .map(|e| ChecklistItem {
            evidence: *e,
            present: e.present(data),
            file: format!("content/{slug}/{year}/{}", e.file().name()),
            scans: e.scans(data),
        })
        .collect()
}
