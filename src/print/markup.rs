//! A leaflet's Markdown → Typst markup, one piece per section.
//!
//! Every piece of the author's text becomes a Typst string literal
//! (`#"…"`), so nothing an author writes (`#`, `$`, `[`, `\`, `#import`)
//! can run as Typst code: only `"` and `\` need escaping inside a string.
//! Structure (headings, lists, emphasis) is written by this module alone.

use std::collections::HashMap;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Parser, Tag, TagEnd};

use crate::diag::{Diagnostic, Severity};
use crate::model::Page;
use crate::model::icon;
use crate::model::leaflet::is_part_break;
use crate::render::markdown;
use crate::render::strings::native_digits;
use crate::resolve::translit;

/// Lists and quotes nested deeper than this are refused: they cannot fit a
/// panel, and Typst stops at a fixed depth of nested styles.
const MAX_NESTING: usize = 8;

/// One section of a leaflet's text, as Typst markup.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Section {
    /// Typst markup for the section's body.
    pub markup: String,
    /// Line in the text file where the section starts.
    pub line: usize,
    /// Its longest words (at most [`LONG_WORDS`]), longest first: layouts
    /// that set a panel larger check that each still fits its width.
    pub long_words: Vec<String>,
}

/// How many of a section's longest words it keeps.
const LONG_WORDS: usize = 5;

/// Where the `---` line under a heading's text starts, for a heading
/// written with such an underline (not `## ---`).
fn dash_underline(heading: &str) -> Option<usize> {
    let heading = heading.trim_end();
    let (_, last) = heading.rsplit_once('\n')?;
    let line = last.trim();
    (!line.is_empty() && line.chars().all(|c| c == '-'))
        .then(|| heading.len() - last.trim_start().len())
}

/// A Typst string literal holding `text` exactly.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A picture's description as Typst: a string literal, or `none` for
/// decoration (`![""](…)`), which the PDF's tags then leave out.
pub fn alt_literal(alt: &str) -> String {
    if alt.trim() == crate::model::image::DECORATIVE_ALT {
        "none".to_string()
    } else {
        string_literal(alt.trim())
    }
}

