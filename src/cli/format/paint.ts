// ANSI colors, or plain text when the output is not a terminal (pipes, files, tests).
export interface Paint {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const codes = { red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22] } as const;

export function createPaint(enabled: boolean): Paint {
  const style = ([open, close]: readonly [number, number]) => (text: string) => (enabled && text ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return {
    red: style(codes.red),
    green: style(codes.green),
    yellow: style(codes.yellow),
    cyan: style(codes.cyan),
    dim: style(codes.dim),
    bold: style(codes.bold),
  };
}

