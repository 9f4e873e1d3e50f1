/**
 * The SQL editor's CodeMirror, loaded by ./SqlEditor.svelte when the editor is wanted (one dynamic
 * import). CodeMirror's basicSetup, less what a box of a few lines of SQL has no use for: the fold
 * gutter, the search panel and its match highlighting, the lint keymap, rectangular and multiple
 * selections, the drop cursor. About 60 KB less to parse while DuckDB starts (issue 20).
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { sql, StandardSQL, type SQLNamespace } from '@codemirror/lang-sql';
import { Prec, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';

export { EditorView };

export interface EditorSetup {
  /** Table → its columns, for completion. */
  schema: SQLNamespace;
  /** The textbox's accessible name. */
  label: string;
  /** Ctrl/Cmd+Enter. */
  onrun: () => void;
  /** The text, after each change. */
  onchange: (text: string) => void;
}

export function editorExtensions({ schema, label, onrun, onchange }: EditorSetup): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    bracketMatching(),
    closeBrackets(),
    autocompletion(),
    highlightActiveLine(),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
    sql({ dialect: StandardSQL, schema, upperCaseKeywords: true }),
    Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (onrun(), true) }])),
    EditorView.contentAttributes.of({ 'aria-label': label }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) onchange(u.state.doc.toString());
    }),
  ];
}
