/**
 * Help in Vietnamese: commander's words ("Usage:", "Options:", "(default: …)"), every command,
 * argument and option description, the names in angle brackets and the examples' notes, from
 * the help catalogue (src/core/messages-help.ts). Loaded by run() only when help may be shown
 * under `--lang vi` (the default); under `--lang en` the help is commander's, as the commands
 * declare it.
 */
import type { EventEmitter } from 'node:events';
import { type Argument, type Command, Help, type Option } from 'commander';
import {
  HELP_AFTER, HELP_ARGUMENTS, HELP_COMMANDS, HELP_OPTIONS, HELP_PLACEHOLDERS, HELP_WORDS, type HelpText,
} from '../core/messages-help.js';

const WORDS: Record<string, string> = HELP_WORDS;

/** The Vietnamese of `en` from the first entry whose English it is (a stale entry is not used). */
function pick(en: string, ...entries: (HelpText | undefined)[]): string | undefined {
  return entries.find((e) => e !== undefined && e.en === en)?.vi;
}

/** The name of a command as the catalogue keys it (the program's is 'dti'). */
function keyOf(cmd: Command): string {
  return cmd.name();
}

/** An option's Vietnamese description: the command's own entry, else the shared one. */
export function optionText(command: string, option: Option): string | undefined {
  const flag = option.long ?? option.short ?? '';
  return pick(option.description, HELP_OPTIONS[`${command} ${flag}`], HELP_OPTIONS[flag]);
}

export function argumentText(command: string, argument: Argument): string | undefined {
  return argument.description === '' ? '' : pick(argument.description, HELP_ARGUMENTS[`${command} ${argument.name()}`]);
}

export function commandText(cmd: Command): string | undefined {
  const d = cmd.description();
  return d === '' ? '' : pick(d, HELP_COMMANDS[keyOf(cmd)]);
}

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

const ONE_LINE = Object.values(HELP_AFTER).filter((e) => !e.en.includes('\n')).sort((a, b) => b.en.length - a.en.length);
const BLOCKS = Object.values(HELP_AFTER).filter((e) => e.en.includes('\n'));

/** The text after the options in Vietnamese: each known English note at the end of a line. */
export function afterText(text: string): string {
  for (const b of BLOCKS) text = text.split(b.en).join(b.vi);
  return text.split('\n').map((line) => {
    for (const e of ONE_LINE) {
      if (line === e.en || line.endsWith(` ${e.en}`)) return line.slice(0, line.length - e.en.length) + e.vi;
    }
    return line;
  }).join('\n');
}

type AfterListener = (context: { error: boolean; command: Command; write: (s: string) => void }) => void;

/** Put the Vietnamese help in place on the program and each of its commands. */
export function localizeHelp(program: Command): void {
  for (const cmd of [program, ...program.commands]) {
    const name = keyOf(cmd);
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
      commandDescription: (c: Command) => commandText(c) ?? c.description(),
      subcommandDescription: (c: Command) => commandText(c) ?? c.description(),
      optionDescription: (o: Option) => withExtra(optionText(name, o) ?? o.description, o,
        o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === 'boolean')),
      argumentDescription: (a: Argument) => withExtra(argumentText(name, a) ?? a.description, a, true),
    });
    // commander's Command is an EventEmitter (its typings do not say so); addHelpText listens to 'afterHelp'.
    const events = cmd as unknown as EventEmitter;
    for (const l of events.listeners('afterHelp') as AfterListener[]) {
      events.removeListener('afterHelp', l);
      events.on('afterHelp', (context: Parameters<AfterListener>[0]) => l({ ...context, write: (s) => context.write(afterText(s)) }));
    }
  }
}
