//! Whitespace tidying for template output: the line breaks and indentation
//! a theme's templates carry between tags, and HTML comments, removed in
//! one pass.
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
const VERBATIM: &[&[u8]] = &[b"pre", b"textarea", b"script", b"style"];

/// `html` with whitespace that contains a line break collapsed (dropped
/// between block elements, one space elsewhere) and comments removed,
/// except inside `<pre>`, `<textarea>`, `<script>` and `<style>`.
/// Whitespace without a line break is kept: a theme that writes
/// `</a> <a>` means the space.
pub fn tidy(html: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len());
    let mut at = 0;
    // The name of the last tag written, to judge the whitespace after it
    // (empty at the start).
    let mut last_tag: &[u8] = b"";
    while at < html.len() {
        if starts_tag(html, at) {
            if html[at..].starts_with(b"<!--") {
                let end = find(html, at + 4, b"-->").map_or(html.len(), |e| e + 3);
                at = end;
                continue;
            }
            let end = tag_end(html, at);
            let tag = &html[at..end];
            out.extend_from_slice(tag);
            at = end;
            let (closing, name) = tag_name(tag);
            last_tag = name;
            if !closing && let Some(verbatim) = VERBATIM.iter().find(|v| eq_ignore_case(v, name)) {
                // Copied up to its closing tag, which the loop then writes.
                let close = find_closing(html, at, verbatim).unwrap_or(html.len());
                out.extend_from_slice(&html[at..close]);
                at = close;
            }
            continue;
        }
        let text_end = next_tag_start(html, at + 1);
        let text = &html[at..text_end];
        let next_tag = tag_name(&html[text_end..]).1;
        // The start and the end of the file count as blocks.
        let between_blocks = (last_tag.is_empty() || is_block(last_tag))
            && (next_tag.is_empty() || is_block(next_tag));
        collapse(text, between_blocks, &mut out);
        at = text_end;
    }
    out
}

/// Writes `text` with each whitespace run that holds a line break made
/// one space, or nothing at either end of a text between blocks.
fn collapse(text: &[u8], between_blocks: bool, out: &mut Vec<u8>) {
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
        if !(between_blocks && (start == 0 || end == text.len())) {
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

/// Whether whitespace never shows around the element `name`: a line break
/// between two of these (one closing, the next opening, say) is dropped.
/// Between any other tags it becomes one space, which is how browsers
/// show it.
fn is_block(name: &[u8]) -> bool {
    let mut lower = [0u8; 16];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return false;
    };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"!doctype"
            | b"address"
            | b"article"
            | b"aside"
            | b"base"
            | b"blockquote"
            | b"body"
            | b"caption"
            | b"dd"
            | b"details"
            | b"dialog"
            | b"div"
            | b"dl"
            | b"dt"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"form"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"header"
            | b"hr"
            | b"html"
            | b"li"
            | b"link"
            | b"main"
            | b"meta"
            | b"nav"
            | b"noscript"
            | b"ol"
            | b"p"
            | b"pre"
            | b"script"
            | b"section"
            | b"style"
            | b"summary"
            | b"table"
            | b"tbody"
            | b"td"
            | b"template"
            | b"tfoot"
            | b"th"
            | b"thead"
            | b"title"
            | b"tr"
            | b"ul"
    )
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
        match html[found] {
            b'>' => return found + 1,
            quote => match memchr::memchr(quote, &html[found + 1..]) {
                Some(close) => at = found + 1 + close + 1,
                None => return html.len(),
            },
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

/// Where the closing tag `</name` of a verbatim element starts, from `from`.
fn find_closing(html: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(lt) = find(html, at, b"</") {
        let rest = &html[lt + 2..];
        if rest.len() >= name.len() && eq_ignore_case(&rest[..name.len()], name) {
            return Some(lt);
        }
        at = lt + 2;
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
    fn line_breaks_between_blocks_go_and_inline_ones_become_a_space() {
        assert_eq!(
            tidied(
                "<!DOCTYPE html>\n<html>\n<head>\n  <meta charset=\"utf-8\">\n  <title>T</title>\n</head>\n<body>\n<ul>\n  <li><a href=\"a\">A</a>\n  <a href=\"b\">B</a></li>\n</ul>\n</body>\n</html>\n"
            ),
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T</title></head><body><ul><li><a href=\"a\">A</a> <a href=\"b\">B</a></li></ul></body></html>"
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
    }

    #[test]
    fn code_scripts_and_quoted_angle_brackets_are_left_alone() {
        let html = "<pre>line 1\n    line 2</pre>\n<script>\nif (a < b) {\n  go();\n}\n</script>\n<p title=\"a > b\n c\">x</p>";
        assert_eq!(
            tidied(html),
            "<pre>line 1\n    line 2</pre><script>\nif (a < b) {\n  go();\n}\n</script><p title=\"a > b\n c\">x</p>"
        );
        assert_eq!(
            tidied("<TEXTAREA>\n a\n</TEXTAREA>"),
            "<TEXTAREA>\n a\n</TEXTAREA>"
        );
    }

    #[test]
    fn block_names_are_found_in_any_case() {
        assert!(super::is_block(b"DIV") && super::is_block(b"!DOCTYPE"));
        assert!(!super::is_block(b"a") && !super::is_block(b"averyveryverylongname"));
    }

    #[test]
    fn comments_go_and_unclosed_things_end_the_text() {
        assert_eq!(tidied("<p>a<!-- note\n -->b</p>"), "<p>ab</p>");
        assert_eq!(tidied("<p>a<!-- never closed"), "<p>a");
        assert_eq!(
            tidied("<p>1 < 2\n  and 3 > 2</p>"),
            "<p>1 < 2 and 3 > 2</p>"
        );
        assert_eq!(
            tidied("<p title=\"never closed>x"),
            "<p title=\"never closed>x"
        );
        assert_eq!(tidied("<pre>never closed\n  x"), "<pre>never closed\n  x");
    }
}
