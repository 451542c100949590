//! The documents a campaign is translated in: its pages, its leaflet texts
//! and its campaign file. Each is read as a list of texts in the source
//! language, lined up with the same document in another language, and
//! written anew in that language from translated texts.

use std::collections::BTreeMap;
use std::path::PathBuf;

use pulldown_cmark::{Event, Parser, Tag};
use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::diag::SourceFile;
use crate::exchange::Message;
use crate::exchange::segment::{self, Kind, Segment};
use crate::load::content::LEAFLETS_DIR;
use crate::load::front_matter;
use crate::model::page::Origin;
use crate::model::{Campaign, Page, Site};
use crate::render::markdown;
use crate::resolve::status::source_hash;

/// The context (`msgctxt`) of the campaign file's texts.
pub const CAMPAIGN_CONTEXT: &str = "campaign";

/// What a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocKind {
    /// `content/<campaign>/<lang>/<slug>.md`.
    Page,
    /// `content/<campaign>/<lang>/leaflets/<id>.md`.
    Leaflet,
    /// `campaigns/<campaign>.yaml`: its texts per language.
    Campaign,
}

/// Where in its document a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A front matter key (`title`, `description`).
    FrontMatter(&'static str),
    /// The n-th segment of the body.
    Body(usize),
    /// A text of the campaign file.
    Campaign(CampaignField),
}

/// The translatable texts of a campaign file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CampaignField {
    /// `title`.
    Title,
    /// `description`.
    Description,
    /// `contacts[n].name`.
    ContactName(usize),
    /// `contacts[n].hours`.
    ContactHours(usize),
}

impl CampaignField {
    /// The keys that lead to the field's per-language map.
    pub fn describe(self) -> String {
        match self {
            CampaignField::Title => "campaign title".to_string(),
            CampaignField::Description => "campaign description".to_string(),
            CampaignField::ContactName(i) => format!("name of help contact {}", i + 1),
            CampaignField::ContactHours(i) => format!("opening hours of help contact {}", i + 1),
        }
    }
}

/// One text of a source document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// Where it is in the document.
    pub field: Field,
    /// What kind of block it is (campaign texts count as titles and
    /// descriptions: one line each).
    pub kind: Kind,
    /// What it is, for translators.
    pub note: String,
    /// The text in the source language.
    pub source: String,
    /// 1-based line in the source file.
    pub line: usize,
    /// Its link and picture destinations, in order (for lining up).
    pub destinations: Vec<String>,
}

/// A document in the campaign's source language.
#[derive(Clone, Debug)]
pub struct Doc {
    /// Page, leaflet or campaign file.
    pub kind: DocKind,
    /// The messages' context: the slug, `leaflets/<id>` or `campaign`.
    pub context: String,
    /// Page slug or leaflet id (empty for the campaign file).
    pub slug: String,
    /// The source file, as shown to authors.
    pub path: PathBuf,
    /// Its texts, in order.
    pub texts: Vec<Text>,
    /// The `review:` note of the source page, if any.
    pub review: Option<String>,
}

impl Doc {
    /// The file the document has in `lang`, relative to the project.
    pub fn path_in(&self, campaign: &str, lang: &str) -> PathBuf {
        let content = PathBuf::from("content").join(campaign).join(lang);
        match self.kind {
            DocKind::Page => content.join(format!("{}.md", self.slug)),
            DocKind::Leaflet => content.join(LEAFLETS_DIR).join(format!("{}.md", self.slug)),
            DocKind::Campaign => PathBuf::from("campaigns").join(
                self.path
                    .file_name()
                    .map_or_else(|| format!("{campaign}.yaml").into(), ToOwned::to_owned),
            ),
        }
    }
}

/// The texts of a campaign file as written (per-language maps), read
/// apart from the checked model, which holds texts as shown (`sr` without
/// its keep-as-written marks, `sr-Latn` made from `sr`).
#[derive(Debug, Default, Deserialize)]
struct CampaignTexts {
    #[serde(default)]
    title: BTreeMap<String, String>,
    #[serde(default)]
    description: BTreeMap<String, String>,
    #[serde(default)]
    contacts: Vec<ContactTexts>,
}

