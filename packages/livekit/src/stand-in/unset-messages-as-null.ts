interface ReflectedField {
  name: string;
  localName: string;
  kind: string;
  repeated: boolean;
  oneof?: { localName: string } | undefined;
}

interface ReflectedMessage {
  getType(): { fields: { list(): readonly ReflectedField[] } };
}

type JsonObject = Record<string, unknown>;

/**
 * LiveKit answers JSON with Go's protojson and EmitUnpopulated, which writes an unset message
 * field as null (`"version": null`); protobuf-es leaves it out. This adds the nulls to `json`, the
 * message's JSON with proto field names, through every nested message.
 */
export function addUnsetMessagesAsNull(message: unknown, json: unknown): void {
  if (!isReflected(message) || !isJsonObject(json)) return;
  const fields = message as unknown as Record<string, unknown>;
  for (const field of message.getType().fields.list()) {
    if (field.kind !== 'message') continue;
    if (field.oneof) {
      // An unset oneof is left out by Go too; a chosen one is a message like any other.
      const chosen = fields[field.oneof.localName] as { case?: string; value?: unknown } | undefined;
      if (chosen?.case === field.localName) addUnsetMessagesAsNull(chosen.value, json[field.name]);
      continue;
    }
    const value = fields[field.localName];
    if (field.repeated) {
      const items = Array.isArray(json[field.name]) ? (json[field.name] as unknown[]) : [];
      for (const [index, item] of (value as unknown[]).entries()) addUnsetMessagesAsNull(item, items[index]);
    } else if (value === undefined) {
      json[field.name] = null;
    } else {
      addUnsetMessagesAsNull(value, json[field.name]);
    }
  }
}

function isReflected(value: unknown): value is ReflectedMessage {
  return typeof (value as ReflectedMessage | undefined)?.getType === 'function';
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
