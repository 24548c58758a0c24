/**
 * docs/demo.md shows what `npm run demo` prints: every `$ npm run demo …` block is run here and
 * each line the page shows (`…` stands for lines left out) must be in the output, in order, as
 * printed. A change to the demo's output that the page does not follow fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDemo } from "../../src/demo/run";
import { ROOT } from "../../scripts/generated";

interface Shown {
  args: string[];
  lines: string[];
}

/** The `$ npm run demo -- …` commands of the page's text blocks, each with the lines shown after it. */
function shownRuns(markdown: string): Shown[] {
  const runs: Shown[] = [];
  for (const block of markdown.split("```text\n").slice(1).map((b) => b.split("\n```")[0])) {
    let current: Shown | undefined;
    for (const line of block.split("\n")) {
      const m = /^\$ npm run demo(?: -- (.*))?$/.exec(line);
      if (m) {
        current = { args: m[1] ? m[1].split(" ") : [], lines: [] };
        runs.push(current);
      } else if (current && line !== "…") current.lines.push(line.trimEnd());
    }
  }
  return runs;
}

/** The first shown line that is not in `printed` after the one before it, or undefined. */
function firstMissing(shown: string[], printed: string[]): string | undefined {
  let at = 0;
  for (const line of shown) {
    const found = printed.indexOf(line, at);
    if (found < 0) return line;
    at = found + 1;
  }
  return undefined;
}

const page = readFileSync(join(ROOT, "docs", "demo.md"), "utf8");
const runs = shownRuns(page);

describe("docs/demo.md shows what the demo prints", () => {
  it("finds the page's runs", () => {
    // the default run, the options, the refusals, a failing step, the lifer, --compare, two sweeps
    expect(runs.length).toBeGreaterThanOrEqual(10);
    expect(runs[0].args).toEqual([]);
  });

  for (const run of runs) {
    it(`$ npm run demo ${run.args.length ? `-- ${run.args.join(" ")}` : ""}`, () => {
      const out = runDemo(run.args);
      const printed = [...out.stdout.join("\n").split("\n"), ...out.stderr].map((l) => l.trimEnd());
      expect(firstMissing(run.lines, printed), `docs/demo.md shows a line the demo does not print (in that order)`).toBeUndefined();
    });
  }

  it("the check notices a line the demo does not print", () => {
    // a control: the default run with one figure changed (the note's US 10y after is 4.60%, §3.3)
    const printed = runDemo([]).stdout.join("\n").split("\n");
    const shown = runs[0].lines.map((l) => l.replace("4.60%", "4.70%"));
    expect(firstMissing(shown, printed)).toContain("4.70%");
  });
});
