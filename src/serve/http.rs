//! The HTTP/1.1 server under `tkpk serve`: `std::net` and a thread per connection, no
//! dependency. It exists for its limits (tiny_http 0.12 had none of them): a client that
//! sends nothing, sends its head a byte at a time, sends a head of a megabyte or never reads
//! its answer holds a thread only for a bounded time and makes the server keep only a bounded
//! number of bytes.
//!
//! One request per connection: every answer says `Connection: close`, so there is no idle
//! keep-alive state to time out. Only GET and HEAD, no request bodies, no chunked answers (an
//! event stream ends with the connection). What a request asks for is the caller's business
//! (`super::handle`); this module knows nothing of the site.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How many connections are served at once (a page open in a few tabs, each holding its
/// reload stream, stays far below it). A connection holds its place from its first byte, head
/// included, so that slow or silent clients cannot start threads without end.
pub const MAX_CONNECTIONS: usize = 64;

/// How many connections beyond [`MAX_CONNECTIONS`] are read at once to be answered 503; any
/// more are closed at once. (The 503 comes after the request's head, so that a browser reads
/// it instead of a reset.)
pub const MAX_REFUSALS: usize = 16;

/// How long a client has to send its whole request head, from the connection being accepted:
/// a deadline, not a pause between reads, so that a head sent a byte at a time is cut off too.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// The largest request head (request line and headers) read: a browser's is 1–2 KiB. A head
/// beyond it is answered 431 (414 when the request line alone is beyond it) and not read on.
pub const MAX_HEAD: usize = 16 * 1024;

/// How long one answer (or one message of an event stream) may take to be written: a client
/// that does not read holds its thread no longer.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// After an answer, what the client still sends (a body, the rest of an oversized head) is
/// read and dropped for at most this long and [`LINGER_BYTES`], so that closing does not reset
/// the connection before the client has read the answer.
pub const LINGER: Duration = Duration::from_secs(2);

/// See [`LINGER`].
pub const LINGER_BYTES: usize = 64 * 1024;

/// The limits of a server; [`Limits::default`] is the constants above.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub connections: usize,
    pub refusals: usize,
    pub head_timeout: Duration,
    pub max_head: usize,
    pub write_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connections: MAX_CONNECTIONS,
            refusals: MAX_REFUSALS,
            head_timeout: HEAD_TIMEOUT,
            max_head: MAX_HEAD,
            write_timeout: WRITE_TIMEOUT,
        }
    }
}

/// The methods served: a site is only read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
}

/// Why a request head was not accepted, and the status (if any) it is answered with.
#[derive(Debug, thiserror::Error)]
pub enum HeadError {
    #[error("the client closed the connection before its request was whole")]
    Closed,
    #[error("the request head was not whole before the timeout")]
    TimedOut {
        /// Whether any of it came: a connection that sent nothing is closed without a word.
        started: bool,
    },
    #[error("the request line is longer than the head limit")]
    LineTooLong,
    #[error("the request head is longer than the limit")]
    TooLarge,
    #[error("malformed request: {0}")]
    Malformed(&'static str),
    #[error("method not allowed")]
    Method,
    #[error("HTTP version not supported")]
    Version,
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl HeadError {
    /// The status this error is answered with; `None`: the connection is just closed.
    pub fn status(&self) -> Option<u16> {
        match self {
            HeadError::Closed | HeadError::Io(_) => None,
            HeadError::TimedOut { started } => started.then_some(408),
            HeadError::LineTooLong => Some(414),
            HeadError::TooLarge => Some(431),
            HeadError::Malformed(_) => Some(400),
            HeadError::Method => Some(405),
            HeadError::Version => Some(505),
        }
    }
}

/// A parsed request head.
#[derive(Debug, PartialEq, Eq)]
pub struct Head {
    pub method: Method,
    /// The path and query, as sent (an absolute-form target is cut to them).
    pub target: String,
    /// Names as sent; values without surrounding whitespace.
    pub headers: Vec<(String, String)>,
}

/// An answer with a whole body. Every answer carries `Cache-Control: no-store` (the site
/// changes under the browser with every edit) and `Connection: close`.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &str, body: Vec<u8>) -> Self {
        Response {
            status,
            content_type: content_type.to_string(),
            body,
        }
    }
}

/// A request whose head has been read, with the connection to answer it on.
pub struct Request {
    head: Head,
    stream: TcpStream,
    write_timeout: Duration,
}

