//! XLIFF 1.2 exchange files, the format OmegaT, memoQ and Trados open:
//! [`write()`] turns a [`Catalog`] into one, [`parse`] reads one back, whether
//! outreach wrote it or a translation tool returned it. Both are pure;
//! `cmd::translate` reads and writes the files.
//!
//! A message's inline Markdown (`**`, `[…](…)`, `` `code` ``, `{{`, raw
//! HTML …) is written as XLIFF inline codes whose content is that Markdown
//! exactly as written: `<bpt>`/`<ept>` around a span, `<ph>` for a thing in
//! one piece. Translation tools show codes as tags that translators can move
//! but not edit, so typing cannot break a link's address or a `**`; and
//! since a code keeps its Markdown, reading text and codes in order gives the
//! message back byte for byte. The one loss is what XML 1.0 cannot carry at
//! all (control characters other than tab and line breaks, U+FFFE, U+FFFF):
//! such characters are written as U+FFFD.
//!
//! Where outreach's data goes in XLIFF, as the OASIS strict schema allows:
//! one `<file>` per page (the first reference of its messages, without the
//! line), the campaign id in a header `<note>`, the message context in
//! `resname`, notes in `<note from="outreach">`, translators' comments in
//! other `<note>`s, references in `location` context groups. Obsolete
//! messages are left out: XLIFF has no such thing, and a translator has no
//! use for them.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Parser, Tag};
use roxmltree::{Document, Node, ParsingOptions};

use super::{Catalog, Message};
use crate::diag::{Diagnostic, Severity, SourceFile};
use crate::render::markdown::options;

/// The XLIFF 1.2 namespace; every element of the document is in it.
const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";
/// `from` of the notes outreach writes, and the tool's id in the header.
const OUTREACH: &str = "outreach";
/// `from` of the notes that carry [`Message::translator_comments`].
const TRANSLATOR: &str = "translator";
/// Starts the header note that carries the campaign id.
const CAMPAIGN_NOTE: &str = "campaign: ";
/// Starts the note that carries a fuzzy message's previous source text.
const PREVIOUS_NOTE: &str = "Previous source text: ";
/// What tells a translator how to get a file outreach can read.
const EXPORT_AGAIN: &str = "export the translation from your translation tool as XLIFF 1.2 \
                            (OmegaT, memoQ and Trados can all do this) and import that file";

/// The XLIFF 1.2 document for `catalog`: the same catalog gives the same
/// bytes (no dates), so exchange files can be kept under version control.
pub fn write(catalog: &Catalog) -> String {
    // Group by page, keeping the order in which pages and messages come.
    let mut files: Vec<(&str, Vec<&Message>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for message in catalog.messages.iter().filter(|m| !m.obsolete) {
        let original = original_of(message);
        let i = *index.entry(original).or_insert_with(|| {
            files.push((original, Vec::new()));
            files.len() - 1
        });
        files[i].1.push(message);
    }
    // The schema wants at least one `<file>`, and the campaign id lives in
    // its header, so even a campaign with nothing to translate gets one.
    if files.is_empty() {
        files.push((catalog.campaign.as_str(), Vec::new()));
    }

    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<xliff version=\"1.2\" xmlns=\"{NAMESPACE}\">");
    let mut ids = HashSet::new();
    for (original, messages) in &files {
        out.push_str("  <file");
        attr(&mut out, "original", original);
        attr(&mut out, "source-language", &catalog.source_language);
        if !catalog.language.is_empty() {
            attr(&mut out, "target-language", &catalog.language);
        }
        out.push_str(" datatype=\"x-markdown\">\n    <header>\n");
        let _ = writeln!(
            out,
            "      <tool tool-id=\"{OUTREACH}\" tool-name=\"{OUTREACH}\"/>"
        );
        if !catalog.campaign.is_empty() {
            let _ = write!(out, "      <note from=\"{OUTREACH}\">{CAMPAIGN_NOTE}");
            escape_text(&mut out, &catalog.campaign);
            out.push_str("</note>\n");
        }
        out.push_str("    </header>\n    <body>\n");
        for message in messages {
            write_unit(&mut out, message, !catalog.language.is_empty(), &mut ids);
        }
        out.push_str("    </body>\n  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

/// The page a message belongs to: its first reference without the line, or
/// its context when it has none.
fn original_of(message: &Message) -> &str {
    match message.references.first() {
        Some(reference) => split_reference(reference).0,
        None => &message.context,
    }
}

/// `content/c/en/a.md:12` → (`content/c/en/a.md`, Some(`12`)).
fn split_reference(reference: &str) -> (&str, Option<&str>) {
    match reference.rsplit_once(':') {
        Some((path, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => {
            (path, Some(line))
        }
        _ => (reference, None),
    }
}

/// A `trans-unit` id that stays the same from one export to the next, so a
/// translation tool can match units across versions of the file: FNV-1a over
/// context and source (as `resolve::status::source_hash`; std's hasher may
/// change between Rust versions).
fn unit_id(context: &str, source: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in context.bytes().chain([4]).chain(source.bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

fn write_unit(out: &mut String, message: &Message, with_target: bool, ids: &mut HashSet<String>) {
    // A catalog never holds the same context and source twice, but ids must
    // be unique whatever comes in, or the file would not be XLIFF.
    let base = unit_id(&message.context, &message.source);
    let mut id = base.clone();
    let mut n = 1;
    while !ids.insert(id.clone()) {
        n += 1;
        id = format!("{base}-{n}");
    }

    out.push_str("      <trans-unit");
    attr(out, "id", &id);
    attr(out, "resname", &message.context);
    out.push_str(" xml:space=\"preserve\">\n        <source>");
    let source = Segment::new(&message.source);
    let source_numbers = source.numbers();
    source.write(out, &source_numbers);
    out.push_str("</source>\n");
    if with_target {
        let state = if message.translation.is_empty() {
            "needs-translation"
        } else if message.fuzzy {
            "needs-review-translation"
        } else {
            "translated"
        };
        let _ = write!(out, "        <target state=\"{state}\">");
        let target = Segment::new(&message.translation);
        target.write(out, &target.numbers_like(&source, &source_numbers));
        out.push_str("</target>\n");
    }
    for note in &message.notes {
        write_note(out, OUTREACH, "", note);
    }
    if let Some(previous) = &message.previous_source {
        write_note(out, OUTREACH, PREVIOUS_NOTE, previous);
    }
    for comment in &message.translator_comments {
        write_note(out, TRANSLATOR, "", comment);
    }
    for reference in &message.references {
        let (path, line) = split_reference(reference);
        out.push_str("        <context-group purpose=\"location\">\n");
        out.push_str("          <context context-type=\"sourcefile\">");
        escape_text(out, path);
        out.push_str("</context>\n");
        if let Some(line) = line {
            let _ = writeln!(
                out,
                "          <context context-type=\"linenumber\">{line}</context>"
            );
        }
        out.push_str("        </context-group>\n");
    }
    out.push_str("      </trans-unit>\n");
}

fn write_note(out: &mut String, from: &str, prefix: &str, text: &str) {
    let _ = write!(out, "        <note from=\"{from}\">{prefix}");
    escape_text(out, text);
    out.push_str("</note>\n");
}

/// ` name="value"`, escaped so that reading it gives `value` back: XML
/// turns a raw tab or line break in an attribute into a space.
fn attr(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, " {name}=\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            _ => escape_char(out, c),
        }
    }
    out.push('"');
}

/// Element content, escaped so that reading it gives `text` back.
fn escape_text(out: &mut String, text: &str) {
    for c in text.chars() {
        escape_char(out, c);
    }
}

fn escape_char(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        // A raw CR would be read back as a line feed.
        '\r' => out.push_str("&#13;"),
        c if !is_xml_char(c) => out.push('\u{FFFD}'),
        c => out.push(c),
    }
}

/// Whether XML 1.0 can hold `c` at all, even as a character reference.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// What a code is in its segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Opens span number `.0` (`<bpt>`): `**`, `[`, `<span lang="en">`.
    Open(usize),
    /// Closes span number `.0` (`<ept>`): `**`, `](page.md)`, `</span>`.
    Close(usize),
    /// A thing in one piece (`<ph>`): a code span, a footnote reference.
    Whole,
}

/// A part of a message's text that is Markdown, not words.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Code {
    /// Bytes of the message text.
    range: Range<usize>,
    role: Role,
    /// XLIFF's `ctype`, so tools can show what the tag is. The strict
    /// schema allows only `bold`, `italic`, `underlined`, `link` and `x-…`
    /// on `<bpt>`, and `image`, `lb`, `pb` and `x-…` on `<ph>`.
    ctype: &'static str,
}

/// One message text cut into words and inline codes.
struct Segment<'t> {
    text: &'t str,
    /// In text order, not overlapping; what lies between them is words.
    codes: Vec<Code>,
}

/// A code as a translator sees it, a whole span or a `<ph>`: what a
/// target's code is matched against to give it its source code's number.
struct Item<'t> {
    /// Index of the `<bpt>` or `<ph>` in [`Segment::codes`].
    first: usize,
    /// Index of the `<ept>`, for a span.
    last: Option<usize>,
    ctype: &'static str,
    open: &'t str,
    close: &'t str,
}

