import { createHash } from 'node:crypto';
import type { Finding, ScanResult, ServerFinding, Severity } from '../result/schema.js';
import type { Reporter } from './reporter-types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  blocker: 'error',
  major: 'error',
  minor: 'warning',
  info: 'note',
};
/** GitHub code scanning orders alerts by this (0-10). */
const SECURITY_SEVERITY: Record<Severity, string> = { blocker: '9.0', major: '7.0', minor: '4.0', info: '1.0' };

/** A stable fingerprint per place: rule, application (or server), file and text, not the line. */
function placeFingerprint(ruleId: string, owner: string, file: string, snippet: string | undefined): string {
  return createHash('sha256')
    .update(`${ruleId}\n${owner}\n${file}\n${(snippet ?? '').replace(/\s+/g, ' ').trim()}`)
    .digest('hex')
    .slice(0, 32);
}

/** A place as SARIF locates it: the file under the scanned folder, and the line when there is one. */
function location(place: { file: string; line?: number | undefined }) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(place.file), uriBaseId: '%SRCROOT%' },
      ...(place.line ? { region: { startLine: place.line } } : {}),
    },
  };
}

/** Where a finding without a place is shown: the application's first manifest, else its folder. */
function applicationLocation(result: ScanResult, finding: Finding): string {
  const app = result.applications.find((candidate) => candidate.id === finding.applicationId);
  return app?.manifests[0] ?? (app && app.path !== '.' ? app.path : '.');
}

/**
 * SARIF 2.1.0 for code-scanning UIs (GitHub, Azure DevOps, GitLab): one run, every rule that
 * fired with its help text, and one result per place of each finding, with a fingerprint that
 * survives line moves so that alerts are tracked across commits.
 */
export const sarifReport: Reporter = (result) => {
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));
  const results = result.findings.flatMap((finding) => {
    const places =
      finding.evidence.length > 0
        ? finding.evidence
        : [{ file: applicationLocation(result, finding), line: undefined, snippet: undefined }];
    return places.map((place) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? 0,
      level: LEVEL[finding.severity],
      message: { text: `${finding.message} in ${finding.applicationId}${place.snippet ? `: ${place.snippet}` : ''}` },
      locations: [location(place)],
      partialFingerprints: {
        'cloudready/v1': placeFingerprint(finding.ruleId, finding.applicationId, place.file, place.snippet),
      },
      properties: {
        applicationId: finding.applicationId,
        severity: finding.severity,
        effort: finding.effort,
        ...(finding.strategyHint ? { strategyHint: finding.strategyHint } : {}),
        ...(finding.baselineState ? { baselineState: finding.baselineState } : {}),
      },
      ...(finding.baselineState
        ? {
            baselineState:
              finding.baselineState === 'existing'
                ? 'unchanged'
                : finding.baselineState === 'changed'
                  ? 'updated'
                  : 'new',
          }
        : {}),
    }));
  });
  // A server that runs no application has findings of its own, at its record in the inventory.
  const onServers = result.serverFindings.flatMap((finding) =>
    finding.evidence.map((place) => serverResult(finding, place, ruleIndex.get(finding.ruleId) ?? 0)),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cloudready',
            version: result.tool.version,
            rules: result.rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/[^A-Za-z0-9]+(.)/g, (_, next: string) => next.toUpperCase()),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              help: {
                text: `${rule.description}\n\nWhat to do: ${rule.remediation}${rule.references.length ? `\n\nReferences: ${rule.references.join(' ')}` : ''}`,
                markdown: `${rule.description}\n\n**What to do.** ${rule.remediation}${rule.references.length ? `\n\n${rule.references.map((url) => `- <${url}>`).join('\n')}` : ''}`,
              },
              ...(rule.references[0] ? { helpUri: rule.references[0] } : {}),
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: {
                tags: [...new Set(['cloud-migration', rule.category, ...rule.labels])],
                'security-severity': SECURITY_SEVERITY[rule.severity],
                severity: rule.severity,
                effort: rule.effort,
                ...(rule.strategy ? { strategy: rule.strategy } : {}),
              },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The scanned folder' } } },
        results: [...results, ...onServers],
        properties: { scannedAt: result.scannedAt, roots: result.roots },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};

function serverResult(finding: ServerFinding, place: ServerFinding['evidence'][number], ruleIndex: number) {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: `${finding.message}${place.snippet ? `: ${place.snippet}` : ''}` },
    locations: [location(place)],
    partialFingerprints: {
      'cloudready/v1': placeFingerprint(finding.ruleId, `host:${finding.serverId}`, place.file, place.snippet),
    },
    properties: {
      serverId: finding.serverId,
      severity: finding.severity,
      effort: finding.effort,
      ...(finding.strategyHint ? { strategyHint: finding.strategyHint } : {}),
    },
  };
}
