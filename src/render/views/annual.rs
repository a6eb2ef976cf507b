//! The report chapters built from a year's data files: programmes and budget (`program.yaml`),
//! poverty pockets (`kantong.yaml`), basic services by welfare decile (`desil.yaml`) and the
//! TKPK's institutions (`kelembagaan.yaml`). Money is
//! worded here (rupiah, grouped), so templates only lay the tables out.

use crate::analysis::budget::Totals;
use crate::base::format;
use crate::base::lang::Lang;
use crate::model::institution::{Decree, Institution};
use crate::model::pockets::{DecileOne, Pockets};
use crate::report::deciles::DecileReport;
use crate::report::{ProgramReport, Report};
use crate::words::{sentences, targeting};
use serde::Serialize;

#[derive(Serialize)]
pub struct BudgetRow {
    pub nama: String,
    pub jumlah: usize,
    pub alokasi: String,
    pub realisasi: String,
    pub persen: String,
}

fn budget_row(name: String, t: &Totals, lang: Lang) -> BudgetRow {
    BudgetRow {
        nama: name,
        jumlah: t.count,
        alokasi: format::rupiah(t.budget, lang),
        realisasi: if t.budget_reported > 0.0 {
            format::rupiah(t.realised, lang)
        } else {
            "–".into()
        },
        persen: t
            .rate()
            .map(|r| format::number(r, 2, lang))
            .unwrap_or_else(|| "–".into()),
    }
}

#[derive(Serialize)]
pub struct ProgramRow {
    pub strategi: u8,
    pub opd: String,
    pub kode: String,
    pub program: String,
    pub sub_kegiatan: String,
    pub tagging: &'static str,
    pub sumber_dana: String,
    pub sasaran: String,
    pub alokasi: String,
    pub semester_1: String,
    pub semester_2: String,
    pub realisasi: String,
    pub persen: String,
}

#[derive(Serialize)]
pub struct ProgramSection {
    pub ilustrasi: bool,
    pub sumber: String,
    pub berkas: String,
    pub kalimat: String,
    pub total: BudgetRow,
    pub per_strategi: Vec<BudgetRow>,
    pub per_tagging: Vec<BudgetRow>,
    pub per_opd: Vec<BudgetRow>,
    pub per_sumber_dana: Vec<BudgetRow>,
    pub rincian: Vec<ProgramRow>,
    pub belanja_daerah: Option<String>,
    /// Allocation of the programmes as a share of total regional spending.
    pub porsi_belanja: Option<String>,
    /// The basic services against the sub-kegiatan aimed at them (priority problems first).
    pub masalah: Vec<ProblemRow>,
    pub masalah_kalimat: Vec<String>,
    /// Per kecamatan (pockets first), the sub-kegiatan carried out there.
    pub kecamatan: Vec<DistrictRow>,
    pub kecamatan_kalimat: Vec<String>,
}

#[derive(Serialize)]
pub struct ProblemRow {
    /// `1`, or `–` for a service that is not a priority problem.
    pub prioritas: String,
    pub nama: String,
    /// A top priority problem no sub-kegiatan is aimed at.
    pub tanpa_program: bool,
    pub anggaran: BudgetRow,
    /// The sub-kegiatan aimed at it, by name.
    pub sub_kegiatan: Vec<String>,
}

#[derive(Serialize)]
pub struct DistrictRow {
    pub kantong: bool,
    /// The pocket's priority villages, or `–`.
    pub desa: String,
    pub anggaran: BudgetRow,
}

fn or_dash(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "–".into())
}

fn money_or_dash(value: Option<f64>, lang: Lang) -> String {
    value
        .map(|v| format::rupiah(v, lang))
        .unwrap_or_else(|| "–".into())
}

