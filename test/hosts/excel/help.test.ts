/**
 * What a user reads about each function, from the one table: the help pages the add-in serves
 * (`@helpurl`), docs/functions.md, and the pieces of the generated wrappers. Expected contents
 * come from the catalog itself (description, units in KIND_UNITS, example, source).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../../src/catalog";
import { DOMAIN_TITLES } from "../../../src/catalog/spec";
import { helpFile, unitText } from "../../../src/catalog/describe";
import { escapeHtml, exampleFormula, helpPages } from "../../../src/docs/render";
import { MAX_EXCEL_TEXT, functionsFile, paramIdentifier, shortened } from "../../../src/hosts/excel/generate";
import { jsdocText } from "../../../src/catalog/describe";
import { checkNames } from "../../../src/catalog/names";
import { ICON_SIZES } from "../../../scripts/icons";
import { ROOT } from "../../../scripts/generated";
import { DIST, ensureDist } from "./dist";

describe("help pages served with the add-in (dist/help)", () => {
  beforeAll(() => ensureDist());

  for (const f of CATALOG) {
    it(`${f.name}: description, every argument with its unit, the example in Excel spelling, the source`, () => {
      const html = readFileSync(join(DIST, "help", helpFile(f)), "utf8");
      expect(html).toContain(`JPUST.${f.name}`);
      expect(html).toContain(escapeHtml(f.description));
      for (const p of f.params) {
        expect(html).toContain(`<code>${escapeHtml(p.name)}</code>`);
        expect(html).toContain(escapeHtml(unitText(p)));
      }
      expect(html).toContain(escapeHtml(exampleFormula(f, "JPUST.")));
      expect(exampleFormula(f, "JPUST.")).toMatch(new RegExp(`^=JPUST\\.${f.name}\\(`));
      expect(html).toContain(escapeHtml(f.example.result));
      // The source, its note sections linked to the note's page (help/note.html).
      expect(html.replace(/<a href="note\.html#section-[\d-]+">(§[\d.]+)<\/a>/g, "$1")).toContain(escapeHtml(f.source));
    });
  }

  it("the index links every function's page", () => {
    const html = readFileSync(join(DIST, "help", "index.html"), "utf8");
    for (const f of CATALOG) expect(html).toContain(`href="${helpFile(f)}"`);
  });

  it("the build serves exactly the pages the renderer makes", () => {
    for (const page of helpPages()) expect(readFileSync(join(DIST, page.path), "utf8").length).toBeGreaterThan(200);
  });
});

describe("docs/functions.md", () => {
  const md = readFileSync(join(ROOT, "docs", "functions.md"), "utf8");

  it("has every function under its domain's heading, in the order of DOMAIN_TITLES", () => {
    let last = -1;
    for (const f of CATALOG) {
      const heading = md.indexOf(`\n## ${DOMAIN_TITLES[f.domain]}\n`);
      const at = md.indexOf(`\n### ${f.name}\n`);
      expect(heading, DOMAIN_TITLES[f.domain]).toBeGreaterThan(-1);
      expect(at, f.name).toBeGreaterThan(heading);
      last = Math.max(last, at);
    }
  });

  it("gives each argument its unit and each optional argument its default", () => {
    for (const f of CATALOG) {
      const section = md.slice(md.indexOf(`\n### ${f.name}\n`)).split("\n### ")[1];
      for (const p of f.params) {
        const row = section.split("\n").find((l) => l.startsWith(`| \`${p.name}\` |`));
        expect(row, `${f.name}(${p.name})`).toBeDefined();
        expect(row).toContain(unitText(p).replace(/\|/g, "\\|"));
        if (p.optional && p.default !== undefined) expect(row).toContain(`default ${typeof p.default === "string" ? JSON.stringify(p.default) : p.default}`);
      }
      // The source, each note section linked to docs/note.md.
      expect(section.replace(/\[(§[\d.]+)\]\(note\.md#section-[\d-]+\)/g, "$1")).toContain(`**Source:** ${f.source}`);
    }
  });
});

describe("the generated Excel wrappers", () => {
  it("escape reserved words as parameter names (BOND_PRICE's `yield`), and the table refuses names that could not be mapped back", () => {
    expect(paramIdentifier("yield")).toBe("yield_");
    expect(paramIdentifier("us_short")).toBe("us_short");
    const table = (fn: string, param: string) => [{ ...CATALOG[0], name: fn, params: [{ ...CATALOG[0].params[0], name: param }] }];
    expect(() => checkNames(table("FN", "bad name"))).toThrow(/must be an identifier/);
    expect(() => checkNames(table("FN", "trailing_"))).toThrow(/not ending with _/);
    expect(() => checkNames(table("FN", "class"))).toThrow(/cannot be a parameter name/);
    expect(() => checkNames(table("FN_", "x"))).toThrow(/not end with _/);
    expect(() => checkNames([...CATALOG, CATALOG[0]])).toThrow(/appears twice/);
    expect(() => checkNames(CATALOG)).not.toThrow();
  });

  it("keep comment text inside the JSDoc: no */ and no @ that would start a tag", () => {
    expect(jsdocText("a */ b @param c\nd")).toBe("a *∕ b (at)param c d");
  });

  it("shorten text past Excel's 255 characters to whole sentences", () => {
    const long = `${"First sentence is here. ".repeat(5)}${"x".repeat(300)}.`;
    const s = shortened(long);
    expect(s.length).toBeLessThanOrEqual(MAX_EXCEL_TEXT);
    expect(s.startsWith("First sentence is here. First")).toBe(true);
    expect(s.endsWith("(more: Help on this function)")).toBe(true);
    expect(shortened("Short.")).toBe("Short.");
  });

  it("declare one top-level function per catalog function, every parameter as any[][]", () => {
    const src = functionsFile();
    for (const f of CATALOG) {
      expect(src.split(`\nfunction ${f.name}(`).length - 1, f.name).toBe(1);
      expect(src).toContain(` * @customfunction ${f.name} ${f.name}\n`);
    }
    expect(src).not.toMatch(/CustomFunctions\.associate\(/); // the metadata plugin adds those
    expect(src.match(/: any\[\]\[\]/g)!.length).toBeGreaterThanOrEqual(CATALOG.reduce((n, f) => n + f.params.length, 0));
  });
});

describe("icons", () => {
  it("are PNGs of the sizes the manifest uses", () => {
    for (const size of ICON_SIZES) {
      const png = readFileSync(join(ROOT, "assets", `icon-${size}.png`));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      // IHDR: width and height at bytes 16..23.
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    for (const m of manifest.matchAll(/assets\/icon-(\d+)\.png/g)) expect(ICON_SIZES).toContain(Number(m[1]));
  });
});
