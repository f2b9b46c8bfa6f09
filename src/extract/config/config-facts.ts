import type { SourceFacts } from '../source/source-facts.js';
import type { ConfigFile } from './config-entries.js';
import { endpointsInHostSettings, endpointsInValue, type Endpoint } from './endpoints.js';
import { secretsIn, type Secret } from './secrets.js';

export interface EndpointFact extends Endpoint {
  file: string;
  line: number;
  /** The setting that names it; absent for string literals in code. */
  key?: string;
}

export interface SecretFact extends Secret {
  file: string;
}

/** Endpoints and secrets of one application, from its configuration files and its code's URL literals. */
export function collectEndpointsAndSecrets(
  configs: ConfigFile[],
  sources: SourceFacts[],
): { endpoints: EndpointFact[]; secrets: SecretFact[] } {
  const endpoints: EndpointFact[] = [];
  const secrets: SecretFact[] = [];
  const ownRoutes = routesOf(sources);
  for (const config of configs) {
    for (const entry of config.entries) {
      // Dockerfile commands (RUN, CMD, HEALTHCHECK) talk to the container itself; only settings name dependencies.
      if (config.format === 'dockerfile' && !/^(ENV|ARG)\./.test(entry.key)) continue;
      if (namesOwnAddress(entry.key) || callsItself(entry.value, ownRoutes)) continue;
      for (const endpoint of endpointsInValue(entry.value))
        endpoints.push({ ...endpoint, file: config.file, line: entry.line, key: entry.key });
    }
    for (const { line, ...endpoint } of endpointsInHostSettings(config.entries)) {
      endpoints.push({
        ...endpoint,
        file: config.file,
        line,
        key: config.entries.find((entry) => entry.line === line)?.key ?? '',
      });
    }
    for (const secret of secretsIn(config.entries)) secrets.push({ ...secret, file: config.file });
  }
  for (const source of sources) {
    for (const literal of source.literals) {
      if (literal.kind !== 'url' || callsItself(literal.value, ownRoutes)) continue;
      for (const endpoint of endpointsInValue(literal.value))
        endpoints.push({ ...endpoint, file: literal.location.file, line: literal.location.line });
    }
  }
  return { endpoints: dedupe(endpoints), secrets };
}

function dedupe(endpoints: EndpointFact[]): EndpointFact[] {
  const seen = new Set<string>();
  return endpoints.filter((endpoint) => {
    const key = `${endpoint.file}\0${endpoint.line}\0${endpoint.protocol}\0${endpoint.host}\0${endpoint.port ?? ''}\0${endpoint.database ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Settings that name the application's own address or the callers it lets in (its base URL, OAuth
 * redirect URIs, CORS origins): the application serves them, it does not depend on them.
 */
export function namesOwnAddress(key: string): boolean {
  const segments = key.split(/[.[\]:@/]+/).filter(Boolean);
  if (segments.some((segment) => /redirect|callback|^cors|origins?$/i.test(segment))) return true;
  const last = segments.at(-1) ?? '';
  const parent = segments.at(-2);
  if (/^(server|app|application|site|public|self|external|canonical)[-_]?(base)?[-_]?ur[li]$/i.test(last)) return true;
  return (
    /^base[-_]?ur[li]$/i.test(last) &&
    (parent === undefined || /^(server|app|application|site|web|http|servlet)$/i.test(parent))
  );
}

/** The application's own HTTP routes of some length (one short segment like /api would say nothing). */
function routesOf(sources: SourceFacts[]): string[] {
  const routes = new Set<string>();
  for (const source of sources) {
    for (const entry of source.entryPoints) {
      const route = entry.kind === 'http-route' ? entry.detail?.replace(/\{[^}]*\}.*$|:\w.*$|\/+$/g, '') : undefined;
      if (route && route.length >= 8 && route.split('/').filter(Boolean).length >= 2) routes.add(route);
    }
  }
  return [...routes];
}

/**
 * A URL on this machine whose path ends in one of the application's own routes is the
 * application calling itself (cargotracker's graph traversal URL): no other service is needed.
 */
function callsItself(value: string, routes: string[]): boolean {
  if (routes.length === 0) return false;
  const match = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+)(:\d+)?(\/[^\s?#]*)/i.exec(value.trim());
  const path = match?.[3]?.replace(/\/+$/, '');
  return path !== undefined && routes.some((route) => path.endsWith(route) || path.includes(`${route}/`));
}
