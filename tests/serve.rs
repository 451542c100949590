//! `outreach serve`: the real binary on an ephemeral port, asked over raw
//! HTTP on loopback (requests are written by hand so that addresses such
//! as `/../` reach the server exactly as typed).

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::Project;
use common::serve::{Events, get, raw, start, start_with, text};

#[test]
fn serves_pages_in_every_language_with_the_reload_script() {
    let p = Project::examples_with_translations();
    let server = start(&p);
    for path in [
        "/on-the-move/ar/",
        "/on-the-move/fa/get-help.html",
        "/safe-work/sr-Latn/",
        "/safe-work/",
    ] {
        let (status, html) = text(server.port, path);
        assert_eq!(status, 200, "{path}");
        assert!(
            html.contains("<script src=\"/_outreach/live.js\" defer></script></body>"),
            "{path}"
        );
        assert!(html.contains("connect-src 'self'"), "{path}");
    }
    let (status, head, body) = get(server.port, "/on-the-move/ps/leaflets/card.pdf");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: application/pdf"), "{head}");
    assert!(body.starts_with(b"%PDF"));
    let (status, head, _) = get(server.port, "/on-the-move/ps");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /on-the-move/ps/"), "{head}");
    let (status, html) = text(server.port, "/on-the-move/ps/no-such-page.html");
    assert_eq!(status, 404);
    assert!(html.contains("Page not found"), "the campaign's 404 page");
    // The built site on disk is not touched: nothing is written.
    assert!(!p.public().exists());
    // The address `serve` prints lists the campaigns (issue 18: it said
    // "Not found").
    let (status, top) = text(server.port, "/");
    assert_eq!(status, 200);
    assert!(top.contains("href=\"/safe-work/\""), "{top}");
    let (status, page) = text(server.port, "/_outreach/");
    assert_eq!(status, 200);
    for expected in [
        "on-the-move",
        "safe-work",
        "sr-Latn",
        "leaflets/trifold.pdf",
        "texts translated / to check / to translate",
        // Every text of the examples is translated (issue 12).
        "<td>125 / 0 / 0</td>",
    ] {
        assert!(page.contains(expected), "status page lacks {expected}");
    }
}

#[test]
fn an_edit_reloads_a_broken_file_shows_its_problem_and_a_fix_clears_it() {
    let p = Project::examples();
    let server = start(&p);
    let mut events = Events::open(server.port);

    let page = "content/safe-work/sq/get-help.md";
    let original = std::fs::read_to_string(p.root().join(page)).unwrap();
    p.write(page, format!("{original}\nNjë rresht i ri për provë.\n"));
    assert_eq!(events.next().0, "reload");
    let (_, html) = text(server.port, "/safe-work/sq/get-help.html");
    assert!(html.contains("Një rresht i ri për provë."));

    let campaign = "campaigns/safe-work.yaml";
    let yaml = std::fs::read_to_string(p.root().join(campaign)).unwrap();
    p.write(
        campaign,
        yaml.replace("default_language: en", "default_language: [en"),
    );
    let (name, data) = events.next();
    assert_eq!(name, "problems");
    assert!(data.contains("campaigns/safe-work.yaml:"), "{data}");
    assert!(data.contains("error"), "{data}");
    // The last good pages are still served.
    let (status, html) = text(server.port, "/safe-work/sq/get-help.html");
    assert_eq!(status, 200);
    assert!(html.contains("Një rresht i ri për provë."));
    // A page opened now gets the problems at once.
    let mut late = Events::open(server.port);
    assert_eq!(late.next().0, "problems");

    p.write(campaign, yaml);
    assert_eq!(events.next().0, "reload");
    let (_, status_page) = text(server.port, "/_outreach/");
    assert!(!status_page.contains("could not be built"));
}

#[test]
fn addresses_outside_the_site_are_refused() {
    let p = Project::examples();
    // A file next to the project that a traversal would reach.
    p.write("secret.txt", "root:x:0:0");
    let server = start(&p);
    for path in [
        "/../secret.txt",
        "/safe-work/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2e%2e%2fsecret.txt",
        "/safe-work/..%5c..%5csecret.txt",
        "//etc/passwd",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "/safe-work/%2e%2e/%2e%2e/campaigns/safe-work.yaml",
    ] {
        let (status, body) = text(server.port, path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("root:"), "{path}");
        assert!(!body.contains("default_language"), "{path}");
    }
}

