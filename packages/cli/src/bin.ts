#!/usr/bin/env node
import { main, reportCrash } from "./main.js";

// Errors thrown outside main's own try (a timer or a socket in `serve`) are bugs too: one line, exit 70.
process.on("uncaughtException", (error) => {
  process.exitCode = reportCrash(error);
  process.exit();
});
process.on("unhandledRejection", (reason) => {
  process.exitCode = reportCrash(reason);
  process.exit();
});

process.exitCode = await main(process.argv.slice(2));
