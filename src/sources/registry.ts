/**
 * Every publisher file the live functions read, in one list: the proxy's allow-list, the
 * endpoints a test or a user may redirect, `npm run data:fetch` and the data-folder fetcher all
 * take it from here (FRED, an API with parameters, is ./fred.ts).
 */
import type { SourceFile } from "./file";
import { FRED_ADDRESS } from "./fred";
import { MOF_ALL, MOF_CURRENT } from "./mofCurve";
import { MOF_MONTH } from "./mofFlows/monthly";
import { MOF_WEEK } from "./mofFlows/weekly";
import type { Endpoints, FileKey } from "./request";
import { TIC_HISTORY } from "./tic/history";
import { TIC_TABLE5 } from "./tic/table5";

export const FILES: Readonly<Record<FileKey, SourceFile>> = {
  tic: TIC_TABLE5,
  ticHistory: TIC_HISTORY,
  mofCurrent: MOF_CURRENT,
  mofAll: MOF_ALL,
  mofFlowsWeekly: MOF_WEEK,
  mofFlowsMonthly: MOF_MONTH,
};

export const FILE_KEYS = Object.keys(FILES) as FileKey[];

/** The publishers' own addresses. */
export const DEFAULT_ENDPOINTS: Readonly<Endpoints> = {
  fred: FRED_ADDRESS,
  ...(Object.fromEntries(FILE_KEYS.map((k) => [k, FILES[k].address])) as Record<FileKey, string>),
};
