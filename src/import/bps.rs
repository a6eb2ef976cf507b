//! BPS indicator tables: regions down the side, years across the top, one indicator. Reads the
//! table's figures and says which regency, province or nation each row belongs to.

use crate::base::indicators::keys;
use crate::content::RegionKind;
use crate::import::messages::{ImportMessage, TablePlace};
use crate::import::numbers::{self, LoneDot};
use crate::import::table::{Cell, Sheet};
use crate::import::yaml_edit::Table;

/// A regency or city of the site, as far as matching rows goes.
#[derive(Clone, Debug)]
pub struct SiteRegion {
    pub slug: String,
    pub name: String,
    pub kind: RegionKind,
    /// Kemendagri code, `35.05`.
    pub code: String,
    /// BPS code, `3505`.
    pub bps_code: String,
}

/// A reference file of the site: the nation or a province.
#[derive(Clone, Debug)]
pub struct SiteReference {
    pub slug: String,
    pub name: String,
    pub national: bool,
    pub code: String,
}

/// Whose file a row's figures go into.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    Region(String),
    Reference(String),
}

/// One figure read from the table.
#[derive(Clone, Debug, PartialEq)]
pub struct TableFigure {
    pub target: Target,
    pub table: Table,
    pub year: i32,
    pub value: f64,
    pub row: usize,
    pub column: usize,
}

/// What a BPS table held for this site.
#[derive(Debug, Default)]
pub struct BpsFigures {
    pub figures: Vec<TableFigure>,
    /// Rows with figures for regions that are not in this site.
    pub skipped_rows: usize,
    /// Those rows: the name as written, its row, and the site's region it nearly names (a
    /// misspelling, most likely), if any.
    pub skipped: Vec<(String, usize, Option<String>)>,
    /// Problems, each at its row and column.
    pub problems: Vec<(ImportMessage, Option<ImportMessage>, TablePlace)>,
}

/// The indicator a title names, if it names exactly one.
pub fn recognise_indicator(title: &str) -> Option<&'static str> {
    const PHRASES: &[(&str, &str)] = &[
        ("persentase penduduk miskin", keys::P0),
        ("tingkat kemiskinan", keys::P0),
        ("p0", keys::P0),
        ("jumlah penduduk miskin", keys::POOR),
        ("garis kemiskinan makanan", keys::FOOD_LINE),
        ("garis kemiskinan non makanan", keys::NON_FOOD_LINE),
        ("garis kemiskinan bukan makanan", keys::NON_FOOD_LINE),
        ("garis kemiskinan", keys::POVERTY_LINE),
        ("kedalaman kemiskinan", keys::P1),
        ("p1", keys::P1),
        ("keparahan kemiskinan", keys::P2),
        ("p2", keys::P2),
        ("indeks pembangunan manusia", keys::HDI),
        ("ipm", keys::HDI),
        ("tingkat pengangguran terbuka", keys::UNEMPLOYMENT),
        ("tpt", keys::UNEMPLOYMENT),
        ("gini", keys::GINI),
        ("laju pertumbuhan ekonomi", keys::GROWTH),
        ("pertumbuhan ekonomi", keys::GROWTH),
        ("laju pertumbuhan pdrb", keys::GROWTH),
        (
            "laju pertumbuhan produk domestik regional bruto",
            keys::GROWTH,
        ),
    ];
    let words = format!(" {} ", normalise(title));
    let mut found: Vec<&'static str> = PHRASES
        .iter()
        .filter(|(phrase, _)| words.contains(&format!(" {phrase} ")))
        .map(|(_, key)| *key)
        .collect();
    // The food and non-food lines are parts of the poverty line, not a second indicator.
    if found
        .iter()
        .any(|k| *k == keys::FOOD_LINE || *k == keys::NON_FOOD_LINE)
    {
        found.retain(|k| *k != keys::POVERTY_LINE);
    }
    found.sort_unstable();
    found.dedup();
    match found.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// Lowercase words, punctuation as spaces: `Kab. Blitar` → `kab blitar`.
