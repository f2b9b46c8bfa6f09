import type { LanguageDescriptor } from './language-descriptor.js';

/** PowerShell. Scripts: tooling unless an application holds them; matched by text rules. */
export default {
  id: 'powershell',
  name: 'PowerShell',
  extensions: ['.ps1', '.psm1'],
  comments: 'hash',
  script: true,
} satisfies LanguageDescriptor;
