import type { intakeVi } from './intake.vi.ts';

// English messages: Online submission, drafts, kiosk (issue 6).
export const intakeEn = {
  'intake.online.title': 'Submit a dossier online',
  'intake.online.lead':
    'Choose where to submit and the procedure, fill in the form, upload scans and submit.',
  'intake.online.unit': 'Receiving commune or ward',
  'intake.online.start': 'Submit a dossier online',
  'intake.online.documents': 'Documents attached',
  'intake.online.documentsHint':
    'Tick the documents you submit and choose their scans or photos (PDF, JPEG, PNG, at most 10 MB each).',
  'intake.online.fee': 'Fees for this procedure: {amount}, paid once the dossier is received.',
  'intake.online.submit': 'Submit',
  'intake.online.submitted': 'Dossier submitted',
  'intake.online.submittedBody':
    'Dossier code {code}. A receptionist will check it; once it is received, your receipt with the due date is here.',
  'intake.online.submittedAt': 'Submitted at',
  'intake.online.awaiting':
    'The dossier awaits a receptionist. The processing time counts from its reception.',
  'intake.online.back': 'Back to my page',
  'field.identityWithoutIdentifier':
    'Your electronic identity has no personal identifier number: please submit at the counter.',
  'intake.draft.save': 'Save draft',
  'intake.draft.saved': 'Draft saved',
  'intake.draft.savedBody': 'You can come back to complete and submit it from your page.',
  'intake.draft.kept': 'Files saved',
  'intake.draft.list': 'Drafts',
  'intake.draft.savedAt': 'Saved at',
  'intake.draft.continue': 'Continue',
  'intake.draft.delete': 'Delete draft',
  'intake.awaiting.title': 'Online dossiers awaiting reception',
  'intake.awaiting.lead': 'Dossiers submitted online or at a kiosk, in order of submission.',
  'intake.awaiting.none': 'No dossier is waiting.',
  'intake.awaiting.workspace': 'Check online submissions and receive or refuse them.',
  'intake.awaiting.decide': 'Receive or refuse',
  'intake.awaiting.decideHint':
    'Check the details and the scans. Receive: the due date counts from now. Refuse: state the reasons (form 03).',
  'intake.awaiting.accept': 'Receive dossier',
  'intake.refusal.title': 'Refusal to receive (form 03)',
  'intake.kiosk.name': 'Kiosk',
  'intake.kiosk.title': 'Public service kiosk',
  'intake.kiosk.lead': 'Look a dossier up without signing in; sign in with VNeID to submit one.',
  'intake.kiosk.scanLabel': 'Scan the QR code on the receipt or type the dossier code',
  'intake.kiosk.scanHint': 'Hold the QR code to the scanner; the dossier code fills this field.',
  'intake.kiosk.camera': 'Scan with the camera',
  'intake.kiosk.signInHint': 'Sign in with your electronic identity to submit a dossier at the kiosk.',
  'intake.kiosk.finish': 'Finish and sign out',
  'intake.kiosk.again': 'Look up another dossier',
  'intake.kiosk.idleWarning':
    'The kiosk returns to its start screen in 30 seconds. Touch the screen to continue.',
  'intake.kiosk.print': 'Print',
} as const satisfies Record<keyof typeof intakeVi, string>;
