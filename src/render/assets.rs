//! The theme's static files under names made from their content
//! (`static/style.4f1c2a9e0b.css`), so hosts may let browsers keep them for
//! a year: a changed file gets a new name, and pages name the new one.
//! Templates find the names with `asset(path="style.css")`; stylesheets
//! that refer to another static file (`url(bg.png)`) are rewritten to its
//! new name.

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, Severity};
use crate::images::content_hash;
use crate::model::Theme;

/// Files as (path, bytes).
pub type Files = Vec<(String, Vec<u8>)>;

/// The static files of a campaign as published: (path in the campaign's
/// folder, bytes), and the map from each file's name in the theme to its
/// published path, which templates read through `asset()`.
pub fn published(
    static_files: &[(String, Vec<u8>)],
    campaign_css: Option<&str>,
) -> (Files, BTreeMap<String, String>) {
    let extra = campaign_css.map(|css| ("campaign.css".to_string(), css.as_bytes().to_vec()));
    let all: Vec<(String, Vec<u8>)> = static_files.iter().cloned().chain(extra).collect();
    let is_css = |name: &str| name.ends_with(".css");
    let mut names = BTreeMap::new();
    let mut files = Vec::new();
    // Files other than stylesheets first: stylesheets name them.
    for (name, bytes) in all.iter().filter(|(n, _)| !is_css(n)) {
        let path = format!("static/{}", hashed_name(name, bytes));
        names.insert(name.clone(), path.clone());
        files.push((path, bytes.clone()));
    }
    for (name, bytes) in all.iter().filter(|(n, _)| is_css(n)) {
        let bytes = match std::str::from_utf8(bytes) {
            Ok(css) => rename_urls(css, &names).into_bytes(),
            Err(_) => bytes.clone(),
        };
        let path = format!("static/{}", hashed_name(name, &bytes));
        names.insert(name.clone(), path.clone());
        files.push((path, bytes));
    }
    (files, names)
}

/// `style.css` → `style.<10 hex digits>.css`.
fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = &content_hash(bytes)[..10];
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// `css` with each `url(name)` of a file in `names` (quoted or not)
/// pointing at the file's published name. Both live in `static/`.
fn rename_urls(css: &str, names: &BTreeMap<String, String>) -> String {
    let mut out = css.to_string();
    for (name, path) in names {
        let new = path.trim_start_matches("static/");
        for quote in ["", "\"", "'"] {
            out = out.replace(
                &format!("url({quote}{name}{quote})"),
                &format!("url({quote}{new}{quote})"),
            );
        }
    }
    out
}

/// An error for each place a template names a static file by its
/// theme name (`static/style.css`): the file is published under another
/// name, so the link would break (a page without its style, or without
/// the quick exit's script).
pub fn unpublished_references(theme: &Theme) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let names: Vec<&str> = theme
        .static_files
        .iter()
        .map(|(name, _)| name.as_str())
        .chain(["campaign.css"])
        .collect();
    for (_, source) in &theme.templates {
        for name in &names {
            let written = format!("static/{name}");
            for (offset, _) in source.text().match_indices(&written) {
                // `static/style.css` inside `static/style.css.map` is another file.
                let next = source.text()[offset + written.len()..].chars().next();
                if next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-') {
                    continue;
                }
                found.push(
                    source
                        .at(
                            offset,
                            Severity::Error,
                            format!(
                                "the template names `{written}`, but static files are published under names made from their content (`static/{}`): this link would break",
                                hashed_example(name)
                            ),
                        )
                        .with_help(format!(
                            "write `{{{{ root }}}}{{{{ asset(path=\"{name}\") }}}}` instead"
                        )),
                );
            }
        }
    }
    found
}

/// `style.css` → `style.<hash>.css`, for messages.
fn hashed_example(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.<hash>.{ext}"),
        None => format!("{name}.<hash>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_content() {
        let files = vec![
            ("style.css".to_string(), b"a{}".to_vec()),
            ("exit.js".to_string(), b"x()".to_vec()),
            ("icon-192.png".to_string(), vec![1, 2, 3]),
        ];
        let (published, names) = published(&files, Some(":root{--accent:#000}"));
        assert_eq!(published.len(), 4);
        let style = &names["style.css"];
        assert!(
            style.starts_with("static/style.") && style.ends_with(".css"),
            "{style}"
        );
        assert!(names["icon-192.png"].starts_with("static/icon-192."));
        assert!(names["campaign.css"].starts_with("static/campaign."));
        let (_, changed) = super::published(&[("style.css".into(), b"b{}".to_vec())], None);
        assert_ne!(changed["style.css"], *style);
    }

    #[test]
    fn stylesheets_name_the_new_names() {
        let (published, names) = super::published(
            &[
                ("bg.png".into(), vec![9]),
                ("a.css".into(), b"b{background:url('bg.png')}".to_vec()),
            ],
            None,
        );
        let css = String::from_utf8(published[1].1.clone()).unwrap();
        let bg = names["bg.png"].trim_start_matches("static/");
        assert_eq!(css, format!("b{{background:url('{bg}')}}"));
    }
}
