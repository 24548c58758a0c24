/**
 * HyperFormula is GPL-3.0 (dual licensed): a development dependency of the demo, the tests and
 * the workbook build, never shipped in the Excel add-in or the Sheets bundle.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./tools";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

describe("HyperFormula stays out of what we ship", () => {
  it("is a devDependency, not a dependency", () => {
    expect(pkg.devDependencies?.hyperformula).toBeDefined();
    expect(pkg.dependencies?.hyperformula).toBeUndefined();
  });

  // Built by `npm run build` (which `npm test` runs first).
  for (const bundle of ["dist/functions.js", "dist/taskpane.js", "apps-script/build/Code.js"]) {
    it(`${bundle} does not contain HyperFormula`, (ctx) => {
      const path = join(ROOT, bundle);
      if (!existsSync(path)) {
        if (process.env.CI === "true" && bundle !== "dist/taskpane.js") throw new Error(`${bundle} is missing: npm test builds it first`);
        ctx.skip(`${bundle} not built (run npm run build)`);
      }
      const text = readFileSync(path, "utf8");
      // HyperFormula's sources carry its licence banner and its class names.
      expect(/handsoncode|hyperformula|gpl-v3/i.test(text), `${bundle} bundles HyperFormula`).toBe(false);
    });
  }
});
