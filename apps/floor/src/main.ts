import 'reflect-metadata';
import { runService } from '@rostrum/platform';
import { FloorModule } from './floor.module';

runService('floor', (config) => FloorModule.forRoot(config));
