import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, allGeneratedFiles } from "../scripts/generated";

// Every file generated from the function table must match a fresh generation:
// a stale wrapper, JSDoc stub or reference page fails here (fix: `npm run generate`).
describe("generated files are up to date with the function table", async () => {
  const files = await allGeneratedFiles();
  it("there are generated files", () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const f of files) {
    it(f.path, () => {
      const path = join(ROOT, f.path);
      expect(existsSync(path), `${f.path} is missing: run npm run generate`).toBe(true);
      expect(readFileSync(path, "utf8"), `${f.path} is stale: run npm run generate`).toBe(f.content);
    });
  }
});
