/**
 * What "a good reply" means for each request kind: it parses. Caches store only replies that
 * pass (a 200 carrying a maintenance page is a failing source, and a stale copy may stand in);
 * the proxy uses the same check before it caches.
 */
import { type Checked, type DataRequest, type FetchResult, type RequestKind, checkFetch, sourceError } from "./request";
import { parseFredObservations, parseFredSeriesInfo } from "./fred";
import { parseTicTable5 } from "./tic";
import { parseMofJgb } from "./mof";

/** Parse a body for its kind, throwing the `#N/A` of an unparseable reply. */
export function validateBody(kind: RequestKind, body: string, label: string): void {
  switch (kind) {
    case "fred-observations":
      parseFredObservations(body, label.replace(/^FRED /, ""), false);
      return;
    case "fred-series":
      parseFredSeriesInfo(body, label.replace(/^FRED /, "").replace(/ \(units\)$/, ""));
      return;
    case "tic-table5":
      parseTicTable5(body);
      return;
    case "mof-jgb":
      parseMofJgb(body, label);
      return;
    case "tic-history":
    case "mof-flows-weekly":
    case "mof-flows-monthly":
      requireSignature(SIGNATURES[kind], body, label);
      return;
  }
}

interface Signature {
  what: string;
  /** The publisher's title, and one data row of the file's shape. */
  marks: readonly RegExp[];
}

/**
 * The history and flow files are checked by their signature until their parsers are wired in
 * here: the title the publisher prints and one data row of the expected shape, so that a
 * maintenance page or a cut reply never reaches a cache. The reply is never quoted.
 */
const SIGNATURES: Readonly<Record<"tic-history" | "mof-flows-weekly" | "mof-flows-monthly", Signature>> = {
  // US Treasury mfhhis01.txt: "MAJOR FOREIGN HOLDERS OF TREASURY SECURITIES", then rows "Japan<TAB>1185.5<TAB>…" (or comma-delimited)
  "tic-history": { what: "the Treasury's Major Foreign Holders history", marks: [/MAJOR FOREIGN HOLDERS/i, /^"?Japan"?[\t,]+\d/m] },
  // MoF week.csv: the English title, then week rows "2005．1．2～ 1．8,…" (Java's Shift_JIS gives 〜 for ～)
  "mof-flows-weekly": {
    what: "the MoF weekly International Transactions in Securities",
    marks: [/International Transactions in Securities\s*\(Weekly/, /^\d{4}．\d{1,2}．\d{1,2}\s*[～〜]/m],
  },
  // MoF montha1.csv: the English title, then January rows "2005,１月,Jan,…"
  "mof-flows-monthly": {
    what: "the MoF monthly International Transactions in Securities",
    marks: [/International Transactions in Securities\s*\(Monthly/, /^\d{4},[^,\r\n]*,Jan,/m],
  },
};

function requireSignature(sig: Signature, body: string, label: string): void {
  for (const mark of sig.marks) {
    if (!mark.test(body)) throw sourceError(label, `not ${sig.what} (${body.trim() === "" ? "an empty reply" : "its title or data rows are missing"})`);
  }
}

/** `checkFetch` with the kind's parser as the validator. */
export function checkReply(req: DataRequest, r: FetchResult): Checked {
  return checkFetch(req, r, (body) => validateBody(req.kind, body, req.label));
}
