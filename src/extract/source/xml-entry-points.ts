import type { SourceText } from '../source-text.js';
import { emptyFacts, type SourceFacts } from './source-facts.js';
import { xmlElements, type XmlElement } from './xml-elements.js';

/** Descriptors that declare entry points in XML rather than in annotations. */
export const XML_ENTRY_POINTS =
  /<(web-app|struts-config|struts)\b|<bean\b[^>]*\bname\s*=\s*["']\/|SimpleUrlHandlerMapping/;

/** A child element's text: `<servlet-class> com.acme.X </servlet-class>` → com.acme.X. */
function childTexts(body: string, name: string): string[] {
  return [...body.matchAll(new RegExp(`<${name}\\b[^>]*>\\s*([^<]*?)\\s*</${name}\\s*>`, 'g'))]
    .map((match) => match[1]!)
    .filter(Boolean);
}

/** A Java class name as written in a descriptor (dots, no generics); anything else is not a class. */
const CLASS_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/;

/**
 * Entry points that XML-configured frameworks declare (docs/split.md, Input): servlets in
 * web.xml with their URL patterns; Struts 1 actions (`<action path="/login" type="…">`) and
 * Struts 2 actions (`<action name="login" class="…">`); Spring MVC controllers mapped by bean
 * name (`<bean name="/login.htm" class="…">`) or by a SimpleUrlHandlerMapping's keys. Each is the
 * entry point of the class it names, wherever that class is declared.
 */
export function extractXmlEntryPoints(source: SourceText): SourceFacts {
  const facts = emptyFacts(source.rel, 'xml-config');
  // Malformed XML yields nothing here: the configuration reader already reports it, with its line.
  const read = (names: string[]) => xmlElements(source.text, source.rel, names).elements;
  const add = (
    unit: string | undefined,
    kind: 'servlet' | 'http-route',
    detail: string | undefined,
    at: XmlElement,
  ) => {
    if (unit && CLASS_NAME.test(unit))
      facts.entryPoints.push({ unit, kind, ...(detail ? { detail } : {}), location: at.location });
  };

  // web.xml: a servlet's class, with the URL patterns its mappings give it.
  const patterns = new Map<string, string[]>();
  for (const mapping of read(['servlet-mapping'])) {
    const name = childTexts(mapping.body, 'servlet-name')[0];
    if (name) patterns.set(name, [...(patterns.get(name) ?? []), ...childTexts(mapping.body, 'url-pattern')]);
  }
  for (const servlet of read(['servlet'])) {
    const name = childTexts(servlet.body, 'servlet-name')[0];
    add(
      childTexts(servlet.body, 'servlet-class')[0],
      'servlet',
      name ? patterns.get(name)?.join(', ') : undefined,
      servlet,
    );
  }

  // Struts 1 (path, type) and Struts 2 (name, class) actions.
  for (const action of read(['action'])) {
    const { path, type, name } = action.attributes;
    if (type) add(type, 'http-route', path, action);
    else add(action.attributes.class, 'http-route', name ? `/${name.replace(/^\//, '')}` : undefined, action);
  }

  // Spring MVC: beans named by URL, and URL keys of a SimpleUrlHandlerMapping naming bean ids.
  const beans = read(['bean']);
  const classOfBean = new Map(
    beans
      .filter((bean) => bean.attributes.id && bean.attributes.class)
      .map((bean) => [bean.attributes.id!, bean.attributes.class!]),
  );
  for (const bean of beans) {
    const urls = (bean.attributes.name ?? '').split(/[\s,;]+/).filter((name) => name.startsWith('/'));
    if (urls.length > 0) add(bean.attributes.class, 'http-route', urls.join(', '), bean);
  }
  for (const mapping of beans.filter((bean) => /SimpleUrlHandlerMapping$/.test(bean.attributes.class ?? ''))) {
    for (const prop of mapping.body.matchAll(/<prop\s+key\s*=\s*["']([^"']+)["']\s*>\s*([^<\s]+)\s*<\/prop>/g))
      add(classOfBean.get(prop[2]!), 'http-route', prop[1], mapping);
  }
  return facts;
}
