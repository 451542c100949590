//! Files for web hosts: they send a visitor of the campaign's front page
//! straight to their browser's language, before any page loads. Each
//! assumes the campaign folder is what the host serves (Netlify: the
//! site's folder; Apache: any folder, sub-folders included).

use crate::model::Campaign;

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

/// Apache's `.htaccess` (mod_rewrite, as on shared hosting): the first
/// language of the browser's `Accept-Language` decides. Rules with a
/// script come first, so `sr-Latn` is not taken for `sr`.
pub fn apache_htaccess(campaign: &Campaign) -> String {
    let mut out = String::from(
        "# Written by outreach: sends visitors of the campaign's front page to their\n\
         # browser's language. Needs mod_rewrite; without it the front page is a list\n\
         # of languages, which works as well.\n\
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
    out.push_str(
        "</IfModule>\n<IfModule mod_headers.c>\nHeader append Vary Accept-Language\n</IfModule>\n",
    );
    out
}
