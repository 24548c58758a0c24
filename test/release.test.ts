/**
 * `npm run release` (scripts/release.ts), built once for a GitHub Pages address into a temporary
 * folder and unpacked piece by piece: the add-in zip (every manifest URL on ADDIN_URL, every file
 * it names inside the zip, the metadata of every catalog function), Code.gs installed the way a
 * user pastes it (alone, in a fresh V8 context with nothing but the JavaScript built-ins), the
 * install guide, the workbooks opening, the checksums. Everything iterates the catalog, so a new
 * function is covered without touching this file.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../src/catalog";
import { helpFile } from "../src/catalog/describe";
import { appsScriptManifest } from "../src/hosts/sheets/manifest";
import { MENU_ITEMS } from "../src/hosts/sheets/menuItems";
import { modelSheet } from "../src/model/modelSheet";
import { VERSION } from "../src/version";
import { ROOT } from "../scripts/generated";
import { manifestUrls } from "./hosts/excel/dist";
import { RELEASE_TABLE_END, RELEASE_TABLE_START, pagesUrl, releaseFiles, releaseTable, withReleaseTable } from "../scripts/release";
import { findSoffice, requireTool } from "./helpers/tools";

const ADDIN_URL = "https://example-owner.github.io/marginal-bid";
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const tmp = mkdtempSync(join(tmpdir(), "marginal-bid-release-test-"));
const out = join(tmp, "release");
const files = releaseFiles(VERSION);
let printed = "";
let zip: JSZip;

function runRelease(args: string[], env: Record<string, string | undefined>) {
  const e = { ...process.env, ...env } as Record<string, string>;
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete e[k];
  return spawnSync(TSX, [join(ROOT, "scripts", "release.ts"), ...args], { cwd: ROOT, env: e, encoding: "utf8", timeout: 600_000 });
}

beforeAll(async () => {
  const r = runRelease(["--out", out], { ADDIN_URL: `${ADDIN_URL}/` });
  printed = r.stdout;
  if (r.status !== 0) throw new Error(`npm run release failed:\n${r.stdout}\n${r.stderr}`);
  zip = await JSZip.loadAsync(readFileSync(join(out, files.addinZip)));
}, 600_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (file: string) => readFileSync(join(out, file), "utf8");
const zipText = async (path: string) => {
  const entry = zip.file(path);
  if (!entry) throw new Error(`${files.addinZip} has no ${path}`);
  return entry.async("string");
};

describe("the release folder", () => {
  it("holds exactly the release files, named for the package version, and lists them with sizes", () => {
    const expected = [files.addinZip, files.manifest, files.code, files.appsscript, files.install, ...files.workbooks, files.license, files.sums];
    expect(readdirSync(out).sort()).toEqual(expected.sort());
    expect(files.addinZip).toBe(`marginal-bid-excel-${VERSION}.zip`);
    for (const f of expected) expect(printed, f).toMatch(new RegExp(`${f.replace(/\./g, "\\.")}\\s+[\\d.]+ KiB`));
    expect(printed).toContain(`marginal-bid ${VERSION} for ${ADDIN_URL},`);
  });

  it("SHA256SUMS matches every other file", () => {
    const lines = read(files.sums).trim().split("\n");
    expect(lines.length).toBe(readdirSync(out).length - 1);
    for (const line of lines) {
      const [sum, file] = line.split(/\s+/);
      expect(createHash("sha256").update(readFileSync(join(out, file))).digest("hex"), file).toBe(sum);
    }
  });

  it("LICENSE is the repository's, beside the files and inside the zip", async () => {
    const licence = readFileSync(join(ROOT, "LICENSE"), "utf8");
    expect(read(files.license)).toBe(licence);
    expect(await zipText("LICENSE")).toBe(licence);
  });

  it("release/ is ignored by git", () => {
    expect(spawnSync("git", ["check-ignore", "release/x.zip"], { cwd: ROOT, encoding: "utf8" }).stdout.trim()).toBe("release/x.zip");
  });
});

describe("the Excel add-in zip, for ADDIN_URL", () => {
  it("its manifest is the one beside it, and every URL in it is on ADDIN_URL (the trailing slash dropped)", async () => {
    const xml = await zipText("manifest.xml");
    expect(xml).toBe(read(files.manifest));
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u.startsWith(`${ADDIN_URL}/`), u).toBe(true);
    expect(xml).not.toContain("localhost");
  });

  it("every file the manifest names is in the zip, at the path under ADDIN_URL", async () => {
    const xml = await zipText("manifest.xml");
    const paths = [...xml.matchAll(new RegExp(`${ADDIN_URL.replace(/\./g, "\\.")}/([^"]+)"`, "g"))].map((m) => m[1]);
    expect(paths).toEqual(expect.arrayContaining(["functions.js", "functions.json", "functions.html", "taskpane.html", "help/index.html"]));
    for (const p of paths) expect(zip.file(p), p).not.toBeNull();
  });

  it("functions.json registers every catalog function, its help page on ADDIN_URL and in the zip", async () => {
    const meta = JSON.parse(await zipText("functions.json")) as { functions: { id: string; helpUrl?: string }[] };
    expect(meta.functions.map((f) => f.id).sort()).toEqual(CATALOG.map((f) => f.name).sort());
    for (const f of CATALOG) {
      expect(meta.functions.find((m) => m.id === f.name)?.helpUrl, f.name).toBe(`${ADDIN_URL}/help/${helpFile(f)}`);
      expect(zip.file(`help/${helpFile(f)}`), f.name).not.toBeNull();
    }
    expect(zip.file("help/note.html")).not.toBeNull();
  });

  it("the files sit at the zip's root, ready to copy into the folder served at ADDIN_URL", () => {
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    expect(names).toEqual(expect.arrayContaining(["functions.js", "taskpane.js", "assets/icon-32.png"]));
    expect(names.some((n) => n.startsWith("dist/") || n.startsWith("/"))).toBe(false);
  });
});

describe("Code.gs: the paste install", () => {
  /**
   * What the Apps Script editor holds after the paste: Code.gs alone, evaluated in a fresh V8
   * context with no Apps Script service at all (a custom function gets none it does not use).
   */
  function paste() {
    const context = vm.createContext({});
    vm.runInContext(read(files.code), context, { filename: "Code.gs" });
    return context as Record<string, unknown>;
  }

  it("names the version in its first line", () => {
    expect(read(files.code).split("\n")[0]).toContain(`marginal-bid ${VERSION} for Google Sheets`);
  });

  it("defines every catalog function and every menu entry point as a top-level function", () => {
    const g = paste();
    for (const f of CATALOG) expect(typeof g[f.name], f.name).toBe("function");
    for (const [fn] of MENU_ITEMS) expect(typeof g[fn], fn).toBe("function");
    expect(typeof g.onOpen).toBe("function");
  });

  it("every function answers a call: a value or a spreadsheet error (#VALUE!, #N/A, …), never a broken script", () => {
    const g = paste();
    for (const f of CATALOG) {
      try {
        (g[f.name] as () => unknown)();
      } catch (e) {
        const err = e as { name?: string; message?: string };
        expect(`${err.name}: ${err.message}`, f.name).toMatch(/^Error: #(VALUE!|N\/A|NUM!|DIV\/0!|REF!)/);
      }
    }
  });

  it("computes the note's numbers: HEDGED_UST(4.3%, 4.5%, 0.5%) = 0.30% (note §3.1), a column at once", () => {
    const g = paste();
    expect((g.HEDGED_UST as (...a: unknown[]) => unknown)(0.043, 0.045, 0.005)).toBeCloseTo(0.003, 15);
    expect((g.HEDGED_UST as (...a: unknown[]) => unknown)([[0.043], [0.053]], 0.045, 0.005)).toEqual([[expect.closeTo(0.003, 15)], [expect.closeTo(0.013, 15)]]);
  });

  it("appsscript.json is the project's manifest (V8, the three scopes)", () => {
    expect(JSON.parse(read(files.appsscript))).toEqual(appsScriptManifest());
  });

  it("INSTALL.md walks through the paste, the hosting at ADDIN_URL and the workbooks", () => {
    const guide = read(files.install);
    expect(guide).toContain(`# marginal-bid ${VERSION}: install`);
    for (const step of ["Extensions → Apps Script", files.code, 'Show "appsscript.json" manifest file', "Save", "Reload the spreadsheet", files.addinZip, ADDIN_URL, "Upload My Add-in", ...files.workbooks]) {
      expect(guide, step).toContain(step);
    }
    for (const [, caption] of MENU_ITEMS) expect(guide, caption).toContain(caption);
  });
});

