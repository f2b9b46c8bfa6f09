import { xmlProblem } from '../../util/xml-validation.js';
import type { Location } from './source-facts.js';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Text between the start and end tag ('' for an empty element). */
  body: string;
  location: Location;
}

/**
 * Elements of one name with their attributes, body and line, read lexically so every fact keeps
 * its position (an XML parser would lose it). Validation first: malformed XML is a problem with
 * the validator's line, not a crash.
 */
export function xmlElements(
  text: string,
  file: string,
  names: string[],
): { elements: XmlElement[]; error?: Location & { message: string } } {
  const invalid = xmlProblem(text);
  if (invalid) return { elements: [], error: { file, ...invalid } };
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const locate = (offset: number): Location => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
    return { file, line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
  const elements: XmlElement[] = [];
  // The name ends at a space, `/` or `>`: <entity> is not <entity-mappings>.
  const pattern = new RegExp(
    `<(${names.join('|')})(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*?)(/>|>([\\s\\S]*?)</\\1\\s*>)`,
    'g',
  );
  for (const match of text.matchAll(pattern)) {
    const attributes: Record<string, string> = {};
    for (const attribute of match[2]!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
      attributes[attribute[1]!] = attribute[2] ?? attribute[3] ?? '';
    elements.push({ name: match[1]!, attributes, body: match[4] ?? '', location: locate(match.index) });
  }
  return { elements };
}
