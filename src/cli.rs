//! The command line (clap derive). Each command lives in `cmd/`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// tkpk — situs laporan penanggulangan kemiskinan daerah (LP2KD) dari berkas YAML dan markdown.
#[derive(Parser, Debug)]
#[command(name = "tkpk", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Membangun situs ke folder keluaran (bawaan: output/).
    Build {
        /// Folder situs yang memuat site.yaml dan content/ (bawaan: folder saat ini).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Folder keluaran (bawaan: output/ di dalam folder situs).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Bila build lain sedang menulis ke folder keluaran yang sama, berhenti dengan pesan
        /// alih-alih menunggunya selesai.
        #[arg(long = "tanpa-tunggu")]
        tanpa_tunggu: bool,
    },
    /// Menyajikan situs di http://127.0.0.1 dan membangun ulang setiap kali berkas berubah.
    Serve {
        /// Folder situs yang memuat site.yaml dan content/ (bawaan: folder saat ini).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port di 127.0.0.1.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Membuka situs di peramban setelah siap.
        #[arg(long)]
        buka: bool,
    },
    /// Membuat folder situs baru yang langsung dapat dibangun.
    New {
        /// Folder yang dibuat (harus belum ada atau kosong).
        dir: PathBuf,
        /// Nama resmi wilayah, misalnya "Kabupaten Blitar" atau "Kota Kediri".
        #[arg(long, default_value = "Kabupaten Contoh")]
        wilayah: String,
        /// Provinsinya, sebagai nama berkas referensi, misalnya jawa-timur.
        #[arg(long, default_value = "jawa-timur")]
        provinsi: String,
    },
    /// Membangun situs, lalu mencetak laporan dan lembar penilaian ke PDF dengan Chromium.
    Pdf {
        /// Folder situs yang memuat site.yaml dan content/ (bawaan: folder saat ini).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Hanya wilayah ini (nama foldernya, misalnya kabupaten-blitar).
        #[arg(long)]
        wilayah: Option<String>,
        /// Hanya laporan tahun ini.
        #[arg(long)]
        tahun: Option<i32>,
        /// Folder PDF (bawaan: pdf/ di dalam folder situs).
        #[arg(long)]
        keluar: Option<PathBuf>,
    },
    /// Memeriksa semua berkas tanpa menulis apa pun.
    Check {
        /// Folder situs yang memuat site.yaml dan content/ (bawaan: folder saat ini).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Mengimpor tabel BPS (CSV atau XLSX) ke indikator.yaml dan berkas referensi, atau matriks
    /// program OPD (RAT, laporan semester) ke program.yaml.
    Impor {
        /// Berkas tabel: .csv atau .xlsx.
        file: PathBuf,
        /// Folder situs yang memuat site.yaml dan content/ (bawaan: folder saat ini).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Kunci indikator tabel BPS, misalnya p0 (bawaan: dikenali dari judul tabel).
        #[arg(long = "indikator")]
        indicator: Option<String>,
        /// Hanya wilayah ini (nama foldernya, misalnya kabupaten-blitar); wajib untuk matriks program.
        #[arg(long = "wilayah")]
        region: Option<String>,
        /// Hanya tahun ini; wajib untuk matriks program.
        #[arg(long = "tahun")]
        year: Option<i32>,
        /// Menimpa angka atau program.yaml yang sudah ada dan berbeda.
        #[arg(long = "timpa")]
        overwrite: bool,
        /// Mengimpor baris matriks yang terbaca walaupun ada baris yang rusak (yang rusak tetap dilaporkan).
        #[arg(long = "lewati-baris-rusak")]
        skip_bad_rows: bool,
        /// Hanya memeriksa dan menampilkan ringkasan; tidak menulis apa pun.
        #[arg(long = "periksa")]
        dry_run: bool,
    },
}

impl Command {
    /// The site folder a command reads, if it reads one.
    pub(crate) fn site_root(&self) -> Option<&std::path::Path> {
        match self {
            Command::Build { root, .. }
            | Command::Serve { root, .. }
            | Command::Pdf { root, .. }
            | Command::Check { root }
            | Command::Impor { root, .. } => Some(root),
            Command::New { .. } => None,
        }
    }
}
