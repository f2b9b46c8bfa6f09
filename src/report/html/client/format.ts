import type { Severity, Strategy } from '../../../result/schema.js';

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export const formatInteger = (value: number) => integer.format(value);
export const formatDays = (value: number) => decimal.format(value);
export const plural = (count: number, one: string, many = `${one}s`) =>
  `${formatInteger(count)} ${count === 1 ? one : many}`;

export const STRATEGIES: Strategy[] = [
  'rehost',
  'replatform',
  'refactor',
  'repurchase',
  'relocate',
  'retain',
  'retire',
];
export const SEVERITIES: Severity[] = ['blocker', 'major', 'minor', 'info'];

export const STRATEGY_COLOURS: Record<Strategy, string> = {
  rehost: '#2e7d32',
  replatform: '#1565c0',
  refactor: '#ef6c00',
  repurchase: '#6a1b9a',
  relocate: '#00838f',
  retain: '#c62828',
  retire: '#616161',
};

export const SEVERITY_COLOURS: Record<Severity, string> = {
  blocker: '#b71c1c',
  major: '#e65100',
  minor: '#b8860b',
  info: '#546e7a',
};

/** Red below 50, amber below 80, green from 80: the bands the terminal table colours by. */
export function scoreBand(score: number): 'low' | 'medium' | 'high' {
  return score < 50 ? 'low' : score < 80 ? 'medium' : 'high';
}
export const SCORE_COLOURS = { low: '#c62828', medium: '#ef8f00', high: '#2e7d32' } as const;

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}
