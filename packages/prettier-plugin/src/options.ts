/**
 * The plugin's own options. Prettier's `printWidth`, `tabWidth`, `useTabs` and `endOfLine` apply as
 * usual; these two cover what only menus and iPXE scripts have.
 */
import type { SupportOptions } from "prettier";

export interface IpxmFormatOptions {
  /** Align the columns of `item` rows inside one menu (`.ipxm`) or one run of `item` lines (`.ipxe`). */
  ipxmAlignItems: boolean;
  /** `.ipxe` only: indent the lines under each `:label` by one level. */
  ipxeIndentLabels: boolean;
}

export const options = {
  ipxmAlignItems: {
    category: "ipxm",
    type: "boolean",
    default: true,
    description: "Align the columns of item rows inside a menu (.ipxm and .ipxe).",
  },
  ipxeIndentLabels: {
    category: "ipxm",
    type: "boolean",
    default: false,
    description: "Indent the commands under each :label of an .ipxe script.",
  },
} satisfies SupportOptions;
