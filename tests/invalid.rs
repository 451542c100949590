//! Bad input: every problem is reported with its file and line, all of them
//! in one run, nothing panics, and the previous output stays as it was.

mod common;

use common::{Project, stderr};

/// Builds the fixture once, applies `breakage`, builds again and checks
/// that the build failed with exit code 1, left `public/` untouched and
/// printed every `expected` text. Returns the error output.
fn fails_with(breakage: impl FnOnce(&Project), expected: &[&str]) -> String {
    let p = Project::fixture("basic");
    p.build_ok();
    let before = p.snapshot(&p.public());
    breakage(&p);
    let output = p.outreach(&["build"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for text in expected {
        assert!(err.contains(text), "expected `{text}` in:\n{err}");
    }
    assert!(err.contains("Nothing was written"), "{err}");
    assert_eq!(
        p.snapshot(&p.public()),
        before,
        "the previous output changed"
    );
    // `check` finds the same problems and writes nothing.
    let check = p.outreach(&["check"]);
    assert_eq!(check.status.code(), Some(1));
    for text in expected {
        assert!(stderr(&check).contains(text), "check: expected `{text}`");
    }
    err
}

fn append(p: &Project, rel: &str, extra: &str) {
    let text = std::fs::read_to_string(p.root().join(rel)).unwrap();
    p.write(rel, format!("{text}{extra}"));
}

#[test]
fn unknown_front_matter_key_suggests_the_right_one() {
    fails_with(
        |p| {
            p.write(
                "content/demo/en/help.md",
                "---\ntitle: Help\ntitel: Oops\n---\nBody\n",
            )
        },
        &[
            "content/demo/en/help.md:3:1: error: unknown key `titel`",
            "did you mean `title`?",
            "3 | titel: Oops",
        ],
    );
}

#[test]
fn unclosed_front_matter() {
    fails_with(
        |p| {
            p.write(
                "content/demo/en/help.md",
                "---\ntitle: Help\n\nBody without a closing line\n",
            )
        },
        &["content/demo/en/help.md:1:1: error: the front matter that starts here is never closed"],
    );
}

#[test]
fn missing_title() {
    fails_with(
        |p| p.write("content/demo/en/help.md", "---\nweight: 2\n---\nBody\n"),
        &["content/demo/en/help.md:2:1: error: the required key `title` is missing"],
    );
}

#[test]
fn invalid_utf8() {
    fails_with(
        |p| {
            p.write(
                "content/demo/en/help.md",
                b"---\ntitle: Help\n---\nCaf\xe9 latin-1\n".as_slice(),
            )
        },
        &["content/demo/en/help.md:4:4: error: this file is not valid UTF-8 text"],
    );
}

#[test]
fn a_wrong_language_code_is_one_error_with_the_code_meant() {
    // Issue 18: `al` (Albania) was sent to `language_info`, and `EN` gave
    // four errors, three of them at other lines.
    for (written, meant) in [("al", "`sq` (shqip)"), ("EN", "`en` (English)")] {
        let err = fails_with(
            |p| {
                p.write(
                    "campaigns/plain.yaml",
                    format!(
                        "title: {{sq: \"Fushatë\", {written}: \"Plain\"}}\ndescription: {{sq: \"P.\", {written}: \"D.\"}}\nlanguages: [sq, {written}]\ndefault_language: sq\n"
                    ),
                )
            },
            &[
                &format!(
                    "campaigns/plain.yaml:3:17: error: `{written}` is not the code outreach uses for this language"
                ),
                &format!("did you mean {meant}?"),
                "1 error,",
            ],
        );
        assert!(!err.contains("language_info"), "{err}");
    }
}

#[test]
fn a_link_to_a_draft_says_it_is_a_draft_and_its_translation_waits() {
    // Issue 18: a link to a draft said the page did not exist, and the
    // translation of a draft was published.
    let err = fails_with(
        |p| {
            let page = "content/demo/en/help.md";
            let text = std::fs::read_to_string(p.root().join(page)).unwrap();
            p.write(page, text.replacen("---\n", "---\ndraft: true\n", 1));
        },
        &[
            "content/demo/en/index.md:6:",
            "error: the link `help.md#hotline` points to a draft: `content/demo/en/help.md` has `draft: true`",
            "content/demo/ar/help.md: warning: this translation is not published: the page it translates, `content/demo/en/help.md`, is a draft",
        ],
    );
    assert!(
        !err.contains("does not exist: `content/demo/en/help.md`"),
        "{err}"
    );
}

#[test]
fn tabs_in_yaml() {
    fails_with(
        |p| p.write("campaigns/plain.yaml", "title:\n\tsq: Fushatë\n"),
        &[
            "campaigns/plain.yaml:2:",
            "error: this line has a tab where YAML allows only spaces",
            "replace the tab with spaces",
        ],
    );
}

#[test]
fn empty_page_and_empty_campaign() {
    fails_with(
        |p| {
            p.write("content/demo/en/help.md", "");
            p.write("campaigns/plain.yaml", "");
        },
        &[
            "content/demo/en/help.md: error: the page is empty",
            "campaigns/plain.yaml:1:1: error",
        ],
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop() {
    fails_with(
        |p| std::os::unix::fs::symlink("..", p.root().join("content/demo/en/loop")).unwrap(),
        &["content/demo/en/loop", "loop"],
    );
}

#[test]
fn huge_file() {
    fails_with(
        |p| {
            let mut text = String::from("---\ntitle: Big\n---\n");
            text.push_str(&"word ".repeat(2 * 1024 * 1024));
            p.write("content/demo/en/big.md", text);
        },
        &["content/demo/en/big.md: error: this file is 10 MB"],
    );
}

#[test]
fn link_to_a_missing_page_suggests_the_near_one() {
    fails_with(
        |p| append(p, "content/demo/en/help.md", "\nSee [signs](sings.md).\n"),
        &[
            "content/demo/en/help.md:14:5: error: the link `sings.md` points to a page that does not exist: `content/demo/en/sings.md`",
            "did you mean `signs.md`?",
        ],
    );
}

#[test]
fn link_to_a_missing_anchor() {
    fails_with(
        |p| {
            append(
                p,
                "content/demo/en/help.md",
                "\nSee [the hotline](help.md#hotlin) and [there](../ar/help.md#nowhere).\n",
            )
        },
        &[
            "content/demo/en/help.md:14:5: error: there is no heading with the id `hotlin` in `content/demo/en/help.md`",
            "did you mean `#hotline`?",
            "content/demo/en/help.md:14:39",
            "no heading with the id `nowhere` in `content/demo/ar/help.md`",
        ],
    );
}

#[test]
fn link_out_of_the_campaign() {
    fails_with(
        |p| {
            append(
                p,
                "content/demo/en/help.md",
                "\n[other](../../plain/en/index.md)\n",
            )
        },
        &[
            "content/demo/en/help.md:14:1: error: the link `../../plain/en/index.md` points outside this campaign",
        ],
    );
}

#[test]
fn bad_campaign_values_are_all_reported() {
    let err = fails_with(
        |p| {
            p.write(
                "campaigns/plain.yaml",
                "title: {sq: \"Fushatë\", en: Plain}\ndescription: {sq: \"P.\", en: D.}\nlanguages: [sq, en, 'x!']\ndefault_language: fr\naudiance: [youth]\n",
            )
        },
        &[
            "campaigns/plain.yaml:5:1: error: unknown key `audiance`",
            "did you mean `audience`?",
        ],
    );
    // Unknown keys stop the parse; fix it and the value problems all show at once.
    let _ = err;
    fails_with(
        |p| {
            p.write(
                "campaigns/plain.yaml",
                "title: {sq: \"Fushatë\", en: Plain}\ndescription: {sq: \"P.\", en: D.}\nlanguages: [sq, en, 'x!', ro]\ndefault_language: fr\n",
            )
        },
        &[
            "campaigns/plain.yaml:3:21: error: `x!` is not a valid language tag",
            "campaigns/plain.yaml:3:27: error: `ro` is Romanian, not Romani",
            "campaigns/plain.yaml:4:19: error: `default_language` is `fr`",
        ],
    );
}

#[test]
fn problems_in_several_files_are_reported_in_one_run() {
    let err = fails_with(
        |p| {
            p.write(
                "content/demo/en/help.md",
                "---\ntitle: Help\ntitel: x\n---\n",
            );
            p.write("content/demo/ar/help.md", "---\ntitle: مساعدة\n");
            p.write("content/plain/sq/Faqe Ime.md", "---\ntitle: x\n---\n");
        },
        &[
            "content/demo/en/help.md:3:1",
            "content/demo/ar/help.md:1:1",
            "content/plain/sq/Faqe Ime.md: error: the file name `Faqe Ime.md` cannot be used",
            "`faqe-ime.md`",
        ],
    );
    assert!(err.contains("3 errors"), "{err}");
}

#[test]
fn language_without_home_page() {
    fails_with(
        |p| std::fs::remove_file(p.root().join("content/demo/sr/index.md")).unwrap(),
        &[
            "campaigns/demo.yaml: error: `sr` is in `languages` but has no home page `content/demo/sr/index.md`",
        ],
    );
}

#[test]
fn template_error_names_template_line_and_variable() {
    let err = fails_with(
        |p| {
            p.write(
                "themes/default/templates/page.html",
                "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ page.titel }}</h1>\n{% endblock main %}\n",
            )
        },
        &[
            "themes/default/templates/page.html:3:",
            "titel",
            "found while building `content/demo/",
        ],
    );
    // Reported once, not once per page.
    assert_eq!(err.matches("page.html:3:").count(), 1, "{err}");
    assert!(err.contains("and 2 other pages"), "{err}");
}

#[test]
fn template_syntax_errors_in_several_templates() {
    fails_with(
        |p| {
            p.write(
                "themes/default/templates/page.html",
                "{% extends \"base.html\" %}\n{% block main %}{{ page.title }\n",
            );
            p.write("themes/default/templates/404.html", "<p>\n{% if %}\n");
        },
        &[
            "themes/default/templates/page.html:2:",
            "themes/default/templates/404.html:2:",
        ],
    );
}

#[test]
fn missing_theme() {
    fails_with(
        |p| append(p, "campaigns/plain.yaml", "theme: fancy\n"),
        &["campaigns/plain.yaml: error: the theme `fancy` does not exist"],
    );
}

#[test]
fn duplicate_key() {
    fails_with(
        |p| p.write("content/demo/en/help.md", "---\ntitle: A\ntitle: B\n---\n"),
        &["content/demo/en/help.md:3:", "is written twice"],
    );
}

#[test]
fn a_page_without_md_and_a_site_without_https_get_the_fix() {
    // Issue 18: both once said only "a file that is not published".
    let err = fails_with(
        |p| {
            append(
                p,
                "content/demo/en/help.md",
                "\n[signs](signs) and [site](www.example.org).\n",
            )
        },
        &[
            "content/demo/en/help.md:14:1: error: the link `signs` leads to a file that is not published",
            "did you mean `signs.md`?",
            "did you mean `https://www.example.org`?",
        ],
    );
    assert!(!err.contains("did you mean `signs.md.md`"), "{err}");
}

#[test]
fn links_that_run_code_and_files_not_published_are_refused() {
    fails_with(
        |p| {
            append(
                p,
                "content/demo/en/help.md",
                "\n[a](javascript:alert(1)) [b](leaflet.pdf) ![c](map.png) ![d](https://tracker.example/p.gif)\n",
            )
        },
        &[
            "content/demo/en/help.md:14:1: error: links starting with `javascript:` are not allowed",
            "content/demo/en/help.md:14:26: error: the link `leaflet.pdf` leads to a file that is not published",
            "content/demo/en/help.md:14:43: error: the picture `map.png` does not exist: there is no `content/demo/en/map.png`",
            "content/demo/en/help.md:14:57: error: the picture `https://tracker.example/p.gif` is not in this campaign",
        ],
    );
}

#[test]
fn pictures_need_a_description_and_must_exist() {
    let err = fails_with(
        |p| {
            p.write("content/demo/images/route.png", common::png(40, 20));
            p.write(
                "content/demo/images/broken.jpg",
                b"\xff\xd8\xff not a photo",
            );
            append(
                p,
                "content/demo/en/help.md",
                "\n![](../images/route.png)\n\n![A map](../images/rout.png)\n\n![Logo](logo.svg)\n\n![\"\"](../images/route.png) ![Broken](../images/broken.jpg)\n\n![A photo](../images/IMG_0001.HEIC)\n",
            )
        },
        &[
            // Issue 18: an iPhone photo is not "missing".
            "content/demo/en/help.md:22:1: error: the picture `../images/IMG_0001.HEIC` is in a format outreach does not read",
            "save it as JPEG",
            "content/demo/en/help.md:14:1: error: the picture `../images/route.png` has no description",
            "content/demo/en/help.md:16:1: error: the picture `../images/rout.png` does not exist",
            "did you mean `content/demo/images/route.png`?",
            // SVG drawings are published once checked; this one is not there.
            "content/demo/en/help.md:18:1: error: the picture `logo.svg` does not exist",
            "content/demo/images/broken.jpg: error: this picture cannot be read",
        ],
    );
    // `![""](…)` is decoration, said on purpose: not a problem.
    assert!(!err.contains(":20:1: error"), "{err}");
}

#[test]
fn a_draft_home_page_is_not_a_home_page() {
    fails_with(
        |p| {
            p.write(
                "content/demo/sr/index.md",
                "---\ntitle: Почетна\ndraft: true\n---\n",
            )
        },
        &["campaigns/demo.yaml: error: the home page `content/demo/sr/index.md` is a draft"],
    );
}

#[test]
fn the_safety_page_name_is_reserved_when_there_is_a_quick_exit() {
    fails_with(
        |p| p.write("content/demo/en/safety.md", "---\ntitle: Mine\n---\n"),
        &["content/demo/en/safety.md: error: the page name `safety` is taken"],
    );
}

// Issue 13, item 10: served by Apache, this page lost its security policy
// and sent an injected header.
#[test]
fn a_web_address_that_would_write_directives_is_refused() {
    fails_with(
        |p| {
            let path = p.root().join("campaigns/demo.yaml");
            let yaml = std::fs::read_to_string(&path).unwrap();
            p.write(
                "campaigns/demo.yaml",
                yaml.replace(
                    "base_url: \"https://example.org/demo\"",
                    "base_url: \"https://example.org/x\\nHeader unset Content-Security-Policy\\nErrorDocument 404 /\"",
                ) + "quick_exit:\n  url: \"https://trusted.org@evil.example/\"\n",
            );
        },
        &[
            "campaigns/demo.yaml:14:11: error: `base_url` must be one full web address starting with `https://`",
            "this one has a line break in it",
            "`quick_exit.url` must be one full web address",
            "has a `@` before its site name",
        ],
    );
}

// Issue 13, item 12: `?bcc=` in a contact's e-mail would have copied every
// reader's message to someone else.
#[test]
fn an_e_mail_address_with_more_than_the_address_is_refused() {
    fails_with(
        |p| {
            append(
                p,
                "campaigns/demo.yaml",
                "contacts:\n  - name: {en: \"Helpline\"}\n    phone: \"+389 2 3103 570\"\n    email: \"help@example.org?bcc=someone@evil.example\"\n    example: true\n",
            )
        },
        &[
            "campaigns/demo.yaml:19:12: error: `email: help@example.org?bcc=someone@evil.example` has `example.org?bcc=someone@evil.example` after the `@`",
        ],
    );
}

/// Makes a named pipe at `rel` in the project: reading it waits for ever.
#[cfg(unix)]
fn mkfifo(p: &Project, rel: &str) {
    let path = p.root().join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
}

/// `outreach check`, stopped after a minute if it hangs.
fn check_within_a_minute(p: &Project) -> std::process::Output {
    assert_cmd::Command::cargo_bin("outreach")
        .unwrap()
        .current_dir(p.root())
        .arg("check")
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap()
}

// Issue 13, item 14: a named pipe among the pictures made `check` wait for
// ever, and a link to `/dev/zero` read until memory ran out. Pictures no
// page shows are not read at all; those shown must be regular files.
#[cfg(unix)]
#[test]
fn pictures_that_are_not_files_are_refused_without_reading() {
    let p = Project::fixture("basic");
    mkfifo(&p, "content/demo/images/unused.png");
    std::os::unix::fs::symlink("/dev/zero", p.root().join("content/demo/images/zero.png")).unwrap();
    append(
        &p,
        "content/demo/en/help.md",
        "\n![A map](../images/zero.png)\n",
    );
    let output = check_within_a_minute(&p);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/demo/images/zero.png: error: this is not a regular file"),
        "{err}"
    );
    assert!(!err.contains("unused.png"), "{err}");
}

// Issue 13, going past its list: a page or a theme file that is a named
// pipe made the build wait for ever, as a picture did.
#[cfg(unix)]
#[test]
fn pages_and_theme_files_that_are_not_files_do_not_stop_the_build() {
    let p = Project::fixture("basic");
    mkfifo(&p, "content/demo/en/pipe.md");
    mkfifo(&p, "themes/default/static/pipe.css");
    let output = check_within_a_minute(&p);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/demo/en/pipe.md: error: this is not a regular file"),
        "{err}"
    );
    // A theme's folders are walked for files only: the pipe is passed by.
    assert!(!err.contains("pipe.css"), "{err}");
}

// Issue 15: partners' logos. A logo that is missing, from another site, or
// a drawing that carries a script or loads a file from elsewhere is an
// error at its line, all in one run.
#[test]
fn partner_logos_are_checked_where_they_are_written() {
    let err = fails_with(
        |p| {
            append(
                p,
                "campaigns/demo.yaml",
                "partners:\n\
                 \x20 - name: {en: \"Missing\"}\n\
                 \x20   logo: images/missing.svg\n\
                 \x20 - name: {en: \"Remote\"}\n\
                 \x20   logo: https://cdn.example/logo.png\n\
                 \x20 - name: {ar: \"بلا اسم إنجليزي\"}\n\
                 \x20   logo: images/ok.svg\n\
                 \x20 - name: {en: \"Scripted\"}\n\
                 \x20   logo: images/scripted.svg\n\
                 \x20   link: \"javascript:alert(1)\"\n\
                 \x20 - name: {en: \"Word file\"}\n\
                 \x20   logo: images/logo.docx\n",
            );
            p.write(
                "content/demo/images/ok.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 2 1\"/>",
            );
            p.write(
                "content/demo/images/scripted.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 2 1\">\n\
                 <image href=\"https://tracker.example/p.png\"/>\n\
                 <script>fetch('https://tracker.example/')</script>\n</svg>",
            );
        },
        &[
            "campaigns/demo.yaml:20:11: error: the logo `https://cdn.example/logo.png` must be a file in the campaign's content folder",
            "campaigns/demo.yaml:21:5: error: this partner has no `name` in `en`, the default language",
            "campaigns/demo.yaml:25:11: error: `link` must be one full web address starting with `https://`",
            "campaigns/demo.yaml:27:11: error: the logo `images/logo.docx` must be an SVG or PNG file",
        ],
    );
    assert!(!err.contains("missing.svg"), "{err}");
    // Logos are looked for once the campaign file is right; a missing one
    // and a drawing's problems are then reported together.
    let p = Project::fixture("basic");
    append(
        &p,
        "campaigns/demo.yaml",
        "partners:\n  - name: {en: \"Scripted\"}\n    logo: images/scripted.svg\n  - name: {en: \"Missing\"}\n    logo: images/missing.svg\n",
    );
    p.write(
        "content/demo/images/scripted.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 2 1\">\n\
         <image href=\"https://tracker.example/p.png\"/>\n\
         <script>fetch('https://tracker.example/')</script>\n</svg>",
    );
    let out = p.outreach(&["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for expected in [
        "campaigns/demo.yaml:20:11: error: the logo `images/missing.svg` does not exist",
        "content/demo/images/scripted.svg:2:1: error: this drawing's `<image>` refers to `https://tracker.example/p.png`",
        "content/demo/images/scripted.svg:3:1: error: this drawing has a `<script>` element",
    ] {
        assert!(err.contains(expected), "expected `{expected}` in:\n{err}");
    }
}
/// `audio: reading.mp3` in the English help page, at line 4, column 8.
fn with_audio(p: &Project) {
    p.write(
        "content/demo/en/help.md",
        "---\ntitle: \"Get help\"\nweight: 2\naudio: reading.mp3\n---\nBody\n",
    );
}

// Issue 15, part 4: a recording that is not there is said where the page
// names it, with where to save it.
#[test]
fn a_missing_recording_is_an_error_at_its_line() {
    fails_with(
        with_audio,
        &[
            "content/demo/en/help.md:4:8: error: the recording `reading.mp3` does not exist: there is no `content/demo/en/reading.mp3`",
            "4 | audio: reading.mp3",
            "save the recording (MP3, Ogg/Opus or M4A) as `content/demo/en/reading.mp3`, in the same folder as this page",
        ],
    );
    // A name that differs only in its capitals or its extension.
    fails_with(
        |p| {
            with_audio(p);
            p.write("content/demo/en/Reading.m4a", "x");
        },
        &["did you mean `audio: Reading.m4a`?"],
    );
}

// Issue 16: Windows and macOS find `Reading.mp3` for `audio: reading.mp3`,
// `themes/Fancy` for `theme: fancy`; the same project then failed to
// build on Linux, where most sites are built and served. Names are
// matched exactly on every system, and a difference in capitals is said.
#[test]
fn names_that_differ_only_in_capital_letters_are_errors_everywhere() {
    fails_with(
        |p| {
            with_audio(p);
            p.write("content/demo/en/Reading.mp3", common::mp3_frames(10));
            p.write("content/demo/images/Route.png", common::png(40, 20));
            append(
                p,
                "content/demo/en/help.md",
                "\n![A map](../images/route.png)\n",
            );
            append(
                p,
                "campaigns/demo.yaml",
                "partners:\n  - name: {en: \"Funder\"}\n    logo: images/route.png\n",
            );
            append(p, "campaigns/plain.yaml", "theme: fancy\n");
            p.write("themes/Fancy/static/extra.css", "p {}\n");
            p.write("themes/default/Static/extra.css", "p {}\n");
            std::fs::rename(
                p.root().join("content/plain"),
                p.root().join("content/Plain"),
            )
            .unwrap();
        },
        &[
            "content/demo/en/help.md:4:8: error: the recording `reading.mp3` is named `Reading.mp3` on disk: Windows and macOS would find it, but Linux, where most sites are built and served, tells capital letters apart",
            "write `audio: Reading.mp3`, exactly as the file is named",
            "error: the picture `../images/route.png` is named `content/demo/images/Route.png` on disk",
            "error: the logo `images/route.png` is named `images/Route.png` on disk",
            "campaigns/plain.yaml: error: the theme `fancy` is named `Fancy` on disk",
            "rename the folder `themes/Fancy` to `themes/fancy`",
            "themes/default/Static: error: the folder `themes/default/static` is named `themes/default/Static` on disk",
            "campaigns/plain.yaml: error: the campaign's folder `content/plain` is named `content/Plain` on disk",
            "rename the folder `content/Plain` to `content/plain`",
        ],
    );
}

// Issue 15, part 4: a file is taken for a recording by what it holds,
// not by its name.
#[test]
fn a_file_that_is_not_a_recording_is_an_error_at_its_line() {
    for (bytes, expected) in [
        (
            b"Read this page aloud.\n".to_vec(),
            "content/demo/en/help.md:4:8: error: `reading.mp3` is not a recording: it holds text",
        ),
        (
            common::png(20, 20),
            "content/demo/en/help.md:4:8: error: `reading.mp3` is not a recording: it holds a PNG picture",
        ),
        (
            b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00".to_vec(),
            "content/demo/en/help.md:4:8: error: `reading.mp3` holds WAV sound",
        ),
    ] {
        let err = fails_with(
            |p| {
                with_audio(p);
                p.write("content/demo/en/reading.mp3", &bytes);
            },
            &[expected],
        );
        assert!(err.contains("help:"), "{err}");
    }
}

#[test]
fn a_recording_in_another_folder_or_a_leaflet_is_an_error_at_its_line() {
    fails_with(
        |p| {
            p.write(
                "content/demo/en/help.md",
                "---\ntitle: \"Get help\"\naudio: \"../audio/reading.mp3\"\n---\nBody\n",
            )
        },
        &[
            "content/demo/en/help.md:3:8: error: `audio: ../audio/reading.mp3` must be the name of a file next to this page",
            "save the recording in `content/demo/en/` beside the page",
        ],
    );
    fails_with(
        |p| {
            p.write(
                "content/demo/en/leaflets/card.md",
                "---\ntitle: \"Card\"\naudio: card.mp3\n---\nText\n",
            )
        },
        &[
            "content/demo/en/leaflets/card.md:3:8: error: a leaflet is printed, so it cannot play a recording",
        ],
    );
}
