//! The messages of the report stage, in Indonesian and English: what a report lacks as a
//! document (`tkpk check`'s warnings, a final print's refusal).

use crate::base::lang::Lang;
use crate::base::messages::Words;

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ReportMessage {
    /// Numbered chapters with nothing to show, each as `BAB II Kondisi Umum Daerah`.
    EmptyChapters {
        region: String,
        year: i32,
        chapters: Vec<String>,
    },
    /// More regions than are told one by one have empty chapters.
    MoreEmptyChapters {
        regions: usize,
    },
    HintWriteChapters {
        keys: Vec<String>,
    },
    /// A final print lacks required parts, each as `lembar pengesahan (pengesahan.yaml)` or
    /// `BAB I Pendahuluan (bab: pendahuluan)`.
    FinalIncomplete {
        region: String,
        year: i32,
        missing: Vec<String>,
    },
    HintFinal,
    /// A part's name in a list: the lembar pengesahan and the file it is written in.
    ApprovalPart,
}

impl Words for ReportMessage {
    fn text(&self, lang: Lang) -> String {
        use ReportMessage::*;
        let t = |a: String, b: String| if lang == Lang::Id { a } else { b };
        match self {
            EmptyChapters {
                region,
                year,
                chapters,
            } => t(
                format!(
                    "laporan {year} {region}: bab belum diisi (dicetak bernomor dengan keterangan kosong): {}",
                    chapters.join(", ")
                ),
                format!(
                    "report {year} of {region}: chapters not written yet (printed with their numbers, marked empty): {}",
                    chapters.join(", ")
                ),
            ),
            MoreEmptyChapters { regions } => t(
                format!("{regions} laporan lain juga memuat bab yang belum diisi"),
                format!("{regions} more reports also have chapters not written yet"),
            ),
            HintWriteChapters { keys } => t(
                format!(
                    "tulis uraiannya sebagai berkas markdown di folder tahun itu, dengan `bab:` di bagian depan ({}); bab Program, Kantong dan Kelembagaan juga terisi dari `program.yaml`, `kantong.yaml` dan `kelembagaan.yaml`, Capaian Target dari `target:` di `indikator.yaml`",
                    keys.iter()
                        .map(|k| format!("`bab: {k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                format!(
                    "write each as a markdown file in that year's folder, with `bab:` in its front matter ({}); the Programme, Pockets and Institutions chapters are also filled from `program.yaml`, `kantong.yaml` and `kelembagaan.yaml`, Target Attainment from `target:` in `indikator.yaml`",
                    keys.iter()
                        .map(|k| format!("`bab: {k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            FinalIncomplete {
                region,
                year,
                missing,
            } => t(
                format!(
                    "laporan {year} {region} belum lengkap untuk dicetak sebagai dokumen final; belum ada: {}",
                    missing.join("; ")
                ),
                format!(
                    "report {year} of {region} is not complete enough to print as a final document; missing: {}",
                    missing.join("; ")
                ),
            ),
            HintFinal => t(
                "lengkapi bagian yang disebut (README: \"Bagian-bagian LP2KD\"), atau cetak draf dengan `tkpk pdf --draf` (bertanda DRAF, bagian kosong disebut)".into(),
                "complete the parts named (README: \"Bagian-bagian LP2KD\"), or print a draft with `tkpk pdf --draf` (marked DRAF, empty parts named)".into(),
            ),
            ApprovalPart => t(
                "lembar pengesahan (`pengesahan.yaml`)".into(),
                "approval sheet (`pengesahan.yaml`)".into(),
            ),
        }
    }
}
