/** The harness's own pieces, which work without QEMU: keys, video memory, the wrapper, the stub server. */
import { describe, expect, it } from "vitest";
import { parseCommand, tokenizeScript } from "@ipxm/ipxe";
import {
  compareWithPreview,
  decodeVgaText,
  qcodesOf,
  redBackgroundRows,
  StubServer,
  wrapperScript,
} from "../src/index.js";
import { compileMenu } from "./support.js";

describe("key names", () => {
  it("map to QEMU qcodes, with modifiers held for shifted characters and combinations", () => {
    expect(qcodesOf("enter")).toEqual(["ret"]);
    expect(qcodesOf("down")).toEqual(["down"]);
    expect(qcodesOf("a")).toEqual(["a"]);
    expect(qcodesOf("A")).toEqual(["shift", "a"]);
    expect(qcodesOf("?")).toEqual(["shift", "slash"]);
    expect(qcodesOf("F8")).toEqual(["f8"]);
    expect(qcodesOf("ctrl+c")).toEqual(["ctrl", "c"]);
    expect(() => qcodesOf("hyper")).toThrow('unknown key "hyper"');
  });
});

describe("the text screen in video memory", () => {
  it("decodes code page 437 characters and keeps each cell's attribute", () => {
    const memory = new Uint8Array(4000);
    for (let cell = 0; cell < 2000; cell++) {
      memory[cell * 2] = 0x20;
      memory[cell * 2 + 1] = 0x17;
    }
    [..."Hi"].forEach((ch, x) => (memory[(80 + x) * 2] = ch.charCodeAt(0)));
    memory[(80 + 2) * 2] = 0xc4;
    memory[(80 + 1) * 2 + 1] = 0x4f;
    const screen = decodeVgaText(memory);
    expect(screen.rows[1]!.slice(0, 4)).toBe("Hi─ ");
    expect(screen.rows.every((row) => row.length === 80)).toBe(true);
    expect(redBackgroundRows(screen)).toEqual([1]);
  });
});

describe("the wrapper script", () => {
  it("configures the network, sets the presets, chains the script and reports how it ended", () => {
    const text = wrapperScript({
      baseUrl: "http://10.0.2.2:8000",
      scriptUrl: "http://10.0.2.2:8000/script/under-test.ipxe",
      presets: { mirror: "http://10.0.2.2:8000/stub" },
    });
    const lines = tokenizeScript(text).lines;
    for (const line of lines)
      for (const command of line.commands) {
        if (command.argv.length > 0)
          expect(
            parseCommand(
              command.argv.map((token) => token.text),
              { unexpanded: true },
            ).ok,
          ).toBe(true);
      }
    expect(text).toContain("set mirror http://10.0.2.2:8000/stub\n");
    expect(text).toContain("chain http://10.0.2.2:8000/script/under-test.ipxe && goto returned || goto failed\n");
    expect(text).toContain("/hit?result=failed&errno=${errno}");
  });

  it("refuses presets that are not single words", () => {
    expect(() => wrapperScript({ baseUrl: "b", scriptUrl: "s", presets: { x: "a b" } })).toThrow("single words");
  });
});

describe("the stub server", () => {
  it("serves scripts, answers callbacks and stand-in kernels, and logs every request", async () => {
    const server = await StubServer.start();
    try {
      expect(server.guestUrl).toBe(`http://10.0.2.2:${server.port}`);
      server.serve("menu.ipxe", "#!ipxe\necho hi\n");
      const get = async (path: string) => {
        const response = await fetch(`${server.hostUrl}${path}`);
        return { status: response.status, body: await response.text() };
      };
      expect(await get("/script/menu.ipxe")).toEqual({ status: 200, body: "#!ipxe\necho hi\n" });
      expect(await get("/hit?chosen=a")).toEqual({ status: 200, body: "#!ipxe\nreboot\n" });
      const stub = await get("/stub/ubuntu/vmlinuz");
      expect(stub.body).toBe(`#!ipxe\nimgstat\nchain ${server.guestUrl}/hit?stub=%2Fstub%2Fubuntu%2Fvmlinuz&hold=1\n`);
      expect((await get("/missing")).status).toBe(404);
      expect(server.requests.map((request) => [request.status, request.target])).toEqual([
        [200, "/script/menu.ipxe"],
        [200, "/hit?chosen=a"],
        [200, "/stub/ubuntu/vmlinuz"],
        [404, "/missing"],
      ]);
      expect(server.hits().map((query) => query.get("chosen"))).toEqual(["a"]);
      const later = server.waitForRequest((request) => request.path === "/late", 2000);
      await get("/late");
      expect((await later).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe("comparing a screen with the preview", () => {
  it("accepts the preview's own screen and names the rows that differ", () => {
    const script = compileMenu('menu main "Compare" {\n  item a "Alpha" -> exit\n}\n');
    const empty = compareWithPreview({ rows: [], attributes: [] }, script, { menu: "main" });
    expect(empty).toMatchObject({ ok: true, matched: false });
    if (!empty.ok) return;
    const own = { rows: [...empty.preview.rows], attributes: empty.preview.attributes.map((row) => [...row]) };
    expect(compareWithPreview(own, script, { menu: "main" })).toMatchObject({ ok: true, matched: true });
    own.rows[3] = "   Alfa".padEnd(80);
    const differs = compareWithPreview(own, script, { menu: "main" });
    expect(differs).toMatchObject({ ok: true, matched: false });
    if (differs.ok) expect(differs.difference).toContain("row 3:\n  real    |   Alfa");
  });
});