describe("the workbooks open", () => {
  it("with exceljs: the model sheet in each, the snapshot with values only", async () => {
    for (const file of files.workbooks) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, file));
      expect(wb.worksheets.length, file).toBe(1);
      expect(wb.worksheets[0].name, file).toContain(modelSheet().name);
    }
  });

  it("in LibreOffice Calc (headless): all three convert, the snapshot shows the note's US 10y after the shock, 4.60%", (ctx) => {
    const soffice = requireTool(findSoffice(), ctx);
    const csvDir = join(tmp, "csv");
    const r = spawnSync(
      soffice,
      [`-env:UserInstallation=file://${join(tmp, "lo-profile")}`, "--headless", "--norestore", "--convert-to", "csv", "--outdir", csvDir, ...files.workbooks.map((f) => join(out, f))],
      { encoding: "utf8", timeout: 300_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    for (const f of files.workbooks) expect(existsSync(join(csvDir, f.replace(/\.xlsx$/, ".csv"))), f).toBe(true);
    const snapshot = readFileSync(join(csvDir, files.workbooks[2].replace(/\.xlsx$/, ".csv")), "latin1");
    // docs/functions.md, CHAIN's example with the note's inputs: US 10y 4.30% → 4.60%.
    expect(snapshot).toMatch(/,us_10y,4\.30?%,4\.60?%,/);
  }, 300_000);
});

