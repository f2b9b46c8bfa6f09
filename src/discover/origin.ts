/**
 * Where a file's code comes from and what it is for. Only production code runs in the cloud, so
 * by default only evidence in production files counts toward scores and gates; the rest is shown
 * apart (docs/languages.md, "Where evidence comes from").
 */
export const ORIGINS = [
  'production',
  'test',
  'build',
  'ci',
  'dev-config',
  'vendored',
  'generated',
  'docs',
  'sample',
] as const;
export type Origin = (typeof ORIGINS)[number];

/** Folder names that hold tests, mocks and test data, in any ecosystem. */
const TEST_FOLDERS = new Set([
  'test',
  'tests',
  'testing',
  '__tests__',
  '__test__',
  'spec',
  'specs',
  'e2e',
  'cypress',
  'testdata',
  'test-data',
  'testing-data',
  'fixtures',
  '__fixtures__',
  'mocks',
  '__mocks__',
  'testutils',
  'test-utils',
  'integrationtest',
  'integration-tests',
  'unittest',
  'unittests',
  'testfixtures',
  'test-resources',
  'functional-tests',
  'acceptance-tests',
  // Test helper packages (Go and others): testx, testutil, dbtest ...
  'testx',
  'testutil',
  'testutils',
  'testhelper',
  'testhelpers',
  'testkit',
  'testlib',
  'testsupport',
  'dbtest',
  'mocktest',
]);
/** File names of tests: xUnit and JUnit classes, JavaScript specs, Go and Python conventions. */
const TEST_FILE =
  /(^|[._-])(test|spec|testing)s?\.[a-z0-9]+$|^test_[^/]+\.py$|_test\.(go|py|rb|php)$|^conftest\.py$|(Test|Tests|IT|TestCase|Spec)\.(java|kt|groovy|scala|cs|vb|php)$|^Test[A-Z]\w*\.(java|kt)$/;
/** .NET and Maven/Gradle project folders that hold tests (Orchard.Tests, Foo.UnitTests, foo-it). */
const TEST_PROJECT = /[.-](tests?|unittests?|integrationtests?|specs?|testing|it)([.-]|$)/i;

const CI_PATH = /^(\.github|\.gitlab|\.circleci|\.buildkite|\.azure-pipelines|\.drone|\.woodpecker|\.teamcity|\.ci)\//;
const CI_FILE =
  /^(sonar-project\.properties|\.sonarcloud\.properties|\.gitlab-ci\.ya?ml|\.travis\.ya?ml|azure-pipelines[^/]*\.ya?ml|Jenkinsfile[^/]*|bitbucket-pipelines\.ya?ml|appveyor\.ya?ml|\.drone\.ya?ml|cloudbuild\.ya?ml|buildspec\.ya?ml|codecov\.ya?ml|\.pre-commit-config\.yaml|renovate\.json|dependabot\.ya?ml)$/i;

/** Test runners' own configuration: where the tests run, never the application. */
const TEST_CONFIG_FILE =
  /^(cypress|playwright|protractor|karma|jest|vitest|wdio|nightwatch|testem|codecept)\.conf(ig)?(\.[\w-]+)*\.[cm]?[jt]s(on)?$|^phpunit\.xml(\.dist)?$|^pytest\.ini$|^\.mocharc[^/]*$|^\.nycrc[^/]*$/;
const BUILD_FILE =
  /^(Makefile|GNUmakefile|makefile|gulpfile\.[cm]?[jt]s|Gruntfile\.[cm]?[jt]s|(webpack|rollup|vite|esbuild|babel|eslint|tslint|stylelint|prettier|postcss|tailwind|commitlint|lint-staged|nodemon|tsup)\.config[^/]*|webpack\.[\w.-]+\.[cm]?[jt]s|\.eslintrc[^/]*|\.babelrc[^/]*|mvnw(\.cmd)?|gradlew(\.bat)?|build\.xml|build\.(cmd|bat|ps1|sh)|build\.cake|Rakefile|AssemblyInfo\.(cs|vb)|noxfile\.py|tox\.ini|Vagrantfile)$/;
const BUILD_FOLDER = new Set(['.mvn', 'buildsrc', 'build-tools', 'buildtools', 'gradle', 'tooling', 'hack']);
/** Repository tooling; scripts/ in lower case only, since ASP.NET's Scripts/ folder is the site's own JavaScript. */
const TOOLING_FOLDER = new Set(['tools', 'develop', 'dev-tools', 'devtools', 'git-tools']);

