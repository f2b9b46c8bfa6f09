import { z } from 'zod';
import type { ApplicationFacts } from '../../../extract/application-facts.js';
import { dependentApplications } from '../../../model/dependents.js';
import { nodeId, type EdgeAttributes, type NodeAttributes } from '../../../model/portfolio-graph-types.js';
import type { Evidence } from '../../../result/schema.js';
import { compareStrings } from '../../../util/compare.js';
import { defineCondition, regexesOf } from '../condition-kind.js';
import type { ConditionMatch, MatcherCache } from '../matcher-cache.js';

export const GraphCondition = z.strictObject({
  dependsOn: z
    .strictObject({
      kind: z.array(z.string()).optional().describe('Node kinds: application, host, unknown-host, database, message-broker, library, licence ...'),
      label: z.string().optional().describe('Regular expression over the node label'),
      edge: z.array(z.string()).optional().describe('Edge kinds to follow: depends-on, connects-to, runs-on, shares-datastore ...; default: all but contains'),
    })
    .optional()
    .describe('The application has an edge to a node matching all given'),
  fanInAbove: z.number().int().nonnegative().optional().describe('More than this many other applications depend on it or share a datastore with it'),
});

/**
 * Predicates over the portfolio graph, seen from the application's node: what it depends on,
 * and how many applications depend on it. Evidence is placed at the application's folder.
 */
function evaluateGraphCondition(condition: z.infer<typeof GraphCondition>, facts: ApplicationFacts, cache: MatcherCache): ConditionMatch {
  const graph = cache.graph;
  const appNode = nodeId.application(facts.app.id);
  if (!graph?.hasNode(appNode)) return { matched: false, evidence: [] };
  const place = facts.app.path === '.' ? '.' : facts.app.path;
  const evidence: Evidence[] = [];
  let matched = true;
  if (condition.dependsOn) {
    const { kind, label, edge } = condition.dependsOn;
    const labelPattern = label ? cache.regex(label, 'i') : undefined;
    const found: string[] = [];
    const consider = (attributes: EdgeAttributes, other: NodeAttributes) => {
      if (attributes.kind === 'contains' || (edge && !edge.includes(attributes.kind))) return;
      if (kind && !kind.includes(other.kind)) return;
      if (labelPattern && !labelPattern.test(other.label)) return;
      const via = attributes.via ? `, via ${attributes.via}` : attributes.datastore ? `, ${attributes.datastore}` : '';
      found.push(`${attributes.kind} ${other.kind} ${other.label}${attributes.port ? ` (port ${attributes.port}${via})` : via ? ` (${via.slice(2)})` : ''}`);
    };
    graph.forEachOutEdge(appNode, (_edge, attributes, _source, _target, _sourceAttributes, targetAttributes) => consider(attributes, targetAttributes));
    // Sharing a datastore binds both applications; the edge is stored once, from the lower id.
    graph.forEachInEdge(appNode, (_edge, attributes, _source, _target, sourceAttributes) => {
      if (attributes.kind === 'shares-datastore') consider(attributes, sourceAttributes);
    });
    if (found.length === 0) matched = false;
    for (const snippet of [...new Set(found)].sort(compareStrings)) evidence.push({ file: place, snippet });
  }
  if (condition.fanInAbove !== undefined) {
    const dependents = new Set([...dependentApplications(graph, appNode)].map((node) => graph.getNodeAttribute(node, 'label')));
    if (dependents.size > condition.fanInAbove) evidence.push({ file: place, snippet: `${dependents.size} applications depend on it: ${[...dependents].sort(compareStrings).join(', ')}` });
    else matched = false;
  }
  return matched ? { matched, evidence } : { matched: false, evidence: [] };
}

export const graphCondition = defineCondition({
  key: 'graph',
  schema: GraphCondition,
  scope: 'portfolio',
  reads: 'the dependency graph',
  regexes: (body) => regexesOf('i', body.dependsOn?.label),
  evaluate: evaluateGraphCondition,
});
