// The browser editor as an author meets it: Decap CMS (the version
// outreach carries) in Debian's Chromium, saving through Decap's local
// backend (`decap-server`, started by .ci/run on loopback) into a copy of
// the example project, which must still build.
//
// Run by .ci/run: OUTREACH_BIN=<outreach> OUTREACH_EDITOR_PROJECT=<a copy of
// the project that decap-server serves> DECAP_SERVER_URL=<its /api/v1>
// node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { launchChromium } from "./chromium.mjs";

const BIN = process.env.OUTREACH_BIN;
const PROJECT = process.env.OUTREACH_EDITOR_PROJECT;
const DECAP = process.env.DECAP_SERVER_URL;
const REPO = join(dirname(new URL(import.meta.url).pathname), "..", "..");
const ARTIFACTS = process.env.OUTREACH_ARTIFACTS || join(REPO, "tests", "browser", "artifacts");
if (!BIN || !PROJECT || !DECAP) {
  throw new Error("set OUTREACH_BIN, OUTREACH_EDITOR_PROJECT and DECAP_SERVER_URL (see .ci/run)");
}

let server;
let base;
let browser;
let built;

/// `outreach build` of the project into a new folder; fails the test on errors.
function build() {
  const out = mkdtempSync(join(tmpdir(), "outreach-editor-built-"));
  const run = spawnSync(BIN, ["build", "--out", join(out, "public")], { cwd: PROJECT, encoding: "utf8" });
  assert.equal(run.status, 0, `outreach build failed after the edit:\n${run.stderr}`);
  return join(out, "public");
}

/// What a reader of a built page reads: the text of its <main>, line by line.
function readerText(site, path) {
  const html = readFileSync(join(site, path), "utf8");
  const main = /<main[\s\S]*<\/main>/.exec(html)[0];
  return main
    .replace(/<[^>]+>/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/// A page's text below its front matter.
function body(path) {
  const text = readFileSync(join(PROJECT, path), "utf8");
  return text.slice(text.indexOf("\n---", 3) + 4).trim();
}

/// The port an `outreach serve` says it listens on.
function portOf(child) {
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (data) => {
      const found = /127\.0\.0\.1:(\d+)\//.exec(String(data));
      if (found) resolve(Number(found[1]));
    });
    child.on("exit", () => reject(new Error("outreach serve stopped")));
  });
}

before(async () => {
  const setup = spawnSync(BIN, ["editor", "--cms", "decap"], { cwd: PROJECT, encoding: "utf8" });
  assert.equal(setup.status, 0, setup.stderr);
  // The author's own part of the settings: save through decap-server.
  const config = join(PROJECT, "admin", "config.yml");
  writeFileSync(
    config,
    readFileSync(config, "utf8").replace(/^local_backend: true$/m, `local_backend:\n  url: ${DECAP}`),
  );
  built = build();
  server = spawn(BIN, ["serve", "--port", "0"], { cwd: PROJECT, stdio: ["ignore", "pipe", "ignore"] });
  base = `http://127.0.0.1:${await portOf(server)}`;
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (built) rmSync(dirname(built), { recursive: true, force: true });
});

/// The editor, signed in (the local backend asks nothing), at `route`.
async function openEditor(route) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${base}/_outreach/editor/`);
  await page.getByRole("button", { name: "Login" }).click();
  await page.getByText("Collections").waitFor();
  await page.goto(`${base}/_outreach/editor/#${route}`);
  return page;
}

/// Puts the caret at the very end of a rich text editor, as a click
/// there would (a click lands where the last line's text happens to be,
/// which differs from right to left).
async function caretAtEnd(editor) {
  await editor.click();
  await editor.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    range.collapse(false);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  });
}

async function publish(page) {
  await page.getByRole("button", { name: /^Publish$/ }).click();
  await page.getByRole("menuitem", { name: /Publish now/ }).click();
}

test("the Persian page is edited beside the English one, saved, and still builds", async () => {
  const before = {};
  for (const lang of ["en", "ar", "ps", "fa"]) before[lang] = body(`content/on-the-move/${lang}/get-help.md`);
  const page = await openEditor("/collections/on-the-move-pages/entries/get-help");
  // The left side writes the default language; the right one is chosen.
  await page.getByText("Writing in AR").click();
  await page.getByRole("menuitem", { name: "FA" }).click();
  await page.getByText("Writing in FA").waitFor();
  const added = "این جمله را ویرایشگر افزود.";
  // At the end of the text, a new paragraph.
  const text = page.locator('[data-slate-editor="true"]').nth(1);
  await caretAtEnd(text);
  await page.keyboard.press("Enter");
  await page.keyboard.type(added);
  await page.screenshot({ path: join(ARTIFACTS, "editor-fa.png") });
  await publish(page);
  await page.getByText("Entry saved").waitFor();
  await page.close();

  assert.ok(body("content/on-the-move/fa/get-help.md").endsWith(added));
  // The other languages' texts are saved with the entry, unchanged.
  for (const lang of ["en", "ar", "ps"]) {
    assert.equal(body(`content/on-the-move/${lang}/get-help.md`), before[lang], lang);
  }
  // The stamp that says which English text the translation follows stays.
  assert.match(readFileSync(join(PROJECT, "content/on-the-move/fa/get-help.md"), "utf8"), /^source_hash: \w+$/m);
  const after = build();
  try {
    // A reader of the Persian page reads what they read before, and the
    // new sentence at its end.
    const was = readerText(built, "on-the-move/fa/get-help.html");
    const now = readerText(after, "on-the-move/fa/get-help.html");
    assert.deepEqual(now.filter((line) => line !== added), was);
    assert.ok(now.includes(added));
    for (const lang of ["en", "ar", "ps"]) {
      const path = `on-the-move/${lang}/get-help.html`;
      assert.deepEqual(readerText(after, path), readerText(built, path), path);
    }
  } finally {
    rmSync(dirname(after), { recursive: true, force: true });
  }
});

