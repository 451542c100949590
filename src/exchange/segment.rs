//! A page body cut into the texts a translator translates, and put back
//! together with other texts in the same places.
//!
//! A segment is the inline content of one leaf block (a paragraph, a
//! heading, a list item, a table cell, a quoted paragraph, a footnote, or
//! the alt text of a picture that stands alone), sliced from the source as
//! written, so inline Markdown (`**bold**`, `[text](page.md#id)`) travels
//! with it. What is not in a segment is the page's structure: heading
//! markers and `{#id}`s, list markers, `>` quote markers, table rules, code
//! blocks. [`replace`] writes other texts into that structure, so a
//! translation always has the source's structure, and replacing every
//! segment with its own text gives back the body byte for byte.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::model::image::DECORATIVE_ALT;
use crate::model::leaflet::is_part_break;
use crate::render::markdown;

/// What kind of block a segment is; said to translators in the exchange file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The page title (front matter).
    Title,
    /// The page description (front matter).
    Description,
    /// A heading.
    Heading,
    /// A paragraph.
    Paragraph,
    /// A list item (its first paragraph, or the whole of a short item).
    ListItem,
    /// A table cell.
    TableCell,
    /// A paragraph in a block quote.
    Quote,
    /// A paragraph of a footnote.
    Footnote,
    /// The alt text of a picture: what it shows, for people who cannot see it.
    AltText,
}

impl Kind {
    /// How the exchange file describes the kind to translators.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Title => "page title",
            Kind::Description => "page description (shown by search engines and link previews)",
            Kind::Heading => "heading",
            Kind::Paragraph => "paragraph",
            Kind::ListItem => "list item",
            Kind::TableCell => "table cell",
            Kind::Quote => "quotation",
            Kind::Footnote => "footnote",
            Kind::AltText => "alt text of a picture: say what the picture shows",
        }
    }

    /// Whether the text must stay on one line (a line break would end the
    /// block, or make the rest of it something else).
    pub fn is_one_line(self) -> bool {
        matches!(
            self,
            Kind::Title | Kind::Description | Kind::Heading | Kind::TableCell | Kind::AltText
        )
    }
}

/// One text of a page body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// What kind of block it is.
    pub kind: Kind,
    /// The text, without the markers that continuation lines start with
    /// (`> `, indentation), lines joined with `\n`.
    pub text: String,
    /// Where the text is in the body, continuation markers included.
    pub range: Range<usize>,
    /// What comes before each continuation line of the text in the body:
    /// the line break (`\n` or `\r\n`) and the line's markers.
    pub line_starts: Vec<String>,
    /// What a line added by a translation starts with: the first line's
    /// containers (`>` stays, list markers become spaces).
    pub continuation: String,
    /// Whether the body's lines end in `\r\n`.
    pub crlf: bool,
    /// How many `---` lines at the top level come before the text: the
    /// part of a leaflet it is in.
    pub part: usize,
}

/// A leaf block being read: its kind and the inline events seen so far.
struct Open {
    kind: Kind,
    events: Vec<(Event<'static>, Range<usize>)>,
    /// The block was opened by an inline event in a tight list item, and
    /// ends with the next block, not with an end tag.
    implicit: bool,
}

/// The segments of a Markdown body, in order.
pub fn segments(body: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut containers: Vec<Kind> = Vec::new();
    let mut open: Option<Open> = None;
    // Code blocks and HTML blocks are not translated; their text events
    // are skipped until their end.
    let mut skipping = 0usize;
    let mut depth = 0usize;
    let mut part = 0usize;
    for (event, range) in Parser::new_ext(body, markdown::options()).into_offset_iter() {
        if skipping > 0 {
            match event {
                Event::Start(_) => skipping += 1,
                Event::End(_) => skipping -= 1,
                _ => {}
            }
            continue;
        }
        if is_inline(&event) {
            if open.is_none() && containers.last() == Some(&Kind::ListItem) {
                open = Some(Open {
                    kind: Kind::ListItem,
                    events: Vec::new(),
                    implicit: true,
                });
            }
            if let Some(o) = open.as_mut() {
                o.events.push((event.into_static(), range));
            }
            continue;
        }
        // Any other event ends a block opened by a tight list item's text.
        if open.as_ref().is_some_and(|o| o.implicit) {
            close(body, open.take(), part, &mut out);
        }
        match event {
            Event::Start(tag) => {
                depth += 1;
                match tag {
                    Tag::Paragraph => {
                        let kind = match containers.last() {
                            Some(Kind::ListItem) => Kind::ListItem,
                            Some(Kind::Quote) => Kind::Quote,
                            Some(Kind::Footnote) => Kind::Footnote,
                            _ => Kind::Paragraph,
                        };
                        open = Some(Open {
                            kind,
                            events: Vec::new(),
                            implicit: false,
                        });
                    }
                    Tag::Heading { .. } => {
                        open = Some(Open {
                            kind: Kind::Heading,
                            events: Vec::new(),
                            implicit: false,
                        });
                    }
                    Tag::TableCell => {
                        open = Some(Open {
                            kind: Kind::TableCell,
                            events: Vec::new(),
                            implicit: false,
                        });
                    }
                    Tag::Item => containers.push(Kind::ListItem),
                    Tag::BlockQuote(_) => containers.push(Kind::Quote),
                    Tag::FootnoteDefinition(_) => containers.push(Kind::Footnote),
                    Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                        depth -= 1;
                        skipping = 1;
                    }
                    _ => {}
                }
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                match end {
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => {
                        close(body, open.take(), part, &mut out);
                    }
                    TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition => {
                        containers.pop();
                    }
                    _ => {}
                }
            }
            Event::Rule if depth == 0 && is_part_break(&body[range]) => part += 1,
            _ => {}
        }
    }
    close(body, open.take(), part, &mut out);
    out
}

