/**
 * The HyperFormula host: every catalog function registered from the table, evaluated through
 * the argument layer, with errors and spills translated to HyperFormula's.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DetailedCellError, HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { CATALOG } from "../../../src/catalog";
import { invoke, noFetcherError } from "../../../src/args/invoke";
import { own } from "../../helpers/dataFixtures";
import { parsedReplies } from "../../helpers/liveCalls";
import { SheetError } from "../../../src/core/errors";
import type { PlanItem } from "../../../src/sources/request";
import { createEngine, registerMarginalBidFunctions, typicalTableSize } from "../../../src/hosts/hyperformula/plugin";

let engines: HyperFormula[] = [];
afterEach(() => {
  engines.forEach((e) => e.destroy());
  engines = [];
});

/** One sheet named S from rows of raw contents. */
function sheet(rows: RawCellContent[][]) {
  const hf = createEngine({ S: rows });
  engines.push(hf);
  const at = (ref: string) => {
    const a = hf.simpleCellAddressFromString(ref, 0);
    if (!a) throw new Error(ref);
    return a;
  };
  return {
    hf,
    value: (ref: string) => hf.getCellValue(at(ref)),
    range: (range: string) => {
      const r = hf.simpleCellRangeFromString(range, 0);
      if (!r) throw new Error(range);
      return hf.getRangeValues(r);
    },
  };
}

describe("registration", () => {
  it("registers every catalog function under its own name, in HyperFormula's default language", () => {
    const names = registerMarginalBidFunctions();
    expect(names).toEqual(CATALOG.map((f) => f.name));
    const known = new Set(HyperFormula.getRegisteredFunctionNames("enGB"));
    for (const f of CATALOG) expect(known.has(f.name), f.name).toBe(true);
  });

  it("registering twice is harmless", () => {
    expect(registerMarginalBidFunctions()).toBe(registerMarginalBidFunctions());
  });

  it("every catalog function is callable in a formula (never #NAME?)", () => {
    const s = sheet(CATALOG.map((f) => [`=${f.name}()`]));
    CATALOG.forEach((f, i) => {
      const v = s.value(`A${i + 1}`);
      if (v instanceof DetailedCellError) expect(v.type, `${f.name}: ${v.message}`).not.toBe("NAME");
    });
  });

  it("a table function's fallback spill size is its table's size for typical inputs", () => {
    // CHAIN: header + 15 steps × 4 (docs/functions.md); BOJ_HIKE 6×4; TP_IMPACT_TABLE header + 5 presets × 3.
    const size = (name: string) => typicalTableSize(CATALOG.find((f) => f.name === name)!);
    expect([size("CHAIN").height, size("CHAIN").width]).toEqual([16, 4]);
    expect([size("BOJ_HIKE").height, size("BOJ_HIKE").width]).toEqual([6, 4]);
    expect([size("TP_IMPACT_TABLE").height, size("TP_IMPACT_TABLE").width]).toEqual([6, 3]);
  });
});

