//! The preview's HTTP/1.1 server: `GET` and `HEAD` for this computer's
//! browser, with every limit explicit, so that no client can take the
//! preview down or hold it for others.
//!
//! tiny_http, used before, aborted the process on one large
//! `Content-Length` and let one connection stall every worker. This keeps
//! to what a preview needs: requests are parsed by `httparse` (the parser
//! hyper uses), each connection has its own thread and deadlines, the
//! number of connections is capped, request bodies are refused unread, and
//! only requests naming this computer are answered (against DNS
//! rebinding: a web page whose name is rebound to 127.0.0.1 sends its own
//! name as `Host`). A handler may answer one byte range of a file
//! ([`Response::ranged`]): browsers seek in a recording that way.

use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The limits a connection lives within.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Open connections at once; more are answered 503 and closed.
    pub connections: usize,
    /// Open event streams at once (each holds its connection).
    pub streams: usize,
    /// Bytes of request line and headers.
    pub head_bytes: usize,
    /// Time to send a whole request head, from its first byte.
    pub head_time: Duration,
    /// Time a kept-alive connection may wait for its next request.
    pub idle_time: Duration,
    /// Time to send a whole response to a slow reader.
    pub response_time: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            connections: 256,
            // Streams may hold at most half: pages can always be fetched.
            streams: 128,
            head_bytes: 16 * 1024,
            head_time: Duration::from_secs(10),
            idle_time: Duration::from_secs(5),
            response_time: Duration::from_secs(60),
        }
    }
}

/// A request the preview answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `HEAD` gets the headers of a `GET` without the body.
    pub head_only: bool,
    /// Path and query, as sent.
    pub target: String,
    /// The `Range` header: a part of the file is asked for (browsers ask
    /// for parts of a recording to seek in it). Left out when the request
    /// also says `If-Range`, which the preview cannot check: the whole
    /// file is always right then.
    pub range: Option<String>,
}

/// Writes an event stream, head included, for as long as it lasts.
pub type StreamWriter = Box<dyn FnOnce(&mut EventStream) + Send>;

/// The connection an event stream is written to.
pub struct EventStream<'a>(&'a mut TcpStream);

/// What looking at an event stream's connection saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waited {
    /// Nothing: the page is still open.
    Quiet,
    /// The page was closed, or the connection failed.
    Closed,
    /// The client sent bytes after the stream, which are never read: its
    /// connection can no longer say when it closes.
    Unread,
}

impl EventStream<'_> {
    /// Looks, without waiting, whether the reader is gone, so that a
    /// closed page frees its connection soon rather than at the next event.
    pub fn look(&mut self) -> Waited {
        if self.0.set_nonblocking(true).is_err() {
            return Waited::Closed;
        }
        let mut byte = [0u8; 1];
        let seen = match self.0.peek(&mut byte) {
            Ok(0) => Waited::Closed,
            Ok(_) => Waited::Unread,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::Interrupted) => {
                Waited::Quiet
            }
            Err(_) => Waited::Closed,
        };
        // Events are written blocking: a slow reader holds its own stream.
        if self.0.set_nonblocking(false).is_err() {
            return Waited::Closed;
        }
        seen
    }
}

impl Write for EventStream<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// What a handler answers.
pub enum Reply {
    /// A whole response.
    Full(Response),
    /// An event stream: the connection is handed over and closed after.
    Stream(StreamWriter),
}

/// A whole response.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Headers besides `Content-Length` and `Connection`, which are added.
    pub headers: Vec<(&'static str, String)>,
    /// The body, shared with the snapshot it came from.
    pub body: Arc<Vec<u8>>,
    /// The part of `body` to send, when a range was asked for.
    pub part: Option<std::ops::Range<usize>>,
}

impl Response {
    /// A response of one type that no one caches.
    pub fn new(status: u16, content_type: &str, body: impl Into<Arc<Vec<u8>>>) -> Response {
        Response {
            status,
            headers: vec![
                ("Content-Type", content_type.to_string()),
                ("Cache-Control", "no-store".to_string()),
            ],
            body: body.into(),
            part: None,
        }
    }

