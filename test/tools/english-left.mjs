// Lists, by hand, the messages and hints that may still reach a user in English under
// --lang vi: every error/warning/fail/CliError call in src/ whose message or hint is a literal
// or a template, with each ${…} replaced by a sample ('abc' inside quotes, else 7), run
// through the catalogue of src/core/messages.ts (localize / localizePlain) and flagged when
// English words are left. The samples are guesses ('7 7 divided by' will not match a pattern
// written for 'a, b are divided by'), so this is a finder, not a test: read what it prints.
// Run after `npm run build`: node test/tools/english-left.mjs
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
const { localize, localizePlain } = await import(new URL('../../dist/core/messages.js', import.meta.url).href);
const files = [];
const walk = (d) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.ts')) files.push(p); } };
walk(new URL('../../src', import.meta.url).pathname);
const sample = (n, sf) => {
  if (!n) return undefined;
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n)) {
    let s = n.head.text;
    for (const sp of n.templateSpans) { const prev = s.slice(-1); s += (prev === "'" ? 'abc' : '7') + sp.literal.text; }
    return s;
  }
  if (ts.isParenthesizedExpression(n)) return sample(n.expression, sf);
  if (ts.isConditionalExpression(n)) return [sample(n.whenTrue, sf), sample(n.whenFalse, sf)];
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) { const a = sample(n.left, sf), b = sample(n.right, sf); return typeof a === 'string' && typeof b === 'string' ? a + b : undefined; }
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return sample(n.right, sf);
  return undefined;
};
const EN = /(?<!\p{L})(the|of|and|or|with|to|is|are|for|from|not|no|file|cannot|must|a|an|it|this|one|each|every|has|have|use|give|add|remove|write|only|needs?|unknown|missing|expected|received|invalid|too|twice|already|empty|which|but|than)(?!\p{L})/iu;
const out = [];
for (const f of files) {
  const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (n) => {
    let code, msg, hint, kind;
    if (ts.isCallExpression(n)) {
      const name = n.expression.getText(sf);
      const a = n.arguments;
      if (/^(fail|error|warning|problem|issue|bad|push)$/.test(name.split('.').pop()) && a.length >= 2 && ts.isStringLiteral(a[0]) && /^[A-Z_]+$/.test(a[0].text)) {
        code = a[0].text; kind = name;
        const idx = name === 'fail' && a.length >= 3 && !ts.isStringLiteral(a[1]) && !ts.isTemplateLiteral(a[1]) ? 2 : 1;
        msg = sample(a[idx], sf); hint = sample(a[idx + (name === 'fail' && idx === 2 ? 1 : name === 'fail' ? 1 : 2)], sf) ?? sample(a[idx + 1], sf);
      }
    }
    if (ts.isNewExpression(n) && n.expression.getText(sf) === 'CliError') {
      kind = 'CliError'; msg = sample(n.arguments?.[1], sf);
      const o = n.arguments?.[2];
      if (o && ts.isObjectLiteralExpression(o)) for (const p of o.properties) if (p.name?.getText(sf) === 'hint') hint = sample(p.initializer, sf);
    }
    if (kind) {
      const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
      const msgs = [msg].flat(), hints = [hint].flat();
      for (const m of msgs) for (const h of hints) {
        const loc = code ? localize({ code, message: m ?? '', hint: h }, 'vi') : localizePlain(m ?? '', h, 'vi');
        const badM = m === undefined ? '(dynamic)' : EN.test(loc.message.replace(/'[^']*'/g, '')) ? loc.message : '';
        const badH = h !== undefined && loc.hint !== undefined && EN.test(loc.hint.replace(/'[^']*'/g, '')) ? loc.hint : '';
        if (badM || badH) out.push(`${f}:${line} ${code ?? kind}\n   M: ${badM}\n   H: ${badH}`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
console.log(out.join("\n"));
console.log(`${out.length} to read`);