/** Third-party servers whose settings a compose stack under docker/ keeps: monitoring, identity, code quality. */
const STACK_PRODUCT =
  /^(grafana|prometheus|alertmanager|loki|tempo|kibana|logstash|elasticsearch|keycloak|realm-config|sonar|sonarqube|jaeger|zipkin|consul|vault|traefik|central-server-config)$/i;
const DEV_CONFIG_FOLDER = new Set(['.devcontainer', '.vscode', '.idea', 'vagrant', '.vagrant']);
// Angular's environments/environment.ts is the development build's; environment.prod.ts the production one.
const ANGULAR_DEV_ENVIRONMENT = /(^|\/)environments\/environment(\.(dev|development|local|test))?\.ts$/;
const DEV_CONFIG_FILE =
  /^(launchSettings\.json|\.yo-rc\.json|.*\.(Development|Local|Dev)\.(json|config|ya?ml)|docker-compose\.(override|dev|development|local|debug|test)[^/]*\.ya?ml|compose\.(override|dev|local)[^/]*\.ya?ml|\.env\.(dev|development|local|test|example|sample|template)[^/]*|application-(dev|local|test|e2e|tc)\.(ya?ml|properties)|.*\.env\.example|local_settings[^/]*\.py|settings_(dev|local|test)\.py)$/i;

/** Folders named after a well-known library copied into the tree (as GitHub Linguist's vendor list names them). */
const LIBRARY_FOLDER =
  /^(codemirror(-[\d.]+)?|tinymce|ckeditor\d*|ace(-builds)?|jquery([-.][\w.-]+)?|bootstrap(-[\d.]+)?|font-?awesome|mathjax|pdfjs|pdf\.js|highlight(\.js)?|prism|select2|chosen|dropzone|fullcalendar|leaflet|d3|three\.js|modernizr|knockout|angular(js)?-[\d.]+|mermaid(-[\d.]+)?|semantic(-ui)?|moment|lodash|underscore|backbone|require(js)?|swagger-ui|monaco-editor|katex|emojify|clipboard|autosize|simplemde|easymde)$/i;

const WEB_ASSET = /\.(m?js|css|less|s[ac]ss|map|html?|svg|woff2?|ttf|eot|png|gif|jpe?g)$/i;

// Web asset folders of copied libraries (public/plugins/, static/libs/) are caught by the file-name
// and header checks below or by the repository's .gitattributes (discover/gitattributes.ts).
const VENDORED_FOLDER = new Set([
  'vendor',
  'vendors',
  'third_party',
  'third-party',
  'thirdparty',
  'bower_components',
  'jspm_packages',
  'lib-external',
  'pear',
  'node_modules',
  'wwwroot/lib',
  'assets/vendor',
  'static/vendor',
]);
/** Well-known library files, by name: copied in from their projects, not the application's code. */
const VENDORED_FILE =
  /^(jquery|bootstrap|angular|react|react-dom|vue|modernizr|knockout|backbone|underscore|lodash|moment|respond|require|d3|popper|select2|chart|highcharts|tinymce|ckeditor|codemirror|ace|handlebars|mustache|json2|html5shiv|es5-shim|es6-shim|polyfill|swfobject|mootools|prototype|scriptaculous|dojo|ext-all|yui|raphael|toastr|sweetalert|fullcalendar|datatables|jquery\.[\w.-]+)([-.][\w.-]*)?\.(js|css)$/i;
const MINIFIED_FILE = /\.min\.(js|css|mjs)$|[-.]bundle\.js$|\.pack\.js$/i;

const GENERATED_FILE =
  /(\.designer\.(cs|vb)|\.g\.(cs|i\.cs)|\.generated\.[a-z]+|_pb2(_grpc)?\.py|\.pb\.(go|cc|h)|\.pb\.gw\.go|_generated\.go|\.gen\.go|Reference\.(cs|vb)|\.d\.ts)$/i;
const GENERATED_FOLDER = new Set(['generated', 'generated-sources', 'auto-generated', 'migrations']);

/** API descriptions (OpenAPI, Swagger) document endpoints: their server URLs are examples, not dependencies. */
const API_DOCS_FILE =
  /^(openapi|swagger|api-docs?)([-.][\w-]+)?\.(ya?ml|json)$|^(mkdocs\.ya?ml|\.readthedocs\.ya?ml|docusaurus\.config\.[jt]s|antora\.yml|book\.toml)$/i;
const DOCS_FOLDER = new Set(['docs', 'doc', 'documentation', 'javadoc', 'apidocs', 'wiki', 'man', '.well-known']);
/** Configuration that says it is an example: application-secret-samples.yml, settings.example.py, config.sample.json. */
const SAMPLE_FILE =
  /[-_.](samples?|examples?|template)\.(ya?ml|properties|json|conf|cfg|ini|toml|py|php|xml|config)$|\.(example|sample|template|tmpl)$|^(example|sample)[-_.][^/]*\.(ya?ml|properties|json|conf|cfg|ini|toml|env)$/i;
