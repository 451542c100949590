//! Whitespace tidying for template output: the line breaks and indentation
//! a theme's templates carry, made one space (or nothing, in the head and
//! around the document's structure), in one pass. Anything whose meaning a
//! browser might read differently is copied as it is: comments, the
//! content of `<pre>`, `<textarea>`, `<script>`, `<style>`, `<listing>`
//! and `<xmp>`, and tags with their attributes.
//!
//! This replaced minify-html (issue 14). On the 8,008-page benchmark
//! corpus, minifying each page's template output took 45 % of the
//! processor time spent per page, for pages 5 % smaller gzipped and 1 %
//! *larger* in brotli (its reordered attributes compress worse). Tidying
//! keeps what the theme wrote (attribute quotes, their order, character
//! references) and only drops what a browser ignores: pages are 4 %
//! larger gzipped than minify-html made them, 2 % smaller in brotli.
//! (Dropping the quotes that values need none of gained 1 % in gzip and
//! lost 2.5 % in brotli, whose dictionary knows `="`.)

/// Elements whose content is copied as it is: whitespace in them shows,
/// or is code.
const VERBATIM: &[&[u8]] = &[b"pre", b"textarea", b"script", b"style", b"listing", b"xmp"];

/// `html` with each whitespace run that contains a line break made one
/// space, or dropped where whitespace never shows (in the head, around
/// `<html>`, `<head>` and `<body>`), except in comments and the verbatim
/// elements. Whitespace without a line break is kept: a theme that writes
/// `</a> <a>` means the space.
pub fn tidy(html: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len());
    let mut at = 0;
    // The name of the last tag written, to judge the whitespace after it
    // (empty at the start).
    let mut last_tag: &[u8] = b"";
    // Whitespace in the head is never shown.
    let mut in_head = false;
    while at < html.len() {
        if starts_tag(html, at) {
            if html[at..].starts_with(b"<!--") {
                // Copied, not dropped: removing it could join what is on
                // either side into markup (`<<!-- -->p>`), and browsers
                // end some comments early (`<!-->`), so what follows the
                // first `-->` is surely not comment, and what comes
                // before it is copied whole either way.
                let end = find(html, at + 4, b"-->").map_or(html.len(), |e| e + 3);
                out.extend_from_slice(&html[at..end]);
                at = end;
                continue;
            }
            let end = tag_end(html, at);
            let tag = &html[at..end];
            out.extend_from_slice(tag);
            at = end;
            let (closing, name) = tag_name(tag);
            last_tag = name;
            if eq_ignore_case(name, b"head") {
                in_head = !closing;
            } else if eq_ignore_case(name, b"body") {
                in_head = false;
            }
            if !closing && let Some(verbatim) = VERBATIM.iter().find(|v| eq_ignore_case(v, name)) {
                let Some(close) = find_closing(html, at, verbatim) else {
                    out.extend_from_slice(&html[at..]);
                    return out;
                };
                let content = &html[at..close];
                // In a script, `<!--` can make a later `</script>` not end
                // it (the HTML standard's escaped states): from there on,
                // nothing is changed.
                if eq_ignore_case(verbatim, b"script") && find(content, 0, b"<!--").is_some() {
                    out.extend_from_slice(&html[at..]);
                    return out;
                }
                // Copied up to its closing tag, which the loop then writes.
                out.extend_from_slice(content);
                at = close;
            }
            continue;
        }
        let text_end = next_tag_start(html, at + 1);
        let text = &html[at..text_end];
        let next_tag = tag_name(&html[text_end..]).1;
        // The start and the end of the file count as structure.
        let unseen = in_head
            || ((last_tag.is_empty() || is_structure(last_tag))
                && (next_tag.is_empty() || is_structure(next_tag)));
        collapse(text, unseen, &mut out);
        at = text_end;
    }
    out
}

