import { describe, expect, it } from "vitest";
import type { MenuRow, Program, ProgramStatement } from "../src/index.js";
import { build, checkBuild, programOf, rangeOf } from "./helpers.js";

const itemRows = (program: Program, menu = 0) =>
  program.menus[menu]!.rows.filter((row): row is Extract<MenuRow, { kind: "item" }> => row.kind === "item");
const withoutSources = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, v) => (key === "source" ? undefined : v)));

describe("entry instances", () => {
  it("are made once per distinct argument list, in the order first reached", () => {
    const program = programOf(
      'menu main "M" {\n  item "a" -> boot e("x")\n  item "b" -> boot e("y")\n  item "c" -> boot e("x")\n  item "d" -> boot f()\n}\nentry e(v: string) { echo "${v}" }\nentry f() { exit }\n',
    );
    expect(program.entries.map((entry) => [entry.label, entry.entry])).toEqual([
      ["e", "e"],
      ["e.y", "e"],
      ["f", "f"],
    ]);
    expect(itemRows(program).map((row) => row.action)).toEqual([
      expect.objectContaining({ kind: "entry", instance: "e" }),
      expect.objectContaining({ kind: "entry", instance: "e.y" }),
      expect.objectContaining({ kind: "entry", instance: "e" }),
      expect.objectContaining({ kind: "entry", instance: "f" }),
    ]);
  });

  it("treat a left-out argument and its default as the same call", () => {
    const program = programOf(
      'menu main "M" {\n  item "a" -> boot e("x")\n  item "b" -> boot e("x", 64)\n}\nentry e(v: string, bits: int = 64) { echo "${v} ${bits}" }\n',
    );
    expect(program.entries.map((entry) => entry.label)).toEqual(["e"]);
    expect(withoutSources(program.entries[0]!.body)).toEqual([
      { kind: "echo", text: [{ kind: "text", value: "x 64" }] },
    ]);
  });

  it("are labelled by short plain arguments, else numbered", () => {
    const program = programOf(
      [
        'menu main "M" {',
        '  item "1" -> boot e("first")',
        '  item "2" -> boot e("12", 3)',
        '  item "3" -> boot e("has space")',
        '  item "4" -> boot e("a-very-long-argument-text-beyond-24")',
        '  item "5" -> boot e("${mac}")',
        "}",
        'entry e(v: string, n: int = 1) { echo "${v} ${n}" }',
      ].join("\n"),
    );
    expect(program.entries.map((entry) => entry.label)).toEqual(["e", "e.12.3", "e.3", "e.4", "e.5"]);
  });

  it("are labelled the same way on every run", () => {
    const text =
      'const vs = ["a", "b", "c d"]\nmenu main "M" { for v in vs { item "${v}" -> boot e(v) } }\nentry e(v: string) { echo "${v}" }\n';
    const labels = () => programOf(text).entries.map((entry) => entry.label);
    expect(labels()).toEqual(["e", "e.b", "e.3"]);
    expect(labels()).toEqual(labels());
  });

  it("may take run-time arguments: the instance's body reads the setting", () => {
    const program = programOf(
      'setting mirror: url = "http://deb.debian.org"\nsetting release: string\nmenu main "M" { item "x" -> boot install(mirror, release) }\nentry install(base: url, version: string) {\n  prompt release "Version?"\n  kernel "${base}/dists/${version}/linux"\n  boot\n}\n',
    );
    expect(withoutSources(program.entries[0]!.body)).toEqual([
      { kind: "prompt", setting: "release", question: [{ kind: "text", value: "Version?" }] },
      {
        kind: "kernel",
        url: [
          { kind: "setting", reference: "mirror" },
          { kind: "text", value: "/dists/" },
          { kind: "setting", reference: "release" },
          { kind: "text", value: "/linux" },
        ],
        args: [],
      },
      { kind: "boot" },
    ]);
    expect(program.settings.map((setting) => setting.name)).toEqual(["mirror", "release"]);
  });

  it("fold `when` on their arguments and keep `when` on settings", () => {
    const program = programOf(
      'menu main "M" {\n  item "a" -> boot e("12")\n  item "b" -> boot e("13")\n}\nentry e(v: string) {\n  when v == "12" { echo "old" } else { echo "new" }\n  when platform == efi { exit 1 } else { exit 2 }\n}\n',
    );
    const bodies = program.entries.map((entry) => withoutSources(entry.body));
    const branch = {
      kind: "when",
      condition: {
        kind: "equals",
        left: [{ kind: "setting", reference: "platform" }],
        right: [{ kind: "text", value: "efi" }],
      },
      then: [{ kind: "exit", status: 1 }],
      else: [{ kind: "exit", status: 2 }],
    };
    expect(bodies).toEqual([
      [{ kind: "echo", text: [{ kind: "text", value: "old" }] }, branch],
      [{ kind: "echo", text: [{ kind: "text", value: "new" }] }, branch],
    ]);
  });

  it("expand `for` and `if` in their bodies", () => {
    const program = programOf(
      'const args = ["quiet", "splash"]\nconst debug = false\nmenu main "M" { item "x" -> boot e() }\nentry e() {\n  for a in args { echo "${a}" }\n  if debug { echo "debug" } else { sleep 1500ms }\n}\n',
    );
    expect(withoutSources(program.entries[0]!.body)).toEqual([
      { kind: "echo", text: [{ kind: "text", value: "quiet" }] },
      { kind: "echo", text: [{ kind: "text", value: "splash" }] },
      { kind: "sleep", seconds: 2 },
    ]);
  });

  it("report `if` on a parameter that was given a run-time value", () => {
    const text = 'setting flag: bool\nmenu main "M" { item "x" -> boot e(flag) }\nentry e(b: bool) { if b { exit } }\n';
    expect(checkBuild(text)).toEqual([
      expect.objectContaining({
        code: "not-compile-time",
        at: "b",
        message: expect.stringContaining("use `when` to test it at run time"),
      }),
    ]);
  });

  it("may boot themselves: the same arguments make the same instance", () => {
    const program = programOf(
      'menu main "M" { item "x" -> boot retry("a") }\nentry retry(v: string) { echo "${v}"\nboot retry(v) }\n',
    );
    expect(program.entries.map((entry) => entry.label)).toEqual(["retry"]);
    expect(program.entries[0]!.body[1]).toMatchObject({ kind: "entry", instance: "retry" });
  });

  it("stop with elaboration-limit when recursion makes ever new arguments", () => {
    const text = 'menu main "M" { item "x" -> boot grow("a") }\nentry grow(v: string) { boot grow("${v}a") }\n';
    const result = build(text, { maxEntryInstances: 50 });
    expect(result.program).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, text.slice(d.range.start, d.range.end)])).toEqual([
      ["elaboration-limit", 'boot grow("${v}a")'],
    ]);
  });
});