const SAMPLE_FOLDER = new Set([
  'sample',
  'samples',
  'example',
  'examples',
  'demo',
  'demos',
  'quickstart',
  'quickstarts',
  'tutorial',
  'tutorials',
  'exercises',
  'labs',
  'challenges',
  'workshop',
  'workshops',
]);

/**
 * The origin a file's path gives it, from the scanned root down: an application found inside
 * tests/ or samples/ is test or sample code throughout, while one scanned on its own is production.
 * The first decisive folder wins: `test/vendor/x.js` is test code, `vendor/x/tests/y.php` is vendored.
 */
export function originOfPath(rootRel: string): Origin {
  const segments = rootRel.split('/');
  const name = segments.at(-1) ?? '';
  if (CI_PATH.test(rootRel) || CI_FILE.test(name)) return 'ci';
  for (let at = 0; at < segments.length - 1; at++) {
    const segment = segments[at]!.toLowerCase();
    // Below a JVM source root the folders are package names (com/ibm/websphere/samples/daytrader):
    // what is shipped from src/main is production code, whatever its packages are called.
    if (segment === 'src' && segments[at + 1] === 'main' && /^(java|kotlin|scala|groovy)$/.test(segments[at + 2] ?? ''))
      break;
    const pair = at + 1 < segments.length - 1 ? `${segment}/${segments[at + 1]!.toLowerCase()}` : '';
    // A library's name as a folder counts for web assets only: a Java package may be called clipboard.
    if (
      VENDORED_FOLDER.has(segment) ||
      VENDORED_FOLDER.has(pair) ||
      (LIBRARY_FOLDER.test(segment) && WEB_ASSET.test(name)) ||
      (segment === '.yarn' && segments[at + 1] === 'releases')
    )
      return 'vendored';
    if (
      TEST_FOLDERS.has(segment) ||
      TEST_PROJECT.test(segment) ||
      (segment === 'src' && /^(test|it|integration-?test|testfixtures|androidtest)$/i.test(segments[at + 1] ?? ''))
    )
      return 'test';
    if (GENERATED_FOLDER.has(segment)) return 'generated';
    // Spring-style profile folders: profiles/local/, profiles/dev/ hold the developer's settings.
    if (
      DEV_CONFIG_FOLDER.has(segment) ||
      (segment === 'profiles' && /^(local|dev|development)$/i.test(segments[at + 1] ?? ''))
    )
      return 'dev-config';
    // docker/grafana/, docker/prometheus/: settings of the third-party servers a compose stack runs beside the application.
    if (segment === 'docker' && STACK_PRODUCT.test(segments[at + 1] ?? '') && at + 1 < segments.length - 1)
      return 'dev-config';
    if (BUILD_FOLDER.has(segment) || TOOLING_FOLDER.has(segment) || segments[at] === 'scripts') return 'build';
    if (DOCS_FOLDER.has(segment) || (segment === 'src' && segments[at + 1] === 'site')) return 'docs';
    if (SAMPLE_FOLDER.has(segment)) return 'sample';
  }
  if (TEST_FILE.test(name) || TEST_CONFIG_FILE.test(name)) return 'test';
  if (SAMPLE_FILE.test(name)) return 'sample';
  if (API_DOCS_FILE.test(name)) return 'docs';
  if (VENDORED_FILE.test(name) || MINIFIED_FILE.test(name)) return 'vendored';
  if (GENERATED_FILE.test(name)) return 'generated';
  if (DEV_CONFIG_FILE.test(name) || ANGULAR_DEV_ENVIRONMENT.test(rootRel)) return 'dev-config';
  if (BUILD_FILE.test(name)) return 'build';
  return 'production';
}

/** Headers that generators and library authors write at the top of a file. */
const GENERATED_HEADER =
  /<auto-generated|@generated\b|\bCode generated\b.*\bDO NOT EDIT\b|\b(This|the following) (file|code) (was|is|has been) (auto(matically)?[- ]?)?generated\b|\bAutomatically generated by\b|\bGenerated by (the )?(protoc|Django|MyBatis Generator|JAXB|wsimport|xjc|swagger|openapi|hibernate)/i;
