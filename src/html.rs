//! Text written into HTML: the one escaping function every stage that
//! writes HTML (pages, pictures' tags, the sitemap, the preview) shares.

/// `text` with the characters HTML gives meaning escaped, for text and
/// attribute values.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
    out
}
