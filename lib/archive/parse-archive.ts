import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { InvalidInputError } from '../errors';
import { type Archive, type ArchiveProblem, archiveSchema, crossCheck } from './archive-format';

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function pathLabel(path: (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') || '(top level)';
}

/**
 * Parses and validates an archive's text. A malformed file is refused whole with an
 * InvalidInputError whose message lists each problem as "line N, <field>: <what is wrong>".
 */
export function parseArchive(text: string): Archive {
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false });
  if (syntaxErrors.length > 0 || !tree) {
    const first = syntaxErrors[0];
    const where = first ? `line ${lineAt(text, first.offset)}` : 'line 1';
    throw new InvalidInputError(`${where}: not valid JSON (${first ? printParseErrorCode(first.error) : 'empty file'}).`);
  }
  const describe = (problems: ArchiveProblem[]) =>
    problems.slice(0, 20).map(({ path, message }) => {
      // Point at the deepest node that exists: a missing field is reported at its parent's line.
      let node = findNodeAtLocation(tree, path);
      for (let depth = path.length - 1; !node && depth >= 0; depth--) node = findNodeAtLocation(tree, path.slice(0, depth));
      return `line ${lineAt(text, node?.offset ?? 0)}, ${pathLabel(path)}: ${message}`;
    });

  const parsed = archiveSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message }));
    throw new InvalidInputError(`The archive is not valid:\n${describe(problems).join('\n')}`);
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) throw new InvalidInputError(`The archive is not valid:\n${describe(problems).join('\n')}`);
  return parsed.data;
}
