/**
 * Japan Ministry of Finance, JGB benchmark (par) yields, English CSV: `jgbcme.csv` (this month)
 * and `jgbcme_all.csv` (1974 to last month). A title line (`Interest Rate,,,…,(Unit : %)`), the
 * header `Date,1Y,2Y,…,10Y,15Y,20Y,25Y,30Y,40Y`, rows `YYYY/M/D` without zero padding, `-` for
 * missing, CRLF, and in the current-month file a footer (an all-comma row, then a note) to stop at.
 * The Japanese twin (`基準日,1年,…`, era dates `R7.10.1`) parses too once the host has decoded
 * its Shift_JIS; a file mangled by a wrong decoding (U+FFFD) or by an Excel re-save (`9/24/74`) is refused.
 */
import { SheetError, show } from "../core/errors";
import { type IsoDate, isoFromParts, parseIso } from "../core/dates";
import { type Observation, asOf } from "./series";
import { type SourceFile, fileRequest, sourceFile } from "./file";
import { type DataRequest, type PlanContext, type Reply, preview, sourceError } from "./request";

const MOF_JGB = "https://www.mof.go.jp/english/policy/jgbs/reference/interest_rate";

/** This month's curve: one row a business day. */
export const MOF_CURRENT: SourceFile<JgbCurve> = sourceFile({
  key: "mofCurrent",
  source: "Japan MoF",
  name: "jgbcme.csv",
  folder: "mof",
  address: `${MOF_JGB}/jgbcme.csv`,
  ages: { maxAgeSeconds: 4 * 3600, staleAgeSeconds: 7 * 86400 },
  parse: (body) => parseMofJgb(body, MOF_CURRENT_LABEL),
});

/** The curve from 1974 to last month: rewritten once a month. */
export const MOF_ALL: SourceFile<JgbCurve> = sourceFile({
  key: "mofAll",
  source: "Japan MoF",
  name: "jgbcme_all.csv",
  folder: "mof",
  address: `${MOF_JGB}/historical/jgbcme_all.csv`,
  ages: { maxAgeSeconds: 86400, staleAgeSeconds: 45 * 86400 },
  parse: (body) => parseMofJgb(body, MOF_ALL_LABEL),
});

export const MOF_CURRENT_LABEL = "Japan MoF jgbcme.csv";
export const MOF_ALL_LABEL = "Japan MoF jgbcme_all.csv";

/** Both files: this month, then the history up to last month (it lags by about a month). */
export function mofRequests(ctx: Pick<PlanContext, "via" | "proxyBase" | "endpoints">): [current: DataRequest<JgbCurve>, all: DataRequest<JgbCurve>] {
  return [fileRequest(ctx, MOF_CURRENT), fileRequest(ctx, MOF_ALL)];
}

export interface JgbRow {
  date: IsoDate;
  /** Decimals (1.07% → 0.0107), aligned with `tenors`; null where the file has `-`. */
  yields: (number | null)[];
}

export interface JgbCurve {
  /** Years, as in the header: 1…10, 15, 20, 25, 30, 40. */
  tenors: number[];
  /** Oldest first. */
  rows: JgbRow[];
}

/** Japanese eras used in the MoF files: Showa, Heisei, Reiwa (year 1 = 1926, 1989, 2019). */
const ERA_OFFSET: Record<string, number> = { S: 1925, H: 1988, R: 2018 };

