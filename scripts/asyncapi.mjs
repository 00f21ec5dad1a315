#!/usr/bin/env node
// Generates contracts/asyncapi.yaml — the socket.io events — from the typed event maps in
// contracts/src/events.ts (the one place they are declared). `node scripts/asyncapi.mjs` writes
// the file; `--check` fails when it is out of date (test/asyncapi.test.ts does the same).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { stringify } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = resolve(ROOT, 'contracts/src/events.ts');
export const ASYNCAPI_FILE = resolve(ROOT, 'contracts/asyncapi.yaml');

/** The AsyncAPI 3.0 document of the event maps, as YAML text. */
export function generateAsyncApi() {
  const program = ts.createProgram([SOURCE], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SOURCE);
  const schemas = {};
  const doc = (symbol) => ts.displayPartsToString(symbol?.getDocumentationComment(checker) ?? []).trim() || undefined;

  const toSchema = (type) => {
    if (type.flags & ts.TypeFlags.String) return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.flags & ts.TypeFlags.Null) return { type: 'null' };
    if (type.isStringLiteral()) return { type: 'string', const: type.value };
    if (type.isNumberLiteral()) return { type: 'number', const: type.value };
    if (type.flags & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', const: checker.typeToString(type) === 'true' };
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
      if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
      const nullable = parts.some((t) => t.flags & ts.TypeFlags.Null);
      const rest = parts.filter((t) => !(t.flags & ts.TypeFlags.Null));
      const inner = rest.every((t) => t.isStringLiteral())
        ? { type: 'string', enum: rest.map((t) => t.value) }
        : rest.length === 1
          ? toSchema(rest[0])
          : { oneOf: rest.map(toSchema) };
      return nullable ? { oneOf: [inner, { type: 'null' }] } : inner;
    }
    if (checker.isArrayType(type)) return { type: 'array', items: toSchema(checker.getTypeArguments(type)[0]) };
    const name = type.aliasSymbol?.getName() ?? type.getSymbol()?.getName();
    const named = name && !name.startsWith('__') && /^[A-Z]/.test(name) && name !== 'Record' && name !== 'Partial';
    if (named && schemas[name]) return { $ref: `#/components/schemas/${name}` };
    if (named) schemas[name] = {}; // placeholder against recursion
    const properties = {};
    const required = [];
    for (const prop of checker.getPropertiesOfType(type)) {
      const propType = checker.getTypeOfSymbol(prop);
      properties[prop.getName()] = { ...toSchema(propType), ...(doc(prop) ? { description: doc(prop) } : {}) };
      if (!(prop.getFlags() & ts.SymbolFlags.Optional)) required.push(prop.getName());
    }
    const schema = { type: 'object', properties, ...(required.length ? { required } : {}) };
    const index = checker.getIndexInfosOfType(type)[0];
    if (index) schema.additionalProperties = toSchema(index.type);
    else schema.additionalProperties = false;
    if (!named) return schema;
    schemas[name] = { ...schema, ...(doc(type.getSymbol()) ? { description: doc(type.getSymbol()) } : {}) };
    return { $ref: `#/components/schemas/${name}` };
  };

  // the namespaces: DISPLAY_NAMESPACE = '/display', DESK_NAMESPACE = '/desk'
  const namespaces = {};
  const maps = [];
  ts.forEachChild(source, (node) => {
    if (ts.isVariableStatement(node)) {
      for (const d of node.declarationList.declarations) {
        const m = d.name.getText(source).match(/^([A-Z]+)_NAMESPACE$/);
        if (m && d.initializer && ts.isStringLiteral(d.initializer)) namespaces[m[1].toLowerCase()] = d.initializer.text;
      }
    }
    if (ts.isInterfaceDeclaration(node) && /^[A-Z][a-z]+(Server|Client)Events$/.test(node.name.text)) maps.push(node);
  });

  const channels = {};
  const operations = {};
  for (const map of maps) {
    const [, area, side] = map.name.text.match(/^([A-Z][a-z]+)(Server|Client)Events$/);
    const channel = area.toLowerCase();
    if (!namespaces[channel]) throw new Error(`${map.name.text}: no ${area.toUpperCase()}_NAMESPACE in events.ts`);
    const mapSymbol = checker.getSymbolAtLocation(map.name);
    channels[channel] ??= { address: namespaces[channel], messages: {} };
    for (const event of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(mapSymbol))) {
      const signature = checker.getTypeOfSymbol(event).getCallSignatures()[0];
      const [payload, ...more] = signature.getParameters();
      const ack = more.find((p) => checker.getTypeOfSymbol(p).getCallSignatures().length);
      const messageName = `${channel}.${event.getName()}`;
      channels[channel].messages[event.getName()] = {
        name: event.getName(),
        ...(doc(event) ? { description: doc(event) } : {}),
        payload: toSchema(checker.getTypeOfSymbol(payload)),
        ...(ack
          ? { 'x-ack': toSchema(checker.getTypeOfSymbol(checker.getTypeOfSymbol(ack).getCallSignatures()[0].getParameters()[0])) }
          : {}),
      };
      operations[messageName] = {
        action: side === 'Server' ? 'send' : 'receive',
        channel: { $ref: `#/channels/${channel}` },
        summary:
          side === 'Server'
            ? `The server emits \`${event.getName()}\` on ${namespaces[channel]}`
            : `Clients emit \`${event.getName()}\` on ${namespaces[channel]}`,
        ...(doc(mapSymbol) ? { description: doc(mapSymbol) } : {}),
        messages: [{ $ref: `#/channels/${channel}/messages/${event.getName()}` }],
      };
    }
  }

  const document = {
    asyncapi: '3.0.0',
    info: {
      title: 'Einlass socket events',
      version: '1',
      description:
        'socket.io namespaces of the Einlass backend (same origin as /api/v1; clients connect with transports: ["websocket"]). ' +
        'Generated by scripts/asyncapi.mjs from contracts/src/events.ts — do not edit by hand.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))) },
  };
  return `# Generated by scripts/asyncapi.mjs from contracts/src/events.ts — do not edit.\n${stringify(document, { lineWidth: 0 })}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = generateAsyncApi();
  if (process.argv.includes('--check')) {
    if (readFileSync(ASYNCAPI_FILE, 'utf8') !== text) {
      console.error('contracts/asyncapi.yaml is out of date: run `node scripts/asyncapi.mjs`');
      process.exit(1);
    }
  } else {
    writeFileSync(ASYNCAPI_FILE, text);
    console.log(`wrote ${ASYNCAPI_FILE}`);
  }
}
