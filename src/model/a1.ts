/** A1 references, the one reader for every host: `"B5"` ↔ zero-based row and column. */

/** `"AB"` → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** `"B5"` → zero-based row/column. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.trim().toUpperCase());
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnNumber(m[1]) - 1 };
}

/** 28 → `"AB"` (the inverse of columnNumber). */
export function columnLetters(n: number): string {
  let c = n;
  let letters = "";
  while (c > 0) {
    const r = (c - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    c = Math.floor((c - 1) / 26);
  }
  return letters;
}

/** Zero-based row/column → `"B5"`. */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col + 1)}${row + 1}`;
}

/** `"E5:H18"` → its corners. */
export function parseRange(range: string): { start: { row: number; col: number }; end: { row: number; col: number } } {
  const [a, b = a] = range.split(":");
  return { start: parseA1(a), end: parseA1(b) };
}

/** `"E5:H18"` → rows and columns of the block. */
export function rangeSize(range: string): { rows: number; cols: number } {
  const { start, end } = parseRange(range);
  return { rows: Math.abs(end.row - start.row) + 1, cols: Math.abs(end.col - start.col) + 1 };
}

/** The block with `rows` more rows on top (its header): `withRowsAbove("A91:A99", 1)` → `"A90:A99"`. */
export function withRowsAbove(range: string, rows: number): string {
  const { start, end } = parseRange(range);
  return `${toA1(start.row - rows, start.col)}:${toA1(end.row, end.col)}`;
}