#[derive(Debug, Default, Deserialize)]
struct ContactTexts {
    #[serde(default)]
    name: BTreeMap<String, String>,
    #[serde(default)]
    hours: BTreeMap<String, String>,
}

fn campaign_texts(source: &SourceFile) -> CampaignTexts {
    // The campaign was checked when it was loaded; a file that does not
    // read as texts here has none to translate.
    serde_saphyr::from_str(source.text()).unwrap_or_default()
}

impl CampaignTexts {
    fn get(&self, field: CampaignField) -> Option<&BTreeMap<String, String>> {
        match field {
            CampaignField::Title => Some(&self.title),
            CampaignField::Description => Some(&self.description),
            CampaignField::ContactName(i) => self.contacts.get(i).map(|c| &c.name),
            CampaignField::ContactHours(i) => self.contacts.get(i).map(|c| &c.hours),
        }
    }

    fn fields(&self) -> Vec<CampaignField> {
        let mut fields = vec![CampaignField::Title, CampaignField::Description];
        for i in 0..self.contacts.len() {
            fields.push(CampaignField::ContactName(i));
            fields.push(CampaignField::ContactHours(i));
        }
        fields
    }
}

/// Every document of `campaign` in its default language: the campaign
/// file, then its pages and leaflet texts in path order.
fn source_docs(site: &Site, campaign: &Campaign) -> Vec<Doc> {
    let default = &campaign.default_language;
    let mut docs = vec![campaign_doc(campaign)];
    let written =
        |p: &&Page| p.campaign == campaign.id && &p.lang == default && p.origin == Origin::Written;
    for page in site.pages.iter().filter(written) {
        docs.push(page_doc(page, DocKind::Page, &[]));
    }
    for page in site.leaflet_texts.iter().filter(written) {
        let parts = campaign
            .leaflets
            .iter()
            .find(|l| l.id == page.slug)
            .map_or(&[][..], |l| l.format.sections());
        docs.push(page_doc(page, DocKind::Leaflet, parts));
    }
    docs
}

fn campaign_doc(campaign: &Campaign) -> Doc {
    let raw = campaign_texts(&campaign.source);
    let mut texts = Vec::new();
    for field in raw.fields() {
        if let Some(text) = raw
            .get(field)
            .and_then(|m| m.get(&campaign.default_language))
        {
            let kind = match field {
                CampaignField::Title | CampaignField::ContactName(_) => Kind::Title,
                _ => Kind::Description,
            };
            texts.push(Text {
                field: Field::Campaign(field),
                kind,
                note: field.describe(),
                source: text.clone(),
                line: yaml_line(campaign.source.text(), field, &campaign.default_language)
                    .unwrap_or(1),
                destinations: Vec::new(),
            });
        }
    }
    Doc {
        kind: DocKind::Campaign,
        context: CAMPAIGN_CONTEXT.to_string(),
        slug: String::new(),
        path: campaign.source.path.clone(),
        texts,
        review: None,
    }
}

