import { describe, expect, it } from 'vitest';
import { metricsAllowed } from './metrics-access.ts';

describe('metricsAllowed', () => {
  it('asks for the configured token as a bearer token', () => {
    expect(metricsAllowed('Bearer s3cret-token-for-metrics', 's3cret-token-for-metrics')).toBe(true);
    expect(metricsAllowed('Bearer wrong', 's3cret-token-for-metrics')).toBe(false);
    expect(metricsAllowed('s3cret-token-for-metrics', 's3cret-token-for-metrics')).toBe(false);
    expect(metricsAllowed(undefined, 's3cret-token-for-metrics')).toBe(false);
  });

  it('lets anyone who reaches an internal listener read them when no token is set', () => {
    expect(metricsAllowed(undefined, undefined)).toBe(true);
  });
});
