//! `tkpk serve`: the site built in memory and served on 127.0.0.1, rebuilt when a file
//! changes, with open pages reloaded over server-sent events. A broken file shows its
//! diagnostics as an overlay over the last good site, which stays served.
//!
//! The server injects its reload script and overlay into the HTML it serves; nothing of it
//! reaches `tkpk build` output.

pub mod http;
mod watched;

pub use http::MAX_CONNECTIONS;
pub use watched::Watched;

use crate::base::diagnostics::Diagnostics;
use crate::base::lang::Lang;
use crate::output::OutputFile;
use crate::render::Part;
use crate::site;
use http::{Request, Response};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// The path of the event stream and of the reload script (not a page of the site).
pub const EVENTS_PATH: &str = "/__tkpk/peristiwa";
pub const SCRIPT_PATH: &str = "/__tkpk/muat-ulang.js";

const RELOAD_SCRIPT: &str = r#"(function () {
  var source = new EventSource("/__tkpk/peristiwa");
  var seen = null;
  source.addEventListener("versi", function (e) {
    if (seen === null) { seen = e.data; return; }
    if (e.data !== seen) { window.location.reload(); }
  });
})();
"#;

/// What is being served now.
#[derive(Default)]
pub struct LiveState {
    /// Output files by path relative to the site root (`kabupaten-blitar/2025/index.html`).
    pub files: BTreeMap<String, Vec<u8>>,
    /// The diagnostics of the last failed rebuild, as printed; none after a good one.
    pub problems: Option<String>,
    /// Grows with every rebuild, good or not; pages reload when it changes.
    pub version: u64,
}

/// The served state and a signal for the event streams.
#[derive(Default)]
pub struct Live {
    pub state: Mutex<LiveState>,
    pub changed: Condvar,
    /// What the rebuilds know between runs (only the rebuilding thread takes it).
    memory: Mutex<Memory>,
    /// Parsed files by size and modification time: a rebuild parses only what changed.
    cache: crate::content::ParseCache,
}

/// The last site that built, and the files changed since: a partial rebuild compares against
/// the last good site, so changes made while the site was broken are not forgotten.
#[derive(Default)]
struct Memory {
    site: Option<crate::model::Site>,
    pending: BTreeSet<PathBuf>,
}

/// The outcome of one rebuild.
pub struct Rebuild {
    pub ok: bool,
    /// What was rendered again, when not the whole site.
    pub part: Option<Part>,
    pub pages: usize,
    pub elapsed: Duration,
    pub diagnostics: Diagnostics,
    pub lang: Lang,
}

/// What a rebuild renders: the whole site, or the part a change touches.
enum Rendered {
    Whole(Vec<OutputFile>),
    Part(Part, Vec<OutputFile>),
}

impl Live {
    /// Builds the whole site at `root` in memory and serves it if it built; otherwise keeps the
    /// last good site and shows the diagnostics over it.
    pub fn rebuild(&self, root: &Path) -> Rebuild {
        self.rebuild_after(root, None)
    }

