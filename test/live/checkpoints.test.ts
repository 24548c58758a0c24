import { describe, expect, it } from "vitest";
import { SheetError } from "../../src/core/errors";
import { CHECKPOINT_HEADER, checkpoints, checkpointsPlan } from "../../src/live/checkpoints";
import type { DataRequest } from "../../src/sources/request";
import { hedgedUst } from "../../src/core/hedging/hedgedUst";
import { fixtureReplies, own } from "../helpers/dataFixtures";
import { PROXY, parsedReplies } from "../helpers/liveCalls";

/** The panel from reply bodies in plan order, each parsed by its request's parser as a fetcher does. */
const panel = (bodies: readonly (string | SheetError)[]) => checkpoints(parsedReplies(checkpointsPlan(PROXY), bodies));

const row = (t: unknown[][], name: string) => t.find((r) => r[0] === name)!;

describe("CHECKPOINTS from our fixtures (test/fixtures/data)", () => {
  const t = panel(fixtureReplies());

  it("has the published header and the rows of note §6, in order", () => {
    expect(t[0]).toEqual([...CHECKPOINT_HEADER]); // docs/functions.md, CHECKPOINTS: ["indicator", "latest", "as_of", "change_1m", "watch"]
    expect(t.slice(1).map((r) => r[0])).toEqual([
      "us_10y",
      "term_premium_10y",
      "usd_jpy",
      "jgb_10y",
      "hedged_ust_10y",
      "japan_holdings_bn",
      "japan_holdings_change_12m_bn",
      "scenario",
    ]);
    for (const r of t) expect(r).toHaveLength(5);
  });

  it("US 10y: latest DGS10 as a decimal, change over a month", () => {
    // fred_DGS10_desc.json line 2: 2026-08-06 4.6900000000; a month before → on or before 2026-07-06: line 6, 4.41
    expect(row(t, "us_10y").slice(1, 4)).toEqual([0.0469, "2026-08-06", 0.0028]);
  });

  it("term premium: THREEFYTP10 as a decimal; watch says 'close to 100bp is dangerous'", () => {
    // fred_THREEFYTP10_desc.json line 2: 0.8512; line 3 (2026-07-06): 0.7012
    expect(row(t, "term_premium_10y").slice(1, 4)).toEqual([0.008512, "2026-08-06", 0.0015]);
    expect(row(t, "term_premium_10y")[4]).toContain("close to 100bp is dangerous"); // note §6.2
  });

  it("USD/JPY as published (not a percent series)", () => {
    // fred_DEXJPUS_desc.json line 2: 147.25; line 4 (2026-07-06): 144.10
    expect(row(t, "usd_jpy").slice(1, 4)).toEqual([147.25, "2026-08-06", 3.15]);
  });

  it("JGB 10y from the MoF current month; the month-ago value from the history file", () => {
    // mof_jgbcme_small.csv line 5: 2026/8/5 10Y 1.65; mof_jgbcme_all_small.csv line 5: 2026/7/3 10Y 1.52
    expect(row(t, "jgb_10y").slice(1, 4)).toEqual([0.0165, "2026-08-05", 0.0013]);
  });

  it("hedged UST = DGS10 − (DGS3MO − JGB 1Y), all legs on or before the oldest latest date", () => {
    // The JGB's latest is 2026-08-05 (MoF line 5), so all legs are read on or before 2026-08-05:
    // DGS10 2026-08-05 is "." → 2026-08-04 4.63 (DGS10 line 4); DGS3MO 2026-08-05 4.32 (line 3); JGB 1Y 0.98 (MoF line 5)
    // note §3.1 model: 4.63% − (4.32% − 0.98%) = 1.29%
    expect(hedgedUst(0.0463, 0.0432, 0.0098)).toBeCloseTo(0.0129, 15);
    // A month earlier (on or before 2026-07-05): DGS10 4.35 (line 8), DGS3MO 4.36 (line 5), JGB 1Y 0.88 (all_small line 5)
    // 4.35% − (4.36% − 0.88%) = 0.87% → change 0.42%
    expect(row(t, "hedged_ust_10y").slice(1, 4)).toEqual([0.0129, "2026-08-05", 0.0042]);
    expect(row(t, "hedged_ust_10y")[4]).toContain("DGS10 − (DGS3MO − MoF JGB 1Y)");
  });

  it("Japan's TIC holdings, their 1-month and 12-month change", () => {
    // tic_slt_table5_small.txt line 7: Japan 1209.9 (2026-04), 1191.6 (2026-03), 1134.5 (2025-04)
    expect(row(t, "japan_holdings_bn").slice(1, 4)).toEqual([1209.9, "2026-04", 18.3]);
    expect(row(t, "japan_holdings_change_12m_bn").slice(1, 4)).toEqual([75.4, "2026-04", ""]);
  });

  it("the scenario of the live US 10y (docs/functions.md, SCENARIO: B from 4.5% to below 5.0%)", () => {
    expect(row(t, "scenario").slice(1, 4)).toEqual(["B", "2026-08-06", ""]);
  });
});

