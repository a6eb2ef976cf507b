//! Every sentence a user reads from the tool (diagnostics, hints, the summary line), in
//! Indonesian and English. Call sites build a [`Message`]; the language is chosen when it is
//! printed, so adding a language never touches a call site, and a missing translation is a
//! compile error (every variant has to be matched for every language).

pub mod import;

use serde::{Deserialize, Serialize};

/// The language of a site: its pages, its numbers and its messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Id,
    En,
}

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
    /// The messages of `tkpk impor` (in `messages/import.rs`).
    Import(import::ImportMessage),
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
