import path from 'node:path';
import { analysisOf } from '../languages/registry.js';
import type { ApplicationFacts, KindVerdict } from './application-facts-types.js';

export type { KindVerdict } from './application-facts-types.js';

/** Pages rendered on the server: JSP, JSF, Razor and Web Forms, PHP entry pages, template engines. */
const SERVER_PAGE =
  /\.blade\.php$|\.(jspx?|xhtml|aspx|ascx|cshtml|vbhtml|erb|ejs|hbs|handlebars|pug|jade|twig|tmpl|gohtml|ftl|ftlh|vm|jinja2?|j2|mustache)$/i;
/** HTML views in the folders web frameworks serve or render them from. */
const VIEW_FOLDER =
  /(^|\/)(templates|views|webapp|WebContent|WebRoot|wwwroot|public|static|htdocs|www)\/(.+\/)?[^/]+\.html?$/i;
const PHP_ENTRY = /(^|\/)(index|app|default)\.php$|(^|\/)(public|web|htdocs|www)\/[^/]+\.php$/i;
/** Django and other WSGI/ASGI projects: served over HTTP by definition. */
const WSGI_ENTRY = /(^|\/)(manage|wsgi|asgi)\.py$/;
/** Pages a URL reaches directly, with no route in code: Web Forms pages, web services and handlers, JSP and JSF pages. */
const ADDRESSABLE_PAGE = /\.(aspx|asmx|ashx|svc|jspx?|xhtml)$/i;

/**
 * Production pages that are entry points by the framework's convention (Web Forms, ASMX and WCF
 * services, JSP, JSF, PHP entry pages): something can start the application though its code
 * declares no route.
 */
export function addressablePages(facts: Pick<ApplicationFacts, 'files'>): number {
  return facts.files.filter(
    ({ origin, appRel }) => origin === 'production' && (ADDRESSABLE_PAGE.test(appRel) || PHP_ENTRY.test(appRel)),
  ).length;
}

const DESKTOP_PROJECT =
  /<OutputType>\s*WinExe\s*<\/OutputType>|<Use(WindowsForms|WPF)>\s*true\s*<\/Use\1>|Include="(System\.Windows\.Forms|PresentationFramework)"/i;

/**
 * What an application is, from its own production files: a mainframe system, a desktop client,
 * a web application (it renders pages), a service (it answers requests or messages, or ships as
 * a container), a batch program (a main and nothing that listens), or a library (a package with
 * no entry point of its own: reported apart, not a migration candidate).
 */
