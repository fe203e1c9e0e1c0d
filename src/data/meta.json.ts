// Stand, release and whether the figures are synthetic: shown on every page.
import { siteMeta } from "../../loaders/queries/site.ts";

process.stdout.write(JSON.stringify(siteMeta()));
