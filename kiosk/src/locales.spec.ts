import { describe, expect, it } from 'vitest';
import ar from './locales/ar.json';
import de from './locales/de.json';
import en from './locales/en.json';
import ru from './locales/ru.json';
import tr from './locales/tr.json';
import uk from './locales/uk.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const german = flatten(de);

describe.each(Object.entries({ en, tr, ar, uk, ru }))('locale %s', (_name, messages) => {
  const flat = flatten(messages as Tree);

  it('has every German key and no other', () => {
    expect([...flat.keys()].sort()).toEqual([...german.keys()].sort());
  });

  it('keeps the placeholders and translates every string', () => {
    for (const [key, text] of german) {
      expect(placeholders(flat.get(key) ?? ''), key).toEqual(placeholders(text));
      expect(flat.get(key)?.trim(), key).not.toBe('');
    }
  });

  it('has no character vue-i18n would read as syntax', () => {
    for (const [key, text] of flat) expect(text, key).not.toMatch(/[@|$]/);
  });
});
