// The procedure catalogue through its public API and pages (issue 6 §1): diacritics-insensitive search,
// versions chosen by date, commune adoption and adjustments, validation, Vietnamese pages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeDueDate, createHolidayCalendar, DEFAULT_OFFICE_HOURS } from '../../src/lib/calendar/index.ts';
import { addProcedureVersion } from '../../src/modules/catalogue/add-procedure-version.ts';
import { adoptProcedure } from '../../src/modules/catalogue/adopt-procedure.ts';
import { seedProcedures } from '../../src/modules/catalogue/catalogue-seed-data.ts';
import { createProcedure } from '../../src/modules/catalogue/create-procedure.ts';
import { findEffectiveProcedure } from '../../src/modules/catalogue/find-effective-procedure.ts';
import type { ProcedureContent } from '../../src/modules/catalogue/procedure.types.ts';
import { vietnamDate } from '../../src/modules/catalogue/vietnam-date.ts';
import { makeUnit } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();

const SEED = seedProcedures({ householdBusinessFeeVnd: 100000 });
function seeded(code: string): ProcedureContent {
  const found = SEED.find((p) => p.code === code);
  assert.ok(found, code);
  return found.content;
}

/** A province defining `codes` from 01/07/2025, a commune adopting them, a commune that does not. */
async function setUp(codes: readonly string[]) {
  const province = await makeUnit(db);
  const commune = await makeUnit(db, { parent: province });
  const idle = await makeUnit(db, { parent: province });
  const centre = await makeUnit(db, { parent: commune, kind: 'service-centre' });
  const ids: Record<string, string> = {};
  for (const code of codes) {
    const { id } = await createProcedure({
      db,
      actor: null,
      requestId: null,
      unitId: province.id,
      code,
      effectiveFrom: '2025-07-01',
      content: seeded(code),
    });
    ids[code] = id;
    await adoptProcedure({
      db,
      actor: null,
      requestId: null,
      procedureId: id,
      unitId: commune.id,
      effectiveFrom: '2025-07-01',
    });
  }
  return { province, commune, idle, centre, ids };
}

const getJson = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() };
};

test('search ignores diacritics, case and word order, and matches codes; like wildcards are literal', async () => {
  const { commune } = await setUp(['1.001193', '1.000656', '2.000815']);
  const search = async (q: string) => {
    const { status, body } = await getJson(
      `/api/v1/procedures?unit=${commune.id}&q=${encodeURIComponent(q)}`,
    );
    assert.equal(status, 200);
    return (body as { name: string }[]).map((p) => p.name);
  };
  assert.deepEqual(await search('dang ky khai sinh'), ['Đăng ký khai sinh']);
  assert.deepEqual(await search('ĐĂNG KÝ KHAI SINH'), ['Đăng ký khai sinh']);
  assert.deepEqual(await search('sinh  khai'), ['Đăng ký khai sinh']);
  assert.deepEqual(await search('khai tu'), ['Đăng ký khai tử']);
  assert.deepEqual(await search('1.001193'), ['Đăng ký khai sinh']);
  assert.deepEqual(await search('chung thuc ban sao').then((n) => n.length), 1);
  assert.deepEqual(await search('%'), []);
  assert.deepEqual(await search('_'), []);
  // No query: everything the commune provides, grouped by field (Chứng thực before Hộ tịch).
  assert.deepEqual(
    (await getJson(`/api/v1/procedures?unit=${commune.id}`)).body.map((p: { code: string }) => p.code),
    ['2.000815', '1.001193', '1.000656'],
  );
});