/** The first line of code (a package, import or declaration): a generator's header stands above it. */
const FIRST_CODE_LINE =
  /^[ \t]*(package|import|namespace|using|module|from|def|class|struct|interface|enum|func|fn|public|private|protected|internal|sealed|abstract|final|export|const|var|let|function|#include|#import)\b/m;
const LIBRARY_HEADER =
  /^\s*\/\*!|@license\b|@preserve\b|\(c\)\s*\d{4}[-\d, ]*(jQuery|OpenJS|The (jQuery|Dojo)|Twitter|Microsoft Corporation|Google (LLC|Inc))|\bjQuery (JavaScript Library )?v\d|\bBootstrap v\d|\bLicensed under the (MIT|Apache) [Ll]icen[cs]e\b.*\bhttps?:\/\/(jquery|getbootstrap|opensource)|\b(Distributed|Released) under (an?|the) (MIT|BSD|Apache)[- ]?(2\.0 )?[Ll]icen[cs]e/m;

/**
 * The origin once the file's text is known: production JavaScript and CSS that is a minified or
 * licence-headed library copy is vendored; any file that says a generator wrote it is generated.
 * Only the head is read, so this costs the same for any file size.
 */
export function originOfText(pathOrigin: Origin, appRel: string, text: string): Origin {
  if (pathOrigin !== 'production') return pathOrigin;
  const head = text.slice(0, 2048);
  // A generator signs the comments above the code; "automatically generated by the application" in a class's Javadoc is prose.
  const code = FIRST_CODE_LINE.exec(head);
  if (GENERATED_HEADER.test(code ? head.slice(0, code.index) : head)) return 'generated';
  // Go code built only outside production (`//go:build !prod`, `//go:build dev`) is the developer's.
  if (/\.go$/.test(appRel) && /^\/\/go:build\s+[^\n]*(!prod(uction)?\b|\bdev(elopment)?\b|\bdebug\b)/m.test(head))
    return 'dev-config';
  if (/\.(jcl|prc|proc|cntl)$/i.test(appRel) && isBuildJcl(text)) return 'build';
  // A GitHub Actions workflow kept outside .github/ (a copy, a template) is still CI.
  if (/\.ya?ml$/i.test(appRel) && /^jobs:\s*$/m.test(text.slice(0, 8192)) && /^\s+runs-on:/m.test(text.slice(0, 8192)))
    return 'ci';
  if (/\.(m?js|css)$/i.test(appRel)) {
    if (LIBRARY_HEADER.test(head)) return 'vendored';
    // Minified: the first line is long and the text has few lines for its size.
    const firstBreak = head.indexOf('\n');
    if ((firstBreak === -1 ? head.length : firstBreak) > 500 && text.length / (countLines(text) || 1) > 300)
      return 'vendored';
  }
  return pathOrigin;
}

/** Compilers, precompilers, CICS translators, the binder: steps that build the application. */
const BUILD_PROGRAM =
  /^(IGYCRCTL|IGYWC\w*|IEWL|IEWBLINK|HEWL\w*|IEWLF\w*|ASMA90|ASMACL?\w*|HLASMCL?\w*|DSNHPC|DSNHICOB|DSNHCOB\w*|DFHECP1\$|DFHEAP1\$|DFHYITVL|DFHZITCL|DFHYITDL|IBMZPLI|IEL\w+|CCNDRVR|EDCC\w*)$/;
/** Steps that may come with a build: allocating, copying and deleting data sets. */
const HOUSEKEEPING = /^(IEFBR14|IEBCOPY|IEBGENER|IEHPROGM)$/;

/**
 * JCL that builds or installs rather than runs: every step compiles, translates, links, binds a
 * DB2 plan or package, or defines VSAM files (IDCAMS DEFINE without REPRO), with at most data-set
 * housekeeping beside. Such a job is build tooling, not a batch workload to move.
 */
export function isBuildJcl(text: string): boolean {
  const programs = [...text.matchAll(/^\/\/[^*\s]*\s+EXEC\s+(?:PGM=|PROC=)?([A-Z0-9$#@]+)/gim)].map((match) =>
    match[1]!.toUpperCase(),
  );
  if (programs.length === 0) return false;
  const binds = /\bBIND\s+(PLAN|PACKAGE)\b/i.test(text) && !/\bRUN\s+PROGRAM\b/i.test(text);
  const defines =
    /\bDEFINE\s+(CLUSTER|GDG|GENERATIONDATAGROUP|AIX|ALTERNATEINDEX|PATH)\b/i.test(text) &&
    !/\b(REPRO|PRINT|EXPORT|IMPORT)\b/i.test(text);
  const building = (program: string) =>
    BUILD_PROGRAM.test(program) || (/^IKJEFT(01|1A|1B)$/.test(program) && binds) || (program === 'IDCAMS' && defines);
  return programs.some(building) && programs.every((program) => building(program) || HOUSEKEEPING.test(program));
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}
