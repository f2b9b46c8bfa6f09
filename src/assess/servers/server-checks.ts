import type { Host } from '../../extract/inventory/inventory-schema-types.js';
import { platformOf } from '../../extract/inventory/inventory-values.js';
import { CLOUD_NAMES, CLOUDS, type Cloud } from './clouds.js';
import type { OsSystem, OsTable } from './os-lifecycle.js';

/**
 * What can stand between a server and a cloud, as the `server` rule condition names it
 * (rules/servers.yaml) and the readiness verdicts count it.
 */
export const SERVER_CHECKS = [
  'os-not-offered',
  'os-conditional',
  'os-unknown',
  'os-past-support',
  'os-extended-support',
  'os-support-ending',
  'os-conflict',
  'uefi-boot',
  'disk-limits',
  'raw-disk',
  'shared-disk',
  'independent-disk',
  'snapshots',
  'passthrough-nic',
  'tools-not-running',
] as const;
export type ServerCheckId = (typeof SERVER_CHECKS)[number];

/** One thing found about a server: what it is, where it blocks or conditions a move, and in words. */
export interface ServerCheck {
  check: ServerCheckId;
  /** Clouds where it stops a rehost; on the others (`conditions`) it is work to do first. */
  blocks: Cloud[];
  conditions: Cloud[];
  /** Whether the verdict is unknown rather than a condition. */
  unknown?: true;
  /** Per cloud, when the words name the cloud; else one text for all. */
  text: string | Partial<Record<Cloud, string>>;
  /** The words for all clouds at once, where joining the per-cloud texts would repeat itself. */
  summary?: string;
}

/** Kinds of machine that are not moved as they are: a hypervisor is replaced by the cloud, an appliance by its vendor's offer. */
const NOT_MOVED = new Set<Host['kind']>(['hypervisor', 'appliance']);

export function isMoved(host: Host): boolean {
  return !NOT_MOVED.has(host.kind);
}

/** The operating system a host runs, as the inventory names it: what the guest reports, else what it is configured for. */
export function hostOs(host: Host): string | undefined {
  const named = host.os ? [host.os.name, host.os.version].filter(Boolean).join(' ') : undefined;
  return host.osReported || named || host.osConfigured;
}

const memo = new WeakMap<Host, { table: OsTable; checks: ServerCheck[] }>();

/**
 * Everything found about one server, blockers and conditions alike, from the inventory alone:
 * its operating system (offered on each cloud, supported by its vendor on the table's date,
 * bootable there), its disks (count, size, raw, shared, independent), snapshots, NICs and guest
 * tools. Empty for machines that are not moved. Remembered per host: rules and verdicts ask again.
 */
export function serverChecks(host: Host, table: OsTable): ServerCheck[] {
  if (!isMoved(host)) return [];
  const known = memo.get(host);
  if (known?.table === table) return known.checks;
  const os = hostOs(host);
  const system = os ? table.find(os) : undefined;
  const checks = [...osChecks(host, table, os, system), ...diskChecks(host, table), ...deviceChecks(host)];
  memo.set(host, { table, checks });
  return checks;
}

/** The words of a check on one cloud. */
export function checkText(check: ServerCheck, cloud: Cloud): string {
  return typeof check.text === 'string' ? check.text : (check.text[cloud] ?? '');
}

/** The words of a check on every cloud it concerns, each once. */
export function checkTexts(check: ServerCheck): string[] {
  const { text } = check;
  if (typeof text === 'string') return [text];
  if (check.summary) return [check.summary];
  return [...new Set(CLOUDS.flatMap((cloud) => text[cloud] ?? []))];
}

const everywhere = (check: ServerCheckId, text: string): ServerCheck => ({
  check,
  blocks: [],
  conditions: [...CLOUDS],
  text,
});

function osChecks(host: Host, table: OsTable, os: string | undefined, system: OsSystem | undefined): ServerCheck[] {
  if (!system) {
    const text = os
      ? `operating system "${os}" is not in the lifecycle table of ${table.asOf}`
      : 'the inventory names no operating system';
    return [{ check: 'os-unknown', blocks: [], conditions: [...CLOUDS], unknown: true, text }];
  }
  const checks: ServerCheck[] = [];
  const unsupported = CLOUDS.filter((cloud) => system.clouds[cloud] === 'unsupported');
  const conditional = CLOUDS.filter((cloud) => system.clouds[cloud] === 'conditional');
  const note = system.note ? `: ${system.note}` : '';
  if (unsupported.length > 0)
    checks.push({
      check: 'os-not-offered',
      blocks: unsupported,
      conditions: [],
      text: Object.fromEntries(
        unsupported.map((cloud) => [cloud, `${CLOUD_NAMES[cloud]} runs no ${system.name}${note}`]),
      ),
    });
  if (conditional.length > 0)
    checks.push({
      check: 'os-conditional',
      blocks: [],
      conditions: conditional,
      text: Object.fromEntries(
        conditional.map((cloud) => [cloud, `${system.name} runs on ${CLOUD_NAMES[cloud]} only with conditions${note}`]),
      ),
    });
  const { endOfSupport, extendedUntil } = system;
  if (endOfSupport && endOfSupport < table.asOf) {
    if (extendedUntil && extendedUntil >= table.asOf)
      checks.push(
        everywhere(
          'os-extended-support',
          `${system.name}: vendor support ended ${endOfSupport}; security updates only with paid extended support, until ${extendedUntil}`,
        ),
      );
    else
      checks.push(
        everywhere(
          'os-past-support',
          `${system.name}: no security updates since ${extendedUntil ?? endOfSupport}; upgrade before or during the move`,
        ),
      );
  } else if (endOfSupport && endOfSupport < addYear(table.asOf))
    checks.push(
      everywhere(
        'os-support-ending',
        `${system.name}: vendor support ends ${endOfSupport}; plan the upgrade with the move`,
      ),
    );
  const configured = host.osConfigured ? table.find(host.osConfigured) : undefined;
  // A generic setting ("Ubuntu Linux (64-bit)") or another minor release is no conflict; another system is.
  if (
    host.osConfigured &&
    host.osReported &&
    ((configured && configured.id !== system.id) || platformOf(host.osConfigured) !== platformOf(host.osReported))
  )
    checks.push(
      everywhere(
        'os-conflict',
        `configured as "${host.osConfigured}", but the guest tools report "${host.osReported}": the tools are taken; correct the VM's setting before replication`,
      ),
    );
  if (host.firmware === 'efi' && system.uefi === false)
    checks.push(
      everywhere(
        'uefi-boot',
        `boots with UEFI, which no cloud boots ${system.name} with: convert it to BIOS boot, or upgrade the system, before replication`,
      ),
    );
  return checks;
}

