import { LineIndex } from '../line-index.js';
import type { ApiCall } from './source-facts.js';
import type { PathOrigin } from './path-origins.js';

export { PATH_ORIGINS, type PathOrigin } from './path-origins.js';

/** Origins of files that live on the server, outside what the application ships. */
export const SERVER_PATH_ORIGINS: ReadonlySet<PathOrigin> = new Set([
  'configured',
  'absolute',
  'data-folder',
  'listed',
]);

const TEMPORARY =
  /\b(tmpdir|TempDir|GetTempPath|GetTempFileName|java\.io\.tmpdir|tempfile|mkdtemp|mkstemp|NamedTemporaryFile|createTemp\w*|sys_get_temp_dir|tempnam|TMPDIR|te?mp(?!l)\w*)/i;
/** The kernel's files, and secrets a container platform mounts. */
const SYSTEM = /^\/(proc|sys|dev|run\/secrets|var\/run\/secrets)(\/|$)/;
/** An expression naming a stream or response, not a path: `new StreamReader(webResponse.GetResponseStream())`. */
const NOT_A_PATH = /stream\b|Stream\s*\(|Response\b|\bbody\b/i;
/** A folder or path named for data the application keeps (uploads, attachments, media, archives, drop folders), by its variable's name or a segment of its literal (`~/Uploads/`). */
const DATA_FOLDER =
  /(upload|attachment|media|storage|archive|inbox|outbox|incoming|spool|export|import|backup|data)s?_?(dir|directory|folder|path|root|location)(name)?\b|\bApp_Data\b|\bMEDIA_ROOT\b|\bstorage_path\s*\(|\blocal_?path\b|["'`~/\\](uploads?|attachments?|media|storage|archives?|inbox|outbox|incoming|spool|exports?|backups?)[/\\]/i;
/** Paths inside what the application ships: next to its code, on its class path, its web root, its views and assets. */
const BUNDLED =
  /__dirname|__filename|import\.meta|getResource\w*|ClassLoader|classpath:|ClassPathResource|__DIR__|__FILE__|__file__|\bMapPath\s*\(|ContentRootPath|WebRootPath|BaseDirectory|getRealPath|\b(resource|base|app|public)_path\s*\(|STATIC_ROOT|\bstatic\b|templates?|\bviews?\b|\bassets?\b|\bi18n\b|\blocales?\b|root_path|ROOT_DIR|BASE_DIR|\bembed\b/i;
/** Values read from configuration (an object, getter or variable of settings), not a file merely named for it (`custom_config_file`). */
const CONFIGURED =
  /process\.env|\bgetenv\b|getProperty|\bconfig(uration)?\s*(\.\w|\[|\(|->|::)|\bconf\.\w|\bcfg\.\w|\bsettings\s*(\.\w|\[)|os\.environ|\benv\s*\(|\$_ENV|AppSettings|GetSection|\boptions\s*(\.\w|\[)|jobContext|getInitParameter|getConfig\w*\s*\(|viper\.Get/i;
/** The first string literal of an expression, with what stands before it. */
const FIRST_STRING = /^([^"'`]{0,200}?)[@$]?(["'`])([^"'`\n]{0,300})\2/;
const STARTS_WITH_STRING = /^\s*[rRbBfFuU]{0,2}[@$]?["'`]/;
const ABSOLUTE = /^(\/(?!\/)|[A-Za-z]:[\\/]|\\\\)/;
/** A name the expression reads (`dir`, `this.dir`, `self.dir`, `$dir`, `$this->dir`), not one it calls. */
const NAME = /(?:\bthis\.|\bself\.|\$this->|\$)?\b([A-Za-z_]\w*)\b(?!\s*\()/g;
const KEYWORDS = new Set([
  'new',
  'true',
  'false',
  'null',
  'nil',
  'None',
  'this',
  'self',
  'await',
  'return',
  'var',
  'let',
  'const',
  'string',
  'String',
  'File',
  'Path',
  'Paths',
  'Files',
  'path',
  'filepath',
  'os',
  'fs',
  'io',
  'encoding',
  'utf8',
  'utf',
  'r',
  'rb',
  'w',
]);
const MAX_HOPS = 3;
const MAX_NAMES = 4;
/** Names looked up per file: each is one pass over the file's text, so a file with thousands of file calls stays linear. */
const MAX_LOOKUPS = 200;

export class PathOrigins {
  private lines: LineIndex | undefined;
  private readonly assignments = new Map<string, { expression: string; line: number }[]>();

  /** `text`: the file with comments masked, so commented-out assignments are not followed. */
  constructor(private readonly text: string) {}

  /** The origin of the path in `expression`, an argument or receiver of a file API on 1-based `line`. */
  of(expression: string, line: number, hops = 0): PathOrigin | undefined {
    if (NOT_A_PATH.test(expression)) return undefined;
    const direct = classify(expression.slice(0, 400));
    if (direct || hops >= MAX_HOPS) return direct;
    for (const name of namesIn(expression)) {
      const assigned = this.assignmentBefore(name, line);
      const origin = assigned && this.of(assigned.expression, assigned.line, hops + 1);
      if (origin) return origin;
    }
    return undefined;
  }

  /** The last assignment to `name` above `line`, or else the first below it (a field set in a constructor further down). */
  private assignmentBefore(name: string, line: number): { expression: string; line: number } | undefined {
    const all = this.assignmentsOf(name);
    return (
      all.filter((assignment) => assignment.line < line).at(-1) ?? all.find((assignment) => assignment.line > line)
    );
  }

  private assignmentsOf(name: string): { expression: string; line: number }[] {
    let found = this.assignments.get(name);
    if (found) return found;
    found = [];
    if (this.assignments.size >= MAX_LOOKUPS) return found;
    // `name = …`, `name := …`, `Type name = …`, `this.name = …`, `$name = …`, `name: T = …`; not `==`, `=>` or `name.x = …`.
    const assignment = new RegExp(
      `(?<![\\w$.>])(?:this\\.|self\\.|\\$this->|\\$)?${name}\\s*(?::\\s*[\\w.<>\\[\\]|, ?]{1,60})?:?=(?![=>])\\s*([^;\\n]{1,300})`,
      'g',
    );
    for (const match of this.text.matchAll(assignment))
      found.push({ expression: match[1]!, line: this.lineAt(match.index) });
    // `@Value("${upload.dir}") private String name;`: a field injected from configuration.
    const injected = new RegExp(
      `@Value\\s*\\([^)]{0,200}\\)\\s*(?:(?:private|protected|public|final)\\s+){0,3}[\\w.<>]+\\s+${name}\\b`,
      'g',
    );
    for (const match of this.text.matchAll(injected))
      found.push({ expression: 'config', line: this.lineAt(match.index) });
    found.sort((a, b) => a.line - b.line);
    this.assignments.set(name, found);
    return found;
  }

  private lineAt(offset: number): number {
    this.lines ??= new LineIndex(this.text);
    return this.lines.lineAt(offset);
  }
}

function classify(expression: string): PathOrigin | undefined {
  const literal = leadingLiteral(expression);
  if (literal !== undefined && SYSTEM.test(literal)) return 'system';
  if (TEMPORARY.test(expression)) return 'temporary';
  if (DATA_FOLDER.test(expression)) return 'data-folder';
  if (BUNDLED.test(expression)) return 'bundled';
  if (CONFIGURED.test(withoutStrings(expression))) return 'configured';
  if (literal === undefined) return undefined;
  if (ABSOLUTE.test(literal)) return 'absolute';
  // A path that starts with a relative literal ('views/x.pug', './data/x.yml') is relative to the application's folder.
  return STARTS_WITH_STRING.test(expression) ? 'bundled' : undefined;
}

/** The string literal a path starts from: at the start of the expression or of a call's arguments ('/var/x', Paths.get("/var", name)). */
function leadingLiteral(expression: string): string | undefined {
  const literal = FIRST_STRING.exec(expression);
  return literal && /(^|\()[rRbBfFuU]{0,2}$/.test(literal[1]!.trimEnd()) ? literal[3] : undefined;
}

/** The expression with its string literals emptied: 'settings.yaml' names a file, `settings.ROOT` reads a setting. */
function withoutStrings(expression: string): string {
  return expression.replace(/(["'`])[^"'`\n]*\1/g, '""');
}

function namesIn(expression: string): string[] {
  const names: string[] = [];
  for (const match of withoutStrings(expression.slice(0, 300)).matchAll(NAME)) {
    const name = match[1]!;
    if (!KEYWORDS.has(name) && !names.includes(name)) names.push(name);
    if (names.length >= MAX_NAMES) break;
  }
  return names;
}

/** File APIs that list a folder rather than open a file. */
const LISTING =
  /(listFiles|\.list|\.walk|WalkDir|DirectoryStream|GetFiles|EnumerateFiles|GetDirectories|EnumerateDirectories|listdir|scandir|glob|iglob|Glob|ReadDir|readdir|readdirSync|opendir)$/;

/**
 * A unit that lists a server folder (a configured upload or drop folder) and reads files whose
 * path says nothing of itself reads the files it listed: `for (File f : inbox.listFiles()) read(f)`.
 */
export function markListedReads(calls: ApiCall[]): void {
  const listing = new Set(
    calls
      .filter(
        (call) =>
          call.api === 'file-read' &&
          LISTING.test(call.name) &&
          call.path &&
          call.path !== 'listed' &&
          SERVER_PATH_ORIGINS.has(call.path),
      )
      .map((call) => call.unit ?? ''),
  );
  if (listing.size === 0) return;
  for (const call of calls)
    if (call.api === 'file-read' && !call.path && listing.has(call.unit ?? '')) call.path = 'listed';
}
