/** Read the XML parts of an .xlsx file (a zip) for tests of the structure we write. */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { DOMParser, type Element as DomElement } from "@xmldom/xmldom";

/** An element as the tests read it: its qualified name, attributes, child elements and text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function toElement(e: DomElement): XmlElement {
  const attrs: Record<string, string> = {};
  for (let i = 0; i < e.attributes.length; i++) attrs[e.attributes[i].name] = e.attributes[i].value;
  const children: XmlElement[] = [];
  for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) children.push(toElement(c as DomElement));
  return { name: e.tagName, attrs, children, text: (e.textContent ?? "").trim() };
}

/** One part of the package, parsed (a malformed part fails the test). */
export async function readXlsxPart(file: string, part: string): Promise<XmlElement> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entry = zip.file(part);
  if (!entry) throw new Error(`${file} has no ${part}`);
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`${part}: ${message}`);
    },
  }).parseFromString(await entry.async("string"), "text/xml");
  return toElement(doc.documentElement as DomElement);
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
