import { z } from 'zod';

/**
 * cloudready's own inventory (docs/inventory.md): hosts with their software and licences,
 * applications with the hosts they run on and their SLAs, and connections between hosts.
 * Strict: a misspelt field is an error with its line, not a silently lost fact.
 */
export const Licence = z.strictObject({
  model: z
    .enum([
      'per-core',
      'per-socket',
      'per-user',
      'node-locked',
      'dongle',
      'site',
      'subscription',
      'free',
      'open-source',
    ])
    .describe('How the software is licensed'),
  metric: z.string().optional().describe('Metric for subscriptions: MSU, PVU, vCPU ...'),
  cores: z.number().int().positive().optional(),
  byol: z.boolean().optional().describe('Whether the licence may be brought to a cloud provider'),
  server: z.string().optional().describe('Licence server host, for floating licences'),
  hostId: z.string().optional().describe('Host id a node-locked licence is bound to'),
});

export const Software = z.strictObject({
  name: z.string().min(1),
  vendor: z.string().optional(),
  version: z.string().optional(),
  licence: Licence.optional(),
});

export const Disk = z.strictObject({
  name: z.string().min(1).describe('Disk label, e.g. "Hard disk 1"'),
  capacityGiB: z.number().nonnegative(),
  raw: z.boolean().optional().describe('A raw device mapping (RDM): a LUN passed through, not a virtual disk'),
  shared: z.boolean().optional().describe('Shared with other VMs (multi-writer, a cluster disk)'),
  independent: z
    .boolean()
    .optional()
    .describe('Independent mode: left out of snapshots, and so of snapshot-based replication'),
});

export const Nic = z.strictObject({
  name: z.string().min(1).describe('Adapter label, e.g. "Network adapter 1"'),
  adapter: z.string().optional().describe('Adapter type: Vmxnet3, E1000E, SR-IOV, PCI pass-through ...'),
  network: z.string().optional().describe('Port group or network it is connected to'),
});

export const Utilisation = z.strictObject({
  cpuPercent: z.number().min(0).max(100).optional().describe('CPU in use, in percent of the vCPUs allocated'),
  memoryPercent: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe('Memory in use (active), in percent of the memory allocated'),
  source: z.string().optional().describe('Where the figures come from, e.g. "RVTools vCPU and vMemory (one moment)"'),
});

export const Host = z.strictObject({
  id: z.string().min(1).describe('Stable id used by applications and connections'),
  hostname: z.string().optional(),
  aliases: z
    .array(z.string())
    .default([])
    .describe('Other names of the same machine: discovery agent ids, VM UUIDs, CMDB ids'),
  ips: z.array(z.string()).default([]),
  os: z.strictObject({ name: z.string(), version: z.string().optional() }).optional(),
  platform: z.enum(['z/OS', 'AIX', 'HP-UX', 'Solaris', 'IBM i', 'Windows', 'Linux', 'other']).optional(),
  hardware: z.string().optional(),
  cpu: z.strictObject({ cores: z.number().int().positive(), architecture: z.string().optional() }).optional(),
  memoryGiB: z.number().positive().optional(),
  storageGiB: z.number().positive().optional(),
  storageUsedGiB: z
    .number()
    .nonnegative()
    .optional()
    .describe('Storage the guest uses of what is provisioned (RVTools In Use)'),
  environment: z.string().optional().describe('production, test, development ...'),
  location: z.string().optional().describe('Data centre or site'),
  virtualisation: z.string().optional().describe('LPAR, VMware vSphere 7.0, bare-metal ...'),
  kind: z
    .enum(['vm', 'hypervisor', 'physical', 'mainframe', 'appliance'])
    .optional()
    .describe('What the machine is; hypervisors and appliances are listed, not moved'),
  powerState: z.enum(['on', 'off', 'suspended']).optional(),
  osConfigured: z.string().optional().describe('The operating system the VM is configured for (RVTools)'),
  osReported: z.string().optional().describe('The operating system the guest tools report (RVTools)'),
  firmware: z.enum(['bios', 'efi']).optional(),
  cluster: z.string().optional().describe('Hypervisor cluster'),
  hypervisor: z.string().optional().describe('The hypervisor host the VM runs on'),
  disks: z.array(Disk).default([]),
  nics: z.array(Nic).default([]),
  tools: z
    .enum(['ok', 'old', 'not-running', 'not-installed'])
    .optional()
    .describe('Guest tools state (RVTools vTools): without running tools the guest OS and addresses are unconfirmed'),
  utilisation: Utilisation.optional().describe('What the server uses, for sizing on use rather than allocation'),
  snapshots: z.number().int().nonnegative().optional(),
  software: z.array(Software).default([]),
  groups: z
    .array(z.string())
    .default([])
    .describe('Groups or roles (Ansible groups, CMDB services); a group named like an application places it here'),
});

/** How much the business loses when an application stops, most first. */
export const CRITICALITIES = ['mission-critical', 'business-critical', 'important', 'low'] as const;

export const Sla = z.strictObject({
  availability: z.number().min(0).max(100).optional().describe('Target availability in percent, e.g. 99.9'),
  rtoMinutes: z.number().nonnegative().optional(),
  rpoMinutes: z.number().nonnegative().optional(),
  criticality: z.enum(CRITICALITIES).optional(),
  dataClassification: z.string().optional(),
});

export const InventoryApplication = z.strictObject({
  id: z
    .string()
    .min(1)
    .describe('The application id cloudready gives (its folder slug), or a name for applications without code'),
  hosts: z.array(z.string()).default([]),
  sla: Sla.optional(),
});

export const Connection = z.strictObject({
  source: z.string().min(1).describe('Host id, hostname or IP address'),
  target: z.string().min(1).describe('Host id, hostname or IP address'),
  port: z.number().int().positive().max(65535).optional(),
  protocol: z.string().optional(),
  volume: z.enum(['low', 'medium', 'high']).optional(),
  latencySensitive: z.boolean().optional(),
  observations: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('How often the connection was seen (time slots, samples); sets volume when none is given'),
  sourceProcess: z.string().optional(),
  targetProcess: z.string().optional(),
});

export const Inventory = z.strictObject({
  version: z.literal(1).describe('Format version'),
  hosts: z.array(Host).default([]),
  applications: z.array(InventoryApplication).default([]),
  connections: z.array(Connection).default([]),
});
export type Inventory = z.infer<typeof Inventory>;