const SLASH_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const ERA_DATE = /^([SHR])(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/;
const EXCEL_DATE = /^\d{1,2}\/\d{1,2}\/\d{2}$/;
const TENOR = /^(\d{1,2})\s*(?:Y|年)$/i;

function rowDate(cell: string): IsoDate | undefined {
  let m = SLASH_DATE.exec(cell);
  if (m) return isoFromParts(+m[1], +m[2], +m[3]);
  m = ERA_DATE.exec(cell);
  if (m) return isoFromParts(ERA_OFFSET[m[1]] + +m[2], +m[3], +m[4]);
  return parseIso(cell);
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A yield cell in percent as a decimal: `1.07` → 0.0107, `-0.1` → −0.001; null for `-` or empty;
 * undefined for anything else. The digits are read as a whole number and divided by a power of
 * ten: both are exact doubles and IEEE division rounds correctly, so the result is the double
 * nearest the printed decimal, the very number `Number("1.07e-2")` gives, without building a string.
 */
export function percentCell(text: string, from = 0, to = text.length): number | null | undefined {
  while (from < to && text.charCodeAt(from) <= 32) from++;
  while (to > from && text.charCodeAt(to - 1) <= 32) to--;
  if (from < to && text.charCodeAt(from) === 34 && text.charCodeAt(to - 1) === 34) {
    from++;
    to--;
  }
  if (from === to || (to - from === 1 && text.charCodeAt(from) === 45)) return null;
  let i = from;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  let digits = 0;
  let whole = 0;
  let decimals = -1;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && decimals < 0) decimals = 0;
    else if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else return undefined;
  }
  if (digits === 0 || digits > 15 || decimals + 2 >= POW10.length) return undefined;
  const x = whole / POW10[Math.max(0, decimals) + 2];
  return negative ? -x : x;
}

