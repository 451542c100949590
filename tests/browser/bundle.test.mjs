// The offline bundles (`outreach build --bundle`), unpacked as a reader
// would unpack them on a phone or laptop, and opened from disk (file://)
// in Debian's Chromium with the pages' own Content-Security-Policy: every
// page loads its stylesheet and pictures, every link inside the campaign
// ends in a file that is there (no server, no folder listing), and nothing
// is asked of another site.
//
// Run by .ci/run, which unpacks the bundles into OUTREACH_OFFLINE:
//   OUTREACH_OFFLINE=<folder with one folder per campaign> node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, statSync, existsSync, mkdirSync } from "node:fs";
import { join, dirname, extname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launchChromium } from "./chromium.mjs";

const OFFLINE = process.env.OUTREACH_OFFLINE;
const ARTIFACTS = process.env.OUTREACH_ARTIFACTS || join(dirname(fileURLToPath(import.meta.url)), "artifacts");
if (!OFFLINE) throw new Error("set OUTREACH_OFFLINE to the unpacked bundles (see .ci/run)");

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return extname(name) === ".html" ? [path] : [];
  });
}
const PAGES = htmlFiles(OFFLINE).sort();

let browser;
let context;
const offSite = [];

before(async () => {
  browser = await launchChromium();
  // No bypassCSP: the pages' own policy must allow what they load from disk.
  context = await browser.newContext();
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    offSite.push(url);
    return route.abort();
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
});

test("the bundles hold both example campaigns", () => {
  for (const campaign of ["on-the-move", "safe-work"]) {
    assert.ok(existsSync(join(OFFLINE, campaign, "index.html")), `${campaign}/index.html`);
  }
  assert.ok(PAGES.length > 40, `${PAGES.length} pages`);
});

test(`every page works from disk: styles, pictures and links (${PAGES.length} pages)`, async () => {
  const problems = [];
  const page = await context.newPage();
  let failed = [];
  // ERR_ABORTED is a request cut short by going to the next page (the
  // favicon, mostly); files that are not there fail otherwise.
  page.on("requestfailed", (request) => {
    const error = request.failure()?.errorText;
    if (error !== "net::ERR_ABORTED") failed.push(`${request.url()} (${error})`);
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused/.test(message.text())) {
      failed.push(`CSP: ${message.text()}`);
    }
  });
  let pictures = 0;
  for (const file of PAGES) {
    failed = [];
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: "load" });
    // Lazy pictures load when scrolled to: ask for all of them now.
    const state = await page.evaluate(async () => {
      const images = [...document.images];
      for (const img of images) img.loading = "eager";
      await Promise.all(images.map((img) => (img.complete ? null : new Promise((r) => { img.onload = img.onerror = r; }))));
      // From disk a stylesheet's rules cannot be read; that it loaded and
      // applies can: the content column has its maximum width.
      const links = [...document.querySelectorAll("link[rel=stylesheet]")];
      const styled = links.length > 0 && links.every((l) => l.sheet !== null)
        && getComputedStyle(document.querySelector("main")).maxWidth !== "none";
      const targets = [...document.querySelectorAll("a[href], link[href], script[src], img")]
        .flatMap((el) => [el.href || el.src, ...(el.srcset ? el.srcset.split(", ").map((c) => new URL(c.split(" ")[0], location.href).href) : [])]);
      return {
        styled,
        broken: images.filter((img) => !(img.naturalWidth > 0)).map((img) => img.currentSrc || img.src),
        pictures: images.length,
        targets,
      };
    });
    const name = file.slice(OFFLINE.length + 1);
    if (!state.styled) problems.push(`${name}: its stylesheet did not load`);
    for (const src of state.broken) problems.push(`${name}: picture ${src} did not load`);
    for (const target of state.targets) {
      if (!target.startsWith("file:")) continue; // other sites, tel:, mailto:
      const path = fileURLToPath(target.split("#")[0]);
      if (target.split("#")[0].endsWith("/")) {
        problems.push(`${name}: ${target} needs a server to find its index.html`);
      } else if (!existsSync(path) || statSync(path).isDirectory()) {
        problems.push(`${name}: ${target} is not a file in the bundle`);
      }
    }
    for (const f of failed) problems.push(`${name}: ${f}`);
    pictures += state.pictures;
  }
  await page.close();
  assert.deepEqual(problems, []);
  assert.ok(pictures >= 10, `only ${pictures} pictures seen`);
});

test("a link followed from disk opens the page in the other language", async () => {
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(OFFLINE, "on-the-move", "en", "index.html")).href);
  await page.click('nav.langs a[lang="fa"]');
  assert.match(page.url(), /\/on-the-move\/fa\/index\.html$/);
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(ARTIFACTS, "offline-fa-home.png"), fullPage: true });
  await page.close();
});

test("nothing from disk asks another site for anything", () => {
  assert.deepEqual(offSite, []);
});
