//! serve: builds the project into memory, serves it on this computer,
//! rebuilds when a source file changes and tells open pages to reload.
//!
//! Nothing is written to disk: the built site lives in memory, so a
//! request can only ever reach a built file (see [`paths`]), and there is
//! nothing to clean up when the server stops.

pub mod http;
pub mod paths;
pub mod rebuild;

use crate::html::escape_text;
use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, RecursiveMode, Watcher as _};

use crate::cli::ServeArgs;
use crate::diag::plural;
use crate::diag::{Diagnostics, Result, Severity};
use http::{EventStream, Reply, Request, Response, Waited};
use paths::Target;

/// The first port tried when none is given.
pub const DEFAULT_PORT: u16 = 1111;

/// Where the preview's own pages live; no campaign can be called this.
const PREVIEW_PREFIX: &str = "_outreach";

/// The folders whose changes trigger a rebuild.
const WATCHED: [&str; 4] = ["campaigns", "content", "themes", "i18n"];

const LIVE_SCRIPT: &str = include_str!("live.js");

/// The site as last built, and the problems of the last build if it failed.
#[derive(Default)]
pub struct Snapshot {
    /// Built files by path, from the last build that succeeded.
    pub files: rebuild::Files,
    /// The located problems of the last build, when it failed.
    pub problems: Option<String>,
    /// The preview's own page for this snapshot, made on its first visit:
    /// it reads the whole project, which a client asking again and again
    /// must not make the preview do each time (issue 13).
    status: std::sync::OnceLock<String>,
}

impl Snapshot {
    /// A snapshot whose status page is made on its first visit.
    fn new(files: rebuild::Files, problems: Option<String>) -> Snapshot {
        Snapshot {
            files,
            problems,
            status: Default::default(),
        }
    }
}

/// What the server threads share.
pub struct Preview {
    root: PathBuf,
    campaign: Option<String>,
    /// `--strict`: warnings stop a build too.
    strict: bool,
    snapshot: Mutex<Arc<Snapshot>>,
    /// What the last successful build knew; also makes rebuilds take turns.
    state: Mutex<Option<rebuild::State>>,
    /// Open event streams, by a number of their own.
    listeners: Mutex<Vec<(u64, Sender<LiveEvent>)>>,
    next_listener: std::sync::atomic::AtomicU64,
}

/// An open event stream's place among the listeners.
struct Listening<'a> {
    preview: &'a Preview,
    id: u64,
}

impl Drop for Listening<'_> {
    fn drop(&mut self) {
        self.preview
            .listeners
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|(id, _)| *id != self.id);
    }
}

/// What an open page is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiveEvent {
    /// A new build is ready: reload.
    Reload,
    /// The last change did not build: show these problems.
    Problems(String),
}

impl Preview {
    /// A preview of the project at `root` (one campaign with `campaign`).
    pub fn new(root: &Path, campaign: Option<&str>, strict: bool) -> Preview {
        Preview {
            root: root.to_path_buf(),
            campaign: campaign.map(str::to_string),
            strict,
            snapshot: Mutex::new(Arc::new(Snapshot::default())),
            state: Mutex::new(None),
            listeners: Mutex::new(Vec::new()),
            next_listener: Default::default(),
        }
    }

