//! Whatever an author types, outreach reports problems and never panics.

use std::collections::HashMap;

use outreach::diag::SourceFile;
use outreach::exchange::segment;
use outreach::load::{campaigns, front_matter};
use outreach::render::markdown;
use proptest::prelude::*;

/// Text that looks like what authors write: YAML and Markdown punctuation,
/// several scripts, tabs, CRLF, byte-order marks and joiners.
fn authorish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("---\n".to_string()),
            Just("title: ".to_string()),
            Just("\t".to_string()),
            Just("\r\n".to_string()),
            Just("\u{feff}".to_string()),
            Just("\u{200c}".to_string()),
            Just("{#id}".to_string()),
            Just("[a](b.md#c)".to_string()),
            Just("<b>".to_string()),
            Just("## ".to_string()),
            Just("| a |\n|---|\n".to_string()),
            Just("[^1]: x\n".to_string()),
            Just("languages: [".to_string()),
            "[a-zA-Z0-9 :#\\[\\]{}()*&!|>'\"%@`,.-]{0,12}",
            "[ا-ي۰-۹ЀЏа-я]{0,6}",
        ],
        0..30,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn front_matter_never_panics(text in authorish()) {
        let file = SourceFile::new("content/c/en/p.md", text);
        if let Err(d) = front_matter::parse(&file) {
            prop_assert!(d.path.is_some());
            let _ = d.to_string();
        }
    }

    /// Export → identity "translation" → import (issue 12): putting every
    /// text back in its place gives the page byte for byte, and the page
    /// still reads as the same texts, which is what an import checks.
    #[test]
    fn any_page_survives_the_translation_round_trip(text in authorish()) {
        let segments = segment::segments(&text);
        let own: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
        prop_assert_eq!(&segment::replace(&text, &segments, &own), &text);
        // Texts of other lengths go in the same places and read back.
        let longer: Vec<String> = segments
            .iter()
            .map(|s| if s.text.contains('\n') { s.text.clone() } else { format!("x{}", s.text) })
            .collect();
        let longer_refs: Vec<&str> = longer.iter().map(String::as_str).collect();
        let again = segment::replace(&text, &segments, &longer_refs);
        let reread: Vec<String> = segment::segments(&again).into_iter().map(|s| s.text).collect();
        prop_assert_eq!(reread, longer);
    }

    #[test]
    fn campaign_files_never_panic(text in authorish()) {
        let (_, problems) = campaigns::parse("c", SourceFile::new("campaigns/c.yaml", text));
        for d in problems {
            let _ = d.to_string();
        }
    }

    #[test]
    fn markdown_never_panics_and_scan_matches_render(text in authorish()) {
        let scan = markdown::scan(&text, Some("Latn"));
        let html = markdown::to_html(&text, &HashMap::new(), &HashMap::new(), false, Some(outreach::resolve::translit::Script::Latin));
        for id in &scan.heading_ids {
            let needle = format!("id=\"{}\"", id.replace('&', "&amp;").replace('"', "&quot;"));
            prop_assert!(html.contains(&needle), "{} missing from {}", id, html);
        }
    }
}

/// The pieces a leaflet test needs, made once: a campaign, the built-in
/// theme with its fonts, and the built-in strings.
struct LeafletKit {
    campaign: outreach::model::Campaign,
    theme: outreach::model::Theme,
    fonts: outreach::print::world::Fonts,
    strings: outreach::render::strings::Strings,
}

static KIT: std::sync::LazyLock<LeafletKit> = std::sync::LazyLock::new(|| {
    let yaml = "title: {en: T}\ndescription: {en: D}\nlanguages: [en]\ndefault_language: en\n\
                base_url: \"https://example.org/\"\nleaflets:\n  - id: one\n    format: a6-card\n";
    let (campaign, problems) = campaigns::parse("c", SourceFile::new("campaigns/c.yaml", yaml));
    let campaign = campaign.unwrap_or_else(|| panic!("{problems:?}"));
    let nowhere = std::path::Path::new("/nonexistent-outreach-project");
    let theme = outreach::load::theme::load_theme(nowhere, "default", &mut Vec::new()).unwrap();
    let sources = outreach::load::theme::load_strings(nowhere, &mut Vec::new());
    LeafletKit {
        fonts: outreach::print::world::Fonts::new(&theme),
        strings: outreach::render::strings::Strings::parse(&sources, &mut Vec::new()),
        campaign,
        theme,
    }
});

/// Problems a leaflet may rightly have; anything else (Typst failing to
/// read the markup outreach wrote) is a bug.
const LEAFLET_PROBLEMS: &[&str] = &[
    "cannot be printed in a leaflet",
    "does not fit",
    "the text ran over",
    "no font of the theme",
    "parts (",
    "HTML is not printed",
    "does not start a new part",
    // A word too long for its line (found by this test: a code span with
    // no space in it).
    "is wider than its panel",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn any_leaflet_text_typesets_or_gets_a_located_problem(
        body in authorish(),
        extra in "[$#\\\\\\[\\]<>@=_*~+-]{0,8}",
    ) {
        let kit = &*KIT;
        let text = format!("---\ntitle: T\n---\n{body}{extra}\n");
        let page = outreach::model::Page {
            campaign: "c".into(),
            lang: "en".into(),
            slug: "one".into(),
            body_start: "---\ntitle: T\n---\n".len(),
            source: std::sync::Arc::new(SourceFile::new("content/c/en/leaflets/one.md", text)),
            title: "T".into(),
            description: None,
            weight: 0,
            review: None,
            source_hash: None,
            country: None,
            audio: None,
            cover: None,
            origin: outreach::model::page::Origin::Written,
            scan: None,
            draft: None,
        };
        let leaflet = outreach::resolve::ResolvedLeaflet {
            spec: kit.campaign.leaflets[0].clone(),
            text: page,
            images: Default::default(),
            cover: None,
        };
        let (pdf, problems) = outreach::print::print_leaflet(
            &kit.campaign, &kit.theme, &kit.fonts, &leaflet, &kit.strings,
            &outreach::images::Pictures::default(),
        );
        for problem in &problems {
            prop_assert!(
                LEAFLET_PROBLEMS.iter().any(|p| problem.message.contains(p)),
                "unexpected problem: {}", problem
            );
        }
        prop_assert_eq!(pdf.is_some(), problems.iter().all(|p| p.severity == outreach::diag::Severity::Warning));
    }
}
