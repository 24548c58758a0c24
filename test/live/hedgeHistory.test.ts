import { describe, expect, it } from "vitest";
import { SheetError } from "../../src/core/errors";
import {
  HEDGE_HISTORY_HEADER,
  hedgeHistory,
  hedgeHistoryMonths,
  hedgeHistoryPlan,
} from "../../src/live/hedgeHistory";
import type { DataRequest, PlanContext, Reply } from "../../src/sources/request";
import type { Cell, Table } from "../../src/core/table";
import { fredgraphCsvToApiJson } from "../helpers/fredgraph";
import { real, thrown } from "../helpers/dataFixtures";
import { PROXY, parsedReplies } from "../helpers/liveCalls";

/** Bodies in plan order as a fetcher hands them to compute: each parsed by its request's parser. */
const parsed = (bodies: readonly (string | SheetError)[]): Reply[] => parsedReplies(hedgeHistoryPlan({ start: "2000-01", end: "2000-01" }, PROXY), bodies);

const DGS10 = "fred_api_DGS10_observations_asc_2000_rt2026-08-21.json";
const DGS3MO = "fred_DGS3MO_fredgraph_csv_1981-09-01_2026-04-17.csv";
const MOF_ALL = "mof_jgbcme_all_1974-2024.csv";
const MFHHIS = "tic_mfhhis01_crlf_2000-2025_rev2026-05.txt";
const TABLE5 = "tic_slt_table5_2025-04_2026-04.txt";

/** The MoF current-month file early in a month: its title and header, no rows yet. */
const MOF_EMPTY_MONTH = "Interest Rate,,,,,,,,,,,,,,,(Unit : %)\r\nDate,1Y,2Y,3Y,4Y,5Y,6Y,7Y,8Y,9Y,10Y,15Y,20Y,25Y,30Y,40Y\r\n";

const col = (name: (typeof HEDGE_HISTORY_HEADER)[number]) => HEDGE_HISTORY_HEADER.indexOf(name);
const row = (t: Table, month: string) => t.find((r) => r[0] === month)!;

