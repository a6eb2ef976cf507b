//! Finding and running headless Chromium for one page.

use crate::base::lang::Lang;
use crate::base::messages::Words;
use crate::pdf::messages::PdfFailure;
use crate::pdf::messages::PdfMessage;
use crate::pdf::numbering::Numbering;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The variable that names the browser program, ahead of any search.
pub const CHROMIUM_ENV: &str = "TKPK_CHROMIUM";
/// The programs looked for on `PATH`, in this order. Microsoft Edge is Chromium and prints the
/// same way; on Windows it is always installed.
pub const CHROMIUM_NAMES: [&str; 7] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "msedge",
    "microsoft-edge",
    "microsoft-edge-stable",
];

/// How Chromium runs for tkpk (and for the browser tests): headless, with no network of its
/// own (no updates, sync or QUIC) and a virtual-time budget for the charts to draw.
pub const HEADLESS_FLAGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--virtual-time-budget=10000",
];

/// What a page printed by tkpk runs before its own scripts (a DevTools tab adds it to every
/// page it loads; the copy of a page printed by a browser of its own has it first in its head):
/// the theme's charts are then drawn once, at the width they are printed at.
pub const PRINTING_MARK: &str = "window.tkpkCetak = true;";

/// A page that takes longer than this is stopped (the charts get 10 s of virtual time).
pub const PRINT_TIMEOUT: Duration = Duration::from_secs(180);

/// A browser tkpk starts dies with it: where tkpk is stopped alone (a kill, or a Ctrl-C sent to
/// it only), the browser and its profile in the work folder would be left running. On Linux the
/// kernel kills the browser when the thread that started it ends (`PR_SET_PDEATHSIG`); elsewhere
/// a Ctrl-C in the console reaches the browser too, and nothing is added.
pub(crate) fn dies_with_tkpk(command: &mut Command) -> &mut Command {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: the closure runs in the child between fork and exec, where only
        // async-signal-safe calls are allowed: it makes one prctl system call and allocates
        // nothing.
        unsafe {
            command.pre_exec(|| {
                rustix::process::set_parent_process_death_signal(Some(
                    rustix::process::Signal::KILL,
                ))
                .map_err(std::io::Error::from)
            });
        }
    }
    command
}

/// No browser to print with; `env` holds `TKPK_CHROMIUM` when it named nothing runnable.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message().text(Lang::En))]
pub struct ChromiumNotFound {
    pub env: Option<String>,
}

impl ChromiumNotFound {
    pub fn message(&self) -> PdfMessage {
        PdfMessage::PdfNoChromium {
            env: self.env.clone(),
        }
    }
}

fn runnable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

fn on_path(name: &str, path: Option<&OsString>) -> Option<PathBuf> {
    let path = path?;
    std::env::split_paths(path).find_map(|dir| {
        let plain = dir.join(name);
        let exe = dir.join(format!("{name}.exe"));
        [plain, exe].into_iter().find(|p| runnable(p))
    })
}

/// Where the installers of other systems put the browser.
fn usual_places() -> Vec<PathBuf> {
    let mut places = Vec::new();
    if cfg!(target_os = "macos") {
        places.push(PathBuf::from(
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        ));
        places.push(PathBuf::from(
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
        ));
        places.push(PathBuf::from(
            "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
        ));
    }
    if cfg!(windows) {
        // Chrome where a user installed it, else Edge, which every Windows 10 and 11 has
        // (under "Program Files (x86)" on 64-bit Windows).
        for program in [
            "Google/Chrome/Application/chrome.exe",
            "Microsoft/Edge/Application/msedge.exe",
        ] {
            for base in ["ProgramFiles", "ProgramFiles(x86)", "LocalAppData"] {
                if let Some(dir) = std::env::var_os(base) {
                    places.push(PathBuf::from(dir).join(program));
                }
            }
        }
    }
    places
}

