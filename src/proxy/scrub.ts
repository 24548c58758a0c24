/**
 * The FRED key never leaves the proxy: not whole, not cut, not percent-encoded. `text` cleans
 * what is sent to a client, `log` what is written to the log.
 */

/** A run of this many characters of the key is masked wherever it appears (a key cut anywhere still leaks nothing useful). */
export const KEY_RUN = 8;

const MASK = "***";

/** `api_key=…` in any percent-encoding of its name and `=`, as written; the value up to a delimiter. */
const KEY_PARAM = /(api(?:_|%5f)key(?:=|%3d))[^&\s"'<>]*/gi;

/** `%XX` escapes decoded, as often as they nest (up to 3 times), leaving anything that is not an escape. */
function percentDecode(s: string): string {
  let out = s;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(out); i++) {
    out = out.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return unescape(run); // not UTF-8: byte by byte
      }
    });
  }
  return out;
}

/** ASCII letters lower-cased, nothing else: positions stay where they were. */
const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/** Every place where `text` holds a run of at least KEY_RUN characters of `key` (ASCII case ignored), merged. */
function keyRuns(text: string, key: string): [start: number, end: number][] {
  const hay = asciiLower(text);
  const k = asciiLower(key);
  const n = Math.min(KEY_RUN, k.length);
  const hits: [number, number][] = [];
  for (let j = 0; j + n <= k.length; j++) {
    const piece = k.slice(j, j + n);
    for (let i = hay.indexOf(piece); i >= 0; i = hay.indexOf(piece, i + 1)) hits.push([i, i + n]);
  }
  hits.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    if (last && h[0] <= last[1]) last[1] = Math.max(last[1], h[1]);
    else merged.push([h[0], h[1]]);
  }
  return merged;
}

export class Scrubber {
  constructor(private readonly key?: string) {}

  /** `text` with every `api_key=` value and every run of the key masked. */
  text(text: string): string {
    let t = text.replace(KEY_PARAM, `$1${MASK}`);
    if (!this.key) return t;
    const runs = keyRuns(t, this.key);
    if (runs.length === 0) return t;
    let out = "";
    let at = 0;
    for (const [start, end] of runs) {
      out += t.slice(at, start) + MASK;
      at = end;
    }
    t = out + t.slice(at);
    return t;
  }

  /**
   * A log line: percent-escapes decoded first (so `api%5Fkey=` and an encoded key are caught),
   * then masked, then control characters shown as `\xNN` (a request cannot forge a log line).
   */
  log(line: string): string {
    return this.text(percentDecode(line)).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  }
}
