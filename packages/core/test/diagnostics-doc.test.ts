import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogue } from "../src/diagnostics.js";

const docPath = fileURLToPath(new URL("../../../docs/diagnostics.md", import.meta.url));

/** docs/diagnostics.md is generated from the catalogue, so the two cannot drift apart. */
function renderCatalogue(): string {
  const groups: Record<string, string[]> = { error: [], warning: [], info: [] };
  for (const [code, entry] of Object.entries(catalogue))
    groups[entry.severity]!.push(`| \`${code}\` | ${entry.summary} |`);
  const sections = Object.entries(groups)
    .filter(([, rows]) => rows.length > 0)
    .map(([severity, rows]) =>
      [`## ${severity[0]!.toUpperCase()}${severity.slice(1)}s`, "", "| code | meaning |", "|---|---|", ...rows].join(
        "\n",
      ),
    );
  return [
    "# Diagnostics",
    "",
    "Every problem the ipxm tools report has a stable code from one catalogue",
    "(`packages/core/src/diagnostics.ts`). The command line prints it at the end of the line:",
    "",
    "```",
    'menus/main.ipxm:12:20  error  unknown menu "linuz"; did you mean "linux"?  unknown-name',
    "```",
    "",
    "This page is generated from the catalogue (`UPDATE_DOCS=1 npx vitest run packages/core/test/diagnostics-doc.test.ts`).",
    "",
    ...sections.flatMap((section) => [section, ""]),
  ].join("\n");
}

describe("docs/diagnostics.md", () => {
  it("lists every code of the catalogue with its severity and meaning", () => {
    const expected = renderCatalogue();
    if (process.env.UPDATE_DOCS) writeFileSync(docPath, expected);
    expect(readFileSync(docPath, "utf8")).toBe(expected);
  });

  it("uses stable kebab-case codes", () => {
    for (const code of Object.keys(catalogue)) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