pub fn normalise(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What kind of region a name says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Kabupaten,
    Kota,
    Provinsi,
    Plain,
}

/// `Kab. Blitar` → (Kabupaten, `blitar`); `JAWA TIMUR` → (Plain, `jawa timur`).
pub fn split_name(name: &str) -> (NameKind, String) {
    let n = normalise(name);
    const PREFIXES: &[(&str, NameKind)] = &[
        ("kabupaten administrasi ", NameKind::Kabupaten),
        ("kabupaten ", NameKind::Kabupaten),
        ("kab adm ", NameKind::Kabupaten),
        ("kab ", NameKind::Kabupaten),
        ("kota administrasi ", NameKind::Kota),
        ("kota adm ", NameKind::Kota),
        ("kota ", NameKind::Kota),
        ("provinsi ", NameKind::Provinsi),
        ("prov ", NameKind::Provinsi),
    ];
    for (prefix, kind) in PREFIXES {
        if let Some(rest) = n.strip_prefix(prefix) {
            return (*kind, rest.to_string());
        }
    }
    (NameKind::Plain, n)
}

/// A row label split into its code (`3505`, `35`, `35.05`, without dots) and its name.
pub fn split_label(label: &str) -> (Option<String>, String) {
    let t = label.trim().trim_start_matches(['[', '(']);
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(t.len(), |(i, _)| i);
    let code: String = t[..end].chars().filter(char::is_ascii_digit).collect();
    let rest = t[end..]
        .trim_start_matches([']', ')', ' ', '-', '.', '\u{a0}'])
        .trim();
    if (2..=4).contains(&code.len()) || code.len() == 7 || code.len() == 10 {
        (Some(code), rest.to_string())
    } else {
        (None, label.trim().to_string())
    }
}

/// What a row refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowMatch {
    Region(usize),
    Reference(usize),
    NotInSite,
    Ambiguous(Vec<String>),
}

/// The regions and references of a site, ready for matching rows.
pub struct Matcher<'a> {
    pub regions: &'a [SiteRegion],
    pub references: &'a [SiteReference],
    /// Base names the table also lists with an explicit `Kota`, and with `Kabupaten`: a plain
    /// `Blitar` beside `Kota Blitar` is the regency (BPS writes regencies without a prefix).
    explicit_kota: Vec<String>,
    explicit_kabupaten: Vec<String>,
    /// Base names the table writes with an explicit `Provinsi`.
    explicit_provinsi: Vec<String>,
    /// Names that are both a kabupaten's and its province's by the official list
    /// (`gorontalo`), as [`split_name`] leaves them.
    kabupaten_named_as_province: Vec<String>,
}

