/** Runtimes whose support dates cloudready knows (rules/catalogue/runtimes.yaml). */
export const RUNTIMES = ['java', 'dotnet-framework', 'dotnet', 'python', 'php', 'node'] as const;
export type Runtime = (typeof RUNTIMES)[number];

/** A runtime a build file asks for: one version (8, 4.7.2, 6.0) or a range (>=3.8, ^7.2). */
export interface RuntimeDeclaration {
  runtime: Runtime;
  version: string;
  file: string;
  line?: number | undefined;
  /** What the file says, for the evidence: `<maven.compiler.release>8</maven.compiler.release>`. */
  text: string;
}

/** A Java release as Maven and Gradle write it: 1.8 → 8, 11 → 11. */
export function javaRelease(value: string): string | undefined {
  const match = /^\s*(?:1\.)?(\d{1,2})(?:\.\d+)*\s*$/.exec(value);
  return match ? String(Number(match[1])) : undefined;
}

/**
 * A .NET target framework moniker or version: v4.7.2 and net472 are .NET Framework 4.7.2, net48
 * is 4.8; netcoreapp3.1 is .NET 3.1; net6.0 and net8.0-windows are .NET 6.0 and 8.0;
 * netstandard is a contract, not a runtime.
 */
export function dotnetRuntime(
  moniker: string,
): { runtime: 'dotnet' | 'dotnet-framework'; version: string } | undefined {
  const value = moniker.trim().toLowerCase();
  const framework = /^v(\d+(?:\.\d+){0,2})$/.exec(value) ?? /^net([1-4])(\d)(\d)?$/.exec(value);
  if (framework)
    return {
      runtime: 'dotnet-framework',
      version: framework[0].startsWith('v')
        ? framework[1]!
        : [framework[1], framework[2], framework[3]].filter(Boolean).join('.'),
    };
  const core = /^net(?:coreapp)?(\d+\.\d+)(?:-[a-z0-9.]+)?$/.exec(value);
  return core ? { runtime: 'dotnet', version: core[1]! } : undefined;
}

/**
 * A PEP 440 specifier as a semver range: commas are "and", ~=3.6 is >=3.6 <4, ==2.7.* is
 * 2.7.x, and != clauses (which never decide support) are dropped.
 */
export function pythonRange(specifier: string): string | undefined {
  const clauses = specifier
    .split(',')
    .map((clause) => clause.trim())
    .filter((clause) => clause && !clause.startsWith('!='))
    .map((clause) => {
      const compatible = /^~=\s*(\d+)\.(\d+)/.exec(clause);
      if (compatible) return `>=${compatible[1]}.${compatible[2]} <${Number(compatible[1]) + 1}`;
      return clause.replace(/^===?\s*/, '').replace(/\.\*$/, '.x');
    });
  return clauses.length ? clauses.join(' ') : undefined;
}
