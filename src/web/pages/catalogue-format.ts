// How catalogue values read on the pages (Vietnamese first, English through the catalogue).
import type { StatutoryTime, TimeBudget } from '../../modules/catalogue/procedure.types.ts';
import type { PageContext } from '../page-context.ts';

export function formatNumber(ctx: PageContext, value: number): string {
  return value.toLocaleString(ctx.locale === 'vi' ? 'vi-VN' : 'en-GB');
}

export function formatMoney(ctx: PageContext, amountVnd: number, per = ''): string {
  const amount = formatNumber(ctx, amountVnd);
  return per ? ctx.t('catalogue.moneyPer', { amount, per }) : ctx.t('catalogue.money', { amount });
}

export function formatBudget(ctx: PageContext, budget: TimeBudget): string {
  return ctx.t(`catalogue.budget.${budget.unit}`, { amount: formatNumber(ctx, budget.amount) });
}

export function formatStatutoryTime(ctx: PageContext, time: StatutoryTime): string {
  const main =
    time.kind === 'workingDays'
      ? ctx.t('catalogue.time.workingDays', { days: time.days })
      : time.kind === 'workingHours'
        ? ctx.t('catalogue.time.workingHours', { hours: time.hours })
        : ctx.t(`catalogue.time.${time.kind}`);
  const cutoff = time.cutoff;
  if (!cutoff) {
    return main;
  }
  const rule =
    cutoff.kind === 'time'
      ? ctx.t('catalogue.time.cutoff', { time: cutoff.after })
      : ctx.t('catalogue.time.beforeClosing', { minutes: cutoff.minutes });
  return `${main}; ${rule}`;
}