impl<'a> Matcher<'a> {
    /// The site's region a label nearly names (compared without `Kabupaten`/`Kota`, so that
    /// "Ponorgo" is near "Ponorogo" and "Madiun" is not near "Blitar").
    pub fn near_miss(&self, label: &str) -> Option<String> {
        let (_, name) = split_label(label);
        let (_, base) = split_name(&name);
        self.regions
            .iter()
            .map(|r| (strsim::jaro_winkler(&base, &split_name(&r.name).1), r))
            .filter(|(score, _)| *score >= 0.9)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, r)| r.name.clone())
    }

    pub fn new(
        regions: &'a [SiteRegion],
        references: &'a [SiteReference],
        labels: &[String],
    ) -> Self {
        let mut explicit_kota = Vec::new();
        let mut explicit_kabupaten = Vec::new();
        let mut explicit_provinsi = Vec::new();
        for label in labels {
            let (_, name) = split_label(label);
            match split_name(&name) {
                (NameKind::Kota, base) => explicit_kota.push(base),
                (NameKind::Kabupaten, base) => explicit_kabupaten.push(base),
                (NameKind::Provinsi, base) => explicit_provinsi.push(base),
                _ => {}
            }
        }
        let provinces: Vec<String> = crate::model::official::provinces()
            .map(|p| split_name(p.name).1)
            .collect();
        let kabupaten_named_as_province = crate::model::official::provinces()
            .flat_map(|p| crate::model::official::kabupaten_kota(p.code))
            .filter_map(|r| match split_name(r.name) {
                (NameKind::Kabupaten, base) if provinces.contains(&base) => Some(base),
                _ => None,
            })
            .collect();
        Matcher {
            regions,
            references,
            explicit_kota,
            explicit_kabupaten,
            explicit_provinsi,
            kabupaten_named_as_province,
        }
    }

    /// What a label refers to, wherever it stands in the table.
    pub fn find(&self, label: &str) -> RowMatch {
        self.find_row(label, None)
    }

    /// What the label of the row at `index` refers to. A province's row is never taken for a
    /// regency: a code of a province or the nation (`35`, `3500`, `0000`) never matches a
    /// regency, and a plain name that is both a kabupaten's and a province's (`Gorontalo`:
    /// Kabupaten Gorontalo in Provinsi Gorontalo) is read by what else the table writes: beside
    /// an explicit `Provinsi Gorontalo` row it is the kabupaten, beside an explicit `Kabupaten
    /// Gorontalo` row the province; otherwise it is ambiguous (an error asking the table to
    /// say which), never guessed from where the row stands.
    pub fn find_row(&self, label: &str, _index: Option<usize>) -> RowMatch {
        let (code, name) = split_label(label);
        if let Some(code) = code {
            return self.by_code(&code);
        }
        let found = self.by_name(&name);
        let (kind, base) = split_name(&name);
        if kind != NameKind::Plain || !self.kabupaten_named_as_province.contains(&base) {
            return found;
        }
        let province = self
            .references
            .iter()
            .position(|r| !r.national && split_name(&r.name).1 == base);
        let region = self
            .regions
            .iter()
            .position(|r| split_name(&r.name).1 == base && r.kind == RegionKind::Kabupaten);
        if self.explicit_provinsi.contains(&base) {
            return region.map_or(RowMatch::NotInSite, RowMatch::Region);
        }
        if self.explicit_kabupaten.contains(&base) {
            return province.map_or(RowMatch::NotInSite, RowMatch::Reference);
        }
        let official = crate::model::official::provinces()
            .find(|p| split_name(p.name).1 == base)
            .map_or(base.clone(), |p| p.name.to_string());
        RowMatch::Ambiguous(vec![
            format!("Kabupaten {official}"),
            format!("Provinsi {official}"),
        ])
    }

    fn by_code(&self, code: &str) -> RowMatch {
        let national = || {
            self.references
                .iter()
                .position(|r| r.national)
                .map_or(RowMatch::NotInSite, RowMatch::Reference)
        };
        let province = |code: &str| {
            self.references
                .iter()
                .position(|r| !r.national && r.code == code)
                .map_or(RowMatch::NotInSite, RowMatch::Reference)
        };
        match code.len() {
            2 if code == "00" => national(),
            2 => province(code),
            // A province's or the nation's code is theirs, whatever a region's file says.
            4 if code == "0000" => national(),
            4 if code.ends_with("00") => province(&code[..2]),
            4 => self
                .regions
                .iter()
                .position(|r| r.bps_code == code || r.code.replace('.', "") == code)
                .map_or(RowMatch::NotInSite, RowMatch::Region),
            _ => RowMatch::NotInSite,
        }
    }

    fn by_name(&self, name: &str) -> RowMatch {
        let (kind, base) = split_name(name);
        if base.is_empty() {
            return RowMatch::NotInSite;
        }
        if kind == NameKind::Plain && base == "indonesia" {
            return self
                .references
                .iter()
                .position(|r| r.national)
                .map_or(RowMatch::NotInSite, RowMatch::Reference);
        }
        let region_base = |r: &SiteRegion| {
            let (k, b) = split_name(&r.name);
            let k = match k {
                NameKind::Kabupaten | NameKind::Kota => k,
                _ => match r.kind {
                    RegionKind::Kabupaten => NameKind::Kabupaten,
                    RegionKind::Kota => NameKind::Kota,
                },
            };
            (k, b)
        };
        let reference_base = |r: &SiteReference| split_name(&r.name).1;
        let mut candidates: Vec<RowMatch> = Vec::new();
        for (i, r) in self.regions.iter().enumerate() {
            let (k, b) = region_base(r);
            if b != base {
                continue;
            }
            let fits = match kind {
                NameKind::Kabupaten | NameKind::Kota => k == kind,
                NameKind::Provinsi => false,
                NameKind::Plain => match k {
                    NameKind::Kota => !self.explicit_kota.contains(&base),
                    _ => !self.explicit_kabupaten.contains(&base),
                },
            };
            if fits {
                candidates.push(RowMatch::Region(i));
            }
        }
        if matches!(kind, NameKind::Provinsi | NameKind::Plain) {
            for (i, r) in self.references.iter().enumerate() {
                if !r.national && reference_base(r) == base {
                    candidates.push(RowMatch::Reference(i));
                }
            }
        }
        match candidates.len() {
            0 => RowMatch::NotInSite,
            1 => candidates.remove(0),
            _ => RowMatch::Ambiguous(
                candidates
                    .iter()
                    .map(|c| match c {
                        RowMatch::Region(i) => self.regions[*i].name.clone(),
                        RowMatch::Reference(i) => self.references[*i].name.clone(),
                        _ => String::new(),
                    })
                    .collect(),
            ),
        }
    }
}

