import type { MultiDirectedGraph } from 'graphology';

export interface NodeAttributes {
  kind: string;
  label: string;
  [key: string]: string | number | boolean;
}
export interface EdgeAttributes {
  kind: string;
  [key: string]: string | number | boolean;
}
export type PortfolioGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export const nodeId = {
  application: (id: string) => `app:${id}`,
  module: (path: string) => `module:${path}`,
  library: (ecosystem: string, name: string) => `lib:${ecosystem}:${name}`,
  unit: (app: string, unit: string) => `unit:${app}:${unit}`,
  dataset: (dsn: string) => `dataset:${dsn}`,
  transaction: (app: string, transid: string) => `transaction:${app}:${transid}`,
  resource: (kind: string, app: string, name: string) => `${kind}:${app}:${name}`,
  host: (id: string) => `host:${id}`,
  software: (name: string, version?: string) => `software:${name}${version ? `@${version}` : ''}`,
  licence: (software: string, model: string) => `licence:${software}:${model}`,
  /** A machine seen in traffic that no inventory describes. */
  address: (address: string) => `address:${address}`,
  /** Shared across applications unless local to one machine or process. */
  endpoint: (
    app: string,
    e: { protocol: string; host: string; port?: number | undefined; database?: string | undefined },
  ) =>
    `endpoint:${e.host.startsWith('(') ? `${app}/` : ''}${e.protocol}://${e.host}${e.port ? `:${e.port}` : ''}${e.database ? `/${e.database}` : ''}`,
};
