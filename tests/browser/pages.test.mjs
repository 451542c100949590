// Every built page of the example campaigns, checked as a reader meets it:
// Debian's Chromium driven by playwright-core, axe-core at 320 px and
// 1280 px, no horizontal scroll, no request to another site, the quick
// exit and the keyboard; and the Nu HTML checker over the whole site.
//
// Run by .ci/run, which builds the site and serves it on loopback:
//   OUTREACH_SITE=<public dir> OUTREACH_URL=http://127.0.0.1:PORT/ node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, mkdirSync } from "node:fs";
import { join, relative, dirname, extname } from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { launchChromium } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const SITE = process.env.OUTREACH_SITE;
const BASE = process.env.OUTREACH_URL;
const ARTIFACTS = process.env.OUTREACH_ARTIFACTS || join(dirname(new URL(import.meta.url).pathname), "artifacts");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
// Where the example campaigns say they will be online: the 404 page links
// there absolutely. Requests to it are answered from the built files.
const DEPLOYED = "https://example.org/";
// The quick exit's neutral site: answered with a stub, never fetched.
const EXIT = "https://www.wikipedia.org/";
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript" };

if (!SITE || !BASE) throw new Error("set OUTREACH_SITE and OUTREACH_URL (see .ci/run)");

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return extname(name) === ".html" ? [relative(SITE, path)] : [];
  });
}
const PAGES = htmlFiles(SITE).sort();

let browser;
let context;
const offSite = [];

before(async () => {
  browser = await launchChromium();
  // The pages carry their own CSP; axe is injected as a script, so bypass it.
  context = await browser.newContext({ bypassCSP: true });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(BASE)) return route.continue();
    if (url.startsWith(DEPLOYED)) {
      const path = join(SITE, decodeURIComponent(new URL(url).pathname));
      try {
        return route.fulfill({ body: readFileSync(path), contentType: TYPES[extname(path)] || "application/octet-stream" });
      } catch {
        return route.fulfill({ status: 404, body: "" });
      }
    }
    if (url.startsWith(EXIT)) return route.fulfill({ body: "<!doctype html><title>Neutral</title><p>neutral", contentType: "text/html" });
    offSite.push(url);
    return route.abort();
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
});

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

async function audit(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
  }, AXE_TAGS);
}

test(`axe finds nothing and nothing scrolls sideways, on all ${PAGES.length} pages at 320 and 1280 px`, async () => {
  const problems = [];
  const page = await context.newPage();
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of PAGES) {
      await page.goto(BASE + path, { waitUntil: "load" });
      for (const v of await audit(page)) problems.push(`${path} @${width}px: ${v}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problems.push(`${path} @${width}px: scrolls sideways by ${overflow}px`);
    }
  }
  await page.close();
  console.log(`# axe: ${PAGES.length * 2} page views, ${problems.length} problems`);
  assert.deepEqual(problems, []);
});

test("text at 200 % still fits, on every page at 1280 px", async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const wrong = [];
  for (const path of PAGES) {
    await page.goto(BASE + path);
    await page.evaluate(() => { document.documentElement.style.fontSize = "200%"; });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) wrong.push(`${path}: scrolls sideways by ${overflow}px`);
  }
  await page.close();
  assert.deepEqual(wrong, []);
});

test("printed, pages hide navigation, keep the contacts and show link addresses", async () => {
  const page = await context.newPage();
  await page.emulateMedia({ media: "print" });
  await page.goto(BASE + "on-the-move/en/warning-signs.html");
  const shown = await page.evaluate(() => {
    const display = (sel) => getComputedStyle(document.querySelector(sel)).display;
    const link = document.querySelector("main a[href*='.html']");
    return {
      nav: display("nav.pages"),
      exit: display(".exit-bar"),
      help: display("aside.help"),
      after: getComputedStyle(link, "::after").content,
    };
  });
  await page.close();
  assert.equal(shown.nav, "none");
  assert.equal(shown.exit, "none");
  assert.notEqual(shown.help, "none");
  assert.match(shown.after, /\.html/);
});

test("no page asks another site for anything", () => {
  assert.deepEqual(offSite, []);
});

test("the first Tab reaches the skip link, on every page", async () => {
  const page = await context.newPage();
  const wrong = [];
  for (const path of PAGES.filter((p) => !p.endsWith("404.html") && p.split("/").length > 2)) {
    await page.goto(BASE + path);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.className);
    if (focused !== "skip") wrong.push(`${path}: ${focused}`);
  }
  await page.close();
  assert.deepEqual(wrong, []);
});

for (const how of ["click", "Shift x3"]) {
  test(`quick exit by ${how} leaves, and Back does not return`, async () => {
    const page = await context.newPage();
    const start = BASE + "on-the-move/ar/get-help.html";
    await page.goto(BASE + "on-the-move/index.html#languages");
    await page.goto(start);
    if (how === "click") {
      await page.click("#quick-exit");
    } else {
      for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    }
    await page.waitForURL(EXIT);
    await page.goBack();
    assert.notEqual(page.url(), start, "the campaign page was replaced in the history");
    await page.close();
  });
}

test("the quick exit works as a plain link without JavaScript", async () => {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  await noJs.route(EXIT + "**", (route) => route.fulfill({ body: "neutral", contentType: "text/html" }));
  const page = await noJs.newPage();
  await page.goto(BASE + "safe-work/sq/index.html");
  await page.click("#quick-exit");
  await page.waitForURL(EXIT);
  await noJs.close();
});

test("a screenshot of every language's home page", async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const homes = PAGES.filter((p) => p.split("/").length === 3 && p.endsWith("/index.html"));
  for (const path of homes) {
    await page.goto(BASE + path);
    await page.screenshot({ path: join(ARTIFACTS, path.replace(/\//g, "_").replace(".html", ".png")), fullPage: true });
  }
  await page.close();
  assert.ok(homes.length >= 11, `${homes.length} home pages`);
});

test("the Nu HTML checker finds no errors", () => {
  const jar = require.resolve("vnu-jar/build/dist/vnu.jar");
  try {
    execFileSync("java", ["-jar", jar, "--errors-only", "--skip-non-html", SITE], { encoding: "utf8", stdio: "pipe" });
  } catch (err) {
    assert.fail(`vnu reported errors:\n${err.stderr || err.stdout}`);
  }
});
