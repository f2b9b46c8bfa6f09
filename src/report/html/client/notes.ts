import { h } from './dom.js';
import { formatInteger, plural } from './format.js';
import type { ReportIndex } from './report-index.js';

/** What was read, what was not and why, and the model the numbers came from. */
export function renderNotes(index: ReportIndex): HTMLElement {
  const { data } = index;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of data.diagnostics) counts[diagnostic.level]++;
  return h(
    'div',
    null,
    h('h1', null, 'Scan notes'),
    h(
      'p',
      null,
      `${formatInteger(data.summary.files)} files read, ${plural(data.summary.skippedFiles, 'file')} skipped. ${plural(counts.error, 'input')} could not be read, with ${plural(counts.warning, 'warning')} and ${plural(counts.info, 'note')}.`,
    ),
    h('h2', null, 'What was skipped or could not be read'),
    data.diagnostics.length
      ? h(
          'table',
          { class: 'compact diagnostics' },
          h('thead', null, h('tr', null, h('th', null, 'Level'), h('th', null, 'Where'), h('th', null, 'What'))),
          h(
            'tbody',
            null,
            data.diagnostics.map((diagnostic) =>
              h(
                'tr',
                { class: `level-${diagnostic.level}` },
                h('td', null, diagnostic.level),
                h(
                  'td',
                  null,
                  diagnostic.file ? `${diagnostic.file}${diagnostic.line ? `:${diagnostic.line}` : ''}` : '',
                ),
                h('td', null, diagnostic.message, h('span', { class: 'muted small' }, ` (${diagnostic.code})`)),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'Everything was read.'),
    h('h2', null, 'Inventories'),
    data.inventories.length
      ? h(
          'table',
          { class: 'compact' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, 'File'),
              h('th', null, 'Format'),
              h('th', { class: 'numeric' }, 'Imported'),
              h('th', { class: 'numeric' }, 'Ignored'),
              h('th', { class: 'numeric' }, 'Rejected'),
            ),
          ),
          h(
            'tbody',
            null,
            data.inventories.map((inventory) =>
              h(
                'tr',
                null,
                h('td', null, inventory.file),
                h('td', null, inventory.format),
                h('td', { class: 'numeric' }, inventory.imported),
                h('td', { class: 'numeric' }, inventory.ignored),
                h('td', { class: 'numeric' }, inventory.rejected),
              ),
            ),
          ),
        )
      : h(
          'p',
          { class: 'muted' },
          'No inventory was imported: hosts and network dependencies come from the code and configuration only.',
        ),
    h('h2', null, 'Rule packs'),
    h(
      'ul',
      null,
      data.rulePacks.map((pack) => h('li', null, `${pack.id}: ${plural(pack.rules, 'rule')} (${pack.source})`)),
    ),
    h('h2', null, 'Scoring model'),
    h(
      'p',
      null,
      `Each finding takes a share of what is left of 100: blocker ${data.scoringModel.shares.blocker}, major ${data.scoringModel.shares.major}, minor ${data.scoringModel.shares.minor}, info ${data.scoringModel.shares.info}. Any blocker caps the score at ${data.scoringModel.blockerCap}.`,
    ),
    h('p', { class: 'muted small' }, `Result schema ${data.schemaVersion}, cloudready ${data.tool.version}.`),
  );
}
