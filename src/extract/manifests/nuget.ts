import { lineOf, type Dependency, type ManifestFacts } from './manifest-facts.js';
import { children, parseXml, text } from './xml.js';
import { dotnetRuntime, type RuntimeDeclaration } from './runtime-declarations.js';

/**
 * .csproj/.vbproj (SDK-style and classic) and packages.config: NuGet packages, framework
 * assembly references (System.ServiceModel, System.Web ...), and the target framework.
 */
export function extractNuget(source: string, file: string): ManifestFacts {
  const parsed = parseXml(source, file);
  if (!parsed.ok) return { file, ecosystem: 'nuget', dependencies: [], diagnostics: [parsed.diagnostic] };
  const dependencies: Dependency[] = [];
  const add = (name: string | undefined, version: string | undefined, scope: string, needle: string) => {
    if (name) dependencies.push({ ecosystem: 'nuget', name, version, scope, file, line: lineOf(source, needle) });
  };

  for (const pkg of children(children(parsed.root, 'packages')[0], 'package')) {
    const id = text(pkg, '@id');
    add(id, text(pkg, '@version'), 'runtime', `"${id}"`);
  }
  const project = children(parsed.root, 'Project')[0];
  let targetFramework: string | undefined;
  let element = '';
  for (const group of children(project, 'PropertyGroup')) {
    if (targetFramework !== undefined) break;
    element =
      ['TargetFramework', 'TargetFrameworks', 'TargetFrameworkVersion'].find(
        (name) => text(group, name) !== undefined,
      ) ?? '';
    if (element) targetFramework = text(group, element);
  }
  for (const group of children(project, 'ItemGroup')) {
    for (const reference of children(group, 'PackageReference')) {
      const name = text(reference, '@Include');
      add(name, text(reference, '@Version') ?? text(reference, 'Version'), 'runtime', `"${name}"`);
    }
    for (const reference of children(group, 'Reference')) {
      // Classic references carry the strong name: "log4net, Version=1.2.10.0, Culture=neutral".
      const include = text(reference, '@Include');
      const [name, ...parts] = (include ?? '').split(',').map((part) => part.trim());
      const version = parts.find((part) => part.startsWith('Version='))?.slice('Version='.length);
      add(name || undefined, version, text(reference, 'HintPath') ? 'runtime' : 'framework', `"${include}"`);
    }
  }
  // Each framework a project targets (net8.0;net48) is a runtime it must run on.
  const runtimes: RuntimeDeclaration[] = (targetFramework ?? '').split(';').flatMap((moniker) => {
    const runtime = dotnetRuntime(moniker);
    return runtime
      ? [
          {
            ...runtime,
            file,
            line: lineOf(source, `<${element}>`),
            text: `<${element}>${targetFramework}</${element}>`,
          },
        ]
      : [];
  });
  return {
    file,
    ecosystem: 'nuget',
    name: file
      .split('/')
      .pop()
      ?.replace(/\.\w+proj$/, ''),
    dependencies,
    targetFramework,
    runtimes,
    diagnostics: [],
  };
}
