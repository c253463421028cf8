// A follow-up prompt as one or more commands: "drop adopters and add volunteers" is two changes, each
// read by understand-change-prompt.ts. Pure; null when any part is not understood, so a version is
// never made of the commands it happened to follow.
import type { ChangeIntent } from './prompt-intents';
import { normalize } from './prompt-text';
import { understandChangePrompt } from './understand-change-prompt';

/** Verbs that start a command of their own inside a prompt. */
const COMMAND_VERBS = '(?:add|remove|drop|delete|rename|create|include|introduce|link|connect|enable|disable|use|get rid of)';

/** "and add", ", then remove", "and also drop": where one command ends and the next starts. */
const COMMAND_BREAK = new RegExp(`\\s*(?:,\\s*)?(?:\\band\\s+then|\\band\\s+also|\\band|\\bthen|\\balso|,)\\s+(?=${COMMAND_VERBS}\\b)`, 'g');

const COURTESY = /^(?:thanks|thank you|thx|cheers|please|ok|okay)$/;

/** The commands of a prompt, in order; one when it holds one. */
function commandsOf(prompt: string): string[] {
  return normalize(prompt)
    .split(/[.;!?\n]+/)
    .flatMap((clause) => clause.split(COMMAND_BREAK))
    .map((command) => command.replace(/\s+/g, ' ').trim())
    .filter((command) => command !== '' && !COURTESY.test(command));
}

export function understandChangeCommands(prompt: string): ChangeIntent[] | null {
  const whole = understandChangePrompt(prompt);
  if (whole) return [whole];
  const commands = commandsOf(prompt);
  if (commands.length < 2) return null;
  const intents = commands.map(understandChangePrompt);
  return intents.every((intent) => intent !== null) ? (intents as ChangeIntent[]) : null;
}
