/**
 * The command line's arguments: one option table for all commands, and German
 * messages for wrong usage (node:util reports them in English).
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { escapeControl, shownPath } from "../ops/names.ts";

/** Wrong usage: printed as „Aufruf: …“, exit code 2. */
export class UsageError extends Error {}

const OPTIONS = {
  data: { type: "string" },
  out: { type: "string" },
  "allow-rejects": { type: "boolean", default: false },
  force: { type: "boolean", default: false },
  alle: { type: "boolean", default: false },
  kreise: { type: "string" },
  gemeinden: { type: "string" },
  jahre: { type: "string" },
  kennzahlen: { type: "string" },
  foerderbereich: { type: "string" },
} as const;

/** What a command gets: the parsed options and the words without an option. */
export interface CommandArgs {
  values: {
    data?: string;
    out?: string;
    "allow-rejects": boolean;
    force: boolean;
    alle: boolean;
    kreise?: string;
    gemeinden?: string;
    jahre?: string;
    kennzahlen?: string;
    foerderbereich?: string;
  };
  positionals: string[];
}

const OPTION_EXAMPLES: Record<string, string> = { data: "ORDNER", out: "ORDNER", jahre: "2018-2020", kreise: "08111,08115", gemeinden: "kreis:08115", kennzahlen: "bewilligt_eur" };

/** node:util parseArgs reports wrong options in English: say it in German. */
function parseArgsUsage(e: unknown): UsageError | null {
  const err = e as { code?: string; message?: string };
  const option = /'(--?[^' ]+)/.exec(err.message ?? "")?.[1] ?? "";
  switch (err.code) {
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/does not take an argument/.test(err.message ?? "")) return new UsageError(`Die Option ${escapeControl(option)} nimmt keinen Wert.`);
      return new UsageError(
        `Die Option ${escapeControl(option)} braucht einen Wert, z. B. ${escapeControl(option)} ${OPTION_EXAMPLES[option.replace(/^-+/, "")] ?? "WERT"}.`,
      );
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new UsageError(`Unbekannte Option ${escapeControl(option)}.`);
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return new UsageError("Zu viele Angaben ohne Option.");
    default:
      return null;
  }
}

export function parseCommandArgs(args: string[]): CommandArgs {
  try {
    return parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    throw parseArgsUsage(e) ?? e;
  }
}

/** An existing folder the user named, or a German usage error naming what is missing. */
export function requireDir(dir: string | undefined, what: string): string {
  if (!dir) throw new UsageError(`${what} fehlt.`);
  const path = resolve(dir);
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new UsageError(`${what} ${shownPath(dir)} ist kein Verzeichnis.`);
  return path;
}
