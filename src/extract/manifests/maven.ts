import { lineOf, type Dependency, type ManifestFacts } from './manifest-facts.js';
import { children, parseXml, text } from './xml.js';

/** pom.xml: the project's dependencies and managed dependencies, versions resolved from its properties. */
export function extractMaven(source: string, file: string): ManifestFacts {
  const parsed = parseXml(source, file);
  if (!parsed.ok) return { file, ecosystem: 'maven', dependencies: [], diagnostics: [parsed.diagnostic] };
  const project = children(parsed.root, 'project')[0] ?? {};
  const properties = children(project, 'properties')[0] ?? {};
  const resolve = (value: string | undefined) =>
    value?.replace(/\$\{([^}]+)\}/g, (whole, key: string) => text(properties, key) ?? (key === 'project.version' ? text(project, 'version') : undefined) ?? whole);

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
    dependencies.push({ ecosystem: 'maven', name: `${text(parent, 'groupId')}:${text(parent, 'artifactId')}`, version: text(parent, 'version'), scope: 'parent', file, line: lineOf(source, '<parent>') });
  }
  const release = text(properties, 'maven.compiler.release') ?? text(properties, 'maven.compiler.source') ?? text(properties, 'java.version');
  return { file, ecosystem: 'maven', name: text(project, 'name') ?? text(project, 'artifactId'), packaging: text(project, 'packaging') ?? 'jar', dependencies, targetFramework: release, diagnostics: [] };
}