#[test]
fn the_browser_editor_is_served_from_admin_and_nothing_beside_it() {
    let p = Project::examples();
    p.write("secret.txt", "root:x:0:0");
    let server = start(&p);
    // Before `outreach editor`, the address says what to do.
    let (status, body) = text(server.port, "/_outreach/editor/");
    assert_eq!(status, 404);
    assert!(body.contains("outreach editor"), "{body}");
    let (_, status_page) = text(server.port, "/_outreach/");
    assert!(!status_page.contains("/_outreach/editor/"));

    let setup = p.outreach(&["editor", "--cms", "decap"]);
    assert!(setup.status.success(), "{}", common::stderr(&setup));
    let (status, head, body) = get(server.port, "/_outreach/editor/");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/html"), "{head}");
    assert!(String::from_utf8_lossy(&body).contains("decap-cms-3.16.3/decap-cms.js"));
    let (status, head, _) = get(server.port, "/_outreach/editor/config.yml");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/yaml"), "{head}");
    let (status, head, _) = get(
        server.port,
        "/_outreach/editor/decap-cms-3.16.3/decap-cms.js",
    );
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/javascript"), "{head}");
    let (status, _, _) = get(server.port, "/_outreach/editor");
    assert_eq!(status, 301);
    for path in [
        "/_outreach/editor/../secret.txt",
        "/_outreach/editor/%2e%2e/secret.txt",
        "/_outreach/editor/..%2f..%2fsecret.txt",
        "/_outreach/editor/../campaigns/safe-work.yaml",
    ] {
        let (status, body) = text(server.port, path);
        assert_eq!(status, 404, "{path}");
        assert!(
            !body.contains("root:") && !body.contains("default_language"),
            "{path}"
        );
    }
    // A link inside admin/ that leads out of it is not followed.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(p.root().join("secret.txt"), p.root().join("admin/s.txt"))
            .unwrap();
        let (status, body) = text(server.port, "/_outreach/editor/s.txt");
        assert_eq!(status, 404);
        assert!(!body.contains("root:"));
    }
    // The status page leads to it, once it exists; the site never holds it.
    p.write(
        "content/safe-work/en/index.md",
        std::fs::read_to_string(p.root().join("content/safe-work/en/index.md")).unwrap(),
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, status_page) = text(server.port, "/_outreach/");
        if status_page.contains("href=\"/_outreach/editor/\"") {
            break;
        }
        assert!(Instant::now() < deadline, "{status_page}");
        std::thread::sleep(Duration::from_millis(100));
    }
    let built = p.build_ok();
    assert!(built.status.success());
    assert!(
        !walkdir::WalkDir::new(p.public())
            .into_iter()
            .any(|e| { e.unwrap().file_name().to_string_lossy().contains("decap") })
    );
}

// Issue 13, items 1 and 3: a request with a body too large to allocate
// aborted the process under tiny_http; any `Host` was answered, so a page
// whose name was rebound to 127.0.0.1 could read the preview.
#[test]
fn hostile_requests_are_refused_and_the_preview_stays_up() {
    let p = Project::examples();
    let server = start(&p);
    let answer = raw(
        server.port,
        b"GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 9223372036854775807\r\n\r\n",
    );
    assert!(answer.starts_with("HTTP/1.1 413 "), "{answer}");
    // Four bodies announced and never sent do not hold the preview.
    let held: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
            stream
                .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000\r\n\r\n")
                .unwrap();
            stream
        })
        .collect();
    let rebound = format!(
        "GET /safe-work/en/ HTTP/1.1\r\nHost: attacker.example:{}\r\n\r\n",
        server.port
    );
    let answer = raw(server.port, rebound.as_bytes());
    assert!(answer.starts_with("HTTP/1.1 403 "), "{answer}");
    assert!(!answer.contains("<html"), "{answer}");
    let started = Instant::now();
    let (status, _) = text(server.port, "/safe-work/en/");
    assert_eq!(status, 200);
    assert!(started.elapsed() < Duration::from_secs(1));
    drop(held);
}

// Issue 13, item 2: an event stream with requests pipelined after it held
// a worker, and the others waited 15–45 s.
#[test]
fn an_event_stream_with_requests_behind_it_does_not_stall_others() {
    let p = Project::examples();
    let server = start(&p);
    let pipelined = "GET /_outreach/events HTTP/1.1\r\nHost: localhost\r\n\r\n\
                     GET /safe-work/en/ HTTP/1.1\r\nHost: localhost\r\n\r\n"
        .repeat(5);
    let streams: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
            stream.write_all(pipelined.as_bytes()).unwrap();
            stream
        })
        .collect();
    for _ in 0..10 {
        let started = Instant::now();
        let (status, _) = text(server.port, "/on-the-move/ar/");
        assert_eq!(status, 200);
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "{:?}",
            started.elapsed()
        );
    }
    drop(streams);
}

