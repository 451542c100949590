//! Problems found in a project's sources, and how they are shown to authors.
//!
//! Content problems (a bad front matter key, a broken link) are collected as
//! [`Diagnostic`]s so that one run reports all of them; only failures of the
//! machine itself (a disk that cannot be written) stop a build early, as
//! `anyhow::Error`s. Keeping the two apart is what lets `build` exit 1 for
//! "your content needs fixing" and 2 for "something else went wrong".

use std::fmt;
use std::path::{Path, PathBuf};

/// Result for failures that stop the run at once (I/O, bad arguments).
pub type Result<T, E = anyhow::Error> = std::result::Result<T, E>;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Stops the build (exit code 1); nothing is written.
    Error,
    /// Reported; fails the build only with `--strict`.
    Warning,
}

/// A source text kept in memory so that problems can quote the line they are on.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Path as shown to the author: relative to the project root where possible.
    pub path: PathBuf,
    /// The whole file, as read: see [`SourceFile::text`]. Never changed in
    /// place (make a new `SourceFile` instead): where its lines start is kept.
    text: std::sync::OnceLock<String>,
    /// Where to read a text let go of, and what it held.
    released: Option<Released>,
    /// Byte offsets where lines start, found once when first needed: each
    /// problem used to scan the file from its start, so a page with
    /// thousands of problems took minutes (issue 13).
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

/// A text let go of to save memory ([`SourceFile::release`]).
#[derive(Clone, Debug)]
struct Released {
    /// The file on disk.
    file: PathBuf,
    /// Its length and hash when it was first read.
    len: usize,
    hash: u64,
}

fn text_hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

impl SourceFile {
    /// Wraps a file's text; `path` is what messages will show.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: std::sync::OnceLock::from(text.into()),
            released: None,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    /// The whole file. A text let go of is read again (and kept): a problem
    /// found in it, or a command other than the build's rendering, needs
    /// it. If the file changed since, the text is empty.
    pub fn text(&self) -> &str {
        if let Some(text) = self.text.get() {
            return text;
        }
        // A failed read is not kept: the next look reads again, and
        // `read_again` says what went wrong.
        match self.read_again() {
            Ok(text) => self.text.get_or_init(|| text.into_owned()),
            Err(_) => "",
        }
    }

    /// The same file, its text let go of: `file` is where it was read, to
    /// read it again when needed. A big site's pages are released once
    /// checked, so that the build does not hold all of its text at once.
    pub fn release(&self, file: &Path) -> SourceFile {
        let text = self.text();
        SourceFile {
            path: self.path.clone(),
            text: std::sync::OnceLock::new(),
            released: Some(Released {
                file: file.to_path_buf(),
                len: text.len(),
                hash: text_hash(text),
            }),
            line_starts: std::sync::OnceLock::new(),
        }
    }

