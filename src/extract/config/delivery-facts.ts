import type { ManifestFacts } from '../manifests/index.js';
import type { SourceFacts } from '../source/source-facts.js';
import type { ConfigFile } from './config-entries.js';

export type DeliveryAspect = 'ci' | 'tests' | 'container' | 'iac' | 'health-check';

/** Where each delivery aspect shows: file (and line) per piece of evidence; empty when absent. */
export type DeliveryFacts = Record<DeliveryAspect, { file: string; line?: number }[]>;

const CI_FILES =
  /(^|\/)(Jenkinsfile|\.gitlab-ci\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.yml|\.travis\.yml|buildspec\.ya?ml|cloudbuild\.ya?ml|\.circleci\/config\.yml|\.github\/workflows\/[^/]+\.ya?ml|\.drone\.yml|Tektonfile)$/i;
const TEST_FILES =
  /(^|\/)(src\/test\/|tests?\/|__tests__\/|spec\/)|(Tests?\.(java|cs|kt)|_test\.(go|py)|\.(test|spec)\.[cm]?[jt]sx?|(^|\/)test_[^/]+\.py|Test\.php)$/;
const TEST_DEPENDENCIES =
  /^(junit:junit|org\.junit\.jupiter:.*|org\.testng:testng|org\.springframework\.boot:spring-boot-starter-test|pytest|unittest2|nose2?|jest|vitest|mocha|jasmine|ava|xunit.*|nunit.*|MSTest\..*|Microsoft\.NET\.Test\.Sdk|phpunit\/phpunit|github\.com\/stretchr\/testify)$/;
const CONTAINER_FILES = /(^|\/)(Dockerfile(\.[\w-]+)?|Containerfile|docker-compose[\w.-]*\.ya?ml|compose\.ya?ml)$/;
const IAC_FILES =
  /(\.tf|\.bicep|(^|\/)Chart\.yaml|(^|\/)Pulumi\.ya?ml|(^|\/)serverless\.ya?ml|(^|\/)template\.ya?ml|\.cfn\.(json|ya?ml)|(^|\/)azure\.ya?ml|(^|\/)azuredeploy[\w.-]*\.json|(^|\/)kustomization\.ya?ml)$/;
const HEALTH_DEPENDENCIES =
  /^(org\.springframework\.boot:spring-boot-starter-actuator|io\.quarkus:quarkus-smallrye-health|io\.micronaut:micronaut-management|Microsoft\.Extensions\.Diagnostics\.HealthChecks.*|AspNetCore\.HealthChecks\..*|@nestjs\/terminus|express-healthcheck|lightship|django-health-check|py-healthcheck)$/;

/**
 * What the application has around its code to run on a platform: a pipeline, tests, an image,
 * infrastructure as code, a health check. Read from file names, manifests, configuration and
 * source facts; nothing is executed.
 */
export function collectDeliveryFacts(
  files: { appRel: string; rel: string }[],
  texts: { rel: string; text: string }[],
  manifests: ManifestFacts[],
  configs: ConfigFile[],
  sources: SourceFacts[],
): DeliveryFacts {
  const facts: DeliveryFacts = { ci: [], tests: [], container: [], iac: [], 'health-check': [] };
  // Names are matched inside the application (a test/ folder above it is not its own), evidence uses result paths.
  for (const { appRel, rel } of files) {
    if (CI_FILES.test(appRel)) facts.ci.push({ file: rel });
    if (TEST_FILES.test(appRel)) facts.tests.push({ file: rel });
    if (CONTAINER_FILES.test(appRel)) facts.container.push({ file: rel });
    if (IAC_FILES.test(appRel)) facts.iac.push({ file: rel });
  }
  for (const manifest of manifests) {
    for (const dependency of manifest.dependencies) {
      if (TEST_DEPENDENCIES.test(dependency.name))
        facts.tests.push({ file: dependency.file, ...(dependency.line ? { line: dependency.line } : {}) });
      if (HEALTH_DEPENDENCIES.test(dependency.name))
        facts['health-check'].push({ file: dependency.file, ...(dependency.line ? { line: dependency.line } : {}) });
    }
  }
  for (const config of configs) {
    for (const entry of config.entries) {
      // Kubernetes manifests and infrastructure templates in YAML or JSON.
      if (
        /(^|\.)(livenessProbe|readinessProbe|startupProbe|healthcheck|health-check-type|health-check-http-endpoint)(\.|$)/i.test(
          entry.key,
        )
      )
        facts['health-check'].push({ file: config.file, line: entry.line });
      // A Cloud Foundry manifest deploys onto a platform that builds the container from the artefact.
      if (/(^|\/)manifest\.ya?ml$/.test(config.file) && /^applications\[\d+\]\.name$/.test(entry.key))
        facts.container.push({ file: config.file, line: entry.line });
      if (/^(AWSTemplateFormatVersion|Resources\.[^.]+\.Type)$/.test(entry.key) && /^(20\d\d-|AWS::)/.test(entry.value))
        facts.iac.push({ file: config.file, line: entry.line });
      if (
        /^(\[\d+\]\.)?kind$/.test(entry.key) &&
        /^(Deployment|StatefulSet|DaemonSet|Service|Ingress|Route|DeploymentConfig|CronJob)$/.test(entry.value)
      )
        facts.iac.push({ file: config.file, line: entry.line });
    }
  }
  for (const { rel, text } of texts) {
    const healthcheck = /^\s*HEALTHCHECK\s+(?!NONE)/im.exec(text);
    if (CONTAINER_FILES.test(rel) && healthcheck)
      facts['health-check'].push({ file: rel, line: text.slice(0, healthcheck.index).split('\n').length });
  }
  for (const source of sources) {
    for (const entry of source.entryPoints) {
      if (
        entry.kind === 'http-route' &&
        /\/(health|healthz|health-check|healthcheck|ready|readyz|readiness|live|livez|liveness|ping|status|heartbeat)\b/i.test(
          entry.detail ?? '',
        )
      )
        facts['health-check'].push({ file: entry.location.file, line: entry.location.line });
    }
  }
  for (const aspect of Object.keys(facts) as DeliveryAspect[]) {
    const seen = new Set<string>();
    facts[aspect] = facts[aspect]
      .filter((place) => !seen.has(`${place.file}:${place.line ?? 0}`) && seen.add(`${place.file}:${place.line ?? 0}`))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  }
  return facts;
}