/// An inline container being read, until its end event.
enum Pending {
    /// Emphasis, a link or a picture: its codes are its delimiters.
    Span {
        at: usize,
        range: Range<usize>,
        ctype: &'static str,
        /// The code's `ctype` when it has no words inside (`[](x)`).
        whole: &'static str,
    },
    /// An autolink: one code, nothing inside to translate.
    Atomic,
    /// Block structure, or a container that is words.
    Other,
}

impl<'t> Segment<'t> {
    /// Finds the codes of `text`, read as inline Markdown with the
    /// extensions campaigns use.
    fn new(text: &'t str) -> Segment<'t> {
        // A message comes without the rest of its page, so footnotes and
        // link references are defined nowhere in it: definitions added after
        // the text (which leave its offsets alone) and a callback that takes
        // any `[text][ref]` for a link make them read as they do in the page.
        let defined = with_footnote_definitions(text);
        let any_reference = |link: BrokenLink| {
            matches!(link.link_type, LinkType::Reference | LinkType::Collapsed)
                .then(|| (CowStr::from(""), CowStr::from("")))
        };
        let events: Vec<(Event, Range<usize>)> =
            Parser::new_with_broken_link_callback(&defined, options(), Some(any_reference))
                .into_offset_iter()
                .collect();
        let mut codes = Vec::new();
        let mut spans = 0;
        let mut stack: Vec<Pending> = Vec::new();
        // Open inline HTML tags, by name, with their code's index.
        let mut html: Vec<(String, usize)> = Vec::new();
        let mut atomic = 0usize;
        // Where the words are as written, for the `{{` `}}` marks.
        let mut words: Vec<Range<usize>> = Vec::new();
        let whole = |range: &Range<usize>, ctype| Code {
            range: range.clone(),
            role: Role::Whole,
            ctype,
        };
        for (i, (event, range)) in events.iter().enumerate() {
            match event {
                Event::Start(tag) => stack.push(match tag {
                    Tag::Emphasis => span(i, range, "italic", "x-emphasis"),
                    Tag::Strong => span(i, range, "bold", "x-strong"),
                    Tag::Strikethrough => span(i, range, "x-strikethrough", "x-strikethrough"),
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    } => {
                        codes.push(whole(range, "x-link"));
                        atomic += 1;
                        Pending::Atomic
                    }
                    Tag::Link { .. } => span(i, range, "link", "x-link"),
                    Tag::Image { .. } => span(i, range, "x-image", "image"),
                    _ => Pending::Other,
                }),
                Event::End(_) => match stack.pop() {
                    Some(Pending::Span {
                        at,
                        range,
                        ctype,
                        whole: alone,
                    }) => {
                        if at + 1 == i {
                            codes.push(whole(&range, alone));
                        } else {
                            let open = range.start..events[at + 1].1.start;
                            let close = events[i - 1].1.end..range.end;
                            if open.start < open.end
                                && open.end <= close.start
                                && close.start < close.end
                            {
                                spans += 1;
                                codes.push(Code {
                                    range: open,
                                    role: Role::Open(spans),
                                    ctype,
                                });
                                codes.push(Code {
                                    range: close,
                                    role: Role::Close(spans),
                                    ctype,
                                });
                            }
                        }
                    }
                    Some(Pending::Atomic) => atomic = atomic.saturating_sub(1),
                    Some(Pending::Other) | None => {}
                },
                // Escapes and entities (`\{`, `&#123;`) are not marks.
                Event::Text(t) if atomic == 0 && text.get(range.clone()) == Some(t.as_ref()) => {
                    words.push(range.clone());
                }
                Event::Code(_) => codes.push(whole(range, "x-code")),
                Event::FootnoteReference(_) => codes.push(whole(range, "x-footnote")),
                Event::HardBreak => codes.push(whole(range, "lb")),
                Event::Html(_) => codes.push(whole(range, "x-html")),
                Event::InlineHtml(tag) => {
                    codes.push(whole(range, "x-html"));
                    match html_tag(tag) {
                        HtmlTag::Open(name) => html.push((name, codes.len() - 1)),
                        HtmlTag::Close(name) => {
                            if let Some(k) = html.iter().rposition(|(n, _)| *n == name) {
                                spans += 1;
                                let open = &mut codes[html[k].1];
                                open.role = Role::Open(spans);
                                open.ctype = "x-html";
                                codes.last_mut().expect("just pushed").role = Role::Close(spans);
                                html.truncate(k);
                            }
                        }
                        HtmlTag::Other => {}
                    }
                }
                _ => {}
            }
        }
        keep_marks(text, &words, &mut codes);
        Segment {
            text,
            codes: tidy(text, codes),
        }
    }

