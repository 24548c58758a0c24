import { describe, expect, it } from "vitest";
import { SheetError } from "../../src/core/errors";
import type { Table } from "../../src/core/table";
import { CHAIN_HISTORY_HEADER, chainHistory, chainHistoryPlan } from "../../src/live/chainHistory";
import { HEDGE_HISTORY_HEADER } from "../../src/live/hedgeHistory";
import { PROXY, parsedReplies } from "../helpers/liveCalls";
import { own } from "../helpers/dataFixtures";
import { realFixtureBytes } from "../helpers/realFixtures";
import { REAL, realFredJson } from "../helpers/upstreams";
import { expectedChainHistory, expectedHedgeHistory, mofMonthlyText } from "./history";

const col = (name: (typeof CHAIN_HISTORY_HEADER)[number]) => CHAIN_HISTORY_HEADER.indexOf(name);
const row = (t: Table, month: string) => t.find((r) => r[0] === month)!;
const SHARED = ["jp_short", "jgb_10y", "us_3m", "us_10y", "hedged_ust", "jgb_advantage"] as const;

describe("CHAIN_HISTORY on the real files (FRED, MoF curve, MoF monthly flows)", () => {
  // The JGB history file ends in 2024-07, so the span every file covers is 2005-01 .. 2024-07.
  const today = "2024-08-15";
  const chain = expectedChainHistory("2005-01", "2024-07", today);

  it("has SPEC's header and one row per month", () => {
    expect(chain[0]).toEqual([...CHAIN_HISTORY_HEADER]);
    expect(chain).toHaveLength(1 + 235); // 2005-01 .. 2024-07: 19 years and 7 months
  });

  it("its shared columns equal HEDGE_HISTORY's cell for cell, with and without a basis", () => {
    for (const basis of [0, -0.004]) {
      const c = expectedChainHistory("2005-01", "2024-07", today, basis);
      const h = expectedHedgeHistory("2005-01", "2024-07", today, basis);
      expect(c.length).toBe(h.length);
      for (let r = 1; r < c.length; r++) {
        expect(c[r][0]).toBe(h[r][0]);
        for (const name of SHARED) expect(c[r][col(name)], `${c[r][0]} ${name}`).toBe(h[r][HEDGE_HISTORY_HEADER.indexOf(name)]);
      }
    }
  });

  it("usdjpy, term_premium_10y and the buying, read by hand from the files", () => {
    // DEXJPUS (fredgraph CSV 2015-07-13 .. 2025-07-11): the month's last lines "2024-06-28,160.88",
    // "2024-07-31,150.38", "2024-02-29,149.90"; the old-format file: "2008-12-31,90.7900".
    // THREEFYTP10: "2024-06-28,0.3312", "2024-07-31,0.2197", "2024-02-29,0.3095" (percent).
    // montha1.csv, assets, long-term debt, net (column 9 of the file): 2024 Jun "-33,502", Jul "-14,857",
    // Feb "9,679"; the buying is value / (10 · usdjpy), tidied to 12 significant digits (sources/series.ts).
    const jun = row(chain, "2024-06-30");
    expect(jun[col("usdjpy")]).toBe(160.88);
    expect(jun[col("term_premium_10y")]).toBe(0.003312);
    expect(jun[col("japan_bond_buying_bn")]).toBeCloseTo(-33502 / (10 * 160.88), 9); // −20.82 USD bn
    const jul = row(chain, "2024-07-31");
    expect(jul[col("usdjpy")]).toBe(150.38);
    expect(jul[col("term_premium_10y")]).toBe(0.002197);
    expect(jul[col("japan_bond_buying_bn")]).toBeCloseTo(-14857 / (10 * 150.38), 9);
    const feb = row(chain, "2024-02-29");
    expect(feb[col("usdjpy")]).toBe(149.9);
    expect(feb[col("term_premium_10y")]).toBe(0.003095);
    expect(feb[col("japan_bond_buying_bn")]).toBeCloseTo(9679 / (10 * 149.9), 9);
    expect(row(chain, "2008-12-31")[col("usdjpy")]).toBe(90.79);
  });

  it("a month before the term premium's file (2016-09 in the fixtures) is \"\" there, its other cells filled", () => {
    const before = row(chain, "2016-08-31");
    expect(before[col("term_premium_10y")]).toBe("");
    for (const name of ["jp_short", "jgb_10y", "us_3m", "us_10y", "usdjpy", "hedged_ust", "jgb_advantage", "japan_bond_buying_bn"] as const) {
      expect(typeof before[col(name)], name).toBe("number");
    }
    expect(typeof row(chain, "2016-09-30")[col("term_premium_10y")]).toBe("number");
  });

  it("the MoF file's placeholder months are \"\", never 0, though the yen has a rate there", () => {
    // montha1.csv has empty rows for 2026-09 .. 2026-12 (the months not published yet). A DEXJPUS
    // reply with an observation on 2026-09-30 leaves the buying of 2026-09 blank, 2026-08's computed.
    const yen = JSON.stringify({ observations: [
      { date: "2026-08-31", value: "146.00" },
      { date: "2026-09-30", value: "147.50" },
    ] });
    const months = { start: "2026-08", end: "2026-09" };
    const bodies = [realFredJson("DGS10"), realFredJson("DGS3MO"), yen, realFredJson("THREEFYTP10"), own("mof_jgbcme_small.csv"), "", mofMonthlyText()];
    const items = chainHistoryPlan(months, PROXY);
    const replies = parsedReplies(items, bodies.map((b, i) => (i === 5 ? new SheetError("na", "Japan MoF jgbcme_all.csv: HTTP 503") : b)));
    const t = chainHistory({ ...months, basis: 0 }, replies, "2026-10-05");
    expect(row(t, "2026-09-30")[col("usdjpy")]).toBe(147.5);
    expect(row(t, "2026-09-30")[col("japan_bond_buying_bn")]).toBe("");
    // 2026 Aug: "-1,430" (line 271 of the file) at 146.00 yen.
    expect(row(t, "2026-08-31")[col("japan_bond_buying_bn")]).toBeCloseTo(-1430 / (10 * 146), 9);
  });

  it("a source that fails spoils only its cells, with the error that names it", () => {
    const months = { start: "2024-01", end: "2024-07" };
    const items = chainHistoryPlan(months, PROXY);
    const mofMonthly = new SheetError("na", "Japan MoF montha1.csv: HTTP 503");
    const bodies = [realFredJson("DGS10"), realFredJson("DGS3MO"), realFredJson("DEXJPUS"), realFredJson("THREEFYTP10"), own("mof_jgbcme_small.csv"), realFixtureBytes(REAL.mofAll).toString("utf8"), mofMonthly];
    const t = chainHistory({ ...months, basis: 0 }, parsedReplies(items, bodies), today);
    const jul = row(t, "2024-07-31");
    expect(jul[col("japan_bond_buying_bn")]).toBe(mofMonthly);
    expect(jul[col("usdjpy")]).toBe(150.38);
    expect(typeof jul[col("jgb_advantage")]).toBe("number");
  });

  it("asks for the four FRED series over the months, oldest first, and the three MoF files", () => {
    const items = chainHistoryPlan({ start: "2005-01", end: "2024-07" }, PROXY);
    expect(items).toHaveLength(7);
    const urls = items.map((i) => (i instanceof SheetError ? i.message : i.url));
    for (const [k, id] of ["DGS10", "DGS3MO", "DEXJPUS", "THREEFYTP10"].entries()) {
      expect(urls[k]).toContain(`series_id=${id}`);
      expect(urls[k]).toContain("observation_start=2005-01-01");
      expect(urls[k]).toContain("observation_end=2024-07-31");
      expect(urls[k]).toContain("sort_order=asc");
    }
    expect(urls[6]).toContain("montha1.csv");
  });
});
