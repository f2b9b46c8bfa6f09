import type { SourceText } from '../source-text.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';

/** Control-M Automation API definitions: JSON objects whose "Type" is "Job:Command", "Job:Script", "Job:z/OS:Member" ... */
export const CONTROL_M_JSON = /"Type"\s*:\s*"Job:/;

/** Attributes kept per job: where it runs, what it runs and when. */
const KEPT: Record<string, string> = {
  Host: 'host',
  RunAs: 'runAs',
  Command: 'command',
  FileName: 'file',
  FilePath: 'path',
  MemName: 'member',
  MemLib: 'library',
  Application: 'application',
  SubApplication: 'subApplication',
};

/**
 * Control-M folders and jobs written as Automation API JSON ("jobs as code"), whatever the file is
 * called. A job is an object whose Type starts with "Job:"; the folder is the object holding it.
 */
export function extractControlMJson(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'control-m');
  let document: unknown;
  try {
    document = JSON.parse(source.text);
  } catch (error) {
    facts.problems.push({
      message: `Control-M JSON does not parse: ${(error as Error).message}`,
      location: { file: source.rel, line: 1, column: 1 },
    });
    return facts;
  }
  const lines = source.lines;
  const visit = (value: unknown, name: string, folder: string | undefined, depth: number): void => {
    if (depth > 32 || typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const object = value as Record<string, unknown>;
    const type = typeof object.Type === 'string' ? object.Type : '';
    if (type.startsWith('Job:')) {
      const attributes: Record<string, string> = { type: type.slice(4) };
      if (folder) attributes.folder = folder;
      for (const [key, kept] of Object.entries(KEPT))
        if (typeof object[key] === 'string') attributes[kept] = object[key] as string;
      // The job's own key, as written, gives its line.
      const at = source.text.indexOf(JSON.stringify(name));
      facts.definitions.push({
        kind: 'scheduled-job',
        name,
        attributes,
        location: { file: source.rel, line: at >= 0 ? lines.lineAt(at) : 1, column: 1 },
      });
      return;
    }
    const inner = type === 'Folder' || type === 'SimpleFolder' || type === 'SubFolder' ? name : folder;
    for (const [key, child] of Object.entries(object)) visit(child, key, inner, depth + 1);
  };
  visit(document, '', undefined, 0);
  return facts;
}
