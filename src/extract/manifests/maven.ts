import { lineOf, type Dependency, type ManifestFacts } from './manifest-facts.js';
import { children, parseXml, text } from './xml.js';
import { javaRelease } from './runtime-declarations.js';

/** pom.xml: the project's dependencies and managed dependencies, versions resolved from its properties. */
export function extractMaven(source: string, file: string): ManifestFacts {
  const parsed = parseXml(source, file);
  if (!parsed.ok) return { file, ecosystem: 'maven', dependencies: [], diagnostics: [parsed.diagnostic] };
  const project = children(parsed.root, 'project')[0] ?? {};
  const properties = children(project, 'properties')[0] ?? {};
  const resolve = (value: string | undefined) =>
    value?.replace(
      /\$\{([^}]+)\}/g,
      (whole, key: string) =>
        text(properties, key) ?? (key === 'project.version' ? text(project, 'version') : undefined) ?? whole,
    );

  const dependencies: Dependency[] = [];
  const collect = (node: unknown, managed: boolean) => {
    for (const dependency of children(children(node, 'dependencies')[0], 'dependency')) {
      const groupId = text(dependency, 'groupId');
      const artifactId = text(dependency, 'artifactId');
      if (!groupId || !artifactId) continue;
      dependencies.push({
        ecosystem: 'maven',
        name: `${groupId}:${artifactId}`,
        version: resolve(text(dependency, 'version')),
        scope: managed ? 'managed' : (text(dependency, 'scope') ?? 'compile'),
        file,
        line: lineOf(source, `<artifactId>${artifactId}</artifactId>`),
      });
    }
  };
  collect(project, false);
  collect(children(project, 'dependencyManagement')[0], true);
  // Dependencies a profile adds count too, marked with the profile they come with.
  for (const profile of children(children(project, 'profiles')[0], 'profile')) {
    const before = dependencies.length;
    collect(profile, false);
    for (const dependency of dependencies.slice(before)) dependency.scope = `profile:${text(profile, 'id') ?? '?'}`;
  }
  const parent = children(project, 'parent')[0];
  if (parent && text(parent, 'groupId') && text(parent, 'artifactId')) {
    dependencies.push({
      ecosystem: 'maven',
      name: `${text(parent, 'groupId')}:${text(parent, 'artifactId')}`,
      version: text(parent, 'version'),
      scope: 'parent',
      file,
      line: lineOf(source, '<parent>'),
    });
  }
  return {
    file,
    ecosystem: 'maven',
    name: text(project, 'name') ?? text(project, 'artifactId'),
    packaging: text(project, 'packaging') ?? 'jar',
    dependencies,
    ...javaRuntime(source, file, project, properties, resolve),
    diagnostics: [],
  };
}

/**
 * The Java release a pom asks for: the compiler plugin's own configuration (release, else
 * source) wins over the properties it defaults to (maven.compiler.release, .source, .target,
 * and Spring Boot's java.version).
 */
function javaRuntime(
  source: string,
  file: string,
  project: unknown,
  properties: unknown,
  resolve: (value: string | undefined) => string | undefined,
): Pick<ManifestFacts, 'targetFramework' | 'runtimes'> {
  const build = children(project, 'build')[0];
  const plugins = [
    ...children(children(build, 'plugins')[0], 'plugin'),
    ...children(children(children(build, 'pluginManagement')[0], 'plugins')[0], 'plugin'),
  ];
  const compiler = children(
    plugins.find((plugin) => text(plugin, 'artifactId') === 'maven-compiler-plugin'),
    'configuration',
  )[0];
  const fromPlugin = ['release', 'source'].find((key) => javaRelease(resolve(text(compiler, key)) ?? '') !== undefined);
  const fromProperty = [
    'maven.compiler.release',
    'maven.compiler.source',
    'maven.compiler.target',
    'java.version',
  ].find((key) => text(properties, key) !== undefined);
  const element = fromPlugin ?? fromProperty;
  const release = element ? resolve(text(fromPlugin ? compiler : properties, element)) : undefined;
  const java = release ? javaRelease(release) : undefined;
  if (!element || !java) return { targetFramework: release };
  return {
    targetFramework: release,
    runtimes: [
      {
        runtime: 'java',
        version: java,
        file,
        line: lineOf(source, `<${element}>`, fromPlugin ? source.indexOf('maven-compiler-plugin') : 0),
        text: `<${element}>${release}</${element}>`,
      },
    ],
  };
}
