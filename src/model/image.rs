//! Pictures in a campaign's content folder: next to the Markdown that
//! shows them, or in the campaign's `images/` folder.

use std::path::PathBuf;

/// The folder in `content/<campaign>/` for pictures shared by languages.
pub const IMAGES_DIR: &str = "images";

/// The alternative text an author writes for a picture that is only
/// decoration: `![""](border.png)`. An empty `![](…)` is more often
/// forgotten than meant, so it is not taken as decoration.
pub const DECORATIVE_ALT: &str = "\"\"";

/// Widths of a picture in a page, in pixels: a phone, a phone with a
/// sharp screen or a laptop, a large screen.
pub const PAGE_WIDTHS: &[u32] = &[480, 960, 1600];

/// Width of a share picture: what Facebook and WhatsApp ask for.
pub const SHARE_WIDTH: u32 = 1200;

/// Width of a partner's logo in pixels: sharp in a page's footer on any
/// phone, and on a leaflet at 300 dpi up to 5 cm wide. (SVG logos are
/// published as they are.)
pub const LOGO_WIDTH: u32 = 600;

/// Width of a share card in pixels; link previews ask for 1200 × 630.
pub const CARD_WIDTHS: &[u32] = &[1200];

/// The key under which a page's share card (`lang/slug`) is kept with
/// the pictures: not a path, so no picture can have it.
pub fn card_key(lang: &str, slug: &str) -> String {
    format!("card:{lang}/{slug}")
}

/// The key of the language chooser's share card.
pub const CHOOSER_CARD_KEY: &str = "card:chooser";

/// File extensions read as pictures (lower case). SVG drawings are
/// checked and published unchanged (see `images::svg`).
pub const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "svg"];

/// A picture file as found on disk; nothing decoded yet.
#[derive(Clone, Debug)]
pub struct ImageFile {
    /// Id of the campaign whose content folder holds it.
    pub campaign: String,
    /// Path inside `content/<campaign>/`, with `/`: `images/route.png`,
    /// `en/helpline.jpg`. Pages refer to pictures by this key once resolved.
    pub key: String,
    /// The path shown in messages (`content/<campaign>/images/route.png`).
    pub shown: PathBuf,
    /// Where the file is; it is read only if a page shows it.
    pub path: PathBuf,
}

/// Pictures larger than this are not read: a phone's photo is a few MB.
pub const MAX_PICTURE_BYTES: u64 = 50 * 1024 * 1024;

/// Whether `name` has a picture's extension.
pub fn is_image_name(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| {
        IMAGE_EXTENSIONS
            .iter()
            .any(|known| known.eq_ignore_ascii_case(ext))
    })
}
