/**
 * What the cursor is on in an `.ipxm` file, for navigation: a name (a use or a declaration) with the
 * symbol it stands for, or the path of an import with the file it names.
 */
import type { Analysis, Range, SymbolInfo } from "@ipxm/core";
import { bestFit, elementAt, fitOf } from "./cursor.js";
import { navigationIndex } from "./ipxm-index.js";

export type IpxmTarget =
  | {
      readonly kind: "symbol";
      readonly symbol: SymbolInfo;
      /** The name under the cursor. */
      readonly range: Range;
      /** The cursor is on the declaring name itself. */
      readonly declaration: boolean;
    }
  | { readonly kind: "import"; readonly resolved: string; readonly range: Range };

/**
 * The target at `offset` of `file`. Names that stand for nothing (unknown names, enum literals such
 * as `efi`, keywords, text) give undefined.
 */
export function ipxmTargetAt(analysis: Analysis, file: string, offset: number): IpxmTarget | undefined {
  const index = navigationIndex(analysis);
  const use = elementAt(index.referencesIn(file), (reference) => reference.range, offset);
  const declared = elementAt(index.declarationsIn(file), (symbol) => symbol.nameRange!, offset);
  const best = bestFit<IpxmTarget>();
  if (use) {
    const { element: reference, fit } = use;
    best.consider(fit, () =>
      reference.target
        ? { kind: "symbol", symbol: reference.target, range: reference.range, declaration: false }
        : undefined,
    );
  }
  if (declared) {
    const { element: symbol, fit } = declared;
    best.consider(fit, () => ({ kind: "symbol", symbol, range: symbol.nameRange!, declaration: true }));
  }
  if (best.fit !== "inside") {
    for (const { node, resolved } of analysis.workspace.files.get(file)?.imports ?? []) {
      const range = node.path;
      if (range) best.consider(fitOf(range, offset), () => ({ kind: "import", resolved, range }));
    }
  }
  return best.target;
}
