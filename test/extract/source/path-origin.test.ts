import { describe, expect, it } from 'vitest';
import { languageForExtension } from '../../../src/languages/registry.js';
import { extractProjectFacts } from '../../../src/extract/source/index.js';
import { analyseText } from '../../../src/extract/source-text.js';
import { factsOf } from './analyse.js';

/** Each file call as `line name → origin` ('-' when the path says nothing of itself). */
async function originsIn(file: string, content: string): Promise<string[]> {
  const facts = /\.[jt]s$/.test(file)
    ? (
        await extractProjectFacts([
          analyseText(`app/${file}`, content, languageForExtension(file.slice(file.lastIndexOf('.'))), file),
        ])
      )[0]!
    : await factsOf(file, content);
  return facts.apiCalls
    .filter((call) => call.api === 'file-read' || call.api === 'file-write')
    .map((call) => `${call.location.line} ${call.name} → ${call.path ?? '-'}`);
}

describe('where the path a file API opens comes from', () => {
  it('Java: a drop folder set by a job property is listed, and the files it lists are read', async () => {
    const origins = await originsIn(
      'src/main/java/acme/EventReader.java',
      `package acme;
import java.io.*;
public class EventReader {
  RandomAccessFile current;
  void open(java.util.Properties job) throws Exception {
    File inbox = new File(job.getProperty("inbox"));
    File[] files = inbox.listFiles();
    File next = checkpoint.next();
    current = new RandomAccessFile(next, "r");
    InputStream template = new FileInputStream(getClass().getResource("/layout.txt").getFile());
  }
}`,
    );
    expect(origins).toEqual([
      '7 File.listFiles → configured',
      '9 new RandomAccessFile → listed',
      '10 new FileInputStream → bundled',
    ]);
  });

  it('C#: configuration, App_Data, the temporary folder, the application folder and a response stream', async () => {
    const origins = await originsIn(
      'Services/Store.cs',
      `namespace Acme {
  public class Store {
    private readonly string _root;
    public Store(IConfiguration configuration) { _root = configuration["Store:Root"]; }
    public string A(string n) { return File.ReadAllText(Path.Combine(_root, n)); }
    public byte[] B(string n) { return File.ReadAllBytes(Server.MapPath("~/App_Data/Media/" + n)); }
    public string C() { return File.ReadAllText(Path.Combine(Path.GetTempPath(), "x.tmp")); }
    public string D() { return File.ReadAllText(Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "seed.json")); }
    public string E(WebResponse r) { using (var reader = new StreamReader(r.GetResponseStream())) { return reader.ReadToEnd(); } }
  }
}`,
    );
    expect(origins).toEqual([
      '5 File.ReadAllText → configured',
      '6 File.ReadAllBytes → data-folder',
      '7 File.ReadAllText → temporary',
      '8 File.ReadAllText → bundled',
      '9 new StreamReader → -',
    ]);
  });

  it('TypeScript: environment, __dirname, a relative view, /proc, an absolute literal and a parameter', async () => {
    const origins = await originsIn(
      'lib/files.ts',
      `import fs from 'fs'
import { readFile } from 'fs/promises'
const notes = process.env.NOTES_PATH
export const a = () => fs.readFileSync(notes + '/index.md')
export const b = () => readFile(__dirname + '/i18n/en.json')
export const c = () => readFile('views/profile.pug')
export const d = () => fs.readFileSync('/proc/self/cgroup', 'utf8')
export const e = () => fs.readFileSync('/srv/feeds/rates.csv')
export const f = (p: string) => fs.readFileSync(p)`,
    );
    expect(origins).toEqual([
      '4 fs.readFileSync → configured',
      '5 readFile → bundled',
      '6 readFile → bundled',
      '7 fs.readFileSync → system',
      '8 fs.readFileSync → absolute',
      '9 fs.readFileSync → -',
    ]);
  });

  it('a name is followed through assignments, but a file named for configuration is not configuration', async () => {
    const origins = await originsIn(
      'app/loader.py',
      `import os
def load():
    config_file = 'settings.yaml'
    base = os.environ['FEEDS']
    feed = os.path.join(base, 'rates.csv')
    open(config_file).read()
    return open(feed).read()`,
    );
    expect(origins).toEqual(['6 open → bundled', '7 open → configured']);
  });
});
