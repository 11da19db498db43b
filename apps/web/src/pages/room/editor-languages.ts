import type { LanguageId } from '@interviewselect/contracts';
import { completeFromList, completeAnyWord, type CompletionSource } from '@codemirror/autocomplete';
import { StreamLanguage } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';

/**
 * Syntax highlighting and completion for every runner language. Each grammar
 * is its own chunk, loaded when the room first shows that language; the
 * editor reconfigures a compartment once it arrives.
 */
const LOADERS: Record<LanguageId, () => Promise<Extension>> = {
  python: () => import('@codemirror/lang-python').then((m) => m.python()),
  javascript: () => import('@codemirror/lang-javascript').then((m) => m.javascript()),
  typescript: () => import('@codemirror/lang-javascript').then((m) => m.javascript({ typescript: true })),
  java: () => import('@codemirror/lang-java').then((m) => m.java()),
  c: () => import('@codemirror/lang-cpp').then((m) => m.cpp()),
  cpp: () => import('@codemirror/lang-cpp').then((m) => m.cpp()),
  go: () => import('@codemirror/lang-go').then((m) => m.go()),
  rust: () => import('@codemirror/lang-rust').then((m) => m.rust()),
  php: () => import('@codemirror/lang-php').then((m) => m.php()),
  sql: () => import('@codemirror/lang-sql').then((m) => m.sql({ dialect: m.SQLite })),
  ruby: () => import('@codemirror/legacy-modes/mode/ruby').then((m) => StreamLanguage.define(m.ruby)),
  csharp: () => import('@codemirror/legacy-modes/mode/clike').then((m) => StreamLanguage.define(m.csharp)),
  bash: () => import('@codemirror/legacy-modes/mode/shell').then((m) => StreamLanguage.define(m.shell)),
};

const words = (list: string) => list.split(/\s+/).filter(Boolean);

/** Keywords and common built-ins offered by autocomplete, beside the words already in the document. */
export const KEYWORDS: Record<LanguageId, readonly string[]> = {
  python: words(`and as assert async await break class continue def del elif else except False finally for from
    global if import in is lambda None nonlocal not or pass raise return True try while with yield print range len
    input int str float list dict set tuple enumerate zip sorted reversed min max sum abs map filter isinstance`),
  javascript: words(`async await break case catch class const continue debugger default delete do else export
    extends false finally for function if import in instanceof let new null return static super switch this throw
    true try typeof undefined var void while yield console log Array Object Map Set Promise JSON Math Number String`),
  typescript: words(`abstract any as async await boolean break case catch class const continue declare default
    do else enum export extends false finally for from function if implements import in infer instanceof interface
    keyof let namespace never new null number object private protected public readonly return satisfies static string
    super switch this throw true try type typeof undefined unknown var void while console Array Map Set Promise`),
  java: words(`abstract boolean break byte case catch char class continue default do double else enum extends
    final finally float for if implements import instanceof int interface long new null package private protected
    public return short static super switch this throw throws true false try void while String System out println
    ArrayList HashMap List Map Scanner Integer`),
  c: words(`auto break case char const continue default do double else enum extern float for goto if int long
    register return short signed sizeof static struct switch typedef union unsigned void volatile while include
    printf scanf malloc free NULL`),
  cpp: words(`auto bool break case catch char class const constexpr continue default delete do double else enum
    explicit false float for friend if include inline int long namespace new nullptr operator private protected public
    return short signed sizeof static struct switch template this throw true try typedef typename using virtual void
    while std cout cin endl vector string map unordered_map`),
  go: words(`break case chan const continue default defer else fallthrough for func go goto if import interface
    map package range return select struct switch type var nil true false append len make fmt Println Printf string int`),
  rust: words(`as async await break const continue crate else enum extern false fn for if impl in let loop match
    mod move mut pub ref return self Self static struct super trait true type unsafe use where while println String Vec
    Option Some None Result Ok Err`),
  ruby: words(`alias and begin break case class def defined do else elsif end ensure false for if in module next
    nil not or redo rescue retry return self super then true undef unless until when while yield puts gets require`),
  php: words(`abstract and array as break case catch class const continue declare default do echo else elseif
    empty endif extends false final finally fn for foreach function global if implements include interface isset
    list namespace new null print private protected public require return static switch this throw true try use var while`),
  csharp: words(`abstract as base bool break byte case catch char class const continue decimal default delegate do
    double else enum event false finally float for foreach if in int interface internal is lock long namespace new null
    object out override private protected public readonly ref return sealed static string struct switch this throw true
    try typeof using var virtual void while Console WriteLine List Dictionary`),
  bash: words(`if then else elif fi case esac for while until do done in function return local export echo read
    printf exit shift test true false`),
  sql: words(`SELECT FROM WHERE AND OR NOT INSERT INTO VALUES UPDATE SET DELETE CREATE TABLE PRIMARY KEY
    FOREIGN REFERENCES JOIN LEFT INNER OUTER ON GROUP BY ORDER HAVING LIMIT OFFSET DISTINCT AS COUNT SUM AVG MIN MAX
    NULL IS IN LIKE BETWEEN UNION ALL INTEGER TEXT REAL`),
};

export function keywordCompletions(language: LanguageId): CompletionSource {
  return completeFromList(KEYWORDS[language].map((label) => ({ label, type: 'keyword' })));
}

/** Completion for a language before and after its grammar loads: its keywords and the document's words. */
export function completionFor(language: LanguageId): Extension {
  return EditorState.languageData.of(() => [
    { autocomplete: keywordCompletions(language) },
    { autocomplete: completeAnyWord },
  ]);
}

export function loadLanguage(language: LanguageId): Promise<Extension> {
  return LOADERS[language]();
}
