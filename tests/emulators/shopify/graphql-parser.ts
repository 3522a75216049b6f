// A small GraphQL parser for the operations a Shopify connector sends (see README.md).
// It covers operations, variables, arguments, aliases and field directives; fragments,
// subscriptions and block strings are rejected with a GraphQL-style error instead of being
// half-understood, so a connector cannot rely on something the emulator does not check.

export type ValueNode =
  | { kind: 'variable'; name: string }
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'enum'; value: string }
  | { kind: 'list'; values: ValueNode[] }
  | { kind: 'object'; fields: Record<string, ValueNode> };

export interface DirectiveNode {
  name: string;
  args: Record<string, ValueNode>;
}

export interface FieldNode {
  /** The key in the answer: the alias when there is one, else the field name. */
  responseKey: string;
  name: string;
  args: Record<string, ValueNode>;
  directives: DirectiveNode[];
  /** null for a leaf field (no selection set). */
  selections: FieldNode[] | null;
}

export interface VariableDefinition {
  name: string;
  /** The type as written, e.g. `Int!` or `[String!]`; only nullability is checked. */
  type: string;
  defaultValue: ValueNode | null;
}

export interface OperationNode {
  type: 'query' | 'mutation';
  name: string | null;
  variables: VariableDefinition[];
  selections: FieldNode[];
}

export class GraphqlSyntaxError extends Error {}

type Token = { kind: 'punct' | 'name' | 'int' | 'float' | 'string'; text: string; pos: number };

const punctuators = new Set(['!', '$', '(', ')', ':', '=', '@', '[', ']', '{', '}', '|']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === ',' || ch === '\uFEFF') {
      i += 1;
    } else if (ch === '#') {
      while (i < source.length && source.charAt(i) !== '\n') i += 1;
    } else if (source.startsWith('...', i)) {
      throw new GraphqlSyntaxError(`Fragments are not supported by the emulator (position ${i})`);
    } else if (punctuators.has(ch)) {
      tokens.push({ kind: 'punct', text: ch, pos: i });
      i += 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
      const text = match?.[0] ?? ch;
      tokens.push({ kind: 'name', text, pos: i });
      i += text.length;
    } else if (/[-0-9]/.test(ch)) {
      const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i));
      if (!match) throw new GraphqlSyntaxError(`Invalid number at position ${i}`);
      const text = match[0];
      tokens.push({ kind: match[2] || match[3] ? 'float' : 'int', text, pos: i });
      i += text.length;
    } else if (ch === '"') {
      if (source.startsWith('"""', i)) throw new GraphqlSyntaxError('Block strings are not supported by the emulator');
      const { value, end } = readString(source, i);
      tokens.push({ kind: 'string', text: value, pos: i });
      i = end;
    } else {
      throw new GraphqlSyntaxError(`Unexpected character "${ch}" at position ${i}`);
    }
  }
  return tokens;
}

