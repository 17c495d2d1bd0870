import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "out/**", ".bench/**", "**/*.d.ts"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // `typeof import("…")` names the type of a module that is loaded lazily on purpose.
      "@typescript-eslint/consistent-type-imports": ["error", { disallowTypeAnnotations: false }],
      // Walking a chain of scopes starts from `this`: `for (let s = this; s; s = s.parent)`.
      "@typescript-eslint/no-this-alias": "off",
    },
  },
);
