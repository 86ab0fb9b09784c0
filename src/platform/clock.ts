// The business clock (issue 7 "Done when": a same-day certification asserted in the morning and the
// afternoon). Intake and processing read "now" from it for the rules that depend on the hour: the received
// time, the due date and the 15:00 cut-off, the certification statement's date, the processed and returned
// times. Audit timestamps, sessions, token expiry and signing times stay on the system time.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests set: it stays where it was put until set again. */
export interface SettableClock extends Clock {
  set(at: Date): void;
}

export function createSettableClock(start: Date): SettableClock {
  let current = new Date(start.getTime());
  return {
    now: () => new Date(current.getTime()),
    set: (at) => {
      current = new Date(at.getTime());
    },
  };
}

/**
 * A clock that starts at `start` and then runs at the system's pace (the server of end-to-end tests, from
 * the configuration's XASO_CLOCK_START): a journey placed on a chosen working day and hour.
 */
export function createShiftedClock(start: Date, origin = Date.now()): Clock {
  const offset = start.getTime() - origin;
  return { now: () => new Date(Date.now() + offset) };
}
