/**
 * The Google Sheets wrapper file, as text: for every catalog function a top-level
 * `function NAME(...)` with the `@customfunction` JSDoc that Sheets reads for autocomplete,
 * and the three menu entry points. Every stub forwards to the lazily loaded core
 * (`MarginalBid_()`, defined by the build in scripts/build-sheets.ts).
 *
 * Plain ES2019, no modules: the file is pasted into apps-script/build/Code.js as it is.
 */
import type { ParamSpec } from "../../args/kinds";
import { jsdocText, paramDescription } from "../../catalog/describe";
import { checkNames } from "../../catalog/names";
import type { FunctionSpec } from "../../catalog/spec";
import { MENU_ITEMS, MENU_TITLE } from "./menuItems";

/** The global that loads and memoises the bundled core (`_` = private in Apps Script). */
export const LOADER = "MarginalBid_";

function paramType(p: ParamSpec, live: boolean): string {
  // A live-data function takes single values (it fetches or spills, it does not broadcast); dates as date cells or text.
  if (live) return p.kind === "any" ? "*" : p.kind === "date" || p.kind === "month" ? "Date|string" : p.kind === "text" ? "string" : "number|string";
  const shape = p.shape ?? "cell";
  if (shape === "inputs" || shape === "scenarios" || shape === "data" || shape === "vector") return "Array[][]";
  if (shape === "list" || shape === "matrix") return "number[][]";
  if (p.kind === "text") return "string|string[][]";
  if (p.presets) return "number|string|Array[][]";
  return "number|number[][]";
}

/** One `@param` line: the help with its default and unit (src/catalog/describe.ts, as Excel shows it). */
export function paramDoc(p: ParamSpec, live = false): string {
  return `@param {${paramType(p, live)}} ${p.name} ${jsdocText(paramDescription(p))}`;
}

function returnType(f: FunctionSpec): string {
  if (f.live) return f.result === "table" ? "Array[][]" : "number";
  if (f.result === "table") return "Array[][]";
  return /^text/i.test(f.returns) ? "string|string[][]" : "number|number[][]";
}

function returnDoc(f: FunctionSpec): string {
  return `@return {${returnType(f)}} ${jsdocText(f.returns)}`;
}

/** The stub of one catalog function, JSDoc first. */
export function functionStub(f: FunctionSpec): string {
  // Description and arguments only: examples and sources are in the sidebar and the docs, and
  // every byte here is parsed on each custom-function call (the cold start `npm run bench` measures).
  const lines = [
    jsdocText(f.description),
    "",
    ...f.params.map((p) => paramDoc(p, f.live !== undefined)),
    returnDoc(f),
    "@customfunction",
  ];
  const doc = ["/**", ...lines.map((l) => (l ? ` * ${l}` : " *")), " */"].join("\n");
  const args = f.params.map((p) => p.name).join(", ");
  // `arguments`, not the named parameters: a call with too many arguments is reported, not silently cut.
  const body = `  return ${LOADER}().call(${JSON.stringify(f.name)}, arguments);`;
  return `${doc}\nfunction ${f.name}(${args}) {\n${body}\n}\n`;
}

function menuStubs(): string {
  const onOpen = [
    "/**",
    ` * Adds the "${MENU_TITLE}" menu (${MENU_ITEMS.map((m) => m[1]).join(", ")}). A simple trigger: needs no authorization.`,
    " * @param {Object} e the open event",
    " */",
    "function onOpen(e) {",
    `  ${LOADER}().onOpen(e);`,
    "}",
    "",
  ].join("\n");
  const items = MENU_ITEMS.map(([fn, , what]) => ["/**", ` * ${what}`, " */", `function ${fn}() {`, `  ${LOADER}().${fn}();`, "}", ""].join("\n"));
  return [onOpen, ...items].join("\n");
}

/** The whole wrapper file (without the generated-file header). */
export function sheetsStubs(catalog: readonly FunctionSpec[]): string {
  checkNames(catalog);
  // No index of the signatures here: the menu's "Function reference" and docs/functions.md list them,
  // and Code.js stays short (every byte is parsed on each custom-function call).
  return [
    "/*",
    ` * marginal-bid for Google Sheets: one custom function per catalog entry (${catalog.length}), plus the menu.`,
    ` * Every function forwards to the core bundled below it (${LOADER}, loaded on first call).`,
    " */",
    "",
    ...catalog.map(functionStub),
    menuStubs(),
  ].join("\n");
}