    /// Rebuilds after the files `changed` (relative to `root`; `None`: unknown, rebuild
    /// everything). When they all lie in regions' own folders, only the pages that depend on
    /// those regions are rendered again (see [`Part::after`]) and every other file is kept.
    pub fn rebuild_after(&self, root: &Path, changed: Option<&[PathBuf]>) -> Rebuild {
        let started = Instant::now();
        let mut memory = self.memory.lock().unwrap_or_else(|p| p.into_inner());
        let everything = changed.is_none();
        memory
            .pending
            .extend(changed.into_iter().flatten().cloned());
        // The files changed since the last load (not since the last good build): the cache
        // reflects the last load.
        let loaded = match changed {
            Some(changed) => {
                let changed: BTreeSet<PathBuf> = changed.iter().cloned().collect();
                site::load_cached_after(root, &self.cache, &changed)
            }
            None => site::load_cached(root, &self.cache),
        };
        let lang = loaded.lang;
        // What `serve` shows is the author's preview: a draft (every report and sheet, marked
        // DRAF, with the author's notes).
        let mut loaded = loaded;
        if let Some(site) = loaded.site.as_mut() {
            site.draft = true;
        }
        let mut diagnostics = loaded.diagnostics;
        let rendered = loaded.site.as_ref().and_then(|new| {
            let part = memory
                .site
                .as_ref()
                .filter(|_| !everything)
                .and_then(|old| Part::after(old, new, &memory.pending));
            let result = match part {
                Some(part) => {
                    site::render_part_files(root, new, &part).map(|f| Rendered::Part(part, f))
                }
                None => site::render_files(root, new).map(Rendered::Whole),
            };
            result.map_err(|more| diagnostics.extend(more)).ok()
        });
        let ok = rendered.is_some();
        let part = match &rendered {
            Some(Rendered::Part(part, _)) => Some(part.clone()),
            _ => None,
        };
        if ok {
            // The old site goes on another thread: freeing a national site takes milliseconds
            // the rebuild need not wait for.
            let old = std::mem::replace(&mut memory.site, loaded.site);
            std::thread::spawn(move || drop(old));
            memory.pending.clear();
        }
        let base_url = memory.site.as_ref().and_then(|s| s.config.base_url.clone());
        drop(memory);
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        match rendered {
            Some(Rendered::Whole(files)) => {
                state.files = files.into_iter().map(|f| (f.path, f.bytes)).collect();
                state.problems = None;
            }
            Some(Rendered::Part(part, files)) => {
                // A region rendered again loses what it no longer writes (a removed year).
                let owned = part.owned(&state.files);
                for path in owned {
                    state.files.remove(&path);
                }
                state
                    .files
                    .extend(files.into_iter().map(|f| (f.path, f.bytes)));
                // The sitemap (when there is one) lists the pages now served.
                if let Some(base) = base_url {
                    let pages: Vec<&str> = state.files.keys().map(String::as_str).collect();
                    let sitemap = crate::render::sitemap::files(&base, &pages);
                    state
                        .files
                        .extend(sitemap.into_iter().map(|f| (f.path, f.bytes)));
                }
                state.problems = None;
            }
            None => state.problems = Some(diagnostics.render(lang)),
        }
        let pages = state.files.keys().filter(|p| p.ends_with(".html")).count();
        state.version += 1;
        drop(state);
        self.changed.notify_all();
        Rebuild {
            ok,
            part,
            pages,
            elapsed: started.elapsed(),
            diagnostics,
            lang,
        }
    }
}

/// Why a request was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A `..` segment, a backslash or a NUL: an attempt to leave the site.
    Traversal,
}

fn percent_decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(v) = u8::from_str_radix(
                std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                16,
            )
        {
            out.push(v);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// The site file a request URL names: `/` → `index.html`, `/a/` → `a/index.html`.
pub fn resolve(url: &str) -> Result<String, Refusal> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = String::from_utf8_lossy(&percent_decode(path)).into_owned();
    if decoded.contains('\\') || decoded.contains('\0') {
        return Err(Refusal::Traversal);
    }
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| *s == ".." || *s == ".") {
        return Err(Refusal::Traversal);
    }
    let mut file = segments.join("/");
    if file.is_empty() || decoded.ends_with('/') {
        if !file.is_empty() {
            file.push('/');
        }
        file.push_str("index.html");
    }
    Ok(file)
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An HTML page with the reload script and, after a failed rebuild, the diagnostics overlay.
pub fn inject(html: &str, problems: Option<&str>, lang: Lang) -> String {
    let mut extra = format!("<script src=\"{SCRIPT_PATH}\"></script>");
    if let Some(text) = problems {
        let (title, note) = match lang {
            Lang::Id => (
                "tkpk: perubahan terakhir belum dapat dibangun",
                "Halaman di bawah ini adalah versi terakhir yang berhasil. Perbaiki berkasnya; halaman ini dimuat ulang sendiri.",
            ),
            Lang::En => (
                "tkpk: the latest change cannot be built",
                "The page below is the last version that built. Fix the file; this page reloads by itself.",
            ),
        };
        extra.push_str(&format!(
            "<div id=\"tkpk-galat\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(27,31,36,.94);color:#fff;padding:1.5rem;font:14px/1.5 monospace\"><p style=\"font-weight:bold;color:#ff8a80;font-size:16px\">{}</p><p>{}</p><pre style=\"white-space:pre-wrap\">{}</pre></div>",
            escape_html(title),
            escape_html(note),
            escape_html(text)
        ));
    }
    match html.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &html[..i], &html[i..]),
        None => format!("{html}{extra}"),
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("pdf") => "application/pdf",
        Some("woff2") => "font/woff2",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("csv") => "text/csv; charset=utf-8",
        Some("xml") => "application/xml",
        _ => "text/plain; charset=utf-8",
    }
}

