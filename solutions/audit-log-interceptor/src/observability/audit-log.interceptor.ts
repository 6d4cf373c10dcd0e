import { HttpException, Inject, Injectable, Logger, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, concatMap, from, Observable, switchMap, throwError } from 'rxjs';
import { AUDIT_LOG, type AuditEntry, type AuditLog } from '../application/ports/audit-log.port.js';
import { CLOCK, type Clock } from '../application/ports/clock.port.js';

export const AUDITED_KEY = 'audit:action';

/** Marks a handler whose calls must be written to the audit log under `action`. */
export const Audited = (action: string) => SetMetadata(AUDITED_KEY, action);

interface AuditedRequest {
  method: string;
  originalUrl: string;
  user?: { id: string };
}

/** Records one audit entry per call of an @Audited handler, after it succeeds or fails. */
@Injectable()
export class AuditLogInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditLogInterceptor.name);

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AUDIT_LOG) private readonly auditLog: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const action = this.reflector.get<string | undefined>(AUDITED_KEY, context.getHandler());
    if (!action) return next.handle();

    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const base = {
      action,
      actorId: request.user?.id ?? 'anonymous',
      subject: `${request.method} ${request.originalUrl.split('?')[0]}`,
      at: this.clock.now(),
    };
    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        await this.safeRecord({ ...base, data: { outcome: 'success' } });
        return value;
      }),
      catchError((error: unknown) => {
        const status = error instanceof HttpException ? error.getStatus() : 500;
        return from(this.safeRecord({ ...base, data: { outcome: 'failure', status } })).pipe(switchMap(() => throwError(() => error)));
      }),
    );
  }

  /** The audit store failing must not turn a successful request into an error. */
  private async safeRecord(entry: AuditEntry): Promise<void> {
    try {
      await this.auditLog.record(entry);
    } catch (error) {
      this.logger.error(`could not record audit entry ${entry.action}: ${(error as Error).message}`);
    }
  }
}
