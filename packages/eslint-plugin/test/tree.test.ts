import { describe, expect, it } from "vitest";
import { createLintTree } from "../src/index.js";

const menu = `menu main "Main" {
  item "One" -> boot one()
  item "Two" -> boot two()
}
entry one() {
  echo "one"
}
entry two() {
  echo "two"
}
`;
const shared = 'const greeting = "hello"\n';
const files = (main: string) => [
  { path: "/site/main.ipxm", text: main },
  { path: "/site/shared.ipxm", text: shared },
];
const declarationStarts = (tree: ReturnType<typeof createLintTree>) =>
  tree
    .ipxmAnalysis()
    .workspace.files.get("/site/main.ipxm")!
    .ast.declarations.map((declaration) => declaration.start);

describe("a lint tree made from an earlier one", () => {
  it("takes unchanged files over and moves the declarations after an edit", () => {
    const earlier = createLintTree(files(menu));
    const before = earlier.ipxmAnalysis().workspace;
    const edited = menu.replace('"Main"', '"Main menu"');
    const later = createLintTree(files(edited), { previous: earlier });
    const after = later.ipxmAnalysis().workspace;

    expect(after.files.get("/site/shared.ipxm")!.ast).toBe(before.files.get("/site/shared.ipxm")!.ast);
    const [, movedEntry] = after.files.get("/site/main.ipxm")!.ast.declarations;
    expect(movedEntry).toBe(before.files.get("/site/main.ipxm")!.ast.declarations[1]);
    expect(declarationStarts(later)).toEqual(declarationStarts(createLintTree(files(edited))));
  });

  it("leaves the earlier tree to analyse its own text afresh once it handed its analysis over", () => {
    const earlier = createLintTree(files(menu));
    const handed = earlier.ipxmAnalysis();
    createLintTree(files(menu.replace('"Main"', '"Main menu"')), { previous: earlier }).ipxmAnalysis();

    expect(earlier.ipxmAnalysisIfMade()).toBeUndefined();
    expect(earlier.ipxmAnalysis()).not.toBe(handed);
    expect(declarationStarts(earlier)).toEqual(declarationStarts(createLintTree(files(menu))));
    expect(earlier.ipxmProject(undefined).diagnosticsOf("/site/main.ipxm")).toEqual([]);
  });
});