describe("failure messages", () => {
  it("default to `<entry> failed`", () => {
    const program = programOf('menu main "M" { item "x" -> boot debian() }\nentry debian() { chain "http://x/y" }\n');
    expect(program.entries[0]!.failureMessage).toEqual([{ kind: "text", value: "debian failed" }]);
  });

  it("are what `on failure` says, with its interpolations", () => {
    const program = programOf(
      'menu main "M" { item "x" -> boot debian("12") }\nentry debian(v: string) {\n  on failure "Could not start Debian ${v}: error ${errno}"\n  chain "http://x/y"\n}\n',
    );
    expect(program.entries[0]!.failureMessage).toEqual([
      { kind: "text", value: "Could not start Debian 12: error " },
      { kind: "setting", reference: "errno" },
    ]);
    expect(program.entries[0]!.body.map((statement) => statement.kind)).toEqual(["chain"]);
  });

  it("are given once per entry", () => {
    const text = 'menu main "M" { item "x" -> boot e() }\nentry e() { on failure "a"\non failure "b" }\n';
    expect(checkBuild(text).map((d) => [d.code, d.at])).toEqual([["duplicate-declaration", 'on failure "b"']]);
  });

  it("cannot depend on a run-time condition", () => {
    const text = 'menu main "M" { item "x" -> boot e() }\nentry e() { when platform == efi { on failure "x" } }\n';
    expect(checkBuild(text).map((d) => [d.code, d.at])).toEqual([["not-compile-time", 'on failure "x"']]);
  });
});

