//! Files for web hosts: language negotiation (a visitor of the campaign's
//! front page goes straight to their browser's language), privacy and
//! safety headers, and how long browsers may keep each file: a year for
//! the files in `static/`, `images/` and `audio/`, whose names change
//! with their content, and "ask again" for pages, so a changed hotline
//! number reaches readers at once. Each assumes the campaign folder is
//! what the host serves (Netlify, Cloudflare Pages: the site's folder;
//! Apache: any folder, sub-folders included).

use crate::model::Campaign;
use crate::output::compress::TEXT;

/// The Content-Security-Policy of every page: everything from the site
/// itself, nothing from anywhere else, no inline scripts or styles, no
/// forms, no plugins. Pages also carry it as a `<meta>` (see `base.html`),
/// which hosts without header files still honour.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// Directives that only work as real headers (not in `<meta>`).
const HEADER_ONLY: &str = "frame-ancestors 'none'";

/// Cache lifetime of files with content-hashed names: a year, unchanged.
const FOREVER: &str = "public, max-age=31536000, immutable";

/// Cache lifetime of pages and other files that keep their name: kept,
/// but checked with the host before each use.
const ASK_AGAIN: &str = "no-cache";

/// Permissions no campaign page needs.
const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), interest-cohort=()";

/// Netlify's and Cloudflare Pages' `_headers`: privacy and safety headers
/// for every file, and a year of caching for `static/`, `images/` and
/// `audio/`.
/// Pages keep the hosts' own setting (both send `max-age=0,
/// must-revalidate`): a second `Cache-Control` rule for them would be
/// merged with the one for `static/`, as both match.
pub fn netlify_headers() -> String {
    format!(
        "# Written by outreach: no referrer, no framing, no third parties;\n\
         # files whose names change with their content are kept for a year.\n\
         /*\n  Content-Security-Policy: {CONTENT_SECURITY_POLICY}; {HEADER_ONLY}\n  \
         Referrer-Policy: no-referrer\n  X-Content-Type-Options: nosniff\n  \
         Permissions-Policy: {PERMISSIONS}\n\
         /static/*\n  Cache-Control: {FOREVER}\n\
         /images/*\n  Cache-Control: {FOREVER}\n\
         /audio/*\n  Cache-Control: {FOREVER}\n"
    )
}

/// Netlify's `_redirects`: one `Language=` rule per language. Netlify
/// matches languages without their script, so Serbian goes to the
/// Cyrillic pages (the browser-side script picks Latin when asked).
pub fn netlify_redirects(campaign: &Campaign) -> String {
    let mut out =
        String::from("# Written by outreach: sends visitors of / to their browser's language.\n");
    let mut seen = Vec::new();
    for language in &campaign.languages {
        let primary = language.tag.split('-').next().unwrap_or(&language.tag);
        if seen.contains(&primary) {
            continue;
        }
        seen.push(primary);
        out.push_str(&format!(
            "/  /{}/index.html  302  Language={primary}\n",
            language.tag
        ));
    }
    out
}

