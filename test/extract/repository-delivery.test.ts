import { describe, expect, it } from 'vitest';
import { scan } from '../../src/scan.js';
import { makeTree } from '../helpers/temp-tree.js';

describe('what a repository keeps beside its applications delivers them too', () => {
  it('azure.yaml and infra/ at the root are the infrastructure as code of the applications below', async () => {
    const root = await makeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'azure.yaml': 'name: shop\nservices:\n  api: { project: ./api, host: containerapp }\n',
      'infra/main.bicep': 'param location string = resourceGroup().location\n',
      'api/Api.csproj':
        '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>\n',
      'api/Program.cs':
        'var app = WebApplication.CreateBuilder(args).Build();\napp.MapHealthChecks("/healthz");\napp.Run();\n',
    });
    const result = await scan({ paths: [root], cwd: root });
    expect(result.applications.map((app) => app.path)).toEqual(['api']);
    expect(result.findings.filter((finding) => finding.ruleId === 'delivery/no-infrastructure-as-code')).toEqual([]);
    expect(result.outside.map((folder) => [folder.path, folder.kind])).toContainEqual(['infra', 'infrastructure']);
  });
});