    /// The codes as translators see them, in order of their first tag.
    fn items(&self) -> Vec<Item<'t>> {
        let mut items = Vec::new();
        for (i, code) in self.codes.iter().enumerate() {
            let last = match code.role {
                Role::Close(_) => continue,
                Role::Whole => None,
                Role::Open(p) => self.codes[i + 1..]
                    .iter()
                    .position(|c| c.role == Role::Close(p))
                    .map(|j| i + 1 + j),
            };
            items.push(Item {
                first: i,
                last,
                ctype: code.ctype,
                open: &self.text[code.range.clone()],
                close: last.map_or("", |j| &self.text[self.codes[j].range.clone()]),
            });
        }
        items
    }

    /// Numbers for the codes of a source text: 1, 2 … in order; a span's
    /// `<bpt>` and `<ept>` share one.
    fn numbers(&self) -> Vec<usize> {
        let mut numbers = vec![0; self.codes.len()];
        for (n, item) in self.items().iter().enumerate() {
            numbers[item.first] = n + 1;
            if let Some(last) = item.last {
                numbers[last] = n + 1;
            }
        }
        numbers
    }

    /// Numbers for the codes of a translation: the number of the source's
    /// code with the same Markdown, so that translation tools see the same
    /// tag on both sides even when the translation moves it; new numbers
    /// for codes the source does not have.
    fn numbers_like(&self, source: &Segment, source_numbers: &[usize]) -> Vec<usize> {
        let theirs = source.items();
        let ours = self.items();
        let mut taken = vec![false; theirs.len()];
        let mut found: Vec<Option<usize>> = vec![None; ours.len()];
        // First the same Markdown; then the same kind of span, whose end
        // may differ (a link to the translated page).
        for exact in [true, false] {
            for (o, item) in ours.iter().enumerate() {
                if found[o].is_some() {
                    continue;
                }
                let same = theirs.iter().enumerate().position(|(t, their)| {
                    !taken[t]
                        && their.last.is_some() == item.last.is_some()
                        && their.ctype == item.ctype
                        && their.open == item.open
                        && (!exact || their.close == item.close)
                });
                if let Some(t) = same {
                    taken[t] = true;
                    found[o] = Some(source_numbers[theirs[t].first]);
                }
            }
        }
        let mut next = source_numbers.iter().copied().max().unwrap_or(0);
        let mut numbers = vec![0; self.codes.len()];
        for (item, found) in ours.iter().zip(found) {
            let n = found.unwrap_or_else(|| {
                next += 1;
                next
            });
            numbers[item.first] = n;
            if let Some(last) = item.last {
                numbers[last] = n;
            }
        }
        numbers
    }

    /// Writes the segment as `<source>` or `<target>` content.
    fn write(&self, out: &mut String, numbers: &[usize]) {
        let mut at = 0;
        for (code, n) in self.codes.iter().zip(numbers) {
            escape_text(out, &self.text[at..code.range.start]);
            let element = match code.role {
                Role::Open(_) => "bpt",
                Role::Close(_) => "ept",
                Role::Whole => "ph",
            };
            let _ = write!(out, "<{element} id=\"{n}\"");
            // `<ept>` has no `ctype`: its `<bpt>` says what the span is.
            if !matches!(code.role, Role::Close(_)) {
                let _ = write!(out, " ctype=\"{}\"", code.ctype);
            }
            out.push('>');
            escape_text(out, &self.text[code.range.clone()]);
            let _ = write!(out, "</{element}>");
            at = code.range.end;
        }
        escape_text(out, &self.text[at..]);
    }
}

fn span(at: usize, range: &Range<usize>, ctype: &'static str, whole: &'static str) -> Pending {
    Pending::Span {
        at,
        range: range.clone(),
        ctype,
        whole,
    }
}

/// `text`, followed by a definition of each footnote it refers to (`[^1]`).
fn with_footnote_definitions(text: &str) -> String {
    let mut defined = text.to_string();
    let mut labels = HashSet::new();
    for (at, _) in text.match_indices("[^") {
        let rest = &text[at + 2..];
        let Some(end) = rest.find(']') else { continue };
        let label = &rest[..end];
        if !label.is_empty()
            && !label.contains(|c: char| c.is_whitespace() || c == '[' || c == '^')
            && labels.insert(label)
        {
            let _ = write!(defined, "\n\n[^{label}]: x");
        }
    }
    defined
}

/// What an inline HTML tag does, for pairing `<span …>` with `</span>`.
enum HtmlTag {
    Open(String),
    Close(String),
    /// Self-closing, void, a comment …: stands alone.
    Other,
}

fn html_tag(tag: &str) -> HtmlTag {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let name_of = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase()
    };
    if let Some(rest) = tag.strip_prefix("</") {
        let name = name_of(rest);
        return if name.is_empty() {
            HtmlTag::Other
        } else {
            HtmlTag::Close(name)
        };
    }
    match tag.strip_prefix('<') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_alphabetic()) => {
            let name = name_of(rest);
            if tag.trim_end().ends_with("/>") || VOID.contains(&name.as_str()) {
                HtmlTag::Other
            } else {
                HtmlTag::Open(name)
            }
        }
        _ => HtmlTag::Other,
    }
}

/// Adds a code for each keep-as-written mark (`{{`, `}}`, see
/// `resolve::translit`) in the words: translated, a mark must stay a mark.
fn keep_marks(text: &str, words: &[Range<usize>], codes: &mut Vec<Code>) {
    // Markdown may cut a run of words into several events.
    let mut runs: Vec<Range<usize>> = Vec::new();
    for range in words {
        match runs.last_mut() {
            Some(last) if last.end == range.start => last.end = range.end,
            _ => runs.push(range.clone()),
        }
    }
    for run in runs {
        let s = &text[run.clone()];
        let mut at = 0;
        while let Some(found) = [s[at..].find("{{"), s[at..].find("}}")]
            .into_iter()
            .flatten()
            .min()
        {
            let start = run.start + at + found;
            codes.push(Code {
                range: start..start + 2,
                role: Role::Whole,
                ctype: "x-keep-as-written",
            });
            at += found + 2;
        }
    }
}

