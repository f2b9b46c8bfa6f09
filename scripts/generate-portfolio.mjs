#!/usr/bin/env node
// Generates a synthetic polyglot portfolio for benchmarks, deterministic for a given seed:
// Java, C#, TypeScript, Python, Go, PHP, COBOL and JCL applications with manifests.
// Usage: node scripts/generate-portfolio.mjs <dir> [--lines 200000] [--seed 42]
import fs from 'node:fs';
import path from 'node:path';

/** Mulberry32: a small seeded generator, so every run builds the same tree. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAINS = [
  'order',
  'customer',
  'invoice',
  'payment',
  'product',
  'shipment',
  'account',
  'ledger',
  'claim',
  'policy',
];
const VERBS = ['load', 'save', 'find', 'update', 'price', 'validate', 'export', 'notify', 'archive', 'settle'];

function generators(rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const name = () =>
    `${pick(DOMAINS)}${pick(['Service', 'Repository', 'Handler', 'Mapper', 'Job', 'Client'])}${Math.floor(rnd() * 1000)}`;
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  return {
    java(pkg, cls, peers) {
      const methods = Array.from(
        { length: 6 + Math.floor(rnd() * 10) },
        (_, i) => `
    /** ${pick(VERBS)}s a ${pick(DOMAINS)}; see ${pick(peers)}. */
    public ${cap(pick(DOMAINS))}Dto ${pick(VERBS)}${i}(String id, List<String> items) {
        String sql = "SELECT ID, STATUS FROM ${pick(DOMAINS).toUpperCase()}S WHERE ID = ?";
        ${pick(peers)} peer = new ${pick(peers)}();
        peer.handle(id);
        if (items.isEmpty()) { return null; } // nothing to do
        return repository.find(id);
    }`,
      ).join('\n');
      return `package ${pkg};\n\nimport java.util.List;\nimport javax.persistence.EntityManager;\n\n@Service\npublic class ${cls} {\n    private final EntityManager repository;\n${methods}\n}\n`;
    },
    csharp(ns, cls, peers) {
      const methods = Array.from(
        { length: 6 + Math.floor(rnd() * 10) },
        (_, i) => `
        // ${pick(VERBS)} a ${pick(DOMAINS)}
        public async Task<int> ${cap(pick(VERBS))}${i}(string id)
        {
            var peer = new ${pick(peers)}();
            var path = @"C:\\Data\\${pick(DOMAINS)}\\" + id;
            return await _db.ExecuteAsync("UPDATE ${pick(DOMAINS).toUpperCase()} SET STATUS = 1 WHERE ID = @id", peer);
        }`,
      ).join('\n');
      return `using System;\nusing System.Threading.Tasks;\n\nnamespace ${ns}\n{\n    [ApiController]\n    public class ${cls} : ControllerBase\n    {\n        private readonly AppDb _db;\n${methods}\n    }\n}\n`;
    },
    typescript(cls, peers) {
      const imports = peers
        .slice(0, 3)
        .map((peer) => `import { ${peer} } from './${peer}';`)
        .join('\n');
      const methods = Array.from(
        { length: 6 + Math.floor(rnd() * 10) },
        (_, i) => `
  // ${pick(VERBS)} ${pick(DOMAINS)}
  async ${pick(VERBS)}${i}(id: string): Promise<number> {
    const peer = new ${peers[0]}();
    const rows = await this.db.query(\`SELECT * FROM ${pick(DOMAINS)}s WHERE id = \${id}\`);
    return rows.length + peer.size(id);
  }`,
      ).join('\n');
      return `${imports}\n\nexport class ${cls} {\n  constructor(private readonly db: { query(sql: string): Promise<unknown[]> }) {}\n  size(id: string): number { return id.length; }\n${methods}\n}\n`;
    },
    python(peers) {
      const functions = Array.from(
        { length: 6 + Math.floor(rnd() * 10) },
        (_, i) => `

def ${pick(VERBS)}_${i}(record_id: str) -> dict:
    """${cap(pick(VERBS))} a ${pick(DOMAINS)} record."""
    # ${pick(VERBS)} before ${pick(VERBS)}
    rows = cursor.execute("SELECT * FROM ${pick(DOMAINS)} WHERE id = %s", (record_id,))
    return {"id": record_id, "total": len(rows), "peer": ${pick(peers)}.size(record_id)}`,
      ).join('');
      return `import os\nfrom .db import cursor\nfrom . import ${peers.join(', ')}\n${functions}\n`;
    },
    go(pkg) {
      const functions = Array.from(
        { length: 6 + Math.floor(rnd() * 10) },
        (_, i) => `
// ${cap(pick(VERBS))}${i} ${pick(VERBS)}s a ${pick(DOMAINS)}.
func (s *Store) ${cap(pick(VERBS))}${i}(id string) error {
	_, err := s.db.Exec("DELETE FROM ${pick(DOMAINS)} WHERE id = $1", id)
	return err
}`,
      ).join('\n');
      return `package ${pkg}\n\nimport "database/sql"\n\ntype Store struct{ db *sql.DB }\n${functions}\n`;
    },
    php(ns, cls) {
      const methods = Array.from(
        { length: 6 + Math.floor(rnd() * 10) },
        (_, i) => `
    // ${pick(VERBS)} a ${pick(DOMAINS)}
    public function ${pick(VERBS)}${i}(string $id): array
    {
        return DB::select("SELECT * FROM ${pick(DOMAINS)} WHERE id = ?", [$id]);
    }`,
      ).join('\n');
      return `<?php\nnamespace ${ns};\n\nuse Illuminate\\Support\\Facades\\DB;\n\nclass ${cls}\n{\n${methods}\n}\n`;
    },
    cobol(program, peers) {
      const lines = [
        ` IDENTIFICATION DIVISION.`,
        ` PROGRAM-ID. ${program}.`,
        ` DATA DIVISION.`,
        ` WORKING-STORAGE SECTION.`,
        ` 01  WS-KEY PIC X(16).`,
        `     COPY ${program.slice(0, 4)}REC.`,
        ` PROCEDURE DIVISION.`,
      ];
      for (let i = 0; i < 20 + Math.floor(rnd() * 40); i++) {
        lines.push(`*    STEP ${i}: ${pick(VERBS).toUpperCase()} ${pick(DOMAINS).toUpperCase()}`);
        lines.push(
          rnd() < 0.5
            ? `     EXEC CICS READ FILE('${pick(DOMAINS).toUpperCase().slice(0, 8)}') INTO(REC) RIDFLD(WS-KEY) END-EXEC.`
            : `     EXEC SQL SELECT STATUS INTO :WS-KEY FROM ${pick(DOMAINS).toUpperCase()} WHERE ID = :WS-KEY END-EXEC.`,
        );
        lines.push(`     CALL '${pick(peers)}' USING WS-KEY.`);
      }
      lines.push('     STOP RUN.');
      return (
        lines
          .map(
            (line, i) =>
              `${String((i + 1) * 100).padStart(6, '0')}${line.startsWith('*') ? '*' : ' '}${line.startsWith('*') ? line.slice(1) : line}`,
          )
          .join('\n') + '\n'
      );
    },
    jcl(job, programs) {
      const steps = programs
        .map(
          (program, i) =>
            `//STEP${i + 1}    EXEC PGM=${program}\n//INPUT    DD DSN=PROD.${job}.IN${i},DISP=SHR\n//OUTPUT   DD DSN=PROD.${job}.OUT${i}(+1),DISP=(NEW,CATLG,DELETE)`,
        )
        .join('\n');
      return `//${job} JOB (ACCT),'GENERATED',CLASS=A\n${steps}\n`;
    },
    name,
  };
}

