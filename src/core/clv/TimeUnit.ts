/** The unit every duration of a CLV summary and model is expressed in. */
export type TimeUnit = 'day' | 'week' | 'month';

/** Days per unit: a week is 7 days, a month is an average Gregorian month (365.25 / 12 days). */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7, month: 365.25 / 12 };

/**
 * The longest customer age T that is still plausible in each unit (about 100, 10 and 20 years).
 * Larger values almost always mean day numbers were declared as weeks or months.
 */
export const MAX_PLAUSIBLE_T: Readonly<Record<TimeUnit, number>> = { day: 36_525, week: 520, month: 240 };

export const TIME_UNITS: readonly TimeUnit[] = ['day', 'week', 'month'];
