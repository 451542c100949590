//! Pictures → the sizes readers download. Each picture a page shows is
//! resized to a few widths (never larger than it is), re-encoded, and
//! published under a name made from its content, so hosts may cache it for
//! good. Re-encoding also drops what cameras write into photos (the place
//! and time a photo was taken, the phone's make), which could endanger
//! the people in them.
//!
//! Published names are made from the published bytes only: the original
//! file name could say too much (`IMG_20240312_143055.jpg` tells when a
//! photo was taken, `shelter-tetovo.jpg` where).
//!
//! Encoding is the slow part of a build with pictures, so each size is
//! kept in a cache folder, by a hash of the picture's bytes and of how it
//! is encoded: a second build decodes nothing.

use std::collections::{HashMap, HashSet};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat, ImageReader};
use rayon::prelude::*;

use crate::diag::{Diagnostic, Severity};
use crate::model::image::{IMAGES_DIR, ImageFile, MAX_PICTURE_BYTES};
use crate::model::leaflet::Format;

pub mod svg;

/// JPEG quality: small files on 2G without visible blocks in photos.
const JPEG_QUALITY: u8 = 78;

/// Everything that decides the encoded bytes besides the picture: part of
/// each cached size's key, so that a size made another way is not reused.
/// Change it with any of them.
const ENCODING: &str = "outreach-images-1 image-0.25 catmull-rom jpeg-q78 png-default-adaptive";

/// From a page to the campaign's `images/` folder.
const FROM_PAGE: &str = "../images/";

/// How a picture fits the page: the content column is at most 40rem.
const SIZES: &str = "(min-width: 42rem) 40rem, calc(100vw - 2rem)";

/// One published size of a picture.
#[derive(Debug)]
pub struct Variant {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// File name in the campaign's `images/` folder.
    pub name: String,
    /// The encoded file.
    pub bytes: Arc<Vec<u8>>,
}

/// A picture in the sizes it is published in, smallest first.
#[derive(Debug)]
pub struct Picture {
    /// The sizes, smallest first; never empty.
    pub variants: Vec<Variant>,
}

impl Picture {
    /// The size browsers without `srcset` get, and the one a phone with a
    /// sharp screen picks: the largest not over 960 pixels.
    pub fn default_variant(&self) -> &Variant {
        self.variants
            .iter()
            .rev()
            .find(|v| v.width <= 960)
            .unwrap_or(&self.variants[0])
    }

    /// The largest size.
    pub fn largest(&self) -> &Variant {
        &self.variants[self.variants.len() - 1]
    }

    /// Path of a variant inside the campaign's folder.
    pub fn output_path(variant: &Variant) -> String {
        format!("{IMAGES_DIR}/{}", variant.name)
    }

    /// The `<img>` element for a page. `alt` is the author's text; the
    /// decorative marker `""` becomes an empty `alt`. Width and height are
    /// the largest size's, so the browser reserves the space before the
    /// picture arrives and the text does not jump.
    pub fn img_tag(&self, alt: &str, lazy: bool) -> String {
        use crate::html::escape_text;
        use crate::model::image::DECORATIVE_ALT;
        let alt = if alt.trim() == DECORATIVE_ALT {
            String::new()
        } else {
            escape_text(alt)
        };
        let largest = self.largest();
        let mut tag = format!(
            "<img src=\"{FROM_PAGE}{}\"",
            escape_text(&self.default_variant().name)
        );
        if self.variants.len() > 1 {
            let srcset: Vec<String> = self
                .variants
                .iter()
                .map(|v| format!("{FROM_PAGE}{} {}w", escape_text(&v.name), v.width))
                .collect();
            tag.push_str(&format!(
                " srcset=\"{}\" sizes=\"{SIZES}\"",
                srcset.join(", ")
            ));
        }
        tag.push_str(&format!(
            " width=\"{}\" height=\"{}\" alt=\"{alt}\"",
            largest.width, largest.height
        ));
        if lazy {
            tag.push_str(" loading=\"lazy\"");
        }
        tag.push_str(" decoding=\"async\">");
        tag
    }
}

