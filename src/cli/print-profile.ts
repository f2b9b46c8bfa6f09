import type { ProfileSummary } from '../util/scan-profile.js';
import { printable } from '../util/printable.js';

const STAGES = ['discover', 'extract', 'inventories', 'model', 'assess', 'plan'] as const;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2).padStart(7)} s`;

/** `scan --profile` on stderr: time per stage, the slowest rules and the slowest files, with what took the time. */
export function printProfile(profile: ProfileSummary): string {
  const lines = ['', 'Profile (this run; times differ run to run)', '  stages'];
  for (const stage of STAGES) {
    const ms = profile.stages[stage];
    if (ms !== undefined)
      lines.push(
        `  ${seconds(ms)}  ${stage.padEnd(12)} peak RSS ${Math.round(profile.stages[`${stage} peak RSS MiB`] ?? 0)} MiB`,
      );
  }
  const { threads, files } = profile.workers;
  lines.push(
    threads > 0
      ? `  extraction: ${files} files in ${threads} worker threads`
      : '  extraction: in the main thread (fewer than 300 tree-sitter files to parse, or --workers 0)',
  );
  if (profile.reusedApplications > 0)
    lines.push(
      `  ${profile.reusedApplications} ${profile.reusedApplications === 1 ? 'application' : 'applications'} read back from the cache: none of their files changed`,
    );
  lines.push('  slowest rules');
  if (!profile.rulesRan)
    lines.push('    none ran: the last assessment was reused from the cache (--no-cache runs them)');
  for (const { rule, ms } of profile.slowestRules) lines.push(`  ${seconds(ms)}  ${rule}`);
  lines.push('  slowest files');
  if (profile.slowestFiles.length === 0)
    lines.push('    none timed: every file came from the cache (--no-cache reads them again)');
  for (const { file, ms, by } of profile.slowestFiles)
    lines.push(`  ${seconds(ms)}  ${printable(file)}  (${printable(by)})`);
  return `${lines.join('\n')}\n`;
}
