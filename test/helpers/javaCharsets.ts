/**
 * How Apps Script's `HTTPResponse.getContentText(charset)` decodes bytes, for the UrlFetchApp
 * stand-in: Apps Script runs on Java, whose charsets differ from the WHATWG decoders of Node.
 *
 * - no charset: UTF-8 (the mock sources name none in Content-Type), a bad byte → U+FFFD;
 * - `Windows-31J` (`MS932`, `cp932`): Microsoft's Shift_JIS, the same as the WHATWG `shift_jis`
 *   decoder (NEC row 13 ①②③ and the IBM extensions decode, 0x8160 → U+FF5E);
 * - `Shift_JIS`: Java's JIS X 0208 Shift_JIS. It has no NEC row 13 or IBM extensions (those pairs
 *   decode to U+FFFD) and maps seven codes elsewhere than cp932 (the JDK's MS932/Shift_JIS tables):
 *   0x815F U+005C, 0x8160 U+301C, 0x8161 U+2016, 0x817C U+2212, 0x8191 U+00A2, 0x8192 U+00A3, 0x81CA U+00AC;
 * - any other name throws, as Java does for a charset it does not know.
 */
const JIS_X_0208_ONLY: Readonly<Record<number, string>> = {
  0x815f: "\u005C",
  0x8160: "\u301C",
  0x8161: "\u2016",
  0x817c: "\u2212",
  0x8191: "\u00A2",
  0x8192: "\u00A3",
  0x81ca: "\u00AC",
};

const isLead = (b: number) => (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);

/** cp932 pairs Java's Shift_JIS does not have: NEC row 13, NEC-selected and IBM extensions. */
const cp932Only = (code: number) => (code >= 0x8740 && code <= 0x879e) || (code >= 0xed40 && code <= 0xeefc) || (code >= 0xfa40 && code <= 0xfc4b);

function javaShiftJis(bytes: Uint8Array): string {
  const cp932 = new TextDecoder("shift_jis");
  let out = "";
  let from = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (!isLead(bytes[i]) || i + 1 >= bytes.length) continue;
    const code = (bytes[i] << 8) | bytes[i + 1];
    const java = cp932Only(code) ? "\uFFFD" : JIS_X_0208_ONLY[code];
    if (java !== undefined) {
      out += cp932.decode(bytes.subarray(from, i)) + java;
      from = i + 2;
    }
    i++; // the trail byte
  }
  return out + cp932.decode(bytes.subarray(from));
}

/** `getContentText(charset)` as Apps Script answers it. */
export function javaDecode(bytes: Uint8Array, charset?: string): string {
  if (charset === undefined) return new TextDecoder("utf-8").decode(bytes);
  switch (charset.toLowerCase()) {
    case "utf-8":
      return new TextDecoder("utf-8").decode(bytes);
    case "windows-31j":
    case "ms932":
    case "cp932":
      return new TextDecoder("shift_jis").decode(bytes);
    case "shift_jis":
    case "sjis":
      return javaShiftJis(bytes);
    default:
      throw new Error(`Exception: Unsupported charset: ${charset}`);
  }
}
