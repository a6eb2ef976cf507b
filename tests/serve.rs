//! `tkpk serve` end to end: a page is served, an edit sends a reload event and the new figure,
//! a broken edit shows the overlay with `path:line:col` over the last good page, and `..` is
//! refused; a connection that sends nothing, too much or too slowly is cut off. Also `tkpk new`
//! followed by `tkpk build`.

mod common;

use common::TestSite;
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(site: &TestSite) -> Server {
    start_with(site, &[])
}

/// `tkpk serve` with extra environment variables (a shorter head timeout).
fn start_with(site: &TestSite, env: &[(&str, &str)]) -> Server {
    // A port found free may be taken by another test's server before ours binds it. The
    // server is ready when it says it listens (it binds after its first build); one that
    // exits first lost its port, and is started again on another.
    for _ in 0..5 {
        let port = free_port();
        let mut child = Command::new(env!("CARGO_BIN_EXE_tkpk"))
            .args(["serve", "--port", &port.to_string()])
            .envs(env.iter().copied())
            .current_dir(site.root())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let address = format!("http://127.0.0.1:{port}/");
        // Read to the end, so that the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if line.contains(&address) {
                    let _ = tx.send(());
                }
            }
        });
        match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(()) => return Server { child, port },
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
            }
        }
    }
    panic!("tkpk serve could not listen on a free port in five tries");
}

/// A raw GET, so that the path is sent exactly as written (`..` included).
fn get(port: u16, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// Everything the server sends until it closes the connection (a reset after its answer counts
/// as closed too); `None` when the connection is still open after the stream's read timeout.
fn read_until_closed(stream: &mut TcpStream) -> Option<String> {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return None;
            }
            Err(_) => break,
        }
    }
    Some(String::from_utf8_lossy(&got).into_owned())
}

/// Sends `request` exactly as written and returns the whole answer, which must end with the
/// server closing the connection (it keeps none open after an answer).
fn exchange(port: u16, request: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    read_until_closed(&mut stream)
        .unwrap_or_else(|| panic!("the connection is still open after {request:?}"))
}

/// Read by the binary; a test shortens the head timeout so that waiting for it takes seconds.
const HEAD_TIMEOUT_VAR: &str = "TKPK_SERVE_HEAD_TIMEOUT_MS";
const HEAD_TIMEOUT_MS: &str = "1500";

/// Reads `versi` events from the event stream on a thread, sending each version number.
fn events(port: u16) -> mpsc::Receiver<u64> {
    let (tx, rx) = mpsc::channel();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /__tkpk/peristiwa HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { return };
            if let Some(v) = line.strip_prefix("data: ")
                && tx.send(v.trim().parse().unwrap_or(0)).is_err()
            {
                return;
            }
        }
    });
    rx
}

