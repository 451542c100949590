//! Building fixture projects and checking the pages as a browser reads them.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use common::{Project, attrs, stdout, texts};
use scraper::{Html, Selector};

#[test]
fn every_page_has_its_language_and_direction() {
    let p = Project::fixture("basic");
    p.build_ok();
    for (page, lang, dir) in [
        ("demo/en/index.html", "en", "ltr"),
        ("demo/en/signs.html", "en", "ltr"),
        ("demo/ar/index.html", "ar", "rtl"),
        ("demo/ar/help.html", "ar", "rtl"),
        ("demo/sr/index.html", "sr", "ltr"),
        ("demo/fa/index.html", "fa", "rtl"),
        ("plain/sq/index.html", "sq", "ltr"),
    ] {
        let html = p.page(page);
        assert_eq!(attrs(&html, "html", "lang"), [lang], "{page}");
        assert_eq!(attrs(&html, "html", "dir"), [dir], "{page}");
        assert_eq!(texts(&html, "h1").len(), 1, "one h1 in {page}");
    }
}

#[test]
fn drafts_are_not_built() {
    let p = Project::fixture("basic");
    p.build_ok();
    assert!(!p.public().join("demo/fa/draft.html").exists());
}

/// Every relative link and stylesheet of every page points to a file that
/// was built, and every `#anchor` to an id in that file.
#[test]
fn relative_links_resolve_to_built_files_and_anchors() {
    let p = Project::fixture("basic");
    p.build_ok();
    let public = p.public();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&public) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let rel = entry.path().strip_prefix(&public).unwrap();
        if rel.ends_with("404.html") {
            continue; // links absolutely, see below
        }
        let html = Html::parse_document(&std::fs::read_to_string(entry.path()).unwrap());
        let mut targets = attrs(&html, "a[href]", "href");
        targets.extend(attrs(&html, "link[rel=stylesheet]", "href"));
        for href in targets {
            if href.contains("://") || href.starts_with("mailto:") {
                continue;
            }
            assert!(
                !href.starts_with('/'),
                "{} links absolutely: {href}",
                rel.display()
            );
            let href = common::percent_decode(&href);
            let (file, fragment) = href
                .split_once('#')
                .map_or((href.as_str(), None), |(f, a)| (f, Some(a)));
            let target = if file.is_empty() {
                entry.path().to_path_buf()
            } else {
                entry.path().parent().unwrap().join(file)
            };
            assert!(
                target.is_file(),
                "{}: `{href}` → missing {}",
                rel.display(),
                target.display()
            );
            if let Some(fragment) = fragment {
                let doc = Html::parse_document(&std::fs::read_to_string(&target).unwrap());
                let ids = attrs(&doc, "[id]", "id");
                assert!(
                    ids.iter().any(|id| id == fragment),
                    "{}: no #{fragment} in {}",
                    rel.display(),
                    target.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} links checked");
}

#[test]
fn markdown_links_become_links_to_built_pages() {
    let p = Project::fixture("basic");
    p.build_ok();
    let html = p.page("demo/en/signs.html");
    let hrefs = attrs(&html, "main a", "href");
    assert!(hrefs.contains(&"#signs".to_string()), "{hrefs:?}");
    assert!(hrefs.contains(&"#signs-1".to_string()), "{hrefs:?}");
    assert!(
        hrefs.contains(&"../ar/help.html#hotline".to_string()),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"https://example.org/".to_string()),
        "{hrefs:?}"
    );
    let home = p.page("demo/en/index.html");
    assert!(attrs(&home, "main a", "href").contains(&"help.html#hotline".to_string()));
}

#[test]
fn heading_ids_are_unique_and_work_in_any_script() {
    let p = Project::fixture("basic");
    p.build_ok();
    let signs = p.page("demo/en/signs.html");
    let ids = attrs(&signs, "[id]", "id");
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    assert_eq!(attrs(&signs, "h2", "id"), ["signs", "signs-1"]);
    assert_eq!(
        attrs(&p.page("demo/en/help.html"), "h2", "id"),
        ["hotline", "напомена"]
    );
    assert_eq!(
        attrs(&p.page("demo/ar/help.html"), "h2", "id"),
        ["hotline", "علامات-التحذير"]
    );
}