    /// The current snapshot.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Builds the project into memory after `changed` files changed (all of
    /// it when `changed` is empty, or when the change is not one page's).
    /// On success the new files replace the old ones; on failure the old
    /// files stay and the problems are kept to show. Open pages are told
    /// either way. Returns whether it built.
    pub fn rebuild(&self, changed: &[PathBuf]) -> Result<bool> {
        let started = Instant::now();
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let last = self.snapshot();
        let partial = match state.as_mut() {
            Some(state) if !changed.is_empty() && last.problems.is_none() => {
                rebuild::partial(&self.root, state, &last.files, changed)?
            }
            _ => None,
        };
        let outcome = match partial {
            Some(outcome) => outcome,
            None => {
                let (outcome, new_state) = rebuild::full(&self.root, self.campaign.as_deref())?;
                if new_state.is_some() {
                    *state = new_state;
                }
                outcome
            }
        };
        let rebuild::Outcome {
            files,
            diags,
            counts,
            partial,
        } = outcome;
        let text: Vec<String> = diags.shown().iter().map(|d| d.to_string()).collect();
        for d in &text {
            eprintln!("{d}\n");
        }
        let mut errors = diags.count(Severity::Error);
        if self.strict {
            errors += diags.count(Severity::Warning);
        }
        let mut current = self.snapshot.lock().unwrap_or_else(|e| e.into_inner());
        let event = if let (0, Some(files)) = (errors, files) {
            *current = Arc::new(Snapshot::new(files, None));
            eprintln!(
                "{} {} {} in {} ms.",
                if partial { "Rebuilt" } else { "Built" },
                counts.pages,
                plural(counts.pages, "page", "pages"),
                started.elapsed().as_millis()
            );
            LiveEvent::Reload
        } else {
            let problems = text.join("\n\n");
            *current = Arc::new(Snapshot::new(current.files.clone(), Some(problems.clone())));
            if current.files.is_empty() {
                eprintln!(
                    "{errors} {} — nothing can be shown until they are fixed; the preview page says what they are.",
                    plural(errors, "problem", "problems")
                );
            } else {
                eprintln!(
                    "{errors} {} — still showing the last version that worked.",
                    plural(errors, "problem", "problems")
                );
            }
            LiveEvent::Problems(problems)
        };
        drop(current);
        drop(state);
        let built = event == LiveEvent::Reload;
        self.tell(&event);
        Ok(built)
    }

    fn tell(&self, event: &LiveEvent) {
        let mut listeners = self.listeners.lock().unwrap_or_else(|e| e.into_inner());
        listeners.retain(|(_, l)| l.send(event.clone()).is_ok());
    }

    /// Events for one stream, until the returned guard is dropped: a
    /// stream that ends takes its place in the list with it, so streams
    /// opened and closed without a rebuild between leave nothing behind.
    fn listen(&self) -> (Listening<'_>, Receiver<LiveEvent>) {
        let (tx, rx) = mpsc::channel();
        let id = self
            .next_listener
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.listeners
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((id, tx));
        (Listening { preview: self, id }, rx)
    }

    /// Makes the status page again on its next visit: the translation
    /// exchange's files changed, which nothing else shows.
    pub fn forget_status(&self) {
        let mut current = self.snapshot.lock().unwrap_or_else(|e| e.into_inner());
        *current = Arc::new(Snapshot::new(
            current.files.clone(),
            current.problems.clone(),
        ));
    }

    /// Answers one request.
    pub fn respond(self: &Arc<Self>, request: &Request) -> Reply {
        let url = request.target.as_str();
        if let Some(rest) = url.strip_prefix(&format!("/{PREVIEW_PREFIX}/")) {
            let rest = rest.split('?').next().unwrap_or("");
            let response = match rest {
                "events" if request.head_only => {
                    Response::new(200, "text/event-stream", Vec::new())
                }
                "events" => {
                    let preview = self.clone();
                    return Reply::Stream(Box::new(move |writer| preview.stream_events(writer)));
                }
                "live.js" => file_response(LIVE_SCRIPT.as_bytes().to_vec(), "x.js", 200),
                // The browser editor, from the project's `admin/`: never
                // part of the site, so only the preview serves it.
                "editor" => Response::new(301, "text/plain", Vec::new())
                    .with_header("Location", &format!("/{PREVIEW_PREFIX}/editor/")),
                _ if rest.starts_with("editor/") => self.editor_response(&rest["editor/".len()..]),
                "" => file_response(self.status_page().into_bytes(), "x.html", 200),
                _ => not_found_response(&self.snapshot(), None),
            };
            return Reply::Full(response);
        }
        let snapshot = self.snapshot();
        if snapshot.files.is_empty() {
            // Nothing has built yet: every address shows why.
            let page = self.status_page();
            return Reply::Full(file_response(page.into_bytes(), "x.html", 503));
        }
        // The top of the preview (the address `serve` prints) lists the
        // campaigns: the site itself has no page there (issue 18).
        if url.split(['?', '#']).next() == Some("/") && !snapshot.files.contains_key("index.html") {
            let page = self.status_page();
            return Reply::Full(file_response(page.into_bytes(), "x.html", 200));
        }
        let response = match paths::resolve(url, |key| snapshot.files.contains_key(key)) {
            Target::File(key) => {
                let bytes = &snapshot.files[&key];
                if key.ends_with(".html") {
                    file_response(with_live_reload(bytes), &key, 200)
                } else {
                    // Shared, not copied: a PDF is sent from the snapshot,
                    // in the part asked for (browsers seek in a recording
                    // by asking for parts).
                    Response::new(200, paths::mime_type(&key), bytes.clone())
                        .ranged(request.range.as_deref())
                }
            }
            Target::Redirect(to) => {
                Response::new(301, "text/plain", Vec::new()).with_header("Location", &to)
            }
            Target::NotFound(campaign) => not_found_response(&snapshot, campaign.as_deref()),
        };
        Reply::Full(response)
    }

