import type { Node } from 'web-tree-sitter';
import { calledName, keyName, valueUse, type LiteralPlace, type ValueUse } from './literal-use.js';
import { FUNCTION_NODE } from './walker-helpers.js';

/** Nodes that only wrap a value, and collections of values: the value stands where they stand. */
const WRAPPER =
  /^(argument|parenthesized_expression|equals_value_clause|literal_element|expression_list|list|tuple|set|array|array_initializer|initializer_expression|array_creation_expression|implicit_array_creation_expression|literal_value|composite_literal)$/;
const OPERATION = /^(binary_expression|binary_operator|comparison_operator|boolean_operator)$/;
const CONDITIONAL = /^(conditional_expression|ternary_expression)$/;
const ARGUMENTS = /^(argument_list|arguments)$/;
/** Nodes that give a value a name as a field of a structure: a property, a dict entry, a named argument. */
const FIELD =
  /^(pair|keyword_argument|array_element_initializer|keyed_element|element_value_pair|property_element|anonymous_object_member_declarator)$/;
/** Nodes that give a value a name as a variable. */
const VARIABLE = /^(assignment_expression|assignment|variable_declarator|short_var_declaration|var_spec|const_spec)$/;
const LITERAL = /string|literal/;

/**
 * Where a string literal stands in a tree-sitter syntax tree (Java, C#, Go, Python, PHP), told as
 * literal-use.ts reads it. The grammars agree on field names (left/operator/right,
 * condition/consequence/alternative, function/name/arguments, key/value) where they share a shape.
 */
export function placeOfNode(node: Node): LiteralPlace {
  return standing(node).place;
}

/**
 * Where the value a call returns stands, followed through calls on it: the machine name in
 * `InetAddress.getLocalHost().getHostName()` or `os.hostname().toLowerCase()` stands where the
 * last call of the chain does.
 */
function followReceivers(node: Node): { place: LiteralPlace; at: Node } {
  let current = { ...standing(node), at: node };
  for (let hops = 0; current.receiverOf && hops < 4; hops++)
    current = { ...standing(current.receiverOf), at: current.receiverOf };
  return current;
}

/** A function body walked for a variable's uses: larger ones are not followed (the value counts as used). */
const MAX_BODY_NODES = 20_000;

/**
 * What the code does with an API's result, following it through one local variable: a machine
 * name stored in `hostAddress` and then only logged is reported, as if it were logged directly.
 * A variable used any other way (returned, compared, handed on) leaves the use unknown.
 */
export function useOfValue(node: Node, followVariable: boolean): ValueUse | undefined {
  const { place, at } = followReceivers(node);
  const direct = valueUse(place);
  if (direct || !followVariable || place.keyKind !== 'variable' || !place.key || !isLocalVariable(at)) return direct;
  let scope = at.parent;
  while (scope && !FUNCTION_NODE.test(scope.type)) scope = scope.parent;
  if (!scope) return undefined;
  const uses: ValueUse[] = [];
  let visited = 0;
  const stack: Node[] = [scope];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (++visited > MAX_BODY_NODES) return undefined;
    if (
      /identifier|variable_name/.test(current.type) &&
      current.text.replace(/^\$/, '') === place.key.replace(/^\$/, '') &&
      !isAssigned(current)
    ) {
      const use = valueUse(standing(current).place);
      if (!use) return undefined;
      uses.push(use);
    }
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return uses.length > 0 && uses.every((use) => use === 'reported') ? 'reported' : undefined;
}

/** Whether the value is declared into or assigned to a plain local name (not `this.host`, not a tuple). */
function isLocalVariable(value: Node): boolean {
  let item = value;
  while (item.parent && WRAPPER.test(item.parent.type) && item.parent.type !== 'expression_list') item = item.parent;
  const naming = item.parent;
  const target = naming?.childForFieldName('name') ?? naming?.childForFieldName('left');
  const name = target?.type === 'expression_list' && target.namedChildCount === 1 ? target.namedChildren[0] : target;
  return name !== null && name !== undefined && /^(identifier|variable_name)$/.test(name.type);
}

