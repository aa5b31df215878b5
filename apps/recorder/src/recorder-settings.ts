import type { Config } from '@folkemote/config';

export interface RecorderSettings {
  host: string;
  port: number;
  livekitUrl: string;
  apiKey: string;
  apiSecret: string;
  webhookUrl: string;
}

/**
 * Where the recorder listens and whom it serves, from the product's own configuration: it answers
 * at LIVEKIT_EGRESS_URL for the LiveKit server at LIVEKIT_URL, and sends its webhooks where
 * LiveKit sends the room's. Every reason it cannot run is listed.
 */
export function recorderSettings(config: Config): RecorderSettings | { problems: string[] } {
  const { livekit } = config;
  const problems: string[] = [];
  if (livekit.standIn) problems.push('LIVEKIT_URL: must name the LiveKit server whose rooms are recorded');
  if (livekit.egressUrl === livekit.apiUrl)
    problems.push("LIVEKIT_EGRESS_URL: must name the recorder's own address, not LiveKit's");
  const address = new URL(livekit.egressUrl);
  if (address.protocol !== 'http:') problems.push('LIVEKIT_EGRESS_URL: the recorder serves plain http://');
  if (problems.length > 0) return { problems };
  return {
    host: address.hostname.replace(/^\[|\]$/g, ''),
    port: Number(address.port || 80),
    livekitUrl: livekit.apiUrl,
    apiKey: livekit.apiKey,
    apiSecret: livekit.apiSecret,
    webhookUrl: `${config.publicAppUrl}/api/webhooks/livekit`,
  };
}
