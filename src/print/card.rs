//! Share cards: the picture a link preview shows (WhatsApp, Telegram,
//! Facebook, Viber), one per page and language, with the page's title in
//! its own script. Drawn by Typst with the leaflets' fonts, so Arabic and
//! Pashto are shaped as in print, whatever fonts the reader's phone has.
//!
//! Each card is kept in the pictures' cache by a hash of everything that
//! draws it, so a second build draws only the cards of changed titles.

use std::sync::Arc;

use rayon::prelude::*;
use typst::foundations::Bytes;
use typst_layout::PagedDocument;

use super::markup::string_literal;
use super::world::{self, Fonts, LeafletWorld};
use crate::diag::{Diagnostic, Severity, SourceFile};
use crate::images::{Cache, Picture, Pictures, Variant, content_hash};
use crate::model::image::{CARD_WIDTHS, CHOOSER_CARD_KEY, card_key};
use crate::model::lang::Direction;
use crate::model::{Campaign, Theme};
use crate::resolve::{ResolvedCampaign, ResolvedSite};

/// The theme's layout of a card (in `themes/<theme>/leaflets/`).
pub const CARD_LAYOUT: &str = "share-card.typ";

/// Everything that decides a card's bytes besides its text, layout and
/// fonts: part of its cache key. Change it with any of them.
const ENCODING: &str =
    "outreach-card-1 typst-render-0.15 2px-per-pt png-neuquant256-s20-balanced jpeg-q70";

/// JPEG quality of cards with a photo: text still clean.
const CARD_JPEG_QUALITY: u8 = 70;

/// What a card may weigh: a preview loads on 2G in a few seconds.
const MAX_CARD_BYTES: usize = 60 * 1024;

/// One card to draw.
struct Job<'a> {
    rc: &'a ResolvedCampaign,
    key: String,
    lang: &'a str,
    title: &'a str,
}

/// Draws the card of every page (and each campaign's language chooser)
/// of campaigns with a `base_url` (previews need a full address) and
/// `share_cards` on, into `pictures`, where `wanted(campaign, lang, slug)`
/// (the chooser's slug is empty): the preview draws only the cards of
/// pages it builds again. Problems go to `problems`.
pub fn draw(
    site: &ResolvedSite,
    wanted: &dyn Fn(&str, &str, &str) -> bool,
    pictures: &mut Pictures,
    cache: &Cache,
    problems: &mut Vec<Diagnostic>,
) {
    let mut jobs = Vec::new();
    let mut fonts: Vec<(&str, Fonts)> = Vec::new();
    for rc in &site.campaigns {
        let campaign = &rc.campaign;
        if campaign.base_url.is_none() || !campaign.share_cards {
            continue;
        }
        if !rc
            .theme
            .leaflets
            .iter()
            .any(|(name, _)| name == CARD_LAYOUT)
        {
            continue;
        }
        if !fonts.iter().any(|(name, _)| *name == rc.theme.name) {
            fonts.push((&rc.theme.name, Fonts::new(&rc.theme)));
        }
        let default = campaign.default_language.as_str();
        if wanted(&campaign.id, default, "") {
            jobs.push(Job {
                rc,
                key: CHOOSER_CARD_KEY.to_string(),
                lang: default,
                title: campaign.title.get(default).map_or("", String::as_str),
            });
        }
        for (lang, pages) in &rc.languages {
            for rp in pages
                .iter()
                .filter(|rp| wanted(&campaign.id, lang, &rp.page.slug))
            {
                jobs.push(Job {
                    rc,
                    key: card_key(lang, &rp.page.slug),
                    lang,
                    title: &rp.page.title,
                });
            }
        }
    }
    let drawn: Vec<(usize, Result<Picture, Diagnostic>)> = jobs
        .par_iter()
        .enumerate()
        .map(|(i, job)| {
            let fonts = &fonts
                .iter()
                .find(|(name, _)| *name == job.rc.theme.name)
                .expect("fonts parsed for every theme with jobs")
                .1;
            (i, draw_one(job, fonts, pictures, cache))
        })
        .collect();
    for (i, card) in drawn {
        match card {
            Ok(picture) => {
                let job = &jobs[i];
                pictures.insert(&job.rc.campaign.id, job.key.clone(), CARD_WIDTHS, picture);
            }
            // One problem per campaign: every card has the same cause.
            Err(problem) => {
                if !problems.iter().any(|p| p.message == problem.message) {
                    problems.push(problem);
                }
            }
        }
    }
    // Typst caches layouts between compilations: see `print_site`.
    comemo::evict(10);
}

