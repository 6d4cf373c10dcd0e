import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/** A request part (body, query or a path parameter) that does not have the required shape. */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';

  constructor(
    readonly part: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`Invalid ${part}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}.`);
  }
}

/** `@Body(new ZodValidationPipe(schema))`: parses the value, or answers 400 naming each problem. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.output<S> {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const part = metadata.type === 'param' || metadata.type === 'query' ? `${metadata.type} ${metadata.data ?? ''}`.trim() : 'body';
    throw new RequestValidationError(
      part,
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
}
