//! GNU gettext PO files: [`write`] turns a [`Catalog`] into the text of a
//! `.po` (or `.pot` template) file, [`parse`] reads one back, whether
//! outreach wrote it or a translator's tool (Poedit, Weblate, msgmerge) did.
//!
//! This is the only module that knows PO syntax; the rest of the exchange
//! sees [`Message`]s. Writing is deterministic (no dates, no wrapping at a
//! width) so that an exported file diffs well in Git and exporting twice
//! changes nothing. Reading is lenient about layout, because every tool
//! lays files out its own way (strings wrapped over several lines, flag
//! lists, CRLF, a byte order mark), and strict about meaning: anything the
//! import would have to guess at is a located problem, and all problems of
//! a file are reported together so a translator fixes them in one pass.
//!
//! What a PO file can say but a [`Message`] cannot hold is dropped on
//! reading: flags other than `fuzzy`, the previous `msgctxt`, header fields
//! outreach does not use, comments on the header.

use rustc_hash::FxHashMap;

use super::{Catalog, Message};
use crate::diag::{Diagnostic, Severity, SourceFile, did_you_mean};

/// The text of a PO file holding `catalog`; a template (`.pot`) when
/// `catalog.language` is empty.
///
/// Equal catalogs give byte-identical text. Comments and notes are single
/// lines in PO, so a line break inside one starts a new comment line; a
/// reference with spaces gets its file name wrapped in Unicode isolates
/// (U+2068, U+2069) as gettext 0.22 does. A message with an empty context
/// and an empty source would read back as a header, so outreach must not
/// make one.
pub fn write(catalog: &Catalog) -> String {
    let size: usize = catalog
        .messages
        .iter()
        .map(|m| {
            160 + m.source.len()
                + m.translation.len()
                + m.notes.iter().map(String::len).sum::<usize>()
        })
        .sum();
    let mut out = String::with_capacity(size);
    write_header(&mut out, catalog);
    for message in &catalog.messages {
        out.push('\n');
        write_message(&mut out, message);
    }
    out
}

fn write_header(out: &mut String, catalog: &Catalog) {
    // xgettext marks a template's header fuzzy: its fields are not filled
    // in yet, and msginit/Poedit clear the flag when they fill them.
    if catalog.language.is_empty() {
        out.push_str("#, fuzzy\n");
    }
    // gettext's checks want the translator fields present; they stay empty
    // here (no dates: exported files must diff cleanly), and translators'
    // tools fill them in.
    let mut fields = vec![
        ("Project-Id-Version", catalog.campaign.as_str()),
        ("PO-Revision-Date", ""),
        ("Last-Translator", ""),
        ("Language-Team", ""),
        ("Language", catalog.language.as_str()),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
    ];
    if let Some(plural_forms) = &catalog.plural_forms {
        fields.push(("Plural-Forms", plural_forms));
    }
    fields.extend([
        ("X-Generator", "outreach"),
        ("X-Outreach-Campaign", catalog.campaign.as_str()),
        (
            "X-Outreach-Source-Language",
            catalog.source_language.as_str(),
        ),
    ]);
    // A line break in a value would end the field early and make the rest
    // look like a field of its own.
    let text: String = fields
        .iter()
        .map(|(name, value)| format!("{name}: {}\n", value.replace(['\n', '\r'], " ")))
        .collect();
    write_string(out, Marks::default(), "msgid", "");
    write_string(out, Marks::default(), "msgstr", &text);
}

fn write_message(out: &mut String, message: &Message) {
    for comment in &message.translator_comments {
        write_comment(out, "#", comment);
    }
    for note in &message.notes {
        write_comment(out, "#.", note);
    }
    for reference in &message.references {
        // One per line, so that a change to one reference is a one-line diff.
        if !reference.is_empty() {
            out.push_str("#: ");
            out.push_str(&isolate_reference(reference));
            out.push('\n');
        }
    }
    if message.fuzzy {
        out.push_str("#, fuzzy\n");
    }
    let marks = Marks {
        obsolete: message.obsolete,
        previous: false,
    };
    if let Some(previous) = &message.previous_source {
        let previous_marks = Marks {
            previous: true,
            ..marks
        };
        write_string(out, previous_marks, "msgid", previous);
    }
    // gettext has no way to tell an absent msgctxt from an empty one apart
    // in a `Message`, so an empty context is written as none, as xgettext does.
    if !message.context.is_empty() {
        write_string(out, marks, "msgctxt", &message.context);
    }
    write_string(out, marks, "msgid", &message.source);
    write_string(out, marks, "msgstr", &message.translation);
}

/// `#` or `#.` lines; gettext puts a space after the mark unless the
/// comment is empty, and strips one space when reading.
fn write_comment(out: &mut String, mark: &str, text: &str) {
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        out.push_str(mark);
        if !line.is_empty() {
            out.push(' ');
            out.push_str(line);
        }
        out.push('\n');
    }
}

/// gettext separates references on one `#:` line by spaces, so a file name
/// with spaces is wrapped in FSI/PDI isolates (gettext 0.22 does the same).
fn isolate_reference(reference: &str) -> String {
    let reference = reference.replace(['\n', '\r'], " ");
    if !reference.chars().any(char::is_whitespace) {
        return reference;
    }
    match reference.rsplit_once(':') {
        Some((file, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => {
            format!("\u{2068}{file}\u{2069}:{line}")
        }
        _ => format!("\u{2068}{reference}\u{2069}"),
    }
}

/// `keyword "text"`, or, when the text has a line break before its end,
/// `keyword ""` and one quoted line per line of text, as gettext lays it out.
fn write_string(out: &mut String, marks: Marks, keyword: &str, text: &str) {
    let prefix = marks.prefix();
    let inner_break = text.find('\n').is_some_and(|i| i + 1 < text.len());
    out.push_str(prefix);
    out.push_str(keyword);
    if inner_break {
        out.push_str(" \"\"\n");
        for line in text.split_inclusive('\n') {
            out.push_str(prefix);
            out.push('"');
            escape(out, line);
            out.push_str("\"\n");
        }
    } else {
        out.push_str(" \"");
        escape(out, text);
        out.push_str("\"\n");
    }
}

fn escape(out: &mut String, text: &str) {
    if !text
        .bytes()
        .any(|b| b < 0x20 || b == b'"' || b == b'\\' || b == 0x7f)
    {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            // Always three digits, so a digit after the escape is not read
            // as part of it.
            '\0'..='\u{1f}' | '\u{7f}' => out.push_str(&format!("\\{:03o}", c as u32)),
            c => out.push(c),
        }
    }
}

/// Reads a PO file: a catalog, or every problem found in it.
///
/// Header fields fill `language`, `campaign` (`X-Outreach-Campaign`),
/// `source_language` (`X-Outreach-Source-Language`) and `plural_forms`; a
/// file without a header leaves them empty. Each message's `line` is where
/// its entry starts: its first comment or keyword.
pub fn parse(file: &SourceFile) -> Result<Catalog, Vec<Diagnostic>> {
    let mut parser = Parser::new(file);
    // Notepad and some Windows tools start UTF-8 files with a byte order
    // mark; editors do not count it as a column.
    let text = file.text().strip_prefix('\u{feff}').unwrap_or(file.text());
    for (index, line) in text.split('\n').enumerate() {
        parser.line(index + 1, line.strip_suffix('\r').unwrap_or(line));
    }
    parser.finish()
}

/// The `#|` and `#~` marks a keyword or string line starts with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Marks {
    /// `#|`: the source text a fuzzy translation was made for.
    previous: bool,
    /// `#~`: an entry whose source text no longer exists.
    obsolete: bool,
}

