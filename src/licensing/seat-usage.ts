/** A product's seats as numbers; the Slack layer words them ("6 of 10 available", rule 1). */
export interface SeatUsage {
  purchased: number;
  assigned: number;
  available: number;
}

export function seatUsage(purchased: number, assigned: number): SeatUsage {
  return { purchased, assigned, available: purchased - assigned };
}
