// `outreach serve` as an author meets it: a page open in Debian's Chromium
// reloads by itself when a file is saved, keeps its scroll position, and
// shows a build's problems over the page until the file is fixed.
//
// Run by .ci/run: OUTREACH_BIN=<the outreach binary> node --test tests/browser/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { launchChromium } from "./chromium.mjs";

const BIN = process.env.OUTREACH_BIN;
const REPO = join(dirname(new URL(import.meta.url).pathname), "..", "..");
const ARTIFACTS = process.env.OUTREACH_ARTIFACTS || join(REPO, "tests", "browser", "artifacts");
if (!BIN) throw new Error("set OUTREACH_BIN to the outreach binary (see .ci/run)");

let project;
let server;
let base;
let browser;

before(async () => {
  project = mkdtempSync(join(tmpdir(), "outreach-serve-"));
  for (const dir of ["campaigns", "content"]) {
    cpSync(join(REPO, dir), join(project, dir), { recursive: true });
  }
  server = spawn(BIN, ["serve", "--port", "0"], { cwd: project, stdio: ["ignore", "pipe", "ignore"] });
  const port = await new Promise((resolve, reject) => {
    server.stdout.on("data", (data) => {
      const found = /127\.0\.0\.1:(\d+)\//.exec(String(data));
      if (found) resolve(Number(found[1]));
    });
    server.on("exit", () => reject(new Error("outreach serve stopped")));
  });
  base = `http://127.0.0.1:${port}`;
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (project) rmSync(project, { recursive: true, force: true });
});

async function openListening(path, viewport) {
  const page = await browser.newPage({ viewport });
  await page.goto(base + path);
  await page.waitForFunction(() => document.documentElement.dataset.outreachLive === "on");
  return page;
}

test("a saved edit reloads the open page and keeps its place", async () => {
  const page = await openListening("/on-the-move/en/warning-signs.html", { width: 400, height: 500 });
  await page.evaluate(() => window.scrollTo(0, 600));
  const file = join(project, "content/on-the-move/en/warning-signs.md");
  const original = readFileSync(file, "utf8");
  const reloaded = page.waitForEvent("load");
  writeFileSync(file, `${original}\nA sentence added while the page was open.\n`);
  await reloaded;
  await page.waitForFunction(() => document.body.textContent.includes("A sentence added"));
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(y - 600) < 5, `scrolled to ${y}, not 600`);
  await page.close();
});

test("a broken file shows its problem on the page, and a fix clears it", async () => {
  const page = await openListening("/on-the-move/fa/", { width: 800, height: 700 });
  const file = join(project, "campaigns/on-the-move.yaml");
  const original = readFileSync(file, "utf8");
  writeFileSync(file, original.replace("default_language: en", "default_language: [en"));
  const overlay = page.locator("#outreach-problems");
  await overlay.waitFor();
  const text = await overlay.textContent();
  assert.match(text, /campaigns\/on-the-move\.yaml:\d+:\d+: error/);
  assert.match(text, /last version that worked/);
  // The last good page is still there under the message.
  assert.equal(await page.locator("html").getAttribute("dir"), "rtl");
  await page.screenshot({ path: join(ARTIFACTS, "serve-problems.png") });
  const reloaded = page.waitForEvent("load");
  writeFileSync(file, original);
  await reloaded;
  assert.equal(await page.locator("#outreach-problems").count(), 0);
  await page.close();
});
