import { DECLARATIONS } from '../../rego/builtins/declarations.ts';
import type { RegoType } from '../../rego/builtins/define-builtin.ts';
import type { KbDocument } from '../kb-document.ts';

/** One document per Rego builtin (OPA's declarations): signature, category and description. */
export function builtinDocuments(): KbDocument[] {
  const documents: KbDocument[] = [];
  for (const [name, declaration] of Object.entries(DECLARATIONS)) {
    if (declaration.deprecated || name.startsWith('internal.') || declaration.infix) continue;
    const args = declaration.args.map(typeText);
    if (declaration.variadic) args.push(`...${typeText(declaration.variadic)}`);
    const signature = `${name}(${args.join(', ')}) -> ${typeText(declaration.result)}`;
    documents.push({
      id: `builtin:${name}`,
      kind: 'builtin',
      title: name,
      keywords: [name.replace(/[._]/g, ' '), ...declaration.categories].join(' '),
      text: `${signature}  [${declaration.categories.join(', ')}]${declaration.description ? `\n  ${declaration.description}` : ''}`,
      source: 'OPA builtins',
    });
  }
  return documents;
}

function typeText(type: RegoType): string {
  switch (type.type) {
    case 'any':
      return type.of && type.of.length ? type.of.map(typeText).join('|') : 'any';
    case 'array':
      return type.dynamic ? `array[${typeText(type.dynamic)}]` : 'array';
    case 'set':
      return type.of ? `set[${typeText(type.of)}]` : 'set';
    case 'object':
      return type.dynamic ? `object[${typeText(type.dynamic.key)}: ${typeText(type.dynamic.value)}]` : 'object';
    case 'function':
      return 'function';
    default:
      return type.type;
  }
}
