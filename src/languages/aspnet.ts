import type { LanguageDescriptor } from './language-descriptor.js';

/** ASP.NET. Web Forms, services and Razor views: addressable entry points by convention. */
export default {
  id: 'aspnet',
  name: 'ASP.NET',
  extensions: ['.aspx', '.ascx', '.asmx', '.svc', '.cshtml'],
  comments: 'markup',
} satisfies LanguageDescriptor;
