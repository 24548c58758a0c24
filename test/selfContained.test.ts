/**
 * The repository tests itself from a fresh clone: the publishers' real files and Microsoft's
 * manifest schemas are committed with their provenance, and no code reaches for our team's folder
 * beside the checkout, except the one check of docs/note.md against the note, whose text is not
 * ours to commit (test/docs/note.test.ts skips, saying why, where the note is absent).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../scripts/generated";
import { MANIFEST_XSD, schemaDir } from "../scripts/check-manifest";
import { REAL_DIR } from "./helpers/realFixtures";

const MB = 1024 * 1024;
const PROVENANCE = "README.md";
const GITATTRIBUTES = ".gitattributes";

/** The data files of test/fixtures/real (everything but its README and .gitattributes). */
const realFiles = () => readdirSync(REAL_DIR).filter((f) => f !== PROVENANCE && f !== GITATTRIBUTES).sort();

/** The README's sections, one per file: `### <file name>` up to the next heading. */
function provenanceSections(): Map<string, string> {
  const text = readFileSync(join(REAL_DIR, PROVENANCE), "utf8");
  const sections = new Map<string, string>();
  const parts = text.split(/^### /m).slice(1);
  for (const part of parts) {
    const [title, ...body] = part.split("\n");
    sections.set(title.trim(), body.join("\n").split(/^##/m)[0]);
  }
  return sections;
}

describe("test/fixtures/real: the publishers' files, committed", () => {
  it("weighs less than 8 MB in all", () => {
    const total = readdirSync(REAL_DIR).reduce((n, f) => n + statSync(join(REAL_DIR, f)).size, 0);
    console.log(`test/fixtures/real: ${realFiles().length} files, ${total.toLocaleString("en-US")} bytes with the README`);
    expect(total).toBeLessThan(8 * MB);
  });

  it("describes every file in its README, and describes no file that is not there", () => {
    const described = [...provenanceSections().keys()].sort();
    expect(described).toEqual(realFiles());
  });

  it("each file has the sha256 its README section gives (so a changed byte cannot pass unseen)", () => {
    const sections = provenanceSections();
    for (const f of realFiles()) {
      const m = sections.get(f)?.match(/sha256: `([0-9a-f]{64})`/);
      expect(m, `${f}: no sha256 in its section`).not.toBeNull();
      expect(createHash("sha256").update(readFileSync(join(REAL_DIR, f))).digest("hex"), f).toBe(m![1]);
    }
  });

  it("each section names the publisher, the copy it came from and what was trimmed", () => {
    for (const [f, body] of provenanceSections()) {
      expect(body, f).toMatch(/- Publisher: /);
      expect(body, f).toMatch(/Trimmed/);
      // A copy names its repository's commit (40 hex digits); a file of our own work says so.
      expect(/`[0-9a-f]{40}`/.test(body) || /\*\*ours\*\*/.test(body), `${f}: no commit and not ours`).toBe(true);
    }
  });

  it("git keeps the bytes: no line-ending conversion in the folder (.gitattributes `* -text`)", () => {
    expect(readFileSync(join(REAL_DIR, GITATTRIBUTES), "utf8").split("\n")).toContain("* -text");
    const r = spawnSync("git", ["check-attr", "text", "--", "test/fixtures/real/mof_jgbcme_all_1974-2024.csv"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stdout.trim()).toBe("test/fixtures/real/mof_jgbcme_all_1974-2024.csv: text: unset");
  });
});

describe("schemas/office-addin-manifest: Microsoft's manifest XSDs, committed", () => {
  const dir = join(ROOT, "schemas", "office-addin-manifest");

  it("is where the manifest check reads them unless MANIFEST_SCHEMAS says otherwise", () => {
    const saved = process.env.MANIFEST_SCHEMAS;
    delete process.env.MANIFEST_SCHEMAS;
    try {
      expect(schemaDir()).toBe(dir);
    } finally {
      if (saved !== undefined) process.env.MANIFEST_SCHEMAS = saved;
    }
    expect(existsSync(join(dir, MANIFEST_XSD))).toBe(true);
  });

  it("comes with its provenance (SOURCES.md names every XSD) and Microsoft's licence terms (LICENSE)", () => {
    const sources = readFileSync(join(dir, "SOURCES.md"), "utf8");
    const xsds = readdirSync(dir).filter((f) => f.endsWith(".xsd"));
    expect(xsds.length).toBe(6);
    for (const f of xsds) expect(sources, f).toContain(`| ${f} |`);
    const licence = readFileSync(join(dir, "LICENSE"), "utf8");
    expect(licence).toMatch(/^Which applies: /m);
    for (const f of xsds) expect(licence, f).toContain(f);
  });
});

describe("nothing reads the team's folder beside the checkout", () => {
  // What reaching for it looks like: a relative path up and into it, the same as path pieces, an
  // absolute path, or a path into one of its subfolders.
  const READS = [/\.\.\/shared\b/, /["'`]\.\.["'`]\s*,\s*["'`]shared["'`]/, /\/work\/shared\b/, /\bshared\/(fixtures|schemas|seed)\b/];
  const ROOTS = ["test", "bench", "scripts", "src", ".ci", ".github"];
  const TOP_FILES = ["package.json", "tsconfig.json", "vitest.config.ts", "webpack.config.js"];
  // Data, not code: the fixtures are read by name through test/helpers.
  const SKIP = new Set(["node_modules", join("test", "fixtures")]);

  function files(dir: string): string[] {
    const out: string[] = [];
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const rel = join(dir, entry.name);
      if (SKIP.has(entry.name) || SKIP.has(rel)) continue;
      if (entry.isDirectory()) out.push(...files(rel));
      else if (entry.isFile()) out.push(rel);
    }
    return out;
  }

  it("only test/docs/note.test.ts does, for the note (skipped where the note is absent)", () => {
    const all = [...ROOTS.filter((d) => existsSync(join(ROOT, d))).flatMap(files), ...TOP_FILES.filter((f) => existsSync(join(ROOT, f)))];
    expect(all.length).toBeGreaterThan(100);
    const readers = all.filter((f) => READS.some((re) => re.test(readFileSync(join(ROOT, f), "utf8")))).map((f) => relative(ROOT, join(ROOT, f)).split("\\").join("/"));
    expect(readers).toEqual(["test/docs/note.test.ts"]);
  });
});
