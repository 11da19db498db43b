import type { Language } from '@codemirror/language';
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { useEffect, useState, type ReactNode } from 'react';

type Parser = Language['parser'];

/**
 * Read-only syntax highlighting for code blocks (statements, starter code):
 * the CodeMirror grammars the room already ships, run once over the text with
 * classHighlighter. Every token is a text node inside a <span class="tok-…">,
 * never HTML. Grammars are lazy chunks; until one arrives the code shows plain.
 */
const PARSERS: Record<string, () => Promise<Parser>> = {
  python: () => import('@codemirror/lang-python').then((m) => m.pythonLanguage.parser),
  javascript: () => import('@codemirror/lang-javascript').then((m) => m.javascriptLanguage.parser),
  typescript: () => import('@codemirror/lang-javascript').then((m) => m.typescriptLanguage.parser),
  java: () => import('@codemirror/lang-java').then((m) => m.javaLanguage.parser),
  cpp: () => import('@codemirror/lang-cpp').then((m) => m.cppLanguage.parser),
  go: () => import('@codemirror/lang-go').then((m) => m.goLanguage.parser),
  rust: () => import('@codemirror/lang-rust').then((m) => m.rustLanguage.parser),
  sql: () => import('@codemirror/lang-sql').then((m) => m.SQLite.language.parser),
  ruby: () =>
    Promise.all([import('@codemirror/language'), import('@codemirror/legacy-modes/mode/ruby')]).then(
      ([l, m]) => l.StreamLanguage.define(m.ruby).parser,
    ),
  csharp: () =>
    Promise.all([import('@codemirror/language'), import('@codemirror/legacy-modes/mode/clike')]).then(
      ([l, m]) => l.StreamLanguage.define(m.csharp).parser,
    ),
  bash: () =>
    Promise.all([import('@codemirror/language'), import('@codemirror/legacy-modes/mode/shell')]).then(
      ([l, m]) => l.StreamLanguage.define(m.shell).parser,
    ),
};

const ALIASES: Record<string, string> = {
  py: 'python',
  python3: 'python',
  js: 'javascript',
  node: 'javascript',
  ts: 'typescript',
  c: 'cpp',
  'c++': 'cpp',
  cc: 'cpp',
  golang: 'go',
  rs: 'rust',
  rb: 'ruby',
  cs: 'csharp',
  'c#': 'csharp',
  sh: 'bash',
  shell: 'bash',
  sqlite: 'sql',
};

/** The grammar name for a fence's info string or a language id, or null when none fits. */
export function grammarFor(lang: string): string | null {
  const name = lang.trim().toLowerCase();
  const resolved = ALIASES[name] ?? name;
  return resolved in PARSERS ? resolved : null;
}

export interface Token {
  text: string;
  /** Space-separated tok-* classes; empty for plain text. */
  classes: string;
}

/** Splits code into highlighted tokens (line breaks are "\n" tokens). */
export function tokenize(code: string, parser: Parser): Token[] {
  const tokens: Token[] = [];
  highlightCode(
    code,
    parser.parse(code),
    classHighlighter,
    (text, classes) => tokens.push({ text, classes }),
    () => tokens.push({ text: '\n', classes: '' }),
  );
  return tokens;
}

function useTokens(code: string, lang: string): Token[] | null {
  const grammar = grammarFor(lang);
  const [result, setResult] = useState<{ code: string; grammar: string; tokens: Token[] } | null>(null);
  useEffect(() => {
    if (!grammar) return;
    let isCurrent = true;
    const load = PARSERS[grammar];
    void load?.()
      .then((parser) => {
        if (isCurrent) setResult({ code, grammar, tokens: tokenize(code, parser) });
      })
      // A grammar chunk that fails to load leaves the code plain: still readable.
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [code, grammar]);
  return result && result.code === code && result.grammar === grammar ? result.tokens : null;
}

/** A focusable, scrollable code block; highlighted when the language is known. */
export function CodeBlock({ code, lang, label }: { code: string; lang: string; label?: string }) {
  const tokens = useTokens(code, lang);
  let content: ReactNode = code;
  if (tokens) {
    content = tokens.map((token, index) =>
      token.classes ? (
        <span key={index} className={token.classes}>
          {token.text}
        </span>
      ) : (
        token.text
      ),
    );
  }
  return (
    <pre tabIndex={0} data-lang={lang || undefined} aria-label={label} className="ui-code-block">
      <code>{content}</code>
    </pre>
  );
}
