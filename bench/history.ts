/**
 * Benchmark: the real-data history layer on the real publisher files (test/fixtures/real):
 * parsing each file a history function fetches, then HEDGE_HISTORY and JAPAN_FLOWS from the
 * replies, and PAR_TO_ZERO on the JGB recipe's 376 monthly curves. Figures only.
 *
 *   npx tsx bench/history.ts
 */
import type { DataRequest } from "../src/sources/request";
import { parseFredObservations } from "../src/sources/fred";
import { hedgeHistory, hedgeHistoryPlan } from "../src/live/hedgeHistory";
import { japanFlows } from "../src/live/japanFlows";
import { parseMofJgb } from "../src/sources/mofCurve";
import { parseMofWeekly } from "../src/sources/mofFlows/weekly";
import { parseTicHistory } from "../src/sources/tic/history";
import { parToZero } from "../src/core/termstructure/parToZero";
import { fredgraphCsvToApiJson } from "../test/helpers/fredgraph";
import { realFixtureBytes } from "../test/helpers/realFixtures";

const RUNS = 9;
const PROXY_CONTEXT = { via: "proxy" as const, proxyBase: "http://localhost:8787", today: "2024-08-15" };

/** Median and fastest wall time (ms) over RUNS runs after one warm-up, and the cold first call (on a shared machine the fastest is the cost, the median the wait). */
function time(f: () => unknown): { median: number; min: number; cold: number } {
  let t0 = performance.now();
  f();
  const cold = performance.now() - t0;
  const t: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(RUNS / 2)], min: t[0], cold };
}

function row(label: string, f: () => unknown): void {
  const { median, min, cold } = time(f);
  console.log(`  ${label.padEnd(72)}${median.toFixed(1).padStart(8)} ms  (fastest ${min.toFixed(1)}, cold ${cold.toFixed(1)})`);
}

export function benchHistory(): void {
  const files = {
    week: "mof_itn_week_sjis_2005-01-02_2026-09-12.csv",
    mfhhis: "tic_mfhhis01_crlf_2000-2025_rev2026-05.txt",
    table5: "tic_slt_table5_2025-04_2026-04.txt",
    mofAll: "mof_jgbcme_all_1974-2024.csv",
    dgs10: "fred_api_DGS10_observations_asc_2000_rt2026-08-21.json",
    dgs3mo: "fred_DGS3MO_fredgraph_csv_1981-09-01_2026-04-17.csv",
  };
  const bytes = Object.fromEntries(Object.entries(files).map(([k, name]) => [k, realFixtureBytes(name)])) as Record<keyof typeof files, Buffer>;
  const text = (k: keyof typeof files) => bytes[k].toString("utf8");
  const week = new TextDecoder("shift_jis").decode(bytes.week);
  const dgs3mo = fredgraphCsvToApiJson(text("dgs3mo"), "DGS3MO");
  console.log(`History layer on the real files (Node ${process.version}):`);
  row(`decode week.csv from cp932 (${bytes.week.length.toLocaleString("en-US")} bytes)`, () => new TextDecoder("shift_jis").decode(bytes.week));
  row("parseMofWeekly (1,132 weeks)", () => parseMofWeekly(week));
  row(`parseTicHistory mfhhis01.txt (${bytes.mfhhis.length.toLocaleString("en-US")} bytes, 310 months)`, () => parseTicHistory(text("mfhhis")));
  row(`parseMofJgb jgbcme_all.csv (${bytes.mofAll.length.toLocaleString("en-US")} bytes, 12,783 days)`, () => parseMofJgb(text("mofAll")));
  row("parseFredObservations DGS10 (6,949 days) + DGS3MO (11,644)", () => [parseFredObservations(text("dgs10"), "DGS10"), parseFredObservations(dgs3mo, "DGS3MO")]);
  const plan = hedgeHistoryPlan({ start: "2000-03", end: "2024-07" }, PROXY_CONTEXT) as DataRequest[];
  const bodies = [text("dgs10"), dgs3mo, "Date,1Y,10Y\r\n", text("mofAll"), text("mfhhis"), text("table5")];
  const args = { start: "2000-03", end: "2024-07", basis: 0 };
  // Cold: every reply parsed, as on the first call of a runtime; warm: the cache holds them parsed (src/sources/cache.ts).
  row("HEDGE_HISTORY 2000-03 .. 2024-07, cold: parse the six replies + compute", () => hedgeHistory(args, plan.map((r, i) => r.parse(bodies[i])), "2024-08-15"));
  const parsed = plan.map((r, i) => r.parse(bodies[i]));
  row("HEDGE_HISTORY 2000-03 .. 2024-07, warm: compute on the parsed replies", () => hedgeHistory(args, parsed, "2024-08-15"));
  const weeks = parseMofWeekly(week);
  row("JAPAN_FLOWS, 2,000 weeks, warm (parsed week.csv)", () => japanFlows({ weeks: 2000, series: "foreign_bonds" }, [weeks]));
  const curve = parseMofJgb(text("mofAll"));
  const monthEnds = new Map<string, number[]>();
  for (const r of curve.rows) {
    const par = r.yields.slice(0, 10);
    if (par.every((p) => p !== null)) monthEnds.set(r.date.slice(0, 7), par as number[]);
  }
  const years = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const curves = [...monthEnds.values()].slice(-376);
  row(`PAR_TO_ZERO on ${curves.length} monthly MoF curves (1..10 years, freq 2)`, () => curves.map((c) => parToZero(c, years, 2)));
}

if (/bench[\\/]history\.ts$/.test(process.argv[1] ?? "")) benchHistory();
