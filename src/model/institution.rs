//! The TKPK's institutional records of one report year (`kelembagaan.yaml`): its decree, plans,
//! meetings, reports sent and the verification of the targeting data.

use super::values::count;
use crate::base::diagnostics::{Diagnostic, Diagnostics, SourceText, at};
use crate::base::lang::Lang;
use crate::base::messages::Message;
use crate::base::suggest::nearest;
use crate::content::Sourced;
use crate::content::annual::{RawApprovalFile, RawDecree, RawInstitutionFile};
use crate::content::messages::LoadMessage;
use crate::model::messages::ModelMessage;
use crate::model::scans::{Scan, scan};
use serde_saphyr::Spanned;
use std::path::{Path, PathBuf};

/// A calendar date, written `2025-03-10`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// `2025-03-10` → a date, when it is one.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (year, month, day) = (
            y.parse::<i32>().ok()?,
            m.parse::<u8>().ok()?,
            d.parse::<u8>().ok()?,
        );
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1990..=2100).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// `10 Maret 2025` / `10 March 2025`.
    pub fn long(&self, lang: Lang) -> String {
        let months = match lang {
            Lang::Id => MONTHS_ID,
            Lang::En => MONTHS_EN,
        };
        format!(
            "{} {} {}",
            self.day,
            months[usize::from(self.month - 1)],
            self.year
        )
    }

    /// `2025-03-10`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Decree {
    pub number: String,
    pub date: Option<Date>,
    pub period: Option<String>,
    pub title: Option<String>,
    /// Its scan (`berkas:`), checked.
    pub scan: Option<Scan>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Meeting {
    pub date: Option<Date>,
    pub kind: String,
    pub agenda: String,
    pub participants: Option<f64>,
    /// Its scan (`berkas:`), checked.
    pub scan: Option<Scan>,
}

/// The reports a TKPK sends: by semester since Inpres 8/2025, by quarter before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReportKind {
    Semester(u8),
    Quarter(u8),
    Annual,
}

impl ReportKind {
    pub const KEYS: [&'static str; 7] = [
        "semester_1",
        "semester_2",
        "triwulan_1",
        "triwulan_2",
        "triwulan_3",
        "triwulan_4",
        "tahunan",
    ];

    pub fn from_key(key: &str) -> Option<ReportKind> {
        match key {
            "semester_1" => Some(ReportKind::Semester(1)),
            "semester_2" => Some(ReportKind::Semester(2)),
            "triwulan_1" => Some(ReportKind::Quarter(1)),
            "triwulan_2" => Some(ReportKind::Quarter(2)),
            "triwulan_3" => Some(ReportKind::Quarter(3)),
            "triwulan_4" => Some(ReportKind::Quarter(4)),
            "tahunan" => Some(ReportKind::Annual),
            _ => None,
        }
    }

    pub fn title(self, lang: Lang) -> String {
        match (self, lang) {
            (ReportKind::Semester(n), Lang::Id) => format!("Laporan semester {}", roman(n)),
            (ReportKind::Quarter(n), Lang::Id) => format!("Laporan triwulan {}", roman(n)),
            (ReportKind::Annual, Lang::Id) => "Laporan tahunan (LP2KD)".to_string(),
            (ReportKind::Semester(n), Lang::En) => format!("Semester {} report", roman(n)),
            (ReportKind::Quarter(n), Lang::En) => format!("Quarter {} report", roman(n)),
            (ReportKind::Annual, Lang::En) => "Annual report (LP2KD)".to_string(),
        }
    }
}