fn wait_until(mut ok: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

#[test]
fn serve_reloads_on_edit_and_overlays_errors() {
    let site = TestSite::fixture("dasar");
    let server = start(&site);
    let page = "/kabupaten-contoh/2025/index.html";
    let (status, body) = get(server.port, page);
    assert_eq!(status, 200);
    assert!(
        body.contains("<td class=\"angka nilai\">7,57</td>"),
        "{body}"
    );
    assert!(body.contains("/__tkpk/muat-ulang.js"));
    assert!(!body.contains("tkpk-galat"));
    let (status, _) = get(server.port, "/");
    assert_eq!(status, 200);

    let rx = events(server.port);
    let first = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("first event");

    // Edit a figure: a reload event, then the new figure.
    let indicators = "content/kabupaten-contoh/indikator.yaml";
    let text = site.read(indicators).replace("p0: 7.57", "p0: 7.11");
    site.write(indicators, text);
    let next = rx
        .recv_timeout(Duration::from_secs(15))
        .expect("reload event after an edit");
    assert!(next > first);
    assert!(wait_until(|| get(server.port, page)
        .1
        .contains(">7,11</td>")));

    // Break the file: the overlay names path:line:col; the last good page is still served.
    let broken = site.read(indicators).replace("p0: 7.11", "p0: \"7,11\"");
    site.write(indicators, broken);
    // (An editor's save may show as two events, so wait for the page, not for one event.)
    assert!(wait_until(|| get(server.port, page)
        .1
        .contains("id=\"tkpk-galat\"")));
    let (status, body) = get(server.port, page);
    assert_eq!(status, 200);
    assert!(
        body.contains("content/kabupaten-contoh/indikator.yaml:5:14"),
        "{body}"
    );
    assert!(body.contains("koma desimal"));
    assert!(body.contains(">7,11</td>"), "the last good page is gone");

    // Fix it: the overlay goes away.
    let fixed = site.read(indicators).replace("p0: \"7,11\"", "p0: 7.12");
    site.write(indicators, fixed);
    assert!(wait_until(|| {
        let body = get(server.port, page).1;
        body.contains(">7,12</td>") && !body.contains("tkpk-galat")
    }));

    // A narrative in a new year folder (a year with figures): the watcher may name only the
    // folder.
    site.write(
        "content/kabupaten-contoh/2024/01-profil.md",
        "---\njudul: Profil 2024\n---\nParagraf tahun baru.\n",
    );
    assert!(wait_until(|| get(
        server.port,
        "/kabupaten-contoh/2024/index.html"
    )
    .1
    .contains("Paragraf tahun baru.")));

    // Reading the files during a rebuild is not an edit: once quiet, no more reloads.
    while rx.recv_timeout(Duration::from_millis(800)).is_ok() {}
    assert!(
        rx.recv_timeout(Duration::from_millis(1500)).is_err(),
        "serve keeps rebuilding with nothing edited"
    );

    // Paths that leave the site are refused.
    for path in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/kabupaten-contoh/../../site.yaml",
    ] {
        assert_eq!(get(server.port, path).0, 403, "{path}");
    }
    assert_eq!(get(server.port, "/tidak-ada.html").0, 404);
}

#[test]
fn new_makes_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("situs-baru");
    let out = Command::new(env!("CARGO_BIN_EXE_tkpk"))
        .args(["new"])
        .arg(&target)
        .args(["--wilayah", "Kota Contoh", "--provinsi", "jawa-tengah"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let build = Command::new(env!("CARGO_BIN_EXE_tkpk"))
        .args(["build", "--root"])
        .arg(&target)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(build.status.success(), "{stderr}");
    assert!(stderr.contains("0 peringatan"), "{stderr}");
    let report =
        std::fs::read_to_string(target.join("output/kota-contoh/2025/index.html")).unwrap();
    assert!(
        report.contains("ILUSTRASI"),
        "illustrative figures must say so on the page"
    );
    assert!(report.contains("lencana-ilustrasi"));
    // A second `new` into the same folder is refused and changes nothing.
    let before = common::snapshot(&target);
    let again = Command::new(env!("CARGO_BIN_EXE_tkpk"))
        .arg("new")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("sudah berisi"));
    assert_eq!(before, common::snapshot(&target));
}

/// `static/` is served like the build copies it, and an edit there is picked up.
#[test]
fn serve_serves_static_files_and_their_edits() {
    let site = TestSite::fixture("dasar");
    site.write("static/.well-known/security.txt", "Contact: satu\n");
    let server = start(&site);
    let (status, body) = get(server.port, "/.well-known/security.txt");
    assert_eq!((status, body.as_str()), (200, "Contact: satu\n"));
    site.write("static/.well-known/security.txt", "Contact: dua\n");
    assert!(wait_until(|| get(server.port, "/.well-known/security.txt")
        .1
        == "Contact: dua\n"));
}

/// Only this machine's own names are answered: a page elsewhere that points its name at
/// 127.0.0.1 (DNS rebinding) cannot read the draft site through a browser.
#[test]
fn a_foreign_host_name_is_refused() {
    let site = TestSite::fixture("dasar");
    let server = start(&site);
    let ask = |host: &str| {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        write!(stream, "GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").unwrap();
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        response
    };
    assert!(ask("penyerang.example:1111").starts_with("HTTP/1.1 403"));
    assert!(ask("127.0.0.1.penyerang.example").starts_with("HTTP/1.1 403"));
    for own in ["127.0.0.1", "localhost:1111", "LOCALHOST", "[::1]:1111"] {
        assert!(ask(own).starts_with("HTTP/1.1 200"), "{own}");
    }
}

