import { z } from 'zod';

/*
 * The servers of a result (hosts[], serverCosts): what the inventories say each machine is,
 * whether it can be rehosted on each cloud, the size it would take and what it would cost
 * (docs/inventory.md, "Servers").
 */

const Readiness = z.strictObject({
  status: z.enum(['ready', 'ready-with-conditions', 'not-ready', 'unknown']),
  reasons: z.array(z.string()).describe('Blockers first, then what is unknown, then conditions'),
});

const Target = z.strictObject({
  instance: z.string(),
  family: z.enum(['general', 'compute', 'memory']),
  vcpus: z.number().int().positive(),
  memoryGiB: z.number().positive(),
  basis: z
    .enum(['allocation', 'utilisation'])
    .describe(
      'Sized on what the VM is given, or on what it uses (utilisation with 30 % head-room, never more than the allocation)',
    ),
  monthly: z.strictObject({
    compute: z.number().nonnegative(),
    storage: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
});

const CloudCost = z.strictObject({
  region: z.string(),
  storage: z.string().describe('The disk type storage is priced as'),
  servers: z.number().int().nonnegative().describe('Powered-on servers sized'),
  monthly: z.number().nonnegative(),
  poweredOff: z
    .strictObject({ servers: z.number().int().nonnegative(), monthly: z.number().nonnegative() })
    .describe('Powered-off servers sized, costed apart: they may not move'),
  unsized: z
    .number()
    .int()
    .nonnegative()
    .describe(
      'Servers not sized here: not ready on this cloud, or no vCPU or memory in the inventory, or larger than every size',
    ),
});

export const ServerCosts = z.strictObject({
  currency: z.string(),
  priceDate: z.string().describe('The day the prices were taken'),
  source: z.string().describe('built-in, or the --prices file'),
  hoursPerMonth: z.number().positive(),
  clouds: z.strictObject({ aws: CloudCost.optional(), azure: CloudCost.optional(), gcp: CloudCost.optional() }),
});

export type ServerCosts = z.infer<typeof ServerCosts>;

export const Server = z.strictObject({
  id: z.string().describe('The host id the inventories give (the graph node is host:<id>)'),
  name: z.string().describe('Its DNS name when known, else its id'),
  kind: z.enum(['vm', 'hypervisor', 'physical', 'mainframe', 'appliance', 'unknown']),
  powerState: z.enum(['on', 'off', 'suspended']).optional(),
  os: z
    .strictObject({
      name: z.string().describe('What the guest reports, else what the VM is configured for'),
      configured: z.string().optional(),
      reported: z.string().optional(),
      lifecycle: z
        .string()
        .optional()
        .describe('The system of the lifecycle table it matched (rules/catalogue/operating-systems.yaml)'),
      architecture: z
        .enum(['x86', 'power', 'sparc', 'itanium', 's390x'])
        .optional()
        .describe('What that system runs on'),
      endOfSupport: z.string().optional(),
      extendedUntil: z.string().optional(),
    })
    .optional(),
  cores: z.number().int().positive().optional(),
  memoryGiB: z.number().positive().optional(),
  storageGiB: z.number().positive().optional().describe('Provisioned'),
  storageUsedGiB: z.number().nonnegative().optional().describe('In use by the guest, where the inventory says'),
  disks: z
    .strictObject({
      count: z.number().int().nonnegative(),
      raw: z.number().int().nonnegative(),
      shared: z.number().int().nonnegative(),
      independent: z.number().int().nonnegative(),
    })
    .optional(),
  snapshots: z.number().int().nonnegative().optional(),
  nics: z
    .array(z.strictObject({ name: z.string(), adapter: z.string().optional(), network: z.string().optional() }))
    .optional()
    .describe('Network adapters, where an inventory lists them'),
  tools: z.enum(['ok', 'old', 'not-running', 'not-installed']).optional().describe('Guest tools state'),
  utilisation: z
    .strictObject({
      cpuPercent: z.number().optional(),
      memoryPercent: z.number().optional(),
      source: z.string().optional(),
    })
    .optional()
    .describe('Measured use in percent of the allocation; sizes are picked from it, with 30 % head-room, when present'),
  firmware: z.enum(['bios', 'efi']).optional(),
  addresses: z.array(z.string()),
  datacenter: z.string().optional(),
  cluster: z.string().optional(),
  hypervisor: z.string().optional(),
  environment: z.string().optional(),
  applications: z
    .array(z.string())
    .describe('Applications placed on it by an inventory, a host group or their own configuration'),
  records: z
    .array(z.strictObject({ file: z.string(), id: z.string() }))
    .describe('Every inventory record merged into this server'),
  readiness: z
    .strictObject({ aws: Readiness, azure: Readiness, gcp: Readiness })
    .optional()
    .describe('Whether it can be rehosted as it is, per cloud; absent for hypervisors and appliances'),
  targets: z
    .strictObject({ aws: Target.optional(), azure: Target.optional(), gcp: Target.optional() })
    .optional()
    .describe(
      'The cheapest size that holds what it needs (its measured use with head-room, else its allocation) on each cloud where it is not "not-ready", with its monthly cost (serverCosts says the prices used)',
    ),
});
export type Server = z.infer<typeof Server>;
