import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BUILT_IN_OS_LIFECYCLE } from './data-files.js';
import { Day } from './clouds.js';
import { LinearRegex } from '../rules/linear-regex.js';
import { parseYamlInput } from '../../util/yaml-input.js';

const CloudSupport = z.enum(['supported', 'conditional', 'unsupported']);
const PerCloud = <T extends z.ZodType>(value: T) => z.strictObject({ aws: value, azure: value, gcp: value });

/** rules/catalogue/operating-systems.yaml: vendor support dates, and which cloud runs what. */
export const OsLifecycleSchema = z.strictObject({
  asOf: Day.describe('The day the dates and the cloud columns were last checked'),
  sources: z.array(z.string().url()).min(1),
  limits: PerCloud(
    z.strictObject({
      maxDisks: z.number().int().positive(),
      maxDiskGiB: z.number().positive(),
      maxOsDiskGiB: z.number().positive().optional(),
      note: z.string().optional(),
    }),
  ),
  systems: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9.-]+$/),
        name: z.string().min(1),
        match: z.string().min(1).describe('Linear-time regular expression, case-insensitive, tried on the OS name'),
        endOfSupport: Day.optional().describe("The vendor's last free security update"),
        extendedUntil: Day.optional().describe('The end of paid extended support (ESU, ELS, LTSS, ESM)'),
        clouds: PerCloud(CloudSupport),
        uefi: z
          .boolean()
          .optional()
          .describe(
            'false: no cloud boots this system with UEFI firmware (Azure generation 2, AWS and Google UEFI boot)',
          ),
        architecture: z
          .enum(['x86', 'power', 'sparc', 'itanium', 's390x'])
          .default('x86')
          .describe("What it runs on: only x86 systems are sized to the clouds' ordinary VMs"),
        note: z.string().optional(),
      }),
    )
    .min(1),
});
export type OsLifecycle = z.infer<typeof OsLifecycleSchema>;
export type OsSystem = OsLifecycle['systems'][number];

/** The table with each system's pattern compiled; `find` names the system an OS string is. */
export interface OsTable extends OsLifecycle {
  find(os: string): OsSystem | undefined;
}

let builtIn: OsTable | undefined;

/** The built-in table, read once (only scans with inventories of servers need it). */
export function builtInOsTable(): OsTable {
  return (builtIn ??= osTable(readFileSync(BUILT_IN_OS_LIFECYCLE, 'utf8'), BUILT_IN_OS_LIFECYCLE));
}

/** Parses and checks a table; throws an InputError naming the file and line. */
export function osTable(text: string, file: string): OsTable {
  const table = parseYamlInput(
    text,
    file,
    OsLifecycleSchema,
    'see rules/catalogue/operating-systems.yaml for the shape',
  );
  const patterns = table.systems.map((system) => ({ system, pattern: LinearRegex.compile(system.match, 'i') }));
  // Estates repeat a few OS names on thousands of servers: each is looked up once.
  const found = new Map<string, OsSystem | undefined>();
  const find = (os: string) => {
    if (!found.has(os)) found.set(os, patterns.find(({ pattern }) => pattern.test(os))?.system);
    return found.get(os);
  };
  return { ...table, find };
}