pub fn program_section(
    report: &ProgramReport,
    pockets: Option<&Pockets>,
    services_known: bool,
    year: i32,
    lang: Lang,
) -> ProgramSection {
    let (programs, summary) = (report.programs, &report.summary);
    let rows = |groups: &[(String, Totals)]| {
        groups
            .iter()
            .map(|(n, t)| budget_row(n.clone(), t, lang))
            .collect::<Vec<_>>()
    };
    let rincian = programs
        .items
        .iter()
        .map(|p| ProgramRow {
            strategi: p.strategy.number(),
            opd: p.agency.clone(),
            kode: or_dash(&p.code),
            program: or_dash(&p.program),
            sub_kegiatan: p.sub_activity.clone(),
            tagging: p.tagging.title(lang),
            sumber_dana: or_dash(&p.fund_source),
            sasaran: match (p.targets, &p.target_unit) {
                (Some(n), Some(u)) => format!("{} {u}", format::number(n, 0, lang)),
                (Some(n), None) => format::number(n, 0, lang),
                _ => "–".into(),
            },
            alokasi: format::rupiah(p.budget, lang),
            semester_1: money_or_dash(p.realised_first, lang),
            semester_2: money_or_dash(p.realised_second, lang),
            realisasi: money_or_dash(p.realised(), lang),
            persen: p
                .realised()
                .filter(|_| p.budget > 0.0)
                .map(|r| format::number(r / p.budget * 100.0, 2, lang))
                .unwrap_or_else(|| "–".into()),
        })
        .collect();
    ProgramSection {
        ilustrasi: programs.illustrative,
        sumber: programs.source.clone(),
        berkas: programs.file.display().to_string(),
        kalimat: sentences::budget(summary, year, lang),
        total: budget_row(String::new(), &summary.total, lang),
        per_strategi: summary
            .by_strategy
            .iter()
            .map(|(s, t)| budget_row(format!("{}. {}", s.number(), s.title(lang)), t, lang))
            .collect(),
        per_tagging: summary
            .by_tagging
            .iter()
            .map(|(tag, t)| budget_row(tag.title(lang).to_string(), t, lang))
            .collect(),
        per_opd: rows(&summary.by_agency),
        per_sumber_dana: rows(&summary.by_fund_source),
        rincian,
        masalah: report
            .problems
            .iter()
            .map(|p| ProblemRow {
                prioritas: p.priority.map_or("–".into(), |n| n.to_string()),
                nama: p.indicator.label(lang).to_string(),
                tanpa_program: report.unaddressed().any(|u| std::ptr::eq(u, p)),
                anggaran: budget_row(String::new(), &p.totals, lang),
                sub_kegiatan: p.programs.iter().map(|q| q.sub_activity.clone()).collect(),
            })
            .collect(),
        masalah_kalimat: targeting::problems(report, services_known, year, lang),
        kecamatan: report
            .districts
            .iter()
            .map(|d| DistrictRow {
                kantong: d.pocket.is_some(),
                desa: d
                    .pocket
                    .and_then(|i| pockets.and_then(|p| p.districts.get(i)))
                    .and_then(|district| district.villages)
                    .map_or("–".into(), |v| v.to_string()),
                anggaran: budget_row(d.name.clone(), &d.totals, lang),
            })
            .collect(),
        kecamatan_kalimat: if report.districts.is_empty() {
            Vec::new()
        } else {
            targeting::districts(&report.districts, year, lang)
        },
        belanja_daerah: programs.regional_spending.map(|v| format::rupiah(v, lang)),
        porsi_belanja: report
            .allocation_share()
            .map(|(_, share)| format::number(share, 2, lang)),
    }
}

#[derive(Serialize)]
pub struct PocketRow {
    pub kecamatan: String,
    pub desa: String,
    pub nama_desa: String,
    pub rumah_tangga: String,
    pub jiwa: String,
    /// Decile 1 (the poorest tenth), when the file gives it.
    pub desil1_rumah_tangga: String,
    pub desil1_jiwa: String,
}

