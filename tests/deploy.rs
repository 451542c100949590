//! Pictures, link previews and what hosts get: content-hashed assets,
//! cache rules, precompressed copies and offline bundles.

mod common;

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;

use common::{Project, attrs, stderr, stdout};
use scraper::{Html, Selector};

/// The fixture with a drawing in the campaign's `images/` folder and a
/// phone photo next to the English help page, both shown on it.
fn with_pictures() -> Project {
    let p = Project::fixture("basic");
    p.write("content/demo/images/route.png", common::png(1200, 600));
    // Stored 2000 × 1500 but upright 1500 × 2000, with a secret in its metadata.
    p.write(
        "content/demo/en/office.jpg",
        common::phone_photo(2000, 1500, "GPS-48.8584N-2.2945E"),
    );
    let help = std::fs::read_to_string(p.root().join("content/demo/en/help.md")).unwrap();
    p.write(
        "content/demo/en/help.md",
        format!(
            "{help}\n![The route through the mountains](../images/route.png)\n\n![Our office, seen from the street](office.jpg)\n\n![\"\"](../images/route.png)\n"
        ),
    );
    p
}

/// (url, width descriptor) of each `srcset` candidate.
fn srcset(value: &str) -> Vec<(String, u32)> {
    value
        .split(", ")
        .map(|candidate| {
            let (url, w) = candidate.rsplit_once(' ').unwrap();
            (url.to_string(), w.trim_end_matches('w').parse().unwrap())
        })
        .collect()
}

fn images(html: &Html) -> Vec<scraper::ElementRef<'_>> {
    html.select(&Selector::parse("main img").unwrap()).collect()
}

#[test]
fn pictures_are_published_in_sizes_that_match_their_srcset() {
    let p = with_pictures();
    p.build_ok();
    let page_dir = p.public().join("demo/en");
    let html = p.page("demo/en/help.html");
    let imgs = images(&html);
    assert_eq!(imgs.len(), 3);

    let expected = [
        (
            "The route through the mountains",
            vec![480, 960, 1200],
            (1200, 600),
        ),
        (
            "Our office, seen from the street",
            vec![480, 960, 1500],
            (1500, 2000),
        ),
        ("", vec![480, 960, 1200], (1200, 600)),
    ];
    for (img, (alt, widths, (width, height))) in imgs.iter().zip(expected) {
        let el = img.value();
        assert_eq!(el.attr("alt"), Some(alt));
        // The largest size's dimensions, so the browser reserves the space.
        assert_eq!(el.attr("width"), Some(width.to_string().as_str()));
        assert_eq!(el.attr("height"), Some(height.to_string().as_str()));
        assert!(el.attr("sizes").is_some());
        let candidates = srcset(el.attr("srcset").unwrap());
        assert_eq!(
            candidates.iter().map(|c| c.1).collect::<Vec<_>>(),
            widths,
            "never larger than the original"
        );
        for (url, w) in &candidates {
            let file = page_dir.join(url);
            let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{url}: {e}"));
            let decoded = image::load_from_memory(&bytes).unwrap();
            assert_eq!(decoded.width(), *w, "{url}");
            // Proportions kept (the photo is turned upright).
            let expected_h = (height as f64 * *w as f64 / width as f64).round() as u32;
            assert_eq!(decoded.height(), expected_h, "{url}");
            // Nothing a camera wrote comes along.
            assert!(
                !bytes.windows(4).any(|w| w == b"GPS-"),
                "{url} carries the photo's metadata"
            );
        }
        // The fallback `src` is one of the sizes.
        let src = el.attr("src").unwrap();
        assert!(candidates.iter().any(|(u, _)| u == src), "{src}");
    }
    // The first picture loads at once; those further down when scrolled to.
    assert_eq!(imgs[0].value().attr("loading"), None);
    assert_eq!(imgs[1].value().attr("loading"), Some("lazy"));
    // JPEG photos stay JPEG; drawings stay PNG.
    assert!(imgs[1].value().attr("src").unwrap().ends_with(".jpg"));
    assert!(imgs[0].value().attr("src").unwrap().ends_with(".png"));
}

