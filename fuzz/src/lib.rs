//! Helpers shared by the fuzz targets in `fuzz_targets/`: turning fuzzer
//! bytes into pages, and the invariants checked on what outreach makes
//! (HTML tags and links, diagnostics). Each target says what it drives.

use std::sync::Arc;

use outreach::diag::{Diagnostic, SourceFile, visible};
use outreach::load::front_matter;
use outreach::model::Page;
use outreach::model::page::Origin;

/// Options a target reads from an optional first byte below 0x08 (a
/// control character no real page starts with), so that the seeds can be
/// the example files as they are. Returns the options byte and the text.
pub fn options_and_text(data: &[u8]) -> Option<(u8, &str)> {
    let (options, rest) = match data.first() {
        Some(&b) if b < 0x08 => (b, &data[1..]),
        _ => (0, data),
    };
    Some((options, std::str::from_utf8(rest).ok()?))
}

/// A page as `load` makes it: the front matter read by
/// [`front_matter::parse`]; `None` (after checking the problem) when the
/// loader would refuse the file.
pub fn page(campaign: &str, lang: &str, slug: &str, text: &str, origin: Origin) -> Option<Page> {
    let source = SourceFile::new(format!("content/{campaign}/{lang}/{slug}.md"), text);
    let (front, body_start) = match front_matter::parse(&source) {
        Ok(parsed) => parsed,
        Err(problem) => {
            check_diagnostic(&problem, &source);
            return None;
        }
    };
    assert!(
        text.is_char_boundary(body_start) && body_start <= text.len(),
        "body_start {body_start} is not a character boundary"
    );
    assert!(
        !front.title.trim().is_empty(),
        "an empty title was accepted"
    );
    if front.draft {
        return None;
    }
    Some(Page {
        campaign: campaign.to_string(),
        lang: lang.to_string(),
        slug: slug.to_string(),
        source: Arc::new(source),
        body_start,
        title: front.title,
        description: front.description,
        weight: front.weight.unwrap_or(0),
        review: front.review,
        source_hash: front.source_hash,
        country: front.country,
        audio: None,
        cover: None,
        origin,
        scan: None,
        draft: None,
    })
}

/// A problem points into its file and prints without panicking, and what
/// it prints cannot drive a terminal: the author's control characters and
/// direction overrides are shown as codes (only its own line breaks stay).
pub fn check_diagnostic(d: &Diagnostic, source: &SourceFile) {
    if let Some(path) = &d.path {
        assert_eq!(path, &source.path, "a problem names another file: {d}");
    }
    assert!(d.line != Some(0), "line 0 in a problem: {d:?}");
    assert!(d.col != Some(0), "column 0 in a problem: {d:?}");
    let shown = d.to_string();
    assert!(shown.contains(visible(&d.message).as_ref()));
    let hidden = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    assert!(
        !shown.chars().any(hidden),
        "a problem prints a control character: {shown:?}"
    );
}

/// Tags pulldown-cmark writes, the `<img>` of pictures and `<span lang>`.
const TAGS: &[&str] = &[
    "a",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Attributes of those tags.
const ATTRIBUTES: &[&str] = &[
    "alt", "class", "decoding", "dir", "height", "href", "id", "lang", "loading", "sizes", "src",
    "srcset", "start", "title", "width",
];

/// A tag of the HTML outreach wrote: its name and attributes (values
/// still escaped).
#[derive(Debug)]
pub struct HtmlTag<'a> {
    /// Lower-case name, without `/` for a closing tag.
    pub name: &'a str,
    /// Whether it is a closing tag.
    pub closing: bool,
    /// Attributes in order, values as written between the quotes.
    pub attributes: Vec<(&'a str, &'a str)>,
}

/// Reads every tag of `html`, asserting the shape pulldown-cmark writes:
/// every `<` starts a tag (text is escaped), attribute values are quoted.
/// Only for HTML without the author's raw HTML.
pub fn tags(html: &str) -> Vec<HtmlTag<'_>> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let closing = rest.starts_with('/');
        if closing {
            rest = &rest[1..];
        }
        let end = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = &rest[..end];
        assert!(!name.is_empty(), "a `<` that starts no tag: {html:?}");
        rest = &rest[end..];
        let mut attributes = Vec::new();
        loop {
            rest = rest.trim_start_matches([' ', '\t', '\n', '\r']);
            if let Some(after) = rest.strip_prefix('>') {
                rest = after;
                break;
            }
            if let Some(after) = rest.strip_prefix("/>") {
                rest = after;
                break;
            }
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .unwrap_or(rest.len());
            let attr = &rest[..end];
            assert!(
                !attr.is_empty(),
                "a malformed attribute in <{name}>: {:?} in {html:?}",
                &rest[..rest.len().min(40)]
            );
            rest = &rest[end..];
            let Some(after) = rest.strip_prefix("=\"") else {
                panic!("the attribute `{attr}` of <{name}> is not quoted: {html:?}");
            };
            let Some(close) = after.find('"') else {
                panic!("the attribute `{attr}` of <{name}> is never closed: {html:?}");
            };
            attributes.push((attr, &after[..close]));
            rest = &after[close + 1..];
        }
        found.push(HtmlTag {
            name,
            closing,
            attributes,
        });
    }
    found
}

/// The HTML of a page whose raw HTML is dropped has only the tags and
/// attributes Markdown makes: nothing an author writes becomes a
/// `<script>`, an `onclick` or a `style` (table alignment is a class).
pub fn check_markdown_only_html(html: &str) {
    for tag in tags(html) {
        assert!(
            TAGS.contains(&tag.name),
            "<{}> in HTML without raw HTML: {html:?}",
            tag.name
        );
        for (attr, _) in &tag.attributes {
            assert!(
                ATTRIBUTES.contains(attr),
                "the attribute `{attr}` on <{}>: {html:?}",
                tag.name
            );
        }
    }
}

/// The heading ids of `html`, unescaped, in order.
pub fn heading_ids(html: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .filter(|t| !t.closing && matches!(t.name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
        .map(|t| {
            let id = t
                .attributes
                .iter()
                .find(|(a, _)| *a == "id")
                .map(|(_, v)| *v)
                .unwrap_or_else(|| panic!("a heading without an id: {html:?}"));
            unescape(id)
        })
        .collect()
}

/// The five escapes pulldown-cmark and outreach write, undone.
pub fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The scheme a browser sees in an `href` (it drops leading spaces and
/// control characters and every tab and line break first), lower-cased.
pub fn browser_scheme(href: &str) -> Option<String> {
    let href: String = unescape(href)
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = href.find(':')?;
    let scheme = &href[..colon];
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then(|| scheme.to_ascii_lowercase())
}