#[derive(Serialize)]
pub struct PocketSection {
    pub ilustrasi: bool,
    pub sumber: String,
    pub catatan: Option<String>,
    /// The year of the mapping (may be earlier than the report's).
    pub tahun_pemetaan: i32,
    pub kalimat: Option<String>,
    pub baris: Vec<PocketRow>,
    pub total_desa: u32,
    pub ada_desil: bool,
    pub ada_desil1: bool,
}

pub fn pocket_section(pockets: &Pockets, mapped: i32, lang: Lang) -> PocketSection {
    let sum = |m: &std::collections::BTreeMap<u8, f64>| {
        if m.is_empty() {
            "–".to_string()
        } else {
            format::number(m.values().sum(), 0, lang)
        }
    };
    let first = |m: &std::collections::BTreeMap<u8, f64>| {
        m.get(&1)
            .map_or("–".to_string(), |v| format::number(*v, 0, lang))
    };
    PocketSection {
        ilustrasi: pockets.illustrative,
        sumber: pockets.source.clone(),
        catatan: pockets.note.clone(),
        tahun_pemetaan: mapped,
        kalimat: sentences::pockets(pockets, mapped, lang),
        baris: pockets
            .districts
            .iter()
            .map(|d| PocketRow {
                kecamatan: d.name.clone(),
                desa: d
                    .villages
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| "–".into()),
                nama_desa: d.village_names.join(", "),
                rumah_tangga: sum(&d.households),
                jiwa: sum(&d.persons),
                desil1_rumah_tangga: first(&d.households),
                desil1_jiwa: first(&d.persons),
            })
            .collect(),
        total_desa: pockets.total_villages(),
        ada_desil: pockets
            .districts
            .iter()
            .any(|d| !d.households.is_empty() || !d.persons.is_empty()),
        ada_desil1: pockets.decile_one() != DecileOne::None,
    }
}

#[derive(Serialize)]
pub struct DecreeView {
    pub jenis: String,
    pub nomor: String,
    pub tanggal: String,
    pub periode: String,
    pub judul: String,
}

#[derive(Serialize)]
pub struct MeetingView {
    pub tanggal: String,
    pub jenis: String,
    pub agenda: String,
    pub peserta: String,
}

#[derive(Serialize)]
pub struct ReportSentView {
    pub jenis: String,
    pub periode: String,
    pub tanggal: String,
    pub kepada: String,
}

#[derive(Serialize)]
pub struct VerificationView {
    pub tanggal: String,
    pub data: String,
    pub sebelum: String,
    pub sesudah: String,
    pub selisih: String,
    pub satuan: String,
    pub sk: String,
}

#[derive(Serialize)]
pub struct InstitutionSection {
    pub ilustrasi: bool,
    pub sumber: Option<String>,
    pub dokumen: Vec<DecreeView>,
    pub rapat: Vec<MeetingView>,
    pub laporan: Vec<ReportSentView>,
    pub verifikasi: Vec<VerificationView>,
}

fn date_text(date: Option<crate::model::institution::Date>, lang: Lang) -> String {
    date.map(|d| d.long(lang)).unwrap_or_else(|| "–".into())
}

fn decree_view(kind: &str, d: &Decree, lang: Lang) -> DecreeView {
    DecreeView {
        jenis: kind.to_string(),
        nomor: d.number.clone(),
        tanggal: date_text(d.date, lang),
        periode: or_dash(&d.period),
        judul: or_dash(&d.title),
    }
}

