/**
 * End to end, the Sheets path: the BUILT apps-script/build/Code.js in a fresh vm context (as Apps
 * Script evaluates it) with stand-ins for UrlFetchApp (synchronous, via a child process),
 * CacheService, PropertiesService, SpreadsheetApp, Session and Utilities (test/live/appsScript.ts),
 * the upstreams pointed at mock servers on 127.0.0.1 (test/helpers/upstreams.ts, in a process of their
 * own: test/live/upstreamsProcess.ts) through the test-only script property
 * MARGINAL_BID_TEST_UPSTREAMS. No network beyond 127.0.0.1 (the UrlFetchApp stand-in refuses it).
 *
 * Expected values come from our fixtures (test/fixtures/data, lines named) and the
 * reference (docs/functions.md, "Live checkpoints"); messages from src/sources/check.ts (checkFetch) as a user reads them.
 */
import { FIXTURE_PANEL } from "../helpers/dataFixtures";
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/generated";
import { testEndpoints } from "../../src/hosts/sheets/fetcher";
import { localToday } from "../../src/hosts/excel/fetcher";
import { MOF_WEEKLY_PATH, TIC_HISTORY_PATH, request } from "../helpers/upstreams";
import { loadCode, thrown } from "../hosts/sheets/helpers";
import { type SheetsWorld, sheetsWorld, uiStandIn, utilitiesStandIn } from "./appsScript";
import { expectedFlows, expectedHedgeHistory } from "./history";

const KEY = "0123456789abcdef0123456789abcdef"; // a test key: FRED keys are 32 lower-case letters and digits
const OBS = "/fred/series/observations";
const TIC = "/resource-center/data-chart-center/tic/Documents/slt_table5.txt";
const MOF_CURRENT = "/english/policy/jgbs/reference/interest_rate/jgbcme.csv";
const HOUR = 3600_000;

let child: ChildProcessWithoutNullStreams;
let endpoints: Record<string, string>;
/** The same sources with FRED DGS10/DGS3MO, slt_table5 and the MoF history from the publishers' real files. */
let realEndpoints: Record<string, string>;
let control: string;

beforeAll(async () => {
  child = spawn(process.execPath, ["--import", "tsx", "test/live/upstreamsProcess.ts"], { cwd: ROOT, env: { PATH: process.env.PATH, FRED_KEY: KEY } });
  let out = "";
  const started = await new Promise<{ endpoints: Record<string, string>; realEndpoints: Record<string, string>; control: string }>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`the mock upstreams did not start: ${out}`)), 30_000);
    child.stdout.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line && out.includes("\n")) {
        clearTimeout(t);
        resolve(JSON.parse(line));
      }
    });
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => reject(new Error(`the mock upstreams exited (${code}): ${out}`)));
  });
  endpoints = started.endpoints;
  realEndpoints = started.realEndpoints;
  control = started.control;
}, 60_000);

afterAll(async () => {
  if (!child) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.stdin.end();
  await exited;
});

/** What the mock servers received (request targets, FRED's with the key). */
async function received(): Promise<{ fred: string[]; tic: string[]; mof: string[] }> {
  return JSON.parse((await request(`${control}/received`)).body);
}
const count = (targets: string[], path: string, q = "") => targets.filter((t) => t.startsWith(path + "?") || t === path).filter((t) => t.includes(q)).length;

async function fail(server: "fred" | "tic" | "mof", path: string, how: string): Promise<void> {
  const r = await request(`${control}/fail?server=${server}&path=${encodeURIComponent(path)}&how=${how}`, { method: "POST" });
  expect(r.status).toBe(200);
}

/** Code.js loaded with a world's services, the context's Date.now on the world's clock. */
function liveCode(w: SheetsWorld) {
  const code = loadCode(w.globals);
  code.run("Date.now = function () { return __clock.t; };");
  return code;
}

/** A spreadsheet in Tokyo with a FRED key set through the menu's document property. */
function tokyo(withKey = true): SheetsWorld {
  const w = sheetsWorld({ timeZone: "Asia/Tokyo", endpoints });
  if (withKey) w.documentProperties.setProperty("FRED_API_KEY", KEY);
  return w;
}

