import type { ConfigEntry } from './config-entries.js';
import type { EndpointKind } from '../../result/endpoint-kinds.js';

export type { EndpointKind } from '../../result/endpoint-kinds.js';

/** Where an application connects to: a datastore or service, without credentials. */
export interface Endpoint {
  kind: EndpointKind;
  /** oracle, sqlserver, postgresql, db2, amqp, ldap, smtp, http ... */
  protocol: string;
  /** Host name or IP; `(local)` for databases on the application's own machine, `(embedded)` for in-process ones. */
  host: string;
  port?: number;
  database?: string;
}

const SCHEMES: Record<string, [EndpointKind, string]> = {
  postgres: ['database', 'postgresql'],
  postgresql: ['database', 'postgresql'],
  mysql: ['database', 'mysql'],
  mariadb: ['database', 'mariadb'],
  mongodb: ['database', 'mongodb'],
  'mongodb+srv': ['database', 'mongodb'],
  sqlserver: ['database', 'sqlserver'],
  oracle: ['database', 'oracle'],
  redis: ['cache', 'redis'],
  rediss: ['cache', 'redis'],
  memcached: ['cache', 'memcached'],
  amqp: ['message-broker', 'amqp'],
  amqps: ['message-broker', 'amqp'],
  mqtt: ['message-broker', 'mqtt'],
  kafka: ['message-broker', 'kafka'],
  tcp: ['message-broker', 'tcp'],
  ssl: ['message-broker', 'tcp'],
  nats: ['message-broker', 'nats'],
  stomp: ['message-broker', 'stomp'],
  wmq: ['message-broker', 'ibm-mq'],
  ldap: ['directory', 'ldap'],
  ldaps: ['directory', 'ldap'],
  smtp: ['mail', 'smtp'],
  smtps: ['mail', 'smtp'],
  imap: ['mail', 'imap'],
  ftp: ['file-transfer', 'ftp'],
  ftps: ['file-transfer', 'ftp'],
  sftp: ['file-transfer', 'sftp'],
  http: ['http-service', 'http'],
  https: ['http-service', 'http'],
  t3: ['remote-object', 't3'],
  t3s: ['remote-object', 't3'],
  iiop: ['remote-object', 'iiop'],
  s3: ['object-storage', 's3'],
  tibjmsnaming: ['message-broker', 'tibjmsnaming'],
  tibjms: ['message-broker', 'tibjms'],
};
const DEFAULT_PORTS: Record<string, number> = {
  oracle: 1521,
  sqlserver: 1433,
  postgresql: 5432,
  mysql: 3306,
  db2: 50000,
  redis: 6379,
  amqp: 5672,
  ldap: 389,
  smtp: 25,
  ftp: 21,
  sftp: 22,
};
/** Namespaces and schema locations are URLs nobody connects to. */
const NOT_ENDPOINTS =
  /^https?:\/\/(www\.)?(w3\.org|xmlns\.|java\.sun\.com|xmlns\.jcp\.org|schemas\.(microsoft|xmlsoap)\.com|maven\.apache\.org|json-schema\.org|purl\.org|mybatis\.org|www\.springframework\.org\/schema|logging\.apache\.org)/i;

/** Endpoints named in one value: JDBC URLs, URLs, ADO.NET connection strings. */
export function endpointsInValue(value: string): Endpoint[] {
  // `${MYSQL_URL:jdbc:mysql://db/petclinic}` (Spring) or `${DB_URL:-…}` (shell): the default is what runs when nothing overrides it.
  const text = /^\$\{[^:}]+:-?(.*)\}$/.exec(value.trim())?.[1] ?? value.trim();
  const jdbc = jdbcEndpoint(text);
  if (jdbc) return [jdbc];
  if (/(^|;)\s*(server|data source|host|address|addr)\s*=/i.test(text) && text.includes(';')) {
    const connection = connectionStringEndpoint(text);
    return connection ? [connection] : [];
  }
  // failover:(tcp://a:61616,tcp://b:61616) and other lists of URLs
  // A path ends at a brace or quote too: `{url: "mysql://db/shop"}` names the database shop.
  return [
    ...text.matchAll(
      /\b([a-z][a-z0-9+.-]*):\/\/(?:[^@/\s,;()]*@)?(\[[^\]]+\]|[^:/\s,;()?#]+)(?::(\d{1,5}))?(\/[^\s,;()?#{}'"]*)?/gi,
    ),
  ]
    .filter((match) => !NOT_ENDPOINTS.test(match[0]))
    .flatMap((match) => {
      const scheme = match[1]!.toLowerCase();
      const known = SCHEMES[scheme];
      if (!known || !match[2] || /[${}]/.test(match[2])) return [];
      const [kind, protocol] = known;
      const database = kind === 'database' ? match[4]?.replace(/^\//, '') || undefined : undefined;
      return [
        {
          kind,
          protocol,
          host: match[2].toLowerCase(),
          ...port(match[3], protocol),
          ...(database ? { database } : {}),
        },
      ];
    });
}

function jdbcEndpoint(text: string): Endpoint | undefined {
  const match = /^jdbc:([a-z0-9]+):(.*)$/i.exec(text);
  if (!match) return undefined;
  const vendor = match[1]!.toLowerCase();
  const rest = match[2]!;
  if (/^(h2|hsqldb|derby|sqlite)$/.test(vendor))
    return {
      kind: 'database',
      protocol: vendor,
      host:
        /^(mem|file):|^[./~]|^[a-z]:\\/i.test(rest) || vendor === 'sqlite'
          ? '(embedded)'
          : (hostOf(rest) ?? '(embedded)'),
    };
  const protocol = vendor === 'microsoft' || vendor === 'jtds' ? 'sqlserver' : vendor;
  // Oracle: thin:@host:port:SID, thin:@//host:port/service, or a TNS DESCRIPTION
  const tns = /\(HOST\s*=\s*([^)]+)\).*?\(PORT\s*=\s*(\d+)\).*?(?:SERVICE_NAME|SID)\s*=\s*([^)]+)\)/is.exec(rest);
  if (tns)
    return {
      kind: 'database',
      protocol,
      host: tns[1]!.trim().toLowerCase(),
      port: Number(tns[2]),
      database: tns[3]!.trim(),
    };
  const oracle = /@(?:\/\/)?([^:/\s]+)(?::(\d+))?[:/]([\w.$-]+)/.exec(rest);
  if (protocol === 'oracle' && oracle)
    return {
      kind: 'database',
      protocol,
      host: oracle[1]!.toLowerCase(),
      ...port(oracle[2], protocol),
      database: oracle[3]!,
    };
  // Others: //host:port/database or //host:port;databaseName=x
  const url = /\/\/([^:/;?\s]+)(?::(\d+))?(?:\/([^;?\s]+))?/.exec(rest);
  if (!url) return undefined;
  const database = url[3] ?? /databaseName=([^;]+)/i.exec(rest)?.[1];
  return {
    kind: 'database',
    protocol,
    host: url[1]!.toLowerCase(),
    ...port(url[2], protocol),
    ...(database ? { database } : {}),
  };
}

