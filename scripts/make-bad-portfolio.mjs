#!/usr/bin/env node
// The bad-input portfolio: fixtures/bad/ (malformed files small enough to commit) copied into a
// folder, plus what git cannot hold or should not carry: a 200 MB file, 10,000 files in one
// folder, a folder 50 levels deep, symbolic link loops and links out of the root, unreadable
// files and folders, names with newlines and HTML, a FIFO, a zip-bomb-like workbook and an
// inventory of a million rows. Used by test/robustness/ and by hand:
//   node scripts/make-bad-portfolio.mjs /tmp/bad [--small]
// --small leaves out the three heavy cases (200 MB file, million-row inventory, zip bomb).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Names of the heavy cases, for tests that look for their diagnostics. */
export const HEAVY = {
  hugeFile: 'data-dump/export.sql',
  millionRows: 'inventory/connections-1m.csv',
  zipBomb: 'inventory/RVTools-bomb.xlsx',
};

/**
 * Writes the bad portfolio into `dir` (created; must not exist). Returns what it could not make
 * on this system (a FIFO or a folder that root can still read), so tests expect only the rest.
 */
export async function makeBadPortfolio(dir, { small = false } = {}) {
  fs.cpSync(path.join(repo, 'fixtures/bad'), dir, { recursive: true });
  const put = (rel, content) => {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
    return abs;
  };

  // 10,000 small files in one folder of an application.
  for (let i = 0; i < 10_000; i++)
    put(
      `many-files/src/main/resources/messages/msg_${String(i).padStart(5, '0')}.properties`,
      `greeting.${i}=Hello ${i}\n`,
    );
  put(
    'many-files/pom.xml',
    '<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>many-files</artifactId><version>1.0</version><packaging>war</packaging></project>\n',
  );

  // 50 levels deep, a source file at the bottom.
  const deep = Array.from({ length: 50 }, (_, i) => `level${i}`).join('/');
  put(
    `deep-app/${deep}/Deep.java`,
    'package deep;\npublic class Deep { String url = "jdbc:oracle:thin:@deepdb.acme.corp:1521/DEEP"; }\n',
  );
  put(
    'deep-app/pom.xml',
    '<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>deep-app</artifactId><version>1.0</version><packaging>war</packaging></project>\n',
  );

  // One 200,000-character line of a's and a b: what takes a backtracking engine forever on ^(a+)+$.
  put('broken-sources/scripts/aaaa.sh', `${'a'.repeat(200_000)}b\n${'a'.repeat(40)}\n`);

  // Symbolic links: a loop, a link to its own parent, a link out of the root, a dangling link.
  fs.mkdirSync(path.join(dir, 'links'), { recursive: true });
  fs.symlinkSync('.', path.join(dir, 'links/self'));
  fs.symlinkSync('..', path.join(dir, 'links/parent'));
  fs.symlinkSync('loop-b', path.join(dir, 'links/loop-a'));
  fs.symlinkSync('loop-a', path.join(dir, 'links/loop-b'));
  fs.symlinkSync('/etc', path.join(dir, 'links/outside'));
  fs.symlinkSync('/etc/hostname', path.join(dir, 'links/outside-file.properties'));
  fs.symlinkSync('no-such-target.java', path.join(dir, 'links/dangling.java'));

  // Names that break naive code: spaces, unicode, a newline, HTML, a leading dash.
  put(
    'weird-names/package.json',
    JSON.stringify({ name: 'weird-names', version: '1.0.0', dependencies: { express: '^4.18.0' } }),
  );
  put('weird-names/src/with space.js', "const db = 'postgres://pg01.acme.corp:5432/shop';\n");
  put('weird-names/src/ünïcødé-Ĉafé-日本.js', "module.exports = 'crème brûlée';\n");
  put('weird-names/src/new\nline.js', "fs.writeFileSync('/var/data/out.txt', 'x');\n");
  put('weird-names/src/<img src=x onerror=alert(1)>.js', "const h = 'http://legacy.acme.corp/api';\n");
  put('weird-names/src/-rf.js', 'module.exports = 1;\n');

  // A FIFO with a source extension: opening it for reading would block forever.
  const unmade = [];
  try {
    execFileSync('mkfifo', [path.join(dir, 'weird-names/src/pipe.js')]);
  } catch {
    unmade.push('fifo');
  }

  // Unreadable: a file and a folder with no permissions (root reads them anyway: tests scan as an unprivileged user).
  const secretFile = put('locked/src/main/java/Locked.java', 'public class Locked {}\n');
  put(
    'locked/pom.xml',
    '<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>locked</artifactId><version>1.0</version></project>\n',
  );
  put('locked/private/Hidden.java', 'public class Hidden {}\n');
  fs.chmodSync(secretFile, 0o000);
  fs.chmodSync(path.join(dir, 'locked/private'), 0o000);

  if (!small) {
    // 200 MB in one file: too large to analyse, must be skipped without being read whole.
    const huge = fs.openSync(put(HEAVY.hugeFile, ''), 'w');
    const line = Buffer.from("INSERT INTO orders VALUES (1, 'widget', 9.99);\n".padEnd(100, ' ').slice(0, 99) + '\n');
    const block = Buffer.concat(Array.from({ length: 10_000 }, () => line));
    for (let i = 0; i < 200; i++) fs.writeSync(huge, block);
    fs.closeSync(huge);
    put(
      'data-dump/pom.xml',
      '<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>data-dump</artifactId><version>1.0</version></project>\n',
    );

    // A connection inventory of a million rows (Azure Migrate dependency export columns).
    const rows = [
      'Time slot,Source server name,Source IP,Source application,Source process,Destination server name,Destination IP,Destination application,Destination process,Destination port',
    ];
    for (let i = 0; i < 1_000_000; i++) {
      const a = i % 5000;
      const b = (i * 7) % 5000;
      rows.push(
        `2026-11-01 ${String(i % 24).padStart(2, '0')}:00,srv${a},10.${(a >> 8) & 255}.${a & 255}.1,app${a % 50},java.exe,srv${b},10.${(b >> 8) & 255}.${b & 255}.1,app${b % 50},sqlservr.exe,${1433 + (i % 3)}`,
      );
    }
    put(HEAVY.millionRows, `${rows.join('\n')}\n`);

    // A workbook whose one sheet inflates to 1 GiB from about a megabyte.
    put(HEAVY.zipBomb, await zipBombWorkbook(1024));
  }
  return unmade;
}