describe("Sheets: the live functions in Code.js against the mock sources", () => {
  it("happy path: FRED, TIC_HOLDINGS, TIC_CHANGE, JGB_YIELD give the sources' numbers as decimals / USD bn", () => {
    const w = tokyo();
    const code = liveCode(w);
    expect(code.fn("FRED")("DGS10")).toBe(0.0469); // fred_DGS10_desc.json line 2: 4.69 (percent → decimal: docs/functions.md, FRED)
    expect(code.fn("TIC_HOLDINGS")("Japan")).toBe(1209.9); // tic_slt_table5_small.txt line 7, 2026-04
    expect(code.fn("TIC_CHANGE")("Japan", 12)).toBe(75.4); // line 7: 1209.9 − 1134.5 (2025-04)
    expect(code.fn("JGB_YIELD")(10)).toBe(0.0165); // mof_jgbcme_small.csv line 5: 10Y 1.65 on 2026/8/5
    expect(w.fetch.refused).toEqual([]);
    expect(w.fetch.unmuted).toEqual([]); // every request with muteHttpExceptions: true
  });

  it("CHECKPOINTS spills the §6 panel from the three sources", () => {
    const w = tokyo();
    const t = liveCode(w).fn("CHECKPOINTS")() as unknown[][];
    // Values as in test/live/checkpoints.test.ts (fixture lines named there); as_of stays text (docs/functions.md, CHECKPOINTS: YYYY-MM-DD / YYYY-MM)
    expect(t.map((r) => r.slice(0, 4))).toEqual(FIXTURE_PANEL);
    // One UrlFetchApp.fetchAll batch for the seven requests (4 FRED, TIC, 2 MoF).
    expect(w.fetch.batches).toBe(1);
    expect(w.fetch.urls).toHaveLength(7);
  });

  it("FRED_SERIES spills Dates at midnight in the spreadsheet's zone (Tokyo), oldest first", () => {
    const w = tokyo();
    const code = liveCode(w);
    const t = code.fn("FRED_SERIES")("T5YIE", "2026-07-01", "2026-07-31") as unknown[][];
    // fred_T5YIE_asc.json: 2026-07-01 2.31, 2026-07-02 "." (skipped), 2026-07-06 2.35; 2026-08-06 is after `end`.
    // Units Percent from fred_series_T5YIE.json (asked for: T5YIE is not in KNOWN_UNITS) → decimals.
    expect(t[0]).toEqual(["date", "value"]);
    expect(t.slice(1).map((r) => r[1])).toEqual([0.0231, 0.0235]);
    // Midnight in Tokyo (UTC+9, no DST) is 15:00 UTC the day before.
    expect(t.slice(1).map((r) => (r[0] as Date).toISOString())).toEqual(["2026-06-30T15:00:00.000Z", "2026-07-05T15:00:00.000Z"]);
  });

  it("a date cell is read as its day in the spreadsheet's zone: 2026-08-06 in Tokyo is not 2026-08-05", () => {
    const w = tokyo();
    const code = liveCode(w);
    // Sheets passes a date cell as a Date at midnight in the spreadsheet's zone: 2026-08-06 00:00 JST = 2026-08-05 15:00 UTC.
    const aug6 = code.run("new Date(Date.UTC(2026, 7, 5, 15))");
    // fred_DGS10_desc.json: 2026-08-06 4.69; (2026-08-05 is "." so a UTC reading would give 2026-08-04's 4.63)
    expect(code.fn("FRED")("DGS10", aug6)).toBe(0.0469);
    const aug5 = code.run("new Date(Date.UTC(2026, 7, 4, 15))"); // 2026-08-05 JST: "." → the last before, 2026-08-04 4.63
    expect(code.fn("FRED")("DGS10", aug5)).toBe(0.0463);
    expect(code.fn("JGB_YIELD")(10, code.run("new Date(Date.UTC(2026, 7, 3, 15))"))).toBe(0.0163); // mof_jgbcme_small.csv line 4: 2026/8/4 10Y 1.63
  });

  it("the second call is served from the document cache, in the same execution and in a new one", async () => {
    const w = tokyo();
    const before = count((await received()).fred, OBS, "series_id=DEXJPUS");
    expect(liveCode(w).fn("FRED")("DEXJPUS")).toBe(147.25); // fred_DEXJPUS_desc.json line 2 (JPY per USD, as published)
    const code2 = liveCode(w); // a new execution: a fresh global scope, the same CacheService
    expect(code2.fn("FRED")("DEXJPUS")).toBe(147.25);
    expect(code2.fn("FRED")("DEXJPUS")).toBe(147.25);
    expect(count((await received()).fred, OBS, "series_id=DEXJPUS") - before).toBe(1);
    expect(w.fetch.urls).toHaveLength(1);
    // The stored entry holds no key (the cache key is the data's identity).
    expect([...w.cache.map.keys()].join(" ")).not.toContain(KEY);
  });

  it("the big MoF history is split over several cache entries of at most 100 KB, and read back", () => {
    const w = tokyo();
    const code = liveCode(w);
    expect(code.fn("JGB_YIELD")(10)).toBe(0.0165);
    const fetched = w.fetch.urls.length;
    expect(liveCode(w).fn("JGB_YIELD")(2)).toBe(0.0113); // mof_jgbcme_small.csv line 5: 2Y 1.13, from the cache
    expect(w.fetch.urls.length).toBe(fetched);
  });
});

