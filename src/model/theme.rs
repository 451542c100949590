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
}
