//! A campaign file → `load::campaigns::parse`: YAML through serde-saphyr,
//! then every check of the campaign's settings.
//!
//! Input: the campaign file, as UTF-8.
//!
//! Checked: a campaign comes back exactly when no problem is an error;
//! every problem points into the file and prints; an accepted campaign
//! keeps the promises `render` relies on (its default language is one of
//! its languages, each listed once, each with a title and a description;
//! `base_url` and the quick exit are full web addresses).

#![no_main]

use libfuzzer_sys::fuzz_target;
use outreach::diag::{Severity, SourceFile};
use outreach::load::campaigns;
use outreach_fuzz::check_diagnostic;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceFile::new("campaigns/demo.yaml", text);
    let (campaign, problems) = campaigns::parse("demo", source.clone());
    for problem in &problems {
        check_diagnostic(problem, &source);
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let Some(campaign) = campaign else {
        assert!(errors > 0, "no campaign and no error");
        return;
    };
    assert_eq!(errors, 0, "a campaign came back with errors: {problems:?}");
    assert_eq!(campaign.id, "demo");
    assert!(
        !campaign.languages.is_empty(),
        "a campaign without languages"
    );
    let tags: Vec<&str> = campaign.languages.iter().map(|l| l.tag.as_str()).collect();
    for (i, tag) in tags.iter().enumerate() {
        assert!(!tags[..i].contains(tag), "`{tag}` listed twice");
        assert!(
            campaign.title.contains_key(*tag),
            "no title for `{tag}`: {:?}",
            campaign.title
        );
        assert!(
            campaign.description.contains_key(*tag),
            "no description for `{tag}`"
        );
    }
    assert!(
        tags.contains(&campaign.default_language.as_str()),
        "default_language `{}` is not one of {tags:?}",
        campaign.default_language
    );
    if let Some(url) = &campaign.base_url {
        assert!(
            (url.starts_with("https://") || url.starts_with("http://")) && url.ends_with('/'),
            "base_url `{url}`"
        );
    }
    if let Some(url) = &campaign.quick_exit {
        // Checked trimmed, kept as written: browsers trim an href too.
        let url = url.trim();
        assert!(
            url.starts_with("https://") || url.starts_with("http://"),
            "quick exit `{url}`"
        );
    }
});
