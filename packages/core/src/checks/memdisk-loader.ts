/** `memdisk-loader-missing`: `memdisk` needs to know where the memdisk loader is (`setting memdisk: url`). */
import type { Rule } from "./rule.js";

export const memdiskLoaderRule: Rule = {
  memdisk(node, context) {
    const loader = context.binder.lookup("memdisk", context.file);
    if (loader?.kind === "setting" && loader.type.kind === "url") return;
    context.report(
      "memdisk-loader-missing",
      loader
        ? `memdisk needs \`setting memdisk: url\` (the url of the memdisk loader); "memdisk" here is ${loader.kind === "setting" ? `a ${loader.type.kind} setting` : `a ${loader.kind}`}`
        : 'memdisk needs to know where the memdisk loader is: declare `setting memdisk: url = "http://…/memdisk"`',
      node,
    );
  },
};
