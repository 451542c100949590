//! What templates see. These structs are the documented template context
//! (README, "Template context"): renaming a field breaks themes.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::contact::Contact;
use crate::model::{Campaign, Language};

/// `campaign`: the campaign, with texts in the current language.
#[derive(Serialize)]
pub struct CampaignView<'a> {
    /// Campaign id (its folder name).
    pub id: &'a str,
    /// Title in the current language.
    pub title: &'a str,
    /// Description in the current language.
    pub description: &'a str,
    /// `base_url`, ending in `/`, or none.
    pub base_url: Option<&'a str>,
    /// Audience tags.
    pub audience: &'a [String],
    /// Tag of the default language.
    pub default_language: &'a str,
    /// Whether interface strings use the language's own digits.
    pub native_digits: bool,
    /// Interface-string fallbacks declared by the campaign, per language.
    pub string_fallbacks: &'a BTreeMap<String, Vec<String>>,
    /// Where the "Leave this site" button leads, or none when it is off.
    pub quick_exit: Option<&'a str>,
    /// Whether the campaign sets its own accent colour (`static/campaign.css`).
    pub accent: Option<&'a str>,
}

/// An item of `contacts`: a helpline, in the page's language.
#[derive(Serialize)]
pub struct ContactView<'a> {
    /// Name in the page's language (or the default language's).
    pub name: &'a str,
    /// The name's language, when it is not the page's.
    pub name_lang: Option<Marked<'a>>,
    /// The number as written for people.
    pub phone: &'a str,
    /// `+` and ASCII digits, for `tel:`.
    pub tel: &'a str,
    /// `https://wa.me/...` when the contact uses WhatsApp.
    pub whatsapp_url: Option<String>,
    /// `viber://chat?number=...` when the contact uses Viber.
    pub viber_url: Option<String>,
    /// `sms:...` when the contact takes text messages.
    pub sms_url: Option<String>,
    /// E-mail address.
    pub email: Option<&'a str>,
    /// Opening hours in the page's language, if given.
    pub hours: Option<&'a str>,
    /// The hours' language, when it is not the page's.
    pub hours_lang: Option<Marked<'a>>,
    /// Country codes where the contact helps; empty means everywhere.
    pub countries: &'a [String],
    /// Whether this is example data (the page must say so).
    pub example: bool,
}

impl<'a> ContactView<'a> {
    /// A contact seen from `lang` in `campaign`. A name or hours missing in
    /// `lang` come from the default language, marked with its tag and
    /// direction so screen readers and right-to-left pages show them right.
    pub fn new(c: &'a Contact, lang: &str, campaign: &Campaign) -> ContactView<'a> {
        let text = |map: &'a BTreeMap<String, String>| {
            map.get_key_value(lang)
                .or_else(|| map.get_key_value(&campaign.default_language))
                .or_else(|| map.iter().next())
                .map(|(tag, text)| (tag.as_str(), text.as_str()))
        };
        let foreign = |found: Option<(&'a str, &'a str)>| {
            found
                .filter(|(tag, _)| *tag != lang)
                .map(|(tag, _)| Marked {
                    lang: tag,
                    dir: campaign.language(tag).map_or("ltr", |l| l.dir.as_str()),
                })
        };
        let name = text(&c.name);
        let hours = text(&c.hours);
        ContactView {
            name: name.map_or(&c.phone, |(_, t)| t),
            name_lang: foreign(name),
            phone: &c.phone,
            tel: &c.tel,
            whatsapp_url: c
                .whatsapp
                .as_ref()
                .map(|n| format!("https://wa.me/{}", n.dial.trim_start_matches('+'))),
            viber_url: c
                .viber
                .as_ref()
                .map(|n| format!("viber://chat?number=%2B{}", n.dial.trim_start_matches('+'))),
            sms_url: c.sms.as_ref().map(|n| format!("sms:{}", n.dial)),
            email: c.email.as_deref(),
            hours: hours.map(|(_, t)| t),
            hours_lang: foreign(hours),
            countries: &c.countries,
            example: c.example,
        }
    }
}

