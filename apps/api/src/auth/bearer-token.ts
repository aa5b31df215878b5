/**
 * The token of an `Authorization: Bearer <token>` header: undefined when the
 * header is absent, null when it is there but not in that form.
 */
export function readBearerToken(authorization: string | undefined): string | null | undefined {
  if (authorization === undefined) return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? null;
}

export function malformedBearer(what: string) {
  return {
    ok: false as const,
    status: 401 as const,
    code: 'invalid_token',
    message: `Send the ${what} as "Authorization: Bearer <token>"`,
  };
}