fn respond(request: Request, status: u16, kind: &str, body: Vec<u8>) {
    request.respond(Response::new(status, kind, body));
}

/// Streams `versi` events: one on connecting, one after every rebuild, a comment line every
/// 5 s to keep the connection open. Ends when the browser goes away, or when a message cannot
/// be written within the write timeout (a client that stopped reading).
fn stream_events(live: &Live, request: Request) {
    let Some(mut stream) = request.into_stream("text/event-stream") else {
        return;
    };
    let mut seen = None;
    loop {
        let version = {
            let state = live.state.lock().unwrap_or_else(|p| p.into_inner());
            let (state, _) = live
                .changed
                .wait_timeout_while(state, Duration::from_secs(5), |s| Some(s.version) == seen)
                .unwrap_or_else(|p| p.into_inner());
            state.version
        };
        let message = if Some(version) == seen {
            ": tetap\n\n".to_string()
        } else {
            seen = Some(version);
            format!("event: versi\ndata: {version}\n\n")
        };
        if stream.send(message.as_bytes()).is_err() {
            return;
        }
    }
}

/// The longest part of a requested path a 404 page repeats.
const SHOWN_PATH: usize = 120;

/// The answer to a request beyond [`MAX_CONNECTIONS`]: come back in a moment.
pub fn busy(request: Request, lang: Lang) {
    let text = match lang {
        Lang::Id => "503: terlalu banyak permintaan sekaligus; muat ulang sebentar lagi",
        Lang::En => "503: too many requests at once; reload in a moment",
    };
    respond(
        request,
        503,
        "text/plain; charset=utf-8",
        text.as_bytes().to_vec(),
    );
}

/// Whether a `Host` header names this machine: 127.0.0.1, localhost or [::1], any port.
fn local_host(host: &str) -> bool {
    let name = if host.starts_with('[') {
        host.split(']').next().map(|h| format!("{h}]"))
    } else {
        host.split(':').next().map(str::to_string)
    };
    matches!(
        name.as_deref().map(str::to_ascii_lowercase).as_deref(),
        Some("127.0.0.1" | "localhost" | "[::1]")
    )
}