fn roman(n: u8) -> String {
    crate::base::format::roman(usize::from(n))
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReportSent {
    pub kind: ReportKind,
    pub date: Option<Date>,
    pub recipient: String,
    pub period: Option<String>,
    /// Its scan (`berkas:`), checked.
    pub scan: Option<Scan>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Verification {
    pub date: Option<Date>,
    pub data: Option<String>,
    pub before: f64,
    pub after: f64,
    pub unit: Option<String>,
    pub decree: Option<String>,
    /// Its scan (`berkas:`), checked.
    pub scan: Option<Scan>,
}

#[derive(Clone, Debug)]
pub struct Institution {
    pub illustrative: bool,
    pub source: Option<String>,
    pub decree: Option<Decree>,
    pub plan: Option<Decree>,
    pub action_plan: Option<Decree>,
    pub meetings: Vec<Meeting>,
    pub reports: Vec<ReportSent>,
    pub verifications: Vec<Verification>,
    pub file: PathBuf,
}

impl Institution {
    /// Every evidence file the year names, each once, by path.
    pub fn scans(&self) -> Vec<&Scan> {
        let mut all: Vec<&Scan> = [&self.decree, &self.plan, &self.action_plan]
            .into_iter()
            .flatten()
            .filter_map(|d| d.scan.as_ref())
            .chain(self.meetings.iter().filter_map(|m| m.scan.as_ref()))
            .chain(self.reports.iter().filter_map(|r| r.scan.as_ref()))
            .chain(self.verifications.iter().filter_map(|v| v.scan.as_ref()))
            .collect();
        all.sort_by(|a, b| a.path.cmp(&b.path));
        all.dedup_by(|a, b| a.path == b.path);
        all
    }

    /// The latest date the records hold (a decree, a meeting, a report sent, a verification).
    pub fn latest_date(&self) -> Option<Date> {
        [&self.decree, &self.plan, &self.action_plan]
            .into_iter()
            .flatten()
            .filter_map(|d| d.date)
            .chain(self.meetings.iter().filter_map(|m| m.date))
            .chain(self.reports.iter().filter_map(|r| r.date))
            .chain(self.verifications.iter().filter_map(|v| v.date))
            .max()
    }
}

fn date(raw: &Spanned<String>, source: &SourceText, diagnostics: &mut Diagnostics) -> Option<Date> {
    let found = Date::parse(&raw.value);
    if found.is_none() {
        diagnostics.push(
            Diagnostic::error(ModelMessage::BadDate {
                text: raw.value.clone(),
            })
            .at(at(source, raw))
            .hint(ModelMessage::HintDate),
        );
    }
    found
}

fn decree(
    raw: &Option<RawDecree>,
    (source, folder): (&SourceText, &Path),
    diagnostics: &mut Diagnostics,
) -> Option<Decree> {
    raw.as_ref().map(|d| Decree {
        number: d.nomor.trim().to_string(),
        date: date(&d.tanggal, source, diagnostics),
        period: d.periode.clone(),
        title: d.judul.clone(),
        scan: scan(d.berkas.as_ref(), folder, source, diagnostics),
    })
}

/// Validates a `kelembagaan.yaml` read from the year folder `folder` (on disk, where its
/// evidence files are).
pub(crate) fn validate_institution(
    file: &Sourced<RawInstitutionFile>,
    folder: &Path,
    diagnostics: &mut Diagnostics,
) -> Institution {
    let source = &file.source;
    let doc = &file.doc;
    let meetings = doc
        .rapat
        .iter()
        .map(|m| Meeting {
            date: date(&m.tanggal, source, diagnostics),
            kind: m.jenis.trim().to_string(),
            agenda: m.agenda.trim().to_string(),
            participants: m
                .peserta
                .as_ref()
                .and_then(|f| count(f, "peserta", source, diagnostics)),
            scan: scan(m.berkas.as_ref(), folder, source, diagnostics),
        })
        .collect();
    let reports = doc
        .laporan
        .iter()
        .filter_map(|r| {
            let key = r.jenis.value.trim().to_lowercase().replace([' ', '-'], "_");
            let kind = ReportKind::from_key(&key);
            if kind.is_none() {
                let allowed: Vec<String> = ReportKind::KEYS.iter().map(|k| k.to_string()).collect();
                diagnostics.push(
                    Diagnostic::error(LoadMessage::UnknownVariant {
                        value: r.jenis.value.clone(),
                        allowed: allowed.clone(),
                    })
                    .at(at(source, &r.jenis))
                    .hint_opt(
                        nearest(&key, allowed.iter().map(String::as_str))
                            .map(|s| Message::HintDidYouMean { suggestion: s }),
                    ),
                );
            }
            let date = date(&r.tanggal, source, diagnostics);
            let scan = scan(r.berkas.as_ref(), folder, source, diagnostics);
            Some(ReportSent {
                scan,
                kind: kind?,
                date,
                recipient: r.kepada.trim().to_string(),
                period: r.periode.clone(),
            })
        })
        .collect();
    let verifications = doc
        .verifikasi_data
        .iter()
        .filter_map(|v| {
            let date = date(&v.tanggal, source, diagnostics);
            let before = count(&v.sebelum, "sebelum", source, diagnostics);
            let after = count(&v.sesudah, "sesudah", source, diagnostics);
            let scan = scan(v.berkas.as_ref(), folder, source, diagnostics);
            Some(Verification {
                scan,
                date,
                data: v.data.clone(),
                before: before?,
                after: after?,
                unit: v.satuan.clone(),
                decree: v.sk.clone(),
            })
        })
        .collect();
    Institution {
        illustrative: doc.ilustrasi,
        source: doc.sumber.clone(),
        decree: decree(&doc.sk_tkpk, (source, folder), diagnostics),
        plan: decree(&doc.rpkd, (source, folder), diagnostics),
        action_plan: decree(&doc.rat, (source, folder), diagnostics),
        meetings,
        reports,
        verifications,
        file: source.display_path.clone(),
    }
}

/// Validates a `pengesahan.yaml`: a real date, and a NIP of 18 digits (written with or
/// without spaces), shown in its usual groups (`19700101 199503 1 001`).
pub(crate) fn validate_approval(
    file: &Sourced<RawApprovalFile>,
    diagnostics: &mut Diagnostics,
) -> Option<super::Approval> {
    let source = &file.source;
    let doc = &file.doc;
    let date = date(&doc.tanggal, source, diagnostics);
    let nip = doc.nip.as_ref().and_then(|raw| {
        let digits: String = raw.value.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() == 18 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Some(format!(
                "{} {} {} {}",
                &digits[..8],
                &digits[8..14],
                &digits[14..15],
                &digits[15..]
            ))
        } else {
            diagnostics.push(
                Diagnostic::error(ModelMessage::BadNip {
                    text: raw.value.clone(),
                })
                .at(at(source, raw))
                .hint(ModelMessage::HintNip),
            );
            None
        }
    });
    let text = |t: &str| t.trim().to_string();
    Some(super::Approval {
        place: text(&doc.tempat),
        date: date?,
        position: text(&doc.jabatan),
        name: text(&doc.nama),
        rank: doc.pangkat.as_deref().map(text).filter(|t| !t.is_empty()),
        nip,
        illustrative: doc.ilustrasi,
        file: source.display_path.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_and_worded() {
        let d = Date::parse("2024-02-29").unwrap();
        assert_eq!(d.long(Lang::Id), "29 Februari 2024");
        assert_eq!(d.long(Lang::En), "29 February 2024");
        assert_eq!(d.iso(), "2024-02-29");
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2025-13-01"), None);
        assert_eq!(Date::parse("10-03-2025"), None);
        assert_eq!(Date::parse("2025-3-10"), None);
    }
}
