// xaso's transparency-log library: RFC 9162 Merkle trees, C2SP tlog-tiles, signed-note, tlog-checkpoint
// and tlog-proof. Framework-free: it imports nothing from modules/, platform/ or web/.
export { appendTiles } from './append-tiles.ts';
export { type Checkpoint, formatCheckpoint, parseCheckpoint } from './checkpoint.ts';
export { cosignCheckpoint, generateCosignerKey, parseCosignerVerifierKey } from './cosignature.ts';
export { isTlogError, TlogError, type TlogErrorCode } from './errors.ts';
export type { HashReader, TreeNode } from './hash-reader.ts';
export { emptyTreeHash, leafHash, leafHashOfText, nodeHash } from './hashes.ts';
export {
  generateNoteKey,
  type NoteSigner,
  type NoteVerifier,
  parseSignerKey,
  parseVerifierKey,
} from './note-key.ts';
export { type OpenedNote, openNote, parseNote } from './open-note.ts';
export { proveConsistency } from './prove-consistency.ts';
export { proveInclusion } from './prove-inclusion.ts';
export { type ExpectedRoot, type RootCheck, RootChecker } from './root-checker.ts';
export { type NoteSignature, signNote } from './sign-note.ts';
export { TILE_HEIGHT, TILE_WIDTH, type Tile, type TileData } from './tile.ts';
export {
  DEFAULT_TILE_CACHE_LIMITS,
  TileCache,
  type TileCacheLimits,
  tileCacheBudgetBytes,
} from './tile-cache.ts';
export { createTileHashReader, type TileReader } from './tile-hash-reader.ts';
export { formatTilePath, parseTilePath } from './tile-path.ts';
export { tileInTree, tilesForSize } from './tiles-for-size.ts';
export { formatTlogProof, parseTlogProof, type TlogProof, verifyTlogProof } from './tlog-proof.ts';
export { rootOfLeafHashes, TreeBuilder } from './tree-builder.ts';
export { treeHash } from './tree-hash.ts';
export { verifyConsistency } from './verify-consistency.ts';
export { verifyInclusion } from './verify-inclusion.ts';
export {
  type AddCheckpointRequest,
  formatAddCheckpoint,
  parseAddCheckpoint,
  parseWitnessSize,
} from './witness.ts';
