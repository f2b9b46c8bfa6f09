import type { z } from 'zod';
export const RepoList: z.ZodType<{ repositories: { name: string; commit: string; covers: string }[] }>;
export const TruthFile: z.ZodType<Truth>;
export interface Judgement {
  rule?: string;
  category?: string;
  file?: string;
  application?: string;
  line?: number;
  report: boolean;
  why: string;
}
export interface Truth {
  repository: string;
  judged: string;
  applications: {
    name: string;
    path: string;
    kind: string;
    score?: [number, number];
    strategy?: string[];
    why?: string;
  }[];
  findings: Judgement[];
  split?: { application: string; source: string; contexts: Record<string, string[]> };
}
export interface Place {
  rule: string;
  category: string;
  severity: string;
  application: string;
  applicationPath?: string;
  file?: string;
  line?: number;
  snippet?: string;
  origin?: string;
}
export interface ResultLike {
  applications: { id: string; name: string; path: string; score: number; strategy: string; kind?: string }[];
  findings: {
    ruleId: string;
    category: string;
    severity: string;
    applicationId: string;
    evidence: { file: string; line?: number; snippet?: string; origin?: string }[];
  }[];
}
export interface RepositoryJudgement {
  places: number;
  truePositives: number;
  judgedPlaces: Place[];
  falsePositives: { place: Place; entry: Judgement }[];
  unjudged: Place[];
  mustReport: number;
  missed: Judgement[];
  mustNotHits: Judgement[];
  judgements: number;
  applications: {
    expected: Truth['applications'][number];
    found?: ResultLike['applications'][number];
    identity: string[];
    problems: string[];
    matched: boolean;
  }[];
  extraApplications: ResultLike['applications'];
}
export function reportedPlaces(result: ResultLike): Place[];
export function judgementOf(entries: Judgement[], place: Place): Judgement | undefined;
export function judgeResult(result: ResultLike, truth: Truth): RepositoryJudgement;
export function referenceContext(contexts: Record<string, string[]>, className: string): string | undefined;
export function rates(judgement: RepositoryJudgement): { precision?: number; recall?: number };
