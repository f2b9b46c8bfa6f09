import { text as textOf, children, parseXmlTree } from '../../util/xml-tree.js';
import type { SourceText } from '../source-text.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';

/** A task exported from the Windows Task Scheduler (schtasks /query /xml, or a file from System32\Tasks). */
export const WINDOWS_TASK_XML =
  /<Task\b[^>]*xmlns\s*=\s*["']http:\/\/schemas\.microsoft\.com\/windows\/2004\/02\/mit\/task["']/;

/**
 * One Windows Task Scheduler task per file, whatever the file is called (the scheduler's own
 * store names files after tasks, without an extension): its name, the program it starts, the
 * account it runs as and its triggers.
 */
export function extractWindowsTask(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'windows-task');
  const parsed = parseXmlTree(source.text);
  if (!parsed.ok) {
    facts.problems.push({
      message: `Windows task XML does not parse: ${parsed.message}`,
      location: { file: source.rel, line: parsed.line, column: 1 },
    });
    return facts;
  }
  const task = children(parsed.root, 'Task')[0];
  const registration = children(task, 'RegistrationInfo')[0];
  const uri = textOf(registration, 'URI');
  const name = (uri ?? source.rel)
    .split(/[\\/]/)
    .pop()!
    .replace(/\.xml$/i, '');
  const attributes: Record<string, string> = {};
  const exec = children(children(task, 'Actions')[0], 'Exec')[0];
  const command = textOf(exec, 'Command');
  if (command) attributes.command = command;
  const principal = children(children(task, 'Principals')[0], 'Principal')[0];
  const account = textOf(principal, 'UserId') ?? textOf(principal, 'GroupId');
  if (account) attributes.runAs = account;
  const triggers = Object.keys(children(task, 'Triggers')[0] ?? {}).filter((key) => /Trigger$/.test(key));
  if (triggers.length > 0) attributes.triggers = triggers.join(',');
  const at = source.text.search(/<Task\b/);
  facts.definitions.push({
    kind: 'scheduled-job',
    name,
    attributes,
    location: { file: source.rel, line: at >= 0 ? source.lines.lineAt(at) : 1, column: 1 },
  });
  return facts;
}
