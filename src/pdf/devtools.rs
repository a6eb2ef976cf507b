//! One browser for a whole `tkpk pdf` run, driven through the Chrome DevTools Protocol: the
//! browser is started once with `--remote-debugging-port=0`, tells on its standard error where
//! its WebSocket listens, and prints the pages in a few tabs at once (`Page.printToPDF`). The
//! WebSocket is tungstenite's synchronous client; one thread reads every answer and moves each
//! tab along, so no answer waits behind another tab's page.
//!
//! A tab goes: created → attached (its own session) → marked (its pages know they are printed)
//! → idle; then for each page: navigated → loaded (its load event, or `document.readyState`
//! asked now and then until `complete`) → numbered and printed ([`Numbering`]) → idle. A tab
//! whose page takes too long or crashes is closed and replaced; if the browser itself goes,
//! every page not yet printed fails with what it last wrote.

use crate::pdf::chromium::{HEADLESS_FLAGS, PRINTING_MARK, file_url, last_lines, place};
use crate::pdf::messages::PdfFailure;
use crate::pdf::numbering::Numbering;
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};
use tungstenite::protocol::WebSocketConfig;
use tungstenite::{Message, WebSocket};

/// How long the browser may take to say where it listens.
pub const LAUNCH_TIMEOUT: Duration = Duration::from_secs(60);
/// How long the loop rests when the browser has nothing to say.
const TICK: Duration = Duration::from_millis(10);
/// How many errors a loading page may answer before it fails.
const LOADING_ERRORS: u32 = 100;
/// How often a loading page is asked whether it is complete, in case its load event
/// (`Page.loadEventFired`, which says so at once) is missed: every question interrupts the
/// page, so a report that loads in 300 ms is asked two or three times, not thirty.
const ASK_AGAIN: Duration = Duration::from_millis(100);
/// The last lines of the browser's standard error kept for a failure message.
const LOG_LINES: usize = 20;

/// A running browser and the WebSocket to it. Dropping it stops the browser.
pub struct Browser {
    child: Child,
    socket: WebSocket<TcpStream>,
    next_id: u64,
    log: Arc<Mutex<VecDeque<String>>>,
}

/// One page to print: the HTML file and the PDF to write.
#[derive(Clone, Debug)]
pub struct Page {
    pub html: PathBuf,
    pub pdf: PathBuf,
}

fn protocol(detail: impl ToString) -> PdfFailure {
    PdfFailure::Protocol {
        detail: detail.to_string(),
    }
}

/// The last lines the browser wrote, for a failure message.
fn tail(log: &Mutex<VecDeque<String>>) -> String {
    let lines = log.lock().map(|l| l.clone()).unwrap_or_default();
    last_lines(lines.iter().map(String::as_str))
}

/// `host:port` of a `ws://host:port/path` address.
fn authority(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("ws://")?;
    Some(rest.split('/').next().unwrap_or(rest)).filter(|a| !a.is_empty())
}

