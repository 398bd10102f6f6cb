import 'reflect-metadata';
import { runService } from '@rostrum/platform';
import { QnaModule } from './qna.module';

runService('qna', (config) => QnaModule.forRoot(config));
