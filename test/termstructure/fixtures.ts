import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * The shared folder of real public data files (see its SOURCES.md). Looked up in
 * $MARGINAL_BID_FIXTURES, then next to the repository, then at /work/shared/fixtures/real.
 */
const CANDIDATES = [process.env.MARGINAL_BID_FIXTURES, resolve(__dirname, "../../fixtures/real"), resolve(__dirname, "../../../shared/fixtures/real"), "/work/shared/fixtures/real"];

/** Contents of a real fixture, or null (with the reason printed) when it is not on this machine. */
export function readRealFixture(name: string): string | null {
  for (const dir of CANDIDATES) {
    if (!dir) continue;
    const path = resolve(dir, name);
    if (existsSync(path)) return readFileSync(path, "utf8");
  }
  console.log(`SKIP: real fixture ${name} not found (looked in ${CANDIDATES.filter(Boolean).join(", ")})`);
  return null;
}

/** A CSV line split on commas, with double quotes removed (the files used here quote no commas). */
export const csvFields = (line: string): string[] => line.split(",").map((f) => f.replace(/^"|"$/g, ""));
