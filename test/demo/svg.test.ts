/**
 * The sensitivity charts fit: every text box inside the canvas, no two text boxes on top of each
 * other, no label on a plotted line, each scenario label inside its band, for the charts
 * docs/demo.md draws and for extreme sweeps (1,001 points, tiny and huge ranges, every point of a
 * series failing, negative values, P/E changes in the thousands of percent). Text boxes come from
 * the width model of src/demo/textMetrics.ts; Chromium, where installed, checks the model
 * against the boxes it measures. The line check here samples each segment (independent of the
 * chart's own Liang–Barsky test).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { afterAll, describe, expect, it } from "vitest";
import { runDemo } from "../../src/demo/run";
import { sensitivitySvg } from "../../src/demo/svg";
import type { SensitivityRow } from "../../src/demo/sensitivity";
import { type Box, CHART_FONT_FAMILY, rotateBoxLeft, textBox, textWidth, wrapToWidth } from "../../src/demo/textMetrics";
import { findChromium, requireTool } from "../helpers/tools";

const tmp = mkdtempSync(join(tmpdir(), "marginal-bid-svg-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const LIFER = ["--hedge-ratio", "0.6", "--fx-response", "-0.04", "--bid-elasticity-bn", "50"];
/** The lifer with yen weakness per hike: the advantage falls, the cut turns negative, the US 10y falls. */
const WEAK_YEN = ["--hedge-ratio", "0.6", "--fx-response", "0.04", "--bid-elasticity-bn", "50"];

/** The charts: name → the demo's arguments. */
const CHARTS: Record<string, string[]> = {
  // docs/demo.md's commands
  "bid-cut": ["--sensitivity", "bid_cut=0:1:0.05"],
  tp: ["--sensitivity", "bp_per_100bn=5:100:5", "--bid-cut", "0.3"],
  lifer: [...LIFER, "--sensitivity", "hike_bp=0:200:10"],
  // the erp sweep of the issue: the growth P/E fails below erp 2.2% (r = 4.3% + erp < g = 6.5%)
  erp: ["--sensitivity", "erp=0:5%:0.25%"],
  // extremes
  "many-points": [...LIFER, "--sensitivity", "hike_bp=0:1000:1"],
  "tiny-range": ["--sensitivity", "us_short=4.5%:4.5001%:0.00001%"],
  "huge-range": ["--sensitivity", "japan_holdings_bn=0:1000000000:1000000"],
  "huge-us10y": ["--hedge-ratio", "0.6", "--fx-response", "-0.04", "--sensitivity", "bid_elasticity_bn=0:1000000:100000"],
  "all-pe-failing": ["--growth-value", "6%", "--sensitivity", "erp=0:1%:0.5%"],
  "negative-yields": ["--sensitivity", "ust_10y=-2%:1%:0.25%"],
  "negative-cut": [...WEAK_YEN, "--sensitivity", "hike_bp=0:200:10"],
  "pe-blow-up": [...WEAK_YEN, "--sensitivity", "growth_growth=6%:8%:0.1%"],
  "many-inputs": [
    ...["--hike-bp", "75", "--us-short", "5.25%", "--jp-short", "0.25%", "--ust-10y", "4.65%", "--jgb-10y", "1.1%", "--basis", "-0.2%"],
    ...["--japan-buying-bn", "120", "--bp-per-100bn", "stress", "--japan-holdings-bn", "1250", "--ust-duration", "7.5", "--kr-beta", "0.7"],
    ...["--sensitivity", "bid_cut=0:1:0.1"],
  ],
};

function chart(name: string): string {
  const path = join(tmp, `${name}.svg`);
  const out = runDemo([...CHARTS[name], "--plot", path]);
  if (out.code !== 0) throw new Error(`${name}: ${out.stderr.join("\n")}`);
  return readFileSync(path, "utf8");
}

interface Parsed {
  width: number;
  height: number;
  texts: { text: string; box: Box; group: string }[];
  lines: { series: string; points: [number, number][][]; clearance: number }[];
  bands: Map<string, Box>;
}

const num = (e: Element, attr: string) => Number(e.getAttribute(attr));

