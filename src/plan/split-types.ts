/** The shape of a split proposal: types only, so that the HTML report's page script can share them. */

export interface SplitMetrics {
  modularity: number;
  sm: number;
  icp: number;
  ifn: number;
  ned: number;
  bcp: number;
  stability: number;
  resolutionStability: number;
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

export interface SplitProposal {
  application: string;
  choice: { services: number; resolution: number; why: string };
  /** The history read for co-change coupling, when the folder is a git repository. */
  history?: { commits: number; pairs: number };
  services: SplitService[];
  sharedLibraries: { name: string; units: string[]; usedBy: string[] }[];
  conflicts: { entity: string; owner: string; writers: { service: string; units: string[] }[]; suggestion: string }[];
  extractionOrder: { service: string; why: string }[];
  metrics: SplitMetrics;
  weights: Record<string, number>;
}
