import type { Host } from './inventory-schema-types.js';

/**
 * A number as exports write it: "1,024", "1.024,5" (European), "16384 MB", " 8 ". Undefined
 * when the cell is blank or not a number, so that a bad cell never becomes 0.
 */
export function parseNumber(text: string, decimal?: ','): number | undefined {
  const match = /^(-?\d[\d.,' ]*\d|-?\d)\s*(k?b|[kmgt]i?b|gb|%|cores?|vcpus?)?$/i.exec(text.trim());
  if (!match) return undefined;
  let digits = match[1]!.replace(/[ ']/g, '');
  // The file says how it writes numbers: "16.384" is sixteen thousand where commas are decimal.
  if (decimal === ',') {
    const value = Number(digits.replace(/\./g, '').replace(',', '.'));
    return Number.isFinite(value) ? value : undefined;
  }
  const comma = digits.lastIndexOf(',');
  const dot = digits.lastIndexOf('.');
  // Several dots (or several commas) can only group thousands: 2.048.000, 1,024,000.
  if (comma === -1 && digits.split('.').length > 2) digits = digits.replace(/\./g, '');
  else if (dot === -1 && digits.split(',').length > 2) digits = digits.replace(/,/g, '');
  else if (comma !== -1 && dot !== -1)
    digits = comma > dot ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  // A lone comma followed by exactly three digits groups thousands; otherwise it is a decimal comma.
  else if (comma !== -1)
    digits =
      /,\d{3}$/.test(digits) && digits.split(',').length === 2 ? digits.replace(',', '') : digits.replace(/,/g, '.');
  const value = Number(digits);
  return Number.isFinite(value) ? value : undefined;
}

/** A size to one decimal, as inventories give GiB. */
export function tenths(value: number): number {
  return Math.round(value * 10) / 10;
}

export function parsePositiveInteger(text: string): number | undefined {
  const value = parseNumber(text);
  return value !== undefined && value > 0 ? Math.round(value) : undefined;
}

/** A TCP/UDP port: digits only, 1-65535. */
export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text.trim())) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

export function parseBoolean(text: string): boolean | undefined {
  if (/^(true|yes|y|1|x|ja|oui)$/i.test(text.trim())) return true;
  if (/^(false|no|n|0|nein|non)$/i.test(text.trim())) return false;
  return undefined;
}

/** The platform family of an operating system name, for the platform rules. */
export function platformOf(os: string): Host['platform'] {
  if (!os.trim()) return undefined;
  if (/z\/?os|\bmvs\b|os\/390/i.test(os)) return 'z/OS';
  if (/\baix\b/i.test(os)) return 'AIX';
  if (/hp-?ux/i.test(os)) return 'HP-UX';
  if (/solaris|sunos/i.test(os)) return 'Solaris';
  if (/\bibm i\b|os\/400|as\/400|i5\/os/i.test(os)) return 'IBM i';
  if (/windows/i.test(os)) return 'Windows';
  if (/linux|red ?hat|rhel|centos|ubuntu|debian|suse|sles|rocky|alma|fedora|photon/i.test(os)) return 'Linux';
  return 'other';
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export function isIpAddress(text: string): boolean {
  return IPV4.test(text) || (/^[0-9a-f:]+$/i.test(text) && text.includes(':') && text.split(':').length > 2);
}

/** Addresses that name no particular machine: never used to recognise a host. */
export function isAnonymousAddress(address: string): boolean {
  return /^(127\.|0\.0\.0\.0$|169\.254\.|::1?$|fe80:|::ffff:127\.)/i.test(address);
}

/**
 * An address on the internet: not private (RFC 1918, carrier-grade NAT, unique local IPv6), not
 * loopback or link-local, not reserved for documentation. Traffic to one goes to a public service
 * or a cloud, not to a machine of the estate that an inventory missed.
 */
export function isPublicAddress(address: string): boolean {
  const text = normaliseAddress(address);
  if (!isIpAddress(text) || isAnonymousAddress(text)) return false;
  if (text.includes(':')) return !/^(f[cd]|fe[89ab]|ff|2001:db8:|::)/i.test(text);
  const [a, b, c] = text.split('.').map(Number) as [number, number, number];
  const documentation =
    (a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113);
  const privateOrReserved =
    a === 10 ||
    a === 0 ||
    a >= 224 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 198 && (b === 18 || b === 19)) ||
    documentation;
  return !privateOrReserved;
}

/** IPv4-mapped IPv6 addresses ("::ffff:10.1.2.3") are IPv4 addresses. */
export function normaliseAddress(address: string): string {
  return address
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')
    .toLowerCase();
}

/** IP lists in one cell: "10.0.0.1, 10.0.0.2", "10.0.0.1;fe80::1", "10.0.0.1 10.0.0.2". */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[\s,;|]+/)
    .map(normaliseAddress)
    .filter((address) => address && isIpAddress(address));
}

/** Values in one cell separated by commas, semicolons or pipes. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;|]/)
    .map((value) => value.trim())
    .filter(Boolean);
}
