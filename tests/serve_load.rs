//! The preview under load and attack at once (issue 13): 50 clients × 200
//! requests of pages, PDFs, missing pages and event streams, while the
//! project rebuilds 5 times and 20 hostile connections of each kind the
//! issue found do their worst. Every well-formed request must be answered
//! correctly, 99 % of them within 1 s, and the process must live, its
//! memory back within 50 MB of where it started.
//!
//! A test binary of its own, so that no other test shares the two cores
//! while latencies are measured.
//!
//! Linux only: memory is read from `/proc`, which other systems do not
//! have, and a measurement that read nothing would pass without checking.
#![cfg(target_os = "linux")]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::Project;
use common::serve::{Server, start};

const CLIENTS: usize = 50;
const REQUESTS: usize = 200;
const HOSTILE: usize = 20;
const REBUILDS: usize = 5;

/// Resident memory of a process, in bytes. Fails rather than say 0, which
/// would make the memory check pass without measuring anything.
fn rss(pid: u32) -> u64 {
    let path = format!("/proc/{pid}/status");
    let status = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap_or_else(|| panic!("{path} has no VmRSS line:\n{status}"));
    kb * 1024
}

/// One kept-alive connection, reading responses by `Content-Length`.
struct Client {
    port: u16,
    stream: Option<BufReader<TcpStream>>,
}

impl Client {
    fn connect(port: u16) -> BufReader<TcpStream> {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        BufReader::new(stream)
    }

    /// (status, content type, body) of `GET path`.
    fn get(&mut self, path: &str) -> Result<(u16, String, Vec<u8>), String> {
        let port = self.port;
        let reader = self.stream.get_or_insert_with(|| Client::connect(port));
        let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
        let sent = reader.get_mut().write_all(request.as_bytes());
        let result = sent
            .map_err(|e| e.to_string())
            .and_then(|()| read_response(reader));
        if !matches!(&result, Ok((200 | 404 | 301, _, _))) {
            self.stream = None;
        }
        result
    }
}

fn read_response(reader: &mut BufReader<TcpStream>) -> Result<(u16, String, Vec<u8>), String> {
    let mut line = String::new();
    reader.read_line(&mut line).map_err(|e| e.to_string())?;
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("status line `{line}`"))?;
    let (mut length, mut kind) = (0usize, String::new());
    loop {
        line.clear();
        reader.read_line(&mut line).map_err(|e| e.to_string())?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(": ") {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.parse().map_err(|_| format!("length `{value}`"))?;
            } else if name.eq_ignore_ascii_case("content-type") {
                kind = value.to_string();
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    Ok((status, kind, body))
}

/// Opens the event stream, checks its head, and leaves.
fn open_events(port: u16) -> Result<(), String> {
    let mut reader = Client::connect(port);
    write!(
        reader.get_mut(),
        "GET /_outreach/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut head = String::new();
    while !head.ends_with("\r\n\r\n") {
        let mut line = String::new();
        if reader.read_line(&mut line).map_err(|e| e.to_string())? == 0 {
            return Err(format!("closed after `{head}`"));
        }
        head.push_str(&line);
    }
    if head.starts_with("HTTP/1.1 200") && head.contains("text/event-stream") {
        Ok(())
    } else {
        Err(head)
    }
}

/// One hostile connection: an error if it was answered wrongly, the
/// connection if it is to be held open.
type Hostile = fn(u16) -> Result<Option<TcpStream>, String>;

/// The hostile connections, each kind `HOSTILE` times, until `stop`.
fn attack(port: u16, stop: Arc<AtomicBool>) -> Vec<std::thread::JoinHandle<Vec<String>>> {
    let kinds: [Hostile; 7] = [
        // A body too large to allocate.
        |port| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
            s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            s.write_all(
                b"GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 9223372036854775807\r\n\r\n",
            )
            .map_err(|e| e.to_string())?;
            let mut answer = String::new();
            let _ = s.read_to_string(&mut answer);
            expect(&answer, "413").map(|()| None)
        },
        // A body announced and never sent.
        |port| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
            s.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000\r\n\r\n")
                .map_err(|e| e.to_string())?;
            Ok(Some(s))
        },
        // An event stream with requests pipelined behind it.
        |port| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
            let request = "GET /_outreach/events HTTP/1.1\r\nHost: localhost\r\n\r\n\
                           GET /safe-work/en/ HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .repeat(4);
            s.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
            Ok(Some(s))
        },
        // Half a request, never finished.
        |port| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
            s.write_all(b"GET /safe-work/en/ HTTP/1.1\r\nHost: local")
                .map_err(|e| e.to_string())?;
            Ok(Some(s))
        },
        // A header line with no end (1 MiB each: the server stops at 16 KiB).
        |port| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
            s.set_write_timeout(Some(Duration::from_secs(5))).unwrap();
            let _ = s.write_all(b"GET / HTTP/1.1\r\nX-Long: ");
            let line = vec![b'a'; 64 * 1024];
            for _ in 0..16 {
                if s.write_all(&line).is_err() {
                    break;
                }
            }
            Ok(None)
        },
        // A name rebound to this computer.
        |port| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
            s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            write!(
                s,
                "GET /safe-work/en/ HTTP/1.1\r\nHost: rebound.example:{port}\r\n\r\n"
            )
            .map_err(|e| e.to_string())?;
            let mut answer = String::new();
            let _ = s.read_to_string(&mut answer);
            expect(&answer, "403").map(|()| None)
        },
        // A PDF asked for and never read.
        |port| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
            s.write_all(
                b"GET /on-the-move/ar/leaflets/trifold.pdf HTTP/1.1\r\nHost: localhost\r\n\r\n",
            )
            .map_err(|e| e.to_string())?;
            Ok(Some(s))
        },
    ];
    kinds
        .into_iter()
        .map(|kind| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut held = Vec::new();
                let mut problems = Vec::new();
                for _ in 0..HOSTILE {
                    match kind(port) {
                        Ok(Some(stream)) => held.push(stream),
                        Ok(None) => {}
                        Err(e) => problems.push(e),
                    }
                }
                while !stop.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(50));
                }
                drop(held);
                problems
            })
        })
        .collect()
}

