/** `npm run diff -- ALT NEU`: what changed between two exports of the published tables. */
import { diffExports, formatDiff } from "../diff/index.ts";
import { requireDir, type CommandArgs } from "./usage.ts";

export async function diffCommand({ positionals }: CommandArgs): Promise<number> {
  const oldDir = requireDir(positionals[0], "Alter Exportordner");
  const newDir = requireDir(positionals[1], "Neuer Exportordner");
  console.log(formatDiff(await diffExports(oldDir, newDir)));
  return 0;
}