/// An item of `partners`: an organisation behind the campaign, with its
/// logo, in the page's language.
#[derive(Serialize)]
pub struct PartnerView<'a> {
    /// Name in the page's language (or the default language's): the
    /// logo's alternative text.
    pub name: &'a str,
    /// The name's language, when it is not the page's.
    pub name_lang: Option<Marked<'a>>,
    /// The logo's path from the campaign's folder (`images/1a2b3c4d5e.svg`):
    /// write `{{ root }}{{ partner.logo }}`.
    pub logo: String,
    /// The logo's width in pixels (its proportions, for `width`/`height`).
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// The partner's site, if the campaign gives it.
    pub link: Option<&'a str>,
    /// The logo file as published (leaflets embed it).
    #[serde(skip)]
    pub bytes: std::sync::Arc<Vec<u8>>,
}

impl<'a> PartnerView<'a> {
    /// The campaign's partners seen from `lang`, in the order written;
    /// a partner whose logo was not made (a problem already reported) is
    /// left out.
    pub fn all(
        campaign: &'a Campaign,
        lang: &str,
        pictures: &crate::images::Pictures,
    ) -> Vec<PartnerView<'a>> {
        campaign
            .partners
            .iter()
            .filter_map(|p| {
                let picture =
                    pictures.get(&campaign.id, &p.logo, &[crate::model::image::LOGO_WIDTH])?;
                let logo = picture.largest();
                let (tag, name) = p
                    .name
                    .get_key_value(lang)
                    .or_else(|| p.name.get_key_value(&campaign.default_language))?;
                Some(PartnerView {
                    name,
                    name_lang: (tag != lang).then(|| Marked {
                        lang: tag,
                        dir: campaign.language(tag).map_or("ltr", |l| l.dir.as_str()),
                    }),
                    logo: crate::images::Picture::output_path(logo),
                    width: logo.width,
                    height: logo.height,
                    link: p.link.as_deref(),
                    bytes: logo.bytes.clone(),
                })
            })
            .collect()
    }
}

/// The language of a text shown in another language than its page's.
#[derive(Serialize)]
pub struct Marked<'a> {
    /// The text's language tag (the HTML `lang`).
    pub lang: &'a str,
    /// Its direction (`ltr` or `rtl`, the HTML `dir`).
    pub dir: &'static str,
}

impl<'a> CampaignView<'a> {
    /// The campaign seen from `lang`.
    pub fn new(campaign: &'a Campaign, lang: &str) -> CampaignView<'a> {
        let text = |map: &'a BTreeMap<String, String>| {
            map.get(lang)
                .or_else(|| map.get(&campaign.default_language))
                .map_or("", String::as_str)
        };
        CampaignView {
            id: &campaign.id,
            title: text(&campaign.title),
            description: text(&campaign.description),
            base_url: campaign.base_url.as_deref(),
            audience: &campaign.audience,
            default_language: &campaign.default_language,
            native_digits: campaign.native_digits,
            string_fallbacks: &campaign.string_fallbacks,
            quick_exit: campaign.quick_exit.as_deref(),
            accent: campaign.accent.as_deref(),
        }
    }
}

/// `lang`: the current language (also the items of `languages`,
/// `translations`, with the extra fields below).
#[derive(Serialize)]
pub struct LangView<'a> {
    /// Tag: `lang` attribute and folder name.
    pub tag: &'a str,
    /// Tag for `hreflang` (`sr-Cyrl` for `sr`).
    pub hreflang: &'a str,
    /// The language's name for itself.
    pub autonym: &'a str,
    /// Script code (`Latn`, `Cyrl`, `Arab`).
    pub script: &'a str,
    /// `ltr` or `rtl`.
    pub dir: &'a str,
}

impl<'a> From<&'a Language> for LangView<'a> {
    fn from(l: &'a Language) -> LangView<'a> {
        LangView {
            tag: &l.tag,
            hreflang: &l.hreflang,
            autonym: &l.autonym,
            script: &l.script,
            dir: l.dir.as_str(),
        }
    }
}

/// An item of `translations`: this page in another language (or this one).
/// Serialized by hand: `#[serde(flatten)]` buffers every field, and a page
/// has up to two lists of these (a tenth of a build's time).
pub struct TranslationView<'a> {
    /// The language: its fields appear beside the others.
    pub lang: LangView<'a>,
    /// Relative link from the current page.
    pub url: String,
    /// Absolute address when `base_url` is set, else the same as `url`.
    pub href: String,
    /// Whether this is the current page.
    pub current: bool,
}

