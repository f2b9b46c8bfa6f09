import type { LanguageDescriptor } from './language-descriptor.js';

/** SQL. Schemas and stored procedures: matched by text rules; tables also come from SQL in other languages (extract/source/sql-tables.ts). */
export default {
  id: 'sql',
  name: 'SQL',
  extensions: ['.sql', '.ddl', '.pls', '.pkb', '.pks'],
  comments: 'sql',
  script: true,
} satisfies LanguageDescriptor;
