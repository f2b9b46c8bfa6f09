import { readFileSync } from 'node:fs';

/** The package version, read from package.json beside src/ and dist/, so there is one source of truth. */
export const TOOL_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
