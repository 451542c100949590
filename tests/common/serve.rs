//! A running `outreach serve` in a test, asked over raw HTTP on loopback
//! (requests are written by hand so that addresses such as `/../` reach
//! the server exactly as typed).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::Project;

/// A running `outreach serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    /// The address it printed.
    pub url: String,
    log: std::path::PathBuf,
}

impl Server {
    /// What the server printed for people so far.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process is still running.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start(p: &Project) -> Server {
    start_with(p, &[])
}

/// `outreach serve --port 0 EXTRA…` in the project.
pub fn start_with(p: &Project, extra: &[&str]) -> Server {
    let log = p.root().join("serve.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_outreach"))
        .args(["serve", "--port", "0"])
        .args(extra)
        .current_dir(p.root())
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    // "Preview: http://127.0.0.1:PORT/_outreach/"
    let port = line
        .rsplit(':')
        .next()
        .and_then(|rest| rest.split('/').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no address in `{line}`"));
    let url = line.trim().trim_start_matches("Preview: ").to_string();
    Server {
        child,
        port,
        url,
        log,
    }
}

/// (status, headers, body) of `GET path`, with the path sent as written.
pub fn get(port: u16, path: &str) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    // HTTP/1.0: the whole body as it is, never in chunks.
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response");
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head, response[split + 4..].to_vec())
}

pub fn text(port: u16, path: &str) -> (u16, String) {
    let (status, _, body) = get(port, path);
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// An open event stream.
pub struct Events(BufReader<TcpStream>);

impl Events {
    pub fn open(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "GET /_outreach/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        while line != "\r\n" {
            line.clear();
            reader.read_line(&mut line).unwrap();
        }
        Events(reader)
    }

    /// The next event's name and data lines.
    pub fn next(&mut self) -> (String, String) {
        let (mut name, mut data) = (String::new(), String::new());
        loop {
            let mut line = String::new();
            let n = self
                .0
                .read_line(&mut line)
                .expect("an event before the timeout");
            assert!(n > 0, "the event stream closed");
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() && !name.is_empty() {
                return (name, data);
            }
            if let Some(rest) = line.strip_prefix("event: ") {
                name = rest.to_string();
            } else if let Some(rest) = line.strip_prefix("data: ") {
                data.push_str(rest);
                data.push('\n');
            }
        }
    }
}

/// Everything the server sends to `request` until it closes.
pub fn raw(port: u16, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}