impl Serialize for TranslationView<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let LangView {
            tag,
            hreflang,
            autonym,
            script,
            dir,
        } = &self.lang;
        let mut s = serializer.serialize_struct("TranslationView", 8)?;
        s.serialize_field("tag", tag)?;
        s.serialize_field("hreflang", hreflang)?;
        s.serialize_field("autonym", autonym)?;
        s.serialize_field("script", script)?;
        s.serialize_field("dir", dir)?;
        s.serialize_field("url", &self.url)?;
        s.serialize_field("href", &self.href)?;
        s.serialize_field("current", &self.current)?;
        s.end()
    }
}

/// An item of `nav`: a page of the current language, in order.
#[derive(Serialize)]
pub struct NavItem<'a> {
    /// File name without `.md`.
    pub slug: &'a str,
    /// Page title.
    pub title: &'a str,
    /// Relative link (pages of one language share a folder).
    pub url: String,
    /// Page description, if any.
    pub description: Option<&'a str>,
}

/// An item of `leaflets`: a printable leaflet in the current language.
#[derive(Serialize)]
pub struct LeafletItem<'a> {
    /// The leaflet's id.
    pub id: &'a str,
    /// The format's name (`a4-trifold`); the string `leaflet-format-<name>` describes it.
    pub format: &'static str,
    /// The leaflet's title.
    pub title: &'a str,
    /// Relative link to the PDF from a page of the language.
    pub url: String,
    /// The PDF's size in KB, rounded up.
    pub size_kb: usize,
}

/// `page`: the page being rendered.
#[derive(Serialize)]
pub struct PageView<'a> {
    /// File name without `.md` (`index` for the home page).
    pub slug: &'a str,
    /// Title from the front matter.
    pub title: &'a str,
    /// Description from the front matter.
    pub description: Option<&'a str>,
    /// The body as HTML.
    pub content: &'a str,
    /// This page's file name.
    pub url: String,
    /// Absolute address when `base_url` is set.
    pub canonical: Option<String>,
    /// Whether this is the language's home page.
    pub is_home: bool,
    /// The `review` note from the front matter.
    pub review: Option<&'a str>,
    /// For a page not yet translated (`fallback: show`): the language its
    /// text is in, to mark the text with `lang` and `dir`.
    pub fallback: Option<LangView<'a>>,
    /// The page's recorded reading (`audio:`), when it has one.
    pub audio: Option<AudioView>,
}

/// `page.audio`: a page's recorded reading, as the page offers it.
#[derive(Serialize)]
pub struct AudioView {
    /// Relative link from the page to the published file.
    pub url: String,
    /// Its media type, for `<source type>` (`audio/ogg; codecs=opus`).
    pub media_type: &'static str,
    /// How long it plays, when the file says.
    pub duration: Option<DurationView>,
    /// Its size in KB, rounded up.
    pub size_kb: u64,
    /// Its size in MB with one decimal, rounded up, written as the page's
    /// language writes decimals (`1.2`, `1,2`).
    pub size_mb: String,
}

/// `page.audio.duration`: a length in minutes and seconds, each left out
/// when there is none of it (`3 min`, `45 s`).
#[derive(Serialize)]
pub struct DurationView {
    /// Whole minutes, if any.
    pub minutes: Option<u64>,
    /// Seconds past the minutes, if any.
    pub seconds: Option<u64>,
    /// As HTML writes durations, for `<time datetime>`: `PT3M20S`.
    pub iso: String,
}

impl AudioView {
    /// The view of `recording` on a page in `lang`.
    pub fn new(recording: &crate::audio::Recording, lang: &str, native_digits: bool) -> AudioView {
        let size = recording.bytes.len() as u64;
        AudioView {
            url: recording.url_from_page(),
            media_type: recording.kind.media_type(),
            duration: recording.duration.map(DurationView::new),
            size_kb: size.div_ceil(1024),
            size_mb: crate::render::strings::one_decimal(
                lang,
                (size * 10).div_ceil(1024 * 1024),
                native_digits,
            ),
        }
    }
}

