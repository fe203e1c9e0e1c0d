// Observable Framework configuration: a static, German site that loads nothing
// from third parties (no web fonts, no CDN, no telemetry).
export default {
  title: "PIK-Monitor",
  root: "src",
  output: "dist",
  lang: "de",
  // The default stylesheet pulls Google Fonts: a privacy problem for a public authority.
  globalStylesheets: [],
  head: '<link rel="icon" href="data:,">',
  footer: "PIK-Monitor · Pakt für Integration Baden-Württemberg",
  pager: false,
  search: false,
};