function diskChecks(host: Host, table: OsTable): ServerCheck[] {
  const checks: ServerCheck[] = [];
  // Each limit a disk passes, with the clouds whose limit it is: "over the largest disk of AWS and Azure (65536 GiB)".
  const over = new Map<string, Cloud[]>();
  const add = (reason: string, cloud: Cloud) => over.set(reason, [...(over.get(reason) ?? []), cloud]);
  for (const cloud of CLOUDS) {
    const limits = table.limits[cloud];
    if (host.disks.length > limits.maxDisks)
      add(`${host.disks.length} disks, more than the ${limits.maxDisks} a VM attaches on`, cloud);
    for (const disk of host.disks)
      if (disk.capacityGiB > limits.maxDiskGiB)
        add(`${disk.name} is ${disk.capacityGiB} GiB, over the largest disk (${limits.maxDiskGiB} GiB) of`, cloud);
    const boot = host.disks[0];
    if (boot && limits.maxOsDiskGiB && boot.capacityGiB > limits.maxOsDiskGiB)
      add(
        `${boot.name} (the boot disk) is ${boot.capacityGiB} GiB, over the ${limits.maxOsDiskGiB} GiB limit for OS disks of`,
        cloud,
      );
  }
  const blocked = CLOUDS.filter((cloud) => [...over.values()].some((clouds) => clouds.includes(cloud)));
  if (blocked.length > 0) {
    const said = (reasons: [string, Cloud[]][]) =>
      reasons.map(([reason, clouds]) => `${reason} ${listOf(clouds.map((cloud) => CLOUD_NAMES[cloud]))}`).join('; ');
    const text = Object.fromEntries(
      blocked.map((cloud) => [
        cloud,
        said([...over].filter(([, clouds]) => clouds.includes(cloud)).map(([reason]) => [reason, [cloud]])),
      ]),
    );
    checks.push({ check: 'disk-limits', blocks: blocked, conditions: [], text, summary: said([...over]) });
  }
  const named = (flag: 'raw' | 'shared' | 'independent') =>
    host.disks
      .filter((disk) => disk[flag])
      .map((disk) => disk.name)
      .join(', ');
  const raw = named('raw');
  if (raw)
    checks.push(
      everywhere(
        'raw-disk',
        `raw device mapping (${raw}): copy the LUN's data to a cloud disk; snapshot-based replication does not carry physical-mode RDMs`,
      ),
    );
  const shared = named('shared');
  if (shared)
    checks.push(
      everywhere('shared-disk', `shared disk (${shared}): a cluster needs the cloud's shared or multi-attach disks`),
    );
  const independent = named('independent');
  if (independent)
    checks.push(
      everywhere(
        'independent-disk',
        `independent disk (${independent}): left out of snapshots, so snapshot-based replication skips it`,
      ),
    );
  if (host.snapshots)
    checks.push(
      everywhere(
        'snapshots',
        `${host.snapshots} snapshot${host.snapshots === 1 ? '' : 's'}: consolidate before replication`,
      ),
    );
  return checks;
}

/** Adapters bound to the physical host's hardware: no replication tool carries them. */
const PASSTHROUGH = /passthr|sr-?iov|directpath|pvrdma/i;

function deviceChecks(host: Host): ServerCheck[] {
  const checks: ServerCheck[] = [];
  const passthrough = host.nics
    .filter((nic) => nic.adapter && PASSTHROUGH.test(nic.adapter))
    .map((nic) => `${nic.name} (${nic.adapter})`);
  if (passthrough.length > 0)
    checks.push(
      everywhere(
        'passthrough-nic',
        `pass-through network adapter ${passthrough.join(', ')}: tied to the ESXi host's hardware; replace it with a virtual adapter and check what needed it (low latency, a licence bound to the card)`,
      ),
    );
  if (host.powerState !== 'off' && (host.tools === 'not-running' || host.tools === 'not-installed'))
    checks.push(
      everywhere(
        'tools-not-running',
        `VMware Tools ${host.tools === 'not-installed' ? 'not installed' : 'not running'}: the guest's OS and addresses are unconfirmed, and agentless replication needs the tools`,
      ),
    );
  return checks;
}

function listOf(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function addYear(day: string): string {
  return `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
}
