//! The preview's request paths → `serve::paths::resolve`, which decides
//! which built file an address names (and refuses `..`, encoded slashes,
//! backslashes and `//`).
//!
//! Input: the request target as sent (path and query). Spaces and control
//! characters cannot be in an HTTP request target (the parser refuses
//! them), so such inputs are skipped. The
//! first byte picks the built files: none, one small site, or everything.
//!
//! Checked: the lookup only ever asks for keys inside the site (no leading
//! `/`, no `.` or `..` segment, no `\`, NUL or empty folder); a file
//! answered is one that exists; a redirect stays on this host (`/…/`, never
//! `//` or `/\`); the campaign of a 404 is one path segment.

#![no_main]

use std::cell::RefCell;

use libfuzzer_sys::fuzz_target;
use outreach::serve::paths::{Target, mime_type, resolve};

const SITE: &[&str] = &[
    "index.html",
    "safe-work/index.html",
    "safe-work/sq/index.html",
    "safe-work/sq/get-help.html",
    "safe-work/sq/leaflets/card.pdf",
    "safe-work/404.html",
    "safe-work/static/style.css",
];

fn check_key(key: &str, url: &str) {
    assert!(!key.starts_with('/'), "key {key:?} from {url:?}");
    assert!(!key.contains(['\\', '\0']), "key {key:?} from {url:?}");
    let segments: Vec<&str> = key.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        assert!(
            !matches!(*segment, "." | ".."),
            "key {key:?} from {url:?} leaves the site"
        );
        assert!(
            !segment.is_empty() || i + 1 == segments.len(),
            "key {key:?} from {url:?} has an empty folder"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&site, rest)) = data.split_first() else {
        return;
    };
    let Ok(url) = std::str::from_utf8(rest) else {
        return;
    };
    if url.contains(|c: char| c == ' ' || c.is_ascii_control()) {
        return;
    }
    let asked = RefCell::new(Vec::new());
    let exists = |key: &str| {
        check_key(key, url);
        asked.borrow_mut().push(key.to_string());
        match site % 3 {
            0 => false,
            1 => SITE.contains(&key),
            _ => true,
        }
    };
    match resolve(url, exists) {
        Target::File(key) => {
            check_key(&key, url);
            assert!(
                asked.borrow().contains(&key),
                "{key:?} answered without being looked up"
            );
            assert!(site % 3 != 0 && (site % 3 == 2 || SITE.contains(&key.as_str())));
            let _ = mime_type(&key);
        }
        Target::Redirect(location) => {
            assert!(
                location.starts_with('/') && location.ends_with('/'),
                "redirect to {location:?} from {url:?}"
            );
            assert!(
                !location.starts_with("//") && !location.starts_with("/\\"),
                "redirect off the host: {location:?} from {url:?}"
            );
            assert!(!location.contains(['\r', '\n']));
        }
        Target::NotFound(Some(campaign)) => {
            assert!(!campaign.is_empty() && !campaign.contains('/'));
            assert!(!matches!(campaign.as_str(), "." | ".."));
        }
        Target::NotFound(None) => {}
    }
});
