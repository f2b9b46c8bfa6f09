import { scoreSteps } from '../../../assess/score-steps.js';
import type { Application } from '../../../result/schema.js';
import { printedFindings } from './print-findings.js';
import { scoreMeter, strategyBadge } from './applications.js';
import { h, routeTo } from './dom.js';
import { formatDays, formatInteger, plural } from './format.js';
import type { ReportIndex } from './report-index.js';
import { renderSplit } from './split-view.js';
import { findingsByCategory } from './application-findings.js';

/** A bar per dimension, drawn in HTML: it prints, and it fits a phone. */
function dimensions(app: Application): HTMLElement {
  return h(
    'figure',
    { class: 'chart dimensions' },
    h('figcaption', null, 'Score by dimension'),
    h(
      'table',
      { class: 'compact dimension-bars' },
      h(
        'tbody',
        null,
        Object.entries(app.dimensions).map(([dimension, score]) =>
          h('tr', null, h('th', { scope: 'row' }, dimension), h('td', null, scoreMeter(score))),
        ),
      ),
    ),
  );
}

function scoreWalk(app: Application, index: ReportIndex): HTMLElement {
  const walk = scoreSteps(index.findingsByApp.get(app.id) ?? [], index.data.scoringModel);
  return h(
    'details',
    { class: 'walk no-print', open: true },
    h('summary', null, 'How the score was computed'),
    h(
      'p',
      { class: 'small muted' },
      'Each finding takes its share of what is left, the most severe first; any blocker caps the score.',
    ),
    h(
      'table',
      { class: 'compact' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, 'Finding'),
          h('th', { class: 'numeric' }, '×'),
          h('th', { class: 'numeric' }, 'Left'),
        ),
      ),
      h(
        'tbody',
        null,
        h('tr', null, h('td', null, 'start'), h('td'), h('td', { class: 'numeric' }, '100.00')),
        walk.steps.map((step) =>
          h(
            'tr',
            null,
            h('td', null, h('span', { class: `badge severity-${step.severity}` }, step.severity), ' ', step.ruleId),
            h('td', { class: 'numeric' }, step.factor.toFixed(2)),
            h('td', { class: 'numeric' }, step.remaining.toFixed(2)),
          ),
        ),
        h('tr', null, h('td', null, 'rounded'), h('td'), h('td', { class: 'numeric' }, walk.rounded)),
        walk.capped !== undefined
          ? h(
              'tr',
              null,
              h('td', null, `a blocker caps the score at ${index.data.scoringModel.blockerCap}`),
              h('td'),
              h('td', { class: 'numeric' }, walk.capped),
            )
          : null,
      ),
    ),
  );
}

const EDGE_PHRASES: Record<string, [string, string]> = {
  'depends-on': ['depends on', 'is needed by'],
  'connects-to': ['connects to', 'is reached from'],
  'runs-on': ['runs on', 'runs'],
  'shares-datastore': ['shares a datastore with', 'shares a datastore with'],
};

function connections(app: Application, index: ReportIndex): HTMLElement {
  const self = `app:${app.id}`;
  const labels = new Map(index.data.graph.nodes.map((node) => [node.id, node]));
  const rows: HTMLElement[] = [];
  for (const edge of index.data.graph.edges) {
    const outgoing = edge.source === self;
    if (!outgoing && edge.target !== self) continue;
    const other = labels.get(outgoing ? edge.target : edge.source);
    if (!other || other.kind === 'library') continue;
    const phrase = EDGE_PHRASES[edge.kind]?.[outgoing ? 0 : 1] ?? edge.kind;
    const detail = Object.entries(edge.attributes ?? {})
      .map(([key, value]) => `${key} ${value}`)
      .join(', ');
    const target =
      other.kind === 'application'
        ? h('a', { href: routeTo('app', other.id.slice(4)) }, other.label)
        : h('a', { href: routeTo('graph', other.id) }, other.label);
    rows.push(
      h(
        'tr',
        null,
        h('td', null, phrase),
        h('td', null, target),
        h('td', null, other.kind),
        h('td', { class: 'small' }, detail),
      ),
    );
  }
  const libraries = index.data.graph.edges.filter(
    (edge) => edge.source === self && labels.get(edge.target)?.kind === 'library',
  ).length;
  return h(
    'div',
    null,
    rows.length
      ? h(
          'table',
          { class: 'compact' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, 'Relation'),
              h('th', null, 'With'),
              h('th', null, 'Kind'),
              h('th', null, 'Details'),
            ),
          ),
          h('tbody', null, rows),
        )
      : h('p', { class: 'muted' }, 'No connection to other applications, hosts or datastores was found.'),
    libraries
      ? h(
          'p',
          { class: 'small muted' },
          `And ${plural(libraries, 'library', 'libraries')} declared in its build files.`,
        )
      : null,
    h('p', { class: 'small no-print' }, h('a', { href: routeTo('graph', self) }, 'Show in the dependency graph →')),
  );
}