test('the version in force is chosen by the Vietnam date of the instant; the earlier one is untouched', async () => {
  const { province, commune, ids } = await setUp(['1.001193']);
  const id = ids['1.001193'] ?? '';
  const v1 = seeded('1.001193');
  const v2: ProcedureContent = {
    ...v1,
    legalBasis: [...v1.legalBasis, 'Luật Hộ tịch (sửa đổi) — phiên bản thử nghiệm'],
    documents: v1.documents.slice(0, 2),
  };
  const added = await addProcedureVersion({
    db,
    actor: null,
    requestId: null,
    procedureId: id,
    effectiveFrom: '2027-03-01',
    content: v2,
  });
  assert.equal(added.versionNo, 2);
  const at = async (instant: string) =>
    (await getJson(`/api/v1/procedures/1.001193?unit=${commune.id}&at=${encodeURIComponent(instant)}`)).body;

  const before = await at('2027-02-28T23:59:59+07:00');
  assert.equal(before.versionNo, 1);
  assert.equal(before.effectiveFrom, '2025-07-01');
  assert.equal(before.effectiveUntil, '2027-03-01');
  assert.equal(before.documents.length, 4);
  // 17:00 UTC on 28/02 is midnight of 01/03 in Vietnam (UTC+7).
  const after = await at('2027-02-28T17:00:00Z');
  assert.equal(after.versionNo, 2);
  assert.equal(after.effectiveUntil, null);
  assert.equal(after.documents.length, 2);
  assert.equal(after.legalBasis.at(-1), 'Luật Hộ tịch (sửa đổi) — phiên bản thử nghiệm');

  // Before the first version nothing is in force; the province itself sees its versions unadopted.
  assert.equal(
    await findEffectiveProcedure({
      db,
      unitId: commune.id,
      code: '1.001193',
      at: new Date('2025-06-30T12:00:00+07:00'),
    }),
    undefined,
  );
  const atProvince = await findEffectiveProcedure({
    db,
    unitId: province.id,
    code: '1.001193',
    at: new Date('2026-01-01T00:00:00+07:00'),
  });
  assert.equal(atProvince?.versionNo, 1);
  assert.equal(atProvince?.adoption, null);
  // The statutory time keeps the deadline engine's rule shape.
  assert.deepEqual(atProvince?.statutoryTime, {
    kind: 'immediately',
    cutoff: { kind: 'time', after: '15:00' },
  });

  // Two versions on one date are refused.
  await assert.rejects(
    addProcedureVersion({
      db,
      actor: null,
      requestId: null,
      procedureId: id,
      effectiveFrom: '2027-03-01',
      content: v2,
    }),
    (error: { code?: string; fields?: Record<string, string> }) =>
      error.code === 'CONFLICT' && error.fields?.effectiveFrom === 'versionDateTaken',
  );
});

test('a commune adjusts fees and step budgets without changing the province version; centres inherit; others get 404', async () => {
  const { province, commune, idle, centre, ids } = await setUp(['1.001612']);
  const id = ids['1.001612'] ?? '';
  const { action } = await adoptProcedure({
    db,
    actor: null,
    requestId: null,
    procedureId: id,
    unitId: commune.id,
    effectiveFrom: '2026-01-01',
    adjustments: {
      fees: [{ index: 0, amountVnd: 0 }],
      stepBudgets: [{ index: 1, budget: { unit: 'workingDays', amount: 1 } }],
      note: 'Miễn lệ phí theo nghị quyết thử nghiệm.',
    },
  });
  assert.equal(action, 'catalogue.adoption_adjusted');
  const at = '2026-06-01T09:00:00%2B07:00';
  const here = (await getJson(`/api/v1/procedures/1.001612?unit=${commune.id}&at=${at}`)).body;
  assert.equal(here.fees[0].amountVnd, 0);
  assert.deepEqual(here.steps[1].budget, { unit: 'workingDays', amount: 1 });
  assert.equal(here.adoption.isApplied, true);
  assert.equal(here.adoption.adjustments.note, 'Miễn lệ phí theo nghị quyết thử nghiệm.');
  // Before the adjustment date the plain adoption applies.
  const earlier = (
    await getJson(`/api/v1/procedures/1.001612?unit=${commune.id}&at=2025-12-31T09:00:00%2B07:00`)
  ).body;
  assert.equal(earlier.fees[0].amountVnd, 100000);
  // The province's own version is unchanged.
  const atProvince = (await getJson(`/api/v1/procedures/1.001612?unit=${province.id}&at=${at}`)).body;
  assert.equal(atProvince.fees[0].amountVnd, 100000);
  assert.deepEqual(atProvince.steps[1].budget, { unit: 'workingDays', amount: 1.5 });
  // A one-stop centre below the commune uses the commune's adoption; a commune that did not adopt has none.
  assert.equal(
    (await getJson(`/api/v1/procedures/1.001612?unit=${centre.id}&at=${at}`)).body.fees[0].amountVnd,
    0,
  );
  const missing = await getJson(`/api/v1/procedures/1.001612?unit=${idle.id}&at=${at}`);
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'NOT_FOUND');
  assert.deepEqual((await getJson(`/api/v1/procedures?unit=${idle.id}`)).body, []);

  // Withdrawn from a date: provided before it, not after.
  await adoptProcedure({
    db,
    actor: null,
    requestId: null,
    procedureId: id,
    unitId: commune.id,
    effectiveFrom: '2027-01-01',
    isAdopted: false,
  });
  assert.equal((await getJson(`/api/v1/procedures/1.001612?unit=${commune.id}&at=${at}`)).status, 200);
  assert.equal(
    (await getJson(`/api/v1/procedures/1.001612?unit=${commune.id}&at=2027-01-02T09:00:00%2B07:00`)).status,
    404,
  );
  const actions = await db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', '=', id)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    actions.map((a) => a.action),
    [
      'catalogue.procedure_created',
      'catalogue.procedure_adopted',
      'catalogue.adoption_adjusted',
      'catalogue.procedure_withdrawn',
    ],
  );
});