/// Answers one request (GET or HEAD: the server refuses any other) from the served state.
pub fn handle(live: &Live, request: Request, lang: Lang) {
    // A page elsewhere on the web could point its own name at 127.0.0.1 and read the draft
    // site through the browser (DNS rebinding): only this machine's own names are answered.
    if let Some(host) = request.header("Host")
        && !local_host(host)
    {
        let text = match lang {
            Lang::Id => "403: tkpk serve hanya melayani http://127.0.0.1 dan http://localhost",
            Lang::En => "403: tkpk serve answers only http://127.0.0.1 and http://localhost",
        };
        return respond(
            request,
            403,
            "text/plain; charset=utf-8",
            text.as_bytes().to_vec(),
        );
    }
    let url = request.url().to_string();
    if url.split('?').next() == Some(EVENTS_PATH) {
        return stream_events(live, request);
    }
    if url.split('?').next() == Some(SCRIPT_PATH) {
        return respond(
            request,
            200,
            content_type(".js"),
            RELOAD_SCRIPT.as_bytes().to_vec(),
        );
    }
    let file = match resolve(&url) {
        Ok(f) => f,
        Err(Refusal::Traversal) => {
            let text = match lang {
                Lang::Id => "403: alamat ini keluar dari folder situs dan ditolak",
                Lang::En => "403: this address leaves the site folder and is refused",
            };
            return respond(
                request,
                403,
                "text/plain; charset=utf-8",
                text.as_bytes().to_vec(),
            );
        }
    };
    let state = live.state.lock().unwrap_or_else(|p| p.into_inner());
    let found = state
        .files
        .get(&file)
        .map(|b| (file.clone(), b.clone()))
        .or_else(|| {
            let dir = format!("{file}/index.html");
            state.files.get(&dir).map(|b| (dir, b.clone()))
        });
    let problems = state.problems.clone();
    drop(state);
    match found {
        Some((path, bytes)) if path.ends_with(".html") => {
            let html = inject(&String::from_utf8_lossy(&bytes), problems.as_deref(), lang);
            respond(request, 200, content_type(&path), html.into_bytes())
        }
        Some((path, bytes)) => respond(request, 200, content_type(&path), bytes),
        None => {
            // A long address is not repeated whole (a 1 MB path made a 1 MB page).
            let shown: String = if file.chars().count() > SHOWN_PATH {
                file.chars().take(SHOWN_PATH).chain("…".chars()).collect()
            } else {
                file.clone()
            };
            let text = match lang {
                Lang::Id => format!(
                    "<!DOCTYPE html><html lang=\"id\"><meta charset=\"utf-8\"><title>404</title><p>Halaman <code>{}</code> tidak ada di situs ini. <a href=\"/index.html\">Ke beranda</a></p></html>",
                    escape_html(&shown)
                ),
                Lang::En => format!(
                    "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>404</title><p>There is no page <code>{}</code> in this site. <a href=\"/index.html\">Home</a></p></html>",
                    escape_html(&shown)
                ),
            };
            let html = inject(&text, problems.as_deref(), lang);
            respond(request, 404, content_type(".html"), html.into_bytes())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_map_to_site_files() {
        assert_eq!(resolve("/").unwrap(), "index.html");
        assert_eq!(
            resolve("/kabupaten-blitar/").unwrap(),
            "kabupaten-blitar/index.html"
        );
        assert_eq!(
            resolve("/kabupaten-blitar/2025/index.html?x=1").unwrap(),
            "kabupaten-blitar/2025/index.html"
        );
        assert_eq!(
            resolve("/assets/echarts/echarts.min.js").unwrap(),
            "assets/echarts/echarts.min.js"
        );
    }

    #[test]
    fn traversal_is_refused_in_every_spelling() {
        for url in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%5c..%5cwindows",
            "/a/%00",
            "/./index.html",
        ] {
            assert_eq!(resolve(url), Err(Refusal::Traversal), "{url}");
        }
    }

    #[test]
    fn pages_get_the_reload_script_and_the_overlay_escaped() {
        let page = "<html><body><p>7,57</p></body></html>";
        let plain = inject(page, None, Lang::Id);
        assert!(
            plain.contains("<p>7,57</p><script src=\"/__tkpk/muat-ulang.js\"></script></body>")
        );
        assert!(!plain.contains("tkpk-galat"));
        let broken = inject(page, Some("galat: <b>x</b>\n  --> a.yaml:3:14"), Lang::Id);
        assert!(broken.contains("id=\"tkpk-galat\""));
        assert!(broken.contains("galat: &lt;b&gt;x&lt;/b&gt;") && broken.contains("a.yaml:3:14"));
        assert!(broken.contains("<p>7,57</p>"));
    }
}
