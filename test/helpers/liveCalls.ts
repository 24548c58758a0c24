/**
 * Calling the live functions as a host does, for the tests of the live functions
 * (test/live/functions.test.ts) and of their arguments (test/args/live.test.ts).
 */
import { invoke, readSingleArgs } from "../../src/args/invoke";
import { parseBody } from "../../src/sources/check";
import { findFunction } from "../../src/catalog";
import type { LiveFunctionSpec } from "../../src/catalog/spec";
import { SheetError } from "../../src/core/errors";
import type { DataRequest, PlanContext, PlanItem, Reply } from "../../src/sources/request";

export const PROXY: PlanContext = { via: "proxy", proxyBase: "http://localhost:8787", today: "2026-08-07" };
export const DIRECT: PlanContext = { via: "direct", today: "2026-08-07", apiKey: "0123456789abcdef0123456789abcdef", keyHint: "set it with marginal-bid → Set FRED API key" };

export const live = (name: string) => findFunction(name) as LiveFunctionSpec;

/** The requests a call plans, its arguments read by the argument layer as in every host. */
export const planOf = (name: string, args: unknown[], ctx: PlanContext = PROXY): PlanItem[] => live(name).live.plan(readSingleArgs(live(name), args), ctx);

let asked = 0;

/** How many requests the calls so far have asked for. */
export const askedCount = () => asked;

/**
 * Run a call through the one pipeline (src/args/invoke.ts) with a fetcher whose reply bodies come
 * from `replyFor` (each judged by its request's parser, as every fetcher does); errors as values.
 * Counts the requests asked for.
 */
export function call(name: string, args: unknown[], replyFor: (r: DataRequest) => Reply, ctx: PlanContext = PROXY): unknown {
  const answer = (r: DataRequest): Reply => {
    const body = replyFor(r);
    if (body instanceof SheetError) return body;
    const c = parseBody(r, String(body));
    return c.ok ? c.parsed : c.error;
  };
  const replies = (items: readonly PlanItem[]) => items.map((it) => (it instanceof SheetError ? it : (asked++, answer(it))));
  return invoke(live(name), args, { context: () => ctx, replies });
}

/** Reply bodies (plan order) as a fetcher hands them to compute: each parsed by its plan item's parser, errors passed on. */
export function parsedReplies(items: readonly PlanItem[], bodies: readonly Reply[]): Reply[] {
  return items.map((it, i) => {
    const b = bodies[i];
    if (b instanceof SheetError) return b;
    if (it instanceof SheetError) return it;
    const c = parseBody(it, String(b));
    return c.ok ? c.parsed : c.error;
  });
}
