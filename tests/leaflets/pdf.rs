//! Reads the leaflets' PDFs in Rust, so that `cargo test` needs nothing
//! but Rust: pages and their size, fonts, text and where each word stands,
//! pictures of pages, and the QR codes in them. `.ci/run` checks the same
//! PDFs again with poppler and zbar (`tests/leaflets/poppler.sh`), a second
//! reader written by other people.

use std::path::Path;

use hayro::hayro_interpret::font::Glyph;
use hayro::hayro_interpret::hayro_cmap::BfString;
use hayro::hayro_interpret::hayro_syntax::Pdf;
use hayro::hayro_interpret::hayro_syntax::object::{Array, Dict, Name, Stream};
use hayro::hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, interpret_page,
};
use hayro::vello_cpu::Pixmap;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{RenderCache, RenderSettings};
use kurbo::{Affine, BezPath, Point, Rect};

/// A PDF read from a file.
pub struct Document {
    pdf: Pdf,
    name: String,
}

/// A word on a page, in reading order, with its box in points from the
/// page's top left corner (as `pdftotext -bbox` gives it).
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
    pub y_max: f64,
}

/// A font the PDF uses, with what `pdffonts` says of it.
#[derive(Debug)]
pub struct Font {
    pub name: String,
    pub embedded: bool,
    pub subset: bool,
}

/// A page drawn in shades of grey, one byte per pixel, 0 black.
pub struct Grey {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

impl Document {
    pub fn open(path: &Path) -> Document {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let pdf =
            Pdf::new(bytes).unwrap_or_else(|e| panic!("{}: not a PDF ({e:?})", path.display()));
        Document {
            pdf,
            name: path.display().to_string(),
        }
    }

    /// Width × height of each page in points, as `pdfinfo` writes it.
    pub fn page_sizes(&self) -> Vec<String> {
        self.pdf
            .pages()
            .iter()
            .map(|page| {
                let (width, height) = page.render_dimensions();
                format!("{} x {}", points(width), points(height))
            })
            .collect()
    }

    /// Every font the pages (and the forms they draw) use, once each.
    pub fn fonts(&self) -> Vec<Font> {
        let mut fonts = Vec::new();
        let mut seen = Vec::new();
        for page in self.pdf.pages().iter() {
            let resources = page.resources();
            collect_fonts(
                &resources.fonts,
                &resources.x_objects,
                &mut seen,
                &mut fonts,
            );
        }
        fonts
    }

