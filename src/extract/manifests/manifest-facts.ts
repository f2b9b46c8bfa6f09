import type { RuntimeDeclaration } from './runtime-declarations.js';
import type { Diagnostic } from '../../result/schema.js';

export type Ecosystem = 'maven' | 'gradle' | 'npm' | 'pypi' | 'nuget' | 'go' | 'composer';

export interface Dependency {
  ecosystem: Ecosystem;
  /** Maven and Gradle: `groupId:artifactId`; others: the package name as the ecosystem spells it. */
  name: string;
  version?: string | undefined;
  /** runtime, dev, test, provided, managed, framework (a .NET framework assembly reference) ... */
  scope: string;
  file: string;
  line?: number | undefined;
  /** SPDX expression or licence name, where the manifest or lockfile records one. */
  licence?: string | undefined;
  /** From a lockfile: a dependency of a dependency. */
  transitive?: boolean;
}

export interface ManifestFacts {
  file: string;
  ecosystem: Ecosystem;
  /** The project's own name, where the manifest declares one. */
  name?: string | undefined;
  dependencies: Dependency[];
  /** Maven packaging: jar, war, ear, ejb, pom ... */
  packaging?: string | undefined;
  /** Target runtime, e.g. `net48`, `v4.7.2`, `17` (Java release), `>=20` (Node engines). */
  targetFramework?: string | undefined;
  /** The runtimes it asks for, with their line: what end-of-support rules judge. */
  runtimes?: RuntimeDeclaration[] | undefined;
  diagnostics: Diagnostic[];
}

/** 1-based line of the first occurrence of `needle` at or after `from`, or undefined. */
export function lineOf(text: string, needle: string, from = 0): number | undefined {
  const at = text.indexOf(needle, from);
  if (at === -1) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function parseError(file: string, message: string, line?: number): Diagnostic {
  return { level: 'error', code: 'parse-error', file, ...(line ? { line } : {}), message };
}
