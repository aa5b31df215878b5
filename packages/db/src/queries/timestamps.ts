/** A timestamp column (a Date from PostgreSQL, a string or Date from PGlite) as ISO 8601 text. */
export const isoTimestamp = (d: Date | string): string => new Date(d).toISOString();

/** The same for a nullable column. */
export const isoOrNull = (d: Date | string | null): string | null => (d ? isoTimestamp(d) : null);
