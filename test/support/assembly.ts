import type { MeetingSetupInput } from '@rostrum/contracts';

/** Forty-one member states (ISO codes), for meetings the size of a general debate. */
export const STATES: Array<[string, string]> = [
  ['ARG', 'Argentina'], ['AUS', 'Australia'], ['BRA', 'Brazil'], ['CAN', 'Canada'], ['CHL', 'Chile'], ['CHN', 'China'], ['COL', 'Colombia'],
  ['DNK', 'Denmark'], ['EGY', 'Egypt'], ['ETH', 'Ethiopia'], ['FIN', 'Finland'], ['FRA', 'France'], ['DEU', 'Germany'], ['GHA', 'Ghana'],
  ['IND', 'India'], ['IDN', 'Indonesia'], ['IRL', 'Ireland'], ['ITA', 'Italy'], ['JPN', 'Japan'], ['KEN', 'Kenya'], ['MEX', 'Mexico'],
  ['MAR', 'Morocco'], ['NLD', 'Netherlands'], ['NZL', 'New Zealand'], ['NGA', 'Nigeria'], ['NOR', 'Norway'], ['PAK', 'Pakistan'],
  ['PER', 'Peru'], ['PHL', 'Philippines'], ['POL', 'Poland'], ['PRT', 'Portugal'], ['RWA', 'Rwanda'], ['SEN', 'Senegal'],
  ['ZAF', 'South Africa'], ['ESP', 'Spain'], ['SWE', 'Sweden'], ['CHE', 'Switzerland'], ['TZA', 'United Republic of Tanzania'],
  ['GBR', 'United Kingdom'], ['URY', 'Uruguay'], ['VNM', 'Viet Nam'],
];
const LEVELS = ['head-of-state', 'head-of-government', 'vice-president', 'minister', 'head-of-delegation'] as const;

/** The representation level of the i-th state's speaker: a mix of all five, not in inscription order. */
export const levelOf = (i: number): (typeof LEVELS)[number] => LEVELS[(i * 3) % LEVELS.length]!;

/**
 * An assembly of `n` member states (one delegate each, participant id = lower-case code),
 * an observer (the African Union), a chair and a secretariat.
 */
export function assemblySetup(n: number, overrides: Record<string, unknown> = {}, extra: Partial<MeetingSetupInput> = {}): MeetingSetupInput {
  const states = STATES.slice(0, n);
  return {
    title: 'General Assembly, eightieth session', body: 'General Assembly', venue: 'General Assembly Hall', public: true,
    profile: { preset: 'un-ga', overrides },
    items: [{ id: 'gd', title: 'General debate' }, { id: 'item-2', title: 'Report of the Secretary-General' }],
    delegations: [...states.map(([id, name]) => ({ id, name, tier: 'members' })), { id: 'AU', name: 'African Union', tier: 'igo-observers' }],
    participants: [
      { id: 'chair', name: 'The President', role: 'chair' },
      { id: 'sec', name: 'Secretary of the General Assembly', role: 'secretariat' },
      ...states.map(([id, name], i) => ({ id: id.toLowerCase(), name: `Speaker of ${name}`, level: levelOf(i), role: 'delegate' as const, delegationId: id })),
      { id: 'au', name: 'Chairperson of the Commission', role: 'delegate', delegationId: 'AU' },
    ],
    ...extra,
  };
}
