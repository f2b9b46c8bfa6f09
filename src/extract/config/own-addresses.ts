import type { ConfigFile } from './config-entries.js';

/** Where an application says it runs: the host or IP it binds to or announces itself as. */
export interface OwnAddress {
  host: string;
  key: string;
  file: string;
  line: number;
}

/**
 * Settings that name the application's own machine: Spring's server.address, Eureka's
 * instance hostname, bind/listen addresses, ASP.NET Core URLs, advertised hosts. Wildcards
 * (0.0.0.0, *, localhost) name no machine and are ignored.
 */
const OWN_ADDRESS_KEY =
  /(^|[._-])(server[._-]address|server[._-]host(name)?|instance[._-]hostname|bind[._-]?(address|host)|listen[._-]?(address|host)|advertised[._-]?(host(name)?|address)|public[._-]?hostname|aspnetcore[._-]urls|urls)$/i;

export function ownAddresses(configs: ConfigFile[]): OwnAddress[] {
  const found: OwnAddress[] = [];
  for (const config of configs) {
    for (const entry of config.entries) {
      if (!OWN_ADDRESS_KEY.test(entry.key)) continue;
      for (const value of entry.value.split(/[;,\s]+/)) {
        const host = /^(?:[a-z]+:\/\/)?\[?([^\]/:\s]+)\]?(?::\d+)?\/?$/i.exec(value.trim())?.[1]?.toLowerCase();
        if (!host || /^(0\.0\.0\.0|\*|\+|localhost|127\.0\.0\.1|::|::1)$/.test(host) || /[${}]/.test(host)) continue;
        if (found.some((other) => other.host === host && other.file === config.file && other.line === entry.line))
          continue;
        found.push({ host, key: entry.key, file: config.file, line: entry.line });
      }
    }
  }
  return found;
}
