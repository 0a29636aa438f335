/**
 * Keeps the interface translatable: every catalogue has every key English has (and no
 * other), every message parses and keeps its placeholders, and components hold no
 * hard-coded text (it would show in English whatever the member's language).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES } from './client-messages';
import { LOCALES } from './locales';
import { MESSAGE_AREAS } from './messages';

const root = path.resolve(import.meta.dirname, '..');
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

function catalogue(locale: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const area of MESSAGE_AREAS) {
    const file = path.join(root, 'messages', locale, `${area}.json`);
    for (const [k, v] of flatten(JSON.parse(readFileSync(file, 'utf8')) as Tree)) all.set(k, v);
  }
  return all;
}

type Element = MessageFormatElement & { value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** The {placeholders} a message uses, from its parsed form (so branch text is never mistaken for one), with a sample value of the right kind. */
function arguments_(message: string): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      if (el.type !== TYPE.literal && el.type !== TYPE.pound && typeof el.value === 'string') {
        const sample = el.type === TYPE.date || el.type === TYPE.time ? new Date() : el.type === TYPE.plural || el.type === TYPE.number ? 3 : 'x';
        found.set(el.value, sample);
      }
      for (const option of Object.values(el.options ?? {})) walk(option.value);
      if (el.children) walk(el.children);
    }
  };
  walk(parse(message) as Element[]);
  return found;
}

const placeholders = (message: string) => [...arguments_(message).keys()].sort();

const english = catalogue('en');

describe('message catalogues', () => {
  for (const locale of LOCALES) {
    it(`${locale} has exactly the keys English has, and each message renders`, () => {
      const messages = catalogue(locale);
      expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, message] of messages) {
        expect(placeholders(message), `${locale} ${key}`).toEqual(placeholders(english.get(key)!));
        const values = Object.fromEntries(arguments_(message));
        expect(() => new IntlMessageFormat(message, locale).format(values), `${locale} ${key}`).not.toThrow();
      }
    });
  }
});

/** Text a person reads, found in JSX: text between tags, and the attributes screen readers and tooltips show. */
function hardCodedText(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const READABLE_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt']);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && READABLE_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && /\p{L}/u.test(node.initializer.text)) {
      found.push(`${node.name.getText()}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // The product's name is the same in every language.
  return found.filter((text) => text !== 'Cercle');
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.tsx'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('components', () => {
  it('hold no hard-coded interface text', () => {
    const offenders = [...tsxFiles(path.join(root, 'components')), ...tsxFiles(path.join(root, 'app'))].flatMap((file) =>
      hardCodedText(file).map((text) => `${path.relative(root, file)}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });

  it('send the browser every namespace a client-side translation reads', () => {
    // Hooks run wherever the component renders, so every useTranslations may run in the browser.
    const read = [...tsxFiles(path.join(root, 'components')), ...tsxFiles(path.join(root, 'app'))].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/useTranslations\('([\w]+)/g)].map((m) => m[1]!),
    );
    expect([...new Set(read)].filter((namespace) => !(CLIENT_NAMESPACES as readonly string[]).includes(namespace))).toEqual([]);
  });
});