describe("statements", () => {
  it("become program statements with their sources", () => {
    const text =
      'setting memdisk: url = "http://x/memdisk"\nsetting answer: string\nmenu main "M" { item "x" -> boot e() }\nentry e() {\n  kernel "http://x/k" args "a=1" "b"\n  initrd "http://x/i" as "initrd.magic"\n  boot\n  echo "hi"\n  set answer = "42"\n  sleep 3s\n  sanboot drive 0x80\n  sanboot "http://x/a.iso"\n  memdisk "http://x/b.iso"\n  shell\n  reboot\n  back\n  exit 3\n  ipxe {\n    echo raw\n      isset ${x} || goto y\n  }\n}\n';
    const program = programOf(text);
    const body = program.entries[0]!.body as ProgramStatement[];
    expect(withoutSources(body)).toEqual([
      {
        kind: "kernel",
        url: [{ kind: "text", value: "http://x/k" }],
        args: [[{ kind: "text", value: "a=1" }], [{ kind: "text", value: "b" }]],
      },
      { kind: "initrd", url: [{ kind: "text", value: "http://x/i" }], name: [{ kind: "text", value: "initrd.magic" }] },
      { kind: "boot" },
      { kind: "echo", text: [{ kind: "text", value: "hi" }] },
      { kind: "set", setting: "answer", value: [{ kind: "text", value: "42" }] },
      { kind: "sleep", seconds: 3 },
      { kind: "sanboot-drive", drive: 128 },
      { kind: "sanboot", url: [{ kind: "text", value: "http://x/a.iso" }] },
      {
        kind: "memdisk",
        url: [{ kind: "text", value: "http://x/b.iso" }],
        loader: [{ kind: "setting", reference: "memdisk" }],
        mode: "iso",
      },
      { kind: "shell" },
      { kind: "reboot" },
      { kind: "back" },
      { kind: "exit", status: 3 },
      { kind: "raw", lines: [{ text: "echo raw" }, { text: "isset ${x} || goto y" }] },
    ]);
    expect(body[0]!.source).toEqual({ file: "main.ipxm", ...rangeOf(text, 'kernel "http://x/k" args "a=1" "b"') });
    const raw = body[13] as Extract<ProgramStatement, { kind: "raw" }>;
    expect(raw.lines[1]!.source).toEqual({ file: "main.ipxm", ...rangeOf(text, "isset ${x} || goto y") });
    expect(program.settings.map((setting) => setting.name)).toEqual(["memdisk", "answer"]);
  });
});

describe("version pickers", () => {
  const text = [
    "const debian = [",
    '  { version: "13", codename: "trixie" },',
    '  { version: "12", codename: "bookworm" },',
    '  { version: "11", codename: "bullseye" },',
    "]",
    'setting mirror: url = "http://deb.debian.org/debian"',
    'menu main "Debian" {',
    "  default debian-12-bookworm after 30s",
    "  for d in debian {",
    '    item "Debian ${d.version} (${d.codename})" -> boot install(d.version, d.codename)',
    "  }",
    '  item back "Back" key b -> back',
    "}",
    "entry install(version: string, codename: string) {",
    '  on failure "Debian ${version} did not start"',
    '  kernel "${mirror}/dists/${codename}/main/installer-amd64/current/images/netboot/debian-installer/amd64/linux"',
    '  initrd "${mirror}/dists/${codename}/main/installer-amd64/current/images/netboot/debian-installer/amd64/initrd.gz"',
    "  boot",
    "}",
  ].join("\n");

  it("make one item per record, with ids from the text", () => {
    const program = programOf(text);
    expect(itemRows(program).map((row) => [row.id, row.text])).toEqual([
      ["debian-13-trixie", [{ kind: "text", value: "Debian 13 (trixie)" }]],
      ["debian-12-bookworm", [{ kind: "text", value: "Debian 12 (bookworm)" }]],
      ["debian-11-bullseye", [{ kind: "text", value: "Debian 11 (bullseye)" }]],
      ["back", [{ kind: "text", value: "Back" }]],
    ]);
    expect(program.menus[0]!.defaultItem).toBe("debian-12-bookworm");
    expect(program.menus[0]!.timeoutMs).toBe(30_000);
  });

  it("make one entry instance per record, with stable labels", () => {
    const program = programOf(text);
    expect(program.entries.map((entry) => entry.label)).toEqual([
      "install",
      "install.12.bookworm",
      "install.11.bullseye",
    ]);
    expect(
      itemRows(program).map((row) => (row.action.kind === "entry" ? row.action.instance : row.action.kind)),
    ).toEqual(["install", "install.12.bookworm", "install.11.bullseye", "back"]);
    expect(program.entries[1]!.failureMessage).toEqual([{ kind: "text", value: "Debian 12 did not start" }]);
    expect(program.entries[1]!.body[0]).toMatchObject({
      kind: "kernel",
      url: [
        { kind: "setting", reference: "mirror" },
        {
          kind: "text",
          value: "/dists/bookworm/main/installer-amd64/current/images/netboot/debian-installer/amd64/linux",
        },
      ],
    });
  });

  it("point each row at the line that made it", () => {
    const program = programOf(text);
    const line = '"Debian ${d.version} (${d.codename})" -> boot install(d.version, d.codename)';
    expect(itemRows(program)[0]!.source).toMatchObject({
      start: rangeOf(text, line).start - "item ".length,
      end: rangeOf(text, line).end,
    });
  });

  it("report a field missing from one record once, where it is read", () => {
    const missing =
      'const rs = [{ v: "1", n: "a" }, { v: "2" }, { v: "3" }]\nmenu main "M" { for r in rs { item "${r.v} ${r.n}" -> exit } }\n';
    expect(checkBuild(missing)).toEqual([
      { code: "unknown-field", file: "main.ipxm", at: "n", message: 'a record here has no field "n" (its fields: v)' },
    ]);
  });
});

