import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Role } from './roles.ts';

export interface StaffTable {
  id: Generated<string>;
  /** Stored lower-case; unique. */
  username: string;
  full_name: string;
  /** Position as printed under a signature (chức vụ), e.g. "Chủ tịch", "Phó Chủ tịch", "Văn thư". */
  title: string;
  email: string | null;
  phone: string | null;
  /** argon2id PHC string. */
  password_hash: string;
  is_disabled: Generated<boolean>;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  created_at: ColumnType<Date, never, never>;
}

export interface StaffRoleTable {
  staff_id: string;
  unit_id: string;
  role: Role;
  created_at: ColumnType<Date, never, never>;
}

/** Page sessions. Only the SHA-256 of the cookie value is stored, so a database dump cannot sign anyone in. */
export interface SessionTable {
  id_hash: string;
  staff_id: string;
  created_at: ColumnType<Date, never, never>;
  /** Sliding idle deadline, pushed forward on use. */
  idle_expires_at: Date;
  /** Absolute end of the session whatever the activity. */
  expires_at: Date;
  ended_at: Date | null;
}

/** Bearer tokens for API clients (`POST /api/v1/auth/token`); hashed like sessions. */
export interface ApiTokenTable {
  id_hash: string;
  staff_id: string;
  created_at: ColumnType<Date, never, never>;
  expires_at: Date;
  revoked_at: Date | null;
}

export type Staff = Selectable<StaffTable>;
export type StaffRole = Selectable<StaffRoleTable>;

export interface IdentityTables {
  staff: StaffTable;
  staff_roles: StaffRoleTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
}
