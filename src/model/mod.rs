//! The validated site: every figure is a finite number in range with its source, every year is
//! a real year, every region knows its province. Later stages read only these types.

pub(crate) mod deciles;
pub(crate) mod evidence;
pub(crate) mod institution;
pub(crate) mod messages;
pub(crate) mod official;
pub(crate) mod pockets;
pub(crate) mod programs;
pub(crate) mod publish;
pub(crate) mod scans;
pub(crate) mod scheme;
pub(crate) mod validate;
pub(crate) mod values;

pub(crate) use deciles::Deciles;
pub(crate) use institution::Institution;
pub(crate) use pockets::Pockets;
pub(crate) use programs::Programs;
pub(crate) use validate::{RESERVED_SLUGS, valid_slug, validate};

use crate::base::indicators::Catalog;
use crate::base::lang::Lang;
use std::collections::BTreeMap;

pub(crate) use crate::content::{Level, RegionKind};

#[derive(Clone, Debug)]
pub struct SiteConfig {
    pub title: String,
    pub description: Option<String>,
    pub lang: Lang,
    pub report_year: Option<i32>,
    pub theme: String,
    pub base_url: Option<String>,
    /// CSV, JSON and XLSX of every table beside each report and sheet (`unduhan:`).
    pub downloads: bool,
    /// The national best tagged-spending score of each year, with its source
    /// (`skor_tagging_tertinggi:`): what a normalised score is divided by.
    pub top_tagged_scores: BTreeMap<i32, Figure>,
    /// Which reports and sheets are public (`terbit:`).
    pub publish: publish::Publish,
    /// The emblem (`lambang:`): its path under `static/`, which is also its address in the
    /// output.
    pub emblem: Option<String>,
    /// The abbreviations of the reports' Daftar Singkatan (`singkatan:`), sorted.
    pub abbreviations: Vec<(String, String)>,
}

/// A figure and where it was published.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub source: String,
    /// Marked illustrative in its file (`ilustrasi: {2025: [p0]}`): not an official figure,
    /// said so wherever it shows, and replaced by `tkpk impor` without `--timpa`.
    pub illustrative: bool,
}

/// What an illustrative figure shows where a source would be.
pub(crate) const ILLUSTRATIVE_SOURCE: crate::base::lang::Phrase = crate::base::lang::Phrase::new(
    "ILUSTRASI, bukan angka resmi",
    "ILLUSTRATIVE, not an official figure",
);

impl Figure {
    /// The source to show: the file's, or [`ILLUSTRATIVE_SOURCE`] for an illustrative figure
    /// (whose file source is the one real figures will have).
    pub fn shown_source(&self, lang: crate::base::lang::Lang) -> &str {
        if self.illustrative {
            ILLUSTRATIVE_SOURCE.get(lang)
        } else {
            &self.source
        }
    }
}

/// Figures of one region: March (Susenas Maret) and, for province and nation, September.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    pub march: BTreeMap<i32, BTreeMap<String, Figure>>,
    pub september: BTreeMap<i32, BTreeMap<String, Figure>>,
    /// `{KEY: {YEAR: value}}`.
    pub targets: BTreeMap<String, BTreeMap<i32, f64>>,
    pub target_source: Option<String>,
    /// The plan period of the targets (first and last year), when the file gives it.
    pub target_period: Option<(i32, i32)>,
    /// The survey round of the years whose "March" figures are from another round
    /// (`periode: {2005: Juli}`), as written.
    pub periods: BTreeMap<i32, String>,
}

impl Series {
    /// The March figure of `key` in `year`.
    pub fn get(&self, year: i32, key: &str) -> Option<&Figure> {
        self.march.get(&year).and_then(|m| m.get(key))
    }

    /// The survey round of `year`'s figures when it is not March.
    pub fn period(&self, year: i32) -> Option<&str> {
        self.periods.get(&year).map(String::as_str)
    }

    /// Years with at least one March figure, ascending.
    pub fn years(&self) -> Vec<i32> {
        self.march.keys().copied().collect()
    }

