import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ConsolesController } from './consoles/consoles.controller';
import { DebateController } from './debate/debate.controller';
import { OpsController } from './ops/ops.controller';
import { buildOpenApi, routes } from './openapi';
import { RecordController } from './record/record.controller';
import { StatementsController } from './record/statements.controller';
import { MeetingsController } from './setup/meetings.controller';

/** Every route the controllers declare, as OpenAPI `method path`. */
function controllerRoutes(): string[] {
  const out: string[] = [];
  for (const ctrl of [MeetingsController, RecordController, OpsController, ConsolesController, DebateController, StatementsController]) {
    const base = String(Reflect.getMetadata(PATH_METADATA, ctrl) ?? '');
    for (const key of Object.getOwnPropertyNames(ctrl.prototype)) {
      const fn = (ctrl.prototype as unknown as Record<string, unknown>)[key];
      if (typeof fn !== 'function' || Reflect.getMetadata(METHOD_METADATA, fn) === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as number]!.toLowerCase();
      const raw = Reflect.getMetadata(PATH_METADATA, fn) as string | string[];
      for (const p of Array.isArray(raw) ? raw : [raw]) {
        const full = `/${[base, p].filter((x) => x && x !== '/').join('/')}`.replace(/\*(\w+)/g, '{$1}').replace(/:(\w+)/g, '{$1}');
        out.push(`${method} ${full}`);
      }
    }
  }
  return out.sort();
}

describe('OpenAPI document', () => {
  it('documents every route of every controller, and no route that does not exist', () => {
    expect(routes({}, {}).map((r) => `${r.method} ${r.path}`).sort()).toEqual(controllerRoutes());
  });

  it('every operation has a response schema, error responses with codes, and its auth scheme', () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, any>>; components: { securitySchemes: Record<string, unknown> } };
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'operatorKey', 'queuesBasic', 'tokenQuery']);
    const create = doc.paths['/meetings']!.post;
    expect(create.responses['201'].content['application/json'].schema.properties).toHaveProperty('access');
    expect(create.requestBody.content['application/json'].schema.properties.profile.properties.overrides).toBeDefined();
    expect(create.responses['400']['x-error-codes']).toContain('VALIDATION_FAILED');
    expect(create.security).toEqual([{ operatorKey: [] }]);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const ok = Object.entries(op.responses as Record<string, any>).find(([s]) => s.startsWith('2'));
        expect([path, method, !!ok?.[1].content]).toEqual([path, method, true]);
      }
    }
  });
});
