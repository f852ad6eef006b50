// X's own grammar for hashtags (Unicode letters, full-width ＃, not inside URLs…), from twitter-text.
import extractHashtagsWithIndices from 'twitter-text/dist/esm/extractHashtagsWithIndices.js';
import { messageText, type MessageKey } from '../message-text';
import { defineRule, type RuleFinding } from '../rule';

/** Each hashtag X would make of `text`: the tag without its sign, and its UTF-16 range with the sign. */
export function findHashtags(text: string): { hashtag: string; start: number; end: number }[] {
  return extractHashtagsWithIndices(text).map(({ hashtag, indices: [start, end] }) => ({ hashtag, start, end }));
}

const messages = {
  hashtag: 'rule_hashtag_hashtag',
  fix: 'rule_hashtag_fix',
} satisfies Record<string, MessageKey>;

export const rule = defineRule({
  meta: {
    id: 'hashtag',
    // The policy's one exception: the parents/carers of every child in the image agreed in writing.
    defaultLevel: 'block-with-exception',
    levels: ['off', 'warn', 'block', 'block-with-exception'],
    policySentence: 'policy_hashtags',
    messages,
    // Typed, not clicked: the agreement is a fact staff must have checked, and it is logged.
    confirmation: {
      kind: 'typed',
      words: 'rule_hashtag_confirm_words',
      prompt: 'rule_hashtag_confirm_prompt',
      promptWithoutPhotos: 'rule_hashtag_confirm_prompt_without_photos',
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
        message: messageText(messages.hashtag, draft.text.slice(start, end)),
        fix: messageText(messages.fix, hashtag),
      }),
    );
  },
});
