import { decodeText } from '../../../src/extract/read-text.js';
import { languageForExtension } from '../../../src/languages/registry.js';
import { extractSourceFacts } from '../../../src/extract/source/index.js';
import type { SourceFacts } from '../../../src/extract/source/index.js';
import { analyseText } from '../../../src/extract/source-text.js';

/** Facts of an in-memory file, decoded exactly as a scanned file would be. */
export async function factsOf(file: string, content: string | Buffer): Promise<SourceFacts> {
  const decoded = decodeText(typeof content === 'string' ? Buffer.from(content, 'utf8') : content, file);
  if (!decoded.ok) throw new Error(decoded.diagnostic.message);
  const language = languageForExtension(file.slice(file.lastIndexOf('.')));
  const facts = await extractSourceFacts(analyseText(file, decoded.text, language));
  if (!facts) throw new Error(`no extractor for ${file}`);
  return facts;
}

/** Fixed-format COBOL: sequence number, indicator, code from column 8. */
export function cobolLines(lines: [indicator: string, code: string][]): string {
  return lines.map(([indicator, code], i) => `${String((i + 1) * 10).padStart(6, '0')}${indicator}${code}`).join('\n');
}
