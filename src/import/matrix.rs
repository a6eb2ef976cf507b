//! Program matrices that agencies (OPD) fill in Excel, the RAT matrix and the semester-report
//! matrix, read into `content/<slug>/<year>/program.yaml`.

use super::{Options, Outcome, msg, table_location};
use crate::base::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::base::indicators::{Catalog, keys};
use crate::base::messages::Message;
use crate::base::suggest::nearest;
use crate::content::annual::RawProgramFile;
use crate::content::program_fields::{
    ALOKASI, FieldKind, KECAMATAN, MASALAH, PERJALANAN_DINAS, PROGRAM_FIELDS, ProgramField,
    SATUAN_SASARAN, SUB_KEGIATAN,
};
use crate::content::{RawSite, Sourced, yaml};
use crate::import::bps::normalise;
use crate::import::messages::{Expected, ImportMessage, TablePlace};
use crate::import::numbers::{self, LoneDot};
use crate::import::program_file::{ProgramRow, new_file, replace_program};
use crate::import::table::{Cell, Sheet};
use crate::model::messages::ModelMessage;
use crate::model::programs::{Tagging, validate_programs};
use std::path::Path;

/// The field a header text names, tolerating case, spacing, punctuation and a unit (`(Rp)`).
pub fn field_of(header: &str) -> Option<&'static ProgramField> {
    let mut text = normalise(header);
    for unit in [" rp", " rupiah", " juta"] {
        if let Some(rest) = text.strip_suffix(unit) {
            text = rest.to_string();
        }
    }
    PROGRAM_FIELDS.iter().find(|f| {
        f.aliases.contains(&text.as_str()) || f.header.is_some_and(|h| normalise(h) == text)
    })
}

/// Where a matrix's header is and which column holds which field.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// The last header row; data starts below it.
    pub row: usize,
    pub columns: Vec<(&'static ProgramField, usize)>,
}

impl Header {
    fn column(&self, field: &ProgramField) -> Option<usize> {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| *c)
    }
}