impl Marks {
    fn prefix(self) -> &'static str {
        match (self.obsolete, self.previous) {
            (false, false) => "",
            (false, true) => "#| ",
            (true, false) => "#~ ",
            (true, true) => "#~| ",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Keyword {
    Msgctxt,
    Msgid,
    MsgidPlural,
    Msgstr,
    /// `msgstr[n]`.
    MsgstrIndexed,
}

impl Keyword {
    fn from_word(word: &str) -> Option<Keyword> {
        match word {
            "msgctxt" => Some(Keyword::Msgctxt),
            "msgid" => Some(Keyword::Msgid),
            "msgid_plural" => Some(Keyword::MsgidPlural),
            "msgstr" => Some(Keyword::Msgstr),
            _ => {
                let index = word.strip_prefix("msgstr[")?.strip_suffix(']')?;
                index.parse::<u32>().ok().map(|_| Keyword::MsgstrIndexed)
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CommentKind {
    /// `# `
    Translator,
    /// `#.`
    Note,
    /// `#:`
    References,
    /// `#,` (and the rare `#!`)
    Flags,
}

/// Where the strings after a keyword go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Context,
    Source,
    Translation,
    PreviousContext,
    PreviousSource,
    /// Read for syntax only (plural forms, `#| msgid_plural`).
    Ignored,
}

/// The keyword whose strings are being read.
struct OpenKeyword {
    line: usize,
    col: usize,
    name: String,
    marks: Marks,
    slot: Slot,
    has_text: bool,
}

/// One string value, with where each of its quoted pieces starts so that a
/// problem inside it (a header field) can point at the right line.
#[derive(Default)]
struct Field {
    line: usize,
    col: usize,
    text: String,
    /// (byte offset in `text`, line, column of the opening quote)
    pieces: Vec<(usize, usize, usize)>,
}

impl Field {
    fn at(line: usize, col: usize) -> Option<Field> {
        Some(Field {
            line,
            col,
            ..Field::default()
        })
    }

    /// Line and column of the piece holding byte `offset` of the text.
    fn position_of(&self, offset: usize) -> (usize, usize) {
        self.pieces
            .iter()
            .take_while(|(start, _, _)| *start <= offset)
            .last()
            .map_or((self.line, self.col), |&(_, line, col)| (line, col))
    }
}

/// The entry being read.
#[derive(Default)]
struct Entry {
    /// First line of the entry; 0 until something of it has been read.
    line: usize,
    translator_comments: Vec<String>,
    notes: Vec<String>,
    references: Vec<String>,
    fuzzy: bool,
    previous_context: Option<Field>,
    previous_source: Option<Field>,
    context: Option<Field>,
    source: Option<Field>,
    translation: Option<Field>,
    /// Set by the first of `msgctxt` and `msgid`.
    obsolete: Option<bool>,
    /// `msgid_plural` or `msgstr[n]` was seen (and reported).
    plural: bool,
    /// A line of the entry could not be read (and was reported), so what
    /// seems missing may be on that line: a misspelt `msgstr` is one
    /// problem, not two.
    damaged: bool,
}

impl Entry {
    /// Whether the keywords of the entry have begun, so that a comment or a
    /// second `msgid` starts the next entry.
    fn has_body(&self) -> bool {
        self.context.is_some() || self.source.is_some() || self.translation.is_some() || self.plural
    }
}

struct Parser<'a> {
    file: &'a SourceFile,
    problems: Vec<Diagnostic>,
    catalog: Catalog,
    entry: Entry,
    open: Option<OpenKeyword>,
    header_line: Option<usize>,
    /// (obsolete, context, source) → line of the entry, to find duplicates.
    /// Messages by a hash of (obsolete, context, source), to find repeats.
    seen: FxHashMap<u64, Vec<usize>>,
}

impl<'a> Parser<'a> {
    fn new(file: &'a SourceFile) -> Parser<'a> {
        Parser {
            file,
            problems: Vec::new(),
            catalog: Catalog::default(),
            entry: Entry::default(),
            open: None,
            header_line: None,
            seen: FxHashMap::default(),
        }
    }

    fn problem(&mut self, line: usize, col: usize, message: String, help: &str) {
        let diagnostic = self.file.at_line_col(line, col, Severity::Error, message);
        self.problems.push(diagnostic.with_help(help));
    }

    fn finish(mut self) -> Result<Catalog, Vec<Diagnostic>> {
        self.finish_entry();
        if self.problems.is_empty() {
            Ok(self.catalog)
        } else {
            // An entry's own problems (a missing msgstr) are only known when
            // the next one starts; sort so the list reads top to bottom.
            self.problems.sort_by_key(|d| (d.line, d.col));
            Err(self.problems)
        }
    }

    // ---- lexing: one line at a time, as PO is a line-based format ----

    fn line(&mut self, line_no: usize, line: &str) {
        // Comment lines, most of a file, need no column: read as they are.
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix('#') {
            let comment = match rest.chars().next() {
                Some('.') => Some((CommentKind::Note, strip_space(rest[1..].to_string()))),
                Some(':') => Some((CommentKind::References, rest[1..].to_string())),
                Some(',' | '!') => Some((CommentKind::Flags, rest[1..].to_string())),
                Some('~' | '|') => None,
                _ => Some((CommentKind::Translator, strip_space(rest.to_string()))),
            };
            if let Some((kind, text)) = comment {
                self.comment(line_no, kind, text);
                return;
            }
        }
        let chars: Vec<char> = line.chars().collect();
        let start = skip_blanks(&chars, 0);
        let Some(&first) = chars.get(start) else {
            return;
        };
        if first != '#' {
            self.keyword_line(line_no, &chars, start, Marks::default());
            return;
        }
        let rest = |from: usize| -> String { chars.get(from..).unwrap_or(&[]).iter().collect() };
        match chars.get(start + 1).copied() {
            Some('~') => {
                let previous = chars.get(start + 2) == Some(&'|');
                let from = skip_blanks(&chars, start + 2 + usize::from(previous));
                // Tools write a bare `#~` between obsolete entries now and
                // then; a line with no keyword or string holds nothing.
                if chars
                    .get(from)
                    .is_some_and(|&c| c == '"' || c.is_alphanumeric())
                {
                    let marks = Marks {
                        previous,
                        obsolete: true,
                    };
                    self.keyword_line(line_no, &chars, from, marks);
                }
            }
            Some('|') => {
                let from = skip_blanks(&chars, start + 2);
                let marks = Marks {
                    previous: true,
                    obsolete: false,
                };
                if from < chars.len() {
                    self.keyword_line(line_no, &chars, from, marks);
                }
            }
            Some('.') => self.comment(line_no, CommentKind::Note, strip_space(rest(start + 2))),
            Some(':') => self.comment(line_no, CommentKind::References, rest(start + 2)),
            Some(',' | '!') => self.comment(line_no, CommentKind::Flags, rest(start + 2)),
            _ => self.comment(
                line_no,
                CommentKind::Translator,
                strip_space(rest(start + 1)),
            ),
        }
    }

    /// A keyword followed by strings, or strings alone (continuation lines).
    fn keyword_line(&mut self, line_no: usize, chars: &[char], start: usize, marks: Marks) {
        let mut i = start;
        if chars.get(i).is_some_and(|c| c.is_alphanumeric()) {
            let end = (i..chars.len())
                .find(|&j| !(chars[j].is_alphanumeric() || matches!(chars[j], '_' | '[' | ']')))
                .unwrap_or(chars.len());
            let word: String = chars[i..end].iter().collect();
            match Keyword::from_word(&word) {
                Some(keyword) => self.keyword(line_no, i + 1, keyword, word, marks),
                None => {
                    self.unknown_word(line_no, chars, i, &word);
                    return;
                }
            }
            i = end;
        }
        loop {
            i = skip_blanks(chars, i);
            match chars.get(i) {
                None => return,
                Some('"') => {
                    let (text, next) = self.quoted(line_no, chars, i);
                    self.string(line_no, i + 1, text, marks);
                    i = next;
                }
                Some(_) => {
                    self.outside_quotes(line_no, chars, i);
                    return;
                }
            }
        }
    }

    fn unknown_word(&mut self, line_no: usize, chars: &[char], i: usize, word: &str) {
        self.entry.damaged = true;
        let keywords = ["msgctxt", "msgid", "msgid_plural", "msgstr"];
        match did_you_mean(word, keywords) {
            Some(keyword) => self.problem(
                line_no,
                i + 1,
                format!("unknown keyword `{word}`"),
                &format!(
                    "did you mean `{keyword}`? An entry is `msgctxt`, `msgid` and `msgstr`, \
                     each followed by a text in double quotes"
                ),
            ),
            None => self.outside_quotes(line_no, chars, i),
        }
    }

    fn outside_quotes(&mut self, line_no: usize, chars: &[char], i: usize) {
        // The rest of the line is lost, so do not report again what it
        // may have held: the keyword's text, or the keyword itself.
        self.entry.damaged = true;
        if let Some(open) = &mut self.open {
            open.has_text = true;
        }
        let mut stray: String = chars.get(i..).unwrap_or(&[]).iter().take(30).collect();
        if chars.len() > i + 30 {
            stray.push('…');
        }
        self.problem(
            line_no,
            i + 1,
            format!("text outside quotes: `{stray}`"),
            "texts in a PO file go between double quotes, as in `msgstr \"Bonjour\"`; \
             a double quote inside a text is written `\\\"`",
        );
    }

    /// The string starting at the quote `chars[open]`, unescaped, and the
    /// index after its closing quote.
    fn quoted(&mut self, line_no: usize, chars: &[char], open: usize) -> (String, usize) {
        // Most texts have no escape: taken whole.
        if let Some(j) = chars[open + 1..]
            .iter()
            .position(|&c| c == '"' || c == '\\')
            && chars[open + 1 + j] == '"'
        {
            let end = open + 1 + j;
            return (chars[open + 1..end].iter().collect(), end + 1);
        }
        let mut bytes = Vec::new();
        let mut i = open + 1;
        let end = loop {
            match chars.get(i) {
                None => {
                    self.problem(
                        line_no,
                        open + 1,
                        "this text has no closing quote".to_string(),
                        "end the text with `\"` on the same line; a text that goes on \
                         continues on the next line in quotes of its own, and a double \
                         quote inside a text is written `\\\"`",
                    );
                    break i;
                }
                Some('"') => break i + 1,
                Some('\\') => i = self.escape_sequence(line_no, chars, i, &mut bytes),
                Some(&c) => {
                    bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                    i += 1;
                }
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                self.problem(
                    line_no,
                    open + 1,
                    "the number escapes in this text (like `\\303`) do not make valid \
                     UTF-8 characters"
                        .to_string(),
                    "write the characters themselves instead of escapes",
                );
                String::from_utf8_lossy(error.as_bytes()).into_owned()
            }
        };
        (text, end)
    }

    /// Reads the escape at `chars[i] == '\\'` into `bytes`; returns the
    /// index after it.
    fn escape_sequence(
        &mut self,
        line_no: usize,
        chars: &[char],
        i: usize,
        bytes: &mut Vec<u8>,
    ) -> usize {
        let Some(&c) = chars.get(i + 1) else {
            // A backslash at the end of the line: the string is unterminated,
            // which the caller reports.
            return i + 1;
        };
        let simple = match c {
            'n' => Some(b'\n'),
            't' => Some(b'\t'),
            'r' => Some(b'\r'),
            'a' => Some(7),
            'b' => Some(8),
            'f' => Some(12),
            'v' => Some(11),
            '\\' | '"' | '\'' | '?' => Some(c as u8),
            _ => None,
        };
        if let Some(byte) = simple {
            bytes.push(byte);
            return i + 2;
        }
        let (radix, first, max) = match c {
            '0'..='7' => (8, i + 1, 3),
            'x' => (16, i + 2, 2),
            _ => (0, 0, 0),
        };
        if radix != 0 {
            let digits: String = chars
                .iter()
                .skip(first)
                .take(max)
                .take_while(|d| d.is_digit(radix))
                .collect();
            if let Ok(byte) = u8::from_str_radix(&digits, radix) {
                bytes.push(byte);
                return first + digits.chars().count();
            }
        }
        let shown: String = chars.iter().skip(i).take(2).collect();
        self.problem(
            line_no,
            i + 1,
            format!("`{shown}` is not an escape PO files know"),
            "a backslash starts an escape: `\\n` is a line break, `\\t` a tab, `\\\"` a \
             double quote; write `\\\\` for a backslash itself",
        );
        bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        i + 2
    }

    // ---- grammar: which entry each comment, keyword and string belongs to ----

    fn begin(&mut self, line: usize) {
        if self.entry.line == 0 {
            self.entry.line = line;
        }
    }

    /// Ends the strings of the open keyword, reporting a keyword without any.
    fn close_open(&mut self) {
        if let Some(open) = self.open.take()
            && !open.has_text
        {
            let name = format!("{}{}", open.marks.prefix(), open.name);
            self.problem(
                open.line,
                open.col,
                format!("`{}` has no text after it", open.name),
                &format!(
                    "write the text in double quotes after the keyword, or `{name} \"\"` \
                     if it is empty"
                ),
            );
        }
    }

    fn comment(&mut self, line: usize, kind: CommentKind, text: String) {
        self.close_open();
        if self.entry.has_body() {
            self.finish_entry();
        }
        self.begin(line);
        let entry = &mut self.entry;
        match kind {
            CommentKind::Translator => entry.translator_comments.push(text),
            CommentKind::Note => entry.notes.push(text),
            CommentKind::References => entry.references.extend(split_references(&text)),
            CommentKind::Flags => {
                entry.fuzzy |= text.split(',').any(|flag| flag.trim() == "fuzzy");
            }
        }
    }

    fn keyword(&mut self, line: usize, col: usize, keyword: Keyword, name: String, marks: Marks) {
        self.close_open();
        let slot = if marks.previous {
            self.previous_keyword(line, col, keyword, &name)
        } else {
            self.body_keyword(line, col, keyword, &name, marks)
        };
        self.open = Some(OpenKeyword {
            line,
            col,
            name,
            marks,
            slot,
            has_text: false,
        });
    }

    /// `#| msgctxt`, `#| msgid`: the start of an entry, before its keywords.
    fn previous_keyword(&mut self, line: usize, col: usize, keyword: Keyword, name: &str) -> Slot {
        if self.entry.has_body() {
            self.finish_entry();
        }
        self.begin(line);
        match keyword {
            Keyword::Msgctxt => {
                self.entry.previous_context = Field::at(line, col);
                Slot::PreviousContext
            }
            Keyword::Msgid => {
                self.entry.previous_source = Field::at(line, col);
                Slot::PreviousSource
            }
            Keyword::MsgidPlural => Slot::Ignored,
            Keyword::Msgstr | Keyword::MsgstrIndexed => {
                self.problem(
                    line,
                    col,
                    format!(
                        "`#| {name}`: a `#|` line holds the previous source text, \
                         never a translation"
                    ),
                    "delete this line; only `#| msgctxt` and `#| msgid` lines start with `#|`",
                );
                Slot::Ignored
            }
        }
    }

    fn body_keyword(
        &mut self,
        line: usize,
        col: usize,
        keyword: Keyword,
        name: &str,
        marks: Marks,
    ) -> Slot {
        match keyword {
            Keyword::Msgctxt => {
                if self.entry.has_body() {
                    self.finish_entry();
                }
                self.begin(line);
                self.entry.context = Field::at(line, col);
                self.check_obsolete(line, col, name, marks);
                Slot::Context
            }
            Keyword::Msgid => {
                let entry = &self.entry;
                if entry.source.is_some() || entry.translation.is_some() || entry.plural {
                    self.finish_entry();
                }
                self.begin(line);
                self.entry.source = Field::at(line, col);
                self.check_obsolete(line, col, name, marks);
                Slot::Source
            }
            Keyword::MsgidPlural | Keyword::MsgstrIndexed => {
                if !self.entry.plural {
                    self.problem(
                        line,
                        col,
                        format!("`{name}`: outreach's texts have no plural forms"),
                        "write the translation as one `msgstr \"…\"` after the `msgid`; \
                         if this file was not made by `outreach translate export`, export \
                         a new one and translate that",
                    );
                }
                self.begin(line);
                self.entry.plural = true;
                Slot::Ignored
            }
            Keyword::Msgstr => self.msgstr(line, col, marks),
        }
    }

    fn msgstr(&mut self, line: usize, col: usize, marks: Marks) -> Slot {
        if self.entry.translation.is_some() {
            self.problem(
                line,
                col,
                "this entry has a second `msgstr`".to_string(),
                "an entry has one `msgid` and one `msgstr`; delete one of the two \
                 translations, or add the `msgid` the second one belongs to",
            );
            return Slot::Ignored;
        }
        if self.entry.source.is_none() && !self.entry.plural {
            self.problem(
                line,
                col,
                "`msgstr` without a `msgid` before it".to_string(),
                "a translation follows the text it translates: `msgid \"…\"`, then \
                 `msgstr \"…\"`; check that the `msgid` line was not deleted",
            );
        }
        self.begin(line);
        self.entry.translation = Field::at(line, col);
        self.check_obsolete(line, col, "msgstr", marks);
        Slot::Translation
    }

    /// Every keyword of an obsolete entry starts with `#~`, or none does.
    fn check_obsolete(&mut self, line: usize, col: usize, name: &str, marks: Marks) {
        match self.entry.obsolete {
            None => self.entry.obsolete = Some(marks.obsolete),
            Some(obsolete) if obsolete != marks.obsolete => {
                let (this, other) = if marks.obsolete {
                    ("starts with `#~`", "the lines before it do not")
                } else {
                    ("does not start with `#~`", "the lines before it do")
                };
                self.problem(
                    line,
                    col,
                    format!("this `{name}` line {this}, but {other}"),
                    "every line of an obsolete entry starts with `#~`, and no line of \
                     an entry in use does; add or remove `#~` so they agree",
                );
            }
            Some(_) => {}
        }
    }

    fn string(&mut self, line: usize, col: usize, text: String, marks: Marks) {
        let Some(open) = self.open.as_mut() else {
            self.problem(
                line,
                col,
                "this text in quotes belongs to no `msgid` or `msgstr`".to_string(),
                "a line starting with a quote continues the text of the line above it; \
                 check that a keyword (`msgid`, `msgstr`) was not deleted above it",
            );
            return;
        };
        if open.marks != marks {
            let expected = match open.marks.prefix() {
                "" => "no `#` mark".to_string(),
                prefix => format!("`{}`", prefix.trim_end()),
            };
            let name = open.name.clone();
            // Report once; the keyword has its text as far as the rest of
            // the entry is concerned.
            open.has_text = true;
            self.entry.damaged = true;
            self.problem(
                line,
                col,
                format!(
                    "this line continues the `{name}` above it, so it must start \
                     with {expected} like that line"
                ),
                "the lines of one text all start the same way; fix the start of this line",
            );
            return;
        }
        open.has_text = true;
        let field = match open.slot {
            Slot::Context => self.entry.context.as_mut(),
            Slot::Source => self.entry.source.as_mut(),
            Slot::Translation => self.entry.translation.as_mut(),
            Slot::PreviousContext => self.entry.previous_context.as_mut(),
            Slot::PreviousSource => self.entry.previous_source.as_mut(),
            Slot::Ignored => None,
        };
        if let Some(field) = field {
            field.pieces.push((field.text.len(), line, col));
            field.text.push_str(&text);
        }
    }

    /// Turns the entry read so far into a message (or the header), or
    /// reports what it lacks.
    fn finish_entry(&mut self) {
        self.close_open();
        let entry = std::mem::take(&mut self.entry);
        if entry.line == 0 || entry.plural || entry.damaged {
            return;
        }
        let Some(source) = entry.source else {
            if let Some(context) = entry.context {
                self.problem(
                    context.line,
                    context.col,
                    "`msgctxt` without a `msgid` after it".to_string(),
                    "after `msgctxt \"…\"` comes the text to translate, `msgid \"…\"`, \
                     then its translation, `msgstr \"…\"`",
                );
            }
            // A `msgstr` alone was reported when read; comments alone
            // (at the end of a file) hold nothing to import.
            return;
        };
        let Some(translation) = entry.translation else {
            self.problem(
                source.line,
                source.col,
                "this entry has a `msgid` but no `msgstr`".to_string(),
                "add a line `msgstr \"\"` after the `msgid` and its continuation lines, \
                 even if the text is not translated yet",
            );
            return;
        };
        let obsolete = entry.obsolete.unwrap_or(false);
        if !obsolete && entry.context.is_none() && source.text.is_empty() {
            self.header(&translation, entry.line);
            return;
        }
        let context = entry.context.map(|c| c.text).unwrap_or_default();
        // Entries are found again by a hash of their key, then compared,
        // rather than by copies of their texts (files hold tens of thousands).
        let hash = {
            use std::hash::{Hash, Hasher};
            let mut h = rustc_hash::FxHasher::default();
            (obsolete, &context, &source.text).hash(&mut h);
            h.finish()
        };
        let messages = &self.catalog.messages;
        let same = self.seen.get(&hash).and_then(|indices| {
            indices
                .iter()
                .map(|&i| &messages[i])
                .find(|m| m.obsolete == obsolete && m.context == context && m.source == source.text)
        });
        if let Some(first) = same {
            let first = first.line;
            self.problem(
                source.line,
                source.col,
                format!(
                    "this entry repeats the one on line {first}: same `msgctxt` and same `msgid`"
                ),
                "delete one of the two entries, keeping the translation you want",
            );
            return;
        }
        self.seen
            .entry(hash)
            .or_default()
            .push(self.catalog.messages.len());
        self.catalog.messages.push(Message {
            context,
            source: source.text,
            translation: translation.text,
            fuzzy: entry.fuzzy,
            previous_source: entry.previous_source.map(|p| p.text),
            notes: entry.notes,
            references: entry.references,
            translator_comments: entry.translator_comments,
            obsolete,
            line: entry.line,
        });
    }

    /// The entry with an empty `msgid`: one `Name: value` field a line.
    fn header(&mut self, fields: &Field, line: usize) {
        if let Some(first) = self.header_line {
            self.problem(
                line,
                1,
                format!("a second header entry (`msgid \"\"`); the first is on line {first}"),
                "a PO file has one header, and no other entry has an empty `msgid`; \
                 delete this entry or merge its fields into the first header",
            );
            return;
        }
        self.header_line = Some(line);
        let mut offset = 0;
        for field in fields.text.split('\n') {
            let field_offset = offset;
            offset += field.len() + 1;
            let Some((name, value)) = field.split_once(':') else {
                continue;
            };
            let value = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "language" => self.catalog.language = value,
                "x-outreach-campaign" => self.catalog.campaign = value,
                "x-outreach-source-language" => self.catalog.source_language = value,
                "plural-forms" => self.catalog.plural_forms = Some(value),
                "content-type" => {
                    let (line, col) = fields.position_of(field_offset);
                    self.check_charset(&value, line, col);
                }
                _ => {}
            }
        }
    }

    fn check_charset(&mut self, content_type: &str, line: usize, col: usize) {
        let lower = content_type.to_ascii_lowercase();
        let Some(at) = lower.find("charset=") else {
            return;
        };
        let charset = content_type[at + "charset=".len()..]
            .split(|c: char| c == ';' || c.is_whitespace())
            .next()
            .unwrap_or("")
            .trim_matches('"');
        // `CHARSET` is xgettext's placeholder in a template nobody has
        // saved yet; the text has been read as UTF-8 already.
        let known = ["utf-8", "utf8", "charset"];
        if !known.contains(&charset.to_ascii_lowercase().as_str()) {
            self.problem(
                line,
                col,
                format!(
                    "this file says its text is in `{charset}`, but outreach reads \
                     PO files only as UTF-8"
                ),
                "save the file as UTF-8 in your editor and change this header line to \
                 `Content-Type: text/plain; charset=UTF-8`",
            );
        }
    }
}

fn skip_blanks(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

/// gettext puts one space after a comment mark and takes it off again.
fn strip_space(text: String) -> String {
    match text.strip_prefix(' ') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// The references of a `#:` line: separated by spaces, except inside the
/// isolates gettext puts around a file name with spaces.
fn split_references(text: &str) -> Vec<String> {
    if !text.contains('\u{2068}') {
        return text.split_whitespace().map(str::to_string).collect();
    }
    let mut references = Vec::new();
    let mut current = String::new();
    let mut isolated = false;
    for c in text.chars() {
        match c {
            '\u{2068}' => isolated = true,
            '\u{2069}' => isolated = false,
            c if c.is_whitespace() && !isolated => {
                if !current.is_empty() {
                    references.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        references.push(current);
    }
    references
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn read(text: &str) -> Catalog {
        match parse(&SourceFile::new("translations/c/fr.po", text)) {
            Ok(catalog) => catalog,
            Err(problems) => panic!(
                "unexpected problems:\n{}",
                problems
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    }

    fn problems(text: &str) -> Vec<Diagnostic> {
        match parse(&SourceFile::new("translations/c/fr.po", text)) {
            Ok(catalog) => panic!("expected problems, got {catalog:?}"),
            Err(problems) => problems,
        }
    }

    /// `(line, message)` of each problem, for compact assertions.
    fn lines_and_messages(text: &str) -> Vec<(usize, String)> {
        problems(text)
            .into_iter()
            .map(|p| (p.line.unwrap_or(0), p.message))
            .collect()
    }

    fn without_lines(mut catalog: Catalog) -> Catalog {
        for message in &mut catalog.messages {
            message.line = 0;
        }
        catalog
    }

    fn message(context: &str, source: &str, translation: &str) -> Message {
        Message::new(context, source, translation)
    }

    fn small_catalog() -> Catalog {
        Catalog {
            campaign: "safe-work".to_string(),
            source_language: "en".to_string(),
            language: "fr".to_string(),
            plural_forms: Some("nplurals=2; plural=(n > 1);".to_string()),
            messages: vec![
                Message {
                    notes: vec!["heading".to_string()],
                    references: vec!["content/safe-work/en/index.md:1".to_string()],
                    ..message("index", "Know your rights", "Connaître vos droits")
                },
                Message {
                    translator_comments: vec!["checked with Amira".to_string()],
                    notes: vec!["paragraph".to_string()],
                    references: vec![
                        "content/safe-work/en/index.md:3".to_string(),
                        "content/safe-work/en/help.md:7".to_string(),
                    ],
                    fuzzy: true,
                    previous_source: Some("Call us.\nWe listen.".to_string()),
                    ..message(
                        "index",
                        "Call us *today*.\nWe \"listen\".",
                        "Appelez-nous.\nNous écoutons.",
                    )
                },
                Message {
                    obsolete: true,
                    previous_source: Some("Old".to_string()),
                    fuzzy: true,
                    ..message("campaign", "Older", "Plus ancien")
                },
            ],
        }
    }

    const SMALL_CATALOG_PO: &str = r#"msgid ""
msgstr ""
"Project-Id-Version: safe-work\n"
"PO-Revision-Date: \n"
"Last-Translator: \n"
"Language-Team: \n"
"Language: fr\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"
"X-Generator: outreach\n"
"X-Outreach-Campaign: safe-work\n"
"X-Outreach-Source-Language: en\n"

#. heading
#: content/safe-work/en/index.md:1
msgctxt "index"
msgid "Know your rights"
msgstr "Connaître vos droits"

# checked with Amira
#. paragraph
#: content/safe-work/en/index.md:3
#: content/safe-work/en/help.md:7
#, fuzzy
#| msgid ""
#| "Call us.\n"
#| "We listen."
msgctxt "index"
msgid ""
"Call us *today*.\n"
"We \"listen\"."
msgstr ""
"Appelez-nous.\n"
"Nous écoutons."

#, fuzzy
#~| msgid "Old"
#~ msgctxt "campaign"
#~ msgid "Older"
#~ msgstr "Plus ancien"
"#;

    #[test]
    fn writes_a_small_catalog_exactly() {
        assert_eq!(write(&small_catalog()), SMALL_CATALOG_PO);
    }

    #[test]
    fn reads_back_what_it_writes() {
        let catalog = small_catalog();
        let read_back = read(&write(&catalog));
        assert_eq!(without_lines(read_back.clone()), catalog);
        let lines: Vec<usize> = read_back.messages.iter().map(|m| m.line).collect();
        assert_eq!(lines, [16, 22, 38]);
    }

    #[test]
    fn a_template_has_a_fuzzy_header_and_an_empty_language() {
        let catalog = Catalog {
            campaign: "safe-work".to_string(),
            source_language: "en".to_string(),
            messages: vec![message("index", "Hello", "")],
            ..Catalog::default()
        };
        let text = write(&catalog);
        assert!(text.starts_with("#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n"));
        assert!(text.contains("\"Language: \\n\"\n"));
        assert!(!text.contains("Plural-Forms"));
        assert_eq!(without_lines(read(&text)), catalog);
    }

    #[test]
    fn round_trip_keeps_hard_texts() {
        let catalog = Catalog {
            campaign: "c".to_string(),
            source_language: "en".to_string(),
            language: "ar".to_string(),
            plural_forms: None,
            messages: vec![
                message("a", "line one\nline two\n", "سطر واحد\nسطران\n"),
                message(
                    "a",
                    "\"quoted\" and \\backslash\\ and\ttab",
                    "«цитата» \\ \t",
                ),
                message("a", "\n\nblank lines\n\n", "\n"),
                message("a", "bell\u{7} nul\0 esc\u{1b}1 del\u{7f} cr\r", "x"),
                message("b", "Привет, мир", "مرحبا بالعالم"),
                message("", "no context", ""),
                Message {
                    translator_comments: vec![String::new(), "  indented".to_string()],
                    notes: vec![String::new(), ".dot".to_string()],
                    references: vec!["content/with space/a b.md:4".to_string()],
                    fuzzy: true,
                    previous_source: Some("was\n\"this\"\n".to_string()),
                    ..message("c", "is", "est")
                },
                Message {
                    obsolete: true,
                    previous_source: Some("gone\nfor good".to_string()),
                    ..message("", "", "multi\nline")
                },
            ],
        };
        assert_eq!(without_lines(read(&write(&catalog))), catalog);
    }

    #[test]
    fn a_text_with_line_breaks_is_one_quoted_line_per_line() {
        let mut out = String::new();
        write_string(&mut out, Marks::default(), "msgid", "a\n\nb");
        assert_eq!(out, "msgid \"\"\n\"a\\n\"\n\"\\n\"\n\"b\"\n");
        out.clear();
        write_string(&mut out, Marks::default(), "msgid", "ends with a break\n");
        assert_eq!(out, "msgid \"ends with a break\\n\"\n");
        out.clear();
        let obsolete = Marks {
            obsolete: true,
            previous: false,
        };
        write_string(&mut out, obsolete, "msgstr", "a\nb");
        assert_eq!(out, "#~ msgstr \"\"\n#~ \"a\\n\"\n#~ \"b\"\n");
    }

    #[test]
    fn escapes_control_characters() {
        let mut out = String::new();
        escape(&mut out, "\u{1}2\u{7}\u{8}\u{c}\u{b}\u{1f}\u{7f}é");
        assert_eq!(out, "\\0012\\a\\b\\f\\v\\037\\177é");
        let catalog = read("msgid \"\\a\\b\\f\\v\\?\\'\\x41\\101\\0\\303\\251\"\nmsgstr \"\"\n");
        assert_eq!(catalog.messages[0].source, "\u{7}\u{8}\u{c}\u{b}?'AA\0é");
    }

    /// As msgmerge, Poedit and Weblate write files: wrapped strings, flag
    /// lists, `#|` context, obsolete entries with `#~|`, several references
    /// on one line, CRLF line ends and a byte order mark.
    const TOOL_OUTPUT: &str = "\u{feff}# French translation of the safe-work campaign.\r
# Amira <amira@example.org>, 2025.\r
#\r
msgid \"\"\r
msgstr \"\"\r
\"Project-Id-Version: safe-work\\n\"\r
\"PO-Revision-Date: 2025-03-01 10:00+0100\\n\"\r
\"Last-Translator: Amira <amira@example.org>\\n\"\r
\"Language-Team: French\\n\"\r
\"Language: fr\\n\"\r
\"MIME-Version: 1.0\\n\"\r
\"Content-Type: text/plain; charset=UTF-8\\n\"\r
\"Content-Transfer-Encoding: 8bit\\n\"\r
\"Plural-Forms: nplurals=2; plural=(n > 1);\\n\"\r
\"X-Generator: Poedit 3.4\\n\"\r
\"X-Outreach-Campaign: safe-work\\n\"\r
\"X-Outreach-Source-Language: en\\n\"\r
\r
#. paragraph\r
#: content/safe-work/en/index.md:3 content/safe-work/en/help.md:7\r
#, fuzzy, c-format, no-wrap\r
#| msgctxt \"home\"\r
#| msgid \"\"\r
#| \"If you are hurt at work, \"\r
#| \"call us.\"\r
msgctxt \"index\"\r
msgid \"\"\r
\"If you are hurt at work, call \"\r
\"us today.\"\r
msgstr \"\"\r
\"Si vous êtes blessé au travail, \"\r
\"appelez-nous aujourd'hui.\"\r
\r
# a translator's own note\r
msgid \"No context\"\r
msgstr \"Sans contexte\"\r
\r
# kept for later\r
#, fuzzy\r
#~| msgid \"Old \"\r
#~| \"text\"\r
#~ msgctxt \"index\"\r
#~ msgid \"Older \"\r
#~ \"text\"\r
#~ msgstr \"Texte \"\r
#~ \"ancien\"\r
";

    #[test]
    fn reads_what_translation_tools_write() {
        let catalog = read(TOOL_OUTPUT);
        assert_eq!(catalog.campaign, "safe-work");
        assert_eq!(catalog.source_language, "en");
        assert_eq!(catalog.language, "fr");
        assert_eq!(
            catalog.plural_forms.as_deref(),
            Some("nplurals=2; plural=(n > 1);")
        );
        let expected = vec![
            Message {
                notes: vec!["paragraph".to_string()],
                references: vec![
                    "content/safe-work/en/index.md:3".to_string(),
                    "content/safe-work/en/help.md:7".to_string(),
                ],
                fuzzy: true,
                previous_source: Some("If you are hurt at work, call us.".to_string()),
                line: 19,
                ..message(
                    "index",
                    "If you are hurt at work, call us today.",
                    "Si vous êtes blessé au travail, appelez-nous aujourd'hui.",
                )
            },
            Message {
                translator_comments: vec!["a translator's own note".to_string()],
                line: 34,
                ..message("", "No context", "Sans contexte")
            },
            Message {
                translator_comments: vec!["kept for later".to_string()],
                fuzzy: true,
                previous_source: Some("Old text".to_string()),
                obsolete: true,
                line: 38,
                ..message("index", "Older text", "Texte ancien")
            },
        ];
        assert_eq!(catalog.messages, expected);
    }

    #[test]
    fn a_file_without_header_is_allowed() {
        let catalog = read("msgid \"Hi\"\nmsgstr \"Salut\"\n");
        assert_eq!(catalog.language, "");
        assert_eq!(catalog.campaign, "");
        assert_eq!(catalog.plural_forms, None);
        assert_eq!(catalog.messages.len(), 1);
        assert_eq!(catalog.messages[0].line, 1);
    }

    #[test]
    fn reads_keyword_and_text_laid_out_loosely() {
        let catalog = read(
            "  msgid   \"a\" \"b\"  \n#~\n\tmsgstr\n\"c\"\n#~ msgid \"x\"\n#~msgstr \"y\"\n#|\n",
        );
        assert_eq!(catalog.messages[0].source, "ab");
        assert_eq!(catalog.messages[0].translation, "c");
        assert!(catalog.messages[1].obsolete);
        assert_eq!(catalog.messages[1].translation, "y");
    }

    #[test]
    fn reports_an_unterminated_string() {
        assert_eq!(
            lines_and_messages("msgid \"a\"\nmsgstr \"b\n"),
            [(2, "this text has no closing quote".to_string())]
        );
        // A backslash at the end does not close the text either.
        let problems = problems("msgid \"a\\\"\nmsgstr \"\"\n");
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].col), (Some(1), Some(7)));
    }

    #[test]
    fn reports_an_unknown_escape() {
        let problems = problems("msgid \"a\"\nmsgstr \"C:\\dossier\"\n");
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].col), (Some(2), Some(11)));
        assert_eq!(problems[0].message, "`\\d` is not an escape PO files know");
    }

    #[test]
    fn reports_text_outside_quotes() {
        let problems = problems("msgid \"a\"\nmsgstr \"Il a dit \"oui\"\"\n");
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].col), (Some(2), Some(19)));
        assert_eq!(problems[0].message, "text outside quotes: `oui\"\"`");
        assert_eq!(
            lines_and_messages("msgid \"a\"\nmsgstr \"b\"\nBonjour\n"),
            [(3, "text outside quotes: `Bonjour`".to_string())]
        );
    }

    #[test]
    fn suggests_a_misspelt_keyword() {
        let problems = problems("msgid \"a\"\nmsgstring \"b\"\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
        assert_eq!(problems[0].message, "unknown keyword `msgstring`");
        assert!(problems[0].help.as_deref().unwrap().contains("`msgstr`"));
    }

    #[test]
    fn reports_a_msgid_without_msgstr() {
        assert_eq!(
            lines_and_messages("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"\"\n\n#. note\nmsgid \"c\"\n"),
            [
                (1, "this entry has a `msgid` but no `msgstr`".to_string()),
                (7, "this entry has a `msgid` but no `msgstr`".to_string()),
            ]
        );
    }

    #[test]
    fn reports_a_keyword_without_text_and_stray_strings() {
        assert_eq!(
            lines_and_messages(
                "msgid \"a\"\nmsgstr\n\n# note\n\"lost\"\nmsgid \"b\"\nmsgstr \"\"\n"
            ),
            [
                (2, "`msgstr` has no text after it".to_string()),
                (
                    5,
                    "this text in quotes belongs to no `msgid` or `msgstr`".to_string()
                ),
            ]
        );
    }

    #[test]
    fn refuses_plural_forms() {
        let text = r#"msgid "one file"
msgid_plural "%d files"
msgstr[0] "un"
msgstr[1] "des"

msgid "x"
msgstr "y"
"#;
        let problems = problems(text);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
        assert!(problems[0].message.contains("no plural forms"));
    }

    #[test]
    fn reports_the_same_entry_twice() {
        let text = r#"msgctxt "a"
msgid "x"
msgstr "1"

msgctxt "b"
msgid "x"
msgstr "2"

msgctxt "a"
msgid "x"
msgstr "3"
"#;
        assert_eq!(
            lines_and_messages(text),
            [(
                10,
                "this entry repeats the one on line 1: same `msgctxt` and same `msgid`".to_string()
            )]
        );
    }

    #[test]
    fn reports_entries_put_together_wrongly() {
        let text = r#"msgid ""
msgstr "Language: fr\n"

msgctxt "a"

msgstr "orphan"

msgid "b"
msgstr "1"
msgstr "2"

#~ msgid "c"
msgstr "3"

#~ msgid "d"
"4"
#~ msgstr ""

#| msgstr "e"
msgid "e"
msgstr ""

msgid ""
msgstr "Language: de\n"
"#;
        let found = lines_and_messages(text);
        let expected = [
            (4, "`msgctxt` without a `msgid` after it"),
            (6, "`msgstr` without a `msgid` before it"),
            (10, "this entry has a second `msgstr`"),
            (
                13,
                "this `msgstr` line does not start with `#~`, but the lines before it do",
            ),
            (
                16,
                "this line continues the `msgid` above it, so it must start with `#~` like \
                 that line",
            ),
            (
                19,
                "`#| msgstr`: a `#|` line holds the previous source text, never a translation",
            ),
            (
                23,
                "a second header entry (`msgid \"\"`); the first is on line 1",
            ),
        ];
        let expected: Vec<(usize, String)> =
            expected.iter().map(|(l, m)| (*l, m.to_string())).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn refuses_a_charset_other_than_utf8() {
        let text = r#"msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=ISO-8859-1\n"
"#;
        let problems = problems(text);
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].col), (Some(4), Some(1)));
        assert!(problems[0].message.contains("`ISO-8859-1`"));
        // xgettext's placeholder and other spellings of UTF-8 are fine.
        read("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=CHARSET\\n\"\n");
        read("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=utf8\\n\"\n");
    }

    #[test]
    fn reports_every_problem_with_its_place_and_a_fix() {
        let text = "msgid \"a\"\nmsgstr \"\\q\"\n\nmsgid \"b\n\nmsgid \"c\"\n";
        let problems = problems(text);
        let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(2), Some(4), Some(4), Some(6)]);
        for problem in &problems {
            assert!(problem.help.is_some(), "{problem}");
            assert!(problem.snippet.is_some(), "{problem}");
        }
        assert!(
            problems[0]
                .to_string()
                .starts_with("translations/c/fr.po:2:9: error: `\\q` is not an escape")
        );
    }

    #[test]
    fn columns_ignore_the_byte_order_mark() {
        let problems = problems("\u{feff}msgid \"a\" x\nmsgstr \"\"\n");
        assert_eq!((problems[0].line, problems[0].col), (Some(1), Some(11)));
    }

    #[test]
    fn truncated_files_do_not_panic() {
        let text = write(&small_catalog());
        for (end, _) in text.char_indices() {
            let _ = parse(&SourceFile::new("x.po", &text[..end]));
        }
        for (end, _) in TOOL_OUTPUT.char_indices() {
            let _ = parse(&SourceFile::new("x.po", &TOOL_OUTPUT[..end]));
        }
    }

    /// What gettext itself says about our output: `msgfmt --check` accepts
    /// it and `msgcat` reads the same messages. Skipped where gettext is not
    /// installed.
    #[test]
    fn gettext_tools_accept_the_output() {
        use std::process::Command;
        if Command::new("msgfmt").arg("--version").output().is_err() {
            eprintln!("msgfmt not found; skipping");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let mut template = small_catalog();
        template.language.clear();
        template.plural_forms = None;
        let mut hard = small_catalog();
        // Before the obsolete message: msgcat moves obsolete ones last.
        let more = [
            message("x", "tab\there \\ \"q\"\n\nend\u{1}", "fin"),
            message("", "Привет", "مرحبا"),
        ];
        hard.messages.splice(2..2, more);
        for (name, catalog) in [("t.pot", template), ("fr.po", hard)] {
            let path = dir.path().join(name);
            std::fs::write(&path, write(&catalog)).unwrap();
            let check = Command::new("msgfmt")
                .args(["--check", "-o"])
                .arg(dir.path().join("out.mo"))
                .arg(&path)
                .output()
                .unwrap();
            assert!(
                check.status.success(),
                "{}",
                String::from_utf8_lossy(&check.stderr)
            );
            let cat = Command::new("msgcat").arg(&path).output().unwrap();
            assert!(cat.status.success());
            let again = read(&String::from_utf8(cat.stdout).unwrap());
            assert_eq!(without_lines(again), catalog);
        }
    }

    fn arbitrary_message() -> impl Strategy<Value = Message> {
        let comment = "[^\n\r]{0,12}";
        (
            ("[a-z/-]{0,8}", any::<String>(), any::<String>()),
            (any::<bool>(), proptest::option::of(any::<String>())),
            proptest::collection::vec(comment, 0..3),
            proptest::collection::vec("[a-z /.]{1,12}(:[0-9]{1,3})?", 0..3),
            proptest::collection::vec(comment, 0..3),
            any::<bool>(),
        )
            .prop_map(
                |(
                    (context, source, translation),
                    (fuzzy, previous_source),
                    notes,
                    references,
                    translator_comments,
                    obsolete,
                )| {
                    Message {
                        context,
                        source,
                        translation,
                        fuzzy,
                        previous_source,
                        notes,
                        references,
                        translator_comments,
                        obsolete,
                        line: 0,
                    }
                },
            )
    }

    fn arbitrary_catalog() -> impl Strategy<Value = Catalog> {
        (
            "[a-z0-9-]{0,10}",
            "[a-z]{2}",
            "([a-z]{2}(-[A-Z]{2})?)?",
            proptest::option::of("nplurals=[1-6]; plural=\\(n != 1\\);"),
            proptest::collection::vec(arbitrary_message(), 0..6),
        )
            .prop_map(
                |(campaign, source_language, language, plural_forms, messages)| {
                    let mut seen = std::collections::HashSet::new();
                    let messages = messages
                        .into_iter()
                        // An empty context and source is the header's key, and
                        // a file holds each (context, source) once.
                        .filter(|m| m.obsolete || !m.context.is_empty() || !m.source.is_empty())
                        .filter(|m| seen.insert((m.obsolete, m.context.clone(), m.source.clone())))
                        .collect();
                    Catalog {
                        campaign,
                        source_language,
                        language,
                        plural_forms,
                        messages,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn parse_of_write_is_the_catalog(catalog in arbitrary_catalog()) {
            let text = write(&catalog);
            let read_back = parse(&SourceFile::new("x.po", text.as_str()))
                .map_err(|p| format!("{p:?}\n{text}"));
            prop_assert_eq!(read_back.map(without_lines), Ok(catalog));
        }

        #[test]
        fn parse_never_panics(text in any::<String>()) {
            let _ = parse(&SourceFile::new("x.po", text));
        }

        #[test]
        fn parse_never_panics_on_po_like_text(
            text in "([#~|.:, \"\\\\a-z0-7\\[\\]\r\n\t\u{feff}é]|msgid|msgstr|msgctxt|\\\\x){0,80}"
        ) {
            let _ = parse(&SourceFile::new("x.po", text));
        }
    }
}
