//! The browser editor: the settings with which Decap CMS and Sveltia CMS
//! edit a project's pages in a browser, for authors who never open a
//! Markdown file. Both read the same `admin/config.yml`; its collections
//! are made here from the campaigns, so that every field maps to a front
//! matter key outreach reads and every rule the editor can check is the
//! build's own. The editor lives in `admin/`, beside `content/`: it is
//! never part of a built site, which readers load.
//!
//! Plain text in, plain text out: `cmd::editor` reads and writes the files.

pub mod vendor;

use std::fmt::Write as _;

use crate::model::Campaign;
use crate::model::audio::AUDIO_EXTENSIONS;
use crate::model::country::COUNTRIES;
use crate::model::image::IMAGES_DIR;
use crate::model::lang::generated_from;
use vendor::Cms;

/// The editor's folder, at the top of the project.
pub const FOLDER: &str = "admin";

/// The settings file both editors read, inside [`FOLDER`].
pub const CONFIG: &str = "config.yml";

/// The line after which outreach writes the settings it makes; what is
/// above it is the author's (where to save, how to sign in) and is kept
/// whenever the file is written again.
pub const GENERATED_MARK: &str = "# ---- Written by outreach: do not change below this line; run `outreach editor` instead. ----";

/// The build's rules that the editor cannot say in its settings (it checks
/// the default language's fields only), run before it saves a page.
pub const CHECKS: &str = include_str!("checks.js");

/// The author's part of a new settings file: GitHub as the place pages are
/// saved, with a repository that is visibly an example; for Decap, its
/// helper on this computer too (Sveltia edits a local folder by itself,
/// and warns about settings it does not know).
pub fn default_settings(cms: Cms) -> String {
    let mut settings = String::from(
        "\
# Settings for the browser editor (Decap CMS and Sveltia CMS read this file).
# See \"Editing in the browser\" in outreach's README.
#
# Your settings: change them freely; outreach keeps them when it updates
# the rest of this file.
backend:
  name: github
  repo: your-account/your-repository   # EXAMPLE: your GitHub repository, as account/name
  branch: main
",
    );
    if cms == Cms::Decap {
        settings.push_str(
            "\
# On this computer, save to the project's files through `npx decap-server`
# instead of GitHub.
local_backend: true
",
        );
    }
    settings
}

/// The settings outreach makes for `campaigns` (sorted by id), below
/// [`GENERATED_MARK`]. `has_folder(campaign, lang)` says whether
/// `content/<campaign>/<lang>/` exists: a script variant outreach makes by
/// itself (`sr-Latn` from `sr`) is edited only where it was written by hand.
pub fn generated(campaigns: &[&Campaign], has_folder: &dyn Fn(&str, &str) -> bool) -> String {
    let mut out = String::new();
    let edited: Vec<(&Campaign, Vec<&str>)> = campaigns
        .iter()
        .map(|c| (*c, locales(c, has_folder)))
        .collect();
    let Some((first, _)) = edited.first() else {
        // No campaign: nothing to edit, but a file both editors accept.
        out.push_str("media_folder: content\npublic_folder: /content\ncollections: []\n");
        return out;
    };
    let mut all: Vec<&str> = Vec::new();
    for (_, locales) in &edited {
        for l in locales {
            if !all.contains(l) {
                all.push(l);
            }
        }
    }
    // Uploads outside a page's own collection need a folder too (Sveltia
    // wants this one written from the top of the project).
    let media = format!("content/{}/{IMAGES_DIR}", first.id);
    let _ = writeln!(out, "media_folder: {}", quoted(&media));
    let _ = writeln!(out, "public_folder: {}", quoted(&format!("/{media}")));
    out.push_str("publish_mode: simple\n");
    // Page file names become web addresses: lower-case ASCII, as
    // `load::content::check_slug` wants.
    out.push_str(
        "slug:\n  encoding: ascii\n  clean_accents: true\n  sanitize_replacement: \"-\"\n",
    );
    let _ = writeln!(
        out,
        "i18n:\n  structure: multiple_folders\n  locales: [{}]\n  default_locale: {}",
        list(&all),
        quoted(&first.default_language)
    );
    out.push_str("collections:\n");
    for (campaign, locales) in &edited {
        pages_collection(&mut out, campaign, locales);
    }
    for (campaign, locales) in &edited {
        if campaign.leaflets.is_empty() {
            continue;
        }
        for lang in locales {
            leaflets_collection(&mut out, campaign, lang);
        }
    }
    out
}