    /// The text of every page, line by line in reading order, right-to-left
    /// lines included.
    pub fn text(&self) -> String {
        (0..self.pdf.pages().len())
            .flat_map(|page| self.lines(page))
            .map(|line| {
                line.into_iter()
                    .map(|word| word.text)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The words on one page (counting from 0), in reading order.
    pub fn words(&self, page: usize) -> Vec<Word> {
        self.lines(page).into_iter().flatten().collect()
    }

    fn lines(&self, page: usize) -> Vec<Vec<Word>> {
        let pages = self.pdf.pages();
        let page = pages
            .get(page)
            .unwrap_or_else(|| panic!("{}: no page {}", self.name, page + 1));
        let cache = InterpreterCache::new();
        // Positions come from the glyphs' own transforms, so the context's
        // starting transform and clip do not matter here.
        let mut context = Context::new(
            Affine::IDENTITY,
            Rect::new(0.0, 0.0, 1.0, 1.0),
            &cache,
            self.pdf.xref(),
            InterpreterSettings::default(),
        );
        let mut glyphs = Glyphs {
            page_height: f64::from(page.render_dimensions().1),
            placed: Vec::new(),
        };
        interpret_page(page, &mut context, &mut glyphs);
        split_lines(glyphs.placed)
            .iter()
            .map(|line| line_words(line))
            .collect()
    }

    /// The page (counting from 0) drawn at `dpi` dots per inch on white.
    pub fn render(&self, page: usize, dpi: f32) -> Pixmap {
        let pages = self.pdf.pages();
        let page = pages
            .get(page)
            .unwrap_or_else(|| panic!("{}: no page {}", self.name, page + 1));
        let scale = dpi / 72.0;
        let settings = RenderSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
            ..Default::default()
        };
        hayro::render(
            page,
            &RenderCache::new(),
            &InterpreterSettings::default(),
            &settings,
        )
    }

    /// The page drawn in grey, as a black-and-white printer or copier
    /// sees it (luma from sRGB, the weights `pdftoppm -gray` uses).
    pub fn render_grey(&self, page: usize, dpi: f32) -> Grey {
        let pixmap = self.render(page, dpi);
        let pixels = pixmap
            .data()
            .iter()
            .map(|p| {
                let luma = 0.299 * f64::from(p.r) + 0.587 * f64::from(p.g) + 0.114 * f64::from(p.b);
                luma.round() as u8
            })
            .collect();
        Grey {
            width: usize::from(pixmap.width()),
            height: usize::from(pixmap.height()),
            pixels,
        }
    }

    /// The text of every QR code on a page, read from a 200 dpi picture.
    pub fn qr_codes(&self, page: usize) -> Vec<String> {
        let grey = self.render_grey(page, 200.0);
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(grey.width, grey.height, |x, y| {
                grey.pixels[y * grey.width + x]
            });
        image
            .detect_grids()
            .iter()
            .map(|grid| {
                grid.decode()
                    .unwrap_or_else(|e| panic!("{}: a QR code that cannot be read: {e}", self.name))
                    .1
            })
            .collect()
    }
}

/// A length in points as `pdfinfo` writes it: at most three decimals,
/// without trailing zeros.
fn points(length: f32) -> String {
    let text = format!("{length:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn collect_fonts<'a>(
    font_dict: &Dict<'a>,
    x_objects: &Dict<'a>,
    seen: &mut Vec<String>,
    fonts: &mut Vec<Font>,
) {
    for key in font_dict.keys() {
        let Some(font) = font_dict.get::<Dict<'_>>(key.as_ref()) else {
            continue;
        };
        let id = format!("{:?}", font.obj_id());
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        fonts.push(describe_font(&font));
    }
    for key in x_objects.keys() {
        let Some(form) = x_objects.get::<Stream<'_>>(key.as_ref()) else {
            continue;
        };
        let Some(resources) = form.dict().get::<Dict<'_>>(b"Resources") else {
            continue;
        };
        let inner_fonts = resources.get::<Dict<'_>>(b"Font").unwrap_or_default();
        let inner_forms = resources.get::<Dict<'_>>(b"XObject").unwrap_or_default();
        collect_fonts(&inner_fonts, &inner_forms, seen, fonts);
    }
}

fn describe_font(font: &Dict<'_>) -> Font {
    let name = font
        .get::<Name<'_>>(b"BaseFont")
        .map(|n| n.as_str().to_string())
        .unwrap_or_default();
    let subtype = font
        .get::<Name<'_>>(b"Subtype")
        .map(|n| n.as_str().to_string())
        .unwrap_or_default();
    // A composite font keeps its descriptor in its one descendant.
    let descendant = font
        .get::<Array<'_>>(b"DescendantFonts")
        .and_then(|fonts| fonts.iter::<Dict<'_>>().next());
    let descriptor = descendant
        .as_ref()
        .unwrap_or(font)
        .get::<Dict<'_>>(b"FontDescriptor");
    let embedded = subtype == "Type3"
        || descriptor.is_some_and(|d| {
            ["FontFile", "FontFile2", "FontFile3"]
                .iter()
                .any(|key| d.contains_key(key))
        });
    // Subsets are named with six capital letters and a plus: ABCDEF+Name.
    let subset = name.len() > 7
        && name.as_bytes()[6] == b'+'
        && name.as_bytes()[..6].iter().all(u8::is_ascii_uppercase);
    Font {
        name,
        embedded,
        subset,
    }
}

/// A glyph where it was drawn: its text, the left and right ends of its
/// advance and its baseline, from the page's top left, and its font size.
struct Placed {
    text: String,
    x: f64,
    end: f64,
    baseline: f64,
    size: f64,
}

/// Collects the glyphs of a page in the order the page draws them.
struct Glyphs {
    page_height: f64,
    placed: Vec<Placed>,
}

impl Device<'_> for Glyphs {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'_>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, _: &BezPath, _: Affine, _: &Paint<'_>, _: &PathDrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'_>>, _: BlendMode) {}
    fn draw_image(&mut self, _: Image<'_, '_>, _: Affine) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}

    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'_>,
        transform: Affine,
        glyph_transform: Affine,
        _: &Paint<'_>,
        _: &GlyphDrawMode,
    ) {
        let text = match glyph.as_unicode() {
            Some(BfString::Char(c)) => c.to_string(),
            Some(BfString::String(s)) => s,
            None => '\u{FFFD}'.to_string(),
        };
        let advance = match glyph {
            Glyph::Outline(outline) => f64::from(outline.advance_width().unwrap_or(0.0)),
            Glyph::Type3(_) => 0.0,
        };
        let flip = Affine::new([1.0, 0.0, 0.0, -1.0, 0.0, self.page_height]);
        let to_page = flip * transform * glyph_transform;
        let start = to_page * Point::ORIGIN;
        let end = to_page * Point::new(advance, 0.0);
        // Glyph space has 1000 units to the em.
        let size = (to_page * Point::new(0.0, 1000.0) - start).hypot();
        if advance == 0.0 && text.chars().any(is_mark) {
            // A mark drawn on its letter. Where the font has no glyph for
            // the mark alone, the PDF maps it to the whole cluster, which
            // the letter carries too; a mark of its own joins the glyph
            // before it. (Other glyphs without width, like the alef of a
            // lam-alef, are letters.)
            if text.chars().all(is_mark)
                && let Some(previous) = self.placed.last_mut()
            {
                previous.text.push_str(&text);
            }
            return;
        }
        self.placed.push(Placed {
            text,
            x: start.x.min(end.x),
            end: start.x.max(end.x),
            baseline: start.y,
            size,
        });
    }
}

