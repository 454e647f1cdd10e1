/**
 * The Levenshtein distance between two short words: insertions, deletions and substitutions, one
 * row at a time. Subcommands are under ten letters, so no faster algorithm pays for a dependency.
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The candidate a mistyped word most likely meant: the nearest by edit distance, the first listed
 * on a tie, and only when the typo is small beside the word (one edit in three letters, at most
 * two), so "x" is not taken for "export".
 */
export function closestWord<T extends string>(word: string, candidates: readonly T[]): T | undefined {
  const typed = word.toLowerCase();
  const allowed = Math.min(2, Math.floor(typed.length / 3));
  let best: { candidate: T; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate);
    if (distance <= allowed && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
