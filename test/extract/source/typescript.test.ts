import { describe, expect, it } from 'vitest';
import { languageForExtension } from '../../../src/languages/registry.js';
import { extractProjectFacts } from '../../../src/extract/source/index.js';
import type { SourceFacts } from '../../../src/extract/source/index.js';
import { analyseText } from '../../../src/extract/source-text.js';

const FILES: Record<string, string> = {
  'src/orders/order-service.ts': `
import { writeFileSync as save } from 'node:fs';
import type { Order } from './order';
export class OrderService {
  place(order: Order): void {
    save('/var/exports/' + order.id + '.json', JSON.stringify(order));
    const sql = \`INSERT INTO SHOP.ORDERS (ID) VALUES (\${order.id})\`;
  }
}
`,
  'src/orders/order.ts': `export interface Order { id: string }\nexport class DraftOrder implements Order { id = 'draft' }\n`,
  'src/server.ts': `
import express from 'express';
import { OrderService } from './orders/order-service';
import * as cp from 'child_process';
const app = express();
const orders = new OrderService();
// app.get('/commented', ...) is not a route
app.post('/orders', (req, res) => { orders.place(req.body); req.session.last = req.body.id; res.sendStatus(201); });
app.get('/health', (_req, res) => res.send('ok'));
cp.execSync('logrotate /etc/shop.conf');
app.listen(Number(process.env.PORT ?? 3000));
`,
  'src/jobs/cleanup.js': `
const fs = require('fs');
module.exports = function cleanup() { fs.rmSync('/data/tmp', { recursive: true }); return fetch('http://inventory01:9000/api'); };
`,
  'src/nest/orders.controller.ts': `
@Controller('orders')
export class OrdersController {
  @Get(':id') find() {}
  @Cron('0 2 * * *') nightly() {}
}
`,
  'src/broken.ts': 'export function ok() { return 1 }\nexport function broken( { \n',
};

async function project(): Promise<Map<string, SourceFacts>> {
  const sources = Object.entries(FILES).map(([appRel, text]) =>
    analyseText(`shop/${appRel}`, text, languageForExtension(appRel.slice(appRel.lastIndexOf('.'))), appRel),
  );
  const facts = await extractProjectFacts(sources);
  return new Map(facts.map((f) => [f.file.replace('shop/', ''), f]));
}

describe('TypeScript/JavaScript extractor (TypeScript parser, no type checker)', () => {
  it('makes modules, top-level classes, interfaces and functions units', async () => {
    const facts = await project();
    expect(facts.get('src/orders/order.ts')!.units.map((u) => [u.id, u.kind])).toEqual([
      ['src/orders/order', 'module'],
      ['src/orders/order.DraftOrder', 'class'],
      ['src/orders/order.Order', 'interface'],
    ]);
  });

  it('resolves imports, calls and types across files to the declaring unit', async () => {
    const facts = await project();
    const refs = (file: string) => facts.get(file)!.references.map((r) => `${r.from} ${r.kind} ${r.to}`);
    expect(refs('src/server.ts')).toEqual(
      expect.arrayContaining([
        'src/server imports src/orders/order-service',
        'src/server instantiates src/orders/order-service.OrderService',
        'src/server calls src/orders/order-service.OrderService',
      ]),
    );
    expect(refs('src/orders/order-service.ts')).toContain(
      'src/orders/order-service.OrderService uses src/orders/order.Order',
    );
    expect(refs('src/orders/order.ts')).toContain('src/orders/order.DraftOrder implements src/orders/order.Order');
    expect(facts.get('src/jobs/cleanup.js')!.imports.map((i) => i.target)).toEqual(['fs']);
  });

  it('finds routes, listeners and decorators, never in comments', async () => {
    const facts = await project();
    expect(facts.get('src/server.ts')!.entryPoints.map((e) => [e.kind, e.detail, e.location.line])).toEqual([
      ['http-route', 'POST /orders', 8],
      ['http-route', 'GET /health', 9],
      ['main', 'listen', 11],
    ]);
    expect(facts.get('src/nest/orders.controller.ts')!.entryPoints.map((e) => [e.unit, e.kind, e.detail])).toEqual([
      ['src/nest/orders.controller.OrdersController', 'http-route', ':id'],
      ['src/nest/orders.controller.OrdersController', 'scheduled', '0 2 * * *'],
    ]);
  });

  it('APIs through aliased imports and require, sessions, environment, literals and SQL', async () => {
    const facts = await project();
    const apis = (file: string) => facts.get(file)!.apiCalls.map((a) => [a.api, a.name, a.location.line]);
    expect(apis('src/orders/order-service.ts')).toEqual([['file-write', 'save', 6]]);
    expect(apis('src/server.ts')).toEqual([
      ['session', 'req.session', 8],
      ['process-exec', 'cp.execSync', 10],
      ['environment', 'process.env.PORT', 11],
    ]);
    expect(apis('src/jobs/cleanup.js')).toEqual([['file-write', 'fs.rmSync', 3]]);
    expect(facts.get('src/jobs/cleanup.js')!.literals.map((l) => [l.kind, l.value])).toEqual([
      ['path', '/data/tmp'],
      ['url', 'http://inventory01:9000/api'],
    ]);
    expect(facts.get('src/orders/order-service.ts')!.literals.map((l) => l.value)).toEqual(['/var/exports/']);
    // A template with substitutions is read with its placeholders.
    expect(facts.get('src/orders/order-service.ts')!.dataAccess.map((d) => [d.target, d.mode])).toEqual([
      ['SHOP.ORDERS', 'write'],
    ]);
  });

  it('reports syntax errors with their position and keeps the rest', async () => {
    const broken = (await project()).get('src/broken.ts')!;
    // The unclosed function is reported where the parser runs out of input.
    expect(broken.problems).toEqual([
      { message: "syntax error: '}' expected.", location: { file: 'shop/src/broken.ts', line: 3, column: 1 } },
    ]);
    expect(broken.units.map((u) => u.id)).toContain('src/broken.ok');
  });
});

