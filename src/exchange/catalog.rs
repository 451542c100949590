//! A campaign's messages in one language: made from its source documents,
//! filled from the translated documents and from the previous exchange
//! file, and merged as gettext's `msgmerge` merges: an unchanged source
//! text keeps its translation; a changed one gets the old translation as
//! a fuzzy suggestion, with the old source as `previous_source`; a text
//! that is gone stays at the end as obsolete.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

pub use crate::exchange::document::template;
use crate::exchange::document::{Field, Sources};
use crate::exchange::similarity::{FUZZY_THRESHOLD, similar_enough};
use crate::exchange::{Catalog, Message};
use crate::model::lang;
use crate::resolve::status::{TextCounts, digest};

/// A translation found in a translated document.
#[derive(Clone, Debug)]
pub struct Found {
    /// The translated text.
    pub translation: String,
    /// The document was stamped for an older source: the text needs checking.
    pub outdated: bool,
    /// The text changed in the document since the last export or import
    /// (or was never part of one): it wins over the previous exchange file.
    pub fresh: bool,
    /// The previous exchange file's translation changed since then too:
    /// both were edited, and neither may be lost.
    pub exchange_changed: bool,
}

/// What outreach last saw of each translated document and text, to tell a
/// hand edit from its own writing. Kept in
/// `translations/<campaign>/<lang>.state`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// Stamps of each document's text, by document path (with `/`).
    pub files: BTreeMap<String, String>,
    /// Stamps of each text's translation as its document held it, by the
    /// stamp of the text's context and source ([`State::key`]).
    pub texts: BTreeMap<String, String>,
}

impl State {
    /// Reads a state file; lines it does not understand are skipped, so a
    /// damaged file only makes documents look changed.
    pub fn parse(text: &str) -> State {
        let mut state = State::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            if let Some(rest) = line.strip_prefix("@ ") {
                if let Some((key, stamp)) = rest.split_once(' ') {
                    state.texts.insert(key.to_string(), stamp.to_string());
                }
            } else if let Some((path, stamp)) = line.rsplit_once(' ') {
                state.files.insert(path.to_string(), stamp.to_string());
            }
        }
        state
    }

    /// The state file's text.
    pub fn write(&self) -> String {
        let mut out = String::from(
            "# Written by outreach: a stamp of each translated file and text as outreach\n\
             # last read or wrote it, so that `outreach translate import` never overwrites\n\
             # a change made by hand. Keep it with the exchange files.\n",
        );
        for (path, stamp) in &self.files {
            out.push_str(&format!("{path} {stamp}\n"));
        }
        for (key, stamp) in &self.texts {
            out.push_str(&format!("@ {key} {stamp}\n"));
        }
        out
    }

    /// The stamp of a document's or a translation's text. Line ends and a
    /// byte-order mark do not count: an editor or Git changing them is not
    /// a change of the text.
    pub fn stamp(text: &str) -> String {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.as_bytes().contains(&b'\r') {
            digest(&[&text.replace("\r\n", "\n")])
        } else {
            digest(&[text])
        }
    }

    /// The stamp that stands for a text's context and source.
    pub fn key(context: &str, source: &str) -> String {
        digest(&[context, source])
    }
}

/// The key of a message: its context and source text.
pub type Key = (String, String);

/// Everything an export of one language needs that is not in the project's
/// documents: the previous exchange file and the state.
#[derive(Clone, Debug, Default)]
pub struct Previous {
    /// The last exchange file of this campaign and language, if any.
    pub catalog: Option<Catalog>,
    /// What outreach last saw of the translated documents.
    pub state: State,
}

