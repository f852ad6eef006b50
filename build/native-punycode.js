// twitter-text asks the `punycode` package for one thing: a domain label's ASCII (xn--) form, to
// check its length. Browsers encode host names themselves (the URL parser applies IDNA), so the
// extension's bundles use that instead of carrying the package; Node (the CLI, the tests) keeps it.
export default {
  toASCII(label) {
    try {
      return new URL(`http://${label}.invalid/`).hostname.slice(0, -'.invalid'.length);
    } catch {
      return '';
    }
  },
};
