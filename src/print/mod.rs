//! print: each leaflet text → Typst markup → a PDF, typeset in parallel
//! with Typst embedded as a library.
//!
//! The theme's layout (`themes/<theme>/leaflets/<format>.typ`) places the
//! text; outreach writes `outreach.typ` with the leaflet's text, contacts,
//! strings and QR code for it. Text that does not fit its panel is an
//! error, found by the layout's `fit` and read back from the document.

pub mod card;
pub mod markup;
pub mod tags;
pub mod world;

use std::collections::BTreeSet;
use std::sync::Arc;

use qrcode::QrCode;
use qrcode::render::svg;
use rayon::prelude::*;
use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::foundations::{Bytes, Label, Selector, Smart, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::{Abs, Frame, FrameItem, Point, Size};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::diag::{Diagnostic, Severity, SourceFile};
use crate::images::Pictures;
use crate::model::leaflet::{Format, PrintedLeaflet};
use crate::model::{Campaign, Direction};
use crate::render::strings::{Request, Strings, native_digits};
use crate::resolve::{ResolvedLeaflet, ResolvedSite};
use markup::string_literal;
use world::{Fonts, LeafletWorld};

/// The label `fit` puts on a panel whose text is too long.
const OVERFLOW_LABEL: &str = "outreach-overflow";

/// Typesets every leaflet of every campaign. Problems go to `problems`; a
/// leaflet with an error is left out (the build then fails as a whole).
pub fn print_site(
    site: &ResolvedSite,
    strings: &Strings,
    pictures: &Pictures,
    problems: &mut Vec<Diagnostic>,
) -> Vec<PrintedLeaflet> {
    // Every campaign's leaflets in one parallel run: campaigns in turn
    // left a core idle at the end of each.
    let mut jobs = Vec::new();
    let mut fonts: Vec<(&str, Fonts)> = Vec::new();
    for rc in &site.campaigns {
        if rc.leaflets.is_empty() {
            continue;
        }
        // Which letters the fonts cover is checked per leaflet.
        if rc.theme.fonts.is_empty() {
            problems.push(Diagnostic::in_file(
                &rc.campaign.source.path,
                Severity::Error,
                format!(
                    "the theme `{}` has no fonts for leaflets: put the .ttf or .otf files in `themes/{}/fonts/`",
                    rc.theme.name, rc.theme.name
                ),
            ));
            continue;
        }
        // Each theme's fonts parsed once; a job names its theme's by place.
        let theme_fonts = match fonts.iter().position(|(name, _)| *name == rc.theme.name) {
            Some(at) => at,
            None => {
                fonts.push((&rc.theme.name, Fonts::new(&rc.theme)));
                fonts.len() - 1
            }
        };
        jobs.extend(rc.leaflets.iter().map(|leaflet| (rc, theme_fonts, leaflet)));
    }
    let results: Vec<(Option<PrintedLeaflet>, Vec<Diagnostic>)> = jobs
        .par_iter()
        .map(|(rc, theme_fonts, leaflet)| {
            let fonts = &fonts[*theme_fonts].1;
            print_leaflet(&rc.campaign, &rc.theme, fonts, leaflet, strings, pictures)
        })
        .collect();
    let mut printed = Vec::new();
    for (leaflet, found) in results {
        problems.extend(found);
        printed.extend(leaflet);
    }
    // Typst caches layouts between compilations; a long-running preview
    // server would otherwise keep every old leaflet in memory.
    comemo::evict(10);
    printed
}

/// Typesets one leaflet in one language.
pub fn print_leaflet(
    campaign: &Campaign,
    theme: &crate::model::Theme,
    fonts: &Fonts,
    leaflet: &ResolvedLeaflet,
    strings: &Strings,
    pictures: &Pictures,
) -> (Option<PrintedLeaflet>, Vec<Diagnostic>) {
    let spec = &leaflet.spec;
    let text = &leaflet.text;
    let mut problems = Vec::new();
    let layout = format!("{}.typ", spec.format.name());
    let shown = format!("the leaflet `{}` in `{}`", spec.id, text.lang);

    // Files the layout reads besides its own: pictures, the QR code and
    // logos, by the names `outreach.typ` gives them.
    let mut files: Vec<(String, Bytes)> = Vec::new();
    let mut picture_files = std::collections::HashMap::new();
    for (dest, key) in &leaflet.images {
        let Some(picture) = pictures.get(&campaign.id, key, spec.format.picture_widths()) else {
            continue;
        };
        let variant = picture.largest();
        let name = format!("{}/{}", world::PICTURES_DIR, variant.name);
        picture_files.insert(dest.clone(), format!("/{name}"));
        files.push((name, Bytes::new(world::SharedBytes(variant.bytes.clone()))));
    }
    let (mut sections, found) = markup::sections(text, campaign.native_digits, &picture_files);
    problems.extend(found);
    let names = spec.format.sections();
    if sections.len() > names.len() {
        let extra = &sections[names.len()];
        problems.push(
            text.source
                .at_line_col(
                    extra.line,
                    1,
                    Severity::Error,
                    format!(
                        "the `{}` format has {} parts ({}), but the text has {}: this is part {}",
                        spec.format.name(),
                        names.len(),
                        names.join(", "),
                        sections.len(),
                        names.len() + 1
                    ),
                )
                .with_help("parts are separated by lines `---`; join this part with the one before it, or choose a larger format"),
        );
    }
    // Parts not written are empty; a problem in one (the contacts on the
    // back, say) is shown at the last part written.
    let last_line = sections.last().map_or(1, |s| s.line);
    sections.resize(
        names.len(),
        markup::Section {
            markup: String::new(),
            line: last_line,
            long_words: Vec::new(),
        },
    );

    let url = crate::render::absolute_url(campaign, &format!("{}/", text.lang));
    let qr_svg = match (&url, spec.qr) {
        (Some(url), true) => match QrCode::new(url.as_bytes()) {
            Ok(code) => Some(
                code.render::<svg::Color>()
                    .quiet_zone(true)
                    .min_dimensions(200, 200)
                    .build(),
            ),
            Err(err) => {
                problems.push(Diagnostic::in_file(
                    &campaign.source.path,
                    Severity::Error,
                    format!("{shown}: the web address cannot be made into a QR code: {err}"),
                ));
                None
            }
        },
        _ => None,
    };

    if let Some(svg) = qr_svg {
        files.push((world::QR_FILE.to_string(), Bytes::from_string(svg)));
    }
    // The cover picture, a file of the world like the text's pictures.
    let cover = leaflet.cover.as_ref().and_then(|(dest, alt)| {
        let file = picture_files.get(dest)?;
        Some(format!(
            "(path: {}, alt: {})",
            string_literal(file),
            markup::alt_literal(alt)
        ))
    });
    let partners = partner_logos(campaign, &text.lang, pictures, &mut files);
    files.extend(crate::model::icon::ICONS.iter().map(|icon| {
        (
            format!("{}/{}.svg", world::ICONS_DIR, icon.name),
            Bytes::new(icon.svg.as_bytes()),
        )
    }));
    let data = data_file(
        campaign,
        leaflet,
        &sections,
        strings,
        Extras {
            qr: files.iter().any(|(name, _)| name == world::QR_FILE),
            url: url.as_deref(),
            partners: &partners,
            cover: cover.as_deref(),
        },
    );
    // Letters no font has would print as empty boxes. Those of the leaflet
    // text are shown where they are; the rest come from the campaign file
    // (contact names, hours) or the interface strings.
    let missing = missing_letters(&data, fonts);
    let (in_text, elsewhere): (Vec<char>, Vec<char>) = missing
        .into_iter()
        .partition(|c| text.source.text().contains(*c));
    let no_font = |letters: &[char]| {
        let letters: Vec<String> = letters
            .iter()
            .map(|c| format!("`{c}` (U+{:04X})", *c as u32))
            .collect();
        format!(
            "no font of the theme `{}` has the letters {}: they would print as empty boxes",
            theme.name,
            letters.join(", ")
        )
    };
    let font_help = format!("add a font that has them to `themes/{}/fonts/`", theme.name);
    if let Some(first) = in_text.first() {
        let offset = text.source.text().find(*first).unwrap_or(0);
        problems.push(
            text.source
                .at(offset, Severity::Error, no_font(&in_text))
                .with_help(font_help.clone()),
        );
    }
    if !elsewhere.is_empty() {
        problems.push(
            Diagnostic::in_file(
                &campaign.source.path,
                Severity::Error,
                format!("{shown}: {}", no_font(&elsewhere)),
            )
            .with_help(format!(
                "they are in a contact's name or hours, or in an interface string; {font_help}"
            )),
        );
    }
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return (None, problems);
    }

    let data = Arc::new(SourceFile::new(
        format!("(made by outreach for {shown})/{}", world::DATA_FILE),
        data,
    ));
    let Some(world) = LeafletWorld::new(theme, fonts, &layout, data, files) else {
        problems.push(
            Diagnostic::in_file(
                &campaign.source.path,
                Severity::Error,
                format!(
                    "the theme `{}` has no layout for the format `{}`: expected `themes/{}/leaflets/{layout}`",
                    theme.name,
                    spec.format.name(),
                    theme.name
                ),
            )
            .with_help("start from the built-in layouts, which are in outreach's source under `themes/default/leaflets/`"),
        );
        return (None, problems);
    };

    let compiled = typst::compile::<PagedDocument>(&world);
    for warning in &compiled.warnings {
        problems.push(typst_problem(&world, warning, Severity::Warning, &shown));
    }
    let document = match compiled.output {
        Ok(document) => document,
        Err(errors) => {
            for error in &errors {
                problems.push(typst_problem(&world, error, Severity::Error, &shown));
            }
            return (None, problems);
        }
    };

    for (name, need, have) in overflows(&document) {
        let index = names.iter().position(|n| *n == name);
        let line = index.map_or(last_line, |i| sections[i].line);
        // Whole millimetres, and never "0 mm too much".
        let over = (need - have).ceil().max(1.0);
        let help = if matches!(name.as_str(), "back" | "cover" | "front") {
            "shorten the text of this part; the help contacts are printed here too (a `country:` line in the front matter keeps only one country's). Text is never cut off or moved to another page"
        } else {
            "shorten the text of this part; text is never cut off or moved to another page"
        };
        problems.push(
            text.source
                .at_line_col(
                    line,
                    1,
                    Severity::Error,
                    format!(
                        "{shown} does not fit: the `{name}` panel needs {need:.1} mm but has {have:.1} mm ({over:.0} mm too much)"
                    ),
                )
                .with_help(help),
        );
    }
    for (page, word) in clipped_words(&document) {
        problems.push(
            Diagnostic::in_file(
                &text.source.path,
                Severity::Error,
                format!(
                    "{shown}: `{word}` is wider than its panel (page {page}) and would be cut off at the side"
                ),
            )
            .with_help("break the word with a space or a hyphen, or shorten it"),
        );
    }
    let pages = document.pages().len();
    if pages != spec.format.pages() {
        problems.push(
            Diagnostic::in_file(
                &text.source.path,
                Severity::Error,
                format!(
                    "{shown} has {pages} pages, but the `{}` format has {}",
                    spec.format.name(),
                    spec.format.pages()
                ),
            )
            .with_help("shorten the text, or check the theme's layout"),
        );
    }
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return (None, problems);
    }

    let options = typst_pdf::PdfOptions {
        // A stable identifier and no date: the same input, the same bytes.
        ident: Smart::Custom(format!("{}/{}/{}", campaign.id, text.lang, spec.id)),
        creator: Smart::Custom(Some("outreach".to_string())),
        timestamp: None,
        ..typst_pdf::PdfOptions::default()
    };
    match typst_pdf::pdf(&document, &options) {
        Ok(pdf) => (
            // A tri-fold's tags in the order it is read; a cover, then its
            // back, are in that order already.
            Some(match spec.format {
                Format::A4Trifold => {
                    tags::in_reading_order(&pdf, tags::TRIFOLD_READING_ORDER).unwrap_or(pdf)
                }
                _ => pdf,
            })
            .map(|pdf| PrintedLeaflet {
                campaign: campaign.id.clone(),
                lang: text.lang.clone(),
                id: spec.id.clone(),
                pdf,
            }),
            problems,
        ),
        Err(errors) => {
            for error in &errors {
                problems.push(typst_problem(&world, error, Severity::Error, &shown));
            }
            (None, problems)
        }
    }
}