impl DurationView {
    /// A length rounded to the nearest second, at least one.
    pub fn new(length: std::time::Duration) -> DurationView {
        let total = ((length.as_millis() + 500) / 1000).max(1) as u64;
        let (minutes, seconds) = (total / 60, total % 60);
        let mut iso = String::from("PT");
        if minutes > 0 {
            iso.push_str(&format!("{minutes}M"));
        }
        if seconds > 0 {
            iso.push_str(&format!("{seconds}S"));
        }
        DurationView {
            minutes: (minutes > 0).then_some(minutes),
            seconds: (seconds > 0).then_some(seconds),
            iso,
        }
    }
}

/// An item of `languages` on the language chooser and 404 page.
#[derive(Serialize)]
pub struct ChoiceView<'a> {
    /// The language.
    #[serde(flatten)]
    pub lang: LangView<'a>,
    /// Link to the language's home page.
    pub url: String,
    /// Absolute address when `base_url` is set, else the same as `url`.
    pub href: String,
    /// The campaign title in this language.
    pub title: &'a str,
    /// The campaign description in this language.
    pub description: &'a str,
}

/// `share`: what link previews (Open Graph, as read by WhatsApp, Facebook,
/// Telegram, Signal) show for pages of the current language.
#[derive(Serialize)]
pub struct ShareView {
    /// `og:locale`: the language as `ll_CC` where a usual territory is
    /// known (`sq_AL`), else the language alone.
    pub locale: String,
    /// The other languages of the campaign, the same way.
    pub locale_alternates: Vec<String>,
    /// Absolute address of the share picture; none without `base_url` or
    /// `share_image` (previews need a full address).
    pub image: Option<String>,
    /// Its width in pixels.
    pub image_width: u32,
    /// Its height in pixels.
    pub image_height: u32,
    /// Its type (`image/jpeg`, `image/png`).
    pub image_type: &'static str,
}

impl ShareView {
    /// The share view of `lang`'s pages: the card drawn for the page
    /// (`card`, a key of [`crate::model::image::card_key`]) where there is one, else
    /// the campaign's share picture.
    pub fn new(
        campaign: &Campaign,
        lang: &str,
        card: Option<&str>,
        pictures: &crate::images::Pictures,
    ) -> ShareView {
        let locale = og_locale(lang);
        let mut locale_alternates: Vec<String> = Vec::new();
        for other in &campaign.languages {
            let alternate = og_locale(&other.tag);
            if alternate != locale && !locale_alternates.contains(&alternate) {
                locale_alternates.push(alternate);
            }
        }
        let card =
            card.and_then(|key| pictures.get(&campaign.id, key, crate::model::image::CARD_WIDTHS));
        let picture = card.or_else(|| {
            campaign.share_image(lang).and_then(|share| {
                pictures.get(
                    &campaign.id,
                    &share.key,
                    &[crate::model::image::SHARE_WIDTH],
                )
            })
        });
        let variant = picture.map(|p| p.largest());
        let image = variant.and_then(|v| {
            crate::render::absolute_url(campaign, &crate::images::Picture::output_path(v))
        });
        ShareView {
            locale,
            locale_alternates,
            image,
            image_width: variant.map_or(0, |v| v.width),
            image_height: variant.map_or(0, |v| v.height),
            image_type: match variant {
                Some(v) if v.name.ends_with(".png") => "image/png",
                _ => "image/jpeg",
            },
        }
    }
}

/// A language tag as Open Graph writes locales: `ll_CC` with the
/// territory where the language is mostly read (as Facebook lists them),
/// or the language alone.
pub fn og_locale(tag: &str) -> String {
    let language = tag.split('-').next().unwrap_or(tag);
    let territory = match language {
        "sq" => "AL",
        "bs" => "BA",
        "sr" => "RS",
        "mk" => "MK",
        "hr" => "HR",
        "ar" => "AR",
        "fa" => "IR",
        "ps" => "AF",
        "en" => "GB",
        "de" => "DE",
        "tr" => "TR",
        _ => return language.to_string(),
    };
    format!("{language}_{territory}")
}