/// Draws one card, or takes it from the cache.
fn draw_one(
    job: &Job,
    fonts: &Fonts,
    pictures: &Pictures,
    cache: &Cache,
) -> Result<Picture, Diagnostic> {
    let campaign = &job.rc.campaign;
    let theme = &job.rc.theme;
    let picture = campaign.share_image(job.lang).and_then(|share| {
        let made = pictures.get(
            &campaign.id,
            &share.key,
            &[crate::model::image::SHARE_WIDTH],
        )?;
        let variant = made.largest();
        // Only photos and drawings Typst reads (an SVG share picture is
        // refused when the campaign file is checked).
        let ext = variant.name.rsplit_once('.').map(|(_, e)| e)?;
        Some((
            format!("{}/share.{ext}", world::PICTURES_DIR),
            variant.bytes.clone(),
        ))
    });
    let data = data_file(
        campaign,
        job,
        picture.as_ref().map(|(name, _)| name.as_str()),
    );
    let layout = theme
        .leaflets
        .iter()
        .find(|(name, _)| name == CARD_LAYOUT)
        .map_or("", |(_, file)| file.text());
    let mut key_text = format!("{ENCODING}\n{layout}\n{data}\n");
    for (name, bytes) in &theme.fonts {
        key_text.push_str(&format!("{name} {}\n", bytes.len()));
    }
    if let Some((_, bytes)) = &picture {
        key_text.push_str(&content_hash(bytes));
    }
    let key = content_hash(key_text.as_bytes());
    let cached = ["png", "jpg"]
        .iter()
        .find_map(|ext| cache.read(&format!("{key}-card.{ext}")));
    let bytes = match cached {
        Some(bytes) => bytes,
        None => {
            let bytes = typeset(campaign, theme, fonts, data, picture)?;
            cache.write(&format!("{key}-card.{}", extension(&bytes)), &bytes);
            bytes
        }
    };
    Ok(Picture {
        variants: vec![Variant {
            width: CARD_WIDTHS[0],
            height: 630,
            name: format!("{}-card.{}", &content_hash(&bytes)[..10], extension(&bytes)),
            bytes: Arc::new(bytes),
        }],
    })
}

/// A card file's extension, from its first bytes.
fn extension(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\x89PNG") {
        "png"
    } else {
        "jpg"
    }
}

/// Typesets and draws a card, as PNG or JPEG (see [`encode`]).
fn typeset(
    campaign: &Campaign,
    theme: &Theme,
    fonts: &Fonts,
    data: String,
    picture: Option<(String, Arc<Vec<u8>>)>,
) -> Result<Vec<u8>, Diagnostic> {
    let shown = format!("the share card of `{}`", campaign.id);
    let data = Arc::new(SourceFile::new(
        format!("(made by outreach for {shown})/{}", world::DATA_FILE),
        data,
    ));
    let photo = picture
        .as_ref()
        .is_some_and(|(name, _)| name.ends_with(".jpg"));
    let files: Vec<(String, Bytes)> = picture
        .into_iter()
        .map(|(name, bytes)| (name, Bytes::new(world::SharedBytes(bytes))))
        .collect();
    let Some(world) = LeafletWorld::new(theme, fonts, CARD_LAYOUT, data, files) else {
        return Err(Diagnostic::in_file(
            &campaign.source.path,
            Severity::Error,
            format!(
                "{shown}: the theme `{}` has no `leaflets/{CARD_LAYOUT}`",
                theme.name
            ),
        ));
    };
    let document = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| {
            let first = errors
                .first()
                .map_or(String::new(), |e| e.message.to_string());
            Diagnostic::in_file(
                &campaign.source.path,
                Severity::Error,
                format!("{shown} cannot be drawn: {first}"),
            )
            .with_help(format!(
                "check `themes/{}/leaflets/{CARD_LAYOUT}`",
                theme.name
            ))
        })?;
    let Some(page) = document.pages().first() else {
        return Err(Diagnostic::in_file(
            &campaign.source.path,
            Severity::Error,
            format!("{shown} has no page"),
        ));
    };
    let pixmap = typst_render::render(page, &typst_render::RenderOptions::default());
    encode(pixmap.width(), pixmap.height(), pixmap.data(), photo).map_err(|e| {
        Diagnostic::in_file(
            &campaign.source.path,
            Severity::Error,
            format!("{shown} cannot be saved: {e}"),
        )
    })
}

