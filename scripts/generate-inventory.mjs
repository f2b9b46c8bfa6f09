// Writes a large estate for the inventory benchmark, deterministic for a seed: a cloudready CSV
// of hosts and an Azure Migrate dependency export of connections between them (plus some
// traffic to machines no inventory describes).
import fs from 'node:fs';
import path from 'node:path';

function random(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const OS = [
  ['Red Hat Enterprise Linux', '8.8', 'Linux'],
  ['Red Hat Enterprise Linux', '7.9', 'Linux'],
  ['Windows Server', '2019', 'Windows'],
  ['Windows Server', '2012 R2', 'Windows'],
  ['AIX', '7.2', 'AIX'],
  ['Ubuntu', '22.04', 'Linux'],
];
const PORTS = [443, 8080, 1521, 1433, 5432, 5672, 389, 22, 445, 3306];

const ip = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** Writes hosts.csv and dependencies.csv into `dir`; returns their paths and sizes. */
export function generateInventory(dir, { hosts = 100_000, connections = 1_000_000, seed = 42 } = {}) {
  const next = random(seed);
  fs.mkdirSync(dir, { recursive: true });
  const hostsFile = path.join(dir, 'hosts.csv');
  const rows = ['id,hostname,ips,os,os_version,platform,cpu_cores,memory_gib,environment,location'];
  for (let i = 0; i < hosts; i++) {
    const [os, version, platform] = OS[Math.floor(next() * OS.length)];
    rows.push(
      `srv${String(i).padStart(6, '0')},srv${String(i).padStart(6, '0')}.corp.example,${ip(i + 1)},${os},${version},${platform},${2 ** Math.floor(next() * 6)},${2 ** (2 + Math.floor(next() * 7))},production,DC-${1 + Math.floor(next() * 4)}`,
    );
  }
  fs.writeFileSync(hostsFile, `${rows.join('\n')}\n`);

  const dependenciesFile = path.join(dir, 'dependencies.csv');
  const out = fs.openSync(dependenciesFile, 'w');
  fs.writeSync(
    out,
    'Time slot,Source server name,Source IP,Source application,Source process,Destination server name,Destination IP,Destination application,Destination process,Destination port\n',
  );
  let chunk = [];
  for (let i = 0; i < connections; i++) {
    const source = Math.floor(next() * hosts);
    // Traffic clusters: most connections stay near their source, as applications do.
    const target = next() < 0.02 ? -1 : (source + 1 + Math.floor(next() * 50)) % hosts;
    const port = PORTS[Math.floor(next() * PORTS.length)];
    const slot = `11/${1 + Math.floor(next() * 28)}/2026 ${String(Math.floor(next() * 24)).padStart(2, '0')}:00`;
    const name = (n) => `srv${String(n).padStart(6, '0')}`;
    chunk.push(
      `${slot},${name(source)},${ip(source + 1)},,java,${target < 0 ? '' : name(target)},${target < 0 ? `172.16.${Math.floor(next() * 255)}.${Math.floor(next() * 255)}` : ip(target + 1)},,,${port}`,
    );
    if (chunk.length === 10_000) {
      fs.writeSync(out, `${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length) fs.writeSync(out, `${chunk.join('\n')}\n`);
  fs.closeSync(out);
  return { hostsFile, dependenciesFile, bytes: fs.statSync(hostsFile).size + fs.statSync(dependenciesFile).size };
}
