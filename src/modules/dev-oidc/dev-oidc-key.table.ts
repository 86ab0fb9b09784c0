import type { ColumnType } from 'kysely';

/** The bundled development provider's signing keys (a private JWK Set), generated once. One row, id 1. */
export interface DevOidcKeyTable {
  id: number;
  jwks: ColumnType<{ keys: Record<string, unknown>[] }, string, never>;
  created_at: ColumnType<Date, never, never>;
}

export interface DevOidcTables {
  dev_oidc_keys: DevOidcKeyTable;
}
