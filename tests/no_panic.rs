//! Whatever an author types, outreach reports problems and never panics.

use std::collections::HashMap;

use outreach::diag::SourceFile;
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
        let html = markdown::to_html(&text, &HashMap::new(), false, Some(outreach::resolve::translit::Script::Latin));
        for id in &scan.heading_ids {
            let needle = format!("id=\"{}\"", id.replace('&', "&amp;").replace('"', "&quot;"));
            prop_assert!(html.contains(&needle), "{} missing from {}", id, html);
        }
    }
}
