//! Markdown → HTML with pulldown-cmark, in two passes over the same rules:
//! [`scan`] finds what a page offers and needs (heading ids, links, raw
//! HTML) so `resolve` can check links across pages; [`to_html`] then renders
//! with the links rewritten. Both assign heading ids with [`HeadingIds`], so
//! an anchor checked by `resolve` is exactly the one `render` emits.

use std::collections::HashMap;

use std::sync::Arc;

use pulldown_cmark::{Alignment, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::html::escape_text;
use crate::images::Picture;

use crate::model::icon;
use crate::resolve::lang_parts;
use crate::resolve::translit::{self, Script};

/// The Markdown extensions campaigns may use.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

pub use crate::model::page::{Draft, ImageUse, Rendering, Scan};
use crate::model::page::{DraftHtml, Hole};

impl Rendering {
    /// How `page` of `campaign` is rendered: the one rule the build's
    /// drafts (made while loading) and rendering share.
    pub fn of(page: &crate::model::Page, campaign: &crate::model::Campaign) -> Rendering {
        Rendering {
            allow_raw_html: campaign.allow_raw_html,
            script: translit::script_for(page),
        }
    }
}

impl Draft {
    /// The body's HTML. `links` maps destinations as written to the hrefs
    /// to emit (from `resolve`); others are kept. `pictures` maps picture
    /// destinations as written to their published sizes; a picture not
    /// there is shown as its alternative text. Fails only if a spilled
    /// draft cannot be read back.
    pub fn fill(
        &self,
        links: &HashMap<String, String>,
        pictures: &HashMap<String, Arc<Picture>>,
    ) -> std::io::Result<String> {
        let written = self.html.text()?;
        let mut html = String::with_capacity(written.len() + 64 * self.holes.len());
        let mut pictures_shown = 0;
        let mut copied = 0;
        for (at, hole) in &self.holes {
            html.push_str(&written[copied..*at]);
            copied = *at;
            match hole {
                Hole::Href(dest) => {
                    let href = links.get(dest).unwrap_or(dest);
                    // Writing to a String cannot fail.
                    let _ = pulldown_cmark_escape::escape_href(&mut html, href);
                }
                Hole::Picture { dest, alt } => match pictures.get(dest) {
                    Some(picture) => {
                        pictures_shown += 1;
                        // The first picture is likely on the first screen;
                        // the others load as the reader scrolls to them.
                        html.push_str(&picture.img_tag(alt, pictures_shown > 1));
                    }
                    None => html.push_str(&escape_text(alt)),
                },
            }
        }
        html.push_str(&written[copied..]);
        Ok(html)
    }
}

/// Reads a page body once for its headings, links, raw HTML and, when the
/// page's script is known, passages in another script.
pub fn scan(body: &str, script: Option<&str>) -> Scan {
    parse(body, script, None).0
}

/// Renders a page body. `links` maps destinations as written to the hrefs
/// to emit (from `resolve`); others are kept. `pictures` maps picture
/// destinations as written to their published sizes. Raw HTML is dropped
/// unless `allow_raw_html`.
///
/// `script` converts the text of Serbian Cyrillic pages (see
/// [`translit`]): code, code blocks and autolinked addresses are left as
/// written, and heading ids come from the original text, so anchors are
/// the same in both scripts.
pub fn to_html(
    body: &str,
    links: &HashMap<String, String>,
    pictures: &HashMap<String, Arc<Picture>>,
    allow_raw_html: bool,
    script: Option<Script>,
) -> String {
    let rendering = Rendering {
        allow_raw_html,
        script,
    };
    // A draft just made is held in memory: filling it cannot fail.
    parse(body, None, Some(rendering))
        .1
        .and_then(|draft| draft.fill(links, pictures).ok())
        .unwrap_or_default()
}

/// Stands for a hole while a [`Draft`] is written: ASCII that
/// `escape_href` keeps as it is, with a number drawn anew for every run, so
/// that no author text can contain it.
static HOLE_MARKER: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    use std::hash::BuildHasher;
    let random = std::collections::hash_map::RandomState::new();
    let (a, b) = (random.hash_one(3u8), random.hash_one(4u8));
    format!("outreach-hole-{a:016x}{b:016x}")
});

