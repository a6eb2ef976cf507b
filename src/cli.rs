//! The command line (clap derive), in Indonesian: the help of every command; `cmd::usage`
//! parses with it and words clap's own errors. Each command lives in `cmd/`.

use clap::{ArgAction, Parser, Subcommand};
use std::path::PathBuf;

/// tkpk: situs laporan penanggulangan kemiskinan daerah (LP2KD) dari berkas YAML dan markdown.
#[derive(Parser, Debug)]
#[command(
    name = "tkpk",
    version,
    about = "tkpk: situs laporan penanggulangan kemiskinan daerah (LP2KD) dari berkas YAML dan markdown.",
    long_about = None,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_value_name = "PERINTAH",
    subcommand_help_heading = "Perintah",
    next_help_heading = "Opsi",
    after_help = "Bantuan satu perintah: `tkpk build --help`. Panduan lengkap: README.md."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Menampilkan bantuan ini.
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true, display_order = 999)]
    help: Option<bool>,
    /// Menampilkan versi tkpk.
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Membangun situs ke folder keluaran (bawaan: output/).
    Build {
        /// Folder situs yang memuat site.yaml dan content/ (bawaan: folder saat ini).
        #[arg(long, default_value = ".", value_name = "FOLDER")]
        root: PathBuf,
        /// Folder keluaran (bawaan: output/ di dalam folder situs).
        #[arg(long, value_name = "FOLDER")]
        output: Option<PathBuf>,
        /// Bila build lain sedang menulis ke folder keluaran yang sama, berhenti dengan pesan
        /// alih-alih menunggunya selesai.
        #[arg(long = "tanpa-tunggu")]
        tanpa_tunggu: bool,
        /// Membangun draf ke output-draf/: semua laporan dan lembar penilaian (juga yang tidak
        /// diterbitkan menurut `terbit:`), bertanda DRAF, dengan catatan penulis.
        #[arg(long)]
        draf: bool,
    },
    /// Menyajikan situs di http://127.0.0.1 dan membangun ulang setiap kali berkas berubah.
    Serve {
        /// Folder situs yang memuat site.yaml dan content/ (bawaan: folder saat ini).
        #[arg(long, default_value = ".", value_name = "FOLDER")]
        root: PathBuf,
        /// Port di 127.0.0.1 (bawaan: 1111).
        #[arg(long, default_value_t = 1111, value_name = "NOMOR")]
        port: u16,
        /// Membuka situs di peramban setelah siap.
        #[arg(long)]
        buka: bool,
    },
    /// Membuat folder situs baru yang langsung dapat dibangun.
    New {
        /// Folder yang dibuat (harus belum ada atau kosong).
        #[arg(value_name = "FOLDER")]
        dir: PathBuf,
        /// Nama resmi wilayah, misalnya "Kabupaten Blitar" atau "Kota Kediri" (bawaan: "Kabupaten
        /// Contoh", situs latihan).
        #[arg(long, default_value = "Kabupaten Contoh", value_name = "NAMA")]
        wilayah: String,
        /// Provinsinya, misalnya "Jawa Timur" atau jawa-timur (bawaan: jawa-timur).
        #[arg(long, default_value = "jawa-timur", value_name = "PROVINSI")]
        provinsi: String,
    },
    /// Membangun situs, lalu mencetak laporan dan lembar penilaian ke PDF dengan Chromium.
    Pdf {
        /// Folder situs yang memuat site.yaml dan content/ (bawaan: folder saat ini).
        #[arg(long, default_value = ".", value_name = "FOLDER")]
        root: PathBuf,
        /// Hanya wilayah ini (nama foldernya, misalnya kabupaten-blitar).
        #[arg(long, value_name = "WILAYAH")]
        wilayah: Option<String>,
        /// Hanya laporan tahun ini.
        #[arg(long, value_name = "TAHUN")]
        tahun: Option<i32>,
        /// Folder PDF (bawaan: pdf/ di dalam folder situs).
        #[arg(long, value_name = "FOLDER")]
        keluar: Option<PathBuf>,
        /// Mencetak draf (dibangun ke output-draf/): bertanda DRAF di setiap halaman, dengan
        /// catatan penulis; nama berkasnya berakhiran -draf.pdf.
        #[arg(long)]
        draf: bool,
    },
    /// Membangun situs, mencetak laporan dan lembar penilaian satu wilayah dan tahun, lalu
    /// mengemasnya bersama tabel XLSX, berkas bukti dan daftar isi (MANIFEST.txt) dalam satu ZIP
    /// untuk penilaian kinerja.
    Paket {
        /// Folder situs yang memuat site.yaml dan content/ (bawaan: folder saat ini).
        #[arg(long, default_value = ".", value_name = "FOLDER")]
        root: PathBuf,
        /// Wilayahnya (nama foldernya, misalnya kabupaten-blora).
        #[arg(long, value_name = "WILAYAH")]
        wilayah: String,
        /// Tahun laporannya.
        #[arg(long, value_name = "TAHUN")]
        tahun: i32,
        /// Tanggal build di MANIFEST.txt dan di setiap berkas ZIP, TAHUN-BULAN-HARI (bawaan:
        /// tanggal pengesahan.yaml, atau tanggal terakhir di kelembagaan.yaml tahun itu, atau 31
        /// Desember tahun itu).
        #[arg(long, value_name = "TANGGAL")]
        tanggal: Option<String>,
        /// Berkas ZIP yang ditulis (bawaan: paket/<wilayah>-<tahun>.zip di dalam folder situs).
        #[arg(long, value_name = "BERKAS")]
        keluaran: Option<PathBuf>,
        /// Menimpa paket yang sudah ada dan isinya lain.
        #[arg(long)]
        timpa: bool,
        /// Paket draf untuk diperiksa sebelum disahkan: dibangun dan dicetak sebagai draf
        /// (bertanda DRAF, juga bila bagian wajib belum ada), ditulis ke
        /// paket/<wilayah>-<tahun>-draf.zip.
        #[arg(long)]
        draf: bool,
    },
    /// Memeriksa semua berkas tanpa menulis apa pun.
    Check {
        /// Folder situs yang memuat site.yaml dan content/ (bawaan: folder saat ini).
        #[arg(long, default_value = ".", value_name = "FOLDER")]
        root: PathBuf,
    },
    /// Mengimpor tabel BPS (CSV atau XLSX) ke indikator.yaml dan berkas referensi, atau matriks
    /// program OPD (RAT, laporan semester) ke program.yaml.
    Impor {
        /// Berkas tabel: .csv atau .xlsx.
        #[arg(value_name = "BERKAS")]
        file: PathBuf,
        /// Folder situs yang memuat site.yaml dan content/ (bawaan: folder saat ini).
        #[arg(long, default_value = ".", value_name = "FOLDER")]
        root: PathBuf,
        /// Kunci indikator tabel BPS, misalnya p0 (bawaan: dikenali dari judul tabel).
        #[arg(long = "indikator", value_name = "KUNCI")]
        indicator: Option<String>,
        /// Hanya wilayah ini (nama foldernya, misalnya kabupaten-blitar); wajib untuk matriks program.
        #[arg(long = "wilayah", value_name = "WILAYAH")]
        region: Option<String>,
        /// Hanya tahun ini; wajib untuk matriks program.
        #[arg(long = "tahun", value_name = "TAHUN")]
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
            | Command::Paket { root, .. }
            | Command::Check { root }
            | Command::Impor { root, .. } => Some(root),
            Command::New { .. } => None,
        }
    }
}

