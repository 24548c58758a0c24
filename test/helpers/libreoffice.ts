/**
 * Recompute spreadsheet formulas in LibreOffice Calc, headless, to compare our functions with a
 * real spreadsheet's PRICE, MDURATION, YIELD, … The formulas go into a flat ODS file (.fods);
 * `soffice --headless --convert-to csv` loads it, recalculates and writes the values back.
 *
 * A private user profile under the temp folder keeps the run independent of any desktop session
 * and of other runs. Without LibreOffice the tests that need it skip with a printed reason, except
 * on CI (`CI=true`), where a missing LibreOffice is a failure.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { findSoffice, requireTool } from "./tools";

export type LoValue = number | string;

export { findSoffice };

/** What a test does without LibreOffice: skip with the reason (printed once), or fail on CI. */
export const requireLibreOffice = requireTool;

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A flat ODS document with one sheet. A cell that starts with `=` is an OpenFormula expression
 * (arguments separated by `;`, e.g. `=PRICE(DATE(2010;3;15);DATE(2020;3;15);0.04;0.043;100;2;0)`);
 * numbers and other text are stored as values.
 */
export function toFods(rows: readonly (readonly LoValue[])[]): string {
  const cell = (v: LoValue) => {
    if (typeof v === "number") return `<table:table-cell office:value-type="float" office:value="${v}"/>`;
    if (v.startsWith("=")) return `<table:table-cell table:formula="of:${escapeXml(v)}"/>`;
    return `<table:table-cell office:value-type="string"><text:p>${escapeXml(v)}</text:p></table:table-cell>`;
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
    ' xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
    ' office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
    '<office:body><office:spreadsheet><table:table table:name="Sheet1">',
    ...rows.map((r) => `<table:table-row>${r.map(cell).join("")}</table:table-row>`),
    "</table:table></office:spreadsheet></office:body></office:document>",
    "",
  ].join("\n");
}

/** RFC 4180 CSV as LibreOffice writes it; numbers become numbers, everything else stays text. */
export function parseCsv(text: string): LoValue[][] {
  const rows: LoValue[][] = [];
  let row: LoValue[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  const push = () => {
    const n = field.trim() === "" ? NaN : Number(field);
    row.push(!wasQuoted && Number.isFinite(n) ? n : field);
    field = "";
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === ",") push();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      push();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== "" || row.length) {
    push();
    rows.push(row);
  }
  return rows;
}

/**
 * Let LibreOffice compute a sheet and return its values, row by row (full precision: 15
 * significant digits, what Calc shows in the General format).
 */
export async function recalculate(soffice: string, rows: readonly (readonly LoValue[])[]): Promise<LoValue[][]> {
  const dir = mkdtempSync(join(tmpdir(), "marginal-bid-lo-"));
  try {
    const input = join(dir, "sheet.fods");
    writeFileSync(input, toFods(rows));
    const profile = pathToFileURL(join(dir, "profile")).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${profile}`,
          "--headless",
          "--norestore",
          "--nolockcheck",
          // CSV export: comma, double quotes, UTF-8, values at full precision rather than as formatted
          "--convert-to",
          "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false",
          "--outdir",
          dir,
          input,
        ],
        { timeout: 90_000, env: { ...process.env, HOME: dir } },
        (error, stdout, stderr) => (error ? reject(new Error(`soffice failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve()),
      );
    });
    let csv: string;
    try {
      csv = readFileSync(join(dir, "sheet.csv"), "utf8");
    } catch {
      throw new Error("soffice ran but wrote no sheet.csv");
    }
    return parseCsv(csv);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
