/** How the demo writes numbers for a person: rates as percents, money in USD bn, signs on changes. */
import { DetailedCellError } from "hyperformula";
import type { CellValue } from "../hosts/hyperformula/workbook";
import type { ParamKind, ParamSpec } from "../args/kinds";

/** A number without float noise: 0.30000000000000004 → "0.3". */
export const plain = (x: number): string => String(+x.toPrecision(12));

/** Round half away from zero on the decimal value a person sees (0.045 → 0.05, not 0.04). */
function roundDecimal(x: number, decimals: number): number {
  const scaled = Number((Math.abs(x) * 10 ** decimals).toPrecision(12));
  return (Math.sign(x) * Math.round(scaled)) / 10 ** decimals;
}

function fixed(x: number, decimals: number, signed: boolean): string {
  let s = roundDecimal(x, decimals).toFixed(decimals);
  if (/^-0\.?0*$/.test(s)) s = s.slice(1); // -0.00 reads as 0.00
  return signed && !s.startsWith("-") && Number(s) !== 0 ? `+${s}` : s;
}

/** 0.043 → "4.30%"; signed: 0.003 → "+0.30%". Rounded half away from zero on the decimal value. */
export function percent(x: number, signed = false, decimals = 2): string {
  return `${fixed(Number((x * 100).toPrecision(12)), decimals, signed)}%`;
}

/** USD bn with two decimals: -27.12. */
export const usdBn = (x: number, signed = false): string => fixed(x, 2, signed);

/** A cell of a computed table as text: errors by their code, blanks as "". */
export function cellText(v: CellValue, asNumber: (x: number) => string): string {
  if (v === null || v === undefined || v === "") return "";
  if (v instanceof DetailedCellError) return v.value;
  if (typeof v === "number") return asNumber(v);
  return String(v);
}

/** An input value in its unit, as a person would write it. */
export function inputText(p: ParamSpec, v: number | string): string {
  if (typeof v === "string") return v;
  const byKind: Record<ParamKind, (x: number) => string> = {
    rate: (x) => percent(x),
    bp: (x) => `${plain(x)}bp`,
    usd_bn: (x) => `${plain(x)}bn`,
    fraction: (x) => plain(x),
    days: (x) => `${plain(x)} days`,
    count: plain,
    years: (x) => `${plain(x)}y`,
    tenor: (x) => `${plain(x)}y`,
    fx: plain,
    factor: plain,
    date: plain,
    month: plain,
    text: plain,
    boolean: plain,
    any: plain,
  };
  return byKind[p.kind](v);
}

/** Lay out rows of cells in columns: the first left-aligned, the others right-aligned. */
export function columns(rows: string[][], gap = 2): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((row) =>
    row
      .map((c, i) => {
        const pad = " ".repeat(widths[i] - [...c].length);
        return i === 0 ? c + pad : pad + c;
      })
      .join(" ".repeat(gap))
      .trimEnd(),
  );
}

/** Words laid out in lines of at most `width` characters (a longer word keeps its own line). */
export function wrapWords(text: string, width = 100, indent = ""): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : `${indent}${word}`;
    if ([...next].length > width && line) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
