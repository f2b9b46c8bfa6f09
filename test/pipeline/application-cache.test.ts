import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScanProfile } from '../../src/util/scan-profile.js';
import type { ScanResult } from '../../src/result/schema.js';
import { scan } from '../../src/scan.js';
import { makeTree } from '../helpers/temp-tree.js';

const now = () => new Date('2026-01-01T00:00:00Z');
const comparable = (result: ScanResult) => JSON.stringify({ ...result, scannedAt: '' });

// Two Java services: billing reaches a database by a fixed address and writes to a local folder.
const TREE = {
  'billing/pom.xml':
    '<project><groupId>com.acme</groupId><artifactId>billing</artifactId><packaging>war</packaging></project>',
  'billing/src/main/java/com/acme/billing/InvoiceStore.java':
    'package com.acme.billing;\nimport java.io.FileWriter;\npublic class InvoiceStore {\n  String url = "jdbc:oracle:thin:@10.20.30.40:1521/BILL";\n  void save(String pdf) throws Exception { new FileWriter("C:\\\\invoices\\\\out.pdf").write(pdf); }\n}\n',
  'billing/src/main/java/com/acme/billing/InvoiceService.java':
    'package com.acme.billing;\npublic class InvoiceService {\n  private final InvoiceStore store = new InvoiceStore();\n}\n',
  'billing/src/main/resources/application.properties':
    'spring.datasource.url=jdbc:oracle:thin:@db01.acme.corp:1521/BILL\n',
  'shipping/pom.xml':
    '<project><groupId>com.acme</groupId><artifactId>shipping</artifactId><packaging>war</packaging></project>',
  'shipping/src/main/java/com/acme/shipping/Carrier.java':
    'package com.acme.shipping;\npublic class Carrier {\n  String endpoint = "http://carrier-gw.acme.local:8080/api";\n}\n',
  'shipping/src/main/java/com/acme/shipping/Label.java':
    'package com.acme.shipping;\npublic class Label {\n  Carrier carrier;\n}\n',
};

async function scanned(root: string, cacheDir?: string) {
  const profile = new ScanProfile();
  const result = await scan({ paths: [root], cwd: root, now, ...(cacheDir ? { cacheDir } : {}), profile });
  return { result, profile: profile.summary() };
}

describe('applications read back whole from the cache', () => {
  it('after a change reads only the application it touched, with the result of a scan without cache', async () => {
    const root = await makeTree(TREE);
    const cacheDir = path.join(root, '.cloudready', 'cache');
    expect((await scanned(root, cacheDir)).profile.reusedApplications).toBe(0);

    await fs.appendFile(path.join(root, 'shipping/src/main/java/com/acme/shipping/Label.java'), 'class Barcode {}\n');
    const changed = await scanned(root, cacheDir);
    expect(changed.profile.reusedApplications).toBe(1);
    expect(changed.result.graph.nodes.map((node) => node.id)).toContain('unit:shipping:com.acme.shipping.Barcode');
    // Billing's findings, evidence lines and facts come back exactly as they were read.
    expect(changed.result.findings.filter((finding) => finding.applicationId === 'billing').length).toBeGreaterThan(0);
    expect(comparable(changed.result)).toBe(comparable((await scanned(root)).result));
  });

  it('reads every application again when the settings or the rules change', async () => {
    const root = await makeTree(TREE);
    const cacheDir = path.join(root, '.cloudready', 'cache');
    await scanned(root, cacheDir);
    await fs.writeFile(path.join(root, 'cloudready.yaml'), 'rules:\n  disable: [networking/hardcoded-ip]\n');
    const disabled = await scanned(root, cacheDir);
    expect(disabled.profile.reusedApplications).toBe(0);
    expect(disabled.result.findings.map((finding) => finding.ruleId)).not.toContain('networking/hardcoded-ip');
    expect(comparable(disabled.result)).toBe(comparable((await scanned(root)).result));
  });

  it("keeps the entries of a reused application's files: a later change there parses only the changed file", async () => {
    const root = await makeTree(TREE);
    const cacheDir = path.join(root, '.cloudready', 'cache');
    await scanned(root, cacheDir);
    await fs.appendFile(path.join(root, 'shipping/src/main/java/com/acme/shipping/Label.java'), '// reprinted\n');
    expect((await scanned(root, cacheDir)).profile.reusedApplications).toBe(1);
    // Now billing, read back whole last time, changes in one file: the other is still in the cache.
    await fs.appendFile(path.join(root, 'billing/src/main/java/com/acme/billing/InvoiceService.java'), '// audited\n');
    const billing = await scanned(root, cacheDir);
    expect(billing.profile.reusedApplications).toBe(1);
    expect(billing.profile.slowestFiles.map((file) => file.file).filter((file) => file.endsWith('.java'))).toEqual([
      'billing/src/main/java/com/acme/billing/InvoiceService.java',
    ]);
    expect(comparable(billing.result)).toBe(comparable((await scanned(root)).result));
  });
});
