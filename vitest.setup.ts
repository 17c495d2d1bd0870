import fc from "fast-check";

// Property tests explore new random cases on every local run; CI replays one fixed sequence so that a
// landing never depends on luck. A failure prints its seed, which reproduces it anywhere.
if (process.env.CI) fc.configureGlobal({ seed: 20261125 });
