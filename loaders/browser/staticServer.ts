// A minimal static file server for dist/ on loopback, as an intranet web
// server would serve the published site (clean URLs: /segments → segments.html).

import {createServer, type Server} from "node:http";
import {readdir, readFile} from "node:fs/promises";
import path from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".parquet": "application/octet-stream",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * Serves `root` as it is when called: every file is read into memory first,
 * as an intranet web server's page cache would hold a 3 MB site. Answering from
 * disk, each of a page's ~60 module requests waited for two file-system calls
 * on a busy loop, and the benchmark measured this server rather than the page.
 */
export async function serveStatic(root: string): Promise<{url: string; close: () => Promise<void>; server: Server}> {
  const files = await readTree(root);
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const candidates = urlPath.endsWith("/") ? [urlPath + "index.html"] : [urlPath, urlPath + ".html"];
    for (const candidate of candidates) {
      const body = files.get(path.posix.normalize(candidate));
      if (body === undefined) continue;
      res.writeHead(200, {"content-type": types[path.extname(candidate)] ?? "application/octet-stream", "content-length": body.length});
      res.end(body);
      return;
    }
    res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  return {
    server,
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Every file under root by its URL path ("/segments.html"). */
async function readTree(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set("/" + path.relative(root, file).split(path.sep).join("/"), await readFile(file));
  }
  return files;
}
