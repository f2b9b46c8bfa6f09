import type { ScanResult } from '../result/schema.js';
import type { Reporter } from './reporter-types.js';

function xml(text: string): string {
  // XML 1.0 cannot carry most control characters at all: drop them, escape the rest.
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/[<>&"']/g, (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[char]};`)
  );
}

/**
 * JUnit XML, one test case per application: it fails when the application fails the CI gate
 * (docs/ci.md), and carries its score, strategy and findings so that test dashboards show why.
 */
export const junitReport: Reporter = (result: ScanResult) => {
  const failures = new Map((result.gate?.failures ?? []).map((failure) => [failure.applicationId, failure.reasons]));
  const cases = result.applications.map((app) => {
    const findings = result.findings.filter((finding) => finding.applicationId === app.id);
    const details = findings.map(
      (finding) =>
        `${finding.severity.toUpperCase()} ${finding.ruleId}: ${finding.message}${finding.evidence[0] ? ` (${finding.evidence[0].file}${finding.evidence[0].line ? `:${finding.evidence[0].line}` : ''})` : ''}`,
    );
    const summary = `score ${app.score}, ${app.strategy} (else ${app.strategyRunnerUp.strategy}), ${app.findingCounts.blocker} blockers, ${app.findingCounts.major} major, ${app.findingCounts.minor} minor, effort ${app.effortRange.low}-${app.effortRange.high} days`;
    const reasons = failures.get(app.id);
    return [
      `    <testcase classname="cloudready.${xml(app.id)}" name="${xml(app.name)} is ready to move" time="0">`,
      ...(reasons
        ? [
            `      <failure message="${xml(reasons.join('; '))}" type="cloudready.gate">${xml([summary, ...details].join('\n'))}</failure>`,
          ]
        : []),
      `      <system-out>${xml([summary, ...details].join('\n'))}</system-out>`,
      '    </testcase>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cloudready" tests="${result.applications.length}" failures="${failures.size}" errors="0">`,
    `  <testsuite name="cloudready migration readiness" tests="${result.applications.length}" failures="${failures.size}" errors="0" skipped="0" timestamp="${xml(result.scannedAt)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
