/**
 * The sensitivity as a chart a person would rather look at: hand-written SVG, no library.
 * Top panel: the US 10y after the shock over the note's scenario bands (A below 4.5%, B to
 * 5.0%, C above, §6.3); bottom panel: the P/E change of a growth and a value stock.
 */
import { SCENARIO_THRESHOLDS, SCENARIOS } from "../core/scenarios/scenario";
import { CHAIN_INPUT_PARAMS } from "../catalog/scenarios";
import type { ParamKind } from "../args/kinds";
import { inputText, percent, plain } from "./format";
import type { Sensitivity } from "./options";
import type { SensitivityRow } from "./sensitivity";

const W = 900;
const H = 650;
const LEFT = 78;
const RIGHT = 190;
const TOP = 78;
const TOP_PANEL = 260;
const GAP = 56;
const BOTTOM_PANEL = 170;
const X0 = LEFT;
const X1 = W - RIGHT;

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
  if (hi - lo < minSpan) {
    const mid = (hi + lo) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
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
  any: "",
};

const scale = (d: [number, number], r0: number, r1: number) => (x: number) => r0 + ((x - d[0]) / (d[1] - d[0])) * (r1 - r0);
const f1 = (x: number) => x.toFixed(1);

/** An SVG path through the points, broken where a value is missing. */
function pathData(xs: number[], ys: (number | null)[], sx: (x: number) => number, sy: (y: number) => number): string {
  let d = "";
  let pen = false;
  xs.forEach((x, i) => {
    const y = ys[i];
    if (y === null || !Number.isFinite(y)) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${f1(sx(x))},${f1(sy(y))} `;
    pen = true;
  });
  return d.trim();
}

function text(x: number, y: number, s: string, attrs = ""): string {
  return `<text x="${f1(x)}" y="${f1(y)}"${attrs ? ` ${attrs}` : ""}>${escapeXml(s)}</text>`;
}

/** The chart as an SVG document. */
export function sensitivitySvg(s: Sensitivity, rows: SensitivityRow[], otherInputs: string): string {
  const p = CHAIN_INPUT_PARAMS.find((q) => q.name === s.input)!;
  const xs = rows.map((r) => r.value);
  const xd = domain(xs, 0.03, p.kind === "rate" ? 0.0001 : 1e-6);
  const sx = scale(xd, X0, X1);

  const after = rows.map((r) => r.us10yAfter);
  const before = rows.map((r) => r.us10yBefore);
  const levels = [...after, ...before].filter((v): v is number => v !== null);
  // Keep the bands in view: from the bottom of scenario A (4.0%) to just above the C line.
  const [ab, bc] = SCENARIO_THRESHOLDS;
  const yTop = domain([...levels, SCENARIOS[0].from, bc + 0.002], 0.04);
  const topY0 = TOP;
  const topY1 = TOP + TOP_PANEL;
  const sy = scale(yTop, topY1, topY0);

  const pe = rows.flatMap((r) => [r.peGrowth, r.peValue]).filter((v): v is number => v !== null);
  const yPe = domain([...pe, 0], 0.08, 0.01);
  const botY0 = topY1 + GAP;
  const botY1 = botY0 + BOTTOM_PANEL;
  const sp = scale(yPe, botY1, botY0);

  const out: string[] = [];
  const title = `The chain's sensitivity to ${s.input}`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<title id="chart-title">${escapeXml(title)}</title>`,
    `<desc id="chart-desc">${escapeXml(`US 10y after the shock and P/E changes of growth and value stocks as ${s.input} goes ${s.spec}, computed by CHAIN_SENSITIVITY on the marginal-bid model sheet (HyperFormula). Bands: the note's scenarios A, B, C (§6.3).`)}</desc>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    text(X0, 30, title, 'font-size="18" font-weight="bold" fill="#222"'),
    text(X0, 50, `Other inputs: ${otherInputs}`, 'font-size="11" fill="#555"'),
  );

  // Scenario bands on the US 10y panel.
  const bands: [string, number, number][] = [
    ["A", -Infinity, ab],
    ["B", ab, bc],
    ["C", bc, Infinity],
  ];
  out.push(`<g id="scenario-bands">`);
  for (const [id, lo, hi] of bands) {
    const y0 = Math.max(topY0, Math.min(topY1, sy(Math.min(hi, yTop[1]))));
    const y1 = Math.max(topY0, Math.min(topY1, sy(Math.max(lo, yTop[0]))));
    if (y1 - y0 < 0.5) continue;
    const range = lo === -Infinity ? `below ${percent(hi, false, 1)}` : hi === Infinity ? `${percent(lo, false, 1)} and above` : `${percent(lo, false, 1)}–${percent(hi, false, 1)}`;
    out.push(
      `<rect data-scenario="${id}" x="${f1(X0)}" y="${f1(y0)}" width="${f1(X1 - X0)}" height="${f1(y1 - y0)}" fill="${COLORS.band[id]}"/>`,
      text(X1 - 8, y0 + 16, `Scenario ${id}: US 10y ${range}`, 'text-anchor="end" font-size="11" fill="#555"'),
    );
  }
  out.push(`</g>`);

  // Grids and axes.
  const xTicks = niceTicks(xd[0], xd[1], 8);
  const xLabel = (x: number) => (p.kind === "rate" ? percent(x, false, x !== 0 && Math.abs(x) < 0.001 ? 3 : 2) : plain(x));
  const grid = (y0: number, y1: number) => xTicks.map((t) => `<line x1="${f1(sx(t))}" y1="${f1(y0)}" x2="${f1(sx(t))}" y2="${f1(y1)}" stroke="${COLORS.grid}" stroke-width="0.6"/>`);
  const yAxis = (ticks: number[], sc: (y: number) => number, label: (y: number) => string) =>
    ticks.map((t) => [
      `<line x1="${f1(X0)}" y1="${f1(sc(t))}" x2="${f1(X1)}" y2="${f1(sc(t))}" stroke="${COLORS.grid}" stroke-width="0.6"/>`,
      text(X0 - 8, sc(t) + 4, label(t), 'text-anchor="end" fill="#333"'),
    ]).flat();
  const topTicks = niceTicks(yTop[0], yTop[1], 6);
  const peTicks = niceTicks(yPe[0], yPe[1], 5);
  out.push(
    `<g id="axes">`,
    ...grid(topY0, topY1),
    ...grid(botY0, botY1),
    ...yAxis(topTicks, sy, (y) => percent(y)),
    ...yAxis(peTicks, sp, (y) => percent(y, true, 0)),
    `<line x1="${X0}" y1="${f1(sp(0))}" x2="${X1}" y2="${f1(sp(0))}" stroke="${COLORS.axis}" stroke-width="1"/>`,
    `<rect x="${X0}" y="${topY0}" width="${X1 - X0}" height="${TOP_PANEL}" fill="none" stroke="${COLORS.axis}"/>`,
    `<rect x="${X0}" y="${botY0}" width="${X1 - X0}" height="${BOTTOM_PANEL}" fill="none" stroke="${COLORS.axis}"/>`,
    ...xTicks.flatMap((t) => [
      `<line x1="${f1(sx(t))}" y1="${botY1}" x2="${f1(sx(t))}" y2="${botY1 + 5}" stroke="${COLORS.axis}"/>`,
      text(sx(t), botY1 + 19, xLabel(t), 'text-anchor="middle" fill="#333"'),
    ]),
    text((X0 + X1) / 2, botY1 + 44, AXIS_UNITS[p.kind] ? `${s.input} (${AXIS_UNITS[p.kind]})` : s.input, 'text-anchor="middle" font-size="13" fill="#222"'),
    text(18, (topY0 + topY1) / 2, "US 10y", `transform="rotate(-90 18 ${f1((topY0 + topY1) / 2)})" text-anchor="middle" font-size="13" fill="#222"`),
    text(18, (botY0 + botY1) / 2, "P/E change", `transform="rotate(-90 18 ${f1((botY0 + botY1) / 2)})" text-anchor="middle" font-size="13" fill="#222"`),
    text(X0, topY0 - 8, "US 10y before and after the shock, over the note's scenarios", 'font-size="12" fill="#333"'),
    text(X0, botY0 - 8, "Equity multiples: P/E change through the discount rate (US 10y + ERP)", 'font-size="12" fill="#333"'),
    `</g>`,
  );

  // Series.
  const series = (id: string, label: string, ys: (number | null)[], sc: (y: number) => number, color: string, dashed = false) => {
    const d = pathData(xs, ys, sx, sc);
    const dots = dashed
      ? []
      : xs.flatMap((x, i) => {
          const y = ys[i];
          return y === null ? [] : [`<circle cx="${f1(sx(x))}" cy="${f1(sc(y))}" r="2.6" fill="${color}"><title>${escapeXml(`${s.input} ${inputText(p, x)}: ${label} ${percent(y)}`)}</title></circle>`];
        });
    return [
      `<g id="series-${id}" data-series="${id}">`,
      `<path d="${d}" fill="none" stroke="${color}" stroke-width="${dashed ? 1.4 : 2.2}"${dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
      ...(xs.length <= 60 ? dots : []),
      `</g>`,
    ];
  };
  out.push(
    ...series("us_10y_before", "US 10y before", before, sy, COLORS.before, true),
    ...series("us_10y_after", "US 10y after", after, sy, COLORS.us10y),
    ...series("pe_change_growth", "P/E change, growth", rows.map((r) => r.peGrowth), sp, COLORS.growth),
    ...series("pe_change_value", "P/E change, value", rows.map((r) => r.peValue), sp, COLORS.value),
  );

  // Legend.
  const legend: [string, string, boolean][] = [
    ["US 10y after", COLORS.us10y, false],
    ["US 10y before", COLORS.before, true],
    ["P/E change, growth", COLORS.growth, false],
    ["P/E change, value", COLORS.value, false],
  ];
  const lx = X1 + 18;
  out.push(`<g id="legend">`, text(lx, TOP + 4, "Legend", 'font-weight="bold" fill="#222"'));
  legend.forEach(([label, color, dashed], i) => {
    const y = TOP + 24 + i * 22;
    out.push(
      `<line x1="${lx}" y1="${y}" x2="${lx + 26}" y2="${y}" stroke="${color}" stroke-width="${dashed ? 1.4 : 2.2}"${dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
      text(lx + 34, y + 4, label, 'fill="#222"'),
    );
  });
  (["A", "B", "C"] as const).forEach((id, i) => {
    const y = TOP + 24 + (legend.length + i) * 22;
    out.push(`<rect x="${lx}" y="${y - 8}" width="26" height="14" fill="${COLORS.band[id]}" stroke="#bbb" stroke-width="0.5"/>`, text(lx + 34, y + 4, `Scenario ${id}`, 'fill="#222"'));
  });
  // Points a series lacks (a step that failed there) are gaps in its line; the legend counts them.
  const gaps: [string, number][] = [
    ["US 10y", rows.filter((r) => r.us10yAfter === null).length],
    ["growth P/E", rows.filter((r) => r.peGrowth === null).length],
    ["value P/E", rows.filter((r) => r.peValue === null).length],
  ];
  gaps
    .filter(([, n]) => n > 0)
    .forEach(([label, n], k) =>
      out.push(text(lx, TOP + 24 + (legend.length + 3) * 22 + 10 + k * 16, `${label}: ${n} point${n > 1 ? "s" : ""} not computable`, 'font-size="11" fill="#a00"')),
    );
  out.push(`</g>`, text(X0, H - 10, "marginal-bid · npm run demo · computed by CHAIN_SENSITIVITY() in HyperFormula", 'font-size="10" fill="#888"'), `</svg>`);
  return out.join("\n") + "\n";
}
