// The demo catalogue (issue 6 §1.2): both demo provinces define the typical commune procedures, every demo
// commune and ward adopts them, Hồ Thầu with an adjustment; intake can resolve each one today.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEffectiveProcedure } from '../../src/modules/catalogue/find-effective-procedure.ts';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
assert.equal(await seedDemo({ db }), true);
const unitId = async (name: string) =>
  (await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

const REQUIRED = {
  '2.000815': 'Chứng thực bản sao từ bản chính',
  '2.000884': 'Chứng thực chữ ký',
  '1.001193': 'Đăng ký khai sinh',
  '1.000894': 'Đăng ký kết hôn',
  '1.001699': 'Xác định, xác định lại mức độ khuyết tật',
  '1.001776': 'trợ cấp xã hội hằng tháng',
  '1.001612': 'Đăng ký thành lập hộ kinh doanh',
  '1.000656': 'Đăng ký khai tử',
  '1.004194': 'Xác nhận thông tin về cư trú',
  '2.001035': 'quyền sử dụng đất',
};

test('every demo commune and ward provides the required procedures today', async () => {
  for (const name of ['Xã Bình Ca', 'Xã Hồ Thầu', 'Xã Đức Trọng', 'Phường Xuân Hương - Đà Lạt']) {
    const id = await unitId(name);
    for (const [code, fragment] of Object.entries(REQUIRED)) {
      const procedure = await findEffectiveProcedure({ db, unitId: id, code, at: new Date() });
      assert.ok(procedure, `${name} ${code}`);
      assert.ok(procedure.name.includes(fragment), `${code}: ${procedure.name}`);
      assert.ok(
        procedure.documents.length > 0 && procedure.steps.length > 0 && procedure.legalBasis.length > 0,
      );
    }
  }
  // Statutory times per DOMAIN.md.
  const binhCa = await unitId('Xã Bình Ca');
  const time = async (code: string) =>
    (await findEffectiveProcedure({ db, unitId: binhCa, code, at: new Date() }))?.statutoryTime;
  assert.deepEqual(await time('2.000815'), { kind: 'sameDay', cutoff: { kind: 'time', after: '15:00' } });
  assert.deepEqual(await time('1.001612'), { kind: 'workingDays', days: 3 });
  assert.deepEqual(await time('1.001699'), { kind: 'workingDays', days: 25 });
});

test('the demo adjustment and the provinces’ own fees show through the API', async () => {
  const fee = async (name: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/procedures/1.001612?unit=${await unitId(name)}`,
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json().fees[0].amountVnd;
  };
  assert.equal(await fee('Xã Bình Ca'), 100000);
  assert.equal(await fee('Xã Hồ Thầu'), 0);
  assert.equal(await fee('Xã Đức Trọng'), 50000);
  const search = await app.inject({ method: 'GET', url: '/api/v1/procedures?q=dang%20ky%20khai%20sinh' });
  assert.deepEqual(
    search.json().map((p: { definedBy: { name: string } }) => p.definedBy.name),
    ['Tỉnh Lâm Đồng', 'Tỉnh Tuyên Quang'],
  );
  const seeded = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'catalogue.procedure_created')
    .executeTakeFirstOrThrow();
  assert.equal(Number(seeded.n), 24);
});
