//! Languages done right (issue #3): interface strings with plurals and
//! fallbacks, campaign overrides, native digits, no raw keys.

mod common;

use common::{Project, attrs, stderr, texts};

fn set_campaign(p: &Project, rel: &str, extra: &str) {
    let text = std::fs::read_to_string(p.root().join(rel)).unwrap();
    p.write(rel, format!("{text}{extra}"));
}

#[test]
fn chooser_counts_languages_with_the_right_plural() {
    let p = Project::fixture("basic");
    p.build_ok();
    assert_eq!(
        texts(&p.page("demo/index.html"), "main p"),
        ["Available in 4 languages"]
    );
    // The plain campaign's default language is Albanian.
    assert_eq!(
        texts(&p.page("plain/index.html"), "main p"),
        ["E disponueshme në 2 gjuhë"]
    );
}

#[test]
fn a_campaign_can_override_any_string() {
    let p = Project::fixture("basic");
    p.write("i18n/demo/en.ftl", "skip-link = Jump to the text\n");
    p.write("i18n/ar.ftl", "home = الرئيسية\n");
    p.build_ok();
    assert_eq!(
        texts(&p.page("demo/en/index.html"), "a.skip"),
        ["Jump to the text"]
    );
    assert_eq!(
        texts(&p.page("plain/en/index.html"), "a.skip"),
        ["Skip to main content"],
        "only that campaign"
    );
    // A project file replaces single strings; the others stay built in.
    let not_found = p.page("demo/404.html");
    assert!(
        texts(&not_found, "li[lang=ar] a")
            .concat()
            .contains("الرئيسية")
    );
    assert_eq!(
        texts(&p.page("demo/ar/index.html"), "a.skip"),
        ["انتقلوا إلى المحتوى الرئيسي"]
    );
}

#[test]
fn missing_strings_warn_once_per_key_and_language_and_fall_back() {
    let p = Project::fixture("basic");
    // A project Albanian file that lacks most keys replaces nothing: built-in
    // Albanian still has them. A language with no file at all is one warning.
    set_campaign(
        &p,
        "campaigns/plain.yaml",
        "language_info:\n  tr: {autonym: Türkçe, dir: ltr}\n",
    );
    let yaml = std::fs::read_to_string(p.root().join("campaigns/plain.yaml")).unwrap();
    p.write(
        "campaigns/plain.yaml",
        yaml.replace("languages: [sq, en]", "languages: [sq, en, tr]")
            .replace(
                "title: {sq: \"Fushatë\", en: \"Plain\"}",
                "title: {sq: \"Fushatë\", en: \"Plain\", tr: \"Kampanya\"}",
            )
            .replace(
                "description: {sq: \"Përshkrim.\", en: \"Description.\"}",
                "description: {sq: \"Përshkrim.\", en: \"Description.\", tr: \"Açıklama.\"}",
            ),
    );
    p.write(
        "content/plain/tr/index.md",
        "---\ntitle: Ana sayfa\n---\nMetin.\n",
    );
    p.write("i18n/plain/sq.ftl", "skip-link = Kalo te teksti\n");
    let output = p.outreach(&["check"]);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert_eq!(
        err.matches("there are no interface strings for `tr`")
            .count(),
        1,
        "{err}"
    );
    assert!(
        !err.contains("missing for `sq`"),
        "built-in Albanian fills the gaps: {err}"
    );
    p.build_ok();
    assert_eq!(
        texts(&p.page("plain/tr/index.html"), "a.skip"),
        ["Skip to main content"]
    );

    // A key that the reference language has and Albanian lacks: one warning.
    p.write("i18n/en.ftl", "brand-new = Something new\n");
    let err = stderr(&p.outreach(&["check"]));
    assert_eq!(
        err.matches("the interface string `brand-new` is missing for `sq`")
            .count(),
        1,
        "{err}"
    );
    assert!(
        err.contains("i18n/plain/sq.ftl: warning"),
        "points at the file to edit: {err}"
    );
}

