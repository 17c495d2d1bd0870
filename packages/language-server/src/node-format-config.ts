/**
 * Prettier's configuration for a file (.prettierrc and friends, .editorconfig), resolved by Prettier
 * itself exactly as `ipxm fmt` does. Prettier's resolver is loaded only when asked for; where it is not
 * installed (the VS Code extension bundles only Prettier's standalone formatter), files are formatted
 * with Prettier's defaults.
 */
import type { FormatConfig } from "./features/formatting.js";

type PrettierModule = { resolveConfig(file: string, options: { editorconfig: boolean }): Promise<FormatConfig | null> };

let loading: Promise<PrettierModule | undefined> | undefined;

export async function resolveFormatConfig(path: string): Promise<FormatConfig> {
  loading ??= import("prettier").then(
    (module) => module as unknown as PrettierModule,
    () => undefined,
  );
  const prettier = await loading;
  if (!prettier) return {};
  try {
    return (await prettier.resolveConfig(path, { editorconfig: true })) ?? {};
  } catch {
    // A broken .prettierrc is the formatter's (and `ipxm fmt`'s) to report; the editor formats with defaults.
    return {};
  }
}
