// The module boundary rule. Server: a file in src/modules/<a>/ may import from
// src/modules/<b>/ only through <b>/index.ts (a schema may also reach <b>'s schema for
// foreign keys), and only if <b> sits below <a>.
// Web: a file in web/src/features/<a>/ may not import another feature at all.
import { dirname, relative, resolve, sep } from 'node:path';

/** Lower layers first; a module may depend on any module earlier in this list (crisis sits above advocacy: a crisis pauses sharing). */
export const moduleLayers = ['people', 'listening', 'triage', 'routing', 'respond', ['advocacy', 'moderation', 'enablement'], 'crisis', 'insights'];

const layerOf = (name) => moduleLayers.findIndex((layer) => (Array.isArray(layer) ? layer.includes(name) : layer === name));

function locate(file) {
  const parts = relative(process.cwd(), file).split(sep);
  if (parts[0] === 'src' && parts[1] === 'modules' && parts[2]) return { area: 'module', name: parts[2], rest: parts.slice(3).join('/') };
  if (parts[0] === 'web' && parts[1] === 'src' && parts[2] === 'features' && parts[3]) return { area: 'feature', name: parts[3], rest: parts.slice(4).join('/') };
  return undefined;
}

export function boundaryProblem(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const from = locate(fromFile);
  const to = locate(resolve(dirname(fromFile), specifier));
  if (!from || !to || from.area !== to.area || from.name === to.name) return undefined;
  if (from.area === 'feature') return `web feature "${from.name}" must not import feature "${to.name}"; move shared code to web/src/ui or web/src/api`;
  // A schema may reference a lower module's tables for foreign keys; nothing else may.
  const foreignKey = from.rest.endsWith('.schema.ts') && to.rest.endsWith('.schema.ts');
  if (to.rest !== 'index.ts' && !foreignKey) return `import module "${to.name}" through its index.ts, not ${to.rest}`;
  const fromLayer = layerOf(from.name);
  const toLayer = layerOf(to.name);
  if (fromLayer !== -1 && toLayer !== -1 && toLayer >= fromLayer) {
    return `module "${from.name}" must not depend on "${to.name}" (same level or above); send an event instead`;
  }
  return undefined;
}

export const moduleBoundaryRule = {
  meta: { type: 'problem', docs: { description: 'modules import each other only through index.ts and only downwards' }, schema: [] },
  create(context) {
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string') return;
      const problem = boundaryProblem(context.filename, specifier);
      if (problem) context.report({ node: node.source, message: problem });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
