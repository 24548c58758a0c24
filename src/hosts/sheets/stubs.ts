/**
 * The Google Sheets wrapper file, as text: for every catalog function a top-level
 * `function NAME(...)` with the `@customfunction` JSDoc that Sheets reads for autocomplete,
 * and the three menu entry points. Every stub forwards to the lazily loaded core
 * (`MarginalBid_()`, defined by the build in scripts/build-sheets.ts).
 *
 * Plain ES2019, no modules: the file is pasted into apps-script/build/Code.js as it is.
 */
import type { ParamSpec } from "../../args/kinds";
import { unitText } from "../../catalog/describe";
import type { FunctionSpec } from "../../catalog/spec";
import { MENU_ITEMS, MENU_TITLE } from "./menuItems";

/** The global that loads and memoises the bundled core (`_` = private in Apps Script). */
export const LOADER = "MarginalBid_";

/** Words that show the help already states the unit, per kind; otherwise the unit is appended. */
const UNIT_WORDS: Partial<Record<ParamSpec["kind"], RegExp>> = {
  rate: /decimal/i,
  bp: /\bbp\b|basis points/i,
  usd_bn: /USD|\bbn\b/,
  fraction: /fraction|0 to 1|0–1/i,
  days: /days/i,
  years: /year/i,
  fx: /JPY per USD/i,
};

/** Text safe inside a JSDoc block comment, on one line. */
function jsdocText(s: string): string {
  return s.replace(/\*\//g, "*\\/").replace(/\s*\n\s*/g, " ").trim();
}

function paramType(p: ParamSpec, live: boolean): string {
  // A live-data function takes single values (it fetches or spills, it does not broadcast); dates as date cells or text.
  if (live) return p.date ? "Date|string" : p.kind === "text" ? "string" : "number|string";
  const shape = p.shape ?? "cell";
  if (shape === "pairs") return "Array[][]";
  if (shape === "list" || shape === "matrix") return "number[][]";
  if (p.kind === "text") return "string|string[][]";
  if (p.presets) return "number|string|Array[][]";
  return "number|number[][]";
}

/** "a two-column range" → "A two-column range" (not when the text starts with a name such as jp_short). */
const capitalise = (s: string) => (/^[a-z][a-z-]*[\s,:;]/.test(s) ? s[0].toUpperCase() + s.slice(1) : s);

/** One `@param` line: help with units, optional ones marked with their default. */
export function paramDoc(p: ParamSpec, live = false): string {
  let help = p.help.trim().replace(/\.$/, "");
  const words = UNIT_WORDS[p.kind];
  if (words && !words.test(help)) help = `${help}. Unit: ${unitText(p)}`;
  let marker = "";
  if (p.optional) {
    const dflt = p.default !== undefined && !/\bDefault\b/.test(p.help) ? `, default ${p.default}` : "";
    marker = `Optional${dflt}. `;
    help = capitalise(help);
  }
  return `@param {${paramType(p, live)}} ${p.name} ${jsdocText(`${marker}${help}.`)}`;
}

function returnType(f: FunctionSpec): string {
  if (f.live) return f.result === "table" ? "Array[][]" : "number";
  if (f.result === "table") return "Array[][]";
  return /^text/i.test(f.returns) ? "string|string[][]" : "number|number[][]";
}

function returnDoc(f: FunctionSpec): string {
  return `@return {${returnType(f)}} ${jsdocText(f.returns)}`;
}

/** Refuse a parameter name that would not be a valid JavaScript parameter in a plain (sloppy) script. */
function checkIdentifier(name: string, where: string): void {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) throw new Error(`${where}: "${name}" is not a JavaScript identifier`);
  try {
    // eslint-disable-next-line no-new-func
    new Function(name, "");
  } catch {
    throw new Error(`${where}: "${name}" cannot be a parameter name in Apps Script`);
  }
}

/** The stub of one catalog function, JSDoc first. */
export function functionStub(f: FunctionSpec): string {
  if (!/^[A-Z][A-Z0-9_]*[A-Z0-9]$/.test(f.name)) throw new Error(`${f.name}: a Sheets custom function name must be letters, digits and _ and not end with _`);
  f.params.forEach((p) => checkIdentifier(p.name, f.name));
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
  const names = new Set<string>();
  for (const f of catalog) {
    if (names.has(f.name)) throw new Error(`${f.name} is in the catalog twice`);
    names.add(f.name);
  }
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
