//! Interface strings ("Skip to main content", "Languages") in the reader's
//! language, from Fluent files, for templates to call as `t(key=...)`.

use std::collections::{BTreeMap, HashMap};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use unic_langid::LanguageIdentifier;

use crate::diag::{Diagnostic, Severity, SourceFile};

/// The language whose strings fill gaps in the others.
pub const FALLBACK: &str = "en";

/// Parsed interface strings of every language.
pub struct Strings {
    bundles: HashMap<String, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Strings")
            .field("languages", &self.bundles.keys())
            .finish()
    }
}

impl Strings {
    /// Parses every Fluent file; syntax problems are reported with their line.
    pub fn parse(
        sources: &BTreeMap<String, SourceFile>,
        problems: &mut Vec<Diagnostic>,
    ) -> Strings {
        let mut bundles = HashMap::new();
        for (tag, source) in sources {
            let resource = match FluentResource::try_new(source.text.clone()) {
                Ok(resource) => resource,
                Err((resource, errors)) => {
                    for error in errors {
                        problems.push(source.at(
                            error.pos.start,
                            Severity::Error,
                            format!(
                                "this line of interface strings cannot be read: {}",
                                error.kind
                            ),
                        ));
                    }
                    resource
                }
            };
            let locale: LanguageIdentifier = tag.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![locale]);
            // Strings go into text and attribute values alike; bidi isolation
            // marks inside attributes (e.g. `tel:` links) would break them.
            bundle.set_use_isolating(false);
            if let Err(errors) = bundle.add_resource(resource) {
                for error in errors {
                    problems.push(Diagnostic::in_file(
                        &source.path,
                        Severity::Error,
                        error.to_string(),
                    ));
                }
            }
            bundles.insert(tag.clone(), bundle);
        }
        Strings { bundles }
    }

    /// The string `key` in `lang`, falling back to English; `None` when no
    /// language has it.
    pub fn get(&self, lang: &str, key: &str) -> Option<String> {
        [lang, FALLBACK].iter().find_map(|tag| {
            let bundle = self.bundles.get(*tag)?;
            let pattern = bundle.get_message(key)?.value()?;
            let mut errors = Vec::new();
            Some(
                bundle
                    .format_pattern(pattern, None, &mut errors)
                    .into_owned(),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_fall_back_to_english() {
        let mut sources = BTreeMap::new();
        sources.insert(
            "en".to_string(),
            SourceFile::new("en.ftl", "a = A\nb = B\n"),
        );
        sources.insert("sq".to_string(), SourceFile::new("sq.ftl", "a = Ä\n"));
        let mut problems = Vec::new();
        let strings = Strings::parse(&sources, &mut problems);
        assert!(problems.is_empty());
        assert_eq!(strings.get("sq", "a").as_deref(), Some("Ä"));
        assert_eq!(strings.get("sq", "b").as_deref(), Some("B"));
        assert_eq!(strings.get("sq", "c"), None);
    }

    #[test]
    fn syntax_errors_are_located() {
        let mut sources = BTreeMap::new();
        sources.insert(
            "en".to_string(),
            SourceFile::new("i18n/en.ftl", "a = A\n!!! broken\n"),
        );
        let mut problems = Vec::new();
        Strings::parse(&sources, &mut problems);
        assert_eq!(problems[0].line, Some(2), "{problems:?}");
    }
}
