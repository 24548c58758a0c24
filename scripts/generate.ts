/**
 * `npm run generate` writes every file generated from the function table;
 * `npm run generate -- --check` (run by `npm run build`) only verifies them, so a build
 * never silently ships wrappers that differ from what is committed.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { ROOT, allGeneratedFiles } from "./generated";

async function main() {
  const check = process.argv.includes("--check");
  const stale: string[] = [];
  for (const f of await allGeneratedFiles()) {
    const path = join(ROOT, f.path);
    if (existsSync(path) && readFileSync(path, "utf8") === f.content) continue;
    if (check) {
      stale.push(f.path);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
    console.log(`generated ${f.path}`);
  }
  if (stale.length) {
    console.error(`stale generated files (run \`npm run generate\` and commit them):\n  ${stale.join("\n  ")}`);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