/// The campaign's partners as `outreach.typ` lists them, in the order
/// written: `(name: …, logo: "/logo-1.svg", width: …, height: …)`, with
/// each logo added to `files`. A logo that was not made (already
/// reported) is left out.
fn partner_logos(
    campaign: &Campaign,
    lang: &str,
    pictures: &Pictures,
    files: &mut Vec<(String, Bytes)>,
) -> String {
    let mut list = String::new();
    let all = crate::render::view::PartnerView::all(campaign, lang, pictures);
    for (n, partner) in all.into_iter().enumerate() {
        let ext = partner.logo.rsplit_once('.').map_or("png", |(_, ext)| ext);
        let name = format!("logo-{}.{ext}", n + 1);
        list.push_str(&format!(
            "(name: {}, logo: {}, width: {}, height: {}), ",
            string_literal(partner.name),
            string_literal(&format!("/{name}")),
            partner.width,
            partner.height
        ));
        files.push((name, Bytes::new(world::SharedBytes(partner.bytes.clone()))));
    }
    list
}

/// What a leaflet's data file says besides its texts and contacts.
struct Extras<'a> {
    /// Whether the world has the QR code.
    qr: bool,
    /// The campaign's page in the leaflet's language, if known.
    url: Option<&'a str>,
    /// The partners, as Typst (see [`partner_logos`]).
    partners: &'a str,
    /// The cover picture, as Typst (`(path: …, alt: …)`), if any.
    cover: Option<&'a str>,
}

