import type { citizenVi } from './citizen.vi.ts';

// English messages: Citizen sign-in with OpenID Connect (issue 6 §3 "Online"): src/web/citizen.routes.ts.
export const citizenEn = {
  'citizen.nav': 'Citizen sign-in',
  'citizen.home.cardBody': 'Sign in with your VNeID electronic identity to submit and follow your dossiers.',
  'citizen.landing.title': 'Citizen sign-in',
  'citizen.landing.lead':
    'Use your level-2 VNeID electronic identity (through the National Public Service Portal) to submit dossiers online and follow them.',
  'citizen.landing.signIn': 'Sign in with VNeID',
  'citizen.landing.devNote':
    'This server uses the bundled test identity provider (development only), with demo citizens.',
  'citizen.landing.signedOut': 'You have signed out.',
  'citizen.landing.expired': 'Your session ended after 30 minutes without activity. Please sign in again.',
  'citizen.page.title': 'My page',
  'citizen.page.greeting': 'Hello, {name}',
  'citizen.page.dossiers': 'My dossiers',
  'citizen.page.noDossiers': 'No dossiers yet.',
  'citizen.page.profile': 'Personal details',
  'citizen.page.profileSource': 'Details provided by the electronic identity provider when you signed in.',
  'citizen.page.fullName': 'Full name',
  'citizen.page.personalIdentifier': 'Personal identification number',
  'citizen.page.phone': 'Phone number',
  'citizen.page.email': 'E-mail',
  'citizen.page.none': 'None',
  'citizen.signOut': 'Sign out',
  'citizen.failed.title': 'Sign-in failed',
  'citizen.failed.retry': 'Sign in again',
  'citizen.error.STATE_MISMATCH':
    'The sign-in response does not match the sign-in started in this browser (wrong state). The link may have been forged. Please start again.',
  'citizen.error.SIGN_IN_EXPIRED':
    'The sign-in expired (after 10 minutes) or was not started in this browser. Please sign in again.',
  'citizen.error.SIGN_IN_REPLAYED':
    'This sign-in link was already used and cannot be used again. Please sign in again.',
  'citizen.error.PROVIDER_DENIED': 'You cancelled the sign-in, or the identity provider refused it.',
  'citizen.error.CODE_REJECTED':
    'The sign-in code is not valid: already used, expired, or not issued to this sign-in. Please sign in again.',
  'citizen.error.ID_TOKEN_INVALID':
    'The identity received could not be verified (signature, issuer, audience, nonce or expiry). For your safety you were not signed in.',
  'citizen.error.CLAIMS_INVALID':
    'The identity provider sent no full name, or a personal identification number that is not 12 digits.',
  'citizen.error.PROVIDER_UNAVAILABLE':
    'The electronic identity provider cannot be reached right now. Please try again in a few minutes.',
  'citizen.dev.title': 'Test identity provider',
  'citizen.dev.warning':
    'For development and demonstrations only: it stands in for VNeID / the National Public Service Portal. Never use it in production.',
  'citizen.dev.lead': 'Choose a demo citizen to sign in as (assurance level LoA1).',
  'citizen.dev.citizens': 'Demo citizens',
  'citizen.dev.signInAs': 'Sign in as {name}',
  'citizen.dev.details': 'ID number {id} · born {birthdate}',
  'citizen.dev.cancel': 'Cancel sign-in',
} as const satisfies Record<keyof typeof citizenVi, string>;
