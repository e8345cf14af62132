// Enforces the import arrows of ARCHITECTURE.md: each layer under src/ may import only the layers
// listed for it, and a feature never imports another feature. Resolves relative specifiers against
// the importing file, so the rule holds whatever the depth of the file.
import path from 'node:path';

/** Which folders under src/ a layer may import (besides itself). */
const ALLOWED = {
  engine: [],
  api: ['engine'],
  mocks: ['api', 'engine'],
  lib: ['lib', 'components'],
  components: ['lib'],
  features: ['components', 'lib'],
  app: ['features', 'components', 'lib', 'mocks', 'app'],
};

/** Packages a layer must not import even though they are installed. */
const BANNED_PACKAGES = {
  engine: [/^react/, /^recharts/, /^msw/, /^@aws-sdk\//, /^zustand/, /^@tanstack\//],
  api: [/^react/, /^recharts/, /^msw/, /^zustand/, /^@tanstack\//],
  mocks: [/^react/, /^recharts/],
};

function layerOf(file, srcRoot) {
  const rel = path.relative(srcRoot, file);
  if (rel.startsWith('..')) return undefined;
  const [top, second] = rel.split(path.sep);
  if (top === 'features') return { layer: 'features', feature: second };
  if (top === 'components' && second === 'charts') return { layer: 'components', charts: true };
  return { layer: top };
}

export default {
  rules: {
    layers: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const file = context.filename;
        const srcRoot = path.join(context.cwd, 'src');
        const from = layerOf(file, srcRoot);
        if (!from || !(from.layer in ALLOWED)) return {};
        const check = (node, spec) => {
          if (typeof spec !== 'string') return;
          if (!spec.startsWith('.')) {
            if (spec === 'recharts' || spec.startsWith('recharts/')) {
              if (!from.charts)
                context.report({ node, message: 'recharts is imported only in src/components/charts/.' });
              return;
            }
            for (const re of BANNED_PACKAGES[from.layer] ?? []) {
              if (re.test(spec))
                context.report({ node, message: `src/${from.layer}/ must not import ${spec}.` });
            }
            return;
          }
          const target = layerOf(path.resolve(path.dirname(file), spec), srcRoot);
          if (!target) return;
          if (target.layer === from.layer) {
            if (from.layer === 'features' && target.feature !== from.feature) {
              context.report({
                node,
                message: `Features do not import each other (${from.feature} -> ${target.feature}); move shared code to components/ or lib/.`,
              });
            }
            return;
          }
          if (!ALLOWED[from.layer].includes(target.layer)) {
            context.report({
              node,
              message: `src/${from.layer}/ may not import src/${target.layer}/ (see ARCHITECTURE.md).`,
            });
          }
        };
        return {
          ImportDeclaration: (node) => check(node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
          ExportAllDeclaration: (node) => check(node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
        };
      },
    },
  },
};