#[test]
fn native_digits_in_text_never_in_attributes() {
    let p = Project::fixture("basic");
    set_campaign(&p, "campaigns/demo.yaml", "native_digits: true\n");
    p.write("i18n/demo/fa.ftl", "page-list = { $count } صفحه\n");
    p.write(
        "themes/default/templates/home.html",
        "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}</h1><p class=\"n\" data-n=\"{{ t(key='page-list', count=1204, digits='ascii') }}\">{{ t(key='page-list', count=1204) }}</p>{% endblock main %}",
    );
    p.build_ok();
    let fa = p.page("demo/fa/index.html");
    assert_eq!(texts(&fa, "p.n"), ["۱۲۰۴ صفحه"]);
    assert_eq!(attrs(&fa, "p.n", "data-n"), ["1204 صفحه"]);
    let en = p.page("demo/en/index.html");
    assert_eq!(
        texts(&en, "p.n"),
        ["Pages"],
        "English has no count in this string"
    );
}

/// No built page shows a Fluent message id instead of text.
#[test]
fn no_raw_key_is_ever_rendered() {
    let p = Project::examples();
    p.build_ok();
    let en = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/i18n/en.ftl")).unwrap();
    let keys: Vec<&str> = en
        .lines()
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k))
        .filter(|k| !k.starts_with('#') && !k.starts_with(' ') && k.contains('-'))
        .collect();
    assert!(keys.len() > 5, "{keys:?}");
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(p.public()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for key in &keys {
            assert!(
                !text.contains(&format!(">{key}<")),
                "{} shows `{key}`",
                entry.path().display()
            );
            assert!(
                !text.contains(&format!("=\"{key}\"")) && !text.contains(&format!("={key}>")),
                "{} has `{key}` in an attribute",
                entry.path().display()
            );
        }
        assert!(
            !text.contains("{$") && !text.contains("{ $"),
            "{} shows a Fluent placeholder",
            entry.path().display()
        );
        pages += 1;
    }
    assert!(pages >= 40);
}

#[test]
fn serbian_latin_pages_are_made_from_cyrillic_ones() {
    let p = Project::fixture("serbian");
    p.build_ok();
    let latin = p.page("srb/sr-Latn/index.html");
    assert_eq!(attrs(&latin, "html", "lang"), ["sr-Latn"]);
    assert_eq!(texts(&latin, "h1"), ["Početna"]);
    assert_eq!(
        attrs(&latin, "meta[name=description]", "content"),
        ["Znaci upozorenja"]
    );
    let body = texts(&latin, "main").concat();
    assert!(body.contains("LJUBAV, Ljubav i ljubav."), "{body}");
    assert!(
        body.contains("pomoc@primer.org") && body.contains("https://primer.org/ћ"),
        "{body}"
    );
    assert!(body.contains("Organizacija НВО Астра pomaže."), "{body}");
    assert!(
        body.contains("Komanda ćirilica ostaje")
            || body.contains("Komanda ") && texts(&latin, "code").contains(&"ћирилица".to_string()),
        "{body}"
    );
    // The anchor is the same in both scripts.
    let hrefs: Vec<String> = attrs(&latin, "main a", "href")
        .iter()
        .map(|h| common::percent_decode(h))
        .collect();
    assert!(hrefs.contains(&"help.html#помоћ".to_string()), "{hrefs:?}");
    assert_eq!(
        attrs(&p.page("srb/sr-Latn/help.html"), "h2", "id"),
        ["помоћ"]
    );
    // The Cyrillic page shows the marked text without the marks.
    let cyrillic = texts(&p.page("srb/sr/index.html"), "main").concat();
    assert!(
        cyrillic.contains("Организација НВО Астра помаже.") && !cyrillic.contains("{{"),
        "{cyrillic}"
    );
    // A hand-written Latin page wins over the generated one.
    assert_eq!(
        texts(&p.page("srb/sr-Latn/rights.html"), "h1"),
        ["Prava (ručno)"]
    );
    // Both scripts are offered, with their own hreflang and autonym.
    let chooser = p.page("srb/index.html");
    assert_eq!(texts(&chooser, ".autonym"), ["српски", "srpski", "English"]);
    assert_eq!(
        texts(&chooser, "li[lang=sr-Latn] .title"),
        ["Ljubav i DŽEP"]
    );
    let hreflangs = attrs(
        &p.page("srb/sr/index.html"),
        "link[rel=alternate]",
        "hreflang",
    );
    assert_eq!(hreflangs, ["sr-Cyrl", "sr-Latn", "en", "x-default"]);
    let switcher = texts(&p.page("srb/sr/help.html"), "nav.langs a");
    assert_eq!(switcher, ["српски", "srpski"]);
}

