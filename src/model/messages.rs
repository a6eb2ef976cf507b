//! The messages of validating the site: figures, regions, programmes, pockets, institutions,
//! schemes and site.yaml, in Indonesian and English: each variant holds the facts and is worded
//! beside its definition.

use crate::base::lang::Lang;
use crate::base::messages::{Words, list};

/// A message of validating the site: figures, regions, programmes, pockets, institutions, schemes and site.yaml.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ModelMessage {
    PercentSign {
        text: String,
    },
    NullFigure,
    BadYear {
        text: String,
    },
    DuplicateYear {
        year: String,
    },
    UnknownIndicator {
        key: String,
    },
    OutOfRange {
        indicator: String,
        value: f64,
        min: f64,
        max: f64,
    },
    Negative {
        indicator: String,
        value: f64,
    },
    P2AboveP1 {
        year: i32,
        p1: f64,
        p2: f64,
    },
    ImplausibleJump {
        indicator: String,
        from_year: i32,
        to_year: i32,
        /// The size of the change in points, positive.
        change: f64,
        rose: bool,
    },
    SourceForMissingFigure {
        year: i32,
        key: String,
    },
    // Regions and references.
    UnknownProvince {
        slug: String,
    },
    NoNationalReference,
    PriorityNotBasicService {
        key: String,
    },
    /// `masalah:` of a programme names something that is not a basic-service indicator.
    ProgramProblemUnknown {
        key: String,
    },
    /// A programme's kecamatan that nearly names a pocket kecamatan of the mapping standing for
    /// its year.
    DistrictNearPocket {
        name: String,
        pocket: String,
        mapped: i32,
    },
    /// An empty item in `masalah:` or `kecamatan:` of a programme.
    ProgramListItemEmpty {
        field: &'static str,
    },
    PriorityWithoutReason {
        key: String,
    },
    PriorityWithoutFigure {
        key: String,
        year: i32,
    },
    ComparisonsInNational,
    HintComparisonsInProvince,
    ComparisonUnknownName {
        name: String,
        province: String,
    },
    ComparisonTwice {
        name: String,
    },
    ComparisonBadCode {
        code: String,
        province: String,
    },
    HintComparisonCode {
        province: String,
    },
    ComparisonIsRegion {
        name: String,
    },
    HintComparisonIsRegion {
        slug: String,
    },
    SecondNationalReference {
        other: String,
    },
    BadSlug {
        slug: String,
    },
    ReservedSlug {
        slug: String,
    },
    DuplicateRegionCode {
        code: String,
        other: String,
    },
    BadCode {
        code: String,
        expected: String,
    },
    WrongReferenceLevel {
        slug: String,
    },
    NoFigures,
    NarrativeYearWithoutFigures {
        year: i32,
    },
    YearDataWithoutFigures {
        year: i32,
    },
    NegativeAmount {
        field: String,
        value: f64,
    },
    NotACount {
        field: String,
        text: String,
    },
    BadStrategy {
        text: String,
    },
    RealisedAboveBudget {
        name: String,
        realised: f64,
        budget: f64,
    },
    TravelAboveBudget {
        travel: f64,
        budget: f64,
    },
    TaggedAboveSpending {
        tagged: f64,
        spending: f64,
    },
    NoPrograms,
    BadDecile {
        text: String,
    },
    VillageCountMismatch {
        count: usize,
        names: usize,
    },
    DuplicateDistrict {
        name: String,
    },
    BadDate {
        text: String,
    },
    HintCheckBudget,
    HintCount,
    HintStrategy,
    HintAddPrograms,
    HintDecile,
    /// `desil.yaml`: a service that is not a basic-service indicator.
    DecileServiceUnknown {
        key: String,
    },
    /// `desil.yaml`: a service with fewer than two deciles, nothing to compare.
    DecileTooFew {
        key: String,
        deciles: usize,
    },
    NoDecileServices,
    /// A required text written empty.
    EmptyField {
        field: &'static str,
    },
    HintDecileShares,
    HintDecileSource,
    HintDecileBase,
    HintDecileRegister,
    HintVillageCount,
    HintDate,
    // Evaluation schemes and readiness.
    BadWeight {
        value: f64,
    },
    PeriodReversed {
        first: i32,
        last: i32,
    },
    TargetOutsidePeriod {
        key: String,
        year: i32,
        first: i32,
        last: i32,
    },
    HintPeriod,
    TopScoreNotPositive {
        year: i32,
        value: f64,
    },
    DuplicateTopScore {
        year: i32,
    },
    TopScoreWithoutSource {
        year: i32,
    },
    HintTopScore,
    WeightsNotHundred {
        sum: f64,
        year: i64,
    },
    TaggedScoreWithoutRule,
    HintWeight,
    HintTaggedRule,
    BadSurveyPeriod {
        text: String,
    },
    NarrativeTooDeep {
        max: usize,
    },
    ThousandsSeparator {
        text: String,
    },
    HintThousands {
        fixed: String,
    },
    SmallAmount {
        field: String,
        value: f64,
    },
    Implausible {
        indicator: String,
        value: f64,
        unit: String,
        low: f64,
        high: f64,
    },
    HintImplausible,
    ImpliedPopulation {
        year: i32,
        poor: f64,
        p0: f64,
        population: f64,
    },
    ComponentWithoutMeasures {
        component: String,
    },
    ProvinceCodeForRegion {
        code: String,
    },
    HintRegionCode,
    HintComponentMeasures,
    HintNarrativeTooDeep,
    IllustrativeWithoutFigure {
        year: i32,
        key: String,
    },
    HintIllustrativeMark,
    SurveyPeriodWithoutFigures {
        year: i32,
    },
    HintSurveyPeriod,
    // Scoring rules.
    RuleMeasureNotInScheme {
        measure: String,
        year: i32,
        measures: Vec<String>,
    },
    RuleYearWithoutScheme {
        year: i32,
        years: Vec<i32>,
    },
    RuleWithoutYear,
    RuleYearInScheme,
    RuleNeedsPoints,
    RuleFlat,
    RuleNeedsClasses,
    RuleFieldForOtherMethod {
        field: &'static str,
        method: String,
    },
    ClassWithoutBound,
    ClassReversed {
        from: f64,
        to: f64,
    },
    BadScore {
        value: f64,
    },
    ValueRuleNotAPercent {
        measure: String,
    },
    RuleWithoutSource,
    DuplicateRule {
        measure: String,
        year: i32,
    },
    MeasureWeightsNotHundred {
        sum: f64,
        component: String,
        year: i32,
    },
    HintScoreRule,
    HintRuleYear,
    HintRemoveRuleYear,
    HintLinearRule,
    HintClassRule,
    HintRemoveField {
        field: &'static str,
    },
    HintMeasureWeight,
    // Site and theme.
    UnknownTheme {
        name: String,
    },
    BadBaseUrl {
        url: String,
    },
    DeclaredBuiltIn {
        key: String,
    },
    HintPercentSign {
        fixed: String,
    },
    HintWriteNumber,
    HintYear,
    HintDuplicateRegionCode,
    HintAddReference {
        slug: String,
    },
    HintAddNationalReference,
    HintSlug,
    HintCheckFigure,
    HintTheme,
    HintBaseUrl,
    HintOwnKey,
    NothingPublished,
    BadEmblem {
        path: String,
        /// A good name, but no such file in `static/`.
        missing: bool,
    },
    HintEmblem,
    BadNip {
        text: String,
    },
    HintNip,
    PublishedYearWithoutReport {
        year: i64,
    },
    BadPublishSheets {
        text: String,
    },
    HintPublishYears,
    HintPublishSheets,
    HintNameProvince {
        known: Vec<String>,
    },
    HintAddFigures,
    // Evidence files (`berkas:` in kelembagaan.yaml, `model/scans.rs`).
    /// `berkas:` names a file outside the year's `bukti/` folder.
    EvidenceOutside {
        path: String,
    },
    /// `berkas:` names a file that is not a PDF, JPEG or PNG by its name.
    EvidenceType {
        path: String,
    },
    EvidenceMissing {
        path: String,
    },
    EvidenceLink {
        path: String,
    },
    EvidenceUnreadable {
        path: String,
        detail: crate::base::messages::IoProblem,
    },
    EvidenceTooLarge {
        path: String,
        size: u64,
        limit: u64,
    },
    /// The file's first bytes are not those of the type its name says.
    EvidenceNotItsType {
        path: String,
        expected: &'static str,
        found: Option<&'static str>,
    },
    HintEvidence {
        folder: String,
    },
}