    /// Whether the targets apply to a report of `year`: inside their plan period, or always
    /// when the file gives none.
    pub fn targets_apply(&self, year: i32) -> bool {
        self.target_period
            .is_none_or(|(first, last)| (first..=last).contains(&year))
    }

    /// The latest year before `year` that has a March figure of `key`.
    pub fn previous(&self, year: i32, key: &str) -> Option<(i32, &Figure)> {
        self.march
            .range(..year)
            .rev()
            .find_map(|(y, m)| m.get(key).map(|f| (*y, f)))
    }

    /// The distinct sources of the March figures of `keys` in `years`, each prefixed with
    /// `name`, sorted; an illustrative figure's is [`ILLUSTRATIVE_SOURCE`].
    pub fn sources(
        &self,
        keys: &[&str],
        years: &[i32],
        name: &str,
        lang: crate::base::lang::Lang,
    ) -> Vec<String> {
        // Distinct first: a series has one or two sources over many figures.
        let distinct: std::collections::BTreeSet<&str> = years
            .iter()
            .flat_map(|y| keys.iter().filter_map(move |k| self.get(*y, k)))
            .map(|f| f.shown_source(lang))
            .collect();
        distinct
            .into_iter()
            .map(|source| format!("{name}: {source}"))
            .collect()
    }

    /// Every distinct source of the March figures, sorted (the overview page lists them).
    pub fn all_sources(&self, lang: crate::base::lang::Lang) -> Vec<String> {
        let mut out: Vec<String> = self
            .march
            .values()
            .flat_map(|m| m.values().map(|f| f.shown_source(lang).to_string()))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// The nation or a province.
#[derive(Clone, Debug)]
pub struct Reference {
    pub slug: String,
    pub name: String,
    pub level: Level,
    pub code: String,
    pub series: Series,
    /// A province's kab/kota that the site does not report on (`pembanding:`): in its ranks,
    /// tables and charts, without pages of their own.
    pub comparisons: Vec<Comparison>,
}

/// A kab/kota of a province, with figures but no pages: counted in ranks and shown in the
/// province's tables and charts.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The slug its name would have as a region (`kabupaten-pacitan`), to tell regions apart.
    pub slug: String,
    pub name: String,
    /// The BPS code, when written.
    pub bps_code: Option<String>,
    pub series: Series,
}

/// A kab/kota as a rank or a province table sees it: a region of the site or a comparison.
#[derive(Clone, Copy, Debug)]
pub struct Ranked<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub series: &'a Series,
    /// A region of the site (with pages), not a comparison.
    pub own: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tkpk {
    pub chair: Option<String>,
    pub secretariat: Option<String>,
}

/// The parts of an LP2KD, in report order; a narrative names its part in `bab`. The front
/// matter (Kata Pengantar, Ringkasan Eksekutif) has no chapter number, the body chapters are
/// BAB I (Pendahuluan) to BAB XI (Penutup) in every region's report, whatever it holds, and
/// the annexes (Lampiran) come last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Chapter {
    KataPengantar,
    Ringkasan,
    Pendahuluan,
    KondisiUmum,
    Profil,
    PosisiRelatif,
    Determinan,
    CapaianTarget,
    Program,
    Kantong,
    Kelembagaan,
    Evaluasi,
    Penutup,
    Lampiran,
}

impl Chapter {
    pub const ALL: [Chapter; 14] = [
        Chapter::KataPengantar,
        Chapter::Ringkasan,
        Chapter::Pendahuluan,
        Chapter::KondisiUmum,
        Chapter::Profil,
        Chapter::PosisiRelatif,
        Chapter::Determinan,
        Chapter::CapaianTarget,
        Chapter::Program,
        Chapter::Kantong,
        Chapter::Kelembagaan,
        Chapter::Evaluasi,
        Chapter::Penutup,
        Chapter::Lampiran,
    ];

