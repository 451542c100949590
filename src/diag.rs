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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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
    /// The whole file, as read (never modified).
    pub text: String,
}

impl SourceFile {
    /// Wraps a file's text; `path` is what messages will show.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
        }
    }

    /// 1-based line and column (in characters, as editors count them) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
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
        let snippet = self
            .text
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r').to_string());
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
        let path = self.path.as_ref()?.display().to_string().replace('\\', "/");
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

    /// All problems, in the order found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
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
}