describe("url checks that need values", () => {
  it("report a constant that is not a url where a url belongs", () => {
    const text =
      'const base = "deb.debian.org"\nmenu main "M" { item "x" -> boot e() }\nentry e() { kernel "${base}/linux" }\n';
    expect(checkBuild(text)).toEqual([
      expect.objectContaining({
        code: "invalid-url",
        at: '"${base}/linux"',
        message: expect.stringContaining('"deb.debian.org/linux" is not a url'),
      }),
    ]);
  });

  it("accept a parameter given a url setting", () => {
    expect(
      checkBuild(
        'setting mirror: url\nmenu main "M" { item "x" -> boot e("${mirror}/x") }\nentry e(base: string) { chain "${base}/boot" }\n',
      ),
    ).toEqual([]);
  });
});

describe("memdisk", () => {
  it("loads the loader from the memdisk setting", () => {
    const program = programOf(
      'setting memdisk: url = "http://boot/memdisk"\nmenu main "M" { item "x" -> memdisk "http://boot/dos.img" }\n',
    );
    expect(itemRows(program)[0]!.action).toMatchObject({
      kind: "memdisk",
      loader: [{ kind: "setting", reference: "memdisk" }],
    });
    expect(program.settings).toEqual([
      {
        name: "memdisk",
        type: "url",
        defaultValue: [{ kind: "text", value: "http://boot/memdisk" }],
        source: { file: "main.ipxm", start: 8, end: 15 },
      },
    ]);
  });
  it("loads the image as a CD (iso) unless `as` names another disk", () => {
    const modes = programOf(
      'setting memdisk: url = "http://boot/memdisk"\nmenu main "M" {\n' +
        '  item a "A" -> memdisk "http://boot/a.iso"\n' +
        '  item b "B" -> memdisk "http://boot/b.iso" as iso\n' +
        '  item c "C" -> memdisk "http://boot/c.img" as harddisk\n' +
        '  item d "D" -> memdisk "http://boot/d.img" as floppy\n}\n',
    );
    expect(itemRows(modes).map((row) => row.action)).toMatchObject([
      { kind: "memdisk", mode: "iso" },
      { kind: "memdisk", mode: "iso" },
      { kind: "memdisk", mode: "harddisk" },
      { kind: "memdisk", mode: "floppy" },
    ]);
  });

  it("makes no program for a mode memdisk does not have", () => {
    const result = build(
      'setting memdisk: url = "http://boot/memdisk"\nmenu main "M" { item "x" -> memdisk "http://boot/a.img" as tape }\n',
    );
    expect(result.program).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain("unknown-memdisk-mode");
  });
});