impl Words for ModelMessage {
    fn text(&self, lang: Lang) -> String {
        use ModelMessage::*;
        let t = |a: String, b: String| if lang == Lang::Id { a } else { b };
        let n = |v: &f64, decimals: usize| crate::base::format::number(*v, decimals, lang);
        match self {
            PercentSign { text } => t(
                format!("angka `{text}` memuat tanda persen dan terbaca sebagai teks"),
                format!("the number `{text}` holds a percent sign and reads as text"),
            ),
            NullFigure => t(
                "angka kosong (`null`) bukan angka".into(),
                "an empty figure (`null`) is not a number".into(),
            ),
            BadYear { text } => t(
                format!("`{text}` bukan tahun yang sah"),
                format!("`{text}` is not a valid year"),
            ),
            DuplicateYear { year } => t(
                format!("tahun {year} ditulis dua kali"),
                format!("the year {year} is written twice"),
            ),
            UnknownIndicator { key } => t(
                format!("indikator `{key}` tidak dikenal"),
                format!("unknown indicator `{key}`"),
            ),
            OutOfRange {
                indicator,
                value,
                min,
                max,
            } => {
                let (value, min, max) = (n(value, 2), n(min, 0), n(max, 0));
                t(
                    format!("{indicator} = {value} mustahil: nilainya harus antara {min} dan {max}"),
                    format!("{indicator} = {value} is impossible: it must lie between {min} and {max}"),
                )
            }
            Negative { indicator, value } => {
                let value = n(value, 2);
                t(
                    format!("{indicator} = {value} mustahil: nilainya tidak boleh negatif"),
                    format!("{indicator} = {value} is impossible: it cannot be negative"),
                )
            }
            P2AboveP1 { year, p1, p2 } => {
                let (p1, p2) = (n(p1, 2), n(p2, 2));
                t(
                    format!(
                        "tahun {year}: indeks keparahan P2 ({p2}) lebih besar dari indeks kedalaman P1 ({p1}), hal yang mustahil"
                    ),
                    format!("year {year}: the severity index P2 ({p2}) exceeds the depth index P1 ({p1}), which is impossible"),
                )
            }
            ImplausibleJump {
                indicator,
                from_year,
                to_year,
                rose,
                change,
            } => {
                let change = n(change, 2);
                t(
                format!(
                    "{indicator} {} {change} poin dari {from_year} ke {to_year}; perubahan lebih dari 5 poin dalam setahun jarang terjadi",
                    if *rose { "naik" } else { "turun" }
                ),
                format!(
                    "{indicator} {} by {change} points from {from_year} to {to_year}; a change of more than 5 points in a year is rare",
                    if *rose { "rises" } else { "falls" }
                ),
            )
            }
            SourceForMissingFigure { year, key } => t(
                format!("ada sumber untuk `{key}` tahun {year}, tetapi angkanya tidak ada di `data`"),
                format!("there is a source for `{key}` in {year}, but no such figure in `data`"),
            ),
            UnknownProvince { slug } => t(
                format!("provinsi `{slug}` tidak ada di `content/referensi/`"),
                format!("the province `{slug}` is not in `content/referensi/`"),
            ),
            NoNationalReference => t(
                "tidak ada berkas referensi nasional (`tingkat: nasional`) di `content/referensi/`".into(),
                "no national reference file (`tingkat: nasional`) in `content/referensi/`".into(),
            ),
            ProgramProblemUnknown { key } => t(
                format!("`{key}` bukan kunci indikator layanan dasar; `masalah` menyebut masalah prioritas dengan kunci indikatornya, misalnya `air_minum_layak`"),
                format!("`{key}` is not the key of a basic-service indicator; `masalah` names priority problems by their indicator keys, for example `air_minum_layak`"),
            ),
            DistrictNearPocket { name, pocket, mapped } => t(
                format!("kecamatan `{name}` tidak ada di kantong kemiskinan (pemetaan {mapped}), tetapi mirip `{pocket}`: bila sama, laporan menghitung sub-kegiatan ini di luar kantong"),
                format!("the kecamatan `{name}` is not among the poverty pockets (mapping {mapped}) but is close to `{pocket}`: if they are the same, the report counts this sub-activity outside the pockets"),
            ),
            ProgramListItemEmpty { field } => t(
                format!("isian kosong dalam daftar `{field}`; hapus atau isi"),
                format!("an empty item in the list `{field}`; remove or fill it"),
            ),
            PriorityNotBasicService { key } => t(
                format!("`{key}` bukan indikator layanan dasar; `prioritas_masalah` hanya mengurutkan layanan dasar"),
                format!("`{key}` is not a basic-service indicator; `prioritas_masalah` orders basic services only"),
            ),
            PriorityWithoutReason { key } => t(
                format!("urutan prioritas `{key}` tanpa alasan: tulis mengapa urutannya diubah"),
                format!("the priority of `{key}` has no reason: write why the order is changed"),
            ),
            PriorityWithoutFigure { key, year } => t(
                format!("`{key}` diurutkan sebagai prioritas {year}, tetapi angka {key} tahun {year} tidak ada di `data:`, sehingga laporan tidak dapat menampilkannya"),
                format!("`{key}` is placed among the {year} priorities, but there is no {year} figure of {key} under `data:`, so the report cannot show it"),
            ),
            ComparisonsInNational => t(
                "`pembanding:` hanya ditulis di berkas provinsi".into(),
                "`pembanding:` belongs in a province's file only".into(),
            ),
            HintComparisonsInProvince => t(
                "pindahkan daftar ini ke berkas provinsinya di `content/referensi/`, misalnya `jawa-timur.yaml`".into(),
                "move this list to the province's file in `content/referensi/`, for example `jawa-timur.yaml`".into(),
            ),
            ComparisonUnknownName { name, province } => t(
                format!("`{name}` bukan kabupaten/kota {province} menurut daftar resmi (Kepmendagri 300.2.2-2138/2025)"),
                format!("`{name}` is not a regency or city of {province} by the official list (Kepmendagri 300.2.2-2138/2025)"),
            ),
            ComparisonTwice { name } => t(
                format!("{name} ditulis dua kali di `pembanding:`"),
                format!("{name} is written twice under `pembanding:`"),
            ),
            ComparisonBadCode { code, province } => t(
                format!("kode BPS `{code}` bukan kode kabupaten/kota provinsi `{province}`"),
                format!("BPS code `{code}` is not the code of a regency or city of province `{province}`"),
            ),
            HintComparisonCode { province } => t(
                format!("tulis empat angka yang diawali `{province}` dan tidak berakhiran 00, misalnya `\"{province}01\"`"),
                format!("write four digits starting with `{province}` and not ending in 00, for example `\"{province}01\"`"),
            ),
            ComparisonIsRegion { name } => t(
                format!("{name} adalah wilayah situs ini (punya folder sendiri), bukan pembanding"),
                format!("{name} is a region of this site (it has its own folder), not a comparison"),
            ),
            HintComparisonIsRegion { slug } => t(
                format!("hapus entri ini; angka {slug} ditulis di `content/{slug}/indikator.yaml`"),
                format!("remove this entry; the figures of {slug} go in `content/{slug}/indikator.yaml`"),
            ),
            SecondNationalReference { other } => t(
                format!("referensi nasional kedua; `{other}` sudah bertingkat nasional"),
                format!("a second national reference; `{other}` is national already"),
            ),
            BadSlug { slug } => t(
                format!(
                    "nama folder `{slug}` tidak dapat dipakai sebagai alamat halaman"
                ),
                format!("the folder name `{slug}` cannot be used as a page address"),
            ),
            ReservedSlug { slug } => t(
                format!("nama folder `{slug}` dipakai sendiri oleh tkpk"),
                format!("the folder name `{slug}` is reserved by tkpk"),
            ),
            DuplicateRegionCode { code, other } => t(
                format!("kode wilayah `{code}` sudah dipakai oleh `{other}`"),
                format!("the region code `{code}` is already used by `{other}`"),
            ),
            BadCode { code, expected } => t(
                format!("kode `{code}` tidak sesuai bentuknya; seharusnya seperti {expected}"),
                format!("the code `{code}` is malformed; expected something like {expected}"),
            ),
            WrongReferenceLevel { slug } => t(
                format!("`{slug}` adalah referensi nasional, bukan provinsi"),
                format!("`{slug}` is the national reference, not a province"),
            ),
            NoFigures => t(
                "belum ada angka satu tahun pun; laporan tahunan tidak dapat dibuat".into(),
                "there is no figure for any year yet; no annual report can be made".into(),
            ),
            NarrativeYearWithoutFigures { year } => t(
                format!("ada narasi tahun {year}, tetapi tidak ada angka P0 tahun {year} di `indikator.yaml`; laporan tahunan hanya dibuat untuk tahun yang memiliki P0, maka narasi ini tidak diterbitkan"),
                format!("there are narratives for {year}, but no P0 figure for {year} in `indikator.yaml`; an annual report is made only for a year with P0, so they are not published"),
            ),
            YearDataWithoutFigures { year } => t(
                format!("ada data tahun {year}, tetapi tidak ada angka P0 tahun {year} di `indikator.yaml`; laporan tahunan hanya dibuat untuk tahun yang memiliki P0, maka data ini tidak diterbitkan"),
                format!("there is data for {year}, but no P0 figure for {year} in `indikator.yaml`; an annual report is made only for a year with P0, so it is not published"),
            ),
            NegativeAmount { field, value } => {
                let value = n(value, 0);
                t(
                    format!("`{field}` = {value} mustahil: nilainya tidak boleh negatif"),
                    format!("`{field}` = {value} is impossible: it cannot be negative"),
                )
            }
            NotACount { field, text } => t(
                format!("`{field}` harus bilangan bulat tidak negatif, tertulis `{text}`"),
                format!("`{field}` must be a whole number, not negative; found `{text}`"),
            ),
            BadStrategy { text } => t(
                format!("strategi `{text}` tidak dikenal; strategi penanggulangan kemiskinan bernomor 1, 2 atau 3"),
                format!("unknown strategy `{text}`; the poverty-reduction strategies are numbered 1, 2 or 3"),
            ),
            RealisedAboveBudget {
                name,
                realised,
                budget,
            } => t(
                format!(
                    "realisasi `{name}` ({}) melebihi alokasinya ({})",
                    crate::base::format::rupiah(*realised, lang),
                    crate::base::format::rupiah(*budget, lang)
                ),
                format!(
                    "the realisation of `{name}` ({}) is above its allocation ({})",
                    crate::base::format::rupiah(*realised, lang),
                    crate::base::format::rupiah(*budget, lang)
                ),
            ),
            TravelAboveBudget { travel, budget } => t(
                format!(
                    "perjalanan dinas ({}) melebihi alokasi sub-kegiatannya ({}); perjalanan dinas adalah bagian dari alokasi",
                    crate::base::format::rupiah(*travel, lang),
                    crate::base::format::rupiah(*budget, lang)
                ),
                format!(
                    "official travel ({}) is above the allocation of its sub-activity ({}); travel is part of the allocation",
                    crate::base::format::rupiah(*travel, lang),
                    crate::base::format::rupiah(*budget, lang)
                ),
            ),
            TaggedAboveSpending { tagged, spending } => t(
                format!(
                    "alokasi program ({}) melebihi total belanja daerah ({})",
                    crate::base::format::rupiah(*tagged, lang),
                    crate::base::format::rupiah(*spending, lang)
                ),
                format!(
                    "the programs' allocation ({}) is above total regional spending ({})",
                    crate::base::format::rupiah(*tagged, lang),
                    crate::base::format::rupiah(*spending, lang)
                ),
            ),
            NoPrograms => t(
                "`program.yaml` tidak memuat satu program pun".into(),
                "`program.yaml` holds no programme".into(),
            ),
            BadDecile { text } => t(
                format!("desil `{text}` tidak dikenal; desil kesejahteraan bernomor 1 sampai 10"),
                format!("unknown decile `{text}`; welfare deciles are numbered 1 to 10"),
            ),
            DecileServiceUnknown { key } => t(
                format!("`{key}` bukan kunci indikator layanan dasar; `layanan` di `desil.yaml` memakai kunci layanan dasar, misalnya `air_minum_layak`"),
                format!("`{key}` is not the key of a basic-service indicator; `layanan` in `desil.yaml` uses basic-service keys, for example `air_minum_layak`"),
            ),
            DecileTooFew { key, deciles } => t(
                format!("`{key}` hanya memberi {deciles} desil; kesenjangan antardesil perlu sedikitnya dua desil"),
                format!("`{key}` gives {}; a gap between deciles needs at least two", crate::base::lang::en_count(*deciles, "decile", "deciles")),
            ),
            NoDecileServices => t(
                "`desil.yaml` tidak memuat satu layanan pun".into(),
                "`desil.yaml` holds no service".into(),
            ),
            EmptyField { field } => t(
                format!("`{field}` kosong"),
                format!("`{field}` is empty"),
            ),
            VillageCountMismatch { count, names } => t(
                format!("`jumlah_desa` bernilai {count}, tetapi `desa` menyebut {names} nama"),
                format!("`jumlah_desa` is {count}, but `desa` names {}", crate::base::lang::en_count(*names, "village", "villages")),
            ),
            DuplicateDistrict { name } => t(
                format!("kecamatan `{name}` ditulis dua kali"),
                format!("the kecamatan `{name}` is written twice"),
            ),
            BadDate { text } => t(
                format!("tanggal `{text}` tidak sah"),
                format!("`{text}` is not a valid date"),
            ),
            HintCheckBudget => t(
                "periksa angka ini dengan matriks RAT atau laporan realisasi perangkat daerah".into(),
                "check this figure against the RAT matrix or the agency's realisation report".into(),
            ),
            HintCount => t(
                "tulis bilangan bulat tanpa titik ribuan, misalnya `1200`".into(),
                "write a whole number without separators, for example `1200`".into(),
            ),
            HintStrategy => t(
                "tulis `strategi: 1` (mengurangi beban pengeluaran), `2` (meningkatkan pendapatan) atau `3` (mengurangi kantong kemiskinan)".into(),
                "write `strategi: 1` (reducing spending), `2` (raising incomes) or `3` (reducing poverty pockets)".into(),
            ),
            HintAddPrograms => t(
                "tambahkan butir di bawah `program:`, satu per sub-kegiatan, atau hapus berkas ini".into(),
                "add items under `program:`, one per sub-activity, or remove this file".into(),
            ),
            HintDecile => t(
                "tulis misalnya `rumah_tangga: {1: 1200, 2: 800}` (desil 1 sampai 10)".into(),
                "write for example `rumah_tangga: {1: 1200, 2: 800}` (deciles 1 to 10)".into(),
            ),
            HintDecileShares => t(
                "tulis persen per desil (1 sampai 10, sedikitnya dua desil) di bawah `layanan:`, misalnya `sanitasi_layak: {1: 48.2, 5: 81.0}`".into(),
                "write the percentage per decile (1 to 10, at least two deciles) under `layanan:`, for example `sanitasi_layak: {1: 48.2, 5: 81.0}`".into(),
            ),
            HintDecileSource => t(
                "tulis asal agregatnya, misalnya `sumber: \"DTSEN, agregat per desil, pemutakhiran Triwulan II 2025\"`".into(),
                "write where the aggregates come from, for example `sumber: \"DTSEN, aggregates by decile, update of Q2 2025\"`".into(),
            ),
            HintDecileBase => t(
                "tulis dasar persentasenya: `satuan: rumah_tangga` (persen rumah tangga) atau `satuan: jiwa` (persen jiwa)".into(),
                "write what the percentages are of: `satuan: rumah_tangga` (percent of households) or `satuan: jiwa` (percent of people)".into(),
            ),
            HintDecileRegister => t(
                "tulis nama datanya, misalnya `data: DTSEN`, atau hapus baris ini (bawaan: DTSEN)".into(),
                "write the register's name, for example `data: DTSEN`, or delete the line (default: DTSEN)".into(),
            ),
            HintVillageCount => t(
                "hapus `jumlah_desa` (dihitung dari daftar `desa`) atau samakan keduanya".into(),
                "remove `jumlah_desa` (it is counted from the `desa` list) or make them agree".into(),
            ),
            HintDate => t(
                "tulis tanggal sebagai TAHUN-BULAN-HARI, misalnya `2025-03-10`".into(),
                "write the date as YEAR-MONTH-DAY, for example `2025-03-10`".into(),
            ),
            PeriodReversed { first, last } => t(
                format!("periode target {first}–{last} terbalik: tahun akhir sebelum tahun mulai"),
                format!("the target period {first}–{last} is reversed: it ends before it starts"),
            ),
            TargetOutsidePeriod { key, year, first, last } => t(
                format!("target {key} tahun {year} di luar periode target {first}–{last}, sehingga tidak tampil di laporan mana pun"),
                format!("the {key} target of {year} lies outside the target period {first}–{last}, so no report shows it"),
            ),
            HintPeriod => t(
                "tulis periode rencana (RPJMD) yang memuat semua target, misalnya `periode_target: {mulai: 2021, akhir: 2026}`".into(),
                "write the plan (RPJMD) period that holds every target, for example `periode_target: {mulai: 2021, akhir: 2026}`".into(),
            ),
            TopScoreNotPositive { year, value } => t(
                format!("skor tagging tertinggi {year} = {} tidak sah; skor tertinggi harus lebih dari 0", n(value, 2)),
                format!("the best tagged score of {year} = {} is invalid; it must be above 0", n(value, 2)),
            ),
            TopScoreWithoutSource { year } => t(
                format!("skor tagging tertinggi {year} tanpa sumber: angka resmi selalu disertai sumbernya"),
                format!("the best tagged score of {year} has no source: an official figure always comes with its source"),
            ),
            DuplicateTopScore { year } => t(
                format!("skor tagging tertinggi tahun {year} ditulis dua kali"),
                format!("the best tagged score of {year} is written twice"),
            ),
            HintTopScore => t(
                "tulis skor tertinggi nasional tahun itu dan sumbernya, misalnya `skor_tagging_tertinggi: [{tahun: 2023, nilai: 4.21, sumber: \"…\"}]`".into(),
                "write the national best score of that year and its source, for example `skor_tagging_tertinggi: [{tahun: 2023, nilai: 4.21, sumber: \"…\"}]`".into(),
            ),
            BadWeight { value } => t(
                format!("bobot {} tidak sah; bobot adalah persen dari 0 sampai 100", n(value, 2)),
                format!("the weight {} is invalid; a weight is a percentage from 0 to 100", n(value, 2)),
            ),
            WeightsNotHundred { sum, year } => t(
                format!("bobot komponen skema {year} berjumlah {}, bukan 100", n(sum, 2)),
                format!("the component weights of the {year} scheme add up to {}, not 100", n(sum, 2)),
            ),
            TaggedScoreWithoutRule => t(
                "ukuran `skor_tagging` memerlukan `skor_tagging:` (bobot langsung, tidak langsung, penunjang) di skema ini".into(),
                "the measure `skor_tagging` needs `skor_tagging:` (weights for direct, indirect, supporting) in this scheme".into(),
            ),
            ProvinceCodeForRegion { code } => t(
                format!("kode `{code}` adalah kode provinsi, bukan kode kabupaten/kota; `tkpk impor` akan menulis angka provinsi ke wilayah ini"),
                format!("the code `{code}` is a province's, not a regency's or city's; `tkpk impor` would write the province's figures into this region"),
            ),
            HintRegionCode => t(
                "tulis kode wilayah Anda dari daftar Kemendagri dan tabel BPS, misalnya `kode: \"35.05\"` dan `kode_bps: \"3505\"` untuk Kabupaten Blitar".into(),
                "write your region's code from the Kemendagri list and the BPS tables, for example `kode: \"35.05\"` and `kode_bps: \"3505\"` for Kabupaten Blitar".into(),
            ),
            ComponentWithoutMeasures { component } => t(
                format!("komponen \"{component}\" tidak punya ukuran"),
                format!("the component \"{component}\" has no measure"),
            ),
            HintComponentMeasures => t(
                "tulis ukurannya, misalnya `ukuran: [p0, p1]`, atau hapus komponen itu".into(),
                "write its measures, for example `ukuran: [p0, p1]`, or remove the component".into(),
            ),
            ThousandsSeparator { text } => t(
                format!("angka `{text}` memakai titik sebagai pemisah ribuan; YAML membaca titik sebagai tanda desimal, jadi angka ini terbaca salah"),
                format!("the number `{text}` uses dots to separate thousands; YAML reads a dot as the decimal point, so it reads wrong"),
            ),
            HintThousands { fixed } => t(
                format!("tulis angkanya tanpa pemisah ribuan: `{fixed}`"),
                format!("write the number without separators: `{fixed}`"),
            ),
            SmallAmount { field, value } => t(
                format!("`{field}` Rp{} terlalu kecil untuk anggaran; bila yang dimaksud ribuan atau jutaan rupiah, tulis angkanya tanpa titik (misalnya 450000 untuk Rp450.000)", n(value, 2)),
                format!("`{field}` IDR {} is too small for a budget; if thousands or millions are meant, write the number without dots (for example 450000)", n(value, 2)),
            ),
            Implausible { indicator, value, unit, low, high } => t(
                format!("{indicator} = {} {unit} di luar kisaran yang masuk akal ({}–{})", n(value, 2), n(low, 0), n(high, 0)),
                format!("{indicator} = {} {unit} is outside the plausible range ({}–{})", n(value, 2), n(low, 0), n(high, 0)),
            ),
            ImpliedPopulation { year, poor, p0, population } => t(
                format!("jumlah penduduk miskin {year} ({} ribu jiwa) dengan P0 {} persen berarti penduduk {} ribu jiwa, ukuran yang tidak masuk akal", n(poor, 2), n(p0, 2), n(population, 0)),
                format!("the number of poor in {year} ({} thousand) with a P0 of {} percent means a population of {} thousand, which is not plausible", n(poor, 2), n(p0, 2), n(population, 0)),
            ),
            HintImplausible => t(
                "periksa dengan rilis BPS: garis kemiskinan ditulis dalam rupiah per kapita per bulan (misalnya 451190), jumlah penduduk miskin dalam ribu jiwa (85,28 ribu jiwa ditulis 85.28)".into(),
                "check against the BPS release: the poverty line is in rupiah per capita per month (for example 451190), the number of poor in thousands (85,280 people is 85.28)".into(),
            ),
            NarrativeTooDeep { max } => t(
                format!("daftar atau kutipan bersarang lebih dari {max} tingkat"),
                format!("lists or quotes nested more than {max} levels deep"),
            ),
            HintNarrativeTooDeep => t(
                "kurangi tingkat sarangnya (tanda `-` atau `>` di awal baris yang bertumpuk); uraian biasanya cukup dua atau tiga tingkat".into(),
                "nest less (the stacked `-` or `>` at the start of the line); a narrative rarely needs more than two or three levels".into(),
            ),
            BadSurveyPeriod { text } if text.is_empty() => t(
                "periode survei kosong; tulis teks pendek (paling banyak 40 huruf)".into(),
                "the survey period is empty; write a short text (40 characters at most)".into(),
            ),
            BadSurveyPeriod { text } => t(
                format!("periode survei `{text}…` terlalu panjang; tulis teks pendek (paling banyak 40 huruf)"),
                format!("the survey period `{text}…` is too long; write a short text (40 characters at most)"),
            ),
            IllustrativeWithoutFigure { year, key } => t(
                format!("`ilustrasi` menandai `{key}` tahun {year}, tetapi angka itu tidak ada di `data:`"),
                format!("`ilustrasi` marks `{key}` of {year}, but there is no such figure under `data:`"),
            ),
            HintIllustrativeMark => t(
                "`ilustrasi: {TAHUN: [kunci, …]}` menandai angka contoh yang belum resmi; hapus tanda yang tidak menunjuk angka mana pun".into(),
                "`ilustrasi: {YEAR: [key, …]}` marks example figures that are not official; remove a mark that points at no figure".into(),
            ),
            SurveyPeriodWithoutFigures { year } => t(
                format!("periode survei tahun {year} ditulis, tetapi tahun {year} tidak punya angka di `data:`"),
                format!("a survey period is written for {year}, but {year} has no figure under `data:`"),
            ),
            HintSurveyPeriod => t(
                "tulis putaran survei tahun yang angkanya bukan dari Maret, misalnya `periode: {2005: Juli}`".into(),
                "write the survey round of a year whose figures are not from March, for example `periode: {2005: Juli}`".into(),
            ),
            RuleMeasureNotInScheme {
                measure,
                year,
                measures,
            } => t(
                format!(
                    "ukuran `{measure}` tidak ada dalam skema penilaian {year}; ukurannya: {}",
                    measures.join(", ")
                ),
                format!(
                    "the measure `{measure}` is not in the {year} evaluation scheme; its measures: {}",
                    measures.join(", ")
                ),
            ),
            RuleYearWithoutScheme { year, years } => {
                let years = years
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                t(
                    format!("tidak ada skema penilaian tahun {year}; skema yang ada: {years}"),
                    format!("there is no evaluation scheme for {year}; the schemes: {years}"),
                )
            }
            RuleWithoutYear => t(
                "aturan skor di site.yaml tidak menyebut tahun skemanya".into(),
                "a scoring rule in site.yaml does not name the year of its scheme".into(),
            ),
            RuleYearInScheme => t(
                "aturan skor di dalam skema tidak memakai `tahun`: tahunnya adalah tahun skema".into(),
                "a scoring rule inside a scheme takes no `tahun`: its year is the scheme's".into(),
            ),
            RuleNeedsPoints => t(
                "cara `linear` memerlukan `nol` (nilai yang mendapat skor 0) dan `seratus` (nilai yang mendapat skor 100)".into(),
                "`linear` needs `nol` (the value that scores 0) and `seratus` (the value that scores 100)".into(),
            ),
            RuleFlat => t(
                "`nol` dan `seratus` sama; skor tidak dapat ditarik di antara keduanya".into(),
                "`nol` and `seratus` are equal; no score can be drawn between them".into(),
            ),
            RuleNeedsClasses => t(
                "cara `kelas` memerlukan daftar `kelas`".into(),
                "`kelas` needs a list of `kelas`".into(),
            ),
            RuleFieldForOtherMethod { field, method } => t(
                format!("`{field}` tidak dipakai oleh cara `{method}`"),
                format!("`{field}` is not used by `{method}`"),
            ),
            ClassWithoutBound => t(
                "kelas ini tidak punya `dari` maupun `sampai`".into(),
                "this class has neither `dari` nor `sampai`".into(),
            ),
            ClassReversed { from, to } => t(
                format!("kelas terbalik: `dari` {} lebih besar daripada `sampai` {}", n(from, 2), n(to, 2)),
                format!("a reversed class: `dari` {} is greater than `sampai` {}", n(from, 2), n(to, 2)),
            ),
            BadScore { value } => t(
                format!("skor {} tidak sah; skor adalah angka dari 0 sampai 100", n(value, 2)),
                format!("the score {} is invalid; a score is a number from 0 to 100", n(value, 2)),
            ),
            ValueRuleNotAPercent { measure } => t(
                format!("cara `nilai` memakai nilai ukuran sebagai skor, tetapi nilai `{measure}` bukan persen atau skor"),
                format!("`nilai` takes the measure's value as its score, but the value of `{measure}` is not a percentage or a score"),
            ),
            RuleWithoutSource => t(
                "aturan skor tanpa sumber".into(),
                "a scoring rule without a source".into(),
            ),
            DuplicateRule { measure, year } => t(
                format!("aturan skor `{measure}` tahun {year} ditulis dua kali"),
                format!("the scoring rule for `{measure}` in {year} is written twice"),
            ),
            MeasureWeightsNotHundred {
                sum,
                component,
                year,
            } => t(
                format!(
                    "bobot ukuran komponen \"{component}\" skema {year} berjumlah {}, bukan 100",
                    n(sum, 2)
                ),
                format!(
                    "the measure weights of the component \"{component}\" in the {year} scheme add up to {}, not 100",
                    n(sum, 2)
                ),
            ),
            HintScoreRule => t(
                "tulis sumber aturannya (peraturan, petunjuk teknis, atau \"ilustrasi\" dengan `ilustrasi: true`), misalnya `sumber: \"Petunjuk teknis penilaian 2025, lampiran II\"`".into(),
                "write the rule's source (a regulation, technical guidelines, or \"ilustrasi\" with `ilustrasi: true`), for example `sumber: \"Petunjuk teknis penilaian 2025, lampiran II\"`".into(),
            ),
            HintRuleYear => t(
                "tulis tahun skemanya, misalnya `tahun: 2025`".into(),
                "write the scheme's year, for example `tahun: 2025`".into(),
            ),
            HintRemoveRuleYear => t(
                "hapus `tahun` dari aturan ini".into(),
                "remove `tahun` from this rule".into(),
            ),
            HintLinearRule => t(
                "misalnya `{ukuran: p0, cara: linear, nol: 0, seratus: -1, sumber: \"…\"}`: turun 1 poin mendapat skor 100, tidak berubah skor 0".into(),
                "for example `{ukuran: p0, cara: linear, nol: 0, seratus: -1, sumber: \"…\"}`: a fall of 1 point scores 100, no change 0".into(),
            ),
            HintClassRule => t(
                "misalnya `kelas: [{sampai: -1, skor: 100}, {dari: -1, sampai: 0, skor: 50}, {dari: 0, skor: 0}]`".into(),
                "for example `kelas: [{sampai: -1, skor: 100}, {dari: -1, sampai: 0, skor: 50}, {dari: 0, skor: 0}]`".into(),
            ),
            HintRemoveField { field } => t(
                format!("hapus `{field}`, atau ganti `cara`"),
                format!("remove `{field}`, or change `cara`"),
            ),
            HintMeasureWeight => t(
                "bobot ukuran adalah persen dari komponennya; bobot semua ukuran satu komponen berjumlah 100".into(),
                "a measure's weight is a percentage of its component; the measures of one component add up to 100".into(),
            ),
            HintWeight => t(
                "tulis bobot sebagai persen, misalnya `bobot: 40`; bobot semua komponen berjumlah 100".into(),
                "write the weight as a percentage, for example `bobot: 40`; all components add up to 100".into(),
            ),
            HintTaggedRule => t(
                "tambahkan `skor_tagging: {langsung: 0.5, tidak_langsung: 0.3, penunjang: 0.2}` pada skema ini".into(),
                "add `skor_tagging: {langsung: 0.5, tidak_langsung: 0.3, penunjang: 0.2}` to this scheme".into(),
            ),
            UnknownTheme { name } => t(
                format!("tema `{name}` tidak ditemukan di `themes/{name}/`"),
                format!("the theme `{name}` is not found in `themes/{name}/`"),
            ),
            BadBaseUrl { url } => t(
                format!("`base_url` harus alamat http(s), tertulis `{url}`"),
                format!("`base_url` must be an http(s) address, found `{url}`"),
            ),
            DeclaredBuiltIn { key } => t(
                format!("indikator `{key}` sudah ada di katalog bawaan dan tidak dapat diubah di site.yaml"),
                format!("the indicator `{key}` is built in and cannot be redefined in site.yaml"),
            ),
            HintPercentSign { fixed } => t(
                format!("tulis angkanya saja, `{fixed}`; satuannya sudah diketahui dari katalog indikator"),
                format!("write the number alone, `{fixed}`; the unit comes from the indicator catalogue"),
            ),
            HintWriteNumber => t(
                "tulis angka tanpa tanda kutip, misalnya `7.57`".into(),
                "write a number without quotes, for example `7.57`".into(),
            ),
            HintYear => t(
                "tulis tahun sebagai bilangan bulat antara 1990 dan 2100, misalnya `2025:`".into(),
                "write the year as a whole number from 1990 to 2100, for example `2025:`".into(),
            ),
            HintDuplicateRegionCode => t(
                "setiap kabupaten/kota punya kodenya sendiri; periksa kode Kemendagri (`kode`) dan kode BPS (`kode_bps`) di kedua berkas".into(),
                "each regency or city has its own code; check the Kemendagri code (`kode`) and the BPS code (`kode_bps`) in both files".into(),
            ),
            HintAddReference { slug } => t(
                format!("buat berkas `content/referensi/{slug}.yaml` (`tingkat: provinsi`), atau perbaiki nama provinsinya"),
                format!("create `content/referensi/{slug}.yaml` (`tingkat: provinsi`), or correct the province name"),
            ),
            HintAddNationalReference => t(
                "buat `content/referensi/indonesia.yaml` dengan `tingkat: nasional` dan `kode: \"00\"`".into(),
                "create `content/referensi/indonesia.yaml` with `tingkat: nasional` and `kode: \"00\"`".into(),
            ),
            HintSlug => t(
                "pakai huruf kecil a–z, angka dan tanda hubung saja, misalnya `kabupaten-blitar`".into(),
                "use lowercase a–z, digits and hyphens only, for example `kabupaten-blitar`".into(),
            ),
            HintCheckFigure => t(
                "periksa angka ini dengan rilis BPS".into(),
                "check this figure against the BPS release".into(),
            ),
            HintTheme => t(
                "hapus `tema` dari site.yaml untuk memakai tema bawaan, atau buat folder temanya".into(),
                "remove `tema` from site.yaml to use the built-in theme, or create the theme folder".into(),
            ),
            HintBaseUrl => t(
                "misalnya `base_url: https://tkpk.blitarkab.go.id/`, atau hapus barisnya".into(),
                "for example `base_url: https://tkpk.example.go.id/`, or delete the line".into(),
            ),
            BadEmblem { path, missing: true } => t(
                format!("berkas lambang `static/{path}` tidak ada"),
                format!("the emblem file `static/{path}` does not exist"),
            ),
            BadEmblem { path, missing: false } => t(
                format!("`lambang: {path}` bukan gambar di dalam folder `static/`"),
                format!("`lambang: {path}` is not an image inside the `static/` folder"),
            ),
            HintEmblem => t(
                "simpan gambar lambang (PNG, JPG, SVG atau WebP) di folder `static/` situs, lalu tulis namanya, misalnya `lambang: lambang-blitar.png`".into(),
                "save the emblem image (PNG, JPG, SVG or WebP) in the site's `static/` folder and write its name, for example `lambang: lambang-blitar.png`".into(),
            ),
            BadNip { text } => t(
                format!("NIP `{text}` bukan 18 angka"),
                format!("NIP `{text}` is not 18 digits"),
            ),
            HintNip => t(
                "tulis NIP penanda tangan dalam tanda kutip, 18 angka (spasi boleh), misalnya `nip: \"19700101 199503 1 001\"`, atau hapus baris `nip:` bila penanda tangan bukan ASN (misalnya Bupati)".into(),
                "write the signatory's NIP in quotes, 18 digits (spaces allowed), for example `nip: \"19700101 199503 1 001\"`, or remove the `nip:` line when the signatory is not a civil servant (a Bupati, say)".into(),
            ),
            NothingPublished => t(
                "`terbit.tahun` kosong: tidak ada laporan yang diterbitkan".into(),
                "`terbit.tahun` is empty: no report is published".into(),
            ),
            PublishedYearWithoutReport { year } => t(
                format!("tahun {year} di `terbit.tahun` tidak punya laporan di wilayah mana pun (laporan ditulis untuk tahun yang memiliki angka P0)"),
                format!("the year {year} in `terbit.tahun` has no report in any region (a report is written for a year with a P0 figure)"),
            ),
            BadPublishSheets { text } => t(
                format!("`penilaian` di `terbit` terbaca `{text}`"),
                format!("`penilaian` under `terbit` reads `{text}`"),
            ),
            HintPublishYears => t(
                "tulis tahun laporan yang diterbitkan, misalnya `tahun: [2024, 2025]`, atau hapus `tahun` untuk menerbitkan semuanya".into(),
                "write the report years to publish, for example `tahun: [2024, 2025]`, or delete `tahun` to publish them all".into(),
            ),
            HintPublishSheets => t(
                "tulis `penilaian: true` (semua lembar penilaian terbit), `penilaian: false` (tidak ada), atau daftar tahun, misalnya `penilaian: [2025]`".into(),
                "write `penilaian: true` (every evaluation sheet public), `penilaian: false` (none), or a list of years, for example `penilaian: [2025]`".into(),
            ),
            HintOwnKey => t(
                "hapus entri ini (indikator bawaan sudah dikenal), atau beri indikator Anda kunci lain".into(),
                "delete this entry (built-in indicators are known already), or give yours another key".into(),
            ),
            HintNameProvince { known } if known.is_empty() => t(
                "tulis nama berkas provinsinya (misalnya `jawa-timur`) dan buat berkas itu di `content/referensi/` dengan `tingkat: provinsi`".into(),
                "write the province's file name (for example `jawa-timur`) and create that file in `content/referensi/` with `tingkat: provinsi`".into(),
            ),
            HintNameProvince { known } => t(
                format!("tulis nama berkas provinsinya, salah satu dari: {}", list(known)),
                format!("write the province's file name, one of: {}", list(known)),
            ),
            HintAddFigures => t(
                "tambahkan angka di bawah `data:`, misalnya `2025: {p0: 7.57}`".into(),
                "add figures under `data:`, for example `2025: {p0: 7.57}`".into(),
            ),
            EvidenceOutside { path } => t(
                format!("`berkas: {path}` tidak berada di dalam folder `bukti/` tahun ini"),
                format!("`berkas: {path}` is not inside this year's `bukti/` folder"),
            ),
            EvidenceType { path } => t(
                format!("`berkas: {path}` bukan PDF, JPG atau PNG"),
                format!("`berkas: {path}` is not a PDF, JPG or PNG"),
            ),
            EvidenceMissing { path } => t(
                format!("berkas bukti `{path}` tidak ada"),
                format!("the evidence file `{path}` does not exist"),
            ),
            EvidenceLink { path } => t(
                format!("berkas bukti `{path}` adalah tautan simbolik (symlink), yang tidak diizinkan di dalam situs"),
                format!("the evidence file `{path}` is a symbolic link, which is not allowed inside the site"),
            ),
            EvidenceUnreadable { path, detail } => t(
                format!("berkas bukti `{path}` tidak dapat dibaca: {}", detail.text(Lang::Id)),
                format!("cannot read the evidence file `{path}`: {}", detail.text(Lang::En)),
            ),
            EvidenceTooLarge { path, size, limit } => t(
                format!(
                    "berkas bukti `{path}` terlalu besar: {size} bita, batasnya {limit} bita ({} MiB)",
                    limit / (1024 * 1024)
                ),
                format!(
                    "the evidence file `{path}` is too large: {size} bytes, the limit is {limit} bytes ({} MiB)",
                    limit / (1024 * 1024)
                ),
            ),
            EvidenceNotItsType { path, expected, found: Some(found) } => t(
                format!("berkas bukti `{path}` bernama {expected} tetapi isinya {found}"),
                format!("the evidence file `{path}` is named as {expected} but holds {found}"),
            ),
            EvidenceNotItsType { path, expected, found: None } => t(
                format!("berkas bukti `{path}` bernama {expected} tetapi isinya bukan {expected} (juga bukan PDF, JPG atau PNG lain)"),
                format!("the evidence file `{path}` is named as {expected} but does not hold one (nor another PDF, JPG or PNG)"),
            ),
            HintEvidence { folder } => t(
                format!("simpan pindaian (PDF, JPG atau PNG, paling besar 20 MiB) di folder `{folder}/`, lalu tulis namanya, misalnya `berkas: bukti/sk-tkpk-2025.pdf`"),
                format!("save the scan (PDF, JPG or PNG, at most 20 MiB) in the folder `{folder}/` and write its name, for example `berkas: bukti/sk-tkpk-2025.pdf`"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_the_way_of_each_language() {
        let m = ModelMessage::OutOfRange {
            indicator: "p0".into(),
            value: 108.69,
            min: 0.0,
            max: 100.0,
        };
        assert!(m.text(Lang::Id).contains("108,69") && m.text(Lang::En).contains("108.69"));
    }
}
