/**
 * Fixture access for the data tests: our own fixtures (test/fixtures/data) and the real
 * publisher files (test/fixtures/real, ./realFixtures.ts). Both are committed; a missing one throws.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DataRequest, Reply } from "../../src/sources/request";
import { SheetError } from "../../src/core/errors";
import { REAL_DIR, realFixtureBytes } from "./realFixtures";

const here = dirname(fileURLToPath(import.meta.url));

export const OWN_DIR = resolve(here, "../fixtures/data");
export { REAL_DIR };

/** One of our own fixtures, as text (UTF-8, bytes untouched: CRLF stays CRLF). */
export function own(name: string): string {
  return readFileSync(resolve(OWN_DIR, name), "utf8");
}

/** A real publisher file's bytes. */
export const realBytes = realFixtureBytes;

/** A real publisher file as UTF-8 text (the ASCII and UTF-8 ones; CRLF stays CRLF). */
export const real = (name: string): string => realBytes(name).toString("utf8");

/**
 * A real MoF file published in cp932, decoded as a host does. The WHATWG "shift_jis" decoder is
 * Windows-31J (cp932): ①②③ decode, and 0x8160 becomes U+FF5E as in Windows.
 */
export const realCp932 = (name: string): string => new TextDecoder("shift_jis").decode(realBytes(name));

/** Replies in plan order: DGS10, THREEFYTP10, DEXJPUS, DGS3MO, TIC, MoF current, MoF history. */
export function fixtureReplies(): (string | SheetError)[] {
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


/** Our fixture for each request a live function plans, by its label. */
const FIXTURE_BY_LABEL: Record<string, string> = {
  "FRED DGS10": "fred_DGS10_desc.json",
  "FRED DGS3MO": "fred_DGS3MO_desc.json",
  "FRED THREEFYTP10": "fred_THREEFYTP10_desc.json",
  "FRED DEXJPUS": "fred_DEXJPUS_desc.json",
  "FRED T5YIE": "fred_T5YIE_asc.json",
  "FRED T5YIE (units)": "fred_series_T5YIE.json",
  "FRED EXJPUS": "fred_EXJPUS_desc.json",
  "FRED EXJPUS (units)": "fred_series_EXJPUS.json",
  "US Treasury TIC slt_table5.txt": "tic_slt_table5_small.txt",
  "Japan MoF jgbcme.csv": "mof_jgbcme_small.csv",
  "Japan MoF jgbcme_all.csv": "mof_jgbcme_all_small.csv",
  "US Treasury TIC mfhhis01.txt": "tic_mfh_legacy_small.txt",
  // Synthetic, in the Ministry's layout (numbers made up), UTF-8 as the proxy serves it.
  "Japan MoF week.csv": "mof_week_small.csv",
};

/** The reply a request gets in the data tests: its fixture, or FRED's "unknown series" for any other. */
export const fixtureReply = (r: DataRequest): Reply => (FIXTURE_BY_LABEL[r.label] ? own(FIXTURE_BY_LABEL[r.label]) : new SheetError("na", `${r.label}: unknown series`));

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

/**
 * The first four columns of CHECKPOINTS computed from our fixtures (fixtureReplies): each
 * value is traced to its fixture file and line in test/live/checkpoints.test.ts. The
 * end-to-end tests expect the same panel whatever path the replies take.
 */
export const FIXTURE_PANEL: readonly (readonly (string | number)[])[] = [
  ["indicator", "latest", "as_of", "change_1m"],
  ["us_10y", 0.0469, "2026-08-06", 0.0028],
  ["term_premium_10y", 0.008512, "2026-08-06", 0.0015],
  ["usd_jpy", 147.25, "2026-08-06", 3.15],
  ["jgb_10y", 0.0165, "2026-08-05", 0.0013],
  ["hedged_ust_10y", 0.0129, "2026-08-05", 0.0042],
  ["japan_holdings_bn", 1209.9, "2026-04", 18.3],
  ["japan_holdings_change_12m_bn", 75.4, "2026-04", ""],
  ["scenario", "B", "2026-08-06", ""],
];
