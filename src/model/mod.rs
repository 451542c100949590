//! Plain data passed between the pipeline's stages. Nothing here reads or
//! writes files: `load` fills these types, `resolve` and `render` read them.

pub mod audio;
pub mod campaign;
pub mod color;
pub mod contact;
pub mod country;
pub mod icon;
pub mod image;
pub mod lang;
pub mod leaflet;
pub mod page;
pub mod theme;

use std::collections::BTreeMap;

pub use campaign::Campaign;
pub use lang::{Direction, Language};
pub use page::Page;
pub use theme::Theme;

/// The project's folder for what builds keep to reuse: resized pictures
/// (`images/`) and compressed copies (`compressed.pack`).
pub const CACHE_DIR: &str = ".outreach-cache";

/// Everything `load` read from a project: the input of `resolve`.
#[derive(Debug, Default, Clone)]
pub struct Site {
    /// Campaigns by id (the YAML file's name without `.yaml`).
    pub campaigns: BTreeMap<String, Campaign>,
    /// Every page of every campaign, drafts excluded, in path order.
    pub pages: Vec<Page>,
    /// Leaflet texts (`content/<campaign>/<lang>/leaflets/<id>.md`), read
    /// like pages: the slug is the leaflet's id.
    pub leaflet_texts: Vec<Page>,
    /// Pages that exist but could not be read (reported by `load`), as
    /// `campaign/lang/slug`: links to them are not reported a second time.
    pub unreadable_pages: std::collections::BTreeSet<String>,
    /// Pages marked `draft: true`, as `campaign/lang/slug`: not built, and
    /// a link to one says so rather than that the page does not exist.
    pub draft_pages: std::collections::BTreeSet<String>,
    /// The themes the campaigns use, by name.
    pub themes: BTreeMap<String, Theme>,
    /// Interface strings: the Fluent sources.
    pub strings: crate::render::strings::StringSources,
    /// Pictures in campaigns' content folders, by campaign and key.
    pub images: BTreeMap<(String, String), image::ImageFile>,
}