/// Splits `page`'s body at its `---` lines into sections and converts each
/// to Typst markup. With `native`, digits in prose are written in the
/// language's own script. `pictures` maps picture destinations as written
/// to the files the leaflet's world has for them; a picture not there was
/// already reported and is left out. Problems (tables, footnotes) name
/// their line.
pub fn sections(
    page: &Page,
    native: bool,
    pictures: &HashMap<String, String>,
) -> (Vec<Section>, Vec<Diagnostic>) {
    let body = page.body();
    let script = translit::script_for(page);
    let mut writer = Writer {
        out: String::new(),
        lang: &page.lang,
        native,
        script,
        keeping: false,
        links: Vec::new(),
        code: None,
        pending: String::new(),
        long_words: Vec::new(),
    };
    let mut sections = Vec::new();
    let mut problems = Vec::new();
    let line_of = |offset: usize| page.source.line_col(page.body_start + offset).0;
    let mut start_line = line_of(body.len() - body.trim_start().len());
    let mut depth = 0usize;
    let mut nesting = 0usize;
    // Emphasis, strong and struck-out text open: whether each was printed.
    // Deeper than MAX_NESTING, the text is printed plain: 200 levels made
    // Typst report 826 errors and 8.7 MB of messages (issue 13).
    let mut styles: Vec<bool> = Vec::new();
    let mut told_styles = false;
    let mut skipping = 0usize;
    // The open picture: its file, if it has one, and its description.
    let mut picture: Option<(Option<String>, String)> = None;
    for (event, range) in Parser::new_ext(body, markdown::options()).into_offset_iter() {
        if skipping > 0 {
            match event {
                Event::Start(_) => skipping += 1,
                Event::End(_) => skipping -= 1,
                Event::Text(ref text) | Event::Code(ref text) => {
                    if let Some((_, alt)) = picture.as_mut() {
                        alt.push_str(text);
                    }
                }
                _ => {}
            }
            if skipping == 0
                && let Some((file, alt)) = picture.take()
                && let Some(file) = file
            {
                writer.picture(&file, &alt);
            }
            continue;
        }
        let unsupported = |what: &str| {
            page.source.at(
                page.body_start + range.start,
                Severity::Error,
                format!("{what} cannot be printed in a leaflet"),
            )
        };
        match event {
            // Only a rule of dashes starts a part, as the documentation
            // says; `***` and `___` draw a line inside the part.
            Event::Rule if depth == 0 && is_part_break(&body[range.clone()]) => {
                writer.flush();
                writer.keeping = false;
                sections.push(Section {
                    markup: std::mem::take(&mut writer.out),
                    line: start_line,
                    long_words: std::mem::take(&mut writer.long_words),
                });
                let rest = &body[range.end..];
                start_line = line_of(range.end + rest.len() - rest.trim_start().len());
                continue;
            }
            Event::Start(Tag::Heading { .. }) if dash_underline(&body[range.clone()]).is_some() => {
                let underline = range.start + dash_underline(&body[range.clone()]).unwrap_or(0);
                problems.push(
                    page.source
                        .at(
                            page.body_start + underline,
                            Severity::Warning,
                            "this `---` makes the line above it a heading, so it does not start a new part",
                        )
                        .with_help("put an empty line above `---` to start a new part"),
                );
                // Counted like every other start: its end is.
                depth += 1;
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) if nesting >= MAX_NESTING => {
                problems.push(
                    unsupported(&format!(
                        "a list or quote nested more than {MAX_NESTING} deep"
                    ))
                    .with_help("use fewer levels"),
                );
                skipping = 1;
                continue;
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                picture = Some((pictures.get(dest_url.as_ref()).cloned(), String::new()));
                skipping = 1;
                continue;
            }
            Event::Start(Tag::Table(_)) => {
                problems
                    .push(unsupported("a table").with_help("write the table's content as a list"));
                skipping = 1;
                continue;
            }
            Event::Start(Tag::FootnoteDefinition(_)) | Event::FootnoteReference(_) => {
                problems.push(unsupported("a footnote").with_help("write the note in the text"));
                if matches!(event, Event::Start(_)) {
                    skipping = 1;
                }
                continue;
            }
            Event::Start(Tag::HtmlBlock) => {
                problems.push(page.source.at(
                    page.body_start + range.start,
                    Severity::Warning,
                    "HTML is not printed in leaflets; this block is left out",
                ));
                skipping = 1;
                continue;
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
                if styles.iter().filter(|printed| **printed).count() >= MAX_NESTING =>
            {
                styles.push(false);
                if !told_styles {
                    told_styles = true;
                    problems.push(
                        page.source
                            .at(
                                page.body_start + range.start,
                                Severity::Warning,
                                format!(
                                    "emphasis nested more than {MAX_NESTING} deep is printed plain"
                                ),
                            )
                            .with_help("use fewer `*` and `_` around this text"),
                    );
                }
                continue;
            }
            // Every style's end pops its entry here; only the unprinted
            // ones stop at this arm.
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough)
                if styles.pop() == Some(false) =>
            {
                continue;
            }
            Event::Start(ref tag) => {
                if matches!(tag, Tag::Emphasis | Tag::Strong | Tag::Strikethrough) {
                    styles.push(true);
                }
                depth += 1;
                if matches!(tag, Tag::List(_) | Tag::BlockQuote(_)) {
                    nesting += 1;
                }
            }
            Event::End(ref tag) => {
                depth = depth.saturating_sub(1);
                if matches!(tag, TagEnd::List(_) | TagEnd::BlockQuote(_)) {
                    nesting = nesting.saturating_sub(1);
                }
            }
            _ => {}
        }
        writer.event(event);
    }
    writer.flush();
    sections.push(Section {
        markup: writer.out,
        line: start_line,
        long_words: writer.long_words,
    });
    (sections, problems)
}

