//! Front matter: the YAML between the `---` lines at the top of a page.

use serde::Deserialize;

use crate::diag::{Diagnostic, Severity, SourceFile};

/// Front matter as written. Unknown keys are errors, so a typo such as
/// `titel` is caught instead of silently ignored.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The page title (required): the `h1`, the browser tab, link previews.
    pub title: String,
    /// One sentence for search engines and link previews.
    #[serde(default)]
    pub description: Option<String>,
    /// Order in navigation: lower first.
    #[serde(default)]
    pub weight: Option<i64>,
    /// A draft is not built.
    #[serde(default)]
    pub draft: bool,
    /// A translator's note, such as `needed` while no native speaker has reviewed the page.
    #[serde(default)]
    pub review: Option<String>,
    /// Written by `outreach stamp`: which version of the default-language
    /// page this translation was made from.
    #[serde(default)]
    pub source_hash: Option<String>,
    /// Show only the help contacts for this country (ISO 3166 code, e.g. `RS`).
    #[serde(default)]
    pub country: Option<String>,
    /// A recorded reading of the page: a file name next to the page
    /// (`reading.mp3`). A file name, not text: never translated.
    #[serde(default)]
    pub audio: Option<String>,
    /// Leaflets: the picture on the cover, under the title, written as a
    /// picture in the text is (`../images/road.jpg`).
    #[serde(default)]
    pub cover_image: Option<String>,
    /// Leaflets: what the cover picture shows, for screen readers (`""`
    /// for decoration).
    #[serde(default)]
    pub cover_alt: Option<String>,
}

/// Where the front matter and the body are in a page's text.
#[derive(Debug, PartialEq)]
pub struct Split<'a> {
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// 1-based line of the YAML's first line in the file.
    pub yaml_line: usize,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
}

/// Finds the front matter fences. A page must start with `---` (an empty
/// line or a byte-order mark before it is allowed) and the block must end
/// with a line `---`.
pub fn split(source: &SourceFile) -> Result<Split<'_>, Diagnostic> {
    let text = source.text();
    let start = text.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let mut lines = LineIter { text, pos: start };
    let first = loop {
        match lines.next() {
            Some((_, line)) if line.trim().is_empty() => continue,
            other => break other,
        }
    };
    let Some((first_at, first)) = first else {
        return Err(Diagnostic::in_file(
            &source.path,
            Severity::Error,
            "the page is empty: it needs front matter with at least a title",
        )
        .with_help("start the file with:\n---\ntitle: \"The page title\"\n---"));
    };
    if first.trim_end() != "---" {
        return Err(source
            .at(
                first_at,
                Severity::Error,
                "the page does not start with front matter (a line `---`)",
            )
            .with_help("start the file with:\n---\ntitle: \"The page title\"\n---"));
    }
    let yaml_from = lines.pos;
    for (at, line) in lines.by_ref() {
        if line.trim_end() == "---" {
            // Counted here rather than with `source.line_col`, which
            // indexes every line of the file and keeps the index: 8 bytes a
            // line for each page, a sixth of a big build's memory.
            let yaml_line = 1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..yaml_from]).count();
            return Ok(Split {
                yaml: &text[yaml_from..at],
                yaml_line,
                body_start: lines.pos,
            });
        }
    }
    Err(source
        .at(
            first_at,
            Severity::Error,
            "the front matter that starts here is never closed",
        )
        .with_help("add a line `---` after the last front matter line"))
}

/// Lines with the byte offset each starts at; `pos` is where the next begins.
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let start = self.pos;
        let (line, advance) = match rest.find('\n') {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        Some((start, line.strip_suffix('\r').unwrap_or(line)))
    }
}

/// Splits and parses the front matter of a page.
pub fn parse(source: &SourceFile) -> Result<(FrontMatter, usize), Diagnostic> {
    let split = split(source)?;
    if split.yaml.trim().is_empty() {
        return Err(source
            .at_line_col(
                split.yaml_line,
                1,
                Severity::Error,
                "the front matter is empty: `title` is required",
            )
            .with_help("add a line `title: \"The page title\"`"));
    }
    let front: FrontMatter = match plain(split.yaml) {
        Some(front) => front,
        None => super::yaml::parse(source, split.yaml, split.yaml_line)
            .map_err(|d| indented_key(source, split.yaml, split.yaml_line).unwrap_or(d))?,
    };
    if front.title.trim().is_empty() {
        return Err(source
            .at_line_col(split.yaml_line, 1, Severity::Error, "`title` is empty")
            .with_help("write the page title after `title:`"));
    }
    Ok((front, split.body_start))
}

