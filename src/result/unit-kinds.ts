/** What a deployable unit does: service, web, batch and mainframe units are migration candidates; library and desktop ones are listed apart. */
export const APPLICATION_KINDS = ['service', 'web', 'batch', 'mainframe', 'desktop', 'library'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** Kinds that are not server workloads: found and listed, never scored. */
export const SET_ASIDE_KINDS: ReadonlySet<ApplicationKind> = new Set(['desktop', 'library']);

/** What a part of an application, or a folder outside every application, is for. */
export const PART_KINDS = [
  'web',
  'library',
  'test',
  'tooling',
  'infrastructure',
  'docs',
  'example',
  'vendored',
  'inventory',
  'other',
] as const;
export type PartKind = (typeof PART_KINDS)[number];

/** Parts whose evidence counts toward the application's score: code and definitions that run in production. */
export const COUNTED_PARTS: ReadonlySet<PartKind> = new Set(['web', 'library', 'infrastructure']);
