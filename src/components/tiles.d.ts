// Types of tiles.js for the TypeScript side (config, tests).
export interface Tile {
  ags: string;
  x: number;
  y: number;
  kurz: string;
}
export const TILES: Tile[];
export const TILE_BY_AGS: Map<string, Tile>;
