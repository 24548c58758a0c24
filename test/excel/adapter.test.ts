/**
 * The adapter between Excel and the argument layer, in Node with a stand-in CustomFunctions
 * (the same shapes the browser test checks end to end): how results and errors are mapped.
 * Error codes: CustomFunctions.ErrorCode (custom-functions-runtime); SPEC "Arguments and ranges".
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { StandInError, installCustomFunctions, removeCustomFunctions } from "./customFunctionsStandIn";
import { SheetError } from "../../src/core/errors";

const invokeMock = vi.hoisted(() => ({ fn: null as null | ((...a: unknown[]) => unknown) }));
vi.mock("../../src/args/invoke", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/args/invoke")>();
  return { ...real, invoke: (...a: Parameters<typeof real.invoke>) => (invokeMock.fn ? invokeMock.fn(...a) : real.invoke(...a)) };
});

import { excel, single, toExcel } from "../../src/hosts/excel/adapter";


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

  it("a one-cell matrix is passed on as the single value it is; ranges stay ranges", () => {
    expect(single([[4.3]])).toBe(4.3);
    expect(single([[1], [2]])).toEqual([[1], [2]]);
    expect(single(null)).toBe(null);
  });

  it("a typed value gives the SPEC's message without naming row 1, column 1", () => {
    // SPEC: "us_short = 4.5 looks like a percent: enter 4.5% or 0.045".
    expect(() => excel("HEDGE_COST", [[[4.5]], [[0.005]], null])).toThrow("us_short = 4.5 looks like a percent: enter 4.5% or 0.045");
  });

  it("a function whose core answers with a Promise resolves to the matrix, or rejects with the Excel error", async () => {
    invokeMock.fn = () => Promise.resolve(0.043);
    await expect(excel("HEDGE_COST", [null, null, null])).resolves.toEqual([[0.043]]);
    invokeMock.fn = () => Promise.resolve(new SheetError("na", "FRED: no API key"));
    await expect(excel("HEDGE_COST", [null, null, null])).rejects.toMatchObject({ code: "#N/A", message: "FRED: no API key" });
    invokeMock.fn = () => Promise.reject(new Error("timeout"));
    await expect(excel("HEDGE_COST", [null, null, null])).rejects.toMatchObject({ code: "#N/A", message: "HEDGE_COST: timeout" });
    invokeMock.fn = null;
  });

  it("an id missing from the catalog is #N/A saying so", () => {
    expect(() => excel("NOT_A_FUNCTION", [])).toThrow("NOT_A_FUNCTION is not in this version of the add-in");
  });
});
