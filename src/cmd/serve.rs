use crate::cmd::messages::CommandMessage;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tkpk::base::diagnostics::Diagnostic;
use tkpk::base::lang::Lang;
use tkpk::base::messages::Words;
use tkpk::serve::http::{self, Limits};
use tkpk::serve::{Live, Rebuild};

/// For tests: the head timeout in milliseconds instead of `http::HEAD_TIMEOUT`, so that a test
/// of it waits a second or two rather than ten. Not for users (not in `--help`); it can only
/// shorten the limit, never lengthen or lift it.
const HEAD_TIMEOUT_VAR: &str = "TKPK_SERVE_HEAD_TIMEOUT_MS";

fn head_timeout() -> Duration {
    std::env::var(HEAD_TIMEOUT_VAR)
        .ok()
        .and_then(|ms| ms.parse::<u64>().ok())
        .filter(|&ms| ms > 0)
        .map_or(http::HEAD_TIMEOUT, |ms| {
            Duration::from_millis(ms).min(http::HEAD_TIMEOUT)
        })
}

/// One log line per build: the pages, and the files that started it (none at start).
fn report(outcome: &Rebuild, changed: &[std::path::PathBuf]) {
    let millis = outcome.elapsed.as_millis();
    super::print_diagnostics(&outcome.diagnostics, outcome.lang);
    let line = if outcome.ok {
        CommandMessage::ServeRebuilt {
            pages: outcome.pages,
            millis,
            changed: changed.iter().map(|p| p.display().to_string()).collect(),
        }
    } else {
        CommandMessage::ServeRebuildFailed {
            errors: outcome.diagnostics.error_count(),
            millis,
        }
    };
    eprintln!("{}", line.text(outcome.lang));
}

fn open_in_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener).arg(url).spawn();
}

/// Serves the site on 127.0.0.1 only, rebuilding on every change under content/, themes/
/// and site.yaml: the pages a change in one region's folder touches, or the whole site when a
/// change reaches further (see `tkpk::render::Part`).
pub(crate) fn run(root: &Path, port: u16, open: bool) -> ExitCode {
    let live = Arc::new(Live::default());
    // Taken before the first build: an edit made while it runs shows as a change.
    let mut watched = tkpk::serve::Watched::scan(root);
    let first = live.rebuild(root);
    let lang: Lang = first.lang;
    report(&first, &[]);
    let address = format!("127.0.0.1:{port}");
    let listener = match std::net::TcpListener::bind(&address) {
        Ok(l) => l,
        Err(e) => {
            let d = Diagnostic::error(CommandMessage::ServeStartFailed {
                address,
                detail: tkpk::base::messages::IoProblem::of(&e),
            })
            .hint(CommandMessage::HintServePort);
            eprintln!("{}", d.render(lang));
            return ExitCode::FAILURE;
        }
    };
    let url = format!("http://{address}/");
    eprintln!(
        "{}",
        CommandMessage::ServeListening { url: url.clone() }.text(lang)
    );
    {
        let live = Arc::clone(&live);
        let limits = Limits {
            head_timeout: head_timeout(),
            ..Limits::default()
        };
        // A thread per connection, at most MAX_CONNECTIONS at once; beyond them a short 503.
        std::thread::spawn(move || {
            http::serve(
                listener,
                limits,
                move |request| tkpk::serve::handle(&live, request, lang),
                move |request| tkpk::serve::busy(request, lang),
            )
        });
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let watcher = notify_debouncer_mini::new_debouncer(Duration::from_millis(150), tx);
    let mut debouncer = match watcher {
        Ok(d) => d,
        Err(e) => {
            eprintln!(
                "{}",
                Diagnostic::error(CommandMessage::ServeWatchFailed {
                    detail: e.to_string()
                })
                .render(lang)
            );
            return ExitCode::FAILURE;
        }
    };
    use notify_debouncer_mini::notify::RecursiveMode;
    // Absolute paths to watch, so that the events name them the same way.
    let root_abs = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    // The site folder itself is watched without recursion (for site.yaml, which editors often
    // replace rather than rewrite) and content/, themes/ and static/ with it.
    for (path, mode) in [
        (root_abs.clone(), RecursiveMode::NonRecursive),
        (root_abs.join("content"), RecursiveMode::Recursive),
        (root_abs.join("themes"), RecursiveMode::Recursive),
        (root_abs.join("static"), RecursiveMode::Recursive),
    ] {
        if path.exists()
            && let Err(e) = debouncer.watcher().watch(&path, mode)
        {
            eprintln!(
                "{}",
                Diagnostic::error(CommandMessage::ServeWatchFailed {
                    detail: format!("{}: {e}", path.display())
                })
                .render(lang)
            );
        }
    }
    if open {
        open_in_browser(&url);
    }
    for events in rx {
        // Only the paths the watcher names are looked at; when it lost events, everything.
        let paths: Vec<std::path::PathBuf> = match events {
            Ok(events) => events.into_iter().map(|e| e.path).collect(),
            Err(_) => vec![root_abs.clone()],
        };
        let changed = watched.changes(&root_abs, &paths);
        if !changed.is_empty() {
            report(&live.rebuild_after(root, Some(&changed)), &changed);
        }
    }
    ExitCode::SUCCESS
}
