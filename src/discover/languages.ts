/**
 * Languages cloudready counts and analyses. `comments` names the comment syntax the
 * source masker applies (extract/mask-comments.ts); `mainframe` marks sources that make a
 * folder a mainframe application even without a build manifest.
 */
export type CommentStyle = 'c' | 'hash' | 'python' | 'php' | 'sql' | 'vb' | 'cobol' | 'jcl' | 'assembler' | 'markup' | 'none';

export interface LanguageInfo {
  id: string;
  name: string;
  extensions: string[];
  comments: CommentStyle;
  mainframe?: boolean;
  /**
   * Scripts and job control drive other programs: a folder of them alone is tooling, not an
   * application, and mainframe JCL or REXX without programs of its own is not a mainframe system.
   */
  script?: boolean;
}

export const LANGUAGES: readonly LanguageInfo[] = [
  { id: 'java', name: 'Java', extensions: ['.java'], comments: 'c' },
  { id: 'kotlin', name: 'Kotlin', extensions: ['.kt', '.kts'], comments: 'c' },
  { id: 'scala', name: 'Scala', extensions: ['.scala'], comments: 'c' },
  { id: 'groovy', name: 'Groovy', extensions: ['.groovy', '.gradle'], comments: 'c', script: true },
  { id: 'jsp', name: 'JSP', extensions: ['.jsp', '.jspx'], comments: 'markup' },
  { id: 'csharp', name: 'C#', extensions: ['.cs'], comments: 'c' },
  { id: 'vbnet', name: 'VB.NET', extensions: ['.vb'], comments: 'vb' },
  { id: 'aspnet', name: 'ASP.NET', extensions: ['.aspx', '.ascx', '.asmx', '.svc', '.cshtml'], comments: 'markup' },
  { id: 'typescript', name: 'TypeScript', extensions: ['.ts', '.tsx', '.mts', '.cts'], comments: 'c' },
  { id: 'javascript', name: 'JavaScript', extensions: ['.js', '.jsx', '.mjs', '.cjs'], comments: 'c' },
  { id: 'python', name: 'Python', extensions: ['.py', '.pyw'], comments: 'python' },
  { id: 'php', name: 'PHP', extensions: ['.php'], comments: 'php' },
  { id: 'go', name: 'Go', extensions: ['.go'], comments: 'c' },
  { id: 'ruby', name: 'Ruby', extensions: ['.rb'], comments: 'hash' },
  { id: 'c', name: 'C', extensions: ['.c', '.h'], comments: 'c' },
  { id: 'cpp', name: 'C++', extensions: ['.cpp', '.cc', '.cxx', '.hpp', '.hh'], comments: 'c' },
  { id: 'shell', name: 'Shell', extensions: ['.sh', '.bash', '.ksh', '.zsh'], comments: 'hash', script: true },
  { id: 'powershell', name: 'PowerShell', extensions: ['.ps1', '.psm1'], comments: 'hash', script: true },
  { id: 'batch', name: 'Windows batch', extensions: ['.bat', '.cmd'], comments: 'none', script: true },
  { id: 'perl', name: 'Perl', extensions: ['.pl', '.pm'], comments: 'hash', script: true },
  { id: 'sql', name: 'SQL', extensions: ['.sql', '.ddl', '.pls', '.pkb', '.pks'], comments: 'sql', script: true },
  { id: 'cobol', name: 'COBOL', extensions: ['.cbl', '.cob', '.cobol', '.cpy', '.copy'], comments: 'cobol', mainframe: true },
  { id: 'pli', name: 'PL/I', extensions: ['.pli', '.pl1'], comments: 'c', mainframe: true },
  { id: 'jcl', name: 'JCL', extensions: ['.jcl', '.prc', '.proc'], comments: 'jcl', mainframe: true, script: true },
  { id: 'assembler', name: 'Assembler', extensions: ['.asm', '.hlasm', '.mac', '.mlc'], comments: 'assembler', mainframe: true },
  { id: 'bms', name: 'BMS', extensions: ['.bms'], comments: 'assembler', mainframe: true },
  { id: 'rexx', name: 'REXX', extensions: ['.rex', '.rexx'], comments: 'c', mainframe: true, script: true },
  { id: 'csd', name: 'CICS CSD', extensions: ['.csd'], comments: 'assembler', mainframe: true },
  { id: 'ims', name: 'IMS DBD/PSB', extensions: ['.dbd', '.psb'], comments: 'assembler', mainframe: true },
];

const byExtension = new Map<string, LanguageInfo>();
for (const language of LANGUAGES) for (const ext of language.extensions) byExtension.set(ext, language);
const byId = new Map(LANGUAGES.map((language) => [language.id, language]));

export function languageForExtension(ext: string): LanguageInfo | undefined {
  return byExtension.get(ext.toLowerCase());
}

export function languageById(id: string): LanguageInfo | undefined {
  return byId.get(id);
}

const SHEBANGS: [RegExp, string][] = [
  [/\bpython[0-9.]*\b/, 'python'],
  [/\b(ba|k|z)?sh\b/, 'shell'],
  [/\bnode\b/, 'javascript'],
  [/\bperl\b/, 'perl'],
  [/\bruby\b/, 'ruby'],
];

/** Language of an extensionless script, from its `#!` line. */
export function languageFromShebang(firstLine: string): LanguageInfo | undefined {
  if (!firstLine.startsWith('#!')) return undefined;
  for (const [pattern, id] of SHEBANGS) if (pattern.test(firstLine)) return byId.get(id);
  return undefined;
}
