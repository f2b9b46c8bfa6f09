import type { Diagnostic } from '../../result/schema.js';
import { parseXmlTree, type XmlNode } from '../../util/xml-tree.js';
import { parseError } from './manifest-facts.js';

export { children, text, type XmlNode } from '../../util/xml-tree.js';

/** Parses a manifest's XML, or returns a diagnostic with the line the validator names. */
export function parseXml(
  source: string,
  file: string,
): { ok: true; root: XmlNode } | { ok: false; diagnostic: Diagnostic } {
  const parsed = parseXmlTree(source);
  return parsed.ok ? parsed : { ok: false, diagnostic: parseError(file, parsed.message, parsed.line) };
}
