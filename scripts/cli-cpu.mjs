#!/usr/bin/env node
// Runs the cloudready CLI in this process and prints, on stderr after its own output, the CPU
// time and peak memory of the whole process (Node's start included), for `npm run bench`:
//   node scripts/cli-cpu.mjs scan fixtures/demo-portfolio --format json -o /dev/null
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/cloudready.js');
process.argv = [process.argv[0], bin, ...process.argv.slice(2)];
process.on('exit', () => {
  const usage = process.resourceUsage();
  fs.writeSync(
    2,
    `\ncli-cpu ${JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMiB: usage.maxRSS / 1024 })}\n`,
  );
});
await import(bin);