/// The languages of `campaign` an author writes, the default first.
fn locales<'a>(campaign: &'a Campaign, has_folder: &dyn Fn(&str, &str) -> bool) -> Vec<&'a str> {
    let mut locales = vec![campaign.default_language.as_str()];
    for language in &campaign.languages {
        let tag = language.tag.as_str();
        let made = generated_from(tag).is_some_and(|from| campaign.language(from).is_some());
        if tag != campaign.default_language && (!made || has_folder(&campaign.id, tag)) {
            locales.push(tag);
        }
    }
    locales
}

/// The campaign's name for the editor's menu: its title in the default
/// language, else its id.
fn label(campaign: &Campaign) -> &str {
    campaign
        .title
        .get(&campaign.default_language)
        .map_or(campaign.id.as_str(), String::as_str)
}

/// What the editor's menu and list say about a collection, and its folder.
struct Head {
    name: String,
    label: String,
    singular: &'static str,
    description: String,
    folder: String,
}

/// A collection's first lines: its name, what the editor says about it,
/// its folder, and the page files it holds.
fn collection_head(out: &mut String, head: &Head) {
    let _ = writeln!(out, "  - name: {}", quoted(&head.name));
    let _ = writeln!(out, "    label: {}", quoted(&head.label));
    let _ = writeln!(out, "    label_singular: {}", head.singular);
    let _ = writeln!(out, "    description: {}", quoted(&head.description));
    let _ = writeln!(out, "    folder: {}", quoted(&head.folder));
    out.push_str("    extension: md\n    format: frontmatter\n");
}

fn pages_collection(out: &mut String, campaign: &Campaign, locales: &[&str]) {
    collection_head(
        out,
        &Head {
            name: format!("{}-pages", campaign.id),
            label: format!("{}: pages", label(campaign)),
            singular: "page",
            description: format!(
                "The pages of the campaign `{}`, side by side in every language. A new page is written in {} first; its file name (and web address) is made from that title.",
                campaign.id, campaign.default_language
            ),
            folder: format!("content/{}", campaign.id),
        },
    );
    // New pages, yes; deleting one from the editor would also delete its
    // translations, and a campaign's home page must stay.
    out.push_str("    create: true\n    delete: false\n");
    media(out, campaign);
    i18n(out, campaign, locales);
    out.push_str("    summary: \"{{title}}\"\n    sortable_fields: [weight, title]\n");
    out.push_str("    editor:\n      preview: false\n");
    out.push_str("    fields:\n");
    title_field(
        out,
        "The page's title: its heading, the browser tab and link previews.",
    );
    field(
        out,
        "description",
        "Description",
        "string",
        "One sentence shown by search engines and when the page is shared. Optional.",
        &[],
    );
    field(
        out,
        "weight",
        "Order",
        "number",
        "Pages with a lower number come first in the menu. Optional.",
        &["value_type: int"],
    );
    draft_field(out);
    country_field(out, campaign);
    let extensions = AUDIO_EXTENSIONS
        .iter()
        .flat_map(|e| [e.to_string(), e.to_ascii_uppercase()])
        .collect::<Vec<_>>()
        .join("|");
    field(
        out,
        "audio",
        "Recorded reading",
        "string",
        "The file name of a recording of this page, put next to the page in the project (reading.mp3). MP3, Opus, Ogg or M4A. Optional.",
        &[&format!(
            "pattern: [{}, {}]",
            quoted(&format!(r"^[^/\\\s]+\.({extensions})$"),),
            quoted("a file name such as reading.mp3, without folders")
        )],
    );
    review_field(out);
    hidden_stamp(out);
    body_field(out);
}

