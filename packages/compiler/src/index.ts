/**
 * @ipxm/compiler: an elaborated ipxm `Program` → one self-contained iPXE script and its line map.
 * See docs/compiler.md for the shape of the output.
 */
export { compile } from "./compile.js";
export type { CompileOptions, CompileResult, LineMapEntry } from "./types.js";
export { menuIdsOf, previewMenu, targetOf } from "./preview.js";
export type { MenuPreview, MenuPreviewOptions } from "./preview.js";
export { templateText } from "./safe-text.js";