/// `outreach.typ` for one leaflet: every value the layout needs, with all
/// text as string literals or converted markup.
fn data_file(
    campaign: &Campaign,
    leaflet: &ResolvedLeaflet,
    sections: &[markup::Section],
    strings: &Strings,
    extras: Extras,
) -> String {
    let Extras {
        qr,
        url,
        partners,
        cover,
    } = extras;
    let text = &leaflet.text;
    let lang = text.lang.as_str();
    let fallbacks = campaign
        .string_fallbacks
        .get(lang)
        .map_or(&[][..], Vec::as_slice);
    let t = |key: &str, args: &[(&str, &str)]| -> String {
        strings
            .get(&Request {
                campaign: &campaign.id,
                lang,
                key,
                count: None,
                args,
                native_digits: campaign.native_digits,
                fallbacks,
                default_language: &campaign.default_language,
            })
            .unwrap_or_default()
    };
    let language = campaign.language(lang);
    let dir = match language.map(|l| l.dir) {
        Some(Direction::Rtl) => "rtl",
        _ => "ltr",
    };
    // Typst wants the language alone (`sr` for `sr-Latn`).
    let typst_lang = lang.split('-').next().unwrap_or(lang).to_ascii_lowercase();
    let digits = if campaign.native_digits {
        native_digits(lang, "1")
    } else {
        "1".to_string()
    };
    let accent = campaign
        .accent
        .as_deref()
        .unwrap_or(crate::model::color::DEFAULT_ACCENT);
    let string_or_none = |s: Option<&str>| s.map_or("none".to_string(), string_literal);

    let mut contacts = String::new();
    let shown_contacts = campaign.contacts.iter().filter(|c| match &text.country {
        Some(country) => c.countries.is_empty() || c.countries.contains(country),
        None => true,
    });
    for c in shown_contacts {
        let view = crate::render::view::ContactView::new(c, lang, campaign);
        let mut ways = String::new();
        for (key, icon, number) in [
            // Numbers as the author wrote them, as the phone number is.
            (
                "contact-whatsapp",
                "whatsapp",
                c.whatsapp.as_ref().map(|n| n.written.clone()),
            ),
            (
                "contact-viber",
                "viber",
                c.viber.as_ref().map(|n| n.written.clone()),
            ),
            (
                "contact-sms",
                "sms",
                c.sms.as_ref().map(|n| n.written.clone()),
            ),
            ("contact-email", "email", c.email.clone()),
        ] {
            if let Some(number) = number {
                ways.push_str(&format!(
                    "(label: {}, icon: {}, number: {}), ",
                    string_literal(&t(key, &[])),
                    string_literal(icon),
                    string_literal(&number)
                ));
            }
        }
        let hours = view.hours.map(|h| t("contact-hours", &[("hours", h)]));
        contacts.push_str(&format!(
            "    (name: {}, phone: {}, hours: {}, ways: ({ways}), example: {}),\n",
            string_literal(view.name),
            string_literal(view.phone),
            string_or_none(hours.as_deref()),
            c.example
        ));
    }

    // The helpers first: the texts below use `icon`.
    let mut out = format!(
        "// Made by outreach for the leaflet `{}` in `{lang}`, anew on every build.\n\
         // Layouts import `leaflet`, `fit`, `icon` and `keep-ltr` from here.\n\n\
         {HELPERS}\n\
         #let leaflet = (\n",
        leaflet.spec.id
    );
    let mut field = |name: &str, value: String| {
        out.push_str(&format!("  {name}: {value},\n"));
    };
    field("id", string_literal(&leaflet.spec.id));
    field("format", string_literal(leaflet.spec.format.name()));
    field("lang", string_literal(&typst_lang));
    field("dir", dir.to_string());
    field("title", string_literal(&text.title));
    field("subtitle", string_or_none(text.description.as_deref()));
    field(
        "campaign",
        string_literal(
            campaign
                .title
                .get(lang)
                .map_or(text.title.as_str(), String::as_str),
        ),
    );
    let names: Vec<String> = leaflet
        .spec
        .format
        .sections()
        .iter()
        .map(|n| string_literal(n))
        .collect();
    field("section-names", format!("({},)", names.join(", ")));
    let bodies: Vec<String> = sections
        .iter()
        .map(|s| format!("[\n{}]", s.markup))
        .collect();
    field("sections", format!("(\n{},\n  )", bodies.join(",\n")));
    let words: Vec<String> = sections
        .iter()
        .map(|s| {
            let words: Vec<String> = s.long_words.iter().map(|w| string_literal(w)).collect();
            format!(
                "({})",
                words.iter().map(|w| format!("{w},")).collect::<String>()
            )
        })
        .collect();
    field("long-words", format!("({},)", words.join(", ")));
    field("contacts", format!("(\n{contacts}  )"));
    field("partners", format!("({partners})"));
    field("cover-image", cover.unwrap_or("none").to_string());
    field(
        "qr",
        if qr {
            string_literal(&format!("/{}", world::QR_FILE))
        } else {
            "none".to_string()
        },
    );
    field("url", string_or_none(url));
    field(
        "strings",
        format!(
            "(helpline: {}, online: {}, example: {}, partners: {})",
            string_literal(&t("helpline", &[])),
            string_literal(&t("leaflet-online", &[])),
            string_literal(&t("contact-example", &[])),
            string_literal(&t("partners", &[])),
        ),
    );
    field("sheet", leaflet.spec.sheet.to_string());
    field(
        "print-shop",
        (leaflet.spec.print == crate::model::leaflet::Printer::Shop).to_string(),
    );
    field("accent", format!("rgb({})", string_literal(accent)));
    field("digits", string_literal(&digits));
    out.push_str(")\n");
    out
}

