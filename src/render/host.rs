//! Files for web hosts: language negotiation (a visitor of the campaign's
//! front page goes straight to their browser's language) and privacy and
//! safety headers. Each assumes the campaign folder is what the host
//! serves (Netlify: the site's folder; Apache: any folder, sub-folders
//! included).

use crate::model::Campaign;

/// The Content-Security-Policy of every page: everything from the site
/// itself, nothing from anywhere else, no inline scripts or styles, no
/// forms, no plugins. Pages also carry it as a `<meta>` (see `base.html`),
/// which hosts without header files still honour.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// Directives that only work as real headers (not in `<meta>`).
const HEADER_ONLY: &str = "frame-ancestors 'none'";

/// Permissions no campaign page needs.
const PERMISSIONS: &str = "camera=(), microphone=(), geolocation=(), interest-cohort=()";

/// Netlify's and Cloudflare Pages' `_headers`: privacy and safety headers
/// for every file.
pub fn netlify_headers() -> String {
    format!(
        "# Written by outreach: no referrer, no framing, no third parties.\n\
         /*\n  Content-Security-Policy: {CONTENT_SECURITY_POLICY}; {HEADER_ONLY}\n  \
         Referrer-Policy: no-referrer\n  X-Content-Type-Options: nosniff\n  \
         Permissions-Policy: {PERMISSIONS}\n"
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
pub fn apache_htaccess(campaign: &Campaign) -> String {
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
    out.push_str(&format!(
        "</IfModule>\n<IfModule mod_headers.c>\n\
         Header append Vary Accept-Language\n\
         Header set Content-Security-Policy \"{CONTENT_SECURITY_POLICY}; {HEADER_ONLY}\"\n\
         Header set Referrer-Policy \"no-referrer\"\n\
         Header set X-Content-Type-Options \"nosniff\"\n\
         Header set Permissions-Policy \"{PERMISSIONS}\"\n\
         Header unset Set-Cookie\n\
         </IfModule>\n"
    ));
    out
}
