import type { Bond } from '../server-units.js';

export interface WaveOptions {
  /** Applications per wave at most (a move group larger than this gets a wave of its own). */
  maxPerWave?: number | undefined;
  /** Hosts per wave at most. */
  maxHostsPerWave?: number | undefined;
  /** Person-days of effort per wave at most (typical figures). */
  effortBudget?: number | undefined;
  /** Servers no application runs on, per wave at most (default 25: a replication batch). */
  maxServersPerWave?: number | undefined;
}

export interface MoveGroup {
  id: string;
  applications: string[];
  hosts: string[];
  datastores: string[];
  bonds: Bond[];
}

export interface CrossingLink {
  from: string;
  to: string;
  port?: number | undefined;
  volume?: string | undefined;
  latencySensitive: boolean;
  /** Until when the link crosses: the staying side never moves, or the wave the other side moves in. */
  until: string;
}

export interface Wave {
  number: number;
  groups: MoveGroup[];
  applications: string[];
  hosts: string[];
  effort: number;
  reasons: string[];
}

export interface WavePlan {
  waves: Wave[];
  staying: { application: string; reason: string }[];
  /** Servers no application runs on that no cloud can take as they are. */
  stayingServers: { server: string; reason: string }[];
  crossingLinks: CrossingLink[];
}