/**
 * The sizes docs/release.md states for the release files, checked against files built (name →
 * bytes): each stated KiB figure may be off by 0.5 KiB (its rounding) plus 2% (an ADDIN_URL of
 * another length in the manifest and the zip); every release file has a row.
 */
function staleSizes(page: string, built: Map<string, number>): string[] {
  const region = page.slice(page.indexOf(RELEASE_TABLE_START), page.indexOf(RELEASE_TABLE_END));
  const problems: string[] = [];
  const named = new Set<string>();
  for (const line of region.split("\n").filter((l) => l.startsWith("| `"))) {
    const [names, , size] = line.split("|").slice(1, -1).map((c) => c.trim());
    const fileNames = [...names.matchAll(/`([^`]+)`/g)].map((m) => m[1].replace("<version>", VERSION));
    fileNames.forEach((f) => named.add(f));
    const stated = [...size.matchAll(/([\d.]+) KiB/g)].map((m) => Number(m[1]));
    const each = /KiB each/.test(size);
    if (!size) continue;
    fileNames.forEach((f, i) => {
      const kib = each ? stated[0] : stated[i];
      const actual = built.get(f);
      if (actual === undefined) problems.push(`${f}: in the table, not in the release`);
      else if (kib === undefined) problems.push(`${f}: no size stated`);
      else if (Math.abs(kib - actual / 1024) > 0.5 + 0.02 * (actual / 1024)) problems.push(`${f}: the docs say ${kib} KiB, the build gives ${(actual / 1024).toFixed(1)} KiB`);
    });
  }
  for (const f of built.keys()) if (!named.has(f)) problems.push(`${f}: built, not in the table`);
  return problems;
}

describe("docs/release.md states the sizes of the files the release builds", () => {
  const builtSizes = () => new Map(readdirSync(out).map((f) => [f, statSync(join(out, f)).size]));
  const page = readFileSync(join(ROOT, "docs", "release.md"), "utf8");

  it("every size in its table of release files is the built file's (run `npm run release -- --docs` to refresh them)", () => {
    const sizes = builtSizes();
    expect(staleSizes(page, sizes), `the table as the build gives it:\n${releaseTable(VERSION, (f) => sizes.get(f)!)}`).toEqual([]);
  });

  it("the check catches the stale figures the docs once gave: Code.gs 118 KiB, the zip 123 KiB", () => {
    // a control: the sizes docs/release.md stated for 0.1.0 before they came from the build
    const sizes = builtSizes();
    const stale = withReleaseTable(page, releaseTable(VERSION, (f) => (f === files.code ? 118 * 1024 : f === files.addinZip ? 123 * 1024 : sizes.get(f)!)));
    const problems = staleSizes(stale, sizes);
    expect(problems.some((p) => p.startsWith(`${files.code}: the docs say 118 KiB`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`${files.addinZip}: the docs say 123 KiB`))).toBe(true);
    expect(problems.length).toBe(2);
  });

  it("--docs writes the table from the sizes it built, and only the table", () => {
    const sizes = builtSizes();
    const written = withReleaseTable(page, releaseTable(VERSION, (f) => sizes.get(f)!));
    expect(staleSizes(written, sizes)).toEqual([]);
    const outside = (p: string) => p.slice(0, p.indexOf(RELEASE_TABLE_START)) + p.slice(p.indexOf(RELEASE_TABLE_END));
    expect(outside(written)).toBe(outside(page));
  });
});

describe("ADDIN_URL", () => {
  it("defaults to the GitHub Pages address of a GitHub origin (where pages.yml deploys)", () => {
    expect(pagesUrl("https://github.com/Example-Owner/marginal-bid.git")).toBe("https://example-owner.github.io/marginal-bid");
    expect(pagesUrl("git@github.com:Example-Owner/marginal-bid.git")).toBe("https://example-owner.github.io/marginal-bid");
    expect(pagesUrl("https://github.com/owner/owner.github.io")).toBe("https://owner.github.io");
    expect(pagesUrl("https://gitlab.com/owner/marginal-bid.git")).toBeUndefined();
  });

  it("is refused in one line when it is not https, before anything is built", () => {
    const r = runRelease(["--out", join(tmp, "never")], { ADDIN_URL: "http://example.com/jpust" });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe("release: ADDIN_URL = http://example.com/jpust: Office add-ins must be served over https");
    expect(existsSync(join(tmp, "never"))).toBe(false);
  });
});