/// Functions every layout can use.
const HELPERS: &str = r#"// Keeps phone numbers and web addresses left-to-right, also in Arabic script.
#let keep-ltr(body) = box(text(dir: ltr, body))

// A pictogram (`:phone:` in the text, or a contact's way to reach it), in
// the colour of the text around it and as high as its letters; arrows
// (`mirrored`) point the way right-to-left text reads.
#let icon(name, mirrored: false) = context {
  let fill = if type(text.fill) == color { text.fill } else { black }
  let svg = read("/icons/" + name + ".svg").replace("currentColor", fill.to-hex())
  let drawn = image(bytes(svg), format: "svg", height: 1.1em)
  // Words beside it say the same: screen readers skip it, as on the web.
  pdf.artifact(box(baseline: 0.2em, if mirrored and text.dir == rtl { scale(x: -100%, drawn) } else { drawn }))
  h(0.3em)
}

// A picture of the leaflet's text (`![what it shows](../images/map.png)`),
// as wide as its panel but at most `max-height` high (a tall photo would
// leave no room for words), described in the PDF's tags for screen readers.
#let picture(path, alt: none, max-height: 60mm) = layout(size => {
  let natural = measure(image(path, width: size.width)).height
  let shown = if natural > max-height {
    image(path, height: max-height, alt: alt)
  } else {
    image(path, width: size.width, alt: alt)
  }
  block(width: 100%, above: 0.8em, below: 0.8em, align(center, shown))
})

