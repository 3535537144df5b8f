import type { Tree, TreeCursor } from 'web-tree-sitter';

/** The children of every leaf (most nodes are leaves). */
const NO_CHILDREN: readonly SyntaxNode[] = Object.freeze([]);

/** `SyntaxNode.flags` bits. */
const NAMED = 1;
const MISSING = 2;

/**
 * A tree-sitter syntax tree read into plain JavaScript objects, which is what the converters of this folder work on.
 * web-tree-sitter's own `Node` crosses into WebAssembly for every property read (its type, end, children...), and
 * the converters read each node many times: reading the tree once, in one cursor walk, and converting from plain
 * objects costs a fraction of that. A file is read one top-level item at a time (`SyntaxTreeReader.topLevel`), so the
 * copy never holds more than one top-level block's nodes; nodes are kept small (a few fields, exact-size child lists)
 * because a block can be most of a 5 MiB file.
 */
export class SyntaxNode {
  /** All children in source order, comments and anonymous tokens (`=`, `{`) included. */
  children: readonly SyntaxNode[] = NO_CHILDREN;

  constructor(
    readonly type: string,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly flags: number,
    /** The text the tree was parsed from. */
    private readonly input: string,
  ) {}

  /** Named in the grammar (a rule), as opposed to an anonymous token such as `+` or `{`. */
  get isNamed(): boolean {
    return (this.flags & NAMED) !== 0;
  }

  /** Inserted by tree-sitter's error recovery (zero width, absent from the source). */
  get isMissing(): boolean {
    return (this.flags & MISSING) !== 0;
  }

  get text(): string {
    return this.input.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): SyntaxNode[] {
    return this.children.filter((child) => child.isNamed);
  }
}

/**
 * The moves and reads of a tree cursor the reader needs, each given the tree's handle: a move answers 1 when it moved,
 * `isNamed` / `isMissing` 1 for true. The functions of the binding have exactly this shape and are used as they are
 * (one call per read: the walk makes several per node).
 */
interface CursorOps {
  firstChild(handle: number): number;
  nextSibling(handle: number): number;
  parent(handle: number): number;
  typeId(handle: number): number;
  startIndex(handle: number): number;
  endIndex(handle: number): number;
  isNamed(handle: number): number;
  isMissing(handle: number): number;
  close(handle: number): void;
}

/**
 * The C functions web-tree-sitter's binding exports on its Emscripten module object (`lib/tree-sitter.c` of the
 * package). Each takes the tree's handle and reads or writes the cursor in the binding's transfer buffer, so a walk
 * made only of these calls keeps its cursor there between calls, with no JavaScript marshalling at all.
 */
export interface TreeSitterBinding {
  _ts_tree_root_node_wasm(tree: number): void;
  _ts_tree_cursor_new_wasm(tree: number): void;
  _ts_tree_cursor_delete_wasm(tree: number): void;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_named_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
}

const BINDING_FUNCTIONS: ReadonlyArray<keyof TreeSitterBinding> = [
  '_ts_tree_root_node_wasm',
  '_ts_tree_cursor_new_wasm',
  '_ts_tree_cursor_delete_wasm',
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_current_node_is_named_wasm',
  '_ts_tree_cursor_current_node_is_missing_wasm',
];

/** Whether `module` (the object given to `Parser.init`) carries every function of `TreeSitterBinding`. */
export function isTreeSitterBinding(module: object): module is TreeSitterBinding {
  return BINDING_FUNCTIONS.every((name) => typeof (module as Record<string, unknown>)[name] === 'function');
}

/** A cursor over `tree` through the binding's C functions (see `TreeSitterBinding`); its handle is the tree's. */
function bindingCursor(binding: TreeSitterBinding, tree: Tree): { ops: CursorOps; handle: number } {
  // The tree's handle in WebAssembly memory (web-tree-sitter keeps it at index 0 of the Tree object).
  const handle = (tree as unknown as { 0: number })[0];
  binding._ts_tree_root_node_wasm(handle);
  binding._ts_tree_cursor_new_wasm(handle);
  const ops: CursorOps = {
    firstChild: binding._ts_tree_cursor_goto_first_child_wasm,
    nextSibling: binding._ts_tree_cursor_goto_next_sibling_wasm,
    parent: binding._ts_tree_cursor_goto_parent_wasm,
    typeId: binding._ts_tree_cursor_current_node_type_id_wasm,
    startIndex: binding._ts_tree_cursor_start_index_wasm,
    endIndex: binding._ts_tree_cursor_end_index_wasm,
    isNamed: binding._ts_tree_cursor_current_node_is_named_wasm,
    isMissing: binding._ts_tree_cursor_current_node_is_missing_wasm,
    close: binding._ts_tree_cursor_delete_wasm,
  };
  return { ops, handle };
}

