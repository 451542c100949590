//! A leaflet text → Typst markup: `print::markup::sections`, whose promise
//! is that the author's text only ever becomes Typst string literals, so
//! nothing written (`#`, `$`, `]`, `#import`) runs as Typst code.
//!
//! Input: the leaflet file (front matter and Markdown; without readable
//! front matter the whole input is the body); an optional first byte below
//! 0x08 picks the options (bit 0: native digits; bits 1-2: the language,
//! `en`, `sr`, `sr-Latn` (made from Cyrillic) or `fa`).
//!
//! Checked: each section, placed where `print` places it
//! (`sections: ([…], …)`), parses as Typst without errors, stays one
//! content block, and holds only string literals and the calls this module
//! writes: no markup text, no identifier of the author's.

#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use outreach::diag::SourceFile;
use outreach::model::Page;
use outreach::model::page::Origin;
use outreach::print::markup;
use outreach_fuzz::{check_diagnostic, options_and_text, page};
use typst_syntax::{SyntaxKind, SyntaxNode};

/// The names `markup` writes, and the `s` of the wrapper below.
const IDENTIFIERS: &[&str] = &[
    "s",
    "block",
    "box",
    "dir",
    "emph",
    "enum",
    "heading",
    "length",
    "level",
    "line",
    "linebreak",
    "list",
    "ltr",
    "quote",
    "raw",
    "start",
    "strike",
    "stroke",
    "strong",
    "text",
    "tight",
];

/// The kinds of syntax `markup` writes: code calls, string literals and
/// the whitespace between them.
const KINDS: &[SyntaxKind] = &[
    SyntaxKind::Markup,
    SyntaxKind::Space,
    SyntaxKind::Parbreak,
    SyntaxKind::Hash,
    SyntaxKind::Let,
    SyntaxKind::LetBinding,
    SyntaxKind::Eq,
    SyntaxKind::Ident,
    SyntaxKind::Str,
    SyntaxKind::Bool,
    SyntaxKind::Int,
    SyntaxKind::Numeric,
    SyntaxKind::Array,
    SyntaxKind::FuncCall,
    SyntaxKind::Args,
    SyntaxKind::Named,
    SyntaxKind::Colon,
    SyntaxKind::Comma,
    SyntaxKind::LeftParen,
    SyntaxKind::RightParen,
    SyntaxKind::LeftBracket,
    SyntaxKind::RightBracket,
    SyntaxKind::ContentBlock,
];

fn walk(node: &SyntaxNode, markup: &str) {
    assert!(
        KINDS.contains(&node.kind()),
        "{:?} `{}` in the markup of a leaflet: {markup:?}",
        node.kind(),
        node.full_text()
    );
    if node.kind() == SyntaxKind::Ident {
        assert!(
            IDENTIFIERS.contains(&node.leaf_text().as_str()),
            "the identifier `{}` in the markup of a leaflet: {markup:?}",
            node.leaf_text()
        );
    }
    for child in node.children() {
        walk(child, markup);
    }
}

fn check_section(markup: &str) {
    let wrapped = format!("#let s = (\n[\n{markup}],\n)\n");
    let root = typst_syntax::parse(&wrapped);
    let (errors, _) = root.errors_and_warnings();
    assert!(
        errors.is_empty(),
        "Typst cannot read the markup of a leaflet: {:?}\n{markup:?}",
        errors
            .iter()
            .map(|e| e.message.as_str())
            .collect::<Vec<_>>()
    );
    walk(&root, markup);
    // The section is still the one content block it was placed in.
    let binding = root
        .children()
        .find(|n| n.kind() == SyntaxKind::LetBinding)
        .expect("the wrapper's `let`");
    let array = binding
        .children()
        .find(|n| n.kind() == SyntaxKind::Array)
        .expect("the wrapper's array");
    let items = array
        .children()
        .filter(|n| n.kind() == SyntaxKind::ContentBlock)
        .count();
    assert_eq!(items, 1, "a section became {items} blocks: {markup:?}");
    let lets = root
        .children()
        .filter(|n| n.kind() == SyntaxKind::LetBinding)
        .count();
    assert_eq!(lets, 1, "the markup left its block: {markup:?}");
}

fn page_without_front_matter(lang: &str, text: &str, origin: Origin) -> Page {
    Page {
        campaign: "demo".into(),
        lang: lang.into(),
        slug: "card".into(),
        source: Arc::new(SourceFile::new(
            format!("content/demo/{lang}/leaflets/card.md"),
            text,
        )),
        body_start: 0,
        title: "T".into(),
        description: None,
        weight: 0,
        review: None,
        source_hash: None,
        country: None,
        audio: None,
        cover: None,
        origin,
        scan: None,
        draft: None,
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((options, text)) = options_and_text(data) else {
        return;
    };
    let native = options & 1 != 0;
    let (lang, origin) = match (options >> 1) & 3 {
        0 => ("en", Origin::Written),
        1 => ("sr", Origin::Written),
        2 => ("sr-Latn", Origin::Transliterated { from: "sr".into() }),
        _ => ("fa", Origin::Written),
    };
    let page = page("demo", lang, "card", text, origin.clone())
        .unwrap_or_else(|| page_without_front_matter(lang, text, origin));
    // No picture files: pictures in the text are left out, as when their
    // file was already reported missing.
    let (sections, problems) = markup::sections(&page, native, &Default::default());
    assert!(!sections.is_empty());
    let lines = page.source.text().lines().count().max(1);
    for section in &sections {
        assert!(
            (1..=lines + 1).contains(&section.line),
            "a section starts at line {} of {lines}",
            section.line
        );
        check_section(&section.markup);
    }
    for problem in &problems {
        check_diagnostic(problem, &page.source);
    }
});
