//! Every sentence a user reads from the tool (diagnostics, hints, the summary line), in
//! Indonesian and English. Call sites build a [`Message`]; the language is chosen when it is
//! printed, so adding a language never touches a call site, and a missing translation is a
//! compile error (every variant has to be matched for every language).

pub mod import;

use crate::lang::{Lang, Phrase};

/// One message shown to the user. Fields hold the facts; `text` words them.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    // Reading files.
    ReadFailed {
        detail: String,
    },
    NotUtf8 {
        line: usize,
    },
    FileTooLarge {
        size: u64,
        limit: u64,
    },
    SymlinkRefused,
    EmptyFile,
    MissingFile {
        name: String,
    },
    RootNotFound,
    MissingContentFolder,
    // YAML structure.
    YamlSyntax {
        detail: String,
    },
    UnknownKey {
        key: String,
    },
    DuplicateKey {
        key: String,
    },
    MissingField {
        field: String,
    },
    WrongType {
        expected: ValueKind,
        found: String,
    },
    UnknownVariant {
        value: String,
        allowed: Vec<String>,
    },
    TooDeep {
        limit: YamlLimit,
    },
    // Figures.
    DecimalComma {
        text: String,
    },
    PercentSign {
        text: String,
    },
    NotANumber {
        text: String,
    },
    NonFinite {
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
    NarrativeOutsideYear,
    // Narratives.
    FrontMatterMissing,
    FrontMatterUnclosed,
    // Programs, pockets and institutional records.
    UnknownYearFile {
        name: String,
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
    HintYearFiles,
    HintCheckBudget,
    HintCount,
    HintStrategy,
    HintAddPrograms,
    HintDecile,
    HintVillageCount,
    HintDate,
    // Evaluation schemes and readiness.
    BadWeight {
        value: f64,
    },
    WeightsNotHundred {
        sum: f64,
        year: i64,
    },
    TaggedScoreWithoutRule,
    EvidenceMissing {
        region: String,
        year: i32,
        item: Phrase,
        scheme_year: i32,
    },
    Readiness {
        region: String,
        year: i32,
        present: usize,
        total: usize,
        scheme_year: i32,
    },
    HintWeight,
    HintTaggedRule,
    HintEvidence {
        example: String,
    },
    // Site and theme.
    UnknownTheme {
        name: String,
    },
    TemplateInvalid {
        detail: String,
    },
    RenderFailed {
        template: String,
        page: String,
        detail: String,
    },
    DownloadFailed {
        page: String,
        detail: String,
    },
    BadBaseUrl {
        url: String,
    },
    DeclaredBuiltIn {
        key: String,
    },
    TabIndentation,
    // Output.
    OutputNotOurs {
        path: String,
    },
    OutputUnsafe {
        path: String,
    },
    WriteFailed {
        path: String,
        detail: String,
    },
    // Hints.
    HintDidYouMean {
        suggestion: String,
    },
    HintAllowed {
        allowed: Vec<String>,
    },
    HintDecimalComma {
        fixed: String,
    },
    HintPercentSign {
        fixed: String,
    },
    HintWriteNumber,
    HintWriteKind {
        expected: ValueKind,
    },
    HintOmitMissing,
    HintYear,
    HintRemoveDuplicate,
    HintAddField {
        field: String,
    },
    HintSaveUtf8,
    HintSymlink,
    HintSplitFile,
    HintYamlSyntax,
    HintYamlLimit,
    HintEmptyFile,
    HintCreateContent,
    HintDuplicateRegionCode,
    HintAddReference {
        slug: String,
    },
    HintAddNationalReference,
    HintSlug,
    HintCheckFigure,
    HintFrontMatter,
    HintCreateFile {
        name: String,
    },
    HintTheme,
    HintTemplate,
    HintOutputNotOurs,
    HintOutputUnsafe,
    HintBaseUrl,
    HintOwnKey,
    HintTabs,
    HintQuoteColon,
    HintNameProvince {
        known: Vec<String>,
    },
    HintNarrativeFolder,
    HintAddFigures,
    // Serving and new sites.
    ServeListening {
        url: String,
    },
    ServeRebuilt {
        pages: usize,
        millis: u128,
    },
    ServeRebuildFailed {
        errors: usize,
        millis: u128,
    },
    ServeStartFailed {
        address: String,
        detail: String,
    },
    ServeWatchFailed {
        detail: String,
    },
    NewNotEmpty {
        path: String,
    },
    NewUnknownProvince {
        slug: String,
    },
    NewBadRegionName {
        name: String,
    },
    NewCreated {
        path: String,
        region: String,
    },
    HintServePort,
    HintNewDir,
    HintRegionName,
    // Downloads (CSV and XLSX): the lines under a table.
    DownloadSources {
        sources: Vec<String>,
    },
    DownloadNote {
        note: String,
    },
    // Printing to PDF.
    PdfNoChromium {
        /// The value of `TKPK_CHROMIUM` when it is set but names no program.
        env: Option<String>,
    },
    PdfUnknownRegion {
        slug: String,
    },
    PdfNoReport {
        year: i32,
        region: Option<String>,
    },
    PdfNothingToPrint,
    PdfPrintFailed {
        page: String,
        reason: PdfFailure,
    },
    PdfPrinted {
        done: usize,
        total: usize,
        slug: String,
        year: i32,
        evaluation: bool,
        path: String,
        seconds: String,
    },
    PdfNotPrinted {
        done: usize,
        total: usize,
        slug: String,
        year: i32,
        evaluation: bool,
    },
    HintInstallChromium,
    HintKnownRegions {
        known: Vec<String>,
    },
    HintReportYears {
        years: Vec<i32>,
    },
    HintPdfFailed,
    // Summary lines.
    SummaryBuilt {
        pages: usize,
        warnings: usize,
        seconds: String,
        output: String,
    },
    SummaryChecked {
        regions: usize,
        warnings: usize,
        seconds: String,
    },
    SummaryFailed {
        errors: usize,
        warnings: usize,
    },
    SummaryPdf {
        files: usize,
        folder: String,
        failed: usize,
        seconds: String,
    },
    /// The messages of `tkpk impor` (in `messages/import.rs`).
    Import(import::ImportMessage),
}

/// Why Chromium did not turn a page into a PDF.
#[derive(Clone, Debug, PartialEq)]
pub enum PdfFailure {
    /// The program could not be started.
    Start { program: String, detail: String },
    /// It ended with a failure code; `output` is the end of what it printed.
    Exit { code: Option<i32>, output: String },
    /// It ran longer than `seconds` and was stopped.
    Timeout { seconds: u64 },
    /// It ended well but wrote no PDF (or something else than a PDF).
    NoPdf { output: String },
    /// The PDF could not be put in place.
    Write { path: String, detail: String },
}

/// Which of the YAML reader's safety limits a file went past (DESIGN §3: alias bombs and deep
/// nesting are refused, quickly, with a clear error).
#[derive(Clone, Debug, PartialEq)]
pub enum YamlLimit {
    /// More levels of nesting than `max`.
    Depth { max: usize },
    /// More values than `max`, repeated aliases counted each time.
    Nodes { max: usize },
    /// More aliases (`*name`) than `max`.
    Aliases { max: usize },
    /// More anchors (`&name`) than `max`.
    Anchors { max: usize },
    /// A second document (`---`) in one file.
    Documents,
    /// Any other limit of the reader (alias replay, recursion).
    Other,
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Message {
    /// The message in the given language.
    pub fn text(&self, lang: Lang) -> String {
        use Message::*;
        let id = lang == Lang::Id;
        let t = |a: String, b: String| if id { a } else { b };
        let n = |v: &f64, decimals: usize| crate::format::number(*v, decimals, lang);
        match self {
            ReadFailed { detail } => t(
                format!("berkas tidak dapat dibaca: {detail}"),
                format!("cannot read the file: {detail}"),
            ),
            NotUtf8 { line } => t(
                format!("berkas ini bukan teks UTF-8 (baris {line} memuat bita yang tidak sah)"),
                format!("this file is not UTF-8 text (line {line} holds invalid bytes)"),
            ),
            FileTooLarge { size, limit } => t(
                format!(
                    "berkas terlalu besar: {size} bita, batasnya {limit} bita ({} MiB)",
                    limit / (1024 * 1024)
                ),
                format!(
                    "the file is too large: {size} bytes, the limit is {limit} bytes ({} MiB)",
                    limit / (1024 * 1024)
                ),
            ),
            SymlinkRefused => t(
                "tautan simbolik (symlink) tidak diizinkan di dalam situs".into(),
                "symbolic links are not allowed inside the site".into(),
            ),
            EmptyFile => t("berkas ini kosong".into(), "this file is empty".into()),
            MissingFile { name } => t(
                format!("berkas `{name}` tidak ada di folder ini"),
                format!("the file `{name}` is missing from this folder"),
            ),
            RootNotFound => t(
                "folder situs tidak memuat `site.yaml`".into(),
                "the site folder holds no `site.yaml`".into(),
            ),
            MissingContentFolder => t(
                "folder situs tidak memuat folder `content/`".into(),
                "the site folder holds no `content/` folder".into(),
            ),
            YamlSyntax { detail } => t(
                format!("YAML tidak dapat dibaca: {detail}"),
                format!("the YAML cannot be read: {detail}"),
            ),
            UnknownKey { key } => t(
                format!("kunci `{key}` tidak dikenal"),
                format!("unknown key `{key}`"),
            ),
            DuplicateKey { key } => t(
                format!("kunci `{key}` ditulis dua kali"),
                format!("the key `{key}` is written twice"),
            ),
            MissingField { field } => t(
                format!("kunci wajib `{field}` tidak ada"),
                format!("the required key `{field}` is missing"),
            ),
            WrongType { expected, found } => t(
                format!("jenis nilai salah: seharusnya {}, tertulis {found}", expected.text(lang)),
                format!("wrong kind of value: expected {}, found {found}", expected.text(lang)),
            ),
            UnknownVariant { value, allowed } => t(
                format!("nilai `{value}` tidak dikenal; pilihan: {}", list(allowed)),
                format!("unknown value `{value}`; choose one of {}", list(allowed)),
            ),
            TooDeep { limit } => match limit {
                YamlLimit::Depth { max } => t(
                    format!("struktur YAML terlalu dalam: lebih dari {max} tingkat bersarang"),
                    format!("the YAML structure is nested too deeply: more than {max} levels"),
                ),
                YamlLimit::Nodes { max } => t(
                    format!("berkas YAML memuat terlalu banyak nilai: lebih dari {max} (setiap pemakaian alias ikut dihitung)"),
                    format!("the YAML file holds too many values: more than {max} (every use of an alias counts)"),
                ),
                YamlLimit::Aliases { max } => t(
                    format!("berkas YAML memakai terlalu banyak alias (`*nama`): lebih dari {max}"),
                    format!("the YAML file uses too many aliases (`*name`): more than {max}"),
                ),
                YamlLimit::Anchors { max } => t(
                    format!("berkas YAML memuat terlalu banyak jangkar (`&nama`): lebih dari {max}"),
                    format!("the YAML file holds too many anchors (`&name`): more than {max}"),
                ),
                YamlLimit::Documents => t(
                    "berkas ini memuat lebih dari satu dokumen YAML (`---` di tengah berkas)".into(),
                    "this file holds more than one YAML document (`---` inside the file)".into(),
                ),
                YamlLimit::Other => t(
                    "struktur YAML melampaui batas aman (alias atau tingkat bersarang yang berlebihan)".into(),
                    "the YAML structure exceeds a safety limit (excessive aliases or nesting)".into(),
                ),
            },
            DecimalComma { text } => t(
                format!("angka `{text}` memakai koma desimal dan terbaca sebagai teks"),
                format!("the number `{text}` uses a decimal comma and reads as text"),
            ),
            PercentSign { text } => t(
                format!("angka `{text}` memuat tanda persen dan terbaca sebagai teks"),
                format!("the number `{text}` holds a percent sign and reads as text"),
            ),
            NotANumber { text } => t(
                format!("`{text}` bukan angka"),
                format!("`{text}` is not a number"),
            ),
            NonFinite { text } => t(
                format!("`{text}` bukan angka yang sah (tak hingga atau NaN)"),
                format!("`{text}` is not a valid figure (infinite or NaN)"),
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
                format!("ada narasi tahun {year}, tetapi tidak ada angka tahun {year} di `indikator.yaml`; narasi ini tidak diterbitkan"),
                format!("there are narratives for {year}, but no figures for {year} in `indikator.yaml`; they are not published"),
            ),
            NarrativeOutsideYear => t(
                "berkas markdown di luar folder tahun tidak diterbitkan".into(),
                "a markdown file outside a year folder is not published".into(),
            ),
            FrontMatterMissing => t(
                "narasi tidak diawali front matter (`---` di baris pertama)".into(),
                "the narrative does not start with front matter (`---` on the first line)".into(),
            ),
            FrontMatterUnclosed => t(
                "front matter dibuka dengan `---` tetapi tidak ditutup".into(),
                "the front matter opens with `---` but is never closed".into(),
            ),
            UnknownYearFile { name } => t(
                format!("berkas `{name}` di folder tahun tidak dikenal dan tidak dibaca"),
                format!("the file `{name}` in a year folder is not known and is not read"),
            ),
            YearDataWithoutFigures { year } => t(
                format!("ada data tahun {year}, tetapi tidak ada angka tahun {year} di `indikator.yaml`; data ini tidak diterbitkan"),
                format!("there is data for {year}, but no figures for {year} in `indikator.yaml`; it is not published"),
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
                    crate::format::rupiah(*realised, lang),
                    crate::format::rupiah(*budget, lang)
                ),
                format!(
                    "the realisation of `{name}` ({}) is above its allocation ({})",
                    crate::format::rupiah(*realised, lang),
                    crate::format::rupiah(*budget, lang)
                ),
            ),
            TravelAboveBudget { travel, budget } => t(
                format!(
                    "perjalanan dinas ({}) melebihi alokasi sub-kegiatannya ({}); perjalanan dinas adalah bagian dari alokasi",
                    crate::format::rupiah(*travel, lang),
                    crate::format::rupiah(*budget, lang)
                ),
                format!(
                    "official travel ({}) is above the allocation of its sub-activity ({}); travel is part of the allocation",
                    crate::format::rupiah(*travel, lang),
                    crate::format::rupiah(*budget, lang)
                ),
            ),
            TaggedAboveSpending { tagged, spending } => t(
                format!(
                    "alokasi program ({}) melebihi total belanja daerah ({})",
                    crate::format::rupiah(*tagged, lang),
                    crate::format::rupiah(*spending, lang)
                ),
                format!(
                    "the programs' allocation ({}) is above total regional spending ({})",
                    crate::format::rupiah(*tagged, lang),
                    crate::format::rupiah(*spending, lang)
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
            VillageCountMismatch { count, names } => t(
                format!("`jumlah_desa` bernilai {count}, tetapi `desa` menyebut {names} nama"),
                format!("`jumlah_desa` is {count}, but `desa` names {names} villages"),
            ),
            DuplicateDistrict { name } => t(
                format!("kecamatan `{name}` ditulis dua kali"),
                format!("the kecamatan `{name}` is written twice"),
            ),
            BadDate { text } => t(
                format!("tanggal `{text}` tidak sah"),
                format!("`{text}` is not a valid date"),
            ),
            HintYearFiles => t(
                "folder tahun memuat narasi (`*.md`) serta `program.yaml`, `kantong.yaml` dan `kelembagaan.yaml`; periksa ejaan nama berkas".into(),
                "a year folder holds narratives (`*.md`) and `program.yaml`, `kantong.yaml` and `kelembagaan.yaml`; check the file name".into(),
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
            HintVillageCount => t(
                "hapus `jumlah_desa` (dihitung dari daftar `desa`) atau samakan keduanya".into(),
                "remove `jumlah_desa` (it is counted from the `desa` list) or make them agree".into(),
            ),
            HintDate => t(
                "tulis tanggal sebagai TAHUN-BULAN-HARI, misalnya `2025-03-10`".into(),
                "write the date as YEAR-MONTH-DAY, for example `2025-03-10`".into(),
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
            EvidenceMissing {
                region,
                year,
                item,
                scheme_year,
            } => t(
                format!("bukti penilaian {year} {region} belum ada: {} (skema {scheme_year})", item.get(lang)),
                format!("evaluation evidence {year} of {region} is missing: {} (scheme {scheme_year})", item.get(lang)),
            ),
            Readiness {
                region,
                year,
                present,
                total,
                scheme_year,
            } => t(
                format!("kesiapan penilaian {region} {year}: {present} dari {total} bukti ada (skema {scheme_year})"),
                format!("evaluation readiness {region} {year}: {present} of {total} evidence items present (scheme {scheme_year})"),
            ),
            HintWeight => t(
                "tulis bobot sebagai persen, misalnya `bobot: 40`; bobot semua komponen berjumlah 100".into(),
                "write the weight as a percentage, for example `bobot: 40`; all components add up to 100".into(),
            ),
            HintTaggedRule => t(
                "tambahkan `skor_tagging: {langsung: 0.5, tidak_langsung: 0.3, penunjang: 0.2}` pada skema ini".into(),
                "add `skor_tagging: {langsung: 0.5, tidak_langsung: 0.3, penunjang: 0.2}` to this scheme".into(),
            ),
            HintEvidence { example } => t(
                format!("tulis di berkas ini: `{example}`"),
                format!("write in this file: `{example}`"),
            ),
            UnknownTheme { name } => t(
                format!("tema `{name}` tidak ditemukan di `themes/{name}/`"),
                format!("the theme `{name}` is not found in `themes/{name}/`"),
            ),
            TemplateInvalid { detail } => t(
                format!("templat tidak sah: {detail}"),
                format!("invalid template: {detail}"),
            ),
            RenderFailed {
                template,
                page,
                detail,
            } => t(
                format!("templat `{template}` gagal untuk halaman `{page}`: {detail}"),
                format!("the template `{template}` failed for the page `{page}`: {detail}"),
            ),
            DownloadFailed { page, detail } => t(
                format!("berkas unduhan untuk halaman `{page}` tidak dapat dibuat: {detail}"),
                format!("the downloads of the page `{page}` could not be written: {detail}"),
            ),
            BadBaseUrl { url } => t(
                format!("`base_url` harus alamat http(s), tertulis `{url}`"),
                format!("`base_url` must be an http(s) address, found `{url}`"),
            ),
            TabIndentation => t(
                "baris ini diindentasi dengan tab; YAML hanya menerima spasi".into(),
                "this line is indented with a tab; YAML accepts spaces only".into(),
            ),
            DeclaredBuiltIn { key } => t(
                format!("indikator `{key}` sudah ada di katalog bawaan dan tidak dapat diubah di site.yaml"),
                format!("the indicator `{key}` is built in and cannot be redefined in site.yaml"),
            ),
            OutputNotOurs { path } => t(
                format!("folder keluaran `{path}` sudah ada dan bukan buatan tkpk; tkpk tidak akan menimpanya"),
                format!("the output folder `{path}` exists and was not written by tkpk; tkpk will not replace it"),
            ),
            OutputUnsafe { path } => t(
                format!("folder keluaran `{path}` tidak aman: ia adalah folder situs, folder konten, atau induknya"),
                format!("the output folder `{path}` is unsafe: it is the site folder, the content folder or one of their parents"),
            ),
            WriteFailed { path, detail } => t(
                format!("gagal menulis `{path}`: {detail}"),
                format!("cannot write `{path}`: {detail}"),
            ),
            HintDidYouMean { suggestion } => t(
                format!("mungkin maksud Anda `{suggestion}`?"),
                format!("did you mean `{suggestion}`?"),
            ),
            HintAllowed { allowed } => t(
                format!("kunci yang dikenal: {}", list(allowed)),
                format!("known keys: {}", list(allowed)),
            ),
            HintDecimalComma { fixed } => t(
                format!(
                    "tulis `{fixed}`: titik sebagai pemisah desimal, tanpa tanda kutip (halaman tetap menampilkan koma)"
                ),
                format!("write `{fixed}`: a dot as the decimal separator, without quotes"),
            ),
            HintPercentSign { fixed } => t(
                format!("tulis angkanya saja, `{fixed}`; satuannya sudah diketahui dari katalog indikator"),
                format!("write the number alone, `{fixed}`; the unit comes from the indicator catalogue"),
            ),
            HintWriteNumber => t(
                "tulis angka tanpa tanda kutip, misalnya `7.57`".into(),
                "write a number without quotes, for example `7.57`".into(),
            ),
            HintWriteKind { expected } => t(
                format!("tulis {} di sini", expected.text(lang)),
                format!("write {} here", expected.text(lang)),
            ),
            HintOmitMissing => t(
                "jika angkanya belum ada, hapus `kunci: nilai` ini saja: angka yang tidak ada tidak ditulis".into(),
                "if the figure is not available, delete this `key: value`: a missing figure is left out".into(),
            ),
            HintYear => t(
                "tulis tahun sebagai bilangan bulat antara 1990 dan 2100, misalnya `2025:`".into(),
                "write the year as a whole number from 1990 to 2100, for example `2025:`".into(),
            ),
            HintRemoveDuplicate => t(
                "hapus salah satunya, atau gabungkan isinya".into(),
                "delete one of them, or merge their contents".into(),
            ),
            HintAddField { field } => t(
                format!("tambahkan baris `{field}: …`"),
                format!("add a line `{field}: …`"),
            ),
            HintSaveUtf8 => t(
                "simpan ulang berkas dengan pengodean UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8)".into(),
                "save the file again as UTF-8 (in Notepad: Save As → Encoding: UTF-8)".into(),
            ),
            HintSymlink => t(
                "ganti tautan dengan berkas atau folder aslinya".into(),
                "replace the link with the real file or folder".into(),
            ),
            HintSplitFile => t(
                "berkas sebesar ini bukan berkas isian; periksa apakah isinya benar, atau pecah menjadi beberapa berkas".into(),
                "a file this large is not an authored file; check its contents, or split it".into(),
            ),
            HintYamlSyntax => t(
                "periksa indentasi (pakai spasi, bukan tab), titik dua sesudah setiap kunci, dan kurung atau tanda kutip yang belum ditutup".into(),
                "check the indentation (spaces, not tabs), the colon after each key, and unclosed brackets or quotes".into(),
            ),
            HintYamlLimit => t(
                "tulis isinya secara langsung, tanpa alias (`&nama`, `*nama`), tanpa `---` kedua dan tanpa tingkat bersarang yang dalam; berkas isian tkpk tidak memerlukannya".into(),
                "write the contents out directly, without aliases (`&name`, `*name`), a second `---` or deep nesting; tkpk's files never need them".into(),
            ),
            HintEmptyFile => t(
                "tulis isinya (contoh setiap berkas ada di README, bagian Referensi penulis), atau hapus berkas yang tidak dipakai".into(),
                "write its contents (the README's author reference has an example of each file), or delete a file you do not use".into(),
            ),
            HintCreateContent => t(
                "buat folder `content/` berisi `referensi/` dan satu folder per kabupaten/kota, atau jalankan `tkpk new` (lihat README)".into(),
                "create a `content/` folder holding `referensi/` and one folder per regency or city, or run `tkpk new` (see the README)".into(),
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
            HintFrontMatter => t(
                "awali berkas dengan `---`, lalu `judul: …` (dan `bab: …`), lalu `---` pada barisnya sendiri".into(),
                "start the file with `---`, then `judul: …` (and `bab: …`), then `---` on a line of its own".into(),
            ),
            HintCreateFile { name } => t(
                format!("buat berkas `{name}` di folder ini (lihat README, bagian Referensi penulis)"),
                format!("create the file `{name}` in this folder (see the README, author reference)"),
            ),
            HintTheme => t(
                "hapus `tema` dari site.yaml untuk memakai tema bawaan, atau buat folder temanya".into(),
                "remove `tema` from site.yaml to use the built-in theme, or create the theme folder".into(),
            ),
            HintTemplate => t(
                "perbaiki templat pada baris dan kolom yang disebut, atau hapus berkasnya untuk memakai templat bawaan".into(),
                "fix the template at the line and column given, or delete the file to use the built-in one".into(),
            ),
            HintOutputNotOurs => t(
                "pilih folder lain dengan `--output`, atau pindahkan folder itu jika memang boleh dibuang".into(),
                "choose another folder with `--output`, or move that folder away if it may go".into(),
            ),
            HintOutputUnsafe => t(
                "pilih folder keluaran tersendiri, misalnya `output/`".into(),
                "choose a folder of its own for the output, for example `output/`".into(),
            ),
            HintBaseUrl => t(
                "misalnya `base_url: https://tkpk.blitarkab.go.id/`, atau hapus barisnya".into(),
                "for example `base_url: https://tkpk.example.go.id/`, or delete the line".into(),
            ),
            HintNameProvince { known } if known.is_empty() => t(
                "tulis nama berkas provinsinya (misalnya `jawa-timur`) dan buat berkas itu di `content/referensi/` dengan `tingkat: provinsi`".into(),
                "write the province's file name (for example `jawa-timur`) and create that file in `content/referensi/` with `tingkat: provinsi`".into(),
            ),
            HintNameProvince { known } => t(
                format!("tulis nama berkas provinsinya, salah satu dari: {}", list(known)),
                format!("write the province's file name, one of: {}", list(known)),
            ),
            HintTabs => t(
                "ganti tab di awal baris dengan spasi (misalnya dua spasi per tingkat)".into(),
                "replace the tab at the start of the line with spaces (for example two per level)".into(),
            ),
            HintQuoteColon => t(
                "jika nilainya memuat titik dua, apit dengan tanda kutip, misalnya `sumber: \"BPS: rilis Juli 2025\"`; jika tidak, periksa indentasi".into(),
                "if the value holds a colon, put it in quotes, for example `sumber: \"BPS: release July 2025\"`; otherwise check the indentation".into(),
            ),
            HintOwnKey => t(
                "hapus entri ini (indikator bawaan sudah dikenal), atau beri indikator Anda kunci lain".into(),
                "delete this entry (built-in indicators are known already), or give yours another key".into(),
            ),
            HintNarrativeFolder => t(
                "pindahkan ke folder tahunnya, misalnya `2025/`".into(),
                "move it into its year folder, for example `2025/`".into(),
            ),
            HintAddFigures => t(
                "tambahkan angka di bawah `data:`, misalnya `2025: {p0: 7.57}`".into(),
                "add figures under `data:`, for example `2025: {p0: 7.57}`".into(),
            ),
            ServeListening { url } => t(
                format!("situs disajikan di {url} (tekan Ctrl+C untuk berhenti); perubahan berkas dibangun ulang otomatis"),
                format!("serving the site at {url} (Ctrl+C to stop); changed files are rebuilt automatically"),
            ),
            ServeRebuilt { pages, millis } => t(
                format!("dibangun ulang: {pages} halaman dalam {millis} ms"),
                format!("rebuilt: {pages} pages in {millis} ms"),
            ),
            ServeRebuildFailed { errors, millis } => t(
                format!("belum dapat dibangun ulang ({errors} galat, {millis} ms); versi terakhir yang berhasil tetap disajikan"),
                format!("cannot rebuild yet ({errors} errors, {millis} ms); the last good version is still served"),
            ),
            ServeStartFailed { address, detail } => t(
                format!("tidak dapat menyajikan situs di {address}: {detail}"),
                format!("cannot serve the site at {address}: {detail}"),
            ),
            ServeWatchFailed { detail } => t(
                format!("tidak dapat mengamati perubahan berkas: {detail}"),
                format!("cannot watch the files for changes: {detail}"),
            ),
            NewNotEmpty { path } => t(
                format!("folder `{path}` sudah berisi; tkpk new hanya menulis ke folder baru atau kosong"),
                format!("the folder `{path}` is not empty; tkpk new only writes into a new or empty folder"),
            ),
            NewUnknownProvince { slug } => t(
                format!("provinsi `{slug}` tidak dikenal"),
                format!("unknown province `{slug}`"),
            ),
            NewBadRegionName { name } => t(
                format!("nama wilayah `{name}` tidak dapat dijadikan nama folder"),
                format!("the region name `{name}` cannot become a folder name"),
            ),
            NewCreated { path, region } => t(
                format!("situs baru untuk {region} dibuat di {path}; lanjutkan dengan `tkpk serve --root {path}` atau `tkpk build --root {path}`"),
                format!("a new site for {region} is in {path}; go on with `tkpk serve --root {path}` or `tkpk build --root {path}`"),
            ),
            HintServePort => t(
                "port itu mungkin sudah dipakai; pilih yang lain, misalnya `--port 1112`".into(),
                "the port may be in use; choose another, for example `--port 1112`".into(),
            ),
            HintRegionName => t(
                "tulis nama resmi dengan huruf biasa, misalnya `--wilayah \"Kabupaten Blitar\"`".into(),
                "write the official name in plain letters, for example `--wilayah \"Kabupaten Blitar\"`".into(),
            ),
            HintNewDir => t(
                "pilih nama folder lain, misalnya `tkpk new situs-tkpk`".into(),
                "choose another folder name, for example `tkpk new tkpk-site`".into(),
            ),
            DownloadSources { sources } => t(
                format!("Sumber: {}", sources.join("; ")),
                format!(
                    "{}: {}",
                    if sources.len() > 1 { "Sources" } else { "Source" },
                    sources.join("; ")
                ),
            ),
            DownloadNote { note } => t(format!("Catatan: {note}"), format!("Note: {note}")),
            PdfNoChromium { env: None } => t(
                "Chromium (atau Google Chrome) tidak ditemukan; tkpk memerlukannya untuk mencetak PDF".into(),
                "Chromium (or Google Chrome) is not found; tkpk needs it to print PDFs".into(),
            ),
            PdfNoChromium { env: Some(path) } => t(
                format!("TKPK_CHROMIUM menunjuk `{path}`, tetapi program itu tidak ada atau tidak dapat dijalankan"),
                format!("TKPK_CHROMIUM names `{path}`, but there is no program there that can be run"),
            ),
            PdfUnknownRegion { slug } => t(
                format!("wilayah `{slug}` tidak ada di situs ini"),
                format!("there is no region `{slug}` in this site"),
            ),
            PdfNoReport { year, region: None } => t(
                format!("tidak ada laporan tahun {year} di situs ini"),
                format!("there is no report for {year} in this site"),
            ),
            PdfNoReport { year, region: Some(slug) } => t(
                format!("tidak ada laporan tahun {year} untuk `{slug}`"),
                format!("there is no report for {year} for `{slug}`"),
            ),
            PdfNothingToPrint => t(
                "situs ini belum memiliki laporan untuk dicetak".into(),
                "this site has no report to print yet".into(),
            ),
            PdfPrintFailed { page, reason } => {
                let why = match reason {
                    PdfFailure::Start { program, detail } => t(
                        format!("`{program}` tidak dapat dijalankan: {detail}"),
                        format!("`{program}` cannot be started: {detail}"),
                    ),
                    PdfFailure::Exit { code, output } => {
                        let code = code.map_or_else(|| "-".to_string(), |c| c.to_string());
                        t(
                            format!("Chromium berhenti dengan kode {code}: {output}"),
                            format!("Chromium ended with code {code}: {output}"),
                        )
                    }
                    PdfFailure::Timeout { seconds } => t(
                        format!("Chromium belum selesai setelah {seconds} detik dan dihentikan"),
                        format!("Chromium had not finished after {seconds} s and was stopped"),
                    ),
                    PdfFailure::NoPdf { output } => t(
                        format!("Chromium tidak menghasilkan PDF: {output}"),
                        format!("Chromium wrote no PDF: {output}"),
                    ),
                    PdfFailure::Write { path, detail } => t(
                        format!("gagal menulis `{path}`: {detail}"),
                        format!("cannot write `{path}`: {detail}"),
                    ),
                };
                t(
                    format!("halaman `{page}` gagal dicetak ke PDF: {why}"),
                    format!("the page `{page}` could not be printed to PDF: {why}"),
                )
            }
            PdfPrinted {
                done,
                total,
                slug,
                year,
                evaluation,
                path,
                seconds,
            } => t(
                format!(
                    "[{done}/{total}] {slug} {year} {} → {path} ({seconds} s)",
                    if *evaluation { "penilaian" } else { "laporan" }
                ),
                format!(
                    "[{done}/{total}] {slug} {year} {} → {path} ({seconds} s)",
                    if *evaluation { "evaluation sheet" } else { "report" }
                ),
            ),
            PdfNotPrinted {
                done,
                total,
                slug,
                year,
                evaluation,
            } => t(
                format!(
                    "[{done}/{total}] {slug} {year} {}: gagal",
                    if *evaluation { "penilaian" } else { "laporan" }
                ),
                format!(
                    "[{done}/{total}] {slug} {year} {}: failed",
                    if *evaluation { "evaluation sheet" } else { "report" }
                ),
            ),
            HintInstallChromium => t(
                "di Debian/Ubuntu: `sudo apt-get install chromium`; atau pasang Google Chrome; atau tulis letak programnya di variabel TKPK_CHROMIUM, misalnya `TKPK_CHROMIUM=/usr/bin/chromium tkpk pdf`".into(),
                "on Debian/Ubuntu: `sudo apt-get install chromium`; or install Google Chrome; or give the program's path in TKPK_CHROMIUM, for example `TKPK_CHROMIUM=/usr/bin/chromium tkpk pdf`".into(),
            ),
            HintKnownRegions { known } => t(
                format!("wilayah yang ada: {}", list(known)),
                format!("the regions are: {}", list(known)),
            ),
            HintReportYears { years } => {
                let years: Vec<String> = years.iter().map(i32::to_string).collect();
                t(
                    format!("tahun yang ada laporannya: {}", years.join(", ")),
                    format!("the years with a report: {}", years.join(", ")),
                )
            }
            HintPdfFailed => t(
                "buka halaman itu di peramban untuk memeriksanya, lalu jalankan `tkpk pdf` lagi; PDF lain yang sudah jadi tetap disimpan".into(),
                "open that page in a browser to check it, then run `tkpk pdf` again; the other PDFs are kept".into(),
            ),
            SummaryPdf {
                files,
                folder,
                failed,
                seconds,
            } => t(
                format!("pdf selesai: {files} berkas di {folder}, {failed} gagal, dalam {seconds} detik"),
                format!("pdf done: {files} files in {folder}, {failed} failed, in {seconds} s"),
            ),
            SummaryBuilt {
                pages,
                warnings,
                seconds,
                output,
            } => t(
                format!("selesai: {pages} halaman ditulis ke {output}, {warnings} peringatan, {seconds} detik"),
                format!("done: {pages} pages written to {output}, {warnings} warnings, {seconds} s"),
            ),
            SummaryChecked {
                regions,
                warnings,
                seconds,
            } => t(
                format!("pemeriksaan selesai: {regions} wilayah tanpa galat, {warnings} peringatan, {seconds} detik"),
                format!("check done: {regions} regions without errors, {warnings} warnings, {seconds} s"),
            ),
            Import(m) => m.text(lang),
            SummaryFailed { errors, warnings } => t(
                format!("gagal: {errors} galat, {warnings} peringatan; folder keluaran tidak diubah"),
                format!("failed: {errors} errors, {warnings} warnings; the output folder is unchanged"),
            ),
        }
    }
}

/// Words that frame a diagnostic.
pub struct Labels {
    pub error: &'static str,
    pub warning: &'static str,
    pub hint: &'static str,
}

pub fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::Id => Labels {
            error: "galat",
            warning: "peringatan",
            hint: "saran",
        },
        Lang::En => Labels {
            error: "error",
            warning: "warning",
            hint: "help",
        },
    }
}

/// The kind of value a key expects, named from serde's words ("a string", "f64", "struct …").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueKind {
    Text,
    Number,
    Integer,
    Bool,
    Map,
    List,
    Empty,
    /// One word out of a fixed list (`kabupaten` or `kota`).
    Choice,
    Other(String),
}

impl ValueKind {
    pub fn from_serde(words: &str) -> ValueKind {
        let w = words.trim();
        match w {
            "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" => {
                ValueKind::Integer
            }
            s if s.contains("map") || s.contains("struct") => ValueKind::Map,
            s if s.contains("seq") || s.contains("list") => ValueKind::List,
            s if s.contains("string") || s.contains("str") || s.contains("char") => ValueKind::Text,
            s if s.contains("f64") || s.contains("f32") || s.contains("float") => ValueKind::Number,
            s if s.contains("integer") => ValueKind::Integer,
            s if s.contains("bool") => ValueKind::Bool,
            s if s.contains("enum") || s.contains("variant") => ValueKind::Choice,
            s if s.contains("unit") || s.contains("null") => ValueKind::Empty,
            other => ValueKind::Other(other.to_string()),
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        let (id, en) = match self {
            ValueKind::Text => ("teks", "text"),
            ValueKind::Number => ("angka", "a number"),
            ValueKind::Integer => ("bilangan bulat", "a whole number"),
            ValueKind::Bool => (
                "ya/tidak (`true` atau `false`)",
                "yes/no (`true` or `false`)",
            ),
            ValueKind::Map => ("pemetaan `kunci: nilai`", "a mapping `key: value`"),
            ValueKind::List => ("daftar (`- …`)", "a list (`- …`)"),
            ValueKind::Empty => ("kosong", "nothing"),
            ValueKind::Choice => (
                "satu kata dari pilihan yang tersedia (lihat README)",
                "one of the listed words (see the README)",
            ),
            ValueKind::Other(w) => return w.clone(),
        };
        match lang {
            Lang::Id => id.to_string(),
            Lang::En => en.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_differ_and_carry_the_facts() {
        let m = Message::DecimalComma {
            text: "7,57".into(),
        };
        assert!(m.text(Lang::Id).contains("koma desimal"));
        assert!(m.text(Lang::En).contains("decimal comma"));
        assert!(m.text(Lang::Id).contains("7,57") && m.text(Lang::En).contains("7,57"));
    }

    #[test]
    fn kinds_are_worded_in_each_language() {
        let k = ValueKind::from_serde;
        assert_eq!(k("a string").text(Lang::Id), "teks");
        assert_eq!(k("f64").text(Lang::Id), "angka");
        assert_eq!(k("u16").text(Lang::Id), "bilangan bulat");
        assert_eq!(k("a sequence").text(Lang::Id), "daftar (`- …`)");
        assert_eq!(
            k("struct RawTkpk").text(Lang::Id),
            "pemetaan `kunci: nilai`"
        );
        assert_eq!(k("a string").text(Lang::En), "text");
        let m = Message::OutOfRange {
            indicator: "p0".into(),
            value: 108.69,
            min: 0.0,
            max: 100.0,
        };
        assert!(m.text(Lang::Id).contains("108,69") && m.text(Lang::En).contains("108.69"));
    }
}
