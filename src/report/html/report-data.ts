import type { ApplicationSplit } from '../../plan/split-types.js';
import type {
  Application,
  Diagnostic,
  EndpointRecord,
  Finding,
  GraphEdge,
  GraphNode,
  RuleInfo,
  ScanResult,
} from '../../result/schema.js';

/**
 * What the HTML report's page script renders: the result, trimmed to what a reader sees, plus
 * the split proposals the report computes. Types only, shared by the Node side and the page.
 */
export interface ReportData {
  title: string;
  /** The cover: client, author and confidentiality line, when given. */
  document: { client?: string; author?: string; classification?: string };
  tool: ScanResult['tool'];
  schemaVersion: string;
  scannedAt: string;
  roots: string[];
  rulePacks: ScanResult['rulePacks'];
  summary: ScanResult['summary'];
  scoringModel: ScanResult['scoringModel'];
  applications: Application[];
  /** Display names of language ids (`csharp` → C#): one label in the terminal and the report. */
  languageNames: Record<string, string>;
  /** Libraries and desktop clients: listed, not migration candidates. */
  setAside: ScanResult['setAside'];
  findings: ReportFinding[];
  rules: RuleInfo[];
  endpoints: EndpointRecord[];
  /** The portfolio graph: everything but the code (units and modules live in the split proposals). */
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
  graphAnalysis: ScanResult['graphAnalysis'];
  waves: ScanResult['waves'];
  /** Servers of the inventories, with readiness, sizes and costs per cloud. */
  hosts: ScanResult['hosts'];
  serverCosts?: ScanResult['serverCosts'];
  splits: ReportSplit[];
  /** Three to five sentences a steering committee reads first. */
  keyMessages: string[];
  /** The portfolio's main risks in plain language, most serious first. */
  risks: Risk[];
  inventories: ScanResult['inventories'];
  suppressed: { applicationId: string; count: number }[];
  diagnostics: Diagnostic[];
  gate?: ScanResult['gate'];
  baseline?: ScanResult['baseline'];
  /** Evidence places shown with code context per finding; the rest show their matched line. */
  contextPlaces: number;
  /** Evidence places listed per finding; the JSON result has more. */
  maxPlaces: number;
}

/** A split proposal, or why an application has none. */
export type ReportSplit = ApplicationSplit;

export interface Risk {
  severity: 'blocker' | 'major' | 'minor';
  text: string;
  applications: string[];
}

/** A finding without what its rule already says: title and remediation only where they differ. */
export type ReportFinding = Omit<Finding, 'title' | 'remediation' | 'fingerprint'> & {
  title?: string;
  remediation?: string;
};
