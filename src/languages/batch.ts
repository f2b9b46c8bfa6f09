import type { LanguageDescriptor } from './language-descriptor.js';

/** Windows batch. Scripts: tooling unless an application holds them; matched by text rules. */
export default {
  id: 'batch',
  name: 'Windows batch',
  extensions: ['.bat', '.cmd'],
  comments: 'none',
  script: true,
} satisfies LanguageDescriptor;
