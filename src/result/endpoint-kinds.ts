/** The kinds of service or datastore an application connects to: configuration, the graph, rules and the result all name them. */
export const ENDPOINT_KINDS = [
  'database',
  'message-broker',
  'cache',
  'directory',
  'mail',
  'file-transfer',
  'http-service',
  'object-storage',
  'remote-object',
] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];