fn columns_of(
    sheet: &Sheet,
    upper: Option<usize>,
    row: usize,
) -> Vec<(&'static ProgramField, usize)> {
    let mut out: Vec<(&'static ProgramField, usize)> = Vec::new();
    for c in 1..=sheet.last_column() {
        let lower = sheet.cell(row, c).text();
        let upper = upper.map(|u| sheet.cell(u, c).text()).unwrap_or_default();
        // A cell merged over both rows reads the same in each.
        let combined = if upper.is_empty() || normalise(&upper) == normalise(&lower) {
            lower.clone()
        } else if lower.is_empty() {
            upper.clone()
        } else {
            format!("{upper} {lower}")
        };
        let field = field_of(&combined).or_else(|| field_of(&lower));
        if let Some(f) = field
            && !out.iter().any(|(g, _)| *g == f)
        {
            out.push((f, c));
        }
    }
    out
}

/// The header of a program matrix, if `sheet` has one: the first row (alone, or with the row
/// above it) that names the sub-kegiatan and alokasi columns and at least three others.
pub fn find_header(sheet: &Sheet) -> Option<Header> {
    let rows: Vec<usize> = sheet.row_range().take(30).collect();
    for &row in &rows {
        let single = columns_of(sheet, None, row);
        let double = if row > *sheet.row_range().start() {
            columns_of(sheet, Some(row - 1), row)
        } else {
            Vec::new()
        };
        let best = if double.len() > single.len() {
            double
        } else {
            single
        };
        let has = |f: &ProgramField| best.iter().any(|(g, _)| *g == f);
        if has(SUB_KEGIATAN) && has(ALOKASI) && best.len() >= 5 {
            // A merged header may continue in the next row (`Realisasi` over `Semester I`,
            // or headings merged down both rows); a data row names far fewer columns.
            let next = columns_of(sheet, Some(row), row + 1);
            if next.len() >= best.len() {
                return Some(Header {
                    row: row + 1,
                    columns: next,
                });
            }
            return Some(Header { row, columns: best });
        }
    }
    None
}

/// A strategy: `1`, `Strategi 1`, `I`, or its words.
pub fn strategy(text: &str) -> Option<u8> {
    let t = normalise(text);
    let t = t.strip_prefix("strategi ").unwrap_or(&t).trim();
    match t {
        "1" | "i" => return Some(1),
        "2" | "ii" => return Some(2),
        "3" | "iii" => return Some(3),
        _ => {}
    }
    if t.contains("beban pengeluaran") {
        Some(1)
    } else if t.contains("pendapatan") {
        Some(2)
    } else if t.contains("kantong kemiskinan") {
        Some(3)
    } else {
        None
    }
}

/// A tagging: `langsung`, `tidak langsung` (`Tidak Langsung`, `tidak_langsung`,
/// `tidak-langsung`) or `penunjang`; the loader's keys with spaces, case and punctuation free.
pub fn tagging(text: &str) -> Option<Tagging> {
    Tagging::from_key(&tagging_key(text))
}

fn tagging_key(text: &str) -> String {
    normalise(text).replace(' ', "_")
}

/// The tagging a misspelt cell most likely meant, as a planner writes it (`tidak langsung`).
fn tagging_suggestion(text: &str) -> Option<String> {
    nearest(&tagging_key(text), Tagging::ALL.iter().map(|t| t.key())).map(|k| k.replace('_', " "))
}

/// A cell that cannot go into program.yaml as it is.
#[derive(Clone, Debug, PartialEq)]
pub struct CellProblem {
    pub field: &'static ProgramField,
    pub column: usize,
    pub expected: Expected,
    /// What the cell holds (empty for a blank cell).
    pub found: String,
    /// What it most likely meant, when that is clear.
    pub suggestion: Option<String>,
}

type RowProblems = Vec<CellProblem>;

/// Whether a row is a total, a blank, the column numbers `(1) (2) (3)` under the header, or a
/// source or note line under the table (one cell, `Sumber: …`, as tkpk's own matrices end).
fn is_filler(texts: &[String]) -> bool {
    let filled: Vec<&String> = texts.iter().filter(|t| !t.is_empty()).collect();
    let Some(first) = filled.first() else {
        return true;
    };
    if filled.len() == 1
        && ["sumber", "catatan", "keterangan", "source", "note"]
            .iter()
            .any(|w| first.trim().to_lowercase().starts_with(&format!("{w}:")))
    {
        return true;
    }
    let first = normalise(first);
    if ["jumlah", "total", "sub total", "subtotal", "grand total"]
        .iter()
        .any(|w| first == *w || first.starts_with(&format!("{w} ")))
    {
        return true;
    }
    let numbers: Vec<u32> = filled
        .iter()
        .filter_map(|t| t.trim_matches(['(', ')']).parse().ok())
        .collect();
    numbers.len() == filled.len() && numbers.len() >= 3 && numbers.windows(2).all(|w| w[0] < w[1])
}

/// Reads one data row. `header` holds every required column (the import checks that first).
pub fn read_row(sheet: &Sheet, header: &Header, row: usize) -> Result<ProgramRow, RowProblems> {
    let mut problems: RowProblems = Vec::new();
    let mut problem =
        |field: &'static ProgramField, column: usize, expected: Expected, found: String| {
            let suggestion = match expected {
                Expected::Tagging => tagging_suggestion(&found),
                // The nearest key to the first item that is not one.
                Expected::BasicServices => problem_keys(&found).err().and_then(|unknown| {
                    let typed = unknown.to_lowercase().replace([' ', '-'], "_");
                    nearest(&typed, keys::DETERMINANTS.iter().copied())
                }),
                _ => None,
            };
            problems.push(CellProblem {
                field,
                column,
                expected,
                found,
                suggestion,
            });
        };
    let (mut strategi, mut tagging_found) = (None, None);
    let mut texts = Vec::new();
    let mut numbers = Vec::new();
    let mut lists = Vec::new();
    for (field, column) in &header.columns {
        let (field, column) = (*field, *column);
        let cell = sheet.cell(row, column);
        let text = cell.text();
        if cell.is_blank() {
            if field.required {
                problem(field, column, expected(field.kind), String::new());
            }
            continue;
        }
        match field.kind {
            FieldKind::Strategy => match strategy(&text) {
                Some(s) => strategi = Some(s),
                None => problem(field, column, Expected::Strategy, text),
            },
            FieldKind::Tagging => match tagging(&text) {
                Some(t) => tagging_found = Some(t),
                None => problem(field, column, Expected::Tagging, text),
            },
            FieldKind::Count => {
                let parsed = match cell {
                    Cell::Number(n) => Some((*n, None)),
                    _ => numbers::parse_with_unit(&text),
                };
                match parsed {
                    // The loader reads a target count like money: never negative.
                    Some((n, unit)) if n >= 0.0 => {
                        numbers.push((field, n));
                        if let Some(unit) = unit {
                            texts.push((SATUAN_SASARAN, unit));
                        }
                    }
                    _ => problem(field, column, Expected::Number, text),
                }
            }
            FieldKind::Money => {
                let parsed = match cell {
                    Cell::Number(n) => Ok(Some(*n)),
                    _ => numbers::parse(&text, LoneDot::ThousandsWhenThreeDigits),
                };
                match parsed {
                    Ok(Some(n)) if n >= 0.0 => numbers.push((field, n)),
                    Ok(None) if !field.required => {}
                    _ => problem(field, column, Expected::Number, text),
                }
            }
            FieldKind::Text => texts.push((field, text)),
            FieldKind::List if field == MASALAH => match problem_keys(&text) {
                Ok(keys) => lists.push((field, keys)),
                Err(_) => problem(field, column, Expected::BasicServices, text),
            },
            FieldKind::List => lists.push((field, list_items(&text))),
        }
    }
    let amount = |f: &ProgramField| numbers.iter().find(|(g, _)| *g == f).map(|(_, n)| *n);
    // Official travel is part of the allocation; the loader refuses more.
    if let (Some(travel), Some(budget)) = (amount(PERJALANAN_DINAS), amount(ALOKASI))
        && travel > budget
        && let Some(column) = header.column(PERJALANAN_DINAS)
    {
        problem(
            PERJALANAN_DINAS,
            column,
            Expected::AtMostAllocation,
            sheet.cell(row, column).text(),
        );
    }
    match (strategi, tagging_found) {
        (Some(strategi), Some(tagging)) if problems.is_empty() => Ok(ProgramRow {
            strategi,
            texts,
            tagging,
            numbers,
            lists,
        }),
        _ => Err(problems),
    }
}

