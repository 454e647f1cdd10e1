export interface SeatUsage {
  purchased: number;
  assigned: number;
  available: number;
  /** Worded as the help page words it: "6 of 10 available". */
  sentence: string;
}

export function seatUsage(purchased: number, assigned: number): SeatUsage {
  const available = purchased - assigned;
  return { purchased, assigned, available, sentence: `${available} of ${purchased} available` };
}