    /// The key written in front matter (`bab: profil`).
    pub fn key(self) -> &'static str {
        match self {
            Chapter::KataPengantar => "kata_pengantar",
            Chapter::Ringkasan => "ringkasan",
            Chapter::Pendahuluan => "pendahuluan",
            Chapter::KondisiUmum => "kondisi_umum",
            Chapter::Profil => "profil",
            Chapter::PosisiRelatif => "posisi_relatif",
            Chapter::Determinan => "determinan",
            Chapter::CapaianTarget => "capaian_target",
            Chapter::Program => "program",
            Chapter::Kantong => "kantong",
            Chapter::Kelembagaan => "kelembagaan",
            Chapter::Evaluasi => "evaluasi",
            Chapter::Penutup => "penutup",
            Chapter::Lampiran => "lampiran",
        }
    }

    pub fn from_key(key: &str) -> Option<Chapter> {
        Chapter::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn title(self, lang: Lang) -> &'static str {
        let (id, en) = match self {
            Chapter::KataPengantar => ("Kata Pengantar", "Foreword"),
            Chapter::Ringkasan => ("Ringkasan Eksekutif", "Executive Summary"),
            Chapter::Pendahuluan => ("Pendahuluan", "Introduction"),
            Chapter::KondisiUmum => ("Kondisi Umum Daerah", "General Conditions"),
            Chapter::Profil => ("Profil Kemiskinan", "Poverty Profile"),
            Chapter::PosisiRelatif => ("Posisi Relatif", "Relative Position"),
            Chapter::Determinan => (
                "Determinan Kemiskinan dan Prioritas Masalah",
                "Poverty Determinants and Priority Problems",
            ),
            Chapter::CapaianTarget => ("Capaian Target RPJMD", "RPJMD Target Attainment"),
            Chapter::Program => ("Program dan Anggaran", "Programmes and Budget"),
            Chapter::Kantong => ("Kantong Kemiskinan", "Poverty Pockets"),
            Chapter::Kelembagaan => ("Kelembagaan TKPK", "TKPK Institutions"),
            Chapter::Evaluasi => ("Evaluasi", "Evaluation"),
            Chapter::Penutup => ("Penutup", "Closing"),
            Chapter::Lampiran => ("Lampiran", "Appendix"),
        };
        match lang {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// The chapter's number (BAB I is 1), the same in every report; `None` for the front
    /// matter and the annexes.
    pub fn number(self) -> Option<usize> {
        Chapter::ALL
            .iter()
            .filter(|c| c.number_is_given())
            .position(|c| *c == self)
            .map(|i| i + 1)
    }

    fn number_is_given(self) -> bool {
        !matches!(
            self,
            Chapter::KataPengantar | Chapter::Ringkasan | Chapter::Lampiran
        )
    }

    /// Part of the front matter (before BAB I, its pages numbered i, ii, …).
    pub fn is_front(self) -> bool {
        matches!(self, Chapter::KataPengantar | Chapter::Ringkasan)
    }

    /// A final report (`tkpk pdf` without `--draf`) is not printed without it: the chapters
    /// the evaluation reads (what the region planned, spent and coordinated, and why).
    pub fn required(self) -> bool {
        matches!(
            self,
            Chapter::KataPengantar
                | Chapter::Pendahuluan
                | Chapter::Profil
                | Chapter::Program
                | Chapter::Kelembagaan
                | Chapter::Penutup
        )
    }
}

/// The lembar pengesahan of one report (`pengesahan.yaml` in the year's folder): who signs
/// it, where and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Approval {
    pub place: String,
    pub date: institution::Date,
    /// The signatory's position, as it stands above the signature (`Bupati Blitar`).
    pub position: String,
    pub name: String,
    /// Rank (pangkat/golongan), for a civil servant.
    pub rank: Option<String>,
    /// Civil-servant number, 18 digits.
    pub nip: Option<String>,
    pub illustrative: bool,
    pub file: std::path::PathBuf,
}

/// A narrative chapter written by the TKPK, still in markdown.
#[derive(Clone, Debug)]
pub struct Narrative {
    pub file_name: String,
    pub title: String,
    pub chapter: Option<Chapter>,
    pub illustrative: bool,
    pub source: Option<String>,
    pub markdown: String,
}

