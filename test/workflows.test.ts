/**
 * The GitHub Actions workflows, checked offline (GitHub cannot run here): each is valid against
 * the workflow schema that @action-validator (from the npm registry, WebAssembly, no download at
 * install time) embeds, through its command line as a developer would run it; and each does what
 * the project needs, read from the parsed YAML: CI runs .ci/run; Pages builds with ADDIN_URL set
 * to the repository's Pages address, deploys dist/, and on a version tag attaches the release
 * files to a GitHub release.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../scripts/generated";

const WORKFLOWS = join(ROOT, ".github", "workflows");
const VALIDATOR = join(ROOT, "node_modules", "@action-validator", "cli", "cli.mjs");
const tmp = mkdtempSync(join(tmpdir(), "marginal-bid-workflows-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `action-validator FILE`: exit status and its report. */
function validate(file: string): { status: number | null; report: string } {
  const r = spawnSync(process.execPath, [VALIDATOR, file], { encoding: "utf8" });
  return { status: r.status, report: `${r.stdout}${r.stderr}` };
}

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  "runs-on": string;
  container?: string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const load = (name: string) => parse(readFileSync(join(WORKFLOWS, name), "utf8")) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);

describe("the workflow files are valid GitHub Actions workflows (action-validator)", () => {
  for (const name of ["ci.yml", "pages.yml"]) {
    it(name, () => {
      const { status, report } = validate(join(WORKFLOWS, name));
      expect(report).toBe("");
      expect(status).toBe(0);
    });
  }

  it("control: the validator rejects a misspelt key and a step that both uses and runs", () => {
    const ci = readFileSync(join(WORKFLOWS, "ci.yml"), "utf8");
    for (const [what, broken] of [
      ["runs_on", ci.replace("runs-on:", "runs_on:")],
      ["uses and run", ci.replace("      - uses: actions/checkout@v4\n", "      - uses: actions/checkout@v4\n        run: echo both\n")],
    ]) {
      expect(broken, what).not.toBe(ci);
      const file = join(tmp, "broken.yml");
      writeFileSync(file, broken);
      const { status, report } = validate(file);
      expect(status, what).toBe(1);
      expect(report, what).toContain('"errors"');
    }
  });

  it("every action is pinned to a major version", () => {
    for (const name of ["ci.yml", "pages.yml"]) for (const s of steps(load(name))) if (s.uses) expect(s.uses, name).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });
});

describe("ci.yml runs .ci/run", () => {
  const ci = load("ci.yml");

  it("on pushes and pull requests, one step runs exactly .ci/run after the checkout", () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(["push", "pull_request"]));
    const job = Object.values(ci.jobs)[0];
    expect(job.steps[0].uses).toMatch(/^actions\/checkout@/);
    expect(job.steps.filter((s) => s.run?.trim() === ".ci/run")).toHaveLength(1);
    // .ci/run installs Debian packages with apt-get: a Debian image, where it runs as root.
    expect(job.container).toMatch(/^node:20-bookworm$/);
    expect(ci.permissions).toEqual({ contents: "read" });
  });

  it(".ci/run is executable and ends with the README's test command", () => {
    accessSync(join(ROOT, ".ci", "run"), constants.X_OK);
    expect(readFileSync(join(ROOT, ".ci", "run"), "utf8").trim().split("\n").at(-1)).toBe("npm ci && npm test");
  });
});

describe("pages.yml: the add-in on GitHub Pages, the release files on a tag", () => {
  const pages = load("pages.yml");
  const build = pages.jobs.build;
  const configure = build.steps.find((s) => s.uses?.startsWith("actions/configure-pages@"))!;
  const pagesUrl = `\${{ steps.${configure?.id}.outputs.base_url }}`;

  it("tests first, then builds dist/ with ADDIN_URL = the Pages address and checks the manifest", () => {
    expect(configure.id).toBeTruthy();
    const at = (pred: (s: Step) => boolean) => build.steps.findIndex(pred);
    const test = at((s) => s.run?.trim() === ".ci/run");
    const buildStep = build.steps.find((s) => /npm run build\b/.test(s.run ?? ""))!;
    expect(test).toBeGreaterThanOrEqual(0);
    expect(test).toBeLessThan(build.steps.indexOf(buildStep));
    expect(buildStep.env?.ADDIN_URL).toBe(pagesUrl);
    expect(buildStep.run).toContain("npm run check:manifest");
  });

  it("deploys dist/ from main with the Pages actions and their permissions", () => {
    const upload = build.steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))!;
    expect(upload.with?.path).toBe("dist");
    const deploy = Object.values(pages.jobs).find((j) => j.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@")))!;
    // The github-pages environment accepts the default branch only.
    for (const step of [upload, deploy]) expect(step.if).toBe("github.ref == 'refs/heads/main'");
    expect(deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy.environment?.name).toBe("github-pages");
    expect([deploy.needs].flat()).toContain("build");
  });

  it("on a v* tag: checks the tag is the package version, runs npm run release for the Pages address, attaches release/* to the GitHub release", () => {
    expect((pages.on.push as { tags: string[] }).tags).toEqual(["v*"]);
    const tagOnly = (s: { if?: string }) => s.if === "startsWith(github.ref, 'refs/tags/v')";
    const versionCheck = build.steps.find((s) => /package\.json/.test(s.run ?? ""))!;
    expect(tagOnly(versionCheck)).toBe(true);
    const rel = build.steps.find((s) => s.run?.trim() === "npm run release")!;
    expect(tagOnly(rel)).toBe(true);
    expect(rel.env?.ADDIN_URL).toBe(pagesUrl);
    const job = pages.jobs.release;
    expect(tagOnly(job)).toBe(true);
    expect(job.permissions).toEqual({ contents: "write" });
    const create = job.steps.find((s) => /gh release create/.test(s.run ?? ""))!;
    expect(create.run).toMatch(/gh release create "\$GITHUB_REF_NAME" release\/\*/);
    expect(create.env?.GH_TOKEN).toBe("${{ github.token }}");
  });
});