/** An attribute set on the element or inherited from an ancestor. */
function inherited(e: Element, attr: string): string | null {
  for (let n: Element | null = e; n; n = n.parentNode as Element | null) if (n.getAttribute?.(attr)) return n.getAttribute(attr);
  return null;
}

function parse(svg: string): Parsed {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = doc.documentElement!;
  const [vx, vy, width, height] = root.getAttribute("viewBox")!.split(/\s+/).map(Number);
  expect([vx, vy]).toEqual([0, 0]);
  const texts = Array.from(root.getElementsByTagName("text")).map((t) => {
    const anchor = (inherited(t, "text-anchor") ?? "start") as "start" | "middle" | "end";
    const spec = { x: num(t, "x"), y: num(t, "y"), text: t.textContent ?? "", fontSize: Number(inherited(t, "font-size")), bold: inherited(t, "font-weight") === "bold", anchor };
    let box = textBox(spec);
    const transform = t.getAttribute("transform");
    if (transform) {
      const m = /^rotate\(-90 ([\d.-]+) ([\d.-]+)\)$/.exec(transform);
      expect(m, transform).not.toBeNull();
      box = rotateBoxLeft(box, Number(m![1]), Number(m![2]));
    }
    return { text: spec.text, box, group: (t.parentNode as Element).getAttribute("id") ?? "" };
  });
  const lines = Array.from(root.getElementsByTagName("g"))
    .filter((g) => g.getAttribute("data-series"))
    .map((g) => {
      const path = g.getElementsByTagName("path")[0];
      const d = path.getAttribute("d") ?? "";
      const points: [number, number][][] = [];
      for (const [, cmd, x, y] of d.matchAll(/([ML])(-?[\d.]+),(-?[\d.]+)/g)) {
        if (cmd === "M") points.push([]);
        points[points.length - 1].push([Number(x), Number(y)]);
      }
      const circle = g.getElementsByTagName("circle")[0];
      return { series: g.getAttribute("data-series")!, points, clearance: num(path, "stroke-width") / 2 + (circle ? num(circle, "r") : 0) };
    });
  const bands = new Map(
    Array.from(root.getElementsByTagName("rect"))
      .filter((r) => r.getAttribute("data-scenario"))
      .map((r) => [r.getAttribute("data-scenario")!, { x0: num(r, "x"), y0: num(r, "y"), x1: num(r, "x") + num(r, "width"), y1: num(r, "y") + num(r, "height") }]),
  );
  return { width, height, texts, lines, bands };
}

const inside = (b: Box, o: Box) => b.x0 >= o.x0 && b.x1 <= o.x1 && b.y0 >= o.y0 && b.y1 <= o.y1;
const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The first point, every 0.5px along the polyline, that is within `clearance` of the box; or undefined. */
function touches(points: [number, number][], box: Box, clearance: number): [number, number] | undefined {
  const grown = { x0: box.x0 - clearance, y0: box.y0 - clearance, x1: box.x1 + clearance, y1: box.y1 + clearance };
  for (let i = 0; i < points.length; i++) {
    const [p, q] = [points[i], points[Math.min(i + 1, points.length - 1)]];
    const n = Math.max(1, Math.ceil(Math.hypot(q[0] - p[0], q[1] - p[1]) / 0.5));
    for (let k = 0; k <= n; k++) {
      const x = p[0] + ((q[0] - p[0]) * k) / n;
      const y = p[1] + ((q[1] - p[1]) * k) / n;
      if (x >= grown.x0 && x <= grown.x1 && y >= grown.y0 && y <= grown.y1) return [x, y];
    }
  }
  return undefined;
}

