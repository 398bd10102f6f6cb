import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '@rostrum/platform';
import { CONFIG } from '../tokens';

/** Protects the setup API: the `x-operator-key` header must match OPERATOR_KEY. */
@Injectable()
export class OperatorKeyGuard implements CanActivate {
  constructor(@Inject(CONFIG) private readonly config: AppConfig) {}

  canActivate(ctx: ExecutionContext): boolean {
    const given = ctx.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers['x-operator-key'];
    const expected = Buffer.from(this.config.auth.operatorKey);
    const ok = typeof given === 'string' && given.length === expected.length && timingSafeEqual(Buffer.from(given), expected);
    if (!ok) throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'a valid x-operator-key header is required' });
    return true;
  }
}