impl Request {
    pub fn method(&self) -> Method {
        self.head.method
    }

    /// The path and query, as sent.
    pub fn url(&self) -> &str {
        &self.head.target
    }

    /// The value of the first header named `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.head.headers, name)
    }

    /// Sends `response` (its head only, to a HEAD request) and closes the connection.
    pub fn respond(mut self, response: Response) {
        let head_only = self.head.method == Method::Head;
        let _ = write_response(&mut self.stream, &response, head_only, self.write_timeout);
        linger_close(self.stream);
    }

    /// Starts an event stream: sends a 200 head of `content_type` with no length (the body
    /// ends with the connection) and returns the writer of its messages, each written within
    /// the write timeout. `None` to a HEAD request (its head is sent) or when the client is gone.
    pub fn into_stream(mut self, content_type: &str) -> Option<Stream> {
        let head = head_bytes(200, content_type, None, &[]);
        let deadline = Instant::now() + self.write_timeout;
        if write_by(&mut self.stream, &head, deadline).is_err() {
            return None;
        }
        if self.head.method == Method::Head {
            linger_close(self.stream);
            return None;
        }
        Some(Stream {
            stream: self.stream,
            write_timeout: self.write_timeout,
        })
    }
}

/// The body of an open-ended answer (see [`Request::into_stream`]).
pub struct Stream {
    stream: TcpStream,
    write_timeout: Duration,
}