/// Parses a page body once: its [`Scan`] (checked for passages in another
/// script than `checked_script`), and, given a `rendering`, its [`Draft`].
/// One walk does both so that the two can never disagree, on heading ids
/// above all: an anchor checked by `resolve` is exactly the one rendered.
pub fn parse(
    body: &str,
    checked_script: Option<&str>,
    rendering: Option<Rendering>,
) -> (Scan, Option<Draft>) {
    let mut scan = Scan::default();
    let mut ids = HeadingIds::default();
    // The open heading: where it starts in `body`, in `events`, its
    // explicit id and its text so far.
    let mut heading: Option<(usize, usize, Option<String>, String)> = None;
    // Depth of `<span lang>` around the current text: marked passages.
    let mut marked = 0usize;
    let mut in_autolink = false;
    // Code is exempt from the language-of-parts check, blocks as spans
    // (issue 13: a Python block in an Arabic page was "in Latin script"),
    // and from transliteration.
    let mut in_code_block = false;
    // The open picture: as scanned (alternative text as written), and as
    // rendered (its text converted).
    let mut image: Option<ImageUse> = None;
    let mut image_alt = String::new();

    let render = rendering.is_some();
    let Rendering {
        allow_raw_html,
        script,
    } = rendering.unwrap_or(Rendering {
        allow_raw_html: false,
        script: None,
    });
    let mut events: Vec<Event> = Vec::new();
    let mut holes: Vec<Hole> = Vec::new();
    let mut keeping = false;
    // Table cells are written here: pulldown-cmark aligns them with
    // `style="text-align: left"`, which the site's security policy blocks
    // and which is the wrong side on right-to-left pages (issue 13).
    let mut alignments: Vec<Alignment> = Vec::new();
    let mut in_table_head = false;
    let mut column = 0;

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let mut hole = None;
        let event = match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                if level == pulldown_cmark::HeadingLevel::H1 {
                    scan.main_headings.push(range.start);
                }
                heading = Some((
                    range.start,
                    events.len(),
                    id.as_ref().map(|i| i.to_string()),
                    String::new(),
                ));
                // `{onclick=…}` after a heading would become an attribute:
                // only ids and classes are kept unless the campaign allows HTML.
                let attrs = if allow_raw_html { attrs } else { Vec::new() };
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((at, start, explicit, text)) = heading.take() {
                    let assigned = match ids.assign(explicit.as_deref(), &text) {
                        Ok(id) => {
                            scan.heading_ids.push(id.clone());
                            id
                        }
                        Err(id) => {
                            scan.duplicate_ids.push((at, id.clone()));
                            id
                        }
                    };
                    if let Some(Event::Start(Tag::Heading { id, .. })) = events.get_mut(start) {
                        *id = Some(CowStr::from(assigned));
                    }
                }
                keeping = false;
                event
            }
            Event::Code(text) => {
                if let Some((_, _, _, buf)) = heading.as_mut() {
                    buf.push_str(&text);
                }
                if let Some(image) = image.as_mut() {
                    image.alt.push_str(&text);
                }
                Event::Code(text)
            }
            Event::Text(text) => {
                let shortcodes = if in_code_block || in_autolink {
                    Vec::new()
                } else {
                    icon::shortcodes(&text)
                };
                // The text without its pictograms, for heading ids and the
                // script check; spaces keep the offsets.
                let mut plain = std::borrow::Cow::Borrowed(&*text);
                for (at, found) in &shortcodes {
                    match found {
                        Ok(_) => plain
                            .to_mut()
                            .replace_range(at.clone(), &" ".repeat(at.len())),
                        Err(name) => scan
                            .unknown_icons
                            .push((range.start + at.start.min(range.len()), name.clone())),
                    }
                }
                if let Some((_, _, _, buf)) = heading.as_mut() {
                    buf.push_str(&plain);
                }
                if let Some(image) = image.as_mut() {
                    image.alt.push_str(&text);
                }
                if let Some(expected) = checked_script
                    && marked == 0
                    && !in_autolink
                    && !in_code_block
                {
                    for (at, found, words) in lang_parts::foreign_runs(&plain, expected) {
                        scan.foreign_runs
                            .push((range.start + at.min(range.len()), found, words));
                    }
                }
                // Pictograms go in as inline SVG between pieces of the
                // text, each piece converted as the text would be.
                let mut text = text;
                if render && image.is_none() && shortcodes.iter().any(|(_, f)| f.is_ok()) {
                    let whole = text.to_string();
                    let mut copied = 0;
                    for (at, found) in &shortcodes {
                        let Ok(icon) = found else { continue };
                        let piece = &whole[copied..at.start];
                        if !piece.is_empty() {
                            let piece = CowStr::from(piece.to_string());
                            events.push(Event::Text(convert(piece, script, &mut keeping)));
                        }
                        events.push(Event::InlineHtml(CowStr::from(icon.html())));
                        copied = at.end;
                    }
                    text = CowStr::from(whole[copied..].to_string());
                }
                if render && !in_code_block && !in_autolink {
                    Event::Text(convert(text, script, &mut keeping))
                } else {
                    Event::Text(text)
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code_block = true;
                Event::Start(Tag::CodeBlock(kind))
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                event
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                in_autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                scan.links.push((range.start, dest_url.to_string()));
                hole = Some(Hole::Href(dest_url.to_string()));
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::Borrowed(HOLE_MARKER.as_str()),
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Link) => {
                in_autolink = false;
                event
            }
            // A `{{` left open ends with its paragraph, heading or item, so
            // one typo cannot keep the rest of a page in Cyrillic.
            Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                keeping = false;
                event
            }
            Event::Start(Tag::Table(columns)) => {
                let none = vec![Alignment::None; columns.len()];
                alignments = columns;
                Event::Start(Tag::Table(none))
            }
            Event::Start(Tag::TableHead) => {
                in_table_head = true;
                column = 0;
                event
            }
            Event::End(TagEnd::TableHead) => {
                in_table_head = false;
                event
            }
            Event::Start(Tag::TableRow) => {
                column = 0;
                event
            }
            Event::Start(Tag::TableCell) => {
                let class = match alignments.get(column) {
                    Some(Alignment::Left) => " class=\"align-start\"",
                    Some(Alignment::Right) => " class=\"align-end\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    _ => "",
                };
                column += 1;
                let cell = if in_table_head { "th" } else { "td" };
                Event::InlineHtml(CowStr::from(format!("<{cell}{class}>")))
            }
            Event::End(TagEnd::TableCell) => {
                keeping = false;
                let cell = if in_table_head { "th" } else { "td" };
                Event::InlineHtml(CowStr::from(format!("</{cell}>")))
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some(ImageUse {
                    offset: range.start,
                    dest: dest_url.to_string(),
                    alt: String::new(),
                });
                image_alt.clear();
                continue;
            }
            Event::End(TagEnd::Image) => {
                let Some(found) = image.take() else {
                    continue;
                };
                hole = Some(Hole::Picture {
                    dest: found.dest.clone(),
                    alt: std::mem::take(&mut image_alt),
                });
                scan.images.push(found);
                Event::InlineHtml(CowStr::Borrowed(HOLE_MARKER.as_str()))
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(image) = image.as_mut() {
                    image.alt.push(' ');
                }
                event
            }
            Event::InlineHtml(html) if lang_parts::lang_span(&html).is_some() => {
                if lang_parts::lang_span(&html) == Some(true) {
                    marked += 1;
                } else {
                    marked = marked.saturating_sub(1);
                }
                // `<span lang>` marks a passage's language: always kept.
                Event::InlineHtml(html)
            }
            Event::Html(html) => {
                scan.raw_html.push(range.start);
                if !allow_raw_html {
                    continue;
                }
                Event::Html(html)
            }
            Event::InlineHtml(html) => {
                scan.raw_html.push(range.start);
                if !allow_raw_html {
                    continue;
                }
                Event::InlineHtml(html)
            }
            other => other,
        };
        if !render {
            continue;
        }
        if image.is_some() {
            match &event {
                Event::Text(text) | Event::Code(text) => image_alt.push_str(text),
                Event::SoftBreak | Event::HardBreak => image_alt.push(' '),
                _ => {}
            }
            continue;
        }
        events.push(event);
        holes.extend(hole);
    }
    let draft = rendering.map(|rendering| {
        let mut written = String::with_capacity(body.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut written, events.into_iter());
        let marker = HOLE_MARKER.as_bytes();
        let mut html = String::with_capacity(written.len());
        let mut at_holes = Vec::with_capacity(holes.len());
        let mut copied = 0;
        for (found, hole) in memchr::memmem::find_iter(written.as_bytes(), marker).zip(holes) {
            html.push_str(&written[copied..found]);
            at_holes.push((html.len(), hole));
            copied = found + marker.len();
        }
        html.push_str(&written[copied..]);
        Draft {
            html: DraftHtml::Held(html),
            holes: at_holes,
            rendering,
        }
    });
    (scan, draft)
}

