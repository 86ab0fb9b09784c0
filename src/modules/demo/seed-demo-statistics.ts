// Six months of past dossiers at the demo's communes (issue 7 §7), so the statistics dashboard and the BM.06
// register have something to show: varied procedures and outcomes (early, on time, late, supplements,
// refusals, some still open), deterministic (a seeded generator), imported in bulk so that `npm start` on a
// new data folder stays fast. Due dates are approximate (weekdays only, no holidays): DEMO DATA.
import type { Db } from '../../database.ts';
import { listProcedures } from '../catalogue/list-procedures.ts';
import { vietnamDate } from '../catalogue/vietnam-date.ts';
import type { DossierStatus } from '../dossiers/dossier-status.ts';
import type { HistoricalDossier } from '../dossiers/import-dossier-history.ts';
import { importDossierHistory } from '../dossiers/import-dossier-history.ts';

/** Dossiers a month per demo unit. */
const DEMO_VOLUME: Readonly<Record<string, number>> = {
  'binh-ca-tt': 30,
  'ho-thau': 10,
  'duc-trong': 12,
  'xuan-huong': 16,
};
const MONTHS = 6;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hà', 'Ma', 'Triệu'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hải',
  'Hương',
  'Khánh',
  'Lan',
  'Mai',
  'Nam',
  'Phúc',
  'Sơn',
  'Tâm',
  'Yến',
];
const PLACES = [
  'Thôn Bản Ngoài',
  'Thôn Đồng Bằng',
  'Tổ dân phố 3',
  'Thôn Nà Khá',
  'Xóm Chợ',
  'Thôn Làng Mới',
];

/** mulberry32: a small deterministic generator, so every demo database has the same history. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isWeekend = (at: Date) => {
  const day = new Date(at.getTime() + 7 * HOUR).getUTCDay();
  return day === 0 || day === 6;
};

/** `days` weekdays after `from`, at 17:00 Vietnam time (the same day for 0). */
function addWeekdays(from: Date, days: number): Date {
  let at = new Date(from.getTime());
  for (let left = days; left > 0; ) {
    at = new Date(at.getTime() + DAY);
    if (!isWeekend(at)) {
      left -= 1;
    }
  }
  return new Date(`${vietnamDate(at)}T17:00:00+07:00`);
}

function demoHistory(
  random: () => number,
  procedures: { code: string; versionId: string; name: string; days: number; feeVnd: number }[],
  perMonth: number,
  now: Date,
): HistoricalDossier[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const today = vietnamDate(now);
  const dossiers: HistoricalDossier[] = [];
  const first = new Date(now.getTime() - MONTHS * 30 * DAY);
  for (let i = 0; i < perMonth * MONTHS; i += 1) {
    const day = new Date(first.getTime() + Math.floor(random() * MONTHS * 30) * DAY);
    const receivedAt = new Date(
      `${vietnamDate(day)}T0${7 + Math.floor(random() * 3)}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00+07:00`,
    );
    if (isWeekend(receivedAt) || vietnamDate(receivedAt) >= today) {
      continue;
    }
    const procedure = pick(procedures);
    const dueAt = addWeekdays(receivedAt, procedure.days);
    const events: { status: DossierStatus; at: Date }[] = [];
    const roll = random();
    const step = (status: DossierStatus, at: Date) => {
      if (at.getTime() < now.getTime()) {
        events.push({ status, at });
      }
    };
    if (roll < 0.06) {
      events.push({ status: 3, at: receivedAt });
    } else {
      events.push({ status: 2, at: receivedAt });
      step(4, new Date(receivedAt.getTime() + HOUR));
      let shift = 0;
      if (random() < 0.15) {
        step(5, new Date(receivedAt.getTime() + 2 * HOUR));
        shift = 2 * DAY;
        step(4, new Date(receivedAt.getTime() + shift));
      }
      const outcome = random();
      // About 55 % early, 25 % on the due day, 15 % late, the rest stopped or withdrawn.
      const finishedAt =
        outcome < 0.55
          ? new Date(dueAt.getTime() - (1 + Math.floor(random() * 2)) * DAY - 5 * HOUR)
          : outcome < 0.8
            ? new Date(dueAt.getTime() - (1 + Math.floor(random() * 6)) * HOUR)
            : outcome < 0.95
              ? new Date(dueAt.getTime() + (1 + Math.floor(random() * 4)) * DAY - 6 * HOUR)
              : null;
      if (finishedAt === null) {
        step(random() < 0.5 ? 7 : 8, new Date(receivedAt.getTime() + shift + DAY));
      } else {
        const at = new Date(Math.max(finishedAt.getTime(), receivedAt.getTime() + 2 * HOUR + shift));
        step(9, at);
        if (random() < 0.85) {
          step(10, new Date(at.getTime() + (1 + Math.floor(random() * 2)) * DAY));
        }
      }
    }
    dossiers.push({
      procedure,
      channel: random() < 0.3 ? 'online' : 'counter',
      applicant: {
        fullName: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
        personalIdentifier: `0081${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
        address: pick(PLACES),
        phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
        email: null,
        proxy: null,
      },
      feeVnd: roll < 0.06 ? 0 : procedure.feeVnd,
      dueAt: events[0]?.status === 3 ? null : dueAt,
      events,
    });
  }
  return dossiers.sort((a, b) => (a.events[0]?.at.getTime() ?? 0) - (b.events[0]?.at.getTime() ?? 0));
}

export async function seedDemoStatistics(options: {
  db: Db;
  unitIds: ReadonlyMap<string, string>;
  now?: Date;
}): Promise<number> {
  const now = options.now ?? new Date();
  let count = 0;
  for (const [key, perMonth] of Object.entries(DEMO_VOLUME)) {
    const unitId = options.unitIds.get(key);
    if (!unitId) {
      continue;
    }
    const procedures = (await listProcedures({ db: options.db, unitId, at: now })).slice(0, 8).map((p) => ({
      code: p.code,
      versionId: p.versionId,
      name: p.name,
      days:
        p.statutoryTime.kind === 'workingDays'
          ? p.statutoryTime.days
          : p.statutoryTime.kind === 'workingHours'
            ? 1
            : 0,
      feeVnd: p.fees.reduce((sum, fee) => sum + fee.amountVnd, 0),
    }));
    if (procedures.length === 0) {
      continue;
    }
    const random = generator([...key].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7));
    const dossiers = demoHistory(random, procedures, perMonth, now);
    count += (await importDossierHistory({ db: options.db, unitId, dossiers })).count;
  }
  return count;
}