impl Browser {
    /// Starts the browser at `program` with its profile in `work`, and connects to it.
    pub fn launch(program: &Path, work: &Path) -> Result<Browser, PdfFailure> {
        let mut child = super::chromium::dies_with_tkpk(&mut Command::new(program))
            .args(
                HEADLESS_FLAGS
                    .iter()
                    .filter(|f| !f.starts_with("--virtual-time-budget")),
            )
            .arg("--remote-debugging-port=0")
            .arg(format!("--user-data-dir={}", work.join("profil").display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| PdfFailure::Start {
                program: program.display().to_string(),
                detail: e.to_string(),
            })?;
        let log = Arc::new(Mutex::new(VecDeque::new()));
        let (found, address) = mpsc::channel();
        if let Some(stderr) = child.stderr.take() {
            let log = Arc::clone(&log);
            // Reads the browser's standard error to its end, so that it never blocks on a
            // full pipe, keeping the last lines.
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    if line.contains("DevTools listening on")
                        && let Some(at) = line.find("ws://")
                    {
                        let _ = found.send(Ok(line[at..].trim().to_string()));
                    } else if line.contains("remote debugging is disallowed") {
                        // A managed browser (RemoteDebuggingAllowed: false) says so and runs on.
                        let _ = found.send(Err(line.trim().to_string()));
                    }
                    if let Ok(mut log) = log.lock() {
                        if log.len() == LOG_LINES {
                            log.pop_front();
                        }
                        log.push_back(line);
                    }
                }
            });
        }
        let stop = |child: &mut Child, failure: PdfFailure| {
            let _ = child.kill();
            let _ = child.wait();
            failure
        };
        let started = Instant::now();
        let url = loop {
            match address.recv_timeout(TICK) {
                Ok(Ok(url)) => break url,
                Ok(Err(refusal)) => {
                    return Err(stop(&mut child, PdfFailure::NoDevTools { output: refusal }));
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Ok(Some(status)) = child.try_wait() {
                        return Err(PdfFailure::Exit {
                            code: status.code(),
                            output: tail(&log),
                        });
                    }
                    if started.elapsed() > LAUNCH_TIMEOUT {
                        let output = tail(&log);
                        return Err(stop(&mut child, PdfFailure::NoDevTools { output }));
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    // Its standard error closed without an address: it ended, or soon will.
                    while started.elapsed() <= LAUNCH_TIMEOUT {
                        if let Ok(Some(status)) = child.try_wait() {
                            return Err(PdfFailure::Exit {
                                code: status.code(),
                                output: tail(&log),
                            });
                        }
                        std::thread::sleep(TICK);
                    }
                    let output = tail(&log);
                    return Err(stop(&mut child, PdfFailure::NoDevTools { output }));
                }
            }
        };
        match Self::connect(&url) {
            Ok(socket) => Ok(Browser {
                child,
                socket,
                next_id: 1,
                log,
            }),
            Err(e) => Err(stop(&mut child, e)),
        }
    }

    fn connect(url: &str) -> Result<WebSocket<TcpStream>, PdfFailure> {
        let address = authority(url)
            .and_then(|a| a.to_socket_addrs().ok())
            .and_then(|mut a| a.next())
            .ok_or_else(|| protocol(format!("alamat tidak dikenal: {url}")))?;
        let stream = TcpStream::connect_timeout(&address, LAUNCH_TIMEOUT).map_err(protocol)?;
        stream
            .set_read_timeout(Some(LAUNCH_TIMEOUT))
            .map_err(protocol)?;
        // A printed report arrives as one message of a few megabytes (base64).
        let config = WebSocketConfig::default()
            .max_message_size(Some(1 << 30))
            .max_frame_size(Some(1 << 30));
        let (socket, _) = tungstenite::client::client_with_config(url, stream, Some(config))
            .map_err(|e| {
                protocol(match e {
                    tungstenite::HandshakeError::Failure(e) => e.to_string(),
                    tungstenite::HandshakeError::Interrupted(_) => "handshake".to_string(),
                })
            })?;
        // Not blocking, rather than a short read timeout: on Windows a receive that timed out
        // leaves the connection in an undefined state.
        socket.get_ref().set_nonblocking(true).map_err(protocol)?;
        Ok(socket)
    }

    /// Sends a command (to a tab's session when `session` is given) and returns its id.
    fn send(
        &mut self,
        method: &str,
        params: Value,
        session: Option<&str>,
    ) -> Result<u64, PdfFailure> {
        let id = self.next_id;
        self.next_id += 1;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(session) = session {
            message["sessionId"] = json!(session);
        }
        let mut sent = self.socket.send(Message::text(message.to_string()));
        // The socket does not block: a message that did not all go out yet is kept by
        // tungstenite and goes on being flushed.
        while let Err(tungstenite::Error::Io(e)) = &sent
            && e.kind() == std::io::ErrorKind::WouldBlock
        {
            std::thread::sleep(Duration::from_millis(1));
            sent = self.socket.flush();
        }
        sent.map_err(|e| self.gone(e))?;
        Ok(id)
    }

    /// The next message from the browser, or `None` when nothing came within a tick.
    fn receive(&mut self) -> Result<Option<Value>, PdfFailure> {
        match self.socket.read() {
            Ok(Message::Text(text)) => serde_json::from_str(text.as_str())
                .map(Some)
                .map_err(protocol),
            Ok(_) => Ok(None),
            Err(tungstenite::Error::Io(e)) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(TICK);
                Ok(None)
            }
            Err(e) => Err(self.gone(e)),
        }
    }

    /// The failure to give when the connection broke: the browser's exit and last words
    /// where it ended, else what the socket said.
    fn gone(&mut self, e: tungstenite::Error) -> PdfFailure {
        std::thread::sleep(Duration::from_millis(200));
        match self.child.try_wait() {
            Ok(Some(status)) => PdfFailure::Exit {
                code: status.code(),
                output: tail(&self.log),
            },
            _ => protocol(e),
        }
    }

    /// Prints every page, in at most `tabs` tabs at once, each within `timeout`; calls `done`
    /// with each page's index as it finishes (in the order they finish). `work` holds the
    /// PDFs in the making.
    pub fn print_pages(
        &mut self,
        pages: &[Page],
        tabs: usize,
        timeout: Duration,
        work: &Path,
        mut done: impl FnMut(usize, Result<(), PdfFailure>, Duration),
    ) {
        let mut queue = largest_first(pages);
        let mut tabs: Vec<Tab> = (0..tabs.clamp(1, pages.len().max(1)))
            .map(|_| Tab::default())
            .collect();
        let failure = loop {
            let advanced = self.for_each_tab(&mut tabs, &mut done, |tab, browser| {
                tab.advance(browser, pages, &mut queue, timeout)
            });
            if let Err(failure) = advanced {
                break failure;
            }
            // Pages are left and no tab can print them: they fail with why the last tab went.
            let lost: Vec<&PdfFailure> = tabs
                .iter()
                .filter_map(|tab| match &tab.step {
                    Step::Lost { why } => Some(why),
                    _ => None,
                })
                .collect();
            if !queue.is_empty()
                && lost.len() == tabs.len()
                && let Some(why) = lost.last()
            {
                break (*why).clone();
            }
            if queue.is_empty() && tabs.iter().all(|t| t.page.is_none()) {
                for tab in &mut tabs {
                    self.retire(tab);
                }
                return;
            }
            let message = match self.receive() {
                Ok(Some(message)) => message,
                Ok(None) => continue,
                Err(failure) => break failure,
            };
            let heard = self.for_each_tab(&mut tabs, &mut done, |tab, browser| {
                tab.hear(browser, &message, pages, work)
            });
            if let Err(failure) = heard {
                break failure;
            }
        };
        // The browser is gone or lost its way: every page not printed fails with the reason.
        let now = Instant::now();
        let unfinished = tabs.iter_mut().filter_map(|t| t.page.take());
        for (page, started) in unfinished.chain(queue.drain(..).map(|p| (p, now))) {
            done(page, Err(failure.clone()), started.elapsed());
        }
    }

    /// Moves every tab one step with `step` and settles what it finished.
    fn for_each_tab(
        &mut self,
        tabs: &mut [Tab],
        done: &mut impl FnMut(usize, Result<(), PdfFailure>, Duration),
        mut step: impl FnMut(&mut Tab, &mut Browser) -> Result<Outcome, PdfFailure>,
    ) -> Result<(), PdfFailure> {
        for tab in tabs.iter_mut() {
            let outcome = step(tab, self)?;
            self.settle(tab, outcome, done);
        }
        Ok(())
    }

    /// Reports a tab's finished page, and replaces the tab when it must go.
    fn settle(
        &mut self,
        tab: &mut Tab,
        outcome: Outcome,
        done: &mut impl FnMut(usize, Result<(), PdfFailure>, Duration),
    ) {
        let Some((result, replace)) = outcome else {
            return;
        };
        if let Some((page, started)) = tab.page.take() {
            done(page, result, started.elapsed());
        }
        if replace {
            self.retire(tab);
        }
    }

    /// Closes a tab's target (without waiting) and leaves a new tab in its place.
    fn retire(&mut self, tab: &mut Tab) {
        let old = std::mem::take(tab);
        if let Some(target) = old.target {
            let _ = self.send("Target.closeTarget", json!({ "targetId": target }), None);
        }
    }

    /// Asks the browser to close, and stops it if it has not within a few seconds.
    pub fn close(mut self) {
        let _ = self.send("Browser.close", json!({}), None);
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// Where a tab stands.
#[derive(Debug, Default)]
enum Step {
    /// Not opened yet.
    #[default]
    New,
    Creating,
    Attaching,
    /// The tab's pages are being marked as printed ([`PRINTING_MARK`]).
    Marking,
    /// Ready for a page.
    Idle,
    Navigating,
    /// Navigated; waits for the page's load event, and asks `document.readyState` (again no
    /// sooner than `next`) in case it is missed.
    Loading {
        asked: bool,
        next: Instant,
    },
    Printing,
    /// The contents' page numbers are being written into the page.
    Numbering,
    /// The browser did not open it or get it ready (in time, or answered an error): the other
    /// tabs print without it; `why` fails the pages when no tab is left.
    Lost {
        why: PdfFailure,
    },
}

/// The order the pages are printed in: the largest HTML first (a long report started last
/// would keep one tab busy while the others wait), pages of one size in their given order.
fn largest_first(pages: &[Page]) -> VecDeque<usize> {
    let mut order: Vec<(std::cmp::Reverse<u64>, usize)> = pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let size = std::fs::metadata(&page.html).map_or(0, |m| m.len());
            (std::cmp::Reverse(size), i)
        })
        .collect();
    order.sort();
    order.into_iter().map(|(_, i)| i).collect()
}

