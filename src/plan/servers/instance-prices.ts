import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BUILT_IN_PRICES } from '../../assess/servers/data-files.js';
import { CLOUDS, Day, type Cloud } from '../../assess/servers/clouds.js';
import { parseYamlInput } from '../../util/yaml-input.js';

const FAMILIES = ['general', 'compute', 'memory'] as const;
export type Family = (typeof FAMILIES)[number];

/** [name, vCPUs, memory GiB, price per hour]: one line per size keeps a catalogue of hundreds readable. */
const Size = z.tuple([z.string().min(1), z.number().int().positive(), z.number().positive(), z.number().nonnegative()]);

const CloudPrices = z.strictObject({
  region: z.string().min(1),
  storage: z.strictObject({ name: z.string().min(1), perGiBMonth: z.number().nonnegative() }),
  windowsPerVcpuHour: z.number().nonnegative().describe('The Windows Server licence a cloud adds per vCPU and hour'),
  dataDisks: z
    .strictObject({ perVcpu: z.number().positive().optional(), max: z.number().int().positive() })
    .optional()
    .describe('Data disks a size attaches: perVcpu times its vCPUs, at most max; a server is sized to hold its disks'),
  instances: z.strictObject({
    general: z.array(Size).min(1),
    compute: z.array(Size).default([]),
    memory: z.array(Size).default([]),
  }),
});

/** rules/catalogue/instance-prices.yaml, or a user's file of the same shape (scan --prices). */
export const InstancePricesSchema = z.strictObject({
  asOf: Day.describe('The day the prices were taken from the price lists'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code in capitals, such as USD or EUR'),
  hoursPerMonth: z.number().positive().default(730),
  sources: z.array(z.string().url()).default([]),
  clouds: z.strictObject({ aws: CloudPrices.optional(), azure: CloudPrices.optional(), gcp: CloudPrices.optional() }),
});
export type InstancePrices = z.infer<typeof InstancePricesSchema>;

/** A user's price list as given (--prices): its path as typed, and its text. */
export interface PricesFile {
  file: string;
  text: string;
}

export interface InstanceSize {
  name: string;
  family: Family;
  vcpus: number;
  memoryGiB: number;
  hourly: number;
  /** Data disks it attaches, where the list says. */
  dataDisks?: number;
}

export interface PriceList extends InstancePrices {
  /** Every size of a cloud, cheapest first (name breaks ties, so that the choice is stable). */
  sizes(cloud: Cloud): InstanceSize[];
  /** Where the list came from: built-in, or the user's file. */
  source: string;
}

let builtIn: PriceList | undefined;

export function builtInPrices(): PriceList {
  return (builtIn ??= priceList(readFileSync(BUILT_IN_PRICES, 'utf8'), BUILT_IN_PRICES, 'built-in'));
}

/** Parses and checks a price list; throws an InputError naming the file and line. */
export function priceList(text: string, file: string, source = file): PriceList {
  const prices = parseYamlInput(
    text,
    file,
    InstancePricesSchema,
    'the shape is that of rules/catalogue/instance-prices.yaml (docs/inventory.md)',
  );
  const sorted = new Map<Cloud, InstanceSize[]>(
    CLOUDS.map((cloud) => {
      const instances = prices.clouds[cloud]?.instances;
      const disks = prices.clouds[cloud]?.dataDisks;
      const dataDisks = (vcpus: number) =>
        disks ? { dataDisks: Math.min(disks.max, disks.perVcpu ? Math.floor(disks.perVcpu * vcpus) : disks.max) } : {};
      const sizes = instances
        ? FAMILIES.flatMap((family) =>
            instances[family].map(([name, vcpus, memoryGiB, hourly]): InstanceSize => ({
              name,
              family,
              vcpus,
              memoryGiB,
              hourly,
              ...dataDisks(vcpus),
            })),
          )
        : [];
      return [cloud, sizes.sort((a, b) => a.hourly - b.hourly || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))];
    }),
  );
  return { ...prices, source, sizes: (cloud) => sorted.get(cloud)! };
}