/** Every fit rule for one chart, with what broke it. */
function fitProblems(svg: string): string[] {
  const c = parse(svg);
  const canvas = { x0: 0, y0: 0, x1: c.width, y1: c.height };
  const problems: string[] = [];
  for (const t of c.texts) if (!inside(t.box, canvas)) problems.push(`"${t.text}" leaves the canvas: ${JSON.stringify(t.box)}`);
  c.texts.forEach((a, i) =>
    c.texts.slice(i + 1).forEach((b) => {
      if (overlap(a.box, b.box)) problems.push(`"${a.text}" overlaps "${b.text}"`);
    }),
  );
  for (const t of c.texts) {
    for (const l of c.lines) {
      for (const pl of l.points) {
        const at = touches(pl, t.box, l.clearance);
        if (at) problems.push(`"${t.text}" lies on the ${l.series} line at ${at.map((v) => v.toFixed(1)).join(",")}`);
      }
    }
  }
  for (const t of c.texts.filter((x) => x.group === "scenario-labels")) {
    const id = /^Scenario ([ABC]):/.exec(t.text)?.[1];
    const band = id ? c.bands.get(id) : undefined;
    if (!band || !inside(t.box, band)) problems.push(`"${t.text}" is not inside its band`);
  }
  return problems;
}

