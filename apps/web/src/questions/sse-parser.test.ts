import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse-parser.ts';

describe('createSseParser', () => {
  it('reads id, event and data of each message', () => {
    const parser = createSseParser();
    const out = parser.push('id: 7\nevent: question\ndata: {"a":1}\n\nid: 8\ndata: x\n\n');
    expect(out).toEqual([
      { id: '7', event: 'question', data: '{"a":1}', retry: null },
      { id: '8', event: 'message', data: 'x', retry: null },
    ]);
  });

  it('joins data lines, ignores comments and messages without data', () => {
    const parser = createSseParser();
    expect(parser.push(': keep-alive\n\nevent: ping\n\ndata: one\ndata:two\n\n')).toEqual([
      { id: null, event: 'message', data: 'one\ntwo', retry: null },
    ]);
  });

  it('puts a message together from chunks split anywhere, CRLF included', () => {
    const stream =
      'id: 12\r\nevent: question\r\ndata: {"text":"Hei på deg"}\r\n\r\nretry: 2000\r\ndata: y\r\n\r\n';
    for (let cut = 1; cut < stream.length; cut++) {
      const parser = createSseParser();
      const out = [...parser.push(stream.slice(0, cut)), ...parser.push(stream.slice(cut))];
      expect(out, `cut at ${cut}`).toEqual([
        { id: '12', event: 'question', data: '{"text":"Hei på deg"}', retry: null },
        { id: null, event: 'message', data: 'y', retry: 2000 },
      ]);
    }
  });

  it('dispatches nothing until the blank line arrives', () => {
    const parser = createSseParser();
    expect(parser.push('id: 1\ndata: half')).toEqual([]);
    expect(parser.push('\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ id: '1', event: 'message', data: 'half', retry: null }]);
  });
});