#[test]
fn untranslated_pages_are_left_out_by_default() {
    let p = Project::fixture("basic");
    p.build_ok();
    assert!(!p.public().join("demo/ar/signs.html").exists());
    let ar_nav = attrs(&p.page("demo/ar/index.html"), "nav.pages a", "href");
    assert!(!ar_nav.contains(&"signs.html".to_string()), "{ar_nav:?}");
}

#[test]
fn an_empty_translation_is_a_page_not_yet_translated_with_a_warning() {
    // What a browser editor saves for the other languages of a new page.
    let p = Project::fixture("basic");
    p.write("content/demo/ar/signs.md", "\n");
    let out = p.build_ok();
    let err = stderr(&out);
    assert!(
        err.contains("content/demo/ar/signs.md: warning: this translation is empty"),
        "{err}"
    );
    assert!(!p.public().join("demo/ar/signs.html").exists());
    // An empty page in the default language is still an error: it is the
    // page itself.
    p.write("content/demo/en/signs.md", "");
    let out = p.outreach(&["build"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("content/demo/en/signs.md: error: the page is empty"));
}

#[test]
fn untranslated_pages_can_be_shown_with_a_notice() {
    let p = Project::fixture("basic");
    set_campaign(&p, "campaigns/demo.yaml", "fallback: show\n");
    p.build_ok();
    let page = p.page("demo/ar/signs.html");
    // The chrome is the reader's; the text keeps its own language.
    assert_eq!(attrs(&page, "html", "lang"), ["ar"]);
    assert_eq!(attrs(&page, "html", "dir"), ["rtl"]);
    assert_eq!(texts(&page, "a.skip"), ["انتقلوا إلى المحتوى الرئيسي"]);
    assert_eq!(
        texts(&page, "p.notice"),
        ["لم تُترجَم هذه الصفحة بعد. وهي معروضة باللغة: English."]
    );
    assert_eq!(attrs(&page, "main div[lang]", "lang"), ["en"]);
    assert_eq!(attrs(&page, "main div[lang]", "dir"), ["ltr"]);
    assert_eq!(attrs(&page, "h1", "lang"), ["en"]);
    assert!(
        texts(&page, "main div[lang=en] p")
            .concat()
            .contains("Someone keeps your passport.")
    );
    // Search engines go to the original; hreflang names only real translations.
    assert_eq!(
        attrs(&page, "link[rel=canonical]", "href"),
        ["https://example.org/demo/en/signs.html"]
    );
    assert_eq!(attrs(&page, "link[rel=alternate]", "hreflang"), ["en"]);
    let sitemap = std::fs::read_to_string(p.public().join("demo/sitemap.xml")).unwrap();
    assert!(!sitemap.contains("demo/ar/signs.html"));
    // Readers find it in their navigation, and through the switcher.
    assert!(
        attrs(&p.page("demo/ar/index.html"), "nav.pages a", "href")
            .contains(&"signs.html".to_string())
    );
    assert!(texts(&p.page("demo/en/signs.html"), "nav.langs a").contains(&"العربية".to_string()));
    // Its links lead to the reader's pages where they exist.
    let hrefs: Vec<String> = attrs(&page, "main a", "href")
        .iter()
        .map(|h| common::percent_decode(h))
        .collect();
    assert!(
        hrefs.contains(&"#signs-1".to_string()) && hrefs.contains(&"help.html#hotline".to_string()),
        "{hrefs:?}"
    );
    // A translated page is unchanged.
    assert!(texts(&p.page("demo/ar/help.html"), "p.notice").is_empty());
}

#[test]
fn status_shows_missing_and_outdated_pages() {
    let p = Project::fixture("basic");
    let output = p.outreach(&["status", "--campaign", "demo"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let table = common::stdout(&output);
    let ar_row = table
        .lines()
        .find(|l| l.starts_with("demo") && l.contains(" ar "))
        .unwrap();
    let cells: Vec<&str> = ar_row.split_whitespace().collect();
    assert_eq!(
        cells[..8],
        ["demo", "ar", "2/3", "1", "0", "2", "0", "0"],
        "{table}"
    );
    // Texts translated / to check / to translate (issue 12): the two
    // unstamped pages' texts are to check, the missing page's to translate.
    let texts: Vec<usize> = cells[8].split('/').map(|n| n.parse().unwrap()).collect();
    assert!(texts[0] > 0 || texts[1] > 0, "{table}");
    assert!(texts[2] > 0, "signs.md is not translated: {table}");
    assert!(table.contains("demo/ar: missing: signs.md"), "{table}");

    // Stamp the Arabic help page: it is now known to be up to date.
    let output = p.outreach(&["stamp", "content/demo/ar/help.md"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(p.root().join("content/demo/ar/help.md")).unwrap();
    assert!(
        text.starts_with("---\ntitle: \"اطلب المساعدة\"\nweight: 2\nsource_hash: "),
        "{text}"
    );
    let json = |p: &Project, extra: &[&str]| {
        let mut args = vec!["status", "--format", "json"];
        args.extend_from_slice(extra);
        let output = p.outreach(&args);
        (
            output.status.code(),
            serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap(),
        )
    };
    let (code, all) = json(&p, &[]);
    assert_eq!(code, Some(0));
    let ar = all
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["campaign"] == "demo" && s["language"] == "ar")
        .unwrap();
    assert_eq!(ar["outdated"], serde_json::json!([]));
    assert_eq!(ar["unstamped"], serde_json::json!(["index"]));
    assert_eq!(ar["missing"], serde_json::json!(["signs"]));

    // Change the English source: the stamped translation is now outdated.
    let en = std::fs::read_to_string(p.root().join("content/demo/en/help.md")).unwrap();
    p.write(
        "content/demo/en/help.md",
        en.replace("Cyrillic heading id.", "A new sentence."),
    );
    let (code, all) = json(&p, &["--fail-on", "outdated"]);
    assert_eq!(code, Some(1));
    let ar = all
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["campaign"] == "demo" && s["language"] == "ar")
        .unwrap();
    assert_eq!(ar["outdated"], serde_json::json!(["help"]));
    // Reordering pages does not make translations outdated.
    p.write(
        "content/demo/en/help.md",
        en.replace("weight: 2", "weight: 7"),
    );
    let (_, all) = json(&p, &[]);
    let ar = all
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["campaign"] == "demo" && s["language"] == "ar")
        .unwrap();
    assert_eq!(ar["outdated"], serde_json::json!([]));
    // Missing pages fail `--fail-on missing`; the plain campaign has none missing.
    assert_eq!(json(&p, &["--fail-on", "missing"]).0, Some(1));
    assert_eq!(
        json(&p, &["--fail-on", "missing", "--campaign", "plain"]).0,
        Some(0)
    );
}

#[test]
fn stamp_refuses_what_is_not_a_page() {
    let p = Project::fixture("basic");
    let output = p.outreach(&["stamp", "campaigns/demo.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not a page"),
        "{}",
        stderr(&output)
    );
    let output = p.outreach(&["stamp", "../content/demo/ar/help.md"]);
    assert_eq!(output.status.code(), Some(2), "never outside the project");
    let output = p.outreach(&["stamp", "content/demo/fa/nothing.md"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("there is no `content/demo/en/nothing.md`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn hosts_get_language_negotiation_files() {
    let p = Project::fixture("serbian");
    p.build_ok();
    let redirects = std::fs::read_to_string(p.public().join("srb/_redirects")).unwrap();
    assert!(
        redirects.contains("/  /sr/index.html  302  Language=sr\n"),
        "{redirects}"
    );
    assert!(
        redirects.contains("/  /en/index.html  302  Language=en\n"),
        "{redirects}"
    );
    assert!(
        !redirects.contains("sr-Latn"),
        "Netlify cannot tell scripts apart: {redirects}"
    );
    let htaccess = std::fs::read_to_string(p.public().join("srb/.htaccess")).unwrap();
    let latin = htaccess.find("^sr[-_]Latn").unwrap();
    let cyrillic = htaccess.find("^sr([-_,;]|$)").unwrap();
    assert!(latin < cyrillic, "the more specific rule first: {htaccess}");
    assert!(
        htaccess.contains("RewriteRule ^$ %1sr-Latn/index.html [R=302,L]"),
        "{htaccess}"
    );
    // Every page's link back to the chooser does not trigger the redirect.
    let footer = attrs(&p.page("srb/en/index.html"), "footer a", "href");
    assert!(
        footer.contains(&"../index.html#languages".to_string()),
        "{footer:?}"
    );
}

/// WCAG 3.1.2: a passage in another language must be marked.
#[test]
fn passages_in_another_script_must_say_their_language() {
    let p = Project::fixture("basic");
    p.write(
        "content/plain/sq/index.md",
        "---\ntitle: Kreu\n---\n\nThirrni numrin.\n\nNë arabisht: اتصل بخط المساعدة الآن.\n\nPyetni UNHCR ose IOM.\n",
    );
    let output = p.outreach(&["check"]);
    let err = stderr(&output);
    assert!(output.status.success(), "a warning, not an error: {err}");
    assert!(
        err.contains("content/plain/sq/index.md:7:14: warning: \"اتصل بخط المساعدة الآن.\" is in Arabic script, unlike the rest of this `sq` page"),
        "{err}"
    );
    assert!(
        !err.contains("UNHCR"),
        "single names are not reported: {err}"
    );
    assert_eq!(p.outreach(&["check", "--strict"]).status.code(), Some(1));

    // Marked with a span, the passage passes and keeps its language in the page.
    p.write(
        "content/plain/sq/index.md",
        "---\ntitle: Kreu\n---\n\nNë arabisht: <span lang=\"ar\" dir=\"rtl\">اتصل بخط المساعدة الآن.</span>\n",
    );
    let output = p.outreach(&["build"]);
    assert!(!stderr(&output).contains("plain/sq"), "{}", stderr(&output));
    let page = p.page("plain/sq/index.html");
    assert_eq!(
        texts(&page, "main span[lang=ar][dir=rtl]"),
        ["اتصل بخط المساعدة الآن."]
    );
}

#[test]
fn keep_as_written_marks_never_show_in_titles() {
    let p = Project::fixture("serbian");
    p.write(
        "content/srb/sr/help.md",
        "---\ntitle: \"Помоћ {{НВО}}\"\nweight: 1\n---\n\n## Помоћ\n\nЂорђе зна.\n",
    );
    p.build_ok();
    assert_eq!(texts(&p.page("srb/sr/help.html"), "h1"), ["Помоћ НВО"]);
    assert_eq!(texts(&p.page("srb/sr-Latn/help.html"), "h1"), ["Pomoć НВО"]);
}

// Issue 13, item 20: a link to a page not translated yet was reported twice
// for Serbian (once more for the generated `sr-Latn`), with no hint.
#[test]
fn a_link_to_a_page_not_yet_translated_is_said_once_with_the_way_on() {
    let p = Project::examples();
    p.write(
        "content/safe-work/en/new-page.md",
        "---\ntitle: New\n---\nNew.\n",
    );
    let home = std::fs::read_to_string(p.root().join("content/safe-work/sr/index.md")).unwrap();
    p.write(
        "content/safe-work/sr/index.md",
        format!("{home}\n[Нова](new-page.md)\n"),
    );
    let output = p.outreach(&["build"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("new-page.md` points to").count(), 1, "{err}");
    assert!(
        err.contains("points to a page that is not translated into `sr` yet: there is `content/safe-work/en/new-page.md`"),
        "{err}"
    );
    assert!(
        err.contains("or set `fallback: show` in the campaign file"),
        "{err}"
    );
}
