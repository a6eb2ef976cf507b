//! The messages of writing the output folder, in Indonesian and English: each variant holds the
//! facts and is worded beside its definition.

use crate::base::lang::Lang;
use crate::base::messages::{IoProblem, Words};

/// A message of writing the output folder.
#[derive(Clone, Debug, PartialEq)]
pub enum OutputMessage {
    // Output.
    OutputNotOurs { path: String },
    OutputUnsafe { path: String },
    WriteFailed { path: String, detail: IoProblem },
    OutputBusy { path: String },
    ReadFailed { path: String, detail: IoProblem },
    StaticCollides { path: String },
    PreviousLeft { path: String, detail: String },
    HintDiskFull,
    HintPermission,
    HintReadOnly,
    HintStaticCollides,
    Recovered { from: String },
    HintOutputNotOurs,
    HintOutputBusy,
    HintOutputUnsafe,
}

impl Words for OutputMessage {
    fn text(&self, lang: Lang) -> String {
        use OutputMessage::*;
        let t = |a: String, b: String| if lang == Lang::Id { a } else { b };
        match self {
            OutputNotOurs { path } => t(
                format!("folder keluaran `{path}` sudah ada dan bukan buatan tkpk; tkpk tidak akan menimpanya"),
                format!("the output folder `{path}` exists and was not written by tkpk; tkpk will not replace it"),
            ),
            OutputUnsafe { path } => t(
                format!("folder keluaran `{path}` tidak aman: ia adalah folder situs, `content/`, `themes/` atau `static/`, berada di dalam salah satunya, atau induknya"),
                format!("the output folder `{path}` is unsafe: it is the site folder, `content/`, `themes/` or `static/`, inside one of them, or one of their parents"),
            ),
            WriteFailed { path, detail } => t(
                format!("gagal menulis `{path}`: {}", detail.text(Lang::Id)),
                format!("cannot write `{path}`: {}", detail.text(Lang::En)),
            ),
            OutputBusy { path } => t(
                format!("build lain sedang menulis ke folder keluaran `{path}`"),
                format!("another build is writing to the output folder `{path}`"),
            ),
            Recovered { from } => t(
                format!("folder keluaran dipulihkan dari `{from}`: build sebelumnya terhenti ketika menukar folder"),
                format!("the output folder was restored from `{from}`: an earlier build stopped while swapping folders"),
            ),
            ReadFailed { path, detail } => t(
                format!("gagal membaca `{path}`: {}", detail.text(Lang::Id)),
                format!("cannot read `{path}`: {}", detail.text(Lang::En)),
            ),
            StaticCollides { path } => t(
                format!("berkas ini bernama sama dengan berkas yang ditulis tkpk sendiri (`{path}` di folder keluaran)"),
                format!("this file has the name of a file tkpk writes itself (`{path}` in the output folder)"),
            ),
            HintStaticCollides => t(
                "ganti nama berkasnya atau pindahkan ke folder lain di dalam `static/`; tkpk tidak menimpa halamannya sendiri dengan berkas ini".into(),
                "rename the file or move it to another folder inside `static/`; tkpk does not replace its own pages with it".into(),
            ),
            PreviousLeft { path, detail } => t(
                format!("keluaran baru sudah terpasang, tetapi salinan lama `{path}` belum dapat dihapus ({detail}); build berikutnya menghapusnya"),
                format!("the new output is in place, but the previous copy `{path}` could not be removed yet ({detail}); the next build removes it"),
            ),
            HintDiskFull => t(
                "disk penuh: kosongkan ruang (hapus berkas yang tidak perlu, kosongkan Recycle Bin/Tempat Sampah) atau pilih folder di disk lain dengan `--output`; folder keluaran lama tetap utuh".into(),
                "the disk is full: free some space or choose a folder on another disk with `--output`; the previous output is intact".into(),
            ),
            HintPermission => t(
                "tutup dulu berkas dari folder itu yang sedang terbuka di Excel atau pembaca PDF (atau tunggu pemindaian antivirus), lalu jalankan lagi; bila tetap ditolak, akun ini tidak boleh menulis ke sana: pilih folder milik Anda dengan `--output`".into(),
                "close files from that folder open in Excel or a PDF reader (or wait for an antivirus scan) and run again; if it is still refused, this account may not write there: choose a folder of your own with `--output`".into(),
            ),
            HintReadOnly => t(
                "disk itu hanya dapat dibaca (misalnya CD atau flashdisk yang dikunci): salin folder situs ke disk yang dapat ditulis, atau pilih `--output` di sana".into(),
                "that disk is read-only: copy the site folder to a writable disk, or choose an `--output` there".into(),
            ),
            HintOutputBusy => t(
                "tunggu sampai build itu selesai lalu jalankan lagi, atau jalankan tanpa `--tanpa-tunggu` agar tkpk menunggu sendiri".into(),
                "wait for that build to finish and run again, or run without `--tanpa-tunggu` so that tkpk waits by itself".into(),
            ),
            HintOutputNotOurs => t(
                "pilih folder lain dengan `--output`, atau pindahkan folder itu jika memang boleh dibuang".into(),
                "choose another folder with `--output`, or move that folder away if it may go".into(),
            ),
            HintOutputUnsafe => t(
                "pilih folder keluaran tersendiri, misalnya `output/`".into(),
                "choose a folder of its own for the output, for example `output/`".into(),
            ),
        }
    }
}
