// Demo dossiers in processing (issue 7) at Bình Ca: one long overdue, one awaiting a supplement (BM.02),
// one extended with an apology slip (BM.04), one just handed to the specialists' queue. Received in the
// past through the intake use case and moved by the workflow's own use cases, so every row, BM.05 line and
// audit event is what real use would leave. Lookup with phone ending 5678.
import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { receiveDossier } from '../dossiers/receive-dossier.ts';
import type { StaffActor } from '../identity/actor.ts';
import { loadActor } from '../identity/load-actor.ts';
import { findStaffByUsername } from '../identity/staff.repository.ts';
import { claimDossier } from '../workflow/claim-dossier.ts';
import { extendDeadline } from '../workflow/extend-deadline.ts';
import { handOverDossier } from '../workflow/hand-over-dossier.ts';
import { requestSupplement } from '../workflow/request-supplement.ts';
import { startProcessing } from '../workflow/start-processing.ts';

const NO_UPLOADS: BlobStore = {
  put: () => Promise.reject(new Error('demo dossiers carry no scans')),
  get: () => Promise.resolve(undefined),
  has: () => Promise.resolve(false),
};

/**
 * `workingDays` weekdays (Monday–Friday) before `now`, at `hour`:`minute` Vietnam time: always in the past,
 * and on a day the office is open (holidays aside), so the demo reads like real work.
 */
function vietnamTime(now: Date, workingDays: number, hour: number, minute = 0): Date {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  for (let left = workingDays; left > 0; ) {
    day -= 86_400_000;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      left--;
    }
  }
  return new Date(day + (hour - 7) * 3_600_000 + minute * 60_000);
}

async function actor(db: Db, username: string): Promise<StaffActor | undefined> {
  const staff = await findStaffByUsername(db, username);
  return staff ? loadActor(db, staff) : undefined;
}

export async function seedDemoWorkflow(options: { db: Db; centreId: string; now?: Date }): Promise<void> {
  const { db } = options;
  const now = options.now ?? new Date();
  const [reception, specialist, leader] = await Promise.all([
    actor(db, 'binhca.tiepnhan'),
    actor(db, 'binhca.chuyenvien'),
    actor(db, 'binhca.chutich'),
  ]);
  if (!reception || !specialist || !leader) {
    return;
  }
  const receive = async (procedureCode: string, fullName: string, personalIdentifier: string, at: Date) =>
    (
      await receiveDossier({
        db,
        blobStore: NO_UPLOADS,
        actor: reception,
        requestId: null,
        unitId: options.centreId,
        procedureCode,
        channel: 'counter',
        applicant: {
          fullName,
          personalIdentifier,
          address: 'Thôn Bình Ca, xã Bình Ca, tỉnh Tuyên Quang',
          phone: '0976125678',
        },
        documents: [{ index: 0, files: [] }],
        now: at,
      })
    ).code;
  const base = { db, requestId: null };
  /** Handed to the specialists at +1 h, taken and started the next morning. */
  const toSpecialist = async (code: string, received: Date, startDaysAgo: number) => {
    await handOverDossier({ ...base, code, actor: reception, now: new Date(received.getTime() + 3_600_000) });
    await claimDossier({ ...base, code, actor: specialist, now: vietnamTime(now, startDaysAgo, 8) });
    await startProcessing({ ...base, code, actor: specialist, now: vietnamTime(now, startDaysAgo, 8, 15) });
  };

  // Overdue: monthly social allowance (12 working days), received 22 working days ago, still in processing.
  const overdueAt = vietnamTime(now, 22, 8, 30);
  const overdue = await receive('1.001776', 'Lò Văn Sáng', '008060002468', overdueAt);
  await toSpecialist(overdue, overdueAt, 21);

  // Awaiting a supplement: disability certificate (25 working days, the clock stops).
  const pausedAt = vietnamTime(now, 3, 9);
  const paused = await receive('1.001699', 'Hà Thị Nguyệt', '008170003579', pausedAt);
  await toSpecialist(paused, pausedAt, 2);
  await requestSupplement({
    ...base,
    code: paused,
    actor: specialist,
    items: [
      'Giấy xác nhận của cơ sở y tế về tình trạng khuyết tật',
      'Bản sao giấy khai sinh của người khuyết tật',
    ],
    reason: 'Hồ sơ chưa có giấy tờ chứng minh tình trạng khuyết tật theo quy định.',
    now: vietnamTime(now, 1, 10),
  });

  // Extended with an apology (BM.04): residence confirmation whose data must be verified (up to 3 days
  // more), received yesterday afternoon (4 working hours: due this morning); the slip went out yesterday,
  // at least 1 day before the due date as BM.04 requires (an immediate procedure could never meet that).
  const extendedAt = vietnamTime(now, 1, 15);
  const extended = await receive('1.004194', 'Vi Văn Thắng', '008095004680', extendedAt);
  await handOverDossier({ ...base, code: extended, actor: reception, now: vietnamTime(now, 1, 15, 20) });
  await claimDossier({ ...base, code: extended, actor: specialist, now: vietnamTime(now, 1, 15, 30) });
  await startProcessing({ ...base, code: extended, actor: specialist, now: vietnamTime(now, 1, 15, 35) });
  await extendDeadline({
    ...base,
    code: extended,
    actor: leader,
    days: 3,
    reason: 'Cần xác minh thông tin cư trú trước đây của công dân tại nơi cư trú cũ.',
    now: vietnamTime(now, 1, 16, 30),
  });

  // Just handed to the specialists' queue: marital status certificate (3 working days).
  const queuedAt = vietnamTime(now, 1, 14);
  const queued = await receive('1.004873', 'Đặng Thị Thu', '008190005791', queuedAt);
  await handOverDossier({ ...base, code: queued, actor: reception, now: vietnamTime(now, 1, 15) });
}
