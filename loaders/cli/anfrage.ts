/**
 * `npm run anfrage -- --jahre … [--kreise … | --gemeinden …] [--kennzahlen …] [--foerderbereich …] [--out DATEI]`.
 * `--gemeinden 08111000,08115003` or `--gemeinden kreis:08115` (all Gemeinden of the Kreis).
 */
import { resolve } from "node:path";
import { AnfrageError, anfrageTabelle, parseJahre, parseKreise, type AnfrageMeta, type AnfrageTabelle } from "../anfrage/index.ts";
import { anfrageTabelleGemeinden, parseGemeinden } from "../anfrage/gemeinden.ts";
import { anfrageText, writeAnfrage } from "../anfrage/write.ts";
import { openWarehouse, warehouseFromEnv } from "../warehouse/open.ts";
import { currentBuildInfo } from "./build-info.ts";
import { UsageError, type CommandArgs } from "./usage.ts";

export async function anfrageCommand({ values }: CommandArgs): Promise<number> {
  if (!values.jahre) throw new UsageError("Jahre (--jahre 2018-2020) fehlen.");
  if (values.kreise !== undefined && values.gemeinden !== undefined) {
    throw new UsageError("Entweder --kreise oder --gemeinden angeben, nicht beides (alle Gemeinden eines Kreises: --gemeinden kreis:08115).");
  }
  const kennzahlen = (values.kennzahlen ?? "bewilligt_eur,ausgezahlt_eur").split(",").map((k) => k.trim()).filter(Boolean);
  let tabelle: AnfrageTabelle;
  try {
    const jahre = parseJahre(values.jahre);
    const foerderbereich = values.foerderbereich ?? null;
    const gemeinden = values.gemeinden === undefined ? null : parseGemeinden(values.gemeinden);
    const kreise = gemeinden ? null : parseKreise(values.kreise);
    const info = await currentBuildInfo(warehouseFromEnv());
    if (!info) throw new UsageError("Kein Data Warehouse: zuerst „npm run ingest“ ausführen.");
    const meta: AnfrageMeta = { synthetisch: info.synthetic, stand: info.stand, release: info.releaseId };
    const { instance, connection } = await openWarehouse();
    try {
      tabelle = gemeinden
        ? await anfrageTabelleGemeinden(connection, { ...gemeinden, ...jahre, kennzahlen, foerderbereich }, meta)
        : await anfrageTabelle(connection, { ...kreise!, ...jahre, kennzahlen, foerderbereich }, meta);
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