/// Whether an event belongs to a block's inline content.
fn is_inline(event: &Event) -> bool {
    match event {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::FootnoteReference(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_) => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Superscript
                | Tag::Subscript
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript
        ),
        _ => false,
    }
}

/// Turns a finished block into a segment (none for an empty block or a
/// picture without alt text).
fn close(body: &str, open: Option<Open>, part: usize, out: &mut Vec<Segment>) {
    let Some(open) = open else { return };
    let (Some(first), Some(last)) = (open.events.first(), open.events.last()) else {
        return;
    };
    let mut kind = open.kind;
    let mut range = first.1.start..open.events.iter().map(|(_, r)| r.end).max().unwrap_or(0);
    // A picture standing alone: its alt text is the segment.
    if let (Event::Start(Tag::Image { title, .. }), Event::End(TagEnd::Image)) = (&first.0, &last.0)
        && first.1 == range
        && title.is_empty()
    {
        let inner = &open.events[1..open.events.len() - 1];
        let (Some(start), Some(end)) = (
            inner.iter().map(|(_, r)| r.start).min(),
            inner.iter().map(|(_, r)| r.end).max(),
        ) else {
            return; // `![](x.png)`: nothing to translate
        };
        if body[start..end].trim() == DECORATIVE_ALT {
            return;
        }
        kind = Kind::AltText;
        range = start..end;
    }
    // Blocks end without their trailing spaces (hard breaks are inside).
    let trimmed = body[range.clone()].trim_end();
    range.end = range.start + trimmed.len();
    let lead = body[range.clone()].len() - body[range.clone()].trim_start().len();
    range.start += lead;
    if range.is_empty() {
        return;
    }
    out.push(cut(body, kind, range, part));
}

