/**
 * The sensitivity as a chart a person would rather look at: hand-written SVG, no library.
 * Top panel: the US 10y after the shock over the note's scenario bands (A below 4.5%, B to
 * 5.0%, C above, §6.3); bottom panel: the P/E change of a growth and a value stock.
 *
 * Everything is laid out to fit, by the text-width model of ./textMetrics.ts: the left margin
 * grows with the widest tick label, long lines (other inputs, legend entries, notes) wrap, the
 * axis ticks thin out until their labels clear each other, and each scenario label goes where
 * its box stays inside its band and off the plotted lines, or is left to the legend.
 */
import { SCENARIO_THRESHOLDS, SCENARIOS } from "../core/scenarios/scenario";
import { CHAIN_INPUT_PARAMS } from "../catalog/scenarios";
import type { ParamKind } from "../args/kinds";
import { inputText, percent } from "./format";
import type { Sensitivity } from "./options";
import type { SensitivityRow } from "./sensitivity";
import {
  type Anchor,
  type Box,
  ASCENT,
  CHART_FONT_FAMILY,
  DESCENT,
  boxInside,
  boxesOverlap,
  segmentHitsBox,
  textBox,
  textWidth,
  wrapToWidth,
} from "./textMetrics";

const W = 900;
/** Room right of the plots for the legend. */
const RIGHT = 190;
const MIN_LEFT = 78;
const TOP_PANEL = 260;
const GAP = 56;
const BOTTOM_PANEL = 170;
const X1 = W - RIGHT;
/** Where the rotated axis titles sit (their baseline), and their size. */
const AXIS_TITLE_X = 18;
const AXIS_TITLE_SIZE = 13;
const TICK_SIZE = 12;
/** How far a label keeps from a plotted line: half the widest stroke (2.2) plus a marker's radius (2.6), rounded up. */
const LINE_CLEARANCE = 4;

const COLORS = {
  us10y: "#1f4e79",
  before: "#6b6b6b",
  growth: "#c55a11",
  value: "#2e7d32",
  band: { A: "#e8f5e9", B: "#fff3cd", C: "#fde0dc" } as Record<string, string>,
  grid: "#d9d9d9",
  axis: "#404040",
};

export const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Round numbers for axis ticks: steps of 1, 2, 2.5 or 5 times a power of ten. */
export function niceTicks(lo: number, hi: number, target = 6): number[] {
  const span = hi - lo;
  const raw = span / Math.max(1, target);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= target) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) out.push(+t.toPrecision(12));
  return out;
}

/** A domain that shows the data with a little room, never empty. */
function domain(values: number[], pad = 0.08, minSpan = 0.001): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  // A span far below the values' own size would be lost to float rounding: keep it visible.
  const floor = Math.max(minSpan, 1e-9 * Math.max(Math.abs(lo), Math.abs(hi)));
  if (hi - lo < floor) {
    const mid = (hi + lo) / 2;
    lo = mid - floor / 2;
    hi = mid + floor / 2;
  }
  const room = (hi - lo) * pad;
  return [lo - room, hi + room];
}

/** Axis units, short (the catalog's unit words are written for the reference pages). */
const AXIS_UNITS: Record<ParamKind, string> = {
  rate: "%",
  bp: "bp",
  usd_bn: "USD bn",
  fraction: "fraction, 0 to 1",
  days: "days",
  count: "count",
  years: "years",
  tenor: "years",
  fx: "JPY per USD",
  factor: "multiplier",
  date: "",
  month: "",
  text: "",
  boolean: "",
  any: "",
};

const scale = (d: [number, number], r0: number, r1: number) => (x: number) => r0 + ((x - d[0]) / (d[1] - d[0])) * (r1 - r0);
const f1 = (x: number) => x.toFixed(1);

/** The decimals that show a tick step exactly (0.25 → 2), at least `min`. */
function decimalsFor(step: number, min: number): number {
  for (let d = min; d < 12; d++) {
    const scaled = Math.abs(step) * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
  }
  return 12;
}