    /// The text, read again from disk if it was let go of, without keeping
    /// it. `Err` says why it could not be: the file changed since the build
    /// read it, or cannot be read.
    pub fn read_again(&self) -> std::result::Result<std::borrow::Cow<'_, str>, String> {
        if let Some(text) = self.text.get() {
            return Ok(std::borrow::Cow::Borrowed(text));
        }
        let Some(released) = &self.released else {
            return Ok(std::borrow::Cow::Borrowed(""));
        };
        let changed = || "this file changed while it was built".to_string();
        let cannot = |err: std::io::Error| format!("cannot read this file again: {err}");
        // Looked at before opening, as when it was first read: a file
        // replaced by a named pipe would wait for ever, one replaced by a
        // huge file would be read whole.
        let meta = std::fs::metadata(&released.file).map_err(cannot)?;
        if !meta.is_file() || meta.len() != released.len as u64 {
            return Err(changed());
        }
        let file = std::fs::File::open(&released.file).map_err(cannot)?;
        let mut bytes = Vec::with_capacity(released.len);
        std::io::Read::read_to_end(
            &mut std::io::Read::take(file, released.len as u64 + 1),
            &mut bytes,
        )
        .map_err(cannot)?;
        let text = String::from_utf8(bytes).map_err(|_| changed())?;
        if text.len() != released.len || text_hash(&text) != released.hash {
            return Err(changed());
        }
        Ok(std::borrow::Cow::Owned(text))
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text().match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 1-based line and column (in characters, as editors count them) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let text = self.text();
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let starts = self.line_starts();
        let line = starts.partition_point(|&start| start <= offset);
        let line_start = starts[line - 1];
        let col = text[line_start..offset].chars().count() + 1;
        (line, col)
    }

    /// The text of 1-based line `line`, without its line end.
    fn line_text(&self, line: usize) -> Option<&str> {
        let text = self.text();
        let starts = self.line_starts();
        let start = *starts.get(line.checked_sub(1)?)?;
        if start == text.len() {
            return None; // after the last line end: no line
        }
        let end = starts.get(line).map_or(text.len(), |next| next - 1);
        Some(text[start..end].trim_end_matches('\r'))
    }

    /// A diagnostic pointing at a byte offset of this file.
    pub fn at(&self, offset: usize, severity: Severity, message: impl Into<String>) -> Diagnostic {
        let (line, col) = self.line_col(offset);
        self.at_line_col(line, col, severity, message)
    }

    /// A diagnostic pointing at a 1-based line and column of this file.
    pub fn at_line_col(
        &self,
        line: usize,
        col: usize,
        severity: Severity,
        message: impl Into<String>,
    ) -> Diagnostic {
        let snippet = self.line_text(line).map(str::to_string);
        Diagnostic {
            severity,
            path: Some(self.path.clone()),
            line: Some(line),
            col: Some(col),
            message: message.into(),
            help: None,
            snippet,
        }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One problem, with where it is and, when we know it, how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the problem is in, relative to the project root.
    pub path: Option<PathBuf>,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column in characters, when known.
    pub col: Option<usize>,
    /// What is wrong and what was expected, in plain words.
    pub message: String,
    /// A suggested fix ("did you mean `title`?").
    pub help: Option<String>,
    /// The source line the problem is on, quoted under the message.
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// A problem that belongs to a file but no particular line of it.
    pub fn in_file(path: &Path, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            path: Some(path.to_path_buf()),
            line: None,
            col: None,
            message: message.into(),
            help: None,
            snippet: None,
        }
    }

    /// Adds a suggested fix.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// `path:line:col`, as far as it is known.
    pub fn location(&self) -> Option<String> {
        let path = shown(self.path.as_ref()?);
        Some(match (self.line, self.col) {
            (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
            (Some(l), None) => format!("{path}:{l}"),
            _ => path,
        })
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let message = visible(&self.message);
        match self.location() {
            Some(loc) => write!(f, "{}: {label}: {message}", visible(&loc))?,
            None => write!(f, "{label}: {message}")?,
        }
        if let (Some(snippet), Some(line)) = (&self.snippet, self.line) {
            let gutter = line.to_string().len();
            write!(f, "\n{:gutter$} |\n{line} | {}", "", visible(snippet))?;
            if let Some(col) = self.col {
                // As wide as what is shown before the column.
                let pad: String = snippet
                    .chars()
                    .take(col.saturating_sub(1))
                    .flat_map(|c| {
                        let shown = visible(&c.to_string()).chars().count();
                        std::iter::repeat_n(if c == '\t' { '\t' } else { ' ' }, shown)
                    })
                    .collect();
                write!(f, "\n{:gutter$} | {pad}^", "")?;
            }
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {}", visible(help))?;
        }
        Ok(())
    }
}

