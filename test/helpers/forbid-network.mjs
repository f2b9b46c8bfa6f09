// Preloaded into the CLI by test/robustness/no-network.test.ts (node --import): every way Node
// opens a connection, resolves a name or starts a program is replaced by one that writes what
// was attempted to $CLOUDREADY_TEST_LOG and fails.
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { syncBuiltinESMExports } from 'node:module';
import util from 'node:util';

const log = process.env.CLOUDREADY_TEST_LOG;
function refuse(what, detail) {
  fs.appendFileSync(log, `${JSON.stringify({ what, detail: String(detail ?? '') })}\n`);
  throw new Error(`test: ${what} is forbidden`);
}

net.Socket.prototype.connect = function (...args) {
  // A path is a local (Unix) socket: worker threads and the inspector never use one here either.
  refuse('net.Socket.connect', JSON.stringify(args[0]));
};
net.connect = net.createConnection = (...args) => refuse('net.connect', JSON.stringify(args[0]));
tls.connect = (...args) => refuse('tls.connect', JSON.stringify(args[0]));
http.request = http.get = (...args) => refuse('http.request', String(args[0]));
https.request = https.get = (...args) => refuse('https.request', String(args[0]));
dns.lookup = (host) => refuse('dns.lookup', host);
dns.resolve = dns.resolve4 = dns.resolve6 = (host) => refuse('dns.resolve', host);
dns.promises.lookup = async (host) => refuse('dns.promises.lookup', host);
dgram.createSocket = () => refuse('dgram.createSocket');
globalThis.fetch = async (url) => refuse('fetch', url);
globalThis.WebSocket = class {
  constructor(url) {
    refuse('WebSocket', url);
  }
};

// Programs: only git, for the co-change history of `cloudready split`, and never through a shell.
for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']) {
  const original = childProcess[name];
  const check = (command, rest) => {
    const options = rest.find((arg) => arg && typeof arg === 'object' && !Array.isArray(arg));
    const throughShell = (name.startsWith('exec') && !name.startsWith('execFile')) || options?.shell;
    if (command !== 'git' || throughShell) refuse(`child_process.${name}`, command);
    fs.appendFileSync(
      log,
      `${JSON.stringify({ what: 'allowed', detail: `${command} ${(rest.find(Array.isArray) ?? []).join(' ')}` })}\n`,
    );
  };
  childProcess[name] = function (command, ...rest) {
    check(command, rest);
    return original.call(this, command, ...rest);
  };
  if (original[util.promisify.custom]) {
    childProcess[name][util.promisify.custom] = (command, ...rest) => {
      check(command, rest);
      return original[util.promisify.custom](command, ...rest);
    };
  }
}
syncBuiltinESMExports();