#[test]
fn raw_html_is_left_out_unless_the_campaign_allows_it() {
    let p = Project::fixture("basic");
    let out = p.build_ok();
    let _ = out;
    let html = p.page("demo/en/signs.html");
    assert!(texts(&html, "main b").is_empty());
    assert!(texts(&html, "main div.x").is_empty());
    assert!(
        texts(&html, "main").concat().contains("bold"),
        "text around the tags stays"
    );

    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    p.write(
        "campaigns/demo.yaml",
        format!("{yaml}allow_raw_html: true\n"),
    );
    p.build_ok();
    let html = p.page("demo/en/signs.html");
    assert_eq!(texts(&html, "main b"), ["bold"]);
    assert_eq!(texts(&html, "main div.x"), ["raw block"]);
}

#[test]
fn raw_html_warning_names_file_and_line() {
    let p = Project::fixture("basic");
    let output = p.outreach(&["build"]);
    let err = common::stderr(&output);
    assert!(output.status.success());
    assert!(
        err.contains("content/demo/en/signs.md:18:6: warning: raw HTML is not published"),
        "{err}"
    );
    assert!(
        err.contains("content/demo/en/signs.md:20:1: warning"),
        "{err}"
    );
    assert!(
        err.contains("no errors, 2 warnings"),
        "one warning per line: {err}"
    );
    // --strict turns the warnings into a failure.
    let output = p.outreach(&["build", "--strict"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn translations_are_linked_with_hreflang() {
    let p = Project::fixture("basic");
    p.build_ok();
    let html = p.page("demo/en/help.html");
    let alternates: Vec<(String, String)> = {
        let sel = Selector::parse("link[rel=alternate]").unwrap();
        html.select(&sel)
            .map(|e| {
                (
                    e.value().attr("hreflang").unwrap().to_string(),
                    e.value().attr("href").unwrap().to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        alternates,
        [
            (
                "en".to_string(),
                "https://example.org/demo/en/help.html".to_string()
            ),
            (
                "ar".to_string(),
                "https://example.org/demo/ar/help.html".to_string()
            ),
            (
                "x-default".to_string(),
                "https://example.org/demo/en/help.html".to_string()
            ),
        ]
    );
    assert_eq!(
        attrs(&html, "link[rel=canonical]", "href"),
        ["https://example.org/demo/en/help.html"]
    );
    // The switcher links each translation relatively, named in its own language.
    let switcher = Selector::parse("nav.langs a").unwrap();
    let links: Vec<(String, String, String)> = html
        .select(&switcher)
        .map(|a| {
            let v = a.value();
            (
                v.attr("href").unwrap().into(),
                v.attr("lang").unwrap().into(),
                a.text().collect(),
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            ("help.html".into(), "en".into(), "English".into()),
            ("../ar/help.html".into(), "ar".into(), "العربية".into()),
        ]
    );
    // Serbian is published as Cyrillic explicitly.
    let sr = p.page("demo/sr/index.html");
    assert!(attrs(&sr, "link[rel=alternate]", "hreflang").contains(&"sr-Cyrl".to_string()));
    // A page with no translation has no switcher.
    assert!(attrs(&p.page("demo/en/signs.html"), "nav.langs a", "href").is_empty());
}

#[test]
fn without_base_url_links_stay_relative_and_there_is_no_sitemap() {
    let p = Project::fixture("basic");
    p.build_ok();
    let html = p.page("plain/en/index.html");
    assert_eq!(
        attrs(&html, "link[rel=alternate][hreflang=sq]", "href"),
        ["../sq/index.html"]
    );
    assert!(attrs(&html, "link[rel=canonical]", "href").is_empty());
    assert!(!p.public().join("plain/sitemap.xml").exists());
    let robots = std::fs::read_to_string(p.public().join("plain/robots.txt")).unwrap();
    assert!(!robots.contains("Sitemap"));
}

#[test]
fn sitemap_lists_pages_with_their_alternates() {
    let p = Project::fixture("basic");
    p.build_ok();
    let sitemap = std::fs::read_to_string(p.public().join("demo/sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://example.org/demo/ar/help.html</loc>"));
    assert!(sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="ar" href="https://example.org/demo/ar/help.html"/>"#));
    assert!(
        sitemap.contains(r#"hreflang="sr-Cyrl" href="https://example.org/demo/sr/index.html""#)
    );
    assert!(!sitemap.contains("draft"));
    let robots = std::fs::read_to_string(p.public().join("demo/robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://example.org/demo/sitemap.xml"));
}

#[test]
fn chooser_lists_every_language_in_its_own_script_and_direction() {
    let p = Project::fixture("basic");
    p.build_ok();
    let html = p.page("demo/index.html");
    let sel = Selector::parse("ul.choices li").unwrap();
    let items: Vec<(String, String, String)> = html
        .select(&sel)
        .map(|li| {
            let v = li.value();
            let a = li.select(&Selector::parse("a").unwrap()).next().unwrap();
            (
                v.attr("lang").unwrap().into(),
                v.attr("dir").unwrap().into(),
                a.value().attr("href").unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("en".into(), "ltr".into(), "en/index.html".into()),
            ("ar".into(), "rtl".into(), "ar/index.html".into()),
            ("sr".into(), "ltr".into(), "sr/index.html".into()),
            ("fa".into(), "rtl".into(), "fa/index.html".into()),
        ]
    );
    let autonyms = texts(&html, ".autonym");
    assert_eq!(autonyms, ["English", "العربية", "српски", "فارسی"]);
    // The optional script is same-origin and deferred; the list works without it.
    // Its name follows its content, so hosts may cache it for good.
    // (The other script is the quick exit's.)
    let script = attrs(&html, "script", "src");
    assert_eq!(script.len(), 2);
    assert!(
        script[0].starts_with("static/choose.") && script[0].ends_with(".js"),
        "{script:?}"
    );
    assert!(script[1].starts_with("static/exit."), "{script:?}");
    assert!(p.public().join("demo").join(&script[0]).is_file());
    assert_eq!(attrs(&html, "ul#languages a", "href").len(), 4);
}

#[test]
fn not_found_page_links_absolutely_when_it_can() {
    let p = Project::fixture("basic");
    p.build_ok();
    let html = p.page("demo/404.html");
    assert!(
        attrs(&html, "a", "href").contains(&"https://example.org/demo/ar/index.html".to_string())
    );
    let css = attrs(&html, "link[rel=stylesheet]", "href");
    assert_eq!(css.len(), 1);
    assert!(
        css[0].starts_with("https://example.org/demo/static/style.") && css[0].ends_with(".css"),
        "{css:?}"
    );
    // Each language's line is in that language.
    let sel = Selector::parse("li[lang=ar]").unwrap();
    assert!(
        html.select(&sel)
            .next()
            .unwrap()
            .text()
            .collect::<String>()
            .contains("الصفحة الرئيسية")
    );
}

#[test]
fn interface_strings_are_in_the_page_language() {
    let p = Project::fixture("basic");
    p.build_ok();
    assert_eq!(
        texts(&p.page("demo/ar/index.html"), "a.skip"),
        ["انتقلوا إلى المحتوى الرئيسي"]
    );
    assert_eq!(
        texts(&p.page("demo/sr/index.html"), "a.skip"),
        ["Пређи на главни садржај"]
    );
    assert_eq!(
        texts(&p.page("demo/en/index.html"), "a.skip"),
        ["Skip to main content"]
    );
}

#[test]
fn the_themes_line_breaks_are_tidied_away() {
    let p = Project::fixture("basic");
    p.build_ok();
    let text = std::fs::read_to_string(p.public().join("demo/en/help.html")).unwrap();
    assert!(
        text.to_ascii_lowercase()
            .starts_with("<!doctype html><html"),
        "{}",
        &text[..40]
    );
    assert!(!text.contains("\n\n"), "blank lines left in output");
    let head = &text[..text.find("</head>").unwrap()];
    assert!(!head.contains('\n'), "line breaks left in the head: {head}");
}

#[test]
fn the_example_campaigns_build() {
    let p = Project::examples();
    let output = p.build_ok();
    let out = stdout(&output);
    assert!(
        out.contains("Built 2 campaigns, 11 languages, 44 pages"),
        "{out}"
    );
    for (campaign, langs) in [
        ("on-the-move", &["ar", "ps", "fa", "en"][..]),
        (
            "safe-work",
            &["rom", "sq", "bs", "sr", "sr-Latn", "mk", "en"][..],
        ),
    ] {
        for lang in langs {
            for page in ["index", "warning-signs", "your-rights", "get-help"] {
                let path = format!("{campaign}/{lang}/{page}.html");
                assert!(p.public().join(&path).is_file(), "{path}");
            }
        }
    }
    // Example contact data is visibly an example.
    let help = p.page("on-the-move/en/get-help.html");
    let main = texts(&help, "main").concat();
    assert!(
        main.contains("+000 00 000 000") && main.to_lowercase().contains("example"),
        "{main}"
    );
}

#[test]
fn project_theme_files_override_the_built_in_ones() {
    let p = Project::fixture("basic");
    p.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<h1 class=\"mine\">{{ page.title }}</h1>{{ page.content | safe }}{% endblock main %}",
    );
    p.write("themes/default/static/extra.css", "p{color:red}");
    p.build_ok();
    assert_eq!(texts(&p.page("demo/en/help.html"), "h1.mine"), ["Get help"]);
    let published: Vec<String> = std::fs::read_dir(p.public().join("demo/static"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let has = |stem: &str| {
        published
            .iter()
            .any(|n| n.starts_with(stem) && n.ends_with(".css"))
    };
    assert!(has("extra."), "{published:?}");
    assert!(has("style."), "built-in files stay: {published:?}");
    assert!(Path::new(&p.public().join("demo/en/index.html")).is_file());
}

/// Persian needs the zero-width non-joiner inside words; tidying must not
/// strip it.
#[test]
fn persian_zero_width_non_joiner_survives() {
    let p = Project::fixture("basic");
    p.build_ok();
    let text = std::fs::read_to_string(p.public().join("demo/fa/index.html")).unwrap();
    assert!(text.contains("می\u{200c}توانید"), "{text}");
}

/// A theme may transform `page.content` with a filter; the page must still
/// show the transformed body (the fast path splices the body in after
/// tidying, and must notice when it cannot).
#[test]
fn filters_on_page_content_are_honoured() {
    let p = Project::fixture("basic");
    p.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}</h1>\n\n<div class=\"body\">{{ page.content | replace(from=\"Cyrillic\", to=\"Кириллица\") | safe }}</div>{% endblock main %}",
    );
    p.build_ok();
    let html = p.page("demo/en/help.html");
    assert!(
        texts(&html, "div.body p")
            .concat()
            .contains("Кириллица heading id.")
    );
    assert_eq!(attrs(&html, "div.body h2", "id"), ["hotline", "напомена"]);
}

#[test]
fn page_body_is_in_place_and_whole() {
    let p = Project::fixture("basic");
    p.build_ok();
    let html = p.page("demo/en/help.html");
    assert_eq!(texts(&html, "main h1"), ["Get help"]);
    assert_eq!(texts(&html, "main h2"), ["Call for help", "Напомена"]);
    let text = std::fs::read_to_string(p.public().join("demo/en/help.html")).unwrap();
    assert!(!text.contains('\u{f8ff}'), "the content marker leaked");
}

// Issue 13, item 11: a title holding the marker the page body was spliced
// at put the body inside `<title>`, `<meta content>` and other pages'
// menus.
#[test]
fn the_body_goes_only_where_the_template_puts_it() {
    let p = Project::fixture("basic");
    let marker = "\u{f8ff}outreach:page.content\u{f8ff}";
    let page = p.root().join("content/demo/en/help.md");
    let text = std::fs::read_to_string(&page).unwrap();
    p.write(
        "content/demo/en/help.md",
        text.replace(
            "title: \"Get help\"",
            &format!("title: \"Get help {marker}\"\ndescription: \"{marker}\""),
        ) + "\nUNIQUE-BODY-SENTENCE\n",
    );
    p.build_ok();
    let html = std::fs::read_to_string(p.public().join("demo/en/help.html")).unwrap();
    assert_eq!(html.matches("UNIQUE-BODY-SENTENCE").count(), 1, "{html}");
    let title = &html[html.find("<title>").unwrap()..html.find("</title>").unwrap()];
    assert!(!title.contains("<h2"), "{title}");
    let home = std::fs::read_to_string(p.public().join("demo/en/index.html")).unwrap();
    assert!(!home.contains("UNIQUE-BODY-SENTENCE"));
}

/// Where the digest of the examples' output is kept.
const DIGEST: &str = "tests/fixtures/examples.digest";

// Issue 14: refactoring keeps every output file byte for byte. When the
// output is meant to change, record it again deliberately:
//
//     OUTREACH_UPDATE_DIGEST=1 cargo test --test build examples_build_to
//
// and say in the commit what changed and why.
#[test]
fn the_examples_build_to_the_recorded_digest() {
    let p = Project::examples();
    p.build_ok();
    let digest: String = p
        .snapshot(&p.public())
        .into_iter()
        .map(|(path, bytes)| {
            let path = outreach::diag::shown(&path);
            format!("{}  {path}\n", outreach::images::content_hash(&bytes))
        })
        .collect();
    let recorded = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIGEST);
    if std::env::var_os("OUTREACH_UPDATE_DIGEST").is_some() {
        std::fs::write(&recorded, &digest).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&recorded).unwrap_or_default();
    let changed: Vec<&str> = digest
        .lines()
        .filter(|line| !expected.lines().any(|e| e == *line))
        .chain(
            expected
                .lines()
                .filter(|line| !digest.lines().any(|d| d == *line)),
        )
        .collect();
    assert!(
        changed.is_empty(),
        "the examples' output differs from {DIGEST} ({} lines differ; new and gone):\n{}",
        changed.len(),
        changed.join("\n")
    );
}

/// `outreach build` with the environment variable `OUTREACH_TEXT_MB` set.
fn build_holding(p: &Project, mb: &str, out: &Path) -> std::process::Output {
    assert_cmd::Command::cargo_bin("outreach")
        .unwrap()
        .current_dir(p.root())
        .env("OUTREACH_TEXT_MB", mb)
        .args(["build", "--out", out.to_str().unwrap()])
        .output()
        .unwrap()
}

#[test]
fn pages_whose_text_is_let_go_of_build_the_same_and_report_the_same() {
    // Past the text budget (big sites), each page is scanned as it is read
    // and read again from disk when it is rendered: nothing may change.
    let p = Project::examples();
    p.build_ok();
    let held = p.snapshot(&p.public());
    let out = p.root().join("released");
    let output = build_holding(&p, "0", &out);
    assert!(output.status.success(), "{}", common::stderr(&output));
    let released = p.snapshot(&out);
    assert_eq!(
        released.keys().collect::<Vec<_>>(),
        held.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &held {
        assert!(released[path] == *bytes, "{} differs", path.display());
    }

    // A problem in a page whose text was let go of is located and quoted
    // as in any other page.
    let page = "content/safe-work/en/your-rights.md";
    let original = std::fs::read_to_string(p.root().join(page)).unwrap();
    p.write(
        page,
        format!("{original}\nSee [the missing page](nowhere.md).\n"),
    );
    let line = original.lines().count() + 2;
    for mb in ["0", "1000"] {
        let output = build_holding(&p, mb, &out);
        let err = common::stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{err}");
        assert!(err.contains(&format!("{page}:{line}:")), "{mb} MB: {err}");
        assert!(
            err.contains("See [the missing page](nowhere.md)."),
            "{mb} MB: {err}"
        );
    }

    // A budget that is not a number is said plainly.
    let output = build_holding(&p, "lots", &out);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        common::stderr(&output).contains("OUTREACH_TEXT_MB must be a whole number"),
        "{}",
        common::stderr(&output)
    );
}

// Issue 15: partners' logos in every page's footer, in the order written,
// with the partner's name (in the page's language where there is one) as
// the alternative text; from the site itself.
#[test]
fn partner_logos_are_in_every_footer_in_their_order() {
    let p = Project::fixture("basic");
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    p.write(
        "campaigns/demo.yaml",
        format!(
            "{yaml}partners:\n\
             \x20 - name: {{en: \"Funder\", ar: \"الممول\"}}\n\
             \x20   logo: images/funder.svg\n\
             \x20   link: https://example.org/funder/\n\
             \x20 - name: {{en: \"Second\"}}\n\
             \x20   logo: images/second.png\n"
        ),
    );
    p.write(
        "content/demo/images/funder.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" viewBox=\"0 0 200 100\"><rect width=\"200\" height=\"100\"/></svg>",
    );
    p.write("content/demo/images/second.png", common::png(1200, 300));
    p.build_ok();
    let public = p.public();
    let pages: Vec<PathBuf> = walkdir::WalkDir::new(public.join("demo"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|path| path.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(pages.len() > 8);
    for path in &pages {
        // With `/` on every system: Windows would give `demo\ar\…`.
        let rel = outreach::diag::shown(path.strip_prefix(&public).unwrap());
        let html = p.page(&rel);
        let alts = common::attrs(&html, ".partners img", "alt");
        let ar = rel.starts_with("demo/ar/");
        let expected = if ar {
            ["الممول", "Second"]
        } else {
            ["Funder", "Second"]
        };
        assert_eq!(alts, expected, "{rel}");
        // The name shown in another language says which.
        let langs = common::attrs(&html, ".partners img[lang]", "lang");
        let lang = rel.split('/').nth(1).filter(|l| !l.ends_with(".html"));
        let expected_langs: &[&str] = match lang {
            None | Some("en") => &[],
            Some("ar") => &["en"],
            Some(_) => &["en", "en"],
        };
        assert_eq!(langs, expected_langs, "{rel}");
        let srcs = common::attrs(&html, ".partners img", "src");
        for src in &srcs {
            // The 404 page links absolutely: hosts show it at any address.
            let file = match src.strip_prefix("https://example.org/demo/") {
                Some(local) => public.join("demo").join(local),
                None => path.parent().unwrap().join(src),
            };
            assert!(file.is_file(), "{rel}: {src} is not there");
            assert!(!src.contains("funder") && !src.contains("second"), "{src}");
        }
        assert!(
            srcs[0].ends_with(".svg") && srcs[1].ends_with(".png"),
            "{srcs:?}"
        );
        assert_eq!(
            common::attrs(&html, ".partners img", "width"),
            ["300", "600"]
        );
        assert_eq!(
            common::attrs(&html, ".partners img", "height"),
            ["150", "150"]
        );
        assert_eq!(
            common::attrs(&html, ".partners a", "href"),
            ["https://example.org/funder/"]
        );
    }
}

// Issue 15: a misspelt pictogram is shown as text, with a warning at its
// place that names the one meant.
#[test]
fn a_misspelt_pictogram_is_a_located_warning() {
    let p = Project::fixture("basic");
    p.write(
        "content/demo/en/keep.md",
        "---\ntitle: Keep\n---\n\n- :pasport: Keep your passport.\n- :lock: Lock your phone.\n",
    );
    let out = p.build_ok();
    let err = common::stderr(&out);
    assert!(
        err.contains(
            "content/demo/en/keep.md:5:3: warning: there is no pictogram called `pasport`"
        ),
        "{err}"
    );
    assert!(err.contains("did you mean `:passport:`?"), "{err}");
    let html = p.page("demo/en/keep.html");
    assert_eq!(
        texts(&html, "main li")[0].trim(),
        ":pasport: Keep your passport."
    );
    assert_eq!(attrs(&html, "main li svg", "aria-hidden"), ["true"]);
}