/// The usage line's template: clap's own headings ("Usage:", "Options:") are English.
const TEMPLATE: &str = "{about-with-newline}\nCara pakai: {usage}\n\n{all-args}{after-help}";

/// The command line as clap parses it, worded in Indonesian throughout: every command's help
/// has the Indonesian template, an Indonesian usage line, "Opsi" for its options and no
/// English `[default: …]` (each help text says its default in words).
pub(crate) fn command() -> clap::Command {
    use clap::CommandFactory;
    Cli::command()
        .help_template(TEMPLATE)
        .override_usage("tkpk <PERINTAH> [OPSI]")
        .mut_subcommands(|sub| {
            let name = sub.get_name().to_string();
            let positionals: String = sub
                .get_positionals()
                .map(|a| {
                    let value = a
                        .get_value_names()
                        .and_then(|v| v.first())
                        .map_or_else(|| a.get_id().to_string(), |v| v.to_string());
                    format!(" <{value}>")
                })
                .collect();
            sub.help_template(TEMPLATE)
                .override_usage(format!("tkpk {name}{positionals} [OPSI]"))
                .next_help_heading("Opsi")
                .mut_args(|a| {
                    let takes_value = a.get_action().takes_values();
                    let a = a.hide_default_value(takes_value);
                    if a.is_positional() {
                        a.help_heading("Argumen")
                    } else {
                        a.help_heading("Opsi")
                    }
                })
        })
}

#[cfg(test)]
mod tests {
    /// clap's own consistency checks over the whole command line (run at parse time only in
    /// debug builds, so a release could carry a mistake a test build would catch).
    #[test]
    fn the_command_line_is_consistent() {
        super::command().debug_assert();
    }

    /// Every command's help is Indonesian: none of clap's English words.
    #[test]
    fn every_help_is_indonesian() {
        let mut command = super::command();
        let mut helps = vec![command.render_help().to_string()];
        for sub in command.get_subcommands_mut() {
            helps.push(sub.render_help().to_string());
        }
        assert_eq!(helps.len(), 8);
        for help in helps {
            for english in [
                "Usage",
                "Options",
                "Arguments",
                "Commands",
                "Print help",
                "Print version",
                "[default",
                "<ROOT>",
                "<FILE>",
            ] {
                assert!(!help.contains(english), "`{english}` in:\n{help}");
            }
            assert!(help.contains("Cara pakai: tkpk"), "{help}");
            assert!(help.contains("-h, --help"), "{help}");
        }
    }
}
