import { describe, expect, it } from 'vitest';
import { findLongFunctions, isProductCode } from './check-function-length.ts';

const body = (lines: number) => Array.from({ length: lines }, (_, i) => `  const v${i} = ${i};`).join('\n');

describe('findLongFunctions', () => {
  it('counts from the line a function starts on to the line it ends on', () => {
    // 1 line for the signature, 4 of body, 1 for the closing brace: 6 lines.
    const text = `function six() {\n${body(4)}\n}\n`;
    expect(findLongFunctions('a.ts', text, 5)).toEqual([{ file: 'a.ts', line: 1, name: 'six', lines: 6 }]);
    expect(findLongFunctions('a.ts', text, 6)).toEqual([]);
  });

  it('finds declarations, expressions, arrows and methods, nested ones too, by the name they are given', () => {
    const text = [
      '// a comment',
      `export function outer() {\n  const inner = () => {\n${body(10)}\n  };\n}`,
      `const expression = function () {\n${body(10)}\n};`,
      `class Feed {\n  deliver() {\n${body(10)}\n  }\n}`,
      `const hub = { open: async () => {\n${body(10)}\n} };`,
      `call(() => {\n${body(10)}\n});`,
    ].join('\n');
    const found = findLongFunctions('b.ts', text, 10).map(({ name, line, lines }) => ({ name, line, lines }));
    expect(found).toEqual([
      { name: 'outer', line: 2, lines: 14 },
      { name: 'inner', line: 3, lines: 12 },
      { name: 'expression', line: 16, lines: 12 },
      { name: 'deliver', line: 29, lines: 12 },
      { name: 'open', line: 42, lines: 12 },
      { name: '(anonymous)', line: 54, lines: 12 },
    ]);
  });

  it('reads JSX in a .tsx file', () => {
    const text = `export function Page() {\n${body(3)}\n  return (\n    <div>\n      <p>Hei</p>\n    </div>\n  );\n}\n`;
    expect(findLongFunctions('page.tsx', text, 5)).toEqual([
      { file: 'page.tsx', line: 1, name: 'Page', lines: 10 },
    ]);
  });

  it('does not count an overload or a type without a body', () => {
    const text = `declare function f(a: string): void;\ntype T = {\n  g(): void;\n${'  h: number;\n'.repeat(10)}};\n`;
    expect(findLongFunctions('c.ts', text, 3)).toEqual([]);
  });
});

describe('isProductCode', () => {
  it('keeps the code of apps and packages, and leaves out tests, benchmarks and test helpers', () => {
    expect(isProductCode('apps/api/src/routes/questions.ts')).toBe(true);
    expect(isProductCode('apps/web/src/pages/event-page.tsx')).toBe(true);
    expect(isProductCode('apps/api/src/routes/questions.test.ts')).toBe(false);
    expect(isProductCode('apps/api/test/drill.int.test.ts')).toBe(false);
    expect(isProductCode('apps/api/test/support/sse-client.ts')).toBe(false);
    expect(isProductCode('apps/api/bench/qa.bench.ts')).toBe(false);
    expect(isProductCode('packages/db/src/testing/index.ts')).toBe(false);
    expect(isProductCode('packages/db/src/index.d.ts')).toBe(false);
    expect(isProductCode('scripts/test.ts')).toBe(false);
    expect(isProductCode('e2e/test/a.e2e.test.ts')).toBe(false);
  });
});
