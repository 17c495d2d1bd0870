import { describe, expect, it } from "vitest";
import { newArray, type Program } from "../src/index.js";
import { programOf } from "./helpers.js";

/**
 * What a program holds besides arrays, strings, numbers and booleans: each object with its path,
 * the name of its class (`Object` for a plain object) and its `kind`, if it has one.
 */
function objectsIn(program: Program): { path: string; className: string; kind?: string }[] {
  const found: { path: string; className: string; kind?: string }[] = [];
  const visit = (value: unknown, path: string): void => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      value.forEach((element, index) => visit(element, `${path}[${index}]`));
      return;
    }
    const kind = (value as { kind?: unknown }).kind;
    found.push({ path, className: value.constructor.name, ...(typeof kind === "string" ? { kind } : {}) });
    for (const [key, field] of Object.entries(value)) visit(field, `${path}.${key}`);
  };
  visit(program, "program");
  return found;
}

/** A program that uses every kind of row, step, condition and template part. */
const everything = [
  'setting mirror: url = "http://deb.debian.org"',
  'setting memdisk: url = "${mirror}/memdisk"',
  "setting answer: string",
  'menu main "Boot ${hostname}" {',
  "  default local after 10s",
  "  on escape -> menu tools",
  '  gap "Systems"',
  '  item "Debian" when platform == efi and set(answer) -> boot debian("12")',
  '  item "Not EFI" when not (platform == efi) or arch == x86_64 -> chain "${mirror}/other.ipxe"',
  "  gap",
  '  item local "Local disk" -> exit',
  '  item "Tools" -> menu tools',
  "}",
  'menu tools "Tools" {',
  '  item "ISO" -> sanboot "http://x/a.iso"',
  '  item "Disk" -> sanboot drive 0x80',
  '  item "Floppy" -> memdisk "http://x/b.img" as floppy',
  '  item "Shell" -> shell',
  '  item "Reboot" -> reboot',
  '  item "Back" -> back',
  "}",
  "entry debian(version: string) {",
  '  on failure "Debian ${version} failed: ${errno}"',
  '  prompt answer "Which?"',
  '  set answer = "yes"',
  '  kernel "${mirror}/debian/${version}/linux" args "quiet" "answer=${answer}"',
  '  initrd "${mirror}/debian/${version}/initrd.gz" as "initrd.gz"',
  '  when platform == efi { echo "EFI" } else { sleep 2s }',
  "  ipxe {",
  "    echo raw",
  "  }",
  "  boot",
  "}",
].join("\n");

describe("the objects of a program", () => {
  const objects = objectsIn(programOf(everything, { target: "ipxe-2-efi" }));

  it("are instances of the program's classes, never object literals", () => {
    expect(objects.filter((object) => object.className === "Object").map((object) => object.path)).toEqual([]);
  });

  it("include every kind of row, step, condition and template part (so the test above sees them all)", () => {
    const kinds = new Set(objects.flatMap((object) => (object.kind === undefined ? [] : [object.kind])));
    const expected = [
      ...["text", "setting"],
      ...["equals", "isset", "not", "and", "or"],
      ...["gap", "item"],
      ...["menu", "entry", "chain", "sanboot", "sanboot-drive", "memdisk", "shell", "exit", "reboot", "back"],
      ...["kernel", "initrd", "boot", "echo", "prompt", "set", "sleep", "when", "raw"],
    ];
    expect([...kinds].sort()).toEqual(expected.sort());
  });

  it("include the menus, the entry instance, the settings, raw lines and sources", () => {
    const classes = new Set(objects.map((object) => object.className));
    for (const name of ["Program", "ProgramMenu", "EntryInstance", "ProgramSetting", "RawLine", "SourceRef"])
      expect(classes).toContain(name);
  });
});

describe("newArray", () => {
  it("makes a new empty array at each call", () => {
    const first = newArray<number>();
    first.push(1);
    expect(first).toEqual([1]);
    expect(newArray<number>()).toEqual([]);
    expect(newArray()).not.toBe(newArray());
  });
});
