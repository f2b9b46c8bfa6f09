import type { Dependency, ManifestFacts } from './manifest-facts.js';

/** build.gradle(.kts), read as text and never run: `configuration 'group:name:version'` declarations. */
const DECLARATION = /^\s*(\w+)\s*\(?\s*["']([\w.-]+):([\w.-]+)(?::([\w.${}-]+))?["']/;

export function extractGradle(source: string, file: string): ManifestFacts {
  const dependencies: Dependency[] = [];
  source.split('\n').forEach((line, index) => {
    const match = DECLARATION.exec(line);
    if (!match || !match[1] || /^(id|classpath|plugin)$/.test(match[1])) return;
    const scope = /test/i.test(match[1]) ? 'test' : /compileOnly|provided/i.test(match[1]) ? 'provided' : 'compile';
    dependencies.push({
      ecosystem: 'gradle',
      name: `${match[2]}:${match[3]}`,
      version: match[4],
      scope,
      file,
      line: index + 1,
    });
  });
  return { file, ecosystem: 'gradle', dependencies, diagnostics: [] };
}
