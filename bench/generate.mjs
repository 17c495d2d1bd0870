/**
 * Deterministic synthetic ipxm sites for the benchmark. `generateSite(scale, seed)` returns a map
 * from relative path to text: about 250 kB of `.ipxm` per unit of scale, spread over many files
 * that import each other, with menus, items, hotkeys, gaps, constant data expanded by `for`,
 * settings, and entries with kernel/initrd/when. The entry points are `main.ipxm` and one
 * `groups/gN.ipxm` per 16 sections (a group script stays well under elaboration's cap of 10 000
 * entry instances per program). Every program is valid and compiles clean.
 */

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same site on every machine. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = [
  "alpine",
  "arch",
  "bodhi",
  "centos",
  "debian",
  "devuan",
  "elementary",
  "fedora",
  "gentoo",
  "kali",
  "mageia",
  "mint",
  "nixos",
  "opensuse",
  "oracle",
  "parrot",
  "pop",
  "rocky",
  "slackware",
  "solus",
  "tails",
  "ubuntu",
  "void",
  "zorin",
  "alma",
  "clear",
  "endless",
  "flatcar",
  "photon",
  "qubes",
];
const codenames = [
  "aurora",
  "borealis",
  "cascade",
  "delta",
  "ember",
  "fjord",
  "glacier",
  "harbor",
  "island",
  "juniper",
  "kestrel",
  "lagoon",
  "meadow",
  "nebula",
  "orchid",
  "prairie",
  "quartz",
  "river",
  "summit",
  "tundra",
];
const keys = "acdefghijklmnopqrtuvwxyz0123456789";

/** Sections per unit of scale; tuned so one unit is about 250 kB. */
export const sectionsPerUnit = 93;
const sectionsPerGroup = 16;

