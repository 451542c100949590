//! Printable leaflets, read back from their PDFs in Rust (see
//! `leaflets/pdf.rs`): pages, fonts, text, QR codes, and how a page prints
//! in grey. `.ci/run` reads the same PDFs again with poppler and zbar.

mod common;
#[path = "leaflets/pdf.rs"]
mod pdf;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use common::{Project, stderr, stdout};
use pdf::Document;

/// The example campaigns, built once for the tests that only read them.
static EXAMPLES: LazyLock<Project> = LazyLock::new(|| {
    let p = Project::examples();
    p.build_ok();
    p
});

/// Text of a PDF without the joiners and direction marks a reader does not
/// see, with line breaks as spaces, so words and titles compare.
fn pdf_text(pdf: &Path) -> String {
    let text: String = Document::open(pdf)
        .text()
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
            )
        })
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The front matter value `key` of a leaflet text.
fn front(text: &str, key: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}: ")))
        .map(|v| v.trim().trim_matches('"').to_string())
        .unwrap_or_default()
}

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every (campaign, language, leaflet) the examples declare.
fn example_leaflets() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut all = Vec::new();
    for (campaign, langs) in [
        ("on-the-move", &["ar", "ps", "fa", "en"][..]),
        (
            "safe-work",
            &["rom", "sq", "bs", "sr", "sr-Latn", "mk", "en"][..],
        ),
    ] {
        for lang in langs {
            for id in ["trifold", "card"] {
                all.push((campaign, *lang, id));
            }
        }
    }
    all
}

/// Where rendered pages are kept for people to look at.
fn artifacts() -> PathBuf {
    let dir = std::env::var_os("OUTREACH_LEAFLET_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/leaflet-artifacts"));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_example_leaflet_has_its_pages_fonts_title_and_hotline() {
    let p = &*EXAMPLES;
    for (campaign, lang, id) in example_leaflets() {
        let pdf = p
            .public()
            .join(format!("{campaign}/{lang}/leaflets/{id}.pdf"));
        assert!(pdf.is_file(), "missing {}", pdf.display());
        let document = Document::open(&pdf);
        let sizes = document.page_sizes();
        assert_eq!(sizes.len(), 2, "{}", pdf.display());
        let expected = match (campaign, id) {
            (_, "trifold") => "841.89 x 595.276",           // A4 landscape
            ("on-the-move", "card") => "297.638 x 419.528", // A6
            _ => "595.276 x 841.89",                        // four A6 cards on A4
        };
        for size in &sizes {
            assert_eq!(size, expected, "{}", pdf.display());
        }

        // Every font embedded (a print shop has not got the fonts) and
        // subset (a leaflet stays small enough to send by phone).
        let fonts = document.fonts();
        assert!(!fonts.is_empty(), "{}: no fonts", pdf.display());
        for font in fonts {
            assert!(
                font.embedded && font.subset,
                "{}: the font {} is not embedded and subset: {font:?}",
                pdf.display(),
                font.name
            );
        }

        // The text reads in logical order, as typed, right to left included.
        let text = pdf_text(&pdf);
        let source = if lang == "sr-Latn" {
            None // made from the Cyrillic text
        } else {
            let md = repo().join(format!("content/{campaign}/{lang}/leaflets/{id}.md"));
            Some(std::fs::read_to_string(md).unwrap())
        };
        if let Some(source) = source {
            let title: String = front(&source, "title")
                .chars()
                .filter(|c| *c != '\u{200C}')
                .collect();
            assert!(
                text.contains(&title),
                "{}: no title `{title}` in\n{text}",
                pdf.display()
            );
        }
        assert!(
            text.contains("+000 00 000 000"),
            "{}: no hotline",
            pdf.display()
        );
    }
    // The generated Latin Serbian leaflet is in Latin letters.
    let latin = pdf_text(&p.public().join("safe-work/sr-Latn/leaflets/trifold.pdf"));
    assert!(latin.contains("Bezbedan rad u inostranstvu"), "{latin}");
    assert!(
        !latin
            .chars()
            .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
        "{latin}"
    );
}

#[test]
fn qr_codes_open_the_page_in_the_same_language() {
    let p = &*EXAMPLES;
    // A sheet of four cards has four codes, all the same.
    for (campaign, lang, id, page, codes) in [
        ("on-the-move", "ar", "card", 2, 1),
        ("on-the-move", "en", "trifold", 1, 1),
        ("safe-work", "sr-Latn", "card", 2, 4),
    ] {
        let pdf = p
            .public()
            .join(format!("{campaign}/{lang}/leaflets/{id}.pdf"));
        let decoded = Document::open(&pdf).qr_codes(page - 1);
        let url = format!("https://example.org/{campaign}/{lang}/");
        assert_eq!(decoded.len(), codes, "{}: {decoded:?}", pdf.display());
        for code in &decoded {
            assert_eq!(code, &url, "{}", pdf.display());
        }
        // The address is printed beside the code for people who cannot scan.
        assert!(
            pdf_text(&pdf).contains(&url[..url.len() - 1]),
            "{}",
            pdf.display()
        );
    }
}

#[test]
fn right_to_left_leaflets_open_the_other_way() {
    let p = &*EXAMPLES;
    // The cover (with the title) is the right-hand panel of the outside in
    // left-to-right languages and the left-hand one in right-to-left ones.
    for (campaign, lang, word, cover_on_right) in [
        ("safe-work", "en", "Safe", true),
        ("on-the-move", "en", "Safe", true),
        ("on-the-move", "fa", "مسیر", false),
        ("on-the-move", "ar", "بأمان", false),
    ] {
        let pdf = p
            .public()
            .join(format!("{campaign}/{lang}/leaflets/trifold.pdf"));
        let words = Document::open(&pdf).words(0);
        let x = words
            .iter()
            .find(|w| w.text == word)
            .unwrap_or_else(|| panic!("{lang}: `{word}` not found on page 1:\n{words:?}"))
            .x_min;
        let third = 841.89 / 3.0;
        if cover_on_right {
            assert!(x > 2.0 * third, "{lang}: title at x = {x}");
        } else {
            assert!(x < third, "{lang}: title at x = {x}");
        }
    }
}

