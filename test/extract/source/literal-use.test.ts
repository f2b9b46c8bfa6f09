import { describe, expect, it } from 'vitest';
import { languageForExtension } from '../../../src/languages/registry.js';
import { extractProjectFacts } from '../../../src/extract/source/index.js';
import { analyseText } from '../../../src/extract/source-text.js';
import { factsOf } from './analyse.js';

/** Literal values an extractor keeps as places, in order. */
async function placesIn(file: string, content: string): Promise<string[]> {
  if (/\.[jt]s$/.test(file)) {
    const [facts] = await extractProjectFacts([
      analyseText(`app/${file}`, content, languageForExtension(file.slice(file.lastIndexOf('.'))), file),
    ]);
    return facts!.literals.map((literal) => literal.value);
  }
  return (await factsOf(file, content)).literals.map((literal) => literal.value);
}

describe('literals the code compares, defaults, matches or allows in name no place it needs', () => {
  it('C#: a default for an unset setting, comparisons and CORS origins are dropped; a connection string is kept', async () => {
    const places = await placesIn(
      'src/Site/Mvc/MvcModule.cs',
      `class MvcModule {
  string BaseUrl(string s) { return string.IsNullOrEmpty(s) ? "http://localhost" : s; }
  string Fallback(string s) { return s ?? "http://localhost:5000"; }
  bool Local(string url) { return url.StartsWith("https://localhost") || url == "http://127.0.0.1:8080"; }
  void Cors(CorsPolicyBuilder b) { b.WithOrigins("http://localhost:4200"); }
  string Env() { return isProd ? "https://api.acme.com" : "http://localhost:7000"; }
  const string Db = "http://ledger.acme.corp:8443/api";
}`,
    );
    expect(places).toEqual(['https://api.acme.com', 'http://localhost:7000', 'http://ledger.acme.corp:8443/api']);
  });

  it('TypeScript: message keys, CORS origins, answer patterns, comparisons and env defaults are dropped; a client URL is kept', async () => {
    const places = await placesIn(
      'server.ts',
      `const io = new Server(server, { cors: { origin: 'http://localhost:4200' } })
const challenge = { key: 'localXss', regex: 'http://localhost:3000' }
const label = t('auth.local')
if (req.headers.referer === 'http://localhost:3000/admin') deny()
const redis = process.env.REDIS_URL || 'redis://localhost:6379'
const api = process.env.API ?? 'http://localhost:8080'
const trusted = ['http://localhost:4200', 'http://127.0.0.1:4200'].includes(req.headers.origin)
app.use(cors({ origin: ['http://localhost:4200'] }))
const ledger = new Client('http://ledger.acme.corp:8443')
const report = axios.get('http://reports.acme.corp/api/v1')`,
    );
    expect(places).toEqual(['http://ledger.acme.corp:8443', 'http://reports.acme.corp/api/v1']);
  });

  it('Java: equals and startsWith compare, a property default is a default; a JDBC URL is kept', async () => {
    const places = await placesIn(
      'src/main/java/acme/Hosts.java',
      `package acme;
class Hosts {
  boolean local(String url) { return "http://localhost:8080".equals(url) || url.startsWith("http://127.0.0.1:9000"); }
  String base() { return System.getProperty("base.url", "http://localhost:8080"); }
  String jdbc = "jdbc:postgresql://db.acme.corp:5432/orders";
}`,
    );
    expect(places).toEqual(['jdbc:postgresql://db.acme.corp:5432/orders']);
  });

  it('Python: getenv defaults, `or` defaults and membership tests are dropped; a client URL is kept', async () => {
    const places = await placesIn(
      'app/settings.py',
      `import os
REDIS = os.getenv("REDIS_URL", "redis://localhost:6379/0")
BROKER = os.environ.get("BROKER") or "amqp://localhost:5672"
ALLOWED = url in ("http://localhost:8000", "http://127.0.0.1:8000")
LEDGER = "http://ledger.acme.corp:8443/api"
`,
    );
    expect(places).toEqual(['http://ledger.acme.corp:8443/api']);
  });

  it('Go and PHP: prefix tests and comparisons are dropped; a dialled address is kept', async () => {
    expect(
      await placesIn(
        'internal/web/proxy.go',
        `package web
func local(u string) bool { return strings.HasPrefix(u, "http://localhost:5173") || u == "http://127.0.0.1:3000" }
var ledger = "http://ledger.acme.corp:8443/api"
`,
      ),
    ).toEqual(['http://ledger.acme.corp:8443/api']);
    expect(
      await placesIn(
        'src/Hosts.php',
        `<?php
$local = str_starts_with($url, 'http://localhost:8000') || $url === 'http://127.0.0.1:8000';
$base = getenv('BASE_URL') ?: 'http://localhost:8000';
$ledger = 'http://ledger.acme.corp:8443/api';
`,
      ),
    ).toEqual(['http://ledger.acme.corp:8443/api']);
  });
});

describe('API catalogues looked up by names from scanned code', () => {
  it('find nothing for names Object.prototype carries (toString, constructor, valueOf)', async () => {
    const facts = await factsOf(
      'Site/Helpers/Names.cs',
      `class Names { string A(object o) { var s = o.toString(); var t = o.constructor; o.valueOf(); return s + o.hasOwnProperty("x"); } }`,
    );
    expect(facts.apiCalls).toEqual([]);
    expect(structuredClone(facts)).toEqual(facts);
  });
});
