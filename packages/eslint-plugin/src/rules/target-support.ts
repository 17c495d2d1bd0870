/**
 * What the target iPXE build lacks. Which commands, options and URL schemes exist depends on how
 * iPXE was built: Debian's iPXE has no HTTPS and no `imgverify`, stock PC-BIOS builds have no
 * `console` or `ntp`, 1.x has no `choose --retimeout` (Dasharo/dasharo-issues#40: `imgverify:
 * command not found` and "Operation not supported" for HTTPS). The target comes from the rule's
 * `target` option, else `settings.ipxm.target` (`ipxm lint --target`), else an ipxm file's own
 * `target "…"`, else ipxe-1.21-pcbios.
 */
import {
  commandAvailable,
  defaultProfileName,
  getProfile,
  optionAvailable,
  positionalKind,
  profileNames,
  urlScheme,
  urlSchemeAvailable,
  type Platform,
  type TargetProfile,
} from "@ipxm/ipxe";
import type { CommandNode, LineNode } from "../languages/ipxe/ast.js";
import { linePlatforms, platformTest } from "../languages/ipxe/platform-flow.js";
import { computedReach } from "../languages/ipxe/reach.js";
import { ruleDocsUrl } from "../meta.js";
import { coreCodesByRule } from "./core-codes.js";
import {
  byLanguage,
  configuredTarget,
  coreDiagnostics,
  coreMessages,
  ipxeLanguageId,
  ipxmLanguageId,
  reportDiagnostic,
  targetOptionSchema,
  type IpxmRule,
} from "../rule.js";

const name = "target-support";

/** The platform an `iseq ${platform} X &&` earlier on the line restricts a command to, if any. */
function guardedPlatform(line: LineNode, command: CommandNode): Platform | undefined {
  for (let k = command.index - 1; k >= 0; k--) {
    const before = line.commands[k]!;
    if (before.terminator?.kind !== "&&") return undefined;
    const tested = platformTest(before);
    if (tested) return tested;
  }
  return undefined;
}

/** The build of the same release for another platform: what code under a platform test runs on. */
function profileOn(profile: TargetProfile, platform: Platform): TargetProfile | undefined {
  if (profile.platform === platform) return profile;
  return profileNames
    .map((candidate) => getProfile(candidate)!)
    .find((candidate) => candidate.release === profile.release && candidate.platform === platform);
}

function describe(target: TargetProfile, profile: TargetProfile): string {
  const on = profile === target ? "" : ` on ${profile.platform}`;
  return `target "${target.name}"${on} (${profile.build})`;
}

export const targetSupport: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow commands, options and URL schemes that the target iPXE build lacks",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error", ipxm: "error" },
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: { target: { ...targetOptionSchema, enum: [...profileNames] } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
    messages: {
      ...coreMessages,
      unknownTarget: 'unknown target "{{target}}" (targets: {{targets}})',
      noCommand: '{{target}} has no "{{command}}" command: iPXE prints "{{command}}: command not found"',
      noOption: '{{target}} has no "{{command}} --{{option}}" option',
      noScheme: '{{target}} cannot download {{scheme}}:// URLs ("Operation not supported"); {{hint}}',
      noLocalDrive:
        '{{target}} cannot boot a local drive with sanboot (EFI builds before iPXE 2.0); use "exit 1" to let the firmware boot the next device',
    },
    languages: [ipxeLanguageId, ipxmLanguageId],
  },
  create(context) {
    const [{ target: optionTarget }] = context.options as [{ target?: string }];
    const target = configuredTarget(context, optionTarget);
    const profile = getProfile(target ?? defaultProfileName);
    const reportUnknown = () =>
      context.report({
        loc: { line: 1, column: 1 },
        messageId: "unknownTarget",
        data: { target: target ?? "", targets: profileNames.join(", ") },
      });
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        Script() {
          if (!profile) reportUnknown();
        },
        "Script:exit"() {
          if (!profile) return;
          const platforms = linePlatforms(sourceCode.ast, computedReach(sourceCode.model, sourceCode.tree));
          for (const { command, line } of sourceCode.model.commands) {
            const parsed = command.parsed;
            const spec = parsed.command;
            if (!spec || parsed.dynamicName) continue;
            // Code that only runs on one platform is judged by the target's build for that platform.
            const platform = guardedPlatform(line, command) ?? platforms.get(line);
            const build = platform === undefined ? profile : profileOn(profile, platform);
            if (!build) continue;
            const where = describe(profile, build);
            if (!commandAvailable(build, command.name)) {
              context.report({
                node: command.words[0]!,
                messageId: "noCommand",
                data: { target: where, command: command.name },
              });
              continue;
            }
            for (const option of parsed.options) {
              if (optionAvailable(build, command.name, option.option.long)) continue;
              context.report({
                node: command.words[option.index]!,
                messageId: "noOption",
                data: { target: where, command: command.name, option: option.option.long },
              });
            }
            if (spec.canonical === "sanboot" && parsed.positionals.length === 0 && !build.features.sanbootLocalDrive) {
              context.report({ node: command.words[0]!, messageId: "noLocalDrive", data: { target: where } });
            }
            parsed.positionals.forEach((value, index) => {
              const kind = positionalKind(spec, index);
              if (kind !== "uri" && kind !== "image") return;
              if (urlSchemeAvailable(build, value)) return;
              const scheme = urlScheme(value)!;
              context.report({
                node: command.words[parsed.positionalIndex + index]!,
                messageId: "noScheme",
                data: {
                  target: where,
                  scheme,
                  hint:
                    scheme === "https"
                      ? 'use http://, or a target with HTTPS such as "ipxe-2-efi"'
                      : `it has ${[...build.urlSchemes].join(", ")}`,
                },
              });
            });
          }
        },
      }),
      ipxm: (sourceCode) => ({
        "SourceFile:exit"() {
          if (target !== undefined && !profile) {
            reportUnknown();
            return;
          }
          for (const diagnostic of coreDiagnostics(context, sourceCode, coreCodesByRule["target-support"], target)) {
            reportDiagnostic(context, sourceCode, diagnostic);
          }
        },
      }),
    });
  },
};