    /// A short plain-text answer.
    pub fn text(status: u16, text: &str) -> Response {
        Response::new(
            status,
            "text/plain; charset=utf-8",
            format!("{text}\n").into_bytes(),
        )
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &'static str, value: &str) -> Response {
        self.headers.push((name, value.to_string()));
        self
    }

    /// This file, or the part of it that `range` (a `Range` header) asks
    /// for: `206 Partial Content`, or `416` for a range past its end. A
    /// header that is not one range of bytes gets the whole file, as RFC
    /// 9110 allows; only whole files (status 200) are cut.
    pub fn ranged(mut self, range: Option<&str>) -> Response {
        self.headers.push(("Accept-Ranges", "bytes".to_string()));
        let len = self.body.len();
        let Some(header) = range.filter(|_| self.status == 200) else {
            return self;
        };
        match byte_range(header, len) {
            None => self,
            Some(Some(part)) => {
                self.status = 206;
                self.headers.push((
                    "Content-Range",
                    format!("bytes {}-{}/{len}", part.start, part.end - 1),
                ));
                self.part = Some(part);
                self
            }
            Some(None) => Response::text(416, "The range asked for is past the end of the file.")
                .with_header("Content-Range", &format!("bytes */{len}")),
        }
    }
}

/// The bytes of a body of `len` bytes that a `Range` header asks for:
/// `None` when it is not one range of bytes (several ranges, another
/// unit, not numbers), `Some(None)` when the range starts past the end.
fn byte_range(header: &str, len: usize) -> Option<Option<std::ops::Range<usize>>> {
    let (unit, spec) = header.trim().split_once('=')?;
    if !unit.trim().eq_ignore_ascii_case("bytes") || spec.contains(',') {
        return None;
    }
    let (first, last) = spec.trim().split_once('-')?;
    // Digits only: Rust's parser would also take `+5`.
    let number = |text: &str| -> Option<usize> {
        let text = text.trim();
        (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse().ok())
            .flatten()
    };
    if first.trim().is_empty() {
        // The last `n` bytes.
        let n = number(last)?;
        return Some((n > 0 && len > 0).then(|| len - n.min(len)..len));
    }
    let start = number(first)?;
    let end = match last.trim() {
        "" => None,
        last => Some(number(last)?),
    };
    if end.is_some_and(|end| end < start) {
        return None;
    }
    if start >= len {
        return Some(None);
    }
    let end = end.map_or(len - 1, |end| end.min(len - 1));
    Some(Some(start..end + 1))
}

/// Serves `listener` until the process ends, answering each request with
/// `handler`.
pub fn run<H>(listener: TcpListener, limits: Limits, handler: Arc<H>)
where
    H: Fn(&Request) -> Reply + Send + Sync + 'static,
{
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
    let open = Arc::new(AtomicUsize::new(0));
    let streams = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else {
            // Out of file handles, or a connection reset before it was
            // taken: wait a moment rather than spin.
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        if open.fetch_add(1, Ordering::SeqCst) >= limits.connections {
            open.fetch_sub(1, Ordering::SeqCst);
            // One try, without waiting: the acceptor serves everyone.
            let _ = stream.set_nonblocking(true);
            let _ = stream.write(
                b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
            continue;
        }
        let connection = Connection {
            port,
            limits,
            open: open.clone(),
            streams: streams.clone(),
        };
        let handler = handler.clone();
        // A thread that cannot start drops `connection`, which counts it
        // out. The stack is only reserved: handlers load the project for
        // the status page, which unoptimised builds need room for.
        let _ = std::thread::Builder::new()
            .name("preview connection".into())
            .stack_size(2 * 1024 * 1024)
            .spawn(move || connection.serve(stream, &*handler));
    }
}

/// One connection's thread; counts itself out when it ends.
struct Connection {
    port: u16,
    limits: Limits,
    open: Arc<AtomicUsize>,
    streams: Arc<AtomicUsize>,
}

impl Drop for Connection {
    fn drop(&mut self) {
        self.open.fetch_sub(1, Ordering::SeqCst);
    }
}

/// One of the open event streams, given back however the stream ends.
struct StreamSlot<'a>(&'a AtomicUsize);