fn expect(answer: &str, status: &str) -> Result<(), String> {
    if answer.starts_with(&format!("HTTP/1.1 {status} ")) {
        Ok(())
    } else {
        Err(format!(
            "expected {status}, got `{}`",
            answer.lines().next().unwrap_or("")
        ))
    }
}

#[test]
fn the_preview_answers_everyone_under_load_and_attack() {
    let p = Project::examples();
    let mut server: Server = start(&p);
    let port = server.port;
    // What each address must give, from a quiet server.
    let pages = [
        "/safe-work/en/",
        "/safe-work/sr/",
        "/on-the-move/ar/",
        "/on-the-move/fa/",
        "/safe-work/rom/",
    ];
    let pdf = "/on-the-move/fa/leaflets/card.pdf";
    let mut quiet = Client { port, stream: None };
    let (status, _, pdf_body) = quiet.get(pdf).unwrap();
    assert_eq!(status, 200);
    for page in pages {
        assert_eq!(quiet.get(page).unwrap().0, 200, "{page}");
    }
    std::thread::sleep(Duration::from_millis(500));
    let memory_before = rss(server.pid());

    let stop = Arc::new(AtomicBool::new(false));
    let attackers = attack(port, stop.clone());
    let rebuilds = {
        let page = p.root().join("content/safe-work/en/index.md");
        std::thread::spawn(move || {
            for i in 0..REBUILDS {
                std::thread::sleep(Duration::from_millis(700));
                let mut text = std::fs::read_to_string(&page).unwrap();
                text.push_str(&format!("\nEdit {i}.\n"));
                std::fs::write(&page, text).unwrap();
            }
        })
    };
    let pdf_len = pdf_body.len();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            std::thread::spawn(move || {
                let mut client = Client { port, stream: None };
                let mut latencies = Vec::with_capacity(REQUESTS);
                let mut failures = Vec::new();
                for r in 0..REQUESTS {
                    let started = Instant::now();
                    let outcome = match (c + r) % 10 {
                        0 => open_events(port),
                        1 | 2 => match client.get(pdf) {
                            Ok((200, kind, body))
                                if kind == "application/pdf"
                                    && body.len() == pdf_len
                                    && body.starts_with(b"%PDF") =>
                            {
                                Ok(())
                            }
                            other => Err(format!(
                                "{pdf}: {:?}",
                                other.map(|(s, k, b)| (s, k, b.len()))
                            )),
                        },
                        3 => match client.get("/safe-work/en/no-such-page/") {
                            Ok((404, _, body)) if !body.is_empty() => Ok(()),
                            other => Err(format!("404: {:?}", other.map(|(s, k, _)| (s, k)))),
                        },
                        n => {
                            let page = pages[n % pages.len()];
                            match client.get(page) {
                                Ok((200, kind, body))
                                    if kind.starts_with("text/html")
                                        && String::from_utf8_lossy(&body).contains("</html>") =>
                                {
                                    Ok(())
                                }
                                other => Err(format!(
                                    "{page}: {:?}",
                                    other.map(|(s, k, b)| (s, k, b.len()))
                                )),
                            }
                        }
                    };
                    latencies.push(started.elapsed());
                    if let Err(e) = outcome {
                        failures.push(e);
                    }
                }
                (latencies, failures)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut failures = Vec::new();
    for client in clients {
        let (l, f) = client.join().unwrap();
        latencies.extend(l);
        failures.extend(f);
    }
    rebuilds.join().unwrap();
    stop.store(true, Ordering::SeqCst);
    let hostile_problems: Vec<String> = attackers
        .into_iter()
        .flat_map(|a| a.join().unwrap())
        .collect();

    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    let (p50, p99) = (at(0.50), at(0.99));
    // Let closed connections and their threads go.
    std::thread::sleep(Duration::from_secs(2));
    let memory_after = rss(server.pid());
    eprintln!(
        "load: {} requests, {} failed, p50 {:?}, p99 {:?}, max {:?}; memory {} MB before, {} MB after",
        latencies.len(),
        failures.len(),
        p50,
        p99,
        latencies.last().unwrap(),
        memory_before >> 20,
        memory_after >> 20
    );
    assert!(server.alive(), "the preview died:\n{}", server.log());
    assert!(
        failures.is_empty(),
        "{} failed: {:?}",
        failures.len(),
        &failures[..failures.len().min(10)]
    );
    assert!(hostile_problems.is_empty(), "{hostile_problems:?}");
    assert_eq!(latencies.len(), CLIENTS * REQUESTS);
    assert!(p99 < Duration::from_secs(1), "p99 {p99:?}");
    assert!(
        memory_after < memory_before + (50 << 20),
        "memory grew from {} MB to {} MB",
        memory_before >> 20,
        memory_after >> 20
    );
    let log = server.log();
    assert!(
        log.matches("Rebuilt").count() + log.matches("Built").count() >= 2,
        "{log}"
    );
}