/**
 * How an axis writes its ticks: with the decimals its step needs, and in exponent notation
 * (2.0e8) for the whole axis once a tick reaches a million, so a wild sweep keeps narrow labels.
 * `asPercent` writes 0.043 as 4.30% (at least `min` decimals below a 1% step); `signed` marks rises.
 */
function tickFormat(ticks: number[], asPercent: boolean, signed: boolean, min: number): (x: number) => string {
  const k = asPercent ? 100 : 1;
  const step = (ticks.length > 1 ? ticks[1] - ticks[0] : 1) * k;
  const largest = Math.max(...ticks.map((t) => Math.abs(t * k)));
  const unit = asPercent ? "%" : "";
  const sign = (v: number, s: string) => (signed && v > 0 ? `+${s}` : s);
  if (largest >= 1e6) {
    const decimals = decimalsFor(step / 10 ** Math.floor(Math.log10(largest)), 0);
    return (x) => {
      const v = Number((x * k).toPrecision(12));
      return v === 0 ? `0${unit}` : sign(v, `${v.toExponential(decimals).replace("e+", "e")}${unit}`);
    };
  }
  const decimals = decimalsFor(step, asPercent && step < 1 ? min : 0);
  return (x) => {
    const s = (Number((x * k).toPrecision(12))).toFixed(decimals).replace(/^-(0\.?0*)$/, "$1");
    return sign(Number(s), `${s}${unit}`);
  };
}

type Point = [number, number];

/** The plotted points of a series in pixels, split where a value is missing. */
function polylines(xs: number[], ys: (number | null)[], sx: (x: number) => number, sy: (y: number) => number): Point[][] {
  const out: Point[][] = [];
  let current: Point[] | undefined;
  xs.forEach((x, i) => {
    const y = ys[i];
    if (y === null || !Number.isFinite(y)) {
      current = undefined;
      return;
    }
    if (!current) out.push((current = []));
    current.push([+f1(sx(x)), +f1(sy(y))]);
  });
  return out;
}

const pathData = (lines: Point[][]) => lines.map((l) => l.map(([x, y], i) => `${i ? "L" : "M"}${f1(x)},${f1(y)}`).join(" ")).join(" ");

interface TextItem {
  x: number;
  y: number;
  text: string;
  fontSize: number;
  bold?: boolean;
  anchor?: Anchor;
  fill: string;
  /** Turned −90° about (x, y): the vertical axis titles. */
  rotated?: boolean;
}

function textElement(t: TextItem): string {
  const attrs = [
    `x="${f1(t.x)}"`,
    `y="${f1(t.y)}"`,
    `font-size="${t.fontSize}"`,
    t.bold ? 'font-weight="bold"' : "",
    t.anchor && t.anchor !== "start" ? `text-anchor="${t.anchor}"` : "",
    `fill="${t.fill}"`,
    t.rotated ? `transform="rotate(-90 ${f1(t.x)} ${f1(t.y)})"` : "",
  ].filter(Boolean);
  return `<text ${attrs.join(" ")}>${escapeXml(t.text)}</text>`;
}

/** Does a box keep clear of every plotted line? */
const clearOfLines = (b: Box, lines: Point[][]) => {
  const grown = { x0: b.x0 - LINE_CLEARANCE, y0: b.y0 - LINE_CLEARANCE, x1: b.x1 + LINE_CLEARANCE, y1: b.y1 + LINE_CLEARANCE };
  return lines.every((l) => l.every((p, i) => !segmentHitsBox(p, l[Math.min(i + 1, l.length - 1)], grown)));
};

/**
 * A place for a label inside `area`, off the lines and the labels already placed: the first of
 * rows from the top and the bottom of the area inwards, each tried right, left and in between.
 */
