/**
 * Static server for a Framework build on 127.0.0.1, like a real web server:
 * `/mittel` → mittel.html. The browser tests use it plain; the benchmark
 * (`gzip: true`) compresses like a production server (nginx `gzip on` with the
 * usual text types, level 6): HTML, JS, CSS, JSON, CSV and SVG gzip-compressed,
 * already compressed formats (ZIP, XLSX, Parquet, PNG) as they are. Page weight
 * is measured against that.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, [type: string, compress: boolean]> = {
  ".html": ["text/html; charset=utf-8", true],
  ".js": ["text/javascript", true],
  ".css": ["text/css", true],
  ".json": ["application/json", true],
  ".csv": ["text/csv", true],
  ".svg": ["image/svg+xml", true],
  ".arrow": ["application/vnd.apache.arrow.file", true],
  ".png": ["image/png", false],
  ".zip": ["application/zip", false],
  ".xlsx": ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false],
  ".parquet": ["application/vnd.apache.parquet", false],
};

export async function serve(root: string, { gzip: compressing = false } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const cache = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file)) return void res.writeHead(404).end("not found");
    const [type, compress] = TYPES[extname(file)] ?? ["application/octet-stream", false];
    const gzip = compressing && compress && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    let body: Buffer = readFileSync(file);
    if (gzip) {
      const hit = cache.get(file);
      body = hit ?? gzipSync(body, { level: 6 });
      if (!hit) cache.set(file, body);
    }
    res.writeHead(200, { "content-type": type, "content-length": body.length, ...(gzip ? { "content-encoding": "gzip", vary: "Accept-Encoding" } : {}) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