test("a page without a title cannot be saved, and the author is told", async () => {
  const file = join(PROJECT, "content/on-the-move/fa/warning-signs.md");
  const was = readFileSync(file, "utf8");
  const page = await openEditor("/collections/on-the-move-pages/entries/warning-signs");
  await page.getByText("Writing in AR").click();
  await page.getByRole("menuitem", { name: "FA" }).click();
  await page.getByText("Writing in FA").waitFor();
  // The right side's title (ids are numbered from the left side's).
  const title = page.locator('input[id^="title-field-"]').nth(1);
  await title.fill("");
  await publish(page);
  await page.getByText(/Not saved\. In the fa text: the title is empty/).first().waitFor();
  await page.screenshot({ path: join(ARTIFACTS, "editor-no-title.png") });
  await page.close();
  assert.equal(readFileSync(file, "utf8"), was);
});

test("a page made in the editor is published by the next build", async () => {
  const page = await openEditor("/collections/on-the-move-pages/new");
  await page.locator('input[id^="title-field-"]').first().fill("Travel documents");
  const text = page.locator('[data-slate-editor="true"]').first();
  await text.click();
  await page.keyboard.type("Keep your own passport. Nobody may take it from you.");
  await publish(page);
  await page.getByText("Entry saved").waitFor();
  await page.screenshot({ path: join(ARTIFACTS, "editor-new-page.png") });
  await page.close();

  const file = join(PROJECT, "content/on-the-move/en/travel-documents.md");
  assert.ok(existsSync(file), "the new page is saved as content/on-the-move/en/travel-documents.md");
  const after = build();
  try {
    // Decap saves an empty file for each other language: a translation
    // not written yet, which is not published.
    assert.ok(!existsSync(join(after, "on-the-move/fa/travel-documents.html")));
    const text = readerText(after, "on-the-move/en/travel-documents.html");
    assert.ok(text.includes("Travel documents"));
    assert.ok(text.includes("Keep your own passport. Nobody may take it from you."));
  } finally {
    rmSync(dirname(after), { recursive: true, force: true });
  }
});

test("Sveltia CMS reads the same settings: a new project's editor opens without a complaint", async () => {
  const dir = mkdtempSync(join(tmpdir(), "outreach-sveltia-"));
  const made = spawnSync(BIN, ["new", "campaigns"], { cwd: dir, encoding: "utf8" });
  assert.equal(made.status, 0, made.stderr);
  const preview = spawn(BIN, ["serve", "--port", "0"], {
    cwd: join(dir, "campaigns"),
    stdio: ["ignore", "pipe", "ignore"],
  });
  try {
    const port = await portOf(preview);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Sveltia's letters and icons come from a CDN, which CI cannot reach:
    // those requests fail, and only those.
    const complaints = [];
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "warning" || (message.type() === "error" && !text.startsWith("Failed to load resource"))) {
        complaints.push(text);
      }
    });
    await page.goto(`http://127.0.0.1:${port}/_outreach/editor/`);
    await page.getByText("Work with Local Repository").waitFor();
    assert.equal(await page.getByText("error in the CMS configuration").count(), 0);
    assert.deepEqual(complaints, []);
    await page.screenshot({ path: join(ARTIFACTS, "editor-sveltia.png") });
    await page.close();
  } finally {
    preview.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a leaflet is edited in its language's collection and still prints", async () => {
  const file = join(PROJECT, "content/on-the-move/en/leaflets/trifold.md");
  const page = await openEditor("/collections/on-the-move-leaflets-en/entries/trifold");
  const title = page.locator('input[id^="title-field-"]').first();
  await title.fill("Safe on the road");
  // A change in the text makes the editor write all of it again, in its
  // own style: the rules between the parts become `- - -`.
  await caretAtEnd(page.locator('[data-slate-editor="true"]').first());
  await page.keyboard.type(" ");
  await page.keyboard.press("Backspace");
  await publish(page);
  await page.getByText("Entry saved").waitFor();
  await page.close();
  const saved = readFileSync(file, "utf8");
  assert.match(saved, /^title: Safe on the road$/m);
  // The editor writes the rules between the leaflet's parts as `- - -`.
  assert.match(saved, /^- - -$/m);
  const after = build();
  try {
    assert.ok(existsSync(join(after, "on-the-move/en/leaflets/trifold.pdf")));
  } finally {
    rmSync(dirname(after), { recursive: true, force: true });
  }
});
