/** Read the XML parts of an .xlsx file (a zip) for tests of the structure we write. */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { type XmlElement, parseXml } from "../../scripts/check-manifest";

export type { XmlElement };

/** One part of the package, parsed. */
export async function readXlsxPart(file: string, part: string): Promise<XmlElement> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entry = zip.file(part);
  if (!entry) throw new Error(`${file} has no ${part}`);
  return parseXml(await entry.async("string"));
}

/** Every element named `name` below `root` (not `root` itself), in document order. */
export function descendants(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}
