//! Sentences on where the programmes are aimed: at the priority problems (BAB VII) and at the
//! kecamatan of the poverty pockets (BAB VIII).

use crate::analysis::budget::Totals;
use crate::analysis::targeting::DistrictPrograms;
use crate::base::format;
use crate::base::lang::Lang;
use crate::report::ProgramReport;
use crate::words::{listed, lower_first};

/// At most `shown` names, then how many more.
fn some_names(names: &[String], shown: usize, lang: Lang) -> String {
    if names.len() <= shown {
        return listed(names, lang);
    }
    let more = names.len() - shown;
    let mut head: Vec<String> = names[..shown].to_vec();
    head.push(match lang {
        Lang::Id => format!("{more} lainnya"),
        Lang::En => format!("{more} more"),
    });
    listed(&head, lang)
}

/// The priority problems against the sub-kegiatan aimed at them: how many are aimed at, with
/// what allocation (each sub-kegiatan counted once), and which of the first ones none is.
/// `services_known`: the year has basic-service figures (else no problem can be a priority).
pub(crate) fn problems(
    report: &ProgramReport,
    services_known: bool,
    year: i32,
    lang: Lang,
) -> Vec<String> {
    let priorities: Vec<_> = report
        .problems
        .iter()
        .filter(|p| p.priority.is_some())
        .collect();
    let mut out = Vec::new();
    if priorities.is_empty() && !report.problems.is_empty() {
        let n = report.problems.len();
        out.push(match (services_known, lang) {
            (false, Lang::Id) => format!(
                "Angka layanan dasar tahun {year} belum tersedia, sehingga masalah prioritas belum dapat ditentukan; sub-kegiatan tahun ini menyasar {n} layanan dasar."
            ),
            (false, Lang::En) => format!(
                "The basic-service figures of {year} are not available, so the priority problems cannot be set yet; this year's sub-activities aim at {n} basic services."
            ),
            (true, Lang::Id) => format!(
                "Tidak ada layanan dasar tahun {year} yang lebih buruk daripada pembandingnya, sehingga tidak ada masalah prioritas; sub-kegiatan tahun ini menyasar {n} layanan dasar."
            ),
            (true, Lang::En) => format!(
                "No basic service of {year} falls short of its reference, so there is no priority problem; this year's sub-activities aim at {n} basic services."
            ),
        });
    }
    if !priorities.is_empty() {
        let aimed = priorities.iter().filter(|p| !p.programs.is_empty()).count();
        // A sub-kegiatan aimed at two problems is one allocation.
        let mut seen: Vec<&crate::model::programs::Program> = Vec::new();
        let mut totals = Totals::default();
        for p in priorities.iter().flat_map(|p| p.programs.iter()) {
            if !seen.iter().any(|q| std::ptr::eq(*q, *p)) {
                seen.push(p);
                totals.add(p);
            }
        }
        let n = priorities.len();
        out.push(match (aimed, lang) {
            (0, Lang::Id) => format!(
                "Tidak satu pun dari {n} masalah prioritas tahun {year} disasar oleh sub-kegiatan yang dicatat tahun ini (kolom masalah prioritas)."
            ),
            (0, Lang::En) => format!(
                "None of the {n} priority problems of {year} is aimed at by a sub-activity recorded this year (the priority-problem column)."
            ),
            (_, Lang::Id) => format!(
                "{aimed} dari {n} masalah prioritas tahun {year} disasar oleh {} sub-kegiatan dengan alokasi {}.",
                totals.count,
                format::rupiah_short(totals.budget, lang)
            ),
            (_, Lang::En) => format!(
                "{aimed} of the {n} priority problems of {year} are aimed at by {} sub-activities with an allocation of {}.",
                totals.count,
                format::rupiah_short(totals.budget, lang)
            ),
        });
    }
    let unaddressed: Vec<String> = report
        .unaddressed()
        .map(|p| {
            let n = p.priority.unwrap_or_default();
            let name = lower_first(p.indicator.label(lang));
            match lang {
                Lang::Id => format!("ke-{n} ({name})"),
                Lang::En => format!("no. {n} ({name})"),
            }
        })
        .collect();
    if !unaddressed.is_empty() {
        let many = unaddressed.len() > 1;
        out.push(match lang {
            Lang::Id => format!(
                "Perhatian: masalah prioritas {} belum disasar oleh sub-kegiatan mana pun pada {year}.",
                listed(&unaddressed, lang)
            ),
            Lang::En => format!(
                "Note: priority problem{} {} {} not aimed at by any sub-activity in {year}.",
                if many { "s" } else { "" },
                listed(&unaddressed, lang),
                if many { "are" } else { "is" }
            ),
        });
    }
    out
}

/// The kecamatan of the pockets against where the sub-kegiatan are carried out.
pub(crate) fn districts(rows: &[DistrictPrograms], year: i32, lang: Lang) -> Vec<String> {
    let pockets: Vec<&DistrictPrograms> = rows.iter().filter(|r| r.pocket.is_some()).collect();
    let others = rows.iter().filter(|r| r.pocket.is_none()).count();
    let mut out = Vec::new();
    if pockets.is_empty() {
        out.push(match lang {
            Lang::Id => format!("Sub-kegiatan tahun {year} menyebut {others} kecamatan lokasinya."),
            Lang::En => format!(
                "The sub-activities of {year} name {others} kecamatan where they are carried out."
            ),
        });
        return out;
    }
    let reached = pockets.iter().filter(|r| r.totals.count > 0).count();
    let missed: Vec<String> = pockets
        .iter()
        .filter(|r| r.totals.count == 0)
        .map(|r| r.name.clone())
        .collect();
    let n = pockets.len();
    let mut first = match lang {
        Lang::Id => format!(
            "{reached} dari {n} kecamatan kantong kemiskinan menjadi lokasi sub-kegiatan tahun {year}"
        ),
        Lang::En => format!(
            "{reached} of the {n} kecamatan that are poverty pockets are the place of a sub-activity in {year}"
        ),
    };
    if !missed.is_empty() {
        first.push_str(&match lang {
            Lang::Id => format!("; belum: {}", some_names(&missed, 10, lang)),
            Lang::En => format!("; not yet: {}", some_names(&missed, 10, lang)),
        });
    }
    first.push('.');
    out.push(first);
    if others > 0 {
        out.push(match lang {
            Lang::Id => format!("Sub-kegiatan juga dilaksanakan di {others} kecamatan di luar kantong kemiskinan."),
            Lang::En => format!("Sub-activities are also carried out in {others} kecamatan outside the poverty pockets."),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_some_names_are_listed() {
        let names = |n: usize| (1..=n).map(|i| format!("K{i}")).collect::<Vec<_>>();
        assert_eq!(
            some_names(&names(12), 10, Lang::Id).matches(", ").count(),
            9
        );
        assert!(some_names(&names(12), 10, Lang::Id).ends_with("dan 2 lainnya"));
    }
}
