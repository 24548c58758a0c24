import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../src/catalog";
import { helpPages } from "../src/docs/render";

const root = join(__dirname, "..");
const readme = readFileSync(join(root, "README.md"), "utf8");

describe("README", () => {
  // The brief: the README starts with the demo command and the test command, and .ci/run runs exactly the latter.
  it("starts with the two commands", () => {
    const firstBlock = readme.split("```")[1];
    expect(firstBlock).toContain("npm ci && npm run demo");
    expect(firstBlock).toContain("npm ci && npm test");
  });

  it(".ci/run runs exactly the README's test command", () => {
    const ci = readFileSync(join(root, ".ci", "run"), "utf8");
    expect(ci.trim().split("\n").at(-1)).toBe("npm ci && npm test");
  });

  it("the function table names every catalog function", () => {
    const table = readme.slice(readme.indexOf("## Function reference"), readme.indexOf("## Units and conventions"));
    const missing = CATALOG.map((f) => f.name).filter((n) => !table.includes(`\`${n}\``));
    expect(missing).toEqual([]);
  });

  it("links the note inside the repository: no ../shared link (it exists in nobody's clone) in the README, the docs or the help pages", () => {
    const docs = ["README.md", ...readdirSync(join(root, "docs")).map((f) => `docs/${f}`)];
    for (const doc of docs) expect(readFileSync(join(root, doc), "utf8"), doc).not.toMatch(/\.\.\/shared\//);
    for (const p of helpPages()) expect(p.content, p.path).not.toContain("../shared/");
    expect(readme).toContain("](docs/note.md)");
  });
});
