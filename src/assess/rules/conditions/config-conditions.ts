import { ENDPOINT_KINDS } from '../../../result/endpoint-kinds.js';
import { z } from 'zod';
import { appRelOf, evidenceSnippetAt } from '../../evidence.js';
import type { Evidence } from '../../../result/schema.js';
import { defineCondition, regexesOf } from '../condition-kind.js';
import { Globs } from '../condition-fields.js';
import { NO_MATCH } from '../matcher-cache.js';

/*
 * Conditions over configuration facts: endpoints, secrets, settings and delivery artefacts.
 * Evidence names the setting and its line; a secret's evidence shows its key, never its value.
 */

export const EndpointCondition = z.strictObject({
  kind: z.array(z.enum(ENDPOINT_KINDS)).optional(),
  protocol: Globs.optional().describe('oracle, sqlserver, db2, h2, amqp, ldap, smtp, ftp, http ...'),
  host: z.string().optional().describe('Regular expression the host must match; (local) and (embedded) name databases on the machine or in the process'),
  notHost: z.string().optional().describe('Regular expression the host must not match, e.g. public services'),
});

export const SecretCondition = z.strictObject({
  kind: z.array(z.enum(['password', 'secret', 'token', 'key', 'connection-string', 'url-credentials'])).optional(),
  in: z.array(z.enum(['config', 'code'])).optional().describe('Where the secret is written: configuration settings, or literals in source code; default both'),
});

export const ConfigCondition = z.strictObject({
  key: Globs.describe('Flattened setting key: spring.datasource.url, configuration.system.web.sessionState.@mode'),
  notKey: Globs.optional().describe('Keys that do not count even when key matches, e.g. scratch folders (*temp*)'),
  value: z.string().optional().describe('Regular expression the value must match'),
  notValue: z.string().optional().describe('Regular expression the value must not match, e.g. USER root'),
  files: Globs.optional().describe('Globs relative to the application folder'),
});

export const DeliveryCondition = z.strictObject({
  has: z.array(z.enum(['ci', 'tests', 'container', 'iac', 'health-check'])).min(1).describe('True when the application has every one of these; use not: for absence'),
});

export const endpointCondition = defineCondition({
  key: 'endpoint',
  schema: EndpointCondition,
  scope: 'file',
  reads: 'endpoints',
  regexes: (body) => regexesOf('i', body.host, body.notHost),
  evaluate: (body, facts, cache) => {
    const protocols = body.protocol ? cache.glob(body.protocol) : undefined;
    const host = body.host ? cache.regex(body.host, 'i') : undefined;
    const notHost = body.notHost ? cache.regex(body.notHost, 'i') : undefined;
    const evidence: Evidence[] = [];
    for (const endpoint of facts.endpoints) {
      if (body.kind && !body.kind.includes(endpoint.kind)) continue;
      if (protocols && !protocols(endpoint.protocol)) continue;
      if (host && !host.test(endpoint.host)) continue;
      if (notHost?.test(endpoint.host)) continue;
      evidence.push({ file: endpoint.file, line: endpoint.line, snippet: evidenceSnippetAt(facts, endpoint.file, endpoint.line, `${endpoint.protocol}://${endpoint.host}`)! });
    }
    return { matched: evidence.length > 0, evidence };
  },
});

export const secretCondition = defineCondition({
  key: 'secret',
  schema: SecretCondition,
  scope: 'file',
  reads: 'secrets',
  evaluate: (body, facts) => {
    const evidence: Evidence[] = [];
    for (const secret of facts.secrets) {
      if (body.kind && !body.kind.includes(secret.kind)) continue;
      if (body.in && !body.in.includes(secret.inCode ? 'code' : 'config')) continue;
      // The key and where it is: enough to find it, nothing to leak.
      evidence.push({ file: secret.file, line: secret.line, snippet: `${secret.key} (${secret.kind}, value hidden)` });
    }
    return { matched: evidence.length > 0, evidence };
  },
});

export const configCondition = defineCondition({
  key: 'config',
  schema: ConfigCondition,
  scope: 'file',
  reads: 'typed settings',
  regexes: (body) => regexesOf('i', body.value, body.notValue),
  evaluate: (body, facts, cache) => {
    const keys = cache.glob(body.key);
    const excluded = body.notKey ? cache.glob(body.notKey) : undefined;
    const files = body.files ? cache.glob(body.files) : undefined;
    const value = body.value ? cache.regex(body.value, 'i') : undefined;
    const notValue = body.notValue ? cache.regex(body.notValue, 'i') : undefined;
    const evidence: Evidence[] = [];
    for (const config of facts.configs) {
      if (files && !files(appRelOf(facts, config.file))) continue;
      for (const entry of config.entries) {
        if (!keys(entry.key) || excluded?.(entry.key)) continue;
        if (value && !value.test(entry.value)) continue;
        if (notValue?.test(entry.value)) continue;
        evidence.push({ file: config.file, line: entry.line, snippet: evidenceSnippetAt(facts, config.file, entry.line, entry.key)! });
      }
    }
    return { matched: evidence.length > 0, evidence };
  },
});

export const deliveryCondition = defineCondition({
  key: 'delivery',
  schema: DeliveryCondition,
  scope: 'application',
  reads: 'delivery facts',
  evaluate: (body, facts) => {
    if (!body.has.every((aspect) => facts.delivery[aspect].length > 0)) return NO_MATCH;
    const evidence: Evidence[] = [];
    for (const aspect of body.has) for (const place of facts.delivery[aspect]) evidence.push({ file: place.file, ...(place.line ? { line: place.line } : {}) });
    return { matched: evidence.length > 0, evidence };
  },
});
