// An append-only Merkle tree kept as its compact range: one hash per set bit of the size, so the root of
// millions of entries is computed in O(log n) memory while streaming them (the verifier of xaso audit verify).
import { emptyTreeHash, leafHash, nodeHash } from './hashes.ts';
import { HASH_SIZE, sha256 } from './internal/sha256.ts';

export class TreeBuilder {
  /** Roots of the complete subtrees covering [0, size), left to right, strictly decreasing in size. */
  readonly #stack: { hash: Uint8Array; level: number }[] = [];
  #size = 0;
  /** 0x01 ‖ left ‖ right, reused for every interior node (nodeHash without an input allocation per node). */
  readonly #nodeInput = new Uint8Array(1 + 2 * HASH_SIZE).fill(1, 0, 1);

  get size(): number {
    return this.#size;
  }

  /** Appends an entry (its leaf hash is computed here). */
  appendEntry(entry: Uint8Array): Uint8Array {
    const hash = leafHash(entry);
    this.appendLeafHash(hash);
    return hash;
  }

  appendLeafHash(hash: Uint8Array): void {
    let node = { hash, level: 0 };
    for (let top = this.#stack.at(-1); top && top.level === node.level; top = this.#stack.at(-1)) {
      this.#stack.pop();
      this.#nodeInput.set(top.hash, 1);
      this.#nodeInput.set(node.hash, 1 + HASH_SIZE);
      node = { hash: sha256(this.#nodeInput), level: node.level + 1 };
    }
    this.#stack.push(node);
    this.#size += 1;
  }

  /** MTH(D[0:size]): the compact range folded from the right (RFC 9162 §2.1.1). */
  root(): Uint8Array {
    const last = this.#stack.at(-1);
    if (!last) {
      return emptyTreeHash();
    }
    let hash = last.hash;
    for (let i = this.#stack.length - 2; i >= 0; i--) {
      hash = nodeHash((this.#stack[i] as { hash: Uint8Array }).hash, hash);
    }
    return hash;
  }
}

/** MTH of a whole list of leaf hashes. */
export function rootOfLeafHashes(hashes: readonly Uint8Array[]): Uint8Array {
  const builder = new TreeBuilder();
  for (const hash of hashes) {
    builder.appendLeafHash(hash);
  }
  return builder.root();
}