/// The browser named by `env` (the value of `TKPK_CHROMIUM`: a path, or a name looked up on
/// `path`), else the first of [`CHROMIUM_NAMES`] on `path`, else a usual install location.
/// A set variable that names nothing runnable is an error, not a reason to look elsewhere.
pub fn find_chromium_in(
    env: Option<OsString>,
    path: Option<OsString>,
) -> Result<PathBuf, ChromiumNotFound> {
    if let Some(named) = env.filter(|v| !v.is_empty()) {
        let candidate = PathBuf::from(&named);
        let found = if candidate.components().count() == 1 && !candidate.is_absolute() {
            on_path(&named.to_string_lossy(), path.as_ref())
        } else {
            Some(candidate).filter(|p| runnable(p))
        };
        return found.ok_or(ChromiumNotFound {
            env: Some(named.to_string_lossy().into_owned()),
        });
    }
    CHROMIUM_NAMES
        .iter()
        .find_map(|name| on_path(name, path.as_ref()))
        .or_else(|| usual_places().into_iter().find(|p| runnable(p)))
        .ok_or(ChromiumNotFound { env: None })
}

/// [`find_chromium_in`] with this process's `TKPK_CHROMIUM` and `PATH`.
pub fn find_chromium() -> Result<PathBuf, ChromiumNotFound> {
    find_chromium_in(std::env::var_os(CHROMIUM_ENV), std::env::var_os("PATH"))
}

/// A `file://` URL for a file, with everything outside the unreserved characters escaped.
pub fn file_url(path: &Path) -> String {
    let absolute = path
        .canonicalize()
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf());
    let text = absolute.to_string_lossy().replace('\\', "/");
    // Windows' canonical form starts `\\?\C:\`.
    let text = text.strip_prefix("//?/").unwrap_or(&text);
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            url.push(char::from(b));
        } else {
            let _ = write!(url, "%{b:02X}");
        }
    }
    url
}

/// A page that did not become a PDF.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message().text(Lang::En))]
pub struct PrintError {
    /// The HTML page, as given to [`print`].
    pub page: String,
    pub reason: PdfFailure,
}

impl PrintError {
    pub fn message(&self) -> PdfMessage {
        PdfMessage::PdfPrintFailed {
            page: self.page.clone(),
            reason: self.reason.clone(),
        }
    }

    pub(crate) fn write(page: &str, path: impl AsRef<Path>, e: impl ToString) -> PrintError {
        PrintError {
            page: page.to_string(),
            reason: PdfFailure::Write {
                path: path.as_ref().display().to_string(),
                detail: e.to_string(),
            },
        }
    }
}

/// Why a PDF is not put where something else than a plain file stands (a link, a folder).
pub(crate) fn not_a_plain_file() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::AlreadyExists, "bukan berkas biasa")
}

/// The last few lines Chromium printed, for a failure message.
fn log_tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    last_lines(text.lines())
}

/// The last three non-empty lines, joined, at most 400 characters.
pub(crate) fn last_lines<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let lines: Vec<&str> = lines.map(str::trim).filter(|l| !l.is_empty()).collect();
    let tail = lines[lines.len().saturating_sub(3)..].join(" / ");
    if tail.chars().count() > 400 {
        let cut: String = tail.chars().take(400).collect();
        format!("{cut}…")
    } else {
        tail
    }
}

/// Prints `page` (an HTML file) to `pdf` with the browser at `chromium`, using `work` (an
/// empty folder of its own) for the browser profile and the PDF in the making. `pdf` is
/// replaced only by a finished PDF, and only when it is a plain file or absent.
///
/// The page is numbered as the DevTools path numbers it ([`Numbering`]): a copy of the page
/// beside it (so that its links and assets resolve as the page's own) knows it is printed and
/// runs the numbering script after the page's own; a page with contents lists is printed first
/// to find the pages, then with the numbers, until they hold. Two differences: the page loads
/// with screen media (the command line cannot emulate print media; the theme's charts take the
/// paper's width either way), and, since the copy's script cannot answer which entries are
/// numbered, every named destination must hold. Where no copy can be written beside the page,
/// the page is printed as it is, without numbers.
pub fn print(
    chromium: &Path,
    page: &Path,
    pdf: &Path,
    work: &Path,
    timeout: Duration,
) -> Result<(), PrintError> {
    let name = page.display().to_string();
    let fail = |reason| PrintError {
        page: name.clone(),
        reason,
    };
    let html = std::fs::read_to_string(page).unwrap_or_default();
    let copy = PageCopy::beside(page, &html);
    let bytes = match &copy {
        Some(copy) => {
            let mut numbering = Numbering::for_html(&html);
            loop {
                copy.write(&numbering.script())
                    .map_err(|e| PrintError::write(&name, copy.path(), e))?;
                let bytes = print_once(chromium, copy.path(), work, timeout).map_err(fail)?;
                if numbering.printed(&bytes) {
                    break bytes;
                }
            }
        }
        None => print_once(chromium, page, work, timeout).map_err(fail)?,
    };
    drop(copy);
    place(&bytes, pdf, work, 0).map_err(fail)
}