    /// A file of the browser editor, read from the project as it is now.
    fn editor_response(&self, rest: &str) -> Response {
        let dir = self.root.join(crate::editor::FOLDER);
        let found = paths::editor_file(&dir, rest)
            .and_then(|path| Some((std::fs::read(&path).ok()?, path)));
        match found {
            Some((bytes, path)) => file_response(bytes, &path.to_string_lossy(), 200),
            None if !dir.is_dir() => file_response(
                b"This project has no browser editor yet. Run `outreach editor` in the project folder, then reload this page."
                    .to_vec(),
                "x.txt",
                404,
            ),
            None => file_response(b"Not found".to_vec(), "404.txt", 404),
        }
    }

    /// Server-Sent Events, written straight to the connection, which ends
    /// with the stream: nothing sent after it on the same connection is
    /// read.
    fn stream_events(&self, writer: &mut EventStream) {
        let (_listening, events) = self.listen();
        let pending = self.snapshot().problems.clone();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
        if writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
        let send = |writer: &mut EventStream, event: &LiveEvent| {
            let text = match event {
                LiveEvent::Reload => "event: reload\ndata: \n\n".to_string(),
                LiveEvent::Problems(problems) => event_data("problems", problems),
            };
            writer
                .write_all(text.as_bytes())
                .and_then(|()| writer.flush())
        };
        if let Some(problems) = pending
            && send(writer, &LiveEvent::Problems(problems)).is_err()
        {
            return;
        }
        let mut last_sent = Instant::now();
        let mut unread = false;
        loop {
            // Waiting on events, so that one is sent the moment it comes,
            // and looking at the page's connection between them (a closed
            // page frees it within 10 ms, however many pages come and go).
            // Once the client has sent bytes after the stream, which are
            // never read, its connection cannot tell; a failed send will.
            let wait = Duration::from_millis(if unread { 500 } else { 10 });
            let next = match events.recv_timeout(wait) {
                Ok(event) => Some(event),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            };
            if next.is_none() && !unread {
                match writer.look() {
                    Waited::Closed => return,
                    Waited::Unread => unread = true,
                    Waited::Quiet => {}
                }
            }
            let sent = match next {
                Some(event) => send(writer, &event),
                // A comment keeps proxies and browsers from closing the
                // stream.
                None if last_sent.elapsed() >= Duration::from_secs(15) => writer
                    .write_all(b": still here\n\n")
                    .and_then(|()| writer.flush()),
                None => continue,
            };
            if sent.is_err() {
                return; // the page was closed
            }
            last_sent = Instant::now();
        }
    }

    /// `/_outreach/`: every campaign and language with its translation
    /// status and leaflets, linked; made once per snapshot.
    fn status_page(&self) -> String {
        let snapshot = self.snapshot();
        snapshot
            .status
            .get_or_init(|| self.make_status_page(&snapshot))
            .clone()
    }

