import type { LanguageDescriptor } from './language-descriptor.js';

/** Perl. Scripts: tooling unless an application holds them; matched by text rules. */
export default {
  id: 'perl',
  name: 'Perl',
  extensions: ['.pl', '.pm'],
  comments: 'hash',
  script: true,
  shebang: /\bperl\b/,
} satisfies LanguageDescriptor;
