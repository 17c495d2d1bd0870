import { describe, expect, it } from "vitest";
import type {
  BootAction,
  DefaultNode,
  EscapeNode,
  ForNode,
  GapNode,
  IfNode,
  ItemNode,
  MemdiskAction,
  MenuMember,
  SanbootAction,
  WhenNode,
} from "../src/ast.js";
import { menuMembers, onlyMember, slice } from "./parse-helpers.js";

function onlyItem(body: string): { text: string; item: ItemNode } {
  const { text, member } = onlyMember(body);
  expect(member.kind).toBe("Item");
  return { text, item: member as ItemNode };
}

describe("menu members", () => {
  describe("item", () => {
    it("parses an item with an id, text and action", () => {
      const { text, item } = onlyItem('item linux "Linux installers" -> menu linux');
      expect(item).toMatchObject({
        kind: "Item",
        id: { name: "linux" },
        text: { kind: "String", parts: [{ value: "Linux installers" }] },
        action: { kind: "OpenMenu", menu: { name: "linux" } },
      });
      expect(slice(text, item)).toBe('item linux "Linux installers" -> menu linux');
      expect(slice(text, item.id!)).toBe("linux");
      expect(slice(text, item.action)).toBe("menu linux");
    });

    it("parses an item without an id", () => {
      const { item } = onlyItem('item "Debian 12" -> boot debian("12")');
      expect(item.id).toBeUndefined();
      expect(item.text.kind).toBe("String");
    });

    it("reads a lone name after item as the text, not the id", () => {
      const { item } = onlyItem("item title -> shell");
      expect(item.id).toBeUndefined();
      expect(item.text).toMatchObject({ kind: "Name", name: { name: "title" } });
    });

    it("reads a name followed by key or when as the text", () => {
      expect(onlyItem("item title key t -> shell").item).toMatchObject({ text: { kind: "Name" }, key: { value: "t" } });
      expect(onlyItem("item title when on_efi -> shell").item).toMatchObject({
        text: { kind: "Name" },
        condition: { kind: "Name" },
      });
      expect(onlyItem("item title key t -> shell").item.id).toBeUndefined();
    });

    it("parses hotkeys written as a letter, a digit, a string and a function key", () => {
      const cases: Array<[string, string, string]> = [
        ["key l", "l", "key l"],
        ["key 1", "1", "key 1"],
        ['key "?"', "?", 'key "?"'],
        ["key F5", "F5", "key F5"],
      ];
      for (const [written, value, range] of cases) {
        const { text, item } = onlyItem(`item x "X" ${written} -> shell`);
        expect(item.key).toMatchObject({ kind: "Key", value });
        expect(slice(text, item.key!)).toBe(range);
      }
    });

    it("accepts a keyword as a hotkey", () => {
      expect(onlyItem('item x "X" key in -> shell').item.key?.value).toBe("in");
    });

    it("parses a runtime condition on an item", () => {
      const { text, item } = onlyItem('item efi "EFI shell" key e when platform == efi -> shell');
      expect(item.condition).toMatchObject({ kind: "Binary", operator: "==" });
      expect(slice(text, item.condition!)).toBe("platform == efi");
      expect(item.key?.value).toBe("e");
    });

    it("parses keywords as item ids and action targets", () => {
      const { text, item } = onlyItem('item boot "Boot" -> boot boot()');
      expect(item.id?.name).toBe("boot");
      expect(item.action).toMatchObject({ kind: "BootEntry", entry: { name: "boot" }, args: [] });
      expect(slice(text, item.action)).toBe("boot boot()");
    });

    it("parses item default as an item whose id is default", () => {
      const { item } = onlyItem('item default "x" -> exit');
      expect(item.id?.name).toBe("default");
      expect(item.action.kind).toBe("Exit");
    });
  });

  describe("actions", () => {
    function actionOf(action: string) {
      const { text, item } = onlyItem(`item x "X" -> ${action}`);
      expect(slice(text, item.action)).toBe(action);
      return item.action;
    }

    it("parses menu NAME", () => {
      expect(actionOf("menu tools")).toMatchObject({ kind: "OpenMenu", menu: { name: "tools" } });
    });

    it("parses boot NAME(ARGS) with arguments in order", () => {
      const action = actionOf('boot debian("12", codename)') as BootAction;
      expect(action).toMatchObject({ kind: "BootEntry", entry: { name: "debian" } });
      expect(action.args.map((arg) => arg.kind)).toEqual(["String", "Name"]);
    });

    it("parses chain, sanboot and memdisk with a url", () => {
      expect(actionOf('chain "http://x/menu.ipxe"')).toMatchObject({ kind: "Chain", url: { kind: "String" } });
      expect(actionOf('sanboot "http://x/a.iso"')).toMatchObject({ kind: "Sanboot", url: { kind: "String" } });
      expect((actionOf('sanboot "http://x/a.iso"') as SanbootAction).drive).toBeUndefined();
      expect(actionOf('memdisk "http://x/a.iso"')).toMatchObject({ kind: "Memdisk", url: { kind: "String" } });
    });

    it("parses memdisk URL as MODE, and no mode without `as`", () => {
      const action = actionOf('memdisk "http://x/mfsbsd.img" as harddisk') as MemdiskAction;
      expect(action).toMatchObject({ kind: "Memdisk", url: { kind: "String" }, mode: { name: "harddisk" } });
      expect((actionOf('memdisk "http://x/a.iso"') as MemdiskAction).mode).toBeUndefined();
    });

    it("takes any name as the memdisk mode, keywords included, for the checker to judge", () => {
      expect(actionOf('memdisk "http://x/a.img" as floppy')).toMatchObject({ mode: { name: "floppy" } });
      expect(actionOf('memdisk "http://x/a.img" as drive')).toMatchObject({ mode: { name: "drive" } });
    });

    it("parses sanboot drive N", () => {
      const action = actionOf("sanboot drive 0x80") as SanbootAction;
      expect(action).toMatchObject({ kind: "Sanboot", drive: { kind: "Int", value: 128, text: "0x80" } });
      expect(action.url).toBeUndefined();
    });

    it("parses shell, reboot, back and exit with and without a status", () => {
      expect(actionOf("shell")).toEqual({ kind: "Shell", start: expect.any(Number), end: expect.any(Number) });
      expect(actionOf("reboot").kind).toBe("Reboot");
      expect(actionOf("back").kind).toBe("Back");
      expect(actionOf("exit")).toEqual({ kind: "Exit", start: expect.any(Number), end: expect.any(Number) });
      expect(actionOf("exit 1")).toMatchObject({ kind: "Exit", status: { kind: "Int", value: 1 } });
    });

    it("does not take the next member as the status of exit", () => {
      const { members } = menuMembers('item a "A" -> exit\nitem b "B" -> exit\ngap');
      expect(members.map((member) => member.kind)).toEqual(["Item", "Item", "Gap"]);
      expect((members[0] as ItemNode).action).toEqual({
        kind: "Exit",
        start: expect.any(Number),
        end: expect.any(Number),
      });
    });
  });

  describe("gap", () => {
    it("parses a gap with and without text", () => {
      const { text, members } = menuMembers('gap\ngap "Operating systems"\ngap');
      expect(members.map((member) => member.kind)).toEqual(["Gap", "Gap", "Gap"]);
      expect((members[0] as GapNode).text).toBeUndefined();
      expect((members[1] as GapNode).text?.kind).toBe("String");
      expect(members.map((member) => slice(text, member))).toEqual(["gap", 'gap "Operating systems"', "gap"]);
    });

    it("takes a constant's name as the text of a gap", () => {
      expect((onlyMember("gap section").member as GapNode).text).toMatchObject({ kind: "Name" });
    });
  });

  describe("default and escape", () => {
    it("parses default with and without a countdown", () => {
      const { text, members } = menuMembers("default local\ndefault local after 5m");
      const [plain, timed] = members as DefaultNode[];
      expect(plain).toMatchObject({ kind: "Default", item: { name: "local" } });
      expect(plain!.timeout).toBeUndefined();
      expect(timed).toMatchObject({
        kind: "Default",
        item: { name: "local" },
        timeout: { kind: "Duration", amount: 5 },
      });
      expect(slice(text, timed!)).toBe("default local after 5m");
    });

    it("parses on escape -> ACTION", () => {
      const { text, member } = onlyMember("on escape -> menu main");
      const escape = member as EscapeNode;
      expect(escape).toMatchObject({ kind: "Escape", action: { kind: "OpenMenu" } });
      expect(slice(text, escape)).toBe("on escape -> menu main");
    });
  });

  describe("blocks", () => {
    it("parses for NAME in EXPR { members }", () => {
      const body = 'for r in releases {\n  item "Ubuntu ${r.version}" -> boot ubuntu(r.version)\n}';
      const { text, member } = onlyMember(body);
      const loop = member as ForNode<MenuMember>;
      expect(loop).toMatchObject({ kind: "For", variable: { name: "r" }, iterable: { kind: "Name" } });
      expect(loop.body.map((inner) => inner.kind)).toEqual(["Item"]);
      expect(slice(text, loop)).toBe(body);
    });

    it("parses if with else", () => {
      const body = 'if show_daily { item daily "Daily" -> back } else { gap }';
      const { text, member } = onlyMember(body);
      const branch = member as IfNode<MenuMember>;
      expect(branch.kind).toBe("If");
      expect(branch.then.map((inner) => inner.kind)).toEqual(["Item"]);
      expect(branch.else?.map((inner) => inner.kind)).toEqual(["Gap"]);
      expect(slice(text, branch)).toBe(body);
    });

    it("represents else if as an else holding one If", () => {
      const body = "if a { gap } else if b { gap gap } else { }";
      const { text, member } = onlyMember(body);
      const branch = member as IfNode<MenuMember>;
      expect(branch.else).toHaveLength(1);
      const nested = branch.else![0] as IfNode<MenuMember>;
      expect(nested).toMatchObject({ kind: "If", condition: { kind: "Name", name: { name: "b" } } });
      expect(nested.then).toHaveLength(2);
      expect(nested.else).toEqual([]);
      expect(slice(text, nested)).toBe("if b { gap gap } else { }");
    });

    it("parses if without else", () => {
      const branch = onlyMember("if a { gap }").member as IfNode<MenuMember>;
      expect(branch.else).toBeUndefined();
    });

    it("parses when blocks with and without else", () => {
      const body = 'when platform == efi { item e "E" -> shell } else { item b "B" -> shell }';
      const { text, member } = onlyMember(body);
      const branch = member as WhenNode<MenuMember>;
      expect(branch).toMatchObject({ kind: "When", condition: { kind: "Binary" } });
      expect(branch.then).toHaveLength(1);
      expect(branch.else).toHaveLength(1);
      expect(slice(text, branch)).toBe(body);
      expect((onlyMember("when c { gap }").member as WhenNode<MenuMember>).else).toBeUndefined();
    });
  });

  it("keeps members of different kinds in source order", () => {
    const { members } = menuMembers(
      [
        "default local after 5m",
        "on escape -> exit",
        'gap "Operating systems"',
        'item linux "Linux" key l -> menu linux',
        "gap",
        "for r in rs { gap }",
        'item local "Local" -> boot local_disk()',
        "when c { gap }",
        "if d { gap }",
        'item shell "Shell" key s -> shell',
      ].join("\n"),
    );
    expect(members.map((member) => member.kind)).toEqual([
      "Default",
      "Escape",
      "Gap",
      "Item",
      "Gap",
      "For",
      "Item",
      "When",
      "If",
      "Item",
    ]);
  });
});
