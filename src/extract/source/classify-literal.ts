import type { LiteralKind } from './source-facts.js';

const URL = /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$|^jdbc:[a-z0-9]+:/i;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?::\d{1,5})?$/;
const HOST =
  /^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*\.(?:corp|local|internal|intra|intranet|lan|ad|com|net|org|io|de|fr|uk|nl|eu)(?::\d{1,5})?$/i;
const UNIX_PATH = /^\/(?:var|opt|data|export|mnt|srv|u0\d|home|tmp|etc|usr|app|apps|logs?|shared)(?:\/[\w.@+-]+)+\/?$/;
const WINDOWS_PATH = /^(?:[A-Za-z]:\\|\\\\[\w.-]+\\)[^\n"<>|?*]*$/;
/** The authority of a URL (up to the first slash after the scheme) holds an interpolation or a joined placeholder. */
const TEMPLATED_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/[^/\s]*[?$%{]/i;
/** Hosts that ask to be replaced: https://your-adfs-domain/, http://my-server-url-to-change, api.tobereplaced. */
const PLACEHOLDER_HOST =
  /^[a-z][a-z0-9+.-]*:\/\/([^/\s@]*@)?(your[-_.]|my-|change[-_]?me|replace[-_]?me)|^[a-z][a-z0-9+.-]*:\/\/[^/\s]*(tobereplaced|to-?change|placeholder|dummy)/i;
/** Namespaces and schema URLs name things; nobody connects to them. */
const NOT_ENDPOINTS =
  /^https?:\/\/(www\.)?(w3\.org|xmlns\.|java\.sun\.com|xmlns\.jcp\.org|schemas\.(microsoft|xmlsoap)\.com|maven\.apache\.org|json-schema\.org|purl\.org|example\.(com|org))/i;

/** What a string literal names, if it names a place: url, ip, host, path or port. */
export function classifyLiteral(value: string): LiteralKind | undefined {
  const text = value.trim();
  // A listen or connect address without a host (":8080"); bare numbers are too often not ports.
  if (/^:\d{2,5}$/.test(text) && Number(text.slice(1)) <= 65535) return 'port';
  if (text.length < 4 || text.length > 2048 || /\s/.test(text)) return undefined;
  // A URL assembled from variables ("smtp://$user@$host", `https://${host}/api`) names no host of its own.
  if (URL.test(text))
    return NOT_ENDPOINTS.test(text) || TEMPLATED_AUTHORITY.test(text) || PLACEHOLDER_HOST.test(text)
      ? undefined
      : 'url';
  if (IPV4.test(text)) return /^(127\.|0\.0\.0\.0|255\.)/.test(text) ? undefined : 'ip';
  // Where container platforms mount secrets is the platform's convention, not a server layout.
  if ((UNIX_PATH.test(text) && !/^\/(var\/)?run\/secrets(\/|$)/.test(text)) || WINDOWS_PATH.test(text)) return 'path';
  // Reverse-DNS package names (com.acme.orders.io) are not hosts.
  if (/^(com|org|net|java|javax|jakarta|io|system|microsoft)\./i.test(text)) return undefined;
  if (
    HOST.test(text) &&
    !/^\d/.test(text) &&
    !/\.(java|cs|ts|js|py|xml|json|html|txt|jar|dll|exe|log|csv)$/i.test(text)
  )
    return 'host';
  return undefined;
}
