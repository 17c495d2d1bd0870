import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { documentLinks } from "../src/features/links.js";
import { fixture } from "./support/fixture.js";
import { prefixesOf, repositoryFile } from "./support/prefixes.js";

const menus = new URL("../../../menus/", import.meta.url);

function linksOf(files: Record<string, string>, path: string) {
  const fx = fixture(files);
  return { fx, links: documentLinks(fx.snapshot(), fx.document(path)) };
}

describe("document links in an .ipxm file", () => {
  it("links each import's path to the imported file", () => {
    const { fx, links } = linksOf(
      {
        "/w/main.ipxm": 'import "[|./lib/linux.ipxm|]"\nimport "[|../w/tools.ipxm|]"\nconst x = 1',
        "/w/lib/linux.ipxm": "",
        "/w/tools.ipxm": "",
      },
      "/w/main.ipxm",
    );
    expect(links).toEqual([
      { range: fx.ranges("/w/main.ipxm")[0], target: fx.uri("/w/lib/linux.ipxm") },
      { range: fx.ranges("/w/main.ipxm")[1], target: fx.uri("/w/tools.ipxm") },
    ]);
  });

  it("does not link an import of a file that is not there", () => {
    const { links } = linksOf({ "/w/main.ipxm": 'import "./missing.ipxm"' }, "/w/main.ipxm");
    expect(links).toEqual([]);
  });

  it("links a string that is a plain http or https URL to that URL", () => {
    const { fx, links } = linksOf(
      {
        "/w/a.ipxm": [
          'setting mirror: url = "[|http://deb.debian.org/debian|]"',
          'entry e() { chain "[|https://boot.netboot.xyz/ipxe/netboot.xyz.efi|]" }',
        ].join("\n"),
      },
      "/w/a.ipxm",
    );
    const [mirror, chain] = fx.ranges("/w/a.ipxm");
    expect(links).toEqual([
      { range: mirror, target: "http://deb.debian.org/debian" },
      { range: chain, target: "https://boot.netboot.xyz/ipxe/netboot.xyz.efi" },
    ]);
  });

  it("does not link interpolated strings, other schemes, or text that is not only a URL", () => {
    const { links } = linksOf(
      {
        "/w/a.ipxm": [
          'setting mirror: url = "http://deb.debian.org"',
          'entry e() { chain "${mirror}/x" }',
          'entry f() { chain "http://${mirror}/x" }',
          'entry g() { chain "tftp://10.0.0.1/x" }',
          'menu m "see http://example.org for help" { item a "A" -> shell }',
        ].join("\n"),
      },
      "/w/a.ipxm",
    );
    expect(links.map((link) => link.target)).toEqual(["http://deb.debian.org"]);
  });

  it("links the imports and mirrors of the real menus", () => {
    const { fx, links } = linksOf(
      {
        "/w/main.ipxm": readFileSync(new URL("main.ipxm", menus), "utf8"),
        "/w/settings.ipxm": readFileSync(new URL("settings.ipxm", menus), "utf8"),
      },
      "/w/settings.ipxm",
    );
    expect(links.map((link) => link.target)).toContain("http://archive.ubuntu.com/ubuntu");
    const main = documentLinks(fx.snapshot(), fx.document("/w/main.ipxm"));
    expect(main.map((link) => link.target)).toEqual([fx.uri("/w/settings.ipxm")]);
  });
});

describe("document links in an iPXE script", () => {
  it("links plain http(s) URLs given to chain, kernel, initrd, imgfetch, sanboot, imgexec and module", () => {
    const { fx, links } = linksOf(
      {
        "/w/boot.ipxe": [
          "#!ipxe",
          "kernel [|http://h/vmlinuz|] console=ttyS0 ks=http://h/ks.cfg",
          "initrd --name initrd [|https://h/initrd.img|]",
          "module [|http://h/mod|]",
          "imgfetch [|http://h/img|]",
          "sanboot --no-describe [|http://h/x.iso|]",
          "imgexec [|http://h/a.efi|]",
          "chain --autofree [|https://boot.netboot.xyz|] || goto failed",
          "echo http://not.a.fetch/",
        ].join("\n"),
      },
      "/w/boot.ipxe",
    );
    const ranges = fx.ranges("/w/boot.ipxe");
    expect(links.map((link) => link.range)).toEqual(ranges);
    expect(links.map((link) => link.target)).toEqual([
      "http://h/vmlinuz",
      "https://h/initrd.img",
      "http://h/mod",
      "http://h/img",
      "http://h/x.iso",
      "http://h/a.efi",
      "https://boot.netboot.xyz",
    ]);
  });

  it("does not link a URL built from settings", () => {
    const { links } = linksOf(
      { "/w/a.ipxe": "#!ipxe\nchain http://${server}/x.ipxe\nkernel ${base}/vmlinuz\n" },
      "/w/a.ipxe",
    );
    expect(links).toEqual([]);
  });

  it("links a script that chain names beside this one to that file, and nothing for one that is not there", () => {
    const { fx, links } = linksOf(
      {
        "/w/boot.ipxe":
          "#!ipxe\nchain [|menu.ipxe|] || goto failed\nchain --autofree [|sub/tools.ipxe|]\nchain missing.ipxe\n",
        "/w/menu.ipxe": "#!ipxe\necho menu\n",
        "/w/sub/tools.ipxe": "#!ipxe\necho tools\n",
      },
      "/w/boot.ipxe",
    );
    const [menu, tools] = fx.ranges("/w/boot.ipxe");
    expect(links).toEqual([
      { range: menu, target: fx.uri("/w/menu.ipxe") },
      { range: tools, target: fx.uri("/w/sub/tools.ipxe") },
    ]);
  });
});

describe("document links of broken text", () => {
  it("answer for every prefix of a menu file and of a script", () => {
    const cases = [
      { path: "/w/settings.ipxm", text: repositoryFile("menus/settings.ipxm") },
      { path: "/w/boot.ipxe", text: "#!ipxe\nkernel http://h/vmlinuz\nchain menu.ipxe\n:x\nimgfetch https://h/i\n" },
    ];
    for (const { path, text } of cases) {
      for (const prefix of prefixesOf(path, text, 2, { "/w/menu.ipxe": "#!ipxe\n" })) {
        for (const link of documentLinks(prefix.snapshot, prefix.document)) expect(link.target).toBeTruthy();
      }
    }
  });
});