impl Stream {
    /// Writes one message whole within the write timeout; an error ends the stream.
    pub fn send(&mut self, message: &[u8]) -> io::Result<()> {
        write_by(
            &mut self.stream,
            message,
            Instant::now() + self.write_timeout,
        )
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

/// A response head; `length` is left out for a body that ends with the connection.
fn head_bytes(
    status: u16,
    content_type: &str,
    length: Option<usize>,
    extra: &[(&str, &str)],
) -> Vec<u8> {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\n",
        reason(status)
    );
    if let Some(length) = length {
        head.push_str(&format!("Content-Length: {length}\r\n"));
    }
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("Cache-Control: no-store\r\nConnection: close\r\n\r\n");
    head.into_bytes()
}

fn write_response(
    stream: &mut TcpStream,
    response: &Response,
    head_only: bool,
    timeout: Duration,
) -> io::Result<()> {
    // A 405 names what is allowed (RFC 9110, 15.5.6).
    let extra: &[(&str, &str)] = if response.status == 405 {
        &[("Allow", "GET, HEAD")]
    } else {
        &[]
    };
    let head = head_bytes(
        response.status,
        &response.content_type,
        Some(response.body.len()),
        extra,
    );
    // One deadline for the whole answer: a client reading a byte now and then cannot stretch
    // it, as it could a timeout per write.
    let deadline = Instant::now() + timeout;
    write_by(stream, &head, deadline)?;
    if !head_only {
        write_by(stream, &response.body, deadline)?;
    }
    Ok(())
}

/// Writes all of `bytes` before `deadline`, or fails with `TimedOut`.
fn write_by(stream: &mut TcpStream, mut bytes: &[u8], deadline: Instant) -> io::Result<()> {
    while !bytes.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        stream.set_write_timeout(Some(left))?;
        match stream.write(bytes) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Closes after an answer: the write side first (the answer is followed by the end of the
/// stream), then what the client still sends is read and dropped, within [`LINGER`] and
/// [`LINGER_BYTES`]. Closing a socket with unread bytes resets it, and a reset can make the
/// client drop an answer it has not read yet.
fn linger_close(mut stream: TcpStream) {
    if stream.shutdown(Shutdown::Write).is_err() {
        return;
    }
    let deadline = Instant::now() + LINGER;
    let mut sink = [0u8; 4096];
    let mut drained = 0;
    while drained < LINGER_BYTES {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match stream.read(&mut sink) {
            Ok(0) => return,
            Ok(n) => drained += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}

/// Where the head in `buf` ends (after its blank line), searching from `from`. A bare LF ends
/// it too, so that such a head is answered 400 at once instead of waiting for the timeout.
fn head_end(buf: &[u8], from: usize) -> Option<usize> {
    let start = from.saturating_sub(3);
    (start..buf.len()).find_map(|i| {
        if buf[i] != b'\n' {
            return None;
        }
        match (buf.get(i + 1), buf.get(i + 2)) {
            (Some(b'\n'), _) => Some(i + 2),
            (Some(b'\r'), Some(b'\n')) => Some(i + 3),
            _ => None,
        }
    })
}

/// Reads a request head of at most `max` bytes before `deadline`. Bytes after it (a body) are
/// left unread.
pub fn read_head(
    stream: &mut TcpStream,
    deadline: Instant,
    max: usize,
) -> Result<Vec<u8>, HeadError> {
    let mut head: Vec<u8> = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    let mut searched = 0;
    loop {
        if let Some(end) = head_end(&head, searched) {
            head.truncate(end);
            return Ok(head);
        }
        searched = head.len();
        if head.len() >= max {
            return Err(if head.contains(&b'\n') {
                HeadError::TooLarge
            } else {
                HeadError::LineTooLong
            });
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(HeadError::TimedOut {
                started: !head.is_empty(),
            });
        }
        // The timeout of each read is what is left of the head's: the deadline holds however
        // the bytes are spread.
        stream.set_read_timeout(Some(left))?;
        // Never more than the limit in memory.
        let room = (max - head.len()).min(chunk.len());
        match stream.read(&mut chunk[..room]) {
            Ok(0) => return Err(HeadError::Closed),
            Ok(n) => head.extend_from_slice(&chunk[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::Interrupted
                        | io::ErrorKind::WouldBlock
                        | io::ErrorKind::TimedOut
                ) => {}
            Err(e) => return Err(HeadError::Io(e)),
        }
    }
}

/// `tchar` of RFC 9110 (5.6.2): what a method or a header name is made of.
fn is_token(bytes: &[u8]) -> bool {
    !bytes.is_empty()
        && bytes
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Parses a request head (as [`read_head`] returns it) strictly, RFC 9112: CRLF line ends,
/// single spaces in the request line, an origin-form (or absolute-form) target of visible
/// ASCII, `name: value` headers with no space before the colon and no folded lines, exactly
/// one `Host` in HTTP/1.1.
pub fn parse_head(bytes: &[u8]) -> Result<Head, HeadError> {
    // Without its blank line, the head is lines each ended by CR (the LFs are split on).
    let text = bytes
        .strip_suffix(b"\n")
        .and_then(|t| t.strip_suffix(b"\r"))
        .and_then(|t| t.strip_suffix(b"\n"))
        .ok_or(HeadError::Malformed("a line not ended by CRLF"))?;
    let mut lines = text.split(|&b| b == b'\n').map(|line| {
        line.strip_suffix(b"\r")
            .ok_or(HeadError::Malformed("a line not ended by CRLF"))
    });
    let request_line = lines.next().unwrap_or(Ok(b""))?;
    let mut parts = request_line.split(|&b| b == b' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(HeadError::Malformed(
            "the request line is not METHOD TARGET VERSION",
        ));
    };
    let version = match version {
        b"HTTP/1.1" => (1, 1),
        b"HTTP/1.0" => (1, 0),
        [b'H', b'T', b'T', b'P', b'/', major, b'.', minor]
            if major.is_ascii_digit() && minor.is_ascii_digit() =>
        {
            return Err(HeadError::Version);
        }
        _ => return Err(HeadError::Malformed("not an HTTP version")),
    };
    if !is_token(method) {
        return Err(HeadError::Malformed("not a method"));
    }
    if !target.iter().all(|b| (0x21..=0x7e).contains(b)) {
        return Err(HeadError::Malformed(
            "a target with a space, control or non-ASCII byte",
        ));
    }
    // The target is visible ASCII, so it is UTF-8.
    let target = String::from_utf8_lossy(target).into_owned();
    let target = match target.strip_prefix("http://") {
        // An absolute-form target (RFC 9112, 3.2.2): the authority goes, the path stays.
        Some(rest) => match rest.find(['/', '?']) {
            Some(i) if rest.as_bytes()[i] == b'/' => rest[i..].to_string(),
            Some(i) => format!("/{}", &rest[i..]),
            None => "/".to_string(),
        },
        None if target.starts_with('/') => target,
        None => return Err(HeadError::Malformed("a target that is not a path")),
    };
    let mut headers = Vec::new();
    for line in lines {
        let line = line?;
        let colon = line
            .iter()
            .position(|&b| b == b':')
            .ok_or(HeadError::Malformed("a header line without a colon"))?;
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        // A space before the colon, or a line starting with one (a folded line), fails here.
        if !is_token(name) {
            return Err(HeadError::Malformed("a header name that is not a token"));
        }
        let value = value.trim_ascii();
        if value.iter().any(|&b| b != b'\t' && (b < 0x20 || b == 0x7f)) {
            return Err(HeadError::Malformed("a control byte in a header value"));
        }
        headers.push((
            String::from_utf8_lossy(name).into_owned(),
            String::from_utf8_lossy(value).into_owned(),
        ));
    }
    let hosts = headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("host"))
        .count();
    if hosts > 1 || (version == (1, 1) && hosts == 0) {
        // RFC 9112, 3.2: a 400 without exactly one Host in HTTP/1.1, or with several.
        return Err(HeadError::Malformed("not exactly one Host header"));
    }
    // Checked last: a malformed request is a 400 whatever its method.
    let method = match method {
        b"GET" => Method::Get,
        b"HEAD" => Method::Head,
        _ => return Err(HeadError::Method),
    };
    Ok(Head {
        method,
        target,
        headers,
    })
}

/// A place among a limited number, given back when dropped (a panicking handler included).
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(count: &Arc<AtomicUsize>, limit: usize) -> Option<Slot> {
        count
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < limit).then_some(n + 1)
            })
            .ok()
            .map(|_| Slot(Arc::clone(count)))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Reads one request on `stream` and gives it to `answer`; a head that fails is answered with
/// its status (a short English text: only a program sends such a head) or just closed.
fn connection(mut stream: TcpStream, limits: Limits, answer: &dyn Fn(Request)) {
    let deadline = Instant::now() + limits.head_timeout;
    // Answers are written head then body: without this, the body could wait for the
    // client's delayed acknowledgement of the head.
    let _ = stream.set_nodelay(true);
    let head = read_head(&mut stream, deadline, limits.max_head).and_then(|h| parse_head(&h));
    match head {
        Ok(head) => answer(Request {
            head,
            stream,
            write_timeout: limits.write_timeout,
        }),
        Err(error) => {
            if let Some(status) = error.status() {
                let text = format!("{status} {}\n", reason(status));
                let response = Response::new(status, "text/plain; charset=utf-8", text.into());
                let _ = write_response(&mut stream, &response, false, limits.write_timeout);
                linger_close(stream);
            }
        }
    }
}

/// Accepts connections on `listener` for ever, each on a thread of its own: `answer` answers
/// up to `limits.connections` at once; beyond them `busy` answers up to `limits.refusals`
/// more; beyond those a connection is closed at once.
pub fn serve<A, B>(listener: TcpListener, limits: Limits, answer: A, busy: B)
where
    A: Fn(Request) + Send + Sync + 'static,
    B: Fn(Request) + Send + Sync + 'static,
{
    let answer: Arc<dyn Fn(Request) + Send + Sync> = Arc::new(answer);
    let busy: Arc<dyn Fn(Request) + Send + Sync> = Arc::new(busy);
    let serving = Arc::new(AtomicUsize::new(0));
    let refusing = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            // Out of file descriptors, say: wait for connections to end rather than spin.
            Err(_) => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let (slot, handler) = match Slot::take(&serving, limits.connections) {
            Some(slot) => (slot, Arc::clone(&answer)),
            None => match Slot::take(&refusing, limits.refusals) {
                Some(slot) => (slot, Arc::clone(&busy)),
                None => continue,
            },
        };
        // When no thread is to be had, the closure is dropped, and the connection with it.
        let _ = std::thread::Builder::new().spawn(move || {
            let _slot = slot;
            connection(stream, limits, &*handler);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Head, HeadError> {
        parse_head(text.as_bytes())
    }

    #[test]
    fn a_browser_request_parses() {
        let head = parse(
            "GET /kabupaten-blitar/2025/?x=1 HTTP/1.1\r\nHost: 127.0.0.1:1111\r\nUser-Agent: Mozilla/5.0 (X11)\r\nAccept:text/html,*/*;q=0.8 \r\n\r\n",
        )
        .unwrap();
        assert_eq!(head.method, Method::Get);
        assert_eq!(head.target, "/kabupaten-blitar/2025/?x=1");
        assert_eq!(
            header(&head.headers, "user-agent"),
            Some("Mozilla/5.0 (X11)")
        );
        assert_eq!(header(&head.headers, "ACCEPT"), Some("text/html,*/*;q=0.8"));
        let head = parse("HEAD http://127.0.0.1:1111/a/b.css HTTP/1.0\r\n\r\n").unwrap();
        assert_eq!(
            (head.method, head.target.as_str()),
            (Method::Head, "/a/b.css")
        );
        assert_eq!(
            parse("GET http://127.0.0.1 HTTP/1.0\r\n\r\n")
                .unwrap()
                .target,
            "/"
        );
        assert_eq!(
            parse("GET http://127.0.0.1?q HTTP/1.0\r\n\r\n")
                .unwrap()
                .target,
            "/?q"
        );
    }

    #[test]
    fn malformed_heads_are_400_and_others_405_or_505() {
        for text in [
            "\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\n\n",
            "GET / HTTP/1.1\nHost: a\r\n\r\n",
            "GET /\r\n\r\n",
            "GET  / HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET / HTTP/1.1 \r\nHost: a\r\n\r\n",
            "GET /\u{7f} HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET /é HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET * HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET https://a/ HTTP/1.1\r\nHost: a\r\n\r\n",
            "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET / http/1.1\r\nHost: a\r\n\r\n",
            "GET / HTTP/1.1\r\n: a\r\nHost: a\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\r\n\tfolded\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\r\n\r\nGET",
            "GET / HTTP/1.0\r\nHost: a\r\nhost: b\r\n\r\n",
        ] {
            let result = parse(text);
            assert!(
                matches!(result, Err(HeadError::Malformed(_))),
                "{text:?}: {result:?}"
            );
        }
        assert!(matches!(
            parse("POST / HTTP/1.1\r\nHost: a\r\n\r\n"),
            Err(HeadError::Method)
        ));
        assert!(matches!(
            parse("GET / HTTP/3.0\r\nHost: a\r\n\r\n"),
            Err(HeadError::Version)
        ));
        assert_eq!(HeadError::TimedOut { started: false }.status(), None);
        assert_eq!(HeadError::TimedOut { started: true }.status(), Some(408));
    }

    #[test]
    fn a_head_ends_at_its_blank_line_wherever_the_reads_split_it() {
        let text = b"GET / HTTP/1.1\r\nHost: a\r\n\r\nbody";
        for from in 0..text.len() {
            assert_eq!(head_end(text, from.min(25)), Some(27), "{from}");
        }
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n", 0), None);
        assert_eq!(head_end(b"GET /\n\n", 0), Some(7));
    }

    /// A server on a free port with `limits`, answering every request 200 "ok".
    fn server(limits: Limits) -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            serve(
                listener,
                limits,
                |r| r.respond(Response::new(200, "text/plain", b"ok".to_vec())),
                |r| r.respond(Response::new(503, "text/plain", b"sibuk".to_vec())),
            )
        });
        port
    }

    fn exchange(port: u16, request: &[u8]) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream.write_all(request).unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    }

