import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { appAndPackageFiles } from './source-files.ts';

// A function longer than a screenful or three is asking to be split: this check fails on any
// function in apps/ or packages/ over MAX_LINES, counted from the line it starts on to the line it
// ends on. Tests, benchmarks and test helpers are left out.

export const MAX_LINES = 150;

export interface LongFunction {
  file: string;
  /** 1-based line the function starts on. */
  line: number;
  name: string;
  lines: number;
}

type FunctionWithBody =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

function isFunctionWithBody(node: ts.Node): node is FunctionWithBody {
  return (
    (ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node)) &&
    node.body !== undefined
  );
}

/** The name a reader would search for: its own, or that of the variable or property it is given to. */
function nameOf(node: FunctionWithBody, source: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent)) &&
    parent.name
  ) {
    return parent.name.getText(source);
  }
  return '(anonymous)';
}

/** The functions of one source text longer than `maxLines`, nested ones included. */
export function findLongFunctions(file: string, text: string, maxLines = MAX_LINES): LongFunction[] {
  const kind = /\.[jt]sx$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionWithBody(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > maxLines) found.push({ file, line: start + 1, name: nameOf(node, source), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether a path is product code: not a test, a benchmark, a test helper or a declaration file. */
export function isProductCode(file: string): boolean {
  if (!/^(apps|packages)\/.+\.(ts|tsx|mts|cts)$/.test(file) || file.endsWith('.d.ts')) return false;
  return !/\.test\.tsx?$|\/test\/|\/bench\/|\.bench\.ts$|\/src\/testing\/|\/src\/testing\.ts$/.test(file);
}

function main(root: string): number {
  const files = appAndPackageFiles(root).filter(isProductCode);
  const found = files
    .flatMap((file) => findLongFunctions(file, readFileSync(path.join(root, file), 'utf8')))
    .sort((a, b) => b.lines - a.lines);
  for (const fn of found) console.log(`${fn.file}:${fn.line} ${fn.name}: ${fn.lines} lines`);
  if (found.length === 0) {
    console.log(`No function in apps/ or packages/ is over ${MAX_LINES} lines.`);
    return 0;
  }
  console.log(`\n${found.length} function(s) over ${MAX_LINES} lines`);
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.cwd()));