/// Text of a page in the script it is shown in (see [`translit`]).
fn convert<'a>(text: CowStr<'a>, script: Option<Script>, keeping: &mut bool) -> CowStr<'a> {
    match script {
        // Cyrillic shown as written changes only where the author marked
        // text to keep as written.
        Some(Script::AsWritten) if !*keeping && !text.contains(translit::KEEP_OPEN) => text,
        Some(script) => CowStr::from(translit::convert(&text, script, keeping)),
        None => text,
    }
}

/// Gives each heading of a page an id that is unique in the page and works
/// in any script: an author's `{#id}` as written, otherwise the heading's
/// words, lower-cased, joined by `-`, with letters of every script kept.
#[derive(Default)]
pub struct HeadingIds {
    /// Ids given so far (the theme's are never given: see [`THEME_IDS`]).
    used: rustc_hash::FxHashSet<String>,
}

/// Ids the theme's templates give their own parts of every page: a heading
/// never takes one, so `## Pages` cannot make two `id="pages"` (issue 18).
pub const THEME_IDS: &[&str] = &[
    "main",
    "pages",
    "languages",
    "leaflets",
    "help-title",
    "quick-exit",
    "listen",
];

impl HeadingIds {
    /// The id for the next heading. An explicit id already used is an
    /// `Err` carrying a unique replacement, so callers can report it.
    pub fn assign(&mut self, explicit: Option<&str>, text: &str) -> Result<String, String> {
        if let Some(id) = explicit {
            if self.take(id) {
                return Ok(id.to_string());
            }
            return Err(self.unique(id));
        }
        let base = slugify(text);
        Ok(self.unique(&base))
    }