#[test]
fn a_second_build_takes_every_size_from_the_cache() {
    let p = with_pictures();
    let first = stdout(&p.build_ok());
    assert!(
        first.contains("2 pictures (6 sizes resized, 0 taken from the cache)"),
        "{first}"
    );
    let cache = p.root().join(".outreach-cache/images");
    // The pictures' sizes, not the share cards, which are cached beside them.
    let sizes = |dir: &Path| {
        let mut all = p.snapshot(dir);
        all.retain(|name, _| !name.to_string_lossy().contains("-card."));
        all
    };
    let cached = sizes(&cache);
    assert_eq!(cached.len(), 6);
    let second = stdout(&p.build_ok());
    assert!(
        second.contains("2 pictures (0 sizes resized, 6 taken from the cache)"),
        "{second}"
    );
    assert_eq!(sizes(&cache), cached);
    // A changed picture is resized again; the other comes from the cache.
    p.write("content/demo/images/route.png", common::png(1200, 601));
    p.write(".outreach-cache/images/mine.txt", "not outreach's");
    let third = stdout(&p.build_ok());
    assert!(
        third.contains("(3 sizes resized, 3 taken from the cache)"),
        "{third}"
    );
    // The old picture's sizes are gone from the cache; other files stay.
    let now = sizes(&cache);
    assert_eq!(now.len(), 7, "{:?}", now.keys());
    assert!(now.contains_key(std::path::Path::new("mine.txt")));
}

#[test]
fn heavy_pictures_are_a_warning_naming_the_page() {
    let p = with_pictures();
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    p.write("campaigns/demo.yaml", format!("{yaml}image_budget_kb: 1\n"));
    let output = p.build_ok();
    let err = stderr(&output);
    assert!(
        err.contains("content/demo/en/help.md: warning: the pictures on this page weigh"),
        "{err}"
    );
    assert!(err.contains("over the budget of 1 KB"), "{err}");
}

#[test]
fn link_previews_are_in_each_language() {
    let p = with_pictures();
    p.write("content/demo/images/share-ar.png", common::png(1600, 840));
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    p.write(
        "campaigns/demo.yaml",
        // The pictures themselves, not cards with the title (see below).
        format!("{yaml}share_cards: false\nshare_image:\n  default: images/route.png\n  ar: images/share-ar.png\n"),
    );
    p.build_ok();
    let meta = |html: &Html, property: &str| -> Vec<String> {
        attrs(html, &format!("meta[property='{property}']"), "content")
    };
    let en = p.page("demo/en/help.html");
    assert_eq!(meta(&en, "og:title"), ["Get help"]);
    assert_eq!(meta(&en, "og:locale"), ["en_GB"]);
    assert_eq!(
        meta(&en, "og:locale:alternate"),
        ["ar_AR", "sr_RS", "fa_IR"]
    );
    assert_eq!(
        meta(&en, "og:url"),
        ["https://example.org/demo/en/help.html"]
    );
    let image = &meta(&en, "og:image")[0];
    assert!(
        image.starts_with("https://example.org/demo/images/") && image.ends_with("-1200.png"),
        "{image}"
    );
    assert_eq!(meta(&en, "og:image:width"), ["1200"]);
    assert_eq!(meta(&en, "og:image:height"), ["600"]);
    assert_eq!(
        attrs(&en, "meta[name='twitter:card']", "content"),
        ["summary_large_image"]
    );
    // The share picture is published where the tag says.
    let published = image.trim_start_matches("https://example.org/demo/");
    assert!(p.public().join("demo").join(published).is_file());

    let ar = p.page("demo/ar/index.html");
    assert_eq!(meta(&ar, "og:locale"), ["ar_AR"]);
    assert_eq!(meta(&ar, "og:title"), common::texts(&ar, "h1"));
    let ar_image = &meta(&ar, "og:image")[0];
    assert!(
        ar_image.ends_with("-1200.png") && ar_image != image,
        "{ar_image}"
    );
    assert_eq!(meta(&ar, "og:image:height"), ["630"]);

    // The chooser, the address most often shared, has a preview too.
    let chooser = p.page("demo/index.html");
    assert_eq!(meta(&chooser, "og:title"), ["Demo campaign"]);
    assert_eq!(meta(&chooser, "og:image").len(), 1);
}

