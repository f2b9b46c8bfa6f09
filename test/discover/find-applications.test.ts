import { describe, expect, it } from 'vitest';
import { findApplications, type DeclaredApplication } from '../../src/discover/find-applications.js';
import { resolveRoots } from '../../src/discover/scan-root.js';
import { walkFiles } from '../../src/discover/walk-files.js';
import { makeTree } from '../helpers/temp-tree.js';

async function applicationsOf(files: Record<string, string>, declared: DeclaredApplication[] = []) {
  const dir = await makeTree(files);
  const roots = await resolveRoots([dir], process.cwd());
  const found = await walkFiles(roots[0]!, { exclude: [] }, []);
  const apps = await findApplications(roots, found, declared);
  return apps.map((app) => ({ id: app.id, path: app.path, by: app.detectedBy, modules: app.modules, files: app.files.map((f) => f.rel) }));
}

describe('findApplications', () => {
  it('treats a Maven multi-module build as one application with modules', async () => {
    const apps = await applicationsOf({
      'orders/pom.xml': '<project/>',
      'orders/orders-ejb/pom.xml': '<project/>',
      'orders/orders-ejb/src/A.java': '',
      'orders/orders-web/pom.xml': '<project/>',
    });
    expect(apps).toEqual([
      {
        id: 'orders',
        path: 'orders',
        by: 'manifest',
        modules: ['orders/orders-ejb', 'orders/orders-web'],
        files: ['orders/orders-ejb/pom.xml', 'orders/orders-ejb/src/A.java', 'orders/orders-web/pom.xml', 'orders/pom.xml'],
      },
    ]);
  });

  it('keeps a nested manifest of another build family as its own application', async () => {
    const apps = await applicationsOf({ 'shop/pom.xml': '<project/>', 'shop/frontend/package.json': '{}' });
    expect(apps.map((app) => [app.id, app.by])).toEqual([
      ['shop', 'manifest'],
      ['shop-frontend', 'manifest'],
    ]);
  });

  it('folds npm packages into their parent only when it declares workspaces', async () => {
    const mono = await applicationsOf({ 'web/package.json': '{"workspaces":["packages/*"]}', 'web/packages/ui/package.json': '{}' });
    expect(mono.map((app) => [app.id, app.modules])).toEqual([['web', ['web/packages/ui']]]);
    const separate = await applicationsOf({ 'tools/package.json': '{}', 'tools/site/package.json': '{}' });
    expect(separate.map((app) => app.id)).toEqual(['tools', 'tools-site']);
  });

  it('groups COBOL, JCL and copybooks into one mainframe application rooted where they meet', async () => {
    const apps = await applicationsOf({
      'cards/cobol/A.cbl': '',
      'cards/jcl/J.jcl': '',
      'cards/copy/R.cpy': '',
      'cards/README.md': '',
    });
    // The folder's other files (documents, scheduler exports, CSD) belong to the system too.
    expect(apps).toEqual([{ id: 'cards', path: 'cards', by: 'mainframe', modules: [], files: ['cards/README.md', 'cards/cobol/A.cbl', 'cards/copy/R.cpy', 'cards/jcl/J.jcl'] }]);
  });

  it('makes a source folder without manifest an application, but not loose files beside other applications', async () => {
    const apps = await applicationsOf({ 'scripts/etl/load.py': '', 'api/go.mod': 'module x', 'build-all.sh': '' });
    expect(apps.map((app) => [app.id, app.path, app.by])).toEqual([
      ['api', 'api', 'manifest'],
      ['scripts-etl', 'scripts/etl', 'source'],
    ]);
  });

  it('lets the configuration declare applications, which claim nested manifests', async () => {
    const apps = await applicationsOf(
      { 'platform/svc-a/pom.xml': '<project/>', 'platform/svc-b/package.json': '{}', 'other/pom.xml': '<project/>' },
      [{ path: 'platform', name: 'Trading Platform' }],
    );
    expect(apps.map((app) => [app.id, app.by, app.modules])).toEqual([
      ['other', 'manifest', []],
      ['platform', 'config', ['platform/svc-a', 'platform/svc-b']],
    ]);
  });

  it('finds nothing in a folder of documents', async () => {
    expect(await applicationsOf({ 'notes.md': '# notes', 'diagram.png': '' })).toEqual([]);
  });
});
