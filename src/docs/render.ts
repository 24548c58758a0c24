/**
 * ONE renderer of the function reference, from the function table: the Markdown reference
 * in docs/functions.md (committed, generated) and the HTML help pages that the Excel add-in
 * serves under `help/` (rendered at build time; each function's `@helpurl` points there).
 * Nothing here knows a function by name: everything iterates CATALOG.
 */
import { NOTES } from "./notes";
import { CATALOG, type FunctionSpec } from "../catalog";
import { DOMAIN_TITLES, type Domain } from "../catalog/spec";
import { defaultText, helpFile, paramHelp, shapeText, signature, unitText } from "../catalog/describe";
import { allowedText } from "../args/coerce";
import type { ParamSpec } from "../args/kinds";
import { EXCEL_PREFIX } from "../hosts/excel/namespace";
import { NOTE_CHAPTERS, NOTE_INTRO, NOTE_TITLE, type NoteSection, citedSections, noteAnchor } from "./note";


/** Functions grouped by domain, in the order of DOMAIN_TITLES, each group in catalog order. */
export function byDomain(catalog: readonly FunctionSpec[] = CATALOG): { domain: Domain; title: string; functions: FunctionSpec[] }[] {
  return (Object.keys(DOMAIN_TITLES) as Domain[])
    .map((domain) => ({ domain, title: DOMAIN_TITLES[domain], functions: catalog.filter((f) => f.domain === domain) }))
    .filter((g) => g.functions.length > 0);
}

