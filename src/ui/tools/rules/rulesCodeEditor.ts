// The Rules lab's code editor: CodeMirror 6 with TypeScript highlighting, the lab's diagnostics at their place
// (squiggles, gutter marks, and the lint panel), colours from the app's theme, and keyboard-friendly Tab handling.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { RulesDiagnostic } from '../../../tools/rules-lab/protocol.ts';

/** Syntax colours: CSS variables the editor's wrapper sets for the light and the dark theme. */
const highlight = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.moduleKeyword, tags.operatorKeyword],
    color: 'var(--code-keyword)',
  },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--code-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--code-number)' },
  {
    tag: [tags.comment, tags.lineComment, tags.blockComment],
    color: 'var(--code-comment)',
    fontStyle: 'italic',
  },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--code-type)' },
  {
    tag: [tags.definition(tags.variableName), tags.function(tags.variableName)],
    color: 'var(--code-definition)',
  },
  { tag: tags.propertyName, color: 'var(--code-property)' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

/** The editor's chrome from the app's theme variables (so it follows light and dark). */
const theme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--surface)',
    fontSize: 'var(--rules-font-size, 16px)',
    border: '1px solid var(--border-strong)',
    borderRadius: 'var(--radius)',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection':
    { backgroundColor: 'var(--code-selection)' },
  '.cm-activeLine': { backgroundColor: 'var(--code-active-line)' },
  '.cm-gutters': {
    backgroundColor: 'var(--surface-2)',
    color: 'var(--text-muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLineGutter': { backgroundColor: 'var(--code-active-line)', color: 'var(--text)' },
  '.cm-matchingBracket': { outline: '1px solid var(--border-strong)', backgroundColor: 'transparent' },
  '.cm-tooltip': {
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    border: '1px solid var(--border-strong)',
    borderRadius: 'var(--radius)',
  },
  '.cm-diagnostic': { fontFamily: 'var(--font-sans)', whiteSpace: 'pre-wrap' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warn)' },
  '.cm-panel.cm-panel-lint': { backgroundColor: 'var(--surface-2)', color: 'var(--text)' },
  '.cm-panel.cm-panel-lint ul [aria-selected]': {
    backgroundColor: 'var(--accent-soft)',
    color: 'var(--text)',
  },
});

/** Pure: the lab's diagnostics as CodeMirror's, clamped to the document (an older result may be longer). */
export function toEditorDiagnostics(diagnostics: readonly RulesDiagnostic[], length: number): Diagnostic[] {
  return diagnostics.map((d) => {
    const from = Math.min(d.from, length);
    return {
      from,
      to: Math.max(from, Math.min(d.to, length)),
      severity: d.severity,
      source: d.source,
      message: d.message,
    };
  });
}

export interface RulesCodeEditor {
  readonly view: EditorView;
  /** Shows these diagnostics (replacing the ones shown). */
  showDiagnostics(diagnostics: readonly RulesDiagnostic[]): void;
  /** Replaces the whole text (an exercise, a file or a link was opened); no change is reported for it. */
  replaceText(text: string): void;
  /** Puts the cursor at `offset`, scrolls it into view and focuses the editor. */
  focusAt(offset: number): void;
  destroy(): void;
}

/**
 * Creates the editor in `parent`. Tab moves focus when the editor was reached with the keyboard, and indents once
 * the learner types or clicks in it, until Escape or leaving the editor: so Escape then Tab always moves focus out.
 */
export function createRulesCodeEditor(
  parent: HTMLElement,
  options: { text: string; label: string; describedBy?: string; onChange(text: string): void },
): RulesCodeEditor {
  let isReplacing = false;
  const tabBehaviour = new Compartment();
  let isIndenting = false;
  const tabIndents = (editor: EditorView, indents: boolean) => {
    if (indents === isIndenting) return;
    isIndenting = indents;
    editor.dispatch({ effects: tabBehaviour.reconfigure(indents ? keymap.of([indentWithTab]) : []) });
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        javascript({ typescript: true }),
        syntaxHighlighting(highlight),
        lintGutter(),
        keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
        tabBehaviour.of([]),
        theme,
        EditorView.contentAttributes.of({
          'aria-label': options.label,
          // Why: the editable content is focusable anyway; saying so lets checkers see the scroller is reachable.
          tabindex: '0',
          ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !isReplacing) options.onChange(update.state.doc.toString());
        }),
        EditorView.domEventHandlers({
          // Why: someone tabbing through the page passes through the editor; typing or clicking means editing,
          // and then Tab indents until Escape or leaving the editor.
          mousedown: (_, editor) => tabIndents(editor, true),
          keydown: (event, editor) => {
            if (event.key === 'Escape') tabIndents(editor, false);
            else if (event.key !== 'Tab' && event.key !== 'Shift') tabIndents(editor, true);
            return false;
          },
          blur: (_, editor) => tabIndents(editor, false),
        }),
      ],
    }),
  });
  return {
    view,
    showDiagnostics(diagnostics) {
      view.dispatch(setDiagnostics(view.state, toEditorDiagnostics(diagnostics, view.state.doc.length)));
    },
    replaceText(text) {
      if (text === view.state.doc.toString()) return;
      isReplacing = true;
      try {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      } finally {
        isReplacing = false;
      }
    },
    focusAt(offset) {
      const at = Math.min(Math.max(0, offset), view.state.doc.length);
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    },
    destroy: () => view.destroy(),
  };
}
