import type { Category } from '../assess/scoring-model.js';

/**
 * Rule categories as a client reads them. "state" and "storage" are different problems (what a
 * server keeps in memory between requests; files kept on its disks) that read alike as single
 * words; the labels say which is which.
 */
export const CATEGORY_LABELS: Record<Category, string> = {
  architecture: 'architecture',
  availability: 'availability',
  configuration: 'configuration',
  data: 'data',
  delivery: 'delivery',
  licensing: 'licensing',
  mainframe: 'mainframe',
  middleware: 'middleware',
  networking: 'networking',
  observability: 'observability',
  platform: 'platform',
  'resource-intensive': 'resource-intensive work',
  scheduling: 'scheduling',
  security: 'security',
  state: 'session and in-memory state',
  storage: 'local files and disks',
};

/** A category's label; one outside the list (an older result) as it is. */
export const categoryLabel = (category: string) => (CATEGORY_LABELS as Record<string, string>)[category] ?? category;