fn page_doc(page: &Page, kind: DocKind, parts: &[&str]) -> Doc {
    let mut texts = vec![Text {
        field: Field::FrontMatter("title"),
        kind: Kind::Title,
        note: Kind::Title.describe().to_string(),
        source: page.title.clone(),
        line: front_matter::key_line(page.source.text(), "title"),
        destinations: Vec::new(),
    }];
    if let Some(description) = &page.description {
        texts.push(Text {
            field: Field::FrontMatter("description"),
            kind: Kind::Description,
            note: Kind::Description.describe().to_string(),
            source: description.clone(),
            line: front_matter::key_line(page.source.text(), "description"),
            destinations: Vec::new(),
        });
    }
    // Lines counted as the segments go, not from the top for each.
    let body = page.body();
    let (mut line, mut counted) = (page.source.line_col(page.body_start).0, 0);
    for (i, seg) in segment::segments(body).into_iter().enumerate() {
        line += body[counted..seg.range.start].matches('\n').count();
        counted = seg.range.start;
        let mut note = seg.kind.describe().to_string();
        if kind == DocKind::Leaflet {
            let part = parts
                .get(seg.part)
                .copied()
                .unwrap_or("after the last part");
            note = format!("leaflet, part `{part}`: {note}");
        }
        texts.push(Text {
            field: Field::Body(i),
            kind: seg.kind,
            note,
            line,
            destinations: destinations(&seg.text),
            source: seg.text,
        });
    }
    let context = match kind {
        DocKind::Leaflet => format!("{LEAFLETS_DIR}/{}", page.slug),
        _ => page.slug.clone(),
    };
    Doc {
        kind,
        context,
        slug: page.slug.clone(),
        path: page.source.path.clone(),
        texts,
        review: page.review.clone(),
    }
}

/// The same document in another language, lined up text by text with
/// the source document.
#[derive(Clone, Debug)]
pub struct Translated {
    /// The file's text as it is now (for the hand-edit check).
    pub file: SourceFile,
    /// The translation of each of the source document's texts, where the
    /// two line up; `None` where the text is not there.
    pub texts: Vec<Option<String>>,
    /// Why the body's texts could not be lined up, if they could not.
    pub misaligned: Option<String>,
    /// The translation was stamped for an older version of the source, or
    /// never stamped: its texts need checking.
    pub outdated: bool,
    /// Whether the page has the source's structure outside its texts (code
    /// blocks, ids, pictures, markers). When not, an import writes the page
    /// anew from the source's structure.
    pub same_structure: bool,
}

/// The messages of the source documents, one per context and source text,
/// in document order; a text written twice in one document is one message
/// with two references.
pub fn template(docs: &[Doc]) -> Vec<Message> {
    let mut messages: Vec<Message> = Vec::new();
    let mut index: FxHashMap<(String, String), usize> = FxHashMap::default();
    for doc in docs {
        let path = crate::diag::shown(&doc.path);
        for text in &doc.texts {
            if text.source.trim().is_empty() {
                continue;
            }
            let reference = format!("{path}:{}", text.line);
            let key = (doc.context.clone(), text.source.clone());
            if let Some(&i) = index.get(&key) {
                messages[i].references.push(reference);
                if !messages[i].notes.contains(&text.note) {
                    messages[i].notes.push(text.note.clone());
                }
                continue;
            }
            let mut notes = vec![text.note.clone()];
            if let Some(review) = &doc.review {
                notes.push(format!("review: {review}"));
            }
            index.insert(key, messages.len());
            messages.push(Message {
                context: doc.context.clone(),
                source: text.source.clone(),
                notes,
                references: vec![reference],
                ..Message::default()
            });
        }
    }
    messages
}

/// A campaign's source documents and everything about them that does not
/// depend on the target language, worked out once for all languages.
pub struct Sources<'a> {
    /// The campaign.
    pub campaign: &'a Campaign,
    /// Its documents in the default language.
    pub docs: Vec<Doc>,
    /// The messages of those documents ([`template`]).
    pub template: Vec<crate::exchange::Message>,
    /// Written pages and leaflet texts of every language, by kind, language and slug.
    pages: FxHashMap<(DocKind, &'a str, &'a str), &'a Page>,
    /// The structure of each source document (`None` for the campaign file).
    skeletons: Vec<Option<String>>,
    /// The stamp of each source document (`None` for the campaign file).
    stamps: Vec<Option<String>>,
    /// The campaign file's texts, as written.
    raw: CampaignTexts,
}

