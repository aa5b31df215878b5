/** The key pair that signs access tokens, server API calls and webhooks. */
export interface LiveKitCredentials {
  apiKey: string;
  apiSecret: string;
}

/** `Config['livekit']` from @folkemote/config satisfies it. */
export interface LiveKitSettings extends LiveKitCredentials {
  /** Server API base: http(s):// or ws(s):// (the SDK rewrites ws to http). */
  apiUrl: string;
  /** Egress API base, when another service than the server API answers it (default: apiUrl). */
  egressUrl?: string;
}
