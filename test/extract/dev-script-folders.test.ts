import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { makeTree } from '../helpers/temp-tree.js';

describe('folders npm scripts run through a development-only runner', () => {
  it('are build tooling unless the server imports them', async () => {
    const root = await makeTree({
      'package.json': JSON.stringify({
        name: 'shop',
        scripts: { start: 'node build/app', rsn: 'tsx rsn/rsn.ts', report: 'tsx reports/monthly.ts' },
        dependencies: { express: '^4.19.2' },
        devDependencies: { tsx: '^4.19.0', typescript: '^5.6.0' },
      }),
      'app.ts':
        "import express from 'express'\nimport { monthly } from './reports/monthly'\nconst app = express()\napp.get('/report', (_req, res) => res.send(monthly()))\napp.listen(3000)\n",
      'reports/monthly.ts':
        "import fs from 'node:fs'\nexport function monthly() { fs.writeFileSync('/var/shop/reports/monthly.csv', 'total'); return 'ok' }\n",
      'rsn/rsn.ts': "import { check } from './rsnUtil'\ncheck()\n",
      'rsn/rsnUtil.ts':
        "import fs from 'node:fs'\nexport function check() { fs.writeFileSync('rsn/cache.json', '{}') }\n",
    });
    const result = await scan({ paths: [root], cwd: root });
    const places = (list: typeof result.findings) =>
      list
        .filter((finding) => finding.ruleId === 'state-and-storage/local-file-write')
        .flatMap((finding) => finding.evidence.map((evidence) => `${evidence.file}:${evidence.line}`));
    expect(places(result.findings)).toEqual(['reports/monthly.ts:2']);
    expect(places(result.uncounted)).toEqual(['rsn/rsnUtil.ts:2']);
  });
});
