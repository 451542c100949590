//! Colours and their contrast (WCAG 2.2, 1.4.3): a campaign's accent colour
//! is used for links and buttons, so it must stand out from the
//! backgrounds it is used on.

/// The backgrounds the default theme puts accent-coloured text on, with
/// the names the error message uses. Keep in step with `style.css`.
pub const ACCENT_BACKGROUNDS: &[(&str, &str)] = &[
    ("#ffffff", "the page background"),
    ("#f1f4f8", "the navigation bar"),
];

/// Minimum contrast for text (WCAG AA).
pub const MIN_CONTRAST: f64 = 4.5;

/// The default theme's accent colour (`--accent` in `style.css`).
pub const DEFAULT_ACCENT: &str = "#0b4f8a";

/// `#rrggbb` or `#rgb` as red, green and blue.
pub fn parse_hex(text: &str) -> Option<[u8; 3]> {
    let hex = text.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    let channel = |i: usize| u8::from_str_radix(&full[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// Relative luminance (WCAG 2.2 definition).
pub fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// Contrast ratio between two colours, 1 to 21.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// Checks an accent colour against every background it is used on; the
/// error names the failing pair and by how much it fails.
pub fn check_accent(text: &str) -> Result<String, String> {
    let color = parse_hex(text).ok_or_else(|| {
        format!("`accent` must be a colour written `#rrggbb`, e.g. `#0b4f8a`; found `{text}`")
    })?;
    for (background, name) in ACCENT_BACKGROUNDS {
        let ratio = contrast(color, parse_hex(background).unwrap_or([255, 255, 255]));
        if ratio < MIN_CONTRAST {
            return Err(format!(
                "the accent colour {text} has a contrast of {ratio:.2}:1 against {name} ({background}); links and buttons need at least {MIN_CONTRAST}:1, so it is {:.2} short. Choose a darker colour",
                MIN_CONTRAST - ratio
            ));
        }
    }
    Ok(format!(
        "#{}",
        text.trim().trim_start_matches('#').to_ascii_lowercase()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 0.01);
        assert!((contrast([0x77, 0x77, 0x77], [255, 255, 255]) - 4.48).abs() < 0.01);
        assert_eq!(parse_hex("#fff"), Some([255, 255, 255]));
        assert_eq!(parse_hex("0b4f8a"), None);
        assert_eq!(parse_hex("#€"), None, "no panic on multi-byte text");
        assert_eq!(parse_hex("#0ç4f8"), None);
    }

    #[test]
    fn the_default_accent_is_the_stylesheets() {
        let css = include_str!("../../themes/default/static/style.css");
        assert!(css.contains(&format!("--accent:{DEFAULT_ACCENT}")));
    }

    #[test]
    fn accents_are_checked_on_every_background() {
        assert_eq!(check_accent("#0B4F8A"), Ok("#0b4f8a".to_string()));
        let err = check_accent("#3a87d8").unwrap_err();
        assert!(
            err.contains("against the page background (#ffffff)"),
            "{err}"
        );
        assert!(err.contains(":1") && err.contains("short"), "{err}");
        // Passes on white, fails on the lighter grey of the navigation bar.
        let err = check_accent("#757575").unwrap_err();
        assert!(err.contains("the navigation bar"), "{err}");
        assert!(check_accent("blue").unwrap_err().contains("#rrggbb"));
    }
}
