import path from 'node:path';
import { children, parseXmlTree, text, type XmlNode } from '../util/xml-tree.js';

/** A pom.xml as discovery reads it: its folder (relative to the scanned root) and its text. */
export interface PomText {
  folder: string;
  text: string;
}

/**
 * Maven modules that only the build uses: a `maven-plugin`, or a module other POMs reference
 * only as a build plugin or a plugin's dependency (a Derby starter the Jetty plugin runs for
 * local runs), never as a dependency of the code they ship. What they hold is build tooling.
 * Folders relative to the scanned root, sorted.
 */
export function buildOnlyModules(poms: PomText[]): string[] {
  const read = poms.flatMap(({ folder, text: source }) => {
    const parsed = parseXmlTree(source);
    const project = parsed.ok ? children(parsed.root, 'project')[0] : undefined;
    return project ? [{ folder, project }] : []; // A malformed POM is reported when manifests are extracted.
  });
  const shipped = new Set<string>();
  const built = new Set<string>();
  for (const { project } of read) {
    for (const holder of [project, ...children(children(project, 'profiles')[0], 'profile')]) {
      for (const dependency of children(children(holder, 'dependencies')[0], 'dependency')) {
        // Test dependencies do not ship either.
        if (text(dependency, 'scope') !== 'test') shipped.add(coordinates(dependency));
      }
      for (const build of children(holder, 'build')) {
        for (const plugins of [build, ...children(build, 'pluginManagement')]) {
          for (const plugin of children(children(plugins, 'plugins')[0], 'plugin')) {
            built.add(coordinates(plugin));
            for (const dependency of children(children(plugin, 'dependencies')[0], 'dependency'))
              built.add(coordinates(dependency));
          }
        }
      }
    }
  }
  const folders = read.filter(({ project }) => {
    const own = ownCoordinates(project);
    if (text(project, 'packaging') === 'maven-plugin') return true;
    return built.has(own) && !shipped.has(own) && !['war', 'ear'].includes(text(project, 'packaging') ?? 'jar');
  });
  return folders.map(({ folder }) => folder).sort();
}

/** groupId:artifactId; a plugin without a groupId is an org.apache.maven.plugins one. */
function coordinates(node: XmlNode): string {
  return `${text(node, 'groupId') ?? 'org.apache.maven.plugins'}:${text(node, 'artifactId') ?? ''}`;
}

/** A module inherits its groupId from its parent when it names none. */
function ownCoordinates(project: XmlNode): string {
  const groupId = text(project, 'groupId') ?? text(children(project, 'parent')[0], 'groupId') ?? '';
  return `${groupId}:${text(project, 'artifactId') ?? ''}`;
}

export const isPom = (rootRel: string) => path.posix.basename(rootRel) === 'pom.xml';
