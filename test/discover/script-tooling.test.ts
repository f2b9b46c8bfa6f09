import { describe, expect, it } from 'vitest';
import { scriptTooling } from '../../src/discover/script-tooling.js';

describe('files package.json scripts run to build or check', () => {
  it('are the programs of build, bundle, lint and generate scripts, relative to the scanned root', () => {
    const scripts = {
      scripts: {
        start: 'node build/app',
        serve: 'concurrently "tsx app.ts" "cd frontend && npm start"',
        worker: 'node worker.js',
        bundle: 'node bundle.cjs',
        'bundle-visualizer':
          'node --experimental-strip-types filter-bundle-stats-for-diagram.mts && npx esbuild-visualizer',
        'gen:api': 'tsx tools/openapi/generate.ts --out src/api',
        lint: 'eslint .',
      },
    };
    expect(scriptTooling('web/package.json', JSON.stringify(scripts))).toEqual({
      files: ['web/bundle.cjs', 'web/filter-bundle-stats-for-diagram.mts', 'web/tools/openapi/generate.ts'],
      folders: ['web/tools/openapi'],
      devFolders: [],
    });
  });

  it('folders other scripts run through a runner only the dev dependencies install are candidates, not the start script', () => {
    const manifest = {
      scripts: {
        start: 'tsx boot/start.ts',
        rsn: 'tsx rsn/rsn.ts',
        'rsn:update': 'tsx rsn/rsn-update.ts',
        sync: 'node sync/run.js',
        migrate: 'ts-node db/migrate.ts',
        dev: 'tsx src/server.ts',
      },
      dependencies: { express: '^4.19.2', 'ts-node': '^10.9.2' },
      devDependencies: { tsx: '^4.19.0' },
    };
    // node is always installed, ts-node here is a runtime dependency, src/ is the application's own.
    expect(scriptTooling('package.json', JSON.stringify(manifest))).toEqual({
      files: [],
      folders: [],
      devFolders: ['rsn'],
    });
  });

  it('never the application: start, serve and worker scripts, and a malformed package.json, name nothing', () => {
    expect(
      scriptTooling('package.json', '{ "scripts": { "start": "node server.js", "worker": "node jobs/worker.js" } }'),
    ).toEqual({ files: [], folders: [], devFolders: [] });
    expect(scriptTooling('package.json', '{ "scripts": ')).toEqual({ files: [], folders: [], devFolders: [] });
  });
});
