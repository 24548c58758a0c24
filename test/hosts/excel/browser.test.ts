/**
 * The built add-in in a real browser: headless Chromium (Debian's, driven by playwright-core)
 * loads dist/functions.html and dist/functions.js from a server on 127.0.0.1, with a stand-in
 * for Excel's `CustomFunctions` (associate, Error, ErrorCode: outside Office the runtime has no
 * host to register with). The registered functions are then called the way Excel calls them.
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
const haveChromium = toolAvailable(chromiumLookup, "the Excel browser test");
const CHROMIUM = chromiumLookup.ok ? chromiumLookup.path : "";

/** What a call gave, in plain JSON: a matrix (errors as {error, message}) or a thrown error. */
type Outcome =
  | { ok: true; value: unknown[][] }
  | { ok: false; isCustomFunctionsError: boolean; code?: string; message: string };

/** Call a registered function in the page as Excel would (awaiting a Promise), and describe the outcome in JSON. */
const CALL = `async (id, args) => {
  const cf = window.CustomFunctions;
  const plain = (v) => (v instanceof cf.Error ? { error: v.code, message: v.message, isCustomFunctionsError: true } : v);
  try {
    const r = await window.__excel.registry[id](...args);
    if (!Array.isArray(r) || !r.every((row) => Array.isArray(row))) return { ok: false, isCustomFunctionsError: false, message: "not a matrix: " + JSON.stringify(r) };
    return { ok: true, value: r.map((row) => row.map(plain)) };
  } catch (e) {
    return { ok: false, isCustomFunctionsError: e instanceof cf.Error, code: e && e.code, message: e && e.message };
  }
}`;

async function call(page: Page, id: string, args: unknown[]): Promise<Outcome> {
  return (await page.evaluate(`(${CALL})(${JSON.stringify(id)}, ${JSON.stringify(args)})`)) as Outcome;
}

