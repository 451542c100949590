//! A theme: templates and files copied as they are.

use crate::diag::SourceFile;

/// `themes/<name>/`, or the built-in default theme.
#[derive(Clone, Debug, Default)]
pub struct Theme {
    /// The theme's name.
    pub name: String,
    /// Templates by name (path under `templates/`, e.g. `page.html`).
    pub templates: Vec<(String, SourceFile)>,
    /// Files under `static/`, by relative path, copied into each campaign's
    /// `static/` folder.
    pub static_files: Vec<(String, Vec<u8>)>,
    /// Leaflet layouts (Typst files under `leaflets/`), by file name.
    pub leaflets: Vec<(String, SourceFile)>,
    /// Fonts for leaflets (`fonts/*.ttf`, `*.otf`), by file name. Leaflets
    /// use only these, never the fonts of the machine that builds them.
    pub fonts: Vec<(String, std::sync::Arc<Vec<u8>>)>,
}
