import path from 'node:path';
import type { InventoryBuilder } from '../inventory-builder.js';
import { isAnonymousAddress, normaliseAddress } from '../inventory-values.js';
import { built, type InventoryFormatDescriptor } from './format-descriptor.js';

/**
 * Connection captures, one file per host: `ss -tnp` / `ss -tanp`, Linux `netstat -anp` /
 * `netstat -tnp`, and Windows `netstat -ano`. The host is named by a first line
 * `# host: NAME`, else by the file name (lnx-web01.ss.txt → lnx-web01). A connection's direction
 * comes from the ports the host listens on; without LISTEN lines, the lower port is the service.
 */
export function isNetstatCapture(text: string): boolean {
  const head = text.slice(0, 4096);
  return (
    /^(State|Netid)\s+Recv-Q\s+Send-Q\s+Local Address:Port\s+Peer Address:Port/m.test(head) ||
    /^Proto\s+Recv-Q\s+Send-Q\s+Local Address\s+Foreign Address\s+State/m.test(head) ||
    /^\s*Proto\s+Local Address\s+Foreign Address\s+State\s+PID/m.test(head) ||
    /^Active (Internet )?[Cc]onnections/m.test(head)
  );
}

interface Socket {
  local: { address: string; port: number };
  peer: { address: string; port: number };
  state: string;
  process?: string | undefined;
  line: number;
}

/** "10.0.0.1:8080", "[::ffff:10.0.0.1]:443", "*:22", "0.0.0.0:*", ":::80" → address and port. */
function splitEndpoint(text: string): { address: string; port: number } | undefined {
  const match = /^(.*)[:.](\d+|\*)$/.exec(text);
  if (!match) return undefined;
  const port = match[2] === '*' ? 0 : Number(match[2]);
  return { address: normaliseAddress(match[1]!.replace(/%\w+$/, '')), port };
}

function processName(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const ss = /users:\(\("([^"]+)"/.exec(text);
  if (ss) return ss[1];
  const netstat = /^\d+\/(.+)$/.exec(text);
  if (netstat) return netstat[1]!.trim();
  return /^\d+$/.test(text) ? `pid ${text}` : undefined;
}

function parseSockets(text: string): Socket[] {
  const sockets: Socket[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/);
    if (fields.length < 4) return;
    let local: string | undefined;
    let peer: string | undefined;
    let state: string | undefined;
    let process: string | undefined;
    const STATE = /^(ESTAB|LISTEN|TIME-WAIT|CLOSE-WAIT|SYN-SENT|SYN-RECV|FIN-WAIT-[12]|LAST-ACK|CLOSING)$/;
    if (/^tcp6?$/.test(fields[0]!) && STATE.test(fields[1]!)) {
      // ss -tanp with its Netid column
      [, state, , , local, peer] = fields;
      process = fields.slice(6).join(' ');
    } else if (/^(tcp6?|TCP)$/.test(fields[0]!)) {
      // Linux netstat: tcp Recv-Q Send-Q local foreign state [pid/program]; Windows: TCP local foreign state pid
      if (fields[0] === 'TCP') [, local, peer, state, process] = fields;
      else [, , , local, peer, state, process] = fields;
    } else if (STATE.test(fields[0]!)) {
      [state, , , local, peer] = fields;
      process = fields.slice(5).join(' ');
    } else return;
    const localEnd = local ? splitEndpoint(local) : undefined;
    const peerEnd = peer ? splitEndpoint(peer) : undefined;
    if (!localEnd || !peerEnd || !state) return;
    sockets.push({
      local: localEnd,
      peer: peerEnd,
      state: normaliseState(state),
      process: processName(process),
      line: index + 1,
    });
  });
  return sockets;
}

/** ss says ESTAB, netstat ESTABLISHED; Windows says LISTENING, Linux LISTEN; TIME_WAIT or TIME-WAIT. */
function normaliseState(state: string): string {
  const upper = state.toUpperCase().replace(/_/g, '-');
  if (upper.startsWith('ESTAB')) return 'ESTABLISHED';
  if (upper.startsWith('LISTEN')) return 'LISTEN';
  return upper;
}

/** The host a capture belongs to: `# host: NAME` on the first line, else the file name before its first dot. */
export function captureHost(text: string, file: string): string {
  const declared = /^#\s*host:\s*(\S+)/i.exec(text)?.[1];
  if (declared) return declared;
  return path.posix
    .basename(file)
    .replace(/(\.(txt|out|log|ss|netstat|capture))+$/i, '')
    .replace(/\.(ss|netstat)$/i, '');
}

export function importNetstat(text: string, file: string, builder: InventoryBuilder) {
  const host = captureHost(text, file);
  const sockets = parseSockets(text);
  const listening = new Set(sockets.filter((socket) => socket.state === 'LISTEN').map((socket) => socket.local.port));
  const ips = new Set<string>();
  for (const socket of sockets) {
    if (socket.state === 'LISTEN') {
      builder.accepted();
      continue;
    }
    const where = { line: socket.line };
    if (socket.state !== 'ESTABLISHED') {
      builder.ignore(where, `${socket.state} socket, not an established connection`);
      continue;
    }
    if (isAnonymousAddress(socket.peer.address)) {
      builder.ignore(where, 'loopback connection within the host');
      continue;
    }
    if (!isAnonymousAddress(socket.local.address)) ips.add(socket.local.address);
    const inbound = listening.size > 0 ? listening.has(socket.local.port) : socket.local.port < socket.peer.port;
    builder.connection(
      inbound
        ? {
            source: socket.peer.address,
            target: host,
            port: socket.local.port,
            observations: 1,
            ...(socket.process ? { targetProcess: socket.process } : {}),
          }
        : {
            source: host,
            target: socket.peer.address,
            port: socket.peer.port,
            observations: 1,
            ...(socket.process ? { sourceProcess: socket.process } : {}),
          },
      where,
    );
    builder.accepted();
  }
  builder.host({ id: host, hostname: host, ips: [...ips] }, { line: 1 }, false);
}

/** A netstat or ss capture taken on one machine: its listening ports and connections. */
export default {
  reads: 'text',
  format: 'netstat',
  help: 'netstat/ss captures',
  precedence: 90,
  priority: 20,
  recognises: (text) => isNetstatCapture(text),
  read: (text, context) => built(context, 'netstat', (builder) => importNetstat(text, context.file, builder)),
} satisfies InventoryFormatDescriptor;