describe.skipIf(!haveChromium)("dist/functions.js in headless Chromium", () => {
  let server: StaticServer;
  let browser: OfflineChromium;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureDist();
    server = await serveDir(DIST);
    browser = await launchOfflineChromium(CHROMIUM);
    page = await browser.context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.addInitScript({ content: standInScript("window") });
    await page.goto(`${server.url}/functions.html`, { waitUntil: "load" });
    await page.waitForFunction("window.__excel.associations.length > 0");
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("functions.html loads Microsoft's runtime library and then functions.js from the add-in's host", () => {
    expect(server.requests).toContain("/functions.html");
    expect(server.requests).toContain("/functions.js");
    // Nothing on the page threw while loading: neither our bundle nor the runtime library.
    expect(pageErrors).toEqual([]);
  });

  it("associates every id of functions.json exactly once, and nothing else", async () => {
    const associations = (await page.evaluate("window.__excel.associations")) as string[];
    const ids = readMetadata().functions.map((f) => f.id);
    expect([...associations].sort()).toEqual([...ids].sort());
    expect(new Set(associations).size).toBe(associations.length);
  });

  it("HEDGED_UST of the note's numbers is 0.30% (note §3.1: 4.30% − (4.50% − 0.50%))", async () => {
    // Excel passes single values as 1×1 matrices and omitted optionals as null.
    const r = await call(page, "HEDGED_UST", [[[0.043]], [[0.045]], [[0.005]], null, null, null]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.length).toBe(1);
    expect(r.value[0].length).toBe(1);
    expect(r.value[0][0] as number).toBeCloseTo(0.003, 12);
  });

  it("JGB_ADVANTAGE is 1.20pp before and after a 50bp hike (note §3.1: 1.50% vs 0.30%; §3.2: 2.00% vs 0.80%)", async () => {
    const before = await call(page, "JGB_ADVANTAGE", [[[0.015]], [[0.043]], [[0.045]], [[0.005]], null, null, null]);
    const after = await call(page, "JGB_ADVANTAGE", [[[0.02]], [[0.043]], [[0.045]], [[0.01]], null, null, null]);
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(before.value[0][0] as number).toBeCloseTo(0.012, 12);
    expect(after.value[0][0] as number).toBeCloseTo(0.012, 12);
  });

  it("a number[][] column broadcasts against single values and spills a column (note §3.1 and §3.2: 0.30% → 0.80%)", async () => {
    // jp_short 0.50% before, 1.00% after the BOJ's +50bp.
    const r = await call(page, "HEDGED_UST", [[[0.043]], [[0.045]], [[0.005], [0.01]], null, null, null]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.length).toBe(2);
    expect(r.value[0][0] as number).toBeCloseTo(0.003, 12);
    expect(r.value[1][0] as number).toBeCloseTo(0.008, 12);
  });

  it("a blank passed as 0 (Excel desktop) is the number 0: basis 0 gives the same 0.30% (Excel desktop passes an empty cell as 0: docs/functions.md, CHAIN)", async () => {
    const r = await call(page, "HEDGED_UST", [[[0.043]], [[0.045]], [[0.005]], [[0]], null, null]);
    expect(r.ok && (r.value[0][0] as number)).toBeCloseTo(0.003, 12);
  });

  it("a blank cell inside a range (null, Excel on the web) gives a blank result cell (README: a blank input cell gives a blank result cell)", async () => {
    const r = await call(page, "HEDGED_UST", [[[0.043], [null]], [[0.045]], [[0.005]], null, null, null]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0][0] as number).toBeCloseTo(0.003, 12);
    expect(r.value[1][0]).toBe("");
  });

  it("CHAIN with omitted inputs spills the 16×4 transmission table: US 10y 4.30% → 4.60%, scenario A → B (CHAIN's example, docs/functions.md; note §3.3, §6.3)", async () => {
    const r = await call(page, "CHAIN", [null]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.length).toBe(16);
    expect(r.value.every((row) => row.length === 4)).toBe(true);
    expect(r.value[0]).toEqual(["step", "before", "after", "change"]);
    const row = (label: string) => r.value.find((x) => x[0] === label)!;
    // §3.3: half of 75bn a year stops → 37.5bn × 80bp per 100bn = +30bp on the US 10y.
    expect(row("us_10y")[1] as number).toBeCloseTo(0.043, 12);
    expect(row("us_10y")[2] as number).toBeCloseTo(0.046, 12);
    expect(row("us_10y")[3] as number).toBeCloseTo(0.003, 12);
    // §6.3: 4.30% is scenario A (below 4.5%), 4.60% is B.
    expect(row("scenario").slice(1)).toEqual(["A", "B", ""]);
    // §3.1/§3.2: hedged UST 0.30% → 0.80%.
    expect(row("hedged_ust")[1] as number).toBeCloseTo(0.003, 12);
    expect(row("hedged_ust")[2] as number).toBeCloseTo(0.008, 12);
    // HOLDINGS_LOSS's example (docs/functions.md): holdings −27.12bn = 1,130 × (−8 × 0.30%).
    expect(row("holdings_mtm_bn")[3] as number).toBeCloseTo(-27.12, 9);
  });

  it("CHAIN reads an Excel input block (name/value pairs as a 2-column matrix): a 100bp hike moves jp_short to 1.50%", async () => {
    const r = await call(page, "CHAIN", [[["hike_bp", 100], ["bid_cut", 0.5]]]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 0.50% + 100bp × pass-through 1 (the pass-through rule of BOJ_HIKE and CHAIN, docs/functions.md).
    expect(r.value.find((x) => x[0] === "jp_short")![2] as number).toBeCloseTo(0.015, 12);
  });

  it("a percent-looking rate throws CustomFunctions.Error #VALUE! with the README's message", async () => {
    const r = await call(page, "HEDGED_UST", [[[4.3]], [[0.045]], [[0.005]], null, null, null]);
    expect(r).toEqual({ ok: false, isCustomFunctionsError: true, code: "#VALUE!", message: "ust_yield = 4.3 looks like a percent: enter 4.3% or 0.043" });
  });

  it("FX_BREAKEVEN fully hedged throws #VALUE! \"fully hedged: no FX breakeven\" (docs/functions.md, FX_BREAKEVEN)", async () => {
    const r = await call(page, "FX_BREAKEVEN", [[[0.043]], [[0.015]], [[1]], null]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.isCustomFunctionsError).toBe(true);
    expect(r.code).toBe("#VALUE!");
    expect(r.message).toContain("fully hedged: no FX breakeven");
  });

  it("one bad cell in a range spoils only its own result element, as a CustomFunctions.Error (README: one bad cell in a range spoils only its own result cell)", async () => {
    const r = await call(page, "HEDGED_UST", [[[0.043], ["abc"], [0.043]], [[0.045]], [[0.005]], null, null, null]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0][0] as number).toBeCloseTo(0.003, 12);
    expect(r.value[1][0]).toEqual({ error: "#VALUE!", message: 'ust_yield (row 2, column 1) = "abc" is not a number', isCustomFunctionsError: true });
    expect(r.value[2][0] as number).toBeCloseTo(0.003, 12);
  });

  it("a result that is not a finite number is #NUM! (README: no NaN or Infinity ever reaches a cell)", async () => {
    // 1e308 × (−1e10 × 0.5) overflows to −Infinity: HOLDINGS_LOSS = holdings·(−D·Δy).
    const r = await call(page, "HOLDINGS_LOSS", [[[1e308]], [[0.5]], [[1e10]], null]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.isCustomFunctionsError).toBe(true);
    expect(r.code).toBe("#NUM!");
  });

  it("an unknown TP_IMPACT preset is #VALUE! listing the names (docs/functions.md, TP_IMPACT's presets)", async () => {
    const r = await call(page, "TP_IMPACT", [[[37.5]], [["nope"]]]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("#VALUE!");
    for (const name of ["note", "short_run", "central", "long_run", "stress"]) expect(r.message).toContain(`"${name}"`);
  });

  it("our code asks for nothing off 127.0.0.1 (only the runtime library's own Microsoft requests were refused)", () => {
    // Microsoft's scripts came from the @microsoft/office-js package; its telemetry was refused here.
    expect(browser.offline.filter((u) => !/\.(microsoft|office|oaspapps)\.com\//.test(u))).toEqual([]);
  });
});
