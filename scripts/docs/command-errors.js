// Which error codes each command can return, read from the code that decides it, so that the
// AsyncAPI document cannot drift from the deciders: for each command, the codes named in its
// handler and in every function it calls (transitively, by name, within the deciding code),
// plus the codes every command of its owner can get (edge, transport, service checks).
// An over-approximation where two functions share a name; never an omission of a literal code.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

/** name → { codes, calls } for every named function, method and function-valued const of the files. */
function scan(files, codes) {
  const fns = new Map();
  const record = (name) => { if (!fns.has(name)) fns.set(name, { codes: new Set(), calls: new Set() }); return fns.get(name); };
  const cases = new Map(); // `case 'x':` clauses → { codes, calls } (switch-dispatched deciders)
  for (const file of files) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node, stack) => {
      let next = stack;
      const named = (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name ? node.name.getText(sf)
        : ts.isVariableDeclaration(node) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer)) ? node.name.getText(sf)
          : null;
      if (named) next = [...stack, record(named)];
      if (ts.isCaseBlock(node)) {
        // `case 'a': case 'b': …` — an empty clause falls through to the next one's code.
        let waiting = [];
        for (const clause of node.clauses) {
          if (ts.isCaseClause(clause) && ts.isStringLiteral(clause.expression)) waiting.push(clause.expression.text);
          if (!clause.statements.length) continue;
          const r = { codes: new Set(), calls: new Set() };
          for (const name of waiting) cases.set(name, r);
          waiting = [];
          for (const st of clause.statements) visit(st, [...next, r]);
        }
        return;
      }
      if (ts.isStringLiteralLike(node) && codes.has(node.text)) for (const r of next) r.codes.add(node.text);
      if (ts.isCallExpression(node)) {
        const callee = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : null;
        if (callee) for (const r of next) r.calls.add(callee);
      }
      ts.forEachChild(node, (c) => visit(c, next));
    };
    visit(sf, []);
  }
  return { fns, cases };
}

function closure(start, fns) {
  const out = new Set(start.codes);
  const seen = new Set();
  const todo = [...start.calls];
  while (todo.length) {
    const name = todo.pop();
    if (seen.has(name) || !fns.has(name)) continue;
    seen.add(name);
    const f = fns.get(name);
    for (const c of f.codes) out.add(c);
    todo.push(...f.calls);
  }
  return out;
}

const ts_files = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.includes('fixtures')).map((f) => path.join(dir, f));

/**
 * { [command]: ErrorCode[] } for every socket command of the catalogue, sorted.
 * `c` is the built contracts module (COMMANDS, ERROR_CODES).
 */
function commandErrors(root, c) {
  const codes = new Set(c.ERROR_CODES);
  const floor = scan(ts_files(path.join(root, 'libs/domain/src/floor')), codes);
  const handlerSrc = fs.readFileSync(path.join(root, 'libs/domain/src/floor/handlers.ts'), 'utf8');
  const handlerOf = new Map([...handlerSrc.matchAll(/'([\w.]+)':\s*(\w+),/g)].map((m) => [m[1], m[2]]));
  const qna = scan(ts_files(path.join(root, 'libs/domain/src/qna')), codes);
  const record = scan([path.join(root, 'apps/recorder/src/commands/record-commands.service.ts')], codes);
  const recordCodes = new Set([...record.fns.values()].flatMap((f) => [...f.codes]));
  const qnaAccess = closure({ codes: new Set(), calls: new Set(['authorize']) }, qna.fns); // every Q&A command passes it
  // What every command can meet on its way, whatever it is.
  const edge = ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'FORBIDDEN', 'UNAVAILABLE', 'INTERNAL'];
  const out = {};
  for (const [name, spec] of Object.entries(c.COMMANDS)) {
    const found = new Set(edge);
    if (spec.roles.some((r) => r === 'delegate' || r === 'viewer')) found.add('RATE_LIMITED');
    if (spec.owner === 'floor') {
      const h = handlerOf.get(name);
      if (!h || !floor.fns.has(h)) throw new Error(`no floor handler found for ${name}`);
      for (const code of closure(floor.fns.get(h), floor.fns)) found.add(code);
      for (const code of ['MEETING_NOT_CREATED', 'CONFLICT']) found.add(code);
    } else if (spec.owner === 'qna') {
      const clause = qna.cases.get(name);
      if (!clause) throw new Error(`no Q&A decider case for ${name}`);
      for (const code of closure(clause, qna.fns)) found.add(code);
      for (const code of [...qnaAccess, 'MEETING_NOT_FOUND', 'CONFLICT']) found.add(code); // the Q&A service checks the meeting
    } else {
      for (const code of recordCodes) found.add(code);
    }
    found.delete('TIMER_STALE');
    found.delete('UNKNOWN_COMMAND');
    out[name] = [...found].filter((x) => codes.has(x)).sort();
  }
  return out;
}

module.exports = { commandErrors };
