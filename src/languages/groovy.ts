import type { LanguageDescriptor } from './language-descriptor.js';

/** Groovy. Build scripts and glue: counted and matched by text rules. */
export default {
  id: 'groovy',
  name: 'Groovy',
  extensions: ['.groovy', '.gradle'],
  comments: 'c',
  script: true,
} satisfies LanguageDescriptor;
