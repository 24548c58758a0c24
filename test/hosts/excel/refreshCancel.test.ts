/**
 * The Excel add-in's live cells, canceled and refreshed: the adapter's `excel(NAME, args,
 * invocation)` (what the generated cancelable wrappers call) in Node, with stand-ins for
 * `CustomFunctions` and `OfficeRuntime.storage`, against a mock proxy on 127.0.0.1 that can hold
 * a request open and records whether its client went away. Expected values: our FRED fixtures
 * (test/fixtures/data, lines named).
 */
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { StandInError, installCustomFunctions, removeCustomFunctions } from "./customFunctionsStandIn";
import { own } from "../../helpers/dataFixtures";
import { excel } from "../../../src/hosts/excel/adapter";
import { resetLiveFetcher } from "../../../src/hosts/excel/fetcher";
import { PROXY_URL_KEY } from "../../../src/hosts/excel/proxySetting";
import { REFRESHED_AT_KEY } from "../../../src/hosts/excel/refresh";
import { excelSerial, refreshLiveData } from "../../../src/hosts/excel/taskpane/refreshLiveData";
import { REFRESH_LABEL } from "../../../src/model/modelSheet";

/** OfficeRuntime.storage, shared by the task pane and the custom functions. */
const stored = new Map<string, string>();
const officeStorage = {
  getItem: async (k: string) => stored.get(k) ?? null,
  setItem: async (k: string, v: string) => void stored.set(k, v),
  removeItem: async (k: string) => void stored.delete(k),
};

interface Held {
  series: string;
  res: ServerResponse;
  /** Set when the client closed the connection before the reply (an aborted fetch). */
  aborted: boolean;
}

/** The mock proxy: FRED observations from the fixtures, at once or held until released. */
const proxy = {
  url: "",
  hold: false,
  requests: [] as string[],
  /** The request targets as received (path and query). */
  targets: [] as string[],
  held: [] as Held[],
  close: async () => undefined as void,
};

function answer(series: string, res: ServerResponse): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(own(`fred_${series}_desc.json`));
}

beforeAll(async () => {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const series = new URL(req.url ?? "/", "http://127.0.0.1").searchParams.get("series_id") ?? "";
    proxy.requests.push(series);
    proxy.targets.push(req.url ?? "");
    if (!proxy.hold) return answer(series, res);
    const h: Held = { series, res, aborted: false };
    res.on("close", () => {
      if (!res.writableEnded) h.aborted = true;
    });
    proxy.held.push(h);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
  installCustomFunctions();
  (globalThis as Record<string, unknown>).OfficeRuntime = { storage: officeStorage };
});

afterAll(async () => {
  removeCustomFunctions();
  delete (globalThis as Record<string, unknown>).OfficeRuntime;
  await proxy.close();
});

beforeEach(() => {
  resetLiveFetcher();
  stored.clear();
  stored.set(PROXY_URL_KEY, proxy.url);
  proxy.hold = false;
  proxy.requests.length = 0;
  proxy.targets.length = 0;
  proxy.held.length = 0;
});

/** Excel passes every argument as a matrix ([[x]]), an omitted optional as null, and a CancelableInvocation last. */
const fred = (series: string, invocation?: { onCanceled?: () => void }) => excel("FRED", [[[series]], null, null, null], invocation) as Promise<unknown[][]>;
const until = async (cond: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond(), what).toBe(true);
};
const outcome = (p: Promise<unknown>) => p.then((v) => ({ value: v }), (e: unknown) => ({ error: e as StandInError }));

