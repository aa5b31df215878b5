import { describe, expect, it } from 'vitest';
import { findAppImports } from './check-imports.ts';

const apps = ['api', 'worker', 'cli'];
const manifest = (path: string, dependencies: Record<string, string>, devDependencies = {}) => ({
  path,
  text: JSON.stringify({ name: 'x', dependencies, devDependencies }),
});

describe('findAppImports', () => {
  it('names an app importing another app, by package or by relative path, in code and tests', () => {
    const violations = findAppImports({
      apps,
      sources: [
        { path: 'apps/api/src/a.ts', text: "import { advanceRecording } from '@folkemote/worker';" },
        { path: 'apps/api/test/b.int.test.ts', text: "export { x } from '@folkemote/worker/testing';" },
        { path: 'apps/cli/src/c.ts', text: "const api = await import('@folkemote/api');" },
        {
          path: 'apps/worker/test/d.int.test.ts',
          text: "import { makeClip } from '../../api/test/support/make-clip.ts';",
        },
      ],
      manifests: [],
    });
    expect(violations).toEqual([
      { file: 'apps/api/src/a.ts', imported: '@folkemote/worker', how: 'imports' },
      { file: 'apps/api/test/b.int.test.ts', imported: '@folkemote/worker/testing', how: 'imports' },
      { file: 'apps/cli/src/c.ts', imported: '@folkemote/api', how: 'imports' },
      {
        file: 'apps/worker/test/d.int.test.ts',
        imported: '../../api/test/support/make-clip.ts',
        how: 'imports',
      },
    ]);
  });

  it('names a package importing any app', () => {
    const violations = findAppImports({
      apps,
      sources: [{ path: 'packages/site/test/a.int.test.ts', text: "import '@folkemote/api/testing';" }],
      manifests: [],
    });
    expect(violations).toEqual([
      { file: 'packages/site/test/a.int.test.ts', imported: '@folkemote/api/testing', how: 'imports' },
    ]);
  });

  it('lets an app import itself and packages, and anyone import a package whose name starts like an app', () => {
    const violations = findAppImports({
      apps,
      sources: [
        { path: 'apps/api/test/a.int.test.ts', text: "import { x } from '@folkemote/api/testing';" },
        {
          path: 'apps/api/src/b.ts',
          text: "import { y } from '@folkemote/db';\nimport { z } from './c.ts';",
        },
        { path: 'packages/db/src/c.ts', text: "import { w } from '@folkemote/api-contract';" },
        { path: 'apps/worker/test/d.int.test.ts', text: "import { v } from '../src/index.ts';" },
      ],
      manifests: [manifest('apps/api/package.json', { '@folkemote/db': 'workspace:*' })],
    });
    expect(violations).toEqual([]);
  });

  it('names a package.json under apps or packages that depends on an app', () => {
    const violations = findAppImports({
      apps,
      sources: [],
      manifests: [
        manifest('apps/cli/package.json', { '@folkemote/api': 'workspace:*' }),
        manifest('packages/site/package.json', {}, { '@folkemote/worker': 'workspace:*' }),
        manifest('apps/api/package.json', { '@folkemote/queue': 'workspace:*' }),
      ],
    });
    expect(violations).toEqual([
      { file: 'apps/cli/package.json', imported: '@folkemote/api', how: 'depends on' },
      { file: 'packages/site/package.json', imported: '@folkemote/worker', how: 'depends on' },
    ]);
  });

  it('sees only the apps it is given', () => {
    const violations = findAppImports({
      apps: ['web'],
      sources: [{ path: 'apps/web/src/a.ts', text: "import { x } from '@folkemote/api';" }],
      manifests: [],
    });
    expect(violations).toEqual([]);
  });
});