// Issue 13, item 5.
#[test]
fn an_ipv6_address_is_printed_in_brackets() {
    let p = Project::examples();
    let server = start_with(&p, &["--bind", "::1"]);
    assert_eq!(
        server.url,
        format!("http://[::1]:{}/_outreach/", server.port)
    );
    let mut stream = TcpStream::connect(("::1", server.port)).unwrap();
    write!(
        stream,
        "GET /_outreach/ HTTP/1.1\r\nHost: [::1]:{}\r\nConnection: close\r\n\r\n",
        server.port
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 "), "{answer}");
}

#[test]
fn many_requests_while_rebuilding_all_succeed() {
    let p = Project::examples();
    let server = start(&p);
    let port = server.port;
    let deadline = Instant::now() + Duration::from_secs(60);
    let workers: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                let paths = [
                    "/on-the-move/ar/",
                    "/safe-work/mk/your-rights.html",
                    "/safe-work/en/manifest.webmanifest",
                ];
                for n in 0..400 {
                    if Instant::now() > deadline {
                        break;
                    }
                    let (status, _, body) = get(port, paths[(i + n) % paths.len()]);
                    assert_eq!(status, 200);
                    assert!(!body.is_empty());
                }
            })
        })
        .collect();
    // Rebuilds while the requests run.
    let page = "content/on-the-move/en/index.md";
    let original = std::fs::read_to_string(p.root().join(page)).unwrap();
    for n in 0..3 {
        p.write(page, format!("{original}\nEdit {n}.\n"));
        std::thread::sleep(Duration::from_millis(400));
    }
    for worker in workers {
        worker.join().expect("every request answered");
    }
}

#[test]
fn a_port_in_use_is_explained() {
    let p = Project::examples();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let output = p.outreach(&["serve", "--port", &port]);
    let err = common::stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("cannot listen on port {port}")),
        "{err}"
    );
    assert!(err.contains("choose another port"), "{err}");
}

/// The served page as `outreach build` writes it: without the preview's
/// script and with the page's own security policy.
fn as_built(served: &str) -> String {
    served
        .replace("<script src=\"/_outreach/live.js\" defer></script>", "")
        .replace("connect-src 'self'", "connect-src 'none'")
}

#[test]
fn edits_rebuild_only_what_shows_them_and_match_a_full_build() {
    let p = Project::examples();
    let server = start(&p);
    let mut events = Events::open(server.port);
    let before = text(server.port, "/safe-work/sq/index.html").1;

    // The text of one page: that page alone is rendered again.
    let page = "content/safe-work/sr/warning-signs.md";
    let original = std::fs::read_to_string(p.root().join(page)).unwrap();
    p.write(page, format!("{original}\nНова реченица за проверу.\n"));
    assert_eq!(events.next().0, "reload");
    assert!(
        text(server.port, "/safe-work/sr/warning-signs.html")
            .1
            .contains("Нова реченица за проверу.")
    );
    // Its Latin copy is made again too.
    assert!(
        text(server.port, "/safe-work/sr-Latn/warning-signs.html")
            .1
            .contains("Nova rečenica za proveru.")
    );
    assert!(server.log().contains("Rebuilt 2 pages"), "{}", server.log());
    assert_eq!(text(server.port, "/safe-work/sq/index.html").1, before);

    // A title: every page of the language lists it.
    let page = "content/safe-work/sq/get-help.md";
    let original = std::fs::read_to_string(p.root().join(page)).unwrap();
    let title = original
        .lines()
        .find(|l| l.starts_with("title:"))
        .unwrap()
        .to_string();
    p.write(page, original.replace(&title, "title: \"Ndihmë tani\""));
    assert_eq!(events.next().0, "reload");
    for other in ["index", "warning-signs", "your-rights"] {
        let html = text(server.port, &format!("/safe-work/sq/{other}.html")).1;
        assert!(html.contains("Ndihmë tani"), "{other} lists the new title");
    }

    // A new picture, then a page that shows it: served in its sizes.
    p.write("content/safe-work/images/new.png", common::png(700, 350));
    assert_eq!(events.next().0, "reload");
    let page = "content/safe-work/bs/your-rights.md";
    let original = std::fs::read_to_string(p.root().join(page)).unwrap();
    p.write(
        page,
        format!("{original}\n![Nova slika](../images/new.png)\n"),
    );
    assert_eq!(events.next().0, "reload");
    let html = text(server.port, "/safe-work/bs/your-rights.html").1;
    let src = html
        .split("src=")
        .find_map(|rest| rest.strip_prefix("\"../images/"))
        .and_then(|rest| rest.split(['"', ' ', '>']).next())
        .unwrap_or_else(|| panic!("no picture in {html}"));
    let (status, head, bytes) = get(server.port, &format!("/safe-work/images/{src}"));
    assert_eq!(status, 200, "{src}");
    assert!(head.contains("Content-Type: image/png"), "{head}");
    assert_eq!(image::load_from_memory(&bytes).unwrap().width(), 700);

    // Whatever was rebuilt in part is what a whole build makes.
    let out = p.root().join("full");
    let build = p.outreach(&["build", "--out", out.to_str().unwrap()]);
    assert!(build.status.success());
    for entry in walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(|e| e.ok())
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let rel = path
            .strip_prefix(&out)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let built = std::fs::read_to_string(path).unwrap();
        let (status, served) = text(server.port, &format!("/{rel}"));
        if rel.ends_with("404.html") {
            continue; // served with status 404 at any missing address
        }
        assert_eq!(status, 200, "{rel}");
        assert_eq!(as_built(&served), built, "{rel} differs from a full build");
    }
}

