import type { StaffActor } from '../modules/identity/actor.ts';
import type { Locale, Translate } from './i18n/translate.ts';

/** What every page template needs about the request. Built once per request by web/page-context-hook.ts. */
export interface PageContext {
  readonly locale: Locale;
  readonly t: Translate;
  readonly actor: StaffActor | null;
  /** Token to put in every POST form (`_csrf`). */
  readonly csrfToken: string;
  /** Current path with query, for the language switch to come back to. */
  readonly path: string;
  readonly isDemo: boolean;
  readonly requestId: string;
}