impl StreamSlot<'_> {
    fn take(streams: &AtomicUsize, limit: usize) -> Option<StreamSlot<'_>> {
        if streams.fetch_add(1, Ordering::SeqCst) >= limit {
            streams.fetch_sub(1, Ordering::SeqCst);
            return None;
        }
        Some(StreamSlot(streams))
    }
}

impl Drop for StreamSlot<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// How reading a request head ended, other than with a request.
enum Refusal {
    /// The client closed, went quiet, or the connection failed: nothing to say.
    Gone,
    /// Answer this, then close.
    Answer(Response),
}

impl Connection {
    fn serve<H>(self, mut stream: TcpStream, handler: &H)
    where
        H: Fn(&Request) -> Reply,
    {
        let _ = stream.set_nodelay(true);
        // Bytes read past the last request: the start of a pipelined one.
        let mut buffer: Vec<u8> = Vec::new();
        let mut first = true;
        loop {
            let wait = if first {
                self.limits.head_time
            } else {
                self.limits.idle_time
            };
            first = false;
            let (request, keep_alive) = match self.read_request(&mut stream, &mut buffer, wait) {
                Ok(read) => read,
                Err(Refusal::Gone) => return,
                Err(Refusal::Answer(response)) => {
                    let deadline = Instant::now() + Duration::from_secs(5);
                    let _ = write_response(&mut stream, &response, false, false, deadline);
                    let _ = stream.shutdown(std::net::Shutdown::Write);
                    drain(&mut stream);
                    return;
                }
            };
            match handler(&request) {
                Reply::Full(response) => {
                    let deadline = Instant::now() + self.limits.response_time;
                    let written = write_response(
                        &mut stream,
                        &response,
                        request.head_only,
                        keep_alive,
                        deadline,
                    );
                    if written.is_err() || !keep_alive {
                        return;
                    }
                }
                Reply::Stream(write) => {
                    let Some(_slot) = StreamSlot::take(&self.streams, self.limits.streams) else {
                        let response = Response::text(503, "Too many open previews.");
                        let deadline = Instant::now() + Duration::from_secs(5);
                        let _ = write_response(&mut stream, &response, false, false, deadline);
                        return;
                    };
                    // A stream that stops reading is dropped at the next event.
                    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
                    write(&mut EventStream(&mut stream));
                    // Nothing sent after a stream is read: it ends the connection.
                    return;
                }
            }
        }
    }