/// A year in a header cell: `2024`, `2024*`, `Maret 2024`, or the number 2024.
fn header_year(cell: &Cell) -> Option<i32> {
    match cell {
        Cell::Number(n) if n.fract() == 0.0 && (1990.0..=2100.0).contains(n) => Some(*n as i32),
        Cell::Text(t) if t.chars().count() <= 25 => {
            let years: Vec<i32> = t
                .split(|c: char| !c.is_ascii_digit())
                .filter(|w| w.len() == 4)
                .filter_map(|w| w.parse().ok())
                .filter(|y| (1990..=2100).contains(y))
                .collect();
            match years.as_slice() {
                [one] => Some(*one),
                _ => None,
            }
        }
        _ => None,
    }
}

fn table_of(text: &str) -> Option<Table> {
    let t = text.to_lowercase();
    if t.contains("sep") {
        Some(Table::DataSeptember)
    } else if t.contains("mar") {
        Some(Table::Data)
    } else {
        None
    }
}

/// The layout of a BPS table: where the header is, which columns hold which year.
#[derive(Debug, PartialEq)]
pub struct Layout {
    pub header_row: usize,
    pub first_data_row: usize,
    /// (column, year, table) of every year column, left to right.
    pub years: Vec<(usize, i32, Table)>,
}

/// Finds the header row: the first row with a year in a column after the first.
pub fn layout(sheet: &Sheet) -> Option<Layout> {
    let last = sheet.last_column();
    for row in sheet.row_range() {
        let years: Vec<(usize, i32)> = (2..=last)
            .filter_map(|c| header_year(sheet.cell(row, c)).map(|y| (c, y)))
            .collect();
        if years.is_empty() {
            continue;
        }
        // A row of `Maret | September` under the years.
        let sub = row + 1;
        let has_sub = (2..=last).any(|c| match sheet.cell(sub, c) {
            Cell::Text(t) => table_of(t).is_some(),
            _ => false,
        });
        let first_year_col = years[0].0;
        let mut out = Vec::new();
        let mut carried: Option<i32> = None;
        for c in first_year_col..=last {
            let year = header_year(sheet.cell(row, c));
            let year = if has_sub { year.or(carried) } else { year };
            let Some(year) = year else { continue };
            carried = Some(year);
            let table = if has_sub {
                match table_of(&sheet.cell(sub, c).text()) {
                    Some(t) => t,
                    None => continue,
                }
            } else {
                table_of(&sheet.cell(row, c).text()).unwrap_or(Table::Data)
            };
            if !out.iter().any(|(_, y, t)| *y == year && *t == table) {
                out.push((c, year, table));
            }
        }
        return Some(Layout {
            header_row: row,
            first_data_row: if has_sub { row + 2 } else { row + 1 },
            years: out,
        });
    }
    None
}

