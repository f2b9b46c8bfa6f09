/**
 * A small element builder. Every string goes in as a text node or an attribute value, never as
 * markup: scanned file names, code and messages cannot turn into HTML or script on this page.
 */
export type Child = Node | string | number | null | undefined | false | Child[];
type Handler = (event: Event) => void;
export type Props = Record<string, string | number | boolean | undefined | null | Handler>;

const SAFE_LINK = /^(#|https?:\/\/)/i;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') {
      element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
      continue;
    }
    // Only in-page anchors and web links: a rule pack's reference must not become javascript:.
    if (name === 'href' && !SAFE_LINK.test(String(value))) continue;
    if (/^on/i.test(name)) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else
      parent.appendChild(
        typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
      );
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

/** A link to a place in the report; ids are encoded so that any id makes a valid fragment. */
export const routeTo = (...parts: string[]) => `#/${parts.map(encodeURIComponent).join('/')}`;

/** A link that opens outside the report, never with this page as its opener or referrer. */
export function externalLink(url: string, label = url): HTMLElement {
  return SAFE_LINK.test(url) && !url.startsWith('#')
    ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, label)
    : h('span', null, label);
}
