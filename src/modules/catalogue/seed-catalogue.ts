import type { Db } from '../../database.ts';
import { insertAdoptionWithAudit, NO_ADJUSTMENTS } from './adopt-procedure.ts';
import { voidCatalogueCacheAfter } from './catalogue-cache.ts';
import { SEED_EFFECTIVE_FROM, seedProcedures } from './catalogue-seed-data.ts';
import { insertProcedureWithAudit } from './create-procedure.ts';
import { throwIfProblems } from './effective-date-rule.ts';
import type { ProcedureAdjustments } from './procedure.types.ts';
import { validateAdjustments, validateProcedureContent } from './validate-procedure.ts';

export interface CatalogueSeedPlan {
  readonly provinceId: string;
  /** The province's fee for household business registration (set by its People's Council). */
  readonly householdBusinessFeeVnd: number;
  /** Communes and wards that adopt every procedure, with adjustments by procedure code. */
  readonly adopters: readonly {
    readonly unitId: string;
    readonly adjustments?: Readonly<Record<string, ProcedureAdjustments>>;
  }[];
}

/**
 * Seeds the demo catalogue as the system: each province defines, then its communes adopt, every row with
 * its audit event. One transaction for the whole catalogue (start-up time on the embedded database); the
 * content is validated by the same rules as the admin's.
 */
export async function seedCatalogue(options: { db: Db; plans: readonly CatalogueSeedPlan[] }): Promise<void> {
  const system = { actor: null, requestId: null } as const;
  const committed = options.db.transaction().execute(async (trx) => {
    for (const plan of options.plans) {
      for (const { code, content } of seedProcedures(plan)) {
        throwIfProblems(validateProcedureContent(content), `Seed procedure ${code} is invalid.`);
        const { id } = await insertProcedureWithAudit(trx, {
          ...system,
          unitId: plan.provinceId,
          code,
          effectiveFrom: SEED_EFFECTIVE_FROM,
          content,
        });
        for (const adopter of plan.adopters) {
          const adjustments = adopter.adjustments?.[code] ?? NO_ADJUSTMENTS;
          throwIfProblems(validateAdjustments(content, adjustments), `Seed adoption of ${code} is invalid.`);
          await insertAdoptionWithAudit(trx, {
            ...system,
            procedure: { id, code },
            unitId: adopter.unitId,
            effectiveFrom: SEED_EFFECTIVE_FROM,
            isAdopted: true,
            adjustments,
          });
        }
      }
    }
  });
  await voidCatalogueCacheAfter(committed);
}