/// The pictures of a build, by (campaign, key, widths), and how many sizes
/// were encoded or taken from the cache.
#[derive(Default)]
pub struct Pictures {
    made: HashMap<(String, String, &'static [u32]), Arc<Picture>>,
    /// Sizes encoded by this build (and the preview server's rebuilds).
    pub encoded: usize,
    /// Sizes found in the cache.
    pub reused: usize,
}

impl Pictures {
    /// A picture made for a page (`widths` = [`PAGE_WIDTHS`]) or for
    /// sharing (`&[SHARE_WIDTH]`).
    pub fn get(&self, campaign: &str, key: &str, widths: &'static [u32]) -> Option<&Arc<Picture>> {
        self.made
            .get(&(campaign.to_string(), key.to_string(), widths))
    }

    /// Adds a picture made elsewhere (a share card), published with the
    /// campaign's pictures.
    pub(crate) fn insert(
        &mut self,
        campaign: &str,
        key: String,
        widths: &'static [u32],
        picture: Picture,
    ) {
        self.made
            .insert((campaign.to_string(), key, widths), Arc::new(picture));
    }

    /// Every picture a campaign publishes, in key order: pictures made
    /// only for its leaflets are in the PDFs, not on the site.
    pub fn of_campaign(&self, campaign: &str) -> Vec<&Arc<Picture>> {
        let mut found: Vec<(&str, &Arc<Picture>)> = self
            .made
            .iter()
            .filter(|((c, _, widths), _)| {
                c == campaign && !Format::ALL.iter().any(|f| f.picture_widths() == *widths)
            })
            .map(|((_, key, _), picture)| (key.as_str(), picture))
            .collect();
        found.sort_by_key(|(key, p)| (*key, p.variants.len()));
        found.into_iter().map(|(_, p)| p).collect()
    }
}

/// Where encoded sizes are kept between builds.
///
/// A build and a preview of one project may run at once. Each holds a
/// shared lock on the cache while it uses it; sizes are only pruned under
/// an exclusive lock, so one never removes what the other is using or
/// writing (it prunes next time instead).
pub struct Cache {
    dir: Option<PathBuf>,
    /// `check` reads sizes but writes none and prunes nothing.
    writable: bool,
    /// The shared lock, until pruning lets it go.
    lock: Mutex<Option<std::fs::File>>,
    /// Names of the sizes this build read or wrote: the others can go.
    used: Mutex<HashSet<String>>,
}

impl Cache {
    /// The cache of the project at `root`: `.outreach-cache/images/`.
    pub fn in_project(root: &Path) -> Cache {
        let dir = root.join(crate::model::CACHE_DIR).join("images");
        // A cache that cannot be locked is still used; it is just never
        // pruned.
        let lock = std::fs::create_dir_all(&dir)
            .and_then(|()| open_lock(&dir))
            .and_then(|file| file.lock_shared().map(|()| file))
            .ok();
        Cache {
            dir: Some(dir),
            writable: true,
            lock: Mutex::new(lock),
            used: Mutex::default(),
        }
    }

    /// The cache of the project at `root`, read but never written: for
    /// `check`, which writes nothing.
    pub fn read_only(root: &Path) -> Cache {
        Cache {
            dir: Some(root.join(crate::model::CACHE_DIR).join("images")),
            writable: false,
            lock: Mutex::new(None),
            used: Mutex::default(),
        }
    }

    /// No cache: every size is encoded.
    pub fn none() -> Cache {
        Cache {
            dir: None,
            writable: false,
            lock: Mutex::new(None),
            used: Mutex::default(),
        }
    }

    pub(crate) fn read(&self, name: &str) -> Option<Vec<u8>> {
        let bytes = std::fs::read(self.dir.as_ref()?.join(name)).ok()?;
        self.mark_used(name);
        Some(bytes)
    }

    fn mark_used(&self, name: &str) {
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(name.to_string());
    }

