//! Pictograms for readers who read little: a small set of outline icons
//! bundled with outreach (from Tabler Icons, MIT; see
//! `themes/default/icons/SOURCES.md`), shown by the theme beside each way
//! to reach a contact, and by authors with `:name:` in pages and leaflets
//! (`## :phone: Call us`, `- :passport: Keep your passport`).
//!
//! `:name:` is plain text in Markdown, so it survives translation export
//! as written; only known names are pictograms, so `10:30:` or a colon in
//! prose stays text.

use std::ops::Range;

/// One pictogram.
#[derive(Debug)]
pub struct Icon {
    /// Its name, as authors write it between colons.
    pub name: &'static str,
    /// The drawing: 24 × 24, stroked with `currentColor`.
    pub svg: &'static str,
    /// Whether it points along the reading direction (arrows), and so is
    /// mirrored in right-to-left languages. A phone or a clock is not.
    pub mirrored: bool,
}

const fn icon(name: &'static str, svg: &'static str, mirrored: bool) -> Icon {
    Icon {
        name,
        svg,
        mirrored,
    }
}

/// Every pictogram, by name.
pub const ICONS: &[Icon] = &[
    icon(
        "arrow-back",
        include_str!("../../themes/default/icons/arrow-back.svg"),
        true,
    ),
    icon(
        "arrow-forward",
        include_str!("../../themes/default/icons/arrow-forward.svg"),
        true,
    ),
    icon(
        "chat",
        include_str!("../../themes/default/icons/chat.svg"),
        false,
    ),
    icon(
        "clock",
        include_str!("../../themes/default/icons/clock.svg"),
        false,
    ),
    icon(
        "email",
        include_str!("../../themes/default/icons/email.svg"),
        false,
    ),
    icon(
        "help",
        include_str!("../../themes/default/icons/help.svg"),
        false,
    ),
    icon(
        "house",
        include_str!("../../themes/default/icons/house.svg"),
        false,
    ),
    icon(
        "info",
        include_str!("../../themes/default/icons/info.svg"),
        false,
    ),
    icon(
        "lock",
        include_str!("../../themes/default/icons/lock.svg"),
        false,
    ),
    icon(
        "map-pin",
        include_str!("../../themes/default/icons/map-pin.svg"),
        false,
    ),
    icon(
        "money",
        include_str!("../../themes/default/icons/money.svg"),
        false,
    ),
    icon(
        "passport",
        include_str!("../../themes/default/icons/passport.svg"),
        false,
    ),
    icon(
        "phone",
        include_str!("../../themes/default/icons/phone.svg"),
        false,
    ),
    icon(
        "shield",
        include_str!("../../themes/default/icons/shield.svg"),
        false,
    ),
    icon(
        "signal",
        include_str!("../../themes/default/icons/signal.svg"),
        false,
    ),
    icon(
        "sms",
        include_str!("../../themes/default/icons/sms.svg"),
        false,
    ),
    icon(
        "telegram",
        include_str!("../../themes/default/icons/telegram.svg"),
        false,
    ),
    icon(
        "viber",
        include_str!("../../themes/default/icons/viber.svg"),
        false,
    ),
    icon(
        "warning",
        include_str!("../../themes/default/icons/warning.svg"),
        false,
    ),
    icon(
        "web",
        include_str!("../../themes/default/icons/web.svg"),
        false,
    ),
    icon(
        "whatsapp",
        include_str!("../../themes/default/icons/whatsapp.svg"),
        false,
    ),
];

impl Icon {
    /// The pictogram inline in a web page: no extra request, allowed by
    /// the site's security policy (no `style`), hidden from screen
    /// readers (the text beside it says the same), and sized and mirrored
    /// by the theme's CSS (`.icon`, `.icon-mirror`).
    pub fn html(&self) -> String {
        let class = if self.mirrored {
            "icon icon-mirror"
        } else {
            "icon"
        };
        let rest = self
            .svg
            .trim_end()
            .strip_prefix("<svg ")
            .unwrap_or(self.svg);
        format!("<svg class=\"{class}\" aria-hidden=\"true\" {rest}")
    }
}

/// The pictogram called `name`.
pub fn get(name: &str) -> Option<&'static Icon> {
    ICONS.iter().find(|icon| icon.name == name)
}

/// What looks like a pictogram in `text`: each `:name:` made of lower-case
/// ASCII letters and `-`, with where it is, and the icon if the name is
/// known. Unknown names are returned too, so that a misspelt one can be
/// pointed out; a colon followed by a space or a digit starts nothing.
pub fn shortcodes(text: &str) -> Vec<(Range<usize>, Result<&'static Icon, String>)> {
    let mut found = Vec::new();
    if !text.contains(':') {
        return found;
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(open) = memchr::memchr(b':', &bytes[at..]).map(|i| at + i) {
        let name_len = bytes[open + 1..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase() || **b == b'-')
            .count();
        let close = open + 1 + name_len;
        if (2..=20).contains(&name_len) && bytes.get(close) == Some(&b':') {
            let name = &text[open + 1..close];
            found.push((open..close + 1, get(name).ok_or_else(|| name.to_string())));
            at = close + 1;
        } else {
            at = open + 1;
        }
    }
    found
}

/// The known pictograms' names, for messages.
pub fn names() -> Vec<&'static str> {
    ICONS.iter().map(|icon| icon.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_are_pictograms_and_colons_in_prose_are_not() {
        let text = ":phone: Call at 10:30: or :telefon:, :Phone:, :a:, a: b: c";
        let found: Vec<(&str, Option<&str>)> = shortcodes(text)
            .into_iter()
            .map(|(range, icon)| (&text[range], icon.ok().map(|i| i.name)))
            .collect();
        assert_eq!(found, [(":phone:", Some("phone")), (":telefon:", None)]);
        assert!(shortcodes(":::").is_empty());
        assert_eq!(shortcodes(":clock::lock:").len(), 2);
    }

    #[test]
    fn every_pictogram_is_a_plain_24_pixel_outline() {
        for icon in ICONS {
            assert!(
                icon.svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"24\" height=\"24\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\""),
                "{}",
                icon.name
            );
            assert!(
                !icon.svg.contains("<script") && !icon.svg.contains("href"),
                "{}",
                icon.name
            );
            assert_eq!(
                icon.mirrored,
                icon.name.starts_with("arrow-"),
                "{}",
                icon.name
            );
        }
    }
}