// Issue 15: a link preview shows the page's title in its own script, on
// the campaign's colour, with the share picture beside it: a card per
// page and language, 1200 × 630, under 60 KB, drawn once.
#[test]
fn each_page_shares_a_card_with_its_title() {
    let p = Project::fixture("basic");
    p.write(
        "content/demo/images/photo.jpg",
        common::phone_photo(900, 1600, "x"),
    );
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    p.write(
        "campaigns/demo.yaml",
        format!("{yaml}accent: \"#7a1f5c\"\nshare_image:\n  default: images/photo.jpg\n  fa: images/none-for-fa.jpg\n"),
    );
    // A language whose share picture is missing is an error: no card then.
    assert_eq!(p.outreach(&["build"]).status.code(), Some(1));
    p.write(
        "campaigns/demo.yaml",
        format!("{yaml}accent: \"#7a1f5c\"\nshare_image:\n  en: images/photo.jpg\n"),
    );
    p.build_ok();
    let meta = |html: &Html, property: &str| -> Vec<String> {
        attrs(html, &format!("meta[property='{property}']"), "content")
    };
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/leaflet-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let mut seen = std::collections::HashSet::new();
    for page in [
        "demo/en/index.html",
        "demo/en/help.html",
        "demo/ar/index.html",
        "demo/ar/help.html",
        "demo/fa/index.html",
        "demo/sr/index.html",
        "demo/index.html",
    ] {
        let html = p.page(page);
        let image = &meta(&html, "og:image")[0];
        let file = image
            .strip_prefix("https://example.org/demo/")
            .unwrap_or_else(|| panic!("{page}: {image}"));
        assert!(
            file.starts_with("images/") && file.contains("-card."),
            "{page}: {file}"
        );
        assert!(
            seen.insert(file.to_string()),
            "{page}: the same card as another page"
        );
        let bytes = std::fs::read(p.public().join("demo").join(file)).unwrap();
        assert!(
            bytes.len() <= 60 * 1024,
            "{page}: the card weighs {} KB",
            bytes.len() / 1024
        );
        let card = image::load_from_memory(&bytes).unwrap().to_rgb8();
        assert_eq!(card.dimensions(), (1200, 630), "{page}");
        assert_eq!(meta(&html, "og:image:width"), ["1200"]);
        assert_eq!(meta(&html, "og:image:height"), ["630"]);
        // English pages show the photo beside the title, as JPEG; the
        // others a card of colour and words, as PNG.
        let photo = page.starts_with("demo/en/") || page == "demo/index.html";
        let expected_type = if photo { "image/jpeg" } else { "image/png" };
        assert_eq!(meta(&html, "og:image:type"), [expected_type], "{page}");
        // The campaign's colour, where the title is: its side is the
        // reading direction's start (right in Arabic and Persian).
        let rtl = page.starts_with("demo/ar/") || page.starts_with("demo/fa/");
        let x = if rtl { 1150 } else { 50 };
        let pixel = card.get_pixel(x, 600).0;
        let near = |a: u8, b: u8| a.abs_diff(b) < 12;
        assert!(
            near(pixel[0], 0x7a) && near(pixel[1], 0x1f) && near(pixel[2], 0x5c),
            "{page}: {pixel:?} at ({x}, 600), not the accent colour"
        );
        // Words in white on it.
        let white = (0..1200)
            .flat_map(|x| (0..630).map(move |y| (x, y)))
            .filter(|(x, y)| card.get_pixel(*x, *y).0.iter().all(|c| *c > 240))
            .count();
        assert!(white > 3000, "{page}: {white} white pixels: no title?");
        let name = page.trim_end_matches(".html").replace('/', "-");
        let ext = file.rsplit('.').next().unwrap();
        std::fs::write(artifacts.join(format!("card-{name}.{ext}")), &bytes).unwrap();
    }
    // Drawn once: a second build takes every card from the cache.
    let cache = p.root().join(".outreach-cache/images");
    let cards = |dir: &Path| -> Vec<(String, std::time::SystemTime)> {
        let mut found: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.file_name().to_string_lossy().contains("-card."))
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.metadata().unwrap().modified().unwrap(),
                )
            })
            .collect();
        found.sort();
        found
    };
    let before = cards(&cache);
    assert!(before.len() >= 7, "{before:?}");
    p.build_ok();
    assert_eq!(cards(&cache), before);
    // Without a `base_url` previews need no picture: no cards are drawn.
    p.write(
        "campaigns/demo.yaml",
        yaml.replace("base_url: \"https://example.org/demo\"\n", ""),
    );
    p.build_ok();
    let published: Vec<String> = std::fs::read_dir(p.public().join("demo/images"))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        published.iter().all(|n| !n.contains("-card.")),
        "{published:?}"
    );
}

