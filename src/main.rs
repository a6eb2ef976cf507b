//! The `tkpk` binary: parses the command line and calls the library.

#![warn(unreachable_pub)]

mod cli;
mod cmd;

use cli::Command;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cmd::usage::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    // An import stopped in the middle is rolled back before any command reads the site.
    // When that fails, only `check` goes on (to report): nothing is published or imported
    // over half an import.
    if let Some(root) = cli.command.site_root()
        && !cmd::recover_import(root)
        && !matches!(cli.command, Command::Check { .. })
    {
        return ExitCode::FAILURE;
    }
    // Pdf, paket and check read the site whole, never in the middle of an import (pdf and
    // paket make the lock file when no import has yet; check, which leaves the site folder as
    // it was, never does; build takes it in `cmd::build`, once its output is accepted).
    let _reading = match &cli.command {
        Command::Pdf { root, .. } | Command::Paket { root, .. } => {
            tkpk::import::journal::lock_shared(root, true)
        }
        Command::Check { root } => tkpk::import::journal::lock_shared(root, false),
        _ => None,
    };
    match &cli.command {
        Command::Build {
            root,
            output,
            tanpa_tunggu,
            draf,
        } => cmd::build::run(root, output.as_deref(), !tanpa_tunggu, *draf),
        Command::Check { root } => cmd::check::run(root),
        Command::Pdf {
            root,
            wilayah,
            tahun,
            keluar,
            draf,
        } => cmd::pdf::run(root, wilayah.as_deref(), *tahun, keluar.as_deref(), *draf),
        Command::Paket {
            root,
            wilayah,
            tahun,
            tanggal,
            keluaran,
            timpa,
            draf,
        } => cmd::paket::run(
            root,
            (wilayah, *tahun),
            tanggal.as_deref(),
            keluaran.as_deref(),
            (*timpa, *draf),
        ),
        Command::Serve { root, port, buka } => cmd::serve::run(root, *port, *buka),
        Command::New {
            dir,
            wilayah,
            provinsi,
        } => cmd::new::run(dir, wilayah, provinsi),
        Command::Impor {
            file,
            root,
            indicator,
            region,
            year,
            overwrite,
            skip_bad_rows,
            dry_run,
        } => {
            let options = tkpk::import::Options {
                indicator: indicator.clone(),
                region: region.clone(),
                year: *year,
                overwrite: *overwrite,
                skip_bad_rows: *skip_bad_rows,
                dry_run: *dry_run,
            };
            cmd::impor::run(root, file, &options)
        }
    }
}
