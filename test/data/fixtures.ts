/**
 * Fixture access for the data tests. Own fixtures (test/fixtures/data) always exist; the real
 * publisher files (../shared/fixtures/real, read-only, formats in SOURCES.md there) may not:
 * tests on them are skipped with a printed reason.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Reply } from "../../src/core/data/request";
import { SheetError } from "../../src/core/errors";
import { REAL_DIR, realFixtureBytes } from "../helpers/realFixtures";

const here = dirname(fileURLToPath(import.meta.url));

export const OWN_DIR = resolve(here, "../fixtures/data");
export { REAL_DIR };

/** One of our own fixtures, as text (UTF-8, bytes untouched: CRLF stays CRLF). */
export function own(name: string): string {
  return readFileSync(resolve(OWN_DIR, name), "utf8");
}

/** A real publisher file's bytes, or undefined (with the reason printed once) when it is absent. */
export const realBytes = realFixtureBytes;

export const real = (name: string): string | undefined => realBytes(name)?.toString("utf8");
export const hasReal = (name: string): boolean => realBytes(name) !== undefined;

/** Replies in plan order: DGS10, THREEFYTP10, DEXJPUS, DGS3MO, TIC, MoF current, MoF history. */
export function fixtureReplies(): Reply[] {
  return [
    own("fred_DGS10_desc.json"),
    own("fred_THREEFYTP10_desc.json"),
    own("fred_DEXJPUS_desc.json"),
    own("fred_DGS3MO_desc.json"),
    own("tic_slt_table5_small.txt"),
    own("mof_jgbcme_small.csv"),
    own("mof_jgbcme_all_small.csv"),
  ];
}


/** The SheetError a call throws; fails the test when it throws nothing or something else. */
export function thrown(f: () => unknown): SheetError {
  try {
    f();
  } catch (e) {
    if (e instanceof SheetError) return e;
    throw e;
  }
  throw new Error("expected a SheetError");
}