/// Apache's `.htaccess` (mod_rewrite and mod_headers, as on shared
/// hosting): the first language of the browser's `Accept-Language`
/// decides. Rules with a script come first, so `sr-Latn` is not taken for
/// `sr`. Then the same headers as `_headers`, and no cookies.
pub fn apache_htaccess(campaign: &Campaign, precompressed: bool) -> String {
    let mut out = String::from(
        "# Written by outreach: sends visitors of the campaign's front page to their\n\
         # browser's language, and sets privacy headers. Needs mod_rewrite and\n\
         # mod_headers; without them the site works all the same.\n\
         <IfModule mod_rewrite.c>\n\
         RewriteEngine On\n",
    );
    let mut languages: Vec<_> = campaign.languages.iter().collect();
    languages.sort_by_key(|l| std::cmp::Reverse(l.tag.len()));
    for language in languages {
        let pattern = language.tag.replace('-', "[-_]");
        out.push_str(&format!(
            "RewriteCond %{{HTTP:Accept-Language}} ^{pattern}([-_,;]|$) [NC]\n\
             RewriteCond %{{REQUEST_URI}} ^(.*/)$\n\
             RewriteRule ^$ %1{}/index.html [R=302,L]\n",
            language.tag
        ));
    }
    // Precompressed copies, when the browser takes them and they exist.
    // Only in builds that wrote them: copies left on the server by an
    // earlier upload would otherwise be served with their old text.
    if precompressed {
        let extensions: Vec<&str> = TEXT.iter().map(|(ext, _)| *ext).collect();
        let extensions = extensions.join("|");
        for (encoding, ext) in [("br", "br"), ("gzip", "gz")] {
            out.push_str(&format!(
                "RewriteCond %{{HTTP:Accept-Encoding}} \\b{encoding}\\b\n\
                 RewriteCond %{{REQUEST_FILENAME}}.{ext} -s\n\
                 RewriteRule ^(.+\\.({extensions}))$ $1.{ext} [L]\n"
            ));
        }
        for (ext, media_type) in TEXT {
            out.push_str(&format!(
                "RewriteRule \\.{ext}\\.(br|gz)$ - [T={media_type},E=no-gzip:1,E=no-brotli:1]\n"
            ));
        }
    }
    out.push_str("</IfModule>\n<IfModule mod_headers.c>\n");
    if precompressed {
        out.push_str(
            "<FilesMatch \"\\.br$\">\n  Header set Content-Encoding br\n  Header append Vary Accept-Encoding\n</FilesMatch>\n\
             <FilesMatch \"\\.gz$\">\n  Header set Content-Encoding gzip\n  Header append Vary Accept-Encoding\n</FilesMatch>\n",
        );
    }
    // Only the names outreach makes from content: `style.<hash>.css` in
    // `static/`, `<hash>-<width>.jpg`, `<hash>-card.png` (share cards) and
    // `<hash>.svg` (drawings) in `images/`, and `<hash>.opus` in `audio/`
    // (page names have no `.` in them, so a page is never taken for one).
    out.push_str(&format!(
        "Header set Cache-Control \"{ASK_AGAIN}\"\n\
         <FilesMatch \"^([^.]+\\.[0-9a-f]{{10}}\\.[a-z0-9]+|[0-9a-f]{{10}}(-[0-9]+|-card)?\\.(jpg|png|svg)|[0-9a-f]{{10}}\\.(mp3|opus|ogg|m4a))(\\.(br|gz))?$\">\n  Header set Cache-Control \"{FOREVER}\"\n</FilesMatch>\n\
         Header append Vary Accept-Language\n\
         Header set Content-Security-Policy \"{CONTENT_SECURITY_POLICY}; {HEADER_ONLY}\"\n\
         Header set Referrer-Policy \"no-referrer\"\n\
         Header set X-Content-Type-Options \"nosniff\"\n\
         Header set Permissions-Policy \"{PERMISSIONS}\"\n\
         Header unset Set-Cookie\n\
         </IfModule>\n"
    ));
    // Recordings' types, for hosts whose list of types is older than Opus
    // (a recording sent as `application/octet-stream` does not play).
    out.push_str(
        "<IfModule mod_mime.c>\n\
         AddType audio/mpeg .mp3\n\
         AddType audio/ogg .opus .ogg\n\
         AddType audio/mp4 .m4a\n\
         </IfModule>\n",
    );
    // Apache needs the 404 page's path from the domain's root, which only
    // `base_url` tells.
    if let Some(path) = campaign.base_url.as_deref().and_then(url_path) {
        out.push_str(&format!("ErrorDocument 404 {path}404.html\n"));
    }
    out
}

/// The path of an absolute `http(s)://host/path/` address, ending in `/`,
/// if it is safe to write as a bare `.htaccess` argument: only the
/// characters a percent-encoded path has (`base_url` is checked and
/// encoded on loading; this is the last line of defence, issue 13).
fn url_path(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let path = &rest[rest.find('/')?..];
    let safe = path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@%/".contains(&b));
    (safe && path.ends_with('/') && !path.starts_with("//")).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::url_path;

    #[test]
    fn the_404_path_comes_from_base_url() {
        assert_eq!(
            url_path("https://example.org/safe-work/"),
            Some("/safe-work/")
        );
        assert_eq!(url_path("https://example.org/"), Some("/"));
        assert_eq!(url_path("https://example.org"), None);
        // Nothing that could end the directive or start another.
        for bad in [
            "https://example.org/x\nHeader unset Content-Security-Policy\n/",
            "https://example.org/a b/",
            "https://example.org/\"quoted\"/",
            "https://example.org//evil.example/",
        ] {
            assert_eq!(url_path(bad), None, "{bad:?}");
        }
    }
}
