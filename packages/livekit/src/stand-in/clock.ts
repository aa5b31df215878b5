/** LiveKit's int64 times: EgressInfo in nanoseconds, Room and ParticipantInfo in seconds. */
export function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

export function nowMs(): bigint {
  return BigInt(Date.now());
}

export function nowSeconds(): bigint {
  return BigInt(Math.floor(Date.now() / 1000));
}
