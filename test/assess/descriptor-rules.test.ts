import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { makeTree } from '../helpers/temp-tree.js';

async function rulesFor(files: Record<string, string>) {
  const dir = await makeTree(files);
  const result = await scan({ paths: [dir], cwd: process.cwd() });
  return { ids: result.findings.map((f) => f.ruleId), result };
}

describe('rules over descriptors and endpoints', () => {
  it('a Dockerfile without USER runs as root; one with an unprivileged USER does not', async () => {
    expect(
      (
        await rulesFor({
          'svc/package.json': '{}',
          'svc/Dockerfile': 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
        })
      ).ids,
    ).toContain('delivery/container-runs-as-root');
    expect(
      (
        await rulesFor({
          'svc/package.json': '{}',
          'svc/Dockerfile': 'FROM node:20\nUSER node\nCMD ["node", "server.js"]\n',
        })
      ).ids,
    ).not.toContain('delivery/container-runs-as-root');
    expect((await rulesFor({ 'svc/package.json': '{}', 'svc/Dockerfile': 'FROM node:20\nUSER root\n' })).ids).toContain(
      'delivery/container-runs-as-root',
    );
  });

  it('sticky sessions in Kubernetes; a localhost dependency in configuration but not a container checking itself', async () => {
    const { ids, result } = await rulesFor({
      'svc/pom.xml': '<project/>',
      'svc/k8s/service.yaml': 'apiVersion: v1\nkind: Service\nspec:\n  sessionAffinity: ClientIP\n',
      'svc/src/main/resources/application.properties': 'spring.rabbitmq.addresses=amqp://localhost:5672\n',
      'svc/Dockerfile': 'FROM eclipse-temurin:21\nUSER app\nHEALTHCHECK CMD curl -f http://localhost:8080/health\n',
    });
    expect(ids).toEqual(
      expect.arrayContaining(['state-and-storage/sticky-sessions', 'networking/localhost-dependency']),
    );
    const localhost = result.findings.find((f) => f.ruleId === 'networking/localhost-dependency');
    expect(localhost?.evidence.map((e) => e.file)).toEqual([expect.stringMatching(/application\.properties$/)]);
  });

  it('a Helm template that does not parse is noted, not warned about; broken plain YAML is a warning', async () => {
    const { result } = await rulesFor({
      'chart/Chart.yaml': 'apiVersion: v2\nname: svc\n',
      'chart/templates/deploy.yaml': 'spec:\n  replicas: {{ .Values.replicas }}\n  {{- if .Values.probe }}\n',
      'chart/values.yaml': 'replicas: [2\n',
      'chart/package.json': '{}',
    });
    expect(result.diagnostics.map((d) => [d.file?.replace(/^.*chart\//, ''), d.level, d.code])).toEqual([
      ['templates/deploy.yaml', 'info', 'template'],
      ['values.yaml', 'warning', 'parse-error'],
    ]);
  });

  it('commercial components: SAP JCo, TIBCO, Crystal Reports, COM interop, eXtreme Scale; ComVisible(false) is no interop', async () => {
    const { ids } = await rulesFor({
      'erp/pom.xml':
        '<project><dependencies><dependency><groupId>com.sap.conn.jco</groupId><artifactId>sapjco3</artifactId></dependency></dependencies></project>',
      'erp/src/Bus.java':
        'package erp;\nimport com.tibco.tibjms.TibjmsConnectionFactory;\nimport com.ibm.websphere.objectgrid.ObjectGrid;\nclass Bus { TibjmsConnectionFactory factory; ObjectGrid grid; public static void main(String[] args) {} }\n',
      'reports/Reports.csproj':
        '<Project>\n  <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>\n  <ItemGroup>\n    <Reference Include="CrystalDecisions.CrystalReports.Engine, Version=13.0.4000.0" />\n    <COMReference Include="Excel" />\n  </ItemGroup>\n</Project>\n',
      'reports/AssemblyInfo.cs': 'using System.Runtime.InteropServices;\n[assembly: ComVisible(false)]\n',
    });
    expect(ids).toEqual(
      expect.arrayContaining([
        'commercial-components/sap-jco',
        'commercial-components/tibco',
        'commercial-components/websphere-extreme-scale',
        'commercial-components/crystal-reports',
        'commercial-components/com-interop',
      ]),
    );
    const plain = await rulesFor({
      'app/App.csproj': '<Project/>',
      'app/AssemblyInfo.cs': '[assembly: System.Runtime.InteropServices.ComVisible(false)]\n',
    });
    expect(plain.ids).not.toContain('commercial-components/com-interop');
  });
});