/// What became of a tab's page: its result, and whether the tab must be replaced.
type Outcome = Option<(Result<(), PdfFailure>, bool)>;

#[derive(Debug, Default)]
struct Tab {
    step: Step,
    target: Option<String>,
    session: Option<String>,
    /// The command whose answer the tab waits for.
    waiting: Option<u64>,
    /// The page it prints, and since when.
    page: Option<(usize, Instant)>,
    /// When the tab was asked for.
    opened: Option<Instant>,
    /// A tab given up before the browser said which it is: the question still unanswered, so
    /// that a late answer closes the tab it opened.
    late: Option<u64>,
    /// Errors answered while its page loads.
    unanswered: u32,
    /// Where the page's contents numbers stand.
    numbering: Numbering,
}

/// A4 from the theme's `@page`, backgrounds as on screen, no browser header or footer; the
/// final print (`last`) tagged for screen readers and with bookmarks from the headings, a
/// first print (read only for where things fall) without either, which halves its time.
fn print_options(last: bool) -> Value {
    json!({
        "printBackground": true,
        "preferCSSPageSize": true,
        "displayHeaderFooter": false,
        "generateDocumentOutline": last,
        "generateTaggedPDF": last,
    })
}

impl Tab {
    /// Writes the numbers of the next print into the page's contents (the answer says which
    /// ids have a place for one).
    fn fill(&mut self, browser: &mut Browser) -> Result<(), PdfFailure> {
        self.waiting = Some(browser.send(
            "Runtime.evaluate",
            json!({ "expression": self.numbering.script(), "returnByValue": true }),
            self.session.as_deref(),
        )?);
        self.step = Step::Numbering;
        Ok(())
    }

