/** One client in one period, as the features stage writes it: snake_case columns, numbers, text, flags or null. */
export type ClientPeriod = Readonly<Record<string, number | string | boolean | null>>;
