//! The indicator catalogue: which figures a site may hold, how they are labelled, in what unit
//! and with how many decimals, and which direction is an improvement.

use crate::base::lang::Lang;
use serde::Deserialize;

/// The unit of an indicator; it decides how a figure is written on a page.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Persen,
    RibuJiwa,
    RupiahKapitaBulan,
    Indeks,
    Rasio,
    Tahun,
}

impl Unit {
    pub fn label(&self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Unit::Persen, Lang::Id) => "persen",
            (Unit::Persen, Lang::En) => "percent",
            (Unit::RibuJiwa, Lang::Id) => "ribu jiwa",
            (Unit::RibuJiwa, Lang::En) => "thousand people",
            (Unit::RupiahKapitaBulan, Lang::Id) => "rupiah/kapita/bulan",
            (Unit::RupiahKapitaBulan, Lang::En) => "rupiah/capita/month",
            (Unit::Indeks, Lang::Id) => "indeks",
            (Unit::Indeks, Lang::En) => "index",
            (Unit::Rasio, Lang::Id) => "rasio",
            (Unit::Rasio, Lang::En) => "ratio",
            (Unit::Tahun, Lang::Id) => "tahun",
            (Unit::Tahun, Lang::En) => "years",
        }
    }

    /// The range a figure in this unit can possibly take.
    pub fn bounds(&self) -> (f64, f64) {
        match self {
            Unit::Persen => (0.0, 100.0),
            Unit::Rasio => (0.0, 1.0),
            Unit::Indeks => (0.0, 100.0),
            Unit::Tahun => (0.0, 100.0),
            // The nation has about 280 million people; no poverty line reaches a billion rupiah.
            Unit::RibuJiwa => (0.0, 300_000.0),
            Unit::RupiahKapitaBulan => (0.0, 1e9),
        }
    }
}

/// One entry of the catalogue.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub key: String,
    pub label_id: String,
    pub label_en: String,
    pub unit: Unit,
    pub decimals: usize,
    pub lower_is_better: bool,
}

impl Indicator {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.label_id,
            Lang::En => &self.label_en,
        }
    }

    /// Whether `to` is better than `from` for this indicator.
    pub fn improved(&self, from: f64, to: f64) -> bool {
        if self.lower_is_better {
            to < from
        } else {
            to > from
        }
    }
}

/// An indicator a site declares in `site.yaml` beside the built-in ones.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclaredIndicator {
    pub kunci: String,
    pub label: String,
    #[serde(default)]
    pub label_en: Option<String>,
    pub satuan: Unit,
    #[serde(default = "default_decimals")]
    pub desimal: usize,
    #[serde(default)]
    pub lebih_rendah_lebih_baik: bool,
}

/// The keys of the built-in indicators that the code itself names (analyses, charts, the BPS
/// importer). The catalogue below is built from the same constants.
pub(crate) mod keys {
    pub(crate) const P0: &str = "p0";
    pub(crate) const P1: &str = "p1";
    pub(crate) const P2: &str = "p2";
    pub(crate) const POOR: &str = "jumlah_penduduk_miskin";
    pub(crate) const POVERTY_LINE: &str = "garis_kemiskinan";
    pub(crate) const FOOD_LINE: &str = "gkm";
    pub(crate) const NON_FOOD_LINE: &str = "gknm";
    pub(crate) const EXTREME_PPP2011: &str = "kemiskinan_ekstrem_ppp2011";
    pub(crate) const EXTREME_PPP2017: &str = "kemiskinan_ekstrem_ppp2017";
    pub(crate) const GINI: &str = "gini";
    pub(crate) const UNEMPLOYMENT: &str = "tpt";
    pub(crate) const HDI: &str = "ipm";
    /// Economic growth: the yearly growth of GRDP at constant prices (BPS, "laju pertumbuhan
    /// PDRB atas dasar harga konstan 2010").
    pub(crate) const GROWTH: &str = "pertumbuhan_ekonomi";
    /// Basic services (Susenas, kab/kota level), compared with the province and the nation
    /// in the determinants chapter: higher is better for each.
    pub(crate) const DETERMINANTS: [&str; 8] = [
        "air_minum_layak",
        "sanitasi_layak",
        "rumah_layak_huni",
        "listrik",
        "jaminan_kesehatan",
        "aps_7_12",
        "aps_13_15",
        "aps_16_18",
    ];
}