/// Front matter read without the YAML parser, when every line is one of
/// the keys written once with a value whose meaning cannot be in doubt:
/// double or single quotes without escapes, or plain words; a whole
/// number for `weight`, `true` or `false` for `draft`. Anything else
/// (comments, lists, values over several lines, `yes`, escapes, a typo in
/// a key) is `None`, and the YAML parser reads it and says what is wrong.
/// A page's front matter is a few short lines, but parsing it with the
/// full parser took a twentieth of a big build (issue 14).
fn plain(yaml: &str) -> Option<FrontMatter> {
    let mut front = FrontMatter {
        title: String::new(),
        description: None,
        weight: None,
        draft: false,
        review: None,
        source_hash: None,
        country: None,
        audio: None,
        cover_image: None,
        cover_alt: None,
    };
    let mut seen = [false; 8];
    for line in yaml.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let (key, value) = line.split_once(": ")?;
        let value = value.trim_matches(' ');
        let index = match key {
            "title" => 0,
            "description" => 1,
            "weight" => 2,
            "draft" => 3,
            "review" => 4,
            "source_hash" => 5,
            "country" => 6,
            "audio" => 7,
            _ => return None,
        };
        if std::mem::replace(&mut seen[index], true) {
            return None;
        }
        match index {
            2 => {
                let digits = value.strip_prefix('-').unwrap_or(value);
                let canonical = !digits.is_empty()
                    && digits.bytes().all(|b| b.is_ascii_digit())
                    && (digits == "0" || !digits.starts_with('0'));
                front.weight = Some(value.parse().ok().filter(|_| canonical)?);
            }
            3 => {
                front.draft = match value {
                    "true" => true,
                    "false" => false,
                    _ => return None,
                }
            }
            _ => {
                let text = plain_string(value)?.to_string();
                match index {
                    0 => front.title = text,
                    1 => front.description = Some(text),
                    4 => front.review = Some(text),
                    5 => front.source_hash = Some(text),
                    6 => front.country = Some(text),
                    _ => front.audio = Some(text),
                }
            }
        }
    }
    seen[0].then_some(front)
}

/// A one-line YAML string that means exactly its characters: quoted
/// without escapes or quotes inside, or plain text that starts with a
/// letter, has no `: `, ` #`, quotes, backslash or control character (a
/// tab, a stray carriage return), and is not a word
/// YAML reads as something else (`yes`, `null`, `true` …).
pub(crate) fn plain_string(value: &str) -> Option<&str> {
    let quoted = |q: char| {
        value.strip_prefix(q)?.strip_suffix(q).filter(|inner| {
            !inner.contains(q) && !inner.contains('\\') && !inner.contains(char::is_control)
        })
    };
    if let Some(inner) = quoted('"').or_else(|| quoted('\'')) {
        return Some(inner);
    }
    let starts_with_letter = value.chars().next().is_some_and(char::is_alphabetic);
    let special = ["yes", "no", "on", "off", "y", "n", "true", "false", "null"]
        .iter()
        .any(|word| value.eq_ignore_ascii_case(word));
    let plain = starts_with_letter
        && !special
        && !value.ends_with(':')
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.contains(['"', '\'', '\\'])
        && !value.contains(char::is_control);
    plain.then_some(value)
}

