/**
 * dist/functions.js in a Web Worker: the closest stand-in for Excel's JavaScript-only runtime
 * (no DOM, no window, a smaller stack than a page's). A page on 127.0.0.1 starts a worker that
 * installs the CustomFunctions stand-in and loads the bundle with `importScripts`, as the
 * runtime does; the registered functions are then called with whole columns the way Excel
 * passes them (1,048,576 rows, Excel's sheet). The worker checks every row and reports a summary.
 *
 * Skipped with a printed reason when Chromium is missing, except in CI (CI=true), where that fails.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, ensureDist, readMetadata } from "./dist";
import { type StaticServer, serveDir } from "./server";
import { findChromium, toolAvailable } from "../../helpers/tools";
import { type OfflineChromium, launchOfflineChromium } from "./chromium";
import { standInScript } from "./customFunctionsStandIn";

const chromiumLookup = findChromium();
const haveChromium = toolAvailable(chromiumLookup, "the Excel Web Worker test");

/** Rows of an Excel sheet: a whole-column reference such as B:B. */
const ROWS = 1_048_576;

/**
 * The worker: the stand-in, then the bundle, then one handler per check. Inputs are built
 * inside the worker (as the runtime hands them over); each handler answers with plain JSON.
 */
const WORKER = `${standInScript("self")}
importScripts("/functions.js");

const checks = {
  ids: () => self.__excel.associations,

  // HEDGED_UST(B:B, 4.5%, 0.5%): ust_i = 3% + (i mod 2000)·10^-5, each row checked against the
  // closed form ust − (us_short − jp_short) (note §3.1).
  hedgedUst: (n) => {
    const ust = new Array(n);
    for (let i = 0; i < n; i++) ust[i] = [0.03 + (i % 2000) * 1e-5];
    const out = self.__excel.registry.HEDGED_UST(ust, [[0.045]], [[0.005]], null, null, null);
    let badShape = 0, worst = 0;
    for (let i = 0; i < out.length; i++) {
      if (!Array.isArray(out[i]) || out[i].length !== 1 || typeof out[i][0] !== "number") { badShape++; continue; }
      worst = Math.max(worst, Math.abs(out[i][0] - (ust[i][0] - (0.045 - 0.005))));
    }
    return { rows: out.length, badShape, worst, last: out[n - 1][0] };
  },

  // ZERO_TO_PAR(A:A, B:B) spills one row per maturity. A flat 4% zero curve; maturities
  // (i + 1)/16384 years (exact binary fractions, up to 64 years): every 8,192nd is a whole number
  // of half-years and gets a par yield, every other row is a #VALUE! element of its own.
  zeroToPar: (n) => {
    const zeros = new Array(n), maturities = new Array(n);
    for (let i = 0; i < n; i++) { zeros[i] = [0.04]; maturities[i] = [(i + 1) / 16384]; }
    const out = self.__excel.registry.ZERO_TO_PAR(zeros, maturities, null);
    const cf = self.CustomFunctions;
    let badShape = 0, errors = 0, wrongErrorRow = 0;
    const pars = [];
    let message = "";
    for (let i = 0; i < out.length; i++) {
      const row = out[i];
      if (!Array.isArray(row) || row.length !== 1) { badShape++; continue; }
      const whole = (i + 1) % 8192 === 0;
      if (row[0] instanceof cf.Error && row[0].code === "#VALUE!") { errors++; if (whole) wrongErrorRow++; if (!message) message = row[0].message; }
      else if (typeof row[0] === "number" && whole) pars.push([i, row[0]]);
      else badShape++;
    }
    return { rows: out.length, badShape, errors, wrongErrorRow, message, pars };
  },
};

onmessage = (e) => {
  try {
    postMessage({ ok: true, value: checks[e.data.check](e.data.n) });
  } catch (err) {
    postMessage({ ok: false, error: String(err && err.stack || err) });
  }
};`;

const PAGE = "<!doctype html><title>functions.js in a Web Worker</title>";

/** Start a fresh worker from the page, run one check in it, and return its answer. */
async function inWorker<T>(page: Page, check: string, n?: number): Promise<T> {
  const answer = (await page.evaluate(
    ([check, n]) =>
      new Promise((resolve) => {
        const w = new Worker("/worker.js");
        w.onmessage = (e) => {
          resolve(e.data);
          w.terminate();
        };
        w.onerror = (e) => {
          resolve({ ok: false, error: `worker error: ${e.message}` });
          w.terminate();
        };
        w.postMessage({ check, n });
      }),
    [check, n] as const,
  )) as { ok: true; value: T } | { ok: false; error: string };
  if (!answer.ok) throw new Error(`the worker failed on ${check}: ${answer.error}`);
  return answer.value;
}

describe.skipIf(!haveChromium)("dist/functions.js in a Web Worker (headless Chromium)", () => {
  let server: StaticServer;
  let browser: OfflineChromium;
  let page: Page;

  beforeAll(async () => {
    ensureDist();
    server = await serveDir(DIST, { "/worker.html": PAGE, "/worker.js": WORKER });
    browser = await launchOfflineChromium(chromiumLookup.ok ? chromiumLookup.path : "");
    page = await browser.context.newPage();
    await page.goto(`${server.url}/worker.html`, { waitUntil: "load" });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("importScripts loads functions.js with no DOM, and every id of functions.json associates exactly once", async () => {
    const associations = await inWorker<string[]>(page, "ids");
    const ids = readMetadata().functions.map((f) => f.id);
    expect([...associations].sort()).toEqual([...ids].sort());
    expect(new Set(associations).size).toBe(associations.length);
    expect(server.requests).toContain("/functions.js");
  }, 60_000);

  it(`HEDGED_UST over a whole column: ${ROWS.toLocaleString("en-US")} rows in, ${ROWS.toLocaleString("en-US")} rows out, each the closed form (note §3.1)`, async () => {
    const r = await inWorker<{ rows: number; badShape: number; worst: number; last: number }>(page, "hedgedUst", ROWS);
    expect(r.rows).toBe(ROWS);
    expect(r.badShape).toBe(0);
    expect(r.worst).toBeLessThan(1e-15);
    // Row 1,048,576: i = 1,048,575, i mod 2000 = 575 → ust 3.575%, hedged 3.575% − 4.00% = −0.425%.
    expect(r.last).toBeCloseTo(-0.00425, 15);
  }, 120_000);

  it(`ZERO_TO_PAR, a table function, over ${ROWS.toLocaleString("en-US")} maturities spills ${ROWS.toLocaleString("en-US")} rows: par yields at whole half-years, #VALUE! in its own row elsewhere`, async () => {
    const r = await inWorker<{ rows: number; badShape: number; errors: number; wrongErrorRow: number; message: string; pars: [number, number][] }>(page, "zeroToPar", ROWS);
    expect(r.rows).toBe(ROWS);
    expect(r.badShape).toBe(0);
    expect(r.wrongErrorRow).toBe(0);
    // 64 years of half-years: 128 par yields, the other rows errors.
    expect(r.pars.length).toBe(128);
    expect(r.errors).toBe(ROWS - 128);
    expect(r.message).toBe("maturities_years item 1 = 0.00006103515625 with freq = 2 is not a whole number of coupon periods");
    // A flat continuously compounded zero curve z: the geometric sum gives the par yield f·(e^(z/f) − 1)
    // at every maturity (independent closed form of c = f·(1 − d(T))/Σ d(k/f)).
    const par = 2 * (Math.exp(0.04 / 2) - 1);
    for (const [, v] of r.pars) expect(v).toBeCloseTo(par, 13);
  }, 180_000);
});