    fn make_status_page(&self, snapshot: &Snapshot) -> String {
        let mut diags = Diagnostics::new();
        let mut body = String::new();
        if let Some(problems) = &snapshot.problems {
            body.push_str(&format!(
                "<h2>The last change could not be built</h2><pre>{}</pre>",
                escape_text(problems)
            ));
        }
        if self
            .root
            .join(crate::editor::FOLDER)
            .join("index.html")
            .is_file()
        {
            body.push_str(&format!(
                "<p><a href=\"/{PREVIEW_PREFIX}/editor/\">Edit the pages in the browser</a></p>"
            ));
        }
        match crate::load::load_site(
            &self.root,
            self.campaign.as_deref(),
            crate::load::PageText::Hold,
            &mut diags,
        ) {
            Ok(site) => {
                let strings =
                    crate::render::strings::Strings::parse(&site.strings, &mut Vec::new());
                let mut all = crate::resolve::status::status(&site, &strings);
                // Counting texts is an export's work: done only for projects
                // that use the translation exchange, not on every visit of
                // every preview.
                let uses_exchange = self
                    .root
                    .join(crate::exchange::project::TRANSLATIONS_DIR)
                    .is_dir();
                let progress = if uses_exchange {
                    crate::exchange::project::progress(&self.root, &site)
                } else {
                    Default::default()
                };
                for s in &mut all {
                    s.texts = progress
                        .get(&(s.campaign.clone(), s.language.clone()))
                        .map(|p| p.counts);
                }
                let mut campaign = String::new();
                for s in &all {
                    if s.campaign != campaign {
                        if !campaign.is_empty() {
                            body.push_str("</tbody></table>");
                        }
                        campaign = s.campaign.clone();
                        body.push_str(&format!(
                            "<h2><a href=\"/{c}/\">{c}</a></h2><table><thead><tr><th>language</th><th>pages</th><th>missing</th><th>outdated</th><th>review needed</th><th>texts translated / to check / to translate</th><th>leaflets</th></tr></thead><tbody>",
                            c = escape_text(&campaign)
                        ));
                    }
                    let prefix = format!("{}/{}/leaflets/", s.campaign, s.language);
                    let leaflets: Vec<String> = snapshot
                        .files
                        .keys()
                        .filter_map(|k| k.strip_prefix(&prefix).map(|name| (k, name)))
                        .map(|(k, name)| {
                            format!("<a href=\"/{}\">{}</a>", escape_text(k), escape_text(name))
                        })
                        .collect();
                    body.push_str(&format!(
                        "<tr><td><a href=\"/{c}/{l}/\">{l}</a>{source}</td><td>{pages}</td><td>{missing}</td><td>{outdated}</td><td>{review}</td><td>{texts}</td><td>{leaflets}</td></tr>",
                        c = escape_text(&s.campaign),
                        l = escape_text(&s.language),
                        source = if s.is_source { " (source)" } else { "" },
                        pages = s.present.len() + s.generated.len(),
                        missing = escape_text(&s.missing.join(", ")),
                        outdated = escape_text(&s.outdated.join(", ")),
                        review = escape_text(&s.review_needed.join(", ")),
                        texts = s.texts.map_or(String::new(), |t| format!(
                            "{} / {} / {}",
                            t.translated, t.fuzzy, t.untranslated
                        )),
                        leaflets = leaflets.join(" "),
                    ));
                }
                if !campaign.is_empty() {
                    body.push_str("</tbody></table>");
                }
            }
            Err(err) => body.push_str(&format!("<p>{}</p>", escape_text(&format!("{err:#}")))),
        }
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Preview · outreach</title></head><body><main><h1>Preview</h1><p>Only on this computer. Pages reload when you save a file.</p>{body}</main><script src=\"/{PREVIEW_PREFIX}/live.js\" defer></script></body></html>"
        )
    }
}

/// A built page as the preview serves it: with the live-reload script, and
/// with the page's security policy allowing the script's event stream.
fn with_live_reload(html: &[u8]) -> Vec<u8> {
    let html = String::from_utf8_lossy(html);
    // Templates print the policy escaped (`&#39;`) unless they mark it
    // `safe`, as the default theme does.
    let html = html
        .replace("connect-src 'none'", "connect-src 'self'")
        .replace("connect-src &#39;none&#39;", "connect-src &#39;self&#39;");
    let script = format!("<script src=\"/{PREVIEW_PREFIX}/live.js\" defer></script>");
    match html.rfind("</body>") {
        Some(at) => format!("{}{script}{}", &html[..at], &html[at..]).into_bytes(),
        None => format!("{html}{script}").into_bytes(),
    }
}

/// An event of the event stream whose data is `text`. Every line end the
/// protocol knows (`\r\n`, `\n` and a bare `\r`) starts a new `data:`
/// line, so author text in a problem cannot end the event or start
/// another.
fn event_data(event: &str, text: &str) -> String {
    let data: String = text
        .replace("\r\n", "\n")
        .split(['\r', '\n'])
        .map(|line| format!("data: {line}\n"))
        .collect();
    format!("event: {event}\n{data}\n")
}

fn file_response(body: Vec<u8>, key: &str, status: u16) -> Response {
    Response::new(status, paths::mime_type(key), body)
}