pub fn institution_section(i: &Institution, lang: Lang) -> InstitutionSection {
    let t = crate::words::strings(lang);
    let dokumen = [
        (t.sk_tkpk, &i.decree),
        (t.rpkd, &i.plan),
        (t.rat, &i.action_plan),
    ]
    .into_iter()
    .filter_map(|(kind, d)| d.as_ref().map(|d| decree_view(kind, d, lang)))
    .collect();
    InstitutionSection {
        ilustrasi: i.illustrative,
        sumber: i.source.clone(),
        dokumen,
        rapat: i
            .meetings
            .iter()
            .map(|m| MeetingView {
                tanggal: date_text(m.date, lang),
                jenis: m.kind.clone(),
                agenda: m.agenda.clone(),
                peserta: m
                    .participants
                    .map(|p| format::number(p, 0, lang))
                    .unwrap_or_else(|| "–".into()),
            })
            .collect(),
        laporan: i
            .reports
            .iter()
            .map(|r| ReportSentView {
                jenis: r.kind.title(lang),
                periode: or_dash(&r.period),
                tanggal: date_text(r.date, lang),
                kepada: r.recipient.clone(),
            })
            .collect(),
        verifikasi: i
            .verifications
            .iter()
            .map(|v| VerificationView {
                tanggal: date_text(v.date, lang),
                data: or_dash(&v.data),
                sebelum: format::number(v.before, 0, lang),
                sesudah: format::number(v.after, 0, lang),
                selisih: format::signed(v.after - v.before, 0, lang),
                satuan: or_dash(&v.unit),
                sk: or_dash(&v.decree),
            })
            .collect(),
    }
}

/// One basic service by decile, worded.
#[derive(Serialize)]
pub struct DecileRow {
    pub label: String,
    /// Per column (decile) of the table, or `–` where the file gives none.
    pub nilai: Vec<String>,
    /// The gap between its lowest and highest decile, in points.
    pub selisih: String,
    /// Those deciles (`2–5`) when they are not the table's first and last column.
    pub rentang: Option<String>,
}

/// The basic services by welfare decile (`desil.yaml`) in the determinants chapter.
#[derive(Serialize)]
pub struct DecileSection {
    pub ilustrasi: bool,
    /// The register (`DTSEN`).
    pub data: String,
    /// What the shares are of: "Persen rumah tangga".
    pub satuan: &'static str,
    /// The deciles given, ascending: the table's columns.
    pub kolom: Vec<u8>,
    /// The largest gap first.
    pub baris: Vec<DecileRow>,
    pub catatan: Option<String>,
    pub sumber: String,
    pub berkas: String,
}

fn decile_section(d: &DecileReport, lang: Lang) -> DecileSection {
    let kolom = d.columns();
    let ends = (kolom.first().copied(), kolom.last().copied());
    DecileSection {
        ilustrasi: d.deciles.illustrative,
        data: d.deciles.register.clone(),
        satuan: crate::words::deciles::percent_of(d.deciles.base, lang),
        baris: d
            .services
            .iter()
            .map(|s| {
                let decimals = s.indicator.decimals;
                let (low, high) = (s.gap.low.0, s.gap.high.0);
                DecileRow {
                    label: s.indicator.label(lang).to_string(),
                    nilai: kolom
                        .iter()
                        .map(|c| {
                            s.shares
                                .get(c)
                                .map_or("–".into(), |v| format::number(*v, decimals, lang))
                        })
                        .collect(),
                    selisih: format::signed(s.gap.diff, decimals, lang),
                    rentang: (ends != (Some(low), Some(high))).then(|| format!("{low}–{high}")),
                }
            })
            .collect(),
        kolom,
        catatan: d.deciles.note.clone(),
        sumber: d.deciles.shown_source(lang),
        berkas: d.deciles.file.display().to_string(),
    }
}

/// The sections of a report year from its data files, each when its file exists.
pub struct AnnualSections {
    pub program: Option<ProgramSection>,
    pub kantong: Option<PocketSection>,
    pub desil: Option<DecileSection>,
    pub kelembagaan: Option<InstitutionSection>,
}

pub fn sections(report: &Report) -> AnnualSections {
    let lang = report.site.config.lang;
    AnnualSections {
        program: report.programs.as_ref().map(|p| {
            program_section(
                p,
                report.pockets.map(|(_, k)| k),
                !report.determinants.is_empty(),
                report.year,
                lang,
            )
        }),
        kantong: report
            .pockets
            .map(|(mapped, p)| pocket_section(p, mapped, lang)),
        desil: report.deciles.as_ref().map(|d| decile_section(d, lang)),
        kelembagaan: report.institution.map(|i| institution_section(i, lang)),
    }
}