    /// Removes the sizes this build did not use (pictures changed or
    /// removed since), and temporary files of interrupted builds. Call it
    /// only after a build of every campaign; only names outreach gives
    /// cached sizes are touched.
    pub fn prune(&self) {
        let Some(dir) = self.dir.as_ref().filter(|_| self.writable) else {
            return;
        };
        // Our shared lock goes; if anyone else still holds one, their
        // sizes stay until a build that has the cache to itself.
        drop(self.lock.lock().unwrap_or_else(|e| e.into_inner()).take());
        let Ok(exclusive) = open_lock(dir) else {
            return;
        };
        if exclusive.try_lock().is_err() {
            return;
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let size = name.strip_prefix('.').unwrap_or(&name);
            let size = size.split('.').take(2).collect::<Vec<_>>().join(".");
            let temporary = name.starts_with('.');
            if is_cached_name(&size) && (temporary || !used.contains(&name)) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// Stores a size. A cache that cannot be written only costs time on
    /// the next build, so failures are ignored.
    pub(crate) fn write(&self, name: &str, bytes: &[u8]) {
        let Some(dir) = self.dir.as_ref().filter(|_| self.writable) else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        // Written aside and renamed: a build interrupted while writing
        // never leaves half a file under the final name.
        // Two threads may write the same size (a picture shown and
        // shared), so each writes its own temporary file.
        static WRITES: AtomicUsize = AtomicUsize::new(0);
        let n = WRITES.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.{}.{n}", std::process::id()));
        if std::fs::write(&temp, bytes).is_ok() && std::fs::rename(&temp, dir.join(name)).is_ok() {
            self.mark_used(name);
        }
    }
}

/// The cache's lock file, beside its folder: `.outreach-cache/images.lock`.
fn open_lock(dir: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.with_extension("lock"))
}

/// Whether `name` is a cached size's: `<32 hex>-<width>.<jpg|png>`.
fn is_cached_name(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    let Some((hash, width)) = stem.split_once('-') else {
        return false;
    };
    // A size is `<hash>-<width>`, a share card `<hash>-card`.
    matches!(ext, "jpg" | "png")
        && hash.len() == 32
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
        && (width == "card" || !width.is_empty() && width.bytes().all(|b| b.is_ascii_digit()))
}

/// Makes every picture in `used` (what the site's pages and share
/// previews show: [`crate::resolve::ResolvedSite::pictures_used`]) that
/// `pictures` does not have yet. Damaged files are reported.
pub fn prepare(
    used: Vec<(&ImageFile, &'static [u32])>,
    pictures: &mut Pictures,
    cache: &Cache,
    problems: &mut Vec<Diagnostic>,
) {
    let wanted: Vec<(&ImageFile, &'static [u32])> = used
        .into_iter()
        .filter(|(file, widths)| {
            let id = (file.campaign.clone(), file.key.clone(), *widths);
            !pictures.made.contains_key(&id)
        })
        .collect();
    let encoded = AtomicUsize::new(0);
    let reused = AtomicUsize::new(0);
    let budget = DecodeBudget::new(DECODE_BUDGET_BYTES);
    let made: Vec<_> = wanted
        .par_iter()
        .map(|(file, widths)| {
            let made = crate::load::files::read_bytes_at_most(
                &file.path,
                &file.shown,
                MAX_PICTURE_BYTES,
                "save it smaller in an image editor: the site shows pictures at most 1600 pixels wide",
            )
            .map_err(|d| vec![d])
            .and_then(|bytes| {
                if is_drawing(&file.key) {
                    drawing(file, &bytes)
                } else {
                    make(file, &bytes, widths, cache, &budget, &encoded, &reused)
                        .map_err(|d| vec![d])
                }
            });
            ((file.campaign.clone(), file.key.clone(), *widths), made)
        })
        .collect();
    for (id, made) in made {
        match made {
            Ok(picture) => {
                pictures.made.insert(id, Arc::new(picture));
            }
            Err(found) => problems.extend(found),
        }
    }
    pictures.encoded += encoded.into_inner();
    pictures.reused += reused.into_inner();
}

/// Pictures wider or higher than this are not decoded.
pub const MAX_PICTURE_SIDE: u32 = 12_000;

/// Pictures with more pixels than this are not decoded (a 50-megapixel
/// phone photo has 50 million).
pub const MAX_PICTURE_PIXELS: u64 = 64_000_000;

/// Memory that pictures decoded at the same time may take together:
/// more cores do not mean more memory.
const DECODE_BUDGET_BYTES: u64 = 1024 * 1024 * 1024;

/// Memory reserved for pictures being decoded; a picture waits until its
/// share is free.
struct DecodeBudget {
    free: Mutex<u64>,
    freed: std::sync::Condvar,
}

impl DecodeBudget {
    fn new(bytes: u64) -> DecodeBudget {
        DecodeBudget {
            free: Mutex::new(bytes),
            freed: std::sync::Condvar::new(),
        }
    }

    /// Waits for `bytes` (at most the whole budget) and holds them until
    /// the returned guard is dropped.
    fn take(&self, bytes: u64) -> BudgetShare<'_> {
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        while *free < bytes {
            free = self.freed.wait(free).unwrap_or_else(|e| e.into_inner());
        }
        *free -= bytes;
        BudgetShare {
            budget: self,
            bytes,
        }
    }
}

struct BudgetShare<'a> {
    budget: &'a DecodeBudget,
    bytes: u64,
}

impl Drop for BudgetShare<'_> {
    fn drop(&mut self) {
        *self.budget.free.lock().unwrap_or_else(|e| e.into_inner()) += self.bytes;
        self.budget.freed.notify_all();
    }
}

/// The published sizes of one picture, from the cache where it has them.
fn make(
    file: &ImageFile,
    bytes: &[u8],
    widths: &[u32],
    cache: &Cache,
    budget: &DecodeBudget,
    encoded: &AtomicUsize,
    reused: &AtomicUsize,
) -> Result<Picture, Diagnostic> {
    let damaged = |err: &dyn std::fmt::Display| {
        Diagnostic::in_file(
            &file.shown,
            Severity::Error,
            format!("this picture cannot be read: {err}"),
        )
        .with_help("open it in an image editor and save it again as JPEG or PNG")
    };
    // The size first, from the header alone: nothing is allocated for a
    // picture too large to decode.
    let (width, height) = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| damaged(&e))?
        .into_dimensions()
        .map_err(|e| damaged(&e))?;
    let pixels = u64::from(width) * u64::from(height);
    if width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE || pixels > MAX_PICTURE_PIXELS {
        return Err(Diagnostic::in_file(
            &file.shown,
            Severity::Error,
            format!(
                "this picture is {width} × {height} pixels; pictures over {MAX_PICTURE_SIDE} pixels wide or high, or over {} million pixels, are not read",
                MAX_PICTURE_PIXELS / 1_000_000
            ),
        )
        .with_help("save it smaller in an image editor: the site shows pictures at most 1600 pixels wide"));
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| damaged(&e))?;
    // A backstop for what the size check below cannot see (a decoder's
    // own buffers); the check gives the clearer message.
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_PICTURE_SIDE);
    limits.max_image_height = Some(MAX_PICTURE_SIDE);
    limits.max_alloc = Some(MAX_PICTURE_PIXELS * 4 + 64 * 1024 * 1024);
    reader.limits(limits);
    let format = reader.format();
    let mut decoder = reader.into_decoder().map_err(|e| damaged(&e))?;
    // What decoding allocates: 16-bit and float pictures take more than
    // 4 bytes a pixel. (The limits above do not reach this buffer.)
    let decoded_bytes = decoder.total_bytes();
    if decoded_bytes > MAX_PICTURE_PIXELS * 8 {
        return Err(Diagnostic::in_file(
            &file.shown,
            Severity::Error,
            format!(
                "this picture would take {} MB of memory to open; pictures over {} MB are not read",
                decoded_bytes / 1024 / 1024,
                MAX_PICTURE_PIXELS * 8 / 1024 / 1024
            ),
        )
        .with_help("save it as an ordinary 8-bit JPEG or PNG, at most 1600 pixels wide"));
    }
    let (mut width, mut height) = decoder.dimensions();
    let orientation = decoder.orientation().map_err(|e| damaged(&e))?;
    use image::metadata::Orientation::*;
    if matches!(
        orientation,
        Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH
    ) {
        std::mem::swap(&mut width, &mut height);
    }
    if width == 0 || height == 0 {
        return Err(damaged(&"it has no pixels"));
    }
    let pixels = u64::from(width) * u64::from(height);
    // Photos stay JPEG; drawings (PNG, GIF) keep sharp edges and
    // transparency as PNG; WebP becomes whichever of the two fits.
    let as_png = match format {
        Some(ImageFormat::Jpeg) => false,
        Some(ImageFormat::WebP) => decoder.color_type().has_alpha(),
        _ => true,
    };
    let ext = if as_png { "png" } else { "jpg" };
    let key = cache_key(bytes);

    let mut sizes: Vec<(u32, u32)> = widths
        .iter()
        .filter(|w| **w < width)
        .map(|w| (*w, scaled_height(width, height, *w)))
        .collect();
    let top = widths.iter().copied().max().unwrap_or(width);
    if width <= top {
        sizes.push((width, height));
    }
    let mut decoded: Option<DynamicImage> = None;
    let mut share: Option<BudgetShare> = None;
    let mut decoder = Some(decoder);
    let mut variants = Vec::with_capacity(sizes.len());
    for (w, h) in sizes {
        let cached_name = format!("{key}-{w}.{ext}");
        let bytes = match cache.read(&cached_name) {
            Some(bytes) => {
                reused.fetch_add(1, Ordering::Relaxed);
                bytes
            }
            None => {
                if decoded.is_none() {
                    let Some(decoder) = decoder.take() else {
                        return Err(damaged(&"it could not be decoded twice"));
                    };
                    // Held until the sizes are made: the decoded picture, a
                    // turned copy of it, and its 8-bit RGBA for resizing.
                    let need = decoded_bytes.saturating_mul(2).saturating_add(pixels * 4);
                    share = Some(budget.take(need.min(DECODE_BUDGET_BYTES)));
                    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| damaged(&e))?;
                    image.apply_orientation(orientation);
                    decoded = Some(image);
                }
                let Some(image) = decoded.as_ref() else {
                    return Err(damaged(&"it could not be decoded"));
                };
                let bytes = encode(image, w, h, as_png).map_err(|e| damaged(&e))?;
                cache.write(&cached_name, &bytes);
                encoded.fetch_add(1, Ordering::Relaxed);
                bytes
            }
        };
        variants.push(Variant {
            width: w,
            height: h,
            name: format!("{}-{w}.{ext}", &content_hash(&bytes)[..10]),
            bytes: Arc::new(bytes),
        });
    }
    drop(share);
    Ok(Picture { variants })
}