/// The exchange file of `campaign` in `lang`, and the state to keep
/// beside it.
pub fn export(sources: &Sources, lang: &str, previous: &Previous) -> (Catalog, State) {
    let campaign = sources.campaign;
    let docs = &sources.docs;
    let template = sources.template.clone();
    let mut found: FxHashMap<(&str, &str), Found> = FxHashMap::default();
    let mut why_empty: FxHashMap<String, String> = FxHashMap::default();
    let mut state = State::default();
    let old_exact: FxHashMap<(&str, &str), &str> = previous
        .catalog
        .iter()
        .flat_map(|c| &c.messages)
        .map(|m| {
            (
                (m.context.as_str(), m.source.as_str()),
                m.translation.as_str(),
            )
        })
        .collect();
    let mut twice: FxHashMap<(&str, &str), String> = FxHashMap::default();
    for (n, doc) in docs.iter().enumerate() {
        let Some(translated) = sources.translated(n, lang) else {
            continue;
        };
        let path = crate::diag::shown(&doc.path_in(&campaign.id, lang));
        let file_stamp = State::stamp(translated.file.text());
        let file_fresh =
            previous.catalog.is_none() || previous.state.files.get(&path) != Some(&file_stamp);
        state.files.insert(path.clone(), file_stamp);
        if let Some(reason) = &translated.misaligned {
            why_empty.insert(
                doc.context.clone(),
                format!("not taken from {path}: {reason}, so its texts could not be matched"),
            );
        }
        for (text, translation) in doc.texts.iter().zip(translated.texts) {
            let Some(translation) = translation.filter(|t| !t.trim().is_empty()) else {
                continue;
            };
            // A text left in the source language (a page written with
            // `--partial`) is not a translation.
            if translation == text.source && text.source.split_whitespace().count() >= 3 {
                continue;
            }
            let key = (doc.context.as_str(), text.source.as_str());
            let key_stamp = State::key(&doc.context, &text.source);
            let base = previous.state.texts.get(&key_stamp);
            let fresh = match base {
                Some(base) => &State::stamp(&translation) != base,
                None => file_fresh,
            };
            let exchange_changed = base.is_some_and(|base| {
                old_exact
                    .get(&(doc.context.as_str(), text.source.as_str()))
                    .is_some_and(|t| !t.is_empty() && &State::stamp(t) != base)
            });
            state.texts.insert(key_stamp, State::stamp(&translation));
            let outdated = translated.outdated && !matches!(text.field, Field::Campaign(_));
            match found.get(&key) {
                Some(first) if first.translation != translation => {
                    twice.insert(key, translation);
                }
                Some(_) => {}
                None => {
                    found.insert(
                        key,
                        Found {
                            translation,
                            outdated,
                            fresh,
                            exchange_changed,
                        },
                    );
                }
            }
        }
    }
    let mut messages = merge(template, previous.catalog.as_ref(), &found);
    for message in &mut messages {
        // The same text twice in a page, translated in two ways: one
        // translation would replace the other, so a person decides.
        if let Some(other) = twice.get(&(message.context.as_str(), message.source.as_str())) {
            message.fuzzy = true;
            message.notes.push(format!(
                "this text is on the page more than once, translated differently: «{}» and «{}»; the translation here will be used for every place",
                message.translation, other
            ));
        }
        if message.translation.is_empty()
            && let Some(why) = why_empty.get(&message.context)
        {
            message.notes.push(why.clone());
        }
    }
    let catalog = Catalog {
        campaign: campaign.id.clone(),
        source_language: campaign.default_language.clone(),
        language: lang.to_string(),
        plural_forms: Some(lang::gettext_plural_forms(lang).to_string()),
        messages,
    };
    (catalog, state)
}

/// The template (`.pot`) of a campaign: every message, untranslated.
pub fn export_template(sources: &Sources) -> Catalog {
    Catalog {
        campaign: sources.campaign.id.clone(),
        source_language: sources.campaign.default_language.clone(),
        language: String::new(),
        plural_forms: None,
        messages: sources.template.clone(),
    }
}

