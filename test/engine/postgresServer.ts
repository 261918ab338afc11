// A throwaway PostgreSQL server for tests: initdb into a temp folder, trust
// authentication, listening on 127.0.0.1 and a free port only, its socket in
// the same folder. PostgreSQL refuses to run as root, so as root the server
// runs as the `postgres` user. stop() shuts it down and removes the folder.

import {execFileSync} from "node:child_process";
import {chownSync, existsSync, mkdtempSync, readdirSync, rmSync} from "node:fs";
import {createServer} from "node:net";
import {tmpdir} from "node:os";
import path from "node:path";

export interface TestPostgres {
  host: string;
  port: number;
  user: string;
  database: string;
  dir: string;
  stop(): void;
}

/** initdb and pg_ctl of the newest installed Debian PostgreSQL, or undefined. */
export function postgresBinaries(): {initdb: string; pgCtl: string} | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const initdb = path.join(root, v, "bin", "initdb");
    const pgCtl = path.join(root, v, "bin", "pg_ctl");
    if (existsSync(initdb) && existsSync(pgCtl)) return {initdb, pgCtl};
  }
  return undefined;
}

/** Why a server cannot be started here, or undefined when it can. */
export function postgresUnavailable(): string | undefined {
  if (!postgresBinaries()) return "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (Debian package `postgresql`)";
  if (process.getuid?.() === 0) {
    try {
      execFileSync("id", ["postgres"], {stdio: "ignore"});
    } catch {
      return "running as root but there is no `postgres` user to run the server as";
    }
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bins = postgresBinaries();
  if (!bins) throw new Error(postgresUnavailable());
  const root = process.getuid?.() === 0;
  const run = (file: string, args: string[]) =>
    root ? execFileSync("runuser", ["-u", "postgres", "--", file, ...args], {stdio: "pipe"}) : execFileSync(file, args, {stdio: "pipe"});
  const dir = mkdtempSync(path.join(tmpdir(), "seg-pg-"));
  if (root) {
    const {uid, gid} = userIds("postgres");
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  try {
    run(bins.initdb, ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run(bins.pgCtl, ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  } catch (error) {
    rmSync(dir, {recursive: true, force: true});
    throw error;
  }
  return {
    host: "127.0.0.1",
    port,
    user: "postgres",
    database: "postgres",
    dir,
    stop() {
      try {
        run(bins.pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(dir, {recursive: true, force: true});
      }
    },
  };
}

function userIds(name: string): {uid: number; gid: number} {
  const uid = Number(execFileSync("id", ["-u", name]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", name]).toString().trim());
  return {uid, gid};
}
