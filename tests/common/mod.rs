//! Helpers shared by the integration tests: fixture projects copied into a
//! temporary folder, the real `outreach` binary run in it, and built pages
//! parsed for DOM assertions.

#![allow(dead_code)]

pub mod serve;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use scraper::{Html, Selector};
use walkdir::WalkDir;

/// A project in a temporary folder.
pub struct Project {
    tmp: tempfile::TempDir,
}

impl Project {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Project {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let project = Project::empty();
        copy_dir(&from, project.root());
        project
    }

    /// A copy of the repository's own example campaigns.
    pub fn examples() -> Project {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let project = Project::empty();
        for dir in ["campaigns", "content"] {
            copy_dir(&repo.join(dir), &project.root().join(dir));
        }
        project
    }

    /// The example campaigns with their translation exchange files, as the
    /// repository has them (the first export has been made).
    pub fn examples_with_translations() -> Project {
        let project = Project::examples();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(
            &repo.join("translations"),
            &project.root().join("translations"),
        );
        project
    }

    /// An empty folder.
    pub fn empty() -> Project {
        Project {
            tmp: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The project folder.
    pub fn root(&self) -> &Path {
        self.tmp.path()
    }

    /// The default output folder.
    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes (or replaces) a file in the project.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    /// `outreach ARGS` run in the project folder.
    pub fn outreach(&self, args: &[&str]) -> Output {
        Command::cargo_bin("outreach")
            .unwrap()
            .current_dir(self.root())
            .args(args)
            .output()
            .unwrap()
    }

    /// `outreach build`, which must succeed.
    pub fn build_ok(&self) -> Output {
        let output = self.outreach(&["build"]);
        assert!(
            output.status.success(),
            "build failed:\n{}",
            stderr(&output)
        );
        output
    }

    /// The published file of the theme's static file `name` in a built
    /// campaign (`style.css` → `<campaign>/static/style.<hash>.css`).
    pub fn static_file(&self, campaign: &str, name: &str) -> PathBuf {
        let (stem, ext) = name.rsplit_once('.').unwrap();
        let dir = self.public().join(campaign).join("static");
        std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|path| {
                let file = path.file_name().unwrap().to_string_lossy();
                let parts: Vec<&str> = file.split('.').collect();
                parts.len() == 3 && parts[0] == stem && parts[2] == ext && parts[1].len() == 10
            })
            .unwrap_or_else(|| panic!("no published `{name}` in {}", dir.display()))
    }

    /// A built page, parsed.
    pub fn page(&self, rel: &str) -> Html {
        let path = self.public().join(rel);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Html::parse_document(&text)
    }

    /// Every file under `dir` with its bytes, for "nothing changed" checks.
    pub fn snapshot(&self, dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
        WalkDir::new(dir)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A command's standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A command's standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Values of `attr` on every element matching `css`.
pub fn attrs(html: &Html, css: &str, attr: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// Text of every element matching `css`.
pub fn texts(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect()
}

/// `%XX` sequences decoded, as a browser does with a link's fragment.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A PNG of `width` × `height` pixels with a gradient, so that its sizes
/// differ in content.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbaImage::from_fn(width, height, |x, y| {
        image::Rgba([(x * 255 / width) as u8, (y * 255 / height) as u8, 120, 255])
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgba8(image)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// A JPEG as phones write them: stored `width` × `height` pixels, with
/// camera metadata saying it must be turned 90° clockwise to be upright
/// (EXIF orientation 6), and `secret` somewhere in that metadata, as a
/// phone's GPS position would be.
pub fn phone_photo(width: u32, height: u32, secret: &str) -> Vec<u8> {
    use image::ImageEncoder;
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 200) as u8 + 30, (y % 200) as u8 + 30, 90])
    });
    // A big-endian TIFF header and one IFD entry: Orientation = 6.
    let mut exif: Vec<u8> = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    exif.extend_from_slice(&[0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01]);
    exif.extend_from_slice(&[0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
    exif.extend_from_slice(secret.as_bytes());
    let mut out = Vec::new();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
    encoder.set_exif_metadata(exif).unwrap();
    encoder
        .write_image(&image, width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// A silent MP3 of `frames` frames (MPEG-1 Layer III, 64 kbit/s, 44.1 kHz,
/// mono: 208 bytes and 1152 samples a frame, so 2300 frames play 60.08 s),
/// after an ID3v2.3 tag whose title is `title`, as sound editors write it.
pub fn mp3(frames: usize, title: &str) -> Vec<u8> {
    let mut text = vec![0u8]; // ISO-8859-1, as a title in ASCII is
    text.extend_from_slice(title.as_bytes());
    let mut tag = b"TIT2".to_vec();
    tag.extend_from_slice(&(text.len() as u32).to_be_bytes());
    tag.extend_from_slice(&[0, 0]);
    tag.extend_from_slice(&text);
    // The tag's size in seven bits a byte.
    let size = tag.len() as u32;
    let synchsafe = [
        (size >> 21) & 0x7F,
        (size >> 14) & 0x7F,
        (size >> 7) & 0x7F,
        size & 0x7F,
    ];
    let mut out = b"ID3\x03\x00\x00".to_vec();
    out.extend(synchsafe.iter().map(|b| *b as u8));
    out.extend_from_slice(&tag);
    out.extend_from_slice(&mp3_frames(frames));
    out
}

/// The frames of [`mp3`] alone: what outreach publishes of it.
pub fn mp3_frames(frames: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(frames * 208);
    for _ in 0..frames {
        out.extend_from_slice(&[0xFF, 0xFB, 0x50, 0xC4]);
        out.extend_from_slice(&[0; 204]);
    }
    out
}

/// An Ogg Opus file whose sound ends at `seconds` (none: its last page
/// does not say, as in a recording cut short), with 4 KB of packets.
pub fn opus(seconds: Option<u64>) -> Vec<u8> {
    fn page(flags: u8, granule: u64, body: &[u8]) -> Vec<u8> {
        let mut page = b"OggS\x00".to_vec();
        page.push(flags);
        page.extend_from_slice(&granule.to_le_bytes());
        page.extend_from_slice(&1u32.to_le_bytes()); // stream serial number
        page.extend_from_slice(&[0; 8]); // page number, check sum
        let mut table = vec![255u8; body.len() / 255];
        table.push((body.len() % 255) as u8);
        page.push(table.len() as u8);
        page.extend_from_slice(&table);
        page.extend_from_slice(body);
        page
    }
    let mut head = b"OpusHead\x01\x01".to_vec();
    head.extend_from_slice(&312u16.to_le_bytes()); // pre-skip
    head.extend_from_slice(&48_000u32.to_le_bytes());
    head.extend_from_slice(&[0, 0, 0]);
    let end = seconds.map_or(u64::MAX, |s| s * 48_000 + 312);
    [
        page(2, 0, &head),
        page(0, 0, b"OpusTags\x00\x00\x00\x00\x00\x00\x00\x00"),
        page(4, end, &[0xF8; 4000]),
    ]
    .concat()
}
