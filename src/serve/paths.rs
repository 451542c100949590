//! Which built file a request asks for. The preview keeps the site in
//! memory, so nothing outside it can be read; on top of that, addresses
//! with `..`, encoded slashes or backslashes, or a doubled leading slash are
//! refused outright (Zola's CVE-2023-40274 came from such addresses).

use std::path::{Path, PathBuf};

/// What to answer for a request path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The built file with this key (`<campaign>/<lang>/index.html`).
    File(String),
    /// A folder asked for without its final `/`: pages link relatively, so
    /// the browser must see the slash.
    Redirect(String),
    /// Nothing here; the campaign (first path segment) picks the 404 page.
    NotFound(Option<String>),
}

/// Resolves `url` (path and query as sent) against the built files.
pub fn resolve(url: &str, exists: impl Fn(&str) -> bool) -> Target {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let Some(key) = safe_key(path) else {
        return Target::NotFound(None);
    };
    let campaign = key
        .split('/')
        .next()
        .filter(|c| !c.is_empty())
        .map(str::to_string);
    if !key.is_empty() && !key.ends_with('/') && exists(&key) {
        return Target::File(key);
    }
    let folder = key.trim_end_matches('/');
    let index = if folder.is_empty() {
        "index.html".to_string()
    } else {
        format!("{folder}/index.html")
    };
    if exists(&index) {
        return if key.is_empty() || key.ends_with('/') {
            Target::File(index)
        } else {
            Target::Redirect(format!("{path}/"))
        };
    }
    Target::NotFound(campaign)
}

/// The decoded path without its leading `/`, or `None` for anything that
/// could name a file outside the site.
fn safe_key(path: &str) -> Option<String> {
    let rest = path.strip_prefix('/')?;
    if rest.starts_with('/') {
        return None;
    }
    // A `/` or `\` written as `%2F` or `%5C` is not a folder separator.
    let lower = rest.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") {
        return None;
    }
    let decoded = percent_decode(rest)?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        if matches!(*segment, "." | "..") || (segment.is_empty() && i != last) {
            return None;
        }
    }
    Some(decoded)
}

/// `%xx` decoded; `None` for a bad escape or text that is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file of the project's browser editor (`dir` is its folder) that
/// `/_outreach/editor/<rest>` asks for: only a file inside `dir`, reached
/// without leaving it through a link.
pub fn editor_file(dir: &Path, rest: &str) -> Option<PathBuf> {
    let key = safe_key(&format!("/{rest}"))?;
    let key = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key
    };
    let path = crate::output::write::under(dir, &key);
    let real = std::fs::canonicalize(&path).ok()?;
    let inside = std::fs::canonicalize(dir).ok()?;
    (real.starts_with(&inside) && real.is_file()).then_some(real)
}

/// The `Content-Type` for a file name.
pub fn mime_type(key: &str) -> &'static str {
    let extension = key.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "xml" => "application/xml",
        "yml" | "yaml" => "text/yaml; charset=utf-8",
        "wasm" => "application/wasm",
        "txt" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "zip" => "application/zip",
        "mp3" => "audio/mpeg",
        "opus" | "ogg" | "oga" => "audio/ogg",
        "m4a" => "audio/mp4",
        _ => "text/plain; charset=utf-8",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(key: &str) -> bool {
        matches!(
            key,
            "index.html"
                | "safe-work/index.html"
                | "safe-work/sq/index.html"
                | "safe-work/sq/get-help.html"
                | "safe-work/sq/leaflets/card.pdf"
                | "safe-work/404.html"
        )
    }

    #[test]
    fn files_folders_and_redirects() {
        assert_eq!(
            resolve("/safe-work/sq/get-help.html?x=1", site),
            Target::File("safe-work/sq/get-help.html".into())
        );
        assert_eq!(
            resolve("/safe-work/sq/", site),
            Target::File("safe-work/sq/index.html".into())
        );
        assert_eq!(
            resolve("/safe-work/sq", site),
            Target::Redirect("/safe-work/sq/".into())
        );
        assert_eq!(resolve("/", site), Target::File("index.html".into()));
        assert_eq!(
            resolve("/safe-work/nope.html", site),
            Target::NotFound(Some("safe-work".into()))
        );
        assert_eq!(
            resolve("/safe-work/sq/leaflets/card%2Epdf", site),
            Target::File("safe-work/sq/leaflets/card.pdf".into())
        );
    }

    #[test]
    fn addresses_that_could_leave_the_site_are_refused() {
        for url in [
            "/../etc/passwd",
            "/safe-work/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2e%2e%2fetc%2fpasswd",
            "/safe-work/..%5c..%5cetc%5cpasswd",
            "/safe-work/..\\..\\etc\\passwd",
            "//etc/passwd",
            "/safe-work//sq/index.html",
            "/safe-work/%00index.html",
            "/%ff%fe",
            "/%zz",
            "relative",
        ] {
            assert!(
                matches!(resolve(url, |_| true), Target::NotFound(_)),
                "{url}"
            );
        }
    }

    #[test]
    fn types_for_what_campaigns_publish() {
        assert_eq!(mime_type("a/b.pdf"), "application/pdf");
        assert_eq!(mime_type("a/b.SVG"), "image/svg+xml");
        assert_eq!(mime_type("static/font.woff2"), "font/woff2");
        assert_eq!(mime_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(mime_type("c/audio/0123456789.opus"), "audio/ogg");
        assert_eq!(mime_type("c/audio/0123456789.mp3"), "audio/mpeg");
        assert_eq!(mime_type("c/audio/0123456789.m4a"), "audio/mp4");
    }
}
