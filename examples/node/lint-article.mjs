#!/usr/bin/env node
// A client of `lint-article serve` for Node CMSs (Ghost, Strapi, a build script):
// no dependency beyond Node 18's fetch.
//
//   node lint-article.mjs [--server http://127.0.0.1:8484] [--token TOKEN] FILE...
//
// prints each finding as `path:line:col: severity rule message`, as `lint-article check`
// does, and exits with 0 (no error), 1 (an error-level finding) or 2 (the service, or a
// file, could not be read). The token may come from LINT_ARTICLE_TOKEN instead.
// In a CMS, import lintArticle() and call it from the hook that saves a post.

import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Lint one article with the service. Resolves to the report (the files[] entry of
 * `lint-article check --format json`); rejects with the service's error message.
 * @param {string} html the article: a whole page or a CMS body
 * @param {{server?: string, path?: string, config?: object, token?: string, timeoutMs?: number}} options
 */
export async function lintArticle(html, { server = "http://127.0.0.1:8484", path, config, token, timeoutMs = 15000 } = {}) {
  const response = await fetch(new URL("/v1/lint", server), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ html, ...(path ? { path } : {}), ...(config ? { config } : {}) }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await response.json();
  if (!response.ok) {
    // Every error of the service is {"error": {"code", "message"}}.
    throw new Error(`${response.status} ${body.error.code}: ${body.error.message}`);
  }
  return body;
}

// What the article wrote reaches a terminal: control characters are shown as escapes,
// so that a message can neither split a line nor drive the terminal.
const printable = (text) => String(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

async function main(args) {
  let server = "http://127.0.0.1:8484";
  let token = process.env.LINT_ARTICLE_TOKEN;
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--server") server = args[++i];
    else if (args[i] === "--token") token = args[++i];
    else files.push(args[i]);
  }
  if (files.length === 0) {
    console.error("usage: node lint-article.mjs [--server URL] [--token TOKEN] FILE...");
    return 2;
  }
  let worst = 0;
  for (const file of files) {
    try {
      const report = await lintArticle(await readFile(file, "utf8"), { server, token, path: basename(file) });
      if (report.error) {
        console.error(`${printable(file)}: error: ${printable(report.error)}`);
        worst = 2;
        continue;
      }
      for (const f of report.findings) {
        console.log(`${printable(file)}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${printable(f.message)}`);
        if (f.severity === "error") worst = Math.max(worst, 1);
      }
    } catch (error) {
      console.error(`${printable(file)}: error: ${printable(error.message)}`);
      worst = 2;
    }
  }
  return worst;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
