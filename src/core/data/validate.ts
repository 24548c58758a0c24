/**
 * What "a good reply" means for each request kind: it parses. Caches store only replies that
 * pass (a 200 carrying a maintenance page is a failing source, and a stale copy may stand in);
 * the proxy uses the same check before it caches.
 */
import { type Checked, type DataRequest, type FetchResult, type RequestKind, checkFetch, sourceError } from "./request";
import { parseFredObservations, parseFredSeriesInfo } from "./fred";
import { parseTicTable5 } from "./tic";
import { parseMofJgb } from "./mof";
import { parseMofWeekly } from "./mofFlows";
import { parseTicHistory } from "./ticHistory";

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
    case "tic-history":
      parseTicHistory(body);
      return;
    case "mof-jgb":
      parseMofJgb(body, label);
      return;
    case "mof-flows-weekly":
      parseMofWeekly(body);
      return;
    case "mof-flows-monthly":
      // Served by the proxy for users' own sheets; no function parses it yet: check the publisher's title and a January row.
      if (!/International Transactions in Securities\s*\(Monthly/.test(body) || !/^\d{4},[^,\r\n]*,Jan,/m.test(body)) {
        throw sourceError(label, `not the MoF monthly International Transactions in Securities (${body.trim() === "" ? "an empty reply" : "its title or data rows are missing"})`);
      }
      return;
  }
}

/** `checkFetch` with the kind's parser as the validator. */
export function checkReply(req: DataRequest, r: FetchResult): Checked {
  return checkFetch(req, r, (body) => validateBody(req.kind, body, req.label));
}
