//! The small Typst "world" a leaflet is typeset in: the theme's layout
//! files, the file outreach writes for the leaflet, a QR code and the
//! theme's fonts. Nothing is read from disk or from the machine's fonts,
//! so a leaflet looks the same wherever it is built.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::diag::SourceFile;
use crate::model::Theme;

/// The file outreach writes for each leaflet and language.
pub const DATA_FILE: &str = "outreach.typ";

/// Where the leaflet's pictures are (`/pictures/0b842283cb-1000.jpg`).
pub const PICTURES_DIR: &str = "pictures";

/// Where the pictograms are (`/icons/phone.svg`), for `icon()`.
pub const ICONS_DIR: &str = "icons";

/// Where the QR code is found by layouts (`leaflet.qr`).
pub const QR_FILE: &str = "qr.svg";

/// Typst's standard library, built once per process.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// A file shared with the theme or the pictures, handed to Typst without
/// a copy.
pub struct SharedBytes(pub Arc<Vec<u8>>);

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// A theme's fonts, parsed once per build and shared by its leaflets.
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Fonts {
    /// Parses the theme's font files; files that are not fonts are skipped.
    pub fn new(theme: &Theme) -> Fonts {
        let fonts: Vec<Font> = theme
            .fonts
            .iter()
            .flat_map(|(_, bytes)| Font::iter(Bytes::new(SharedBytes(bytes.clone()))))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }

    /// Whether any of the fonts has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.fonts
            .iter()
            .any(|font| font.info().coverage.contains(c as u32))
    }
}

/// A file's id in the world: one fixed path per name, so ids (which Typst
/// interns for the life of the process) do not pile up across builds.
pub fn file_id(name: &str) -> Option<FileId> {
    let path = VirtualPath::new(format!("/{name}")).ok()?;
    Some(FileId::new(RootedPath::new(VirtualRoot::Project, path)))
}

/// One leaflet in one language, ready to typeset.
pub struct LeafletWorld<'a> {
    fonts: &'a Fonts,
    main: FileId,
    sources: HashMap<FileId, Source>,
    /// Where each Typst source came from, to name it in problems.
    pub origins: HashMap<FileId, Arc<SourceFile>>,
    binaries: HashMap<FileId, Bytes>,
}

impl<'a> LeafletWorld<'a> {
    /// A world whose main file is the theme's layout `layout` (e.g.
    /// `a4-trifold.typ`), with every layout file of `theme`, the generated
    /// data file, and `files` by name: the QR code, logos and pictures.
    pub fn new(
        theme: &Theme,
        fonts: &'a Fonts,
        layout: &str,
        data: Arc<SourceFile>,
        files: Vec<(String, Bytes)>,
    ) -> Option<LeafletWorld<'a>> {
        let mut sources = HashMap::new();
        let mut origins = HashMap::new();
        let layouts = theme
            .leaflets
            .iter()
            .map(|(name, file)| (name.as_str(), Arc::new(file.clone())));
        for (name, file) in layouts.chain([(DATA_FILE, data)]) {
            let Some(id) = file_id(name) else { continue };
            sources.insert(id, Source::new(id, file.text().to_string()));
            origins.insert(id, file);
        }
        let binaries = files
            .into_iter()
            .filter_map(|(name, bytes)| Some((file_id(&name)?, bytes)))
            .collect();
        let main = file_id(layout)?;
        sources.contains_key(&main).then_some(LeafletWorld {
            fonts,
            main,
            sources,
            origins,
            binaries,
        })
    }
}

impl World for LeafletWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.binaries.get(&id) {
            return Ok(bytes.clone());
        }
        self.sources
            .get(&id)
            .map(|s| Bytes::from_string(s.text().to_string()))
            .ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    /// Leaflets carry no build date: the same input gives the same PDF.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}
