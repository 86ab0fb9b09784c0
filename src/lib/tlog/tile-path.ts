// C2SP tlog-tiles §Merkle Tree: `tile/<L>/<N>[.p/<W>]`, N in zero-padded 3-digit path elements, all but
// the last prefixed with `x` (1234067 → x001/x234/067), W from 1 to 255 for partial tiles only.
import { TlogError } from './errors.ts';
import { TILE_WIDTH, type Tile } from './tile.ts';

export function formatTileIndex(index: number): string {
  let digits = String(index);
  digits = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  const groups = digits.match(/.{3}/g) ?? ['000'];
  return groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join('/');
}

export function formatTilePath(tile: Tile): string {
  const partial = tile.width < TILE_WIDTH ? `.p/${tile.width}` : '';
  return `tile/${tile.level}/${formatTileIndex(tile.index)}${partial}`;
}

const TILE_PATH = /^tile\/(0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*)([0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/;

/** Parses `tile/<L>/<N>[.p/<W>]` (with or without a leading `/`); rejects every non-canonical form. */
export function parseTilePath(path: string): Tile {
  const match = TILE_PATH.exec(path.startsWith('/') ? path.slice(1) : path);
  const fail = () => new TlogError('MALFORMED_TILE', `not a tile path: ${JSON.stringify(path)}`);
  if (!match) {
    throw fail();
  }
  const level = Number(match[1]);
  const prefix = (match[2] ?? '').split('/').filter(Boolean);
  // The first element of a multi-element index may not be x000 (that would be a second spelling).
  if (level > 63 || prefix[0] === 'x000') {
    throw fail();
  }
  const index = Number(prefix.map((group) => group.slice(1)).join('') + match[3]);
  const width = match[4] === undefined ? TILE_WIDTH : Number(match[4]);
  if (!Number.isSafeInteger(index) || (match[4] !== undefined && width >= TILE_WIDTH)) {
    throw fail();
  }
  return { level, index, width };
}
