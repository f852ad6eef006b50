// X's own grammar for hashtags (Unicode letters, full-width ＃, not inside URLs…), from twitter-text.
import extractHashtagsWithIndices from 'twitter-text/dist/extractHashtagsWithIndices.js';
import { defineRule, formatMessage, type RuleFinding } from '../rule';

/** Each hashtag X would make of `text`: the tag without its sign, and its UTF-16 range with the sign. */
export function findHashtags(text: string): { hashtag: string; start: number; end: number }[] {
  return extractHashtagsWithIndices(text).map(({ hashtag, indices: [start, end] }) => ({ hashtag, start, end }));
}

const messages = {
  hashtag: '“{{text}}” is a hashtag: it makes the post visible beyond the school’s followers.',
  fix: 'Remove the # (write “{{word}}” on its own).',
};

export const rule = defineRule({
  meta: {
    id: 'hashtag',
    // The policy's one exception: the parents/carers of every child in the image agreed in writing.
    defaultLevel: 'block-with-exception',
    levels: ['off', 'warn', 'block', 'block-with-exception'],
    policySentence:
      "To avoid posts becoming visible to a wider audience, tweets from {{account}} will not use the 'hashtag' function without prior agreement from parent/carers of any child in the image.",
    messages,
    // Typed, not clicked: the agreement is a fact staff must have checked, and it is logged.
    confirmation: {
      kind: 'typed',
      words: 'parents agreed',
      prompt: 'I have written agreement from the parents/carers of every child in the photo to use this hashtag.',
      promptWithoutPhotos: 'I have written agreement from the parents/carers of every child this post is about to use this hashtag.',
    },
    // The agreement is for the children in these pictures: another photo asks again.
    confirmationScope: ['photos'],
    checksReplies: true,
  },
  check(draft) {
    return findHashtags(draft.text).map(
      ({ hashtag, start, end }): RuleFinding => ({
        severity: 'block',
        start,
        end,
        target: { kind: 'text' },
        message: formatMessage(messages.hashtag, { text: draft.text.slice(start, end) }),
        fix: formatMessage(messages.fix, { word: hashtag }),
      }),
    );
  },
});
