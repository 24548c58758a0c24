/**
 * `npm run demo`: the command itself, run as a child process with tsx (as npm runs it), and
 * the same code in-process for the many bad-option cases.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDemo } from "../../src/demo/run";
import { findXmllint, requireTool, runTsx, xmlWellFormed } from "../helpers/tools";

/** A line with its runs of spaces squeezed, for comparing aligned columns. */
const squeeze = (line: string) => line.trim().split(/\s+/).join(" ");

const tmp = mkdtempSync(join(tmpdir(), "marginal-bid-demo-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const demo = (...args: string[]) => runTsx("src/demo/main.ts", args);

describe("npm run demo with the note's inputs", () => {
  const out = demo();
  const lines = out.stdout.split("\n").map(squeeze);

  it("exits 0 with nothing on stderr", () => {
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
  });

  it("says what it is and which inputs it used", () => {
    expect(lines[0]).toContain("marginal-bid demo");
    expect(out.stdout).toContain("=CHAIN(A5:B26)");
    expect(out.stdout).toContain("HyperFormula");
    // The note's illustrative inputs (CHAIN_INPUTS, docs/functions.md), none marked as changed.
    expect(out.stdout).toContain("hike_bp 50bp · us_short 4.50% · jp_short 0.50% · ust_10y 4.30% · jgb_10y 1.50%");
    expect(out.stdout).not.toMatch(/\d\*/);
  });

  it("prints the transmission table line by line", () => {
    const table = lines.slice(lines.indexOf("step before after change"));
    // Each expected line from the note's sections, the reference's examples (docs/functions.md) or a closed form.
    expect(table.slice(0, 16)).toEqual([
      "step before after change",
      "jp_short 0.50% 1.00% +0.50%", // note §3.2: policy rate 0.50% → 1.00%
      "jgb_10y 1.50% 2.00% +0.50%", // note §3.2: JGB 10y 1.50% → 2.00%
      "fx_change 0.00% 0.00% 0.00%", // CHAIN_INPUTS: fx_response 0, no FX view
      "hedge_cost 4.00% 3.50% -0.50%", // note §3.2: 4.50% − 1.00% = 3.50%
      "hedged_ust 0.30% 0.80% +0.50%", // note §3.1, §3.2: hedged UST 0.30% → 0.80%
      "jgb_advantage 1.20% 1.20% 0.00%", // note §3.2 (in our words): 1.20pp before and after
      "bid_cut 0.5000 fraction", // note §3.3: "if that drops by half", the input
      "japan_buying_bn 75.00 37.50 -37.50 USD bn", // note §3.3: buying 75 → 37.5
      "term_premium_change +0.30%", // TP_IMPACT's example: 37.5/100 × 80bp = +0.30%
      "us_10y 4.30% 4.60% +0.30%", // CHAIN's example: US 10y 4.30% → 4.60%
      "scenario A B A → B", // CHAIN's example: scenario A → B
      "holdings_mtm_bn -27.12 USD bn", // HOLDINGS_LOSS's example: 1130·(−8·0.30%) = −27.12bn
      "pe_change_growth -14.29%", // closed form: r 8.3%, g 6.5%: 0.018/0.021 − 1 = −14.29%
      "pe_change_value -5.36%", // closed form: g 3%: 0.053/0.056 − 1 = −5.36%
      "kr_10y_change +0.15%", // closed form: kr_beta 0.5 × 30bp = +0.15%
    ]);
  });

  it("says honestly that the JGB advantage does not move with equal pass-through (note §3.2)", () => {
    expect(out.stdout).toContain("The JGB advantage does not move");
  });
});

describe("npm run demo with options", () => {
  it("--hike-bp 100 --bid-cut 0.3 --bp-per-100bn central recalculates the sheet", () => {
    const out = demo("--hike-bp", "100", "--bid-cut", "0.3", "--bp-per-100bn", "central");
    expect(out.code).toBe(0);
    const lines = out.stdout.split("\n").map(squeeze);
    // Changed inputs are marked.
    expect(out.stdout).toContain("hike_bp 100bp*");
    expect(out.stdout).toContain("bid_cut 0.3*");
    expect(out.stdout).toContain("bp_per_100bn central*");
    // Closed forms: jp_short 0.50% + 1.00% = 1.50%; shortfall 75 × 0.3 = 22.5bn; Δtp = 22.5/100 ×
    // 20bp ("central", TP_IMPACT's presets) = 4.5bp, shown +0.05% (two decimals, half up); US 10y
    // 4.345% → 4.35% (scenario A, note §6.3); holdings
    // −1130 × 8 × 0.00045 = −4.068; P/E growth 0.018/0.01845 − 1 = −2.44%; value 0.053/0.05345 − 1 = −0.84%.
    expect(lines).toContain("jp_short 0.50% 1.50% +1.00%");
    expect(lines).toContain("japan_buying_bn 75.00 52.50 -22.50 USD bn");
    expect(lines).toContain("term_premium_change +0.05%");
    expect(lines).toContain("us_10y 4.30% 4.35% +0.05%");
    expect(lines).toContain("scenario A A unchanged");
    expect(lines).toContain("holdings_mtm_bn -4.07 USD bn");
    expect(lines).toContain("pe_change_growth -2.44%");
    expect(lines).toContain("pe_change_value -0.84%");
  });

  it("values are typed as in a cell: 4.5% and 0.045 are the same input", () => {
    const a = runDemo(["--us-short", "4.5%", "--ust-10y", "4.3%"]);
    const b = runDemo(["--us-short=0.045", "--ust-10y=0.043"]);
    expect(a.code).toBe(0);
    expect(a.stdout.slice(4)).toEqual(b.stdout.slice(4));
  });

  it('bp inputs take "100bp" as the demo prints them, rate inputs "4.5%"', () => {
    // the same inputs typed as plain numbers and decimals (the argument layer reads "100bp" as 100, "4.5%" as 0.045)
    const typed = runDemo(["--hike-bp", "100bp", "--bp-per-100bn", "20 bp", "--us-short", "4.5%"]);
    const plainly = runDemo(["--hike-bp", "100", "--bp-per-100bn", "20", "--us-short", "0.045"]);
    expect(typed.code).toBe(0);
    expect(typed.stdout).toEqual(plainly.stdout);
    expect(typed.stdout.join("\n")).toContain("hike_bp 100bp*");
  });

  it("a sweep in bp takes its bounds and step with the unit", () => {
    const out = runDemo(["--sensitivity", "hike_bp=0bp:100bp:25bp"]);
    expect(out.code).toBe(0);
    // 0, 25, 50, 75, 100: (100 − 0)/25 + 1 = 5 points
    expect(out.stdout).toContain("Sensitivity to hike_bp, 0bp to 100bp in 5 points. hike_bp: BOJ hike in basis points (note §3.2: 50).");
  });

  it("--help lists every CHAIN input as an option", () => {
    const out = demo("--help");
    expect(out.code).toBe(0);
    for (const name of ["--hike-bp", "--us-short", "--bp-per-100bn", "--japan-holdings-bn", "--kr-beta", "--sensitivity", "--plot"]) {
      expect(out.stdout).toContain(name);
    }
  });
});

describe("bad options exit 2 with a message", () => {
  it("as a child process: the exit code and stderr", () => {
    const out = demo("--us-short", "4.5");
    expect(out.code).toBe(2);
    expect(out.stdout).toBe("");
    // README, "Units and conventions": "us_short = 4.5 looks like a percent: enter 4.5% or 0.045".
    expect(out.stderr).toContain("us_short = 4.5 looks like a percent: enter 4.5% or 0.045");
  });

  const cases: [string[], string][] = [
    [["--foo", "1"], "unknown option --foo"],
    [["--hike-bpp", "1"], "did you mean --hike-bp?"],
    [["--hike-bp"], "--hike-bp needs a value"],
    [["--hike-bp", "abc"], 'hike_bp = "abc" is not a number'],
    [["--bid-cut", "1.5"], "bid_cut = 1.5 must be at most 1"], // the function table (src/catalog/scenarios.ts): bid_cut is a fraction, 0..1
    [["--bp-per-100bn", "medium"], '"note", "short_run", "central", "long_run", "stress"'], // TP_IMPACT's presets (docs/functions.md)
    [["--hike-bp", "10", "--hike-bp", "20"], "given twice"],
    [["chain"], 'unexpected argument "chain"'],
    [["--plot", "x.svg"], "--plot draws a sensitivity"],
    [["--sensitivity", "bid_cut=0:1"], "INPUT=FROM:TO:STEP"],
    [["--sensitivity", "nope=0:1:0.1"], '"nope" is not a CHAIN input'],
    [["--sensitivity", "bid_cut=0:1:0"], "step must be above 0"],
    [["--sensitivity", "us_short=3:5:0.5"], "us_short = 3 looks like a percent"],
    [["--sensitivity", "bid_cut=0:2:0.5"], "bid_cut = 1.5 must be at most 1"],
    [["--bid-cut", "0.3", "--sensitivity", "bid_cut=0:1:0.5"], "both set bid_cut"],
    [["--sensitivity", "hike_bp=50:50:10"], "is a single point"],
    [["--sensitivity", "hike_bp=0:100:50", "--plot", "x.png"], "give a name ending in .svg"],
    [["--sensitivity", "hike_bp=0:100:50", "--plot", "chart"], "give a name ending in .svg"],
    [["--bid-cut", "0.3", "--bid-elasticity-bn", "50"], "--bid-cut and --bid-elasticity-bn both set the bid cut"],
    [["--bid-cut", "0.3", "--sensitivity", "bid_elasticity_bn=0:50:25"], "both set the bid cut"],
    [["--bid-elasticity-bn", "50", "--sensitivity", "bid_cut=0:1:0.5"], "both set the bid cut"],
    [["--compare", "--sensitivity", "hike_bp=0:100:50"], "--compare and --sensitivity"],
    [["--hike-bp", "0.5"], "hike_bp = 0.5 is a fraction of a basis point"],
    [["--us-short", "45000"], "looks like a date"],
    // 50bp = 0.50% = 0.005 (README, Units and conventions)
    [["--us-short", "50bp"], 'us_short = "50bp" is in basis points, but us_short is a rate: enter 0.5% or 0.005'],
    // 100/30 = 3.33 steps: 0, 30, 60, 90 would stop short of 100; 25 and 50 divide 100 (5 and 3 points); 3·30 = 90, 4·30 = 120
    [["--sensitivity", "hike_bp=0:100:30"], "the step 30 does not divide 0:100 (3.333 steps), so the grid would stop short of 100; use a step that divides it, e.g. 25 (5 points) or 50 (3 points), or end the grid at 90 or 120"],
    // 2%/0.3% = 6.67 steps; 0.25% and 0.5% divide 2% (9 and 5 points); 3% + 6·0.3% = 4.8%, + 7·0.3% = 5.1%
    [["--sensitivity", "us_short=3%:5%:0.3%"], "e.g. 0.25% (9 points) or 0.5% (5 points), or end the grid at 4.8% or 5.1%"],
    // 4·0.3 = 1.2 is not a bid cut (at most 1), so only 0.9 is offered as an end
    [["--sensitivity", "bid_cut=0:1:0.3"], "e.g. 0.25 (5 points) or 0.5 (3 points), or end the grid at 0.9"],
  ];
  for (const [args, message] of cases) {
    it(args.join(" "), () => {
      const out = runDemo(args);
      expect(out.code).toBe(2);
      expect(out.stdout).toEqual([]);
      expect(out.stderr.join("\n")).toContain(message);
    });
  }
});

describe("a step that fails spoils only its own cells", () => {
  it("--erp 1% --growth-growth 6%: the growth P/E does not compute, the rest of the chain stands", () => {
    // r = 4.3% + 1% = 5.3% is below g = 6%: the Gordon model needs r > g (PE_CHANGE)
    const out = runDemo(["--erp", "1%", "--growth-growth", "6%"]);
    expect(out.code).toBe(0);
    const lines = out.stdout.map(squeeze);
    expect(lines).toContain("pe_change_growth #VALUE!");
    expect(lines).toContain("us_10y 4.30% 4.60% +0.30%"); // note §3.3, as with the note's inputs
    // value stock: r = 5.3%, g = 3%: 2.3/2.6 − 1 = −11.54%
    expect(lines).toContain("pe_change_value -11.54%");
    expect(out.stdout.join("\n")).toContain("pe_change_growth: #VALUE! growth_growth: discount rate must exceed growth");
  });
});

describe("the transmission model on the command line", () => {
  const LIFER = ["--hedge-ratio", "0.6", "--fx-response", "-0.04", "--bid-elasticity-bn", "50"];

  it("--bid-elasticity-bn blanks the model's bid_cut cell and derives the cut (the worked lifer example)", () => {
    const out = runDemo(LIFER);
    expect(out.code).toBe(0);
    const lines = out.stdout.map(squeeze);
    expect(out.stdout.join("\n")).toContain("bid_cut blank*");
    // The lifer that hedges 60% (docs/functions.md, CHAIN): fx 0 → −2%, hedged 1.90% → 1.40%, advantage −0.40% → +0.60%,
    // cut 0.6667, buying 75 → 25, term premium +0.40%, US 10y 4.30% → 4.70%
    expect(lines).toContain("fx_change 0.00% -2.00% -2.00%");
    expect(lines).toContain("hedged_ust 1.90% 1.40% -0.50%");
    expect(lines).toContain("jgb_advantage -0.40% 0.60% +1.00%");
    expect(lines).toContain("bid_cut 0.6667 fraction");
    expect(lines).toContain("japan_buying_bn 75.00 25.00 -50.00 USD bn");
    expect(lines).toContain("us_10y 4.30% 4.70% +0.40%");
    expect(lines).toContain("holdings_mtm_bn -36.16 USD bn");
  });

  it("--sensitivity hike_bp=0:200:50 on the lifer: the US 10y rises with the hike", () => {
    const out = demo(...LIFER, "--sensitivity", "hike_bp=0:200:50");
    expect(out.code).toBe(0);
    const lines = out.stdout.split("\n").map(squeeze);
    const head = lines.indexOf("hike_bp hedged_ust jgb_advantage bid_cut term_premium_change us_10y scenario pe_change_growth pe_change_value");
    expect(head).toBeGreaterThan(0);
    expect(out.stdout).toContain('=CHAIN_SENSITIVITY(A5:B26, "hike_bp", 0, 200, 5)');
    // Closed form: term premium = 2·(1 − 0.6)·H bp; US 10y = 4.30% + that; P/E at r = 8.3%: 1.8/(1.8 + Δ) − 1, 5.3/(5.3 + Δ) − 1;
    // scenario by 4.5%/5.0% (note §6.3); 50bp is the worked example
    expect(lines.slice(head + 1, head + 6)).toEqual([
      "0bp 1.90% -0.40% 0.0000 0.00% 4.30% A 0.00% 0.00%",
      "50bp 1.40% 0.60% 0.6667 +0.40% 4.70% B -18.18% -7.02%",
      "100bp 0.90% 1.60% 1.3333 +0.80% 5.10% C -30.77% -13.11%",
      "150bp 0.40% 2.60% 2.0000 +1.20% 5.50% C -40.00% -18.46%",
      "200bp -0.10% 3.60% 2.6667 +1.60% 5.90% C -47.06% -23.19%",
    ]);
  });

  it("--hike-bp 200 on the lifer: a derived bid cut above 1 is said in words, net selling and the model's range", () => {
    const out = runDemo([...LIFER, "--hike-bp", "200"]);
    expect(out.code).toBe(0);
    const text = out.stdout.join(" ").replace(/\s+/g, " ");
    // SPEC, the transmission model: h = 200bp; fx_change = −0.04·200/100 = −8%; hedged UST after
    // = 4.3% − 0.6·(4.5% − 2.5%) + 0.4·(−8%) = −0.1% (before 1.9%); JGB 1.5% → 3.5%; advantage −0.4% → 3.6%, +4.0pp;
    // shortfall = bid_elasticity_bn·Δadvantage·100 = 50·0.04·100 = 200bn; bid_cut = 200/75 = 2.6667;
    // buying after = 75 − 200 = −125bn: net selling of 125bn a year
    expect(out.stdout.map(squeeze)).toContain("bid_cut 2.6667 fraction");
    expect(text).toContain("The derived bid cut is 2.6667, above 1: Japan does not just stop buying USTs, it turns net seller of 125.00bn a year (buying 75.00 → -125.00bn).");
    expect(text).toContain("The linear model is outside the range it was built for (a cut between 0 and 1");
  });

  it("a derived bid cut below 0 says Japan buys more", () => {
    // SPEC, the transmission model: fx_response +4% per 100bp (yen weakness), h = 50bp: fx_change = +2%; hedge cost
    // 4.5% − 1.0% = 3.5%; hedged UST after = 4.3% − 0.6·3.5% + 0.4·2% = 3.0% (before 1.9%); advantage −0.4% → 2.0% − 3.0%
    // = −1.0%, −0.6pp; shortfall = 50·(−0.006)·100 = −30bn; bid_cut = −30/75 = −0.4; buying 75 → 105bn, 30bn more
    const out = runDemo(["--hedge-ratio", "0.6", "--fx-response", "0.04", "--bid-elasticity-bn", "50"]);
    expect(out.code).toBe(0);
    const text = out.stdout.join(" ").replace(/\s+/g, " ");
    expect(text).toContain("The derived bid cut is -0.4000, below 0: Japan buys more USTs, 30.00bn a year more than before (buying 75.00 → 105.00bn), and the term premium falls.");
    expect(text).not.toContain("net seller");
  });

  it("a sweep where the cut turns negative says Japan buys more, and the most", () => {
    // as above with h bp: the JGB gains h, the hedged UST 0.6h + 0.4·4h = 2.2h, so Δadvantage = −1.2h bp; shortfall
    // = 50·(−1.2h/10000)·100 = −0.6h bn: the cut is below 0 from 50bp, and at 200bp Japan buys 120bn a year more
    const out = runDemo(["--hedge-ratio", "0.6", "--fx-response", "0.04", "--bid-elasticity-bn", "50", "--sensitivity", "hike_bp=0:200:50"]);
    const text = out.stdout.join(" ").replace(/\s+/g, " ");
    expect(text).toContain("At 4 of 5 points (hike_bp 50bp to 200bp) the derived bid cut is below 0: Japan buys more USTs than before, up to 120.00bn a year more (at 200bp), and the term premium falls.");
  });

  it("with the note's inputs (a cut of 0.5) nothing is said about the cut's range", () => {
    const text = runDemo([]).stdout.join(" ");
    expect(text).not.toContain("The derived bid cut");
  });

  it("a sweep says at which points the cut leaves 0–1, and the most Japan sells", () => {
    const out = runDemo([...LIFER, "--sensitivity", "hike_bp=0:200:50"]);
    const text = out.stdout.join(" ").replace(/\s+/g, " ");
    // SPEC, the transmission model, in bp of hike h: the JGB gains h; the hedged UST gains 0.6·h on the hedge cost and
    // loses 0.4·4·h on the yen (fx_response −0.04 per 100bp), so Δadvantage = h − (0.6h − 1.6h) = 2h bp; shortfall =
    // 50·(2h/10000)·100 = h bn; bid_cut = h/75: 1.3333, 2, 2.6667 at 100, 150, 200bp; at 200bp 75·(2.6667 − 1) = 125bn sold
    expect(text).toContain("At 3 of 5 points (hike_bp 100bp to 200bp) the derived bid cut is above 1: Japan turns net seller of USTs, up to 125.00bn a year (at 200bp).");
    expect(text).toContain("The linear model is outside the range it was built for");
  });

  it("--compare prints the scenarios side by side from the sheet's CHAIN_COMPARE block", () => {
    const out = runDemo(["--compare"]);
    expect(out.code).toBe(0);
    const lines = out.stdout.map(squeeze);
    expect(lines).toContain("step lifer hedges 60% faster BOJ, 100bp note");
    // lifer: the worked example; faster BOJ: the lifer at 100bp (above); note: §3.3
    expect(lines).toContain("us_10y 4.70% 5.10% 4.60%");
    expect(lines).toContain("scenario B C B");
    expect(lines).toContain("japan_buying_bn 25.00 -25.00 37.50");
    expect(lines).toContain("bid_cut 0.6667 1.3333 0.5000");
    // the faster BOJ's cut 1.3333 (docs/demo.md): buying 75 → 75·(1 − 1.3333) = −25bn
    expect(out.stdout.join(" ").replace(/\s+/g, " ")).toContain("faster BOJ, 100bp: the derived bid cut is 1.3333, above 1: Japan does not just stop buying USTs, it turns net seller of 25.00bn a year");
  });
});

describe("--sensitivity and --plot", () => {
  const svgPath = join(tmp, "bid-cut.svg");
  const out = demo("--sensitivity", "bid_cut=0:1:0.1", "--plot", svgPath);
  const lines = out.stdout.split("\n").map(squeeze);

  it("prints CHAIN_SENSITIVITY's columns across the grid", () => {
    expect(out.code).toBe(0);
    const head = lines.findIndex((l) => l.startsWith("bid_cut hedged_ust jgb_advantage bid_cut term_premium_change us_10y"));
    expect(head).toBeGreaterThan(0);
    const rows = lines.slice(head + 1, head + 12);
    // Closed forms per point: Δ = 75·cut/100·80bp; US 10y = 4.30% + Δ; scenario by 4.5%/5.0%
    // (note §6.3); P/E growth = 0.018/(0.018+Δ) − 1; value = 0.053/(0.053+Δ) − 1.
    expect(rows[0]).toBe("0 0.80% 1.20% 0.0000 0.00% 4.30% A 0.00% 0.00%");
    expect(rows[5]).toBe("0.5 0.80% 1.20% 0.5000 +0.30% 4.60% B -14.29% -5.36%"); // the note's chain (§3.3, §4.1)
    expect(rows[10]).toBe("1 0.80% 1.20% 1.0000 +0.60% 4.90% B -25.00% -10.17%"); // Δ = 0.60%: 0.018/0.024 − 1
    expect(rows[3]).toContain("+0.18% 4.48% A "); // Δ = 0.18% keeps scenario A
    expect(rows[4]).toContain("+0.24% 4.54% B"); // Δ = 0.24% crosses 4.5%
  });

  it("writes a well-formed SVG with the series, axes and scenario bands", (ctx) => {
    expect(out.stdout).toContain(`Chart written to ${svgPath}`);
    const svg = readFileSync(svgPath, "utf8");
    expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
    for (const id of ["us_10y_after", "us_10y_before", "pe_change_growth", "pe_change_value"]) expect(svg).toContain(`data-series="${id}"`);
    for (const id of ["A", "B", "C"]) expect(svg).toContain(`data-scenario="${id}"`);
    // One marker per grid point on each solid series (11 points × 3 series).
    expect(svg.match(/<circle /g)?.length).toBe(33);
    expect(svg).toContain("bid_cut (fraction, 0 to 1)"); // the x axis title
    const xmllint = requireTool(findXmllint(), ctx);
    const wf = xmlWellFormed(xmllint, svgPath);
    expect(wf.ok, wf.message).toBe(true);
  });

  it("the US 10y path climbs with the bid cut and the P/E paths fall", () => {
    const svg = readFileSync(svgPath, "utf8");
    const ys = (id: string) => {
      const d = new RegExp(`data-series="${id}">\\s*<path d="([^"]+)"`).exec(svg)![1];
      return [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    };
    const us = ys("us_10y_after");
    const growth = ys("pe_change_growth");
    expect(us.length).toBe(11);
    // SVG y grows downwards: a rising yield has falling y; a falling P/E change has rising y.
    for (let i = 1; i < us.length; i++) {
      expect(us[i]).toBeLessThan(us[i - 1]);
      expect(growth[i]).toBeGreaterThan(growth[i - 1]);
    }
  });

  it("a point where a P/E step fails shows the error in that cell only, keeps its US 10y, and leaves a gap in that line", () => {
    const path = join(tmp, "erp.svg");
    const r = runDemo(["--sensitivity", "erp=0:5%:1%", "--plot", path]);
    expect(r.code).toBe(0);
    // erp 2%: r = 4.3% + 2% = 6.3% < g 6.5% → PE_CHANGE #VALUE!; erp 3%: 0.008/0.011 − 1 = −27.27%.
    const line = (v: string) => squeeze(r.stdout.find((l) => l.startsWith(v))!);
    expect(line("2.00%")).toBe("2.00% 0.80% 1.20% 0.5000 +0.30% 4.60% B #VALUE! -8.33%"); // value: r 6.3%, g 3%: 3.3/3.6 − 1
    expect(line("3.00%")).toBe("3.00% 0.80% 1.20% 0.5000 +0.30% 4.60% B -27.27% -6.52%");
    expect(r.stdout.join("\n")).toContain("pe_change_growth at 3 points: #VALUE! growth_growth: discount rate must exceed growth");
    const svg = readFileSync(path, "utf8");
    // the legend's note, wrapped over lines of text: erp 0, 1%, 2% fail of the 6 points 0…5%
    expect(squeeze(svg.replace(/<[^>]+>/g, " "))).toContain("growth P/E: 3 of 6 points not computable");
    expect(svg).not.toContain("US 10y: ");
    // every US 10y point is on the chart
    expect(/data-series="us_10y_after">\s*<path d="([^"]+)"/.exec(svg)![1].match(/[ML]/g)!.length).toBe(6);
  });
});
