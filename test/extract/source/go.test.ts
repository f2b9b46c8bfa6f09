import { describe, expect, it } from 'vitest';
import { languageById } from '../../../src/languages/registry.js';
import { extractSourceFacts } from '../../../src/extract/source/index.js';
import { analyseText } from '../../../src/extract/source-text.js';
import { UnitIndex } from '../../../src/model/resolve-references.js';

const STORE = `package ledger

import (
	"database/sql"
	"os"
	h "net/http"
	"acme.io/ledger/internal/audit"
)

// os.WriteFile("/var/commented", nil, 0644)
type Store struct {
	audit.Recorder
	db *sql.DB
}

type Reader interface{ Read() error }

func (s *Store) Post(e Entry) error {
	_, err := s.db.Exec(\`INSERT INTO LEDGER.ENTRIES (ID) VALUES ($1)\`, e.ID)
	os.WriteFile("/var/ledger/out.csv", nil, 0644)
	go audit.Record(e.ID)
	return err
}

func Serve() {
	h.HandleFunc("/entries", handler)
	h.ListenAndServe(":8080", nil)
}
`;
const AUDIT = `package audit

type Recorder struct{}

func Record(id string) { _ = os.Getenv("AUDIT_URL") }
`;

async function facts(appRel: string, text: string) {
  const result = await extractSourceFacts(analyseText(`ledger/${appRel}`, text, languageById('go'), appRel));
  if (!result) throw new Error('no facts');
  return result;
}

describe('Go extractor', () => {
  it('names the package by folder; types, functions and methods on receivers', async () => {
    const f = await facts('internal/ledger/store.go', STORE);
    expect(f.units.map((u) => [u.id, u.kind])).toEqual([
      ['internal/ledger', 'module'],
      ['internal/ledger.Store', 'struct'],
      ['internal/ledger.Reader', 'interface'],
      ['internal/ledger.Serve', 'function'],
    ]);
    expect(f.imports.map((i) => i.target)).toEqual(['database/sql', 'os', 'net/http', 'acme.io/ledger/internal/audit']);
  });

  it('embedding, calls into imported packages, APIs, goroutines, routes, SQL; nothing from comments', async () => {
    const f = await facts('internal/ledger/store.go', STORE);
    const refs = f.references.map((r) => `${r.from} ${r.kind} ${r.to}`);
    expect(refs).toEqual(
      expect.arrayContaining([
        'internal/ledger.Store inherits acme.io/ledger/internal/audit.Recorder',
        'internal/ledger.Store calls acme.io/ledger/internal/audit.Record',
      ]),
    );
    expect(f.apiCalls.map((a) => [a.unit, a.api, a.name])).toEqual([
      ['internal/ledger.Store', 'file-write', 'os.WriteFile'],
      ['internal/ledger.Store', 'thread', 'go'],
    ]);
    expect(f.entryPoints.map((e) => [e.kind, e.detail])).toEqual([
      ['http-route', '/entries'],
      ['main', 'listen'],
    ]);
    expect(f.dataAccess.map((d) => [d.unit, d.target, d.mode])).toEqual([
      ['internal/ledger.Store', 'LEDGER.ENTRIES', 'write'],
    ]);
    expect(f.literals.map((l) => [l.kind, l.value])).toEqual([
      ['path', '/var/ledger/out.csv'],
      ['port', ':8080'],
    ]);
  });

  it('resolves a module-path import to the package folder unit of the application', async () => {
    const store = await facts('internal/ledger/store.go', STORE);
    const audit = await facts('internal/audit/audit.go', AUDIT);
    const index = new UnitIndex([store, audit]);
    expect(index.resolve('acme.io/ledger/internal/audit.Record', store)).toBe('internal/audit.Record');
    expect(index.resolve('acme.io/ledger/internal/audit', store)).toBe('internal/audit');
  });
});