impl<'a> Sources<'a> {
    /// Reads the source documents of `campaign` in `site`.
    pub fn new(site: &'a Site, campaign: &'a Campaign) -> Sources<'a> {
        let docs = source_docs(site, campaign);
        let template = template(&docs);
        let mut pages = FxHashMap::default();
        let written = |p: &&'a Page| p.campaign == campaign.id && p.origin == Origin::Written;
        for page in site.pages.iter().filter(written) {
            pages.insert(
                (DocKind::Page, page.lang.as_str(), page.slug.as_str()),
                page,
            );
        }
        for page in site.leaflet_texts.iter().filter(written) {
            pages.insert(
                (DocKind::Leaflet, page.lang.as_str(), page.slug.as_str()),
                page,
            );
        }
        let mut sources = Sources {
            campaign,
            docs,
            template,
            pages,
            skeletons: Vec::new(),
            stamps: Vec::new(),
            raw: campaign_texts(&campaign.source),
        };
        let source_pages: Vec<Option<&Page>> = sources
            .docs
            .iter()
            .map(|d| sources.source_page(d))
            .collect();
        sources.skeletons = source_pages
            .iter()
            .map(|p| p.map(|p| skeleton(p.body())))
            .collect();
        sources.stamps = source_pages.iter().map(|p| p.map(source_hash)).collect();
        sources
    }

    /// The default-language page of a page or leaflet document.
    pub fn source_page(&self, doc: &Doc) -> Option<&'a Page> {
        self.pages
            .get(&(
                doc.kind,
                self.campaign.default_language.as_str(),
                doc.slug.as_str(),
            ))
            .copied()
    }

    /// The stamp (`source_hash`) of the n-th document's source page.
    pub fn source_stamp(&self, n: usize) -> Option<&str> {
        self.stamps.get(n)?.as_deref()
    }

    /// The n-th document in `lang`, if it exists, lined up with the source.
    pub fn translated(&self, n: usize, lang: &str) -> Option<Translated> {
        let doc = &self.docs[n];
        match doc.kind {
            DocKind::Campaign => {
                let texts = doc
                    .texts
                    .iter()
                    .map(|t| match t.field {
                        Field::Campaign(f) => self.raw.get(f).and_then(|m| m.get(lang)).cloned(),
                        _ => None,
                    })
                    .collect();
                Some(Translated {
                    file: SourceFile::new(
                        self.campaign.source.path.clone(),
                        campaign_lang_digest(&self.raw, lang),
                    ),
                    texts,
                    misaligned: None,
                    outdated: false,
                    same_structure: true,
                })
            }
            DocKind::Page | DocKind::Leaflet => {
                let page = self.pages.get(&(doc.kind, lang, doc.slug.as_str()))?;
                Some(line_up(
                    doc,
                    page,
                    self.skeletons[n].as_deref(),
                    self.stamps[n].as_deref(),
                ))
            }
        }
    }
}

/// The texts of a campaign file (`yaml`) in one language, as one string:
/// what the hand-edit check compares, since the file holds every language.
pub fn campaign_digest(yaml: &str, lang: &str) -> String {
    let raw: CampaignTexts = serde_saphyr::from_str(yaml).unwrap_or_default();
    campaign_lang_digest(&raw, lang)
}

fn campaign_lang_digest(raw: &CampaignTexts, lang: &str) -> String {
    let mut out = String::new();
    for field in raw.fields() {
        if let Some(text) = raw.get(field).and_then(|m| m.get(lang)) {
            out.push_str(&format!("{field:?}\u{1}{text}\u{2}"));
        }
    }
    out
}

