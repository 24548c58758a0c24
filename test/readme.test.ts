import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../src/catalog";
import { modelSheet, renderFormula } from "../src/model/modelSheet";
import { INPUT_LOOK_NAME } from "../src/model/styles";
import { helpPages } from "../src/docs/render";

const root = join(__dirname, "..");
const readme = readFileSync(join(root, "README.md"), "utf8");

describe("README", () => {
  // The README opens with what a newcomer runs first, the demo and the test command; .ci/run runs exactly the latter.
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

  it("links the note inside the repository: no link to the team folder beside the checkout (it exists in nobody's clone) in the README, the docs or the help pages", () => {
    const docs = ["README.md", ...readdirSync(join(root, "docs")).map((f) => `docs/${f}`)];
    // A link, not a mention.
    for (const doc of docs) expect(readFileSync(join(root, doc), "utf8"), doc).not.toMatch(/\]\(\.\.\/shared\/|href="\.\.\/shared\//);
    for (const p of helpPages()) expect(p.content, p.path).not.toMatch(/\.\.\/shared\//);
    expect(readme).toContain("](docs/note.md)");
  });
});

describe("the docs agree with the model sheet", () => {
  const model = modelSheet();
  const formulaAt = (ref: string) => renderFormula(model.cells.find((c) => c.ref === ref)!.formula!, "");

  it("the README's model-sheet formulas are the model's own", () => {
    for (const fn of ["CHAIN", "CHAIN_COMPARE", "CHAIN_SENSITIVITY"]) {
      const f = formulaAt(model.spills.find((s) => s.fn === fn)!.anchor);
      expect(readme, fn).toContain(f);
    }
  });

  it("every page that names the input cells' look names it as the one style definition does", () => {
    // src/model/styles.ts: CELL_LOOKS.input and its name; no page may call the inputs another colour
    for (const file of ["README.md", "docs/demo.md", "docs/sheets.md", "docs/excel.md"]) {
      const text = readFileSync(join(root, file), "utf8");
      expect(text, file).not.toMatch(/\borange\b/i);
      for (const m of text.matchAll(/[^.]*\b(yellow|blue)\b[^.]*/gi)) expect(m[0], file).toContain(INPUT_LOOK_NAME);
    }
  });
});