describe("HEDGE_HISTORY on the real files (FRED, MoF, TIC)", () => {
  // DGS3MO is in the fixtures only as FRED's download CSV: it is rewritten as the API's JSON (test/helpers/fredgraph.ts).
  const replies = (): Reply[] => parsed([
    real(DGS10),
    fredgraphCsvToApiJson(real(DGS3MO), "DGS3MO"),
    MOF_EMPTY_MONTH,
    real(MOF_ALL),
    real(MFHHIS),
    real(TABLE5),
  ]);

  it("over the span every file covers, 2000-03 .. 2024-07: the first and last rows read by hand", () => {
    const t = hedgeHistory({ start: "2000-03", end: "2024-07", basis: 0 }, replies(), "2024-08-15");
    expect(t[0]).toEqual([...HEDGE_HISTORY_HEADER]);
    expect(t).toHaveLength(1 + 293);
    console.log(`HEDGE_HISTORY 2000-03 .. 2024-07 on the fixtures:\n${[t[0], t[1], t[t.length - 1]].map((r) => r.join("\t")).join("\n")}`);
    // 2000-03: DGS10 2000-03-31 6.03 (the JSON reply); DGS3MO line 4850 "2000-03-31,5.88"; MoF line 6820
    // "2000/3/31": 1Y 0.256, 10Y 1.776; mfhhis01 line 1218: Japan Mar 2000 307.6 (the left, newer series).
    // hedge_cost 5.88 − 0.256 = 5.624; hedged 6.03 − 5.624 = 0.406; JGB advantage 1.776 − 0.406 = 1.37.
    // No 12-month change: the history starts in 2000-03.
    expect(t[1]).toEqual(["2000-03-31", 0.0603, 0.0588, 0.00256, 0.05624, 0.00406, 0.01776, 0.0137, 307.6, ""]);
    // 2024-07: DGS10 2024-07-31 4.09; DGS3MO line 11198 5.41; MoF line 12785 "2024/7/31": 1Y 0.275, 10Y 1.07;
    // mfhhis01 line 58 (2024): Japan Jul 1093.5; line 107 (2023): Jul 1111.8 → −18.3.
    // hedge_cost 5.41 − 0.275 = 5.135; hedged 4.09 − 5.135 = −1.045; advantage 1.07 + 1.045 = 2.115.
    expect(t[t.length - 1]).toEqual(["2024-07-31", 0.0409, 0.0541, 0.00275, 0.05135, -0.01045, 0.0107, 0.02115, 1093.5, -18.3]);
  });

  it("every row obeys the note's identities, and the basis enters the hedge cost", () => {
    const basis = -0.005; // a −50bp basis adds 50bp to the hedge cost
    const t = hedgeHistory({ start: "2000-03", end: "2024-07", basis }, replies(), "2024-08-15");
    let rows = 0;
    for (const r of t.slice(1)) {
      const [us10, us3m, jp, cost, hedged, jgb, adv] = [1, 2, 3, 4, 5, 6, 7].map((k) => r[k] as number);
      expect(cost).toBeCloseTo(us3m - jp - basis, 12);
      expect(hedged).toBeCloseTo(us10 - cost, 12);
      expect(adv).toBeCloseTo(jgb - hedged, 12);
      rows++;
    }
    expect(rows).toBe(293);
  });

  it("joins slt_table5 after the history: 2025-12 from both (equal), 2026-01 .. 2026-04 from slt_table5; later months blank", () => {
    const t = hedgeHistory({ start: "2025-11", end: "2026-07", basis: 0 }, replies(), "2026-08-15");
    const held = t.slice(1).map((r) => r[col("japan_holdings_bn")]);
    // mfhhis01 line 10 (Nov, Dec 2025: 1202.7, 1185.5); slt_table5 line 7 (Jan..Apr 2026: 1225.3, 1239.3, 1191.6, 1209.9).
    expect(held).toEqual([1202.7, 1185.5, 1225.3, 1239.3, 1191.6, 1209.9, "", "", ""]);
    // 12-month change of 2026-04: 1209.9 − 1134.5 (Apr 2025) = 75.4, as TIC_CHANGE("Japan", 12) on slt_table5.
    expect(row(t, "2026-04-30")[col("japan_change_12m_bn")]).toBe(75.4);
    // The MoF history ends in 2024-07 and the current-month file is empty: no JGB rate, so no hedged yield either.
    expect(row(t, "2026-03-31").slice(3, 8)).toEqual(["", "", "", "", ""]);
    expect(row(t, "2026-03-31")[col("us_10y")]).toBe(0.043); // FRED still fills its columns
  });
});

/** A FRED reply with these observations (date, value text), as the API answers. */
const fred = (obs: [string, string][]) => JSON.stringify({ observations: obs.map(([date, value]) => ({ date, value })) });
const mof = (rows: string[]) => `Interest Rate,,,(Unit : %)\r\nDate,1Y,10Y\r\n${rows.map((r) => `${r}\r\n`).join("")}`;
const history = (lines: string) => `\tDec\tNov\tOct\r\nCountry\t2025\t2025\t2025\r\n${lines}`;
const table5 = (lines: string) => `Table 5\r\n\r\nCountry\t2026-01\t2025-12\r\n${lines}\r\n\r\nNotes:\r\n`;

/** Small sources, each value traceable to a line here. */
function small(): (string | SheetError)[] {
  return [
    fred([
      ["2025-10-30", "4.00"],
      ["2025-10-31", "4.10"], // last in October
      ["2025-12-01", "4.30"],
      ["2025-12-31", "."], // missing: December's last value is 4.30
      ["2026-01-30", "4.50"],
    ]),
    fred([
      ["2025-10-31", "3.90"],
      ["2025-11-28", "3.80"],
      ["2025-12-31", "3.70"],
      ["2026-01-30", "3.60"],
    ]),
    mof(["2026/2/2,1.1,2.3"]), // the current month (today is in 2026-02)
    mof(["2025/10/31,0.9,1.7", "2025/11/28,0.95,1.8", "2025/12/30,1.0,2.0", "2026/1/30,1.05,2.2"]),
    history("Japan\t1185.5\t1202.7\t1200\t\r\nGrand Total\t9267.2\t9349.6\t9232.9\t\r\n"),
    table5("Japan\t1225.3\t1190.0"), // slt_table5 revises December: 1190.0
  ];
}

