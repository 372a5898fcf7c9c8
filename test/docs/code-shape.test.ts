// Two rules of src/ that review alone would let slip (issue #16): no function longer than 80 lines —
// a longer one is an orchestrator to write as named steps — and no catch block in the shell that
// could swallow Google's time limit (in Google the execution is killed and no catch block runs; the
// emulator can only throw, so a catch that goes on must let that error through).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const SRC = join(__dirname, '../../src');
const MAX_FUNCTION_LINES = 80;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function parsed(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
}

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  ts.forEachChild(node, (child) => visit(child, each));
}

const lineOf = (file: ts.SourceFile, position: number): number =>
  file.getLineAndCharacterOfPosition(position).line + 1;

function functionName(node: ts.FunctionLikeDeclaration): string {
  if (node.name) return node.name.getText();
  return ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : '(anonymous)';
}

describe('the shape of the code in src/', () => {
  it(`has no function longer than ${MAX_FUNCTION_LINES} lines`, () => {
    const long: string[] = [];
    for (const path of sourceFiles(SRC)) {
      const file = parsed(path);
      visit(file, (node) => {
        if (!ts.isFunctionLike(node) || !('body' in node) || node.body === undefined) return;
        const lines = lineOf(file, node.getEnd()) - lineOf(file, node.getStart()) + 1;
        if (lines > MAX_FUNCTION_LINES)
          long.push(
            `${relative(SRC, path)}:${lineOf(file, node.getStart())} ${functionName(node)} (${lines})`,
          );
      });
    }
    expect(long).toEqual([]);
  });

  it('lets Google’s time limit through every catch block of the shell that goes on', () => {
    const swallowing: string[] = [];
    for (const path of sourceFiles(join(SRC, 'gas'))) {
      const file = parsed(path);
      visit(file, (node) => {
        if (!ts.isCatchClause(node)) return;
        const body = node.block.getText();
        const letsThrough = /\brethrowTimeLimit\(|\bthrow\b/.test(body);
        if (!letsThrough) swallowing.push(`${relative(SRC, path)}:${lineOf(file, node.getStart())}`);
      });
    }
    expect(swallowing).toEqual([]);
  });
});
