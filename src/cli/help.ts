/**
 * Help in Vietnamese: commander's own words ("Usage:", "Options:", "(default: …)") and the
 * names in angle brackets (src/core/messages-help.ts). The texts of dti's own help are
 * declared with each command in both languages; this module is loaded by run() only when help
 * may be shown under `--lang vi` (the default).
 */
import { type Argument, type Command, Help, type Option } from 'commander';
import { HELP_PLACEHOLDERS, HELP_WORDS } from '../core/messages-help.js';

const WORDS: Record<string, string> = HELP_WORDS;

/** `[options]`, `[command]`, `<file>`, `<data...>` in Vietnamese. */
export function termText(term: string): string {
  return term.replace(/([<[])([^>\]]+)([>\]])/g, (m, open: string, name: string, close: string) => {
    const w = WORDS[`${open}${name}${close}`];
    if (w !== undefined) return w;
    const many = name.endsWith('...') && HELP_PLACEHOLDERS[name] === undefined ? '...' : '';
    const v = HELP_PLACEHOLDERS[many === '' ? name : name.slice(0, -3)];
    return v === undefined ? m : `${open}${v}${many}${close}`;
  });
}

/** "(choices: "a", "b", default: "a")" in Vietnamese. */
function withExtra(description: string, o: { argChoices?: string[]; defaultValue?: unknown; defaultValueDescription?: string }, showDefault: boolean): string {
  const extra: string[] = [];
  if (o.argChoices) extra.push(`${WORDS.choices}: ${o.argChoices.map((c) => JSON.stringify(c)).join(', ')}`);
  if (o.defaultValue !== undefined && showDefault) extra.push(`${WORDS.default}: ${o.defaultValueDescription || JSON.stringify(o.defaultValue)}`);
  if (extra.length === 0) return description;
  return description === '' ? `(${extra.join('; ')})` : `${description} (${extra.join('; ')})`;
}

/** Put the Vietnamese help in place on the program and each of its commands. */
export function localizeHelp(program: Command): void {
  for (const cmd of [program, ...program.commands]) {
    const base = Help.prototype;
    cmd.configureHelp({
      ...cmd.configureHelp(),
      // The Vietnamese terms are longer: still wrap a description column of 30.
      minWidthToWrap: 30,
      styleTitle: (s: string) => WORDS[s] ?? s,
      commandUsage(c: Command) { return termText(base.commandUsage.call(this, c)); },
      subcommandTerm(c: Command) { return termText(base.subcommandTerm.call(this, c)); },
      optionTerm: (o: Option) => termText(o.flags),
      argumentTerm: (a: Argument) => HELP_PLACEHOLDERS[a.name()] ?? a.name(),
      // commander's own options (-h, -V) and help command in Vietnamese; dti's are declared so.
      subcommandDescription: (c: Command) => WORDS[c.description()] ?? c.description(),
      optionDescription: (o: Option) => withExtra(WORDS[o.description] ?? o.description, o, o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === 'boolean')),
      argumentDescription: (a: Argument) => withExtra(a.description, a, true),
    });
  }
}
