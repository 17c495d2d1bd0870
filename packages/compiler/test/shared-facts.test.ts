import { describe, expect, it } from "vitest";
import { ipxeSettingTypes } from "@ipxm/core";
import { settingTypeNames } from "@ipxm/ipxe";

// Core imports nothing of ours, so the few iPXE facts it needs are copies; the compiler sees both sides.
describe("iPXE facts that core keeps its own copy of", () => {
  it("knows the same setting types as the iPXE model", () => {
    expect([...ipxeSettingTypes].sort()).toEqual([...settingTypeNames].sort());
  });
});