/// The campaign's own 404 page when there is one, else a plain one.
fn not_found_response(snapshot: &Snapshot, campaign: Option<&str>) -> Response {
    let page = campaign
        .map(|c| format!("{c}/404.html"))
        .and_then(|key| snapshot.files.get(&key));
    match page {
        Some(html) => file_response(with_live_reload(html), "404.html", 404),
        None => file_response(b"Not found".to_vec(), "404.txt", 404),
    }
}

/// Binds `bind:port`; without an explicit port, the next free one after
/// [`DEFAULT_PORT`], or else any free one.
pub fn bind(bind: IpAddr, port: Option<u16>) -> anyhow::Result<TcpListener> {
    match port {
        Some(port) => TcpListener::bind(SocketAddr::new(bind, port))
            .map_err(|err| refused(SocketAddr::new(bind, port), err)),
        None => bind_free(bind, DEFAULT_PORT..DEFAULT_PORT + 50),
    }
}

/// The first port of `ports` on `bind` that no one holds; if all are held,
/// one the system picks (port 0). Another failure (an address that is not
/// this computer's) is an error at once.
fn bind_free(bind: IpAddr, ports: std::ops::Range<u16>) -> anyhow::Result<TcpListener> {
    for port in ports {
        let address = SocketAddr::new(bind, port);
        match TcpListener::bind(address) {
            Ok(listener) => return Ok(listener),
            Err(err) if port_refusal(&err) != PortRefusal::Other => continue,
            Err(err) => return Err(refused(address, err)),
        }
    }
    let address = SocketAddr::new(bind, 0);
    TcpListener::bind(address).map_err(|err| refused(address, err))
}

/// Why a port could not be listened on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PortRefusal {
    /// Another program listens on it.
    InUse,
    /// Windows refuses it (`WSAEACCES`): a program holds it for itself
    /// alone, or the port is in a range Hyper-V, WSL or Docker keep.
    Refused,
    /// Anything else.
    Other,
}

/// Windows' `WSAEACCES`: the error for a port in a reserved range (and
/// for one another program holds exclusively). No other system uses the
/// number, so it is recognised everywhere.
const WSAEACCES: i32 = 10013;

fn port_refusal(err: &std::io::Error) -> PortRefusal {
    if err.kind() == std::io::ErrorKind::AddrInUse {
        PortRefusal::InUse
    } else if err.raw_os_error() == Some(WSAEACCES) {
        PortRefusal::Refused
    } else {
        PortRefusal::Other
    }
}

/// The error for a refused `address`, saying what to do.
fn refused(address: SocketAddr, err: std::io::Error) -> anyhow::Error {
    let port = address.port();
    let message = match port_refusal(&err) {
        PortRefusal::InUse => format!(
            "cannot listen on port {port}: another program (perhaps another `outreach serve`) uses it.\n\
             Stop that program, or choose another port, e.g. `--port {}`",
            port.saturating_add(1)
        ),
        PortRefusal::Refused => format!(
            "cannot listen on port {port}: Windows does not allow it. Either another program keeps the port for itself, \
             or Windows keeps it for Hyper-V, WSL or Docker (`netsh interface ipv4 show excludedportrange protocol=tcp` lists those ports).\n\
             Leave out `--port` and outreach finds a free port, or choose one outside those ranges"
        ),
        PortRefusal::Other => format!("cannot listen on {}", shown_address(address)),
    };
    anyhow::Error::new(err).context(message)
}

/// `outreach serve`.
pub fn serve(args: &ServeArgs) -> Result<ExitCode> {
    let root = &args.project.root;
    if !root.join("campaigns").is_dir() {
        // The same message `build` gives.
        crate::load::load_site(
            root,
            None,
            crate::load::PageText::Hold,
            &mut Diagnostics::new(),
        )?;
    }
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: serving on {}: other devices on your network can open the preview. \
             Use this only on a network you trust.",
            args.bind
        );
    }
    let listener = bind(args.bind, args.port)?;
    let address = listener.local_addr()?;
    // Watchers report absolute paths; edits are matched against this.
    // Without Windows' `\\?\` prefix, which the standard library's
    // canonical paths have there and messages would show.
    let root =
        &dunce::canonicalize(root).with_context(|| format!("cannot open `{}`", root.display()))?;
    let preview = Arc::new(Preview::new(
        root,
        args.project.campaign.as_deref(),
        args.project.strict,
    ));
    preview.rebuild(&[])?;

    let url = format!("http://{}/{PREVIEW_PREFIX}/", shown_address(address));
    println!("Preview: {url}\nPages reload when you save a file. Press Ctrl-C to stop.");
    if args.open {
        open_browser(&url);
    }

    let _watcher = watch(root, preview.clone())?;
    http::run(
        listener,
        http::Limits::default(),
        Arc::new(move |request: &Request| preview.respond(request)),
    );
    Ok(ExitCode::SUCCESS)
}

