//! The messages of reading the site folder: files, YAML and front matter, in Indonesian and
//! English: each variant holds the facts and is worded beside its definition.

use crate::base::lang::Lang;
use crate::base::messages::{IoProblem, ValueKind, Words, YamlLimit, list};

/// A message of reading the site folder: files, YAML and front matter.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum LoadMessage {
    // Reading files.
    ReadFailed {
        detail: IoProblem,
    },
    NotUtf8 {
        line: usize,
    },
    FileTooLarge {
        size: u64,
        limit: u64,
    },
    SymlinkRefused,
    MissingFile {
        name: String,
    },
    RootNotFound,
    /// The folder given with `--root` (or the current one) does not exist.
    RootMissing,
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
    NonFinite {
        text: String,
    },
    NarrativeOutsideYear,
    // Narratives.
    FrontMatterMissing,
    FrontMatterUnclosed,
    // Programs, pockets and institutional records.
    UnknownYearFile {
        name: String,
    },
    EmptyNarrative,
    HintYearFiles,
    TabIndentation,
    HintWriteKind {
        expected: ValueKind,
    },
    HintOmitMissing,
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
    HintFrontMatter,
    HintCreateFile {
        name: String,
    },
    /// A site folder near the one given: `--root` with it.
    HintRootElsewhere {
        root: String,
    },
    HintRootMissing,
    HintTabs,
    HintQuoteColon,
    HintNarrativeFolder,
}