/// The text above the header and in its first columns, where a title names the indicator.
pub fn title_text(sheet: &Sheet, layout: &Layout) -> String {
    let first_year_col = layout.years.first().map_or(2, |y| y.0);
    let mut parts = Vec::new();
    for row in *sheet.row_range().start()..layout.header_row {
        parts.extend(sheet.row_texts(row));
    }
    for c in 1..first_year_col {
        parts.push(sheet.cell(layout.header_row, c).text());
    }
    parts.join(" ")
}

/// Options that narrow what is read.
pub struct Narrowing<'a> {
    pub year: Option<i32>,
    /// Only this regency's rows (references are still read).
    pub region: Option<&'a str>,
}

/// Reads every figure of the table that belongs to a region or reference of the site.
pub fn read(
    sheet: &Sheet,
    layout: &Layout,
    matcher: &Matcher,
    lone_dot: LoneDot,
    narrowing: &Narrowing,
) -> BpsFigures {
    let mut out = BpsFigures::default();
    let first_year_col = layout.years.first().map_or(2, |y| y.0);
    let place = |row: usize, column: usize| TablePlace {
        sheet: sheet.name.clone(),
        row,
        column,
    };
    for row in layout.first_data_row..=*sheet.row_range().end() {
        let label = (1..first_year_col)
            .map(|c| sheet.cell(row, c).text())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if label.is_empty() {
            continue;
        }
        let columns: Vec<&(usize, i32, Table)> = layout
            .years
            .iter()
            .filter(|(_, y, _)| narrowing.year.is_none_or(|want| want == *y))
            .collect();
        let has_values = layout
            .years
            .iter()
            .any(|(c, ..)| !sheet.cell(row, *c).is_blank());
        let target = match matcher.find_row(&label, row.checked_sub(sheet.first_row)) {
            RowMatch::Region(i) => {
                let slug = &matcher.regions[i].slug;
                if narrowing.region.is_some_and(|only| only != slug) {
                    continue;
                }
                Target::Region(slug.clone())
            }
            RowMatch::Reference(i) => Target::Reference(matcher.references[i].slug.clone()),
            RowMatch::NotInSite => {
                if has_values {
                    out.skipped_rows += 1;
                    out.skipped
                        .push((label.trim().to_string(), row, matcher.near_miss(&label)));
                }
                continue;
            }
            RowMatch::Ambiguous(candidates) => {
                out.problems.push((
                    ImportMessage::AmbiguousName {
                        place: place(row, 1),
                        name: label.clone(),
                        candidates,
                    },
                    Some(ImportMessage::HintFullName),
                    place(row, 1),
                ));
                continue;
            }
        };
        for (column, year, table) in columns {
            let value = match sheet.cell(row, *column) {
                Cell::Empty => continue,
                Cell::Number(n) if n.is_finite() => *n,
                Cell::Number(_) => continue,
                Cell::Text(t) => match numbers::parse(t, lone_dot) {
                    Ok(Some(v)) => v,
                    Ok(None) => continue,
                    Err(e) => {
                        out.problems.push((
                            ImportMessage::NotANumber {
                                place: place(row, *column),
                                text: e.0,
                            },
                            Some(ImportMessage::HintNumberCell),
                            place(row, *column),
                        ));
                        continue;
                    }
                },
            };
            out.figures.push(TableFigure {
                target: target.clone(),
                table: *table,
                year: *year,
                value,
                row,
                column: *column,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions() -> Vec<SiteRegion> {
        let r = |slug: &str, name: &str, kind, code: &str| SiteRegion {
            slug: slug.into(),
            name: name.into(),
            kind,
            code: format!("{}.{}", &code[..2], &code[2..]),
            bps_code: code.into(),
        };
        vec![
            r(
                "kabupaten-blitar",
                "Kabupaten Blitar",
                RegionKind::Kabupaten,
                "3505",
            ),
            r("kota-kediri", "Kota Kediri", RegionKind::Kota, "3571"),
            r(
                "kabupaten-kediri",
                "Kabupaten Kediri",
                RegionKind::Kabupaten,
                "3506",
            ),
        ]
    }

    fn references() -> Vec<SiteReference> {
        vec![
            SiteReference {
                slug: "indonesia".into(),
                name: "Indonesia".into(),
                national: true,
                code: "00".into(),
            },
            SiteReference {
                slug: "jawa-timur".into(),
                name: "Provinsi Jawa Timur".into(),
                national: false,
                code: "35".into(),
            },
        ]
    }

    #[test]
    fn indicators_are_recognised_from_titles() {
        let r = recognise_indicator;
        assert_eq!(
            r("Persentase Penduduk Miskin (P0) Menurut Kabupaten/Kota (Persen), 2023-2025"),
            Some("p0")
        );
        assert_eq!(
            r("Jumlah Penduduk Miskin (ribu jiwa)"),
            Some("jumlah_penduduk_miskin")
        );
        assert_eq!(
            r("Garis Kemiskinan (Rupiah/Kapita/Bulan)"),
            Some("garis_kemiskinan")
        );
        assert_eq!(r("Garis Kemiskinan Makanan"), Some("gkm"));
        assert_eq!(r("Indeks Kedalaman Kemiskinan (P1)"), Some("p1"));
        assert_eq!(
            r("Indeks Keparahan Kemiskinan (P2) Menurut Kabupaten/Kota"),
            Some("p2")
        );
        assert_eq!(r("[Metode Baru] Indeks Pembangunan Manusia"), Some("ipm"));
        assert_eq!(r("Tingkat Pengangguran Terbuka (TPT)"), Some("tpt"));
        assert_eq!(r("Gini Ratio Menurut Provinsi"), Some("gini"));
        assert_eq!(
            r(
                "Laju Pertumbuhan PDRB Atas Dasar Harga Konstan 2010 Menurut Kabupaten/Kota (Persen)"
            ),
            Some("pertumbuhan_ekonomi")
        );
        assert_eq!(
            r("Laju Pertumbuhan Ekonomi (persen)"),
            Some("pertumbuhan_ekonomi")
        );
        assert_eq!(r("Indeks Kedalaman (P1) dan Keparahan (P2)"), None);
        assert_eq!(r("Tabel 3.1"), None);
    }

    #[test]
    fn names_and_codes_are_split() {
        assert_eq!(
            split_name("Kab. Blitar"),
            (NameKind::Kabupaten, "blitar".into())
        );
        assert_eq!(
            split_name("Kabupaten  Blitar"),
            (NameKind::Kabupaten, "blitar".into())
        );
        assert_eq!(split_name("KOTA KEDIRI"), (NameKind::Kota, "kediri".into()));
        assert_eq!(
            split_name("JAWA TIMUR"),
            (NameKind::Plain, "jawa timur".into())
        );
        assert_eq!(
            split_label("3505 Blitar"),
            (Some("3505".into()), "Blitar".into())
        );
        assert_eq!(
            split_label("[3505] Kab. Blitar"),
            (Some("3505".into()), "Kab. Blitar".into())
        );
        assert_eq!(
            split_label("35.05 Blitar"),
            (Some("3505".into()), "Blitar".into())
        );
        assert_eq!(split_label("Kota Kediri"), (None, "Kota Kediri".into()));
        assert_eq!(split_label("1 Blitar"), (None, "1 Blitar".into()));
    }

    #[test]
    fn rows_match_by_code_and_by_name() {
        let (regions, refs) = (regions(), references());
        let m = Matcher::new(&regions, &refs, &[]);
        assert_eq!(m.find("3505 Blitar"), RowMatch::Region(0));
        assert_eq!(m.find("3505"), RowMatch::Region(0));
        assert_eq!(m.find("Kab. Blitar"), RowMatch::Region(0));
        assert_eq!(m.find("Kabupaten Blitar"), RowMatch::Region(0));
        assert_eq!(m.find("BLITAR"), RowMatch::Region(0));
        assert_eq!(m.find("Kota Blitar"), RowMatch::NotInSite);
        assert_eq!(m.find("Kota Kediri"), RowMatch::Region(1));
        assert_eq!(m.find("3500 Jawa Timur"), RowMatch::Reference(1));
        assert_eq!(m.find("35"), RowMatch::Reference(1));
        assert_eq!(m.find("JAWA TIMUR"), RowMatch::Reference(1));
        assert_eq!(m.find("Provinsi Jawa Timur"), RowMatch::Reference(1));
        assert_eq!(m.find("INDONESIA"), RowMatch::Reference(0));
        assert_eq!(m.find("00 Indonesia"), RowMatch::Reference(0));
        assert_eq!(m.find("3507 Malang"), RowMatch::NotInSite);
        assert_eq!(m.find("Sumber: BPS"), RowMatch::NotInSite);
        assert_eq!(
            m.find("Kediri"),
            RowMatch::Ambiguous(vec!["Kota Kediri".into(), "Kabupaten Kediri".into()])
        );
        // Beside an explicit `Kota Kediri` row, a plain `Kediri` is the regency (BPS's way).
        let labels = vec!["Kediri".to_string(), "Kota Kediri".to_string()];
        let m = Matcher::new(&regions, &refs, &labels);
        assert_eq!(m.find("Kediri"), RowMatch::Region(2));
    }

    /// A province's row never lands in a regency's file: not by a province's code, even one
    /// a region's file holds, and not by a name both carry (Kabupaten Gorontalo, Provinsi
    /// Gorontalo), which is read by the table's explicit rows, never by where it stands.
    #[test]
    fn a_province_row_never_matches_a_regency() {
        let gorontalo = vec![SiteRegion {
            slug: "kabupaten-gorontalo".into(),
            name: "Kabupaten Gorontalo".into(),
            kind: RegionKind::Kabupaten,
            code: "75.01".into(),
            bps_code: "7500".into(),
        }];
        let national = vec![references().remove(0)];
        let m = Matcher::new(&gorontalo, &national, &[]);
        // The province's code, although the region's file (wrongly) holds it.
        assert_eq!(m.find("7500 Gorontalo"), RowMatch::NotInSite);
        let ambiguous = RowMatch::Ambiguous(vec![
            "Kabupaten Gorontalo".into(),
            "Provinsi Gorontalo".into(),
        ]);
        assert_eq!(m.find("Gorontalo"), ambiguous);
        assert_eq!(m.find("Kabupaten Gorontalo"), RowMatch::Region(0));
        assert_eq!(m.find("Provinsi Gorontalo"), RowMatch::NotInSite);
        // Twice, in either order: still ambiguous (the province may head or close a table).
        let labels: Vec<String> = ["GORONTALO", "Boalemo", "Gorontalo", "Kota Gorontalo"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let m = Matcher::new(&gorontalo, &national, &labels);
        assert_eq!(m.find_row("Gorontalo", Some(2)), ambiguous);
        assert_eq!(m.find_row("GORONTALO", Some(0)), ambiguous);
        // An explicit `Provinsi Gorontalo` row makes the plain name the kabupaten.
        let mut refs = references();
        refs.push(SiteReference {
            slug: "gorontalo".into(),
            name: "Provinsi Gorontalo".into(),
            national: false,
            code: "75".into(),
        });
        let labels: Vec<String> = [
            "Boalemo",
            "Gorontalo",
            "Kota Gorontalo",
            "Provinsi Gorontalo",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let m = Matcher::new(&gorontalo, &refs, &labels);
        assert_eq!(m.find_row("Gorontalo", Some(1)), RowMatch::Region(0));
        assert_eq!(
            m.find_row("Provinsi Gorontalo", Some(3)),
            RowMatch::Reference(2)
        );
        assert_eq!(m.find_row("7500", Some(3)), RowMatch::Reference(2));
        // An explicit `Kabupaten Gorontalo` row makes it the province; a Kota Gorontalo site
        // never receives the kabupaten's figure through the province's file.
        let labels: Vec<String> = ["Kabupaten Gorontalo", "Kota Gorontalo", "Gorontalo"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let m = Matcher::new(&gorontalo, &refs, &labels);
        assert_eq!(m.find_row("Gorontalo", Some(2)), RowMatch::Reference(2));
        let kota = vec![SiteRegion {
            slug: "kota-gorontalo".into(),
            name: "Kota Gorontalo".into(),
            kind: RegionKind::Kota,
            code: "75.71".into(),
            bps_code: "7571".into(),
        }];
        let labels: Vec<String> = ["Boalemo", "Gorontalo", "Kota Gorontalo", "Gorontalo"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let m = Matcher::new(&kota, &refs, &labels);
        assert!(matches!(
            m.find_row("Gorontalo", Some(1)),
            RowMatch::Ambiguous(_)
        ));
    }

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: None,
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
    fn the_header_is_found_under_the_title() {
        let s = sheet(&[
            &[
                "Persentase Penduduk Miskin Menurut Kabupaten/Kota, 2023-2025",
                "",
                "",
            ],
            &["Kabupaten/Kota", "Tahun", ""],
            &["", "2024", "2025"],
            &["Blitar", "8,16", "7,57"],
        ]);
        let l = layout(&s).unwrap();
        assert_eq!(l.header_row, 3);
        assert_eq!(l.first_data_row, 4);
        assert_eq!(
            l.years,
            vec![(2, 2024, Table::Data), (3, 2025, Table::Data)]
        );
        assert_eq!(recognise_indicator(&title_text(&s, &l)), Some("p0"));
        let s = sheet(&[
            &["Wilayah", "2024", "", "2025"],
            &["", "Maret", "September", "Maret"],
            &["Jawa Timur", "9,79", "9,56", "9,50"],
        ]);
        let l = layout(&s).unwrap();
        assert_eq!(
            l.years,
            vec![
                (2, 2024, Table::Data),
                (3, 2024, Table::DataSeptember),
                (4, 2025, Table::Data)
            ]
        );
        assert_eq!(l.first_data_row, 3);
    }

    #[test]
    fn figures_and_bad_cells_are_read_with_their_place() {
        let (regions, refs) = (regions(), references());
        let s = sheet(&[
            &["Kabupaten/Kota", "2024", "2025"],
            &["Blitar", "8,16", "…"],
            &["Malang", "9,8", "9,1"],
            &["Kota Kediri", "x", "-"],
            &["Catatan: angka sementara", "", ""],
        ]);
        let l = layout(&s).unwrap();
        let m = Matcher::new(&regions, &refs, &[]);
        let narrowing = Narrowing {
            year: None,
            region: None,
        };
        let got = read(&s, &l, &m, LoneDot::Decimal, &narrowing);
        assert_eq!(got.figures.len(), 1);
        assert_eq!(got.figures[0].value, 8.16);
        assert_eq!((got.figures[0].row, got.figures[0].column), (2, 2));
        assert_eq!(got.skipped_rows, 1);
        assert_eq!(got.problems.len(), 1);
        assert_eq!(got.problems[0].2.row, 4);
        assert_eq!(got.problems[0].2.column, 2);
    }
}