    #[test]
    fn the_limits_hold_on_a_real_socket() {
        let limits = Limits {
            connections: 1,
            refusals: 1,
            head_timeout: Duration::from_millis(300),
            max_head: 256,
            write_timeout: Duration::from_secs(5),
        };
        let port = server(Limits {
            connections: 8,
            ..limits
        });
        let ok = exchange(port, b"GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        assert!(ok.starts_with("HTTP/1.1 200 OK\r\n"), "{ok}");
        assert!(ok.ends_with("\r\nConnection: close\r\n\r\nok"), "{ok}");
        let head = exchange(port, b"HEAD / HTTP/1.1\r\nHost: a\r\n\r\n");
        assert!(head.contains("Content-Length: 2\r\n") && head.ends_with("\r\n\r\n"));
        let big = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(300));
        assert!(exchange(port, big.as_bytes()).starts_with("HTTP/1.1 431 "));
        let long = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(300));
        assert!(exchange(port, long.as_bytes()).starts_with("HTTP/1.1 414 "));
        let mut started = TcpStream::connect(("127.0.0.1", port)).unwrap();
        started.write_all(b"GET / HT").unwrap();
        started
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut rest = Vec::new();
        let _ = started.read_to_end(&mut rest);
        assert!(String::from_utf8_lossy(&rest).starts_with("HTTP/1.1 408 "));

        // A silent connection holds the one slot until the head timeout, and is then closed
        // without a word; meanwhile 503.
        let port = server(limits);
        let mut silent = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let busy = exchange(port, b"GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        assert!(busy.starts_with("HTTP/1.1 503 "), "{busy}");
        silent
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        assert_eq!(silent.read_to_end(&mut Vec::new()).unwrap(), 0);
    }
}
