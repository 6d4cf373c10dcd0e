import { HttpException, Inject, Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable } from 'rxjs';
import { AUDIT_LOG, type AuditLog } from '../application/ports/audit-log.port.js';
import { CLOCK, type Clock } from '../application/ports/clock.port.js';

export const AUDITED_KEY = 'audit:action';

/** Marks a handler whose calls must be written to the audit log under `action`. */
export const Audited = (action: string) => SetMetadata(AUDITED_KEY, action);

/** Records one audit entry per call of an @Audited handler, after it succeeds or fails. */
@Injectable()
export class AuditLogInterceptor implements NestInterceptor {
  // TODO: inject Reflector, AUDIT_LOG and CLOCK (each with an explicit @Inject).

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    void [HttpException, Inject, Reflector, AUDIT_LOG, CLOCK];
    void (null as unknown as AuditLog | Clock | undefined);
    throw new Error(`Not implemented: AuditLogInterceptor.intercept (${context.getHandler().name}, ${typeof next})`);
  }
}