export function generateSite(scale, seed = 20240101) {
  const next = random(seed + scale);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const files = new Map();
  const sectionCount = sectionsPerUnit * scale;
  const groupCount = Math.ceil(sectionCount / sectionsPerGroup);

  files.set(
    "common.ipxm",
    [
      "// Settings and data every script shares.",
      'setting site: url = "http://boot.example.org"',
      'setting mirror: url = "http://mirror.example.org/pub"',
      'setting tools: url = "http://tools.example.org"',
      "setting answer: string",
      'const site_name = "bench.example.org"',
      "const menu_timeout: duration = 30s",
      "",
    ].join("\n"),
  );

  // Like netboot.xyz, the site is several scripts that chain each other: main.ipxe and one script per
  // group of sections, each an entry point of its own (no file imports a group).
  const main = ["// The first script: one item per group, each group a script of its own.", 'import "./common.ipxm"'];
  main.push("", 'menu main "${site_name}" {', "  default local after menu_timeout", '  gap "Sections"');
  for (let g = 0; g < groupCount; g++) main.push(`  item g${g} "Group ${g}" -> chain "\${site}/groups/g${g}.ipxe"`);
  main.push(
    "  gap",
    '  item local "Boot from local disk" key l -> boot local_disk()',
    '  item shell "iPXE shell" key s -> shell',
    '  item reboot "Reboot" key r -> reboot',
    "}",
    "",
    "entry local_disk() {",
    '  on failure "Could not boot the local disk"',
    "  when platform == pcbios { sanboot drive 0x80 } else { exit 1 }",
    "}",
    "",
  );
  files.set("main.ipxm", main.join("\n"));

  for (let g = 0; g < groupCount; g++) {
    const first = g * sectionsPerGroup;
    const last = Math.min(sectionCount, first + sectionsPerGroup);
    const lines = [
      `// Group ${g}: sections ${first} to ${last - 1}, compiled to groups/g${g}.ipxe.`,
      'import "../common.ipxm"',
    ];
    for (let s = first; s < last; s++) lines.push(`import "../sections/s${s}.ipxm"`);
    lines.push("", `menu main "Group ${g}" {`, '  on escape -> chain "${site}/main.ipxe"');
    for (let s = first; s < last; s++) lines.push(`  item s${s} "${pick(words)} section ${s}" -> menu s${s}`);
    lines.push('  item top "Main menu" key m -> chain "${site}/main.ipxe"', "}", "");
    files.set(`groups/g${g}.ipxm`, lines.join("\n"));
  }

  for (let s = 0; s < sectionCount; s++) {
    const distro = pick(words);
    // Real menus list a handful of releases per distribution (menus/ubuntu.ipxm has four).
    const releases = 4 + Math.floor(next() * 9);
    const data = [`// Releases of ${distro} (section ${s}).`, `const s${s}_releases = [`];
    const seen = new Set();
    for (let r = 0; r < releases; r++) {
      let version;
      do version = `${10 + Math.floor(next() * 20)}.${Math.floor(next() * 12)}`;
      while (seen.has(version));
      seen.add(version);
      const point = `${version}.${Math.floor(next() * 6)}`;
      const tag = Math.floor(next() * 0xffffffff)
        .toString(16)
        .padStart(8, "0");
      data.push(
        `  { version: "${version}", name: "${pick(codenames)}", point: "${point}", tag: "${point}-${tag}", lts: ${next() < 0.3} },`,
      );
    }
    data.push("]", `const s${s}_daily = ${next() < 0.5}`, "");
    files.set(`data/s${s}.ipxm`, data.join("\n"));

    const hotkeys = shuffle([...keys], next);
    const menu = [
      `// Section ${s}: ${distro}.`,
      'import "../common.ipxm"',
      `import "../data/s${s}.ipxm"`,
      "",
      `menu s${s} "${distro} (${"${site_name}"})" {`,
      `  default back after 5m`,
      `  gap "${distro} releases"`,
      `  for r in s${s}_releases {`,
      `    item "${distro} \${r.version} (\${r.name})" -> boot s${s}_install(r.version, r.name, r.tag)`,
      "  }",
      `  if s${s}_daily { item daily "Daily build" -> boot s${s}_install("daily", "devel", "latest") }`,
      "  gap",
      `  item rescue "Rescue system" key ${hotkeys[0]} -> boot s${s}_rescue()`,
      `  item live "Live system" key ${hotkeys[1]} -> boot s${s}_live("${distro}")`,
      `  item efishell "UEFI shell" key ${hotkeys[2]} when platform == efi -> chain "\${tools}/shell.efi"`,
      `  item iso "Installer ISO (SAN)" -> sanboot "\${mirror}/${distro}/${s}/installer.iso"`,
      `  item tools "Tools" key ${hotkeys[3]} -> chain "\${tools}/menu.ipxe"`,
      '  item back "Back" key b -> back',
      "}",
      "",
      `entry s${s}_install(version: string, codename: string, tag: string) {`,
      `  on failure "Could not start ${distro} \${version} (\${codename})"`,
      "  when platform == efi {",
      `    kernel "\${mirror}/${distro}/\${codename}/\${tag}/efi/vmlinuz" args "initrd=initrd.img" "ip=dhcp" "quiet"`,
      "  } else {",
      `    kernel "\${mirror}/${distro}/\${codename}/bios/vmlinuz" args "ip=dhcp" "console=ttyS0,115200"`,
      "  }",
      `  initrd "\${mirror}/${distro}/\${codename}/initrd.img"`,
      "  boot",
      "}",
      "",
      `entry s${s}_rescue() {`,
      `  echo "Starting the ${distro} rescue system"`,
      `  prompt answer "Rescue password"`,
      `  kernel "\${mirror}/${distro}/rescue/vmlinuz" args "rescue" "password=\${answer}"`,
      `  initrd "\${mirror}/${distro}/rescue/initrd.img"`,
      "  boot",
      "}",
      "",
      `entry s${s}_live(flavour: string) {`,
      `  when buildarch == x86_64 {`,
      `    kernel "\${mirror}/\${flavour}/live/amd64/vmlinuz" args "boot=live" "fetch=\${mirror}/\${flavour}/live/amd64/root.squashfs"`,
      `    initrd "\${mirror}/\${flavour}/live/amd64/initrd"`,
      "  } else {",
      `    kernel "\${mirror}/\${flavour}/live/i386/vmlinuz" args "boot=live"`,
      `    initrd "\${mirror}/\${flavour}/live/i386/initrd"`,
      "  }",
      "  boot",
      "}",
      "",
    ];
    files.set(`sections/s${s}.ipxm`, menu.join("\n"));
  }
  return files;
}

function shuffle(list, next) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/** A source host over a generated site: no disk, so timings are the compiler's alone. */
export function memoryHost(files) {
  return {
    readFile(name) {
      const text = files.get(name);
      return text === undefined ? { ok: false, code: "file-not-found", message: "does not exist" } : { ok: true, text };
    },
  };
}

/** Total size in bytes of a generated site. */
export function siteBytes(files) {
  let total = 0;
  for (const text of files.values()) total += Buffer.byteLength(text, "utf8");
  return total;
}
