/**
 * Calling the live functions as a host does, for the tests of the live functions
 * (test/core/data/live.test.ts) and of their arguments (test/args/live.test.ts).
 */
import { readSingleArgs } from "../../src/args/invoke";
import { findFunction } from "../../src/catalog";
import type { LiveFunctionSpec } from "../../src/catalog/spec";
import { SheetError } from "../../src/core/errors";
import type { DataRequest, PlanContext, PlanItem, Reply } from "../../src/core/data/request";
import { runLiveSync } from "../../src/live/run";

export const PROXY: PlanContext = { via: "proxy", proxyBase: "http://localhost:8787", today: "2026-08-07" };
export const DIRECT: PlanContext = { via: "direct", today: "2026-08-07", apiKey: "0123456789abcdef0123456789abcdef", keyHint: "set it with marginal-bid → Set FRED API key" };

export const live = (name: string) => findFunction(name) as LiveFunctionSpec;

/** The requests a call plans, its arguments read by the argument layer as in every host. */
export const planOf = (name: string, args: unknown[], ctx: PlanContext = PROXY): PlanItem[] => live(name).live.plan(readSingleArgs(live(name), args), ctx);

let asked = 0;

/** How many requests the calls so far have asked for. */
export const askedCount = () => asked;

/** Run a call as a host does (src/live/run.ts), the replies by label from `replyFor`; errors as values. Counts the requests asked for. */
export function call(name: string, args: unknown[], replyFor: (r: DataRequest) => Reply, ctx: PlanContext = PROXY): unknown {
  const replies = (items: readonly PlanItem[]) => items.map((it) => (it instanceof SheetError ? it : (asked++, replyFor(it))));
  return runLiveSync(live(name), args, ctx, { replies });
}
