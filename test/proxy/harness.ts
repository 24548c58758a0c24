/**
 * The frame of a proxy test file: the mock upstreams of test/helpers/upstreams.ts once per file, proxies started
 * per test and closed after it, and every body, header block and log line the file saw kept;
 * at the end, none of it holds a run of KEY_RUN characters of the FRED key.
 */
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { KEY_RUN } from "../../src/proxy/scrub";
import { type RunningProxy, type Upstreams, request, startProxy, startUpstreams } from "../helpers/upstreams";

/** The longest run of `key`'s characters found in `text`. */
export function longestKeyRun(text: string, key: string): number {
  let best = 0;
  for (let i = 0; i < key.length; i++) for (let j = i + best + 1; j <= key.length && text.includes(key.slice(i, j)); j++) best = j - i;
  return best;
}

/** Call at the top of a test file; `up` is set once the file's tests run. */
export function proxyHarness(fredKey: string) {
  const running: RunningProxy[] = [];
  const h = {
    up: undefined as unknown as Upstreams,
    /** Every body, header block and log line seen in the file. */
    seen: [] as string[],
    /** A proxy in this process with its upstreams at the mocks, closed after the test. */
    async proxy(opts: Parameters<typeof startProxy>[2] = {}): Promise<RunningProxy> {
      const p = await startProxy(h.up, fredKey, opts);
      running.push(p);
      return p;
    },
    async get(p: RunningProxy, path: string, opts: Parameters<typeof request>[1] = {}) {
      const r = await request(`${p.url}${path}`, opts);
      h.seen.push(r.body, JSON.stringify(r.headers));
      return r;
    },
  };
  beforeAll(async () => {
    h.up = await startUpstreams(fredKey);
  });
  afterEach(async () => {
    for (const p of running.splice(0)) {
      h.seen.push(...p.logs);
      await p.close();
    }
  });
  afterAll(async () => {
    await h.up?.close();
    expect(longestKeyRun(h.seen.join("\n"), fredKey)).toBeLessThan(KEY_RUN);
  });
  return h;
}
