/**
 * The one clock of the application. Every timestamp that is written or compared comes from a `Clock` handed in
 * by the caller (the server passes `systemClock`, tests pin their own), so the suite passes on any date.
 */
export type Clock = () => Date;

/** The real time: the only place in the server code that reads it. */
export const systemClock: Clock = () => new Date();