fn leaflets_collection(out: &mut String, campaign: &Campaign, lang: &str) {
    let autonym = campaign.language(lang).map_or(lang, |l| l.autonym.as_str());
    let ids: Vec<&str> = campaign.leaflets.iter().map(|l| l.id.as_str()).collect();
    collection_head(
        out,
        &Head {
            name: format!("{}-leaflets-{lang}", campaign.id),
            label: format!("{}: leaflets ({autonym})", label(campaign)),
            singular: "leaflet",
            description: format!(
                "The printed leaflets in {autonym} ({}). Each language's text is fitted to the paper on its own, so leaflets are edited one language at a time. Which leaflets there are is set in campaigns/{}.yaml.",
                ids.join(", "),
                campaign.id
            ),
            folder: format!("content/{}/{lang}/leaflets", campaign.id),
        },
    );
    // A leaflet the campaign does not list is an error: the list is in
    // the campaign's file.
    out.push_str("    create: false\n    delete: false\n");
    // A leaflet links its pictures as the pages of its language do.
    media(out, campaign);
    out.push_str("    summary: \"{{title}}\"\n    editor:\n      preview: false\n    fields:\n");
    title_field(out, "The leaflet's title, on its cover.");
    field(
        out,
        "cover_image",
        "Cover picture",
        "image",
        "A picture under the title on the cover. Optional; if you choose one, describe it below.",
        &[],
    );
    field(
        out,
        "cover_alt",
        "What the cover picture shows",
        "string",
        "For readers who cannot see it (the PDF's screen reader text). Needed with a cover picture.",
        &[],
    );
    draft_field(out);
    review_field(out);
    hidden_stamp(out);
    body_field(out);
}

fn media(out: &mut String, campaign: &Campaign) {
    // Pictures are kept in the campaign's own folder, and a page links
    // them from its language folder.
    let _ = writeln!(
        out,
        "    media_folder: {}",
        quoted(&format!("/content/{}/{IMAGES_DIR}", campaign.id))
    );
    let _ = writeln!(
        out,
        "    public_folder: {}",
        quoted(&format!("../{IMAGES_DIR}"))
    );
}

fn i18n(out: &mut String, campaign: &Campaign, locales: &[&str]) {
    let _ = writeln!(
        out,
        "    i18n:\n      structure: multiple_folders\n      locales: [{}]\n      default_locale: {}",
        list(locales),
        quoted(&campaign.default_language)
    );
}

fn title_field(out: &mut String, hint: &str) {
    field(
        out,
        "title",
        "Title",
        "string",
        hint,
        &[
            "required: true",
            &format!("pattern: [{}, {}]", quoted(r"\S"), quoted("write a title")),
        ],
    );
}

fn draft_field(out: &mut String) {
    field(
        out,
        "draft",
        "Draft",
        "boolean",
        "A draft is not published. A translation of a draft is not published either.",
        // No default: with one, a new page would be saved in every
        // language at once, the translations without a title.
        &[],
    );
}

fn review_field(out: &mut String) {
    field(
        out,
        "review",
        "Review",
        "string",
        "A note for translators, such as `needed` until a native speaker has read the text. Optional.",
        &[],
    );
}

fn country_field(out: &mut String, campaign: &Campaign) {
    // Mirrors the build: a page for one country must leave its readers
    // a help contact, so only countries a contact serves are offered,
    // unless a contact serves every country.
    let for_all = campaign.contacts.iter().any(|c| c.countries.is_empty());
    let options: Vec<(&str, &str)> = COUNTRIES
        .iter()
        .filter(|(code, _)| {
            for_all
                || campaign
                    .contacts
                    .iter()
                    .any(|c| c.countries.iter().any(|k| k == code))
        })
        .copied()
        .collect();
    if options.is_empty() {
        return;
    }
    let mut extra = String::from("options:");
    for (code, name) in options {
        let _ = write!(
            extra,
            "\n          - {{ label: {}, value: {} }}",
            quoted(&format!("{name} ({code})")),
            quoted(code)
        );
    }
    field(
        out,
        "country",
        "Only for readers in",
        "select",
        "Show only the help contacts for one country. Leave empty for every country.",
        &[&extra],
    );
}

