// X's own grammar for hashtags (Unicode letters, full-width ＃, what may come before and after), from twitter-text.
import validHashtag from 'twitter-text/dist/esm/regexp/validHashtag.js';
import endHashtagMatch from 'twitter-text/dist/esm/regexp/endHashtagMatch.js';
import hashSigns from 'twitter-text/dist/esm/regexp/hashSigns.js';
import { linkSpans } from '../link-spans';
import { messageText, type MessageKey } from '../message-text';
import { defineRule, type RuleFinding } from '../rule';

/** Each hashtag X would make of `text`: the tag without its sign, and its UTF-16 range with the sign. */
export function findHashtags(text: string): { hashtag: string; start: number; end: number }[] {
  const tags: { hashtag: string; start: number; end: number }[] = [];
  // Every hashtag holds a hash sign: without one, twitter-text's pattern need not be tried at every
  // character (two fifths of a short post's whole check; see the README).
  if (!hashSigns.test(text)) return tags;
  for (const match of text.matchAll(validHashtag)) {
    const [whole, before = '', , hashtag = ''] = match;
    const end = match.index + whole.length;
    // "#http://…", "##tag": X makes no hashtag there.
    if (!endHashtagMatch.test(text.slice(end))) tags.push({ hashtag, start: match.index + before.length, end });
  }
  if (tags.length === 0) return tags;
  // As X does: in order of where they start, whatever overlaps the one kept before it goes (a "#"
  // inside a link that began before it is the link's; a link that begins inside a tag is none) —
  // but a link ends a tag only when it runs to the tag's end, which X's longer links always do.
  const entities: { start: number; end: number; tag?: (typeof tags)[number] }[] = [...tags.map((tag) => ({ start: tag.start, end: tag.end, tag })), ...linkSpans(text)];
  entities.sort((one, other) => one.start - other.start);
  const kept: typeof tags = [];
  let previous: (typeof entities)[number] | undefined;
  for (const entity of entities) {
    if (previous && previous.end > entity.start && !(entity.tag && !previous.tag && previous.end < entity.end)) continue;
    previous = entity;
    if (entity.tag) kept.push(entity.tag);
  }
  return kept;
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
    policySentence: 'policy_no_hashtags',
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
