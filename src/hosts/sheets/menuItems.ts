/** The Sheets menu, shared by the generated entry points (stubs) and the bundled menu code. */
export const MENU_TITLE = "marginal-bid";

/** Menu entry points, in menu order: [function name, menu caption, what it does]. */
export const MENU_ITEMS: readonly (readonly [string, string, string])[] = [
  ["insertModelSheet", "Insert model sheet", "Insert the live scenario model (the note's chain on one sheet) as a new sheet and activate it."],
  ["showFunctionReference", "Function reference", "Open a sidebar listing every marginal-bid function with its arguments and units."],
];
