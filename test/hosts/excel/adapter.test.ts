/**
 * The adapter between Excel and the argument layer, in Node with a stand-in CustomFunctions
 * (the same shapes the browser test checks end to end): how results and errors are mapped.
 * Error codes: CustomFunctions.ErrorCode (custom-functions-runtime); the rules on ranges and errors: README,
 * "Units and conventions".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StandInError, installCustomFunctions, removeCustomFunctions } from "./customFunctionsStandIn";
import { SheetError } from "../../../src/core/errors";

import { excel, single, toExcel } from "../../../src/hosts/excel/adapter";

describe("Excel adapter", () => {
  beforeAll(() => {
    installCustomFunctions();
  });
  afterAll(() => {
    removeCustomFunctions();
  });

  it("a single value becomes a 1×1 matrix", () => {
    expect(toExcel(0.003)).toEqual([[0.003]]);
    expect(toExcel("B")).toEqual([["B"]]);
  });

  it("each error kind maps to its Excel code, message kept", () => {
    const kinds = { value: "#VALUE!", na: "#N/A", num: "#NUM!", div0: "#DIV/0!" } as const;
    for (const [kind, code] of Object.entries(kinds)) {
      let thrown: unknown;
      try {
        toExcel(new SheetError(kind as keyof typeof kinds, `why ${kind}`));
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(StandInError);
      expect((thrown as StandInError).code).toBe(code);
      expect((thrown as StandInError).message).toBe(`why ${kind}`);
    }
  });

  it("errors inside a table become error elements; ragged rows are padded with blanks", () => {
    const m = toExcel([[1, new SheetError("value", "bad")], ["x"]]);
    expect(m[0][0]).toBe(1);
    expect(m[0][1]).toBeInstanceOf(StandInError);
    expect((m[0][1] as StandInError).code).toBe("#VALUE!");
    expect(m[1]).toEqual(["x", ""]);
  });

  it("a table shared with a cache is never edited: rows that need a change are copied", () => {
    const bad = new SheetError("value", "bad");
    const table = [[1, bad], ["x"], [2, 3]];
    const m = toExcel(table);
    expect(table).toEqual([[1, bad], ["x"], [2, 3]]);
    expect(m[2]).toBe(table[2]); // already rectangular, no error: passed on as it is
    expect(m[1]).not.toBe(table[1]);
  });

  it("a whole column (1,048,576 rows) in and out: each row the closed form ust − (us_short − jp_short) (note §3.1)", () => {
    const n = 1_048_576; // rows of an Excel sheet
    const ust: number[][] = new Array(n);
    for (let i = 0; i < n; i++) ust[i] = [0.03 + (i % 2000) * 1e-5];
    // As Excel passes them: the column as a matrix, single values as 1×1 matrices, omitted optionals as null.
    const m = excel("HEDGED_UST", [ust, [[0.045]], [[0.005]], null, null, null]) as unknown[][];
    expect(m.length).toBe(n);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      if (m[i].length !== 1) throw new Error(`row ${i + 1} has ${m[i].length} cells`);
      worst = Math.max(worst, Math.abs((m[i][0] as number) - (ust[i][0] - (0.045 - 0.005))));
    }
    expect(worst).toBeLessThan(1e-15);
  });

  it("a one-cell matrix is passed on as the single value it is; ranges stay ranges", () => {
    expect(single([[4.3]])).toBe(4.3);
    expect(single([[1], [2]])).toEqual([[1], [2]]);
    expect(single(null)).toBe(null);
  });

  it("a typed value gives the README's message without naming row 1, column 1", () => {
    // README, "Units and conventions": "us_short = 4.5 looks like a percent: enter 4.5% or 0.045".
    expect(() => excel("HEDGE_COST", [[[4.5]], [[0.005]], null])).toThrow("us_short = 4.5 looks like a percent: enter 4.5% or 0.045");
  });

  it("an id missing from the catalog is #N/A saying so", () => {
    expect(() => excel("NOT_A_FUNCTION", [])).toThrow("NOT_A_FUNCTION is not in this version of the add-in");
  });
});
