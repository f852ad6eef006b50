// twitter-text is imported a function at a time (its whole bundle is too big for the content
// script); @types/twitter-text only describes the package's main entry.
declare module 'twitter-text/dist/esm/regexp/validHashtag.js' {
  /** Global: the text before the sign, the sign, the tag. */
  const validHashtag: RegExp;
  export default validHashtag;
}

declare module 'twitter-text/dist/esm/regexp/hashSigns.js' {
  /** The signs every hashtag starts with (# and the full-width ＃). */
  const hashSigns: RegExp;
  export default hashSigns;
}

declare module 'twitter-text/dist/esm/regexp/endHashtagMatch.js' {
  const endHashtagMatch: RegExp;
  export default endHashtagMatch;
}

declare module 'twitter-text/dist/esm/extractMentionsWithIndices.js' {
  const extractMentionsWithIndices: (text: string) => { screenName: string; indices: [number, number] }[];
  export default extractMentionsWithIndices;
}

declare module 'twitter-text/dist/esm/extractHashtagsWithIndices.js' {
  const extractHashtagsWithIndices: (text: string) => { hashtag: string; indices: [number, number] }[];
  export default extractHashtagsWithIndices;
}

declare module 'twitter-text/dist/esm/regexp/validGTLD.js' {
  const validGTLD: RegExp;
  export default validGTLD;
}

declare module 'twitter-text/dist/esm/regexp/validCCTLD.js' {
  const validCCTLD: RegExp;
  export default validCCTLD;
}
