/**
 * The live functions (src/live, declared in src/catalog/liveData.ts) run as a host
 * runs them (the one pipeline, src/args/invoke.ts), on our fixtures (test/fixtures/data, lines named).
 */
import { describe, expect, it } from "vitest";
import { LIVE_DATA } from "../../src/catalog/liveData";
import { SheetError } from "../../src/core/errors";
import type { DataRequest } from "../../src/sources/request";
import { checkFetch } from "../../src/sources/check";
import { fixtureReply, own } from "../helpers/dataFixtures";
import { DIRECT, call, live, planOf } from "../helpers/liveCalls";

const fixtures = fixtureReply;

describe("the live function table", () => {
  it("has the nine published functions with their argument order, refresh last", () => {
    // docs/functions.md "Live checkpoints": FRED(series_id, [date], [api_key], [refresh]), FRED_SERIES(series_id, [start], [end], [api_key], [refresh]),
    // TIC_HOLDINGS(country, [month], [refresh]), TIC_CHANGE(country, months, [refresh]), JGB_YIELD(tenor_years, [date], [refresh]), CHECKPOINTS([api_key], [refresh]),
    // HEDGE_HISTORY(start, [end], [basis=0], [api_key], [refresh]), SPEC "calibration": CHAIN_HISTORY(start, [end], [basis=0], [api_key], [refresh]), JAPAN_FLOWS([weeks=13], [end], [series="foreign_bonds"], [refresh])
    expect(LIVE_DATA.map((f) => [f.name, f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")])).toEqual([
      ["FRED", "series_id, [date], [api_key], [refresh]"],
      ["FRED_SERIES", "series_id, [start], [end], [api_key], [refresh]"],
      ["TIC_HOLDINGS", "country, [month], [refresh]"],
      ["TIC_CHANGE", "country, months, [refresh]"],
      ["JGB_YIELD", "tenor_years, [date], [refresh]"],
      ["CHECKPOINTS", "[api_key], [refresh]"],
      ["HEDGE_HISTORY", "start, [end], [basis], [api_key], [refresh]"],
      ["CHAIN_HISTORY", "start, [end], [basis], [api_key], [refresh]"],
      ["JAPAN_FLOWS", "[weeks], [end], [series], [refresh]"],
    ]);
    // The defaults docs/functions.md gives.
    const param = (f: string, p: string) => live(f).params.find((x) => x.name === p)!;
    expect([param("HEDGE_HISTORY", "basis").default, param("JAPAN_FLOWS", "weeks").default, param("JAPAN_FLOWS", "series").default]).toEqual([0, 13, "foreign_bonds"]);
    for (const f of LIVE_DATA) {
      expect(f.domain, f.name).toBe("live-data");
      expect(f.params.every((p) => p.single), `${f.name}: one value per argument`).toBe(true);
      expect(typeof f.live.plan, f.name).toBe("function");
      expect(typeof f.live.compute, f.name).toBe("function");
    }
  });

  it("refresh is any value and changes nothing: not an error, not a range error, not in the request", () => {
    // A refresh cell holds the time of the last "Refresh live data", or anything a user passes.
    const plain = call("FRED", ["DGS10"], fixtures);
    for (const refresh of [46240.5, new Date(), "anything", true, new SheetError("na", "upstream"), [[1, 2], [3, 4]], ""]) {
      expect(call("FRED", ["DGS10", null, null, refresh], fixtures), String(refresh)).toBe(plain);
      expect(JSON.stringify(planOf("FRED", ["DGS10", null, null, refresh]))).toBe(JSON.stringify(planOf("FRED", ["DGS10"]))); // the requests as data (their parsers are functions)
    }
    expect(call("TIC_HOLDINGS", ["Japan", "", 46240.5], fixtures)).toBe(1209.9); // tic_slt_table5_small.txt line 7
  });
});

describe("FRED(series_id, [date], [api_key])", () => {
  it("latest, and the last on or before a date (text, serial or Date)", () => {
    expect(call("FRED", ["DGS10"], fixtures)).toBe(0.0469); // fred_DGS10_desc.json line 2
    expect(call("FRED", ["dgs10", "2026-08-05"], fixtures)).toBe(0.0463); // line 3 ".", line 4 2026-08-04 4.63
    expect(call("FRED", ["DGS10", 46239], fixtures)).toBe(0.0463); // serial 46239 = 2026-08-05 (Python: date(2026,8,5) − date(1899,12,30))
    expect(call("FRED", ["DGS10", 46240], fixtures)).toBe(0.0469); // 46240 = 2026-08-06
    expect(call("FRED", ["DGS10", new Date(2026, 7, 5)], fixtures)).toBe(0.0463);
    expect(call("FRED", ["DEXJPUS", null, null], fixtures)).toBe(147.25); // fred_DEXJPUS_desc.json line 2, as published
  });

  it("plans the date into the request (observation_end), sharing the panel's window otherwise", () => {
    const [latest] = planOf("FRED", ["DGS10"]) as DataRequest[];
    const [dated] = planOf("FRED", ["DGS10", "2026-08-05"]) as DataRequest[];
    expect(latest.url).toBe("http://localhost:8787/fred/series/observations?series_id=DGS10&file_type=json&sort_order=desc&limit=60");
    expect(dated.url).toContain("observation_end=2026-08-05");
  });

  it("units of a series outside the known table come from fred/series (the unit rule)", () => {
    // fred_series_T5YIE.json units "Percent" → decimals; fred_T5YIE_asc.json last line 2.4000000000
    const plan = planOf("FRED", ["T5YIE"]) as DataRequest[];
    expect(plan.map((r) => r.url.replace(/\?.*/, ""))).toEqual(["http://localhost:8787/fred/series/observations", "http://localhost:8787/fred/series"]);
    expect(call("FRED", ["T5YIE"], fixtures)).toBe(0.024);
    // fred_series_EXJPUS.json units "Japanese Yen to One U.S. Dollar" → as published; 2026-08-01 "." → 2026-07-01 146.88
    expect(call("FRED", ["EXJPUS"], fixtures)).toBe(146.88);
  });

  it("errors: unknown series, no key, a date before the data", () => {
    const unknown = call("FRED", ["NOSUCH"], () => new SheetError("na", 'FRED NOSUCH: unknown series: FRED says "The series does not exist."')) as SheetError;
    expect(unknown.kind).toBe("na");
    expect(unknown.message).toContain("NOSUCH");
    const noKey = call("FRED", ["DGS10"], fixtures, { ...DIRECT, apiKey: undefined }) as SheetError;
    expect(noKey.kind).toBe("na");
    expect(noKey.message).toBe("FRED needs an API key: get a free one at https://fred.stlouisfed.org/docs/api/api_key.html, then set it with marginal-bid → Set FRED API key");
    const early = call("FRED", ["DGS10", "2026-06-01"], fixtures) as SheetError;
    expect(early.message).toBe("FRED DGS10: no observation on or before 2026-06-01");
    expect((call("FRED", [""], fixtures) as SheetError).kind).toBe("value");
    expect((call("FRED", ["DGS10", "5/8/2026"], fixtures) as SheetError).message).toContain('write it as "2026-03-31"');
  });

  it("direct mode: the key argument wins over the stored one and only goes to FRED", () => {
    const [r] = planOf("FRED", ["DGS10", null, "ffffffffffffffffffffffffffffffff"], DIRECT) as DataRequest[];
    expect(r.url).toMatch(/&api_key=f{32}$/);
    expect(r.cacheKey).not.toContain("ffff");
  });
});

describe("FRED_SERIES(series_id, [start], [end], [api_key])", () => {
  it("spills date/value rows oldest first, '.' left out, window defaulting to a year", () => {
    const t = call("FRED_SERIES", ["T5YIE", "2026-07-01", "2026-07-31"], fixtures);
    // fred_T5YIE_asc.json lines 2-4: 2026-07-01 2.31, 2026-07-02 ".", 2026-07-06 2.35
    expect(t).toEqual([
      ["date", "value"],
      ["2026-07-01", 0.0231],
      ["2026-07-06", 0.0235],
    ]);
    const [req] = planOf("FRED_SERIES", ["T5YIE"]) as DataRequest[];
    expect(req.url).toContain("observation_start=2025-08-07"); // today 2026-08-07 minus a year
    expect(req.url).toContain("sort_order=asc");
    expect(live("FRED_SERIES").dateColumns).toEqual([0]);
  });

  it("start after end → #VALUE!; an empty window → #N/A", () => {
    expect((call("FRED_SERIES", ["T5YIE", "2026-08-01", "2026-07-01"], fixtures) as SheetError).kind).toBe("value");
    expect((call("FRED_SERIES", ["T5YIE", "2026-07-07", "2026-07-31"], fixtures) as SheetError).message).toBe("FRED T5YIE: no observations from 2026-07-07 to 2026-07-31");
  });
});

describe("TIC_HOLDINGS, TIC_CHANGE, JGB_YIELD", () => {
  it("TIC_HOLDINGS: latest by default; month as text, serial or Date", () => {
    // tic_slt_table5_small.txt line 7: Japan 1209.9 (2026-04), 1191.6 (2026-03)
    expect(call("TIC_HOLDINGS", ["Japan"], fixtures)).toBe(1209.9);
    expect(call("TIC_HOLDINGS", ["JAPAN", "2026-03"], fixtures)).toBe(1191.6);
    expect(call("TIC_HOLDINGS", ["Japan", 46112], fixtures)).toBe(1191.6); // serial 46112 = 2026-03-31
    expect(call("TIC_HOLDINGS", ["China, Mainland", new Date(2026, 2, 15)], fixtures)).toBe(652.3); // line 8, 2026-03
    expect((call("TIC_HOLDINGS", ["Narnia"], fixtures) as SheetError).kind).toBe("na");
  });

  it("TIC_CHANGE: holdings now minus months ago", () => {
    expect(call("TIC_CHANGE", ["Japan", 12], fixtures)).toBe(75.4); // line 7: 1209.9 − 1134.5
    expect(call("TIC_CHANGE", ["Grand Total", "3"], fixtures)).toBe(63.2); // line 13: 9352.6 − 9289.4
    expect((call("TIC_CHANGE", ["Japan", "twelve"], fixtures) as SheetError).kind).toBe("value");
  });

  it("JGB_YIELD: latest from the current month, older dates from the history", () => {
    expect(call("JGB_YIELD", [10], fixtures)).toBe(0.0165); // mof_jgbcme_small.csv line 5
    expect(call("JGB_YIELD", ["10Y"], fixtures)).toBe(0.0165);
    expect(call("JGB_YIELD", [[[" 10 years "]]], fixtures)).toBe(0.0165);
    expect((call("JGB_YIELD", ["ten"], fixtures) as SheetError).kind).toBe("value");
    expect(call("JGB_YIELD", [10, "2026-07-15"], fixtures)).toBe(0.0152); // mof_jgbcme_all_small.csv line 5 (2026/7/3)
    expect(call("JGB_YIELD", [1, "1974-09-24"], fixtures)).toBe(0.10327); // all_small line 3
    const e = call("JGB_YIELD", [12], fixtures) as SheetError;
    expect(e.kind).toBe("na");
    expect(e.message).toContain("no 12-year JGB");
  });

  it("CHECKPOINTS through the table (the panel itself is tested in checkpoints.test.ts)", () => {
    const t = call("CHECKPOINTS", [], (r) => fixtures({ ...r, label: r.label })) as unknown[][];
    expect(t).toHaveLength(9);
  });
});

describe("checkFetch: what a failing source looks like in a cell", () => {
  const req = planOf("FRED", ["DGS10"])[0] as DataRequest;
  const tic = planOf("TIC_HOLDINGS", ["Japan"])[0] as DataRequest;
  const msg = (r: Parameters<typeof checkFetch>[1], q = req) => {
    const c = checkFetch(q, r);
    return c.ok ? "ok" : `${c.error.code} ${c.error.message}${c.transient ? " [stale allowed]" : ""}`;
  };

  it("names the source and the reason: HTTP status, timeout, unreachable, unparseable", () => {
    expect(msg({ kind: "response", status: 429, body: "" })).toBe("#N/A FRED DGS10: HTTP 429 too many requests (FRED allows 120 requests a minute per key) [stale allowed]");
    expect(msg({ kind: "response", status: 500, body: "oops" })).toBe("#N/A FRED DGS10: HTTP 500 server error [stale allowed]");
    expect(msg({ kind: "timeout", afterMs: 10_000 })).toBe("#N/A FRED DGS10: no reply within 10 s (timeout) [stale allowed]");
    expect(msg({ kind: "network", message: "ECONNREFUSED" })).toBe("#N/A FRED DGS10: unreachable (ECONNREFUSED) [stale allowed]");
    expect(msg({ kind: "response", status: 200, body: own("garbage_maintenance.html") })).toBe(
      '#N/A FRED DGS10: unparseable reply: not JSON: a reply starting "<!DOCTYPE html><html><head><title>Servic…" [stale allowed]',
    );
    expect(msg({ kind: "response", status: 200, body: own("tic_mfh_legacy_small.txt") }, tic)).toMatch(/^#N\/A US Treasury TIC slt_table5.txt: unparseable reply: no tab-delimited "Country" header row \(this looks like the legacy/);
  });

  it("FRED's 400s are definite: unknown series, bad key (no stale copy masks them)", () => {
    expect(msg({ kind: "response", status: 400, body: own("fred_error_unknown_series_400.json") })).toBe(
      '#N/A FRED DGS10: unknown series: FRED says "The series does not exist." Check the id on fred.stlouisfed.org',
    );
    expect(msg({ kind: "response", status: 400, body: own("fred_error_bad_key_400.json") })).toMatch(/^#N\/A FRED DGS10: FRED refused the API key/);
  });

  it("the proxy's own errors are passed on", () => {
    const body = JSON.stringify({ proxy_error: "HTTP 500 server error" });
    expect(msg({ kind: "response", status: 502, body })).toBe("#N/A FRED DGS10: HTTP 500 server error (via the proxy, HTTP 502) [stale allowed]");
    // A 200 is judged by the request's own parser, and parsed once: what compute receives.
    const good = checkFetch(req, { kind: "response", status: 200, body: own("fred_DGS10_desc.json") });
    expect(good.ok && (good.parsed as { observations: unknown[] }).observations.length).toBeGreaterThan(0);
  });
});

describe("JAPAN_FLOWS through the host runner (the synthetic mof_week_small.csv)", () => {
  it("the last weeks, oldest first, with ISO week days that a host turns into its dates", () => {
    // mof_week_small.csv lines 21–22 (weeks ending 2026-09-05 and 09-12): long-term debt net 11,500 and 13,500 (100 million yen) → 1,150 and 1,350 bn;
    // sum_4w of 09-05: lines 18–21, 9,500 + 9,500 + 11,500 + 11,500 → 4,200 bn; sum_13w of 09-05: lines 9–21 → 7,750 bn.
    expect(call("JAPAN_FLOWS", [2], fixtures)).toEqual([
      ["week_start", "week_end", "foreign_bonds", "sum_4w", "sum_13w"],
      ["2026-08-30", "2026-09-05", 1150, 4200, 7750],
      ["2026-09-06", "2026-09-12", 1350, 4600, 9150],
    ]);
    expect(live("JAPAN_FLOWS").dateColumns).toEqual([0, 1]);
    expect(live("HEDGE_HISTORY").dateColumns).toEqual([0]);
    // japan_bonds: liabilities long-term debt net, line 22: 2,650 − 1,900 = 750 → 75 bn; sum_4w lines 19–22: 600 + 650 + 700 + 750 → 270;
    // sum_13w lines 10–22: 150 + 200 + … + 750 → 585.
    expect((call("JAPAN_FLOWS", [1, null, "JAPAN_BONDS"], fixtures) as unknown[][])[1]).toEqual(["2026-09-06", "2026-09-12", 75, 270, 585]);
  });

  it("plans the weekly file once: our proxy's path, or the Ministry's address read as Windows-31J", () => {
    expect((planOf("JAPAN_FLOWS", []) as DataRequest[]).map((r) => [r.url, r.charset])).toEqual([["http://localhost:8787/mof/week.csv", undefined]]);
    expect((planOf("JAPAN_FLOWS", [], DIRECT) as DataRequest[]).map((r) => [r.url, r.charset])).toEqual([
      ["https://www.mof.go.jp/policy/international_policy/reference/itn_transactions_in_securities/week.csv", "Windows-31J"],
    ]);
  });
});
