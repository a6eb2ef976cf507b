use crate::cmd::messages::CommandMessage;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tkpk::base::diagnostics::Diagnostic;
use tkpk::base::lang::Lang;
use tkpk::base::messages::Words;
use tkpk::serve::{Live, Rebuild};

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
    let server = match tiny_http::Server::http(&address) {
        Ok(s) => Arc::new(s),
        Err(e) => {
            let d = Diagnostic::error(CommandMessage::ServeStartFailed {
                address,
                detail: e.to_string(),
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
        let server = Arc::clone(&server);
        std::thread::spawn(move || {
            // A thread per request, but never more than a set number at once: beyond it, a
            // short 503 from this thread (a page open in a few tabs, each holding its reload
            // stream, stays far below it).
            let in_flight = Arc::new(std::sync::atomic::AtomicUsize::new(0));
            for request in server.incoming_requests() {
                use std::sync::atomic::Ordering;
                if in_flight.load(Ordering::SeqCst) >= tkpk::serve::MAX_CONNECTIONS {
                    tkpk::serve::busy(request, lang);
                    continue;
                }
                in_flight.fetch_add(1, Ordering::SeqCst);
                let live = Arc::clone(&live);
                let in_flight = Arc::clone(&in_flight);
                std::thread::spawn(move || {
                    // Released however the handler ends (a panic included).
                    struct Slot(Arc<std::sync::atomic::AtomicUsize>);
                    impl Drop for Slot {
                        fn drop(&mut self) {
                            self.0.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                        }
                    }
                    let _slot = Slot(in_flight);
                    tkpk::serve::handle(&live, request, lang);
                });
            }
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
