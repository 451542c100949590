//! A page file → front matter → Markdown → HTML, as `render` makes a page:
//! `front_matter::parse`, then `markdown::scan` (what `resolve` checks)
//! and `markdown::to_html` (what is published).
//!
//! Input: the page file; an optional first byte below 0x08 picks the
//! options (bit 0: the campaign allows raw HTML; bits 1-2: the language,
//! `en`, `sr` (Cyrillic, `{{…}}` marks removed), `sr-Latn` (made from
//! Cyrillic) or `ar`).
//!
//! Checked: without raw HTML only Markdown's tags and attributes come out,
//! and the heading ids in the HTML are exactly those `scan` found, so an
//! anchor `resolve` accepts is one the page has.

#![no_main]

use std::collections::HashMap;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use outreach::images::{Picture, Variant};
use outreach::model::page::Origin;
use outreach::render::markdown;
use outreach::resolve::translit;
use outreach_fuzz::{check_markdown_only_html, heading_ids, options_and_text, page};

fuzz_target!(|data: &[u8]| {
    let Some((options, text)) = options_and_text(data) else {
        return;
    };
    let allow_raw_html = options & 1 != 0;
    let (lang, origin, script) = match (options >> 1) & 3 {
        0 => ("en", Origin::Written, "Latn"),
        1 => ("sr", Origin::Written, "Cyrl"),
        2 => (
            "sr-Latn",
            Origin::Transliterated { from: "sr".into() },
            "Latn",
        ),
        _ => ("ar", Origin::Written, "Arab"),
    };
    let Some(page) = page("demo", lang, "page", text, origin) else {
        return;
    };
    let body = page.body();
    let scan = markdown::scan(body, Some(script));
    for (offset, _) in &scan.links {
        assert!(*offset <= body.len());
    }
    // Every picture the page shows exists, in two sizes.
    let picture = Arc::new(Picture {
        variants: vec![
            Variant {
                width: 480,
                height: 320,
                name: "photo-480.jpg".into(),
                bytes: Arc::new(Vec::new()),
            },
            Variant {
                width: 960,
                height: 640,
                name: "photo-960.jpg".into(),
                bytes: Arc::new(Vec::new()),
            },
        ],
    });
    let pictures: HashMap<String, Arc<Picture>> = scan
        .images
        .iter()
        .map(|i| (i.dest.clone(), picture.clone()))
        .collect();
    let html = markdown::to_html(
        body,
        &HashMap::new(),
        &pictures,
        allow_raw_html,
        translit::script_for(&page),
    );
    if allow_raw_html {
        return;
    }
    check_markdown_only_html(&html);
    let mut emitted = heading_ids(&html);
    let mut scanned: Vec<String> = scan
        .heading_ids
        .iter()
        .cloned()
        .chain(scan.duplicate_ids.iter().map(|(_, id)| id.clone()))
        .collect();
    emitted.sort();
    scanned.sort();
    assert_eq!(
        emitted, scanned,
        "the heading ids rendered differ from those scanned"
    );
});