/// Whether `key` names an SVG drawing, which is published as it is.
pub fn is_drawing(key: &str) -> bool {
    key.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("svg"))
}

/// An SVG drawing, checked ([`svg::check`]) and published unchanged, in one
/// size: it is sharp at every size.
fn drawing(file: &ImageFile, bytes: &[u8]) -> Result<Picture, Vec<Diagnostic>> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(vec![
            Diagnostic::in_file(
                &file.shown,
                Severity::Error,
                "this drawing cannot be read: it is not text in UTF-8, as SVG files are",
            )
            .with_help("open it in a drawing program and save it again as SVG"),
        ]);
    };
    let drawing = svg::check(&file.shown, text)?;
    Ok(Picture {
        variants: vec![Variant {
            width: drawing.width,
            height: drawing.height,
            name: format!("{}.svg", &content_hash(bytes)[..10]),
            bytes: Arc::new(bytes.to_vec()),
        }],
    })
}

/// Resizes and encodes one size, without the original's metadata.
fn encode(
    image: &DynamicImage,
    width: u32,
    height: u32,
    as_png: bool,
) -> image::ImageResult<Vec<u8>> {
    let resized;
    let image = if (width, height) == (image.width(), image.height()) {
        image
    } else {
        resized = image.resize_exact(width, height, FilterType::CatmullRom);
        &resized
    };
    let mut out = Vec::new();
    if as_png {
        let rgba = image.to_rgba8();
        PngEncoder::new_with_quality(&mut out, CompressionType::Default, PngFilter::Adaptive)
            .write_image(&rgba, width, height, image::ExtendedColorType::Rgba8)?;
    } else {
        let rgb = image.to_rgb8();
        JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY).write_image(
            &rgb,
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )?;
    }
    Ok(out)
}

