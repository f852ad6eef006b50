/** See native-punycode.js. */
declare const punycode: { toASCII(label: string): string };
export default punycode;