#[test]
fn leaflets_print_legibly_in_black_and_white() {
    let p = &*EXAMPLES;
    let pdf = Document::open(&p.public().join("safe-work/en/leaflets/trifold.pdf"));
    let grey = pdf.render_grey(0, 100.0);
    // The cover's title, white on a block of the accent colour.
    let title = pdf
        .words(0)
        .into_iter()
        .find(|w| w.text == "Safe")
        .expect("title on page 1");
    let pixel = |points: f64| (points * 100.0 / 72.0) as usize; // 100 dpi
    let title_area = region(
        &grey.pixels,
        grey.width,
        (pixel(title.x_min), pixel(title.x_max)),
        (pixel(title.y_min), pixel(title.y_max)),
    );
    let darkest = *title_area.iter().min().unwrap();
    let lightest = *title_area.iter().max().unwrap();
    // The block is the accent colour, not black, and still dark enough in
    // grey for the white title on it.
    assert!(
        darkest > 20,
        "the title's block prints black ({darkest}): is it still in colour?"
    );
    assert!(lightest > 235, "the title is not white ({lightest})");
    let ratio = contrast_on_white(darkest);
    assert!(
        ratio >= 4.5,
        "the title's block prints at grey {darkest}: {ratio:.2}:1 against its white text"
    );
    // Body text and the helpline are black, not a colour.
    let lower = region(
        &grey.pixels,
        grey.width,
        (0, grey.width),
        (grey.height / 2, grey.height),
    );
    assert!(*lower.iter().min().unwrap() < 40);
}

// Issue 15: the cover's title was the size of every heading. It is now
// at least twice the body text's size, and inside its panel (at least
// 5 mm from its edges, where office printers print), in every example.
#[test]
fn the_cover_title_is_twice_the_body_size_and_inside_its_panel() {
    let p = &*EXAMPLES;
    let mm = |points: f64| points * 25.4 / 72.0;
    for (campaign, lang, id) in example_leaflets() {
        let name = format!("{campaign}/{lang}/leaflets/{id}.pdf");
        let document = Document::open(&p.public().join(&name));
        let words = document.words(0);
        let height = |w: &pdf::Word| w.y_max - w.y_min;
        let mut heights: Vec<f64> = words.iter().map(height).collect();
        heights.sort_by(f64::total_cmp);
        let body = heights[heights.len() / 2];
        let largest = heights[heights.len() - 1];
        assert!(
            largest >= 2.0 * body,
            "{name}: the title is {largest:.1} pt high, the body text {body:.1}"
        );
        let rtl = ["ar", "fa", "ps"].contains(&lang);
        // The cover panel, across the page, in millimetres.
        let (left, right, period) = match id {
            "trifold" if rtl => (0.0, 100.0, f64::INFINITY),
            "trifold" => (197.0, 297.0, f64::INFINITY),
            // Cards, one to a page or four to a sheet: across each card.
            _ => (0.0, 105.0, 105.0),
        };
        // The title's words, as the source gives them (the Latin Serbian
        // leaflet is made from the Cyrillic one), large on the page.
        let source_lang = if lang == "sr-Latn" { "sr" } else { lang };
        let source = std::fs::read_to_string(
            repo().join(format!("content/{campaign}/{source_lang}/leaflets/{id}.md")),
        )
        .unwrap();
        let mut title = front(&source, "title");
        if lang == "sr-Latn" {
            title = outreach::resolve::translit::to_latin(&title);
        }
        let title_words: Vec<&str> = title.split_whitespace().collect();
        let printed: Vec<&pdf::Word> = words
            .iter()
            .filter(|w| title_words.contains(&w.text.as_str()) && height(w) >= 2.0 * body)
            .collect();
        assert!(
            !printed.is_empty(),
            "{name}: no word of {title:?} printed large"
        );
        for word in printed {
            let (x_min, x_max) = (mm(word.x_min) % period, mm(word.x_max) % period);
            assert!(
                x_min >= left + 5.0 && x_max <= right - 5.0 && x_min < x_max,
                "{name}: the title word {:?} runs from {x_min:.1} to {x_max:.1} mm, outside {left}-{right} mm",
                word.text
            );
        }
    }
}

fn region(pixels: &[u8], width: usize, xs: (usize, usize), ys: (usize, usize)) -> Vec<u8> {
    (ys.0..ys.1)
        .flat_map(|y| (xs.0..xs.1).map(move |x| pixels[y * width + x]))
        .collect()
}

fn contrast_on_white(grey: u8) -> f64 {
    let c = f64::from(grey) / 255.0;
    let linear = if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    };
    1.05 / (linear + 0.05)
}

#[test]
fn the_home_page_links_each_leaflet_with_its_size() {
    let p = &*EXAMPLES;
    for (campaign, lang) in [("on-the-move", "fa"), ("safe-work", "sr")] {
        let html = p.page(&format!("{campaign}/{lang}/index.html"));
        let links = common::attrs(&html, "ul.leaflets a", "href");
        assert_eq!(links, ["leaflets/trifold.pdf", "leaflets/card.pdf"]);
        let texts = common::texts(&html, "ul.leaflets a");
        for (href, text) in links.iter().zip(&texts) {
            let size = std::fs::metadata(p.public().join(format!("{campaign}/{lang}/{href}")))
                .unwrap()
                .len();
            let kb = size.div_ceil(1024).to_string();
            assert!(text.contains(&kb), "`{text}` should give {kb} KB");
            assert!(text.contains("PDF"), "{text}");
        }
    }
}