describe("CHECKPOINTS when a source fails", () => {
  it("a failed source spoils only its own rows, with the reason", () => {
    const r = fixtureReplies();
    const down = new SheetError("na", "US Treasury TIC slt_table5.txt: HTTP 500 server error");
    r[4] = down;
    const t = panel(r);
    expect(row(t, "japan_holdings_bn").slice(1, 4)).toEqual([down, down, down]);
    expect(row(t, "japan_holdings_change_12m_bn")[1]).toBe(down);
    expect(row(t, "us_10y")[1]).toBe(0.0469); // the other rows still fill
    expect(row(t, "hedged_ust_10y")[1]).toBe(0.0129);
  });

  it("DGS10 failing takes the US 10y, the hedged UST and the scenario with it", () => {
    const r = fixtureReplies();
    const down = new SheetError("na", "FRED DGS10: no reply within 10 s (timeout)");
    r[0] = down;
    const t = panel(r);
    for (const name of ["us_10y", "hedged_ust_10y"]) expect(row(t, name)[1]).toBe(down);
    expect(row(t, "scenario")[1]).toBe(down);
    expect(row(t, "usd_jpy")[1]).toBe(147.25);
  });

  it("the MoF history failing leaves the latest JGB and says why the month-ago change is missing", () => {
    const r = fixtureReplies();
    const down = new SheetError("na", "Japan MoF jgbcme_all.csv: HTTP 503 service unavailable");
    r[6] = down;
    const t = panel(r);
    expect(row(t, "jgb_10y").slice(1, 4)).toEqual([0.0165, "2026-08-05", down]);
  });

  it("an unparseable reply is #N/A naming the source (never a number)", () => {
    const r = fixtureReplies();
    r[2] = own("garbage_maintenance.html");
    const c = row(panel(r), "usd_jpy")[1] as SheetError;
    expect(c).toBeInstanceOf(SheetError);
    expect(c.message).toMatch(/^FRED DEXJPUS: unparseable reply: not JSON/);
  });
});

describe("CHECKPOINTS plan", () => {
  it("proxy: 7 requests, no key anywhere", () => {
    const items = checkpointsPlan({ via: "proxy", proxyBase: "http://localhost:8787", today: "2026-08-07" });
    expect(items).toHaveLength(7);
    const reqs = items as DataRequest[];
    expect(reqs.map((q) => q.label)).toEqual([
      "FRED DGS10",
      "FRED THREEFYTP10",
      "FRED DEXJPUS",
      "FRED DGS3MO",
      "US Treasury TIC slt_table5.txt",
      "Japan MoF jgbcme.csv",
      "Japan MoF jgbcme_all.csv",
    ]);
    for (const q of reqs) expect(q.url).not.toContain("api_key");
  });

  it("direct without a key: the FRED rows say how to set one, the TIC and MoF rows still fill", () => {
    const ctx = { via: "direct" as const, today: "2026-08-07", keyHint: "set it with marginal-bid → Set FRED API key" };
    const items = checkpointsPlan(ctx);
    expect(items.slice(0, 4).every((x) => x instanceof SheetError)).toBe(true);
    const r = fixtureReplies();
    for (let i = 0; i < 4; i++) r[i] = items[i] as SheetError;
    const t = panel(r);
    expect((row(t, "us_10y")[1] as SheetError).message).toContain("FRED needs an API key");
    expect(row(t, "jgb_10y")[1]).toBe(0.0165);
    expect(row(t, "japan_holdings_bn")[1]).toBe(1209.9);
  });

  it("direct with a key: FRED URLs carry it (and only FRED's)", () => {
    const items = checkpointsPlan({ via: "direct", today: "2026-08-07" }, "abcdef0123456789abcdef0123456789") as DataRequest[];
    expect(items.slice(0, 4).every((q) => q.url.endsWith("&api_key=abcdef0123456789abcdef0123456789"))).toBe(true);
    expect(items.slice(4).some((q) => q.url.includes("api_key"))).toBe(false);
  });

  it("an api_key argument wins over the key stored in the host", () => {
    const items = checkpointsPlan({ via: "direct", today: "2026-08-07", apiKey: "stored" }, "mine") as DataRequest[];
    expect(items.slice(0, 4).every((q) => q.url.endsWith("&api_key=mine"))).toBe(true);
  });
});
