import type { Diagnostic } from "vscode-languageserver";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DiagnosticsScheduler } from "../src/diagnostics/scheduler.js";
import { lintDocument } from "../src/features/diagnostics.js";
import { fixture } from "./support/fixture.js";

interface Published {
  readonly uri: string;
  readonly version: number | undefined;
  readonly diagnostics: Diagnostic[];
}

/** A diagnostic that says which version of which document it was made for. */
function made(uri: string, version: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: `${uri}@${version}`,
  };
}

/**
 * A scheduler over documents that only have versions: validating one records the call and returns a
 * diagnostic naming the version seen. `onValidate` runs in the middle of a validation, as a change
 * arriving between two documents of a run would.
 */
function setup(open: string[], delayMs = 100) {
  const versions = new Map(open.map((uri) => [uri, 1]));
  const validated: string[] = [];
  const published: Published[] = [];
  let onValidate: ((uri: string) => void) | undefined;
  const scheduler = new DiagnosticsScheduler({
    delayMs,
    validate: (uri) => {
      validated.push(uri);
      onValidate?.(uri);
      const version = versions.get(uri);
      return version === undefined ? undefined : [made(uri, version)];
    },
    publish: (uri, version, diagnostics) => published.push({ uri, version, diagnostics }),
    openDocuments: () => [...versions.keys()],
    documentVersion: (uri) => versions.get(uri),
  });
  const edit = (uri: string) => {
    versions.set(uri, (versions.get(uri) ?? 0) + 1);
    scheduler.documentChanged(uri);
  };
  const close = (uri: string) => {
    versions.delete(uri);
    scheduler.documentClosed(uri);
  };
  return {
    scheduler,
    validated,
    published,
    edit,
    close,
    whenValidating: (callback: (uri: string) => void) => (onValidate = callback),
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "clearImmediate"] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the diagnostics scheduler", () => {
  it("runs once after a burst of changes, when the delay has passed without another", async () => {
    const { validated, published, edit } = setup(["a"]);
    edit("a");
    await vi.advanceTimersByTimeAsync(60);
    edit("a");
    await vi.advanceTimersByTimeAsync(60);
    edit("a");
    await vi.advanceTimersByTimeAsync(99);
    expect(validated).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(validated).toEqual(["a"]);
    expect(published).toEqual([{ uri: "a", version: 4, diagnostics: [made("a", 4)] }]);
  });

  it("validates the changed document first, then every other open document", async () => {
    const { validated, published, edit } = setup(["a", "b", "c"]);
    edit("b");
    await vi.runAllTimersAsync();
    expect(validated).toEqual(["b", "a", "c"]);
    expect(published.map((p) => p.uri)).toEqual(["b", "a", "c"]);
  });

  it("stops a stale run when a change arrives between two documents, and validates the new version", async () => {
    const { validated, published, edit, whenValidating } = setup(["a", "b", "c"]);
    edit("a");
    whenValidating((uri) => {
      // While the run works on `b`, the user types in `a` again.
      if (uri === "b" && validated.length === 2) edit("a");
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(validated).toEqual(["a"]);
    // The run yields between documents; the change arrives while it works on `b`, and `c` is not validated.
    await vi.advanceTimersByTimeAsync(1);
    expect(validated).toEqual(["a", "b"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(validated).toEqual(["a", "b"]);
    await vi.runAllTimersAsync();
    expect(validated).toEqual(["a", "b", "a", "b", "c"]);
    // `c` was never validated for the stale run; `a` is published for each version it was validated at.
    expect(published.filter((p) => p.uri === "a").map((p) => p.version)).toEqual([2, 3]);
    expect(published.filter((p) => p.uri === "c")).toHaveLength(1);
  });

  it("lets a change in the middle of a run wait for the delay before validating again", async () => {
    const { validated, edit, whenValidating } = setup(["a", "b"]);
    edit("a");
    whenValidating((uri) => {
      if (uri === "a" && validated.length === 1) edit("b");
    });
    await vi.advanceTimersByTimeAsync(100);
    await vi.advanceTimersByTimeAsync(99);
    expect(validated).toEqual(["a"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(validated).toEqual(["a", "b"]);
    await vi.runAllTimersAsync();
    expect(validated).toEqual(["a", "b", "a"]);
  });

  it("does not push a document's diagnostics again when nothing in them changed", async () => {
    const { published, edit } = setup(["a", "b"]);
    edit("a");
    await vi.runAllTimersAsync();
    edit("a");
    await vi.runAllTimersAsync();
    expect(published.map((p) => `${p.uri}@${p.version}`)).toEqual(["a@2", "b@1", "a@3"]);
  });

  it("clears the diagnostics of a document when it closes", async () => {
    const { published, edit, close, validated } = setup(["a", "b"]);
    edit("a");
    edit("b");
    close("b");
    expect(published).toEqual([{ uri: "b", version: undefined, diagnostics: [] }]);
    await vi.runAllTimersAsync();
    expect(validated).toEqual(["a"]);
  });

  it("does nothing more once disposed", async () => {
    const { scheduler, validated, edit } = setup(["a"]);
    edit("a");
    scheduler.dispose();
    edit("a");
    await vi.runAllTimersAsync();
    expect(validated).toEqual([]);
  });

  it("validates every open document again when asked to", async () => {
    const { scheduler, validated } = setup(["a", "b"]);
    scheduler.revalidateAll();
    await vi.runAllTimersAsync();
    expect(validated).toEqual(["a", "b"]);
  });

  it("survives a validation that throws", async () => {
    const published: string[] = [];
    const scheduler = new DiagnosticsScheduler({
      delayMs: 10,
      validate: (uri) => {
        if (uri === "a") throw new Error("broken rule");
        return [];
      },
      publish: (uri) => published.push(uri),
      openDocuments: () => ["a", "b"],
    });
    scheduler.documentChanged("a");
    await vi.runAllTimersAsync();
    expect(published).toEqual(["b"]);
  });
});

describe("the diagnostics scheduler over a workspace", () => {
  it("refreshes a file that imports the changed one: creating the missing menu clears the unknown name", async () => {
    const fx = fixture({
      "/w/main.ipxm": 'import "./tools.ipxm"\nmenu main "Main" {\n  item t "Tools" -> menu tools\n}\n',
      "/w/tools.ipxm": 'menu toolbox "Tools" {\n  item back "Back" -> back\n}\n',
    });
    const latest = new Map<string, Diagnostic[]>();
    const scheduler = new DiagnosticsScheduler({
      delayMs: 150,
      validate: (uri) => {
        const snapshot = fx.workspace.snapshot();
        const document = snapshot.document(uri);
        return document && lintDocument(snapshot, document);
      },
      publish: (uri, _version, diagnostics) => latest.set(uri, diagnostics),
      openDocuments: () => [fx.uri("/w/main.ipxm"), fx.uri("/w/tools.ipxm")],
      documentVersion: (uri) => fx.workspace.openDocumentOf(uri)?.version,
    });
    const main = fx.uri("/w/main.ipxm");
    const tools = fx.uri("/w/tools.ipxm");
    scheduler.revalidateAll();
    await vi.runAllTimersAsync();
    expect(latest.get(main)?.map((d) => d.code)).toEqual(["unknown-name"]);

    fx.workspace.changeDocument(tools, 2, 'menu tools "Tools" {\n  item back "Back" -> back\n}\n');
    scheduler.documentChanged(tools);
    await vi.runAllTimersAsync();
    expect(latest.get(tools)).toEqual([]);
    expect(latest.get(main)).toEqual([]);
  });
});
