/**
 * No range is ever spread into a call's arguments in the code a spreadsheet call runs through
 * (`Math.max(...rows)`, `out.push(...cells)`, `f(...values)`): every element becomes an argument
 * on the stack, and V8 overflows at ~125,000 of them (~63,000 in a Web Worker), while a whole
 * Excel column is 1,048,576 rows. The behaviour at that size is tested per host (test/hosts/excel,
 * test/hosts/sheets, test/hosts/hyperformula/plugin.test.ts); this finds the pattern before a large range does.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../scripts/generated";

/** The folders a spreadsheet call runs through (the demo, the proxy and the build scripts handle no ranges). */
const FOLDERS = ["src/hosts", "src/args", "src/core", "src/live", "src/catalog", "src/model"];

/**
 * Spreads that are not ranges: the argument layer calls a catalog function with its own argument
 * list (as many elements as the function has parameters).
 */
const ALLOWED: Record<string, string[]> = { "src/args/invoke.ts": ["a", "args"] };

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|js)$/.test(name)) yield path;
  }
}

/** Every spread argument of a call or `new` in a source text, with its line; `.apply(…)` counts too. */
function callSpreads(file: string, text: string): { line: number; code: string; operand: string }[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { line: number; code: string; operand: string }[] = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (n: ts.Node): void => {
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && n.arguments) {
      for (const a of n.arguments) if (ts.isSpreadElement(a)) found.push({ line: at(n), code: n.getText(sf).slice(0, 80), operand: a.expression.getText(sf) });
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === "apply" && n.arguments.length === 2) {
        found.push({ line: at(n), code: n.getText(sf).slice(0, 80), operand: n.arguments[1].getText(sf) });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe("no range spread into a call", () => {
  it("finds the pattern it looks for (Math.max over rows, push of a range, apply)", () => {
    const src = "const w = Math.max(...rows.map((r) => r.length)); out.push(...cells); f.apply(null, values); g(...[1, 2]); const a = [...rows];";
    expect(callSpreads("x.ts", src).map((s) => s.operand)).toEqual(["rows.map((r) => r.length)", "cells", "values", "[1, 2]"]);
  });

  it(`none in ${FOLDERS.join(", ")} (besides a catalog function's own argument list)`, () => {
    const offenders: string[] = [];
    for (const folder of FOLDERS) {
      for (const path of sourceFiles(join(ROOT, folder))) {
        const file = relative(ROOT, path);
        for (const s of callSpreads(file, readFileSync(path, "utf8"))) {
          if (!(ALLOWED[file] ?? []).includes(s.operand)) offenders.push(`${file}:${s.line}: ${s.code}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