describe("HEDGE_HISTORY's rules (small sources)", () => {
  const args = { start: "2025-10", end: "2026-01", basis: 0 };
  const t = hedgeHistory(args, parsed(small()), "2026-02-15");

  it("takes the last observation within each month and never carries one into a month without", () => {
    expect(t.slice(1).map((r) => r[0])).toEqual(["2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31"]);
    expect(t.slice(1).map((r) => r[col("us_10y")])).toEqual([0.041, "", 0.043, 0.045]);
    // November has no US 10y: the cells computed from it are blank, the others stand.
    const nov = row(t, "2025-11-30");
    expect(nov[col("hedge_cost")]).toBe(0.0285); // 3.80 − 0.95
    expect([nov[col("hedged_ust")], nov[col("jgb_advantage")]]).toEqual(["", ""]);
    expect(nov[col("jgb_10y")]).toBe(0.018);
  });

  it("lets slt_table5 win over the history where both have a month", () => {
    expect(t.slice(1).map((r) => r[col("japan_holdings_bn")])).toEqual([1200, 1202.7, 1190, 1225.3]);
    // No month a year earlier in either file: no 12-month change.
    expect(t.slice(1).map((r) => r[col("japan_change_12m_bn")])).toEqual(["", "", "", ""]);
  });

  it("reads this month from the current-month file", () => {
    const feb = hedgeHistory({ ...args, end: "2026-02" }, parsed(small()), "2026-02-15");
    expect(row(feb, "2026-02-28").slice(1, 9)).toEqual(["", "", 0.011, "", "", 0.023, "", ""]);
  });

  it("a failing source spoils only its own cells and those computed from them", () => {
    const down = new SheetError("na", "Japan MoF jgbcme_all.csv: HTTP 503 service unavailable");
    const r = small();
    r[3] = down;
    const t2 = hedgeHistory(args, parsed(r), "2026-02-15");
    const dec = row(t2, "2025-12-31");
    for (const c of ["jp_short", "hedge_cost", "hedged_ust", "jgb_10y", "jgb_advantage"] as const) expect(dec[col(c)], c).toBe(down);
    expect([dec[col("us_10y")], dec[col("us_3m")], dec[col("japan_holdings_bn")]]).toEqual([0.043, 0.037, 1190]);
    // …while this month still comes from the current-month file.
    expect(row(hedgeHistory({ ...args, end: "2026-02" }, parsed(r), "2026-02-15"), "2026-02-28")[col("jgb_10y")]).toBe(0.023);
  });

  it("a failing TIC file spoils the months only it could hold", () => {
    const histDown = new SheetError("na", "US Treasury TIC mfhhis01.txt: HTTP 404 not found");
    const r = small();
    r[4] = histDown;
    const held = hedgeHistory(args, parsed(r), "2026-02-15").slice(1).map((x) => x[col("japan_holdings_bn")]);
    expect(held).toEqual([histDown, histDown, 1190, 1225.3]); // slt_table5 holds 2025-12 and 2026-01
    const t5Down = new SheetError("na", "US Treasury TIC slt_table5.txt: no reply within 10 s (timeout)");
    const r2 = small();
    r2[5] = t5Down;
    const held2 = hedgeHistory(args, parsed(r2), "2026-02-15").slice(1).map((x) => x[col("japan_holdings_bn")]);
    expect(held2).toEqual([1200, 1202.7, 1185.5, t5Down]); // the history ends in 2025-12
  });

  it("without a FRED key the US columns say how to set one, and the Japanese ones fill", () => {
    const ctx: PlanContext = { via: "direct", today: "2026-02-15", keyHint: "use marginal-bid → Set FRED API key" };
    const plan = hedgeHistoryPlan({ start: "2025-10", end: "2026-01" }, ctx);
    expect(plan[0]).toBeInstanceOf(SheetError);
    const replies = plan.map((p, i) => (p instanceof SheetError ? p : small()[i]));
    const dec = row(hedgeHistory(args, parsed(replies), "2026-02-15"), "2025-12-31");
    expect((dec[col("us_10y")] as SheetError).message).toMatch(/^FRED needs an API key: .* then use marginal-bid → Set FRED API key$/);
    expect(dec[col("jgb_advantage")]).toBe(dec[col("us_10y")]);
    expect(dec[col("jgb_10y")]).toBe(0.02);
  });

  it("an unparseable reply is that source's #N/A, naming the file", () => {
    const r = small();
    r[1] = "<html>maintenance</html>";
    const dec = row(hedgeHistory(args, parsed(r), "2026-02-15"), "2025-12-31");
    expect((dec[col("us_3m")] as SheetError).message).toMatch(/^FRED DGS3MO: unparseable reply: not JSON/);
    expect(dec[col("us_10y")]).toBe(0.043);
  });

  it("never shows NaN or Infinity", () => {
    const cells: Cell[] = t.flat();
    expect(cells.every((c) => typeof c !== "number" || Number.isFinite(c))).toBe(true);
  });
});

