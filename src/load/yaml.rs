//! YAML parsing shared by campaign files and front matter: turns
//! serde-saphyr's errors into located, plain-words diagnostics.

use serde::de::DeserializeOwned;
use serde_saphyr::{DefaultMessageFormatter, Error, MessageFormatter};

use crate::diag::{Diagnostic, Severity, SourceFile, did_you_mean};

/// Parses `yaml`, which starts at 1-based line `first_line` of `source`.
pub fn parse<T: DeserializeOwned>(
    source: &SourceFile,
    yaml: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str(yaml).map_err(|err| {
        let d = to_diagnostic(source, first_line, &err);
        match err.without_snippet() {
            // A top-level key: the others of the file are checked too.
            Error::SerdeUnknownField { expected, .. } if d.col == Some(1) => {
                with_other_unknown_keys(d, yaml, first_line, expected)
            }
            _ => d,
        }
    })
}

fn to_diagnostic(source: &SourceFile, first_line: usize, err: &Error) -> Diagnostic {
    let err = err.without_snippet();
    let (line, col) = match err.location() {
        Some(loc) if loc.line() > 0 => (
            loc.line() as usize + first_line - 1,
            (loc.column() as usize).max(1),
        ),
        _ => (first_line, 1),
    };
    let (message, help) = match err {
        Error::SerdeUnknownField {
            field, expected, ..
        } => {
            let help = match did_you_mean(field, expected.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "the keys allowed here are: {}",
                    expected
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            (format!("unknown key `{field}`"), Some(help))
        }
        Error::SerdeMissingField { field, .. } => (
            format!("the required key `{field}` is missing"),
            Some(format!("add a line `{field}: ...`")),
        ),
        other => {
            let message = DefaultMessageFormatter.format_message(other).into_owned();
            let written = source
                .text()
                .lines()
                .nth(line.saturating_sub(1))
                .unwrap_or("")
                .trim_end_matches('\r');
            if message.contains("mapping values are not allowed") {
                // `title: Get help: call now`: a colon in a text (issue 18).
                let fix = match written.split_once(':') {
                    Some((key, value)) if !value.trim().starts_with(['"', '\'']) => {
                        format!(
                            "put the text in double quotes: `{key}: \"{}\"`",
                            value.trim().replace('"', "\\\"")
                        )
                    }
                    _ => "put the text in double quotes".to_string(),
                };
                return source
                    .at_line_col(
                        line,
                        col,
                        Severity::Error,
                        "this text has a `:` followed by a space, which YAML reads as the start of another key",
                    )
                    .with_help(fix);
            }
            if message.contains("tabs disallowed") {
                return source
                    .at_line_col(
                        line,
                        col,
                        Severity::Error,
                        "this line has a tab where YAML allows only spaces",
                    )
                    .with_help("replace the tab with spaces: YAML indents with spaces only");
            }
            let help = if source.text().contains('\t') && message.contains("tab") {
                Some("YAML does not allow tabs for indentation: use spaces".to_string())
            } else {
                None
            };
            // A value of the wrong kind is valid YAML: say what was expected
            // in words an author knows.
            let expected = [
                (
                    "mapping",
                    "a group of `key: value` lines here (for texts: one line per language, e.g. `en: \"...\"`)",
                ),
                ("sequence", "a list here, e.g. `[sq, en]`"),
                ("string", "a text here"),
                ("bool", "`true` or `false` here"),
                ("i64", "a whole number here"),
                ("u32", "a whole number here"),
                ("u64", "a whole number here"),
            ];
            let wrong_kind = message.starts_with("expected") || message.starts_with("invalid ");
            if let Some(key) = message
                .strip_prefix("duplicate mapping key: ")
                .map(|rest| rest.split(',').next().unwrap_or(rest).trim())
            {
                // The parser's own wording ends with advice for programmers.
                let message = format!("the key `{key}` is written twice; each key may appear once");
                let mut diagnostic = source.at_line_col(line, col, Severity::Error, message);
                diagnostic.help = Some("remove one of the two, or merge them".to_string());
                return diagnostic;
            }
            match expected
                .iter()
                .find(|(word, _)| wrong_kind && message.contains(word))
            {
                Some((_, words)) => (
                    format!("the value here has the wrong form: expected {words}"),
                    help,
                ),
                None => (format!("invalid YAML: {message}"), help),
            }
        }
    };
    let mut diagnostic = source.at_line_col(line, col, Severity::Error, message);
    diagnostic.help = help;
    diagnostic
}

/// The YAML reader stops at the first unknown key: the other top-level keys
/// not in `keys` are added to its message, each with its line and likely
/// key, so one run shows all (issue 18).
pub fn with_other_unknown_keys(
    mut d: Diagnostic,
    yaml: &str,
    first_line: usize,
    keys: &[&str],
) -> Diagnostic {
    if !d.message.starts_with("unknown key") {
        return d;
    }
    let others: Vec<String> = yaml
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (key, _) = line.split_once(':')?;
            let key = key.trim_end();
            let plain = !key.is_empty()
                && !line.starts_with([' ', '\t', '#', '-'])
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            (plain && !keys.contains(&key) && first_line + i != d.line.unwrap_or(0)).then(|| {
                let hint = crate::diag::did_you_mean(key, keys.iter().copied())
                    .map_or(String::new(), |k| format!(" (did you mean `{k}`?)"));
                format!("`{key}` at line {}{hint}", first_line + i)
            })
        })
        .collect();
    if !others.is_empty() {
        d.message = format!("{}; also unknown: {}", d.message, others.join(", "));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Front {
        title: String,
        weight: Option<i64>,
    }

    #[test]
    fn unknown_key_is_located_with_a_hint() {
        let text = "---\ntitle: A\ntitel: B\n---\n";
        let file = SourceFile::new("a.md", text);
        let d = parse::<Front>(&file, "title: A\ntitel: B\n", 2).unwrap_err();
        assert_eq!((d.line, d.col), (Some(3), Some(1)), "{d}");
        assert_eq!(d.message, "unknown key `titel`");
        assert_eq!(d.help.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn wrong_type_is_located() {
        let file = SourceFile::new("a.md", "---\ntitle: A\nweight: heavy\n---\n");
        let d = parse::<Front>(&file, "title: A\nweight: heavy\n", 2).unwrap_err();
        assert_eq!(d.line, Some(3), "{d}");
    }

    #[test]
    fn missing_key_is_named() {
        let file = SourceFile::new("a.md", "---\nweight: 1\n---\n");
        let d = parse::<Front>(&file, "weight: 1\n", 2).unwrap_err();
        assert!(d.message.contains("`title`"), "{d}");
    }

    #[test]
    fn wrong_kinds_of_value_are_explained() {
        let file = SourceFile::new("a.md", "---\ntitle: [a, b]\n---\n");
        let d = parse::<Front>(&file, "title: [a, b]\n", 2).unwrap_err();
        assert_eq!(
            d.message, "the value here has the wrong form: expected a text here",
            "{d}"
        );
        let file = SourceFile::new("a.md", "---\ntitle: A\nweight: heavy\n---\n");
        let d = parse::<Front>(&file, "title: A\nweight: heavy\n", 2).unwrap_err();
        assert_eq!(
            d.message, "the value here has the wrong form: expected a whole number here",
            "{d}"
        );
    }

    #[test]
    fn a_key_written_twice_is_named_in_plain_words() {
        let file = SourceFile::new("c.yaml", "title: A\ntitle: B\n");
        let err = parse::<serde_json::Value>(&file, file.text(), 1).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert_eq!(
            err.message,
            "the key `title` is written twice; each key may appear once"
        );
    }

    #[test]
    fn tabs_get_a_hint() {
        let file = SourceFile::new("a.yaml", "title:\n\ten: A\n");
        let d = parse::<Front>(&file, file.text(), 1).unwrap_err();
        assert!(d.to_string().contains("a.yaml:"), "{d}");
    }
}
