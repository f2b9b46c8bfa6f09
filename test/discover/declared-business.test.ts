import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { makeTree } from '../helpers/temp-tree.js';

const POM = (name: string) => `<project><artifactId>${name}</artifactId><packaging>war</packaging></project>\n`;
const CONTROLLER =
  'package shop;\n@org.springframework.web.bind.annotation.RestController\npublic class Api {\n  @org.springframework.web.bind.annotation.GetMapping("/x") public String x() { return "x"; }\n}\n';

describe('criticality and owner from cloudready.yaml', () => {
  it('reach the application in the graph; an inventory service level wins on criticality', async () => {
    const root = await makeTree({
      'shop/pom.xml': POM('shop'),
      'shop/src/main/java/shop/Api.java': CONTROLLER,
      'ledger/pom.xml': POM('ledger'),
      'ledger/src/main/java/shop/Api.java': CONTROLLER,
      'cloudready.yaml':
        'applications:\n  - path: shop\n    criticality: business-critical\n    owner: Team Checkout\n  - path: ledger\n    criticality: low\n    owner: Finance IT\n',
      'inventory/hosts.yaml':
        'version: 1\nhosts:\n  - { id: h1 }\napplications:\n  - { id: ledger, hosts: [h1], sla: { criticality: mission-critical } }\n',
    });
    const result = await scan({ paths: [root], cwd: root });
    const attributes = (id: string) => result.graph.nodes.find((node) => node.id === `app:${id}`)?.attributes;
    expect(attributes('shop')).toMatchObject({ criticality: 'business-critical', owner: 'Team Checkout' });
    expect(attributes('ledger')).toMatchObject({ criticality: 'mission-critical', owner: 'Finance IT' });
  });

  it('refuses a criticality it does not know, naming the line', async () => {
    const root = await makeTree({
      'shop/pom.xml': POM('shop'),
      'cloudready.yaml': 'applications:\n  - path: shop\n    criticality: urgent\n',
    });
    await expect(scan({ paths: [root], cwd: root })).rejects.toThrow(/cloudready\.yaml:3/);
  });
});
