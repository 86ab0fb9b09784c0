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
  'resultTemplate.link': 'Result template',
  'resultTemplate.title': 'Result template',
  'resultTemplate.body': 'Body (paragraphs separated by a blank line)',
  'resultTemplate.placeholders': 'Placeholders you may use (plain text substitution, nothing is executed):',
  'resultTemplate.save': 'Save the template',
  'resultTemplate.preview': 'Preview (PDF)',
  'resultTemplate.saved': 'The result template was saved.',
  'resultTemplate.source.own': 'The unit uses its own template.',
  'resultTemplate.source.province': "The unit uses the province's default template; save to have its own.",
  'resultTemplate.source.default':
    "No template stored yet: the text below is built from the procedure's result type.",
} as const satisfies Record<keyof typeof resultRegisterVi, string>;