/// A link being written: its address as printed (empty for links between
/// pages) and its text so far.
struct OpenLink {
    shown: String,
    text: String,
}

struct Writer<'a> {
    out: String,
    lang: &'a str,
    native: bool,
    script: Option<translit::Script>,
    keeping: bool,
    /// Open links; `None` for an address written as a link (`<https://…>`).
    links: Vec<Option<OpenLink>>,
    /// Text of the open code block.
    code: Option<String>,
    /// Text not yet written: runs and soft breaks are gathered so that a
    /// phone number split over two source lines is still found whole.
    pending: String,
    /// The section's longest words so far, longest first.
    long_words: Vec<String>,
}

impl Writer<'_> {
    fn event(&mut self, event: Event) {
        match event {
            Event::Text(text) => {
                if let Some(code) = self.code.as_mut() {
                    code.push_str(&text);
                } else {
                    let text = match self.script {
                        Some(script) if !self.in_autolink() => {
                            translit::convert(&text, script, &mut self.keeping)
                        }
                        _ => text.to_string(),
                    };
                    if let Some(Some(link)) = self.links.last_mut() {
                        link.text.push_str(&text);
                    }
                    self.pending.push_str(&text);
                }
                return;
            }
            Event::SoftBreak => {
                self.pending.push(' ');
                return;
            }
            _ => self.flush(),
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(_) | Event::SoftBreak => {}
            Event::Code(code) => {
                self.out.push_str("#box(text(dir: ltr, raw(");
                self.out.push_str(&string_literal(&code));
                self.out.push_str(")))");
            }
            Event::HardBreak => self.out.push_str("#linebreak()"),
            Event::TaskListMarker(done) => self.out.push_str(if done {
                "#\"\u{2611} \""
            } else {
                "#\"\u{2610} \""
            }),
            // Inline HTML is a tag (`<span lang>`); the text inside it is kept.
            Event::InlineHtml(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {}
            Event::Rule => self.out.push_str("#line(length: 100%, stroke: 0.5pt)\n\n"),
            Event::Html(_) | Event::FootnoteReference(_) => {}
        }
    }

    fn in_autolink(&self) -> bool {
        self.links.last().is_some_and(|l| l.is_none())
    }

    /// A picture as wide as its panel, described by `alt` in the PDF's
    /// tags (none for decoration, `![""](…)`).
    fn picture(&mut self, file: &str, alt: &str) {
        self.flush();
        self.out.push_str(&format!(
            "#picture({}, alt: {})",
            string_literal(file),
            alt_literal(alt)
        ));
    }

    /// Writes the gathered text, with its pictograms (`:phone:`).
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.pending);
        for word in text.split_whitespace() {
            let length = word.chars().count();
            if self.long_words.len() < LONG_WORDS
                || self
                    .long_words
                    .last()
                    .is_some_and(|w| w.chars().count() < length)
            {
                self.long_words.push(word.to_string());
                self.long_words
                    .sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
                self.long_words.truncate(LONG_WORDS);
            }
        }
        let mut copied = 0;
        if !self.in_autolink() {
            for (at, found) in icon::shortcodes(&text) {
                let Ok(icon) = found else { continue };
                if at.start > copied {
                    self.prose(&text[copied..at.start]);
                }
                self.out.push_str(&format!(
                    "#icon({}, mirrored: {})",
                    string_literal(icon.name),
                    icon.mirrored
                ));
                // `icon` leaves its own gap after it.
                copied = at.end + usize::from(text[at.end..].starts_with(' '));
            }
        }
        if copied < text.len() {
            self.prose(&text[copied..]);
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {}
            Tag::Heading { level, .. } => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                self.out.push_str(&format!("#heading(level: {level})["));
            }
            Tag::BlockQuote(_) => self.out.push_str("#quote(block: true)["),
            Tag::CodeBlock(_) => self.code = Some(String::new()),
            Tag::List(None) => self.out.push_str("#list(tight: true, "),
            Tag::List(Some(1)) => self.out.push_str("#enum(tight: true, "),
            Tag::List(Some(first)) => self
                .out
                .push_str(&format!("#enum(tight: true, start: {first}, ")),
            Tag::Item => self.out.push('['),
            Tag::Emphasis => self.out.push_str("#emph["),
            Tag::Strong => self.out.push_str("#strong["),
            Tag::Strikethrough => self.out.push_str("#strike["),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                // On paper a link is its address: websites, phone numbers
                // and e-mail addresses are printed after the link's text;
                // links between the campaign's pages print as plain text.
                let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                let shown = ["https://", "http://", "tel:", "sms:", "mailto:"]
                    .iter()
                    .find_map(|scheme| dest_url.strip_prefix(scheme))
                    .map(|rest| rest.trim_end_matches('/').to_string());
                self.links.push(match (autolink, shown) {
                    (true, _) => None,
                    (false, shown) => Some(OpenLink {
                        shown: shown.unwrap_or_default(),
                        text: String::new(),
                    }),
                });
                if autolink {
                    self.out.push_str("#box(text(dir: ltr)[");
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                // A `{{` left open ends with its paragraph, as on the web pages.
                self.keeping = false;
                self.out.push_str("\n\n");
            }
            TagEnd::Heading(_) => {
                self.keeping = false;
                self.out.push_str("]\n\n");
            }
            TagEnd::BlockQuote(_) => self.out.push_str("]\n\n"),
            TagEnd::CodeBlock => {
                let code = self.code.take().unwrap_or_default();
                self.out.push_str("#block(text(dir: ltr, raw(block: true, ");
                self.out.push_str(&string_literal(code.trim_end()));
                self.out.push_str(")))\n\n");
            }
            TagEnd::List(_) => self.out.push_str(")\n\n"),
            TagEnd::Item => {
                self.keeping = false;
                self.out.push_str("], ");
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => self.out.push(']'),
            TagEnd::Link => match self.links.pop().flatten() {
                None => self.out.push_str("])"),
                Some(link) if link.shown.is_empty() || link.text.contains(&link.shown) => {}
                Some(link) => {
                    self.out.push_str("#\" (\"#box(text(dir: ltr, ");
                    self.out.push_str(&string_literal(&link.shown));
                    self.out.push_str("))#\")\"");
                }
            },
            _ => {}
        }
    }

    /// Text: phone numbers kept left-to-right with ASCII digits (they are
    /// dialled as printed), other digits in the language's own when asked.
    fn prose(&mut self, text: &str) {
        let mut rest = text;
        while !rest.is_empty() {
            let (before, number, after) = match find_phone_number(rest) {
                Some(range) => (
                    &rest[..range.start],
                    &rest[range.clone()],
                    &rest[range.end..],
                ),
                None => (rest, "", ""),
            };
            if !before.is_empty() {
                let before = if self.native && !self.in_autolink() {
                    native_digits_in_prose(self.lang, before)
                } else {
                    before.to_string()
                };
                self.out.push('#');
                self.out.push_str(&string_literal(&before));
            }
            if !number.is_empty() {
                self.out.push_str("#box(text(dir: ltr, ");
                self.out.push_str(&string_literal(number));
                self.out.push_str("))");
            }
            rest = after;
        }
    }
}

