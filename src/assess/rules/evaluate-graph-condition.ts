import type { ApplicationFacts } from '../../extract/application-facts.js';
import { dependentApplications } from '../../model/dependents.js';
import { nodeId, type EdgeAttributes, type NodeAttributes } from '../../model/portfolio-graph-types.js';
import type { Evidence } from '../../result/schema.js';
import { compareStrings } from '../../util/compare.js';
import type { ConditionMatch, MatcherCache } from './evaluate-condition.js';
import type { GraphPredicate } from './rule-schema.js';

/**
 * Predicates over the portfolio graph, seen from the application's node: what it depends on,
 * and how many applications depend on it. Evidence is placed at the application's folder.
 */
export function evaluateGraphCondition(condition: GraphPredicate['graph'], facts: ApplicationFacts, cache: MatcherCache): ConditionMatch {
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
