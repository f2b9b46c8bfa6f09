import type { Finding, GraphEdge, RuleInfo, ScanResult } from '../../result/schema.js';
import type { ReportData, ReportFinding } from './report-data.js';
import { keyMessages } from './key-messages.js';
import { topRisks } from './top-risks.js';
import { languageById } from '../../languages/registry.js';
import type { DocumentInfo } from '../reporter-types.js';

/** Code-level nodes: the split proposals show them; the portfolio graph would drown in them. */
const CODE_KINDS = new Set(['unit', 'module']);
/** Places per finding shown with the code around them; the rest show their matched line. */
export const CONTEXT_PLACES = 3;
/** Places listed per finding: enough to find the pattern; the JSON result lists more. */
export const MAX_PLACES = 10;

/** The scanned folders by name: the path on the machine that scanned them is no part of a client's report. */
const folderNames = (result: ScanResult) =>
  result.roots.map((root) => root.split(/[\\/]/).filter(Boolean).at(-1) ?? root);

function title(result: ScanResult, document: DocumentInfo): string {
  return document.title?.trim() || `Cloud readiness: ${folderNames(result).join(', ') || 'portfolio'}`;
}

/** The cover lines that were given, trimmed; an empty one is no line. */
function cover(document: DocumentInfo): ReportData['document'] {
  const lines = {
    client: document.client?.trim(),
    author: document.author?.trim(),
    classification: document.classification?.trim(),
  };
  return Object.fromEntries(Object.entries(lines).filter(([, value]) => value)) as ReportData['document'];
}

/** A finding as the page needs it: what its rule says once, in the rules; its first places only. */
function compactFinding(finding: Finding, rules: Map<string, RuleInfo>): ReportFinding {
  const { title, remediation, fingerprint, evidence, ...rest } = finding;
  const rule = rules.get(finding.ruleId);
  return {
    ...rest,
    ...(rule?.title === title ? {} : { title }),
    ...(rule?.remediation.trim() === remediation ? {} : { remediation }),
    evidence: evidence.slice(0, MAX_PLACES).map((item, at) => {
      if (at < CONTEXT_PLACES || !item.context) return item;
      const { context, ...place } = item;
      return place;
    }),
  };
}

/**
 * The portfolio graph without code nodes. What code does (reads a table, calls a transaction)
 * is lifted to its application, so that the data it touches stays connected.
 */
function portfolioGraph(result: ScanResult): ReportData['graph'] {
  const nodes = result.graph.nodes.filter((node) => !CODE_KINDS.has(node.kind));
  const kept = new Set(nodes.map((node) => node.id));
  const owner = new Map<string, string>();
  for (const edge of result.graph.edges)
    if (edge.kind === 'contains' && edge.source.startsWith('app:')) owner.set(edge.target, edge.source);
  const edges = new Map<string, GraphEdge>();
  for (const edge of result.graph.edges) {
    if (edge.kind === 'contains') continue;
    const source = kept.has(edge.source) ? edge.source : owner.get(edge.source);
    const target = kept.has(edge.target) ? edge.target : owner.get(edge.target);
    if (!source || !target || source === target) continue;
    const key = `${source}\0${target}\0${edge.kind}`;
    if (!edges.has(key))
      edges.set(key, source === edge.source && target === edge.target ? edge : { source, target, kind: edge.kind });
  }
  return { nodes, edges: [...edges.values()] };
}

/** Display names of the languages the applications hold (`csharp` → C#), as the terminal table shows them. */
function languageNames(result: ScanResult): Record<string, string> {
  const ids = [...new Set(result.applications.flatMap((app) => Object.keys(app.languages)))].sort();
  return Object.fromEntries(ids.map((id) => [id, languageById(id)?.name ?? id]));
}

/** The result as the HTML report's page script reads it. */
export function buildReportData(result: ScanResult, document: DocumentInfo = {}): ReportData {
  const rules = new Map(result.rules.map((rule) => [rule.id, rule]));
  const suppressed = new Map<string, number>();
  for (const item of result.suppressed)
    suppressed.set(item.applicationId, (suppressed.get(item.applicationId) ?? 0) + 1);
  return {
    title: title(result, document),
    document: cover(document),
    tool: result.tool,
    schemaVersion: result.schemaVersion,
    scannedAt: result.scannedAt,
    roots: folderNames(result),
    rulePacks: result.rulePacks,
    summary: result.summary,
    scoringModel: result.scoringModel,
    applications: result.applications,
    languageNames: languageNames(result),
    setAside: result.setAside,
    findings: result.findings.map((finding) => compactFinding(finding, rules)),
    rules: result.rules,
    endpoints: result.endpoints,
    graph: portfolioGraph(result),
    graphAnalysis: result.graphAnalysis,
    waves: result.waves,
    hosts: result.hosts,
    ...(result.serverCosts ? { serverCosts: result.serverCosts } : {}),
    // The split the scan made: the same as cloudready split prints.
    splits: result.splits,
    keyMessages: keyMessages(result),
    risks: topRisks(result),
    inventories: result.inventories,
    suppressed: [...suppressed].map(([applicationId, count]) => ({ applicationId, count })),
    diagnostics: result.diagnostics,
    ...(result.gate ? { gate: result.gate } : {}),
    ...(result.baseline ? { baseline: result.baseline } : {}),
    contextPlaces: CONTEXT_PLACES,
    maxPlaces: MAX_PLACES,
  };
}
