/**
 * Japan Ministry of Finance, JGB benchmark (par) yields, English CSV: `jgbcme.csv` (this month)
 * and `jgbcme_all.csv` (1974 to last month). A title line (`Interest Rate,,,…,(Unit : %)`), the
 * header `Date,1Y,2Y,…,10Y,15Y,20Y,25Y,30Y,40Y`, rows `YYYY/M/D` without zero padding, `-` for
 * missing, CRLF, and in the current-month file a footer (an all-comma row, then a note) to stop at.
 * The Japanese twin (`基準日,1年,…`, era dates `R7.10.1`) parses too once the host has decoded
 * its Shift_JIS; a file mangled by a wrong decoding (U+FFFD) or by an Excel re-save (`9/24/74`) is refused.
 */
import { SheetError, show } from "../errors";
import { type IsoDate, isoFromParts, parseIso } from "./dates";
import { type Observation, asOf } from "./series";
import { type DataRequest, type PlanContext, type Reply, fileRequest, preview, sourceError } from "./request";

export const MOF_CURRENT_LABEL = "Japan MoF jgbcme.csv";
export const MOF_ALL_LABEL = "Japan MoF jgbcme_all.csv";

/** Both files: the history up to last month, then this month (the history lags by about a month). */
export function mofRequests(ctx: Pick<PlanContext, "via" | "proxyBase" | "endpoints">): [current: DataRequest, all: DataRequest] {
  const file = { source: "Japan MoF", kind: "mof-jgb" } as const;
  return [
    fileRequest(ctx, "mofCurrent", { ...file, label: MOF_CURRENT_LABEL, cacheKey: "MOF:jgbcme" }),
    fileRequest(ctx, "mofAll", { ...file, label: MOF_ALL_LABEL, cacheKey: "MOF:jgbcme_all" }),
  ];
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
const YIELD = /^-?(?:\d+\.?\d*|\.\d+)$/;

function rowDate(cell: string): IsoDate | undefined {
  let m = SLASH_DATE.exec(cell);
  if (m) return isoFromParts(+m[1], +m[2], +m[3]);
  m = ERA_DATE.exec(cell);
  if (m) return isoFromParts(ERA_OFFSET[m[1]] + +m[2], +m[3], +m[4]);
  return parseIso(cell);
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
  for (let i = h + 1; i < lines.length; i++) {
    const cells = lines[i].split(",").map((c) => c.trim());
    const first = cells[0] ?? "";
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
    const yields = tenors.map((_, k) => {
      const v = (cells[k + 1] ?? "").replace(/^"|"$/g, "");
      if (v === "-" || v === "") return null;
      if (!YIELD.test(v)) throw sourceError(label, `line ${i + 1} (${date}, ${tenors[k]}Y) has ${JSON.stringify(v)}, not a yield`);
      return Number(`${v}e-2`); // percent → decimal by moving the point: 1.07 → 0.0107 exactly as printed
    });
    rows.push({ date, yields });
  }
  // No rows is legal: early in a month the current-month file may hold only its header.
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { tenors, rows };
}

/** History then current month: a date in both keeps the later file's row. Tenors must agree. */
export function mergeCurves(...curves: JgbCurve[]): JgbCurve {
  const tenors = curves[0].tenors;
  const byDate = new Map<string, JgbRow>();
  for (const c of curves) {
    if (c.tenors.join() !== tenors.join()) throw sourceError("Japan MoF", `the files disagree on tenors (${tenors.join(",")} vs ${c.tenors.join(",")})`);
    for (const r of c.rows) byDate.set(r.date, r);
  }
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
export function jgbCurveFromReplies(current: Reply, all: Reply): { curve: JgbCurve; historyError?: SheetError } {
  if (current instanceof SheetError) throw current;
  const cur = parseMofJgb(current, MOF_CURRENT_LABEL);
  if (all instanceof SheetError) return { curve: cur, historyError: all };
  return { curve: mergeCurves(parseMofJgb(all, MOF_ALL_LABEL), cur) };
}

/** `JGB_YIELD` from the replies: a date before the current month needs the history file. */
export function jgbYieldFromReplies(current: Reply, all: Reply, tenorYears: number, date?: IsoDate): Observation {
  const { curve, historyError } = jgbCurveFromReplies(current, all);
  if (historyError) {
    tenorIndex(curve, tenorYears); // an unknown tenor is the clearer message
    const first = curve.rows[0]?.date;
    if (first === undefined || (date !== undefined && date < first)) throw historyError;
  }
  return jgbYield(curve, tenorYears, date);
}
