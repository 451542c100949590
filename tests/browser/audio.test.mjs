// Pages with a recording (`audio:`, issue 15 part 4), as readers meet
// them. The example campaigns have none (no reading was recorded, and
// none is faked in content/), so a copy of them gets silent recordings on
// pages in English, Serbian (and its Latin copy), Arabic and Persian:
// axe at 320 and 1280 px, no sideways scrolling, nothing downloaded
// before the reader presses play and the recording fetched from the site
// itself when they do, and the Nu HTML checker over those pages.
//
// Run by .ci/run: OUTREACH_BIN=<the outreach binary> node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { createRequire } from "node:module";
import { launchChromium } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const BIN = process.env.OUTREACH_BIN;
const REPO = join(dirname(new URL(import.meta.url).pathname), "..", "..");
if (!BIN) throw new Error("set OUTREACH_BIN to the outreach binary (see .ci/run)");
// The built site is answered from disk at this address: nothing else is.
const BASE = "http://outreach.test/";
const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".svg": "image/svg+xml", ".png": "image/png", ".mp3": "audio/mpeg",
};
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
// (campaign, language, page) given a recording, and the pages that play one.
const RECORDED = [
  ["safe-work", "en", "get-help"],
  ["safe-work", "sr", "warning-signs"],
  ["on-the-move", "ar", "get-help"],
  ["on-the-move", "fa", "index"],
];
const PAGES = [
  ...RECORDED.map(([c, l, p]) => `${c}/${l}/${p}.html`),
  "safe-work/sr-Latn/warning-signs.html",
];

/// A minute of silence as MP3 (MPEG-1 Layer III frames of 208 bytes).
function silentMp3() {
  const frame = Buffer.concat([Buffer.from([0xff, 0xfb, 0x50, 0xc4]), Buffer.alloc(204)]);
  return Buffer.concat(Array(2300).fill(frame));
}

let project;
let browser;
let context;
const requests = [];
const offSite = [];

before(async () => {
  project = mkdtempSync(join(tmpdir(), "outreach-audio-"));
  for (const dir of ["campaigns", "content"]) {
    cpSync(join(REPO, dir), join(project, dir), { recursive: true });
  }
  for (const [campaign, lang, page] of RECORDED) {
    const folder = join(project, "content", campaign, lang);
    writeFileSync(join(folder, "reading.mp3"), silentMp3());
    const file = join(folder, `${page}.md`);
    writeFileSync(file, readFileSync(file, "utf8").replace("---\n", "---\naudio: reading.mp3\n"));
  }
  execFileSync(BIN, ["build"], { cwd: project, stdio: "pipe" });
  browser = await launchChromium();
  // axe is injected as a script: the pages' own policy would refuse it.
  context = await browser.newContext({ bypassCSP: true });
  context.on("request", (request) => requests.push(request.url()));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (!url.startsWith(BASE)) {
      offSite.push(url);
      return route.abort();
    }
    const path = join(project, "public", decodeURIComponent(new URL(url).pathname));
    try {
      return route.fulfill({ body: readFileSync(path), contentType: TYPES[extname(path)] || "application/octet-stream" });
    } catch {
      return route.fulfill({ status: 404, body: "" });
    }
  });
});

after(async () => {
  await browser?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

test(`axe finds nothing and nothing scrolls sideways, on ${PAGES.length} pages with a recording`, async () => {
  const problems = [];
  const page = await context.newPage();
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of PAGES) {
      await page.goto(BASE + path, { waitUntil: "load" });
      assert.equal(await page.locator("main audio[controls][preload=none]").count(), 1, path);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async (tags) => {
        const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
      }, AXE_TAGS);
      for (const v of violations) problems.push(`${path} @${width}px: ${v}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problems.push(`${path} @${width}px: scrolls sideways by ${overflow}px`);
      // The player is as wide as the text at most.
      const [player, text] = await page.evaluate(() => [
        document.querySelector("main audio").getBoundingClientRect().width,
        document.querySelector("main").clientWidth,
      ]);
      if (player > text) problems.push(`${path} @${width}px: the player is ${player}px wide in ${text}px`);
    }
  }
  await page.close();
  assert.deepEqual(problems, []);
});

test("nothing is downloaded before the reader presses play, and play fetches it from the site", async () => {
  const page = await context.newPage();
  const path = "on-the-move/ar/get-help.html";
  requests.length = 0;
  await page.goto(BASE + path, { waitUntil: "networkidle" });
  assert.deepEqual(requests.filter((url) => url.includes("/audio/")), [], "downloaded before play");
  const fetched = page.waitForRequest((request) => request.url().includes("/audio/"));
  // A click on the player is the reader's gesture that lets it play.
  await page.click("main audio");
  await page.evaluate(() => document.querySelector("main audio").play().catch(() => {}));
  const request = await fetched;
  assert.ok(request.url().startsWith(`${BASE}on-the-move/audio/`), request.url());
  assert.match(request.url(), /\/audio\/[0-9a-f]{10}\.mp3$/);
  await page.close();
});

test("no page with a recording asks another site for anything", () => {
  assert.deepEqual(offSite, []);
});

test("the Nu HTML checker finds no errors in pages with a recording", () => {
  const jar = require.resolve("vnu-jar/build/dist/vnu.jar");
  const files = PAGES.map((path) => join(project, "public", path));
  try {
    execFileSync("java", ["-jar", jar, "--errors-only", ...files], { encoding: "utf8", stdio: "pipe" });
  } catch (err) {
    assert.fail(`vnu reported errors:\n${err.stderr || err.stdout}`);
  }
});
