export * from './data-source';
export * from './entities';
export * from './migrations';
export * from './setup/meeting.entity';
export * from './setup/agenda-item.entity';
export * from './setup/delegation.entity';
export * from './setup/group.entity';
export * from './setup/participant.entity';