describe('TypeScript facts in the fact cache', () => {
  /** A cache in memory that counts what it is asked for and what is computed afresh. */
  function countingCache() {
    const entries = new Map<string, unknown>();
    const counts = { hits: 0, sets: 0 };
    return {
      counts,
      key: (...parts: string[]) => JSON.stringify(parts),
      get<T>(key: string): T | undefined {
        if (entries.has(key)) counts.hits++;
        return entries.get(key) as T | undefined;
      },
      set(key: string, value: unknown) {
        counts.sets++;
        entries.set(key, structuredClone(value));
      },
      reset() {
        counts.hits = 0;
        counts.sets = 0;
      },
    };
  }
  const sourcesOf = (files: Record<string, string>) =>
    Object.entries(files).map(([appRel, text]) =>
      analyseText(`shop/${appRel}`, text, languageForExtension(appRel.slice(appRel.lastIndexOf('.'))), appRel),
    );

  it('gives the same facts when the syntax trees are not kept between its two passes (a project past the memory budget)', async () => {
    const { extractTypeScriptProject } = await import('../../../src/extract/source/typescript.js');
    expect(await extractTypeScriptProject(sourcesOf(FILES), undefined, 0)).toEqual(
      await extractTypeScriptProject(sourcesOf(FILES)),
    );
    expect(
      (await extractTypeScriptProject(sourcesOf(FILES), undefined, 0)).flatMap((facts) => facts.references).length,
    ).toBeGreaterThan(3);
  });

  it('re-reads only the file whose bodies changed, and gives the facts a fresh read gives', async () => {
    const cache = countingCache();
    const first = await extractProjectFacts(sourcesOf(FILES), cache);
    expect(first).toEqual(await extractProjectFacts(sourcesOf(FILES)));
    // Each file's shape and facts were computed once.
    expect(cache.counts.sets).toBe(2 * Object.keys(FILES).length);

    cache.reset();
    const edited = {
      ...FILES,
      'src/server.ts': FILES['src/server.ts']!.replace("res.send('ok')", "res.send('still ok')"),
    };
    const again = await extractProjectFacts(sourcesOf(edited), cache);
    expect(again).toEqual(await extractProjectFacts(sourcesOf(edited)));
    // The edited file's shape and facts are new; every other file is read back.
    expect(cache.counts.sets).toBe(2);
    expect(cache.counts.hits).toBe(2 * (Object.keys(FILES).length - 1));
  });

  it('re-reads every file when an export changes, since their names may resolve differently', async () => {
    const cache = countingCache();
    await extractProjectFacts(sourcesOf(FILES), cache);
    cache.reset();
    // OrderService moves out of order-service.ts: server.ts's references must follow.
    const moved = {
      ...FILES,
      'src/orders/order-service.ts': FILES['src/orders/order-service.ts']!.replace(
        'export class OrderService',
        'export { OrderService } from "./legacy";\nclass Unused',
      ),
      'src/orders/legacy.ts': 'export class OrderService { place(): void {} }\n',
    };
    const facts = await extractProjectFacts(sourcesOf(moved), cache);
    expect(facts).toEqual(await extractProjectFacts(sourcesOf(moved)));
    const server = facts.find((f) => f.file === 'shop/src/server.ts')!;
    expect(server.references.map((r) => `${r.kind} ${r.to}`)).toContain('instantiates src/orders/legacy.OrderService');
    // New shapes for the two changed files, new facts for all.
    expect(cache.counts.sets).toBe(2 + Object.keys(moved).length);
  });
});

describe('one file the analyser cannot handle', () => {
  it("a file nested too deeply for the stack is that file's problem only; the others are read", async () => {
    const source = (rel: string, text: string) =>
      analyseText(`app/${rel}`, text, languageForExtension(rel.slice(rel.lastIndexOf('.'))), rel);
    const deep = `module.exports = ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`;
    const facts = await extractProjectFacts([
      source('lib/generated.js', deep),
      source(
        'lib/export.js',
        "const fs = require('fs')\nexports.save = (rows) => fs.writeFileSync('/var/exports/rows.csv', rows)\n",
      ),
    ]);
    const byFile = Object.fromEntries(facts.map((file) => [file.file, file]));
    expect(byFile['app/lib/generated.js']?.problems.map((problem) => problem.message)).toEqual([
      'nested too deeply to analyse',
    ]);
    expect(byFile['app/lib/export.js']?.problems).toEqual([]);
    expect(byFile['app/lib/export.js']?.apiCalls.map((call) => call.name)).toEqual(['fs.writeFileSync']);
  });
});