function placeLabel(text: string, fontSize: number, area: Box, lines: Point[][], placed: Box[]): { x: number; y: number; anchor: Anchor; box: Box } | undefined {
  const inset = 2;
  const top = area.y0 + inset + ASCENT * fontSize + 2;
  const bottom = area.y1 - inset - DESCENT * fontSize - 2;
  const rows: number[] = [];
  for (let k = 0; top + k * 14 <= bottom; k++) rows.push(top + k * 14);
  if (rows.length && rows[rows.length - 1] !== bottom && bottom >= top) rows.push(bottom);
  // Top and bottom first, then the rows between from the edges inwards.
  const order = rows.map((y, i) => [y, Math.min(i, rows.length - 1 - i)] as const).sort((a, b) => a[1] - b[1]).map(([y]) => y);
  const xs: [number, Anchor][] = [
    [area.x1 - 8, "end"],
    [area.x0 + 8, "start"],
    ...[0.5, 0.25, 0.75].map((f) => [area.x0 + (area.x1 - area.x0) * f, "middle"] as [number, Anchor]),
  ];
  const inner = { x0: area.x0 + inset, y0: area.y0 + inset, x1: area.x1 - inset, y1: area.y1 - inset };
  for (const y of order) {
    for (const [x, anchor] of xs) {
      const box = textBox({ x, y, text, fontSize, anchor });
      if (boxInside(box, inner) && clearOfLines(box, lines) && !placed.some((b) => boxesOverlap(b, box))) return { x, y, anchor, box };
    }
  }
  return undefined;
}

/** The x ticks, as many as up to 8 whose labels keep 12px apart at this plot width. */
function xTicksThatFit(xd: [number, number], asPercent: boolean, x0: number): { ticks: number[]; text: (x: number) => string } {
  for (let target = 8; ; target--) {
    const ticks = niceTicks(xd[0], xd[1], target);
    const text = tickFormat(ticks, asPercent, false, 2);
    const spacing = ticks.length > 1 ? ((X1 - x0) * (ticks[1] - ticks[0])) / (xd[1] - xd[0]) : Infinity;
    const widest = Math.max(...ticks.map((t) => textWidth(text(t), TICK_SIZE)));
    if (widest + 12 <= spacing || target <= 2 || ticks.length <= 2) return { ticks, text };
  }
}