fn line_up(
    doc: &Doc,
    page: &Page,
    source_skeleton: Option<&str>,
    source_stamp: Option<&str>,
) -> Translated {
    let target = segment::segments(page.body());
    let source_segments = doc
        .texts
        .iter()
        .filter(|t| matches!(t.field, Field::Body(_)))
        .count();
    let source_kinds: Vec<(Kind, Vec<String>)> = doc
        .texts
        .iter()
        .filter(|t| matches!(t.field, Field::Body(_)))
        .map(|t| (t.kind, t.destinations.clone()))
        .collect();
    let misaligned = if target.len() != source_segments {
        Some(format!(
            "the page has {} blocks of text and the source has {source_segments}",
            target.len()
        ))
    } else {
        source_kinds
            .iter()
            .zip(&target)
            .enumerate()
            .find_map(|(i, ((kind, dests), seg))| {
                if *kind != seg.kind {
                    Some(format!(
                        "block {} is a {} here and a {} in the source",
                        i + 1,
                        seg.kind.describe(),
                        kind.describe()
                    ))
                } else if &destinations(&seg.text) != dests {
                    Some(format!(
                        "block {} links to other places than the source",
                        i + 1
                    ))
                } else {
                    None
                }
            })
    };
    let same_structure = source_skeleton.is_none_or(|s| s == skeleton_of(page.body(), &target));
    let mut body = target.into_iter().map(|s| s.text);
    let texts = doc
        .texts
        .iter()
        .map(|t| match t.field {
            Field::FrontMatter("title") => Some(page.title.clone()),
            Field::FrontMatter(_) => page.description.clone(),
            Field::Body(_) if misaligned.is_none() => body.next(),
            _ => None,
        })
        .collect();
    let stamp = source_stamp;
    Translated {
        file: (*page.source).clone(),
        texts,
        misaligned,
        // Unstamped, nobody knows which version it translates.
        outdated: stamp.is_some() && page.source_hash.as_deref() != stamp,
        same_structure,
    }
}

/// A body with its texts taken out and its white space folded: what must
/// be equal for two pages to have the same structure.
fn skeleton(body: &str) -> String {
    skeleton_of(body, &segment::segments(body))
}

