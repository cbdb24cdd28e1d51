// The modules the rules lab's build plugin provides (see `build/sandboxBundle.ts`).

declare module 'virtual:eventscope-rules-sandbox' {
  /** The sandbox worker: one self-contained classic script. */
  const script: string;
  export default script;
}

declare module 'virtual:eventscope-rules-types' {
  /** The type checker's files by path: the public entry's declarations, its packages' and the standard library. */
  const files: Readonly<Record<string, string>>;
  export default files;
}