/// `text` with its digits in the script of `lang`, except inside web and
/// e-mail addresses, which are typed as printed.
fn native_digits_in_prose(lang: &str, text: &str) -> String {
    text.split_inclusive(char::is_whitespace)
        .map(|word| {
            let address = word.contains(['/', '@']) || word.starts_with("www.");
            if address {
                word.to_string()
            } else {
                native_digits(lang, word)
            }
        })
        .collect()
}

/// The first phone number in `text`: a `+` or digit, then digits, spaces,
/// `-`, `/`, `.` or brackets, ending in a digit, with at least six digits.
pub fn find_phone_number(text: &str) -> Option<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let starts =
            c.is_ascii_digit() || (c == b'+' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        // Not in the middle of a word or a longer number.
        let boundary = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'+');
        if starts && boundary {
            let mut end = i;
            let mut digits = 0;
            let mut j = i;
            while j < bytes.len() {
                let d = bytes[j];
                if d.is_ascii_digit() {
                    digits += 1;
                    end = j + 1;
                } else if !(matches!(d, b' ' | b'-' | b'/' | b'.' | b'(' | b')')
                    || (d == b'+' && j == i))
                {
                    break;
                }
                j += 1;
            }
            if digits >= 6 {
                return Some(i..end);
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceFile;
    use crate::model::page::Origin;
    use std::sync::Arc;

    fn page(lang: &str, body: &str) -> Page {
        let text = format!("---\ntitle: T\n---\n{body}");
        Page {
            campaign: "c".into(),
            lang: lang.into(),
            slug: "card".into(),
            source: Arc::new(SourceFile::new("content/c/en/leaflets/card.md", text)),
            body_start: "---\ntitle: T\n---\n".len(),
            title: "T".into(),
            description: None,
            weight: 0,
            review: None,
            source_hash: None,
            country: None,
            audio: None,
            cover: None,
            origin: Origin::Written,
            scan: None,
            draft: None,
        }
    }

    #[test]
    fn string_literals_hold_anything() {
        assert_eq!(string_literal(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(
            string_literal("#import \"x\": *"),
            r##""#import \"x\": *""##
        );
        assert_eq!(string_literal("a\u{7}b"), r#""a\u{7}b""#);
    }

    #[test]
    fn sections_split_at_rules_and_keep_their_lines() {
        let (sections, problems) = sections(
            &page("en", "One\n\n---\n\n## Two\n\n- a\n- b\n"),
            false,
            &HashMap::new(),
        );
        assert!(problems.is_empty());
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0].line, 4);
        assert_eq!(sections[1].line, 8);
        assert_eq!(sections[0].markup, "#\"One\"\n\n");
        assert_eq!(
            sections[1].markup,
            "#heading(level: 2)[#\"Two\"]\n\n#list(tight: true, [#\"a\"], [#\"b\"], )\n\n"
        );
    }

    /// The markup with every string literal's content removed: what Typst
    /// would read as code or markup.
    fn outside_strings(markup: &str) -> String {
        let mut out = String::new();
        let mut chars = markup.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                out.push(c);
                continue;
            }
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => break,
                    _ => {}
                }
            }
        }
        out
    }

    #[test]
    fn author_text_never_becomes_code() {
        let body = "#import \"/x.typ\": * $x$ [a] \\ `#zz` #set text(red)\n\n## #heading\n";
        let (sections, _) = sections(&page("en", body), false, &HashMap::new());
        let markup = &sections[0].markup;
        let code = outside_strings(markup);
        for written in ["import", "$", "x.typ", "set", "red", "#zz"] {
            assert!(
                !code.contains(written),
                "`{written}` escaped its string in {markup}"
            );
        }
        assert!(
            markup.contains("#import \\\"/x.typ\\\": * $x$ "),
            "{markup}"
        );
    }

    #[test]
    fn phone_numbers_stay_left_to_right_and_ascii() {
        assert_eq!(find_phone_number("call +389 2 3103 570 now"), Some(5..20));
        assert_eq!(find_phone_number("in 2024 and 15 days"), None);
        assert_eq!(find_phone_number("0800-123-456."), Some(0..12));
        let (sections, _) = sections(
            &page("fa", "۳ شماره: +98 21 1234 5678 و 24 ساعت\n"),
            true,
            &HashMap::new(),
        );
        let markup = &sections[0].markup;
        assert!(
            markup.contains("#box(text(dir: ltr, \"+98 21 1234 5678\"))"),
            "{markup}"
        );
        assert!(markup.contains("۲۴"), "{markup}");
    }

    #[test]
    fn a_number_over_two_source_lines_is_still_one_number() {
        let (sections, _) = sections(
            &page("fa", "تماس: +98 21\n1234 5678 ۲۴\n"),
            true,
            &HashMap::new(),
        );
        let markup = &sections[0].markup;
        assert!(
            markup.contains("#box(text(dir: ltr, \"+98 21 1234 5678\"))"),
            "{markup}"
        );
    }

    #[test]
    fn links_print_their_address_and_addresses_keep_their_digits() {
        let body = "[Call us](tel:+38923103570), [site](https://example.org/2024/) and <https://example.org/12> or www.example.org/34 and 56\n";
        let (sections, _) = sections(&page("ar", body), true, &HashMap::new());
        let markup = &sections[0].markup;
        assert!(markup.contains("\"+38923103570\""), "{markup}");
        assert!(markup.contains("\"example.org/2024\""), "{markup}");
        assert!(markup.contains("example.org/12"), "{markup}");
        assert!(markup.contains("www.example.org/34"), "{markup}");
        assert!(markup.contains("٥٦"), "{markup}");
        // A link whose text is its address is not printed twice.
        let (same, _) = super::sections(
            &page("en", "[example.org](https://example.org)\n"),
            false,
            &HashMap::new(),
        );
        assert_eq!(same[0].markup.matches("example.org").count(), 1);
    }

    #[test]
    fn only_a_dash_line_starts_a_part() {
        let (sections, problems) = sections(
            &page("en", "One\n\n***\n\nStill one\n---\n\nTwo\n"),
            false,
            &HashMap::new(),
        );
        assert_eq!(sections.len(), 1, "{sections:?}");
        assert!(sections[0].markup.contains("#line("));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(9));
        assert!(problems[0].message.contains("does not start a new part"));
        // A heading whose text is dashes is not an underline.
        let (_, problems) = super::sections(&page("en", "## ---\n"), false, &HashMap::new());
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn an_unclosed_keep_mark_ends_with_its_paragraph() {
        let mut p = page("sr-Latn", "Ово {{остаје\n\nДруги пасус\n\n---\n\nТреће\n");
        p.origin = Origin::Transliterated { from: "sr".into() };
        let (sections, _) = sections(&p, false, &HashMap::new());
        assert!(
            sections[0].markup.contains("Drugi pasus"),
            "{}",
            sections[0].markup
        );
        assert!(
            sections[1].markup.contains("Treće"),
            "{}",
            sections[1].markup
        );
    }

    #[test]
    fn pictures_are_printed_and_tables_are_located_errors() {
        let files = HashMap::from([("a.jpg".to_string(), "/pictures/1.jpg".to_string())]);
        let (sections, problems) = sections(
            &page(
                "en",
                "Text\n\n![A \"map\" `x`](a.jpg)\n\n![\"\"](a.jpg) ![Gone](b.jpg)\n\n| a |\n|---|\n| b |\n",
            ),
            false,
            &files,
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(10));
        assert!(problems[0].message.contains("table"));
        let markup = &sections[0].markup;
        assert!(
            markup.contains("#picture(\"/pictures/1.jpg\", alt: \"A \\\"map\\\" x\")"),
            "{markup}"
        );
        // Decoration has no description; a picture without a file (already
        // reported) is left out.
        assert!(
            markup.contains("#picture(\"/pictures/1.jpg\", alt: none)"),
            "{markup}"
        );
        assert_eq!(markup.matches("#picture").count(), 2, "{markup}");
    }

    #[test]
    fn latin_serbian_leaflets_are_transliterated() {
        let mut p = page("sr-Latn", "Помоћ је {{WhatsApp}} бесплатна\n");
        p.origin = Origin::Transliterated { from: "sr".into() };
        let (sections, _) = sections(&p, false, &HashMap::new());
        assert!(
            sections[0].markup.contains("Pomoć je WhatsApp besplatna"),
            "{}",
            sections[0].markup
        );
    }
}