test('adjustments may lower fees and re-divide budgets only within the statutory time', async () => {
  const { commune, ids } = await setUp(['1.001612']);
  const attempt = (adjustments: Parameters<typeof adoptProcedure>[0]['adjustments']) =>
    adoptProcedure({
      db,
      actor: null,
      requestId: null,
      procedureId: ids['1.001612'] ?? '',
      unitId: commune.id,
      effectiveFrom: '2026-02-01',
      ...(adjustments ? { adjustments } : {}),
    });
  const refused = async (adjustments: Parameters<typeof attempt>[0], field: string, code: string) =>
    assert.rejects(attempt(adjustments), (error: { code?: string; fields?: Record<string, string> }) => {
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.equal(error.fields?.[field], code, JSON.stringify(error.fields));
      return true;
    });
  await refused(
    { fees: [{ index: 0, amountVnd: 150000 }], stepBudgets: [], note: '' },
    'fees.0.amountVnd',
    'feeAboveProvince',
  );
  await refused(
    { fees: [{ index: 3, amountVnd: 0 }], stepBudgets: [], note: '' },
    'fees.3.amountVnd',
    'unknownItem',
  );
  // 3 working days = 24 working hours; 4 h + 3 days + 4 h + 4 h is 36 h.
  await refused(
    { fees: [], stepBudgets: [{ index: 1, budget: { unit: 'workingDays', amount: 3 } }], note: '' },
    'steps.0.budget.amount',
    'budgetsExceedStatutory',
  );
  await refused(
    { fees: [], stepBudgets: [{ index: 1, budget: { unit: 'workingHours', amount: 0.3 } }], note: '' },
    'steps.1.budget.amount',
    'budgetInvalid',
  );
});

test('adjustments that no longer fit a later province version are set aside, not applied wrongly', async () => {
  const { commune, ids } = await setUp(['1.001612']);
  const id = ids['1.001612'] ?? '';
  await adoptProcedure({
    db,
    actor: null,
    requestId: null,
    procedureId: id,
    unitId: commune.id,
    effectiveFrom: '2026-01-01',
    adjustments: { fees: [{ index: 0, amountVnd: 60000 }], stepBudgets: [], note: '' },
  });
  const content = seeded('1.001612');
  await addProcedureVersion({
    db,
    actor: null,
    requestId: null,
    procedureId: id,
    effectiveFrom: '2026-09-01',
    content: { ...content, fees: [{ ...content.fees[0], name: 'Lệ phí', per: '', amountVnd: 50000 }] },
  });
  const later = await findEffectiveProcedure({
    db,
    unitId: commune.id,
    code: '1.001612',
    at: new Date('2026-10-01T00:00:00Z'),
  });
  assert.equal(later?.adoption?.isApplied, false);
  assert.equal(later?.fees[0]?.amountVnd, 50000);
});

test('the API validates its query (400 with fields) and is described in the OpenAPI document', async () => {
  const badUnit = await getJson('/api/v1/procedures?unit=not-a-uuid');
  assert.equal(badUnit.status, 400);
  assert.equal(badUnit.body.error.code, 'VALIDATION_FAILED');
  assert.ok(badUnit.body.error.fields.unit, JSON.stringify(badUnit.body));
  const badAt = await getJson('/api/v1/procedures/1.001193?at=yesterday');
  assert.equal(badAt.status, 400);
  assert.ok(badAt.body.error.fields.at, JSON.stringify(badAt.body));
  const unknown = await getJson('/api/v1/procedures/9.999999');
  assert.equal(unknown.status, 404);
  const spec = (await getJson('/api/openapi.json')).body;
  assert.ok(spec.paths['/api/v1/procedures']?.get);
  assert.ok(spec.paths['/api/v1/procedures/{code}']?.get);
  assert.ok(spec.components.schemas.Procedure);
});

