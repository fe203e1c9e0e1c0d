import { z } from "zod";
import { int, oneOf, text } from "../schema/columns.ts";
import { defineTable, orNull } from "./define.ts";

export const pruefbericht = defineTable({
  name: "pruefbericht",
  title: "Prüfbericht",
  rowsAre: "eine Zeile je Befund",
  notes:
    "Alle Befunde beim Lesen und Prüfen der Eingabedateien, sortiert nach Datei, Zeile und Spalte; Befunde zur " +
    "ganzen Datei stehen vorne.",
  columns: z.object({
    datei: text({ label: "Datei", definition: "Eingabedatei, auf die sich der Befund bezieht." }),
    zeile: orNull(
      int({
        label: "Zeile",
        definition: "Zeile in der CSV-Datei bzw. Tabellenzeile in der XLSX-Datei; leer bei Befunden zur ganzen Datei.",
      }),
    ),
    spalte: orNull(
      text({ label: "Spalte", definition: "Betroffene Spalte; leer, wenn der Befund keine einzelne Spalte betrifft." }),
    ),
    wert: orNull(text({ label: "Wert", definition: "Der Wert, wie er in der Datei steht." })),
    regel: text({ label: "Regel", definition: "Kennung der Prüfregel." }),
    meldung: text({ label: "Meldung", definition: "Beschreibung des Befunds." }),
    schwere: oneOf(["fehler", "warnung"], {
      label: "Schwere",
      definition: "fehler: die Zeile bzw. Datei wird zurückgewiesen; warnung: die Daten werden übernommen, sind aber auffällig.",
    }),
  }),
  key: [],
  orderBy: ["datei", "zeile", "spalte", "regel"],
  sql: `SELECT datei, zeile, spalte, wert, regel, meldung, schwere FROM meta.befunde`,
});