/// A 404 does not repeat a long address whole.
#[test]
fn a_404_does_not_echo_a_long_path() {
    let site = TestSite::fixture("dasar");
    let server = start(&site);
    // (Within the head limit: a longer request line gets a 414 before it is read whole.)
    let long = format!("/{}", "a".repeat(10_000));
    let (status, body) = get(server.port, &long);
    assert_eq!(status, 404);
    assert!(body.len() < 10_000, "{} bytes", body.len());
    assert!(body.contains(&format!("{}…", "a".repeat(119))), "{body}");
}

/// At most 64 requests are answered at once (each reload stream holds one): beyond that a
/// short 503, and the server answers again once they are gone.
#[test]
fn requests_beyond_the_limit_get_a_503() {
    let site = TestSite::fixture("dasar");
    let server = start(&site);
    let mut streams = Vec::new();
    for _ in 0..64 {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        write!(
            stream,
            "GET /__tkpk/peristiwa HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        )
        .unwrap();
        // Read the head, so that the stream is being served before the next one.
        let mut head = [0u8; 16];
        std::io::Read::read_exact(&mut stream, &mut head).unwrap();
        streams.push(stream);
    }
    let (status, body) = get(server.port, "/index.html");
    assert_eq!(status, 503);
    assert!(
        body.contains("terlalu banyak permintaan sekaligus"),
        "{body}"
    );
    drop(streams);
    assert!(wait_until(|| get(server.port, "/index.html").0 == 200));
}

/// One build at start and nothing more until a file changes; each rebuild names the file that
/// started it.
#[test]
fn serve_builds_once_and_names_what_changed() {
    let site = TestSite::fixture("dasar");
    let port = free_port();
    let log = site.root().join("serve.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tkpk"))
        .args(["serve", "--port", &port.to_string()])
        .current_dir(site.root())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    assert!(wait_until(
        || TcpStream::connect(("127.0.0.1", port)).is_ok()
    ));
    // Time for a spurious rebuild to show, were there one.
    std::thread::sleep(Duration::from_millis(1500));
    let rebuilds = |text: &str| text.lines().filter(|l| l.starts_with("dibangun")).count();
    assert_eq!(rebuilds(&std::fs::read_to_string(&log).unwrap()), 1);
    site.write(
        "content/kabupaten-contoh/2025/02-catatan.md",
        "---\njudul: Catatan\n---\nDiubah.\n",
    );
    assert!(wait_until(|| rebuilds(
        &std::fs::read_to_string(&log).unwrap()
    ) == 2));
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(
        text.contains("dibangun ulang setelah content/kabupaten-contoh/2025/02-catatan.md berubah"),
        "{text}"
    );
    let _ = child.kill();
    let _ = child.wait();
}

/// A connection that sends nothing holds its slot only until the head timeout, and is then
/// closed without a word. Meanwhile a request is still answered (with every slot taken by a
/// silent connection, with a 503), and once they are closed the slots serve again.
#[test]
fn silent_connections_are_closed_at_the_head_timeout() {
    let site = TestSite::fixture("dasar");
    let server = start_with(&site, &[(HEAD_TIMEOUT_VAR, HEAD_TIMEOUT_MS)]);
    let opened = Instant::now();
    let mut silent: Vec<TcpStream> = (0..64)
        .map(|_| TcpStream::connect(("127.0.0.1", server.port)).unwrap())
        .collect();
    let (status, body) = get(server.port, "/index.html");
    assert_eq!(status, 503, "{body}");
    for (i, stream) in silent.iter_mut().enumerate() {
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        assert_eq!(
            read_until_closed(stream).as_deref(),
            Some(""),
            "silent connection {i} is still open after {:?}",
            opened.elapsed()
        );
    }
    assert!(opened.elapsed() < Duration::from_secs(10));
    assert_eq!(get(server.port, "/index.html").0, 200);
}

