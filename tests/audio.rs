//! Recorded readings of pages (issue 15, part 4): `audio:` in a page's
//! front matter. The player and what it says, in the reader's language;
//! the published file; warnings; offline bundles. (Missing and non-audio
//! files are in `invalid.rs`, the preview in `serve.rs`.)

mod common;

use std::io::Read;

use common::{Project, attrs, stderr, stdout, texts};
use scraper::Html;

/// The English help page of the `basic` fixture with `audio: reading.mp3`
/// (at line 4, column 8) and the file next to it.
fn with_recording(recording: Vec<u8>) -> Project {
    let p = Project::fixture("basic");
    add_recording(&p, "en", "help", "reading.mp3", recording);
    p
}

/// `audio: NAME` in the page `content/demo/<lang>/<slug>.md`, after its
/// title and weight, and the recording saved beside it.
fn add_recording(p: &Project, lang: &str, slug: &str, name: &str, recording: Vec<u8>) {
    let page = format!("content/demo/{lang}/{slug}.md");
    let text = std::fs::read_to_string(p.root().join(&page)).unwrap();
    let (front, body) = text[4..].split_once("---\n").unwrap();
    p.write(&page, format!("---\n{front}audio: {name}\n---\n{body}"));
    p.write(&format!("content/demo/{lang}/{name}"), recording);
}

/// The `src` of the page's recording, and the published file it names.
fn published(p: &Project, page: &str) -> (String, Vec<u8>) {
    let html = p.page(page);
    let src = attrs(&html, "main audio source", "src");
    assert_eq!(src.len(), 1, "{page}: {src:?}");
    let file = p
        .public()
        .join(page)
        .parent()
        .unwrap()
        .join(&src[0])
        .canonicalize()
        .unwrap_or_else(|e| panic!("{}: {e}", src[0]));
    (src[0].clone(), std::fs::read(file).unwrap())
}

#[test]
fn a_page_offers_its_recording_without_downloading_it() {
    // 7700 frames: 201.1 s, 1,601,600 bytes of sound.
    let p = with_recording(common::mp3(7700, "Ana, shelter in Tetovo"));
    let output = p.build_ok();
    assert!(
        stdout(&output).contains(", 1 recording"),
        "{}",
        stdout(&output)
    );
    let html = p.page("demo/en/help.html");
    let audio = "main audio";
    assert_eq!(attrs(&html, audio, "controls"), [""]);
    // Nothing downloads until the reader presses play (2G), and nothing
    // plays by itself.
    assert_eq!(attrs(&html, audio, "preload"), ["none"]);
    assert!(attrs(&html, audio, "autoplay").is_empty());
    // Its name is the visible label above it.
    assert_eq!(attrs(&html, audio, "aria-labelledby"), ["listen"]);
    assert_eq!(texts(&html, "#listen"), ["Listen to this page"]);
    assert_eq!(attrs(&html, "main audio source", "type"), ["audio/mpeg"]);
    // Published under a name made from its content alone, in `audio/`.
    let (src, bytes) = published(&p, "demo/en/help.html");
    let name = src.strip_prefix("../audio/").unwrap();
    let (hash, ext) = name.split_once('.').unwrap();
    assert_eq!(ext, "mp3");
    assert!(
        hash.len() == 10 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
        "{name}"
    );
    // Without the tag that named the reader and the place.
    assert_eq!(bytes, common::mp3_frames(7700));
    // Its length and size, so a reader knows what playing costs.
    assert_eq!(texts(&html, ".audio-about"), ["3 min 21 s · 1.6 MB"]);
    assert_eq!(attrs(&html, ".audio-about time", "datetime"), ["PT3M21S"]);
    // Above the text, which stays as the transcript.
    let main = texts(&html, "main")[0].clone();
    assert!(
        main.find("Listen to this page").unwrap() < main.find("Call for help").unwrap(),
        "{main}"
    );
    // Pages without `audio:` have no player.
    for page in [
        "demo/en/index.html",
        "demo/ar/help.html",
        "demo/en/signs.html",
    ] {
        assert!(texts(&p.page(page), "audio, .audio").is_empty(), "{page}");
    }
}

#[test]
fn length_and_size_are_said_in_the_readers_language_and_digits() {
    let p = with_recording(common::mp3(2300, ""));
    add_recording(&p, "ar", "help", "qiraa.mp3", common::mp3(7700, ""));
    add_recording(&p, "sr", "index", "citanje.opus", common::opus(Some(45)));
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    p.write(
        "campaigns/demo.yaml",
        yaml.replace("[en, ar, sr, fa]", "[en, ar, sr, sr-Latn, fa]") + "native_digits: true\n",
    );
    p.build_ok();
    // 60.08 s of 478,400 bytes: whole minutes say no seconds, and less
    // than a megabyte is said in KB.
    let en = p.page("demo/en/help.html");
    assert_eq!(texts(&en, ".audio-about"), ["1 min · 468 KB"]);
    assert_eq!(attrs(&en, ".audio-about time", "datetime"), ["PT1M"]);
    let ar = p.page("demo/ar/help.html");
    assert_eq!(texts(&ar, "#listen"), ["استمعوا إلى هذه الصفحة"]);
    assert_eq!(
        texts(&ar, ".audio-about"),
        ["٣ دقائق ٢١ ثانية · ١٫٦ ميغابايت"]
    );
    // The machine-readable length keeps ASCII digits.
    assert_eq!(attrs(&ar, ".audio-about time", "datetime"), ["PT3M21S"]);
    let sr = p.page("demo/sr/index.html");
    assert_eq!(texts(&sr, "#listen"), ["Послушајте ову страницу"]);
    assert_eq!(texts(&sr, ".audio-about"), ["45 сек. · 5 KB"]);
    assert_eq!(
        attrs(&sr, "main audio source", "type"),
        ["audio/ogg; codecs=opus"]
    );
    // The Latin page made from the Cyrillic one plays the same recording.
    let latin = p.page("demo/sr-Latn/index.html");
    assert_eq!(texts(&latin, "#listen"), ["Poslušajte ovu stranicu"]);
    assert_eq!(texts(&latin, ".audio-about"), ["45 sek. · 5 KB"]);
    assert_eq!(
        published(&p, "demo/sr-Latn/index.html"),
        published(&p, "demo/sr/index.html")
    );
    assert!(published(&p, "demo/sr/index.html").0.ends_with(".opus"));
}

