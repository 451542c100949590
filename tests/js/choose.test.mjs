// Tests the language chooser's matching (themes/default/static/choose.js)
// with Node's own test runner: `node --test tests/js/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

const source = readFileSync(new URL("../../themes/default/static/choose.js", import.meta.url), "utf8");
const context = {};
vm.runInNewContext(source, context);
const pick = context.outreachPick;

const balkan = ["rom", "sq", "bs", "sr-Cyrl", "sr-Latn", "mk", "en"];

test("exact and language-only matches, in the browser's order", () => {
  assert.equal(pick(balkan, ["sq-AL", "en"]), "sq");
  assert.equal(pick(balkan, ["de-DE", "mk"]), "mk");
  assert.equal(pick(balkan, ["en-US"]), "en");
  assert.equal(pick(["ar", "ps", "fa", "en"], ["fa-IR", "en"]), "fa");
  assert.equal(pick(["ar", "ps", "fa", "en"], ["ps-AF"]), "ps");
});

test("Serbian: script asked for, or Cyrillic by default, Latin in Montenegro", () => {
  assert.equal(pick(balkan, ["sr-Latn-RS"]), "sr-Latn");
  assert.equal(pick(balkan, ["sr-Latn"]), "sr-Latn");
  assert.equal(pick(balkan, ["sr-RS"]), "sr-Cyrl");
  assert.equal(pick(balkan, ["sr"]), "sr-Cyrl");
  assert.equal(pick(balkan, ["sr-Cyrl-RS"]), "sr-Cyrl");
  assert.equal(pick(balkan, ["sr-ME"]), "sr-Latn");
  // Only one script offered: it is used whatever the script asked for.
  assert.equal(pick(["sr-Cyrl", "en"], ["sr-Latn"]), "sr-Cyrl");
});

test("nothing offered that the browser asks for: stay on the chooser", () => {
  assert.equal(pick(balkan, ["de", "fr"]), null);
  assert.equal(pick(balkan, []), null);
  assert.equal(pick(balkan, [undefined]), null);
});
