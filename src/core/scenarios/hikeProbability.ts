import { invalid } from "../errors";
import { round15 } from "../table";

/**
 * The chain's first link, "BOJ hike odds": the probability of a hike of `hikeBp` that an OIS or
 * futures rate prices. `impliedRate` is the market's average rate over a period that contains
 * the meeting, `shareAfterMeeting` the fraction of that period after it, so the average is
 * `current + p·hike·share` and `p = (implied − current)/(hike·share)`. Not clamped: above 1 more
 * than one hike is priced, below 0 a cut; a negative `hikeBp` gives the odds of a cut.
 */
export function hikeProbability(impliedRate: number, currentRate: number, hikeBp = 25, shareAfterMeeting = 1): number {
  if (hikeBp === 0) invalid("hike_bp = 0: give the size of the move whose odds you want, in basis points (25 = 0.25%)");
  if (!(shareAfterMeeting > 0 && shareAfterMeeting <= 1)) {
    invalid(`share_after_meeting = ${shareAfterMeeting} must be above 0 and at most 1 (the fraction of the period after the meeting)`);
  }
  return round15((impliedRate - currentRate) / ((hikeBp / 10000) * shareAfterMeeting));
}
