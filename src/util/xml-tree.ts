import { XMLParser } from 'fast-xml-parser';
import { xmlProblem } from './xml-validation.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Entities are never expanded: a scanned file must not be able to blow up memory.
  processEntities: false,
});

export type XmlNode = Record<string, unknown>;

/** Parses XML into a tree of plain objects, or says why it cannot, with the line the validator names. */
export function parseXmlTree(
  source: string,
): { ok: true; root: XmlNode } | { ok: false; message: string; line: number } {
  const problem = xmlProblem(source);
  if (problem) return { ok: false, message: problem.message, line: problem.line };
  try {
    return { ok: true, root: parser.parse(source) as XmlNode };
  } catch (error) {
    // The parser refuses a few things the validator lets through (an unclosed CDATA section).
    return { ok: false, message: `malformed XML: ${(error as Error).message}`, line: 1 };
  }
}

/** A child that may be absent, single, or repeated, always as an array. */
export function children(node: unknown, key: string): XmlNode[] {
  if (typeof node !== 'object' || node === null) return [];
  const value = (node as XmlNode)[key];
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).filter(
    (item): item is XmlNode => typeof item === 'object' && item !== null,
  );
}

export function text(node: unknown, key: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as XmlNode)[key];
  if (typeof value === 'string') return value || undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null && '#text' in value) return String((value as XmlNode)['#text']);
  return undefined;
}
