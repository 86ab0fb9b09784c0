import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * `T | null` as one JSON Schema type list (`"type": ["string", "null"]`, OpenAPI 3.1) instead of `anyOf`:
 * the response serializer (fast-json-stringify) then tells the two apart with `typeof`, where for `anyOf`
 * it runs a schema validator on the value of every response (date-time formats parsed by regular
 * expressions, objects walked): a hot response (intake, public lookup) should not pay that.
 */
export function Nullable<T extends TSchema & { type: string }>(schema: T) {
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });
}
