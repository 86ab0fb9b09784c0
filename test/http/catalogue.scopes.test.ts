// One authorisation test per catalogue admin action (shared/STYLE.md): denied without `unit.configure`
// on the unit, allowed with it; each allowed action leaves exactly one audit event, a denied one none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedProcedures } from '../../src/modules/catalogue/catalogue-seed-data.ts';
import { createProcedure } from '../../src/modules/catalogue/create-procedure.ts';
import { vietnamDate } from '../../src/modules/catalogue/vietnam-date.ts';
import { procedureFormValues } from '../../src/web/pages/catalogue-forms.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
const province = await makeUnit(db);
const commune = await makeUnit(db, { parent: province });
const otherProvince = await makeUnit(db);
const otherCommune = await makeUnit(db, { parent: otherProvince });
const content = seedProcedures({ householdBusinessFeeVnd: 100000 }).find(
  (p) => p.code === '1.001612',
)?.content;
assert.ok(content);
const { id: procedureId } = await createProcedure({
  db,
  actor: null,
  requestId: null,
  unitId: province.id,
  code: '1.001612',
  effectiveFrom: '2025-07-01',
  content,
});

const actors = {
  specialist: await makeStaff(db, { unit: province, role: 'specialist' }),
  communeAdmin: await makeStaff(db, { unit: commune, role: 'unit_admin' }),
  otherCommuneAdmin: await makeStaff(db, { unit: otherCommune, role: 'unit_admin' }),
  otherProvinceAdmin: await makeStaff(db, { unit: otherProvince, role: 'unit_admin' }),
  provinceAdmin: await makeStaff(db, { unit: province, role: 'unit_admin' }),
};
type Who = keyof typeof actors;

let address = 0;
async function signedIn(who: Who): Promise<PageClient> {
  const browser = new PageClient(app, `10.7.0.${++address}`);
  const response = await browser.signIn(actors[who].username, actors[who].password);
  assert.equal(response.statusCode, 303);
  return browser;
}

let dayOffset = 1;
/** A distinct future date (dd/mm/yyyy) per attempt, so allowed attempts never collide on a date. */
function nextDate(): string {
  const iso = vietnamDate(new Date(Date.now() + ++dayOffset * 86_400_000));
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

let codeCounter = 0;
const ACTIONS = [
  {
    name: 'create a province procedure',
    url: () => '/admin/procedures',
    form: () => ({
      ...procedureFormValues(content, new Date()),
      unitId: province.id,
      code: `9.${String(++codeCounter).padStart(6, '0')}`,
      effectiveFrom: nextDate(),
    }),
    audit: 'catalogue.procedure_created',
    expected: { specialist: 403, communeAdmin: 403, otherProvinceAdmin: 403, provinceAdmin: 303 },
  },
  {
    name: 'add a version',
    url: () => `/admin/procedures/${procedureId}/versions`,
    form: () => ({ ...procedureFormValues(content, new Date()), effectiveFrom: nextDate() }),
    audit: 'catalogue.procedure_version_added',
    expected: { specialist: 403, communeAdmin: 403, otherProvinceAdmin: 403, provinceAdmin: 303 },
  },
  {
    name: 'adopt or adjust at a commune',
    url: () => `/admin/procedures/${procedureId}/adoption`,
    form: () => ({
      unitId: commune.id,
      effectiveFrom: nextDate(),
      decision: 'adopt',
      'fees.0.amountVnd': '0',
    }),
    audit: null,
    expected: {
      specialist: 403,
      otherCommuneAdmin: 403,
      otherProvinceAdmin: 403,
      communeAdmin: 303,
      provinceAdmin: 303,
    },
  },
] as const;

async function auditCount(actions: readonly string[]): Promise<number> {
  const rows = await db
    .selectFrom('audit_events')
    .select('seq')
    .where('action', 'in', actions as never)
    .execute();
  return rows.length;
}

for (const action of ACTIONS) {
  test(`${action.name}: denied without unit.configure on the unit, allowed with it`, async () => {
    const audits = action.audit
      ? [action.audit]
      : ['catalogue.procedure_adopted', 'catalogue.adoption_adjusted'];
    for (const [who, expected] of Object.entries(action.expected) as [Who, number][]) {
      const before = await auditCount(audits);
      const browser = await signedIn(who);
      const page = await browser.get('/workspace');
      const response = await browser.post(action.url(), {
        _csrf: PageClient.csrfFrom(page.body),
        ...action.form(),
      });
      assert.equal(response.statusCode, expected, `${who}: ${response.body.slice(0, 400)}`);
      if (expected === 303) {
        assert.match(response.headers.location ?? '', /^\/admin\/procedures\?unit=.*notice=saved$/);
      }
      assert.equal(await auditCount(audits), before + (expected === 303 ? 1 : 0), who);
    }
  });
}

test('the admin pages themselves: list and forms are refused to those who may not configure the unit', async () => {
  const cases: [Who, string, number][] = [
    ['specialist', '/admin/procedures', 403],
    ['provinceAdmin', '/admin/procedures', 200],
    ['communeAdmin', `/admin/procedures/new?unit=${province.id}`, 403],
    ['provinceAdmin', `/admin/procedures/new?unit=${province.id}`, 200],
    ['provinceAdmin', `/admin/procedures/new?unit=${commune.id}`, 404],
    ['otherProvinceAdmin', `/admin/procedures/${procedureId}/versions/new`, 403],
    ['provinceAdmin', `/admin/procedures/${procedureId}/versions/new`, 200],
    ['otherCommuneAdmin', `/admin/procedures/${procedureId}/adoption?unit=${commune.id}`, 403],
    ['otherCommuneAdmin', `/admin/procedures/${procedureId}/adoption?unit=${otherCommune.id}`, 404],
    ['communeAdmin', `/admin/procedures/${procedureId}/adoption?unit=${commune.id}`, 200],
  ];
  for (const [who, url, expected] of cases) {
    const browser = await signedIn(who);
    const response = await browser.get(url);
    assert.equal(response.statusCode, expected, `${who} ${url}`);
  }
  const anonymous = await new PageClient(app, '10.7.1.1').get('/admin/procedures');
  assert.equal(anonymous.statusCode, 303);
  assert.match(anonymous.headers.location ?? '', /^\/sign-in\?next=/);
});
