import type { Application, RuleInfo } from '../../../result/schema.js';
import type { ReportData, ReportFinding, ReportSplit } from '../report-data.js';

/** The report data with the lookups the pages need, built once at load. */
export interface ReportIndex {
  data: ReportData;
  apps: Map<string, Application>;
  findingsByApp: Map<string, ReportFinding[]>;
  rules: Map<string, RuleInfo>;
  splits: Map<string, ReportSplit>;
  waveOf: Map<string, number>;
  stays: Map<string, string>;
  suppressed: Map<string, number>;
  /** Criticality and owner from the inventories and cloudready.yaml, by application id. */
  business: Map<string, { criticality?: string; owner?: string }>;
}

function group<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

export function indexReport(data: ReportData): ReportIndex {
  const waveOf = new Map<string, number>();
  for (const wave of data.waves.waves) for (const app of wave.applications) waveOf.set(app, wave.number);
  return {
    data,
    apps: new Map(data.applications.map((app) => [app.id, app])),
    findingsByApp: group(data.findings, (finding) => finding.applicationId),
    rules: new Map(data.rules.map((rule) => [rule.id, rule])),
    splits: new Map(data.splits.map((split) => [split.applicationId, split])),
    waveOf,
    stays: new Map(data.waves.staying.map((stay) => [stay.application, stay.reason])),
    suppressed: new Map(data.suppressed.map((item) => [item.applicationId, item.count])),
    business: new Map(
      data.graph.nodes
        .filter((node) => node.kind === 'application')
        .map((node) => {
          const { criticality, owner } = node.attributes ?? {};
          return [
            node.id.slice('app:'.length),
            {
              ...(typeof criticality === 'string' ? { criticality } : {}),
              ...(typeof owner === 'string' ? { owner } : {}),
            },
          ];
        }),
    ),
  };
}