    /// Gives the tab up: it holds no page yet, and answers for it are no longer awaited. The
    /// browser's tab, if it opened one, is closed (now, or when it says which it is).
    fn lose(&mut self, browser: &mut Browser, why: PdfFailure) -> Result<(), PdfFailure> {
        match self.target.take() {
            Some(target) => {
                browser.send("Target.closeTarget", json!({ "targetId": target }), None)?;
            }
            None => self.late = self.waiting,
        }
        self.waiting = None;
        self.step = Step::Lost { why };
        Ok(())
    }

    /// Back to idle, ready for the next page.
    fn finish_page(&mut self) {
        self.step = Step::Idle;
        self.unanswered = 0;
        self.numbering = Numbering::default();
    }

    /// Moves a tab that waits for nothing: opens it, gives it the next page, or stops a page
    /// that took longer than `timeout`.
    fn advance(
        &mut self,
        browser: &mut Browser,
        pages: &[Page],
        queue: &mut VecDeque<usize>,
        timeout: Duration,
    ) -> Result<Outcome, PdfFailure> {
        if let Some((_, started)) = self.page
            && started.elapsed() > timeout
        {
            return Ok(Some((
                Err(PdfFailure::Timeout {
                    seconds: timeout.as_secs(),
                }),
                true,
            )));
        }
        // A tab the browser never opens is given up rather than waited for.
        if let Some(opened) = self.opened
            && matches!(self.step, Step::Creating | Step::Attaching | Step::Marking)
            && opened.elapsed() > timeout
        {
            self.lose(
                browser,
                PdfFailure::NoTab {
                    seconds: timeout.as_secs(),
                },
            )?;
            return Ok(None);
        }
        match self.step {
            Step::New if !queue.is_empty() => {
                self.opened = Some(Instant::now());
                self.waiting = Some(browser.send(
                    "Target.createTarget",
                    json!({ "url": "about:blank" }),
                    None,
                )?);
                self.step = Step::Creating;
            }
            Step::Idle => {
                if let Some(page) = queue.pop_front() {
                    // Nothing of a page that failed half-way passes to the next.
                    self.finish_page();
                    self.page = Some((page, Instant::now()));
                    self.waiting = Some(browser.send(
                        "Page.navigate",
                        json!({ "url": file_url(&pages[page].html) }),
                        self.session.as_deref(),
                    )?);
                    self.step = Step::Navigating;
                }
            }
            Step::Loading { asked: false, next } if Instant::now() >= next => {
                self.waiting = Some(browser.send(
                    "Runtime.evaluate",
                    json!({ "expression": "document.readyState", "returnByValue": true }),
                    self.session.as_deref(),
                )?);
                self.step = Step::Loading { asked: true, next };
            }
            _ => {}
        }
        Ok(None)
    }