/// The segment of `kind` at `range`: its text without continuation markers.
fn cut(body: &str, kind: Kind, range: Range<usize>, part: usize) -> Segment {
    let line_start = body[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let continuation: String = body[line_start..range.start]
        .chars()
        .map(|c| if c == '>' || c == '\t' { c } else { ' ' })
        .collect();
    let raw = &body[range.clone()];
    let crlf = body.contains("\r\n");
    let mut text = String::with_capacity(raw.len());
    let mut line_starts = Vec::new();
    let mut previous_crlf = false;
    for (i, line) in raw.split('\n').enumerate() {
        let (line, has_cr) = match line.strip_suffix('\r') {
            Some(l) => (l, true),
            None => (line, false),
        };
        if i > 0 {
            let prefix_len = continuation_prefix_len(line, &continuation);
            let newline = if previous_crlf { "\r\n" } else { "\n" };
            line_starts.push(format!("{newline}{}", &line[..prefix_len]));
            text.push('\n');
            text.push_str(&line[prefix_len..]);
        } else {
            text.push_str(line);
        }
        previous_crlf = has_cr;
    }
    Segment {
        kind,
        text,
        range,
        line_starts,
        continuation,
        crlf,
        part,
    }
}

/// How many bytes at the start of a continuation line are container
/// markers and indentation rather than text: the `>`s of the quotes the
/// block is in (a lazy line may leave them out), then any white space.
fn continuation_prefix_len(line: &str, continuation: &str) -> usize {
    let bytes = line.as_bytes();
    let mut at = 0;
    for marker in continuation.bytes().filter(|&b| b == b'>') {
        let mut probe = at;
        while probe < bytes.len() && (bytes[probe] == b' ' || bytes[probe] == b'\t') {
            probe += 1;
        }
        if bytes.get(probe) != Some(&marker) {
            break;
        }
        at = probe + 1;
    }
    while at < bytes.len() && (bytes[at] == b' ' || bytes[at] == b'\t') {
        at += 1;
    }
    at
}

/// `body` with each segment's text replaced by the text at the same index
/// of `texts`. Continuation lines keep the markers they had; lines a text
/// adds get the segment's continuation markers.
pub fn replace(body: &str, segments: &[Segment], texts: &[&str]) -> String {
    let mut out = String::with_capacity(body.len());
    let mut at = 0;
    for (segment, text) in segments.iter().zip(texts) {
        out.push_str(&body[at..segment.range.start]);
        out.push_str(&layout(segment, text));
        at = segment.range.end;
    }
    out.push_str(&body[at..]);
    out
}

/// A text laid out in a segment's place in the body.
fn layout(segment: &Segment, text: &str) -> String {
    let newline = if segment.crlf { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            match segment.line_starts.get(i - 1) {
                Some(start) => out.push_str(start),
                None => {
                    out.push_str(newline);
                    out.push_str(&segment.continuation);
                }
            }
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<(Kind, String)> {
        segments(body)
            .into_iter()
            .map(|s| (s.kind, s.text))
            .collect()
    }

    fn identity(body: &str) {
        let segs = segments(body);
        let own: Vec<&str> = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(replace(body, &segs, &own), body, "{body:?}");
    }

    #[test]
    fn blocks_become_segments_with_inline_markdown_kept() {
        let body = "# Help {#top}\n\nCall **now**: see [rights](your-rights.md#work).\n\n- one `code`\n- two\n  more\n\n> quoted\n> text\n\n| a | b |\n|---|---|\n| c | d |\n\n```\nnot this\n```\n\n![A road at night](road.jpg)\n\nNote[^1].\n\n[^1]: The footnote.\n";
        assert_eq!(
            texts(body),
            vec![
                (Kind::Heading, "Help".to_string()),
                (
                    Kind::Paragraph,
                    "Call **now**: see [rights](your-rights.md#work).".to_string()
                ),
                (Kind::ListItem, "one `code`".to_string()),
                (Kind::ListItem, "two\nmore".to_string()),
                (Kind::Quote, "quoted\ntext".to_string()),
                (Kind::TableCell, "a".to_string()),
                (Kind::TableCell, "b".to_string()),
                (Kind::TableCell, "c".to_string()),
                (Kind::TableCell, "d".to_string()),
                (Kind::AltText, "A road at night".to_string()),
                (Kind::Paragraph, "Note[^1].".to_string()),
                (Kind::Footnote, "The footnote.".to_string()),
            ]
        );
        identity(body);
    }

    #[test]
    fn nested_lists_and_loose_items() {
        let body = "1. First\n   - inner one\n   - inner two\n2. Second\n\n   still second\n";
        assert_eq!(
            texts(body),
            vec![
                (Kind::ListItem, "First".to_string()),
                (Kind::ListItem, "inner one".to_string()),
                (Kind::ListItem, "inner two".to_string()),
                (Kind::ListItem, "Second".to_string()),
                (Kind::ListItem, "still second".to_string()),
            ]
        );
        identity(body);
    }

    #[test]
    fn decorative_and_empty_pictures_have_nothing_to_translate() {
        assert!(texts("![\"\"](border.png)\n\n![](x.png)\n").is_empty());
    }

    #[test]
    fn a_translation_keeps_the_structure_and_adds_lines_inside_containers() {
        let body = "> - first item\n>   goes on\n\n## Title {#t}\n";
        let segs = segments(body);
        let out = replace(body, &segs, &["prvi\nred\ntreći", "Naslov"]);
        assert_eq!(out, "> - prvi\n>   red\n>   treći\n\n## Naslov {#t}\n");
    }

    #[test]
    fn crlf_and_lazy_lines_survive() {
        identity("Para one\r\ncontinues\r\n\r\n- item\r\n");
        identity("> quote\nlazy line\n");
        let segs = segments("> quote\nlazy line\n");
        assert_eq!(segs[0].text, "quote\nlazy line");
    }

    #[test]
    fn leaflet_parts_are_counted() {
        let segs = segments("Cover\n\n---\n\nInside\n\n---\n\nBack\n");
        let parts: Vec<usize> = segs.iter().map(|s| s.part).collect();
        assert_eq!(parts, vec![0, 1, 2]);
    }
}