function readString(source: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '"') return { value, end: i + 1 };
    if (ch === '\n') break;
    if (ch === '\\') {
      const next = source.charAt(i + 1);
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (next === 'u') {
        value += String.fromCharCode(Number.parseInt(source.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      const replacement = simple[next];
      if (replacement === undefined) throw new GraphqlSyntaxError(`Invalid escape at position ${i}`);
      value += replacement;
      i += 2;
      continue;
    }
    value += ch;
    i += 1;
  }
  throw new GraphqlSyntaxError(`Unterminated string at position ${start}`);
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parseDocument(): OperationNode[] {
    const operations: OperationNode[] = [];
    while (this.peek()) operations.push(this.parseOperation());
    if (operations.length === 0) throw new GraphqlSyntaxError('The document contains no operation');
    return operations;
  }

  private parseOperation(): OperationNode {
    const first = this.peek();
    if (first?.kind === 'punct' && first.text === '{') {
      return { type: 'query', name: null, variables: [], selections: this.parseSelectionSet() };
    }
    const keyword = this.expectName();
    if (keyword === 'fragment') throw new GraphqlSyntaxError('Fragments are not supported by the emulator');
    if (keyword !== 'query' && keyword !== 'mutation') {
      throw new GraphqlSyntaxError(`Unsupported operation type "${keyword}"`);
    }
    const name = this.peek()?.kind === 'name' ? this.expectName() : null;
    const variables = this.isPunct('(') ? this.parseVariableDefinitions() : [];
    if (this.isPunct('@')) throw new GraphqlSyntaxError('Operation directives are not supported by the emulator');
    return { type: keyword, name, variables, selections: this.parseSelectionSet() };
  }

  private parseVariableDefinitions(): VariableDefinition[] {
    this.expectPunct('(');
    const definitions: VariableDefinition[] = [];
    while (!this.isPunct(')')) {
      this.expectPunct('$');
      const name = this.expectName();
      this.expectPunct(':');
      const type = this.parseTypeReference();
      let defaultValue: ValueNode | null = null;
      if (this.isPunct('=')) {
        this.expectPunct('=');
        defaultValue = this.parseValue(true);
      }
      definitions.push({ name, type, defaultValue });
    }
    this.expectPunct(')');
    return definitions;
  }

  private parseTypeReference(): string {
    let type: string;
    if (this.isPunct('[')) {
      this.expectPunct('[');
      type = `[${this.parseTypeReference()}]`;
      this.expectPunct(']');
    } else {
      type = this.expectName();
    }
    if (this.isPunct('!')) {
      this.expectPunct('!');
      type += '!';
    }
    return type;
  }

  private parseSelectionSet(): FieldNode[] {
    this.expectPunct('{');
    const fields: FieldNode[] = [];
    while (!this.isPunct('}')) fields.push(this.parseField());
    this.expectPunct('}');
    if (fields.length === 0) throw new GraphqlSyntaxError('A selection set cannot be empty');
    return fields;
  }

  private parseField(): FieldNode {
    let name = this.expectName();
    const responseKey = name;
    if (this.isPunct(':')) {
      this.expectPunct(':');
      name = this.expectName();
    }
    const args = this.isPunct('(') ? this.parseArguments(false) : {};
    const directives: DirectiveNode[] = [];
    while (this.isPunct('@')) {
      this.expectPunct('@');
      const directiveName = this.expectName();
      directives.push({ name: directiveName, args: this.isPunct('(') ? this.parseArguments(false) : {} });
    }
    const selections = this.isPunct('{') ? this.parseSelectionSet() : null;
    return { responseKey, name, args, directives, selections };
  }

  private parseArguments(constant: boolean): Record<string, ValueNode> {
    this.expectPunct('(');
    const args: Record<string, ValueNode> = {};
    while (!this.isPunct(')')) {
      const name = this.expectName();
      this.expectPunct(':');
      if (name in args) throw new GraphqlSyntaxError(`Argument "${name}" is given twice`);
      args[name] = this.parseValue(constant);
    }
    this.expectPunct(')');
    return args;
  }

  private parseValue(constant: boolean): ValueNode {
    const token = this.next();
    if (token.kind === 'int') return { kind: 'int', value: Number(token.text) };
    if (token.kind === 'float') return { kind: 'float', value: Number(token.text) };
    if (token.kind === 'string') return { kind: 'string', value: token.text };
    if (token.kind === 'name') {
      if (token.text === 'true' || token.text === 'false') return { kind: 'boolean', value: token.text === 'true' };
      if (token.text === 'null') return { kind: 'null' };
      return { kind: 'enum', value: token.text };
    }
    if (token.text === '$') {
      if (constant) throw new GraphqlSyntaxError('A variable cannot be used in a default value');
      return { kind: 'variable', name: this.expectName() };
    }
    if (token.text === '[') {
      const values: ValueNode[] = [];
      while (!this.isPunct(']')) values.push(this.parseValue(constant));
      this.expectPunct(']');
      return { kind: 'list', values };
    }
    if (token.text === '{') {
      const fields: Record<string, ValueNode> = {};
      while (!this.isPunct('}')) {
        const name = this.expectName();
        this.expectPunct(':');
        fields[name] = this.parseValue(constant);
      }
      this.expectPunct('}');
      return { kind: 'object', fields };
    }
    throw new GraphqlSyntaxError(`Unexpected "${token.text}" at position ${token.pos}`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (!token) throw new GraphqlSyntaxError('Unexpected end of document');
    this.index += 1;
    return token;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'punct' && token.text === text;
  }

  private expectPunct(text: string): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.text !== text) {
      throw new GraphqlSyntaxError(`Expected "${text}" but found "${token.text}" at position ${token.pos}`);
    }
  }

  private expectName(): string {
    const token = this.next();
    if (token.kind !== 'name') throw new GraphqlSyntaxError(`Expected a name but found "${token.text}" at position ${token.pos}`);
    return token.text;
  }
}

/** Parses a document; throws GraphqlSyntaxError on anything outside the supported subset. */
export function parseDocument(source: string): OperationNode[] {
  return new Parser(tokenize(source)).parseDocument();
}