/// `source_hash` is written by `outreach stamp`; the editor must carry it
/// over unchanged, or every saved translation would look outdated.
fn hidden_stamp(out: &mut String) {
    out.push_str(
        "      - { name: source_hash, label: Translated from, widget: hidden, i18n: true }\n",
    );
}

fn body_field(out: &mut String) {
    field(
        out,
        "body",
        "Text",
        "markdown",
        "The page's text. Every picture needs a description (what it shows). Pictograms are written :phone:, :whatsapp:, :warning: …",
        &["required: true", "modes: [rich_text, raw]"],
    );
}

/// One field: `required` is false unless `extra` says otherwise (Decap
/// makes every field required by default, which outreach does not).
fn field(out: &mut String, name: &str, label: &str, widget: &str, hint: &str, extra: &[&str]) {
    let _ = write!(
        out,
        "      - name: {name}\n        label: {}\n        widget: {widget}\n        i18n: true\n        hint: {}\n",
        quoted(label),
        quoted(hint)
    );
    if !extra.iter().any(|e| e.starts_with("required:")) {
        out.push_str("        required: false\n");
    }
    for e in extra {
        let _ = writeln!(out, "        {e}");
    }
}

/// A YAML double-quoted scalar: JSON's string syntax is YAML's.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| quoted(i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The settings file for `generated`, keeping the author's part of
/// `existing`, or the default one for `cms` where there is none or it is
/// another editor's default, untouched (the author changed editors).
pub fn config_file(existing: Option<&str>, generated: &str, cms: Cms) -> String {
    let defaults = default_settings(cms);
    let untouched = |above: &str| {
        Cms::ALL
            .iter()
            .any(|&other| default_settings(other).trim_end() == above.trim_end())
    };
    let settings = existing
        .map(|text| {
            text.split_once(GENERATED_MARK)
                .map_or(text, |(above, _)| above)
        })
        .filter(|above| !above.trim().is_empty() && !untouched(above))
        .unwrap_or(&defaults);
    let mut file = settings.trim_end().to_string();
    file.push_str("\n\n");
    file.push_str(GENERATED_MARK);
    file.push('\n');
    file.push_str(generated);
    file
}