describe("the demo's charts fit their canvas", () => {
  for (const name of Object.keys(CHARTS)) {
    it(`${name}: ${CHARTS[name].join(" ")}`, () => {
      const svg = chart(name);
      expect(fitProblems(svg)).toEqual([]);
    });
  }

  it("the rules catch a chart that does not fit: the old legend note and a label on the line", () => {
    // A control: the erp chart with its gap note moved back to one unwrapped line (as it was, past
    // the 900px canvas) and a scenario label dropped onto the US 10y line.
    const svg = chart("erp");
    const c = parse(svg);
    const after = c.lines.find((l) => l.series === "us_10y_after")!.points[0];
    const [lx, ly] = after[Math.floor(after.length / 2)];
    const broken = svg
      .replace(/<text x="728\.0" y="([\d.]+)" font-size="11" fill="#a00">growth P\/E:[^<]*<\/text>/, '<text x="728.0" y="$1" font-size="11" fill="#a00">growth P/E: 9 of 21 points not computable</text>')
      .replace(/(<g id="scenario-labels">\n<text x=")[\d.]+" y="[\d.]+"/, `$1${lx}" y="${ly + 4}"`);
    const problems = fitProblems(broken).join("\n");
    expect(problems).toContain('"growth P/E: 9 of 21 points not computable" leaves the canvas');
    expect(problems).toMatch(/"Scenario [ABC]: [^"]*" lies on the us_10y_after line/);
  });

  it("bid-cut.svg: the scenario B label keeps off the US 10y line, which ends at 4.90% inside band B", () => {
    // bid_cut 1: 4.30% + 75/100·80bp = 4.90% (note §3.3), right where the label sat before
    const c = parse(chart("bid-cut"));
    const b = c.texts.find((t) => t.text.startsWith("Scenario B"));
    expect(b).toBeDefined();
    expect(touches(c.lines.find((l) => l.series === "us_10y_after")!.points[0], b!.box, 3.7)).toBeUndefined();
  });

  it("erp.svg: the legend counts the growth P/E gaps inside the canvas, wrapped", () => {
    // PE_CHANGE needs r = ust_10y + erp above g = 6.5%: erp ≤ 2.20% fails, i.e. 0, 0.25%, …, 2.00%: 9 of the 21 points
    const text = parse(chart("erp")).texts.map((t) => t.text).join(" ");
    expect(text).toContain("growth P/E: 9 of 21 points not computable");
  });

  it("a series that fails at every point says so in the legend", () => {
    // growth_value 6%: r = 4.3% + erp ≤ 5.3% < 6% at every erp of 0:1% (PE_CHANGE needs r > g)
    const text = parse(chart("all-pe-failing")).texts.map((t) => t.text).join(" ");
    expect(text).toContain("growth P/E: not computable at any of the 3 points");
    expect(text).toContain("value P/E: not computable at any of the 3 points");
  });

  it("with every value missing, or values in the billions, the chart still fits", () => {
    // built directly: the demo's rows cannot be all-failing for the US 10y, the sheet computes it for any valid input
    const sweep = { input: "bid_cut", values: [0, 0.5, 1], spec: "0:1:0.5" };
    const row = (value: number, v: number | null): SensitivityRow => ({ value, cells: [], us10yBefore: v, us10yAfter: v, peGrowth: v, peValue: v, bidCut: null, buyingBn: null });
    const nothing = sensitivitySvg(sweep, sweep.values.map((x) => row(x, null)), "none");
    expect(fitProblems(nothing)).toEqual([]);
    expect(parse(nothing).texts.map((t) => t.text).join(" ")).toContain("US 10y: not computable at any of the 3 points");
    const wild = sensitivitySvg(sweep, [row(0, -3e9), row(0.5, 2e-9), row(1, 4.5e9)], "none");
    expect(fitProblems(wild)).toEqual([]);
  });
});

describe("the text-width model", () => {
  it("is Helvetica's advance widths times the fallback factor", () => {
    // Helvetica AFM (Adobe Core 14): U 722, S 667, space 278, 1 556, 0 556, y 500, a 556, f 278, t 278, e 556, r 333
    // → 5558/1000 em; at 12px that is 66.70px, times 1.2
    expect(textWidth("US 10y after", 12)).toBeCloseTo(66.696 * 1.2, 6);
    // Helvetica-Bold: L 611, e 556, g 611, e 556, n 611, d 611 → 3556/1000 em (Chromium measured 42.7px at 12px in Nimbus Sans)
    expect(textWidth("Legend", 12, true)).toBeCloseTo((3556 / 1000) * 12 * 1.2, 6);
  });

  it("wraps at spaces, and cuts a word too long for the width", () => {
    expect(wrapToWidth("growth P/E: 9 of 21 points not computable", 166, 11)).toEqual(["growth P/E: 9 of 21 points", "not computable"]);
    const cut = wrapToWidth("x".repeat(60), 100, 12);
    expect(cut.join("")).toBe("x".repeat(60));
    for (const line of cut) expect(textWidth(line, 12)).toBeLessThanOrEqual(100);
  });

  /** Each text's box as Chromium lays it out, in the chart's fonts or in the one given. */
  function measured(chromium: string, svg: string, fontFamily?: string): { text: string; box: Box }[] {
    const body = fontFamily ? svg.replace(`font-family="${CHART_FONT_FAMILY}"`, `font-family="${fontFamily}"`) : svg;
    const page = join(tmp, `measure-${fontFamily ? "fallback" : "chart"}.html`);
    writeFileSync(
      page,
      `<!doctype html><html><body style="margin:0">${body}<pre id="out"></pre><script>
document.getElementById("out").textContent = JSON.stringify([...document.querySelectorAll("svg text")].map((t) => {
  const r = t.getBoundingClientRect();
  return { text: t.textContent, box: { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom } };
}));
</script></body></html>`,
    );
    const r = spawnSync(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--dump-dom", `file://${page}`], {
      encoding: "utf8",
      timeout: 60_000,
    });
    const json = /<pre id="out">([^<]*)<\/pre>/.exec(r.stdout)?.[1];
    if (!json) throw new Error(`chromium measured nothing: ${r.stderr}`);
    return JSON.parse(json.replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">")) as { text: string; box: Box }[];
  }

  for (const [fonts, family] of [
    ["the chart's fonts", undefined],
    ["DejaVu Sans, the usual fallback", "DejaVu Sans"],
  ] as const) {
    it(`holds every box Chromium measures, in ${fonts}`, (ctx) => {
      const chromium = requireTool(findChromium(), ctx);
      for (const name of ["erp", "bid-cut", "many-inputs"]) {
        const svg = chart(name);
        const model = parse(svg).texts;
        const real = measured(chromium, svg, family);
        expect(real.length, name).toBe(model.length);
        real.forEach((m, i) => {
          const b = model[i].box;
          const within = m.box.x0 >= b.x0 - 0.5 && m.box.x1 <= b.x1 + 0.5 && m.box.y0 >= b.y0 - 0.5 && m.box.y1 <= b.y1 + 0.5;
          expect(within, `${name}: "${m.text}" measured ${JSON.stringify(m.box)}, modelled ${JSON.stringify(b)}`).toBe(true);
        });
      }
    }, 120_000);
  }
});