/// Writes `text` with each whitespace run that holds a line break made
/// one space, or nothing at either end of a text where whitespace is
/// `unseen`.
fn collapse(text: &[u8], unseen: bool, out: &mut Vec<u8>) {
    // Each line break lies in one whitespace run; everything between
    // those runs is copied as it is.
    let mut copied = 0;
    while let Some(at) = memchr::memchr(b'\n', &text[copied..]) {
        let line_break = copied + at;
        let mut start = line_break;
        while start > copied && text[start - 1].is_ascii_whitespace() {
            start -= 1;
        }
        let mut end = line_break + 1;
        while end < text.len() && text[end].is_ascii_whitespace() {
            end += 1;
        }
        out.extend_from_slice(&text[copied..start]);
        if !(unseen && (start == 0 || end == text.len())) {
            out.push(b' ');
        }
        copied = end;
    }
    out.extend_from_slice(&text[copied..]);
}

/// Where the next tag starts at or after `from`, or the end of `html`.
fn next_tag_start(html: &[u8], mut from: usize) -> usize {
    while let Some(lt) = html.get(from..).and_then(|rest| memchr::memchr(b'<', rest)) {
        if starts_tag(html, from + lt) {
            return from + lt;
        }
        from += lt + 1;
    }
    html.len()
}

