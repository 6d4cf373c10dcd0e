import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { AUDIT_LOG, type AuditEntry, type AuditLog } from '../../application/ports/audit-log.port.js';
import { UserRole } from '../../domain/user/user-role.js';
import { JwtAuthGuard, Roles, RolesGuard } from './auth.guards.js';
import { auditRequest } from './requests.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

/** Recent activity, for mentors and admins only. */
@Controller('audit')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles(UserRole.MENTOR, UserRole.ADMIN)
export class AuditController {
  constructor(@Inject(AUDIT_LOG) private readonly audit: AuditLog) {}

  @Get()
  recent(@Query(new ZodValidationPipe(auditRequest)) query: { limit: number }): Promise<AuditEntry[]> {
    return this.audit.recent(query.limit);
  }
}
