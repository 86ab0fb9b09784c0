// The lookup QR code (ISO/IEC 18004, error correction level M: 15 % of the symbol may be damaged, enough
// for a creased paper receipt) as horizontal runs of dark modules, drawn by the PDF and the HTML forms.
import QRCode from 'qrcode';

export interface QrRuns {
  /** Modules per side, without the quiet zone. */
  size: number;
  runs: Array<{ row: number; col: number; length: number }>;
}

/** The symbol's dark modules, one entry per horizontal run (one rectangle per run keeps the drawing short). */
export function qrDarkRuns(text: string): QrRuns {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const runs: QrRuns['runs'] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) {
        col++;
      }
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { size, runs };
}

/** The quiet zone around the symbol, in modules (ISO/IEC 18004 §6.3.8). */
export const QR_QUIET_ZONE = 4;