/// The address to open: an IPv6 address in brackets (`http://[::1]:1111/`
/// is an address, `http://::1:1111/` is not), and this computer's for a
/// server listening on every address: `127.0.0.1` for `0.0.0.0`, `[::1]`
/// for `::`, since on Windows a server on `::` listens on IPv6 only.
fn shown_address(address: SocketAddr) -> String {
    match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => format!("127.0.0.1:{}", address.port()),
        IpAddr::V6(ip) if ip.is_unspecified() => format!("[::1]:{}", address.port()),
        IpAddr::V6(ip) => format!("[{ip}]:{}", address.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", address.port()),
    }
}

/// How long the watcher waits for the rest of a save after an event that
/// may be in its middle (data written, a file created). A save is often
/// several events: write, rename, change of permissions.
const QUIET: Duration = Duration::from_millis(30);

/// How long it waits after an event that ends a save (a file closed after
/// writing, or renamed into place): only for events already on their way.
/// Without this the preview waited `QUIET` after every save (on Linux;
/// other systems do not report closes, and there `QUIET` still applies).
const SETTLE: Duration = Duration::from_millis(2);

/// Whether an event ends a write: a source file is whole now. A backup
/// renamed into place (`page.md~`) or a page removed does not: an editor
/// that saves that way writes the page next.
fn ends_a_write(event: &notify::Event) -> bool {
    matches!(
        event.kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
    ) && event
        .paths
        .last()
        .is_some_and(|p| is_source(p) && p.exists())
}

/// Whether an event changes nothing: a file opened or read (the preview's
/// own rebuilds read every source), but not one closed after writing.
fn changes_nothing(kind: &EventKind) -> bool {
    kind.is_access()
        && !matches!(
            kind,
            EventKind::Access(AccessKind::Close(AccessMode::Write))
        )
}

/// Whether a changed path can be a source: not an editor's swap, backup
/// or temporary file. A temporary file renamed over a page is gone by the
/// time this is asked.
fn is_source(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or(".");
    let source = matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("md" | "yaml" | "yml" | "ftl" | "html" | "typ" | "css" | "js" | "ttf" | "otf" | "svg")
    ) || crate::model::image::is_image_name(name)
        || crate::model::audio::is_audio_name(name);
    !name.starts_with('.') && !name.ends_with('~') && (p.exists() || source)
}

/// The changes of one save, or of several saves close together.
#[derive(Default)]
struct Burst {
    changed: Vec<PathBuf>,
    /// The watcher lost events: rebuild everything.
    unknown: bool,
    /// The last event ended a write.
    ended: bool,
}

impl Burst {
    /// Takes in one event; says whether it was a change.
    fn add(&mut self, result: notify::Result<notify::Event>) -> bool {
        match result {
            Ok(event) if changes_nothing(&event.kind) => return false,
            Ok(event) => {
                self.ended = ends_a_write(&event);
                // The system's queue of events overflowed: some are lost.
                self.unknown |= event.need_rescan();
                self.changed.extend(event.paths);
            }
            Err(_) => {
                self.unknown = true;
                self.ended = false;
            }
        }
        true
    }

    /// How long to wait for more: `SETTLE` after an event that ended a
    /// write, else `QUIET`.
    fn wait(&self) -> Duration {
        if self.ended { SETTLE } else { QUIET }
    }

