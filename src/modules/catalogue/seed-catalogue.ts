import type { Db } from '../../database.ts';
import { adoptProcedure } from './adopt-procedure.ts';
import { SEED_EFFECTIVE_FROM, seedProcedures } from './catalogue-seed-data.ts';
import { createProcedure } from './create-procedure.ts';
import type { ProcedureAdjustments } from './procedure.types.ts';

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

/** Seeds the demo catalogue as the system: each province defines, then its communes adopt (all audited). */
export async function seedCatalogue(options: { db: Db; plans: readonly CatalogueSeedPlan[] }): Promise<void> {
  for (const plan of options.plans) {
    for (const { code, content } of seedProcedures(plan)) {
      const { id } = await createProcedure({
        db: options.db,
        actor: null,
        requestId: null,
        unitId: plan.provinceId,
        code,
        effectiveFrom: SEED_EFFECTIVE_FROM,
        content,
      });
      for (const adopter of plan.adopters) {
        const adjustments = adopter.adjustments?.[code];
        await adoptProcedure({
          db: options.db,
          actor: null,
          requestId: null,
          procedureId: id,
          unitId: adopter.unitId,
          effectiveFrom: SEED_EFFECTIVE_FROM,
          ...(adjustments ? { adjustments } : {}),
        });
      }
    }
  }
}
