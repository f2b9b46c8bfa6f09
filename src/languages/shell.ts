import type { LanguageDescriptor } from './language-descriptor.js';

/** Shell. Scripts: tooling unless an application holds them; matched by text rules. */
export default {
  id: 'shell',
  name: 'Shell',
  extensions: ['.sh', '.bash', '.ksh', '.zsh'],
  comments: 'hash',
  script: true,
  shebang: /\b(ba|k|z)?sh\b/,
} satisfies LanguageDescriptor;
