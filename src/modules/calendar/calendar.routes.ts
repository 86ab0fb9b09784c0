// Public JSON API of the working calendar (issue 6 §2): the due-date calculator and a unit's holidays.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../database.ts';
import {
  type DerivationCode,
  type OfficeHours,
  renderDerivation,
  toVietnamIso,
} from '../../lib/calendar/index.ts';
import { AppError } from '../../platform/errors.ts';
import { computeUnitDueDate } from './compute-unit-due-date.ts';
import { type DeadlineRuleQuery, deadlineRuleFromQuery, RULE_KINDS } from './deadline-rule-query.ts';
import { getUnitHolidays } from './get-unit-holidays.ts';
import { type IntakeChannel, procedureDeadlineRule } from './procedure-deadline-rule.ts';

const ErrorResponse = Type.Ref('ErrorResponse');
const DERIVATION_CODES: readonly DerivationCode[] = [
  'RECEIVED',
  'START_NEXT_WORKING_DAY',
  'START_NEXT_SESSION',
  'STATUTORY_TIME',
  'SKIP_DAYS_OFF',
  'EXTRA_WORKING_DAY',
  'PAUSE',
  'EXTENSION',
  'DUE',
];
const UnitId = Type.String({
  format: 'uuid',
  description: 'The unit (GET /api/v1/units) whose calendar applies',
});
const Text = Type.Object({ vi: Type.String(), en: Type.String() });
const SessionSchema = Type.Object({ from: Type.String(), to: Type.String() });

const DueDateQuery = Type.Object({
  unit: UnitId,
  procedure: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      description:
        'A procedure code (GET /api/v1/procedures): its statutory time as the unit provides it on the day ' +
        'of reception. Give either this or `kind` with its parameters.',
    }),
  ),
  channel: Type.Optional(
    Type.Union([Type.Literal('counter'), Type.Literal('online')], {
      description: 'With `procedure`: online dossiers within 1 hour before closing count from the next day',
    }),
  ),
  kind: Type.Optional(
    Type.Union(
      RULE_KINDS.map((k) => Type.Literal(k)),
      { description: 'The statutory time: N working days, N working hours, same day, or immediately' },
    ),
  ),
  days: Type.Optional(
    Type.String({ pattern: '^[0-9]{1,3}$', description: 'Working days (kind=workingDays)' }),
  ),
  hours: Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,4}([.,][0-9]{1,2})?$',
      description: 'Working hours (kind=workingHours)',
    }),
  ),
  cutoff: Type.Optional(
    Type.String({
      pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
      description:
        'Received after this local time → counted from the next working day (certification: 15:00)',
    }),
  ),
  beforeClosing: Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,4}$',
      description: 'Received within these minutes before closing → next working day (online dossiers: 60)',
    }),
  ),
  receivedAt: Type.Optional(
    Type.String({ format: 'date-time', description: 'Reception time, ISO 8601 with offset; default now' }),
  ),
});

const DueDateResponse = Type.Object({
  dueAt: Type.String({
    format: 'date-time',
    description: 'The due instant (hẹn trả), Vietnam time (+07:00)',
  }),
  derivation: Type.Array(
    Type.Object({
      code: Type.Union(DERIVATION_CODES.map((c) => Type.Literal(c))),
      vi: Type.String(),
      en: Type.String(),
    }),
    { description: 'How the due date follows from the reception time, step by step' },
  ),
  text: Type.Object(
    { vi: Type.String(), en: Type.String() },
    { description: 'The derivation as one line, as printed on the receipt (BM.01)' },
  ),
});

const HolidaysQuery = Type.Object({
  unit: UnitId,
  year: Type.Optional(
    Type.String({ pattern: '^[0-9]{4}$', description: 'Solar year; default the current one' }),
  ),
});