#[test]
fn a_share_picture_that_does_not_exist_is_an_error_at_its_line() {
    let p = Project::fixture("basic");
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    let line = yaml.lines().count() + 1;
    p.write(
        "campaigns/demo.yaml",
        format!("{yaml}share_image: images/nope.jpg\n"),
    );
    let output = p.outreach(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains(&format!(
            "campaigns/demo.yaml:{line}:14: error: the share picture `images/nope.jpg` does not exist"
        )),
        "{err}"
    );
    // Per language, each path is reported where it is written.
    p.write("content/demo/images/a.png", common::png(10, 10));
    p.write(
        "campaigns/demo.yaml",
        format!("{yaml}share_image:\n  default: images/a.png\n  ar: images/nope.png\n"),
    );
    let err = stderr(&p.outreach(&["build"]));
    assert!(
        err.contains(&format!(
            "campaigns/demo.yaml:{}:7: error: the share picture `images/nope.png` does not exist",
            line + 2
        )),
        "{err}"
    );
}

#[test]
fn published_picture_names_say_nothing_of_the_original() {
    let p = Project::fixture("basic");
    p.write(
        "content/demo/en/IMG_20240312_143055-shelter.png",
        common::png(600, 300),
    );
    let help = std::fs::read_to_string(p.root().join("content/demo/en/help.md")).unwrap();
    p.write(
        "content/demo/en/help.md",
        format!("{help}\n![A\ndrawing](IMG_20240312_143055-shelter.png)\n"),
    );
    p.build_ok();
    let html = p.page("demo/en/help.html");
    let img = attrs(&html, "main img", "src");
    assert_eq!(img.len(), 1);
    assert!(
        !img[0].contains("2024") && !img[0].contains("shelter"),
        "{img:?}"
    );
    for entry in std::fs::read_dir(p.public().join("demo/images")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.contains("2024") && !name.contains("shelter"),
            "{name}"
        );
    }
    // A line break inside the description is a space.
    assert_eq!(attrs(&html, "main img", "alt"), ["A drawing"]);
}

#[test]
fn css_and_scripts_have_content_hashed_names_that_hosts_cache_for_a_year() {
    let p = Project::fixture("basic");
    p.build_ok();
    let html = p.page("demo/en/index.html");
    let css = attrs(&html, "link[rel=stylesheet]", "href");
    let js = attrs(&html, "script", "src");
    for url in css.iter().chain(&js) {
        let name = url.rsplit('/').next().unwrap();
        let parts: Vec<&str> = name.split('.').collect();
        assert_eq!(parts.len(), 3, "{name}");
        assert_eq!(parts[1].len(), 10, "{name}");
        assert!(p.public().join("demo/en").join(url).is_file(), "{url}");
    }
    let headers = std::fs::read_to_string(p.public().join("demo/_headers")).unwrap();
    assert!(
        headers.contains("/static/*\n  Cache-Control: public, max-age=31536000, immutable"),
        "{headers}"
    );
    let htaccess = std::fs::read_to_string(p.public().join("demo/.htaccess")).unwrap();
    assert!(htaccess.contains("Header set Cache-Control \"no-cache\""));
    assert!(htaccess.contains("max-age=31536000, immutable"));
    // Every file in `static/` has a hashed name, so caching it for a year is safe.
    for entry in std::fs::read_dir(p.public().join("demo/static")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let hash = name.split('.').nth(1).unwrap_or_default();
        assert!(
            hash.len() == 10 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
            "{name}"
        );
    }
    assert!(p.public().join("demo/.nojekyll").is_file());
    // A web app manifest per language, linked from its pages.
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(p.public().join("demo/ar/manifest.webmanifest")).unwrap(),
    )
    .unwrap();
    assert_eq!(manifest["lang"], "ar");
    assert_eq!(manifest["dir"], "rtl");
    assert_eq!(manifest["name"], "حملة تجريبية");
    for icon in manifest["icons"].as_array().unwrap() {
        let src = icon["src"].as_str().unwrap();
        assert!(p.public().join("demo/ar").join(src).is_file(), "{src}");
    }
}

#[test]
fn precompressed_copies_decompress_to_the_originals() {
    let p = Project::fixture("basic");
    let output = p.outreach(&["build", "--precompress"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(p.public().join("demo")) {
        let entry = entry.unwrap();
        let path = entry.path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if !["html", "css", "js", "svg", "xml", "txt", "webmanifest"].contains(&ext) {
            continue;
        }
        let original = std::fs::read(path).unwrap();
        let gz = std::fs::read(format!("{}.gz", path.display())).unwrap();
        let br = std::fs::read(format!("{}.br", path.display())).unwrap();
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice())
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, original, "{}", path.display());
        let mut unbrotli = Vec::new();
        brotli::Decompressor::new(br.as_slice(), 4096)
            .read_to_end(&mut unbrotli)
            .unwrap();
        assert_eq!(unbrotli, original, "{}", path.display());
        checked += 1;
    }
    assert!(checked > 15, "{checked}");
    // Host files and pictures are not compressed.
    assert!(!p.public().join("demo/_headers.gz").exists());
    let htaccess =
        |p: &Project| std::fs::read_to_string(p.public().join("demo/.htaccess")).unwrap();
    assert!(htaccess(&p).contains("RewriteCond %{REQUEST_FILENAME}.br -s"));
    // A build without the option removes the copies it wrote before, and
    // Apache is no longer told to send copies (old ones left on a server
    // would carry old text).
    p.build_ok();
    assert!(!p.public().join("demo/en/index.html.gz").exists());
    assert!(!htaccess(&p).contains(".br"));
}

