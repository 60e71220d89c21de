// The end of the policy's first screen: the block under the banner and the header with the policy's title,
// description and dates. The layout's <link rel="expect" blocking="render"> holds the first paint until the
// parser has read it whole, so a page whose HTML arrives in pieces (a slow network, a busy machine) never
// paints a half-read header first and then shifts it when the rest comes (Chrome 124+; other browsers
// ignore the link and paint as before).
export const FIRST_SCREEN_END_ID = "policy-intro";
