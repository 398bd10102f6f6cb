import { Setup1764300000000 } from './1764300000000-setup';
import { Record1764400000000 } from './1764400000000-record';
import { TimeZone1764500000000 } from './1764500000000-time-zone';
import { Statements1764712000000 } from './1764712000000-statements';
import { ViewerAccess1764720000000 } from './1764720000000-viewer-access';
import { AccessLinks1764800000000 } from './1764800000000-access-links';

/** Every migration, in order. Add new ones at the end (one line each). */
export const MIGRATIONS = [
  Setup1764300000000,
  Record1764400000000,
  TimeZone1764500000000,
  Statements1764712000000,
  ViewerAccess1764720000000,
  AccessLinks1764800000000,
];