    /// Whether `id` was free, taking it if so.
    fn take(&mut self, id: &str) -> bool {
        !THEME_IDS.contains(&id) && !self.used.contains(id) && self.used.insert(id.to_string())
    }

    fn unique(&mut self, base: &str) -> String {
        if self.take(base) {
            return base.to_string();
        }
        (1..)
            .map(|n| format!("{base}-{n}"))
            .find(|candidate| self.take(candidate))
            .unwrap_or_default()
    }
}

/// Heading text → id. Keeps letters and digits of every script, and the
/// zero-width (non-)joiners that Persian words need; everything else
/// separates words.
pub fn slugify(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        // ASCII first: the Unicode tables are slow to look up.
        let keep = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric() || c == '\u{200c}' || c == '\u{200d}' || is_mark(c)
        };
        if keep {
            if pending_dash && !id.is_empty() {
                id.push('-');
            }
            pending_dash = false;
            if c.is_ascii() {
                id.push(c.to_ascii_lowercase());
            } else {
                id.extend(c.to_lowercase());
            }
        } else {
            pending_dash = true;
        }
    }
    if id.is_empty() {
        "section".to_string()
    } else {
        id
    }
}

/// Combining marks (Arabic harakat, Cyrillic accents) belong to the letter
/// before them; they are not word breaks.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_work_in_every_script() {
        assert_eq!(slugify("Warning signs"), "warning-signs");
        assert_eq!(slugify("Знаци за узбуну!"), "знаци-за-узбуну");
        assert_eq!(slugify("علامات التحذير"), "علامات-التحذير");
        assert_eq!(slugify("می‌توانید کمک"), "می\u{200c}توانید-کمک");
        assert_eq!(
            slugify("Shenjat e rrezikut: çfarë?"),
            "shenjat-e-rrezikut-çfarë"
        );
        assert_eq!(slugify("!!!"), "section");
    }

    // Issue 13, item 18: code blocks were checked for the page's script.
    #[test]
    fn code_is_not_checked_for_the_pages_script() {
        let body = "مرحبا بكم.\n\n```python\ndef say_hello():\n    print(\"hello world\")\n```\n\nو `say_hello()` أيضا.\n\nThis sentence is English.\n";
        let found = scan(body, Some("Arab")).foreign_runs;
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].2.contains("This sentence"), "{found:?}");
    }

    // Issue 13, item 17: `style="text-align: left"` was blocked by the
    // site's own security policy, and wrong on right-to-left pages.
    #[test]
    fn aligned_table_columns_get_classes_that_follow_the_text_direction() {
        let html = to_html(
            "| Name | Number | Hours |\n|:--|--:|:-:|\n| Help | 116 | 24 h |\n",
            &HashMap::new(),
            &HashMap::new(),
            false,
            None,
        );
        assert!(!html.contains("style="), "{html}");
        assert_eq!(
            html,
            "<table><thead><tr><th class=\"align-start\">Name</th><th class=\"align-end\">Number</th><th class=\"align-center\">Hours</th></tr></thead><tbody>\n<tr><td class=\"align-start\">Help</td><td class=\"align-end\">116</td><td class=\"align-center\">24 h</td></tr>\n</tbody></table>\n"
        );
        let plain = to_html(
            "| a | b |\n|---|---|\n| 1 | 2 |\n",
            &HashMap::new(),
            &HashMap::new(),
            false,
            None,
        );
        assert!(plain.contains("<th>a</th><th>b</th>"), "{plain}");
        assert!(plain.contains("<td>1</td><td>2</td>"), "{plain}");
    }

    #[test]
    fn equal_headings_get_distinct_ids() {
        let html = to_html(
            "## Help\n\n## Help\n\n## Help {#help-1}\n",
            &HashMap::new(),
            &HashMap::new(),
            false,
            None,
        );
        assert!(html.contains(r#"<h2 id="help">"#), "{html}");
        assert!(html.contains(r#"<h2 id="help-1">"#), "{html}");
        // The explicit id was taken by the second heading: the third still gets a unique one.
        assert!(html.contains(r#"<h2 id="help-1-1">"#), "{html}");
        let scan = scan("## Help\n\n## Help\n\n## Help {#help-1}\n", None);
        assert_eq!(scan.heading_ids, ["help", "help-1"]);
        assert_eq!(scan.duplicate_ids.len(), 1);
    }

    #[test]
    fn scan_and_render_agree_on_ids() {
        let body = "# A\n## A\n### Б в\n## `code` here\n## A {#x}\n";
        let scan = scan(body, None);
        let html = to_html(body, &HashMap::new(), &HashMap::new(), false, None);
        for id in &scan.heading_ids {
            assert!(
                html.contains(&format!("id=\"{id}\"")),
                "{id} missing in {html}"
            );
        }
    }

    #[test]
    fn links_are_rewritten_and_others_kept() {
        let mut links = HashMap::new();
        links.insert(
            "help.md#hotline".to_string(),
            "help.html#hotline".to_string(),
        );
        let html = to_html(
            "[a](help.md#hotline) [b](https://example.org/)",
            &links,
            &HashMap::new(),
            false,
            None,
        );
        assert!(html.contains(r#"href="help.html#hotline""#), "{html}");
        assert!(html.contains(r#"href="https://example.org/""#), "{html}");
    }

    // Issue 14: a build renders each page while scanning it, with holes
    // where links and pictures go; each must be filled where it was.
    #[test]
    fn links_and_pictures_are_filled_in_their_own_places() {
        let body = "[a](x.md \"T\") <me@example.org> ![see [b](y.md) `c`](p.png) \
                    [ж](x.md#ж) ![second](q.png) outreach-hole-0\n";
        let links: HashMap<String, String> = [
            ("x.md", "x.html"),
            ("y.md", "y.html"),
            ("x.md#ж", "x.html#ж"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let (scan, draft) = parse(
            body,
            None,
            Some(Rendering {
                allow_raw_html: false,
                script: None,
            }),
        );
        let draft = draft.unwrap();
        // Links inside a picture's description are not in the page's HTML.
        assert_eq!(draft.holes.len(), 5, "{draft:?}");
        assert_eq!(scan.links.len(), 4);
        assert_eq!(
            draft.fill(&links, &HashMap::new()).unwrap(),
            "<p><a href=\"x.html\" title=\"T\">a</a> <a href=\"mailto:me@example.org\">me@example.org</a> \
             see b c <a href=\"x.html#%D0%B6\">ж</a> second outreach-hole-0</p>\n"
        );
        assert_eq!(
            draft.fill(&HashMap::new(), &HashMap::new()).unwrap(),
            to_html(body, &HashMap::new(), &HashMap::new(), false, None)
        );
    }

    #[test]
    fn pictograms_are_inline_svg_hidden_from_screen_readers() {
        let body = "## :phone: Call {#call}\n\n- :passport: Keep it, :telefon: and `:lock:`\n- :arrow-forward: <https://x.example/:lock:>\n";
        let html = to_html(body, &HashMap::new(), &HashMap::new(), false, None);
        assert_eq!(html.matches("<svg class=\"icon").count(), 3, "{html}");
        assert!(
            html.contains("<h2 id=\"call\"><svg class=\"icon\" aria-hidden=\"true\""),
            "{html}"
        );
        assert!(html.contains("<svg class=\"icon icon-mirror\""), "{html}");
        // An unknown name, code and addresses stay text.
        assert!(
            html.contains(":telefon:") && html.contains("<code>:lock:</code>"),
            "{html}"
        );
        assert!(html.contains("https://x.example/:lock:</a>"), "{html}");
        let found = scan(body, Some("Latn"));
        assert_eq!(found.unknown_icons.len(), 1);
        assert_eq!(&body[found.unknown_icons[0].0..][..9], ":telefon:");
        // Heading ids leave the pictogram out; in Arabic pages the
        // pictogram is not a passage in Latin script.
        assert_eq!(scan("## :warning: Danger", None).heading_ids, ["danger"]);
        assert!(
            scan("## :warning: خطر", Some("Arab"))
                .foreign_runs
                .is_empty()
        );
        // Serbian shown in Latin: the text around it is converted.
        let latin = to_html(
            "## :phone: Позовите",
            &HashMap::new(),
            &HashMap::new(),
            false,
            Some(Script::Latin),
        );
        assert!(latin.contains("</svg> Pozovite</h2>"), "{latin}");
    }

    #[test]
    fn raw_html_is_dropped_unless_allowed() {
        let body = "Hi <b>there</b>\n\n<script>alert(1)</script>\n";
        let html = to_html(body, &HashMap::new(), &HashMap::new(), false, None);
        assert!(!html.contains("<script") && !html.contains("<b>"), "{html}");
        assert!(html.contains("there"));
        assert_eq!(scan(body, None).raw_html.len(), 3);
        let html = to_html(body, &HashMap::new(), &HashMap::new(), true, None);
        assert!(html.contains("<script>"), "{html}");
    }

    #[test]
    fn serbian_latin_keeps_code_addresses_and_ids() {
        let body = "## Помоћ\n\nЉубав `код` <https://primer.org/ћ> и {{НВО}}.\n\n```\nЋ\n```\n";
        let html = to_html(
            body,
            &HashMap::new(),
            &HashMap::new(),
            false,
            Some(Script::Latin),
        );
        assert!(html.contains(r#"<h2 id="помоћ">Pomoć</h2>"#), "{html}");
        assert!(html.contains("Ljubav <code>код</code>"), "{html}");
        assert!(html.contains(">https://primer.org/ћ</a>"), "{html}");
        assert!(html.contains(" i НВО."), "{html}");
        assert!(html.contains("<pre><code>Ћ\n</code></pre>"), "{html}");
        let unclosed = to_html(
            "а {{б\n\nв г\n",
            &HashMap::new(),
            &HashMap::new(),
            false,
            Some(Script::Latin),
        );
        assert!(
            unclosed.contains("<p>v g</p>"),
            "a stray {{{{ ends with its paragraph: {unclosed}"
        );
        let cyrillic = to_html(
            body,
            &HashMap::new(),
            &HashMap::new(),
            false,
            Some(Script::AsWritten),
        );
        assert!(
            cyrillic.contains(" и НВО.") && !cyrillic.contains("{{"),
            "{cyrillic}"
        );
    }

    #[test]
    fn heading_attributes_other_than_id_and_class_are_dropped() {
        let html = to_html(
            "## Hi {#x .y onclick=alert(1)}\n",
            &HashMap::new(),
            &HashMap::new(),
            false,
            None,
        );
        assert!(
            html.contains(r#"<h2 id="x" class="y">"#) && !html.contains("onclick"),
            "{html}"
        );
    }

    #[test]
    fn tables_footnotes_strikethrough() {
        let html = to_html(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nx[^1] ~~y~~\n\n[^1]: note\n",
            &HashMap::new(),
            &HashMap::new(),
            false,
            None,
        );
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>y</del>"));
        assert!(html.contains("footnote-definition"));
    }
}
