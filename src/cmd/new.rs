use crate::cmd::messages::CommandMessage;
use std::path::Path;
use std::process::ExitCode;
use tkpk::base::diagnostics::Diagnostic;
use tkpk::base::lang::Lang;
use tkpk::base::messages::Words;
use tkpk::base::suggest::suggestion;
use tkpk::output::messages::OutputMessage;
use tkpk::scaffold::{self, ScaffoldError};

pub(crate) fn run(dir: &Path, region: &str, province: &str) -> ExitCode {
    let lang = Lang::Id;
    match scaffold::create(dir, region, province) {
        Ok(_) => {
            eprintln!(
                "{}",
                CommandMessage::NewCreated {
                    path: dir.display().to_string(),
                    region: region.to_string(),
                }
                .text(lang)
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            let d = match e {
                ScaffoldError::NotEmpty(p) => Diagnostic::error(CommandMessage::NewNotEmpty {
                    path: p.display().to_string(),
                })
                .hint(CommandMessage::HintNewDir),
                ScaffoldError::UnknownProvince(slug) => {
                    let known: Vec<String> = scaffold::province_slugs()
                        .iter()
                        .map(|s| s.to_string())
                        .collect();
                    // Compared in slug form: "Jawa Timr" is near `jawa-timur`.
                    let typed = scaffold::slug(slug.trim().trim_start_matches("Provinsi "));
                    Diagnostic::error(CommandMessage::NewUnknownProvince { slug: slug.clone() })
                        .hint(suggestion(&typed, &known))
                }
                ScaffoldError::UnknownRegion(name, known) => {
                    Diagnostic::error(CommandMessage::NewUnknownRegion { name: name.clone() })
                        .hint(suggestion(&name, &known))
                }
                ScaffoldError::BadRegionName(name) => {
                    Diagnostic::error(CommandMessage::NewBadRegionName { name })
                        .hint(CommandMessage::HintRegionName)
                }
                ScaffoldError::Write(p, err) => Diagnostic::error(OutputMessage::WriteFailed {
                    path: p.display().to_string(),
                    detail: tkpk::base::messages::IoProblem::of(&err),
                }),
            };
            eprintln!("{}", d.render(lang));
            ExitCode::FAILURE
        }
    }
}