/// A head beyond the limit is answered 431 and the connection closed: the server does not read
/// (nor keep) what follows. A request line beyond it is answered 414.
#[test]
fn an_oversized_head_gets_431_and_is_not_read_whole() {
    let site = TestSite::fixture("dasar");
    let server = start(&site);
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream
        .set_write_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    // The answer is read as it comes, so that the reset that follows cannot discard it.
    let mut reader = stream.try_clone().unwrap();
    let answer = std::thread::spawn(move || read_until_closed(&mut reader));
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Besar: ")
        .unwrap();
    // Far more than the socket buffers hold: only a server that reads it all takes it all.
    const OFFERED: usize = 64 << 20;
    let chunk = vec![b'a'; 64 * 1024];
    let mut sent = 0;
    while sent < OFFERED {
        match stream.write(&chunk) {
            Ok(n) => sent += n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(_) => break,
        }
    }
    assert!(sent < OFFERED, "the server took a {sent}-byte head");
    let answer = answer
        .join()
        .unwrap()
        .expect("the connection is still open");
    assert!(answer.starts_with("HTTP/1.1 431 "), "{answer}");

    let long = format!(
        "GET /{} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "a".repeat(20_000)
    );
    let answer = exchange(server.port, &long);
    assert!(answer.starts_with("HTTP/1.1 414 "), "{answer}");
}

/// A head sent one byte at a time, each well within the timeout, is still cut off: the timeout
/// is for the whole head, not for each read.
#[test]
fn a_slow_head_is_cut_off_at_the_deadline() {
    let site = TestSite::fixture("dasar");
    let server = start_with(&site, &[(HEAD_TIMEOUT_VAR, HEAD_TIMEOUT_MS)]);
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let mut reader = stream.try_clone().unwrap();
    reader
        .set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || tx.send(read_until_closed(&mut reader)));
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pelan: ")
        .unwrap();
    let started = Instant::now();
    let answer = loop {
        if let Ok(answer) = rx.try_recv() {
            break answer;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the server still reads a head that has taken 10 s"
        );
        // A write after the server has given up may fail; the reader reports the end.
        let _ = stream.write_all(b"a");
        std::thread::sleep(Duration::from_millis(200));
    };
    let answer = answer.expect("the connection is still open");
    assert!(answer.starts_with("HTTP/1.1 408 "), "{answer}");
}

/// Request lines and header lines are parsed strictly: anything else is a 400 (and the
/// connection closed), a method other than GET and HEAD a 405, another HTTP version a 505.
#[test]
fn malformed_requests_get_400() {
    let site = TestSite::fixture("dasar");
    let server = start(&site);
    for request in [
        "GET /\r\n\r\n",
        "GET  / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET / HTTP/1.1 lagi\r\nHost: 127.0.0.1\r\n\r\n",
        "GET index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /a b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET / HTTPS/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "G\u{1}T / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n terlipat\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Nol: a\u{0}b\r\n\r\n",
        "GET / HTTP/1.1\nHost: 127.0.0.1\n\n",
        "GET / HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: 127.0.0.1\r\n\r\n",
    ] {
        let answer = exchange(server.port, request);
        assert!(answer.starts_with("HTTP/1.1 400 "), "{request:?}: {answer}");
    }
    let answer = exchange(
        server.port,
        "POST /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc",
    );
    assert!(answer.starts_with("HTTP/1.1 405 "), "{answer}");
    assert!(answer.contains("\r\nAllow: GET, HEAD\r\n"), "{answer}");
    let answer = exchange(server.port, "GET / HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n");
    assert!(answer.starts_with("HTTP/1.1 505 "), "{answer}");
    // A well-formed request still works, HTTP/1.0 (no Host needed) included.
    assert!(exchange(server.port, "GET /index.html HTTP/1.0\r\n\r\n").starts_with("HTTP/1.1 200 "));
}

/// HEAD gets the headers GET would (the length included) and no body; the connection is closed
/// after it although the request did not ask for that.
#[test]
fn head_gets_the_headers_and_no_body() {
    let site = TestSite::fixture("dasar");
    let server = start(&site);
    let (status, body) = get(server.port, "/index.html");
    assert_eq!(status, 200);
    let answer = exchange(
        server.port,
        "HEAD /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    );
    let (head, rest) = answer.split_once("\r\n\r\n").expect("a whole head");
    assert!(head.starts_with("HTTP/1.1 200 "), "{head}");
    for line in [
        "Content-Type: text/html; charset=utf-8".to_string(),
        "Cache-Control: no-store".to_string(),
        "Connection: close".to_string(),
        format!("Content-Length: {}", body.len()),
    ] {
        assert!(
            head.contains(&format!("\r\n{line}")),
            "{line} missing: {head}"
        );
    }
    assert_eq!(rest, "", "HEAD got a body");
}