/// Whether a tag (or comment, or doctype) starts at `at`: `<` then a
/// letter, `/` or `!`. A lone `<` in text is text.
fn starts_tag(html: &[u8], at: usize) -> bool {
    html[at] == b'<'
        && html
            .get(at + 1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/' || b == b'!')
}

/// Whether whitespace next to the element `name` never shows: the
/// document's structure. Anything else may be made inline by a theme's
/// styles (a menu of `<li>`, say), where a line break in the template
/// shows as a space, so there it becomes one.
fn is_structure(name: &[u8]) -> bool {
    [b"!doctype".as_slice(), b"html", b"head", b"body"]
        .iter()
        .any(|s| eq_ignore_case(s, name))
}

/// Where the tag starting at `start` ends (after its `>`), skipping `>`
/// inside quoted attribute values.
fn tag_end(html: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while let Some(found) = html
        .get(at..)
        .and_then(|rest| memchr::memchr3(b'>', b'"', b'\'', rest))
    {
        let found = at + found;
        let quote = html[found];
        // A quote opens a value only after `=` (`<p class=it's>` has none).
        let opens_value = quote != b'>'
            && html[start..found]
                .iter()
                .rev()
                .find(|b| !b.is_ascii_whitespace())
                == Some(&b'=');
        if quote == b'>' {
            return found + 1;
        }
        if !opens_value {
            at = found + 1;
            continue;
        }
        match memchr::memchr(quote, &html[found + 1..]) {
            Some(close) => at = found + 1 + close + 1,
            None => return html.len(),
        }
    }
    html.len()
}

/// Whether a tag closes, and its name (`div` for `<div class=x>` and
/// `</div>`, `!doctype` for `<!DOCTYPE html>`).
fn tag_name(tag: &[u8]) -> (bool, &[u8]) {
    let inner = tag.strip_prefix(b"<").unwrap_or(tag);
    let (closing, inner) = match inner.strip_prefix(b"/") {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let len = inner
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
        .unwrap_or(inner.len());
    (closing, &inner[..len])
}

/// Where the closing tag of a verbatim element `name` starts, from
/// `from`. `<pre>` and `<listing>` hold markup, so one may hold another;
/// the others hold text.
fn find_closing(html: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let nests = eq_ignore_case(name, b"pre") || eq_ignore_case(name, b"listing");
    let mut depth = 0usize;
    let mut at = from;
    while let Some(lt) = html.get(at..).and_then(|rest| memchr::memchr(b'<', rest)) {
        let lt = at + lt;
        let (closing, found) = tag_name(&html[lt..]);
        if eq_ignore_case(found, name) && (closing || nests) && starts_tag(html, lt) {
            if !closing {
                depth += 1;
            } else if depth == 0 {
                return Some(lt);
            } else {
                depth -= 1;
            }
        }
        at = lt + 1;
    }
    None
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack.get(from..)?, needle).map(|p| from + p)
}

fn eq_ignore_case(a: &[u8], b: &[u8]) -> bool {
    a.eq_ignore_ascii_case(b)
}

#[cfg(test)]
mod tests {
    use super::tidy;

    fn tidied(html: &str) -> String {
        String::from_utf8(tidy(html.as_bytes())).unwrap()
    }

    #[test]
    fn line_breaks_go_in_the_head_and_become_a_space_in_the_body() {
        assert_eq!(
            tidied(
                "<!DOCTYPE html>\n<html>\n<head>\n  <meta charset=\"utf-8\">\n  <title>T</title>\n</head>\n<body>\n<ul>\n  <li><a href=\"a\">A</a>\n  <a href=\"b\">B</a></li>\n  <li>C</li>\n</ul>\n</body>\n</html>\n"
            ),
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T</title></head><body> <ul> <li><a href=\"a\">A</a> <a href=\"b\">B</a></li> <li>C</li> </ul> </body></html>"
        );
    }

    #[test]
    fn spaces_the_theme_wrote_on_one_line_stay() {
        assert_eq!(
            tidied("<p><a href=x>one</a> · <a href=y>two</a></p>"),
            "<p><a href=x>one</a> · <a href=y>two</a></p>"
        );
        assert_eq!(
            tidied("<p>Call\n    <strong>now</strong>\n    please</p>"),
            "<p>Call <strong>now</strong> please</p>"
        );
        // Invisible elements in text keep the words apart.
        assert_eq!(
            tidied("<p>Read\n<script>x()</script>\nmore</p>"),
            "<p>Read <script>x()</script> more</p>"
        );
    }

    #[test]
    fn code_scripts_and_quoted_angle_brackets_are_left_alone() {
        let html = "<pre>line 1\n    line 2</pre>\n<script>\nif (a < b) {\n  go();\n}\n</script>\n<p title=\"a > b\n c\">x</p>";
        assert_eq!(
            tidied(html),
            "<pre>line 1\n    line 2</pre> <script>\nif (a < b) {\n  go();\n}\n</script> <p title=\"a > b\n c\">x</p>"
        );
        assert_eq!(
            tidied("<TEXTAREA>\n a\n</TEXTAREA>"),
            "<TEXTAREA>\n a\n</TEXTAREA>"
        );
    }

    /// Cases found in review, each of which changed a page before.
    #[test]
    fn what_a_browser_reads_differently_is_left_as_it_is() {
        for html in [
            // Comments a browser ends early, or that join markup if removed.
            "<!--><p>shown</p><!-- x -->",
            "<!-- a --!><p>shown\n  too</p><!-- b -->",
            "<<!-- -->p>x",
            // A closing tag that only starts like the element's.
            "<script>s='</scripts>'\n//x\ny()</script>",
            // A script whose `<!--` keeps a later `</script>` inside it.
            "<script><!--\ns='<script>x</script>'\n// c\nf()\n--></script>\n<p>a\n b</p>",
            // A quote that opens no value.
            "<p class=it's>x</p><pre>a'>\n\n  b</pre>",
            // A `<pre>` in a `<pre>`.
            "<pre><pre>a</pre>\n\n  b</pre>",
            "<xmp>\n  a\n</xmp>",
        ] {
            let out = tidied(html);
            let kept = |part: &str| out.contains(part) || !html.contains(part);
            assert!(
                kept("<!-->") && kept("--!>") && kept("y()") && kept("\n\n  b"),
                "{html:?} became {out:?}"
            );
            assert!(!out.contains("<p>x"), "{out:?}");
            assert!(
                out.contains("// c\nf()") || !html.contains("// c"),
                "{out:?}"
            );
            assert!(
                out.contains("\n  a\n") || !html.contains("<xmp>"),
                "{out:?}"
            );
        }
    }

    #[test]
    fn comments_stay_and_unclosed_things_end_the_text() {
        assert_eq!(
            tidied("<p>a<!-- note\n -->b</p>"),
            "<p>a<!-- note\n -->b</p>"
        );
        assert_eq!(tidied("<p>a<!-- never closed"), "<p>a<!-- never closed");
        assert_eq!(
            tidied("<p>1 < 2\n  and 3 > 2</p>"),
            "<p>1 < 2 and 3 > 2</p>"
        );
        assert_eq!(
            tidied("<p title=\"never closed>x"),
            "<p title=\"never closed>x"
        );
        assert_eq!(tidied("<pre>never closed\n  x"), "<pre>never closed\n  x");
        for odd in ["<", "<!", "<!-", "<a '", "</", "x<", "<pre", "<script><!--"] {
            tidied(odd);
        }
    }
}