#[test]
fn a_recording_over_the_budget_is_a_warning_saying_how_to_make_it_smaller() {
    let p = with_recording(common::mp3(7700, ""));
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    p.write(
        "campaigns/demo.yaml",
        format!("{yaml}audio_budget_kb: 1000\n"),
    );
    let err = stderr(&p.build_ok());
    assert!(
        err.contains(
            "content/demo/en/help.md:4:8: warning: the recording `content/demo/en/reading.mp3` is 1565 KB (63 kbit/s), over the budget of 1000 KB: on 2G it takes about 6 minutes to download"
        ),
        "{err}"
    );
    assert!(err.contains("mono Opus at 24 kbit/s"), "{err}");
    assert!(err.contains("raise `audio_budget_kb`"), "{err}");
    // The default budget (3000 KB) takes it, and `--strict` fails on the
    // warning.
    p.write("campaigns/demo.yaml", yaml);
    assert!(!stderr(&p.build_ok()).contains("over the budget"));
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    p.write("campaigns/demo.yaml", format!("{yaml}audio_budget_kb: 1\n"));
    let strict = p.outreach(&["build", "--strict"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
}

#[test]
fn a_length_that_cannot_be_read_and_a_misleading_name_are_warnings() {
    let p = Project::fixture("basic");
    // An Ogg Opus file whose last page does not say where its sound ends,
    // named as if it were an MP3.
    add_recording(&p, "en", "help", "reading.mp3", common::opus(None));
    let err = stderr(&p.build_ok());
    assert!(
        err.contains("content/demo/en/help.md:4:8: warning: the length of the recording `content/demo/en/reading.mp3` cannot be read, so the page shows only its size"),
        "{err}"
    );
    assert!(
        err.contains("content/demo/en/help.md:4:8: warning: `reading.mp3` holds Ogg Opus sound, but its name says otherwise"),
        "{err}"
    );
    assert!(err.contains("rename the file `reading.opus`"), "{err}");
    let html = p.page("demo/en/help.html");
    assert_eq!(texts(&html, ".audio-about"), ["5 KB"]);
    assert!(texts(&html, ".audio-about time").is_empty());
    // It is published as what it is.
    assert!(published(&p, "demo/en/help.html").0.ends_with(".opus"));
}

#[test]
fn the_offline_bundle_carries_the_recording_and_the_page_budget_does_not_count_it() {
    let p = with_recording(common::mp3(7700, ""));
    let output = p.outreach(&["build", "--bundle"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // 1.6 MB of sound on a page whose budget is 14 KB: not a heavy page.
    assert!(
        !stderr(&output).contains("over the budget"),
        "{}",
        stderr(&output)
    );
    let (src, bytes) = published(&p, "demo/en/help.html");
    let inside = format!("demo/{}", src.trim_start_matches("../"));
    let zip = std::fs::File::open(p.public().join("demo.zip")).unwrap();
    let mut archive = zip::ZipArchive::new(zip).unwrap();
    let mut carried = Vec::new();
    archive
        .by_name(&inside)
        .unwrap_or_else(|_| panic!("no `{inside}` in the bundle"))
        .read_to_end(&mut carried)
        .unwrap();
    assert_eq!(carried, bytes);
    let mut page = String::new();
    archive
        .by_name("demo/en/help.html")
        .unwrap()
        .read_to_string(&mut page)
        .unwrap();
    let html = Html::parse_document(&page);
    assert_eq!(attrs(&html, "main audio source", "src"), [src]);
}

#[test]
fn hosts_keep_recordings_for_a_year() {
    let p = with_recording(common::mp3(100, ""));
    p.build_ok();
    let headers = std::fs::read_to_string(p.public().join("demo/_headers")).unwrap();
    assert!(
        headers.contains("/audio/*\n  Cache-Control: public, max-age=31536000, immutable"),
        "{headers}"
    );
    let htaccess = std::fs::read_to_string(p.public().join("demo/.htaccess")).unwrap();
    assert!(
        htaccess.contains(
            "|[0-9a-f]{10}\\.(mp3|opus|ogg|m4a))(\\.(br|gz))?$\">\n  Header set Cache-Control \"public, max-age=31536000, immutable\""
        ),
        "{htaccess}"
    );
    // Hosts whose list of types is older than Opus still send its type.
    assert!(
        htaccess.contains("AddType audio/ogg .opus .ogg"),
        "{htaccess}"
    );
}