/// Whether `existing` (a settings file) holds other generated settings
/// than `generated`: a campaign or language was added or removed since
/// it was written. `None` when the file has no generated part at all.
pub fn is_stale(existing: &str, generated: &str) -> Option<bool> {
    let (_, below) = existing.split_once(GENERATED_MARK)?;
    let below = below.strip_prefix("\r\n").or(below.strip_prefix('\n'))?;
    Some(below.replace("\r\n", "\n") != generated)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign(yaml: &str) -> Campaign {
        let source = crate::diag::SourceFile::new("campaigns/c.yaml", yaml);
        let (campaign, problems) = crate::load::campaigns::parse("c", source);
        assert!(
            problems
                .iter()
                .all(|p| p.severity != crate::diag::Severity::Error),
            "{problems:?}"
        );
        campaign.unwrap()
    }

    const CAMPAIGN: &str = "title: {en: Safe work, sr: Посао, fa: کار}\ndescription: {en: Advice, sr: Савет, fa: پند}\nlanguages: [en, sr, sr-Latn, fa]\ndefault_language: en\ntheme: default\ncontacts:\n  - name: {en: Line}\n    phone: \"+381 11 123 4567\"\n    countries: [RS]\nleaflets:\n  - id: card\n    format: a6-card\n";

    #[test]
    fn one_collection_for_pages_and_one_for_each_languages_leaflets() {
        let c = campaign(CAMPAIGN);
        let yaml = generated(&[&c], &|_, _| false);
        assert!(yaml.contains("name: \"c-pages\""), "{yaml}");
        assert!(yaml.contains("folder: \"content/c\""));
        assert!(yaml.contains("locales: [\"en\", \"sr\", \"fa\"]"), "{yaml}");
        for lang in ["en", "sr", "fa"] {
            assert!(yaml.contains(&format!("folder: \"content/c/{lang}/leaflets\"")));
        }
        // sr-Latn is made from sr, so it is not edited...
        assert!(!yaml.contains("sr-Latn"));
        // ...unless its pages were written by hand.
        let yaml = generated(&[&c], &|_, lang| lang == "sr-Latn");
        assert!(yaml.contains("\"sr-Latn\""));
    }

    #[test]
    fn a_page_for_one_country_is_offered_only_countries_a_contact_serves() {
        let c = campaign(CAMPAIGN);
        let yaml = generated(&[&c], &|_, _| false);
        assert!(yaml.contains("value: \"RS\""));
        assert!(!yaml.contains("value: \"BA\""));
        let all = campaign(&CAMPAIGN.replace("    countries: [RS]\n", ""));
        assert!(generated(&[&all], &|_, _| false).contains("value: \"BA\""));
    }

    #[test]
    fn the_generated_part_parses_as_yaml_with_every_key_outreach_reads() {
        let c = campaign(CAMPAIGN);
        let file = config_file(None, &generated(&[&c], &|_, _| false), Cms::Decap);
        let value: serde_json::Value = serde_saphyr::from_str(&file).unwrap();
        let pages = &value["collections"][0];
        let names: Vec<&str> = pages["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "title",
                "description",
                "weight",
                "draft",
                "country",
                "audio",
                "review",
                "source_hash",
                "body"
            ]
        );
        assert_eq!(value["backend"]["name"], "github");
        let leaflet = &value["collections"][1];
        assert_eq!(leaflet["create"], false);
        // Pictures are written `../images/x.jpg` in pages and leaflets alike.
        assert_eq!(pages["public_folder"], "../images");
        assert_eq!(leaflet["public_folder"], "../images");
        assert_eq!(leaflet["media_folder"], "/content/c/images");
        let audio_pattern = pages["fields"][5]["pattern"][0].as_str().unwrap();
        assert!(audio_pattern.contains("mp3|MP3"), "{audio_pattern}");
    }

    #[test]
    fn the_authors_settings_are_kept_and_a_change_is_seen() {
        let c = campaign(CAMPAIGN);
        let generated_now = generated(&[&c], &|_, _| false);
        let mine = "backend:\n  name: github\n  repo: ngo/site\n";
        let file = config_file(
            Some(&format!("{mine}\n{GENERATED_MARK}\nold: stuff\n")),
            &generated_now,
            Cms::Sveltia,
        );
        assert!(file.starts_with(mine));
        assert_eq!(is_stale(&file, &generated_now), Some(false));
        assert_eq!(
            is_stale(&file.replace('\n', "\r\n"), &generated_now),
            Some(false)
        );
        let fewer =
            campaign(&CAMPAIGN.replace("leaflets:\n  - id: card\n    format: a6-card\n", ""));
        assert_eq!(
            is_stale(&file, &generated(&[&fewer], &|_, _| false)),
            Some(true)
        );
        assert_eq!(is_stale(mine, &generated_now), None);
        // Sveltia's settings as outreach wrote them become Decap's when the
        // author changes editors; changed ones stay.
        let sveltia = config_file(None, &generated_now, Cms::Sveltia);
        assert!(!sveltia.contains("local_backend"));
        assert!(
            config_file(Some(&sveltia), &generated_now, Cms::Decap).contains("local_backend: true")
        );
        assert!(!config_file(Some(&file), &generated_now, Cms::Decap).contains("local_backend"));
    }
}