// A panel's content in the space it is given. Content taller than that is
// reported to outreach (as an error naming the panel), and cut here only
// so that the report is the one thing that shows it.
#let fit(name, body) = layout(size => {
  let need = measure(block(width: size.width, body)).height
  if need > size.height {
    [#metadata((panel: name, need: need / 1mm, have: size.height / 1mm)) <outreach-overflow>]
  }
  block(width: size.width, height: size.height, clip: true, body)
})
"#;

/// Panels reported by `fit` as too small: (name, needed mm, available mm),
/// each panel once (a sheet repeats the same card four times).
fn overflows(document: &PagedDocument) -> Vec<(String, f64, f64)> {
    let Some(label) = Label::new(PicoStr::intern(OVERFLOW_LABEL)) else {
        return Vec::new();
    };
    let mut seen = BTreeSet::new();
    let mut found = Vec::new();
    for content in document.introspector().query(&Selector::Label(label)) {
        let Some(meta) = content.to_packed::<MetadataElem>() else {
            continue;
        };
        let Value::Dict(dict) = &meta.value else {
            continue;
        };
        let text = |key: &str| match dict.get(key) {
            Ok(Value::Str(s)) => s.to_string(),
            _ => String::new(),
        };
        let number = |key: &str| match dict.get(key) {
            Ok(Value::Float(f)) => *f,
            Ok(Value::Int(i)) => *i as f64,
            _ => 0.0,
        };
        let name = text("panel");
        if seen.insert(name.clone()) {
            found.push((name, number("need"), number("have")));
        }
    }
    found
}

