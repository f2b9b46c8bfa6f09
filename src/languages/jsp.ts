import type { LanguageDescriptor } from './language-descriptor.js';

/** JSP. Server pages: addressable entry points by convention (extract/application-kind.ts). */
export default {
  id: 'jsp',
  name: 'JSP',
  extensions: ['.jsp', '.jspx'],
  comments: 'markup',
} satisfies LanguageDescriptor;