#[test]
fn a_heading_id_changed_in_one_page_is_reported_in_the_pages_linking_to_it() {
    // After an edit the preview checks again only the links of the edited
    // page and of the pages linking to it; these must not be skipped.
    let p = Project::examples();
    let server = start(&p);
    let mut events = Events::open(server.port);
    let page = "content/safe-work/bs/get-help.md";
    let original = std::fs::read_to_string(p.root().join(page)).unwrap();
    assert!(original.contains("{#hotline}"));
    p.write(page, original.replace("{#hotline}", "{#pomoc}"));
    let (name, data) = events.next();
    assert_eq!(name, "problems");
    for linking in ["your-rights.md", "warning-signs.md", "index.md"] {
        assert!(
            data.contains(&format!("content/safe-work/bs/{linking}:")),
            "{linking} links to #hotline: {data}"
        );
    }
    assert!(data.contains("no heading with the id `hotline`"), "{data}");
    // Pages in other languages link to their own get-help page: no problem.
    assert!(!data.contains("content/safe-work/en/"), "{data}");

    p.write(page, original);
    assert_eq!(events.next().0, "reload");
    let (_, status_page) = text(server.port, "/_outreach/");
    assert!(!status_page.contains("could not be built"));
}

#[test]
fn an_editor_that_saves_by_renaming_triggers_one_rebuild() {
    let p = Project::examples();
    let server = start(&p);
    let mut events = Events::open(server.port);
    let page = p.root().join("content/on-the-move/fa/get-help.md");
    let original = std::fs::read_to_string(&page).unwrap();
    // Write a temporary file next to the page, then move it over the page,
    // as many editors do.
    let temporary = page.with_file_name(".get-help.md.swp");
    std::fs::write(&temporary, format!("{original}\nیک جملهٔ تازه.\n")).unwrap();
    std::fs::rename(&temporary, &page).unwrap();
    assert_eq!(events.next().0, "reload");
    assert!(
        text(server.port, "/on-the-move/fa/get-help.html")
            .1
            .contains("یک جملهٔ تازه.")
    );
    std::thread::sleep(Duration::from_millis(300));
    let log = server.log();
    assert_eq!(log.matches("Rebuilt").count(), 1, "{log}");
}

#[test]
fn an_editor_that_keeps_a_backup_triggers_one_rebuild_without_problems() {
    // Some editors save by renaming the page to a backup (`page.md~`) and
    // writing the page anew. The rename must not end the save: a rebuild
    // in between would find the page gone and report every link to it.
    let p = Project::examples();
    let server = start(&p);
    let mut events = Events::open(server.port);
    let page = p.root().join("content/safe-work/sq/get-help.md");
    let original = std::fs::read_to_string(&page).unwrap();
    let backup = page.with_file_name("get-help.md~");
    std::fs::rename(&page, &backup).unwrap();
    // A busy editor: the new file comes a little later.
    std::thread::sleep(Duration::from_millis(8));
    std::fs::write(&page, format!("{original}\nNjë fjali e re.\n")).unwrap();
    std::fs::remove_file(&backup).unwrap();
    let (name, data) = events.next();
    assert_eq!(name, "reload", "{data}");
    assert!(
        text(server.port, "/safe-work/sq/get-help.html")
            .1
            .contains("Një fjali e re.")
    );
    std::thread::sleep(Duration::from_millis(300));
    let log = server.log();
    assert_eq!(log.matches("Rebuilt").count(), 1, "{log}");
    assert!(!log.contains("problem"), "{log}");
}