/// Puts codes in text order and keeps the text intact whatever the
/// parser's offsets: a code that is empty, out of the text or overlaps an
/// earlier one is dropped (its text stays words), and a span that lost one
/// end keeps the other as a whole code.
fn tidy(text: &str, mut codes: Vec<Code>) -> Vec<Code> {
    // Only a block's last line break can reach into what
    // `with_footnote_definitions` added.
    for code in &mut codes {
        code.range.end = code.range.end.min(text.len());
    }
    codes.sort_by_key(|c| (c.range.start, c.range.end));
    let mut kept: Vec<Code> = Vec::with_capacity(codes.len());
    for code in codes {
        let sound = code.range.start < code.range.end
            && text.get(code.range.clone()).is_some()
            && kept
                .last()
                .is_none_or(|last| last.range.end <= code.range.start);
        if sound {
            kept.push(code);
        }
    }
    let mut ends: HashMap<usize, usize> = HashMap::new();
    for code in &kept {
        if let Role::Open(p) | Role::Close(p) = code.role {
            *ends.entry(p).or_default() += 1;
        }
    }
    for code in &mut kept {
        if let Role::Open(p) | Role::Close(p) = code.role
            && ends[&p] != 2
        {
            code.role = Role::Whole;
            code.ctype = "x-markdown";
        }
    }
    kept
}

/// Reads an XLIFF 1.2 file: what [`write()`] wrote, after a translation tool
/// filled in the `<target>`s. Every problem found is returned, each at its
/// line and column.
///
/// A `<target>` is translated when its state is `translated`, `final`,
/// `signed-off` or missing, or its unit is `approved="yes"`; untranslated
/// when there is none or its state is `needs-translation` or `new` (but see
/// `read_unit` for drafts); and fuzzy in any other state (`needs-review-…`,
/// `needs-adaptation`, `needs-l10n`).
pub fn parse(file: &SourceFile) -> Result<Catalog, Vec<Diagnostic>> {
    let options = ParsingOptions {
        // Some tools still write a DOCTYPE; roxmltree guards against
        // entity bombs on its own.
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let doc = match Document::parse_with_options(file.text(), options) {
        Ok(doc) => doc,
        Err(error) => return Err(vec![not_xml(file, &error)]),
    };
    let root = doc.root_element();
    if let Err(problem) = check_root(file, &doc, root) {
        return Err(vec![problem]);
    }

    let mut catalog = Catalog::default();
    let mut problems = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let mut first_languages: Option<(Option<&str>, Option<&str>)> = None;
    for part in root.children().filter(|n| is(n, "file")) {
        let languages = (
            part.attribute("source-language"),
            part.attribute("target-language"),
        );
        match first_languages {
            None => {
                first_languages = Some(languages);
                catalog.source_language = languages.0.unwrap_or_default().to_string();
                catalog.language = languages.1.unwrap_or_default().to_string();
            }
            Some(first) if first != languages => problems.push(
                at_node(
                    file,
                    &doc,
                    part,
                    format!(
                        "this `<file>` is from {} into {}, but the first one is from {} into {}; \
                         an exchange file holds one language",
                        language_name(languages.0),
                        language_name(languages.1),
                        language_name(first.0),
                        language_name(first.1),
                    ),
                )
                .with_help("export each language to a file of its own"),
            ),
            Some(_) => {}
        }
        if catalog.campaign.is_empty()
            && let Some(campaign) = campaign_of(part)
        {
            catalog.campaign = campaign;
        }
        for unit in part.descendants().filter(|n| is(n, "trans-unit")) {
            // Units inside a `<bin-unit>` translate pictures' data, not text.
            if unit.ancestors().any(|a| is(&a, "bin-unit")) {
                continue;
            }
            let Some(message) = read_unit(file, &doc, unit, &mut problems) else {
                continue;
            };
            let key = (message.context.clone(), message.source.clone());
            if let Some(first) = seen.get(&key) {
                problems.push(
                    at_node(
                        file,
                        &doc,
                        unit,
                        format!(
                            "the text “{}” of `{}` is here a second time (first on line {first})",
                            short(&message.source),
                            message.context,
                        ),
                    )
                    .with_help("delete one of the two translation units"),
                );
                continue;
            }
            seen.insert(key, message.line);
            catalog.messages.push(message);
        }
    }
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(problems)
    }
}

/// Whether `node` is the XLIFF element `name`.
fn is(node: &Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace() == Some(NAMESPACE)
}

fn at_node(file: &SourceFile, doc: &Document, node: Node, message: String) -> Diagnostic {
    let pos = doc.text_pos_at(node.range().start);
    file.at_line_col(pos.row as usize, pos.col as usize, Severity::Error, message)
}

fn not_xml(file: &SourceFile, error: &roxmltree::Error) -> Diagnostic {
    let pos = error.pos();
    // roxmltree ends its messages with the position, which the diagnostic
    // already shows.
    let detail = error.to_string();
    let detail = detail.trim_end_matches(&format!(" at {pos}")).to_string();
    file.at_line_col(
        pos.row as usize,
        pos.col as usize,
        Severity::Error,
        format!(
            "this file is not well-formed XML, so none of its translations can be read ({detail})"
        ),
    )
    .with_help(
        "the file may have been cut short or broken by editing it by hand; \
         export it again from your translation tool",
    )
}

/// Checks that the document is XLIFF 1.2, the only version outreach reads.
fn check_root(file: &SourceFile, doc: &Document, root: Node) -> Result<(), Diagnostic> {
    let name = root.tag_name().name();
    if name != "xliff" {
        return Err(at_node(
            file,
            doc,
            root,
            format!("this is not an XLIFF file: it starts with `<{name}>`, not `<xliff>`"),
        )
        .with_help("import the .xlf file outreach exported, once it is translated"));
    }
    let namespace = root.tag_name().namespace();
    let version = root.attribute("version");
    if version.is_some_and(|v| v.starts_with('2'))
        || namespace.is_some_and(|ns| ns.starts_with("urn:oasis:names:tc:xliff:document:2"))
    {
        let version = version.unwrap_or("2");
        return Err(at_node(
            file,
            doc,
            root,
            format!("this is an XLIFF {version} file; outreach reads XLIFF 1.2 only"),
        )
        .with_help(EXPORT_AGAIN));
    }
    match version {
        Some("1.2") => {}
        Some(other) => {
            return Err(at_node(
                file,
                doc,
                root,
                format!("this is an XLIFF {other} file; outreach reads XLIFF 1.2 only"),
            )
            .with_help(EXPORT_AGAIN));
        }
        None => {
            return Err(at_node(
                file,
                doc,
                root,
                "the `<xliff>` element does not say its version; outreach reads XLIFF 1.2 only"
                    .to_string(),
            )
            .with_help(EXPORT_AGAIN));
        }
    }
    if namespace != Some(NAMESPACE) {
        return Err(at_node(
            file,
            doc,
            root,
            format!(
                "the `<xliff>` element is not in the XLIFF 1.2 namespace (`{}`)",
                namespace.unwrap_or("none")
            ),
        )
        .with_help(format!(
            "the file should start with `<xliff version=\"1.2\" xmlns=\"{NAMESPACE}\">`; {EXPORT_AGAIN}"
        )));
    }
    Ok(())
}

