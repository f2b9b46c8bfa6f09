import type { z } from 'zod';
import type { ConditionKind } from './condition-kind.js';
import { endpointCondition, secretCondition, configCondition, deliveryCondition } from './conditions/config-conditions.js';
import { dependencyCondition } from './conditions/dependency-condition.js';
import { runtimeCondition } from './conditions/runtime-condition.js';
import { graphCondition } from './conditions/graph-condition.js';
import { hostCondition, serverCondition, licenceCondition, slaCondition, connectionCondition } from './conditions/inventory-conditions.js';
import {
  importCondition,
  annotationCondition,
  apiCondition,
  mainframeCondition,
  jclCondition,
  literalCondition,
  entryPointCondition,
  scheduledJobCondition,
  dataAccessCondition,
  unitCondition,
} from './conditions/source-conditions.js';
import { patternCondition, fileCondition } from './conditions/text-conditions.js';

/**
 * Every kind of leaf condition a rule can use, from what reads the most resolved facts to what
 * reads plain text (the order `rules list` names what a rule reads in).
 */
export const CONDITION_KINDS = [
  importCondition,
  annotationCondition,
  apiCondition,
  dependencyCondition,
  runtimeCondition,
  literalCondition,
  endpointCondition,
  secretCondition,
  configCondition,
  mainframeCondition,
  jclCondition,
  entryPointCondition,
  scheduledJobCondition,
  dataAccessCondition,
  unitCondition,
  deliveryCondition,
  hostCondition,
  serverCondition,
  licenceCondition,
  slaCondition,
  connectionCondition,
  graphCondition,
  fileCondition,
  patternCondition,
] as const;

type Kinds = (typeof CONDITION_KINDS)[number];

/** A leaf condition as a rule writes it: one key, its body. */
export type LeafCondition = Kinds extends infer Kind ? (Kind extends ConditionKind<infer K, infer S> ? { [P in K]: z.infer<S> } : never) : never;

const BY_KEY = new Map<string, ConditionKind>(CONDITION_KINDS.map((kind) => [kind.key, kind as unknown as ConditionKind]));

/** The kind of a leaf condition, by its one key. */
export function kindOf(leaf: LeafCondition): { kind: ConditionKind; body: unknown } {
  const [key, body] = Object.entries(leaf)[0]!;
  return { kind: BY_KEY.get(key)!, body };
}
