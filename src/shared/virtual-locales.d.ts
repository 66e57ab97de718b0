declare module 'virtual:fcs-locales' {
  /** every bundled locale's message texts by key, parsed on the first call (tools/build/locales-alias.ts) */
  const locales: () => Readonly<Record<'zh_CN' | 'en', Readonly<Record<string, string | undefined>>>>;
  export default locales;
}