/// `height` scaled as `width` becomes `to`, rounded, at least 1.
fn scaled_height(width: u32, height: u32, to: u32) -> u32 {
    ((u64::from(height) * u64::from(to) + u64::from(width) / 2) / u64::from(width)).max(1) as u32
}

/// A stable hash of `bytes` as 32 hex digits: the same file gets the same
/// name on every machine and in every build, and a changed file another.
pub fn content_hash(bytes: &[u8]) -> String {
    use std::hash::Hasher;
    let mut hasher = siphasher::sip128::SipHasher13::new();
    hasher.write(bytes);
    format!(
        "{:032x}",
        siphasher::sip128::Hasher128::finish128(&hasher).as_u128()
    )
}

/// The cache key of a picture: its bytes and how they are encoded.
fn cache_key(bytes: &[u8]) -> String {
    let mut keyed = ENCODING.as_bytes().to_vec();
    keyed.extend_from_slice(bytes);
    content_hash(&keyed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::image::PAGE_WIDTHS;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbaImage::from_fn(width, height, |x, y| {
            image::Rgba([(x % 256) as u8, (y % 256) as u8, 90, 255])
        });
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(image)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    /// A PNG that says it is `width` × `height` and has almost no pixel
    /// data: all a decoder reads before it allocates.
    fn tall_png(width: u32, height: u32) -> Vec<u8> {
        fn crc32(bytes: &[u8]) -> u32 {
            let mut crc = !0u32;
            for &b in bytes {
                crc ^= u32::from(b);
                for _ in 0..8 {
                    crc = if crc & 1 == 1 {
                        (crc >> 1) ^ 0xEDB8_8320
                    } else {
                        crc >> 1
                    };
                }
            }
            !crc
        }
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        for (kind, data) in [
            (
                &b"IHDR"[..],
                [
                    &width.to_be_bytes()[..],
                    &height.to_be_bytes(),
                    &[8, 6, 0, 0, 0],
                ]
                .concat(),
            ),
            (&b"IDAT"[..], b"\x78\x9c\x03\x00\x00\x00\x00\x01".to_vec()),
            (&b"IEND"[..], Vec::new()),
        ] {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let chunk = [kind, &data].concat();
            out.extend_from_slice(&chunk);
            out.extend_from_slice(&crc32(&chunk).to_be_bytes());
        }
        out
    }

    fn file() -> ImageFile {
        ImageFile {
            campaign: "c".into(),
            key: "images/Route Map.png".into(),
            shown: "content/c/images/Route Map.png".into(),
            path: "/nowhere/Route Map.png".into(),
        }
    }

    fn made(bytes: Vec<u8>, widths: &[u32]) -> Result<Picture, Diagnostic> {
        made_with(bytes, widths, &Cache::none())
    }

    fn made_with(bytes: Vec<u8>, widths: &[u32], cache: &Cache) -> Result<Picture, Diagnostic> {
        let (e, r) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let budget = DecodeBudget::new(DECODE_BUDGET_BYTES);
        make(&file(), &bytes, widths, cache, &budget, &e, &r)
    }

    // Issue 13, item 14: a 48 KB PNG of 20000 × 20000 pixels took 6.4 s
    // and about 1 GB.
    #[test]
    fn a_picture_too_large_to_decode_is_refused_before_decoding() {
        let started = std::time::Instant::now();
        let err = made(tall_png(20_000, 20_000), &[480])
            .unwrap_err()
            .to_string();
        assert!(err.contains("20000 × 20000 pixels"), "{err}");
        assert!(err.contains("Route Map.png"), "{err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn decoding_waits_for_its_share_of_memory() {
        let budget = DecodeBudget::new(100);
        let first = budget.take(80);
        let waited = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let _second = budget.take(50);
                assert!(
                    waited.load(Ordering::SeqCst),
                    "took memory that was not free"
                );
            });
            std::thread::sleep(std::time::Duration::from_millis(100));
            waited.store(true, Ordering::SeqCst);
            drop(first);
        });
    }

    // Issue 13, item 6: a build pruning the cache while a preview of the
    // same project uses it.
    #[test]
    fn sizes_are_pruned_only_by_a_build_that_has_the_cache_to_itself() {
        let tmp = tempfile::tempdir().unwrap();
        let unused = "0123456789abcdef0123456789abcdef-480.jpg";
        let preview = Cache::in_project(tmp.path());
        let dir = tmp.path().join(".outreach-cache/images");
        std::fs::write(dir.join(unused), b"size").unwrap();
        let build = Cache::in_project(tmp.path());
        build.prune();
        assert!(dir.join(unused).is_file(), "pruned under the preview");
        drop(preview);
        let build = Cache::in_project(tmp.path());
        build.prune();
        assert!(!dir.join(unused).exists());
    }

    // Issue 13, item 7: `check` writes nothing.
    #[test]
    fn a_read_only_cache_writes_and_prunes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::read_only(tmp.path());
        made_with(png(800, 600), &[480], &cache).unwrap();
        cache.prune();
        assert!(!tmp.path().join(".outreach-cache").exists());
    }

    #[test]
    fn sizes_are_never_larger_than_the_picture() {
        let picture = made(png(1000, 500), PAGE_WIDTHS).unwrap();
        let sizes: Vec<(u32, u32)> = picture
            .variants
            .iter()
            .map(|v| (v.width, v.height))
            .collect();
        assert_eq!(sizes, vec![(480, 240), (960, 480), (1000, 500)]);
        let small = made(png(300, 200), PAGE_WIDTHS).unwrap();
        assert_eq!(small.variants.len(), 1);
        assert_eq!(
            (small.variants[0].width, small.variants[0].height),
            (300, 200)
        );
        let big = made(png(2000, 1000), PAGE_WIDTHS).unwrap();
        let widths: Vec<u32> = big.variants.iter().map(|v| v.width).collect();
        assert_eq!(widths, vec![480, 960, 1600]);
        for v in &big.variants {
            let decoded = image::load_from_memory(&v.bytes).unwrap();
            assert_eq!((decoded.width(), decoded.height()), (v.width, v.height));
        }
    }

    #[test]
    fn names_come_from_the_published_bytes_only() {
        let a = made(png(100, 100), PAGE_WIDTHS).unwrap();
        let b = made(png(100, 101), PAGE_WIDTHS).unwrap();
        let name = &a.variants[0].name;
        // Nothing of the original name (`Route Map.png`) is published.
        assert_eq!(name.len(), "0123456789-100.png".len(), "{name}");
        assert!(name.ends_with("-100.png"), "{name}");
        assert_eq!(&name[..10], &content_hash(&a.variants[0].bytes)[..10]);
        assert_ne!(name, &b.variants[0].name);
    }

    #[test]
    fn img_tags_reserve_space_and_escape_alt_text() {
        let picture = made(png(1000, 500), PAGE_WIDTHS).unwrap();
        let tag = picture.img_tag("a \"quoted\" <road>", true);
        assert!(tag.contains("width=\"1000\" height=\"500\""), "{tag}");
        assert!(
            tag.contains("alt=\"a &quot;quoted&quot; &lt;road&gt;\""),
            "{tag}"
        );
        assert!(tag.contains(" 480w, ") && tag.contains(" 1000w\""), "{tag}");
        assert!(tag.contains("loading=\"lazy\""));
        assert!(tag.contains(&format!("src=\"../images/{}\"", picture.variants[1].name)));
        let decorative = picture.img_tag("\"\"", false);
        assert!(
            decorative.contains("alt=\"\"") && !decorative.contains("lazy"),
            "{decorative}"
        );
    }

    #[test]
    fn damaged_files_are_reported_by_name() {
        let err = made(b"\x89PNG\r\n\x1a\nnot really".to_vec(), PAGE_WIDTHS).unwrap_err();
        assert!(err.message.contains("cannot be read"), "{}", err.message);
        assert_eq!(err.path, Some("content/c/images/Route Map.png".into()));
    }
}
