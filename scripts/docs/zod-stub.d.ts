// Only for docs generation (scripts/asyncapi.js): ts-json-schema-generator cannot follow zod's
// inferred types, so types inferred from zod schemas read as opaque objects here; the script
// then puts the real JSON Schema of those zod schemas in their place.
export declare namespace z {
  type infer<T> = { [key: string]: unknown };
  type input<T> = { [key: string]: unknown };
  type output<T> = { [key: string]: unknown };
  type ZodType = unknown;
}
export declare const z: any;
