/**
 * The real publisher files (FRED, TIC, MoF, the Fed's curves) live outside the repository, in
 * shared/fixtures/real beside the checkout. Each is named after its publisher, file and period
 * (`tic_slt_table5_2025-04_2026-04.txt`: the US Treasury's slt_table5.txt, months 2025-04 to
 * 2026-04), and the tests name the lines they read from it. Tests on them skip
 * with a printed reason where the folder is absent, and fail on CI (`CI=true`), so that a green
 * CI always means the real files were read. `MB_REAL_FIXTURES` points elsewhere.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

export const REAL_DIR = process.env.MB_REAL_FIXTURES ?? resolve(__dirname, "../../../shared/fixtures/real");

const warned = new Set<string>();

/** A real file's bytes, or undefined (the reason printed once) when it is not on this machine; on CI its absence throws. */
export function realFixtureBytes(name: string): Buffer | undefined {
  const p = resolve(REAL_DIR, name);
  if (existsSync(p)) return readFileSync(p);
  if (process.env.CI === "true") throw new Error(`real fixture ${name} not found in ${REAL_DIR}: CI=true needs it (set MB_REAL_FIXTURES to its folder)`);
  if (!warned.has(name)) {
    warned.add(name);
    console.log(`[skip] real fixture ${name} not found in ${REAL_DIR}: tests on it are skipped (set MB_REAL_FIXTURES to its folder)`);
  }
  return undefined;
}

/**
 * A real file for a test that cannot run without it: its bytes, or undefined to skip (the reason
 * printed); on CI (`CI=true`) a missing file fails instead, so a green CI always read it.
 */
export function realFixtureForTest(name: string): Buffer | undefined {
  const bytes = realFixtureBytes(name);
  if (!bytes && process.env.CI === "true") throw new Error(`real fixture ${name} is missing from ${REAL_DIR}: CI needs it (set MB_REAL_FIXTURES)`);
  return bytes;
}
