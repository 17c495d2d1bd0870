/** One line on each of ipxm's types: shown beside a type name in completion and over it by hover. */
import { ownValue } from "./lookup.js";

const typeDocs: Readonly<Record<string, string>> = {
  string: "Any Unicode text.",
  int: "A non-negative integer: `42`, `0x80`.",
  bool: "`true` or `false`.",
  duration: "A time with its unit: `500ms`, `30s`, `5m`, `1h`; emitted in milliseconds.",
  url: "A string that starts with a scheme (`http://…`) or with an interpolated url.",
  arch: "A CPU architecture as iPXE names it: `x86_64`, `i386`, `arm64`, `arm32`, `riscv64`.",
  platform: "A firmware platform as iPXE names it: `pcbios`, `efi`.",
  list: 'A compile-time list: `["24.04", "22.04"]`.',
  record: 'A compile-time record: `{ version: "12", name: "bookworm" }`.',
};

export function typeDoc(name: string): string | undefined {
  return ownValue(typeDocs, name);
}
