// The catalogue's write API (bearer tokens): the same rules as the admin pages, answered in JSON with
// precise codes and field paths; denied without unit.configure on the unit, allowed with it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedProcedures } from '../../src/modules/catalogue/catalogue-seed-data.ts';
import { vietnamDate } from '../../src/modules/catalogue/vietnam-date.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
const province = await makeUnit(db);
const commune = await makeUnit(db, { parent: province });
const otherProvince = await makeUnit(db);
const content = seedProcedures({ householdBusinessFeeVnd: 100000 }).find(
  (p) => p.code === '1.001612',
)?.content;
assert.ok(content);

let address = 0;
async function tokenFor(staff: { username: string; password: string }): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    remoteAddress: `10.9.0.${++address}`,
    payload: { username: staff.username, password: staff.password },
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().access_token;
}
const tokens = {
  provinceAdmin: await tokenFor(await makeStaff(db, { unit: province, role: 'unit_admin' })),
  communeAdmin: await tokenFor(await makeStaff(db, { unit: commune, role: 'unit_admin' })),
  otherAdmin: await tokenFor(await makeStaff(db, { unit: otherProvince, role: 'unit_admin' })),
  specialist: await tokenFor(await makeStaff(db, { unit: province, role: 'specialist' })),
};
const post = (url: string, payload: object, token?: string) =>
  app.inject({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
const tomorrow = vietnamDate(new Date(Date.now() + 86_400_000));
const body = (code: string, extra: object = {}) => ({
  unitId: province.id,
  code,
  effectiveFrom: tomorrow,
  ...content,
  ...extra,
});

test('creating a procedure: 401 without a token, 403 without unit.configure on the province, 201 with it', async () => {
  assert.equal((await post('/api/v1/procedures', body('9.200001'))).statusCode, 401);
  for (const who of ['specialist', 'communeAdmin', 'otherAdmin'] as const) {
    const refused = await post('/api/v1/procedures', body('9.200001'), tokens[who]);
    assert.equal(refused.statusCode, 403, who);
    assert.equal(refused.json().error.code, 'FORBIDDEN');
  }
  const created = await post('/api/v1/procedures', body('9.200001'), tokens.provinceAdmin);
  assert.equal(created.statusCode, 201, created.body);
  const taken = await post('/api/v1/procedures', body('9.200001'), tokens.provinceAdmin);
  assert.equal(taken.statusCode, 409);
  assert.deepEqual(taken.json().error.fields, { code: 'codeTaken' });
  const events = await db
    .selectFrom('audit_events')
    .select(['action', 'actor_type'])
    .where('subject_id', '=', created.json().id)
    .execute();
  assert.deepEqual(events, [{ action: 'catalogue.procedure_created', actor_type: 'staff' }]);
});

test('schema and business problems are 400 VALIDATION_FAILED with field paths', async () => {
  const { name: _name, ...withoutName } = body('9.200002');
  const schema = await post(
    '/api/v1/procedures',
    { ...withoutName, documents: [{ ...content.documents[0], count: 'two' }] },
    tokens.provinceAdmin,
  );
  assert.equal(schema.statusCode, 400);
  assert.equal(schema.json().error.code, 'VALIDATION_FAILED');
  assert.ok(schema.json().error.fields.name, schema.body);
  assert.ok(schema.json().error.fields['documents.0.count'], schema.body);

  const steps = content.steps.map((s, i) =>
    i === 1 ? { ...s, budget: { unit: 'workingDays', amount: 3 } } : s,
  );
  const business = await post(
    '/api/v1/procedures',
    body('9.200002', { steps, effectiveFrom: '2020-01-01', code: 'bad code' }),
    tokens.provinceAdmin,
  );
  assert.equal(business.statusCode, 400);
  assert.deepEqual(business.json().error.fields, {
    'steps.0.budget.amount': 'budgetsExceedStatutory',
    effectiveFrom: 'effectiveFromPast',
    code: 'codeInvalid',
  });
  const none = await db.selectFrom('procedures').select('id').where('code', '=', '9.200002').execute();
  assert.deepEqual(none, []);
});

test('versions and adoptions by code at a unit, each allowed only with unit.configure there', async () => {
  assert.equal((await post('/api/v1/procedures', body('9.200003'), tokens.provinceAdmin)).statusCode, 201);
  const versionUrl = `/api/v1/units/${province.id}/procedures/9.200003/versions`;
  const {
    unitId: _u,
    code: _c,
    ...version
  } = body('9.200003', { effectiveFrom: vietnamDate(new Date(Date.now() + 5 * 86_400_000)) });
  assert.equal((await post(versionUrl, version, tokens.communeAdmin)).statusCode, 403);
  const added = await post(versionUrl, version, tokens.provinceAdmin);
  assert.equal(added.statusCode, 201, added.body);
  assert.equal(added.json().versionNo, 2);
  assert.equal(
    (await post(`/api/v1/units/${province.id}/procedures/0.000000/versions`, version, tokens.provinceAdmin))
      .statusCode,
    404,
  );

  const adoptUrl = `/api/v1/units/${commune.id}/procedures/9.200003/adoptions`;
  const adoption = {
    effectiveFrom: tomorrow,
    adjustments: { fees: [{ index: 0, amountVnd: 0 }], stepBudgets: [], note: 'Miễn lệ phí.' },
  };
  assert.equal((await post(adoptUrl, adoption, tokens.otherAdmin)).statusCode, 403);
  assert.equal((await post(adoptUrl, adoption, tokens.specialist)).statusCode, 403);
  const tooHigh = await post(
    adoptUrl,
    { ...adoption, adjustments: { ...adoption.adjustments, fees: [{ index: 0, amountVnd: 200000 }] } },
    tokens.communeAdmin,
  );
  assert.equal(tooHigh.statusCode, 400);
  assert.deepEqual(tooHigh.json().error.fields, { 'fees.0.amountVnd': 'feeAboveProvince' });
  const adopted = await post(adoptUrl, adoption, tokens.communeAdmin);
  assert.equal(adopted.statusCode, 201, adopted.body);
  assert.equal(adopted.json().action, 'catalogue.procedure_adopted');
  const shown = await app.inject({
    method: 'GET',
    url: `/api/v1/procedures/9.200003?unit=${commune.id}&at=${tomorrow}T08:00:00%2B07:00`,
  });
  assert.equal(shown.json().fees[0].amountVnd, 0);
  // A province is not a commune: it cannot adopt.
  const atProvince = await post(
    `/api/v1/units/${province.id}/procedures/9.200003/adoptions`,
    adoption,
    tokens.provinceAdmin,
  );
  assert.equal(atProvince.statusCode, 400);
  assert.deepEqual(atProvince.json().error.fields, { unitId: 'notCommune' });
});
