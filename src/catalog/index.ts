/**
 * THE table of spreadsheet functions. The Excel wrappers and functions.json, the Sheets
 * bundle with its JSDoc, the HyperFormula plugin and the docs reference are all generated
 * from this list; a function exists for users when, and only when, it is here.
 */
import { BONDS } from "./bonds";
import { CALIBRATION } from "./calibration";
import { DEMAND } from "./demand";
import { EQUITIES } from "./equities";
import { HEDGING } from "./hedging";
import { LIVE_DATA } from "./liveData";
import { POLICY } from "./policy";
import { SCENARIOS_CATALOG } from "./scenarios";
import { TERM_STRUCTURE } from "./termStructure";
import type { FunctionSpec } from "./spec";

export const CATALOG: readonly FunctionSpec[] = [...HEDGING, ...DEMAND, ...BONDS, ...EQUITIES, ...SCENARIOS_CATALOG, ...TERM_STRUCTURE, ...LIVE_DATA, ...CALIBRATION, ...POLICY];

export function findFunction(name: string): FunctionSpec | undefined {
  const key = name.toUpperCase();
  return CATALOG.find((f) => f.name === key);
}

export type { FunctionSpec } from "./spec";
