/**
 * Docker Compose's variable interpolation, as `docker compose` applies it to every string value
 * of compose.yaml: `$$` is a literal `$`; `${VAR}`, `$VAR`; `${VAR:-default}` / `${VAR-default}`;
 * `${VAR:?message}` / `${VAR?message}` (stop with the message); `${VAR:+other}` / `${VAR+other}`.
 * Defaults may themselves hold references (`${A:-${B}}`). With a colon, an empty value counts as
 * unset. Used to read compose.yaml the way Compose would, without Docker.
 */

export type Operator = '' | ':-' | '-' | ':?' | '?' | ':+' | '+';

export interface Reference {
  name: string;
  operator: Operator;
  /** The text after the operator (default, message or alternative), uninterpolated. */
  argument: string;
}

type Part = string | { reference: Reference; argument: Part[] };

export class MissingVariableError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`required variable ${variable} is missing a value${detail ? `: ${detail}` : ''}`);
    this.name = 'MissingVariableError';
  }
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*/;
const bracedPattern = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:-|-|:\?|\?|:\+|\+)([\s\S]*))?$/;

function parse(text: string): Part[] {
  const parts: Part[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '$') {
      literal += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      literal += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = closingBrace(text, i + 1);
      const body = text.slice(i + 2, end);
      const m = bracedPattern.exec(body);
      if (!m) throw new Error(`invalid interpolation format: \${${body}}`);
      if (literal) parts.push(literal);
      literal = '';
      const argument = m[3] ?? '';
      parts.push({
        reference: { name: m[1]!, operator: (m[2] ?? '') as Operator, argument },
        argument: parse(argument),
      });
      i = end + 1;
      continue;
    }
    const name = namePattern.exec(text.slice(i + 1));
    if (name) {
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ reference: { name: name[0], operator: '', argument: '' }, argument: [] });
      i += 1 + name[0].length;
      continue;
    }
    literal += '$';
    i++;
  }
  if (literal) parts.push(literal);
  return parts;
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '$') {
      i++;
      continue;
    }
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unclosed \${ in: ${text}`);
}

function evaluate(parts: Part[], env: Record<string, string | undefined>): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const { name, operator } = part.reference;
    const value = env[name];
    const isSet = value !== undefined;
    const nonEmpty = isSet && value !== '';
    const present = operator.startsWith(':') ? nonEmpty : isSet;
    switch (operator) {
      case '':
        out += value ?? '';
        break;
      case ':-':
      case '-':
        out += present ? value! : evaluate(part.argument, env);
        break;
      case ':?':
      case '?':
        if (!present) throw new MissingVariableError(name, evaluate(part.argument, env));
        out += value!;
        break;
      case ':+':
      case '+':
        out += present ? evaluate(part.argument, env) : '';
        break;
    }
  }
  return out;
}

/** The string as Compose would read it with these variables set. */
export function interpolate(text: string, env: Record<string, string | undefined>): string {
  return evaluate(parse(text), env);
}

/** Every variable the string refers to, nested defaults included. */
export function listReferences(text: string): Reference[] {
  const found: Reference[] = [];
  const walk = (parts: Part[]) => {
    for (const part of parts) {
      if (typeof part === 'string') continue;
      found.push(part.reference);
      walk(part.argument);
    }
  };
  walk(parse(text));
  return found;
}

/** True when the string is exactly one reference, e.g. `${SECRET:?message}`, and nothing else. */
export function isSingleReference(text: string): boolean {
  const parts = parse(text);
  return parts.length === 1 && typeof parts[0] !== 'string';
}

/** Interpolates every string value of a parsed YAML document (keys are left as they are). */
export function interpolateTree<T>(node: T, env: Record<string, string | undefined>): T {
  if (typeof node === 'string') return interpolate(node, env) as T;
  if (Array.isArray(node)) return node.map((item) => interpolateTree(item, env)) as T;
  if (node && typeof node === 'object')
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, interpolateTree(value, env)]),
    ) as T;
  return node;
}

/** Every reference in every string value of a parsed YAML document. */
export function listTreeReferences(node: unknown): Reference[] {
  if (typeof node === 'string') return listReferences(node);
  if (Array.isArray(node)) return node.flatMap(listTreeReferences);
  if (node && typeof node === 'object') return Object.values(node).flatMap(listTreeReferences);
  return [];
}