    /// Waits for the next change, then for the rest of its burst: until no
    /// change came for [`Burst::wait`]. Opens and reads alone start
    /// nothing and wait for nothing. `None` when the watcher has stopped.
    fn gather(events: &Receiver<notify::Result<notify::Event>>) -> Option<Burst> {
        let mut burst = Burst::default();
        while !burst.add(events.recv().ok()?) {}
        let mut deadline = Instant::now() + burst.wait();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match events.recv_timeout(left) {
                Ok(result) => {
                    if burst.add(result) {
                        deadline = Instant::now() + burst.wait();
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => return Some(burst),
                Err(mpsc::RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

/// Watches the project's source folders and rebuilds after each burst of
/// changes.
fn watch(root: &Path, preview: Arc<Preview>) -> anyhow::Result<notify::RecommendedWatcher> {
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .context("cannot watch the project's files")?;
    // The translation exchange's files change only the status page.
    let translations = root.join(crate::exchange::project::TRANSLATIONS_DIR);
    for dir in WATCHED
        .iter()
        .copied()
        .chain([crate::exchange::project::TRANSLATIONS_DIR])
    {
        let path = root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .with_context(|| format!("cannot watch `{}`", path.display()))?;
        }
    }
    std::thread::spawn(move || {
        while let Some(burst) = Burst::gather(&rx) {
            let Burst {
                mut changed,
                unknown,
                ..
            } = burst;
            changed.sort();
            changed.dedup();
            changed.retain(|p| is_source(p));
            if changed.is_empty() && !unknown {
                continue;
            }
            if !unknown && changed.iter().all(|p| p.starts_with(&translations)) {
                preview.forget_status();
                continue;
            }
            if unknown {
                changed.clear(); // rebuild everything
            }
            // A mistake of outreach's must not stop the preview from
            // watching: the next save gets another try.
            let rebuilt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                preview.rebuild(&changed)
            }));
            match rebuilt {
                Ok(Ok(_)) => {}
                Ok(Err(err)) => eprintln!("error: {}", crate::diag::visible(&format!("{err:#}"))),
                Err(_) => eprintln!(
                    "error: outreach failed while rebuilding (a bug: please report it); save again to retry"
                ),
            }
        }
    });
    Ok(watcher)
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        eprintln!("Could not open a browser: open {url} yourself.");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_live_reload_is_allowed_however_the_policy_was_escaped() {
        for policy in [
            "default-src 'self'; connect-src 'none'",
            "default-src &#39;self&#39;; connect-src &#39;none&#39;",
        ] {
            let page = format!(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\"><body></body>"
            );
            let served = String::from_utf8(with_live_reload(page.as_bytes())).unwrap();
            assert!(!served.contains("none"), "{served}");
            assert!(served.contains("connect-src"), "{served}");
        }
    }

    fn event(kind: EventKind, path: &str) -> notify::Result<notify::Event> {
        Ok(notify::Event::new(kind).add_path(PathBuf::from(path)))
    }

    #[test]
    fn a_burst_gathers_every_change_of_a_save_and_leaves_out_reads() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("c.md");
        std::fs::write(&page, "---\ntitle: C\n---\n").unwrap();
        let page = page.to_str().unwrap();
        let (tx, rx) = mpsc::channel();
        // A rebuild reading a page is not a change.
        tx.send(event(
            EventKind::Access(AccessKind::Open(AccessMode::Read)),
            "a.md",
        ))
        .unwrap();
        tx.send(event(
            EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Content)),
            "b.md",
        ))
        .unwrap();
        tx.send(event(
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            page,
        ))
        .unwrap();
        let burst = Burst::gather(&rx).unwrap();
        assert_eq!(burst.changed, [PathBuf::from("b.md"), PathBuf::from(page)]);
        assert!(burst.ended && !burst.unknown);

        // An editor's backup renamed into place does not end the save (the
        // page is written next); nor does a write not yet closed. Lost
        // events mean "rebuild everything".
        let backup = format!("{page}~");
        std::fs::write(&backup, "old").unwrap();
        tx.send(event(
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            &backup,
        ))
        .unwrap();
        assert!(!Burst::gather(&rx).unwrap().ended);
        tx.send(event(EventKind::Modify(ModifyKind::Any), "d.md"))
            .unwrap();
        tx.send(Err(notify::Error::generic("queue overflow")))
            .unwrap();
        let burst = Burst::gather(&rx).unwrap();
        assert!(!burst.ended && burst.unknown);
        assert_eq!(burst.changed, [PathBuf::from("d.md")]);
        let overflow = notify::Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        tx.send(Ok(overflow)).unwrap();
        assert!(Burst::gather(&rx).unwrap().unknown);