/** A cursor over `tree` through web-tree-sitter's public `TreeCursor` (slower: it marshals the cursor on every call). */
function publicCursor(tree: Tree): { ops: CursorOps; handle: number } {
  const cursor: TreeCursor = tree.walk();
  const ops: CursorOps = {
    firstChild: () => (cursor.gotoFirstChild() ? 1 : 0),
    nextSibling: () => (cursor.gotoNextSibling() ? 1 : 0),
    parent: () => (cursor.gotoParent() ? 1 : 0),
    typeId: () => cursor.nodeTypeId,
    startIndex: () => cursor.startIndex,
    endIndex: () => cursor.endIndex,
    isNamed: () => (cursor.nodeIsNamed ? 1 : 0),
    isMissing: () => (cursor.nodeIsMissing ? 1 : 0),
    close: () => cursor.delete(),
  };
  return { ops, handle: 0 };
}

/** Named-ness by type id, learnt once per type (it depends on the type alone). 0 unknown, 1 anonymous, 2 named. */
const NAMED_UNKNOWN = 0;
const NAMED_NO = 1;
const NAMED_YES = 2;

/**
 * Reads a syntax tree through a cursor into `SyntaxNode`s. Nothing else may use web-tree-sitter between the reader's
 * creation and `close()` when it reads through the binding (the cursor lives in the binding's transfer buffer);
 * what is done with the nodes it returns in between is free.
 */
export class SyntaxTreeReader {
  /** Every comment read so far, in source order. */
  readonly comments: SyntaxNode[] = [];
  private readonly ops: CursorOps;
  private readonly handle: number;
  private readonly types: readonly string[];
  private readonly named = new Uint8Array(65536);
  private closed = false;

  constructor(
    tree: Tree,
    private readonly input: string,
    binding?: TreeSitterBinding,
  ) {
    this.types = tree.language.types;
    ({ ops: this.ops, handle: this.handle } = binding ? bindingCursor(binding, tree) : publicCursor(tree));
  }

  /** The node at the cursor, without its children. */
  current(): SyntaxNode {
    const { ops, handle } = this;
    const typeId = ops.typeId(handle);
    let named = this.named[typeId];
    if (named === NAMED_UNKNOWN) {
      named = ops.isNamed(handle) === 1 ? NAMED_YES : NAMED_NO;
      this.named[typeId] = named;
    }
    const start = ops.startIndex(handle);
    const end = ops.endIndex(handle);
    // Only a zero-width node can be a missing one.
    const flags = (named === NAMED_YES ? NAMED : 0) | (start === end && ops.isMissing(handle) === 1 ? MISSING : 0);
    const node = new SyntaxNode(this.types[typeId] || 'ERROR', start, end, flags, this.input);
    if (node.type === 'comment') this.comments.push(node);
    return node;
  }

  /** The node at the cursor with all its descendants (read without recursion); the cursor ends where it started. */
  subtree(): SyntaxNode {
    const { ops, handle } = this;
    const top = this.current();
    if (ops.firstChild(handle) !== 1) return top;
    // The children read so far of every node being read (`parents`), each node's from its entry in `starts` on; a
    // node's list is copied out at its exact size once complete.
    const pending: SyntaxNode[] = [];
    const parents: SyntaxNode[] = [top];
    const starts: number[] = [0];
    for (;;) {
      const node = this.current();
      pending.push(node);
      if (ops.firstChild(handle) === 1) {
        parents.push(node);
        starts.push(pending.length);
        continue;
      }
      while (ops.nextSibling(handle) !== 1) {
        ops.parent(handle);
        const parent = parents.pop();
        const start = starts.pop() ?? 0;
        if (!parent) return top;
        parent.children = pending.slice(start);
        pending.length = start;
        if (parents.length === 0) return top;
      }
    }
  }

  /**
   * The root's children, each with its subtree, one at a time; a `body` child (the grammar's wrapper of a file's
   * content) is replaced by its own children, so each item is one top-level block, argument or comment.
   */
  *topLevel(): Generator<SyntaxNode> {
    const { ops, handle } = this;
    if (ops.firstChild(handle) !== 1) return;
    do {
      if (this.types[ops.typeId(handle)] === 'body') {
        if (ops.firstChild(handle) === 1) {
          do yield this.subtree();
          while (ops.nextSibling(handle) === 1);
          ops.parent(handle);
        }
      } else yield this.subtree();
    } while (ops.nextSibling(handle) === 1);
    ops.parent(handle);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.ops.close(this.handle);
  }
}