describe("Sheets: failing sources give #N/A with the source and the reason", () => {
  it("upstream 429 → #N/A naming FRED, the status and FRED's limit", async () => {
    const w = tokyo();
    await fail("fred", OBS, "429");
    try {
      const e = thrown(() => liveCode(w).fn("FRED")("DGS3MO"));
      expect(e.name).toBe("Error"); // Sheets shows #ERROR! with this message (docs/sheets.md: a single result that fails shows #ERROR!)
      expect(e.message).toBe("#N/A FRED DGS3MO: HTTP 429 too many requests (FRED allows 120 requests a minute per key)");
    } finally {
      await fail("fred", OBS, "clear");
    }
  });

  it("upstream 500 → #N/A naming the TIC table", async () => {
    const w = tokyo();
    await fail("tic", TIC, "500");
    try {
      expect(thrown(() => liveCode(w).fn("TIC_HOLDINGS")("Japan")).message).toBe("#N/A US Treasury TIC slt_table5.txt: HTTP 500 server error");
    } finally {
      await fail("tic", TIC, "clear");
    }
  });

  it("upstream garbage (a 200 maintenance page) → #N/A 'unparseable reply', never a number, never cached", async () => {
    const w = tokyo();
    await fail("mof", MOF_CURRENT, "garbage");
    try {
      const e = thrown(() => liveCode(w).fn("JGB_YIELD")(10));
      expect(e.message).toMatch(/^#N\/A Japan MoF jgbcme\.csv: unparseable reply: /);
    } finally {
      await fail("mof", MOF_CURRENT, "clear");
    }
    expect(liveCode(w).fn("JGB_YIELD")(10)).toBe(0.0165); // the garbage was not stored
  });

  it("inside CHECKPOINTS a failing source spoils only its rows, as #N/A text", async () => {
    const w = tokyo();
    await fail("tic", TIC, "500");
    try {
      const t = liveCode(w).fn("CHECKPOINTS")() as unknown[][];
      const row = (name: string) => t.find((r) => r[0] === name)!;
      expect(row("japan_holdings_bn")[1]).toBe("#N/A US Treasury TIC slt_table5.txt: HTTP 500 server error");
      expect(row("us_10y")[1]).toBe(0.0469); // fred_DGS10_desc.json line 2
    } finally {
      await fail("tic", TIC, "clear");
    }
  });

  it("a source that cannot be reached → #N/A 'unreachable', the key never in the message", () => {
    // FRED's base pointed at 127.0.0.1 port 9 (discard), where nothing listens in the test: the connection is refused.
    const w = sheetsWorld({ timeZone: "Asia/Tokyo", endpoints: { ...endpoints, fred: "http://127.0.0.1:9" } });
    w.documentProperties.setProperty("FRED_API_KEY", KEY);
    const e = thrown(() => liveCode(w).fn("FRED")("DGS10"));
    // UrlFetchApp's exception quotes the URL with its query (the key): the cell shows it without the query.
    expect(e.message).toBe("#N/A FRED DGS10: unreachable (Exception: Address unavailable: http://127.0.0.1:9/fred/series/observations?…)");
    expect(e.message).not.toContain(KEY);
  });

  it("stale cache served: after FRED's 4 h the copy stands in while FRED fails, until CacheService drops it at 6 h", async () => {
    const w = tokyo();
    const code = liveCode(w);
    expect(code.fn("FRED")("THREEFYTP10")).toBe(0.008512); // fred_THREEFYTP10_desc.json line 2: 0.8512 (percent → decimal)
    await fail("fred", OBS, "500");
    try {
      w.clock.t += 5 * HOUR; // past maxAge (4 h, src/sources/fred.ts FRED_AGES.observations), within CacheService's 6 h
      const asked = count((await received()).fred, OBS, "series_id=THREEFYTP10");
      expect(liveCode(w).fn("FRED")("THREEFYTP10")).toBe(0.008512);
      expect(count((await received()).fred, OBS, "series_id=THREEFYTP10") - asked).toBe(1); // it did ask FRED
      w.clock.t += 2 * HOUR; // 7 h: CacheService has dropped the entry (TTL capped at 21600 s)
      expect(thrown(() => liveCode(w).fn("FRED")("THREEFYTP10")).message).toBe("#N/A FRED THREEFYTP10: HTTP 500 server error");
    } finally {
      await fail("fred", OBS, "clear");
    }
  });

  it("unknown series → #N/A naming it (FRED's own words)", () => {
    const w = tokyo();
    // fred_error_unknown_series_400.json: "Bad Request.  The series does not exist."
    expect(thrown(() => liveCode(w).fn("FRED")("NOSUCH1")).message).toBe(
      '#N/A FRED NOSUCH1: unknown series: FRED says "The series does not exist." Check the id on fred.stlouisfed.org',
    );
  });

  it("too many arguments → #VALUE! saying so, nothing fetched (as every function: docs/functions.md)", () => {
    const w = tokyo();
    expect(thrown(() => liveCode(w).fn("FRED")("DGS10", "", KEY, 1, 2)).message).toBe("#VALUE! FRED takes at most 4 arguments, got 5");
    expect(w.fetch.urls).toEqual([]);
  });

  it("an unknown country or tenor → #N/A naming it", () => {
    const w = tokyo();
    const code = liveCode(w);
    expect(thrown(() => code.fn("TIC_HOLDINGS")("Atlantis")).message).toMatch(/^#N\/A .*Atlantis/);
    expect(thrown(() => code.fn("JGB_YIELD")(11)).message).toMatch(/^#N\/A .*11/);
  });
});

describe("Sheets: Refresh live data (menu)", () => {
  /** The spreadsheet as the menu item sees it: cells by A1 address on one sheet, and the toasts shown. */
  function withCells(w: SheetsWorld, cells: Record<string, { value?: unknown; formula?: string }>) {
    const toasts: string[] = [];
    const col = (ref: string) => ref.charCodeAt(0) - 64;
    const range = (ref: string) => ({
      getFormula: () => cells[ref]?.formula ?? "",
      offset: (dr: number, dc: number) => range(`${String.fromCharCode(64 + col(ref) + dc)}${Number(ref.slice(1)) + dr}`),
      setValue: (v: unknown) => void (cells[ref] = { value: v }),
    });
    const finder = (text: string) => {
      const f = {
        entire: false,
        matchEntireCell: (yes: boolean) => ((f.entire = yes), f),
        matchCase: () => f,
        findAll: () => Object.keys(cells).filter((ref) => String(cells[ref].value ?? "").toLowerCase() === text.toLowerCase() && f.entire).map(range),
      };
      return f;
    };
    const tz = (w.globals.SpreadsheetApp as { getActiveSpreadsheet: () => { getSpreadsheetTimeZone: () => string } }).getActiveSpreadsheet().getSpreadsheetTimeZone();
    w.globals.SpreadsheetApp = {
      getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => tz, createTextFinder: finder, toast: (m: string) => void toasts.push(m) }),
    };
    return { cells, toasts };
  }

  it("asks the source again though the cached copy is fresh, and sets the refresh cell to now", async () => {
    const w = tokyo();
    // The live model's K3:L3 (src/model/modelSheet.ts): the label, and the cell its live formulas pass as refresh.
    const sheet = withCells(w, { K3: { value: "live data refreshed at" } });
    const asked = async () => count((await received()).fred, OBS, "series_id=DEXJPUS");
    const before = await asked();
    expect(liveCode(w).fn("FRED")("DEXJPUS")).toBe(147.25); // fred_DEXJPUS_desc.json line 2
    expect(liveCode(w).fn("FRED")("DEXJPUS", "", "", 1)).toBe(147.25); // cached (fresh 4 h): nothing asked
    expect((await asked()) - before).toBe(1);

    w.clock.t += 60_000; // a minute later: the menu item
    liveCode(w).fn("refreshLiveData")();
    const stamp = w.clock.t;
    expect(w.documentProperties.getProperty("MARGINAL_BID_REFRESHED_AT")).toBe(String(stamp));
    expect((sheet.cells.L3.value as Date).getTime()).toBe(stamp);
    expect(sheet.toasts).toEqual(["Live formulas that pass a refresh cell (1 set to now) fetch again. Others: select them, Delete, then Undo."]);

    // Sheets computes the cells that pass L3 again: the copy from before the refresh is not served.
    expect(liveCode(w).fn("FRED")("DEXJPUS", "", "", sheet.cells.L3.value)).toBe(147.25);
    expect((await asked()) - before).toBe(2);
    // What was fetched after the refresh is cached as usual.
    expect(liveCode(w).fn("FRED")("DEXJPUS", "", "", sheet.cells.L3.value)).toBe(147.25);
    expect((await asked()) - before).toBe(2);
  });

  it("leaves a refresh cell that holds a formula alone, and says so when there is no refresh cell", () => {
    const w = tokyo();
    const sheet = withCells(w, { A1: { value: "Live data refreshed at" }, B1: { formula: "=NOW()" } });
    liveCode(w).fn("refreshLiveData")();
    expect(sheet.cells.B1).toEqual({ formula: "=NOW()" });
    expect(sheet.toasts[0]).toContain('No cell reads "live data refreshed at"');
    expect(w.documentProperties.getProperty("MARGINAL_BID_REFRESHED_AT")).toBe(String(w.clock.t)); // the sources are asked again all the same
  });
});

describe("Sheets: the FRED key", () => {
  it("no key → #N/A saying how to set one, and nothing is fetched", () => {
    const w = tokyo(false);
    const e = thrown(() => liveCode(w).fn("FRED")("DGS10"));
    expect(e.message).toBe(
      "#N/A FRED needs an API key: get a free one at https://fred.stlouisfed.org/docs/api/api_key.html, then set it with the menu marginal-bid → Set FRED API key (or pass it as the api_key argument)",
    );
    expect(w.fetch.urls).toEqual([]);
  });

  it("no key: CHECKPOINTS still fills the TIC and MoF rows", () => {
    const w = tokyo(false);
    const t = liveCode(w).fn("CHECKPOINTS")() as unknown[][];
    const row = (name: string) => t.find((r) => r[0] === name)!;
    expect(row("us_10y")[1]).toMatch(/^#N\/A FRED needs an API key/);
    expect(row("jgb_10y")[1]).toBe(0.0165); // mof_jgbcme_small.csv line 5
    expect(row("japan_holdings_bn")[1]).toBe(1209.9); // tic_slt_table5_small.txt line 7
    expect(w.fetch.urls.some((u) => u.includes("/fred/"))).toBe(false);
  });

  it("the api_key argument works without the document property", () => {
    const w = tokyo(false);
    expect(liveCode(w).fn("FRED")("DGS10", "", KEY)).toBe(0.0469);
  });

  it("a refused key → #N/A saying so, without the key", () => {
    const w = tokyo();
    const bad = "ffffffffffffffffffffffffffffffff";
    const e = thrown(() => liveCode(w).fn("FRED")("DGS10", "", bad));
    expect(e.message).toMatch(/^#N\/A FRED DGS10: FRED refused the API key/); // fred_error_bad_key_400.json
    expect(e.message).not.toContain(bad);
  });

  it("the key goes to FRED only, never to the TIC or MoF servers", async () => {
    const w = tokyo();
    const before = await received();
    liveCode(w).fn("CHECKPOINTS")();
    const after = await received();
    const fred = after.fred.slice(before.fred.length);
    expect(fred).toHaveLength(4); // DGS10, THREEFYTP10, DEXJPUS, DGS3MO (a new cache: all asked)
    expect(fred.every((t) => t.startsWith(OBS) && t.endsWith(`&api_key=${KEY}`))).toBe(true);
    expect([...after.tic.slice(before.tic.length), ...after.mof.slice(before.mof.length)]).toHaveLength(3);
    expect([...after.tic, ...after.mof].some((t) => t.includes("api_key"))).toBe(false);
  });

  it('"Set FRED API key" stores it in the document properties; a malformed key is refused; an empty answer removes it', () => {
    const w = tokyo(false);
    /** Run the menu item with the prompt answered; what the user was shown (prompt, then alerts). */
    const run = (text: string, ok = true) => {
      const { ui, shown } = uiStandIn({ text, ok });
      (w.globals.SpreadsheetApp as { getUi: () => unknown }).getUi = () => ui;
      liveCode(w).fn("setFredApiKey")();
      return shown.map((s) => s.text);
    };
    const first = run(` ${KEY} `);
    expect(first[0]).toContain("every editor of the spreadsheet can read it"); // who can read it, said at the prompt
    expect(first[1]).toMatch(/^Saved\./);
    expect(w.documentProperties.getProperty("FRED_API_KEY")).toBe(KEY);
    expect(liveCode(w).fn("FRED")("DGS10")).toBe(0.0469); // fred_DGS10_desc.json line 2
    expect(run("not-a-key")[1]).toMatch(/does not look like a FRED API key/);
    expect(w.documentProperties.getProperty("FRED_API_KEY")).toBe(KEY);
    expect(run(`x${KEY.slice(1)}`, false)).toHaveLength(1); // cancelled: the prompt only, nothing changed
    expect(w.documentProperties.getProperty("FRED_API_KEY")).toBe(KEY);
    expect(run("")[1]).toMatch(/removed/);
    expect(w.documentProperties.getProperty("FRED_API_KEY")).toBeNull();
  });
});

describe("the test-only upstream override cannot redirect production requests", () => {
  it("accepts only http://127.0.0.1 / localhost servers", () => {
    expect(testEndpoints(null)).toBeUndefined();
    expect(testEndpoints(JSON.stringify({ fred: "http://127.0.0.1:4000" }))).toEqual({ fred: "http://127.0.0.1:4000" });
    for (const bad of ["https://evil.example.com", "http://127.0.0.1.evil.com:80", "http://10.0.0.1:80", "http://127.0.0.1:80?x=1"]) {
      expect(() => testEndpoints(JSON.stringify({ fred: bad })), bad).toThrow();
    }
  });
});

describe("Sheets: HEDGE_HISTORY and JAPAN_FLOWS on the publishers' real files", () => {
  // The mocks serve FRED DGS10 (the API's JSON) and DGS3MO (FRED's download CSV rewritten as the API's JSON: only the CSV is in
  // the fixtures), the MoF JGB history, mfhhis01.txt, slt_table5.txt and week.csv as published (test/helpers/upstreams.ts realEndpoints).
  const world = (withKey = true) => {
    const w = sheetsWorld({ timeZone: "Asia/Tokyo", endpoints: realEndpoints });
    if (withKey) w.documentProperties.setProperty("FRED_API_KEY", KEY);
    return w;
  };
  /** A spilled table with its Dates read back as their days in Tokyo (Dates made in the vm: another realm). */
  const tokyoDays = (t: unknown[][]) =>
    t.map((row) => row.map((c) => (c !== null && typeof c === "object" && typeof (c as Date).getTime === "function" ? utilitiesStandIn.formatDate(c as Date, "Asia/Tokyo", "yyyy-MM-dd") : c)));
  /** The core's table as Sheets shows it: errors as their text. */
  const shown = (t: unknown[][]) => t.map((row) => row.map((c) => (c instanceof Error ? String(c) : c)));
  const WEEK_LABEL = "Japan MoF week.csv";

  it("HEDGE_HISTORY 2000-03 .. 2024-07: the core's table on the same files, months as Dates at midnight in Tokyo", () => {
    const w = world();
    const t = liveCode(w).fn("HEDGE_HISTORY")("2000-03", "2024-07") as unknown[][];
    expect(tokyoDays(t)).toEqual(shown(expectedHedgeHistory("2000-03", "2024-07", localToday())));
    expect(t).toHaveLength(1 + 293);
    // Read by hand (lines named in test/live/hedgeHistory.test.ts): 2000-03 DGS10 6.03, DGS3MO 5.88, MoF 1Y 0.256 and 10Y 1.776,
    // mfhhis01 Japan Mar 2000 307.6 (no month a year before); 2024-07 DGS10 4.09, DGS3MO 5.41, MoF 1Y 0.275 and 10Y 1.07, Japan 1093.5 − 1111.8.
    expect(tokyoDays(t)[1]).toEqual(["2000-03-31", 0.0603, 0.0588, 0.00256, 0.05624, 0.00406, 0.01776, 0.0137, 307.6, ""]);
    expect(tokyoDays(t)[293]).toEqual(["2024-07-31", 0.0409, 0.0541, 0.00275, 0.05135, -0.01045, 0.0107, 0.02115, 1093.5, -18.3]);
    expect((t[1][0] as Date).toISOString()).toBe("2000-03-30T15:00:00.000Z"); // midnight in Tokyo (UTC+9)
    console.log(`Sheets HEDGE_HISTORY("2000-03", "2024-07") on the real files:\n${[t[0], tokyoDays(t)[1], tokyoDays(t)[293]].map((r) => r.join("\t")).join("\n")}`);
    // One fetchAll batch: DGS10 and DGS3MO over the window (with the key), the two MoF files, the two TIC files; all UTF-8.
    expect(w.fetch.batches).toBe(1);
    expect(w.fetch.urls).toHaveLength(6);
    const fred = w.fetch.urls.filter((u) => u.includes("/fred/"));
    expect(fred.map((u) => new URL(u).searchParams.get("series_id"))).toEqual(["DGS10", "DGS3MO"]);
    for (const u of fred) expect(u).toContain(`observation_start=2000-03-01&observation_end=2024-07-31&sort_order=asc&api_key=${KEY}`);
    expect(w.fetch.decoded.map((d) => d.charset)).toEqual(Array(6).fill(undefined));
  });

  it("JAPAN_FLOWS() reads week.csv as Windows-31J: the last 13 weeks, oldest first, Dates in Tokyo, JPY bn", () => {
    const w = world(false); // the MoF needs no key
    const t = liveCode(w).fn("JAPAN_FLOWS")() as unknown[][];
    expect(tokyoDays(t)).toEqual(expectedFlows(13, "foreign_bonds"));
    // week.csv line 1147 (2026．9．6～9．12): long-term debt net "10,829 " → 1,082.9 bn; sum_4w lines 1144–1147 → −1,606.5 (test/live/japanFlows.test.ts)
    expect(tokyoDays(t)[13].slice(0, 4)).toEqual(["2026-09-06", "2026-09-12", 1082.9, -1606.5]);
    // The 13-week sum of the last row is the sum of the 13 weeks shown.
    expect(t[13][4]).toBeCloseTo((t.slice(1) as number[][]).reduce((a, r) => a + r[2], 0), 9);
    console.log(`Sheets JAPAN_FLOWS(): Japan's net purchases of foreign bonds over the 13 weeks to 2026-09-12: JPY ${t[13][4]} bn`);
    expect(w.fetch.decoded).toEqual([{ url: realEndpoints.mofFlowsWeekly, charset: "Windows-31J" }]);
  });

  /** A world whose UrlFetchApp replies decode with `charset` whatever the code asks: what a Code.js that got the charset wrong would read. */
  const readingAs = (charset: string | undefined) => {
    const w = world(false);
    const real = w.fetch;
    const forced = (r: { getResponseCode(): number; getContentText(c?: string): string }) => ({ getResponseCode: () => r.getResponseCode(), getContentText: () => r.getContentText(charset) });
    w.globals.UrlFetchApp = {
      fetch: (url: string, params: object) => forced(real.fetch(url, params)),
      fetchAll: (requests: { url: string }[]) => real.fetchAll(requests).map(forced),
    };
    return liveCode(w);
  };

  it("the charset matters: read without one, week.csv is refused as wrongly decoded (never a number); Java's Shift_JIS reads the same weeks", () => {
    expect(thrown(() => readingAs(undefined).fn("JAPAN_FLOWS")()).message).toBe(
      `#N/A ${WEEK_LABEL}: unparseable reply: the file holds U+FFFD replacement characters: it was decoded with the wrong encoding (it is cp932, Windows-31J)`,
    );
    // Java's plain Shift_JIS: ①②③ of the footnotes become U+FFFD and the wave dash U+301C (test/helpers/javaCharsets.ts); the weeks read the same.
    expect(tokyoDays(readingAs("Shift_JIS").fn("JAPAN_FLOWS")(52) as unknown[][])).toEqual(expectedFlows(52, "foreign_bonds"));
  });

  it("source down → JAPAN_FLOWS #N/A naming week.csv; in HEDGE_HISTORY a failing file spoils only its own cells", async () => {
    await fail("mof", MOF_WEEKLY_PATH, "500");
    await fail("tic", TIC_HISTORY_PATH, "500");
    try {
      expect(thrown(() => liveCode(world()).fn("JAPAN_FLOWS")()).message).toBe(`#N/A ${WEEK_LABEL}: HTTP 500 server error`);
      const t = tokyoDays(liveCode(world()).fn("HEDGE_HISTORY")("2024-06", "2024-07") as unknown[][]);
      // mfhhis01.txt alone holds 2024 (slt_table5 starts in 2025-04): the holdings and their change are its #N/A; the rates fill.
      expect(t[2].slice(8)).toEqual(Array(2).fill("#N/A US Treasury TIC mfhhis01.txt: HTTP 500 server error"));
      expect(t[2].slice(0, 8)).toEqual(["2024-07-31", 0.0409, 0.0541, 0.00275, 0.05135, -0.01045, 0.0107, 0.02115]);
    } finally {
      await fail("mof", MOF_WEEKLY_PATH, "clear");
      await fail("tic", TIC_HISTORY_PATH, "clear");
    }
  });

  it("garbage (a 200 maintenance page) → #N/A 'unparseable reply', never cached", async () => {
    const w = world();
    await fail("mof", MOF_WEEKLY_PATH, "garbage");
    try {
      expect(thrown(() => liveCode(w).fn("JAPAN_FLOWS")()).message).toMatch(/^#N\/A Japan MoF week\.csv: unparseable reply: no "Acquisition,Disposition,Net,…" header row/);
    } finally {
      await fail("mof", MOF_WEEKLY_PATH, "clear");
    }
    expect(tokyoDays(liveCode(w).fn("JAPAN_FLOWS")() as unknown[][])).toEqual(expectedFlows(13, "foreign_bonds"));
  });

  it("stale copy served: after the weekly file's 4 h the copy stands in while the MoF fails, until CacheService drops it at 6 h", async () => {
    const w = world(false);
    const before = tokyoDays(liveCode(w).fn("JAPAN_FLOWS")(4, "", "japan_bonds") as unknown[][]);
    expect(before).toEqual(expectedFlows(4, "japan_bonds"));
    await fail("mof", MOF_WEEKLY_PATH, "500");
    try {
      w.clock.t += 5 * HOUR; // past maxAge (4 h, AGES.mofFlowsWeekly), within CacheService's 6 h
      expect(tokyoDays(liveCode(w).fn("JAPAN_FLOWS")(4, "", "japan_bonds") as unknown[][])).toEqual(before);
      w.clock.t += 2 * HOUR;
      expect(thrown(() => liveCode(w).fn("JAPAN_FLOWS")(4, "", "japan_bonds")).message).toBe(`#N/A ${WEEK_LABEL}: HTTP 500 server error`);
    } finally {
      await fail("mof", MOF_WEEKLY_PATH, "clear");
    }
  });

  it("no FRED key: HEDGE_HISTORY's US columns say how to set one, the Japanese ones fill, FRED is not asked", () => {
    const w = world(false);
    const t = tokyoDays(liveCode(w).fn("HEDGE_HISTORY")("2024-07", "2024-07") as unknown[][]);
    const noKey = "#N/A FRED needs an API key: get a free one at https://fred.stlouisfed.org/docs/api/api_key.html, then set it with the menu marginal-bid → Set FRED API key (or pass it as the api_key argument)";
    // us_10y, us_3m and every cell computed from them; jp_short, jgb_10y and the holdings from the MoF and TIC files.
    expect(t[1]).toEqual(["2024-07-31", noKey, noKey, 0.00275, noKey, noKey, 0.0107, noKey, 1093.5, -18.3]);
    expect(w.fetch.urls.some((u) => u.includes("/fred/"))).toBe(false);
  });

  it("a bad argument → #VALUE! naming it, nothing fetched", () => {
    const w = world();
    const code = liveCode(w);
    expect(thrown(() => code.fn("JAPAN_FLOWS")(13, "", "bonds")).message).toBe('#VALUE! series = "bonds" is not one of "foreign_bonds", "foreign_equity", "foreign_total", "japan_bonds"');
    expect(thrown(() => code.fn("JAPAN_FLOWS")(2001)).message).toBe("#VALUE! weeks = 2001 must be at most 2000");
    expect(thrown(() => code.fn("HEDGE_HISTORY")()).message).toBe("#VALUE! start is required");
    expect(w.fetch.urls).toEqual([]);
  });
});