export function applicationKind(facts: ApplicationFacts): KindVerdict {
  const { app } = facts;
  if (app.declaredKind) return { kind: app.declaredKind, reason: 'declared in cloudready.yaml' };
  const production = facts.files.filter((file) => file.origin === 'production');
  const programs = production.filter(({ file }) => file.language && !file.language.script);
  const mainframe = programs.filter(({ file }) => file.language?.mainframe);
  if (mainframe.length > 0)
    return {
      kind: 'mainframe',
      reason: `mainframe programs (${namesOf(mainframe.map(({ file }) => file.language!.name))})`,
    };

  const projects = facts.texts.filter(({ file }) => /\.(csproj|vbproj|fsproj)$/i.test(file.rootRel));
  const desktop = projects.filter(({ source }) => DESKTOP_PROJECT.test(source.text));
  const webProject = projects.some(({ source }) =>
    /Sdk="Microsoft\.NET\.Sdk\.(Web|Razor|BlazorWebAssembly)"|\{349c5851-65df-11da-9384-00065b846f21\}/i.test(
      source.text,
    ),
  );

  const pages = production.filter(
    ({ appRel }) =>
      SERVER_PAGE.test(appRel) || VIEW_FOLDER.test(appRel) || PHP_ENTRY.test(appRel) || WSGI_ENTRY.test(appRel),
  );
  const frontEnd = app.parts.find((part) => part.kind === 'web');
  if (pages.length > 0)
    return { kind: 'web', reason: `renders pages (${shortList(pages.map(({ appRel }) => appRel))})` };
  const webArchive = facts.texts.find(
    ({ file, source }) =>
      file.kind === 'manifest' &&
      /<packaging>\s*war\s*<\/packaging>|id\s*\(?\s*['"]war['"]|apply\s+plugin:\s*['"]war['"]/.test(source.text),
  );
  if (webArchive) return { kind: 'web', reason: `packaged as a web archive (${webArchive.file.rel})` };
  if (frontEnd) return { kind: 'web', reason: `serves a front end (${frontEnd.path})` };
  if (desktop.length > 0 && !webProject)
    return {
      kind: 'desktop',
      reason: `a Windows desktop client (${shortList(desktop.map(({ file }) => file.rel))}): runs on users' machines, not a server workload`,
    };

  const entries = facts.sources.flatMap((source) => source.entryPoints);
  const listening = entries.filter(
    (entry) =>
      ['http-route', 'servlet', 'web-service', 'message-listener'].includes(entry.kind) ||
      (entry.kind === 'main' && entry.detail === 'listen'),
  );
  if (listening.length > 0 || webProject)
    return {
      kind: 'service',
      reason:
        listening.length > 0
          ? `answers requests or messages (${shortList(listening.map((entry) => entry.location.file))})`
          : 'an ASP.NET project',
    };
  const descriptors = production.filter(({ appRel }) =>
    /(^|\/)(web\.xml|Procfile|app\.ya?ml|manifest\.ya?ml)$/.test(appRel),
  );
  if (facts.delivery.container.length > 0 || descriptors.length > 0)
    return {
      kind: 'service',
      reason: `ships as a process of its own (${shortList([...facts.delivery.container.map((place) => place.file), ...descriptors.map(({ file }) => file.rel)])})`,
    };
  const mains = entries.filter(
    (entry) =>
      entry.kind === 'main' ||
      entry.kind === 'scheduled' ||
      entry.kind === 'batch-program' ||
      entry.kind === 'batch-job',
  );
  if (mains.length > 0)
    return {
      kind: 'batch',
      reason: `runs as a program with nothing that listens (${shortList(mains.map((entry) => entry.location.file))})`,
    };
  if (startsAsCommand(facts)) return { kind: 'batch', reason: 'a command its package declares (bin or start script)' };
  // Only where every language's extractor reports entry points can their absence mean a library.
  if (programs.some(({ file }) => !analysisOf(file.language!.id)?.entryPoints))
    return {
      kind: 'service',
      reason: 'no entry point was recognised (not every language here reports one); taken for a service',
    };

  // A library ships code and no runtime settings; with neither, nothing tells.
  const settings = production.find(({ appRel }) => RUNTIME_SETTINGS.test(appRel));
  // Files that could not be read may hold the entry point, a build file that does not parse its
  // packaging: nothing is set aside on a partial view.
  const partial =
    facts.skipped > 0 ||
    facts.manifests.some((manifest) => manifest.diagnostics.some((diagnostic) => diagnostic.level === 'error'));
  const packaged = programs.length > 0 && !settings && !partial ? packageVerdict(facts) : undefined;
  if (packaged)
    return {
      kind: 'library',
      reason: `a package with no entry point of its own (${packaged}): no main, route, servlet, listener, page or container`,
    };
  const build = facts.texts.find(
    ({ file, source }) => file.kind === 'manifest' && APPLICATION_PACKAGING.test(source.text),
  );
  if (build) return { kind: 'service', reason: `its build packages an application (${build.file.rel})` };
  return { kind: 'service', reason: 'no entry point was recognised; taken for a service' };
}

/** Settings an application reads at run time (Spring, .NET, Django, dotenv): libraries ship none. */
const RUNTIME_SETTINGS =
  /(^|\/)(application|bootstrap)(-[\w-]+)?\.(properties|ya?ml)$|(^|\/)appsettings(\.[\w-]+)?\.json$|(^|\/)(web|app)\.config$|(^|\/)settings\.py$|(^|\/)\.env$/i;

/**
 * Build files that package an application (a WAR, a Boot jar, an executable) rather than a library,
 * or build against an application platform (the Java EE / Jakarta EE API, Spring Boot's web starters).
 */
const APPLICATION_PACKAGING =
  /<artifactId>\s*(javaee-(web-)?api|jakarta\.jakartaee-(web-)?api|jakartaee-(web-)?api|spring-boot-starter-(web|webflux))\s*<\/artifactId>|<packaging>\s*(war|ear|ejb|rar)\s*<\/packaging>|spring-boot-maven-plugin|quarkus-maven-plugin|maven-assembly-plugin|maven-shade-plugin|<mainClass>|id\s*\(?\s*['"](application|org\.springframework\.boot|war|io\.quarkus)['"]|\bapplication\s*\{|<OutputType>\s*(Exe|WinExe)\s*<\/OutputType>|Sdk="Microsoft\.NET\.Sdk\.(Web|Worker|Razor)"|\[project\.scripts\]|entry_points\s*=|console_scripts/;
const LIBRARY_COMPOSER =
  /"type"\s*:\s*"(library|symfony-bundle|wordpress-plugin|drupal-module|laminas-module|magento2-module)"/;

/**
 * The build file that says the unit is a library, when every build file agrees: a published npm
 * package (main or exports, not private, no server, bin or start script), a Composer library, a
 * Maven, Gradle, Eclipse, .NET, Python or Go build that packages no application. Undefined when
 * any build file packages an application or none says anything.
 */
function packageVerdict(facts: ApplicationFacts): string | undefined {
  let library: string | undefined;
  for (const { file, source } of facts.texts) {
    if (file.kind !== 'manifest') continue;
    const base = path.posix.basename(file.rootRel);
    const text = source.text;
    let verdict: 'library' | 'application' | undefined;
    if (base === 'package.json') verdict = npmVerdict(text);
    else if (base === 'composer.json')
      verdict = LIBRARY_COMPOSER.test(text)
        ? 'library'
        : /"type"\s*:\s*"project"/.test(text)
          ? 'application'
          : undefined;
    else if (/^(pom\.xml|build\.gradle(\.kts)?|pyproject\.toml|setup\.py|go\.mod)$|\.(cs|vb|fs)proj$/i.test(base))
      verdict = APPLICATION_PACKAGING.test(text) ? 'application' : 'library';
    if (verdict === 'application') return undefined;
    if (verdict === 'library') library ??= file.rel;
  }
  // An Eclipse Java project (.classpath) with no other build file builds classes, no application.
  return library ?? facts.files.find(({ file }) => /(^|\/)\.classpath$/.test(file.rootRel))?.file.rel;
}

function npmVerdict(text: string): 'library' | 'application' | undefined {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const scripts = typeof parsed.scripts === 'object' && parsed.scripts !== null ? parsed.scripts : {};
  if (parsed.private === true || 'bin' in parsed || 'start' in scripts || 'serve' in scripts) return 'application';
  const entry = ['main', 'exports', 'module'].some((key) =>
    typeof parsed[key] === 'string' ? (parsed[key] as string).trim() !== '' : parsed[key] !== undefined,
  );
  return entry ? 'library' : undefined;
}

function startsAsCommand(facts: ApplicationFacts): boolean {
  return facts.texts.some(
    ({ file, source }) => path.posix.basename(file.rootRel) === 'package.json' && /"(bin|start)"\s*:/.test(source.text),
  );
}

function namesOf(names: string[]): string {
  return [...new Set(names)].sort().join(', ');
}

function shortList(items: string[]): string {
  const unique = [...new Set(items)].sort();
  return unique.length > 2 ? `${unique.slice(0, 2).join(', ')} and ${unique.length - 2} more` : unique.join(', ');
}