test('the public pages are Vietnamese first, work by plain GET forms, and switch to English', async () => {
  const { commune } = await setUp(['1.001193', '2.000815']);
  const browser = new PageClient(app, '10.6.0.1');
  const list = await browser.get(`/thu-tuc?q=dang+ky+khai+sinh&unit=${commune.id}`);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /<html lang="vi">/);
  assert.match(list.body, /<form method="get" action="\/thu-tuc" role="search">/);
  assert.match(list.body, /Tìm thấy 1 thủ tục/);
  assert.match(list.body, new RegExp(`href="/thu-tuc/1.001193\\?unit=${commune.id}"`));
  assert.doesNotMatch(list.body, /Chứng thực bản sao/);

  const detail = await browser.get(`/thu-tuc/2.000815?unit=${commune.id}`);
  assert.equal(detail.statusCode, 200);
  for (const expected of [
    'Thành phần hồ sơ',
    'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao',
    '2.000 đồng/trang',
    'Trong ngày; nhận sau 15:00 thì tính từ ngày làm việc tiếp theo',
    'Được gia hạn một lần, tối đa 2 ngày làm việc',
    'Nghị định số 23/2015/NĐ-CP',
    'Trình tự thực hiện',
    commune.name,
  ]) {
    assert.ok(detail.body.includes(expected), expected);
  }
  await browser.get('/lang/en?back=/');
  const english = await browser.get(`/thu-tuc/2.000815?unit=${commune.id}`);
  assert.match(english.body, /<html lang="en">/);
  assert.match(english.body, /Processing time/);
  assert.match(english.body, /Certified copy from the original/);
  assert.match(english.body, /VND 2,000 per trang/);

  const missing = await browser.get('/thu-tuc/0.000000');
  assert.equal(missing.statusCode, 404);
});

test('the detail page says until when the current version applies when a new one is scheduled', async () => {
  const { commune, ids } = await setUp(['2.000884']);
  const next = vietnamDate(new Date(Date.now() + 30 * 86_400_000));
  await addProcedureVersion({
    db,
    actor: null,
    requestId: null,
    procedureId: ids['2.000884'] ?? '',
    effectiveFrom: next,
    content: seeded('2.000884'),
  });
  const lastDay = vietnamDate(new Date(Date.parse(`${next}T00:00:00+07:00`) - 1000));
  const page = await new PageClient(app, '10.6.0.2').get(`/thu-tuc/2.000884?unit=${commune.id}`);
  assert.equal(page.statusCode, 200);
  assert.ok(
    page.body.includes(`Từ 01/07/2025 đến hết ngày ${lastDay.split('-').reverse().join('/')}`),
    page.body.slice(page.body.indexOf('Hiệu lực'), page.body.indexOf('Hiệu lực') + 200),
  );
});

test('intake can hand a procedure’s statutory time to the deadline engine unchanged', async () => {
  const { commune } = await setUp(['1.001612', '2.000815']);
  const calendar = createHolidayCalendar();
  const due = async (code: string, receivedAt: string) => {
    const procedure = await findEffectiveProcedure({
      db,
      unitId: commune.id,
      code,
      at: new Date(receivedAt),
    });
    assert.ok(procedure);
    const result = computeDueDate({
      receivedAt: new Date(receivedAt),
      rule: procedure.statutoryTime,
      calendar,
      officeHours: DEFAULT_OFFICE_HOURS,
    });
    return result.dueAt.toISOString();
  };
  // 3 working days = 24 working hours from Friday 20/11/2026 16:40: 20 min on Friday, Monday 8 h, Tuesday
  // 8 h, then 7 h 40 min on Wednesday (4 h 30 morning + 3 h 10 from 13:30) → Wednesday 25/11 16:40 (+07).
  assert.equal(await due('1.001612', '2026-11-20T16:40:00+07:00'), '2026-11-25T09:40:00.000Z');
  // Certified copy, same day with the 15:00 cut-off: received 15:30 Friday → by closing on Monday 23/11.
  assert.equal(await due('2.000815', '2026-11-20T15:30:00+07:00'), '2026-11-23T10:00:00.000Z');
});