fn default_decimals() -> usize {
    2
}

/// The indicators of one site: the built-in catalogue plus those declared in site.yaml.
#[derive(Clone, Debug)]
pub struct Catalog {
    entries: Vec<Indicator>,
}

const BUILT_IN: &[(&str, &str, &str, Unit, usize, bool)] = &[
    (
        keys::P0,
        "Persentase penduduk miskin (P0)",
        "Poverty rate (P0)",
        Unit::Persen,
        2,
        true,
    ),
    (
        keys::POOR,
        "Jumlah penduduk miskin",
        "Number of poor people",
        Unit::RibuJiwa,
        2,
        true,
    ),
    (
        keys::POVERTY_LINE,
        "Garis kemiskinan",
        "Poverty line",
        Unit::RupiahKapitaBulan,
        0,
        false,
    ),
    (
        keys::FOOD_LINE,
        "Garis kemiskinan makanan",
        "Food poverty line",
        Unit::RupiahKapitaBulan,
        0,
        false,
    ),
    (
        keys::NON_FOOD_LINE,
        "Garis kemiskinan bukan makanan",
        "Non-food poverty line",
        Unit::RupiahKapitaBulan,
        0,
        false,
    ),
    (
        keys::P1,
        "Indeks kedalaman kemiskinan (P1)",
        "Poverty gap index (P1)",
        Unit::Indeks,
        2,
        true,
    ),
    (
        keys::P2,
        "Indeks keparahan kemiskinan (P2)",
        "Poverty severity index (P2)",
        Unit::Indeks,
        2,
        true,
    ),
    (
        keys::EXTREME_PPP2011,
        "Kemiskinan ekstrem (PPP 2011)",
        "Extreme poverty (PPP 2011)",
        Unit::Persen,
        2,
        true,
    ),
    (
        keys::EXTREME_PPP2017,
        "Kemiskinan ekstrem (PPP 2017)",
        "Extreme poverty (PPP 2017)",
        Unit::Persen,
        2,
        true,
    ),
    (
        "jumlah_miskin_ekstrem_ppp2017",
        "Jumlah penduduk miskin ekstrem (PPP 2017)",
        "Number of extremely poor (PPP 2017)",
        Unit::RibuJiwa,
        2,
        true,
    ),
    (keys::GINI, "Rasio Gini", "Gini ratio", Unit::Rasio, 3, true),
    (
        keys::UNEMPLOYMENT,
        "Tingkat pengangguran terbuka (Agustus)",
        "Open unemployment rate (August)",
        Unit::Persen,
        2,
        true,
    ),
    (
        keys::HDI,
        "Indeks Pembangunan Manusia (IPM)",
        "Human Development Index (HDI)",
        Unit::Indeks,
        2,
        false,
    ),
    (
        keys::GROWTH,
        "Laju pertumbuhan ekonomi (PDRB ADHK 2010)",
        "Economic growth (GRDP at constant 2010 prices)",
        Unit::Persen,
        2,
        false,
    ),
    (
        "air_minum_layak",
        "Rumah tangga dengan akses air minum layak",
        "Households with access to improved drinking water",
        Unit::Persen,
        2,
        false,
    ),
    (
        "sanitasi_layak",
        "Rumah tangga dengan akses sanitasi layak",
        "Households with access to improved sanitation",
        Unit::Persen,
        2,
        false,
    ),
    (
        "rumah_layak_huni",
        "Rumah tangga yang menempati hunian layak",
        "Households in adequate housing",
        Unit::Persen,
        2,
        false,
    ),
    (
        "listrik",
        "Rumah tangga dengan penerangan listrik",
        "Households with electric lighting",
        Unit::Persen,
        2,
        false,
    ),
    (
        "jaminan_kesehatan",
        "Penduduk yang memiliki jaminan kesehatan",
        "Population with health insurance",
        Unit::Persen,
        2,
        false,
    ),
    (
        "aps_7_12",
        "Angka partisipasi sekolah (APS) 7–12 tahun",
        "School participation rate, ages 7–12",
        Unit::Persen,
        2,
        false,
    ),
    (
        "aps_13_15",
        "Angka partisipasi sekolah (APS) 13–15 tahun",
        "School participation rate, ages 13–15",
        Unit::Persen,
        2,
        false,
    ),
    (
        "aps_16_18",
        "Angka partisipasi sekolah (APS) 16–18 tahun",
        "School participation rate, ages 16–18",
        Unit::Persen,
        2,
        false,
    ),
];

