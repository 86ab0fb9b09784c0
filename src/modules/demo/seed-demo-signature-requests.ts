// Demo signature requests (issue 5 §4): two documents from Bình Ca's specialist wait for the chairman's
// signature, so /ky-duyet is not empty on first start and batch signing can be tried at once. Made with
// the same use case as the page (/trinh-ky/moi); the PDFs are short decisions set in DejaVu Sans.
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { Db } from '../../database.ts';
import type { BlobStore } from '../../platform/blob-store/blob-store.ts';
import { loadActor } from '../identity/load-actor.ts';
import { findStaffByUsername } from '../identity/staff.repository.ts';
import { submitSignatureRequest } from '../signature-requests/submit-signature-request.ts';

const DEMO_REQUESTS = [
  {
    title: 'Quyết định công nhận thôn văn hóa năm 2026',
    lines: [
      'QUYẾT ĐỊNH',
      'Về việc công nhận danh hiệu "Thôn văn hóa" năm 2026',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÌNH CA',
    ],
  },
  {
    title: 'Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc',
    lines: ['KẾ HOẠCH', 'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026', 'ỦY BAN NHÂN DÂN XÃ BÌNH CA'],
  },
] as const;

async function demoPdf(lines: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(
    readFileSync(new URL('../../lib/pdf/fonts/DejaVuSans.ttf', import.meta.url)),
    {
      subset: true,
    },
  );
  const page = doc.addPage([595, 842]);
  page.drawText('ỦY BAN NHÂN DÂN XÃ BÌNH CA', { x: 60, y: 780, size: 11, font });
  page.drawText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { x: 300, y: 780, size: 11, font });
  lines.forEach((line, i) => {
    page.drawText(line, { x: 60, y: 680 - i * 24, size: i === 0 ? 14 : 11, font, color: rgb(0, 0, 0) });
  });
  page.drawText('(Bản mẫu trình diễn — demo document)', { x: 60, y: 560, size: 9, font });
  return doc.save({ useObjectStreams: false });
}

export async function seedDemoSignatureRequests(options: { db: Db; blobStore: BlobStore }): Promise<void> {
  const specialist = await findStaffByUsername(options.db, 'binhca.chuyenvien');
  const leader = await findStaffByUsername(options.db, 'binhca.chutich');
  if (!specialist || !leader) {
    return;
  }
  const actor = await loadActor(options.db, specialist);
  const unitId = actor.roles.find((r) => r.role === 'specialist')?.unitId;
  if (!unitId) {
    return;
  }
  for (const request of DEMO_REQUESTS) {
    await submitSignatureRequest({
      db: options.db,
      blobStore: options.blobStore,
      actor,
      requestId: null,
      unitId,
      title: request.title,
      pdf: await demoPdf(request.lines),
      signerStaffId: leader.id,
      needsSeal: true,
    });
  }
}