fn skeleton_of(body: &str, segments: &[Segment]) -> String {
    let mut out = String::with_capacity(body.len() / 4);
    let mut at = 0;
    for s in segments {
        out.push_str(&body[at..s.range.start]);
        out.push('\u{0}');
        at = s.range.end;
    }
    out.push_str(&body[at..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The link and picture destinations of a text, in order.
pub fn destinations(text: &str) -> Vec<String> {
    // Every link and picture starts with `[`, `![` or `<`: most texts
    // have none and need no parsing.
    if !text.contains(['[', '<']) {
        return Vec::new();
    }
    Parser::new_ext(text, markdown::options())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

/// A page or leaflet text written in the target language: `skeleton` is
/// the file whose structure it takes (the translated page when its blocks
/// line up with the source's, else the source page), `texts` the text of
/// each of the source document's texts, in order (`None` for a front
/// matter key leaves it as it is). `stamp` is written as `source_hash`
/// when given. A key whose value is unchanged is left as written, so an
/// import that changes nothing changes no byte.
pub fn write_page(
    skeleton: &SourceFile,
    doc: &Doc,
    texts: &[Option<String>],
    stamp: Option<&str>,
) -> Result<String, String> {
    let (front, body_start) = front_matter::parse(skeleton).map_err(|d| d.message)?;
    let segments: Vec<Segment> = segment::segments(&skeleton.text()[body_start..]);
    let mut body_texts: Vec<&str> = Vec::with_capacity(segments.len());
    let mut file = skeleton.clone();
    for (text, value) in doc.texts.iter().zip(texts) {
        match (text.field, value) {
            (Field::FrontMatter(key), Some(value)) => {
                let current = if key == "title" {
                    Some(&front.title)
                } else {
                    front.description.as_ref()
                };
                if current != Some(value) {
                    let text = front_matter::set_key(&file, key, &yaml_quote(value))
                        .map_err(|d| d.message)?;
                    file = SourceFile::new(file.path.clone(), text);
                }
            }
            (Field::Body(_), Some(value)) => body_texts.push(value),
            (Field::Body(_), None) => return Err("a text has no translation".to_string()),
            _ => {}
        }
    }
    if body_texts.len() != segments.len() {
        return Err(format!(
            "the page has {} blocks of text and the translation {}",
            segments.len(),
            body_texts.len()
        ));
    }
    if let Some(stamp) = stamp
        && front.source_hash.as_deref() != Some(stamp)
    {
        let text = front_matter::set_key(&file, "source_hash", stamp).map_err(|d| d.message)?;
        file = SourceFile::new(file.path.clone(), text);
    }
    // The front matter may have changed length: find the body again.
    let (_, body_start) = front_matter::parse(&file).map_err(|d| d.message)?;
    let new_body = segment::replace(&file.text()[body_start..], &segments, &body_texts);
    Ok(format!("{}{new_body}", &file.text()[..body_start]))
}

/// A YAML double-quoted scalar.
pub fn yaml_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The campaign file with `value` as the `lang` text of `field`. The file
/// is edited as text, line by line, so its comments and layout stay; the
/// maps must be written in block style (`title:` then one `en: …` per
/// line), as the starter project writes them.
pub fn set_campaign_text(
    yaml: &str,
    field: CampaignField,
    lang: &str,
    value: &str,
) -> Result<String, String> {
    let lines: Vec<&str> = yaml.split_inclusive('\n').collect();
    let newline = if yaml.contains("\r\n") { "\r\n" } else { "\n" };
    let (map_line, child_indent) = find_map(&lines, field).ok_or_else(|| {
        format!(
            "cannot find `{}` written as one `language: text` per line",
            field_keys(field)
        )
    })?;
    let indent_of = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let mut last_child = map_line;
    let mut existing = None;
    for (i, line) in lines.iter().enumerate().skip(map_line + 1) {
        let content = line.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if indent_of(line) < child_indent {
            break;
        }
        if indent_of(line) == child_indent {
            last_child = i;
            if content
                .strip_prefix(lang)
                .is_some_and(|rest| rest.starts_with(':'))
            {
                existing = Some(i);
            }
        }
    }
    let new_line = format!(
        "{}{lang}: {}{newline}",
        " ".repeat(child_indent),
        yaml_quote(value)
    );
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
    match existing {
        Some(i) => {
            let after = lines[i].trim()[lang.len() + 1..].trim_start();
            if after.starts_with('|') || after.starts_with('>') {
                return Err(format!(
                    "the `{lang}` text of `{}` is written over several lines; write it on one line",
                    field_keys(field)
                ));
            }
            out[i] = new_line;
        }
        None => {
            if !out[last_child].ends_with('\n') {
                out[last_child].push_str(newline);
            }
            out.insert(last_child + 1, new_line);
        }
    }
    Ok(out.concat())
}

fn field_keys(field: CampaignField) -> String {
    match field {
        CampaignField::Title => "title".to_string(),
        CampaignField::Description => "description".to_string(),
        CampaignField::ContactName(i) => format!("contacts[{}].name", i + 1),
        CampaignField::ContactHours(i) => format!("contacts[{}].hours", i + 1),
    }
}

/// 1-based line where `field`'s text in `lang` is written.
pub fn yaml_line(yaml: &str, field: CampaignField, lang: &str) -> Option<usize> {
    let lines: Vec<&str> = yaml.split_inclusive('\n').collect();
    let (map_line, child_indent) = find_map(&lines, field)?;
    let found = lines
        .iter()
        .enumerate()
        .skip(map_line + 1)
        .find(|(_, l)| {
            l.len() - l.trim_start_matches(' ').len() == child_indent
                && l.trim()
                    .strip_prefix(lang)
                    .is_some_and(|r| r.starts_with(':'))
        })
        .map(|(i, _)| i);
    Some(found.unwrap_or(map_line) + 1)
}

/// The line of a per-language map's key and the indentation of its
/// entries, for maps written in block style.
fn find_map(lines: &[&str], field: CampaignField) -> Option<(usize, usize)> {
    let indent_of = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let is_key = |l: &str, key: &str| {
        l.trim_start_matches([' ', '-'])
            .strip_prefix(key)
            .is_some_and(|r| {
                let r = r.trim_end();
                r == ":" || r.starts_with(": #") || r.starts_with(":\t#")
            })
    };
    let (top, key) = match field {
        CampaignField::Title => ("title", None),
        CampaignField::Description => ("description", None),
        CampaignField::ContactName(i) => ("contacts", Some((i, "name"))),
        CampaignField::ContactHours(i) => ("contacts", Some((i, "hours"))),
    };
    let top_line = lines
        .iter()
        .position(|l| indent_of(l) == 0 && is_key(l, top))?;
    let map_line = match key {
        None => top_line,
        Some((index, key)) => {
            // The n-th `- ` item of the list, then `key:` inside it.
            let mut items = lines
                .iter()
                .enumerate()
                .skip(top_line + 1)
                .take_while(|(_, l)| {
                    l.trim().is_empty() || l.trim().starts_with('#') || indent_of(l) > 0
                })
                .filter(|(_, l)| l.trim_start().starts_with("- "));
            let (item_line, item) = items.nth(index)?;
            let item_indent = indent_of(item) + 2;
            let end = lines
                .iter()
                .enumerate()
                .skip(item_line + 1)
                .find(|(_, l)| {
                    !l.trim().is_empty() && !l.trim().starts_with('#') && indent_of(l) < item_indent
                })
                .map_or(lines.len(), |(i, _)| i);
            (item_line..end).find(|&i| {
                let l = lines[i];
                let at = if i == item_line {
                    item_indent
                } else {
                    indent_of(l)
                };
                at == item_indent && is_key(l, key)
            })?
        }
    };
    let child = lines
        .iter()
        .skip(map_line + 1)
        .find(|l| !l.trim().is_empty() && !l.trim().starts_with('#'))?;
    let base = if key.is_some() {
        // `- name:` counts from where `name` starts.
        let l = lines[map_line];
        l.len() - l.trim_start_matches([' ', '-']).len()
    } else {
        0
    };
    let child_indent = indent_of(child);
    (child_indent > base).then_some((map_line, child_indent))
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "# c\ntitle:\n  en: \"Help\"   # the title\n  sq: \"Ndihmë\"\ndescription:\n  en: \"D\"\ncontacts:\n  - name:\n      en: \"Line\"\n    phone: \"+1 234\"\n    hours:\n      en: \"Always\"\n  - name:\n      en: \"Second\"\n      sq: \"E dyta\"\n    phone: \"+1 235\"\n";

    #[test]
    fn campaign_texts_are_set_in_place() {
        let out = set_campaign_text(YAML, CampaignField::Title, "sq", "Ndihmë \"tani\"").unwrap();
        assert!(out.contains("  sq: \"Ndihmë \\\"tani\\\"\"\n"), "{out}");
        let out = set_campaign_text(YAML, CampaignField::Description, "sq", "Dë").unwrap();
        assert!(
            out.contains("  en: \"D\"\n  sq: \"Dë\"\ncontacts:"),
            "{out}"
        );
        let out =
            set_campaign_text(YAML, CampaignField::ContactHours(0), "sq", "Gjithmonë").unwrap();
        assert!(
            out.contains("      en: \"Always\"\n      sq: \"Gjithmonë\"\n  - name:"),
            "{out}"
        );
        let out = set_campaign_text(YAML, CampaignField::ContactName(1), "sq", "Dyta").unwrap();
        assert!(
            out.contains("      sq: \"Dyta\"\n    phone: \"+1 235\""),
            "{out}"
        );
        assert_eq!(out.lines().count(), YAML.lines().count());
        assert_eq!(
            yaml_line(YAML, CampaignField::ContactName(1), "sq"),
            Some(15)
        );
        assert!(set_campaign_text("title: {en: x}\n", CampaignField::Title, "sq", "y").is_err());
    }

    #[test]
    fn yaml_quoting_round_trips() {
        #[derive(Deserialize)]
        struct T {
            v: String,
        }
        for text in ["a \"b\" \\ c", "tab\there", "فارسی\u{200c}ها", "x: y # z"] {
            let t: T = serde_saphyr::from_str(&format!("v: {}\n", yaml_quote(text))).unwrap();
            assert_eq!(t.v, text);
        }
    }
}
