import type { BaselineDocument } from '../assess/baseline.js';
import type { GateThresholds } from '../assess/gate.js';
import type { LoadedPack } from '../assess/rules/load-rules.js';
import type { Origin } from '../discover/origin.js';
import type { ScanProfile } from '../util/scan-profile.js';
import type { StageTimings } from '../util/stage-timer.js';

/** What a scan is asked to do: the pipeline's options, in a module of their own so that its stages need not import scan.ts back. */
export interface ScanOptions {
  paths: string[];
  cwd: string;
  configFile?: string | undefined;
  /** Inventory files outside the scanned folders (`--inventory`), in addition to those found under inventory/. */
  inventoryFiles?: string[];
  /** A price list to size and cost servers with instead of the built-in one (`--prices`; docs/inventory.md). */
  pricesFile?: string | undefined;
  /** Extra rule folders, after the built-in packs and those cloudready.yaml names. */
  ruleFolders?: string[];
  /** Packs already loaded (rule tests): no folder is read. */
  packs?: LoadedPack[];
  /** Gate thresholds from the command line; they override cloudready.yaml's portfolio thresholds. */
  gate?: GateThresholds;
  /** An earlier result: only what is new counts for the gate. */
  baseline?: BaselineDocument;
  now?: () => Date;
  /** Folder of the content-hash cache of extracted facts (the CLI's .cloudready/cache); none: every file is parsed. */
  cacheDir?: string | undefined;
  /** Told what the user should know that is not part of the result (a cache that could not be written). */
  notice?: (message: string) => void;
  /** Worker threads for source extraction (0 or absent: all in this thread); used only for trees large enough to pay for them. */
  workers?: number | undefined;
  /** Origins whose evidence counts for every rule (--include-context), besides cloudready.yaml's includeContext. */
  includeContext?: Origin[] | undefined;
  /** Follow links to folders among a scanned folder's own entries (default true; --no-follow-symlinks). */
  followSymlinks?: boolean | undefined;
  /** Places listed per finding; the accuracy harness (npm run corpus) asks for all of them. Not part of the result cache's key: use it without a cache. */
  evidenceLimit?: number;
  /** Filled with milliseconds per stage, for the benchmark; never part of the result (it would differ run to run). */
  timings?: StageTimings;
  /** Filled with what took the time (stages, rules, files) for `scan --profile`. */
  profile?: ScanProfile;
}

export type Stage = 'discover' | 'extract' | 'model' | 'assess';
export type ProgressListener = (stage: Stage, detail: string) => void;
