// twitter-text is imported a function at a time (its whole bundle is too big for the content
// script); @types/twitter-text only describes the package's main entry.
declare module 'twitter-text/dist/esm/extractHashtagsWithIndices.js' {
  const extractHashtagsWithIndices: (text: string) => { hashtag: string; indices: [number, number] }[];
  export default extractHashtagsWithIndices;
}

declare module 'twitter-text/dist/esm/extractMentionsWithIndices.js' {
  const extractMentionsWithIndices: (text: string) => { screenName: string; indices: [number, number] }[];
  export default extractMentionsWithIndices;
}