#[test]
fn leaflets_are_byte_identical_from_the_same_input() {
    let p = Project::examples();
    p.build_ok();
    let first = p.snapshot(&p.public());
    std::fs::remove_dir_all(p.public()).unwrap();
    p.build_ok();
    let second = p.snapshot(&p.public());
    let pdfs = |s: &std::collections::BTreeMap<PathBuf, Vec<u8>>| {
        s.iter()
            .filter(|(path, _)| path.extension().is_some_and(|e| e == "pdf"))
            .map(|(path, bytes)| (path.clone(), bytes.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(pdfs(&first).len(), 22);
    assert!(
        pdfs(&first) == pdfs(&second),
        "a PDF changed between two builds"
    );
}

/// A project with one campaign and one leaflet text, for the tests below.
fn leaflet_project(format: &str, extra_yaml: &str, text: &str) -> Project {
    let p = Project::empty();
    p.write(
        "campaigns/demo.yaml",
        format!(
            "title: {{en: \"Demo\", ar: \"تجربة\"}}\n\
             description: {{en: \"Demo.\", ar: \"تجربة.\"}}\n\
             languages: [en, ar]\n\
             default_language: en\n\
             base_url: \"https://example.org/demo/\"\n\
             contacts:\n  - name: {{en: \"Helpline\"}}\n    phone: \"+389 2 3103 570\"\n    example: true\n\
             leaflets:\n  - id: one\n    format: {format}\n{extra_yaml}"
        ),
    );
    for lang in ["en", "ar"] {
        p.write(
            &format!("content/demo/{lang}/index.md"),
            "---\ntitle: Home\n---\nHello.\n",
        );
        p.write(&format!("content/demo/{lang}/leaflets/one.md"), text);
    }
    p
}

#[test]
fn text_that_does_not_fit_is_an_error_naming_leaflet_language_and_panel() {
    let long = "Words that go on and on across the panel. ".repeat(120);
    let text =
        format!("---\ntitle: \"Too long\"\n---\n\nShort cover.\n\n---\n\n## Inside\n\n{long}\n");
    let p = leaflet_project("a4-trifold", "", &text);
    // A first good build, to check the failed one leaves it alone.
    let good = "---\ntitle: \"Fits\"\n---\n\nShort.\n";
    p.write("content/demo/en/leaflets/one.md", good);
    p.write("content/demo/ar/leaflets/one.md", good);
    p.build_ok();
    let before = p.snapshot(&p.public());
    p.write("content/demo/en/leaflets/one.md", &text);
    p.write("content/demo/ar/leaflets/one.md", &text);

    let output = p.outreach(&["build"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    for lang in ["en", "ar"] {
        assert!(
            err.contains(&format!(
                "content/demo/{lang}/leaflets/one.md:9:1: error: the leaflet `one` in `{lang}` does not fit: the `inside-1` panel needs"
            )),
            "{err}"
        );
    }
    assert!(err.contains("mm too much"), "{err}");
    assert!(!err.contains("`cover` panel"), "{err}");
    assert_eq!(
        p.snapshot(&p.public()),
        before,
        "the previous output changed"
    );
}

#[test]
fn a_word_too_long_for_its_panel_is_an_error() {
    let text =
        "---\ntitle: \"Antitraffickingcounsellingandsupportservicesforeveryone\"\n---\n\nFront.\n";
    let p = leaflet_project("a6-card", "", text);
    let output = p.outreach(&["build"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: the leaflet `one` in `en`: `Antitraffickingcounsellingandsupportservicesforeveryone` is wider than its panel (page 1) and would be cut off at the side"),
        "{err}"
    );
}

#[test]
fn too_many_contacts_on_the_back_are_shown_at_the_last_part() {
    let mut contacts = String::new();
    for i in 0..12 {
        contacts.push_str(&format!(
            "  - name: {{en: \"Helpline number {i}\"}}\n    phone: \"+389 2 3103 5{i:02}\"\n    hours: {{en: \"Every day, all day and all night\"}}\n"
        ));
    }
    let p = leaflet_project("a6-card", "", "---\ntitle: T\n---\n\nFront only.\n");
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    let yaml = yaml.replace("contacts:\n", &format!("contacts:\n{contacts}"));
    p.write("campaigns/demo.yaml", yaml);
    let err = stderr(&p.outreach(&["build"]));
    assert!(
        err.contains("content/demo/en/leaflets/one.md:5:1: error: the leaflet `one` in `en` does not fit: the `back` panel needs"),
        "{err}"
    );
    assert!(
        err.contains("the help contacts are printed here too"),
        "{err}"
    );
}

#[test]
fn more_parts_than_the_format_has_is_an_error() {
    let text = "---\ntitle: T\n---\n\nFront.\n\n---\n\nBack.\n\n---\n\nOne too many.\n";
    let p = leaflet_project("a6-card", "", text);
    let output = p.outreach(&["build"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/demo/en/leaflets/one.md:13:1: error: the `a6-card` format has 2 parts (front, back), but the text has 3"),
        "{err}"
    );
}

// Issue 13, item 16: 200 levels of emphasis in a 4 KB leaflet text gave
// 826 errors and 8.7 MB of messages.
#[test]
fn emphasis_nested_too_deep_is_printed_plain_with_one_warning() {
    let mark = |i: usize| if i.is_multiple_of(2) { "*" } else { "_" };
    // Deep enough, and short enough to leave room for the cover's title.
    let open: String = (0..150).map(|i| format!("{}a ", mark(i))).collect();
    let close: String = (0..150).rev().map(|i| format!(" a{}", mark(i))).collect();
    let text = format!("---\ntitle: \"Deep\"\n---\n\n{open}deep words{close} and after.\n");
    let p = leaflet_project("a5-flyer", "", &text);
    let err = stderr(&p.build_ok());
    assert_eq!(
        err.matches("warning: emphasis nested more than 8 deep is printed plain")
            .count(),
        2, // en and ar
        "{err}"
    );
    let printed = pdf_text(&p.public().join("demo/en/leaflets/one.pdf"));
    assert!(printed.contains("a deep words a"), "{printed}");
    assert!(printed.contains("a and after."), "{printed}");

    // Delimiters Markdown leaves as they are make one long word, too wide
    // for the panel: said, but in a few lines, not one per letter.
    let run: String = (0..200).map(mark).collect();
    let text = format!(
        "---\ntitle: \"Deep\"\n---\n\n{run}deep{}\n",
        run.chars().rev().collect::<String>()
    );
    let p = leaflet_project("a5-flyer", "", &text);
    let output = p.outreach(&["build"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.len() < 10_000, "{} bytes of messages", err.len());
    assert!(
        err.contains("more errors like the one above in this file"),
        "{err}"
    );
}

#[test]
fn typst_and_markdown_characters_print_as_written() {
    let text = "---\ntitle: \"#import and $math$\"\n---\n\n\
        Cost: $5 \\\\ 10 #import \"/etc/passwd\": * and [brackets] and `#set page(width: 1mm)`.\n\n\
        #set text(fill: red) @label <tag> *bold* _under_ \\#hash\n";
    let p = leaflet_project("a5-flyer", "", text);
    let output = p.build_ok();
    assert!(stderr(&output).contains("no errors"), "{}", stderr(&output));
    let pdf = p.public().join("demo/en/leaflets/one.pdf");
    let sizes = Document::open(&pdf).page_sizes();
    assert_eq!(sizes, ["419.528 x 595.276"; 2]); // A5
    let printed = pdf_text(&pdf);
    for literal in [
        "#import and $math$",
        "$5 \\ 10 #import \"/etc/passwd\": * and [brackets]",
        "#set page(width: 1mm)",
        // `<tag>` is HTML to Markdown: left out, as on the web pages.
        "#set text(fill: red) @label bold under #hash",
        "#hash",
    ] {
        assert!(
            printed.contains(literal),
            "`{literal}` not printed as written:\n{printed}"
        );
    }
}

#[test]
fn a_campaign_without_base_url_gets_a_warning_and_no_qr_code() {
    let p = leaflet_project(
        "a6-card",
        "",
        "---\ntitle: T\n---\n\nFront.\n\n---\n\nBack.\n",
    );
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    p.write(
        "campaigns/demo.yaml",
        yaml.replace("base_url: \"https://example.org/demo/\"\n", ""),
    );
    let output = p.build_ok();
    let err = stderr(&output);
    assert!(
        err.contains("campaigns/demo.yaml:10:1: warning: the leaflet `one` gets no QR code: the campaign has no `base_url`"),
        "{err}"
    );
    let text = pdf_text(&p.public().join("demo/en/leaflets/one.pdf"));
    assert!(!text.contains("Scan"), "{text}");
    assert!(text.contains("+389 2 3103 570"), "{text}");
}

#[test]
fn leaflet_declarations_are_checked() {
    let p = leaflet_project(
        "a4-trifodl",
        "    sheet: true\n  - id: Bad Name\n    format: a6-card\n",
        "---\ntitle: T\n---\nx\n",
    );
    let output = p.outreach(&["build"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("campaigns/demo.yaml:12:13: error: unknown leaflet format `a4-trifodl`"),
        "{err}"
    );
    assert!(err.contains("did you mean `a4-trifold`?"), "{err}");
    assert!(err.contains("`Bad Name` cannot be a leaflet id"), "{err}");

    let p = leaflet_project("a4-trifold", "    sheet: true\n", "---\ntitle: T\n---\nx\n");
    let err = stderr(&p.outreach(&["build"]));
    assert!(
        err.contains("`sheet: true` (four cards on an A4 sheet) is only for the `a6-card` format"),
        "{err}"
    );
}

#[test]
fn missing_and_undeclared_leaflet_texts_are_warnings() {
    let p = leaflet_project("a6-card", "", "---\ntitle: T\n---\n\nFront.\n");
    std::fs::remove_file(p.root().join("content/demo/ar/leaflets/one.md")).unwrap();
    p.write(
        "content/demo/en/leaflets/other.md",
        "---\ntitle: T\n---\nx\n",
    );
    let output = p.build_ok();
    let err = stderr(&output);
    assert!(
        err.contains(
            "warning: the leaflet `one` has no text in ar, so it is not printed in that language"
        ),
        "{err}"
    );
    assert!(
        err.contains("write `content/demo/ar/leaflets/one.md`"),
        "{err}"
    );
    assert!(
        err.contains("content/demo/en/leaflets/other.md: warning: the leaflet `other` is not declared in `campaigns/demo.yaml`"),
        "{err}"
    );
    assert!(p.public().join("demo/en/leaflets/one.pdf").is_file());
    assert!(!p.public().join("demo/ar/leaflets").exists());
    assert!(
        stdout(&output).contains("1 leaflet in"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn letters_no_bundled_font_has_are_an_error() {
    let p = leaflet_project("a6-card", "", "---\ntitle: T\n---\n\nKanji 漢字 here.\n");
    let output = p.outreach(&["build"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("no font of the theme `default` has the letters `字` (U+5B57), `漢` (U+6F22)"),
        "{err}"
    );
}

// Issue 15: pictures in a leaflet's text go through the pictures of pages:
// checked where they are written (a description is required), re-encoded
// without what the camera wrote into them, and printed at 300 dpi of the
// panel's width, not published on the site.
#[test]
fn pictures_in_leaflets_are_printed_at_300_dpi_without_camera_data() {
    let p = leaflet_project(
        "a6-card",
        "",
        "---\ntitle: T\n---\n\nFront.\n\n![A helpline poster on a wall](../images/poster.jpg)\n\n---\n\nBack.\n",
    );
    p.write(
        "content/demo/images/poster.jpg",
        common::phone_photo(2400, 1600, "SECRET-GPS-41.99N"),
    );
    p.build_ok();
    let public = p.public();
    for lang in ["en", "ar"] {
        let pdf = std::fs::read(public.join(format!("demo/{lang}/leaflets/one.pdf"))).unwrap();
        let text = String::from_utf8_lossy(&pdf);
        // Turned upright (the photo says so), and as wide as the panel at
        // 300 dpi: 91 mm.
        assert!(
            text.contains("/Width 1080") && text.contains("/Height 1620"),
            "{lang}: no 1080 × 1620 picture"
        );
        assert!(
            !text.contains("SECRET-GPS"),
            "{lang}: the camera's data reached the PDF"
        );
        // Its description is in the PDF's tags.
        assert!(
            text.contains("A helpline poster on a wall"),
            "{lang}: no alternative text"
        );
    }
    // The print size is not published on the site.
    let published: Vec<String> = std::fs::read_dir(public.join("demo/images"))
        .map(|dir| {
            dir.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        published.iter().all(|name| !name.contains("-1080.")),
        "{published:?}"
    );

    // A missing picture and one without a description are errors where
    // they are written, like a page's.
    let p = leaflet_project(
        "a6-card",
        "",
        "---\ntitle: T\n---\n\nFront.\n\n![](../images/poster.jpg)\n\n![A map](../images/map.png)\n",
    );
    p.write("content/demo/images/poster.jpg", common::png(40, 30));
    let err = stderr(&p.outreach(&["build"]));
    assert!(
        err.contains("content/demo/en/leaflets/one.md:7:1: error: the picture `../images/poster.jpg` has no description"),
        "{err}"
    );
    assert!(
        err.contains("content/demo/en/leaflets/one.md:9:1: error: the picture `../images/map.png` does not exist"),
        "{err}"
    );
}

/// Renders one page per format and direction for people to look at:
/// `target/leaflet-artifacts/` (or `$OUTREACH_LEAFLET_ARTIFACTS`).
#[test]
fn keep_pictures_of_each_format_and_direction() {
    let p = &*EXAMPLES;
    let flyer = leaflet_project(
        "a5-flyer",
        "",
        "---\ntitle: \"A flyer\"\ndescription: \"With a subtitle\"\n---\n\nThe front.\n\n---\n\nThe back, with the contacts below.\n",
    );
    flyer.build_ok();
    let out = artifacts();
    for (name, pdf) in [
        (
            "a4-trifold-ltr",
            p.public().join("safe-work/en/leaflets/trifold.pdf"),
        ),
        (
            "a4-trifold-rtl",
            p.public().join("on-the-move/fa/leaflets/trifold.pdf"),
        ),
        (
            "a6-card-rtl",
            p.public().join("on-the-move/ar/leaflets/card.pdf"),
        ),
        (
            "a6-card-sheet-ltr",
            p.public().join("safe-work/sr/leaflets/card.pdf"),
        ),
        (
            "a5-flyer-ltr",
            flyer.public().join("demo/en/leaflets/one.pdf"),
        ),
        (
            "a5-flyer-rtl",
            flyer.public().join("demo/ar/leaflets/one.pdf"),
        ),
    ] {
        let document = Document::open(&pdf);
        for page in [1, 2] {
            let png = document.render(page - 1, 150.0).into_png().unwrap();
            std::fs::write(out.join(format!("{name}-{page}.png")), png).unwrap();
        }
    }
}

// Issue 13, item 21: WhatsApp, Viber and SMS numbers were printed without
// the spaces the author wrote (`+38970123456`), unlike phone numbers.
#[test]
fn messaging_numbers_print_as_written_and_dial_without_spaces() {
    let p = leaflet_project(
        "a5-flyer",
        "",
        "---\ntitle: \"Numbers\"\n---\n\nThe front.\n\n---\n\nThe back.\n",
    );
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    p.write(
        "campaigns/demo.yaml",
        yaml.replace(
            "    phone: \"+389 2 3103 570\"\n",
            "    phone: \"+389 2 3103 570\"\n    whatsapp: \"+389 70 123 456\"\n    sms: \"+389 71 222 333\"\n",
        ),
    );
    p.build_ok();
    let printed = pdf_text(&p.public().join("demo/en/leaflets/one.pdf"));
    assert!(printed.contains("+389 70 123 456"), "{printed}");
    assert!(printed.contains("+389 71 222 333"), "{printed}");
    assert!(!printed.contains("+38970123456"), "{printed}");
    let page = std::fs::read_to_string(p.public().join("demo/en/index.html")).unwrap();
    assert!(page.contains("https://wa.me/38970123456"), "{page}");
    assert!(page.contains("sms:+38971222333"), "{page}");
}

/// A PNG of one colour, `width` × `height` pixels.
fn solid_png(width: u32, height: u32, rgb: [u8; 3]) -> Vec<u8> {
    let image = image::RgbImage::from_pixel(width, height, image::Rgb(rgb));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// Where pixels of nearly `rgb` are on a page at 50 dpi, as millimetres
/// across and down: (leftmost, rightmost, topmost, lowest), if any.
fn colour_extent(doc: &Document, page: usize, rgb: [u8; 3]) -> Option<(f64, f64, f64, f64)> {
    let everywhere = (0.0, f64::INFINITY);
    colour_extent_in(doc, page, rgb, everywhere, everywhere)
}

/// [`colour_extent`] inside a part of the page: across and down, in
/// millimetres.
fn colour_extent_in(
    doc: &Document,
    page: usize,
    rgb: [u8; 3],
    across: (f64, f64),
    (from, to): (f64, f64),
) -> Option<(f64, f64, f64, f64)> {
    let pixmap = doc.render(page, 50.0);
    let width = usize::from(pixmap.width());
    let mm = |px: usize| px as f64 * 25.4 / 50.0;
    let near = |a: u8, b: u8| a.abs_diff(b) < 24;
    let mut extent: Option<(f64, f64, f64, f64)> = None;
    for (i, p) in pixmap.data().iter().enumerate() {
        if near(p.r, rgb[0]) && near(p.g, rgb[1]) && near(p.b, rgb[2]) {
            let (x, y) = (mm(i % width), mm(i / width));
            if y < from || y > to || x < across.0 || x > across.1 {
                continue;
            }
            extent = Some(match extent {
                None => (x, x, y, y),
                Some((l, r, t, b)) => (l.min(x), r.max(x), t.min(y), b.max(y)),
            });
        }
    }
    extent
}

// Issue 15: funders require their logos on every printed item. Each
// partner's logo is on the back, in the order written, in both directions.
#[test]
fn partner_logos_are_on_the_back_in_their_order() {
    let partners = "partners:\n\
                    \x20 - name: {en: \"First partner\", ar: \"الشريك الأول\"}\n\
                    \x20   logo: images/first.png\n\
                    \x20 - name: {en: \"Second partner\"}\n\
                    \x20   logo: images/second.svg\n\
                    \x20   link: https://example.org/second/\n";
    let p = leaflet_project(
        "a4-trifold",
        "",
        "---\ntitle: Logos\n---\n\nCover.\n\n---\n\nOne.\n\n---\n\nTwo.\n\n---\n\nThree.\n\n---\n\nFlap.\n\n---\n\nBack.\n",
    );
    // The campaign file gets its partners after the leaflets.
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    p.write("campaigns/demo.yaml", format!("{yaml}{partners}"));
    p.write(
        "content/demo/images/first.png",
        solid_png(300, 100, [255, 0, 255]),
    );
    p.write(
        "content/demo/images/second.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\"><rect width=\"200\" height=\"100\" fill=\"#00ff00\"/></svg>",
    );
    let out = p.build_ok();
    let warnings = stderr(&out);
    assert!(
        warnings.contains("the partner `Second partner` has no name in ar"),
        "{warnings}"
    );
    for (lang, back) in [("en", (97.0, 197.0)), ("ar", (100.0, 200.0))] {
        let doc = Document::open(&p.public().join(format!("demo/{lang}/leaflets/one.pdf")));
        let first = colour_extent(&doc, 0, [255, 0, 255]).expect("the PNG logo is printed");
        let second = colour_extent(&doc, 0, [0, 255, 0]).expect("the SVG logo is printed");
        for (name, (left, right, top, _)) in [("first", first), ("second", second)] {
            assert!(
                left >= back.0 && right <= back.1,
                "{lang}: the {name} logo is at {left:.0}–{right:.0} mm, not on the back ({back:?})"
            );
            assert!(
                top > 100.0,
                "{lang}: the {name} logo is at the top, {top:.0} mm"
            );
        }
        // In the order written: the first before the second, in the
        // direction of the text.
        let before = if lang == "ar" {
            first.0 > second.1
        } else {
            first.1 < second.0
        };
        assert!(before, "{lang}: logos out of order: {first:?} {second:?}");
        // Nowhere else: the inside is page 2.
        assert!(colour_extent(&doc, 1, [255, 0, 255]).is_none());
    }
}

// Issue 15: pictograms for readers who read little. `:name:` in a
// leaflet's text prints the pictogram before the words, in the colour of
// the text around it (a heading's accent colour), and the help contact
// on the cover gets a phone; in right-to-left languages they stand on the
// right of the words.
#[test]
fn pictograms_print_before_headings_in_their_colour() {
    let p = leaflet_project(
        "a6-card",
        "accent: \"#008000\"\n",
        "---\ntitle: Card\n---\n\n## :warning: Danger\n\nText.\n\n---\n\nBack.\n",
    );
    p.build_ok();
    let green = [0, 128, 0];
    for lang in ["en", "ar"] {
        let doc = Document::open(&p.public().join(format!("demo/{lang}/leaflets/one.pdf")));
        let heading = doc
            .words(0)
            .into_iter()
            .find(|w| w.text == "Danger" || w.text == "Danger:")
            .unwrap_or_else(|| panic!("{lang}: no heading in {:?}", doc.words(0)));
        let mm = |points: f64| points * 25.4 / 72.0;
        // On the heading's line, before its words in the reading
        // direction, close to them.
        let line = (mm(heading.y_min) - 1.0, mm(heading.y_max) + 1.0);
        let rtl = lang == "ar";
        let before = if rtl {
            (mm(heading.x_max) + 0.3, f64::INFINITY)
        } else {
            (0.0, mm(heading.x_min) - 0.3)
        };
        let (left, right, top, bottom) = colour_extent_in(&doc, 0, green, before, line)
            .unwrap_or_else(|| panic!("{lang}: no green pictogram before the heading"));
        assert!(top >= line.0 && bottom <= line.1);
        let gap = if rtl {
            left - mm(heading.x_max)
        } else {
            mm(heading.x_min) - right
        };
        assert!(
            gap < 4.0,
            "{lang}: the pictogram is {gap:.1} mm from its heading"
        );
        // About as wide as its letters are high: a pictogram, not a band.
        let width = right - left;
        assert!((2.0..8.0).contains(&width), "{lang}: {width:.1} mm wide");
    }
}

// Issue 15: for print shops, `print: shop` (or `--print-shop`) gives each
// page 3 mm of bleed, with the cover's band running into it, and crop
// marks outside it; the cut leaflet is the TrimBox. Office printing stays
// as it was.
#[test]
fn print_shop_leaflets_have_bleed_and_crop_marks() {
    let p = leaflet_project(
        "a4-trifold",
        "    print: shop\naccent: \"#008000\"\n",
        "---\ntitle: Shop\n---\n\nCover.\n",
    );
    p.build_ok();
    let mm = |points: f64| points * 25.4 / 72.0;
    for lang in ["en", "ar"] {
        let path = p.public().join(format!("demo/{lang}/leaflets/one.pdf"));
        let doc = Document::open(&path);
        // 297 × 210 mm cut, 8 mm more on every side: 3 mm of bleed and 5
        // for the marks.
        let sizes = doc.page_sizes();
        assert_eq!(sizes[0], "887.244 x 640.63", "{lang}");
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let trim = text
            .split("/TrimBox")
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .unwrap_or_else(|| panic!("{lang}: no TrimBox"));
        let numbers: Vec<f64> = trim
            .trim_start_matches([' ', '['])
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        assert!(
            (mm(numbers[0]) - 8.0).abs() < 0.01 && (mm(numbers[2]) - 305.0).abs() < 0.01,
            "{lang}: {numbers:?}"
        );
        // Crop marks: dark in the outer 4 mm on the lines of the cut, and
        // nothing of them inside the bleed.
        let grey = doc.render_grey(0, 200.0);
        let px = |mm: f64| (mm * 200.0 / 25.4) as usize;
        let dark_in = |xs: (f64, f64), ys: (f64, f64)| {
            region(
                &grey.pixels,
                grey.width,
                (px(xs.0), px(xs.1)),
                (px(ys.0), px(ys.1)),
            )
            .into_iter()
            .any(|g| g < 128)
        };
        assert!(
            dark_in((0.0, 4.0), (7.7, 8.3)),
            "{lang}: no crop mark at the top left"
        );
        assert!(
            dark_in((7.7, 8.3), (0.0, 4.0)),
            "{lang}: no crop mark at the top left"
        );
        assert!(
            dark_in((309.0, 313.0), (217.7, 218.3)),
            "{lang}: no crop mark at the bottom right"
        );
        // (The bottom left: the cover's band may run into the top corners.)
        assert!(
            !dark_in((4.5, 7.5), (218.5, 221.5)),
            "{lang}: something in the corner's bleed"
        );
        // The cover's band runs 3 mm past the cut, at the top of the cover:
        // right in left-to-right languages, left in right-to-left ones.
        let green = [0, 128, 0];
        let (left, right, top, _) = colour_extent(&doc, 0, green).expect("a green band");
        assert!(
            (top - 5.0).abs() < 1.0,
            "{lang}: the band starts {top:.1} mm down, not in the bleed"
        );
        if lang == "ar" {
            assert!(
                (left - 5.0).abs() < 1.0,
                "{lang}: the band starts at {left:.1} mm"
            );
        } else {
            assert!(
                (right - 308.0).abs() < 1.0,
                "{lang}: the band ends at {right:.1} mm"
            );
        }
    }
    // The same leaflet for an office printer: A4, no TrimBox.
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    p.write("campaigns/demo.yaml", yaml.replace("    print: shop\n", ""));
    p.build_ok();
    let office = p.public().join("demo/en/leaflets/one.pdf");
    assert_eq!(Document::open(&office).page_sizes()[0], "841.89 x 595.276");
    assert!(!String::from_utf8_lossy(&std::fs::read(&office).unwrap()).contains("/TrimBox"));
    // `--print-shop` does the same for every leaflet.
    let out = p.root().join("shop");
    let built = p.outreach(&["build", "--print-shop", "--out", out.to_str().unwrap()]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert_eq!(
        Document::open(&out.join("demo/ar/leaflets/one.pdf")).page_sizes()[0],
        "887.244 x 640.63"
    );
}

/// How much of a panel is empty: the share of its inner height taken by
/// gaps of more than 6 mm without ink (so the space between lines and
/// paragraphs does not count). `xs`, `ys`: the panel's inner box in mm.
fn empty_share(grey: &pdf::Grey, dpi: f64, xs: (f64, f64), ys: (f64, f64)) -> f64 {
    let px = |mm: f64| (mm * dpi / 25.4).round() as usize;
    let rows: Vec<bool> = (px(ys.0)..px(ys.1))
        .map(|y| (px(xs.0)..px(xs.1)).any(|x| grey.pixels[y * grey.width + x] < 160))
        .collect();
    let min_gap = px(6.0);
    let (mut empty, mut run) = (0, 0);
    for inked in rows.iter().chain([&true]) {
        if *inked {
            if run > min_gap {
                empty += run;
            }
            run = 0;
        } else {
            run += 1;
        }
    }
    empty as f64 / rows.len() as f64
}

/// A panel: its name, page, and inner box across and down, in mm.
type Panel = (&'static str, usize, (f64, f64), (f64, f64));

/// The panels of an example leaflet.
fn panels(id: &str, rtl: bool, sheet: bool) -> Vec<Panel> {
    match id {
        "trifold" => {
            let ys = (9.0, 201.0);
            // Each side's three panels: name, from, to (mm across).
            type Side = [(&'static str, f64, f64); 3];
            let (outside, inside): (Side, Side) = if rtl {
                (
                    [
                        ("cover", 0.0, 100.0),
                        ("back", 100.0, 200.0),
                        ("flap", 200.0, 297.0),
                    ],
                    [
                        ("inside-3", 0.0, 97.0),
                        ("inside-2", 97.0, 197.0),
                        ("inside-1", 197.0, 297.0),
                    ],
                )
            } else {
                (
                    [
                        ("flap", 0.0, 97.0),
                        ("back", 97.0, 197.0),
                        ("cover", 197.0, 297.0),
                    ],
                    [
                        ("inside-1", 0.0, 100.0),
                        ("inside-2", 100.0, 200.0),
                        ("inside-3", 200.0, 297.0),
                    ],
                )
            };
            let mut all = Vec::new();
            for (page, list) in [(0, outside), (1, inside)] {
                for (name, from, to) in list {
                    all.push((name, page, (from + 8.0, to - 8.0), ys));
                }
            }
            all
        }
        _ => {
            // A card, or the top left card of a sheet.
            let height = if sheet { 148.5 } else { 148.0 };
            vec![
                ("front", 0, (7.0, 98.0), (7.0, height - 7.0)),
                ("back", 1, (7.0, 98.0), (7.0, height - 7.0)),
            ]
        }
    }
}

// Issue 15: "half of most panels empty". No panel of the examples is more
// than half empty (gaps over 6 mm without ink, measured on a 100 dpi
// picture of the page), in every language and direction.
#[test]
fn no_example_panel_is_more_than_half_empty() {
    let p = &*EXAMPLES;
    let mut report = Vec::new();
    let mut failed = Vec::new();
    for (campaign, lang, id) in example_leaflets() {
        let name = format!("{campaign}/{lang}/leaflets/{id}.pdf");
        let doc = Document::open(&p.public().join(&name));
        let rtl = ["ar", "fa", "ps"].contains(&lang);
        let sheet = id == "card" && doc.page_sizes()[0] == "595.276 x 841.89";
        let pages = [doc.render_grey(0, 100.0), doc.render_grey(1, 100.0)];
        for (panel, page, xs, ys) in panels(id, rtl, sheet) {
            let empty = empty_share(&pages[page], 100.0, xs, ys);
            report.push(format!("{name} {panel}: {:.0} % empty", empty * 100.0));
            if empty > 0.5 {
                failed.push(format!("{name} {panel}: {:.0} % empty", empty * 100.0));
            }
        }
    }
    eprintln!("{}", report.join("\n"));
    assert!(
        failed.is_empty(),
        "panels more than half empty:\n{}",
        failed.join("\n")
    );
}

/// The page (from 0) the structure element `id` is drawn on: its own
/// `/Pg`, or that of its first descendant that says.
fn page_of(doc: &lopdf::Document, id: lopdf::ObjectId, pages: &[lopdf::ObjectId]) -> Option<usize> {
    let dict = doc.get_dictionary(id).ok()?;
    if let Ok(page) = dict.get(b"Pg").and_then(lopdf::Object::as_reference) {
        return pages.iter().position(|p| *p == page);
    }
    let kids = match dict.get(b"K").ok()? {
        lopdf::Object::Array(kids) => kids.clone(),
        kid => vec![kid.clone()],
    };
    kids.iter()
        .filter_map(|kid| kid.as_reference().ok())
        .find_map(|kid| page_of(doc, kid, pages))
}

// Issue 15: leaflets are tagged PDFs with their language and title, and a
// tri-fold's tags follow the folded leaflet as it is read: the cover
// (page 1), the three inside panels (page 2), then the flap and the back
// (page 1), not the order of the printed pages. Pictograms are not tagged
// (the words beside them say the same).
#[test]
fn leaflet_tags_have_the_language_and_the_reading_order() {
    let p = &*EXAMPLES;
    for (campaign, lang, id) in example_leaflets() {
        let name = format!("{campaign}/{lang}/leaflets/{id}.pdf");
        let doc = lopdf::Document::load(p.public().join(&name)).unwrap();
        let catalog = doc.catalog().unwrap();
        let language = catalog
            .get(b"Lang")
            .and_then(lopdf::Object::as_str)
            .unwrap();
        let primary = lang.split('-').next().unwrap();
        assert_eq!(String::from_utf8_lossy(language), primary, "{name}");
        let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
        let root = catalog
            .get(b"StructTreeRoot")
            .unwrap()
            .as_reference()
            .unwrap();
        let top = match doc.get_dictionary(root).unwrap().get(b"K").unwrap() {
            lopdf::Object::Array(kids) => kids[0].as_reference().unwrap(),
            kid => kid.as_reference().unwrap(),
        };
        let kids: Vec<lopdf::ObjectId> = doc
            .get_dictionary(top)
            .unwrap()
            .get(b"K")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_reference().unwrap())
            .collect();
        let order: Vec<Option<usize>> = kids.iter().map(|k| page_of(&doc, *k, &pages)).collect();
        if id == "trifold" {
            assert_eq!(
                order,
                [Some(0), Some(1), Some(1), Some(1), Some(0), Some(0)],
                "{name}: panels tagged out of reading order"
            );
        } else {
            assert_eq!(
                order.first(),
                Some(&Some(0)),
                "{name}: the front is not read first"
            );
        }
    }
}

// Issue 15: `cover_image:` puts a picture on the cover under the title,
// described by `cover_alt:`; one without a description, or that does not
// exist, is an error at its line. Pages do not take it.
#[test]
fn a_cover_image_is_printed_under_the_title() {
    let p = leaflet_project(
        "a6-card",
        "accent: \"#00008b\"\n",
        "---\ntitle: Cover\ncover_image: ../images/cover.png\ncover_alt: \"Two hands\"\n---\n\nFront.\n\n---\n\nBack.\n",
    );
    p.write(
        "content/demo/images/cover.png",
        solid_png(800, 400, [255, 0, 255]),
    );
    p.build_ok();
    for lang in ["en", "ar"] {
        let path = p.public().join(format!("demo/{lang}/leaflets/one.pdf"));
        let doc = Document::open(&path);
        let (_, _, top, bottom) = colour_extent(&doc, 0, [255, 0, 255]).expect("the cover picture");
        // Under the title's block (dark blue), as high as the layout says.
        let (_, _, _, title_bottom) =
            colour_extent(&doc, 0, [0, 0, 0x8b]).expect("the title block");
        assert!(
            top > title_bottom,
            "{lang}: the picture ({top:.0} mm) is not under the title ({title_bottom:.0} mm)"
        );
        assert!(
            (bottom - top - 40.0).abs() < 1.5,
            "{lang}: {:.1} mm high",
            bottom - top
        );
        assert!(
            colour_extent(&doc, 1, [255, 0, 255]).is_none(),
            "{lang}: on the back too"
        );
        let pdf = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        assert!(
            pdf.contains("Two hands"),
            "{lang}: no description in the tags"
        );
    }
    let p = leaflet_project(
        "a6-card",
        "",
        "---\ntitle: Cover\ncover_image: ../images/nope.png\ncover_alt: \"Hands\"\n---\n\nFront.\n",
    );
    let err = stderr(&p.outreach(&["build"]));
    assert!(
        err.contains("content/demo/en/leaflets/one.md:3:14: error: the cover picture `../images/nope.png` does not exist"),
        "{err}"
    );
    p.write("content/demo/images/nope.png", common::png(20, 20));
    p.write(
        "content/demo/en/leaflets/one.md",
        "---\ntitle: Cover\ncover_image: ../images/nope.png\n---\n\nFront.\n",
    );
    let err = stderr(&p.outreach(&["build"]));
    assert!(
        err.contains("content/demo/en/leaflets/one.md:3:14: error: the cover picture `../images/nope.png` has no description"),
        "{err}"
    );
    p.write(
        "content/demo/en/index.md",
        "---\ntitle: Home\ncover_image: ../images/nope.png\n---\nHello.\n",
    );
    let err = stderr(&p.outreach(&["build"]));
    assert!(
        err.contains("content/demo/en/index.md:3:14: error: `cover_image` is for leaflets"),
        "{err}"
    );
}
