import { Setup1764300000000 } from './1764300000000-setup';

/** Every migration, in order. Add new ones at the end (one line each). */
export const MIGRATIONS = [
  Setup1764300000000,
];
