/**
 * @ipxm/boot-tests: runs compiled ipxm menus in real iPXE firmware under QEMU and watches what
 * happens (see docs/testing-in-real-ipxe.md).
 */
export { compareWithPreview, describeDifference, sameCells, type PreviewComparison } from "./compare.js";
export { compileIpxm, CompileFailure, type CompileRequest, type CompiledMenuScript } from "./compile.js";
export { findFirmware, type Firmware, type FirmwareLookup } from "./firmware.js";
export { qcodesOf } from "./keys.js";
export { QmpClient, QmpError } from "./qmp.js";
export { BootSession, stripAnsi, type SessionOptions, type WaitOptions } from "./session.js";
export { acquireSlot, slotCount, type Slot } from "./slots.js";
export { StubServer, guestHostAddress, type RequestRecord } from "./stub-server.js";
export { decodeVgaText, redBackgroundRows, screenText, vgaTextAddress, type TextScreen } from "./vga-text.js";
export { Vm, type Platform, type VmExit, type VmOptions } from "./vm.js";
export { wrapperScript, type WrapperOptions } from "./wrapper.js";
