/**
 * Generator of src/hosts/excel/functions.generated.ts, the file custom-functions-metadata-plugin
 * reads: one top-level `function NAME(...)` per catalog function, with the JSDoc tags that
 * become functions.json (`@customfunction ID NAME`, `@param`, `@returns`, `@helpurl`). The
 * plugin also appends the `CustomFunctions.associate` calls, so they are not written here.
 *
 * Every parameter is declared `any[][]` so that Excel passes ranges (and single values as
 * 1×1 matrices) untouched; every result is `any[][]` so that it spills. The body hands the
 * arguments to the one hand-written adapter (./adapter.ts), which runs the shared argument
 * layer and maps errors to `CustomFunctions.Error`.
 */
import { CATALOG, type FunctionSpec } from "../../catalog";
import { helpFile, paramHelp, unitText } from "../../catalog/describe";
import type { ParamKind, ParamSpec } from "../../args/kinds";
import { GENERATED_NOTICE, type GeneratedFile } from "../../../scripts/generated";
import { helpUrl } from "./urls";

export const FUNCTIONS_FILE = "src/hosts/excel/functions.generated.ts";

/**
 * Words that cannot name a parameter in strict-mode code. Such a parameter is written with a
 * trailing underscore (`yield_`) and the build strips it again in functions.json, so Excel
 * shows the SPEC name (webpack.config.js, `specParameterName`).
 */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await arguments eval"
  ).split(" "),
);

/** The JavaScript identifier of a parameter: its SPEC name, or the name with `_` when reserved. */
export function paramIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`parameter name ${JSON.stringify(name)} is not an identifier`);
  if (name.endsWith("_")) throw new Error(`parameter name ${JSON.stringify(name)} must not end with "_" (reserved for escaping keywords)`);
  return RESERVED.has(name) ? `${name}_` : name;
}

/** Words that show a help text already names the unit of its kind (otherwise the unit is appended). */
const UNIT_MENTIONED: Record<ParamKind, RegExp | null> = {
  rate: /decimal/i,
  bp: /\bbp\b|basis points/i,
  usd_bn: /USD\s*(bn|billions)/i,
  fraction: /0 to 1|0–1|fraction/i,
  days: /\bdays\b/i,
  count: null,
  years: /\byears\b/i,
  fx: /JPY per USD/i,
  factor: null,
  text: null,
};

/** What Excel shows for an argument: the help with its unit and default. */
export function paramDescription(p: ParamSpec): string {
  const help = paramHelp(p);
  const marker = UNIT_MENTIONED[p.kind];
  return shortened(marker && !marker.test(help) ? `${help} Unit: ${unitText(p)}.` : help);
}

/**
 * Longest description Excel is given: its formula tooltip and Insert Function dialog are made
 * for a sentence or two (Excel's own limit for function and argument text is 255 characters).
 */
export const MAX_EXCEL_TEXT = 255;

/** Whole sentences of `text` within `max` characters; the full text lives on the help page. */
export function shortened(text: string, max = MAX_EXCEL_TEXT): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const more = " (more: Help on this function)";
  const sentences = t.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g) ?? [t];
  let out = "";
  for (const s of sentences) {
    const next = out ? `${out} ${s.trim()}` : s.trim();
    if (next.length + more.length > max) break;
    out = next;
  }
  return (out || `${t.slice(0, max - more.length - 1).trimEnd()}…`) + more;
}

/** What Excel shows for a function. */
export const excelDescription = (f: FunctionSpec) => shortened(f.description);

/** Make text safe inside a one-line JSDoc comment. */
export function jsdocText(s: string): string {
  return s
    .replace(/\s*\n\s*/g, " ")
    .replace(/\*\//g, "*∕")
    .replace(/@/g, "(at)")
    .trim();
}

/**
 * A function whose core is asynchronous (a live-data function) returns a Promise, which
 * Excel awaits; its declared type says so, so that the metadata stays exact.
 */
export function isAsyncSpec(f: FunctionSpec): boolean {
  if (f.live) return true; // fetched through the proxy (src/hosts/excel/live.ts)
  const flagged = (f as unknown as { async?: unknown }).async === true;
  return flagged || (f.impl as { constructor?: { name?: string } }).constructor?.name === "AsyncFunction";
}

function functionSource(f: FunctionSpec): string {
  const ids = f.params.map((p) => paramIdentifier(p.name));
  const ret = isAsyncSpec(f) ? "Promise<any[][]>" : "any[][]";
  const doc = [
    `/**`,
    ` * ${jsdocText(excelDescription(f))}`,
    ` * @customfunction ${f.name} ${f.name}`,
    ...f.params.map((p, i) => ` * @param {any[][]} ${p.optional ? `[${ids[i]}]` : ids[i]} ${jsdocText(paramDescription(p))}`),
    ` * @returns {${ret}} ${jsdocText(f.returns)}`,
    ` * @helpurl ${helpUrl(helpFile(f))}`,
    ` */`,
  ];
  const sig = f.params.map((p, i) => `${ids[i]}${p.optional ? "?" : ""}: any[][]`).join(", ");
  const cast = isAsyncSpec(f) ? " as Promise<any[][]>" : " as any[][]";
  return `${doc.join("\n")}\nfunction ${f.name}(${sig}): ${ret} {\n  return excel("${f.name}", [${ids.join(", ")}])${cast};\n}\n`;
}

/** The whole file, from the catalog as it is now. */
export function functionsFile(catalog: readonly FunctionSpec[] = CATALOG): string {
  const names = new Set<string>();
  for (const f of catalog) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(f.name)) throw new Error(`${f.name}: an Excel function id must be A–Z, 0–9 and _`);
    if (names.has(f.name)) throw new Error(`${f.name} appears twice in the catalog`);
    names.add(f.name);
  }
  const header = [
    `// ${GENERATED_NOTICE}`,
    `// Generator: src/hosts/excel/generate.ts. custom-functions-metadata-plugin reads this file to write`,
    `// dist/functions.json and appends the CustomFunctions.associate calls; ids and names are the SPEC names.`,
    `/* eslint-disable @typescript-eslint/no-explicit-any */`,
    `import { excel } from "./adapter";`,
    ``,
  ];
  return header.join("\n") + catalog.map(functionSource).join("\n");
}

export function generatedFiles(): GeneratedFile[] {
  return [{ path: FUNCTIONS_FILE, content: functionsFile() }];
}
