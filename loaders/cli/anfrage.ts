/** `npm run anfrage -- --jahre … [--kreise …] [--kennzahlen …] [--foerderbereich …] [--out DATEI]`. */
import { resolve } from "node:path";
import { AnfrageError, anfrageTabelle, parseJahre, parseKreise } from "../anfrage/index.ts";
import { anfrageText, writeAnfrage } from "../anfrage/write.ts";
import { openWarehouse, warehouseFromEnv } from "../warehouse/open.ts";
import { currentBuildInfo } from "./build-info.ts";
import { UsageError, type CommandArgs } from "./usage.ts";

export async function anfrageCommand({ values }: CommandArgs): Promise<number> {
  if (!values.jahre) throw new UsageError("Jahre (--jahre 2018-2020) fehlen.");
  const kennzahlen = (values.kennzahlen ?? "bewilligt_eur,ausgezahlt_eur").split(",").map((k) => k.trim()).filter(Boolean);
  let tabelle;
  try {
    const auswahl = { ...parseKreise(values.kreise), ...parseJahre(values.jahre), kennzahlen, foerderbereich: values.foerderbereich ?? null };
    const info = await currentBuildInfo(warehouseFromEnv());
    if (!info) throw new UsageError("Kein Data Warehouse: zuerst „npm run ingest“ ausführen.");
    const { instance, connection } = await openWarehouse();
    try {
      tabelle = await anfrageTabelle(connection, auswahl, { synthetisch: info.synthetic, stand: info.stand, release: info.releaseId });
    } finally {
      instance.closeSync();
    }
  } catch (e) {
    if (e instanceof AnfrageError) throw new UsageError(e.message);
    throw e;
  }
  if (values.out) {
    await writeAnfrage(tabelle, resolve(values.out));
    console.log(`Anfrage-Tabelle: ${tabelle.zeilen.length} Zeilen, ${tabelle.spalten.length} Wertspalten → ${values.out}`);
  } else {
    console.log(anfrageText(tabelle));
  }
  return 0;
}