/// Fills the template's translations, as `msgmerge` would from the
/// previous file, except that a translated document changed since the last
/// exchange gives its own text.
pub fn merge(
    template: Vec<Message>,
    previous: Option<&Catalog>,
    found: &FxHashMap<(&str, &str), Found>,
) -> Vec<Message> {
    let old: Vec<&Message> = previous.map_or_else(Vec::new, |c| c.messages.iter().collect());
    let exact: FxHashMap<(&str, &str), usize> = old
        .iter()
        .enumerate()
        .map(|(i, m)| ((m.context.as_str(), m.source.as_str()), i))
        .collect();
    let mut used = vec![false; old.len()];
    let mut out = Vec::with_capacity(template.len());
    for mut message in template {
        let from_doc = found.get(&(message.context.as_str(), message.source.as_str()));
        let exact_old = exact
            .get(&(message.context.as_str(), message.source.as_str()))
            .copied();
        if let Some(i) = exact_old {
            used[i] = true;
            message.translator_comments = old[i].translator_comments.clone();
        }
        // A document edited since the last exchange speaks first; then the
        // previous file, exactly or as msgmerge's fuzzy suggestion; then a
        // document the previous file knows nothing of.
        let fuzzy_old = match (from_doc, exact_old) {
            (Some(f), _) if f.fresh => None,
            (_, Some(_)) => None,
            _ => closest(&old, &message),
        };
        let doc_wins = from_doc.filter(|f| f.fresh || (exact_old.is_none() && fuzzy_old.is_none()));
        if let (Some(found), Some(i)) = (doc_wins, exact_old)
            && found.exchange_changed
            && found.translation != old[i].translation
        {
            // Changed by hand in the page and in the exchange file: the
            // exchange file's goes first, to check, with the page's beside it.
            message.translation = old[i].translation.clone();
            message.fuzzy = true;
            message.notes.push(format!(
                "changed by hand in the page too, where it says: «{}»; keep one and clear the fuzzy mark",
                found.translation
            ));
        } else if let Some(found) = doc_wins {
            message.translation = found.translation.clone();
            message.fuzzy = found.outdated;
            if found.outdated {
                message.notes.push(
                    "the translated page was made for another version of the source, or does not say which (no source_hash): check this text"
                        .to_string(),
                );
            }
        } else if let Some(i) = exact_old {
            message.translation = old[i].translation.clone();
            message.fuzzy = old[i].fuzzy && !old[i].translation.is_empty();
            message.previous_source = old[i].previous_source.clone().filter(|_| message.fuzzy);
        } else if let Some(i) = fuzzy_old {
            used[i] = true;
            message.translation = old[i].translation.clone();
            message.fuzzy = true;
            message.previous_source = Some(old[i].source.clone());
        }
        out.push(message);
    }
    // Translations of texts that are gone stay, as msgmerge keeps them,
    // so a text that comes back finds its translation.
    for (i, m) in old.iter().enumerate() {
        if !used[i] && !m.translation.is_empty() {
            out.push(Message {
                obsolete: true,
                notes: Vec::new(),
                references: Vec::new(),
                line: 0,
                ..(*m).clone()
            });
        }
    }
    out
}

/// The old translated message whose source is most like `message`'s, if
/// any is alike enough. Like msgmerge, it looks in every context (a text
/// moved to another page keeps its translation as a suggestion), and the
/// same context only decides between equally good matches.
fn closest(old: &[&Message], message: &Message) -> Option<usize> {
    let mut best: Option<(f64, bool, usize)> = None;
    for (i, m) in old.iter().enumerate() {
        if m.translation.is_empty() {
            continue;
        }
        let bound = best.map_or(FUZZY_THRESHOLD, |(b, _, _)| b);
        let Some(s) = similar_enough(&m.source, &message.source, bound) else {
            continue;
        };
        let same = m.context == message.context;
        if best.is_none_or(|(b, b_same, _)| s > b || (s == b && same && !b_same)) {
            best = Some((s, same, i));
        }
    }
    best.map(|(_, _, i)| i)
}