describe("functions in formulas give the core's values", () => {
  it("single values", () => {
    const s = sheet([
      ["=HEDGE_COST(4.5%, 0.5%)"], // note §3.1: 4.50% − 0.50% = 4.00%
      ["=HEDGED_UST(4.3%, 4.5%, 0.5%)"], // note §3.1: 4.30% − 4.00% = 0.30%
      ['=TP_IMPACT(37.5, "note")'], // note §3.3; docs/functions.md, TP_IMPACT's example: 37.5/100 × 80bp = 0.30%
      ["=HOLDINGS_LOSS(1130, 0.3%, 8)"], // closed form −1130 × 8 × 0.003 = −27.12
      ["=SCENARIO(4.6%)"], // note §6.3: 4.5% ≤ 4.6% < 5.0% → B
      ['=JGB_ADVANTAGE(1.5%, 4.3%, 4.5%, 0.5%)'], // note §3.1: 1.50% − 0.30% = 1.20%
    ]);
    expect(s.value("A1")).toBeCloseTo(0.04, 15);
    expect(s.value("A2")).toBeCloseTo(0.003, 15);
    expect(s.value("A3")).toBeCloseTo(0.003, 15);
    expect(s.value("A4")).toBeCloseTo(-27.12, 12);
    expect(s.value("A5")).toBe("B");
    expect(s.value("A6")).toBeCloseTo(0.012, 15);
  });

  it("every catalog example that is a plain single-value call matches invoke() on the same arguments", () => {
    // The engine must add nothing: what HyperFormula shows is what the argument layer answers.
    const simple = CATALOG.filter((f) => f.result === "cell" && f.domain !== "live-data" && /^=[A-Z_0-9]+\(([^(){}]*)\)$/.test(f.example.formula));
    expect(simple.length).toBeGreaterThan(5);
    const s = sheet(simple.map((f) => [f.example.formula]));
    simple.forEach((f, i) => {
      const args = f.example.formula
        .replace(/^=[A-Z_0-9]+\(/, "")
        .replace(/\)$/, "")
        .split(",")
        .map((a) => a.trim())
        .filter((a) => a !== "")
        .map((a) => (a.startsWith('"') ? a.slice(1, -1) : a));
      const expected = invoke(f, args);
      const got = s.value(`A${i + 1}`);
      // HyperFormula hands values back with the 15 significant digits a spreadsheet keeps.
      if (typeof expected === "number") expect(Math.abs((got as number) - expected), f.example.formula).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(expected)));
      else expect(got, f.example.formula).toEqual(expected);
    });
  });

  it("ranges broadcast, and a bad cell spoils only its own result cell", () => {
    const s = sheet([
      [0.045, "=HEDGE_COST(A1:A3, 0.5%)"],
      [0.05],
      ["abc"],
    ]);
    // 4.5% − 0.5% = 4.00%, 5.0% − 0.5% = 4.50% (HEDGE_COST, note §3.1); "abc" → #VALUE! (README, "Units and conventions").
    const out = s.range("B1:B3");
    expect(out[0][0]).toBeCloseTo(0.04, 15);
    expect(out[1][0]).toBeCloseTo(0.045, 15);
    expect(out[2][0]).toMatchObject({ value: "#VALUE!", message: expect.stringContaining('"abc" is not a number') });
  });

  it("a single-value error is HyperFormula's error with the argument layer's message", () => {
    const s = sheet([["=HEDGE_COST(4.5, 0.5%)"], ["=PE_RATIO(0.5, 4%, 6%)"]]);
    // README, "Units and conventions": a rate above 1 in absolute value looks like a percent.
    expect(s.value("A1")).toMatchObject({ value: "#VALUE!", message: "us_short = 4.5 looks like a percent: enter 4.5% or 0.045" });
    // docs/functions.md, PE_RATIO: the discount rate must exceed growth; r ≤ g → #VALUE! saying so.
    expect(s.value("A2")).toMatchObject({ value: "#VALUE!", message: expect.stringContaining("discount rate must exceed growth") });
  });

  it("blank and omitted optionals take their defaults", () => {
    // HEDGE_COST(us_short, jp_short, [basis=0]): both forms are 4.00% (note §3.1).
    const s = sheet([["=HEDGE_COST(4.5%, 0.5%, )", "=HEDGE_COST(4.5%, 0.5%, C1)"]]);
    expect(s.value("A1")).toBeCloseTo(0.04, 15);
    expect(s.value("B1")).toBeCloseTo(0.04, 15);
  });

  it("a whole column (1,048,576 rows) goes in and comes out: the sum of HEDGED_UST over it is the closed form", () => {
    const n = 1_048_576; // rows of an Excel sheet
    // ust_i = 5% + i/10^7 for i = 1..n, so Σ HEDGED_UST = Σ (ust_i − (4.5% − 0.5%)) = 0.01·n + n(n+1)/2/10^7
    // (note §3.1's formula). Every term is at least 1%: a row lost or repeated moves the sum far beyond the tolerance.
    const s = sheet([[`=ARRAYFORMULA(SUM(HEDGED_UST(SEQUENCE(${n})/1e7 + 5%, 4.5%, 0.5%)))`]]);
    const expected = 0.01 * n + (n * (n + 1)) / 2 / 1e7;
    expect(Math.abs((s.value("A1") as number) - expected)).toBeLessThan(1e-9 * Math.abs(expected));
  }, 120_000);

  it("a table function spills its table from a single cell", () => {
    const s = sheet([["=BOJ_HIKE(50, 4.3%, 4.5%, 0.5%, 1.5%)"]]);
    // docs/functions.md, BOJ_HIKE's example, the note's §3.2 numbers: hedged_ust 0.30% → 0.80%.
    const t = s.range("A1:D6");
    expect(t[0]).toEqual(["", "before", "after", "change"]);
    expect(t[4]).toEqual(["hedged_ust", 0.003, 0.008, 0.005]);
  });

  const zeroToPar = CATALOG.find((f) => f.name === "ZERO_TO_PAR" && f.result === "table");
  it.skipIf(!zeroToPar)("a table sized by its data: inputs below the formula, and a table that outgrows its block", () => {
    const s = sheet([
      ["=ZERO_TO_PAR({4%, 4.2%, 4.5%}, {1, 2, 5})", null, "=ZERO_TO_PAR(A6:A9, B6:B9)"],
      [],
      [],
      [],
      [],
      [0.04, 1],
      [0.042, 2],
      [0.045, 5],
      [null, null],
    ]);
    // The same curve through literal arrays and through cells below the formula (filled in after
    // HyperFormula parsed it): one par yield per maturity, 3×1, the same numbers.
    const literal = s.range("A1:A3").map((r) => r[0]);
    const fromCells = s.range("C1:C3").map((r) => r[0]);
    expect(literal.every((v) => typeof v === "number")).toBe(true);
    expect(fromCells).toEqual(literal);
    expect(s.value("C4")).toBeNull();
    // A fourth maturity makes the table longer than the block reserved when it was entered.
    s.hf.setCellContents({ sheet: 0, row: 8, col: 0 }, [[0.047, 10]]);
    expect(s.value("C1")).toMatchObject({ value: "#VALUE!", message: expect.stringContaining("enter the formula again") });
    s.hf.setCellContents({ sheet: 0, row: 0, col: 2 }, [["=ZERO_TO_PAR(A6:A9, B6:B9)"]]);
    expect(s.range("C1:C4").map((r) => r[0]).slice(0, 3)).toEqual(literal);
    expect(typeof s.value("C4")).toBe("number");
  });

  const live = CATALOG.filter((f) => f.domain === "live-data");
  /** A valid value of each kind a live function requires. */
  const VALID: Record<string, string> = { text: '"Japan"', count: "1", tenor: "10", month: '"2024-01"' };
  it.skipIf(live.length === 0)("live-data functions answer the pipeline's one #N/A without a fetcher: the embedded engine stays offline", () => {
    const s = sheet(live.map((f) => [`=${f.name}(${f.params.filter((p) => !p.optional).map((p) => VALID[p.kind]).join(", ")})`]));
    live.forEach((f, i) => expect(s.value(`A${i + 1}`), f.name).toMatchObject({ value: "#N/A", message: noFetcherError(f).message }));
  });

  it("an engine given a fetcher runs the live functions on what it fetches (through HyperFormula's _config, which this checks)", () => {
    const replies = (items: readonly PlanItem[]) => parsedReplies(items, items.map((it) => (it instanceof SheetError ? it : own("tic_slt_table5_small.txt"))));
    const hf = createEngine({ S: [['=TIC_HOLDINGS("Japan")'], ['=TIC_CHANGE("Japan", 12)']] }, { context: () => ({ via: "direct", today: "2026-06-15" }), replies });
    try {
      // tic_slt_table5_small.txt line 7: Japan 1209.9 at 2026-04; 1134.5 at 2025-04 → +75.4
      expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(1209.9);
      expect(hf.getCellValue({ sheet: 0, row: 1, col: 0 })).toBe(75.4);
    } finally {
      hf.destroy();
    }
  });
});