/** ADO.NET: Server=host,port;Database=x  or  Data Source=(LocalDB)\MSSQLLocalDB;AttachDbFilename=... */
function connectionStringEndpoint(text: string): Endpoint | undefined {
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const server =
    parts.get('server') ?? parts.get('data source') ?? parts.get('host') ?? parts.get('address') ?? parts.get('addr');
  if (!server) return undefined;
  const database = parts.get('database') ?? parts.get('initial catalog') ?? parts.get('attachdbfilename');
  const local = /^(\(localdb\)|\.|\(local\)|localhost|127\.0\.0\.1)([\\,]|$)/i.test(server);
  const [host, portText] = server.replace(/^tcp:/i, '').split(/[,:]/);
  const protocol = parts.has('port') || /^(host|port)$/.test([...parts.keys()][0] ?? '') ? 'postgresql' : 'sqlserver';
  return {
    kind: 'database',
    protocol,
    host: local ? '(local)' : host!.toLowerCase(),
    ...port(parts.get('port') ?? portText, protocol),
    ...(database ? { database } : {}),
  };
}

function hostOf(rest: string): string | undefined {
  return /\/\/([^:/;?\s]+)/.exec(rest)?.[1]?.toLowerCase();
}

function port(text: string | undefined, protocol: string): { port?: number } {
  const value = text ? Number(text) : DEFAULT_PORTS[protocol];
  return value && value > 0 && value < 65536 ? { port: value } : {};
}

/** Any other service named by a host setting (inventory.host, ledger.server): a dependency of unknown protocol. */
const GENERIC_HOST_KIND: [RegExp, EndpointKind, string] = [/./, 'http-service', 'tcp'];
/** Settings like `smtp.host=10.20.1.25` (+ `smtp.port`): the kind comes from the key. */
const HOST_KEY = /^(.*?)[._-]?(host|hostname|server|servers|address|addresses|brokers|bootstrap-servers)$/i;
const KEY_KINDS: [RegExp, EndpointKind, string][] = [
  [/smtp|mail/i, 'mail', 'smtp'],
  [/ldap|directory|\bad\b/i, 'directory', 'ldap'],
  [/s?ftp/i, 'file-transfer', 'ftp'],
  [/redis|cache|memcache/i, 'cache', 'redis'],
  [/mq|jms|amqp|rabbit|kafka|broker|queue/i, 'message-broker', 'broker'],
  [/db|database|datasource|sql|oracle|postgres|mysql/i, 'database', 'database'],
  GENERIC_HOST_KIND,
];

export function endpointsInHostSettings(entries: ConfigEntry[]): (Endpoint & { line: number })[] {
  const found: (Endpoint & { line: number })[] = [];
  for (const entry of entries) {
    const match = HOST_KEY.exec(entry.key);
    const kindOf = match && KEY_KINDS.find(([pattern]) => pattern.test(match[1]!));
    if (!match || !kindOf) continue;
    // `${KAFKA_BROKERS:kafka01:9092}`: the default after the colon is what runs when nothing overrides it.
    const value = entry.value.replace(/^\$\{[^:}]+:(.*)\}$/, '$1');
    for (const address of value.split(',').map((part) => part.trim())) {
      const [host, portText] = address.split(':');
      if (
        !host ||
        !/^[a-z0-9][a-z0-9.-]*$/i.test(host) ||
        /^(localhost|127\.0\.0\.1|0\.0\.0\.0)$/i.test(host) ||
        !/[.a-z]/i.test(host)
      )
        continue;
      // A setting of no known kind names a host only with a domain or as an address: `mex` is a WCF relative address.
      if (kindOf === GENERIC_HOST_KIND && !host.includes('.')) continue;
      const portEntry = entries.find(
        (other) =>
          other.key.toLowerCase() === `${match[1]}.port`.toLowerCase() ||
          other.key.toLowerCase() === `${match[1]}_port`.toLowerCase(),
      );
      found.push({
        kind: kindOf[1],
        protocol: kindOf[2],
        host: host.toLowerCase(),
        ...port(portText ?? portEntry?.value, kindOf[2]),
        line: entry.line,
      });
    }
  }
  return found;
}
