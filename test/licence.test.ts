/**
 * Our licence (MIT, in LICENSE, as package.json says), and the GPL-3.0 development tools that
 * must stay out of what we ship: HyperFormula (the demo, the tests and the workbook build) and
 * the GitHub workflow validator (the tests).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../scripts/generated";

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

describe("our licence", () => {
  it("LICENSE is the MIT licence that package.json names", () => {
    expect(pkg as { license?: string }).toMatchObject({ license: "MIT" });
    const text = readFileSync(join(ROOT, "LICENSE"), "utf8");
    expect(text.split("\n")[0]).toBe("MIT License");
    expect(text).toContain("Permission is hereby granted, free of charge");
  });

  it("the GPL-3.0 workflow validator is a devDependency that no source file imports", () => {
    for (const name of ["@action-validator/cli", "@action-validator/core"]) {
      expect(pkg.devDependencies?.[name], name).toBeDefined();
      expect(pkg.dependencies?.[name], name).toBeUndefined();
    }
    // git grep: exit 1 and no output when no tracked file under src/ mentions it.
    const r = spawnSync("git", ["grep", "-l", "action-validator", "--", "src"], { cwd: ROOT, encoding: "utf8" });
    expect(r.stdout.trim()).toBe("");
    expect(r.status).toBe(1);
  });
});