    /// Reads one request head within `wait`, and whether the connection
    /// may stay open after it.
    fn read_request(
        &self,
        stream: &mut TcpStream,
        buffer: &mut Vec<u8>,
        wait: Duration,
    ) -> Result<(Request, bool), Refusal> {
        let deadline = Instant::now() + wait;
        let mut chunk = [0u8; 4096];
        let end = loop {
            if let Some(at) = head_end(buffer) {
                break at;
            }
            if buffer.len() > self.limits.head_bytes {
                return Err(Refusal::Answer(Response::text(
                    431,
                    "Request headers too large.",
                )));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
                return Err(timed_out(buffer));
            }
            match stream.read(&mut chunk) {
                Ok(0) => return Err(Refusal::Gone),
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    return Err(timed_out(buffer));
                }
                Err(_) => return Err(Refusal::Gone),
            }
        };
        if end > self.limits.head_bytes {
            return Err(Refusal::Answer(Response::text(
                431,
                "Request headers too large.",
            )));
        }
        let head: Vec<u8> = buffer.drain(..end).collect();
        self.parse(&head)
    }

    fn parse(&self, head: &[u8]) -> Result<(Request, bool), Refusal> {
        let bad = |text: &str| Err(Refusal::Answer(Response::text(400, text)));
        let mut headers = [httparse::EMPTY_HEADER; 64];
        let mut parsed = httparse::Request::new(&mut headers);
        match parsed.parse(head) {
            Ok(httparse::Status::Complete(_)) => {}
            Ok(httparse::Status::Partial) => return bad("Incomplete request."),
            Err(httparse::Error::TooManyHeaders) => {
                return Err(Refusal::Answer(Response::text(431, "Too many headers.")));
            }
            Err(_) => return bad("Malformed request."),
        }
        let (Some(method), Some(target), Some(version)) =
            (parsed.method, parsed.path, parsed.version)
        else {
            return bad("Malformed request.");
        };
        // Framing and naming headers given twice could be read two ways.
        for name in ["Host", "Content-Length", "Transfer-Encoding"] {
            let count = parsed
                .headers
                .iter()
                .filter(|h| h.name.eq_ignore_ascii_case(name))
                .count();
            if count > 1 {
                return bad(&format!("More than one {name} header."));
            }
        }
        let value = |name: &str| -> Option<&str> {
            parsed
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case(name))
                .map(|h| std::str::from_utf8(h.value).unwrap_or("\u{FFFD}").trim())
        };
        // The preview takes no uploads: a body is refused before any of
        // it is read.
        let has_body = value("Transfer-Encoding").is_some()
            || value("Content-Length").is_some_and(|length| length != "0");
        if has_body {
            return Err(Refusal::Answer(Response::text(
                413,
                "The preview takes no request bodies.",
            )));
        }
        let head_only = match method {
            "GET" => false,
            "HEAD" => true,
            _ => {
                return Err(Refusal::Answer(
                    Response::text(405, "Only GET and HEAD.").with_header("Allow", "GET, HEAD"),
                ));
            }
        };
        if !target.starts_with('/') {
            return bad("The request target must be a path.");
        }
        match value("Host") {
            Some(host) if is_own_host(host, self.port) => {}
            None if version == 0 => {}
            Some(_) => {
                return Err(Refusal::Answer(Response::text(
                    403,
                    &format!(
                        "This preview answers only to this computer's own address, such as http://127.0.0.1:{}/",
                        self.port
                    ),
                )));
            }
            None => return bad("No Host header."),
        }
        let close = value("Connection").is_some_and(|c| {
            c.split(',')
                .any(|token| token.trim().eq_ignore_ascii_case("close"))
        });
        let keep_alive = version == 1 && !close;
        let range = value("Range")
            .filter(|_| value("If-Range").is_none())
            .map(str::to_string);
        Ok((
            Request {
                head_only,
                target: target.to_string(),
                range,
            },
            keep_alive,
        ))
    }
}

/// A request head that did not arrive in time: a slow client gets a 408,
/// an idle kept-alive connection is just closed.
fn timed_out(buffer: &[u8]) -> Refusal {
    if buffer.is_empty() {
        Refusal::Gone
    } else {
        Refusal::Answer(Response::text(408, "Request took too long."))
    }
}

/// Where the request head at the start of `buffer` ends, as the parser
/// that reads it sees it (a bare `\n` ends lines too); for a malformed
/// head, the whole buffer, so that parsing says what is wrong.
fn head_end(buffer: &[u8]) -> Option<usize> {
    let mut headers = [httparse::EMPTY_HEADER; 64];
    match httparse::Request::new(&mut headers).parse(buffer) {
        Ok(httparse::Status::Complete(end)) => Some(end),
        Ok(httparse::Status::Partial) => None,
        Err(_) => Some(buffer.len()),
    }
}

/// Reads what a refused client still sends, for a moment, so that closing
/// does not reset the connection before the answer is read.
fn drain(stream: &mut TcpStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut sink = [0u8; 4096];
    let mut left: usize = 64 * 1024;
    while left > 0 {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => return,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
}

/// Whether `host` (a `Host` header) names this computer: `localhost` or an
/// address, with this server's port if any. A name other than
/// `localhost` can be pointed at any address by whoever owns it.
pub fn is_own_host(host: &str, port: u16) -> bool {
    let (name, host_port) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((address, after)) => (address, after.strip_prefix(':')),
            None => return false,
        },
        None => match host.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    let port_matches = match host_port {
        None => true,
        Some(p) => p.parse::<u16>() == Ok(port),
    };
    let bracketed = host.starts_with('[');
    let name_ok = name.eq_ignore_ascii_case("localhost")
        || name.eq_ignore_ascii_case("localhost.")
        || match name.parse::<IpAddr>() {
            Ok(IpAddr::V6(_)) => bracketed,
            Ok(IpAddr::V4(_)) => !bracketed,
            Err(_) => false,
        };
    port_matches && name_ok
}