/** An .xlsx whose one sheet is `mebibytes` MiB of spaces inside its XML: about a megabyte on disk. */
async function zipBombWorkbook(mebibytes) {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const tail = Buffer.from('</sheetData></worksheet>');
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  async function* sheet() {
    yield head;
    for (let i = 0; i < mebibytes; i++) yield spaces;
    yield tail;
  }
  let crc = zlib.crc32(head);
  for (let i = 0; i < mebibytes; i++) crc = zlib.crc32(spaces, crc);
  crc = zlib.crc32(tail, crc);
  const deflated = [];
  await pipeline(Readable.from(sheet()), zlib.createDeflateRaw({ level: 9 }), async (chunks) => {
    for await (const chunk of chunks) deflated.push(chunk);
  });
  const small = (text) => deflatedEntry(Buffer.from(text));
  return zipArchive([
    [
      '[Content_Types].xml',
      small(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    ],
    [
      '_rels/.rels',
      small(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    ],
    [
      'xl/workbook.xml',
      small(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="vInfo" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    ],
    [
      'xl/_rels/workbook.xml.rels',
      small(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    ],
    [
      'xl/worksheets/sheet1.xml',
      { data: Buffer.concat(deflated), size: head.length + mebibytes * spaces.length + tail.length, crc },
    ],
  ]);
}

/** An entry for zipArchive: the bytes deflated, with their size and CRC. */
export function deflatedEntry(bytes) {
  return { data: zlib.deflateRawSync(bytes), size: bytes.length, crc: zlib.crc32(bytes) };
}

/** A zip archive of deflated entries in the order given (local headers, data, central directory, end record). */
export function zipArchive(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, { data, size, crc }] of entries) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc >>> 0, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(header, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: node scripts/make-bad-portfolio.mjs FOLDER [--small]');
    process.exit(2);
  }
  const unmade = await makeBadPortfolio(path.resolve(target), { small: process.argv.includes('--small') });
  console.log(`bad portfolio in ${target}${unmade.length > 0 ? ` (not made here: ${unmade.join(', ')})` : ''}`);
}
