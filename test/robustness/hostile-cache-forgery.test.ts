import fs from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { SealedReader, SealedWriter, type SealedEntry } from '../../src/util/cache-seal.js';
import { makeTree } from '../helpers/temp-tree.js';
import { runCli } from '../helpers/run-cli.js';

const APP = {
  'shop/pom.xml': '<project><artifactId>shop</artifactId><packaging>war</packaging></project>',
  'shop/src/main/java/shop/Cart.java':
    'package shop;\npublic class Cart { String host = "10.20.4.17"; String db = "jdbc:oracle:thin:@ora-prod01.acme.corp:1521/ORDERS"; }\n',
};

type Assessment = { applications: { score: number }[] };
type Index = { parts: SealedEntry[] };

/** The result cache's index and parts (the assessment less its graph first), read with a key. */
async function readParts(file: string, key: Buffer): Promise<{ index: Index; parts: Buffer[] }> {
  const { reader } = await SealedReader.open(file, key);
  const index = v8.deserialize(reader!.index) as Index;
  const parts = index.parts.map((entry) => reader!.read(entry)!);
  reader!.close();
  return { index, parts };
}

/** The same parts written as a sealed file, with the index made to match them. */
function writeParts(file: string, key: Buffer, index: Index, parts: Buffer[]): void {
  const writer = SealedWriter.create(file, key);
  writer.finish(file, v8.serialize({ ...index, parts: parts.map((part) => writer.add(part)) }));
}

/**
 * A repository that ships its own `.cloudready/cache`, made by its author with cloudready and
 * edited to say every application scores 100: the seal is the author's, not the user's.
 */
describe('a cache shipped with the scanned code cannot forge a result', () => {
  it('a cache sealed with another key, or not sealed at all, is ignored with a note and the gate judges the real score', async () => {
    const tree = await makeTree(APP);
    const author = await makeTree({});
    const user = await makeTree({});
    const scan = (home: string, ...args: string[]) =>
      runCli(['scan', '.', '--format', 'json', ...args], { cwd: tree, env: { XDG_CACHE_HOME: home } });

    // The author scans, then edits the cached assessment and seals it with their own key.
    const honest = JSON.parse(scan(author).stdout);
    const realScore = honest.applications[0].score as number;
    expect(realScore).toBeLessThan(100);
    const folder = path.join(tree, '.cloudready/cache');
    const resultFile = (await fs.readdir(folder)).find((name) => name.startsWith('result-'))!;
    const authorKey = await fs.readFile(path.join(author, 'cloudready/cache-key'));
    const { index, parts } = await readParts(path.join(folder, resultFile), authorKey);
    const assessment = v8.deserialize(parts[0]!) as Assessment;
    for (const app of assessment.applications) app.score = 100;
    parts[0] = v8.serialize(assessment);
    writeParts(path.join(folder, resultFile), authorKey, index, parts);
    // The forgery works for its author, which is what makes it a forgery worth refusing.
    expect(JSON.parse(scan(author).stdout).applications[0].score).toBe(100);

    const gated = scan(user, '--fail-under', String(realScore + 1));
    expect(gated.code).toBe(1);
    expect(JSON.parse(gated.stdout).applications[0].score).toBe(realScore);
    expect(gated.stderr).toMatch(
      /result-\w+\.bin was not written by cloudready for this user on this machine; it is ignored and written afresh/,
    );

    // The same edit with no seal at all is ignored too.
    await fs.writeFile(path.join(folder, resultFile), Buffer.concat([...parts, v8.serialize({ ...index, parts: [] })]));
    const unsealed = scan(user);
    expect(JSON.parse(unsealed.stdout).applications[0].score).toBe(realScore);
    expect(unsealed.stderr).toContain('was not written by cloudready for this user on this machine');

    // The user's own cache, written by the scans above, is read back silently.
    const again = scan(user);
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout).applications[0].score).toBe(realScore);
  });
});
