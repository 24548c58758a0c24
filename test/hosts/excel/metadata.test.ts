import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../../src/catalog";
import { helpFile } from "../../../src/catalog/describe";
import { MAX_EXCEL_TEXT, excelDescription, excelParamDescription } from "../../../src/hosts/excel/generate";
import { ROOT } from "../../../scripts/generated";
import { type FunctionMetadata, ensureDist, readMetadata } from "./dist";

// dist/functions.json is what Excel reads to register the functions. Expected values here come
// from the catalog (the published names and argument order, docs/functions.md) and from the custom-functions-metadata
// Specification (node_modules/custom-functions-metadata/Specification.md: `any[][]` → a
// matrix parameter of type any, an optional parameter → "optional": true).

const GOLDEN = join(ROOT, "test", "hosts", "excel", "functions.golden.json");
const manifestVersion = () => /<Version>([^<]+)<\/Version>/.exec(readFileSync(join(ROOT, "manifest.xml"), "utf8"))![1];

/** The metadata with help URLs on a placeholder host, so that an ADDIN_URL build compares too. */
function normalized(meta: { functions: FunctionMetadata[] }): unknown {
  return {
    ...meta,
    functions: meta.functions.map((f) => ({ ...f, helpUrl: f.helpUrl?.replace(/^.*(\/help\/[^/]+)$/, "<ADDIN_URL>$1") })),
  };
}

describe("dist/functions.json", () => {
  let meta: { functions: FunctionMetadata[] };
  let byId: Map<string, FunctionMetadata>;
  beforeAll(() => {
    ensureDist();
    meta = readMetadata();
    byId = new Map(meta.functions.map((f) => [f.id, f]));
  });

  it("lists every catalog function once, under its published name, and nothing else", () => {
    expect(meta.functions.map((f) => f.id).sort()).toEqual(CATALOG.map((f) => f.name).sort());
    expect(new Set(meta.functions.map((f) => f.id)).size).toBe(meta.functions.length);
    for (const f of meta.functions) expect(f.name, "id and name are both the function's name").toBe(f.id);
  });

  for (const spec of CATALOG) {
    it(`${spec.name}: description, every parameter described, matrices in and out, help URL`, () => {
      const f = byId.get(spec.name);
      expect(f, `${spec.name} is missing from functions.json`).toBeDefined();
      expect(f!.description).toBe(excelDescription(spec));
      // The whole description when it fits Excel's 255 characters, else its first sentences.
      if (spec.description.length <= MAX_EXCEL_TEXT) expect(f!.description).toBe(spec.description);
      else expect(spec.description.startsWith(f!.description!.replace(/ \(more: Help on this function\)$/, ""))).toBe(true);
      expect(f!.description!.length).toBeLessThanOrEqual(MAX_EXCEL_TEXT);
      // Argument names and order are part of the contract (README, "Add a function").
      expect(f!.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
      spec.params.forEach((p, i) => {
        const m = f!.parameters[i];
        expect(m.description, `${spec.name}(${p.name}) has no description`).toBeTruthy();
        expect(m.description).toBe(excelParamDescription(p));
        expect(m.description!.length).toBeLessThanOrEqual(MAX_EXCEL_TEXT);
        // Every argument is declared as a range, a matrix of any (README: every numeric argument takes a
        // value or a range; the argument layer reads the rest).
        expect(m.dimensionality, `${spec.name}(${p.name}) must take a range`).toBe("matrix");
        expect(m.type ?? "any").toBe("any");
        expect(m.optional ?? false, `${spec.name}(${p.name}) optional`).toBe(p.optional ?? false);
        expect(m.repeating ?? false).toBe(false);
      });
      // Results are matrices so that tables and broadcast results spill.
      expect(f!.result.dimensionality).toBe("matrix");
      // Live functions are cancelable (custom-functions-metadata Specification, @cancelable): Excel
      // cancels a call when its cell recalculates or is deleted, and the call aborts its request.
      expect(f!.options?.cancelable ?? false, `${spec.name} cancelable`).toBe(spec.live !== undefined);
      expect(f!.helpUrl).toBe(`https://localhost:3000/help/${helpFile(spec)}`);
    });
  }

  it("matches the committed golden file (regenerate deliberately, with a manifest version bump)", () => {
    const current = normalized(meta);
    const golden = existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, "utf8")) as { manifestVersion: string; metadata: { functions: FunctionMetadata[] } }) : null;
    const same = golden !== null && JSON.stringify(golden.metadata) === JSON.stringify(current);
    if (process.env.UPDATE_GOLDEN === "1") {
      // Excel caches functions.json: a metadata change must ship with a new manifest <Version>.
      if (!same && golden && golden.manifestVersion === manifestVersion()) {
        throw new Error(
          `functions.json changed but manifest.xml <Version> is still ${manifestVersion()}: bump it (Excel caches the metadata), then run UPDATE_GOLDEN=1 again`,
        );
      }
      writeFileSync(GOLDEN, `${JSON.stringify({ manifestVersion: manifestVersion(), metadata: current }, null, 2)}\n`);
      return;
    }
    if (same) return;
    const before = new Map((golden?.metadata.functions ?? []).map((f) => [f.id, JSON.stringify(f)]));
    const after = new Map((current as { functions: FunctionMetadata[] }).functions.map((f) => [f.id, JSON.stringify(f)]));
    const added = [...after.keys()].filter((k) => !before.has(k));
    const removed = [...before.keys()].filter((k) => !after.has(k));
    const changed = [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k));
    expect.fail(
      `dist/functions.json differs from test/hosts/excel/functions.golden.json` +
        `${added.length ? `\n  added: ${added.join(", ")}` : ""}${removed.length ? `\n  REMOVED (breaks saved workbooks: #NAME?/_xldudf_): ${removed.join(", ")}` : ""}` +
        `${changed.length ? `\n  changed: ${changed.join(", ")}` : ""}` +
        `\nIf intended: bump <Version> in manifest.xml, then UPDATE_GOLDEN=1 npx vitest run test/hosts/excel/metadata.test.ts`,
    );
  });

  it("the golden file was written for the manifest version that ships (a metadata change came with a version bump)", () => {
    const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as { manifestVersion: string };
    expect(golden.manifestVersion).toBe(manifestVersion());
  });
});
