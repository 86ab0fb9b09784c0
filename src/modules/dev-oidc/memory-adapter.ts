// Storage for the bundled development provider: per-provider, in process memory, entries expiring with
// their TTL. It implements oidc-provider's Adapter interface (docs: "adapter"); the development provider
// serves one process, and losing its sessions on restart only means choosing a demo citizen again.
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  readonly payload: AdapterPayload;
  readonly expiresAt: number;
}

export function createMemoryAdapterFactory(): (model: string) => Adapter {
  const entries = new Map<string, Entry>();
  const alive = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const findBy = (model: string, field: 'uid' | 'userCode', value: string) => {
    for (const [key, entry] of entries) {
      if (key.startsWith(`${model}:`) && entry.payload[field] === value && alive(key)) {
        return entry.payload;
      }
    }
    return undefined;
  };
  return (model: string): Adapter => ({
    async upsert(id, payload, expiresIn) {
      // Drop what has expired now and then, so a long-running development server does not grow.
      if (entries.size > 1000) {
        for (const key of entries.keys()) {
          alive(key);
        }
      }
      entries.set(`${model}:${id}`, {
        payload,
        expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY,
      });
    },
    async find(id) {
      return alive(`${model}:${id}`)?.payload;
    },
    async findByUid(uid) {
      return findBy(model, 'uid', uid);
    },
    async findByUserCode(userCode) {
      return findBy(model, 'userCode', userCode);
    },
    async consume(id) {
      const entry = alive(`${model}:${id}`);
      if (entry) {
        entry.payload.consumed = Math.floor(Date.now() / 1000);
      }
    },
    async destroy(id) {
      entries.delete(`${model}:${id}`);
    },
    async revokeByGrantId(grantId) {
      for (const [key, entry] of entries) {
        if (entry.payload.grantId === grantId) {
          entries.delete(key);
        }
      }
    },
  });
}