describe("HEDGE_HISTORY's plan and months", () => {
  const ctx: PlanContext = { via: "direct", today: "2026-08-15", apiKey: "stored" };

  it("asks DGS10 and DGS3MO over the months, the two MoF files and the two TIC files, in that order", () => {
    const plan = hedgeHistoryPlan({ start: "2024-06", end: "2026-07" }, ctx) as DataRequest[];
    expect(plan.map((p) => p.label)).toEqual([
      "FRED DGS10",
      "FRED DGS3MO",
      "Japan MoF jgbcme.csv",
      "Japan MoF jgbcme_all.csv",
      "US Treasury TIC mfhhis01.txt",
      "US Treasury TIC slt_table5.txt",
    ]);
    expect(plan[0].url).toContain("series_id=DGS10&file_type=json&observation_start=2024-06-01&observation_end=2026-07-31&sort_order=asc");
    expect(plan[0].url).toContain("api_key=stored");
  });

  it("an api_key argument wins over the stored key; through the proxy no key is sent", () => {
    const direct = hedgeHistoryPlan({ start: "2024-06", end: "2024-06" }, ctx, "mine") as DataRequest[];
    expect(direct[1].url).toMatch(/api_key=mine$/);
    const proxied = hedgeHistoryPlan({ start: "2024-06", end: "2024-06" }, { ...ctx, via: "proxy", proxyBase: "http://localhost:8787" }) as DataRequest[];
    expect(proxied[0].url).toBe("http://localhost:8787/fred/series/observations?series_id=DGS10&file_type=json&observation_start=2024-06-01&observation_end=2024-06-30&sort_order=asc");
    expect(proxied.map((p) => p.url).some((u) => u.includes("api_key"))).toBe(false);
  });

  it("end defaults to the last complete calendar month; a start after it or an end in the future is #VALUE!", () => {
    expect(hedgeHistoryMonths("2024-06", undefined, "2026-08-15")).toEqual({ start: "2024-06", end: "2026-07" });
    expect(hedgeHistoryMonths("2026-08", "2026-08", "2026-08-15")).toEqual({ start: "2026-08", end: "2026-08" });
    expect(thrown(() => hedgeHistoryMonths("2026-08", undefined, "2026-08-15")).message).toBe("start 2026-08 is after end 2026-07");
    expect(thrown(() => hedgeHistoryMonths("2026-01", "2026-09", "2026-08-15")).message).toMatch(/end = 2026-09 is after this month \(2026-08\)/);
    expect(thrown(() => hedgeHistoryMonths(undefined, undefined, "2026-08-15")).message).toMatch(/start is required/);
  });
});