/** The first reasons in full, the rest a click away: a strategy can have twenty. */
function reasons(list: string[], shown = 4): HTMLElement {
  const rest = list.slice(shown);
  return h(
    'ul',
    { class: 'reasons' },
    list.slice(0, shown).map((reason) => h('li', null, reason)),
    rest.length
      ? h(
          'li',
          null,
          h(
            'details',
            null,
            h('summary', null, `${rest.length} more`),
            h(
              'ul',
              null,
              rest.map((reason) => h('li', null, reason)),
            ),
          ),
        )
      : null,
  );
}

function verdict(app: Application, index: ReportIndex): HTMLElement {
  const wave = index.waveOf.get(app.id);
  const stays = index.stays.get(app.id);
  return h(
    'div',
    { class: 'verdict' },
    h(
      'div',
      null,
      h('h3', null, 'Strategy: ', strategyBadge(app.strategy)),
      reasons(app.strategyReasons),
      h('h4', null, 'Runner-up: ', strategyBadge(app.strategyRunnerUp.strategy)),
      reasons(app.strategyRunnerUp.reasons),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'Effort'),
      h(
        'dd',
        null,
        `${formatDays(app.effortRange.low)}–${formatDays(app.effortRange.high)} person-days (${formatDays(app.effort)} typical)`,
      ),
      h('dt', null, 'Migration'),
      h(
        'dd',
        null,
        wave ? h('a', { href: routeTo('waves') }, `wave ${wave}`) : stays ? `stays: ${stays}` : 'not planned',
      ),
      h('dt', { class: 'print-only' }, 'By dimension'),
      h(
        'dd',
        { class: 'print-only' },
        Object.entries(app.dimensions)
          .map(([dimension, score]) => `${dimension} ${score}`)
          .join(' · '),
      ),
      h('dt', null, 'Confidence'),
      h(
        'dd',
        null,
        `${app.confidence.level} (${app.confidence.score})`,
        app.confidence.reasons.length
          ? h(
              'ul',
              { class: 'small' },
              app.confidence.reasons.map((reason) => h('li', null, reason)),
            )
          : null,
      ),
      h('dt', null, 'Code'),
      h(
        'dd',
        null,
        `${formatInteger(app.loc)} lines in ${plural(app.files, 'file')}: `,
        Object.entries(app.languages)
          .sort((a, b) => b[1] - a[1])
          .map(([language, lines]) => `${index.data.languageNames[language] ?? language} ${formatInteger(lines)}`)
          .join(', ') || 'none read',
      ),
      ...(index.business.get(app.id)?.criticality || index.business.get(app.id)?.owner
        ? [
            h('dt', null, 'Business'),
            h(
              'dd',
              null,
              [
                index.business.get(app.id)?.criticality,
                index.business.get(app.id)?.owner ? `owned by ${index.business.get(app.id)?.owner}` : undefined,
              ]
                .filter(Boolean)
                .join(', '),
            ),
          ]
        : []),
      h('dt', null, 'Kind'),
      h('dd', null, app.kindReason ? `${app.kind}: ${app.kindReason}` : app.kind),
      h('dt', null, 'Found by'),
      h(
        'dd',
        null,
        app.detection.length
          ? app.detection.join('; ')
          : app.manifests.length
            ? app.manifests.join(', ')
            : `its ${app.detectedBy}`,
      ),
      ...(app.parts.length
        ? [
            h('dt', null, 'Parts'),
            h(
              'dd',
              null,
              app.parts.map((part) => `${part.path} (${part.kind}${part.counted ? '' : ', not counted'})`).join(', '),
            ),
          ]
        : []),
    ),
  );
}

/** Everything about one application: verdict, score, findings with their code, connections, split. */
export function renderApplicationPage(app: Application, index: ReportIndex): HTMLElement {
  const findings = index.findingsByApp.get(app.id) ?? [];
  const split = index.splits.get(app.id);
  const suppressed = index.suppressed.get(app.id) ?? 0;
  return h(
    'div',
    null,
    h(
      'nav',
      { class: 'crumbs no-print', 'aria-label': 'Breadcrumb' },
      h('a', { href: routeTo('applications') }, 'Applications'),
      ' › ',
      app.name,
    ),
    h(
      'div',
      { class: 'app-head' },
      h('div', null, h('h1', null, app.name), h('p', { class: 'muted' }, app.path)),
      h('div', { class: 'big-score' }, scoreMeter(app.score)),
    ),
    verdict(app, index),
    h('h2', { class: 'no-print' }, 'Score'),
    h('div', { class: 'score-grid no-print' }, dimensions(app), scoreWalk(app, index)),
    h('h2', null, `Findings (${findings.length})`),
    suppressed
      ? h(
          'p',
          { class: 'small muted' },
          `${plural(suppressed, 'place')} silenced by cloudready-ignore comments or rules.ignore.`,
        )
      : null,
    // On screen, each finding with its code; in print, a table, the remediations said once at the end.
    h('div', { class: 'no-print' }, findingsByCategory(findings, index)),
    printedFindings(findings, index, app.path),
    h('h2', null, 'Connections'),
    connections(app, index),
    h('h2', null, 'Service split'),
    !split ? null : 'proposal' in split ? renderSplit(split.proposal) : h('p', { class: 'muted' }, split.reason),
  );
}