/// Splits glyphs, in the order drawn, into lines: a line ends where the
/// baseline moves or the next glyph is not to its right.
fn split_lines(placed: Vec<Placed>) -> Vec<Vec<Placed>> {
    let mut lines: Vec<Vec<Placed>> = Vec::new();
    for glyph in placed {
        let continues = lines
            .last()
            .and_then(|line| line.last())
            .is_some_and(|last| {
                (glyph.baseline - last.baseline).abs() < 0.3 * last.size
                    && glyph.x > last.end - 0.5 * last.size
                    && glyph.x < last.end + 3.0 * last.size
            });
        if continues {
            lines.last_mut().expect("a line").push(glyph);
        } else {
            lines.push(vec![glyph]);
        }
    }
    lines
}

/// The words of a line in reading order. Glyphs are drawn left to right;
/// right-to-left words are read the other way, and a right-to-left line
/// reads its words from the right, keeping runs of left-to-right words
/// (numbers, addresses) in their own order.
fn line_words(line: &[Placed]) -> Vec<Word> {
    let mut words: Vec<Vec<&Placed>> = Vec::new();
    let mut word: Vec<&Placed> = Vec::new();
    for glyph in line {
        let gap = word
            .last()
            .is_some_and(|last| glyph.x - last.end > 0.15 * last.size);
        if gap && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if glyph.text.chars().all(char::is_whitespace) {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        } else {
            word.push(glyph);
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let mut words: Vec<Word> = words.into_iter().map(|glyphs| to_word(&glyphs)).collect();
    if words.iter().any(|w| w.text.chars().any(is_right_to_left)) {
        words.reverse();
        let mut start = 0;
        while start < words.len() {
            let mut end = start;
            while end < words.len() && !words[end].text.chars().any(is_right_to_left) {
                end += 1;
            }
            words[start..end].reverse();
            start = end + 1;
        }
    }
    words
}

fn to_word(glyphs: &[&Placed]) -> Word {
    let mut text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
    if text.chars().any(is_right_to_left) {
        text = glyphs.iter().rev().map(|g| g.text.as_str()).collect();
    }
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
    let baseline = glyphs[0].baseline;
    Word {
        text,
        x_min: glyphs.iter().map(|g| g.x).fold(f64::INFINITY, f64::min),
        x_max: glyphs
            .iter()
            .map(|g| g.end)
            .fold(f64::NEG_INFINITY, f64::max),
        // The usual ascent and descent of a font, as fractions of its size.
        y_min: baseline - 0.8 * size,
        y_max: baseline + 0.2 * size,
    }
}

/// Letters of the right-to-left scripts outreach prints (Arabic, Persian,
/// Pashto; Hebrew for completeness). Their digits, like ours, are written
/// left to right.
fn is_right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && !matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
        && !is_mark(c)
}

/// Combining marks of the scripts outreach prints, and the joiners.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}'
            | '\u{200C}'
            | '\u{200D}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of one line, drawn left to right from `x`, each one 5 points
    /// wide, with a space glyph between words.
    fn drawn(words: &[&str]) -> Vec<Placed> {
        let mut placed = Vec::new();
        let mut x = 0.0;
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                placed.push(Placed {
                    text: " ".into(),
                    x,
                    end: x + 3.0,
                    baseline: 10.0,
                    size: 10.0,
                });
                x += 3.0;
            }
            for c in word.chars() {
                placed.push(Placed {
                    text: c.to_string(),
                    x,
                    end: x + 5.0,
                    baseline: 10.0,
                    size: 10.0,
                });
                x += 5.0;
            }
        }
        placed
    }

    fn read(words: &[&str]) -> Vec<String> {
        line_words(&drawn(words))
            .into_iter()
            .map(|w| w.text)
            .collect()
    }

    #[test]
    fn left_to_right_lines_read_as_drawn() {
        assert_eq!(read(&["Call", "+000", "00"]), ["Call", "+000", "00"]);
    }

    #[test]
    fn right_to_left_lines_read_from_the_right_keeping_numbers_in_order() {
        // "call the helpline +000 00" drawn on the page: the number's run
        // stays left to right, at the left end of the line.
        let drawn_words = ["+000", "00", "ةدعاسملا", "طخب", "اولصتا"];
        assert_eq!(
            read(&drawn_words),
            ["اتصلوا", "بخط", "المساعدة", "+000", "00"]
        );
    }

    #[test]
    fn a_gap_without_a_space_glyph_ends_a_word() {
        let mut glyphs = drawn(&["ab"]);
        glyphs[1].x += 4.0;
        glyphs[1].end += 4.0;
        let words = line_words(&glyphs);
        assert_eq!(words.len(), 2, "{words:?}");
        assert_eq!(words[1].x_min, 9.0);
    }
}