/// A card's pixels (opaque, premultiplied RGBA) as a small file: a card
/// with a photo (a JPEG share picture) as JPEG (as PNG it was 160 KB);
/// one of text and drawings as PNG with a palette of 256 colours, whose
/// edges stay sharp (as full-colour PNG a card with a drawing was 65 KB,
/// over the 60 KB a preview should weigh on 2G), or as JPEG where even
/// that is too heavy.
fn encode(width: u32, height: u32, rgba: &[u8], photo: bool) -> Result<Vec<u8>, String> {
    if !photo {
        let png = palette_png(width, height, rgba)?;
        if png.len() <= MAX_CARD_BYTES {
            return Ok(png);
        }
    }
    use image::ImageEncoder;
    let rgb: Vec<u8> = rgba
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    // A busy photo is given less quality until the card is light enough.
    for quality in [CARD_JPEG_QUALITY, 60, 50, 40] {
        out.clear();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
            .write_image(&rgb, width, height, image::ExtendedColorType::Rgb8)
            .map_err(|e| e.to_string())?;
        if out.len() <= MAX_CARD_BYTES {
            break;
        }
    }
    Ok(out)
}

/// Pixels as PNG with a palette of 256 colours.
fn palette_png(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, String> {
    // Every 20th pixel teaches the palette: a card is mostly one colour.
    let palette = color_quant::NeuQuant::new(20, 256, rgba);
    let mut indices = Vec::with_capacity(rgba.len() / 4);
    // A run of one colour (most of a card) is looked up once.
    let mut last: Option<(&[u8], u8)> = None;
    for p in rgba.chunks_exact(4) {
        let index = match last {
            Some((colour, index)) if colour == p => index,
            _ => palette.index_of(p) as u8,
        };
        last = Some((p, index));
        indices.push(index);
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(palette.color_map_rgb());
    encoder.set_compression(png::Compression::Balanced);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer
        .write_image_data(&indices)
        .map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// `outreach.typ` for one card.
fn data_file(campaign: &Campaign, job: &Job, picture: Option<&str>) -> String {
    let lang = job.lang;
    let dir = match campaign.language(lang).map(|l| l.dir) {
        Some(Direction::Rtl) => "rtl",
        _ => "ltr",
    };
    let typst_lang = lang.split('-').next().unwrap_or(lang).to_ascii_lowercase();
    let accent = campaign
        .accent
        .as_deref()
        .unwrap_or(crate::model::color::DEFAULT_ACCENT);
    // The address as people read it: no `https://`, no trailing `/`.
    let site = campaign.base_url.as_deref().map(|url| {
        url.trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string()
    });
    let or_none = |s: Option<&str>| s.map_or("none".to_string(), string_literal);
    format!(
        "// Made by outreach for a share card, anew on every build.\n\
         #let card = (\n  title: {},\n  campaign: {},\n  site: {},\n  lang: {},\n  dir: {dir},\n  accent: rgb({}),\n  picture: {},\n)\n",
        string_literal(job.title),
        string_literal(campaign.title.get(lang).map_or("", String::as_str)),
        or_none(site.as_deref()),
        string_literal(&typst_lang),
        string_literal(accent),
        or_none(picture.map(|p| format!("/{p}")).as_deref()),
    )
}
