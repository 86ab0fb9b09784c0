import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colourScan } from '../../../test/fixtures/certification.ts';
import { JPEG, minimalPng } from '../../../test/http/dossier-setup.ts';
import { AppError } from '../../platform/errors.ts';
import { checkImageScan } from './scan-quality.ts';

const refused = (field: string) => (error: unknown) =>
  error instanceof AppError && error.code === 'VALIDATION_FAILED' && error.fields?.original === field;

test('image scans: colour and at least 200 dpi when the file declares its density', () => {
  assert.doesNotThrow(() => checkImageScan(colourScan(), 'jpeg'));
  assert.throws(() => checkImageScan(JPEG, 'jpeg'), refused('scanResolution'), 'declares 10 dpi');
  assert.throws(() => checkImageScan(minimalPng(), 'png'), refused('scanGrey'), 'a grey PNG');
  // Dots per centimetre: 80 /cm = 203 dpi is enough; 70 /cm = 178 dpi is not.
  const perCm = (density: number) => {
    const scan = colourScan();
    scan[13] = 2;
    scan.writeUInt16BE(density, 14);
    scan.writeUInt16BE(density, 16);
    return scan;
  };
  assert.doesNotThrow(() => checkImageScan(perCm(80), 'jpeg'));
  assert.throws(() => checkImageScan(perCm(70), 'jpeg'), refused('scanResolution'));
  // No declared density: not guessed.
  const unknown = colourScan();
  unknown[13] = 0;
  assert.doesNotThrow(() => checkImageScan(unknown, 'jpeg'));
});
