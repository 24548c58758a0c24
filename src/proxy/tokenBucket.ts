/**
 * A token bucket for the proxy's own upstream requests. With `capacity` C and `perMinute` R, at
 * most C + R requests leave in any 60 s: the defaults (10, 100) stay below FRED's 120 a minute per key.
 * It runs on a monotonic clock (milliseconds): a wall clock stepped back must not drain it.
 */
import { performance } from "node:perf_hooks";

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(capacity >= 1) || !(perMinute > 0)) throw new Error("a token bucket needs capacity ≥ 1 and a positive rate");
    this.tokens = capacity;
    this.last = now();
  }

  private refill(): void {
    const t = this.now();
    // A clock that steps back (a wall clock passed in) refills nothing for that step and drains nothing.
    const elapsed = Math.max(0, t - this.last);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.perMinute) / 60_000);
    this.last = t;
  }

  /**
   * Reserve a token. Returns the milliseconds to wait before using it (0: go now), or undefined —
   * nothing reserved — when the wait would exceed `maxWaitMs`.
   */
  reserve(maxWaitMs: number): number | undefined {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    const wait = Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute);
    if (wait > maxWaitMs) return undefined;
    this.tokens -= 1; // a reservation: the balance goes negative until refilled
    return wait;
  }

  /** Tokens available now (may be negative while reservations are pending). */
  available(): number {
    this.refill();
    return this.tokens;
  }
}
