import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { appAndPackageFiles } from './source-files.ts';

// No app imports another app, and no package imports an app (ARCHITECTURE.md): what two apps
// share belongs in a package. Tests count too. An app is a folder under apps/.

export interface SourceText {
  /** Path from the repository's root, with forward slashes. */
  path: string;
  text: string;
}

export interface ImportViolation {
  file: string;
  /** The specifier as written, or the dependency's name in a package.json. */
  imported: string;
  how: 'imports' | 'depends on';
}

const SCOPE = '@folkemote/';
const MANIFEST_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** The app a path belongs to (`apps/<name>/…`), or null for a package. */
function appOf(file: string): string | null {
  const match = /^apps\/([^/]+)\//.exec(file);
  return match ? (match[1] ?? null) : null;
}

/** The app a specifier reaches, if any: `@folkemote/<app>[/…]`, or a relative path into apps/<app>/. */
function appReached(file: string, specifier: string, apps: ReadonlySet<string>): string | null {
  if (specifier.startsWith(SCOPE)) {
    const name = specifier.slice(SCOPE.length).split('/')[0] ?? '';
    return apps.has(name) ? name : null;
  }
  if (specifier.startsWith('.')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    const name = appOf(`${target}/`);
    return name && apps.has(name) ? name : null;
  }
  return null;
}

/** Every module a source text names: static and dynamic imports, re-exports, require. */
function specifiersOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((ref) => ref.fileName);
}

/**
 * The imports of apps that the rule forbids in the given sources and package.json files:
 * any app imported from a package, and any app other than itself imported from an app.
 */
export function findAppImports(input: {
  apps: readonly string[];
  sources: readonly SourceText[];
  manifests: readonly SourceText[];
}): ImportViolation[] {
  const apps = new Set(input.apps);
  const violations: ImportViolation[] = [];
  for (const source of input.sources) {
    const own = appOf(source.path);
    for (const specifier of specifiersOf(source.text)) {
      const reached = appReached(source.path, specifier, apps);
      if (reached && reached !== own)
        violations.push({ file: source.path, imported: specifier, how: 'imports' });
    }
  }
  for (const manifest of input.manifests) {
    const own = appOf(manifest.path);
    const json = JSON.parse(manifest.text) as Record<string, unknown>;
    for (const field of MANIFEST_FIELDS) {
      const deps = json[field];
      if (!deps || typeof deps !== 'object') continue;
      for (const name of Object.keys(deps)) {
        const reached = appReached(manifest.path, name, apps);
        if (reached && reached !== own)
          violations.push({ file: manifest.path, imported: name, how: 'depends on' });
      }
    }
  }
  return violations;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

function main(root: string): number {
  const apps = readdirSync(path.join(root, 'apps'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, 'apps', entry.name, 'package.json')))
    .map((entry) => entry.name);
  const tracked = appAndPackageFiles(root);
  const read = (file: string): SourceText => ({
    path: file,
    text: readFileSync(path.join(root, file), 'utf8'),
  });
  const violations = findAppImports({
    apps,
    sources: tracked.filter((file) => SOURCE.test(file) && !file.endsWith('.d.ts')).map(read),
    manifests: tracked.filter((file) => /^(apps|packages)\/[^/]+\/package\.json$/.test(file)).map(read),
  });
  for (const { file, imported, how } of violations) console.log(`${file}: ${how} ${imported}`);
  if (violations.length === 0) {
    console.log(`No app imports another app, and no package imports an app (apps: ${apps.join(', ')}).`);
    return 0;
  }
  console.log(`\n${violations.length} import(s) of an app from another app or a package`);
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.cwd()));