    /// Takes the browser's `message` if it is for this tab.
    fn hear(
        &mut self,
        browser: &mut Browser,
        message: &Value,
        pages: &[Page],
        work: &Path,
    ) -> Result<Outcome, PdfFailure> {
        // A tab that crashed takes its page with it.
        if message["method"] == "Inspector.targetCrashed"
            && self.session.is_some()
            && message["sessionId"].as_str() == self.session.as_deref()
        {
            return Ok(Some((
                Err(PdfFailure::NoPdf {
                    output: "tab peramban berhenti (crash)".to_string(),
                }),
                true,
            )));
        }
        // A loaded page is numbered and printed at once (an answer to a question about its
        // state still on its way is then no longer awaited).
        if message["method"] == "Page.loadEventFired"
            && matches!(self.step, Step::Loading { .. })
            && self.session.is_some()
            && message["sessionId"].as_str() == self.session.as_deref()
        {
            self.fill(browser)?;
            return Ok(None);
        }
        if self.late.is_some() && message["id"].as_u64() == self.late {
            self.late = None;
            if let Some(target) = message["result"]["targetId"].as_str() {
                browser.send("Target.closeTarget", json!({ "targetId": target }), None)?;
            }
            return Ok(None);
        }
        if self.waiting.is_none() || message["id"].as_u64() != self.waiting {
            return Ok(None);
        }
        self.waiting = None;
        if let Some(error) = message.get("error") {
            let detail = error["message"].as_str().unwrap_or("?").to_string();
            return match self.step {
                // A page still loading may not answer yet: ask again, for a while.
                Step::Loading { .. } if self.unanswered < LOADING_ERRORS => {
                    self.unanswered += 1;
                    self.step = Step::Loading {
                        asked: false,
                        next: Instant::now() + ASK_AGAIN,
                    };
                    Ok(None)
                }
                Step::Creating | Step::Attaching => {
                    self.lose(browser, protocol(detail))?;
                    Ok(None)
                }
                // A browser that will not mark its pages still prints them, as before the mark.
                Step::Marking => {
                    self.step = Step::Idle;
                    Ok(None)
                }
                _ => Ok(Some((Err(protocol(detail)), true))),
            };
        }
        let result = &message["result"];
        match self.step {
            Step::Creating => {
                let target = result["targetId"].as_str().unwrap_or_default().to_string();
                self.waiting = Some(browser.send(
                    "Target.attachToTarget",
                    json!({ "targetId": target, "flatten": true }),
                    None,
                )?);
                self.target = Some(target);
                self.step = Step::Attaching;
            }
            Step::Attaching => {
                self.session = result["sessionId"].as_str().map(str::to_string);
                // Every page this tab loads knows it is printed (the theme's charts are then
                // drawn once, at the paper's width). The browser runs such a script only once
                // the tab's page domain is enabled; a session runs its commands in order, so
                // the mark's answer says both are done.
                browser.send("Page.enable", json!({}), self.session.as_deref())?;
                // And its pages are laid out with the print style sheet from the start: a print
                // then restyles nothing on the way to the paper and back (a quarter less work
                // for a report; the PDF is the same).
                browser.send(
                    "Emulation.setEmulatedMedia",
                    json!({ "media": "print" }),
                    self.session.as_deref(),
                )?;
                self.waiting = Some(browser.send(
                    "Page.addScriptToEvaluateOnNewDocument",
                    json!({ "source": PRINTING_MARK }),
                    self.session.as_deref(),
                )?);
                self.step = Step::Marking;
            }
            Step::Marking => self.step = Step::Idle,
            Step::Navigating => {
                if let Some(error) = result["errorText"].as_str().filter(|e| !e.is_empty()) {
                    self.step = Step::Idle;
                    return Ok(Some((
                        Err(PdfFailure::NoPdf {
                            output: error.to_string(),
                        }),
                        false,
                    )));
                }
                self.step = Step::Loading {
                    asked: false,
                    next: Instant::now() + ASK_AGAIN,
                };
            }
            Step::Loading { .. } => {
                if result["result"]["value"] == "complete" {
                    // First: has the page a contents list to number?
                    self.fill(browser)?;
                } else {
                    self.step = Step::Loading {
                        asked: false,
                        next: Instant::now() + ASK_AGAIN,
                    };
                }
            }
            Step::Printing => {
                let Some((page, _)) = self.page else {
                    self.step = Step::Idle;
                    return Ok(None);
                };
                let bytes = match result["data"]
                    .as_str()
                    .ok_or_else(|| protocol("Page.printToPDF tanpa data"))
                    .and_then(|data| {
                        data_encoding::BASE64
                            .decode(data.as_bytes())
                            .map_err(protocol)
                    }) {
                    Ok(bytes) => bytes,
                    Err(e) => {
                        self.step = Step::Idle;
                        return Ok(Some((Err(e), false)));
                    }
                };
                // The contents get the page each entry fell on, and the page is printed again
                // until the numbers it shows are where the entries are.
                if !self.numbering.printed(&bytes) {
                    self.fill(browser)?;
                    return Ok(None);
                }
                self.finish_page();
                return Ok(Some((place(&bytes, &pages[page].pdf, work, page), false)));
            }
            Step::Numbering => {
                self.numbering.learn(
                    result["result"]["value"]
                        .as_array()
                        .map(|ids| {
                            ids.iter()
                                .filter_map(|id| id.as_str().map(str::to_string))
                                .collect()
                        })
                        .unwrap_or_default(),
                );
                self.waiting = Some(browser.send(
                    "Page.printToPDF",
                    print_options(self.numbering.final_print()),
                    self.session.as_deref(),
                )?);
                self.step = Step::Printing;
            }
            Step::New | Step::Idle | Step::Lost { .. } => {}
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_is_read_from_the_browsers_line() {
        assert_eq!(
            authority("ws://127.0.0.1:39245/devtools/browser/4a7c"),
            Some("127.0.0.1:39245")
        );
        assert_eq!(authority("http://x"), None);
        assert_eq!(authority("ws://"), None);
    }
}

#[cfg(all(test, unix))]
mod stand_in {
    //! A stand-in browser: a shell script that says where it listens, and a DevTools server
    //! in the test that answers as Chromium does.
    use super::*;
    use std::net::TcpListener;
    use std::os::unix::fs::PermissionsExt;

    /// Starts a server answering the protocol and a script that points at it; returns the
    /// script. Pages whose address holds `lambat` are never printed, `rusak` fail to print,
    /// and `putus` make the server drop the connection.
    fn stand_in(dir: &Path) -> PathBuf {
        let stop = dir.join("berhenti");
        let stop_file = stop.clone();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        /// The stand-in browser ends when its server does.
        struct Ends(PathBuf);
        impl Drop for Ends {
            fn drop(&mut self) {
                let _ = std::fs::write(&self.0, "");
            }
        }
        std::thread::spawn(move || {
            let _ends = Ends(stop_file.clone());
            let Ok((stream, _)) = listener.accept() else {
                return;
            };
            let mut socket = tungstenite::accept(stream).unwrap();
            let mut urls: std::collections::HashMap<String, String> = Default::default();
            let mut asked: std::collections::HashMap<String, u32> = Default::default();
            let mut filled: std::collections::HashMap<String, String> = Default::default();
            let mut prints: std::collections::HashMap<String, u32> = Default::default();
            let mut n = 0;
            // `tab-lambat`: the first tab is said open only at the tenth print of the others.
            let mut held: Option<Value> = None;
            let mut all_prints = 0;
            loop {
                let Ok(Message::Text(text)) = socket.read() else {
                    return;
                };
                let m: Value = serde_json::from_str(text.as_str()).unwrap();
                let session = m["sessionId"].as_str().unwrap_or("").to_string();
                let mute = stop_file.with_file_name("bisu").exists();
                let result = match m["method"].as_str().unwrap() {
                    // A browser that never opens a tab (`bisu` beside the script).
                    "Target.createTarget" if mute => continue,
                    // A browser that opens one tab and refuses the others (`satu-tab`).
                    "Target.createTarget"
                        if n >= 1 && stop_file.with_file_name("satu-tab").exists() =>
                    {
                        let answer = json!({ "id": m["id"], "error": { "code": -32000, "message": "Failed to open new tab" } });
                        socket.send(Message::text(answer.to_string())).unwrap();
                        continue;
                    }
                    "Target.createTarget"
                        if n == 0 && stop_file.with_file_name("tab-lambat").exists() =>
                    {
                        n += 1;
                        held = Some(m["id"].clone());
                        continue;
                    }
                    "Target.createTarget" => {
                        n += 1;
                        json!({ "targetId": format!("t{n}") })
                    }
                    // A browser that refuses to mark its pages (`tanpa-tanda`).
                    "Page.addScriptToEvaluateOnNewDocument"
                        if stop_file.with_file_name("tanpa-tanda").exists() =>
                    {
                        let answer = json!({ "id": m["id"], "error": { "code": -32601, "message": "not found" } });
                        socket.send(Message::text(answer.to_string())).unwrap();
                        continue;
                    }
                    "Target.closeTarget" => {
                        let closed = stop_file.with_file_name("ditutup");
                        let mut list = std::fs::read_to_string(&closed).unwrap_or_default();
                        list += m["params"]["targetId"].as_str().unwrap();
                        list += "\n";
                        std::fs::write(&closed, list).unwrap();
                        json!({ "success": true })
                    }
                    "Target.attachToTarget" => {
                        json!({ "sessionId": format!("s-{}", m["params"]["targetId"].as_str().unwrap()) })
                    }
                    "Page.navigate" => {
                        let url = m["params"]["url"].as_str().unwrap().to_string();
                        if url.contains("putus") {
                            return;
                        }
                        asked.insert(session.clone(), 0);
                        if url.contains("acara") {
                            // Says it is loaded by its load event only.
                            let answer = json!({ "id": m["id"], "sessionId": session, "result": { "frameId": "f", "loaderId": "l" } });
                            socket.send(Message::text(answer.to_string())).unwrap();
                            let event = json!({ "method": "Page.loadEventFired", "sessionId": session, "params": { "timestamp": 1.0 } });
                            socket.send(Message::text(event.to_string())).unwrap();
                            urls.insert(session.clone(), url);
                            continue;
                        }
                        urls.insert(session.clone(), url);
                        json!({ "frameId": "f", "loaderId": "l" })
                    }
                    "Runtime.evaluate"
                        if m["params"]["expression"]
                            .as_str()
                            .unwrap()
                            .contains("data-halaman-untuk") =>
                    {
                        // A page with contents numbers them (`daftar`); others have none.
                        let expression = m["params"]["expression"].as_str().unwrap();
                        let numbers = expression
                            .rsplit_once("})(")
                            .unwrap()
                            .1
                            .trim_end_matches(')');
                        filled.insert(session.clone(), numbers.to_string());
                        if urls[&session].contains("daftar") {
                            json!({ "result": { "type": "object", "value": ["bab-a"] } })
                        } else {
                            json!({ "result": { "type": "object", "value": [] } })
                        }
                    }
                    "Runtime.evaluate" => {
                        // Loading at the first question, complete at the second.
                        let count = asked.entry(session.clone()).or_default();
                        *count += 1;
                        let state = if *count < 2 || urls[&session].contains("acara") {
                            "loading"
                        } else {
                            "complete"
                        };
                        json!({ "result": { "type": "string", "value": state } })
                    }
                    "Page.printToPDF" => {
                        all_prints += 1;
                        if all_prints == 10
                            && let Some(id) = held.take()
                        {
                            let answer = json!({ "id": id, "result": { "targetId": "t1" } });
                            socket.send(Message::text(answer.to_string())).unwrap();
                        }
                        let url = &urls[&session];
                        if url.contains("lambat") {
                            continue;
                        }
                        if url.contains("rusak") {
                            let answer = json!({ "id": m["id"], "error": { "code": -32000, "message": "Printing failed" } });
                            socket.send(Message::text(answer.to_string())).unwrap();
                            continue;
                        }
                        let count = prints.entry(session.clone()).or_insert(0);
                        *count += 1;
                        let pdf = if url.contains("daftar") {
                            // `bab-a` on the second of two pages, whatever the contents say.
                            format!(
                                "%PDF-1.4 {url}\n% cetakan {count} diisi {}\n{}",
                                filled.get(&session).map_or("-", String::as_str),
                                "1 0 obj\n<</Type /Page>>\nendobj\n2 0 obj\n<</Type /Page>>\nendobj\n3 0 obj\n<</Type /Pages\n/Kids [1 0 R 2 0 R]>>\nendobj\n4 0 obj\n<</bab-a [2 0 R /XYZ 0 0 0]>>\nendobj\n5 0 obj\n<</Type /Catalog\n/Pages 3 0 R\n/Dests 4 0 R>>\nendobj\n"
                            )
                        } else {
                            format!("%PDF-1.4 {url}")
                        };
                        json!({ "data": data_encoding::BASE64.encode(pdf.as_bytes()) })
                    }
                    "Browser.close" => return,
                    _ => json!({}),
                };
                let answer = json!({ "id": m["id"], "result": result });
                if socket.send(Message::text(answer.to_string())).is_err() {
                    return;
                }
            }
        });
        let script = dir.join("peramban");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\necho 'memulai' >&2\necho 'DevTools listening on ws://127.0.0.1:{port}/devtools/browser/x' >&2\nwhile [ ! -e '{}' ]; do sleep 0.05; done\n",
                stop.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        script
    }

    fn pages(dir: &Path, names: &[&str]) -> Vec<Page> {
        names
            .iter()
            .map(|name| {
                let html = dir.join(format!("{name}.html"));
                std::fs::write(&html, "<p>x</p>").unwrap();
                Page {
                    html,
                    pdf: dir.join(format!("{name}.pdf")),
                }
            })
            .collect()
    }

    fn run(dir: &Path, names: &[&str], timeout: Duration) -> Vec<(String, Result<(), PdfFailure>)> {
        let script = stand_in(dir);
        let work = dir.join("kerja");
        std::fs::create_dir_all(&work).unwrap();
        let mut browser = Browser::launch(&script, &work).unwrap();
        let pages = pages(dir, names);
        let mut results = Vec::new();
        browser.print_pages(&pages, 2, timeout, &work, |i, result, _| {
            results.push((names[i].to_string(), result));
        });
        browser.close();
        results.sort_by(|a, b| a.0.cmp(&b.0));
        results
    }

    #[test]
    fn the_largest_pages_are_printed_first() {
        let dir = tempfile::tempdir().unwrap();
        let mut pages = pages(dir.path(), &["kecil", "besar", "sedang", "kecil-juga"]);
        std::fs::write(&pages[1].html, "x".repeat(300)).unwrap();
        std::fs::write(&pages[2].html, "x".repeat(50)).unwrap();
        pages.push(Page {
            html: dir.path().join("tidak-ada.html"),
            pdf: dir.path().join("tidak-ada.pdf"),
        });
        assert_eq!(largest_first(&pages), [1, 2, 0, 3, 4]);
    }

    #[test]
    fn prints_every_page_in_tabs_of_one_browser() {
        let dir = tempfile::tempdir().unwrap();
        let names = ["a", "b", "c", "d", "e"];
        let results = run(dir.path(), &names, Duration::from_secs(20));
        assert_eq!(results.len(), 5);
        for (name, result) in &results {
            assert!(result.is_ok(), "{name}: {result:?}");
            let pdf = std::fs::read_to_string(dir.path().join(format!("{name}.pdf"))).unwrap();
            assert!(pdf.starts_with("%PDF-1.4 file:///"), "{pdf}");
            assert!(pdf.ends_with(&format!("/{name}.html")), "{pdf}");
        }
        // Nothing left behind in the work folder.
        let left: Vec<_> = std::fs::read_dir(dir.path().join("kerja"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .filter(|n| n.to_string_lossy().ends_with(".pdf"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_page_with_contents_is_printed_again_with_their_page_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let results = run(dir.path(), &["daftar", "lembar"], Duration::from_secs(20));
        assert!(results.iter().all(|(_, r)| r.is_ok()), "{results:?}");
        // Printed, numbered with where `bab-a` fell, printed again: the numbers held.
        let pdf = std::fs::read_to_string(dir.path().join("daftar.pdf")).unwrap();
        assert!(pdf.contains("% cetakan 2 diisi {\"bab-a\":2}"), "{pdf}");
        // A page without contents keeps its first print.
        let pdf = std::fs::read_to_string(dir.path().join("lembar.pdf")).unwrap();
        assert!(pdf.ends_with("/lembar.html"), "{pdf}");
    }

    #[test]
    fn a_page_is_printed_when_its_load_event_comes() {
        let dir = tempfile::tempdir().unwrap();
        // `acara` never answers `complete` when asked, only sends its load event.
        let results = run(dir.path(), &["acara", "b"], Duration::from_secs(3));
        assert!(results.iter().all(|(_, r)| r.is_ok()), "{results:?}");
        let pdf = std::fs::read_to_string(dir.path().join("acara.pdf")).unwrap();
        assert!(pdf.ends_with("/acara.html"), "{pdf}");
    }

    #[test]
    fn a_slow_or_broken_page_fails_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("rusak.pdf"), "lama").unwrap();
        let results = run(
            dir.path(),
            &["a", "lambat", "rusak", "z"],
            Duration::from_millis(1500),
        );
        let by_name: std::collections::BTreeMap<_, _> = results.into_iter().collect();
        assert!(by_name["a"].is_ok() && by_name["z"].is_ok(), "{by_name:?}");
        assert_eq!(by_name["lambat"], Err(PdfFailure::Timeout { seconds: 1 }));
        assert_eq!(
            by_name["rusak"],
            Err(PdfFailure::Protocol {
                detail: "Printing failed".into()
            })
        );
        // A failed page leaves the PDF that was there.
        assert_eq!(
            std::fs::read_to_string(dir.path().join("rusak.pdf")).unwrap(),
            "lama"
        );
    }

    #[test]
    fn a_tab_the_browser_does_not_open_leaves_its_pages_to_the_others() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("satu-tab"), "").unwrap();
        let results = run(dir.path(), &["a", "b", "c", "d"], Duration::from_secs(20));
        assert_eq!(results.len(), 4, "{results:?}");
        assert!(results.iter().all(|(_, r)| r.is_ok()), "{results:?}");
    }

    #[test]
    fn a_browser_that_opens_no_tab_fails_every_page_in_time() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bisu"), "").unwrap();
        let started = Instant::now();
        let results = run(dir.path(), &["a", "b", "c"], Duration::from_millis(800));
        assert!(started.elapsed() < Duration::from_secs(10));
        assert_eq!(results.len(), 3, "{results:?}");
        assert!(
            results
                .iter()
                .all(|(_, r)| r == &Err(PdfFailure::NoTab { seconds: 0 })),
            "{results:?}"
        );
    }

    #[test]
    fn a_browser_that_will_not_mark_its_pages_still_prints_them() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tanpa-tanda"), "").unwrap();
        let results = run(dir.path(), &["a", "b", "c"], Duration::from_secs(20));
        assert_eq!(results.len(), 3, "{results:?}");
        assert!(results.iter().all(|(_, r)| r.is_ok()), "{results:?}");
    }