        // Only reads for longer than the quiet time, then a change: the
        // burst is that change alone.
        tx.send(event(
            EventKind::Access(AccessKind::Open(AccessMode::Read)),
            "a.md",
        ))
        .unwrap();
        let later = tx.clone();
        let writer = std::thread::spawn(move || {
            std::thread::sleep(QUIET * 2);
            later
                .send(event(EventKind::Modify(ModifyKind::Any), "f.md"))
                .unwrap();
        });
        let burst = Burst::gather(&rx).unwrap();
        writer.join().unwrap();
        assert_eq!(burst.changed, [PathBuf::from("f.md")]);

        // The watcher stopped.
        tx.send(event(
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            page,
        ))
        .unwrap();
        drop(tx);
        assert!(Burst::gather(&rx).is_none());
    }

    // Issue 13, item 4: a bare `\r` ends a line in the event stream too.
    #[test]
    fn every_line_end_in_a_problem_stays_inside_its_event() {
        let event = event_data("problems", "one\rdata: x\r\revent: reload\r\nthree\nfour");
        assert_eq!(
            event,
            "event: problems\ndata: one\ndata: data: x\ndata: \ndata: event: reload\ndata: three\ndata: four\n\n"
        );
        // Only the event's own line ends remain.
        assert_eq!(event.matches('\n').count(), 8);
        assert!(!event.contains('\r'));
    }

    // A page opening and closing the event stream again and again, with
    // no rebuild between, grew the list of listeners without end.
    #[test]
    fn a_closed_stream_leaves_no_listener_behind() {
        let preview = Preview::new(Path::new("/nowhere"), None, false);
        for _ in 0..1000 {
            let (listening, _events) = preview.listen();
            drop(listening);
        }
        let (_kept, events) = preview.listen();
        assert_eq!(preview.listeners.lock().unwrap().len(), 1);
        preview.tell(&LiveEvent::Reload);
        assert_eq!(events.try_recv(), Ok(LiveEvent::Reload));
    }

    #[test]
    fn addresses_to_open_are_urls() {
        let v6: SocketAddr = "[::1]:1111".parse().unwrap();
        assert_eq!(shown_address(v6), "[::1]:1111");
        let any: SocketAddr = "0.0.0.0:1111".parse().unwrap();
        assert_eq!(shown_address(any), "127.0.0.1:1111");
        // Issue 16: Windows listens on IPv6 only for `--bind ::`, where
        // 127.0.0.1 would not answer.
        let any_v6: SocketAddr = "[::]:1111".parse().unwrap();
        assert_eq!(shown_address(any_v6), "[::1]:1111");
    }

    // Issue 16: ports Hyper-V, WSL or Docker keep give Windows' WSAEACCES,
    // which was called "another program uses it" and ended the search
    // for a free port.
    #[test]
    fn a_port_windows_keeps_is_refused_not_in_use() {
        let kept = std::io::Error::from_raw_os_error(WSAEACCES);
        assert_eq!(port_refusal(&kept), PortRefusal::Refused);
        let in_use = std::io::Error::from(std::io::ErrorKind::AddrInUse);
        assert_eq!(port_refusal(&in_use), PortRefusal::InUse);
        let other = std::io::Error::from(std::io::ErrorKind::AddrNotAvailable);
        assert_eq!(port_refusal(&other), PortRefusal::Other);

        let address: SocketAddr = "127.0.0.1:2000".parse().unwrap();
        let message = format!("{:#}", refused(address, kept));
        assert!(message.contains("Hyper-V, WSL or Docker"), "{message}");
        assert!(message.contains("Leave out `--port`"), "{message}");
        assert!(!message.contains("uses it"), "{message}");
        let message = format!("{:#}", refused(address, in_use));
        assert!(message.contains("another program"), "{message}");
    }

    #[test]
    fn when_every_port_tried_is_taken_the_system_picks_one() {
        let taken = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        let listener = bind_free("127.0.0.1".parse().unwrap(), port..port + 1).unwrap();
        let got = listener.local_addr().unwrap().port();
        assert_ne!(got, port);
        assert_ne!(got, 0);
    }

    #[test]
    fn an_address_not_of_this_computer_is_an_error_at_once() {
        // TEST-NET-1 (RFC 5737): never a local address.
        let err = bind_free("192.0.2.1".parse().unwrap(), 40_000..40_050).unwrap_err();
        assert!(
            err.to_string().contains("cannot listen on 192.0.2.1:40000"),
            "{err:#}"
        );
    }
}
