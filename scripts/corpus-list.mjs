// The corpus repositories (test/corpus/repos.yaml) and where their checkouts live:
// $CLOUDREADY_CORPUS, default ../corpus, one folder OWNER+NAME each. Shared by `npm run corpus`
// and the real-code section of `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { RepoList } from './corpus-truth.mjs';

/** The folder a repository's checkout is copied out to, and its truth file is named after. */
export const folderOf = (name) => name.replace('/', '+');

/** Every listed repository with its checkout folder and whether that folder is there. */
export function corpusCheckouts(repo) {
  const corpusDir = path.resolve(process.env.CLOUDREADY_CORPUS ?? path.join(repo, '..', 'corpus'));
  const list = RepoList.parse(YAML.parse(fs.readFileSync(path.join(repo, 'test/corpus/repos.yaml'), 'utf8')));
  const checkouts = list.repositories.map((entry) => {
    const dir = path.join(corpusDir, folderOf(entry.name));
    return { ...entry, dir, present: fs.existsSync(dir) };
  });
  return { corpusDir, checkouts };
}
