// Witnessing (issue 4 §4, C2SP tlog-witness): each new checkpoint goes to every configured witness with a
// consistency proof from the size that witness last cosigned; its cosignatures are verified with its key
// and kept, and /log/checkpoint publishes them. One honest witness makes a rewritten history detectable
// outside the database. Failures are reported, never thrown: witnessing must not stop the log.
import type { Db } from '../../database.ts';
import {
  formatAddCheckpoint,
  isTlogError,
  openNote,
  parseCheckpoint,
  parseCosignerVerifierKey,
  parseNote,
  parseWitnessSize,
} from '../../lib/tlog/index.ts';
import { findLatestCheckpoint } from './audit-tree.repository.ts';
import { proveAuditConsistency } from './prove-audit-consistency.ts';

export interface WitnessOutcome {
  readonly witness: string;
  readonly status: 'cosigned' | 'failed';
  readonly detail: string;
}

async function postOnce(url: string, body: string): Promise<{ status: number; text: string }> {
  const post = async () => {
    const response = await fetch(`${url.replace(/\/$/, '')}/add-checkpoint`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, text: await response.text() };
  };
  try {
    return await post();
  } catch {
    // A kept-alive connection the witness has just closed fails once; a fresh one is tried.
    return post();
  }
}

export async function postToWitnesses(options: { db: Db }): Promise<WitnessOutcome[]> {
  const { db } = options;
  const witnesses = await db.selectFrom('audit_witnesses').selectAll().execute();
  const checkpoint = await findLatestCheckpoint(db);
  if (!checkpoint || witnesses.length === 0) {
    return [];
  }
  const text = parseNote(checkpoint.note).text;
  const outcomes: WitnessOutcome[] = [];
  for (const witness of witnesses) {
    const fail = (detail: string) => outcomes.push({ witness: witness.name, status: 'failed', detail });
    try {
      let oldSize = Number(witness.size);
      if (oldSize >= checkpoint.size) {
        continue; // already cosigned this size (or a later one)
      }
      let answer: { status: number; text: string } | undefined;
      for (let attempt = 0; attempt < 2; attempt++) {
        const { proof } = await proveAuditConsistency({ db, from: oldSize, to: checkpoint.size });
        answer = await postOnce(
          witness.url,
          formatAddCheckpoint({ oldSize, proof, checkpoint: checkpoint.note }),
        );
        if (answer.status !== 409) {
          break;
        }
        // The witness knows another size: prove consistency from there (tlog-witness §add-checkpoint).
        oldSize = parseWitnessSize(answer.text);
        if (oldSize > checkpoint.size) {
          break;
        }
      }
      if (answer?.status !== 200) {
        fail(`HTTP ${answer?.status}: ${answer?.text.slice(0, 200)}`);
        continue;
      }
      const verifier = parseCosignerVerifierKey(witness.verifier_key);
      const opened = openNote(`${text}\n${answer.text}`, [verifier]);
      parseCheckpoint(opened.text);
      const lines = answer.text
        .split('\n')
        .filter((line) => line.startsWith(`\u2014 ${verifier.name} `))
        .map((line) => `${line}\n`);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('audit_cosignatures')
          .values({ size: checkpoint.size, witness: witness.name, signature_line: lines.join('') })
          .onConflict((oc) => oc.columns(['size', 'witness']).doNothing())
          .execute();
        await trx
          .updateTable('audit_witnesses')
          .set({ size: checkpoint.size })
          .where('name', '=', witness.name)
          .execute();
      });
      outcomes.push({ witness: witness.name, status: 'cosigned', detail: `size ${checkpoint.size}` });
    } catch (error) {
      fail(isTlogError(error) ? error.message : String((error as Error).message ?? error));
    }
  }
  return outcomes;
}