/// A kabupaten or kota.
#[derive(Clone, Debug)]
pub struct Region {
    pub slug: String,
    pub name: String,
    pub kind: RegionKind,
    pub code: String,
    pub bps_code: String,
    /// Slug of its province in `Site::provinces`.
    pub province: String,
    pub capital: Option<String>,
    pub tkpk: Tkpk,
    /// The region's own emblem on its report covers (`lambang:` in wilayah.yaml, a file of
    /// `static/`), else the site's.
    pub emblem: Option<String>,
    pub series: Series,
    /// Narratives per report year, in file-name order.
    pub narratives: BTreeMap<i32, Vec<Narrative>>,
    /// Programs, pockets and institutional records per report year.
    pub annual: BTreeMap<i32, YearData>,
    /// The author's order of priority problems per year: (indicator key, reason).
    pub priorities: BTreeMap<i32, Vec<(String, String)>>,
}

/// The data files of one report year's folder.
#[derive(Clone, Debug, Default)]
pub struct YearData {
    pub programs: Option<Programs>,
    pub pockets: Option<Pockets>,
    /// Basic services by welfare decile (`desil.yaml`), of this year only.
    pub deciles: Option<Deciles>,
    pub institution: Option<Institution>,
    pub approval: Option<Approval>,
}

impl Region {
    /// The years that get an annual report: every year with a March P0 figure (a year with
    /// other indicators only, an IPM say, still shows on the region's overview).
    pub fn report_years(&self) -> Vec<i32> {
        self.series
            .march
            .iter()
            .filter(|(_, m)| m.contains_key(crate::base::indicators::keys::P0))
            .map(|(y, _)| *y)
            .collect()
    }

    /// The programs, pockets and institutional records of `year`, if any were written.
    pub fn year_data(&self, year: i32) -> Option<&YearData> {
        self.annual.get(&year)
    }

    /// The poverty pockets that stand for `year`: the latest mapping up to that year (pockets
    /// are not mapped every year), with the year of the mapping.
    pub fn pockets_for(&self, year: i32) -> Option<(i32, &Pockets)> {
        self.annual
            .range(..=year)
            .rev()
            .find_map(|(y, d)| d.pockets.as_ref().map(|p| (*y, p)))
    }
}

/// A whole validated site.
#[derive(Clone, Debug)]
pub struct Site {
    pub config: SiteConfig,
    pub catalog: Catalog,
    pub nation: Option<Reference>,
    pub provinces: BTreeMap<String, Reference>,
    /// Sorted by province name, then region name.
    pub regions: Vec<Region>,
    /// Indexes into `regions` per province slug, so that a page about one province never
    /// walks every region of the site.
    pub by_province: BTreeMap<String, Vec<usize>>,
    /// Evaluation schemes by year: the built-in ones, replaced or extended in site.yaml.
    pub schemes: BTreeMap<i32, scheme::Scheme>,
    /// A draft (`--draf`, and `tkpk serve`): every report and sheet is written whatever
    /// `terbit:` says, each page marked DRAF, with the author's notes (which file and key to
    /// fill in). Not a content setting: the command chooses it.
    pub draft: bool,
}

impl Site {
    /// The years of `region` whose report this build writes: every year with a report in a
    /// draft, else those `terbit:` publishes.
    pub fn report_years(&self, region: &Region) -> Vec<i32> {
        let mut years = region.report_years();
        if !self.draft {
            years.retain(|y| self.config.publish.report(*y));
        }
        years
    }

    /// Whether this build writes the evaluation sheet of `year` (where a scheme applies).
    pub fn sheet_written(&self, year: i32) -> bool {
        self.draft || self.config.publish.sheet(year)
    }

    pub fn province_of(&self, region: &Region) -> Option<&Reference> {
        self.provinces.get(&region.province)
    }

