/**
 * Operating-system errors as German messages that say what to do.
 *
 * Why (issue 12, item 14): a full disk, a missing permission or a dangling symlink
 * reached users as „Interner Fehler (bitte melden): ENOSPC: no space left on device,
 * write“ – English, and no bug to report. Node reports these with an error code;
 * DuckDB only with its (English) message text, so both are recognised.
 */
import { shownPath } from "./names.ts";

type Kind = "voll" | "rechte" | "schreibgeschuetzt" | "fehlt" | "schleife" | "keinordner" | "istordner" | "zuviele" | "io";

const BY_CODE: Record<string, Kind> = {
  ENOSPC: "voll",
  EDQUOT: "voll",
  EFBIG: "voll",
  EACCES: "rechte",
  EPERM: "rechte",
  EROFS: "schreibgeschuetzt",
  ENOENT: "fehlt",
  ELOOP: "schleife",
  ENOTDIR: "keinordner",
  EISDIR: "istordner",
  EMFILE: "zuviele",
  ENFILE: "zuviele",
  EIO: "io",
};

/** DuckDB's IO errors carry the C library's text, not a code. */
const BY_TEXT: [RegExp, Kind][] = [
  [/No space left on device|Disk quota exceeded|File too large|could not write all bytes/i, "voll"],
  [/Permission denied|Operation not permitted/i, "rechte"],
  [/Read-only file system/i, "schreibgeschuetzt"],
  [/Too many levels of symbolic links/i, "schleife"],
  [/Input\/output error/i, "io"],
];

function message(kind: Kind, path: string | undefined): string {
  const p = path ? ` ${shownPath(path)}` : "";
  switch (kind) {
    case "voll":
      return `Kein Speicherplatz mehr frei (beim Schreiben${p ? ` von${p}` : ""}). Platz auf dem Datenträger schaffen und den Befehl erneut starten; bereits Veröffentlichtes (Data Warehouse, Export, Website) bleibt unverändert.`;
    case "rechte":
      return `Keine Berechtigung für${p || " eine Datei oder einen Ordner"}. Die Zugriffsrechte prüfen (Lesen der Eingabe, Schreiben im Zielordner) oder einen anderen Ordner angeben.`;
    case "schreibgeschuetzt":
      return `Der Datenträger ist schreibgeschützt${p ? ` (${p.trim()})` : ""}. Einen beschreibbaren Ordner angeben.`;
    case "fehlt":
      return `${p ? p.trim() : "Eine Datei oder ein Ordner"} fehlt (oder ist ein symbolischer Link, dessen Ziel fehlt). Pfad prüfen oder den Link reparieren bzw. entfernen.`;
    case "schleife":
      return `${p ? p.trim() : "Ein Pfad"}: Symbolische Links verweisen im Kreis. Den Link reparieren oder entfernen.`;
    case "keinordner":
      return `Ein Teil des Pfads${p} ist eine Datei, kein Ordner. Pfad prüfen.`;
    case "istordner":
      return `${p ? p.trim() : "Der Pfad"} ist ein Ordner, erwartet wird eine Datei. Pfad prüfen.`;
    case "zuviele":
      return "Zu viele geöffnete Dateien. Andere Programme schließen und den Befehl erneut starten.";
    case "io":
      return `Lese- oder Schreibfehler des Datenträgers${p ? ` bei${p}` : ""}. Datenträger prüfen und den Befehl erneut starten.`;
  }
}

/** The German message for an operating-system error, or null when `e` is none. */
export function describeOsError(e: unknown): string | null {
  if (!(e instanceof Error)) return null;
  const err = e as NodeJS.ErrnoException;
  const byCode = err.code ? BY_CODE[err.code] : undefined;
  if (byCode) return message(byCode, err.path ?? (err as { dest?: string }).dest);
  for (const [re, kind] of BY_TEXT) {
    if (re.test(err.message)) {
      const quoted = /"([^"]+)"/.exec(err.message)?.[1];
      return message(kind, quoted);
    }
  }
  return null;
}