/// A key written with spaces before it after a one-line value: YAML reads
/// it as more of that value and reports the line above in its own terms
/// (issue 18), so the problem is said at the indented line instead.
fn indented_key(source: &SourceFile, yaml: &str, first_line: usize) -> Option<Diagnostic> {
    let lines: Vec<&str> = yaml.lines().collect();
    for (i, pair) in lines.windows(2).enumerate() {
        let (above, line) = (pair[0], pair[1]);
        let value = above.split_once(':').map(|(_, v)| v.trim()).unwrap_or("");
        let continues = value.is_empty() || value.starts_with(['|', '>', '"', '\'']);
        let indent = line.len() - line.trim_start().len();
        let looks_like_key = line.trim_start().split_once(':').is_some_and(|(k, _)| {
            !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        let tabbed = line[..indent].contains('\t');
        if indent > 0 && !above.starts_with([' ', '\t']) && !continues && looks_like_key {
            let key = line.trim_start().split(':').next().unwrap_or("");
            let at = first_line + i + 1;
            return Some(if tabbed {
                source
                    .at_line_col(at, 1, Severity::Error, "this line has a tab where YAML allows only spaces")
                    .with_help(format!("remove the tab before `{key}:`: front matter keys start at the beginning of the line"))
            } else {
                source
                    .at_line_col(
                        at,
                        1,
                        Severity::Error,
                        format!("`{key}:` starts with spaces: in front matter every key starts at the beginning of its line"),
                    )
                    .with_help(format!("remove the spaces before `{key}:`"))
            });
        }
    }
    None
}

/// `source` with front matter key `key` set to `value`: the key's lines
/// (a value written over several lines included) are replaced where it
/// exists, a line is added at the end of the front matter where not.
/// Everything else in the file is kept byte for byte.
pub fn set_key(source: &SourceFile, key: &str, value: &str) -> Result<String, Diagnostic> {
    let text = source.text();
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let line = format!("{key}: {value}{newline}");
    Ok(match key_lines(source, key)? {
        KeyAt::Found(range) => format!("{}{line}{}", &text[..range.start], &text[range.end..]),
        KeyAt::Missing(yaml_end) => format!("{}{line}{}", &text[..yaml_end], &text[yaml_end..]),
    })
}

/// `source` without front matter key `key` (and the lines of its value).
pub fn remove_key(source: &SourceFile, key: &str) -> Result<String, Diagnostic> {
    let text = source.text();
    Ok(match key_lines(source, key)? {
        KeyAt::Found(range) => format!("{}{}", &text[..range.start], &text[range.end..]),
        KeyAt::Missing(_) => text.to_string(),
    })
}

/// 1-based line of a top-level front matter key in a page's text (1 when
/// it is not there), for problems found after the YAML was read.
pub fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map_or(1, |i| i + 1)
}

/// 1-based line and column of the value of a top-level front matter key
/// (column 1 when the key is not there or has no value on its line), for
/// problems with a value found after the YAML was read: the column
/// points at what is wrong, not at the key.
pub fn value_at(text: &str, key: &str) -> (usize, usize) {
    let line = key_line(text, key);
    let col = text
        .lines()
        .nth(line - 1)
        .and_then(|written| {
            let value = written
                .strip_prefix(key)?
                .trim_start()
                .strip_prefix(':')?
                .trim_start();
            let before = &written[..written.len() - value.len()];
            (!value.trim().is_empty()).then(|| before.chars().count() + 1)
        })
        .unwrap_or(1);
    (line, col)
}

/// Where a top-level front matter key is.
enum KeyAt {
    /// The bytes of its line and of the indented lines that continue its value.
    Found(std::ops::Range<usize>),
    /// Not there: the byte where the front matter ends.
    Missing(usize),
}

fn key_lines(source: &SourceFile, key: &str) -> Result<KeyAt, Diagnostic> {
    let split = split(source)?;
    let text = source.text();
    let yaml_start = split.yaml.as_ptr() as usize - text.as_ptr() as usize;
    let yaml_end = yaml_start + split.yaml.len();
    let mut at = yaml_start;
    let mut found: Option<std::ops::Range<usize>> = None;
    for existing in split.yaml.split_inclusive('\n') {
        match &mut found {
            // A folded or quoted value goes on over indented lines.
            Some(range) if existing.starts_with([' ', '\t']) => range.end += existing.len(),
            Some(_) => break,
            None if existing
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':')) =>
            {
                found = Some(at..at + existing.len());
            }
            None => {}
        }
        at += existing.len();
    }
    Ok(found.map_or(KeyAt::Missing(yaml_end), KeyAt::Found))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 14: front matter read without the YAML parser must mean what
    // the parser reads, or be left to it.
    #[test]
    fn plain_front_matter_reads_as_yaml_does() {
        let cases = [
            (
                "title: \"Pomoć\"\ndescription: \"A: b # c\"\nweight: 3\n",
                true,
            ),
            ("title: Знаци за узбуну\ndraft: false\nweight: -2\n", true),
            (
                "title: 'علامات التحذير'\nreview: needed\ncountry: RS\nsource_hash: ab12\n",
                true,
            ),
            ("title:   Two  spaces   \r\n\r\ndraft: true\r\n", true),
            ("title: C#, [x] and {y}\n", true),
            ("title: yes\n", false),
            ("title: Null\n", false),
            ("title: a: b\n", false),
            ("title: a # comment\n", false),
            ("title: \"a\\tb\"\n", false),
            ("title: 'it''s'\n", false),
            ("title: \"a\" # c\n", false),
            ("title: 12\n", false),
            ("title: A\nweight: 01\n", false),
            ("title: A\nweight: +1\n", false),
            ("title: A\nweight: 1.5\n", false),
            ("title: A\ndraft: True\n", false),
            ("title: A\ntitle: B\n", false),
            ("title: A\naudio: reading.mp3\n", true),
            ("title: A\naudio: \"01 Čitanje.opus\"\n", true),
            // Starts with a digit: YAML may read such a value as a number.
            ("title: A\naudio: 01.mp3\n", false),
            ("title: A\naudio: a.mp3\naudio: b.mp3\n", false),
            ("title: A\ntitel: B\n", false),
            ("  title: A\n", false),
            ("# a comment\ntitle: A\n", false),
            ("description: no title\n", false),
            ("title: A\ndescription: >\n  folded\n", false),
            ("title: A\r\r\n", false),
            ("title: A\rB\n", false),
            ("title: a\u{1}b\n", false),
            ("title: \"a\u{1}b\"\n", false),
        ];
        for (yaml, simple) in cases {
            let fast = plain(yaml);
            assert_eq!(fast.is_some(), simple, "{yaml:?}: {fast:?}");
            if let Some(fast) = fast {
                let parsed: FrontMatter = serde_saphyr::from_str(yaml).unwrap();
                assert_eq!(fast, parsed, "{yaml:?}");
            }
        }
    }

    fn file(text: &str) -> SourceFile {
        SourceFile::new("content/c/en/a.md", text)
    }

    #[test]
    fn reads_front_matter_and_finds_the_body() {
        let f = file("---\ntitle: \"Знаци\"\nweight: 2\n---\nBody\n");
        let (front, body_start) = parse(&f).unwrap();
        assert_eq!(front.title, "Знаци");
        assert_eq!(front.weight, Some(2));
        assert_eq!(&f.text()[body_start..], "Body\n");
    }

    #[test]
    fn windows_line_endings_and_bom_work() {
        let f = file("\u{feff}---\r\ntitle: A\r\n---\r\nBody");
        let (front, body_start) = parse(&f).unwrap();
        assert_eq!(front.title, "A");
        assert_eq!(&f.text()[body_start..], "Body");
    }

    #[test]
    fn unclosed_front_matter_is_located() {
        let d = parse(&file("---\ntitle: A\nBody\n")).unwrap_err();
        assert_eq!(d.line, Some(1));
        assert!(d.message.contains("never closed"));
    }

    #[test]
    fn missing_and_empty_front_matter() {
        assert!(parse(&file("")).unwrap_err().message.contains("empty"));
        assert!(
            parse(&file("# Hi\n"))
                .unwrap_err()
                .message
                .contains("does not start with front matter")
        );
        assert!(
            parse(&file("---\n---\n"))
                .unwrap_err()
                .message
                .contains("`title` is required")
        );
        assert!(
            parse(&file("---\ntitle: \"\"\n---\n"))
                .unwrap_err()
                .message
                .contains("empty")
        );
    }

    #[test]
    fn a_key_is_set_without_touching_the_rest() {
        let f = file("---\ntitle: A # keep\nreview: needed\n---\nBody\n");
        assert_eq!(
            set_key(&f, "source_hash", "ab12").unwrap(),
            "---\ntitle: A # keep\nreview: needed\nsource_hash: ab12\n---\nBody\n"
        );
        let f = file("---\ntitle: A\nsource_hash: old\nweight: 1\n---\nBody\n");
        assert_eq!(
            set_key(&f, "source_hash", "new").unwrap(),
            "---\ntitle: A\nsource_hash: new\nweight: 1\n---\nBody\n"
        );
        let f = file("---\r\ntitle: A\r\n---\r\nBody");
        assert_eq!(
            set_key(&f, "source_hash", "x").unwrap(),
            "---\r\ntitle: A\r\nsource_hash: x\r\n---\r\nBody"
        );
        assert!(set_key(&file("no front matter"), "k", "v").is_err());
    }

    #[test]
    fn yaml_errors_point_at_the_file_line() {
        let d = parse(&file("---\ntitle: A\ndraft: maybe\n---\n")).unwrap_err();
        assert_eq!(d.line, Some(3), "{d}");
        let d = parse(&file("---\ntitle: A\nlang: en\n---\n")).unwrap_err();
        assert_eq!(d.line, Some(3), "{d}");
        assert!(d.message.contains("unknown key `lang`"));
    }

    #[test]
    fn set_key_replaces_a_value_written_over_several_lines() {
        let f = file("---\ntitle: >-\n  A long\n  title\nweight: 2\n---\nBody\n");
        let out = set_key(&f, "title", "\"Short\"").unwrap();
        assert_eq!(out, "---\ntitle: \"Short\"\nweight: 2\n---\nBody\n");
        let out = remove_key(&f, "title").unwrap();
        assert_eq!(out, "---\nweight: 2\n---\nBody\n");
        assert_eq!(remove_key(&f, "review").unwrap(), f.text());
    }

    /// Issue 18: beginner slips explained in words, at the right line.
    #[test]
    fn a_colon_an_indented_key_and_a_tab_are_explained() {
        let d = parse(&file("---\ntitle: Get help: call now\n---\n")).unwrap_err();
        assert_eq!(d.line, Some(2));
        assert!(d.message.contains("`:` followed by a space"), "{d}");
        assert_eq!(
            d.help.as_deref(),
            Some("put the text in double quotes: `title: \"Get help: call now\"`")
        );
        let d = parse(&file("---\ntitle: A\nweight: 2\n   description: x\n---\n")).unwrap_err();
        assert_eq!(d.line, Some(4), "{d}");
        assert!(
            d.message.contains("`description:` starts with spaces"),
            "{d}"
        );
        let d = parse(&file("---\ntitle: A\n\tdescription: x\n---\n")).unwrap_err();
        assert_eq!(d.line, Some(3));
        assert!(
            d.message.contains("a tab where YAML allows only spaces"),
            "{d}"
        );
        // A value quoted over two lines is not an indented key.
        assert!(parse(&file("---\ntitle: \"A long\n  title\"\n---\n")).is_ok());
    }

    #[test]
    fn a_value_is_located_at_its_first_character() {
        let text = "---\ntitle: Help\naudio:   reading.mp3\n---\naudio: body\n";
        assert_eq!(value_at(text, "audio"), (3, 10));
        assert_eq!(value_at("---\ntitle: Помоћ\n---\n", "title"), (2, 8));
        assert_eq!(value_at("---\naudio:\n---\n", "audio"), (2, 1));
        assert_eq!(value_at("---\ntitle: A\n---\n", "audio"), (1, 1));
        let d = parse(&file("---\ntitle: A\naudoi: a.mp3\n---\n")).unwrap_err();
        assert_eq!(d.line, Some(3), "{d}");
        assert_eq!(d.help.as_deref(), Some("did you mean `audio`?"), "{d}");
    }

    /// Issue 18: several misspelt keys are all reported in one run.
    #[test]
    fn every_unknown_key_is_named() {
        let d = parse(&file("---\ntitel: A\nwaight: 2\ndraft: false\n---\n")).unwrap_err();
        assert_eq!(d.line, Some(2));
        assert!(d.message.contains("unknown key `titel`"), "{d}");
        assert!(
            d.message
                .contains("also unknown: `waight` at line 3 (did you mean `weight`?)"),
            "{d}"
        );
    }
}
