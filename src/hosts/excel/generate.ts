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
import { helpFile, jsdocText, paramDescription } from "../../catalog/describe";
import { checkNames } from "../../catalog/names";
import type { ParamSpec } from "../../args/kinds";
import { GENERATED_NOTICE, type GeneratedFile } from "../../catalog/generated";
import { helpUrl } from "./urls";

export const FUNCTIONS_FILE = "src/hosts/excel/functions.generated.ts";

/**
 * Words that cannot name a parameter in strict-mode code. Such a parameter is written with a
 * trailing underscore (`yield_`) and the build strips it again in functions.json, so Excel
 * shows the function table's name (webpack.config.js, `specParameterName`). No name in the table ends
 * with `_` (src/catalog/names.ts), so the escape is unambiguous.
 */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await arguments eval"
  ).split(" "),
);

/** The JavaScript identifier of a parameter: its name in the function table, or the name with `_` when reserved. */
export const paramIdentifier = (name: string): string => (RESERVED.has(name) ? `${name}_` : name);

/** The last parameter of a live function's wrapper: Excel's handle to cancel the call (custom-functions-metadata `@cancelable`). */
const INVOCATION = "invocation";

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

/** What Excel shows for an argument: the help with its default and unit, within Excel's limit. */
export const excelParamDescription = (p: ParamSpec) => shortened(paramDescription(p));

function functionSource(f: FunctionSpec): string {
  const ids = f.params.map((p) => paramIdentifier(p.name));
  // A live function answers with a Promise (fetched through the proxy, ./fetcher.ts) and is
  // cancelable: Excel passes a CancelableInvocation last, so no argument before it is `?`.
  const live = f.live !== undefined;
  if (live && ids.includes(INVOCATION)) throw new Error(`${f.name}: a live function cannot name a parameter "${INVOCATION}"`);
  const ret = live ? "Promise<any[][]>" : "any[][]";
  const doc = [
    `/**`,
    ` * ${jsdocText(excelDescription(f))}`,
    ` * @customfunction ${f.name} ${f.name}`,
    ...f.params.map((p, i) => ` * @param {any[][]} ${p.optional ? `[${ids[i]}]` : ids[i]} ${jsdocText(excelParamDescription(p))}`),
    ...(live ? [` * @param {CustomFunctions.CancelableInvocation} ${INVOCATION} Excel's handle on this call: canceling it aborts the request`] : []),
    ` * @returns {${ret}} ${jsdocText(f.returns)}`,
    ` * @helpurl ${helpUrl(helpFile(f))}`,
    ...(live ? [` * @cancelable`] : []),
    ` */`,
  ];
  const sig = [
    ...f.params.map((p, i) => `${ids[i]}${p.optional && !live ? "?" : ""}: any[][]`),
    ...(live ? [`${INVOCATION}?: CustomFunctions.CancelableInvocation`] : []),
  ].join(", ");
  const call = live ? `excel("${f.name}", [${ids.join(", ")}], ${INVOCATION}) as Promise<any[][]>` : `excel("${f.name}", [${ids.join(", ")}]) as any[][]`;
  return `${doc.join("\n")}\nfunction ${f.name}(${sig}): ${ret} {\n  return ${call};\n}\n`;
}

/** The whole file, from the catalog as it is now. */
export function functionsFile(catalog: readonly FunctionSpec[] = CATALOG): string {
  checkNames(catalog);
  const header = [
    `// ${GENERATED_NOTICE}`,
    `// Generator: src/hosts/excel/generate.ts. custom-functions-metadata-plugin reads this file to write`,
    `// dist/functions.json and appends the CustomFunctions.associate calls; ids and names are those of docs/functions.md.`,
    `/* eslint-disable @typescript-eslint/no-explicit-any */`,
    `/// <reference types="custom-functions-runtime" />`,
    `import { excel } from "./adapter";`,
    ``,
  ];
  return header.join("\n") + catalog.map(functionSource).join("\n");
}

export function generatedFiles(): GeneratedFile[] {
  return [{ path: FUNCTIONS_FILE, content: functionsFile() }];
}