    /// Every kab/kota of a province with figures in this site: its regions (in `regions`
    /// order), then its comparison regions (in file order).
    pub fn kab_kota_in<'a>(&'a self, province: &'a str) -> impl Iterator<Item = Ranked<'a>> + 'a {
        let regions = self.regions_in(province).map(|r| Ranked {
            slug: &r.slug,
            name: &r.name,
            series: &r.series,
            own: true,
        });
        let comparisons = self
            .provinces
            .get(province)
            .into_iter()
            .flat_map(|p| &p.comparisons)
            .map(|c| Ranked {
                slug: &c.slug,
                name: &c.name,
                series: &c.series,
                own: false,
            });
        regions.chain(comparisons)
    }

    /// The regions of a province in this site, in `regions` order.
    pub fn regions_in(&self, province: &str) -> impl Iterator<Item = &Region> {
        self.by_province
            .get(province)
            .into_iter()
            .flatten()
            .map(|i| &self.regions[*i])
    }

    /// The references a region is compared with: its province, then the nation.
    pub fn references_of(&self, region: &Region) -> Vec<&Reference> {
        [self.province_of(region), self.nation.as_ref()]
            .into_iter()
            .flatten()
            .collect()
    }
}

/// The bundled sample site, validated, and one of its regions: for the unit tests of the
/// stages above the model.
#[cfg(test)]
pub(crate) mod sample {
    use super::{Region, Site};

    pub(crate) fn site() -> Site {
        let (raw, _) = crate::content::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
        super::validate(raw).0.expect("the sample site loads")
    }

    pub(crate) fn region<'a>(site: &'a Site, slug: &str) -> &'a Region {
        site.regions
            .iter()
            .find(|r| r.slug == slug)
            .unwrap_or_else(|| panic!("no region {slug} in the sample"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(v: f64) -> Figure {
        Figure {
            value: v,
            source: "BPS".into(),
            illustrative: false,
        }
    }

    #[test]
    fn previous_skips_missing_years() {
        let mut s = Series::default();
        s.march
            .entry(2017)
            .or_default()
            .insert("p0".into(), fig(10.0));
        s.march
            .entry(2018)
            .or_default()
            .insert("ipm".into(), fig(70.0));
        s.march
            .entry(2019)
            .or_default()
            .insert("p0".into(), fig(9.0));
        assert_eq!(
            s.previous(2019, "p0").map(|(y, f)| (y, f.value)),
            Some((2017, 10.0))
        );
        assert_eq!(s.previous(2017, "p0"), None);
        assert_eq!(s.years(), vec![2017, 2018, 2019]);
        assert_eq!(s.all_sources(crate::base::lang::Lang::Id), vec!["BPS"]);
    }

    #[test]
    fn sources_are_distinct_sorted_and_named() {
        let mut s = Series::default();
        for (year, key, source) in [
            (2023, "p0", "BPS Kabupaten Blitar"),
            (2023, "gini", "Susenas"),
            (2024, "p0", "BPS Kabupaten Blitar"),
            (2025, "p0", "BPS, rilis Juli 2025"),
            (2025, "ipm", "Tidak diminta"),
        ] {
            s.march.entry(year).or_default().insert(
                key.into(),
                Figure {
                    value: 1.0,
                    source: source.into(),
                    illustrative: false,
                },
            );
        }
        assert_eq!(
            s.sources(
                &["p0", "gini"],
                &[2023, 2024, 2025, 2026],
                "Blitar",
                crate::base::lang::Lang::Id
            ),
            vec![
                "Blitar: BPS Kabupaten Blitar",
                "Blitar: BPS, rilis Juli 2025",
                "Blitar: Susenas"
            ]
        );
        assert!(
            s.sources(&["p0"], &[2020], "Blitar", crate::base::lang::Lang::Id)
                .is_empty()
        );
    }

    #[test]
    fn chapters_round_trip_their_keys() {
        for c in Chapter::ALL {
            assert_eq!(Chapter::from_key(c.key()), Some(c));
        }
        assert_eq!(Chapter::Profil.title(Lang::Id), "Profil Kemiskinan");
    }

    #[test]
    fn targets_apply_inside_their_plan_period_only() {
        let mut s = Series::default();
        assert!(s.targets_apply(2019), "no period given: always");
        s.target_period = Some((2021, 2026));
        assert!(!s.targets_apply(2019) && !s.targets_apply(2027));
        assert!(s.targets_apply(2021) && s.targets_apply(2026));
    }
}