/// Words that stick out sideways from a panel that clips its content
/// (`fit`): (page, word). `fit` measures heights only; a word too long
/// for its line is found here.
fn clipped_words(document: &PagedDocument) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (index, page) in document.pages().iter().enumerate() {
        clipping_groups(&page.frame, index + 1, &mut found);
    }
    found.dedup();
    found
}

fn clipping_groups(frame: &Frame, page: usize, found: &mut Vec<(usize, String)>) {
    for (_, item) in frame.items() {
        if let FrameItem::Group(group) = item {
            if group.clip.is_some() {
                let bounds = group.frame.size();
                text_outside(&group.frame, Point::zero(), bounds, page, found);
            }
            clipping_groups(&group.frame, page, found);
        }
    }
}

fn text_outside(
    frame: &Frame,
    offset: Point,
    bounds: Size,
    page: usize,
    found: &mut Vec<(usize, String)>,
) {
    // Shaping rounds; a quarter point is far below what a reader sees.
    let tolerance = Abs::pt(0.25);
    for (position, item) in frame.items() {
        let at = offset + *position;
        match item {
            FrameItem::Text(text)
                if at.x < -tolerance || at.x + text.width() > bounds.x + tolerance =>
            {
                found.push((page, text.text.to_string()));
            }
            // Nested boxes move their content; a clipping one is checked
            // on its own by `clipping_groups`.
            FrameItem::Group(group) if group.clip.is_none() => {
                let t = group.transform;
                let moved = Point::new(at.x + t.tx, at.y + t.ty);
                text_outside(&group.frame, moved, bounds, page, found);
            }
            _ => {}
        }
    }
}

/// Letters of `data` that no font has (format characters such as the
/// zero-width non-joiner are shaped away and need no glyph).
fn missing_letters(data: &str, fonts: &Fonts) -> Vec<char> {
    let mut missing = BTreeSet::new();
    for c in data.chars() {
        if c.is_whitespace() || c.is_control() || c.is_ascii() || is_format_char(c) {
            continue;
        }
        if !fonts.covers(c) {
            missing.insert(c);
        }
    }
    missing.into_iter().collect()
}

fn is_format_char(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// A Typst problem as an outreach one, located in the theme's layout or in
/// the generated file when Typst knows where.
fn typst_problem(
    world: &LeafletWorld,
    problem: &SourceDiagnostic,
    severity: Severity,
    shown: &str,
) -> Diagnostic {
    let message = format!("{shown}: {}", problem.message);
    let mut diagnostic = match (
        problem.span.id().and_then(|id| world.origins.get(&id)),
        world.range(problem.span),
    ) {
        (Some(file), Some(range)) => file.at(range.start, severity, message),
        (Some(file), None) => Diagnostic::in_file(&file.path, severity, message),
        _ => Diagnostic {
            severity,
            path: None,
            line: None,
            col: None,
            message,
            help: None,
            snippet: None,
        },
    };
    if let Some(hint) = problem.hints.first() {
        diagnostic = diagnostic.with_help(hint.v.to_string());
    }
    diagnostic
}
