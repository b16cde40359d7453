export const hello = (s: string): string => `hi ${s}`;
