// Where the CLI writes, and what it reads. Commands get a Terminal instead of process.stdout and
// process.stdin, so tests can capture the output, give the input, and decide whether it is interactive.
import { CommandFailure } from './cli-errors';

/** stdin, for commands that take a value that must stay off the command line (`forge env … set`). */
export interface TerminalInput {
  /** stdin is a person's terminal, not a pipe or a file. */
  readonly interactive: boolean;
  /** All of stdin, as UTF-8, once it ends. */
  readAll(): Promise<string>;
  /**
   * Asks `question` on stderr and reads one line without showing what is typed; null when this
   * terminal cannot hide it (then the value has to be piped in).
   */
  readHidden(question: string): Promise<string | null>;
}

export interface Terminal {
  /** Results: what a script would pipe onward (stdout). */
  write(text: string): void;
  /** Warnings and errors (stderr). */
  warn(text: string): void;
  /** stdout is a person's terminal: redraw a progress bar in place. */
  readonly interactive: boolean;
  /** stderr is a person's terminal: a progress line written there is redrawn in place. Absent: it is not. */
  readonly warnInteractive?: boolean;
  /** Use ANSI colors on stdout. */
  readonly color: boolean;
  /** Width for lines that must fit on one row. */
  readonly columns: number;
  /** Absent: nothing can be read (a terminal made for commands that read nothing). */
  readonly input?: TerminalInput;
}

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACES = new Set(['\u007f', '\b']);

/** One line from a TTY in raw mode, so nothing typed is echoed. Raw mode also swallows Ctrl-C's signal: it cancels here. */
function readHiddenLine(question: string): Promise<string | null> {
  const stdin = process.stdin;
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') return Promise.resolve(null);
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (outcome: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      outcome();
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n' || character === CTRL_D) return finish(() => resolve(typed));
        if (character === CTRL_C) return finish(() => reject(new CommandFailure('Cancelled: nothing was set.')));
        if (BACKSPACES.has(character)) typed = [...typed].slice(0, -1).join('');
        else if (character >= ' ') typed += character;
      }
    };
    stdin.on('data', onData);
  });
}

function processInput(): TerminalInput {
  return {
    interactive: Boolean(process.stdin.isTTY),
    async readAll() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
    readHidden: readHiddenLine,
  };
}

export function processTerminal(env: Record<string, string | undefined>): Terminal {
  const interactive = Boolean(process.stdout.isTTY);
  return {
    write: (text) => void process.stdout.write(text),
    warn: (text) => void process.stderr.write(text),
    interactive,
    warnInteractive: Boolean(process.stderr.isTTY),
    // https://no-color.org: any non-empty NO_COLOR turns colors off.
    color: interactive && !env.NO_COLOR,
    get columns() {
      return process.stdout.columns || 80;
    },
    input: processInput(),
  };
}
