// Threat (write-tests): a learner "spec" that compares the code under test with the reference's
// text (readFileSync, Function.prototype.toString, a hash of either) passes on the reference and
// fails on every mutant without testing any behaviour. So the spec must also pass against this
// variant: the same code written differently, its layout the printer's, no comments, a no-op
// (`void <random number>;`) opening every function body, and the methods of each class in a
// random order (random, so a spec cannot precompute the variant). Behaviour is unchanged:
// methods are all defined before any instance or static initialiser runs, and their order on a
// prototype shows only through reflection. Members with decorators keep their place (Nest
// registers routes and handlers in declaration order), and so does a class with overloads.
import { randomInt } from 'node:crypto';
import ts from 'typescript';

const decorated = (member: ts.ClassElement): boolean =>
  (ts.canHaveDecorators(member) && (ts.getDecorators(member)?.length ?? 0) > 0) ||
  ((ts.isMethodDeclaration(member) || ts.isSetAccessorDeclaration(member)) &&
    member.parameters.some((p) => (ts.getDecorators(p)?.length ?? 0) > 0));

/** A method or accessor whose position may move: it has a body and no decorator. */
const movable = (member: ts.ClassElement): boolean =>
  (ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) &&
  member.body !== undefined &&
  !decorated(member);

function shuffleMethods(members: readonly ts.ClassElement[]): ts.ClassElement[] {
  // Overload signatures must stay next to their implementation: such a class is left as it is.
  if (members.some((m) => ts.isMethodDeclaration(m) && m.body === undefined)) return [...members];
  const slots = members.flatMap((m, i) => (movable(m) ? [i] : []));
  const moved = slots.map((i) => members[i] as ts.ClassElement);
  for (let i = moved.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [moved[i], moved[j]] = [moved[j] as ts.ClassElement, moved[i] as ts.ClassElement];
  }
  const out = [...members];
  slots.forEach((slot, k) => {
    out[slot] = moved[k] as ts.ClassElement;
  });
  return out;
}

/** `source` (a TypeScript file of the reference) rewritten without changing what it does. */
export function referenceVariant(path: string, source: string): string {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const shuffle: ts.TransformerFactory<ts.SourceFile> = (context) => (root) => {
    const visit = (node: ts.Node): ts.Node => {
      const inner = ts.visitEachChild(node, visit, context);
      if (
        (ts.isFunctionDeclaration(inner) ||
          ts.isMethodDeclaration(inner) ||
          ts.isFunctionExpression(inner) ||
          ts.isArrowFunction(inner) ||
          ts.isAccessor(inner)) &&
        inner.body &&
        ts.isBlock(inner.body)
      ) {
        const noop = ts.factory.createExpressionStatement(
          ts.factory.createVoidExpression(ts.factory.createNumericLiteral(randomInt(1_000_000))),
        );
        const body = ts.factory.updateBlock(inner.body, [noop, ...inner.body.statements]);
        return ts.isFunctionDeclaration(inner)
          ? ts.factory.updateFunctionDeclaration(
              inner,
              inner.modifiers,
              inner.asteriskToken,
              inner.name,
              inner.typeParameters,
              inner.parameters,
              inner.type,
              body,
            )
          : ts.isMethodDeclaration(inner)
            ? ts.factory.updateMethodDeclaration(
                inner,
                inner.modifiers,
                inner.asteriskToken,
                inner.name,
                inner.questionToken,
                inner.typeParameters,
                inner.parameters,
                inner.type,
                body,
              )
            : ts.isFunctionExpression(inner)
              ? ts.factory.updateFunctionExpression(
                  inner,
                  inner.modifiers,
                  inner.asteriskToken,
                  inner.name,
                  inner.typeParameters,
                  inner.parameters,
                  inner.type,
                  body,
                )
              : ts.isArrowFunction(inner)
                ? ts.factory.updateArrowFunction(
                    inner,
                    inner.modifiers,
                    inner.typeParameters,
                    inner.parameters,
                    inner.type,
                    inner.equalsGreaterThanToken,
                    body,
                  )
                : ts.isGetAccessorDeclaration(inner)
                  ? ts.factory.updateGetAccessorDeclaration(
                      inner,
                      inner.modifiers,
                      inner.name,
                      inner.parameters,
                      inner.type,
                      body,
                    )
                  : ts.factory.updateSetAccessorDeclaration(inner, inner.modifiers, inner.name, inner.parameters, body);
      }
      if (ts.isClassDeclaration(inner)) {
        return ts.factory.updateClassDeclaration(
          inner,
          inner.modifiers,
          inner.name,
          inner.typeParameters,
          inner.heritageClauses,
          shuffleMethods(inner.members),
        );
      }
      return inner;
    };
    return ts.visitNode(root, visit) as ts.SourceFile;
  };
  const result = ts.transform(file, [shuffle]);
  try {
    return ts
      .createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed })
      .printFile(result.transformed[0] as ts.SourceFile);
  } finally {
    result.dispose();
  }
}