/** The name a variable is declared or assigned under, rather than a use of it. */
function isAssigned(identifier: Node): boolean {
  let target: Node = identifier;
  if (target.parent?.type === 'variable_name') target = target.parent; // PHP $name
  const parent = target.parent;
  if (!parent) return false;
  if (parent.childForFieldName('name')?.id === target.id && VARIABLE.test(parent.type)) return true;
  if (parent.childForFieldName('left')?.id === target.id) return true;
  return parent.type === 'expression_list' && parent.parent?.childForFieldName('left')?.id === parent.id;
}

function standing(node: Node): { place: LiteralPlace; receiverOf?: Node } {
  let item = node;
  while (item.parent && (WRAPPER.test(item.parent.type) || isPlainElement(item.parent))) item = item.parent;
  const parent = item.parent;
  if (!parent) return { place: {} };
  // The receiver of a call: "http://localhost".equals(url), "x".Equals(y), getLocalHost().getHostName().
  const member = /^(member_access_expression|attribute|selector_expression|member_call_expression)$/.test(parent.type)
    ? parent
    : undefined;
  const call = member && member.type !== 'member_call_expression' ? member.parent : (member ?? parent);
  const receiver = member
    ? (member.childForFieldName('expression') ??
      member.childForFieldName('object') ??
      member.childForFieldName('operand'))
    : parent.childForFieldName('object');
  if (receiver?.id === item.id && call && /invocation|call/.test(call.type)) {
    const name =
      (member ?? parent).childForFieldName('name') ??
      member?.childForFieldName('attribute') ??
      member?.childForFieldName('field');
    return name ? { place: { call: { name: name.text, index: -1 } }, receiverOf: call } : { place: {} };
  }
  if (OPERATION.test(parent.type)) {
    const operator =
      parent.childForFieldName('operator')?.text ??
      parent.children
        .filter((child) => child && !child.isNamed)
        .map((child) => child!.text)
        .join(' ');
    const right = parent.childForFieldName('right') ?? parent.namedChildren.at(-1);
    return { place: { operator: { text: operator, side: right?.id === item.id ? 'right' : 'left' } } };
  }
  const named = parent.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
  if (CONDITIONAL.test(parent.type)) {
    // Python writes `a if condition else b`: the condition stands between the branches.
    const condition =
      parent.childForFieldName('condition') ??
      (named.length === 3 && parent.children[1]?.text === 'if' ? named[1] : undefined);
    if (condition?.id === item.id) return { place: {} };
    const other = named.find((child) => child.id !== item.id && child.id !== condition?.id);
    return {
      place: {
        branch: { otherIsLiteral: other ? LITERAL.test(other.type) && !/interpolat|template/.test(other.type) : false },
      },
    };
  }
  if (ARGUMENTS.test(parent.type)) {
    const call = parent.parent;
    const callee =
      call?.childForFieldName('name') ?? call?.childForFieldName('function') ?? call?.childForFieldName('type');
    // A keyword argument (`hostname=platform.node()`) names its value as a field.
    return callee
      ? { place: { call: { name: calledName(callee.text), index: named.findIndex((child) => child.id === item.id) } } }
      : { place: {} };
  }
  const keyKind = FIELD.test(parent.type) ? 'field' : VARIABLE.test(parent.type) ? 'variable' : undefined;
  if (keyKind) {
    const key =
      parent.childForFieldName('key') ??
      parent.childForFieldName('name') ??
      parent.childForFieldName('left') ??
      (named.length === 2 && named[1]!.id === item.id ? named[0] : undefined);
    if (key && key.id !== item.id) return { place: { key: keyName(key.text), keyKind } };
  }
  return { place: {} };
}

/** A PHP array element without a key (`['a', 'b']`) only holds its value. */
function isPlainElement(node: Node): boolean {
  return (
    node.type === 'array_element_initializer' &&
    node.namedChildren.filter((child) => child !== null && child.type !== 'comment').length === 1
  );
}
