import type { Room } from '@livekit/protocol';
import type { ClaimGrants } from 'livekit-server-sdk';
import { TwirpFailure } from './twirp-failure.ts';
import { addUnsetMessagesAsNull } from './unset-messages-as-null.ts';

type JsonValue = Parameters<typeof Room.fromJson>[0];

export interface WireMessage {
  toJson(options?: { useProtoFieldName?: boolean; emitDefaultValues?: boolean }): JsonValue;
  toBinary(): Uint8Array;
}

interface WireType<T> {
  fromJson(json: JsonValue, options?: { ignoreUnknownFields?: boolean }): T;
  fromBinary(bytes: Uint8Array): T;
}

export type Encoding = 'json' | 'protobuf';

export interface TwirpMethod {
  call(body: Buffer, encoding: Encoding, claims: ClaimGrants | undefined): WireMessage | Promise<WireMessage>;
}

export type TwirpService = Record<string, TwirpMethod>;

/**
 * One RPC: its request decoded as protobuf-es does (camelCase and snake_case names both
 * accepted, unknown fields ignored, as Twirp's Go server does), then handled.
 */
export function twirpMethod<T>(
  type: WireType<T>,
  run: (request: T, claims: ClaimGrants | undefined) => WireMessage | Promise<WireMessage>,
): TwirpMethod {
  return {
    call(body, encoding, claims) {
      return run(decode(type, body, encoding), claims);
    },
  };
}

function decode<T>(type: WireType<T>, body: Buffer, encoding: Encoding): T {
  try {
    if (encoding === 'protobuf') return type.fromBinary(body);
    const text = body.toString('utf8').trim();
    return type.fromJson(text === '' ? {} : (JSON.parse(text) as JsonValue), { ignoreUnknownFields: true });
  } catch (error) {
    const what =
      encoding === 'json'
        ? 'the json request could not be decoded'
        : 'the protobuf request could not be decoded';
    throw new TwirpFailure('malformed', `${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** What the real server answers: snake_case with every default present, unset messages as null. */
export function encodeAnswer(
  message: WireMessage,
  encoding: Encoding,
): { contentType: string; body: string | Uint8Array } {
  if (encoding === 'protobuf') return { contentType: 'application/protobuf', body: message.toBinary() };
  const json = message.toJson({ useProtoFieldName: true, emitDefaultValues: true });
  addUnsetMessagesAsNull(message, json);
  return { contentType: 'application/json', body: JSON.stringify(json) };
}
