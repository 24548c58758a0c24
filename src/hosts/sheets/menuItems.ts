/** The Sheets menu, shared by the generated entry points (stubs) and the bundled menu code. */
import { REFRESH_LABEL } from "../../model/modelSheet";

export const MENU_TITLE = "marginal-bid";

/** Menu entry points, in menu order: [function name, menu caption, what it does]. */
export const MENU_ITEMS: readonly (readonly [string, string, string])[] = [
  ["insertModelSheet", "Insert model sheet", "Insert the live scenario model (the note's chain on one sheet) as a new sheet and activate it."],
  [
    "insertLiveModelSheet",
    "Insert model sheet with live data",
    "Insert the model with a second input block fed by FRED, the MoF JGB curve and TIC (us_short, ust_10y, jgb_10y, japan_holdings_bn), its own CHAIN and the CHECKPOINTS panel.",
  ],
  [
    "refreshLiveData",
    "Refresh live data",
    `Ask FRED, the MoF and TIC again: cached copies are not served, and every refresh cell (beside a cell reading "${REFRESH_LABEL}") is set to now, so live formulas that pass it recalculate.`,
  ],
  [
    "copyModelAsValues",
    "Copy model as values",
    "Put a frozen copy of the active sheet next to it: values and formats, no formulas, stamped with the time and the version, for colleagues without the script.",
  ],
  ["setFredApiKey", "Set FRED API key", "Store your FRED API key in this spreadsheet's document properties (every editor can read it) for FRED, FRED_SERIES and CHECKPOINTS."],
  ["showFunctionReference", "Function reference", "Open a sidebar listing every marginal-bid function with its arguments and units."],
];
