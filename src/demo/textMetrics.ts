/**
 * How much room a line of the chart's text takes, without a browser, so the chart can be laid out
 * to fit (src/demo/svg.ts) and a test can check it does.
 *
 * The model: the advance widths of Helvetica and Helvetica-Bold (Adobe's Core 14 font metrics,
 * in 1/1000 em), which Arial, Liberation Sans and Nimbus Sans share by design (they are
 * metric-compatible clones), times FALLBACK_FACTOR. The factor covers a viewer that has none of
 * those fonts and falls back to DejaVu Sans, the usual Linux sans-serif: in Chromium its widths on
 * the chart's texts were at most 1.19 times Helvetica's. A character not in the table counts as a
 * full em (an arrow or a letter from another script comes from whatever font has it). Kerning is
 * ignored: it only narrows a line. Vertically a line takes ASCENT above its baseline and DESCENT
 * below (Liberation Sans 0.905 and 0.212 em, DejaVu Sans 0.928 and 0.236 em, rounded up).
 *
 * test/demo/svg.test.ts renders the charts in Chromium and checks that every measured text box
 * lies inside the box this model gives, in the fonts the chart names and in DejaVu Sans.
 */

/** The chart's font stack: Helvetica and its metric-compatible equivalents first. */
export const CHART_FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', 'Nimbus Sans', sans-serif";

/** Widens the Helvetica widths to cover a fallback font (DejaVu Sans measured at ≤ 1.19×). */
export const FALLBACK_FACTOR = 1.2;
/** Above the baseline, in em. */
export const ASCENT = 0.95;
/** Below the baseline, in em. */
export const DESCENT = 0.25;
/** A character the tables do not list, in 1/1000 em. */
const UNKNOWN = 1000;

/** Advance widths of the printable ASCII characters, space (32) to tilde (126), 1/1000 em. */
// prettier-ignore
const REGULAR_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];
// prettier-ignore
const BOLD_ASCII = [
  278, 333, 474, 556, 556, 889, 722, 278, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
/** The few other characters the demo writes: en dash, middle dot, section sign, minus, no-break space, right quote. */
const OTHER: Record<string, [regular: number, bold: number]> = {
  "\u2013": [556, 556],
  "\u00b7": [278, 278],
  "\u00a7": [556, 556],
  "\u2212": [584, 584],
  "\u00a0": [278, 278],
  "\u2019": [222, 278],
};

/** Advance width of one character, 1/1000 em, before the fallback factor. */
function advance(ch: string, bold: boolean): number {
  const code = ch.codePointAt(0)!;
  if (code >= 32 && code <= 126) return (bold ? BOLD_ASCII : REGULAR_ASCII)[code - 32];
  const other = OTHER[ch];
  return other ? other[bold ? 1 : 0] : UNKNOWN;
}

/** The width of a line of text in user units (px): Σ advance · fontSize / 1000 · FALLBACK_FACTOR. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += advance(ch, bold);
  return (units / 1000) * fontSize * FALLBACK_FACTOR;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type Anchor = "start" | "middle" | "end";

export interface TextSpec {
  x: number;
  /** The baseline. */
  y: number;
  text: string;
  fontSize: number;
  bold?: boolean;
  anchor?: Anchor;
}

/** The box a line of text may cover, unrotated, by the model above. */
export function textBox(t: TextSpec): Box {
  const w = textWidth(t.text, t.fontSize, t.bold);
  const x0 = t.anchor === "end" ? t.x - w : t.anchor === "middle" ? t.x - w / 2 : t.x;
  return { x0, y0: t.y - ASCENT * t.fontSize, x1: x0 + w, y1: t.y + DESCENT * t.fontSize };
}

/** A box turned by −90° (counter-clockwise on screen) about (cx, cy), as `rotate(-90 cx cy)` turns text. */
export function rotateBoxLeft(b: Box, cx: number, cy: number): Box {
  // rotate(−90) maps (x, y) to (cx + (y − cy), cy − (x − cx)).
  return { x0: cx + (b.y0 - cy), x1: cx + (b.y1 - cy), y0: cy - (b.x1 - cx), y1: cy - (b.x0 - cx) };
}

/**
 * Text broken into lines no wider than `maxWidth` by the model: at spaces, and a word that is
 * too long on its own is cut where it must be.
 */
export function wrapToWidth(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const fits = (s: string) => textWidth(s, fontSize, bold) <= maxWidth;
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    while (!fits(word)) {
      const chars = [...word];
      let k = chars.length - 1;
      while (k > 1 && !fits(chars.slice(0, k).join(""))) k--;
      lines.push(chars.slice(0, k).join(""));
      word = chars.slice(k).join("");
    }
    line = word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Do two boxes share any area? */
export const boxesOverlap = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Is `inner` inside `outer`? */
export const boxInside = (inner: Box, outer: Box): boolean => inner.x0 >= outer.x0 && inner.x1 <= outer.x1 && inner.y0 >= outer.y0 && inner.y1 <= outer.y1;

/** Does the segment p–q pass through the box (Liang–Barsky clipping)? */
export function segmentHitsBox(p: [number, number], q: [number, number], b: Box): boolean {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, p[0] - b.x0],
    [dx, b.x1 - p[0]],
    [-dy, p[1] - b.y0],
    [dy, b.y1 - p[1]],
  ];
  for (const [pk, qk] of edges) {
    if (pk === 0) {
      if (qk < 0) return false;
      continue;
    }
    const t = qk / pk;
    if (pk < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}
