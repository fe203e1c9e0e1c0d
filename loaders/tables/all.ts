/** The published tables in the order of the data contract (§3), and the helper views they read. */
import { abdeckungKreis } from "./abdeckung-kreis.ts";
import { bewilligtJahr } from "./bewilligt-jahr.ts";
import { buchungen } from "./buchungen.ts";
import { haushaltJahr } from "./haushalt-jahr.ts";
import { kreise } from "./kreise.ts";
import { mittelGemeindeJahr } from "./mittel-gemeinde-jahr.ts";
import { mittelKreisJahr } from "./mittel-kreis-jahr.ts";
import { pruefbericht } from "./pruefbericht.ts";
import { zahlungenMonat } from "./zahlungen-monat.ts";
import { zuwendungen } from "./zuwendungen.ts";

/** Helper views, created before the published tables (which read them). */
export const HELPER_VIEWS = [bewilligtJahr, buchungen] as const;

/** The published tables in the order of the data contract (§3). */
export const PUBLISHED_TABLES = [
  kreise,
  zuwendungen,
  mittelKreisJahr,
  abdeckungKreis,
  haushaltJahr,
  zahlungenMonat,
  mittelGemeindeJahr,
  pruefbericht,
] as const;
export type PublishedTableName = (typeof PUBLISHED_TABLES)[number]["name"];