impl Words for LoadMessage {
    fn text(&self, lang: Lang) -> String {
        use LoadMessage::*;
        let t = |a: String, b: String| if lang == Lang::Id { a } else { b };
        match self {
            ReadFailed { detail } => t(
                format!("berkas tidak dapat dibaca: {}", detail.text(Lang::Id)),
                format!("cannot read the file: {}", detail.text(Lang::En)),
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
            MissingFile { name } => t(
                format!("berkas `{name}` tidak ada di folder ini"),
                format!("the file `{name}` is missing from this folder"),
            ),
            RootNotFound => t(
                "folder situs tidak memuat `site.yaml`".into(),
                "the site folder holds no `site.yaml`".into(),
            ),
            RootMissing => t(
                "folder situs ini tidak ada".into(),
                "this site folder does not exist".into(),
            ),
            MissingContentFolder => t(
                "folder situs tidak memuat folder `content/`".into(),
                "the site folder holds no `content/` folder".into(),
            ),
            YamlSyntax { detail } => t(
                match parser_detail_id(detail) {
                    Some(said) => format!("YAML tidak dapat dibaca: {said}"),
                    None => format!("YAML tidak dapat dibaca (pesan pengurai YAML: {detail})"),
                },
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
            NonFinite { text } => t(
                format!("`{text}` bukan angka yang sah (tak hingga atau NaN)"),
                format!("`{text}` is not a valid figure (infinite or NaN)"),
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
            EmptyNarrative => t(
                "narasi ini kosong dan tidak diterbitkan".into(),
                "this narrative is empty and is not published".into(),
            ),
            UnknownYearFile { name } => t(
                format!("berkas `{name}` di folder tahun tidak dikenal dan tidak dibaca"),
                format!("the file `{name}` in a year folder is not known and is not read"),
            ),
            HintYearFiles => t(
                "folder tahun memuat narasi (`*.md`) serta `program.yaml`, `kantong.yaml`, `desil.yaml`, `kelembagaan.yaml` dan `pengesahan.yaml`; periksa ejaan nama berkas".into(),
                "a year folder holds narratives (`*.md`) and `program.yaml`, `kantong.yaml`, `desil.yaml`, `kelembagaan.yaml` and `pengesahan.yaml`; check the file name".into(),
            ),
            TabIndentation => t(
                "baris ini diindentasi dengan tab; YAML hanya menerima spasi".into(),
                "this line is indented with a tab; YAML accepts spaces only".into(),
            ),
            HintWriteKind { expected } => t(
                format!("tulis {} di sini", expected.text(lang)),
                format!("write {} here", expected.text(lang)),
            ),
            HintOmitMissing => t(
                "jika angkanya belum ada, hapus `kunci: nilai` ini saja: angka yang tidak ada tidak ditulis".into(),
                "if the figure is not available, delete this `key: value`: a missing figure is left out".into(),
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
            HintFrontMatter => t(
                "awali berkas dengan `---`, lalu `judul: …` (dan `bab: …`), lalu `---` pada barisnya sendiri".into(),
                "start the file with `---`, then `judul: …` (and `bab: …`), then `---` on a line of its own".into(),
            ),
            HintCreateFile { name } => t(
                format!("buat berkas `{name}` di folder ini (lihat README, bagian Referensi penulis)"),
                format!("create the file `{name}` in this folder (see the README, author reference)"),
            ),
            HintRootElsewhere { root } => t(
                format!("mungkin maksud Anda `--root {root}`? (folder itu memuat `site.yaml`)"),
                format!("did you mean `--root {root}`? (that folder holds a `site.yaml`)"),
            ),
            HintRootMissing => t(
                "periksa ejaan nama foldernya, atau buat situs baru dengan `tkpk new NAMA-FOLDER --wilayah \"Kabupaten …\"`".into(),
                "check the folder's spelling, or make a new site with `tkpk new FOLDER --region \"Kabupaten …\"`".into(),
            ),
            HintTabs => t(
                "ganti tab di awal baris dengan spasi (misalnya dua spasi per tingkat)".into(),
                "replace the tab at the start of the line with spaces (for example two per level)".into(),
            ),
            HintQuoteColon => t(
                "jika nilainya memuat titik dua, apit dengan tanda kutip, misalnya `sumber: \"BPS: rilis Juli 2025\"`; jika tidak, periksa indentasi".into(),
                "if the value holds a colon, put it in quotes, for example `sumber: \"BPS: release July 2025\"`; otherwise check the indentation".into(),
            ),
            HintNarrativeFolder => t(
                "pindahkan ke folder tahunnya, misalnya `2025/`".into(),
                "move it into its year folder, for example `2025/`".into(),
            ),
        }
    }
}

/// The YAML parser's own words (granit-parser, in English) said in Indonesian, for the
/// mistakes a planner makes; `None` for the rare rest, which is shown quoted as the parser's.
fn parser_detail_id(detail: &str) -> Option<&'static str> {
    const SAID: [(&str, &str); 23] = [
        (
            "mapping values are not allowed",
            "titik dua `:` di tempat yang tidak boleh (sesudah nilai yang sudah ditulis, atau pada baris yang indentasinya tidak sejajar)",
        ),
        (
            "mapping keys are not allowed",
            "kunci di tempat yang tidak boleh",
        ),
        ("unclosed quote", "tanda kutip belum ditutup"),
        ("unclosed bracket", "kurung belum ditutup"),
        (
            "mismatched bracket",
            "kurung yang dibuka ditutup dengan kurung jenis lain (`[` dengan `}`, atau `{` dengan `]`)",
        ),
        (
            "did not find expected key",
            "indentasi tidak sejajar: baris ini tidak lurus dengan kunci di atasnya",
        ),
        (
            "did not find expected '-' indicator",
            "daftar terputus: baris ini tidak diawali `- ` seperti butir di atasnya",
        ),
        (
            "expected ',' or ']'",
            "daftar `[…]` belum ditutup dengan `]`, atau butirnya tidak dipisah koma",
        ),
        (
            "expected ',' or '}'",
            "pemetaan `{…}` belum ditutup dengan `}`, atau pasangannya tidak dipisah koma",
        ),
        (
            "unexpected EOF while parsing a flow sequence",
            "berkas berakhir sebelum `[` ditutup dengan `]`",
        ),
        (
            "unexpected EOF while parsing a flow mapping",
            "berkas berakhir sebelum `{` ditutup dengan `}`",
        ),
        (
            "unexpected EOF while parsing an implicit flow mapping",
            "berkas berakhir sebelum `{` ditutup dengan `}`",
        ),
        (
            "unexpected EOF",
            "berkas berakhir sebelum yang ditulis selesai",
        ),
        (
            "unexpected eof",
            "berkas berakhir sebelum yang ditulis selesai",
        ),
        (
            "unknown anchor",
            "`*nama` merujuk ke `&nama` yang tidak ada",
        ),
        ("invalid indentation", "indentasi tidak sah"),
        (
            "invalid trailing content after",
            "ada tulisan sesudah tanda kutip penutup",
        ),
        (
            "did not find expected node content",
            "nilai yang diharapkan tidak ditemukan di sini",
        ),
        (
            "found unknown escape character",
            "garis miring terbalik `\\` di dalam tanda kutip ganda diikuti huruf yang tidak dikenal (tulis `\\\\`, atau pakai tanda kutip tunggal)",
        ),
        (
            "found unexpected document indicator",
            "`---` atau `...` di dalam teks bertanda kutip",
        ),
        ("invalid utf-8", "berkas bukan teks UTF-8"),
        ("invalid encoding", "berkas bukan teks UTF-8"),
        (
            "while scanning an anchor or alias",
            "`&` atau `*` di awal nilai dibaca sebagai anchor/alias YAML (apit nilainya dengan tanda kutip)",
        ),
    ];
    SAID.iter()
        .find(|(english, _)| detail.contains(english))
        .map(|(_, id)| *id)
}

#[cfg(test)]
mod parser_words {
    use super::*;

    /// Every parser message a planner is likely to meet is said in Indonesian.
    #[test]
    fn common_parser_messages_are_said_in_indonesian() {
        for detail in [
            "mapping values are not allowed in this context",
            "unclosed quote",
            "while parsing a block mapping, did not find expected key",
            "while parsing a flow mapping, did not find expected ',' or '}'",
            "alias references unknown anchor",
            "unexpected EOF while parsing a flow sequence",
        ] {
            let said = LoadMessage::YamlSyntax {
                detail: detail.into(),
            }
            .text(Lang::Id);
            assert!(!said.contains(detail), "{said}");
            assert!(!said.contains("pengurai"), "{said}");
        }
        let rare = LoadMessage::YamlSyntax {
            detail: "duplicate version directive".into(),
        }
        .text(Lang::Id);
        assert!(
            rare.contains("(pesan pengurai YAML: duplicate version directive)"),
            "{rare}"
        );
    }
}
