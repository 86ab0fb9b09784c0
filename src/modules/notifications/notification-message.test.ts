// Every kind of message says what happened with the code, the procedure and the lookup link, in
// Vietnamese; SMS without diacritics (GSM 7-bit); the late one gives the new date.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NOTIFICATION_KINDS } from './notification-kinds.ts';
import { renderEmail, renderSms } from './notification-message.ts';

const payload = {
  code: 'H57.101-261207-0012',
  procedureName: 'Đăng ký khai sinh',
  dueAt: '2026-12-10T10:00:00.000Z',
  newDueAt: null,
};
const URL = 'https://motcua.example.vn';

test('each kind renders an e-mail and an SMS with the code and the lookup link', () => {
  const subjects = new Set<string>();
  for (const kind of NOTIFICATION_KINDS) {
    const email = renderEmail(kind, payload, URL);
    subjects.add(email.subject);
    assert.ok(email.subject.endsWith(payload.code), kind);
    assert.ok(email.text.includes(`Hồ sơ ${payload.code} (Đăng ký khai sinh)`), kind);
    assert.ok(email.text.includes(`${URL}/tra-cuu?code=H57.101-261207-0012`), kind);
    const sms = renderSms(kind, payload, URL);
    assert.match(sms, /^[\x20-\x7E]+$/, `${kind}: ASCII only`);
    assert.ok(sms.includes(payload.code) && sms.includes('/tra-cuu?code='), kind);
  }
  assert.equal(subjects.size, NOTIFICATION_KINDS.length, 'a distinct subject per kind');
  assert.match(renderEmail('received', payload, URL).text, /Hẹn trả kết quả: 17:00 10\/12\/2026/);
});

test('the late message apologises and gives the new date', () => {
  const late = { ...payload, newDueAt: '2026-12-15T10:00:00.000Z' };
  assert.match(
    renderEmail('late', late, URL).text,
    /xin lỗi ông\/bà và hẹn trả kết quả vào 17:00 15\/12\/2026/,
  );
  assert.match(renderSms('late', late, URL), /cham hen, xin loi ong\/ba, hen lai 17:00 15\/12\/2026/);
});
