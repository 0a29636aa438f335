export * from './members';
export * from './groups';
export * from './threads';
export * from './posts';
export * from './mail';
export * from './moderation';
export * from './search';
export * from './notifications';
