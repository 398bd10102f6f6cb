import type { Majority, VoteChoice, VoteTotals } from '@rostrum/contracts';

/** Counts ballots (delegation id → choice). */
export function tally(ballots: Record<string, VoteChoice>): VoteTotals {
  const t: VoteTotals = { yes: 0, no: 0, abstain: 0 };
  for (const choice of Object.values(ballots)) t[choice] += 1;
  return t;
}

/**
 * R51: decided by those present and voting (yes + no; abstentions do not count). Simple: more
 * yes than no. Two thirds: yes at least two thirds of yes + no. An equal division, or nobody
 * voting, is not adopted.
 */
export function decides(t: VoteTotals, majority: Majority): { adopted: boolean; equallyDivided: boolean } {
  const voting = t.yes + t.no;
  const equallyDivided = t.yes === t.no;
  if (voting === 0 || equallyDivided) return { adopted: false, equallyDivided };
  return { adopted: majority === 'simple' ? t.yes > t.no : 3 * t.yes >= 2 * voting, equallyDivided };
}
