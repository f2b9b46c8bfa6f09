import fs from 'node:fs/promises';
import path from 'node:path';
import { allRules, BUILT_IN_RULES, loadRulePacks, type LoadedPack } from '../assess/rules/load-rules.js';
import { loadConfig } from '../config/load-config.js';
import type { Config } from '../config/config-schema.js';
import { resolveRoots, type ScanRoot } from '../discover/scan-root.js';
import { FactCache } from '../extract/fact-cache.js';
import type { Diagnostic } from '../result/schema.js';
import { isInside } from '../util/inside.js';
import { plural } from '../util/plural.js';
import { hasThresholds } from '../assess/gate.js';
import type { ScanOptions } from './scan-options.js';

/** What a scan is set up with before any file is walked: the folders, cloudready.yaml and the rule packs. */
export interface ScanSettings {
  roots: ScanRoot[];
  config: Config;
  packs: LoadedPack[];
  /** Problems with the settings themselves, reported with the scan's. */
  setupDiagnostics: Diagnostic[];
}

/** The scanned folders, their cloudready.yaml (confined to them when it came with the code) and the rule packs it and the command line name. */
export async function loadSettings(options: ScanOptions): Promise<ScanSettings> {
  const setupDiagnostics: Diagnostic[] = [];
  const roots = await resolveRoots(options.paths, options.cwd);
  const {
    config: found,
    file: configFile,
    trusted,
    notes: configNotes,
  } = await loadConfig(options.configFile, roots[0]?.onlyFile ? undefined : roots[0]?.dir);
  setupDiagnostics.push(...configNotes);
  const configDir = configFile ? path.dirname(configFile) : options.cwd;
  // A cloudready.yaml that came with the scanned code may not reach outside the scanned folders.
  const loaded = trusted ? found : await confineToRoots(found, configDir, options.cwd, roots, setupDiagnostics);
  if (configFile && !trusted) setupDiagnostics.push(appliedSettings(loaded, path.basename(configFile)));
  // --include-context adds to the file's list; the merged config is what the result cache digests.
  const config = options.includeContext?.length
    ? { ...loaded, includeContext: [...new Set([...loaded.includeContext, ...options.includeContext])].sort() }
    : loaded;
  const packCache =
    options.cacheDir && !options.packs ? await FactCache.open(options.cacheDir, ['rule packs']) : undefined;
  if (packCache?.note) options.notice?.(packCache.note);
  const packs =
    options.packs ??
    (await loadRulePacks(
      [
        BUILT_IN_RULES,
        ...config.rules.packs.map((folder) => path.resolve(configDir, folder)),
        ...(options.ruleFolders ?? []).map((folder) => path.resolve(options.cwd, folder)),
      ],
      setupDiagnostics,
      packCache,
    ));
  const packProblem = await packCache?.save();
  if (packProblem) options.notice?.(packProblem);
  const rules = allRules(packs);
  const known = new Set(rules.map((rule) => rule.id));
  checkRuleReferences(
    known,
    [...config.rules.disable, ...Object.keys(config.rules.severity)],
    configFile,
    setupDiagnostics,
  );
  for (const rule of rules) {
    for (const id of rule.supersedes)
      if (!known.has(id))
        setupDiagnostics.push({
          level: 'warning',
          code: 'unknown-rule',
          message: `rule ${rule.id} supersedes ${id}, which no loaded pack defines; check its spelling`,
        });
  }

  return { roots, config, packs, setupDiagnostics };
}

/**
 * An in-tree cloudready.yaml names inventories and rule packs only inside the scanned folders:
 * otherwise a repository could have the scan read (and print as host names) any file of the
 * machine it runs on. Entries that lead outside, through `..` or a symbolic link, are dropped with a warning.
 */
async function confineToRoots(
  config: Config,
  configDir: string,
  cwd: string,
  roots: ScanRoot[],
  diagnostics: Diagnostic[],
): Promise<Config> {
  // A path that does not exist reads nothing (and is reported as missing later); one that does must resolve inside.
  const inside = async (abs: string) => {
    const real = await fs.realpath(abs).catch(() => undefined);
    return real === undefined || roots.some((root) => isInside(real, root.dir));
  };
  const refuse = (what: string, given: string) =>
    diagnostics.push({
      level: 'warning',
      code: 'config-outside-roots',
      message: `cloudready.yaml in the scanned folder names ${what} ${given} outside the scanned folders: not read (name it with ${what === 'inventory' ? '--inventory' : '--rules'} or --config to use it)`,
    });
  const inventories: Config['inventories'] = [];
  for (const entry of config.inventories) {
    const given = typeof entry === 'string' ? entry : entry.path;
    if (await inside(path.resolve(cwd, given))) inventories.push(entry);
    else refuse('inventory', given);
  }
  const packs: string[] = [];
  for (const folder of config.rules.packs) {
    if (await inside(path.resolve(configDir, folder))) packs.push(folder);
    else refuse('rule pack', folder);
  }
  return { ...config, inventories, rules: { ...config.rules, packs } };
}

/** What an in-tree cloudready.yaml changed, so a reader of the report knows the code set some of its own rules. */
function appliedSettings(config: Config, name: string): Diagnostic {
  const { disable, severity, ignore, packs } = config.rules;
  const changes = [
    disable.length ? `${plural(disable.length, 'rule')} turned off (${disable.join(', ')})` : '',
    Object.keys(severity).length ? `${plural(Object.keys(severity).length, 'severity', 'severities')} changed` : '',
    ignore.length
      ? `${plural(ignore.length, 'ignore entry', 'ignore entries')} (suppressed places are listed as such)`
      : '',
    packs.length ? `${plural(packs.length, 'rule pack folder')} added` : '',
    config.exclude.length ? `${plural(config.exclude.length, 'exclude pattern')}` : '',
    config.applications.length
      ? `${plural(config.applications.length, 'application entry', 'application entries')}`
      : '',
    config.inventories.length ? `${plural(config.inventories.length, 'inventory file')}` : '',
    hasThresholds(config.gate) ? 'gate thresholds' : '',
  ].filter(Boolean);
  return {
    level: 'info',
    code: 'config-in-tree',
    file: name,
    message: `settings from ${name} in the scanned folder applied${changes.length ? `: ${changes.join('; ')}` : ''}`,
  };
}

/** A config that names a rule that does not exist is almost always a typo: say so. */
function checkRuleReferences(
  known: Set<string>,
  referenced: string[],
  configFile: string | undefined,
  diagnostics: Diagnostic[],
) {
  for (const id of referenced) {
    if (known.has(id)) continue;
    const where = configFile ? path.basename(configFile) : 'the configuration';
    diagnostics.push({
      level: 'warning',
      code: 'unknown-rule',
      message: `${where} names rule ${id}, which no loaded pack defines; check its spelling`,
    });
  }
}
