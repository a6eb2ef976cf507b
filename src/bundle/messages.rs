//! The messages of `tkpk paket`, in Indonesian and English: each variant holds the facts and is
//! worded beside its definition.

use crate::base::lang::Lang;
use crate::base::messages::{IoProblem, Words};

/// A message of `tkpk paket`.
#[derive(Clone, Debug, PartialEq)]
pub enum BundleMessage {
    /// `--tanggal` is not a date.
    BadDate {
        text: String,
    },
    HintDate,
    /// The year's report or its evaluation sheet was not built (not published, no scheme).
    PageMissing {
        slug: String,
        year: i32,
        sheet: bool,
    },
    HintPublishSheet,
    /// The same for a draft bundle, which holds every report and sheet built: only a missing
    /// scheme leaves the sheet out.
    HintSchemeForDraft,
    /// A file the bundle takes could not be read.
    ReadFailed {
        path: String,
        detail: IoProblem,
    },
    /// The ZIP could not be made.
    ZipFailed {
        detail: String,
    },
    WriteFailed {
        path: String,
        detail: IoProblem,
    },
    /// A different bundle is already there.
    Exists {
        path: String,
    },
    HintOverwrite,
}

impl Words for BundleMessage {
    fn text(&self, lang: Lang) -> String {
        use BundleMessage::*;
        let t = |a: String, b: String| if lang == Lang::Id { a } else { b };
        match self {
            BadDate { text } => t(
                format!("`--tanggal {text}` bukan tanggal"),
                format!("`--tanggal {text}` is not a date"),
            ),
            HintDate => t(
                "tulis TAHUN-BULAN-HARI, misalnya `--tanggal 2026-01-15`".into(),
                "write YEAR-MONTH-DAY, for example `--tanggal 2026-01-15`".into(),
            ),
            PageMissing {
                slug,
                year,
                sheet: true,
            } => t(
                format!("lembar penilaian {year} `{slug}` tidak dibangun, maka tidak dapat dipaketkan"),
                format!("the {year} evaluation sheet of `{slug}` is not built, so it cannot be bundled"),
            ),
            PageMissing {
                slug,
                year,
                sheet: false,
            } => t(
                format!("laporan {year} `{slug}` tidak dibangun, maka tidak dapat dipaketkan"),
                format!("the {year} report of `{slug}` is not built, so it cannot be bundled"),
            ),
            HintPublishSheet => t(
                "paket memuat laporan dan lembar penilaian yang terbit: periksa `terbit:` di site.yaml (tahun dan `penilaian`) dan bahwa ada skema penilaian untuk tahun itu".into(),
                "the bundle holds the published report and evaluation sheet: check `terbit:` in site.yaml (its years and `penilaian`) and that a scheme covers the year".into(),
            ),
            HintSchemeForDraft => t(
                "paket draf memuat setiap laporan dan lembar penilaian yang dibangun; lembar penilaian hanya dibangun bila ada skema penilaian untuk tahun itu (bawaan, atau `skema_penilaian` di site.yaml)".into(),
                "a draft bundle holds every report and evaluation sheet built; a sheet is built only where a scheme covers the year (built in, or `skema_penilaian` in site.yaml)".into(),
            ),
            ReadFailed { path, detail } => t(
                format!("berkas `{path}` tidak dapat dibaca: {}", detail.text(Lang::Id)),
                format!("cannot read `{path}`: {}", detail.text(Lang::En)),
            ),
            ZipFailed { detail } => t(
                format!("ZIP tidak dapat dibuat: {detail}"),
                format!("cannot make the ZIP: {detail}"),
            ),
            WriteFailed { path, detail } => t(
                format!("paket `{path}` tidak dapat ditulis: {}", detail.text(Lang::Id)),
                format!("cannot write the bundle `{path}`: {}", detail.text(Lang::En)),
            ),
            Exists { path } => t(
                format!("paket `{path}` sudah ada dan isinya lain"),
                format!("the bundle `{path}` already exists with other contents"),
            ),
            HintOverwrite => t(
                "tambahkan `--timpa` untuk menggantinya, atau tulis nama lain dengan `--keluaran`".into(),
                "add `--timpa` to replace it, or give another name with `--keluaran`".into(),
            ),
        }
    }
}