/// A path as messages show it: its parts joined with `/`, on every
/// system. Windows writes `\` between the parts of a path it makes, so a
/// path joined from parts there (`content\demo` and `en/help.md`) would
/// show both; authors see one spelling, the one they write in pages and
/// campaign files. Only separators change: a `\` in a file name on
/// Linux or macOS stays.
pub fn shown(path: &Path) -> String {
    use std::path::Component;
    let mut out = String::new();
    // Whether the next part needs a `/` before it: not at the start, nor
    // after the root or a drive such as `C:`.
    let mut after_part = false;
    for part in path.components() {
        match part {
            Component::Prefix(prefix) => {
                out.push_str(&prefix.as_os_str().to_string_lossy());
                after_part = false;
            }
            Component::RootDir => {
                out.push('/');
                after_part = false;
            }
            other => {
                if after_part {
                    out.push('/');
                }
                out.push_str(&other.as_os_str().to_string_lossy());
                after_part = true;
            }
        }
    }
    out
}

/// Author text as it may be shown in a terminal or the preview: control
/// characters (a terminal's escape sequences among them) and the
/// direction overrides that can hide text are written as `\u{..}` codes,
/// so a file cannot colour, move or hide anything around its problem.
/// Tabs stay: the caret under a snippet lines up with them.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Every problem found in one run, in the order found.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Records a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records several problems.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(diagnostics);
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many problems of one severity there are.
    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    /// All problems, sorted by file and position so related ones stand together.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (&a.path, a.line, a.col, a.severity).cmp(&(&b.path, b.line, b.col, b.severity))
        });
        items.dedup();
        items
    }

    /// The problems to show, sorted as [`sorted`](Self::sorted) does, with
    /// at most [`SHOWN_OF_A_KIND`] of one kind per file: the rest are
    /// counted in one line after them ("… and 4,812 more like this"), so a
    /// page with thousands of the same mistake still gets a readable
    /// report (issue 13).
    pub fn shown(&self) -> Vec<Diagnostic> {
        let sorted = self.sorted();
        let kind = |d: &Diagnostic| (d.path.clone(), d.severity, kind_of(&d.message));
        let mut totals: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
        for d in &sorted {
            *totals.entry(kind(d)).or_default() += 1;
        }
        let mut seen: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
        let mut shown = Vec::new();
        for d in sorted {
            let key = kind(d);
            let n = seen.entry(key.clone()).or_default();
            *n += 1;
            if *n <= SHOWN_OF_A_KIND {
                shown.push(d.clone());
            }
            let total = totals[&key];
            if *n == SHOWN_OF_A_KIND && total > SHOWN_OF_A_KIND {
                let more = total - SHOWN_OF_A_KIND;
                shown.push(Diagnostic {
                    severity: d.severity,
                    path: d.path.clone(),
                    line: None,
                    col: None,
                    message: format!(
                        "… and {} more {} like the one above in this file",
                        thousands(more),
                        match (d.severity, more) {
                            (Severity::Error, 1) => "error",
                            (Severity::Error, _) => "errors",
                            (Severity::Warning, 1) => "warning",
                            (Severity::Warning, _) => "warnings",
                        }
                    ),
                    help: None,
                    snippet: None,
                });
            }
        }
        shown
    }

    /// All problems, in the order found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

/// `one` or `many`, whichever fits `n`.
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// How many problems of one kind one file shows before the rest are
/// counted.
pub const SHOWN_OF_A_KIND: usize = 20;

/// What kind of problem a message says: the message without the parts in
/// backticks, which quote the author's text.
fn kind_of(message: &str) -> String {
    message
        .split('`')
        .step_by(2)
        .collect::<Vec<_>>()
        .join("`…`")
}

/// `4812` as `4,812`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How a file or folder name written in a project (`audio: reading.mp3`,
/// `theme: mine`) is found among the names a folder really has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameOnDisk {
    /// A file or folder has exactly this name.
    Exact,
    /// Only one whose name differs in capital letters: its name. Windows
    /// and macOS would open it by the written name; Linux, where most
    /// sites are built and served, would not, so it is an error everywhere.
    OtherCase(String),
    /// None.
    Missing,
}