/// Writes `response` within `deadline`, in pieces so that a reader that
/// stops reading loses its connection rather than holding a thread.
fn write_response(
    stream: &mut TcpStream,
    response: &Response,
    head_only: bool,
    keep_alive: bool,
    deadline: Instant,
) -> std::io::Result<()> {
    let body = match &response.part {
        Some(part) => response.body.get(part.clone()).unwrap_or_default(),
        None => &response.body[..],
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Length: {}\r\n",
        response.status,
        reason(response.status),
        body.len()
    );
    for (name, value) in &response.headers {
        // Header values are the preview's own (types, paths it built), but
        // a line break in one would start a new header.
        let value: String = value.chars().filter(|c| !c.is_control()).collect();
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(if keep_alive {
        "Connection: keep-alive\r\n\r\n"
    } else {
        "Connection: close\r\n\r\n"
    });
    write_within(stream, head.as_bytes(), deadline)?;
    if !head_only {
        for piece in body.chunks(64 * 1024) {
            write_within(stream, piece, deadline)?;
        }
    }
    stream.flush()
}

fn write_within(
    stream: &mut TcpStream,
    mut bytes: &[u8],
    deadline: Instant,
) -> std::io::Result<()> {
    while !bytes.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ErrorKind::TimedOut.into());
        }
        stream.set_write_timeout(Some(left))?;
        match stream.write(bytes) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        206 => "Partial Content",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        416 => "Range Not Satisfiable",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufRead;

    /// A server with `limits` on a free port, answering `/` with "page",
    /// `/big` with 16 MB, `/events` with a stream that writes one line.
    fn start(limits: Limits) -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let handler = |request: &Request| match request.target.as_str() {
            "/events" => Reply::Stream(Box::new(|w: &mut EventStream| {
                let _ = w.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nevent\n");
                std::thread::sleep(Duration::from_millis(300));
            })),
            "/big" => Reply::Full(Response::new(200, "application/pdf", vec![b'x'; 16 << 20])),
            "/digits" => Reply::Full(
                Response::new(200, "audio/mpeg", b"0123456789".to_vec())
                    .ranged(request.range.as_deref()),
            ),
            target => Reply::Full(Response::text(200, &format!("page {target}"))),
        };
        std::thread::spawn(move || run(listener, limits, Arc::new(handler)));
        port
    }

    fn connect(port: u16) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        stream
    }

    /// Everything the server sends until it closes the connection.
    fn read_all(stream: &mut TcpStream) -> String {
        let mut out = Vec::new();
        let _ = stream.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    /// Everything the server answers to `request`, sent as it is.
    fn send(port: u16, request: &[u8]) -> String {
        let mut stream = connect(port);
        stream.write_all(request).unwrap();
        read_all(&mut stream)
    }

    fn get(port: u16, path: &str) -> String {
        let mut stream = connect(port);
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        read_all(&mut stream)
    }

    #[test]
    fn a_body_is_refused_before_it_is_read() {
        let port = start(Limits::default());
        for length in ["9223372036854775807", "1000000"] {
            let mut stream = connect(port);
            write!(
                stream,
                "GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: {length}\r\n\r\n"
            )
            .unwrap();
            let answer = read_all(&mut stream);
            assert!(answer.starts_with("HTTP/1.1 413 "), "{answer}");
        }
        let chunked = b"GET / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n";
        assert!(send(port, chunked).starts_with("HTTP/1.1 413 "));
        assert!(get(port, "/").contains("page /"));
    }

    #[test]
    fn a_head_too_large_is_refused_without_growing() {
        let port = start(Limits::default());
        let mut stream = connect(port);
        let line = vec![b'a'; 64 * 1024];
        stream.write_all(b"GET /").unwrap();
        // The server answers and closes after its limit: writing more
        // fails or goes nowhere, and the answer is a 431.
        for _ in 0..64 {
            if stream.write_all(&line).is_err() {
                break;
            }
        }
        let answer = read_all(&mut stream);
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 431 "),
            "{answer}"
        );
        assert!(get(port, "/").contains("page /"));
    }

    #[test]
    fn a_slow_head_times_out_and_does_not_hold_others() {
        let limits = Limits {
            head_time: Duration::from_millis(300),
            ..Limits::default()
        };
        let port = start(limits);
        let mut slow: Vec<TcpStream> = (0..50).map(|_| connect(port)).collect();
        for stream in &mut slow {
            stream.write_all(b"GET / HTTP/1.1\r\nHost: loc").unwrap();
        }
        let started = Instant::now();
        assert!(get(port, "/").contains("page /"));
        assert!(started.elapsed() < Duration::from_millis(250));
        for stream in &mut slow {
            let answer = read_all(stream);
            assert!(answer.starts_with("HTTP/1.1 408 "), "{answer}");
        }
    }

    #[test]
    fn other_names_methods_and_targets_are_refused() {
        let port = start(Limits::default());
        for (request, status) in [
            ("GET / HTTP/1.1\r\nHost: evil.example:1\r\n\r\n", "403"),
            ("GET / HTTP/1.1\r\n\r\n", "400"),
            (
                "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n",
                "405",
            ),
            (
                "GET http://localhost/ HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "400",
            ),
            ("GARBAGE\r\n\r\n", "400"),
        ] {
            let mut stream = connect(port);
            stream.write_all(request.as_bytes()).unwrap();
            let answer = read_all(&mut stream);
            assert!(
                answer.starts_with(&format!("HTTP/1.1 {status} ")),
                "{request:?}: {answer}"
            );
        }
    }

    #[test]
    fn pipelined_requests_are_answered_in_order_until_a_stream() {
        let port = start(Limits::default());
        let mut stream = connect(port);
        stream
            .write_all(
                b"GET /a HTTP/1.1\r\nHost: localhost\r\n\r\nHEAD /b HTTP/1.1\r\nHost: localhost\r\n\r\n\
                  GET /events HTTP/1.1\r\nHost: localhost\r\n\r\nGET /c HTTP/1.1\r\nHost: localhost\r\n\r\n",
            )
            .unwrap();
        let answer = read_all(&mut stream);
        let a = answer.find("page /a").expect(&answer);
        assert!(answer[a..].contains("event\n"), "{answer}");
        // HEAD gets no body; nothing after the stream is read.
        assert!(!answer.contains("page /b"), "{answer}");
        assert!(!answer.contains("page /c"), "{answer}");
        assert_eq!(answer.matches("HTTP/1.1 200").count(), 3, "{answer}");
    }

    #[test]
    fn connections_and_streams_are_capped() {
        let limits = Limits {
            connections: 4,
            streams: 1,
            ..Limits::default()
        };
        let port = start(limits);
        let mut first = connect(port);
        first
            .write_all(b"GET /events HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .unwrap();
        let mut line = String::new();
        std::io::BufReader::new(first.try_clone().unwrap())
            .read_line(&mut line)
            .unwrap();
        let mut second = connect(port);
        second
            .write_all(b"GET /events HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .unwrap();
        assert!(read_all(&mut second).starts_with("HTTP/1.1 503 "));
        // Once the stream has ended, four connections that send nothing
        // (each waits for its request for 10 s) fill the preview.
        read_all(&mut first);
        std::thread::sleep(Duration::from_millis(100));
        let idle: Vec<TcpStream> = (0..4).map(|_| connect(port)).collect();
        std::thread::sleep(Duration::from_millis(100));
        let mut over = connect(port);
        assert!(read_all(&mut over).starts_with("HTTP/1.1 503 "));
        drop(idle);
    }

    #[test]
    fn a_reader_that_stops_reading_loses_its_connection() {
        let limits = Limits {
            response_time: Duration::from_millis(300),
            ..Limits::default()
        };
        let port = start(limits);
        let mut stream = connect(port);
        stream
            .write_all(b"GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .unwrap();
        std::thread::sleep(Duration::from_millis(800));
        // The server gave up: what arrived is less than the whole file.
        let answer = read_all(&mut stream);
        assert!(answer.len() < 16 << 20, "{}", answer.len());
    }

    #[test]
    fn ranges_of_bytes_are_read_as_rfc_9110_says() {
        let cases: &[(&str, Option<Option<std::ops::Range<usize>>>)] = &[
            ("bytes=0-", Some(Some(0..10))),
            ("bytes=2-5", Some(Some(2..6))),
            ("Bytes = 2 - 5", Some(Some(2..6))),
            ("bytes=8-100", Some(Some(8..10))),
            ("bytes=-3", Some(Some(7..10))),
            ("bytes=-30", Some(Some(0..10))),
            ("bytes=10-", Some(None)),
            ("bytes=-0", Some(None)),
            ("bytes=5-2", None),
            ("bytes=0-1,4-5", None),
            ("bytes=+1-2", None),
            ("bytes=a-", None),
            ("items=0-1", None),
            ("bytes=99999999999999999999999-", None),
            ("bytes", None),
        ];
        for (header, expected) in cases {
            assert_eq!(&byte_range(header, 10), expected, "{header}");
        }
        assert_eq!(byte_range("bytes=0-", 0), Some(None));
    }

    // Browsers ask for parts of a recording to seek in it (issue 15).
    #[test]
    fn a_range_gets_that_part_of_the_file() {
        let port = start(Limits::default());
        let ask = |headers: &str| {
            send(
                port,
                format!(
                    "GET /digits HTTP/1.1\r\nHost: localhost\r\n{headers}Connection: close\r\n\r\n"
                )
                .as_bytes(),
            )
        };
        let part = ask("Range: bytes=2-5\r\n");
        assert!(
            part.starts_with("HTTP/1.1 206 Partial Content\r\n"),
            "{part}"
        );
        assert!(part.contains("Content-Range: bytes 2-5/10\r\n"), "{part}");
        assert!(part.contains("Content-Length: 4\r\n"), "{part}");
        assert!(part.ends_with("\r\n\r\n2345"), "{part}");
        let whole = ask("");
        assert!(whole.starts_with("HTTP/1.1 200 OK\r\n"), "{whole}");
        assert!(whole.contains("Accept-Ranges: bytes\r\n"), "{whole}");
        assert!(whole.ends_with("0123456789"), "{whole}");
        // `If-Range` cannot be checked: the whole file is right.
        let unsure = ask("Range: bytes=2-5\r\nIf-Range: \"x\"\r\n");
        assert!(unsure.ends_with("\r\n\r\n0123456789"), "{unsure}");
        let past = ask("Range: bytes=10-\r\n");
        assert!(past.starts_with("HTTP/1.1 416 "), "{past}");
        assert!(past.contains("Content-Range: bytes */10\r\n"), "{past}");
        let head = send(
            port,
            b"HEAD /digits HTTP/1.1\r\nHost: localhost\r\nRange: bytes=-4\r\nConnection: close\r\n\r\n",
        );
        assert!(head.contains("Content-Length: 4\r\n"), "{head}");
        assert!(head.ends_with("\r\n\r\n"), "{head}");
    }

    #[test]
    fn only_this_computers_names_are_own_hosts() {
        for host in [
            "localhost",
            "localhost:1111",
            "LOCALHOST:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
            "192.168.1.20:1111",
            "127.0.0.1",
        ] {
            assert!(is_own_host(host, 1111), "{host}");
        }
        for host in [
            "evil.example:1111",
            "localhost.evil.example:1111",
            "127.0.0.1.nip.io:1111",
            "localhost:2222",
            "::1",
            "[::1",
            "[127.0.0.1]:1111",
            "",
        ] {
            assert!(!is_own_host(host, 1111), "{host}");
        }
    }

    #[test]
    fn a_head_ends_at_the_first_blank_line() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n\r\nGET"), Some(18));
        assert_eq!(head_end(b"GET / HTTP/1.1\nHost: a\n\nGET"), Some(24));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\n"), None);
        assert_eq!(head_end(b"\x01\x02 junk"), Some(7));
    }

    #[test]
    fn bare_line_feeds_and_doubled_headers() {
        let port = start(Limits::default());
        let answer = send(
            port,
            b"GET /lf HTTP/1.1\nHost: localhost\nConnection: close\n\n",
        );
        assert!(answer.contains("page /lf"), "{answer}");
        let doubled =
            b"GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nContent-Length: 9\r\n\r\n";
        assert!(send(port, doubled).starts_with("HTTP/1.1 400 "));
    }
}
