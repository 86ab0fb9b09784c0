// English messages: the register of results issued (issue 7 §2, Decree 30/2020). Keys are prefixed by their area.
import type { resultRegisterVi } from './result-register.vi.ts';

export const resultRegisterEn = {
  'resultRegister.title': 'Register of issued results',
  'resultRegister.workspace': 'Numbers and symbols the clerk gives results when sealing them, by year.',
  'resultRegister.lead': 'The results {unit} numbered in {year}, in number order.',
  'resultRegister.caption': 'Results of {year}',
  'resultRegister.unit': 'Unit',
  'resultRegister.year': 'Year',
  'resultRegister.show': 'Show the register',
  'resultRegister.none': 'No result was numbered in this year.',
  'resultRegister.col.number': 'Number and symbol',
  'resultRegister.col.date': 'Numbered on',
  'resultRegister.col.summary': 'Type and summary',
  'resultRegister.col.applicant': 'Applicant',
  'resultRegister.col.dossier': 'Dossier code',
  'resultRegister.col.clerk': 'Clerk who numbered it',
} as const satisfies Record<keyof typeof resultRegisterVi, string>;