/// A rebuild sends the same copies for unchanged files and compresses an
/// edited page again: the cache goes by a file's text, not its name.
#[test]
fn a_rebuild_recompresses_only_what_changed() {
    let p = Project::fixture("basic");
    let br = |p: &Project, rel: &str| std::fs::read(p.public().join(format!("{rel}.br"))).unwrap();
    let output = p.outreach(&["build", "--precompress"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(p.root().join(".outreach-cache/compressed.pack").is_file());
    let help = br(&p, "demo/en/help.html");
    let signs = br(&p, "demo/en/signs.html");
    let text = std::fs::read_to_string(p.root().join("content/demo/en/signs.md")).unwrap();
    p.write(
        "content/demo/en/signs.md",
        format!("{text}\nA sentence added since the last build.\n"),
    );
    let output = p.outreach(&["build", "--precompress"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(br(&p, "demo/en/help.html"), help);
    let signs_again = br(&p, "demo/en/signs.html");
    assert_ne!(signs_again, signs);
    let mut unbrotli = Vec::new();
    brotli::Decompressor::new(signs_again.as_slice(), 4096)
        .read_to_end(&mut unbrotli)
        .unwrap();
    assert_eq!(
        unbrotli,
        std::fs::read(p.public().join("demo/en/signs.html")).unwrap()
    );
    assert!(String::from_utf8_lossy(&unbrotli).contains("A sentence added since the last build."));
}

/// Every `href` and `src` in the bundle's pages that stays in the site,
/// resolved against the page's folder: each must be a file in the zip.
#[test]
fn the_offline_bundle_has_every_file_its_pages_link_to() {
    let p = with_pictures();
    let output = p.outreach(&["build", "--bundle"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // One per campaign of the fixture.
    assert!(
        stdout(&output).contains("2 offline bundles"),
        "{}",
        stdout(&output)
    );
    let zip_path = p.public().join("demo.zip");
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let names: BTreeSet<String> = archive
        .file_names()
        .map(|n| n.unwrap().into_owned())
        .collect();
    assert!(names.contains("demo/index.html"));
    assert!(names.contains("demo/en/help.html"));
    assert!(
        !names
            .iter()
            .any(|n| n.ends_with("_headers") || n.ends_with(".htaccess"))
    );
    let selector = Selector::parse("[href], [src], [srcset]").unwrap();
    let mut links = 0;
    for name in names.iter().filter(|n| n.ends_with(".html")) {
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        let html = Html::parse_document(&text);
        let folder = Path::new(name).parent().unwrap();
        for el in html.select(&selector) {
            let mut urls: Vec<&str> = ["href", "src"]
                .iter()
                .filter_map(|a| el.value().attr(a))
                .collect();
            if let Some(set) = el.value().attr("srcset") {
                urls.extend(set.split(", ").map(|c| c.split(' ').next().unwrap()));
            }
            for url in urls {
                if url.contains(':') || url.starts_with('#') {
                    continue; // other sites, `tel:`, anchors
                }
                let path = url.split('#').next().unwrap();
                assert!(
                    !path.ends_with('/') && !path.is_empty(),
                    "{name}: `{url}` needs a server to find its index.html"
                );
                let target = normalize(&folder.join(path));
                assert!(
                    names.contains(&target),
                    "{name}: `{url}` → `{target}` is not in the bundle"
                );
                links += 1;
            }
        }
    }
    assert!(links > 100, "{links}");
    // The same site gives the same bundle.
    let before = std::fs::read(&zip_path).unwrap();
    p.outreach(&["build", "--bundle"]);
    assert_eq!(std::fs::read(&zip_path).unwrap(), before);
    // A build without `--bundle` removes the now outdated bundle.
    p.build_ok();
    assert!(!zip_path.exists());
}

fn normalize(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}
