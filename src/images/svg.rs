//! SVG drawings (partner logos, mostly): published as the author saved
//! them, after a check that they draw only themselves.
//!
//! A drawing is not re-encoded like a photo, so what it carries is checked
//! instead: a script would run when someone opens the file itself, and a
//! reference to another site (a linked picture, a font, a stylesheet) would
//! make readers' phones contact that site. Either is refused with the line
//! it is on, rather than silently removed: the author then knows the file
//! they were sent is not what it looked like.

use crate::diag::{Diagnostic, Severity, SourceFile};

/// Drawings larger than this are refused: a logo is a few KB, and every
/// page's footer downloads it.
pub const MAX_SVG_BYTES: usize = 512 * 1024;

/// Elements that run code or show another document.
const ACTIVE_ELEMENTS: &[&str] = &[
    "script",
    "foreignObject",
    "iframe",
    "embed",
    "object",
    "audio",
    "video",
    "canvas",
    "handler",
    "listener",
];

/// A checked drawing and the size it asks to be shown at, in CSS pixels.
#[derive(Debug)]
pub struct Drawing {
    /// Width, from `width` or the `viewBox`.
    pub width: u32,
    /// Height, likewise.
    pub height: u32,
}

/// Checks `text`, the SVG file shown as `shown`; every problem found is
/// returned, each at its line.
pub fn check(shown: &std::path::Path, text: &str) -> Result<Drawing, Vec<Diagnostic>> {
    let source = SourceFile::new(shown, text);
    let help_export = "open it in a drawing program (Inkscape: File → Save As → Plain SVG) and save it again without it, or ask the partner for a plain logo";
    if text.len() > MAX_SVG_BYTES {
        return Err(vec![
            Diagnostic::in_file(
                shown,
                Severity::Error,
                format!(
                    "this drawing is {} KB; drawings over {} KB are not published (every page's footer downloads it)",
                    text.len() / 1024,
                    MAX_SVG_BYTES / 1024
                ),
            )
            .with_help("save it as Plain or Optimised SVG, or as a PNG of at most 600 pixels wide"),
        ]);
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = match roxmltree::Document::parse_with_options(text, options) {
        Ok(doc) => doc,
        Err(err) => {
            let pos = err.pos();
            return Err(vec![
                source
                    .at_line_col(
                        pos.row as usize,
                        pos.col as usize,
                        Severity::Error,
                        format!("this drawing cannot be read as SVG: {err}"),
                    )
                    .with_help("open it in a drawing program and save it again as SVG"),
            ]);
        }
    };
    let mut problems = Vec::new();
    let mut refuse = |node: roxmltree::Node, message: String| {
        let pos = doc.text_pos_at(node.range().start);
        problems.push(
            source
                .at_line_col(pos.row as usize, pos.col as usize, Severity::Error, message)
                .with_help(help_export),
        );
    };
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        refuse(
            root,
            format!(
                "this file is not an SVG drawing: it starts with `<{}>`",
                root.tag_name().name()
            ),
        );
    }
    for node in doc.descendants() {
        if node.is_text() && node.parent().is_some_and(|p| p.has_tag_name("style")) {
            let css = node.text().unwrap_or_default();
            if let Some(what) = outside_reference_in_css(css) {
                refuse(
                    node,
                    format!(
                        "this drawing's style loads {what} from elsewhere; published drawings must hold everything they show"
                    ),
                );
            }
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name();
        if ACTIVE_ELEMENTS.contains(&name) {
            refuse(
                node,
                format!(
                    "this drawing has a `<{name}>` element, which could run code or show another page: it is not published"
                ),
            );
            continue;
        }
        for attribute in node.attributes() {
            let attr = attribute.name();
            let value = attribute.value().trim();
            if attr.len() > 2 && attr[..2].eq_ignore_ascii_case("on") {
                refuse(
                    node,
                    format!(
                        "this drawing's `<{name}>` has `{attr}`, which runs code: it is not published"
                    ),
                );
            } else if attr == "href" && !is_inside_reference(value) {
                refuse(
                    node,
                    format!(
                        "this drawing's `<{name}>` refers to `{}`: published drawings must hold everything they show",
                        shorten(value)
                    ),
                );
            } else if let Some(what) = outside_reference_in_css(value) {
                refuse(
                    node,
                    format!(
                        "this drawing's `<{name}>` loads {what} from elsewhere (in `{attr}`): published drawings must hold everything they show"
                    ),
                );
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    match size(root) {
        Some((width, height)) => Ok(Drawing { width, height }),
        None => {
            let pos = doc.text_pos_at(root.range().start);
            Err(vec![
                source
                    .at_line_col(
                        pos.row as usize,
                        pos.col as usize,
                        Severity::Error,
                        "this drawing does not say how large it is: it has neither `viewBox` nor `width` and `height` in pixels",
                    )
                    .with_help("add a `viewBox`, e.g. `viewBox=\"0 0 200 80\"`, to its `<svg>` element"),
            ])
        }
    }
}

/// Whether an `href` stays inside the drawing: a `#fragment`, or a PNG or
/// JPEG written into the file itself.
fn is_inside_reference(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    value.starts_with('#')
        || lower.starts_with("data:image/png")
        || lower.starts_with("data:image/jpeg")
        || lower.starts_with("data:image/jpg")
}

/// What CSS text (a `<style>` element or a `style` or presentation
/// attribute) would load from outside the drawing, if anything.
fn outside_reference_in_css(css: &str) -> Option<&'static str> {
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import") {
        return Some("another stylesheet");
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        let inside = rest[at + 4..].trim_start().trim_start_matches(['"', '\'']);
        if !(inside.starts_with('#') || is_inside_reference(inside)) {
            return Some("a file");
        }
        rest = &rest[at + 4..];
    }
    None
}

/// At most 60 characters of `text`, for messages.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// The size the drawing asks for: `width` and `height` in pixels (or
/// unitless), else the `viewBox`'s; rounded, at least 1.
fn size(root: roxmltree::Node) -> Option<(u32, u32)> {
    let pixels = |attr: &str| -> Option<f64> {
        let value = root.attribute(attr)?.trim();
        let number = value.strip_suffix("px").unwrap_or(value);
        number
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n > 0.0)
    };
    let from_view_box = || -> Option<(f64, f64)> {
        let numbers: Vec<f64> = root
            .attribute("viewBox")?
            .split([' ', ',', '\t', '\n'])
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<f64>().ok())
            .collect::<Option<_>>()?;
        let (w, h) = (*numbers.get(2)?, *numbers.get(3)?);
        (numbers.len() == 4 && w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0)
            .then_some((w, h))
    };
    let (w, h) = match (pixels("width"), pixels("height"), from_view_box()) {
        (Some(w), Some(h), _) => (w, h),
        (Some(w), None, Some((vw, vh))) => (w, w * vh / vw),
        (None, Some(h), Some((vw, vh))) => (h * vw / vh, h),
        (_, _, Some(view)) => view,
        _ => return None,
    };
    let clamp = |n: f64| n.round().clamp(1.0, 100_000.0) as u32;
    Some((clamp(w), clamp(h)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn checked(text: &str) -> Result<Drawing, Vec<String>> {
        check(Path::new("content/c/images/logo.svg"), text)
            .map_err(|ds| ds.iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn a_plain_logo_is_published_at_the_size_it_asks_for() {
        let logo = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="200" height="80" style="fill:url('#g')"/><use href="#g"/></svg>"##;
        let drawing = checked(logo).unwrap();
        assert_eq!((drawing.width, drawing.height), (200, 80));
        let sized =
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="120px" viewBox="0 0 200 80"/>"#;
        let drawing = checked(sized).unwrap();
        assert_eq!((drawing.width, drawing.height), (120, 48));
    }

    #[test]
    fn scripts_and_outside_references_are_refused_at_their_lines() {
        let logo = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">\n\
                    <script>alert(1)</script>\n\
                    <rect onclick=\"steal()\" width=\"1\" height=\"1\"/>\n\
                    <image xlink:href=\"https://tracker.example/pixel.png\"/>\n\
                    <style>@import url(https://fonts.example/css);</style>\n\
                    <rect style=\"fill:url(https://x.example/a.svg#p)\"/>\n\
                    </svg>";
        let problems = checked(logo).unwrap_err();
        let expected = [
            (":2:1", "`<script>`"),
            (":3:1", "`onclick`"),
            (":4:1", "https://tracker.example/pixel.png"),
            (":5:", "another stylesheet"),
            (":6:1", "a file from elsewhere (in `style`)"),
        ];
        assert_eq!(problems.len(), expected.len(), "{problems:#?}");
        for ((at, what), problem) in expected.iter().zip(&problems) {
            assert!(
                problem.contains(&format!("logo.svg{at}")) && problem.contains(what),
                "expected {what} at {at}: {problem}"
            );
        }
    }

    #[test]
    fn a_file_that_is_not_a_drawing_is_refused() {
        assert!(checked("not xml at all").is_err());
        let html = checked("<html><body/></html>").unwrap_err();
        assert!(html[0].contains("not an SVG drawing"), "{html:?}");
        let sizeless = checked(r#"<svg xmlns="http://www.w3.org/2000/svg"/>"#).unwrap_err();
        assert!(sizeless[0].contains("viewBox"), "{sizeless:?}");
        let huge = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><!--{}--></svg>",
            "x".repeat(MAX_SVG_BYTES)
        );
        assert!(checked(&huge).unwrap_err()[0].contains("KB"));
    }
}
