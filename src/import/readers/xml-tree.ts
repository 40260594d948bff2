import { SaxesParser } from 'saxes';

/**
 * An element of an Office XML part, as much as the readers need: local name
 * (w:tbl → tbl; Office parts use fixed prefixes, and the readers never mix
 * namespaces that share a local name), attributes by local name, child
 * elements, and the element's own text. Built with saxes, a streaming parser
 * about five times faster than a DOM on a Word body of 500 KB.
 */
export interface XmlElement {
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The text directly inside the element (w:t, a cell's v). */
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { local: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes as Record<string, string>)) attrs[localName(name)] = value;
    const element: XmlElement = { local: localName(tag.name), attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(element);
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  parser.on('text', (text) => (stack[stack.length - 1].text += text));
  parser.write(xml).close();
  const [documentElement] = root.children;
  if (!documentElement) throw new Error('no root element');
  return documentElement;
}

/** Every element below `root` with this local name, in document order. */
export function descendants(root: XmlElement, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    for (const child of element.children) {
      if (child.local === local) found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

export function child(element: XmlElement | undefined, local: string): XmlElement | undefined {
  return element?.children.find((c) => c.local === local);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
