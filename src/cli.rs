//! The command line (clap derive). Each command lives in `cmd/`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// tkpk — situs laporan penanggulangan kemiskinan daerah (LP2KD) dari berkas YAML dan markdown.
#[derive(Parser, Debug)]
#[command(name = "tkpk", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Membangun situs ke folder keluaran (bawaan: output/).
    Build {
        /// Folder situs yang memuat site.yaml dan content/ (bawaan: folder saat ini).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Folder keluaran (bawaan: output/ di dalam folder situs).
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Memeriksa semua berkas tanpa menulis apa pun.
    Check {
        /// Folder situs yang memuat site.yaml dan content/ (bawaan: folder saat ini).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}
