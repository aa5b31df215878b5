import { progressStages, recordingStates } from '@folkemote/domain';
import { describe, expect, it } from 'vitest';
import { messages } from './messages.ts';

type Tree = { [key: string]: unknown };

/** Every leaf of a messages tree as "path → string", calling functions with sample arguments. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function') out.set(path, String(value('X', 2)));
    else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) out.set(`${path}.${i}`, String(v));
    } else for (const [k, v] of flatten(value as Tree, path)) out.set(k, v);
  }
  return out;
}

describe('messages', () => {
  const flat = {
    nb: flatten(messages.nb as unknown as Tree),
    nn: flatten(messages.nn as unknown as Tree),
    en: flatten(messages.en as unknown as Tree),
  };

  it('gives every language the same keys', () => {
    expect([...flat.nn.keys()].sort()).toEqual([...flat.nb.keys()].sort());
    expect([...flat.en.keys()].sort()).toEqual([...flat.nb.keys()].sort());
  });

  it('has no empty or untrimmed text', () => {
    for (const [locale, tree] of Object.entries(flat)) {
      for (const [path, text] of tree) {
        expect(text.trim(), `${locale}:${path}`).not.toBe('');
        expect(text, `${locale}:${path}`).toBe(text.trim());
      }
    }
  });

  it('labels every recording state and progress stage, each label distinct', () => {
    for (const t of Object.values(messages)) {
      const stateLabels = recordingStates.map((s) => t.states[s]);
      expect(new Set(stateLabels).size).toBe(recordingStates.length);
      const stageLabels = progressStages.map((s) => t.stages[s]);
      expect(new Set(stageLabels).size).toBe(progressStages.length);
    }
    expect(messages.nb.states.failed).toBe('Feilet');
    expect(messages.nn.states.failed).toBe('Feila');
    expect(messages.en.states.quick_published).toBe('Playable – full quality on its way');
  });

  it('differs between the languages where the words differ', () => {
    expect(messages.nn.layout.skipLink).not.toBe(messages.nb.layout.skipLink);
    expect(messages.en.recordings.title).not.toBe(messages.nb.recordings.title);
  });
});
