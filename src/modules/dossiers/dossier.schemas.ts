// TypeBox schemas of the dossier API (issue 6 §3, §5), named in the OpenAPI document.
import { Type } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/nullable.ts';

const Derivation = Nullable(
  Type.Object({
    vi: Type.String({ description: 'The due date explained in Vietnamese' }),
    en: Type.String(),
  }),
);

export const ReceiveDossierBody = Type.Object(
  {
    unitId: Type.String({ format: 'uuid', description: 'The receiving (deciding) body' }),
    procedureCode: Type.String({ maxLength: 40, description: 'Procedure code in the catalogue' }),
    applicant: Type.Object(
      {
        fullName: Type.String({ maxLength: 200 }),
        personalIdentifier: Type.String({
          maxLength: 20,
          description: 'Số định danh cá nhân (12 digits) or an organisation code (10 digits, optional -NNN)',
        }),
        address: Type.String({ maxLength: 500 }),
        phone: Type.String({ maxLength: 20 }),
        email: Type.Optional(Type.String({ maxLength: 200 })),
        proxy: Type.Optional(
          Type.Object(
            {
              fullName: Type.String({ maxLength: 200 }),
              authorisation: Type.String({
                maxLength: 500,
                description: 'The authorisation (giấy ủy quyền)',
              }),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    documents: Type.Array(
      Type.Object(
        {
          index: Type.Integer({ minimum: 0, description: "Index in the procedure's required documents" }),
          files: Type.Array(
            Type.Object(
              {
                contentBase64: Type.String({
                  contentEncoding: 'base64',
                  description: 'A PDF, JPEG or PNG file, base64; checked by content',
                }),
              },
              { additionalProperties: false },
            ),
            { maxItems: 20 },
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50, description: 'The documents received (ticked), each with its scans' },
    ),
    feeVnd: Type.Optional(
      Type.Integer({ minimum: 0, description: "Fee taken in đồng; default the procedure's fees" }),
    ),
    refusalReasons: Type.Optional(
      Type.String({ maxLength: 2000, description: 'Refuse to receive (BM.03): status 3 with these reasons' }),
    ),
  },
  { additionalProperties: false, $id: 'ReceiveDossierRequest', title: 'ReceiveDossierRequest' },
);

export const ReceivedDossierResponse = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    code: Type.String({ description: '<body identifier>-YYMMDD-<seq> (Circular 04/2025)' }),
    status: Type.Integer({ minimum: 1, maximum: 10 }),
    receivedAt: Type.String({ format: 'date-time' }),
    dueAt: Nullable(Type.String({ format: 'date-time' })),
    derivation: Derivation,
  },
  { $id: 'ReceivedDossier', title: 'ReceivedDossier' },
);

const Label = Type.Object({ vi: Type.String(), en: Type.String() });

export const PublicDossier = Type.Object(
  {
    code: Type.String(),
    procedureCode: Type.String(),
    procedureName: Type.String(),
    receivedAt: Type.String({ format: 'date-time' }),
    dueAt: Nullable(Type.String({ format: 'date-time' })),
    derivation: Derivation,
    status: Type.Integer({ minimum: 1, maximum: 10 }),
    statusLabel: Label,
    timeline: Type.Array(
      Type.Object({ status: Type.Integer(), at: Type.String({ format: 'date-time' }), label: Label }),
    ),
  },
  {
    $id: 'PublicDossier',
    title: 'PublicDossier',
    description: 'A dossier as the public sees it: no personal data',
  },
);

export const AcceptedDossierResponse = Type.Object(
  {
    code: Type.String(),
    status: Type.Literal(2),
    receivedAt: Type.String({ format: 'date-time', description: 'The acceptance: the reception time' }),
    dueAt: Type.String({ format: 'date-time' }),
    derivation: Type.Object({ vi: Type.String(), en: Type.String() }),
  },
  { $id: 'AcceptedDossier', title: 'AcceptedDossier' },
);

export const RefuseDossierBody = Type.Object(
  {
    reasons: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'The specific reasons printed on BM.03, one per line',
    }),
  },
  { additionalProperties: false, $id: 'RefuseDossierRequest', title: 'RefuseDossierRequest' },
);

export const RefusedDossierResponse = Type.Object(
  { code: Type.String(), status: Type.Literal(3), refusedAt: Type.String({ format: 'date-time' }) },
  { $id: 'RefusedDossier', title: 'RefusedDossier' },
);