/** Parse one MoF JGB curve file (either file, either language once decoded). */
export function parseMofJgb(text: string, label = MOF_CURRENT_LABEL): JgbCurve {
  if (text.includes("\uFFFD")) {
    throw sourceError(
      label,
      "the file holds U+FFFD replacement characters: it was decoded with the wrong encoding (Shift_JIS read as UTF-8) and saved again, so it cannot be trusted; use the file as the Ministry publishes it",
    );
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const h = lines.findIndex((l) => /^\s*(?:"?date"?|基準日)\s*,/i.test(l));
  if (h < 0) throw sourceError(label, `no "Date,1Y,2Y,…" header row: ${preview(text)}`);
  const head = lines[h].split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
  let width = head.length;
  while (width > 1 && head[width - 1] === "") width--;
  const tenors = head.slice(1, width).map((c) => {
    const m = TENOR.exec(c);
    if (!m) throw sourceError(label, `the header has ${JSON.stringify(c)} where a tenor like 10Y was expected`);
    return +m[1];
  });
  if (tenors.length === 0) throw sourceError(label, "the header row has no tenors");
  const rows: JgbRow[] = [];
  let sorted = true;
  for (let i = h + 1; i < lines.length; i++) {
    const line = lines[i];
    const comma = line.indexOf(",");
    const first = (comma < 0 ? line : line.slice(0, comma)).trim();
    // Footer: the all-comma row, the note after it, or the end of the file.
    if (first === "") break;
    if (EXCEL_DATE.test(first)) {
      throw sourceError(
        label,
        `line ${i + 1} has the date ${JSON.stringify(first)}: the file was re-saved by Excel (M/D/YY), so the century is ambiguous; use the file as the Ministry publishes it (dates like 2024/7/31)`,
      );
    }
    const date = rowDate(first);
    if (date === undefined) {
      if (/^\d/.test(first)) throw sourceError(label, `line ${i + 1} has ${JSON.stringify(first)}, not a date like 2024/7/31`);
      break; // a text line after the data: the footer note
    }
    const yields: (number | null)[] = new Array(tenors.length);
    let at = comma;
    for (let k = 0; k < tenors.length; k++) {
      if (at < 0) {
        yields[k] = null;
        continue;
      }
      const next = line.indexOf(",", at + 1);
      const end = next < 0 ? line.length : next;
      const v = percentCell(line, at + 1, end);
      if (v === undefined) throw sourceError(label, `line ${i + 1} (${date}, ${tenors[k]}Y) has ${JSON.stringify(line.slice(at + 1, end).trim())}, not a yield`);
      yields[k] = v;
      at = next;
    }
    if (rows.length && rows[rows.length - 1].date > date) sorted = false;
    rows.push({ date, yields });
  }
  // No rows is legal: early in a month the current-month file may hold only its header.
  if (!sorted) rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { tenors, rows };
}

/** History then current month: a date in both keeps the later file's row. Tenors must agree. */
export function mergeCurves(...curves: JgbCurve[]): JgbCurve {
  const tenors = curves[0].tenors;
  for (const c of curves) {
    if (c.tenors.join() !== tenors.join()) throw sourceError("Japan MoF", `the files disagree on tenors (${tenors.join(",")} vs ${c.tenors.join(",")})`);
  }
  // The usual case, each file after the one before: a concatenation, no sort of 12,000 rows.
  const ordered = curves.every((c, i) => i === 0 || c.rows.length === 0 || curves[i - 1].rows.length === 0 || c.rows[0].date > curves[i - 1].rows[curves[i - 1].rows.length - 1].date);
  if (ordered) return { tenors, rows: ([] as JgbRow[]).concat(...curves.map((c) => c.rows)) };
  const byDate = new Map<string, JgbRow>();
  for (const c of curves) for (const r of c.rows) byDate.set(r.date, r);
  const rows = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { tenors, rows };
}

/** The tenor's column, or `#N/A` naming the tenor and listing those on the curve. */
export function tenorIndex(curve: JgbCurve, tenorYears: number): number {
  const k = curve.tenors.indexOf(tenorYears);
  if (k < 0) {
    throw new SheetError("na", `Japan MoF: no ${show(tenorYears)}-year JGB on the curve: the tenors are ${curve.tenors.join(", ")} years`);
  }
  return k;
}

/** One tenor as dated observations (decimals), days without a yield left out. */
export function jgbSeries(curve: JgbCurve, tenorYears: number): Observation[] {
  const k = tenorIndex(curve, tenorYears);
  const out: Observation[] = [];
  for (const r of curve.rows) {
    const v = r.yields[k];
    if (v !== null) out.push({ date: r.date, value: v });
  }
  return out;
}

/** `JGB_YIELD(tenor_years, [date])`: the latest yield, or the last one on or before `date`. */
export function jgbYield(curve: JgbCurve, tenorYears: number, date?: IsoDate): Observation {
  const s = jgbSeries(curve, tenorYears);
  const o = asOf(s, date);
  if (o === undefined) {
    const since = s.length ? ` (the ${tenorYears}-year series starts ${s[0].date})` : "";
    throw new SheetError("na", `Japan MoF: no ${tenorYears}-year JGB yield ${date ? `on or before ${date}` : "in the file"}${since}`);
  }
  return o;
}

/**
 * The curve from the two replies (plan order: current month, history). The current month must
 * be there: without it "the latest yield" would silently be last month's. Without the history the
 * current month alone serves dates inside it; `historyError` says why older dates are missing.
 */
export function jgbCurveFromReplies(current: Reply<JgbCurve>, all: Reply<JgbCurve>): { curve: JgbCurve; historyError?: SheetError } {
  if (current instanceof SheetError) throw current;
  if (all instanceof SheetError) return { curve: current, historyError: all };
  return { curve: mergeCurves(all, current) };
}

/**
 * `JGB_YIELD` from the replies. A date before this month (`thisMonth`, the host's `YYYY-MM`) is
 * the history file's, so it is answered when the current-month file fails; a date in this month,
 * or the latest, needs the current-month file.
 */
export function jgbYieldFromReplies(current: Reply<JgbCurve>, all: Reply<JgbCurve>, tenorYears: number, date: IsoDate | undefined, thisMonth: string): Observation {
  if (date !== undefined && date < `${thisMonth}-01` && !(all instanceof SheetError)) {
    return jgbYield(current instanceof SheetError ? all : mergeCurves(all, current), tenorYears, date);
  }
  const { curve, historyError } = jgbCurveFromReplies(current, all);
  if (historyError) {
    tenorIndex(curve, tenorYears); // an unknown tenor is the clearer message
    const first = curve.rows[0]?.date;
    if (first === undefined || (date !== undefined && date < first)) throw historyError;
  }
  return jgbYield(curve, tenorYears, date);
}
