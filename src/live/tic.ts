/** `TIC_HOLDINGS(country, [month])` and `TIC_CHANGE(country, months)` from the Treasury's table 5. */
import type { MonthKey } from "../core/dates";
import { fileRequest } from "../sources/file";
import { TIC_TABLE5, type TicTable, ticChange, ticHoldings } from "../sources/tic/table5";
import { type LiveData, parsed } from "./liveData";

export const ticHoldingsLive: LiveData<[country: string, month: MonthKey | undefined]> = {
  plan: (_args, ctx) => [fileRequest(ctx, TIC_TABLE5)],
  compute: ([country, month], replies) => ticHoldings(parsed<TicTable>(replies, 0), country, month),
};

export const ticChangeLive: LiveData<[country: string, months: number]> = {
  plan: (_args, ctx) => [fileRequest(ctx, TIC_TABLE5)],
  compute: ([country, months], replies) => ticChange(parsed<TicTable>(replies, 0), country, months),
};
