//! Where the programmes are aimed (the SEPAKAT step from priority problems to interventions):
//! the allocation of the sub-kegiatan that name a basic-service problem (`masalah:`), and of
//! those carried out in each kecamatan (`kecamatan:`) against the year's poverty pockets.

use super::budget::Totals;
use crate::model::pockets::{Pockets, district_key};
use crate::model::programs::{Program, Programs};

/// The sub-kegiatan that name the problem `key`, and their sums.
pub(crate) fn for_problem<'a>(programs: &'a Programs, key: &str) -> (Vec<&'a Program>, Totals) {
    let aimed: Vec<&Program> = programs
        .items
        .iter()
        .filter(|p| p.problems.iter().any(|k| k == key))
        .collect();
    let mut totals = Totals::default();
    aimed.iter().for_each(|p| totals.add(p));
    (aimed, totals)
}

/// One kecamatan: its place in the pockets' list (when it is a pocket) and the sub-kegiatan
/// carried out there.
#[derive(Clone, Debug, PartialEq)]
pub struct DistrictPrograms {
    /// As the pockets' file writes it, or as the first programme naming it does.
    pub name: String,
    /// Index into `Pockets::districts`.
    pub pocket: Option<usize>,
    pub totals: Totals,
}

/// Every pocket kecamatan in the pockets' order, with what is carried out there (possibly
/// nothing), then the other kecamatan the programmes name (also those the pockets' file lists
/// with no priority village), by name.
pub(crate) fn by_district(programs: &Programs, pockets: Option<&Pockets>) -> Vec<DistrictPrograms> {
    let mut rows: Vec<DistrictPrograms> = pockets
        .map(|p| {
            p.districts
                .iter()
                .enumerate()
                // A kecamatan the file lists with no priority village (and no decile counts)
                // is not a pocket.
                .filter(|(_, d)| {
                    d.villages != Some(0) || !d.households.is_empty() || !d.persons.is_empty()
                })
                .map(|(i, d)| DistrictPrograms {
                    name: d.name.clone(),
                    pocket: Some(i),
                    totals: Totals::default(),
                })
                .collect()
        })
        .unwrap_or_default();
    let pocket_rows = rows.len();
    for p in &programs.items {
        // A programme that names a kecamatan twice counts there once.
        let mut named: Vec<String> = p.districts.iter().map(|d| district_key(d)).collect();
        named.sort();
        named.dedup();
        for key in named {
            let found = rows.iter().position(|r| district_key(&r.name) == key);
            let row = match found {
                Some(i) => i,
                None => {
                    let name = p
                        .districts
                        .iter()
                        .find(|d| district_key(d) == key)
                        .map_or(key.clone(), |d| d.trim().to_string());
                    rows.push(DistrictPrograms {
                        name,
                        pocket: None,
                        totals: Totals::default(),
                    });
                    rows.len() - 1
                }
            };
            rows[row].totals.add(p);
        }
    }
    rows[pocket_rows..].sort_by_key(|r| district_key(&r.name));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pockets::District;
    use crate::model::programs::{Strategy, Tagging};

    fn program(budget: f64, problems: &[&str], districts: &[&str]) -> Program {
        Program {
            realised_second: Some(budget / 2.0),
            problems: problems.iter().map(|s| s.to_string()).collect(),
            districts: districts.iter().map(|s| s.to_string()).collect(),
            ..Program::example(Strategy::ReducePockets, Tagging::Direct, "Dinas", budget)
        }
    }

    fn programs(items: Vec<Program>) -> Programs {
        Programs {
            source: "x".into(),
            illustrative: false,
            regional_spending: None,
            items,
            file: "program.yaml".into(),
        }
    }

    #[test]
    fn a_problem_sums_the_programmes_that_name_it() {
        let ps = programs(vec![
            program(100.0, &["air_minum_layak"], &[]),
            program(50.0, &["air_minum_layak", "sanitasi_layak"], &[]),
            program(7.0, &["sanitasi_layak"], &[]),
        ]);
        let (aimed, totals) = for_problem(&ps, "air_minum_layak");
        assert_eq!(aimed.len(), 2);
        assert_eq!(
            (totals.count, totals.budget, totals.realised),
            (2, 150.0, 75.0)
        );
        let (aimed, totals) = for_problem(&ps, "listrik");
        assert!(aimed.is_empty());
        assert_eq!(totals.budget, 0.0);
    }

    #[test]
    fn pockets_first_then_the_other_kecamatan_by_name() {
        let district = |name: &str| District {
            name: name.into(),
            villages: Some(3),
            village_names: Vec::new(),
            households: Default::default(),
            persons: Default::default(),
        };
        let pockets = Pockets {
            source: "x".into(),
            illustrative: false,
            note: None,
            districts: vec![district("Jepon"), district("Bogorejo"), {
                let mut none = district("Japah");
                none.villages = Some(0);
                none
            }],
            file: "kantong.yaml".into(),
        };
        let ps = programs(vec![
            program(10.0, &[], &["Kec. Jepon", "jepon", "Tunjungan"]),
            program(5.0, &[], &["Kecamatan  Jepon", "Blora", "Japah"]),
        ]);
        let rows = by_district(&ps, Some(&pockets));
        let seen: Vec<(&str, Option<usize>, usize, f64)> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.pocket, r.totals.count, r.totals.budget))
            .collect();
        assert_eq!(
            seen,
            vec![
                ("Jepon", Some(0), 2, 15.0),
                ("Bogorejo", Some(1), 0, 0.0),
                ("Blora", None, 1, 5.0),
                ("Japah", None, 1, 5.0),
                ("Tunjungan", None, 1, 10.0),
            ]
        );
    }
}
