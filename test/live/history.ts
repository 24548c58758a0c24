/**
 * What HEDGE_HISTORY and JAPAN_FLOWS must give end to end, computed by the pure core
 * (src/live/hedgeHistory.ts, japanFlows.ts) on the very files the mock sources serve
 * (test/helpers/upstreams.ts `realEndpoints`): the publishers' real files from test/fixtures/real, and
 * our small current-month MoF file. Both host tests compare their cells with these tables.
 */
import { chainHistory, chainHistoryPlan } from "../../src/live/chainHistory";
import { hedgeHistory, hedgeHistoryPlan } from "../../src/live/hedgeHistory";
import { type FlowSeries, japanFlows, japanFlowsPlan } from "../../src/live/japanFlows";
import { PROXY, parsedReplies } from "../helpers/liveCalls";
import type { Table } from "../../src/core/table";
import { own } from "../helpers/dataFixtures";
import { realFixtureBytes } from "../helpers/realFixtures";
import { REAL, realFredJson } from "../helpers/upstreams";

const text = (name: string) => realFixtureBytes(name).toString("utf8");

/** HEDGE_HISTORY by the core on the mocks' files (`today` only decides which MoF file holds a month). */
export function expectedHedgeHistory(start: string, end: string, today: string, basis = 0): Table {
  const bodies = [
    realFredJson("DGS10"),
    realFredJson("DGS3MO"), // the mock serves the CSV rewritten as the API's JSON
    own("mof_jgbcme_small.csv"),
    text(REAL.mofAll),
    text(REAL.ticHistory),
    text(REAL.tic),
  ];
  const replies = parsedReplies(hedgeHistoryPlan({ start, end }, PROXY), bodies);
  return hedgeHistory({ start, end, basis }, replies, today);
}

/** The MoF monthly flows file as the proxy hands it on: decoded from cp932. */
export const mofMonthlyText = () => new TextDecoder("shift_jis").decode(realFixtureBytes(REAL.mofFlowsMonthly));

/** CHAIN_HISTORY by the core on the mocks' files. */
export function expectedChainHistory(start: string, end: string, today: string, basis = 0): Table {
  const bodies = [
    realFredJson("DGS10"),
    realFredJson("DGS3MO"),
    realFredJson("DEXJPUS"),
    realFredJson("THREEFYTP10"),
    own("mof_jgbcme_small.csv"),
    text(REAL.mofAll),
    mofMonthlyText(),
  ];
  const replies = parsedReplies(chainHistoryPlan({ start, end }, PROXY), bodies);
  return chainHistory({ start, end, basis }, replies, today);
}

/** JAPAN_FLOWS by the core on week.csv decoded from cp932. */
export function expectedFlows(weeks: number, series: FlowSeries, end?: string): Table {
  const decoded = new TextDecoder("shift_jis").decode(realFixtureBytes(REAL.mofFlowsWeekly));
  return japanFlows({ weeks, series, end }, parsedReplies(japanFlowsPlan(PROXY), [decoded]));
}
