/** `JGB_YIELD(tenor_years, [date])` from the Ministry of Finance's two curve files. */
import { type IsoDate, monthOf } from "../core/dates";
import { type JgbCurve, jgbYieldFromReplies, mofRequests } from "../sources/mofCurve";
import type { Reply } from "../sources/request";
import { tidy } from "../sources/series";
import type { LiveData } from "./liveData";

export const jgbYieldLive: LiveData<[tenorYears: number, date: IsoDate | undefined]> = {
  plan: (_args, ctx) => mofRequests(ctx),
  compute: ([tenor, date], replies, ctx) =>
    tidy(jgbYieldFromReplies(replies[0] as Reply<JgbCurve>, replies[1] as Reply<JgbCurve>, tenor, date, monthOf(ctx.today)).value),
};