const HolidaysResponse = Type.Object({
  unitId: Type.String({ format: 'uuid' }),
  year: Type.Integer(),
  source: Type.Object({
    kind: Type.Union([Type.Literal('default'), Type.Literal('decision')], {
      description:
        'decision: an official table entered by the province; default: computed from the Labour Code',
    }),
    reference: Type.Optional(Type.String()),
    issuedOn: Type.Optional(Type.String()),
    note: Type.Optional(Type.String()),
  }),
  setByUnitId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  daysOff: Type.Array(
    Type.Object({
      date: Type.String({ format: 'date' }),
      kind: Type.Union([Type.Literal('holiday'), Type.Literal('compensatory'), Type.Literal('swapped')]),
      name: Text,
    }),
  ),
  workingDays: Type.Array(
    Type.Object({
      date: Type.String({ format: 'date' }),
      replaces: Type.Optional(Type.String({ format: 'date' })),
      name: Text,
    }),
    { description: 'Weekly rest days worked this year (làm bù)' },
  ),
  officeHours: Type.Object({
    sessions: Type.Array(SessionSchema),
    workingWeekdays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { description: '0 = Sunday' }),
    sessionsByWeekday: Type.Array(
      Type.Object({ weekday: Type.Integer(), sessions: Type.Array(SessionSchema) }),
    ),
  }),
});

function officeHoursBody(hours: OfficeHours) {
  return {
    sessions: hours.sessions,
    workingWeekdays: hours.workingWeekdays,
    sessionsByWeekday: Object.entries(hours.sessionsByWeekday ?? {}).map(([weekday, sessions]) => ({
      weekday: Number(weekday),
      sessions: sessions ?? [],
    })),
  };
}

export function registerCalendarApiRoutes(app: FastifyInstance, options: { db: Db }): void {
  app.get<{
    Querystring: DeadlineRuleQuery & {
      unit: string;
      receivedAt?: string;
      procedure?: string;
      channel?: IntakeChannel;
    };
  }>(
    '/api/v1/calendar/due-date',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Due date of a dossier received by a unit, with its derivation (public calculator)',
        querystring: DueDateQuery,
        response: { 200: DueDateResponse, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request) => {
      const { unit, receivedAt, procedure, channel, ...ruleQuery } = request.query;
      const at = receivedAt ? new Date(receivedAt) : new Date();
      if (procedure !== undefined && ruleQuery.kind !== undefined) {
        throw new AppError('VALIDATION_FAILED', 'Give either a procedure or a rule, not both.', {
          fields: { kind: 'procedureOrRule' },
        });
      }
      const rule =
        procedure === undefined
          ? deadlineRuleFromQuery(ruleQuery)
          : await procedureDeadlineRule({
              db: options.db,
              unitId: unit,
              procedureCode: procedure,
              receivedAt: at,
              channel: channel ?? 'counter',
            });
      const due = await computeUnitDueDate({ db: options.db, unitId: unit, rule, receivedAt: at });
      return {
        dueAt: toVietnamIso(due.dueAt),
        derivation: due.derivation,
        text: { vi: renderDerivation(due.derivation, 'vi'), en: renderDerivation(due.derivation, 'en') },
      };
    },
  );

  app.get<{ Querystring: { unit: string; year?: string } }>(
    '/api/v1/calendar/holidays',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Days off, swapped working days and office hours of a unit for a year (public)',
        querystring: HolidaysQuery,
        response: { 200: HolidaysResponse, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const year = request.query.year
        ? Number(request.query.year)
        : Number(toVietnamIso(new Date()).slice(0, 4));
      const found = await getUnitHolidays({ db: options.db, unitId: request.query.unit, year });
      return {
        unitId: found.unit.id,
        year: found.table.year,
        source: found.table.source,
        setByUnitId: found.setByUnitId,
        daysOff: found.table.daysOff,
        workingDays: found.table.workingDays,
        officeHours: officeHoursBody(found.officeHours),
      };
    },
  );
}