describe("Excel: a canceled live cell", () => {
  it("aborts its request when no other cell waits for it, and settles at once", async () => {
    proxy.hold = true;
    const inv: { onCanceled?: () => void } = {};
    const call = outcome(fred("DGS10", inv));
    await until(() => proxy.held.length === 1, "the request reached the proxy");
    expect(typeof inv.onCanceled).toBe("function");
    inv.onCanceled!();
    const r = await call;
    expect("error" in r && r.error.code).toBe("#N/A");
    await until(() => proxy.held[0].aborted, "the proxy saw the client go away");
  });

  it("leaves a shared request running while another cell waits: that cell still gets its value", async () => {
    proxy.hold = true;
    const first: { onCanceled?: () => void } = {};
    const a = outcome(fred("DGS10", first));
    const b = outcome(fred("DGS10", {}));
    await until(() => proxy.held.length === 1, "one request for both cells");
    await new Promise((r) => setTimeout(r, 50)); // both calls have joined the request
    first.onCanceled!();
    expect("error" in (await a)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(proxy.held[0].aborted, "the shared request stands").toBe(false);
    answer("DGS10", proxy.held[0].res);
    expect(await b).toEqual({ value: [[0.0469]] }); // fred_DGS10_desc.json line 2: 4.69 on 2026-08-06
    expect(proxy.requests).toEqual(["DGS10"]);
  });

  it("a cell that asks right after another canceled the same request gets its value from a new request", async () => {
    proxy.hold = true;
    const first: { onCanceled?: () => void } = {};
    const a = outcome(fred("DGS10", first));
    await until(() => proxy.held.length === 1, "the first request reached the proxy");
    first.onCanceled!();
    const b = outcome(fred("DGS10", {}));
    await a;
    await until(() => proxy.held.length === 2, "the second cell asked again");
    answer("DGS10", proxy.held[1].res);
    expect(await b).toEqual({ value: [[0.0469]] });
    expect(proxy.held[0].aborted).toBe(true);
  });

  it("a call that is not canceled is unaffected by the bookkeeping: values, sharing and the cache as before", async () => {
    const all = await Promise.all([fred("DGS10", {}), fred("DGS10", {}), fred("DGS3MO", {})]);
    expect(all).toEqual([[[0.0469]], [[0.0469]], [[0.0431]]]); // fred_DGS3MO_desc.json line 2: 4.31
    expect(await fred("DGS10", {})).toEqual([[0.0469]]);
    expect(proxy.requests.sort()).toEqual(["DGS10", "DGS3MO"]);
  });
});

/** The part of the Excel JavaScript API "Refresh live data" uses, recording what it does. */
function fakeExcel(sheets: Record<string, Record<string, { value?: unknown; formula?: string }>>) {
  const calculations: string[] = [];
  const colOf = (ref: string) => ref.charCodeAt(0) - 64;
  const context = {
    workbook: {
      worksheets: {
        items: [] as unknown[],
        load() {},
      },
      application: { calculate: (type: string) => void calculations.push(type) },
    },
    sync: async () => {
      context.workbook.worksheets.items = Object.entries(sheets).map(([name, cells]) => ({
        name,
        findAllOrNullObject(text: string, criteria: { completeMatch?: boolean }) {
          const refs = Object.keys(cells).filter((ref) => criteria.completeMatch && String(cells[ref].value ?? "").toLowerCase() === text.toLowerCase());
          return {
            isNullObject: refs.length === 0,
            load() {},
            areas: {
              items: refs.map((ref) => ({
                getOffsetRange(dr: number, dc: number) {
                  const target = `${String.fromCharCode(64 + colOf(ref) + dc)}${Number(ref.slice(1)) + dr}`;
                  return {
                    load() {},
                    get formulas() {
                      return [[cells[target]?.formula ?? cells[target]?.value ?? ""]];
                    },
                    set formulas(f: unknown[][]) {
                      const v = f[0][0];
                      cells[target] = typeof v === "string" && v.startsWith("=") ? { formula: v } : { value: v };
                    },
                  };
                },
              })),
            },
          };
        },
      }));
    },
  };
  return { context: context as unknown as Excel.RequestContext, calculations, sheets };
}

describe("Excel: Refresh live data (task pane)", () => {
  it("stamps the time, sets the refresh cells, recalculates fully; live cells then ask the proxy again", async () => {
    expect(await fred("DEXJPUS", {})).toEqual([[147.25]]); // fred_DEXJPUS_desc.json line 2
    expect(await fred("DEXJPUS", {})).toEqual([[147.25]]); // fresh in the add-in's cache: not asked again
    expect(proxy.requests).toEqual(["DEXJPUS"]);

    await new Promise((r) => setTimeout(r, 5)); // the click comes after the fetch, on the same clock
    const now = new Date();
    const excelApi = fakeExcel({ "marginal-bid live model": { K3: { value: REFRESH_LABEL } }, Other: { A1: { value: REFRESH_LABEL }, B1: { formula: "=NOW()" } } });
    expect(await refreshLiveData(excelApi.context, officeStorage, now)).toBe(1);
    expect(stored.get(REFRESHED_AT_KEY)).toBe(String(now.getTime()));
    expect(excelApi.sheets["marginal-bid live model"].L3).toEqual({ value: excelSerial(now) });
    expect(excelApi.sheets.Other.B1).toEqual({ formula: "=NOW()" }); // a refresh cell with a formula is the user's
    expect(excelApi.calculations).toEqual(["Full"]);

    // Excel's full calculation calls the live functions again: the copy from before the click is not served.
    expect(await fred("DEXJPUS", {})).toEqual([[147.25]]);
    expect(proxy.requests).toEqual(["DEXJPUS", "DEXJPUS"]);
    expect(await fred("DEXJPUS", {})).toEqual([[147.25]]); // fetched after the click: cached as usual
    resetLiveFetcher(); // and a new Excel session serves it from OfficeRuntime.storage
    expect(await fred("DEXJPUS", {})).toEqual([[147.25]]);
    expect(proxy.requests).toEqual(["DEXJPUS", "DEXJPUS"]);

    // The request after the click told the proxy the click's time (the one before it, nothing new);
    // the add-in keeps one entry for the data, whatever the refresh.
    const [before, after] = proxy.targets;
    expect(before).not.toContain("refreshed_at");
    expect(after).toBe(`${before}&refreshed_at=${now.getTime()}`);
    expect([...stored.keys()].filter((k) => k.includes("DEXJPUS"))).toHaveLength(1);
  });

  it("a runtime that starts after the click serves nothing stored before it (another window's pane, or a restart)", async () => {
    expect(await fred("DEXJPUS", {})).toEqual([[147.25]]); // stored in OfficeRuntime.storage
    resetLiveFetcher();
    expect(await fred("DEXJPUS", {})).toEqual([[147.25]]); // a new session: from storage, not asked
    expect(proxy.requests).toEqual(["DEXJPUS"]);
    await new Promise((r) => setTimeout(r, 5));
    stored.set(REFRESHED_AT_KEY, String(Date.now())); // the click, seen by no running call
    resetLiveFetcher();
    expect(await fred("DEXJPUS", {})).toEqual([[147.25]]);
    expect(proxy.requests).toEqual(["DEXJPUS", "DEXJPUS"]);
  });

  it("without ExcelApi 1.9 (no search) still stamps and recalculates", async () => {
    const excelApi = fakeExcel({ S: { K3: { value: REFRESH_LABEL } } });
    expect(await refreshLiveData(excelApi.context, officeStorage, new Date(), false)).toBe(0);
    expect(excelApi.sheets.S.L3).toBeUndefined();
    expect(excelApi.calculations).toEqual(["Full"]);
    expect(stored.has(REFRESHED_AT_KEY)).toBe(true);
  });

  it("an Excel date-time serial is days since 1899-12-30 in local time", () => {
    // Excel: =DATE(2026,8,7)+TIME(12,0,0) → 46241.5 (Python: date(2026,8,7) − date(1899,12,30) = 46241 days)
    expect(excelSerial(new Date(2026, 7, 7, 12, 0, 0))).toBeCloseTo(46241.5, 9);
  });
});
