import type { Config } from '../config/config-schema.js';
import type { OutsideFolder } from '../discover/find-applications.js';
import type { ApplicationFacts } from '../extract/application-facts.js';
import type { LoadedInventory } from '../extract/inventory/inventory-builder.js';
import type { LoadedPack } from '../assess/rules/load-rules.js';
import type { PricesFile } from '../plan/servers/instance-prices.js';
import type { Diagnostic } from '../result/schema.js';

/** One application's facts and what went wrong reading it. */
export interface GatheredApplication {
  facts: ApplicationFacts;
  diagnostics: Diagnostic[];
}

/** One inventory file: what it held (none when unusable) and what went wrong reading it. */
export interface GatheredInventory {
  /** Position in the sorted list of the portfolio's inventory files. */
  index: number;
  loaded?: LoadedInventory | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Everything read from disk: the settings, and the facts of the applications and inventories
 * this run was given (all of them, or one shard's). Assessing needs nothing else, so a shard can
 * hand this to another machine and `cloudready merge` assesses the whole.
 */
export interface GatheredFacts {
  /** The scanned paths as given. */
  roots: string[];
  config: Config;
  packs: LoadedPack[];
  /** Configuration, rule and walk problems: the same for every shard, so kept by shard 1 only. */
  setupDiagnostics: Diagnostic[];
  /** Files walked in the whole portfolio. */
  files: number;
  /** Ids of every application in the portfolio, in result order. */
  applicationIds: string[];
  /** Folders of files outside every application, with the reason. */
  outside: OutsideFolder[];
  /** Inventory files in the portfolio. */
  inventoryCount: number;
  applications: GatheredApplication[];
  inventories: GatheredInventory[];
  /** The --prices file, if one was given. */
  prices?: PricesFile;
}

/** Every diagnostic of gathered facts, in the order one scan meets them: setup and walk, applications, inventories. */
export function gatheredDiagnostics(gathered: GatheredFacts): Diagnostic[] {
  return [
    ...gathered.setupDiagnostics,
    ...gathered.applications.flatMap((app) => app.diagnostics),
    ...gathered.inventories.flatMap((inventory) => inventory.diagnostics),
  ];
}
