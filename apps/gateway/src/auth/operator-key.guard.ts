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
    if (!isOperatorKey(given, this.config.auth.operatorKey)) throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'a valid x-operator-key header is required' });
    return true;
  }
}

/** Constant-time comparison of a presented key with the operator key. */
export function isOperatorKey(given: unknown, operatorKey: string): boolean {
  const expected = Buffer.from(operatorKey);
  return typeof given === 'string' && Buffer.byteLength(given) === expected.length && timingSafeEqual(Buffer.from(given), expected);
}
