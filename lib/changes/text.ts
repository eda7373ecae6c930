// The plain-language line of each schema finding ("Removed enum value `unknown` from the items of
// query parameter `severity` of GET /alerts"). Code goes in backticks; pages, feeds and the
// Markdown renderings show it as code. Pure.
import type { FindingArgs } from "./schema-diff";

export const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

const list = (values: string[] = [], max = 8): string => {
  const shown = values.slice(0, max).map(code).join(", ");
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
};

export const capitalize = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** ["data", "[]", "severity"] → "data[].severity". */
export function propPath(prop: string[]): string {
  return prop.reduce((acc, seg) => (seg === "[]" ? `${acc}[]` : acc ? `${acc}.${seg}` : seg), "");
}

/** What a finding is about: the root itself, its items, or a property below it. */
export function subject(root: string, prop: string[]): string {
  if (!prop.length) return root;
  if (prop.every((p) => p === "[]")) return `the items of ${root}`;
  return `property ${code(propPath(prop))} of ${root}`;
}

/** How each measured constraint reads: "the maximum length of X", "a maximum of 50 items on X". */
const MEASURES: Record<string, { noun: string; set: (n: string) => string }> = {
  min: { noun: "minimum", set: (n) => `a minimum of ${n}` },
  max: { noun: "maximum", set: (n) => `a maximum of ${n}` },
  "min-length": { noun: "minimum length", set: (n) => `a minimum length of ${n}` },
  "max-length": { noun: "maximum length", set: (n) => `a maximum length of ${n}` },
  "min-items": { noun: "minimum number of items", set: (n) => `a minimum of ${n} item${n === "1" ? "" : "s"}` },
  "max-items": { noun: "maximum number of items", set: (n) => `a maximum of ${n} item${n === "1" ? "" : "s"}` },
};

/** The line for a schema rule (the part after the place prefix, e.g. "max-decreased"). */
export function schemaRuleText(rule: string, args: FindingArgs, s: string): string {
  const m = /^(min|max|min-length|max-length|min-items|max-items)-(set|unset|increased|decreased)$/.exec(rule);
  if (m) {
    const { noun, set } = MEASURES[m[1]!]!;
    switch (m[2]) {
      case "set":
        return `Set ${set(args.to!)} on ${s}`;
      case "unset":
        return `Removed the ${noun} (${args.from}) of ${s}`;
      case "increased":
        return `Raised the ${noun} of ${s} from ${args.from} to ${args.to}`;
      default:
        return `Lowered the ${noun} of ${s} from ${args.from} to ${args.to}`;
    }
  }
  switch (rule) {
    case "type-changed":
      return `Changed the type of ${s} from ${code(args.from!)} to ${code(args.to!)}`;
    case "type-generalized":
      return `Widened the type of ${s} from ${code(args.from!)} to ${code(args.to!)}`;
    case "type-specialized":
      return `Narrowed the type of ${s} from ${code(args.from!)} to ${code(args.to!)}`;
    case "became-nullable":
      return `${capitalize(s)} can now be ${code("null")}`;
    case "became-not-nullable":
      return `${capitalize(s)} can no longer be ${code("null")}`;
    case "enum-value-removed":
      return `Removed enum value${args.values!.length > 1 ? "s" : ""} ${list(args.values)} from ${s}`;
    case "enum-value-added":
      return `Added enum value${args.values!.length > 1 ? "s" : ""} ${list(args.values)} to ${s}`;
    case "became-enum":
      return `Restricted ${s} to the values ${list(args.values)}`;
    case "became-not-enum":
      return `${capitalize(s)} is no longer restricted to a list of values`;
    case "pattern-added":
      return `Added the pattern ${code(args.to!)} to ${s}`;
    case "pattern-removed":
      return `Removed the pattern ${code(args.from!)} from ${s}`;
    case "pattern-changed":
      return `Changed the pattern of ${s} from ${code(args.from!)} to ${code(args.to!)}`;
    case "one-of-added":
      return args.from
        ? `${capitalize(s)} is now one of ${list(args.variants)}${args.by ? `, told apart by ${code(args.by)}` : ""}`
        : `Added ${list(args.variants)} to the shapes ${s} can take`;
    case "one-of-removed":
      return args.from ? `${capitalize(s)} is no longer one of ${list(args.variants)}: it has a single shape` : `Removed ${list(args.variants)} from the shapes ${s} can take`;
    default:
      return `${capitalize(rule.replace(/-/g, " "))}: ${s}`;
  }
}

/** The line for a property rule (a complete rule id); `p` is the property's path, `root` its container. */
export function propertyRuleText(kind: string, p: string, root: string): string {
  const prop = code(p);
  switch (kind) {
    case "response-required-property-removed":
      return `Removed required property ${prop} from ${root}`;
    case "response-optional-property-removed":
      return `Removed optional property ${prop} from ${root}`;
    case "request-property-removed":
      return `Removed property ${prop} from ${root}`;
    case "request-property-removed-closed":
      return `Removed property ${prop} from ${root}, which refuses unknown properties`;
    case "new-required-request-property":
      return `Added required property ${prop} to ${root}`;
    case "new-optional-request-property":
      return `Added optional property ${prop} to ${root}`;
    case "response-required-property-added":
      return `Added property ${prop} to ${root}`;
    case "response-optional-property-added":
      return `Added optional property ${prop} to ${root}`;
    case "request-property-became-required":
      return `Made property ${prop} of ${root} required`;
    case "request-property-became-optional":
      return `Made property ${prop} of ${root} optional`;
    case "response-property-became-optional":
      return `Property ${prop} of ${root} may now be missing`;
    case "response-property-became-required":
      return `Property ${prop} of ${root} is now always present`;
    case "request-property-deprecated":
    case "response-property-deprecated":
      return p ? `Deprecated property ${prop} of ${root}` : `Deprecated ${root}`;
    default:
      return `${kind}: ${prop} of ${root}`;
  }
}