    #[test]
    fn a_tab_the_browser_opens_too_late_is_closed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tab-lambat"), "").unwrap();
        // Each page takes two questions 100 ms apart: the tenth print comes after the first
        // tab was given up (1,5 s), and the browser then says it opened `t1`.
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"];
        let results = run(dir.path(), &names, Duration::from_millis(1500));
        assert!(results.iter().all(|(_, r)| r.is_ok()), "{results:?}");
        let closed = std::fs::read_to_string(dir.path().join("ditutup")).unwrap_or_default();
        assert!(closed.lines().any(|t| t == "t1"), "closed: {closed:?}");
    }

    #[test]
    fn a_lost_browser_fails_every_page_not_yet_printed() {
        let dir = tempfile::tempdir().unwrap();
        let results = run(
            dir.path(),
            &["a-putus", "b", "c", "d"],
            Duration::from_secs(20),
        );
        assert_eq!(results.len(), 4, "{results:?}");
        let failed = results.iter().filter(|(_, r)| r.is_err()).count();
        assert!(failed >= 3, "{results:?}");
        assert!(
            results
                .iter()
                .all(|(_, r)| !matches!(r, Err(PdfFailure::Timeout { .. }))),
            "{results:?}"
        );
    }

    #[test]
    fn a_browser_that_does_not_listen_is_said_with_its_words() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("tanpa-devtools");
        std::fs::write(
            &script,
            "#!/bin/sh\necho 'remote debugging is disabled by policy' >&2\nexit 4\n",
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let failure = Browser::launch(&script, dir.path()).err().unwrap();
        assert_eq!(
            failure,
            PdfFailure::Exit {
                code: Some(4),
                output: "remote debugging is disabled by policy".into()
            }
        );
        // A managed browser that may not open DevTools says so and runs on: said at once.
        let managed = dir.path().join("dikelola");
        std::fs::write(
            &managed,
            "#!/bin/sh\necho 'DevTools remote debugging is disallowed by the system admin.' >&2\nexec sleep 30\n",
        )
        .unwrap();
        std::fs::set_permissions(&managed, std::fs::Permissions::from_mode(0o755)).unwrap();
        let started = Instant::now();
        let failure = Browser::launch(&managed, dir.path()).err().unwrap();
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(
            failure,
            PdfFailure::NoDevTools {
                output: "DevTools remote debugging is disallowed by the system admin.".into()
            }
        );
        let failure = Browser::launch(&dir.path().join("tidak-ada"), dir.path())
            .err()
            .unwrap();
        assert!(matches!(failure, PdfFailure::Start { .. }), "{failure:?}");
    }
}
