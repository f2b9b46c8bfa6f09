import { readFileSync } from 'node:fs';
import semver from 'semver';
import { z } from 'zod';
import { BUILT_IN_RUNTIME_LIFECYCLE } from '../servers/data-files.js';
import { parseYamlInput } from '../../util/yaml-input.js';
import { Day } from '../servers/clouds.js';
import { RUNTIMES, type RuntimeDeclaration } from '../../extract/manifests/runtime-declarations.js';

const Release = z.strictObject({
  version: z
    .string()
    .regex(/^\d+(\.\d+){0,2}$/)
    .describe(
      'A major, major.minor or major.minor.patch version; a declared version takes the release with the longest match',
    ),
  endOfSupport: Day.optional().describe('The last day of standard support; none when no end is announced'),
  extendedUntil: Day.optional().describe('The end of paid extended support, where the vendor sells one'),
});

/** rules/catalogue/runtimes.yaml: support dates of language runtimes and frameworks. */
export const RuntimeLifecycleSchema = z.strictObject({
  asOf: Day.describe(
    'The day the dates were last checked; releases are judged as of this day, so a scan does not change with the clock',
  ),
  sources: z.array(z.string().url()).min(1),
  runtimes: z.record(z.enum(RUNTIMES), z.strictObject({ name: z.string().min(1), releases: z.array(Release).min(1) })),
});
export type RuntimeLifecycle = z.infer<typeof RuntimeLifecycleSchema>;
type Release = z.infer<typeof Release>;

/** Where a declared runtime stands. */
export type RuntimeSupport =
  | { status: 'supported' | 'unknown'; name: string; release?: Release }
  | { status: 'past-support' | 'extended-support' | 'support-ending'; name: string; release: Release; detail: string };

let builtIn: RuntimeLifecycle | undefined;

/** The built-in table, read once. */
export function builtInRuntimeLifecycle(): RuntimeLifecycle {
  return (builtIn ??= parseYamlInput(
    readFileSync(BUILT_IN_RUNTIME_LIFECYCLE, 'utf8'),
    BUILT_IN_RUNTIME_LIFECYCLE,
    RuntimeLifecycleSchema,
    'see rules/catalogue/runtimes.yaml for the shape',
  ));
}

const components = (version: string) => version.split('.');
/** "4.6" is a prefix of "4.6.1" and of "4.6", not of "4.61". */
const isPrefix = (release: string, declared: string) =>
  components(release).every((part, at) => components(declared)[at] === part);
const RANGE = /[<>^~*|x\s,]|^=/i;

/**
 * The release a declaration means: a single version takes the release with the longest matching
 * version; a range is judged by the newest release it allows (the application can move to it).
 */
export function releaseFor(
  declaration: Pick<RuntimeDeclaration, 'runtime' | 'version'>,
  table: RuntimeLifecycle,
): Release | undefined {
  const releases = table.runtimes[declaration.runtime]?.releases ?? [];
  if (!RANGE.test(declaration.version)) {
    return releases
      .filter((release) => isPrefix(release.version, declaration.version))
      .sort((a, b) => components(b.version).length - components(a.version).length)[0];
  }
  const allowed = releases.filter((release) => {
    const coerced = semver.coerce(release.version);
    return coerced !== null && semver.satisfies(coerced, declaration.version, { loose: true });
  });
  // The newest allowed release with the latest support: an open range reaches a supported one.
  return allowed.sort(
    (a, b) =>
      (b.extendedUntil ?? b.endOfSupport ?? '9999').localeCompare(a.extendedUntil ?? a.endOfSupport ?? '9999') ||
      semver.compare(semver.coerce(b.version)!, semver.coerce(a.version)!),
  )[0];
}

const addYear = (day: string) => `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;

/** Past support, in paid extended support, ending within a year, supported, or not in the table. */
export function runtimeSupport(declaration: RuntimeDeclaration, table: RuntimeLifecycle): RuntimeSupport {
  const name = table.runtimes[declaration.runtime]?.name ?? declaration.runtime;
  const release = releaseFor(declaration, table);
  if (!release) return { status: 'unknown', name };
  const label = `${name} ${release.version}`;
  const { endOfSupport, extendedUntil } = release;
  if (!endOfSupport || endOfSupport >= addYear(table.asOf)) return { status: 'supported', name, release };
  if (endOfSupport >= table.asOf)
    return { status: 'support-ending', name, release, detail: `${label}: support ends ${endOfSupport}` };
  if (extendedUntil && extendedUntil >= table.asOf)
    return {
      status: 'extended-support',
      name,
      release,
      detail: `${label}: standard support ended ${endOfSupport}; paid extended support until ${extendedUntil}`,
    };
  return {
    status: 'past-support',
    name,
    release,
    detail: `${label}: no security updates since ${extendedUntil ?? endOfSupport}`,
  };
}
