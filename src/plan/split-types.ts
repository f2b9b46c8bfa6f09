/** The shape of a split proposal: types only, so that the HTML report's page script can share them. */

/** A metric's value, or null with the reason it cannot be computed. */
export interface SplitMetric {
  value: number | null;
  reason?: string;
}

export interface SplitMetrics {
  /** What the metrics were computed over: every server class (top-level; nested ones with their class), in services and shared libraries; and which links. */
  over: { classes: number; groups: number; links: number; edges: 'static' | 'runtime' };
  modularity: SplitMetric;
  sm: SplitMetric;
  icp: SplitMetric;
  ifn: SplitMetric;
  ned: SplitMetric;
  bcp: SplitMetric;
}

export interface SplitService {
  name: string;
  units: string[];
  entities: string[];
  entryPoints: string[];
  inbound: { unit: string; from: string[] }[];
  outbound: { unit: string; service: string }[];
  sharedLibraries: string[];
}

/** One step of the extraction: the service that leaves the monolith, the data that moves with it, the calls that become remote. */
export interface ExtractionStep {
  service: string;
  why: string;
  tables: string[];
  remoteCalls: { from: string; to: string }[];
}

export interface SplitProposal {
  application: string;
  choice: { services: number; grown: number; modularity: number; why: string };
  /** The history read for co-change coupling, when the folder is a git repository. */
  history?: { commits: number; pairs: number };
  /** Measured calls read with --calls: pairs of server classes they join. */
  runtimeCalls?: { pairs: number };
  services: SplitService[];
  sharedLibraries: { name: string; units: string[]; usedBy: string[] }[];
  /** The web front end (browser code): one unit of the split, with the services that serve HTTP routes it can call. */
  frontEnd?: { units: string[]; services: string[] };
  conflicts: { entity: string; owner: string; writers: { service: string; units: string[] }[]; suggestion: string }[];
  extractionOrder: ExtractionStep[];
  metrics: SplitMetrics;
  weights: Record<string, number>;
}
