import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../src/catalog";

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
});