/// What a cell of this kind should hold, as a message says it.
fn expected(kind: FieldKind) -> Expected {
    match kind {
        FieldKind::Strategy => Expected::Strategy,
        FieldKind::Tagging => Expected::Tagging,
        FieldKind::Money | FieldKind::Count => Expected::Number,
        FieldKind::Text | FieldKind::List => Expected::Text,
    }
}

/// The priority problems of a `masalah` cell as indicator keys: each item a basic-service key
/// (`air_minum_layak`, also with spaces or capitals) or its name in either language. The first
/// item that is neither is the error.
fn problem_keys(text: &str) -> Result<Vec<String>, String> {
    let catalog = Catalog::default();
    list_items(text)
        .into_iter()
        .map(|item| {
            let typed = item.to_lowercase();
            keys::DETERMINANTS
                .iter()
                .find(|key| {
                    **key == typed.replace([' ', '-'], "_")
                        || catalog.get(key).is_some_and(|i| {
                            i.label_id.to_lowercase() == typed || i.label_en.to_lowercase() == typed
                        })
                })
                .map(|key| key.to_string())
                .ok_or(item)
        })
        .collect()
}

/// The items of a list cell: separated by `;`, `,` or line breaks, each trimmed, none empty.
fn list_items(text: &str) -> Vec<String> {
    text.split([';', ',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Reads `text` as the loader will (`deny_unknown_fields`, the same validation) and checks that
/// it holds `rows`, so that a dry run refuses what the real run would.
fn read_back(rel: &Path, text: &str, rows: &[ProgramRow]) -> Result<(), Diagnostics> {
    let source = SourceText::new(rel, text.to_string());
    let mut diagnostics = Diagnostics::new();
    let (doc, unknown) = match yaml::parse::<RawProgramFile>(&source, text, 0) {
        Ok(parsed) => parsed,
        Err(errors) => {
            errors.into_iter().for_each(|d| diagnostics.push(d));
            return Err(diagnostics);
        }
    };
    unknown.into_iter().for_each(|d| diagnostics.push(d));
    let programs = validate_programs(&Sourced { doc, source }, &mut diagnostics);
    let same = programs.items.len() == rows.len()
        && programs.items.iter().zip(rows).all(|(p, r)| {
            p.strategy.number() == r.strategi
                && p.tagging == r.tagging
                && Some(p.budget) == r.number(ALOKASI)
                && Some(p.sub_activity.as_str()) == r.text(SUB_KEGIATAN).map(str::trim)
                && p.problems == r.list(MASALAH)
                && p.districts == r.list(KECAMATAN)
        });
    if diagnostics.has_errors() || !same {
        return Err(diagnostics);
    }
    Ok(())
}

pub fn import(
    root: &Path,
    file: &Path,
    sheets: &[Sheet],
    raw: &RawSite,
    options: &Options,
    out: &mut Outcome,
) {
    let (Some(slug), Some(year)) = (&options.region, options.year) else {
        out.error(
            Diagnostic::error(msg(ImportMessage::MatrixNeedsRegionAndYear))
                .in_file(file)
                .hint(msg(ImportMessage::HintMatrixFlags)),
        );
        return;
    };
    if !(1990..=2100).contains(&year) {
        out.error(Diagnostic::error(ModelMessage::BadYear {
            text: year.to_string(),
        }));
        return;
    }
    let mut rows: Vec<ProgramRow> = Vec::new();
    let mut sheet_names: Vec<String> = Vec::new();
    let mut bad_rows = 0;
    for sheet in sheets {
        let Some(header) = find_header(sheet) else {
            continue;
        };
        let missing: Vec<&ProgramField> = PROGRAM_FIELDS
            .iter()
            .filter(|f| f.required && header.column(f).is_none())
            .collect();
        if !missing.is_empty() {
            // Where the column would go: right of the last heading.
            let place = TablePlace {
                sheet: sheet.name.clone(),
                row: header.row,
                column: sheet.last_column() + 1,
            };
            for field in missing {
                let hint = match field.kind {
                    FieldKind::Tagging => ImportMessage::HintMatrixTaggingColumn,
                    _ => ImportMessage::HintMatrixColumns,
                };
                out.error(
                    Diagnostic::error(msg(ImportMessage::MatrixMissingColumn {
                        place: place.clone(),
                        column: field.name(),
                    }))
                    .at(table_location(file, &place))
                    .hint(msg(hint)),
                );
            }
            continue;
        }
        if let Some(name) = &sheet.name {
            sheet_names.push(name.clone());
        }
        for row in header.row + 1..=*sheet.row_range().end() {
            if is_filler(&sheet.row_texts(row)) {
                continue;
            }
            match read_row(sheet, &header, row) {
                Ok(r) => rows.push(r),
                Err(problems) => {
                    bad_rows += 1;
                    for p in problems {
                        let place = TablePlace {
                            sheet: sheet.name.clone(),
                            row,
                            column: p.column,
                        };
                        let message = msg(ImportMessage::MatrixBadCell {
                            place: place.clone(),
                            field: p.field.name(),
                            expected: p.expected,
                            found: p.found,
                        });
                        // A likely misspelling says what to write; otherwise, how to go on.
                        let hint = match p.suggestion {
                            Some(suggestion) => Some(Message::HintDidYouMean { suggestion }.into()),
                            None if options.skip_bad_rows => None,
                            None => Some(msg(ImportMessage::HintSkipBadRows)),
                        };
                        let d = if options.skip_bad_rows {
                            Diagnostic::warning(message)
                        } else {
                            Diagnostic::error(message)
                        };
                        out.diagnostics
                            .push(d.at(table_location(file, &place)).hint_opt(hint));
                    }
                }
            }
        }
    }
    if out.diagnostics.has_errors() {
        out.failed = true;
        return;
    }
    if rows.is_empty() {
        out.error(Diagnostic::error(msg(ImportMessage::MatrixNoRows)).in_file(file));
        return;
    }
    let Some(region) = raw.regions.iter().find(|r| &r.slug == slug) else {
        return;
    };
    let rel = region.folder.join(year.to_string()).join("program.yaml");
    let path = root.join(&rel);
    let existing = match std::fs::read(&path) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(_) => None,
    };
    let text = match &existing {
        Some(_) if !options.overwrite => {
            out.error(
                Diagnostic::error(msg(ImportMessage::ProgramExists {
                    path: rel.display().to_string(),
                }))
                .in_file(&rel)
                .hint(msg(ImportMessage::HintOverwriteProgram)),
            );
            return;
        }
        Some(old) => replace_program(old, &rows),
        None => {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            new_file(&name, &sheet_names, &rows)
        }
    };
    // Read back with the loader before anything is written.
    if let Err(problems) = read_back(&rel, &text, &rows) {
        out.diagnostics.extend(problems);
        out.error(Diagnostic::error(msg(ImportMessage::EditBrokeFile)).in_file(&rel));
        return;
    }
    // Validated with the site before anything is written, --periksa or not.
    let origins = super::Origins {
        table: file,
        figures: Vec::new(),
    };
    super::commit(
        root,
        &[(path.clone(), text)],
        &origins,
        options.dry_run,
        out,
    );
    if out.diagnostics.has_errors() {
        return;
    }
    out.summary = Some(super::Summary::Program {
        rows: rows.len(),
        skipped_rows: bad_rows,
        path: rel.display().to_string(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::lang::Lang;
    use crate::content::program_fields::{Written, field};

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: Some("Matriks".into()),
            rows: rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|t| {
                            if t.is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text(t.to_string())
                            }
                        })
                        .collect()
                })
                .collect(),
            first_row: 1,
            first_column: 1,
        }
    }

    #[test]
    fn headers_match_whatever_the_case_spacing_and_units() {
        assert_eq!(field_of("STRATEGI"), Some(field("strategi")));
        assert_eq!(field_of("Perangkat  Daerah"), Some(field("opd")));
        assert_eq!(field_of("Sub-Kegiatan"), Some(field("sub_kegiatan")));
        assert_eq!(field_of("Sub Kegiatan"), Some(field("sub_kegiatan")));
        assert_eq!(field_of("Kegiatan"), Some(field("kegiatan")));
        assert_eq!(field_of("Alokasi (Rp)"), Some(field("alokasi")));
        assert_eq!(field_of("Sumber Pembiayaan"), Some(field("sumber_dana")));
        assert_eq!(
            field_of("Realisasi Semester I"),
            Some(field("realisasi_semester_1"))
        );
        assert_eq!(
            field_of("Realisasi Semester II (Rp)"),
            Some(field("realisasi_semester_2"))
        );
        assert_eq!(field_of("Jumlah Sasaran"), Some(field("sasaran")));
        assert_eq!(field_of("Keterangan"), None);
        assert_eq!(field_of("Realisasi Total"), None);
    }

    #[test]
    fn every_heading_tkpk_writes_reads_back_and_names_one_field() {
        for f in PROGRAM_FIELDS {
            if let (Some(header), true) = (f.header, f.written != Written::Neither) {
                let with_unit = match f.unit {
                    Some(unit) => format!("{header} ({unit})"),
                    None => header.to_string(),
                };
                assert_eq!(field_of(&with_unit), Some(f), "{with_unit}");
            }
            for alias in f.aliases {
                assert_eq!(normalise(alias), *alias, "{}: not normalised", f.key);
                assert_eq!(field_of(alias), Some(f), "{alias}");
            }
        }
        // No heading is claimed by two fields (the first would win).
        let mut names: Vec<String> = PROGRAM_FIELDS
            .iter()
            .flat_map(|f| {
                f.header
                    .map(normalise)
                    .into_iter()
                    .chain(f.aliases.iter().map(|a| a.to_string()))
            })
            .collect();
        let all = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all);
    }

    const HEADER: &[&str] = &[
        "Strategi",
        "Perangkat Daerah",
        "Kode",
        "Program",
        "Kegiatan",
        "Sub Kegiatan",
        "Tagging",
        "Alokasi",
        "Sumber Pembiayaan",
        "Realisasi",
        "",
    ];

    #[test]
    fn a_two_row_header_is_combined() {
        let s = sheet(&[
            &["MATRIKS LAPORAN SEMESTER"],
            HEADER,
            &[
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "Semester I",
                "Semester II",
            ],
            &[
                "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)",
            ],
            &[
                "1",
                "Dinas Sosial",
                "1.06",
                "P",
                "K",
                "S",
                "Langsung",
                "350.000.000",
                "APBD",
                "150.000.000",
                "",
            ],
            &["Jumlah", "", "", "", "", "", "", "350.000.000", "", "", ""],
        ]);
        let h = find_header(&s).unwrap();
        assert_eq!(h.row, 3);
        assert_eq!(h.column(field("realisasi_semester_1")), Some(10));
        assert_eq!(h.column(field("realisasi_semester_2")), Some(11));
        assert_eq!(h.column(field("strategi")), Some(1));
        assert!(is_filler(&s.row_texts(4)));
        assert!(is_filler(&s.row_texts(6)));
        let r = read_row(&s, &h, 5).unwrap();
        assert_eq!(r.strategi, 1);
        assert_eq!(r.tagging, Tagging::Direct);
        assert!(r.numbers.contains(&(field("alokasi"), 350_000_000.0)));
        assert!(
            r.numbers
                .contains(&(field("realisasi_semester_1"), 150_000_000.0))
        );
        assert!(
            !r.numbers
                .iter()
                .any(|(f, _)| *f == field("realisasi_semester_2"))
        );
    }

    #[test]
    fn bad_cells_are_listed_with_their_columns() {
        let s = sheet(&[
            HEADER,
            &[
                "4",
                "",
                "1.06",
                "P",
                "K",
                "S",
                "kadang",
                "tiga juta",
                "APBD",
                "",
                "",
            ],
        ]);
        let h = find_header(&s).unwrap();
        let problems = read_row(&s, &h, 2).unwrap_err();
        let fields: Vec<(&str, usize)> = problems.iter().map(|p| (p.field.key, p.column)).collect();
        assert_eq!(
            fields,
            vec![("strategi", 1), ("opd", 2), ("tagging", 7), ("alokasi", 8)]
        );
    }

    #[test]
    fn tagging_is_required_and_travel_stays_within_the_allocation() {
        let s = sheet(&[
            HEADER,
            &["1", "Dinas Sosial", "", "", "", "S", "", "100", "", "", ""],
            &[
                "2",
                "Dinas Sosial",
                "",
                "",
                "",
                "S",
                "langsng",
                "100",
                "",
                "",
                "",
            ],
        ]);
        let h = find_header(&s).unwrap();
        let blank = read_row(&s, &h, 2).unwrap_err();
        assert_eq!(
            blank,
            vec![CellProblem {
                field: field("tagging"),
                column: 7,
                expected: Expected::Tagging,
                found: String::new(),
                suggestion: None,
            }]
        );
        let misspelt = read_row(&s, &h, 3).unwrap_err();
        assert_eq!(misspelt[0].suggestion.as_deref(), Some("langsung"));

        let mut header: Vec<&str> = HEADER.to_vec();
        header.extend(["Perjalanan Dinas", "Jumlah Sasaran"]);
        let s = sheet(&[
            &header,
            &[
                "1",
                "Dinas Sosial",
                "",
                "",
                "",
                "S",
                "penunjang",
                "100",
                "",
                "",
                "",
                "150",
                "-5",
            ],
        ]);
        let h = find_header(&s).unwrap();
        let problems: Vec<(&str, Expected)> = read_row(&s, &h, 2)
            .unwrap_err()
            .into_iter()
            .map(|p| (p.field.key, p.expected))
            .collect();
        assert_eq!(
            problems,
            vec![
                ("sasaran", Expected::Number),
                ("perjalanan_dinas", Expected::AtMostAllocation)
            ]
        );
    }

    /// A row with every field the importer writes.
    fn full_row(tagging: Tagging) -> ProgramRow {
        let texts = PROGRAM_FIELDS
            .iter()
            .filter(|f| f.kind == FieldKind::Text && *f != SATUAN_SASARAN)
            .map(|f| (f, format!("{}: 007 # yes", f.name())))
            .chain([(SATUAN_SASARAN, "KPM".to_string())]);
        ProgramRow {
            strategi: 3,
            texts: texts.collect(),
            tagging,
            numbers: vec![
                (field("alokasi"), 1_250_000_000.5),
                (field("sasaran"), 1200.0),
                (field("realisasi_semester_1"), 0.0),
                (field("realisasi_semester_2"), 600_000_000.0),
                (field("perjalanan_dinas"), 25_000_000.0),
            ],
            lists: vec![
                (
                    field("masalah"),
                    vec!["air_minum_layak".into(), "sanitasi_layak".into()],
                ),
                (
                    field("kecamatan"),
                    vec!["Jepon".into(), "Kota: Blora # 1".into()],
                ),
            ],
        }
    }

    #[test]
    fn every_key_and_value_the_importer_writes_is_read_by_the_loader() {
        let rows: Vec<ProgramRow> = Tagging::ALL.into_iter().map(full_row).collect();
        let rel = Path::new("content/kabupaten-blora/2025/program.yaml");
        let text = new_file("matriks.xlsx", &["Matriks".into()], &rows);
        assert!(read_back(rel, &text, &rows).is_ok(), "{text}");
        let (doc, unknown) =
            yaml::parse::<RawProgramFile>(&SourceText::new(rel, text.clone()), &text, 0).unwrap();
        assert!(unknown.is_empty());
        let mut diagnostics = Diagnostics::new();
        let source = SourceText::new(rel, text.clone());
        let programs = validate_programs(&Sourced { doc, source }, &mut diagnostics);
        assert!(diagnostics.is_empty(), "{}", diagnostics.render(Lang::Id));
        let p = &programs.items[1];
        assert_eq!(p.tagging, Tagging::Indirect);
        assert_eq!(p.budget, 1_250_000_000.5);
        assert_eq!(
            (p.targets, p.target_unit.as_deref()),
            (Some(1200.0), Some("KPM"))
        );
        assert_eq!(p.realised(), Some(600_000_000.0));
        assert_eq!(p.travel, Some(25_000_000.0));
        assert_eq!(p.code.as_deref(), Some("kode: 007 # yes"));
        // A row the loader would read otherwise is refused before anything is written.
        let mut other = rows.clone();
        other[0].strategi = 2;
        assert!(read_back(rel, &text, &other).is_err());
    }

    #[test]
    fn strategies_and_taggings() {
        for (t, s) in [
            ("1", 1),
            ("Strategi 2", 2),
            ("III", 3),
            ("Mengurangi beban pengeluaran", 1),
            ("meningkatkan pendapatan masyarakat miskin", 2),
            ("Mengurangi kantong-kantong kemiskinan", 3),
        ] {
            assert_eq!(strategy(t), Some(s), "{t}");
        }
        assert_eq!(strategy("4"), None);
        // Every spelling the loader accepts, and the matrix's own.
        for (t, key) in [
            ("Langsung", Tagging::Direct),
            ("Tidak Langsung", Tagging::Indirect),
            ("tidak_langsung", Tagging::Indirect),
            ("tidak-langsung", Tagging::Indirect),
            (" TIDAK  LANGSUNG ", Tagging::Indirect),
            ("PENUNJANG", Tagging::Supporting),
        ] {
            assert_eq!(tagging(t), Some(key), "{t}");
        }
        assert_eq!(tagging("ya"), None);
        assert_eq!(tagging_suggestion("langsng").as_deref(), Some("langsung"));
        assert_eq!(
            tagging_suggestion("Tidak Lansung").as_deref(),
            Some("tidak langsung")
        );
        assert_eq!(tagging_suggestion("ya"), None);
    }
}