#[test]
fn strict_stops_on_warnings_and_says_why_on_every_address() {
    let p = Project::examples();
    // The examples' placeholder contacts have no `verified:` date: warnings.
    let server = start_with(&p, &["--strict"]);
    let (status, page) = text(server.port, "/safe-work/sq/");
    assert_eq!(status, 503);
    assert!(page.contains("could not be built"), "{page}");
    assert!(page.contains("has no `verified:` date"), "{page}");
    assert!(page.contains("/_outreach/live.js"), "{page}");
}

/// The `../audio/…` address of the recording a served page offers.
fn recording_src(html: &str) -> String {
    html.split("<source src=\"../")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no recording in {html}"))
        .to_string()
}

// Issue 15, part 4: a recording is served with its type and in parts
// (browsers seek in a recording by asking for a part), and replacing,
// adding or deleting one shows at once.
#[test]
fn recordings_are_served_in_parts_and_follow_their_files() {
    let p = Project::fixture("basic");
    let help = std::fs::read_to_string(p.root().join("content/demo/en/help.md")).unwrap();
    p.write(
        "content/demo/en/help.md",
        help.replacen("weight: 2\n", "weight: 2\naudio: reading.mp3\n", 1),
    );
    p.write("content/demo/en/reading.mp3", common::mp3(2300, "Ana"));
    let server = start(&p);
    let mut events = Events::open(server.port);
    let (_, page) = text(server.port, "/demo/en/help.html");
    assert!(page.contains(">1 min</time> · 468 KB"), "{page}");
    let src = recording_src(&page);
    let (status, head, bytes) = get(server.port, &format!("/demo/{src}"));
    assert_eq!(status, 200, "{src}");
    assert!(head.contains("Content-Type: audio/mpeg"), "{head}");
    assert!(head.contains("Accept-Ranges: bytes"), "{head}");
    assert_eq!(bytes, common::mp3_frames(2300));
    let part = raw(
        server.port,
        format!(
            "GET /demo/{src} HTTP/1.1\r\nHost: localhost\r\nRange: bytes=208-415\r\nConnection: close\r\n\r\n"
        )
        .as_bytes(),
    );
    assert!(part.starts_with("HTTP/1.1 206 Partial Content"), "{part}");
    assert!(
        part.contains("Content-Range: bytes 208-415/478400"),
        "{part}"
    );
    assert!(part.contains("Content-Length: 208\r\n"), "{part}");

    // Replaced by a longer recording: the page names the new file.
    p.write("content/demo/en/reading.mp3", common::mp3(7700, "Ana"));
    assert_eq!(events.next().0, "reload");
    let (_, page) = text(server.port, "/demo/en/help.html");
    assert!(page.contains(">3 min 21 s</time> · 1.6 MB"), "{page}");
    assert_ne!(recording_src(&page), src);

    // A recording saved, then a page that names it: that page alone is
    // rendered again, and the recording is served.
    p.write("content/demo/en/signs.opus", common::opus(Some(45)));
    assert_eq!(events.next().0, "reload");
    let signs = std::fs::read_to_string(p.root().join("content/demo/en/signs.md")).unwrap();
    p.write(
        "content/demo/en/signs.md",
        signs.replacen("---\n", "---\naudio: signs.opus\n", 1),
    );
    assert_eq!(events.next().0, "reload");
    assert!(server.log().contains("Rebuilt 1 page"), "{}", server.log());
    let (_, page) = text(server.port, "/demo/en/signs.html");
    let (status, head, _) = get(server.port, &format!("/demo/{}", recording_src(&page)));
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: audio/ogg"), "{head}");

    // Deleted: the page that names it says so, at its line.
    std::fs::remove_file(p.root().join("content/demo/en/reading.mp3")).unwrap();
    let (name, data) = events.next();
    assert_eq!(name, "problems");
    assert!(
        data.contains(
            "content/demo/en/help.md:4:8: error: the recording `reading.mp3` does not exist"
        ),
        "{data}"
    );
}
