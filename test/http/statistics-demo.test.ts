// The demo seed gives the statistics months of history (issue 7 §7): Bình Ca's chairman sees figures,
// both charts and an on-time rate; the history did not take today's dossier codes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo-data.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
assert.equal(await seedDemo({ db }), true);

test('the demo history fills the dashboard and the register of Bình Ca', async () => {
  const imported = await db
    .selectFrom('dossiers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('received_by', 'is', null)
    .executeTakeFirstOrThrow();
  assert.ok(Number(imported.n) > 200, imported.n);
  const client = new PageClient(app);
  await client.signIn('binhca.chutich', DEMO_PASSWORD);
  const now = new Date();
  const from = new Date(now.getTime() - 200 * 86_400_000).toISOString().slice(0, 10);
  const page = await client.get(`/thong-ke?from=${from}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Trung tâm Phục vụ hành chính công xã Bình Ca/);
  const totals = [
    ...(/<tfoot>(.*?)<\/tfoot>/s.exec(page.body)?.[1] ?? '').matchAll(/<strong>([^<]*)<\/strong>/g),
  ].map((m) => m[1] ?? '');
  const [received, , , early, onTime, late] = totals.map((v) => Number(v));
  assert.ok(
    (received ?? 0) > 100 && (early ?? 0) > 0 && (onTime ?? 0) > 0 && (late ?? 0) > 0,
    totals.join(' '),
  );
  assert.match(totals.at(-1) ?? '', /^\d+(,\d)? %$/);
  const register = await client.get(`/thong-ke/so-theo-doi?from=${from}`);
  assert.ok((register.body.match(/<tr>/g)?.length ?? 0) > 80);
  // Today's intake codes still start at 0001 (the history only used past days' counters).
  const vietnamDay = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(2, 10).replaceAll('-', '');
  const [today] = await db
    .selectFrom('dossiers')
    .select('code')
    .where('received_by', 'is not', null)
    .where('code', 'like', `%-${vietnamDay}-%`)
    .orderBy('code')
    .execute();
  assert.match(today?.code ?? '', /-0001$/);
});