export function generatePortfolio(root, { lines = 200_000, seed = 42 } = {}) {
  const rnd = random(seed);
  const g = generators(rnd);
  let written = 0;
  let files = 0;
  const write = (rel, text) => {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    written += text.split('\n').length;
    files++;
  };
  const kinds = ['java', 'csharp', 'typescript', 'python', 'go', 'php', 'cobol'];
  for (let app = 0; written < lines; app++) {
    const kind = kinds[app % kinds.length];
    const dir = `${kind}-app-${String(app).padStart(4, '0')}`;
    const count = 20 + Math.floor(rnd() * 40);
    const classes = Array.from({ length: count }, (_, i) => `${g.name().replace(/^./, (c) => c.toUpperCase())}X${i}`);
    const peersOf = (i) => [classes[(i + 1) % count], classes[(i + 7) % count], classes[(i + 13) % count]];
    if (kind === 'java') {
      write(
        `${dir}/pom.xml`,
        `<project><groupId>com.acme</groupId><artifactId>${dir}</artifactId><dependencies><dependency><groupId>javax</groupId><artifactId>javaee-api</artifactId></dependency></dependencies></project>\n`,
      );
      classes.forEach((cls, i) =>
        write(
          `${dir}/src/main/java/com/acme/${DOMAINS[i % DOMAINS.length]}/${cls}.java`,
          g.java(`com.acme.${DOMAINS[i % DOMAINS.length]}`, cls, peersOf(i)),
        ),
      );
    } else if (kind === 'csharp') {
      write(
        `${dir}/App.csproj`,
        '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n',
      );
      classes.forEach((cls, i) =>
        write(`${dir}/Controllers/${cls}.cs`, g.csharp(`Acme.${DOMAINS[i % DOMAINS.length]}`, cls, peersOf(i))),
      );
    } else if (kind === 'typescript') {
      write(`${dir}/package.json`, JSON.stringify({ name: dir, dependencies: { express: '^4.21.0' } }) + '\n');
      classes.forEach((cls, i) => write(`${dir}/src/${cls}.ts`, g.typescript(cls, peersOf(i))));
    } else if (kind === 'python') {
      write(`${dir}/requirements.txt`, 'psycopg2==2.9.9\n');
      const modules = classes.map((cls) => cls.toLowerCase());
      modules.forEach((module, i) =>
        write(`${dir}/app/${module}.py`, g.python([modules[(i + 1) % count], modules[(i + 5) % count]])),
      );
    } else if (kind === 'go') {
      write(`${dir}/go.mod`, `module acme.io/${dir}\n\ngo 1.22\n`);
      // A service has a main package; without one a Go module is a library, set aside.
      write(
        `${dir}/cmd/server/main.go`,
        'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":8080", nil)\n}\n',
      );
      classes.forEach((cls, i) =>
        write(
          `${dir}/internal/${DOMAINS[i % DOMAINS.length]}/${cls.toLowerCase()}.go`,
          g.go(DOMAINS[i % DOMAINS.length]),
        ),
      );
    } else if (kind === 'php') {
      write(`${dir}/composer.json`, JSON.stringify({ name: `acme/${dir}` }) + '\n');
      classes.forEach((cls, i) => write(`${dir}/src/${cls}.php`, g.php(`App\\${DOMAINS[i % DOMAINS.length]}`, cls)));
    } else {
      const programs = classes.map((_, i) =>
        `PG${String(app).padStart(3, '0')}${String(i).padStart(3, '0')}`.slice(0, 8),
      );
      programs.forEach((program, i) =>
        write(`${dir}/cobol/${program}.cbl`, g.cobol(program, [programs[(i + 1) % count], programs[(i + 3) % count]])),
      );
      for (let j = 0; j < count; j += 5)
        write(
          `${dir}/jcl/JOB${String(app).padStart(2, '0')}${j}.jcl`,
          g.jcl(`JOB${String(app).padStart(2, '0')}${j}`.slice(0, 8), programs.slice(j, j + 5)),
        );
    }
  }
  return { files, lines: written };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, ...rest] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/generate-portfolio.mjs <dir> [--lines N] [--seed N]');
    process.exit(2);
  }
  const option = (flag, fallback) => {
    const index = rest.indexOf(flag);
    return index === -1 ? fallback : Number(rest[index + 1]);
  };
  const { files, lines } = generatePortfolio(dir, { lines: option('--lines', 200_000), seed: option('--seed', 42) });
  console.log(`generated ${files} files, ${lines} lines in ${dir}`);
}
