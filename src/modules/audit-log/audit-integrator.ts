// Runs the integrator (which runs the single sequencer first) in the background of the server, so every
// committed event is numbered and the signed checkpoint is at most about
// `intervalMs` (plus one batch) behind the committed events (issue 4 §3: "at most a few seconds behind").
import type { Db } from '../../database.ts';
import type { NoteSigner } from '../../lib/tlog/index.ts';
import { type IntegrationResult, integrateAuditLog } from './integrate-audit-log.ts';
import { postToWitnesses, type WitnessOutcome } from './post-to-witnesses.ts';

export interface AuditIntegrator {
  /** Integrates now (and waits), e.g. before answering a proof request in tests. */
  integrateNow(): Promise<IntegrationResult>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export function startAuditIntegrator(options: {
  db: Db;
  signer: NoteSigner;
  intervalMs?: number;
  onError?: (error: unknown) => void;
  onCheckpoint?: (result: IntegrationResult) => void;
  /** A witness refused or could not be reached (the log goes on; the next checkpoint retries). */
  onWitnessFailure?: (outcome: WitnessOutcome) => void;
}): AuditIntegrator {
  const intervalMs = options.intervalMs ?? 1000;
  let running: Promise<IntegrationResult> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;

  const run = (): Promise<IntegrationResult> => {
    running ??= integrateAuditLog({ db: options.db, signer: options.signer }).finally(() => {
      running = undefined;
    });
    return running;
  };
  const schedule = () => {
    if (isStopped) {
      return;
    }
    timer = setTimeout(() => {
      run().then(
        async (result) => {
          if (result.checkpoints > 0) {
            options.onCheckpoint?.(result);
            const outcomes = await postToWitnesses({ db: options.db }).catch((error: unknown) => {
              options.onError?.(error);
              return [];
            });
            for (const outcome of outcomes.filter((o) => o.status === 'failed')) {
              options.onWitnessFailure?.(outcome);
            }
          }
          schedule();
        },
        (error: unknown) => {
          options.onError?.(error);
          schedule();
        },
      );
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    async integrateNow() {
      // A run already under way may have started before the caller's events committed: run once more.
      await running?.catch(() => undefined);
      return run();
    },
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