/// Looks `written` up among `names` (as `read_dir` gives them: exact on
/// every system, where a path's `exists()` is not on Windows and macOS).
pub fn name_on_disk<'a>(names: impl IntoIterator<Item = &'a str>, written: &str) -> NameOnDisk {
    let folded = written.to_lowercase();
    let mut other = None;
    for name in names {
        if name == written {
            return NameOnDisk::Exact;
        }
        if other.is_none() && name.to_lowercase() == folded {
            other = Some(name.to_string());
        }
    }
    other.map_or(NameOnDisk::Missing, NameOnDisk::OtherCase)
}

/// The message for `what` (`the recording`), written `written` but
/// named `on_disk` ([`NameOnDisk::OtherCase`]).
pub fn other_case(what: &str, written: &str, on_disk: &str) -> String {
    format!(
        "{what} `{written}` is named `{on_disk}` on disk: Windows and macOS would find it, \
         but Linux, where most sites are built and served, tells capital letters apart"
    )
}

/// The closest of `candidates` to a misspelt `word`, if one is close enough
/// to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 16: on Windows a path joined from parts showed `\` and `/`
    // mixed (`content\demo/en/help.md`).
    #[test]
    fn a_path_is_shown_with_slashes_only() {
        let joined = Path::new("content").join("demo").join("en/help.md");
        assert_eq!(shown(&joined), "content/demo/en/help.md");
        assert_eq!(shown(Path::new("/srv/site/public")), "/srv/site/public");
        assert_eq!(shown(Path::new("public/")), "public");
        assert_eq!(shown(Path::new("./public")), "./public");
        assert_eq!(shown(Path::new("")), "");
        // Linux and macOS allow `\` in a name: it is not a separator there.
        #[cfg(unix)]
        assert_eq!(shown(Path::new("odd\\name.md")), "odd\\name.md");
        #[cfg(windows)]
        {
            assert_eq!(shown(Path::new(r"C:\Users\ana\site")), "C:/Users/ana/site");
            assert_eq!(
                shown(Path::new(r"content\demo\en\x.md")),
                "content/demo/en/x.md"
            );
        }
    }

    // Issue 16: `Reading.mp3` for a file `reading.mp3` passed on Windows
    // and macOS, and the same project failed on Linux.
    #[test]
    fn a_name_is_found_exactly_or_said_to_differ_in_case() {
        let names = ["reading.mp3", "Intro.mp3", "straße.ogg"];
        let found = |written| name_on_disk(names, written);
        assert_eq!(found("reading.mp3"), NameOnDisk::Exact);
        assert_eq!(
            found("Reading.mp3"),
            NameOnDisk::OtherCase("reading.mp3".into())
        );
        assert_eq!(
            found("intro.MP3"),
            NameOnDisk::OtherCase("Intro.mp3".into())
        );
        assert_eq!(found("STRASSE.ogg"), NameOnDisk::Missing);
        assert_eq!(
            found("Straße.ogg"),
            NameOnDisk::OtherCase("straße.ogg".into())
        );
        assert_eq!(found("other.mp3"), NameOnDisk::Missing);
        // An exact name wins over one in other capitals.
        assert_eq!(name_on_disk(["A.mp3", "a.mp3"], "a.mp3"), NameOnDisk::Exact);
    }

    #[test]
    fn a_released_text_is_read_again_only_while_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("page.md");
        std::fs::write(&file, "---\ntitle: A\n---\nfirst\nsecond\n").unwrap();
        let held = SourceFile::new(
            "content/c/en/page.md",
            std::fs::read_to_string(&file).unwrap(),
        );
        let released = held.release(&file);
        assert!(released.text.get().is_none(), "the text is let go of");
        assert_eq!(released.read_again().unwrap(), held.text());
        assert!(
            released.text.get().is_none(),
            "reading for the render keeps nothing"
        );
        // A problem quotes its line, reading the text again.
        let quoting = held.release(&file);
        let d = quoting.at(held.text().find("second").unwrap(), Severity::Error, "x");
        assert_eq!(
            (d.line, d.col, d.snippet.as_deref()),
            (Some(5), Some(1), Some("second"))
        );

        // Changed since: said, not rendered from the new text.
        let changed = SourceFile::new("content/c/en/page.md", "").release(&file);
        std::fs::write(&file, "---\ntitle: A\n---\nother\n").unwrap();
        let problem = released.read_again().unwrap_err();
        assert!(problem.contains("changed while it was built"), "{problem}");
        assert!(changed.read_again().is_err());
        std::fs::remove_file(&file).unwrap();
        assert!(changed.read_again().unwrap_err().contains("cannot read"));
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("a.md", "одна\nдва три");
        // "три" starts at byte "одна\n".len() + "два ".len() = 9 + 7.
        assert_eq!(file.line_col(16), (2, 5));
        assert_eq!(file.line_col(0), (1, 1));
        // An offset inside a multi-byte character is moved back, not a panic.
        assert_eq!(file.line_col(1), (1, 1));
    }

    #[test]
    fn display_quotes_the_line_and_points_at_the_column() {
        let file = SourceFile::new("content/x/en/a.md", "---\ntitel: Hi\n---\n");
        let d = file
            .at_line_col(2, 1, Severity::Error, "unknown key `titel`")
            .with_help("did you mean `title`?");
        let text = d.to_string();
        assert!(text.starts_with("content/x/en/a.md:2:1: error: unknown key `titel`"));
        assert!(text.contains("2 | titel: Hi"));
        assert!(text.contains("= help: did you mean `title`?"));
    }

    #[test]
    fn did_you_mean_finds_typos_only() {
        let keys = ["title", "description", "weight", "draft"];
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("descripton", keys), Some("description"));
        assert_eq!(did_you_mean("colour", keys), None);
    }

    // Issue 13, item 13: a page could write terminal escape sequences
    // (colours, cursor moves, a cleared screen) into the problem report.
    #[test]
    fn control_characters_of_author_text_are_shown_not_obeyed() {
        let source = SourceFile::new(
            PathBuf::from("content/c/en/a.md"),
            "x \u{1b}[2J\u{1b}[31mred\u{202e}txt.exe\r\n".to_string(),
        );
        let d = source.at_line_col(1, 5, Severity::Error, format!("bad `{}`", "\u{1b}[2J\u{7}"));
        let shown = d.to_string();
        assert!(!shown.contains('\u{1b}'), "{shown}");
        assert!(!shown.contains('\u{7}'), "{shown}");
        assert!(!shown.contains('\u{202e}'), "{shown}");
        assert!(shown.contains("bad `\\u{1b}[2J\\u{7}`"), "{shown}");
        assert!(
            shown.contains("x \\u{1b}[2J\\u{1b}[31mred\\u{202e}txt.exe"),
            "{shown}"
        );
        // The caret stays under column 5, after the shown escape.
        let caret = shown.lines().last().unwrap();
        assert_eq!(
            caret.find('^').unwrap() - caret.find('|').unwrap() - 2,
            2 + "\\u{1b}".len() + 1
        );
    }

    #[test]
    fn a_mistake_repeated_thousands_of_times_is_shown_twenty_times_and_counted() {
        let text = "<b>x</b>\n".repeat(5000);
        let file = SourceFile::new("content/c/en/big.md", text.clone());
        let mut diags = Diagnostics::new();
        for (offset, _) in text.match_indices("<b>") {
            diags.push(file.at(offset, Severity::Warning, "raw HTML `<b>` is left out"));
        }
        diags.push(file.at(0, Severity::Error, "another kind"));
        let shown = diags.shown();
        assert_eq!(shown.len(), SHOWN_OF_A_KIND + 2);
        let last = shown.last().unwrap().to_string();
        assert_eq!(
            last,
            "content/c/en/big.md: warning: … and 4,980 more warnings like the one above in this file"
        );
        assert_eq!(diags.count(Severity::Warning), 5000);
        assert_eq!(file.line_col(text.len() - 4), (5000, 6));
        assert_eq!(file.line_text(5000), Some("<b>x</b>"));
        assert_eq!(file.line_text(5001), None);
    }
}
