import type { Location } from '../source/source-facts.js';

/** One setting of a configuration file, flattened: `spring.datasource.url`, `connectionStrings.BillingDb`. */
export interface ConfigEntry {
  key: string;
  value: string;
  line: number;
}

export type ConfigFormat = 'properties' | 'yaml' | 'json' | 'xml' | 'env' | 'toml' | 'ini' | 'dockerfile' | 'procfile';

export interface ConfigFile {
  file: string;
  format: ConfigFormat;
  entries: ConfigEntry[];
  problems: { message: string; location: Location }[];
}

/** Files read as configuration, by name; anything else is not a configuration to flatten. */
export function configFormatOf(rel: string): ConfigFormat | undefined {
  const base = rel.slice(rel.lastIndexOf('/') + 1).toLowerCase();
  // Lockfiles are dependency data, read by their own extractors, and can be huge.
  if (/^(package-lock|npm-shrinkwrap|composer\.lock|pnpm-lock)\b/.test(base)) return undefined;
  // Message bundles and translations hold words shown to users ("Password", "E-Mail address"), not settings.
  if (isMessageBundle(rel, base)) return undefined;
  // System files copied into images (nsswitch.conf's `passwd: files` is no password).
  if (/^(nsswitch|resolv|host|hosts|ld\.so|sysctl|fstab|inittab)\.conf$/.test(base)) return undefined;
  if (/^(dockerfile|containerfile)(\.[\w-]+)?$/.test(base) || base.endsWith('.dockerfile')) return 'dockerfile';
  if (base === 'procfile') return 'procfile';
  if (/^\.env(\..+)?$/.test(base) || base.endsWith('.env')) return 'env';
  if (/\.properties$/.test(base)) return 'properties';
  if (/\.ya?ml$/.test(base)) return 'yaml';
  if (/\.json$/.test(base)) return 'json';
  if (/\.toml$/.test(base)) return 'toml';
  if (/\.(ini|cfg|conf)$/.test(base) && base !== 'setup.cfg') return 'ini';
  if (/\.(config|xml)$/.test(base) && !/^(pom|build)\.xml$/.test(base) && !/\.(csproj|vbproj)$/.test(base))
    return 'xml';
  return undefined;
}

const BUNDLE_FOLDER = /(^|\/)(i18n|l10n|locales?|lang|languages|translations|messages|bundles|nls)\//i;
const BUNDLE_NAME =
  /^(messages?|application_?resources|resources?|strings|labels|localization|language|lang|i18n|bundle|text|ui|errors|validation)([_.-][\w-]*)?\.(properties|json|ya?ml|ini)$/;
/** A Java resource bundle locale suffix: Messages_de.properties, ApplicationResources_zh_CN.properties (Spring profiles use a hyphen). */
const LOCALE_SUFFIX = /_[a-z]{2}(_[A-Z]{2})?\.properties$/;

function isMessageBundle(rel: string, base: string): boolean {
  if (BUNDLE_NAME.test(base) || (/\.properties$/.test(base) && LOCALE_SUFFIX.test(rel.slice(rel.lastIndexOf('/') + 1))))
    return true;
  return BUNDLE_FOLDER.test(rel) && /\.(properties|json|ya?ml|ini)$/.test(base);
}
