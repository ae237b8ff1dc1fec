/**
 * Airbyte Protocol messages (the JSON lines a connector prints on stdout),
 * as zod schemas. Only the fields the verifier relies on are constrained;
 * everything else is kept (`.loose()`), because the protocol grows new
 * optional fields and an older verifier must not reject a newer connector.
 *
 * Reference: airbyte-protocol `airbyte_protocol.yaml` (AirbyteMessage).
 */
import { z } from 'zod';

const JsonObject = z.record(z.string(), z.unknown());

const ConnectorSpecificationSchema = z
  .object({
    // The platform renders the connection form from this: without it the
    // connector cannot be configured at all.
    connectionSpecification: JsonObject,
    documentationUrl: z.string().optional(),
    supportsIncremental: z.boolean().optional(),
  })
  .loose();

const AirbyteRecordMessageSchema = z
  .object({
    stream: z.string().min(1),
    namespace: z.string().nullish(),
    data: JsonObject,
    emitted_at: z.number().int(),
  })
  .loose();

const AirbyteStateMessageSchema = z
  .object({
    type: z.enum(['LEGACY', 'STREAM', 'GLOBAL']).optional(),
    stream: z.unknown().optional(),
    global: z.unknown().optional(),
    data: z.unknown().optional(),
  })
  .loose();

const AirbyteLogMessageSchema = z
  .object({
    level: z.enum(['FATAL', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE']),
    message: z.string(),
    stack_trace: z.string().nullish(),
  })
  .loose();

const AirbyteConnectionStatusSchema = z
  .object({
    status: z.enum(['SUCCEEDED', 'FAILED']),
    message: z.string().nullish(),
  })
  .loose();

const AirbyteStreamSchema = z
  .object({
    name: z.string().min(1),
    json_schema: JsonObject,
    namespace: z.string().nullish(),
    supported_sync_modes: z.array(z.string()).optional(),
  })
  .loose();

const AirbyteCatalogSchema = z.object({ streams: z.array(AirbyteStreamSchema) }).loose();

const AirbyteTraceMessageSchema = z
  .object({
    type: z.enum(['ERROR', 'ESTIMATE', 'STREAM_STATUS', 'ANALYTICS']),
    emitted_at: z.number(),
  })
  .loose();

const AirbyteControlMessageSchema = z
  .object({
    type: z.enum(['CONNECTOR_CONFIG']),
    emitted_at: z.number(),
  })
  .loose();

/** One variant per message type; the payload field is named after the type. */
export const AirbyteMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('RECORD'), record: AirbyteRecordMessageSchema }).loose(),
  z.object({ type: z.literal('STATE'), state: AirbyteStateMessageSchema }).loose(),
  z.object({ type: z.literal('LOG'), log: AirbyteLogMessageSchema }).loose(),
  z.object({ type: z.literal('SPEC'), spec: ConnectorSpecificationSchema }).loose(),
  z.object({ type: z.literal('CONNECTION_STATUS'), connectionStatus: AirbyteConnectionStatusSchema }).loose(),
  z.object({ type: z.literal('CATALOG'), catalog: AirbyteCatalogSchema }).loose(),
  z.object({ type: z.literal('TRACE'), trace: AirbyteTraceMessageSchema }).loose(),
  z.object({ type: z.literal('CONTROL'), control: AirbyteControlMessageSchema }).loose(),
]);
export type AirbyteMessage = z.infer<typeof AirbyteMessageSchema>;
export type AirbyteMessageType = AirbyteMessage['type'];
export const MESSAGE_TYPES: readonly AirbyteMessageType[] = [
  'RECORD',
  'STATE',
  'LOG',
  'SPEC',
  'CONNECTION_STATUS',
  'CATALOG',
  'TRACE',
  'CONTROL',
];

/** The configured catalog given to `read` / `write` (only what we need from it). */
export const ConfiguredCatalogSchema = z
  .object({
    streams: z.array(
      z
        .object({
          stream: z.object({ name: z.string().min(1), namespace: z.string().nullish() }).loose(),
        })
        .loose(),
    ),
  })
  .loose();
export type ConfiguredCatalog = z.infer<typeof ConfiguredCatalogSchema>;