/** The chart as an SVG document. */
export function sensitivitySvg(s: Sensitivity, rows: SensitivityRow[], otherInputs: string): string {
  const p = CHAIN_INPUT_PARAMS.find((q) => q.name === s.input)!;
  const xs = rows.map((r) => r.value);
  // No floor of its own: a sweep over a thousandth of a basis point still spreads across the plot.
  const xd = domain(xs, 0.03, 1e-12);

  const after = rows.map((r) => r.us10yAfter);
  const before = rows.map((r) => r.us10yBefore);
  const levels = [...after, ...before].filter((v): v is number => v !== null);
  // Keep the bands in view: from the bottom of scenario A (4.0%) to just above the C line.
  const [ab, bc] = SCENARIO_THRESHOLDS;
  const yTop = domain([...levels, SCENARIOS[0].from, bc + 0.002], 0.04);
  const growth = rows.map((r) => r.peGrowth);
  const value = rows.map((r) => r.peValue);
  const pe = [...growth, ...value].filter((v): v is number => v !== null);
  const yPe = domain([...pe, 0], 0.08, 0.01);

  // Tick labels first: the widest sets the left margin.
  const topTicks = niceTicks(yTop[0], yTop[1], 6);
  const peTicks = niceTicks(yPe[0], yPe[1], 5);
  const topLabel = tickFormat(topTicks, true, false, 2);
  const peLabel = tickFormat(peTicks, true, true, 0);
  const widestTick = Math.max(...topTicks.map((t) => textWidth(topLabel(t), TICK_SIZE)), ...peTicks.map((t) => textWidth(peLabel(t), TICK_SIZE)));
  // The rotated axis title reaches DESCENT·size right of its baseline; then 6px, the label, 8px to the axis.
  const X0 = Math.max(MIN_LEFT, Math.ceil(AXIS_TITLE_X + DESCENT * AXIS_TITLE_SIZE + 6 + widestTick + 8));
  const sx = scale(xd, X0, X1);
  const xAxis = xTicksThatFit(xd, p.kind === "rate", X0);

  // The header, wrapped to the canvas; the panels start below it.
  const texts: TextItem[] = [];
  const headWidth = W - X0 - 12;
  let y = 30;
  const title = `The chain's sensitivity to ${s.input}`;
  wrapToWidth(title, headWidth, 18, true).forEach((line, i) => texts.push({ x: X0, y: (y = 30 + i * 22), text: line, fontSize: 18, bold: true, fill: "#222" }));
  y += 20;
  wrapToWidth(`Other inputs: ${otherInputs}`, headWidth, 11).forEach((line, i) => texts.push({ x: X0, y: (y = y + (i ? 14 : 0)), text: line, fontSize: 11, fill: "#555" }));
  const topCaption = wrapToWidth("US 10y before and after the shock, over the note's scenarios", X1 - X0, 12);
  const botCaption = wrapToWidth("Equity multiples: P/E change through the discount rate (US 10y + ERP)", X1 - X0, 12);
  const topY0 = y + 14 + 14 * topCaption.length;
  const topY1 = topY0 + TOP_PANEL;
  const botY0 = topY1 + GAP + 14 * (botCaption.length - 1);
  const botY1 = botY0 + BOTTOM_PANEL;
  const sy = scale(yTop, topY1, topY0);
  const sp = scale(yPe, botY1, botY0);
  topCaption.forEach((line, i) => texts.push({ x: X0, y: topY0 - 8 - 14 * (topCaption.length - 1 - i), text: line, fontSize: 12, fill: "#333" }));
  botCaption.forEach((line, i) => texts.push({ x: X0, y: botY0 - 8 - 14 * (botCaption.length - 1 - i), text: line, fontSize: 12, fill: "#333" }));

  const lines = {
    before: polylines(xs, before, sx, sy),
    after: polylines(xs, after, sx, sy),
    growth: polylines(xs, growth, sx, sp),
    value: polylines(xs, value, sx, sp),
  };
  const allLines = [...lines.before, ...lines.after, ...lines.growth, ...lines.value];

  const out: string[] = [];
  const body: string[] = [];

  // Scenario bands on the US 10y panel; each label where it fits off the lines.
  const bands: [string, number, number][] = [
    ["A", -Infinity, ab],
    ["B", ab, bc],
    ["C", bc, Infinity],
  ];
  const rangeText = (lo: number, hi: number) =>
    lo === -Infinity ? `below ${percent(hi, false, 1)}` : hi === Infinity ? `from ${percent(lo, false, 1)}` : `${percent(lo, false, 1)}–${percent(hi, false, 1)}`;
  const placedBands: Box[] = [];
  const bandRects: string[] = [`<g id="scenario-bands">`];
  const bandLabels: TextItem[] = [];
  for (const [id, lo, hi] of bands) {
    const y0 = Math.max(topY0, Math.min(topY1, sy(Math.min(hi, yTop[1]))));
    const y1 = Math.max(topY0, Math.min(topY1, sy(Math.max(lo, yTop[0]))));
    if (y1 - y0 < 0.5) continue;
    bandRects.push(`<rect data-scenario="${id}" x="${f1(X0)}" y="${f1(y0)}" width="${f1(X1 - X0)}" height="${f1(y1 - y0)}" fill="${COLORS.band[id]}"/>`);
    const label = `Scenario ${id}: US 10y ${rangeText(lo, hi)}`;
    const spot = placeLabel(label, 11, { x0: X0, y0, x1: X1, y1 }, allLines, placedBands);
    if (spot) {
      placedBands.push(spot.box);
      bandLabels.push({ x: spot.x, y: spot.y, text: label, fontSize: 11, anchor: spot.anchor, fill: "#555" });
    }
  }
  bandRects.push(`</g>`);

  // Grids and axes.
  const grid = (y0: number, y1: number) => xAxis.ticks.map((t) => `<line x1="${f1(sx(t))}" y1="${f1(y0)}" x2="${f1(sx(t))}" y2="${f1(y1)}" stroke="${COLORS.grid}" stroke-width="0.6"/>`);
  const yGrid = (ticks: number[], sc: (y: number) => number) =>
    ticks.map((t) => `<line x1="${f1(X0)}" y1="${f1(sc(t))}" x2="${f1(X1)}" y2="${f1(sc(t))}" stroke="${COLORS.grid}" stroke-width="0.6"/>`);
  body.push(
    `<g id="axes">`,
    ...grid(topY0, topY1),
    ...grid(botY0, botY1),
    ...yGrid(topTicks, sy),
    ...yGrid(peTicks, sp),
    `<line x1="${X0}" y1="${f1(sp(0))}" x2="${X1}" y2="${f1(sp(0))}" stroke="${COLORS.axis}" stroke-width="1"/>`,
    `<rect x="${X0}" y="${f1(topY0)}" width="${X1 - X0}" height="${TOP_PANEL}" fill="none" stroke="${COLORS.axis}"/>`,
    `<rect x="${X0}" y="${f1(botY0)}" width="${X1 - X0}" height="${BOTTOM_PANEL}" fill="none" stroke="${COLORS.axis}"/>`,
    ...xAxis.ticks.map((t) => `<line x1="${f1(sx(t))}" y1="${f1(botY1)}" x2="${f1(sx(t))}" y2="${f1(botY1 + 5)}" stroke="${COLORS.axis}"/>`),
    `</g>`,
  );
  for (const t of topTicks) texts.push({ x: X0 - 8, y: sy(t) + 4, text: topLabel(t), fontSize: TICK_SIZE, anchor: "end", fill: "#333" });
  for (const t of peTicks) texts.push({ x: X0 - 8, y: sp(t) + 4, text: peLabel(t), fontSize: TICK_SIZE, anchor: "end", fill: "#333" });
  for (const t of xAxis.ticks) texts.push({ x: sx(t), y: botY1 + 19, text: xAxis.text(t), fontSize: TICK_SIZE, anchor: "middle", fill: "#333" });
  texts.push(
    { x: (X0 + X1) / 2, y: botY1 + 44, text: AXIS_UNITS[p.kind] ? `${s.input} (${AXIS_UNITS[p.kind]})` : s.input, fontSize: 13, anchor: "middle", fill: "#222" },
    { x: AXIS_TITLE_X, y: (topY0 + topY1) / 2, text: "US 10y", fontSize: AXIS_TITLE_SIZE, anchor: "middle", fill: "#222", rotated: true },
    { x: AXIS_TITLE_X, y: (botY0 + botY1) / 2, text: "P/E change", fontSize: AXIS_TITLE_SIZE, anchor: "middle", fill: "#222", rotated: true },
  );

  // Series.
  const series = (id: string, label: string, ys: (number | null)[], pts: Point[][], sc: (y: number) => number, color: string, dashed = false) => {
    const dots = dashed
      ? []
      : xs.flatMap((x, i) => {
          const v = ys[i];
          return v === null ? [] : [`<circle cx="${f1(sx(x))}" cy="${f1(sc(v))}" r="2.6" fill="${color}"><title>${escapeXml(`${s.input} ${inputText(p, x)}: ${label} ${percent(v)}`)}</title></circle>`];
        });
    return [
      `<g id="series-${id}" data-series="${id}">`,
      `<path d="${pathData(pts)}" fill="none" stroke="${color}" stroke-width="${dashed ? 1.4 : 2.2}"${dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
      ...(xs.length <= 60 ? dots : []),
      `</g>`,
    ];
  };
  body.push(
    ...series("us_10y_before", "US 10y before", before, lines.before, sy, COLORS.before, true),
    ...series("us_10y_after", "US 10y after", after, lines.after, sy, COLORS.us10y),
    ...series("pe_change_growth", "P/E change, growth", growth, lines.growth, sp, COLORS.growth),
    ...series("pe_change_value", "P/E change, value", value, lines.value, sp, COLORS.value),
  );

  // Legend: each entry wrapped to the column; the scenario entries carry their ranges, so a band
  // whose label found no room in the plot is still explained.
  const lx = X1 + 18;
  const entryWidth = W - 6 - (lx + 34);
  const legend: string[] = [];
  texts.push({ x: lx, y: topY0 + 4, text: "Legend", fontSize: 12, bold: true, fill: "#222" });
  let ly = topY0 + 24;
  /** An entry: its swatch, its label, and an optional smaller line under it, each wrapped to the column. */
  const entry = (swatch: string, label: string, detail?: string) => {
    legend.push(swatch);
    const wrapped: [string, number, string][] = [
      ...wrapToWidth(label, entryWidth, 12).map((l): [string, number, string] => [l, 12, "#222"]),
      ...(detail ? wrapToWidth(detail, entryWidth, 11).map((l): [string, number, string] => [l, 11, "#555"]) : []),
    ];
    wrapped.forEach(([line, size, fill], i) => texts.push({ x: lx + 34, y: ly + 4 + i * 14, text: line, fontSize: size, fill }));
    ly += Math.max(22, 14 * wrapped.length + 8);
  };
  const seriesKey: [string, string, boolean][] = [
    ["US 10y after", COLORS.us10y, false],
    ["US 10y before", COLORS.before, true],
    ["P/E change, growth", COLORS.growth, false],
    ["P/E change, value", COLORS.value, false],
  ];
  for (const [label, color, dashed] of seriesKey) {
    entry(`<line x1="${lx}" y1="${f1(ly)}" x2="${lx + 26}" y2="${f1(ly)}" stroke="${color}" stroke-width="${dashed ? 1.4 : 2.2}"${dashed ? ' stroke-dasharray="6 4"' : ""}/>`, label);
  }
  for (const [id, lo, hi] of bands) {
    entry(`<rect x="${lx}" y="${f1(ly - 8)}" width="26" height="14" fill="${COLORS.band[id]}" stroke="#bbb" stroke-width="0.5"/>`, `Scenario ${id}`, `US 10y ${rangeText(lo, hi)}`);
  }
  // Points a series lacks (a step that failed there) are gaps in its line; the legend counts them.
  const gaps: [string, number][] = [
    ["US 10y", after.filter((v) => v === null).length],
    ["growth P/E", growth.filter((v) => v === null).length],
    ["value P/E", value.filter((v) => v === null).length],
  ];
  ly += 2;
  for (const [label, n] of gaps.filter(([, k]) => k > 0)) {
    const note = n === rows.length ? `${label}: not computable at any of the ${n} points` : `${label}: ${n} of ${rows.length} points not computable`;
    for (const line of wrapToWidth(note, W - 6 - lx, 11)) {
      texts.push({ x: lx, y: ly, text: line, fontSize: 11, fill: "#a00" });
      ly += 14;
    }
    ly += 4;
  }

  const H = Math.ceil(Math.max(botY1 + 86, ly + 24));
  texts.push({ x: X0, y: H - 10, text: "marginal-bid · npm run demo · computed by CHAIN_SENSITIVITY() in HyperFormula", fontSize: 10, fill: "#888" });

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc" font-family="${CHART_FONT_FAMILY}" font-size="12">`,
    `<title id="chart-title">${escapeXml(title)}</title>`,
    `<desc id="chart-desc">${escapeXml(`US 10y after the shock and P/E changes of growth and value stocks as ${s.input} goes ${s.spec}, computed by CHAIN_SENSITIVITY on the marginal-bid model sheet (HyperFormula). Bands: the note's scenarios A, B, C (§6.3).`)}</desc>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    ...bandRects,
    `<g id="scenario-labels">`,
    ...bandLabels.map(textElement),
    `</g>`,
    ...body,
    `<g id="legend">`,
    ...legend,
    `</g>`,
    `<g id="labels">`,
    ...texts.map(textElement),
    `</g>`,
    `</svg>`,
  );
  return out.join("\n") + "\n";
}
