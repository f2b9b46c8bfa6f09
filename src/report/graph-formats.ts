/** The graph command's formats, apart from their exporters so that the CLI can list them without loading those. */
export const GRAPH_FORMATS = ['tree', 'json', 'dot', 'mermaid', 'gexf', 'graphml', 'neo4j'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];
