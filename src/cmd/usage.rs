//! clap's own messages (a misspelt command or option, a missing or bad value) said in
//! Indonesian with what to write instead, and the help and version it prints.

use crate::cmd::messages::CommandMessage;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::io::Write;
use std::process::ExitCode;
use tkpk::base::diagnostics::Diagnostic;
use tkpk::base::lang::Lang;
use tkpk::base::messages::{Message, Words};

/// The commands, for the usage line and the list of what exists.
const COMMANDS: [&str; 7] = ["build", "check", "serve", "new", "impor", "pdf", "paket"];

/// Parses this process's arguments; help, version and mistakes are printed (in Indonesian) and
/// give the exit code instead.
pub(crate) fn parse() -> Result<crate::cli::Cli, ExitCode> {
    use clap::FromArgMatches;
    let matches = crate::cli::command().try_get_matches().map_err(said)?;
    crate::cli::Cli::from_arg_matches(&matches).map_err(said)
}

/// Prints what clap stopped on (help and version to stdout, exit 0; a mistake to stderr in
/// Indonesian, exit 2) and returns the exit code.
pub(crate) fn said(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // A closed stdout (`tkpk --help | head`) is no reason to panic.
            let _ = write!(std::io::stdout(), "{}", e.render());
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprintln!(
                "{}\n\n{}",
                CommandMessage::UsageNoCommand.text(Lang::Id),
                e.render()
            );
            ExitCode::from(2)
        }
        _ => {
            let args: Vec<String> = std::env::args_os()
                .skip(1)
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            // `tkpk help` and `tkpk help build` print the help they ask for.
            if let [first, rest @ ..] = args.as_slice()
                && first == "help"
            {
                let mut command = crate::cli::command();
                let help = match rest.first() {
                    Some(name) if COMMANDS.contains(&name.as_str()) => command
                        .find_subcommand_mut(name)
                        .map(|c| c.render_help().to_string()),
                    _ => Some(command.render_help().to_string()),
                };
                if let Some(help) = help {
                    let _ = write!(std::io::stdout(), "{help}");
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("{}", diagnostic(&e, &args).render(Lang::Id));
            ExitCode::from(2)
        }
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => v.first().map(ToString::to_string),
        other => Some(other.to_string()),
    }
}

/// The option's name without its value name: `--port <NOMOR>` → `--port`.
fn option_name(arg: &str) -> String {
    arg.split([' ', '=']).next().unwrap_or(arg).to_string()
}

/// The diagnostic for one mistake on the command line `args` (without the program name).
fn diagnostic(e: &clap::Error, args: &[String]) -> Diagnostic {
    let command = args
        .iter()
        .find(|a| COMMANDS.contains(&a.as_str()))
        .cloned();
    let help = CommandMessage::HintUsageHelp {
        command: command.clone(),
    };
    match e.kind() {
        ErrorKind::InvalidSubcommand => {
            let given = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            if given == "help" {
                return Diagnostic::error(CommandMessage::UsageHelpCommand)
                    .hint(CommandMessage::HintUsageHelp { command: None });
            }
            let d = Diagnostic::error(CommandMessage::UsageUnknownCommand { given });
            match context(e, ContextKind::SuggestedSubcommand) {
                Some(s) => d.hint(Message::HintDidYouMean {
                    suggestion: format!("tkpk {s}"),
                }),
                None => d.hint(CommandMessage::HintCommands {
                    commands: COMMANDS.iter().map(|c| c.to_string()).collect(),
                }),
            }
        }
        ErrorKind::UnknownArgument => {
            let given = context(e, ContextKind::InvalidArg).unwrap_or_default();
            if !given.starts_with('-') {
                // A second word where one value was expected: most often a name with a space
                // written without quotes (`--wilayah Kabupaten Blitar`).
                return Diagnostic::error(CommandMessage::UsageUnexpectedWord { given, command })
                    .hint(CommandMessage::HintQuoteSpaces);
            }
            let d = Diagnostic::error(CommandMessage::UsageUnknownOption {
                given,
                command: command.clone(),
            });
            match context(e, ContextKind::SuggestedArg) {
                Some(s) => d.hint(Message::HintDidYouMean { suggestion: s }),
                None => d.hint(help),
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let option = option_name(&context(e, ContextKind::InvalidArg).unwrap_or_default());
            let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
            let expected = match option.as_str() {
                "--port" => CommandMessage::HintPortNumber,
                "--tahun" => CommandMessage::HintYearNumber,
                _ => help,
            };
            if value.is_empty() {
                Diagnostic::error(CommandMessage::UsageMissingValue { option }).hint(expected)
            } else {
                Diagnostic::error(CommandMessage::UsageBadValue { option, value }).hint(expected)
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let what = context(e, ContextKind::InvalidArg).unwrap_or_default();
            Diagnostic::error(CommandMessage::UsageMissingArgument {
                what,
                command: command.clone(),
            })
            .hint(help)
        }
        ErrorKind::ArgumentConflict => {
            let option = option_name(&context(e, ContextKind::InvalidArg).unwrap_or_default());
            Diagnostic::error(CommandMessage::UsageTwice { option }).hint(help)
        }
        _ => Diagnostic::error(CommandMessage::UsageOther).hint(help),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said_for(line: &[&str]) -> String {
        let args: Vec<String> = line.iter().map(|s| s.to_string()).collect();
        let e = crate::cli::command()
            .try_get_matches_from(std::iter::once("tkpk".to_string()).chain(args.clone()))
            .unwrap_err();
        diagnostic(&e, &args).render(Lang::Id)
    }

    #[test]
    fn mistakes_are_said_in_indonesian_with_what_to_write() {
        let cases: [(&[&str], &str); 9] = [
            (
                &["bild"],
                "galat: perintah `bild` tidak dikenal\n  saran: mungkin maksud Anda `tkpk build`?",
            ),
            (
                &["bikin"],
                "saran: perintah yang ada: build, check, serve, new, impor, pdf, paket",
            ),
            (&["help"], "galat: tkpk tidak punya perintah `help`"),
            (
                &["build", "--rot", "x"],
                "galat: opsi `--rot` tidak dikenal oleh `tkpk build`\n  saran: mungkin maksud Anda `--root`?",
            ),
            (
                &["serve", "--port", "abc"],
                "galat: nilai `abc` untuk `--port` tidak sah\n  saran: tulis nomor port 1–65535, misalnya `--port 8080`",
            ),
            (
                &["pdf", "--tahun", "2025x"],
                "saran: tulis tahun dengan empat angka, misalnya `--tahun 2025`",
            ),
            (
                &["build", "--root"],
                "galat: opsi `--root` memerlukan nilai sesudahnya",
            ),
            (
                &["impor"],
                "galat: `<BERKAS>` belum ditulis: `tkpk impor` memerlukannya\n  saran: lihat cara pakainya dengan `tkpk impor --help`",
            ),
            (
                &["new", "situs", "--wilayah", "Kabupaten", "Ponorogo"],
                "galat: `Ponorogo` tidak diharapkan di sini (`tkpk new`)\n  saran: nama yang memuat spasi diapit tanda kutip",
            ),
        ];
        for (line, expected) in cases {
            let text = said_for(line);
            assert!(text.contains(expected), "{line:?}:\n{text}");
            for english in [
                "error:",
                "tip:",
                "Usage",
                "unexpected argument",
                "For more information",
            ] {
                assert!(!text.contains(english), "{line:?}:\n{text}");
            }
        }
    }
}
