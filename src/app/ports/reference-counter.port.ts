/** Hands out reference numbers: each call gives a number no other call got for that year. */
export interface ReferenceCounter {
  next(year: number): Promise<number>;
}