/// Puts a printed PDF at `pdf` through a file in `work` (in the same folder, so that the
/// rename is atomic): only a PDF, only over a plain file or nothing, never half-written.
pub(crate) fn place(bytes: &[u8], pdf: &Path, work: &Path, n: usize) -> Result<(), PdfFailure> {
    if !bytes.starts_with(b"%PDF") {
        return Err(PdfFailure::NoPdf {
            output: String::from_utf8_lossy(&bytes[..bytes.len().min(80)]).into_owned(),
        });
    }
    let write = |path: &Path, e: std::io::Error| PdfFailure::Write {
        path: path.display().to_string(),
        detail: e.to_string(),
    };
    if let Ok(meta) = std::fs::symlink_metadata(pdf)
        && !meta.is_file()
    {
        return Err(write(pdf, not_a_plain_file()));
    }
    let draft = work.join(format!("cetak-{n}.pdf"));
    std::fs::write(&draft, bytes).map_err(|e| write(&draft, e))?;
    std::fs::rename(&draft, pdf).map_err(|e| {
        let _ = std::fs::remove_file(&draft);
        write(pdf, e)
    })
}

/// A copy of a page, written beside it (`.tkpk-cetak-index.html`) so
/// that its links, anchors and assets resolve as the page's own: [`PRINTING_MARK`] first in its
/// head, the numbering script at its end (after the page's own scripts). Removed when dropped.
struct PageCopy {
    path: PathBuf,
    /// The page up to the end of its head's (or body's) start tag, and the rest.
    head: String,
    rest: String,
}

impl PageCopy {
    /// `None` when the page has no head or body tag to put the mark after, or no file can be
    /// written beside it (a folder that cannot be written).
    fn beside(page: &Path, html: &str) -> Option<PageCopy> {
        // The mark goes right after the head's start tag (whatever its attributes or case), or
        // else the body's, before any script of the page; the numbering script at the very
        // end, which the HTML parser puts at the end of the body, after the page's own scripts.
        let lower = html.to_ascii_lowercase();
        let after_tag = |tag: &str| {
            let start = lower.find(tag)?;
            lower[start..].find('>').map(|end| start + end + 1)
        };
        let head = after_tag("<head").or_else(|| after_tag("<body"))?;
        let name = page.file_name()?.to_string_lossy().into_owned();
        // The same name in every run (nothing of the run reaches the PDF), another where a
        // second run prints the same page at once or a stopped one left its copy.
        let path = (0..100).find_map(|n| {
            let suffix = if n == 0 {
                String::new()
            } else {
                format!("{n}-")
            };
            let path = page.parent()?.join(format!(".tkpk-cetak-{suffix}{name}"));
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .ok()
                .map(|_| path)
        })?;
        Some(PageCopy {
            path,
            head: html[..head].to_string(),
            rest: html[head..].to_string(),
        })
    }

    fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the copy with `script` (the numbering's, [`Numbering::script`]) at its end.
    fn write(&self, script: &str) -> std::io::Result<()> {
        std::fs::write(
            &self.path,
            format!(
                "{}<script>{PRINTING_MARK}</script>{}<script>{script};</script>",
                self.head, self.rest,
            ),
        )
    }
}

impl Drop for PageCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// One print of `page` by a browser of its own (`--print-to-pdf`): the PDF's bytes.
fn print_once(
    chromium: &Path,
    page: &Path,
    work: &Path,
    timeout: Duration,
) -> Result<Vec<u8>, PdfFailure> {
    let draft = work.join("cetak.pdf");
    let log = work.join("chromium.log");
    let _ = std::fs::remove_file(&draft);
    let log_file = std::fs::File::create(&log).map_err(|e| PdfFailure::Write {
        path: log.display().to_string(),
        detail: e.to_string(),
    })?;
    let mut child = dies_with_tkpk(&mut Command::new(chromium))
        .args(HEADLESS_FLAGS)
        .arg("--no-pdf-header-footer")
        .arg("--generate-pdf-document-outline")
        .arg(format!("--user-data-dir={}", work.join("profil").display()))
        .arg(format!("--print-to-pdf={}", draft.display()))
        .arg(file_url(page))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log_file)
        .spawn()
        .map_err(|e| PdfFailure::Start {
            program: chromium.display().to_string(),
            detail: e.to_string(),
        })?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PdfFailure::Timeout {
                    seconds: timeout.as_secs(),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(25)),
            Err(e) => {
                return Err(PdfFailure::Start {
                    program: chromium.display().to_string(),
                    detail: e.to_string(),
                });
            }
        }
    };
    if !status.success() {
        return Err(PdfFailure::Exit {
            code: status.code(),
            output: log_tail(&log),
        });
    }
    match std::fs::read(&draft) {
        Ok(bytes) if bytes.starts_with(b"%PDF") => {
            let _ = std::fs::remove_file(&draft);
            Ok(bytes)
        }
        _ => Err(PdfFailure::NoPdf {
            output: log_tail(&log),
        }),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// A stand-in for Chromium: a shell script that runs `body` with `$out` set to the
    /// `--print-to-pdf` path.
    fn fake(dir: &Path, name: &str, body: &str) -> PathBuf {
        let path = dir.join(name);
        let script = format!(
            "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) out=\"${{a#--print-to-pdf=}}\";; esac; done\n{body}\n"
        );
        std::fs::write(&path, script).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    #[test]
    fn finds_the_variable_then_the_path_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        let path = Some(OsString::from(&bin));
        assert!(
            find_chromium_in(None, path.clone())
                .unwrap_err()
                .env
                .is_none()
        );
        // Not executable: not a program.
        std::fs::write(bin.join("chromium"), "").unwrap();
        assert!(find_chromium_in(None, path.clone()).is_err());
        // Edge alone (a Windows PC, or Linux with microsoft-edge) prints; Chrome goes first.
        let edge = fake(&bin, "msedge", "");
        assert_eq!(find_chromium_in(None, path.clone()).unwrap(), edge);
        let chrome = fake(&bin, "google-chrome", "");
        assert_eq!(find_chromium_in(None, path.clone()).unwrap(), chrome);
        let chromium = fake(&bin, "chromium", "");
        assert_eq!(find_chromium_in(None, path.clone()).unwrap(), chromium);
        let own = fake(dir.path(), "chrome-sendiri", "");
        assert_eq!(
            find_chromium_in(Some(own.clone().into()), path.clone()).unwrap(),
            own
        );
        assert_eq!(
            find_chromium_in(Some("google-chrome".into()), path.clone()).unwrap(),
            chrome
        );
        let missing = find_chromium_in(Some("/nonexistent".into()), path).unwrap_err();
        assert_eq!(missing.env.as_deref(), Some("/nonexistent"));
        assert!(missing.to_string().contains("/nonexistent"));
    }

    #[test]
    fn file_urls_are_absolute_and_escaped() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("laporan 2025 #1.html");
        std::fs::write(&page, "x").unwrap();
        let url = file_url(&page);
        assert!(url.starts_with("file:///"), "{url}");
        assert!(url.ends_with("/laporan%202025%20%231.html"), "{url}");
        assert_eq!(file_url(Path::new("/a/b-c_d.html")), "file:///a/b-c_d.html");
    }

    /// The copy carries the mark first and the numbering script last, whatever the head's
    /// tag looks like (a site's theme may write `<HEAD lang="id">`, or leave `</body>` out),
    /// and is gone when dropped.
    #[test]
    fn a_page_copy_takes_its_scripts_whatever_the_tags_look_like() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("index.html");
        let html = "<!DOCTYPE html><HTML><HEAD lang=\"id\"><title>x</title></HEAD><BODY><p data-halaman-untuk=\"bab-a\"></p>";
        std::fs::write(&page, html).unwrap();
        let copy = PageCopy::beside(&page, html).expect("a copy");
        assert_eq!(copy.path(), dir.path().join(".tkpk-cetak-index.html"));
        copy.write("isi({\"bab-a\":2})").unwrap();
        let written = std::fs::read_to_string(copy.path()).unwrap();
        assert!(
            written.starts_with(&format!(
                "<!DOCTYPE html><HTML><HEAD lang=\"id\"><script>{PRINTING_MARK}</script><title>"
            )),
            "{written}"
        );
        assert!(
            written.ends_with("isi({\"bab-a\":2});</script>"),
            "{written}"
        );
        // A second copy of the same page at once takes another name.
        let second = PageCopy::beside(&page, html).expect("a second copy");
        assert_eq!(second.path(), dir.path().join(".tkpk-cetak-1-index.html"));
        drop((copy, second));
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "only the page is left");
        // A page without contents gets its copy too (its links lose their file address, its
        // charts know they are printed); one without a head or body to mark, none.
        assert!(PageCopy::beside(&page, "<html><head></head><body></body></html>").is_some());
        assert!(PageCopy::beside(&page, "<p>tanpa kepala</p>").is_none());
    }

    #[test]
    fn prints_through_a_draft_and_replaces_only_a_finished_pdf() {
        let dir = tempfile::tempdir().unwrap();
        let work = dir.path().join("kerja");
        std::fs::create_dir(&work).unwrap();
        let page = dir.path().join("index.html");
        std::fs::write(&page, "<p>x</p>").unwrap();
        let pdf = dir.path().join("hasil.pdf");
        std::fs::write(&pdf, "lama").unwrap();
        let good = fake(dir.path(), "baik", "printf '%%PDF-1.4 x' > \"$out\"");
        print(&good, &page, &pdf, &work, PRINT_TIMEOUT).unwrap();
        assert_eq!(std::fs::read(&pdf).unwrap(), b"%PDF-1.4 x");
        assert!(!work.join("cetak.pdf").exists());

        std::fs::write(&pdf, "lama").unwrap();
        let broken = fake(dir.path(), "rusak", "echo 'gagal memuat' >&2; exit 3");
        let e = print(&broken, &page, &pdf, &work, PRINT_TIMEOUT).unwrap_err();
        assert_eq!(
            e.reason,
            PdfFailure::Exit {
                code: Some(3),
                output: "gagal memuat".into()
            }
        );
        let text = e.message().text(Lang::Id);
        assert!(text.contains(&page.display().to_string()), "{text}");
        assert!(text.contains("kode 3: gagal memuat"), "{text}");
        assert_eq!(std::fs::read(&pdf).unwrap(), b"lama");

        let not_pdf = fake(dir.path(), "bukan", "echo '<html>' > \"$out\"");
        let e = print(&not_pdf, &page, &pdf, &work, PRINT_TIMEOUT).unwrap_err();
        assert!(matches!(e.reason, PdfFailure::NoPdf { .. }));
        assert_eq!(std::fs::read(&pdf).unwrap(), b"lama");

        let slow = fake(dir.path(), "lambat", "sleep 5");
        let e = print(&slow, &page, &pdf, &work, Duration::from_millis(200)).unwrap_err();
        assert!(matches!(e.reason, PdfFailure::Timeout { .. }));

        let e = print(
            &dir.path().join("tidak-ada"),
            &page,
            &pdf,
            &work,
            PRINT_TIMEOUT,
        )
        .unwrap_err();
        assert!(matches!(e.reason, PdfFailure::Start { .. }));
    }

    #[test]
    fn does_not_write_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("index.html");
        std::fs::write(&page, "x").unwrap();
        let target = dir.path().join("penting.txt");
        std::fs::write(&target, "penting").unwrap();
        let pdf = dir.path().join("hasil.pdf");
        std::os::unix::fs::symlink(&target, &pdf).unwrap();
        let good = fake(dir.path(), "baik", "printf '%%PDF' > \"$out\"");
        let e = print(&good, &page, &pdf, dir.path(), PRINT_TIMEOUT).unwrap_err();
        assert!(matches!(e.reason, PdfFailure::Write { .. }));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "penting");
    }
}
