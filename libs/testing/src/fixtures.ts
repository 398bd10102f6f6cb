import type { MeetingSetupInput } from '@rostrum/contracts';

/**
 * A meeting like the seed conference: a chair, a secretariat, a moderator, delegates of Ghana
 * (in the room), Norway (remote), Senegal (coordinator of the African Group), Egypt, the
 * United Kingdom, the African Union and a think tank.
 */
export function debateSetup(preset: 'un-ga' | 'ecosoc' | 'robert' | 'informal-panel' | 'model-un' = 'un-ga', overrides: Record<string, unknown> = {}): MeetingSetupInput {
  return {
    title: 'Peacekeeping in Africa: Fostering Partnership and Synergies',
    body: 'Economic and Social Council', venue: 'ECOSOC Chamber', date: '2026-11-28',
    public: true,
    profile: { preset, overrides },
    items: [{ id: 'item-1', title: 'Partnerships for peace operations' }, { id: 'item-2', title: 'Financing and sustainability' }],
    groups: [{ id: 'AFG', name: 'African Group', coordinatorDelegationId: 'SEN' }],
    delegations: [
      { id: 'GHA', name: 'Ghana', tier: 'members', groups: ['AFG'] },
      { id: 'NOR', name: 'Norway', tier: 'members' },
      { id: 'SEN', name: 'Senegal', tier: 'members', groups: ['AFG'] },
      { id: 'EGY', name: 'Egypt', tier: 'members', groups: ['AFG'] },
      { id: 'GBR', name: 'United Kingdom', tier: 'members' },
      { id: 'AU', name: 'African Union', tier: 'igo-observers' },
    ],
    participants: [
      { id: 'chair', name: 'H.E. Ms. Chair', role: 'chair' },
      { id: 'sec', name: 'Secretary of the meeting', role: 'secretariat' },
      { id: 'mod', name: 'Q&A moderator', role: 'moderator' },
      { id: 'int', name: 'Interpreter, French booth', role: 'interpreter' },
      { id: 'gha', name: 'Mr. Kwame Mensah', title: 'Minister for Defence', level: 'minister', role: 'delegate', delegationId: 'GHA' },
      { id: 'nor', name: 'Ms. Ingrid Berg', title: 'State Secretary', level: 'vice-minister', role: 'delegate', delegationId: 'NOR' },
      { id: 'sen', name: 'Mr. Cheikh Ndiaye', title: 'Permanent Representative', level: 'head-of-delegation', role: 'delegate', delegationId: 'SEN' },
      { id: 'egy', name: 'Ms. Amina Farouk', title: 'Deputy Permanent Representative', role: 'delegate', delegationId: 'EGY' },
      { id: 'gbr', name: 'Mr. James Hale', title: 'Permanent Representative', level: 'head-of-delegation', role: 'delegate', delegationId: 'GBR' },
      { id: 'au', name: 'Ms. Fatima Diallo', title: 'Commissioner', role: 'delegate', delegationId: 'AU' },
    ],
  };
}

export const tokenOf = (access: Array<{ participantId: string; token: string }>, id: string): string => {
  const a = access.find((x) => x.participantId === id);
  if (!a) throw new Error(`no participant ${id}`);
  return a.token;
};
