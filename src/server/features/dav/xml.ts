// WebDAV speaks XML with namespaces: requests are parsed and answers written with @xmldom/xmldom
// (a real, namespace-aware XML parser and serializer), never with string patterns: a client may
// name the DAV namespace `D:`, `d:`, or make it the default, and all of those mean the same.
// xmldom resolves no external entities, so a request cannot make the server read a file.
import { DOMImplementation, DOMParser, XMLSerializer, onErrorStopParsing, type Element } from '@xmldom/xmldom';
import { HttpProblem } from '../../http/problems.js';

export const NS = {
  dav: 'DAV:',
  card: 'urn:ietf:params:xml:ns:carddav',
  cs: 'http://calendarserver.org/ns/',
} as const;
const PREFIX: Record<string, string> = { [NS.dav]: 'd', [NS.card]: 'card', [NS.cs]: 'cs' };

/** A property or element name: its namespace and local name. */
export interface QName {
  ns: string;
  name: string;
}
export const qname = (ns: string, name: string): QName => ({ ns, name });
export const keyOf = (q: QName) => `{${q.ns}}${q.name}`;

/** The request body's root element; null for an empty body. A malformed one is a 400. */
export function parseXml(body: string): Element | null {
  if (!body.trim()) return null;
  try {
    const doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(body, 'application/xml');
    return doc.documentElement ?? null;
  } catch {
    throw new HttpProblem(400, 'Bad Request', 'The request body is not well-formed XML.');
  }
}

export const childElements = (element: Element): Element[] =>
  Array.from(element.childNodes).filter((n): n is Element => n.nodeType === 1);

export const is = (element: Element, ns: string, name: string) => element.namespaceURI === ns && element.localName === name;

export const child = (element: Element, ns: string, name: string) => childElements(element).find((e) => is(e, ns, name));

export const children = (element: Element, ns: string, name: string) => childElements(element).filter((e) => is(e, ns, name));

export const textOf = (element: Element | undefined) => (element?.textContent ?? '').trim();

export const nameOf = (element: Element): QName => ({ ns: element.namespaceURI ?? '', name: element.localName ?? element.nodeName });

/** An element of an answer: its name, then children or text. */
export interface XNode {
  ns: string;
  name: string;
  children?: XNode[];
  text?: string;
  attributes?: Record<string, string>;
}
export const x = (ns: string, name: string, content?: XNode[] | string, attributes?: Record<string, string>): XNode => ({
  ns,
  name,
  ...(typeof content === 'string' ? { text: content } : content ? { children: content } : {}),
  ...(attributes ? { attributes } : {}),
});
export const d = (name: string, content?: XNode[] | string) => x(NS.dav, name, content);

/** The answer document, with the three namespaces declared once on its root. */
export function serialize(root: XNode): string {
  const doc = new DOMImplementation().createDocument(root.ns, `${PREFIX[root.ns] ?? 'x'}:${root.name}`, null);
  const top = doc.documentElement!;
  for (const [ns, prefix] of Object.entries(PREFIX)) top.setAttributeNS('http://www.w3.org/2000/xmlns/', `xmlns:${prefix}`, ns);
  let other = 0;
  const fill = (element: Element, node: XNode) => {
    for (const [name, value] of Object.entries(node.attributes ?? {})) element.setAttribute(name, value);
    if (node.text !== undefined) element.appendChild(doc.createTextNode(node.text));
    for (const c of node.children ?? []) {
      const prefix = PREFIX[c.ns] ?? `x${other++}`;
      const element2 = c.ns ? doc.createElementNS(c.ns, `${prefix}:${c.name}`) : doc.createElement(c.name);
      element.appendChild(element2);
      fill(element2, c);
    }
  };
  fill(top, root);
  return `<?xml version="1.0" encoding="utf-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}