/** An example formula (written in the Sheets spelling in the table) with a host prefix on our function names. */
export function exampleFormula(f: FunctionSpec, prefix: string, catalog: readonly FunctionSpec[] = CATALOG): string {
  const names = new Set(catalog.map((g) => g.name));
  return f.example.formula.replace(/(^|[^A-Za-z0-9_.])([A-Z][A-Z0-9_]*)\s*\(/g, (m, pre: string, name: string) =>
    names.has(name) ? `${pre}${prefix}${name}(` : m,
  );
}

/** "optional, default 0" / "required". */
export function optionalText(p: ParamSpec): string {
  if (!p.optional) return "required";
  return p.default === undefined ? "optional" : `optional, default ${defaultText(p)}`;
}

/** Bounds and accepted names beyond the unit, for the reference ("above 0", "or a preset name"). */
export function constraintText(p: ParamSpec): string {
  const parts: string[] = [];
  if (p.min !== undefined) parts.push(`${p.minExclusive ? "above" : "at least"} ${p.min}`);
  if (p.max !== undefined) parts.push(`${p.maxExclusive ? "below" : "at most"} ${p.max}`);
  if (p.integer) parts.push("a whole number");
  if (p.allowed) parts.push(allowedText(p.allowed));
  if (p.reason) parts.push(p.reason);
  if (p.presets?.length) parts.push(`or a preset name: ${p.presets.map((s) => `"${s}"`).join(", ")}`);
  if (p.choices?.length) parts.push(`one of ${p.choices.map((s) => `"${s}"`).join(", ")}`);
  return parts.join("; ");
}

/** The anchor of a function in docs/functions.md (GitHub's heading slug of `NAME`). */
export const markdownAnchor = (f: FunctionSpec) => f.name.toLowerCase();

const mdCell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** docs/functions.md: the whole reference, grouped by domain. */
export function functionsMarkdown(catalog: readonly FunctionSpec[] = CATALOG): string {
  const out: string[] = [];
  out.push("# Function reference", "");
  out.push(
    `Every spreadsheet function of marginal-bid, ${catalog.length} in all. In Excel they carry the namespace ` +
      `\`${EXCEL_PREFIX}\` (\`=${EXCEL_PREFIX}HEDGED_UST(...)\`); in Google Sheets and the demo they are called without it ` +
      "(`=HEDGED_UST(...)`). Rates are decimals (4.30% is `0.043`, what a cell formatted as % holds); " +
      "arguments named `*_bp` are basis points; money is USD billions. Every numeric argument takes a single " +
      "value or a range, and ranges broadcast like NumPy (see the README).",
    "",
  );
  for (const g of byDomain(catalog)) {
    out.push(`- [${g.title}](#${slug(g.title)}): ${g.functions.map((f) => `[${f.name}](#${markdownAnchor(f)})`).join(", ")}`);
  }
  out.push("");
  for (const g of byDomain(catalog)) {
    out.push(`## ${g.title}`, "");
    for (const f of g.functions) {
      out.push(`### ${f.name}`, "");
      out.push("```", signature(f), "```", "");
      out.push(f.description, "");
      if (NOTES[f.name]) out.push(NOTES[f.name], "");
      out.push(`**Returns:** ${f.result === "table" ? "a spilled table: " : ""}${f.returns}.`, "");
      if (f.params.length) {
        out.push("| argument | unit | passed as | | what it is |", "| --- | --- | --- | --- | --- |");
        for (const p of f.params) {
          const extra = constraintText(p);
          out.push(
            `| \`${p.name}\` | ${mdCell(unitText(p))} | ${shapeText(p)} | ${optionalText(p)} | ${mdCell(paramHelp(p))}${extra ? ` (${mdCell(extra)})` : ""} |`,
          );
        }
        out.push("");
      } else {
        out.push("No arguments.", "");
      }
      out.push(
        `**Example:** \`${exampleFormula(f, "", catalog)}\` → ${f.example.result} (Excel: \`${exampleFormula(f, EXCEL_PREFIX, catalog)}\`)`,
        "",
      );
      out.push(`**Source:** ${linkNote(f.source, (number, label) => `[${label}](note.md#${noteAnchor(number)})`)}.`, "");
    }
  }
  return out.join("\n");
}

/** GitHub's heading anchor for plain text headings. */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .trim()
    .replace(/ /g, "-");
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const STYLE = `body{font-family:"Segoe UI",system-ui,sans-serif;max-width:46em;margin:1.5em auto;padding:0 1em;line-height:1.45;color:#222}
code,pre{font-family:Consolas,"Cascadia Mono",monospace;background:#f4f4f4}pre{padding:.6em;white-space:pre-wrap}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f0f0f0}nav{font-size:.9em;margin-bottom:1em}.src{color:#555}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The help page of one function (what Excel opens from "Help on this function"). */
export function helpPage(f: FunctionSpec, catalog: readonly FunctionSpec[] = CATALOG): string {
  const rows = f.params
    .map((p) => {
      const extra = constraintText(p);
      return `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(unitText(p))}</td><td>${escapeHtml(shapeText(p))}</td><td>${escapeHtml(optionalText(p))}</td><td>${escapeHtml(paramHelp(p))}${extra ? ` (${escapeHtml(extra)})` : ""}</td></tr>`;
    })
    .join("\n");
  const params = f.params.length
    ? `<table>\n<tr><th>argument</th><th>unit</th><th>passed as</th><th></th><th>what it is</th></tr>\n${rows}\n</table>`
    : "<p>No arguments.</p>";
  const body = `<nav><a href="index.html">All functions</a> · ${escapeHtml(DOMAIN_TITLES[f.domain])}</nav>
<h1>${escapeHtml(EXCEL_PREFIX + f.name)}</h1>
<pre>${escapeHtml(signature(f, EXCEL_PREFIX))}</pre>
<p>${escapeHtml(f.description)}</p>
${NOTES[f.name] ? `<p>${escapeHtml(NOTES[f.name])}</p>
` : ""}<p><b>Returns:</b> ${f.result === "table" ? "a spilled table: " : ""}${escapeHtml(f.returns)}.</p>
<h2>Arguments</h2>
${params}
<h2>Example</h2>
<pre>${escapeHtml(exampleFormula(f, EXCEL_PREFIX, catalog))}</pre>
<p>shows ${escapeHtml(f.example.result)}</p>
<h2>Source</h2>
<p class="src">${linkNote(escapeHtml(f.source), (number, label) => `<a href="note.html#${noteAnchor(number)}">${label}</a>`)}</p>
<p class="src">Rates are decimals: 4.30% is 0.043 (type 4.3% or 0.043). A rate above 1 in absolute value is refused as a typing slip (#VALUE! with the reason). Every numeric argument takes a value or a range; ranges broadcast and the result spills.</p>`;
  return page(`${EXCEL_PREFIX}${f.name}: marginal-bid help`, body);
}

/** help/index.html: every function by domain, with its one-line description. */
export function helpIndex(catalog: readonly FunctionSpec[] = CATALOG): string {
  const groups = byDomain(catalog)
    .map(
      (g) =>
        `<h2>${escapeHtml(g.title)}</h2>\n<table>\n${g.functions
          .map((f) => `<tr><td><a href="${helpFile(f)}"><code>${escapeHtml(EXCEL_PREFIX + f.name)}</code></a></td><td>${escapeHtml(f.description)}</td></tr>`)
          .join("\n")}\n</table>`,
    )
    .join("\n");
  return page(
    "marginal-bid functions",
    `<h1>marginal-bid functions</h1>\n<p>Japan's marginal bid for US Treasuries, as spreadsheet functions: hedged UST yields, the JGB advantage, the term-premium impact and the whole transmission chain. In Excel every function is called <code>=${EXCEL_PREFIX}NAME(...)</code>. The argument behind them, section by section: <a href="note.html">the note, in our words</a>.</p>\n${groups}`,
  );
}

/** Every help file, paths relative to the add-in's root (`help/hedged_ust.html`, `help/index.html`, `help/note.html`). */
export function helpPages(catalog: readonly FunctionSpec[] = CATALOG): { path: string; content: string }[] {
  return [
    { path: "help/index.html", content: helpIndex(catalog) },
    { path: "help/note.html", content: notePage(catalog) },
    ...catalog.map((f) => ({ path: `help/${helpFile(f)}`, content: helpPage(f, catalog) })),
  ];
}

/** Every `§3.1` of a citation as a link made by `link(number, label)` (both ends of `§3.1–§3.3`). */
export function linkNote(text: string, link: (number: string, label: string) => string): string {
  return text.replace(/§(\d+(?:\.\d+)?)/g, (label, number: string) => link(number, label));
}

/** The catalog functions whose source cites a section, in catalog order. */
export function citing(number: string, catalog: readonly FunctionSpec[] = CATALOG): FunctionSpec[] {
  return catalog.filter((f) => citedSections(f.source).includes(number));
}

const allSections = () => NOTE_CHAPTERS.flatMap((c) => [{ section: c as NoteSection, level: 2 }, ...c.sections.map((section) => ({ section, level: 3 }))]);

/** docs/note.md: the note's argument in our words, each section with the functions that cite it. */
export function noteMarkdown(catalog: readonly FunctionSpec[] = CATALOG): string {
  const para = (text: string) => linkNote(text, (number, label) => `[${label}](#${noteAnchor(number)})`);
  const out: string[] = [`# ${NOTE_TITLE}`, ""];
  for (const p of NOTE_INTRO) out.push(para(p), "");
  for (const { section, level } of allSections()) {
    out.push(`<a id="${noteAnchor(section.number)}"></a>`, "", `${"#".repeat(level)} §${section.number} ${section.title}`, "");
    for (const p of section.paragraphs) out.push(para(p), "");
    const by = citing(section.number, catalog);
    if (by.length) out.push(`Cited by: ${by.map((f) => `[\`${f.name}\`](functions.md#${markdownAnchor(f)})`).join(", ")}.`, "");
  }
  return out.join("\n");
}

/** The note's text as HTML: `code` spans, and links to its own sections. */
const inlineHtml = (text: string) =>
  linkNote(escapeHtml(text), (number, label) => `<a href="#${noteAnchor(number)}">${label}</a>`).replace(/`([^`]+)`/g, "<code>$1</code>");

/** help/note.html: the same text for Excel users, next to the help pages it is cited from. */
export function notePage(catalog: readonly FunctionSpec[] = CATALOG): string {
  const body = [`<nav><a href="index.html">All functions</a></nav>`, `<h1>${escapeHtml(NOTE_TITLE)}</h1>`, ...NOTE_INTRO.map((p) => `<p>${inlineHtml(p)}</p>`)];
  for (const { section, level } of allSections()) {
    body.push(`<h${level} id="${noteAnchor(section.number)}">§${escapeHtml(section.number)} ${escapeHtml(section.title)}</h${level}>`);
    for (const p of section.paragraphs) body.push(`<p>${inlineHtml(p)}</p>`);
    const by = citing(section.number, catalog);
    if (by.length) body.push(`<p class="src">Cited by: ${by.map((f) => `<a href="${helpFile(f)}"><code>${escapeHtml(EXCEL_PREFIX + f.name)}</code></a>`).join(", ")}.</p>`);
  }
  return page(`${NOTE_TITLE}: marginal-bid help`, body.join("\n"));
}
