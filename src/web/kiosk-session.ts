// Kiosk mode (issue 6 §3 "Kiosk"): the pages under /kiosk, and how a kiosk forgets its citizen. A citizen
// who signs in at the kiosk gets a session cookie that lives KIOSK_IDLE_SECONDS and is renewed by each kiosk
// page; the pages reload /kiosk a little later (meta refresh without JavaScript, a timer with it), by which
// time the browser has dropped the cookie: the next person starts clean, and no state-changing GET exists
// (the explicit "finish" is a POST that also ends the session on the server).
export const KIOSK_PREFIX = '/kiosk';
export const KIOSK_IDLE_SECONDS = 300;

export function isKioskPath(path: string): boolean {
  return path === KIOSK_PREFIX || path.startsWith(`${KIOSK_PREFIX}/`) || path.startsWith(`${KIOSK_PREFIX}?`);
}