fn language_name(tag: Option<&str>) -> String {
    match tag {
        Some(tag) => format!("`{tag}`"),
        None => "no language".to_string(),
    }
}

/// The campaign id [`write()`] put in a header note.
fn campaign_of(part: Node) -> Option<String> {
    let header = part.children().find(|n| is(n, "header"))?;
    header
        .children()
        .filter(|n| is(n, "note"))
        .find_map(|note| {
            text_of(note)
                .strip_prefix(CAMPAIGN_NOTE)
                .map(|c| c.trim().to_string())
        })
}

/// All the text in an element, in document order.
fn text_of(node: Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// The message of one `trans-unit`, or its problems added to `problems`.
fn read_unit(
    file: &SourceFile,
    doc: &Document,
    unit: Node,
    problems: &mut Vec<Diagnostic>,
) -> Option<Message> {
    let before = problems.len();
    let line = doc.text_pos_at(unit.range().start).row as usize;
    let label = unit_label(unit);
    let help = "outreach writes these in every unit; translate the file outreach exported \
                and leave the units' structure as it is";
    let context = unit.attribute("resname");
    if context.is_none() {
        problems.push(
            at_node(
                file,
                doc,
                unit,
                format!("{label} has no `resname`, so outreach cannot tell which page its text belongs to"),
            )
            .with_help(help),
        );
    }
    let source = match unit.children().find(|n| is(n, "source")) {
        Some(source) => inline_text(file, doc, source, &label, problems),
        None => {
            problems.push(
                at_node(file, doc, unit, format!("{label} has no `<source>` text")).with_help(help),
            );
            None
        }
    };
    let target = unit.children().find(|n| is(n, "target"));
    let translation = match target {
        Some(target) => inline_text(file, doc, target, &label, problems),
        None => Some(String::new()),
    };
    if problems.len() > before {
        return None;
    }
    let (context, source, mut translation) = (context?.to_string(), source?, translation?);
    let (keep, fuzzy) = match target {
        None => (false, false),
        Some(_) if unit.attribute("approved") == Some("yes") => (true, false),
        Some(target) => match target.attribute("state") {
            None | Some("translated" | "final" | "signed-off") => (true, false),
            // Untranslated. But OmegaT's own XLIFF filter fills in targets
            // and leaves their state alone, and Okapi-style tools copy the
            // source into every target: a target that differs from its
            // source is a draft, kept for someone to check.
            Some("needs-translation" | "new") => {
                let draft = !translation.is_empty() && translation != source;
                (draft, draft)
            }
            // The `needs-review-…` states, `needs-adaptation`, `needs-l10n`
            // and any state a tool made up: a translation someone should check.
            Some(_) => (true, true),
        },
    };
    if !keep {
        translation.clear();
    }

    let mut message = Message {
        context,
        source,
        translation,
        fuzzy,
        line,
        ..Message::default()
    };
    for note in unit.children().filter(|n| is(n, "note")) {
        let text = text_of(note);
        if note.attribute("from") == Some(OUTREACH) {
            match text.strip_prefix(PREVIOUS_NOTE) {
                Some(previous) => message.previous_source = Some(previous.to_string()),
                None => message.notes.push(text),
            }
        } else {
            message.translator_comments.push(text);
        }
    }
    for group in unit.children().filter(|n| is(n, "context-group")) {
        let location = group
            .attribute("purpose")
            .is_some_and(|p| p.split_whitespace().any(|p| p == "location"));
        if !location {
            continue;
        }
        let context = |kind: &str| {
            group
                .children()
                .find(|n| is(n, "context") && n.attribute("context-type") == Some(kind))
                .map(text_of)
        };
        if let Some(path) = context("sourcefile") {
            message.references.push(match context("linenumber") {
                Some(line) => format!("{path}:{}", line.trim()),
                None => path,
            });
        }
    }
    Some(message)
}

/// How a problem names a unit: by id, and by page when it has one.
fn unit_label(unit: Node) -> String {
    match (unit.attribute("id"), unit.attribute("resname")) {
        (Some(id), Some(page)) => format!("translation unit `{id}` (`{page}`)"),
        (Some(id), None) => format!("translation unit `{id}`"),
        (None, Some(page)) => format!("a translation unit of `{page}`"),
        (None, None) => "a translation unit".to_string(),
    }
}

/// The Markdown text of a `<source>` or `<target>`: words and the content of
/// the codes, in order. `<g>` and `<mrk>` (which tools add around words)
/// give their content; a code with no content (`<x/>`, `<bx/>`, `<ex/>`)
/// cannot be turned back into Markdown and is a problem.
fn inline_text(
    file: &SourceFile,
    doc: &Document,
    element: Node,
    label: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    let mut text = String::new();
    let mut sound = true;
    // `descendants` walks without recursion, so deep nesting cannot
    // overflow the stack.
    for node in element.descendants().skip(1) {
        if node.is_text() {
            text.push_str(node.text().unwrap_or_default());
        } else if node.is_element() && matches!(node.tag_name().name(), "x" | "bx" | "ex") {
            sound = false;
            let which = if element.tag_name().name() == "source" {
                "source text"
            } else {
                "translation"
            };
            problems.push(
                at_node(
                    file,
                    doc,
                    node,
                    format!(
                        "{label} has a tag `<{}/>` in its {which}; outreach cannot tell what Markdown it stands for",
                        node.tag_name().name()
                    ),
                )
                .with_help(
                    "in your translation tool, use the tags of the source text instead of adding \
                     new ones, then export again",
                ),
            );
        }
    }
    sound.then_some(text)
}

/// The start of a text, for a message.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let start: String = text.chars().take(MAX).collect();
        format!("{}…", start.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn message(context: &str, source: &str, translation: &str) -> Message {
        Message::new(context, source, translation)
    }

    fn catalog(language: &str, messages: Vec<Message>) -> Catalog {
        Catalog {
            campaign: "safe-work".to_string(),
            source_language: "en".to_string(),
            language: language.to_string(),
            plural_forms: None,
            messages,
        }
    }

    fn read(xml: &str) -> Result<Catalog, Vec<Diagnostic>> {
        parse(&SourceFile::new("translations/fa.xlf", xml))
    }

    /// `parse(write(catalog))`, with the lines `parse` adds set back to 0.
    fn round_trip(catalog: &Catalog) -> Catalog {
        let xml = write(catalog);
        let mut back = read(&xml).unwrap_or_else(|e| panic!("{e:?}\n{xml}"));
        for m in &mut back.messages {
            assert!(m.line > 0);
            m.line = 0;
        }
        back
    }

    /// The text of a segment's words and codes, each code as `[content]`.
    fn shown(text: &str) -> String {
        let segment = Segment::new(text);
        let mut out = String::new();
        let mut at = 0;
        for code in &segment.codes {
            out.push_str(&text[at..code.range.start]);
            let tag = match code.role {
                Role::Open(_) => "b",
                Role::Close(_) => "e",
                Role::Whole => "p",
            };
            let _ = write!(out, "{tag}[{}]", &text[code.range.clone()]);
            at = code.range.end;
        }
        out.push_str(&text[at..]);
        out
    }

    /// Texts with every kind of inline Markdown the exchange protects.
    const MARKDOWN: [&str; 14] = [
        "Call **now**, *today* or _tomorrow_: ~~never~~.",
        "Read [the guide](page.md#anchor \"title\") first.",
        "![A map of the office](x.png) shows the way.",
        "Type `outreach build` and press Enter.",
        "Организација {{НВО}} помаже.",
        "We say <span lang=\"en\">safe work</span> here.",
        "As the law says[^1], it is your right.",
        "Write \\*stars\\* as they are.",
        "Tom & Jerry <3 \"quotes\" and 'apostrophes' > all",
        "از کارفرمای خود می‌پرسید؟ **حق** شماست.",
        "first line\nsecond line",
        "a hard  \nbreak and <https://example.org/help?a=1&b=2>",
        "***both*** and [**bold link**](a.md) and [](empty.md)",
        "<br> alone, <b>unclosed and </i> stray",
    ];

    #[test]
    fn round_trip_keeps_every_kind_of_message() {
        let mut messages = Vec::new();
        for (i, text) in MARKDOWN.iter().enumerate() {
            let mut m = message("safe-work/get-help", text, "");
            m.references = vec![format!("content/safe-work/en/get-help.md:{}", i + 3)];
            match i % 3 {
                0 => m.translation = format!("ترجمه {text}"),
                1 => {
                    m.translation = format!("{text} (قدیمی)");
                    m.fuzzy = true;
                    m.previous_source = Some(format!("old **{text}**"));
                }
                _ => {}
            }
            messages.push(m);
        }
        let mut noted = message("campaign", "Safe work", "کار امن");
        noted.notes = vec!["heading".into(), "review: keep it short".into()];
        noted.translator_comments = vec!["checked with Ali".into()];
        noted.references = vec![
            "campaigns/safe-work.yml".into(),
            "content/safe-work/en/index.md:1".into(),
        ];
        messages.push(noted);
        messages.push(message("leaflets/a4", "No reference", ""));
        let catalog = catalog("fa", messages);
        assert_eq!(round_trip(&catalog), catalog);
    }

    #[test]
    fn template_has_no_target() {
        let mut m = message("safe-work/index", "Know your **rights**.", "");
        m.notes = vec!["paragraph".into()];
        m.references = vec!["content/safe-work/en/index.md:5".into()];
        let template = catalog("", vec![m]);
        let xml = write(&template);
        assert!(!xml.contains("target"), "{xml}");
        assert_eq!(round_trip(&template), template);
    }

    #[test]
    fn obsolete_messages_are_left_out() {
        let mut old = message("safe-work/index", "Gone", "رفته");
        old.obsolete = true;
        let xml = write(&catalog("fa", vec![message("a", "Here", ""), old]));
        assert!(!xml.contains("Gone"));
        assert_eq!(read(&xml).unwrap().messages.len(), 1);
    }

    #[test]
    fn writes_this_exact_document() {
        let mut help = message(
            "safe-work/get-help",
            "Call **now** & see [help](help.md).",
            "همین **حالا** تماس بگیرید.",
        );
        help.notes = vec!["paragraph".into()];
        help.references = vec!["content/safe-work/en/get-help.md:12".into()];
        let mut fuzzy = message("safe-work/get-help", "Get help", "کمک");
        fuzzy.fuzzy = true;
        fuzzy.previous_source = Some("Get <help>".into());
        fuzzy.references = vec!["content/safe-work/en/get-help.md:1".into()];
        let other = message("campaign", "Safe work", "");
        let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="content/safe-work/en/get-help.md" source-language="en" target-language="fa" datatype="x-markdown">
    <header>
      <tool tool-id="outreach" tool-name="outreach"/>
      <note from="outreach">campaign: safe-work</note>
    </header>
    <body>
      <trans-unit id="ID1" resname="safe-work/get-help" xml:space="preserve">
        <source>Call <bpt id="1" ctype="bold">**</bpt>now<ept id="1">**</ept> &amp; see <bpt id="2" ctype="link">[</bpt>help<ept id="2">](help.md)</ept>.</source>
        <target state="translated">همین <bpt id="1" ctype="bold">**</bpt>حالا<ept id="1">**</ept> تماس بگیرید.</target>
        <note from="outreach">paragraph</note>
        <context-group purpose="location">
          <context context-type="sourcefile">content/safe-work/en/get-help.md</context>
          <context context-type="linenumber">12</context>
        </context-group>
      </trans-unit>
      <trans-unit id="ID2" resname="safe-work/get-help" xml:space="preserve">
        <source>Get help</source>
        <target state="needs-review-translation">کمک</target>
        <note from="outreach">Previous source text: Get &lt;help&gt;</note>
        <context-group purpose="location">
          <context context-type="sourcefile">content/safe-work/en/get-help.md</context>
          <context context-type="linenumber">1</context>
        </context-group>
      </trans-unit>
    </body>
  </file>
  <file original="campaign" source-language="en" target-language="fa" datatype="x-markdown">
    <header>
      <tool tool-id="outreach" tool-name="outreach"/>
      <note from="outreach">campaign: safe-work</note>
    </header>
    <body>
      <trans-unit id="ID3" resname="campaign" xml:space="preserve">
        <source>Safe work</source>
        <target state="needs-translation"></target>
      </trans-unit>
    </body>
  </file>
</xliff>
"#
        .replace("ID1", &unit_id("safe-work/get-help", &help.source))
        .replace("ID2", &unit_id("safe-work/get-help", "Get help"))
        .replace("ID3", &unit_id("campaign", "Safe work"));
        let catalog = catalog("fa", vec![help, fuzzy, other]);
        assert_eq!(write(&catalog), expected);
        assert_eq!(write(&catalog), write(&catalog.clone()));
    }

    #[test]
    fn unit_ids_are_fnv_1a_and_unique() {
        // FNV-1a of the one byte 0x04, worked out by hand.
        let expected = (0xcbf2_9ce4_8422_2325_u64 ^ 4).wrapping_mul(0x0100_0000_01b3);
        assert_eq!(unit_id("", ""), format!("{expected:016x}"));
        assert_ne!(unit_id("a", "b"), unit_id("b", "a"));
        // The same text twice still makes two distinct ids.
        let xml = write(&catalog(
            "fa",
            vec![message("a", "x", ""), message("a", "x", "")],
        ));
        let id = unit_id("a", "x");
        assert!(xml.contains(&format!("id=\"{id}\"")));
        assert!(xml.contains(&format!("id=\"{id}-2\"")));
    }

    #[test]
    fn markdown_becomes_codes() {
        assert_eq!(
            shown("Call **now**, *today* or _tomorrow_: ~~never~~."),
            "Call b[**]nowe[**], b[*]todaye[*] or b[_]tomorrowe[_]: b[~~]nevere[~~]."
        );
        assert_eq!(
            shown("Read [the guide](page.md#anchor \"title\") first."),
            "Read b[[]the guidee[](page.md#anchor \"title\")] first."
        );
        assert_eq!(shown("![alt](x.png)"), "b[![]alte[](x.png)]");
        assert_eq!(
            shown("![](x.png) and [](y.md)"),
            "p[![](x.png)] and p[[](y.md)]"
        );
        assert_eq!(shown("Type `a b` now"), "Type p[`a b`] now");
        assert_eq!(
            shown("Организација {{НВО}}."),
            "Организација p[{{]НВОp[}}]."
        );
        assert_eq!(
            shown("<span lang=\"en\">x</span> y"),
            "b[<span lang=\"en\">]xe[</span>] y"
        );
        assert_eq!(shown("<br> and <b>x"), "p[<br>] and p[<b>]x");
        assert_eq!(
            shown("law[^1] says[^1][^a b]"),
            "lawp[[^1]] saysp[[^1]][^a b]"
        );
        assert_eq!(shown("see [the law][law]"), "see b[[]the lawe[][law]]");
        assert_eq!(shown("[shortcut] stays"), "[shortcut] stays");
        assert_eq!(
            shown("<div>\nblock\n</div>"),
            "p[<div>\n]p[block\n]p[</div>]"
        );
        assert_eq!(shown("\\*escaped\\*"), "\\*escaped\\*");
        assert_eq!(shown("a  \nb\nc"), "ap[  \n]b\nc");
        assert_eq!(
            shown("see <https://a.org/{{x}}>"),
            "see p[<https://a.org/{{x}}>]"
        );
        assert_eq!(shown("***x***"), "b[*]b[**]xe[**]e[*]");
        assert_eq!(shown("[**b**](a.md)"), "b[[]b[**]be[**]e[](a.md)]");
    }

    #[test]
    fn codes_and_words_give_back_the_text() {
        let more = [
            "",
            "# not a heading",
            "1. not a list",
            "    indented",
            "> quoted *x*",
            "| a | b |",
            "[ref]: /url",
            "**unclosed",
            "{{{ }}}",
            "<div>block</div>",
            "x\r\ny",
        ];
        for text in MARKDOWN.iter().chain(&more) {
            let segment = Segment::new(text);
            let mut back = String::new();
            let mut at = 0;
            for code in &segment.codes {
                assert!(code.range.start >= at, "{text:?}");
                back.push_str(&text[at..code.range.end]);
                at = code.range.end;
            }
            back.push_str(&text[at..]);
            assert_eq!(&back, text);
            // Every span has both ends, the `<bpt>` first.
            for (i, code) in segment.codes.iter().enumerate() {
                if let Role::Open(p) = code.role {
                    assert!(segment.codes[i..].iter().any(|c| c.role == Role::Close(p)));
                }
                if let Role::Close(p) = code.role {
                    assert!(segment.codes[..i].iter().any(|c| c.role == Role::Open(p)));
                }
            }
        }
    }

    #[test]
    fn translations_keep_the_numbers_of_their_source_codes() {
        let source = "Click **here** for [help](help.md).";
        let target = "Für [Hilfe](hilfe.md) klicken Sie **hier** `neu`.";
        let xml = write(&catalog("de", vec![message("a", source, target)]));
        assert!(xml.contains(
            "<target state=\"translated\">Für <bpt id=\"2\" ctype=\"link\">[</bpt>Hilfe\
             <ept id=\"2\">](hilfe.md)</ept> klicken Sie <bpt id=\"1\" ctype=\"bold\">**</bpt>hier\
             <ept id=\"1\">**</ept> <ph id=\"3\" ctype=\"x-code\">`neu`</ph>.</target>"
        ));
    }

    #[test]
    fn characters_xml_cannot_hold_become_replacement_characters() {
        let m = message("a", "bell\u{7} tab\t cr\r nul\0 \u{FFFF}", "");
        let back = round_trip(&catalog("fa", vec![m]));
        assert_eq!(
            back.messages[0].source,
            "bell\u{FFFD} tab\t cr\r nul\u{FFFD} \u{FFFD}"
        );
    }

    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="x.md" source-language="en" target-language="de" datatype="x-markdown">
    <header><note from="outreach">campaign: safe-work</note></header>
    <body>
"#;
    const TAIL: &str = "    </body>\n  </file>\n</xliff>\n";

    #[test]
    fn reads_what_translation_tools_write() {
        let xml = format!(
            "{HEAD}<group id=\"g\"><trans-unit id=\"1\" resname=\"a\">
  <source>Call <bpt id=\"1\">**</bpt>now<ept id=\"1\">**</ept>.</source>
  <seg-source><mrk mtype=\"seg\" mid=\"0\">Call <bpt id=\"1\">**</bpt>now<ept id=\"1\">**</ept>.</mrk></seg-source>
  <target state=\"signed-off\"><mrk mtype=\"seg\" mid=\"0\">Rufen Sie <g id=\"9\">jetzt <it pos=\"open\">*</it>an<it pos=\"close\">*</it></g><![CDATA[ & ]]>&#x263A;</mrk></target>
  <note from=\"Hans\">checked</note>
  <alt-trans><target>Ignored</target></alt-trans>
</trans-unit></group>
<trans-unit id=\"2\" resname=\"b\"><source>New</source><target state=\"new\">Neu</target></trans-unit>
<trans-unit id=\"8\" resname=\"h\"><source>Copy</source><target state=\"needs-translation\">Copy</target></trans-unit>
<trans-unit id=\"3\" resname=\"c\"><source>Final</source><target state=\"final\">Endgültig</target></trans-unit>
<trans-unit id=\"4\" resname=\"d\"><source>L10n</source><target state=\"needs-l10n\">Lokal</target></trans-unit>
<trans-unit id=\"5\" resname=\"e\" approved=\"yes\"><source>Ok</source><target state=\"needs-review-translation\">Gut</target></trans-unit>
<trans-unit id=\"6\" resname=\"f\"><source>Plain</source><target>Schlicht</target></trans-unit>
<trans-unit id=\"7\" resname=\"g\"><source>None</source></trans-unit>
{TAIL}"
        );
        let catalog = read(&xml).unwrap();
        assert_eq!(catalog.campaign, "safe-work");
        assert_eq!(catalog.source_language, "en");
        assert_eq!(catalog.language, "de");
        let got: Vec<(&str, &str, bool)> = catalog
            .messages
            .iter()
            .map(|m| (m.source.as_str(), m.translation.as_str(), m.fuzzy))
            .collect();
        assert_eq!(
            got,
            [
                ("Call **now**.", "Rufen Sie jetzt *an* & ☺", false),
                ("New", "Neu", true),
                ("Copy", "", false),
                ("Final", "Endgültig", false),
                ("L10n", "Lokal", true),
                ("Ok", "Gut", false),
                ("Plain", "Schlicht", false),
                ("None", "", false),
            ]
        );
        assert_eq!(catalog.messages[0].translator_comments, ["checked"]);
        assert_eq!(catalog.messages[0].line, 6);
    }

    /// The `path:line:col` and message of each problem.
    fn problems(xml: &str) -> Vec<String> {
        read(xml)
            .expect_err("should fail")
            .iter()
            .map(|d| format!("{}: {}", d.location().unwrap(), d.message))
            .collect()
    }

    #[test]
    fn broken_xml_is_located() {
        let found = problems("<xliff version=\"1.2\">\n  <file>\n</xliff>\n");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].starts_with("translations/fa.xlf:3:1: this file is not well-formed XML"),
            "{found:?}"
        );
        // roxmltree's own position is not repeated.
        assert!(
            found[0].ends_with("(expected 'file' tag, not 'xliff')"),
            "{found:?}"
        );
    }

    #[test]
    fn other_files_and_versions_are_refused() {
        let found = problems("<?xml version=\"1.0\"?>\n<html/>");
        assert_eq!(
            found,
            [
                "translations/fa.xlf:2:1: this is not an XLIFF file: it starts with `<html>`, not `<xliff>`"
            ]
        );
        let two =
            r#"<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en"/>"#;
        let diagnostics = read(two).unwrap_err();
        assert_eq!(
            diagnostics[0].message,
            "this is an XLIFF 2.0 file; outreach reads XLIFF 1.2 only"
        );
        assert!(
            diagnostics[0]
                .help
                .as_ref()
                .unwrap()
                .contains("as XLIFF 1.2")
        );
        let old = r#"<xliff version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1"/>"#;
        assert_eq!(
            problems(old),
            ["translations/fa.xlf:1:1: this is an XLIFF 1.1 file; outreach reads XLIFF 1.2 only"]
        );
        let bare = "\n<xliff version=\"1.2\"/>";
        assert_eq!(
            problems(bare),
            [
                "translations/fa.xlf:2:1: the `<xliff>` element is not in the XLIFF 1.2 namespace (`none`)"
            ]
        );
    }

    #[test]
    fn every_problem_of_the_units_is_reported_at_its_place() {
        let xml = format!(
            "{HEAD}<trans-unit id=\"1\"><source>No page</source></trans-unit>
<trans-unit id=\"2\" resname=\"a\"><target>No source</target></trans-unit>
<trans-unit id=\"3\" resname=\"a\"><source>Twice</source></trans-unit>
<trans-unit id=\"4\" resname=\"a\"><source>Twice</source></trans-unit>
<trans-unit id=\"5\" resname=\"a\"><source>Click <x id=\"1\"/></source><target>Klick <bx id=\"2\"/></target></trans-unit>
<trans-unit id=\"6\" resname=\"b\"><source>Twice</source></trans-unit>
{TAIL}  "
        );
        assert_eq!(
            problems(&xml),
            [
                "translations/fa.xlf:6:1: translation unit `1` has no `resname`, so outreach cannot tell which page its text belongs to",
                "translations/fa.xlf:7:1: translation unit `2` (`a`) has no `<source>` text",
                "translations/fa.xlf:9:1: the text “Twice” of `a` is here a second time (first on line 8)",
                "translations/fa.xlf:10:46: translation unit `5` (`a`) has a tag `<x/>` in its source text; outreach cannot tell what Markdown it stands for",
                "translations/fa.xlf:10:80: translation unit `5` (`a`) has a tag `<bx/>` in its translation; outreach cannot tell what Markdown it stands for",
            ]
        );
    }

    #[test]
    fn one_file_holds_one_language() {
        let xml = format!("{HEAD}{TAIL}").replace(
            "  </file>\n</xliff>",
            "  </file>\n  <file original=\"y.md\" source-language=\"en\" target-language=\"fr\" datatype=\"x-markdown\"><body/></file>\n</xliff>",
        );
        assert_eq!(
            problems(&xml),
            [
                "translations/fa.xlf:8:3: this `<file>` is from `en` into `fr`, but the first one is from `en` into `de`; an exchange file holds one language"
            ]
        );
    }

    #[test]
    fn an_empty_campaign_still_writes_a_file() {
        let empty = catalog("fa", Vec::new());
        let xml = write(&empty);
        assert!(xml.contains("<file original=\"safe-work\""));
        assert_eq!(round_trip(&empty), empty);
    }

    #[test]
    fn garbage_does_not_panic() {
        for text in [
            "",
            "<",
            "<xliff",
            "\u{FEFF}<x/>",
            "<!DOCTYPE x [<!ENTITY a \"&a;\">]><x>&a;</x>",
        ] {
            assert!(read(text).is_err());
        }
        let deep = format!(
            "{HEAD}<trans-unit id=\"1\" resname=\"a\"><source>{}x{}</source></trans-unit>{TAIL}",
            "<g id=\"1\">".repeat(20_000),
            "</g>".repeat(20_000)
        );
        assert_eq!(read(&deep).unwrap().messages[0].source, "x");
    }

    proptest! {
        #[test]
        fn any_text_survives_write_and_parse(source in any::<String>(), translation in any::<String>(), context in any::<String>()) {
            let xml_safe = |s: &str| -> String {
                s.chars().map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' }).collect()
            };
            let mut m = message(&context, &source, &translation);
            m.notes = vec![source.clone()];
            m.references = vec![format!("{context}:7")];
            let back = round_trip(&catalog("fa", vec![m]));
            let back = &back.messages[0];
            prop_assert_eq!(&back.source, &xml_safe(&source));
            prop_assert_eq!(&back.translation, &xml_safe(&translation));
            prop_assert_eq!(&back.context, &xml_safe(&context));
            prop_assert_eq!(&back.notes, &vec![xml_safe(&source)]);
            prop_assert_eq!(&back.references, &vec![format!("{}:7", xml_safe(&context))]);
        }

        #[test]
        fn markdown_like_text_survives(source in "[a-z *_`\\[\\]()!<>/{}~^\\\\\n]{0,40}") {
            let segment = Segment::new(&source);
            let mut at = 0;
            for code in &segment.codes {
                prop_assert!(code.range.start >= at);
                at = code.range.end;
            }
            let m = message("a", &source, &source);
            let back = round_trip(&catalog("fa", vec![m]));
            prop_assert_eq!(&back.messages[0].source, &source);
            prop_assert_eq!(&back.messages[0].translation, &source);
        }
    }
}