impl Default for Catalog {
    fn default() -> Self {
        Catalog {
            entries: BUILT_IN
                .iter()
                .map(|(key, id, en, unit, decimals, lower)| Indicator {
                    key: key.to_string(),
                    label_id: id.to_string(),
                    label_en: en.to_string(),
                    unit: unit.clone(),
                    decimals: *decimals,
                    lower_is_better: *lower,
                })
                .collect(),
        }
    }
}

impl Catalog {
    /// Whether `key` is one of the built-in indicators.
    pub fn is_built_in(key: &str) -> bool {
        BUILT_IN.iter().any(|(k, ..)| *k == key)
    }

    /// The built-in catalogue extended with a site's own indicators. A declared key that is
    /// already built in is left to the validator to refuse; here it replaces the entry.
    pub fn with_declared(declared: &[DeclaredIndicator]) -> Self {
        let mut catalog = Catalog::default();
        for d in declared {
            let entry = Indicator {
                key: d.kunci.clone(),
                label_id: d.label.clone(),
                label_en: d.label_en.clone().unwrap_or_else(|| d.label.clone()),
                unit: d.satuan.clone(),
                decimals: d.desimal.min(6),
                lower_is_better: d.lebih_rendah_lebih_baik,
            };
            match catalog.entries.iter_mut().find(|e| e.key == d.kunci) {
                Some(existing) => *existing = entry,
                None => catalog.entries.push(entry),
            }
        }
        catalog
    }

    pub fn get(&self, key: &str) -> Option<&Indicator> {
        self.entries.iter().find(|e| e.key == key)
    }

    /// Entries in catalogue order (the order of tables on every page).
    pub fn iter(&self) -> impl Iterator<Item = &Indicator> {
        self.entries.iter()
    }

    pub fn keys(&self) -> Vec<String> {
        self.entries.iter().map(|e| e.key.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_entries_know_units_and_direction() {
        let c = Catalog::default();
        let p0 = c.get("p0").unwrap();
        assert_eq!(p0.unit, Unit::Persen);
        assert!(p0.lower_is_better && p0.improved(8.16, 7.57));
        let ipm = c.get("ipm").unwrap();
        assert!(ipm.improved(70.57, 70.58));
        assert_eq!(c.get("garis_kemiskinan").unwrap().decimals, 0);
        assert!(c.get("p0_sep").is_none());
        assert_eq!(c.keys()[0], "p0");
    }

    #[test]
    fn declared_indicators_extend_and_replace() {
        let declared = vec![DeclaredIndicator {
            kunci: "rtlh".into(),
            label: "Rumah tidak layak huni".into(),
            label_en: None,
            satuan: Unit::Persen,
            desimal: 1,
            lebih_rendah_lebih_baik: true,
        }];
        let c = Catalog::with_declared(&declared);
        assert_eq!(
            c.get("rtlh").unwrap().label(Lang::En),
            "Rumah tidak layak huni"
        );
        assert_eq!(c.keys().len(), Catalog::default().keys().len() + 1);
    }
}
