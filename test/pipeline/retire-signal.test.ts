import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { makeTree } from '../helpers/temp-tree.js';

/** An estate whose traffic is known (a connection between two other servers) and places the site on a server no one connects to. */
const INVENTORY = `version: 1
hosts:
  - { id: web01, os: { name: Windows Server, version: "2019" } }
  - { id: a, os: { name: Ubuntu, version: "22.04" } }
  - { id: b, os: { name: Ubuntu, version: "22.04" } }
applications:
  - { id: intranet, hosts: [web01] }
connections:
  - { source: a, target: b, port: 5432 }
`;
const PROJECT =
  '<Project ToolsVersion="15.0"><PropertyGroup><TargetFrameworkVersion>v4.8</TargetFrameworkVersion><OutputType>Library</OutputType></PropertyGroup></Project>\n';
const CODE_BEHIND =
  'using System;\nnamespace Intranet {\n  public partial class Default : System.Web.UI.Page {\n    protected void Page_Load(object sender, EventArgs e) { }\n  }\n}\n';

describe('the retire signal', () => {
  it('counts Web Forms pages as entry points: a site with pages and no routes in code is no retire candidate', async () => {
    const root = await makeTree({
      'intranet/Intranet.csproj': PROJECT,
      'intranet/Default.aspx':
        '<%@ Page Language="C#" CodeBehind="Default.aspx.cs" Inherits="Intranet.Default" %>\n<html><body>Intranet</body></html>\n',
      'intranet/Default.aspx.cs': CODE_BEHIND,
      'inventory/hosts.yaml': INVENTORY,
    });
    const result = await scan({ paths: [root], cwd: root });
    const app = result.applications.find((candidate) => candidate.id === 'intranet')!;
    expect(app.kind).toBe('web');
    expect(app.strategyRunnerUp.strategy).not.toBe('retire');
  });

  it('still names retire when nothing can start the application, nothing depends on it and no traffic reaches it', async () => {
    const root = await makeTree({
      'intranet/Intranet.csproj': PROJECT.replace('Library', 'Exe'),
      'intranet/Program.cs':
        'namespace Intranet {\n  public static class Report {\n    public static int Total(int[] values) { var sum = 0; foreach (var v in values) sum += v; return sum; }\n  }\n}\n',
      'inventory/hosts.yaml': INVENTORY,
    });
    const result = await scan({ paths: [root], cwd: root });
    const app = result.applications.find((candidate) => candidate.id === 'intranet');
    expect(app?.strategyRunnerUp).toEqual({
      strategy: 'retire',
      reasons: [
        'no application depends on it, no traffic was observed into its hosts and its code has no entry point: confirm it is still used before moving it',
      ],
    });
  });
});
