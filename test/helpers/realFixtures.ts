/**
 * The real publisher files (FRED, TIC, MoF, the Fed's curves, the NY Fed's term premia) are
 * committed in test/fixtures/real, each described in its README.md: publisher, address, where our
 * copy came from, what was trimmed. Each is named after its publisher, file and period
 * (`tic_slt_table5_2025-04_2026-04.txt`: the US Treasury's slt_table5.txt, months 2025-04 to
 * 2026-04), and the tests name the lines they read from it. A missing file is an error, on every
 * machine: the tests on real data never skip.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

export const REAL_DIR = resolve(__dirname, "../fixtures/real");

/** A real file's bytes, exactly as committed (CRLF and Shift_JIS untouched); a missing file throws. */
export function realFixtureBytes(name: string): Buffer {
  const p = resolve(REAL_DIR, name);
  if (!existsSync(p)) throw new Error(`real fixture ${name} is not in ${REAL_DIR}: it is committed there (see its README.md)`);
  return readFileSync(p);
}