/// Translated, fuzzy and untranslated messages of a catalog (obsolete ones
/// left out).
pub fn counts(catalog: &Catalog) -> TextCounts {
    let mut counts = TextCounts::default();
    for m in catalog.messages.iter().filter(|m| !m.obsolete) {
        if m.translation.is_empty() {
            counts.untranslated += 1;
        } else if m.fuzzy {
            counts.fuzzy += 1;
        } else {
            counts.translated += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(context: &str, source: &str, translation: &str) -> Message {
        Message::new(context, source, translation)
    }

    #[test]
    fn merge_keeps_marks_fuzzy_and_obsoletes_like_msgmerge() {
        let old = Catalog {
            messages: vec![
                msg("a", "Keep me.", "Mbamë."),
                msg("a", "The cat sat on the mat.", "Macja u ul."),
                msg("a", "Gone entirely.", "Iku."),
                msg("b", "Other page text.", "Tjetër."),
            ],
            ..Catalog::default()
        };
        let template = vec![
            msg("a", "Keep me.", ""),
            msg("a", "The cat sat on the red mat.", ""),
            msg("b", "The cat sat on the mat!", ""),
            msg("a", "Something new.", ""),
        ];
        let merged = merge(template, Some(&old), &FxHashMap::default());
        assert_eq!(merged[0].translation, "Mbamë.");
        assert!(!merged[0].fuzzy);
        assert!(merged[1].fuzzy);
        assert_eq!(merged[1].translation, "Macja u ul.");
        assert_eq!(
            merged[1].previous_source.as_deref(),
            Some("The cat sat on the mat.")
        );
        // As in msgmerge, a match from another page is a suggestion too.
        assert!(merged[2].fuzzy);
        assert_eq!(merged[2].translation, "Macja u ul.");
        assert!(merged[3].translation.is_empty());
        let obsolete: Vec<&str> = merged
            .iter()
            .filter(|m| m.obsolete)
            .map(|m| m.source.as_str())
            .collect();
        assert_eq!(obsolete, ["Gone entirely.", "Other page text."]);
        // An obsolete translation comes back when its text does.
        let again = merge(
            vec![msg("a", "Gone entirely.", "")],
            Some(&Catalog {
                messages: merged,
                ..Catalog::default()
            }),
            &FxHashMap::default(),
        );
        assert_eq!(again[0].translation, "Iku.");
        assert!(!again[0].fuzzy);
    }

    #[test]
    fn a_document_edited_since_the_last_exchange_wins() {
        let old = Catalog {
            messages: vec![msg("a", "Hello.", "Old.")],
            ..Catalog::default()
        };
        let mut found = FxHashMap::default();
        let key = ("a", "Hello.");
        found.insert(
            key,
            Found {
                translation: "From the page.".into(),
                outdated: false,
                fresh: false,
                exchange_changed: false,
            },
        );
        let template = vec![msg("a", "Hello.", "")];
        let merged = merge(template.clone(), Some(&old), &found);
        assert_eq!(merged[0].translation, "Old.", "the exchange file is newer");
        found.get_mut(&key).unwrap().fresh = true;
        let merged = merge(template, Some(&old), &found);
        assert_eq!(merged[0].translation, "From the page.");
    }

    #[test]
    fn state_round_trips() {
        let mut state = State::default();
        state
            .files
            .insert("content/c/sq/a b.md".into(), State::stamp("x"));
        state
            .texts
            .insert(State::key("p", "Hello"), State::stamp("Tung"));
        assert_eq!(State::parse(&state.write()), state);
        // Line ends and a byte-order mark are not changes of the text.
        assert_eq!(State::stamp("a\r\nb"), State::stamp("\u{feff}a\nb"));
        assert_ne!(State::stamp("a b"), State::stamp("a  b"));
    }

    #[test]
    fn a_text_changed_in_the_page_and_in_the_exchange_file_is_not_lost() {
        let old = Catalog {
            messages: vec![msg("a", "Hello.", "From the translator.")],
            ..Catalog::default()
        };
        let mut found = FxHashMap::default();
        found.insert(
            ("a", "Hello."),
            Found {
                translation: "From the page.".into(),
                outdated: false,
                fresh: true,
                exchange_changed: true,
            },
        );
        let merged = merge(vec![msg("a", "Hello.", "")], Some(&old), &found);
        assert_eq!(merged[0].translation, "From the translator.");
        assert!(merged[0].fuzzy);
        assert!(merged[0].notes.iter().any(|n| n.contains("From the page.")));
    }
}
