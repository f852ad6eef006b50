import { directionControlSpans } from '../direction-controls';
import { messageText, type MessageKey } from '../message-text';
import { defineRule, type RuleFinding } from '../rule';

const messages = {
  reordered: 'rule_text_direction_reordered',
  fix: 'rule_text_direction_fix',
} satisfies Record<string, MessageKey>;

/**
 * Blocks the Unicode controls that make text display in another order than it is stored (UAX #9
 * embeddings, overrides and isolates): "‮yeltraH ailemA‬" is stored reversed and shows as a
 * pupil's name; "‮Oak: …" shows the class name at the end. English school posts never need them,
 * and right-to-left names and text (Arabic, Urdu) display correctly without them, so they are
 * refused rather than reordered: every check then reads the text in the order readers see it.
 */
export const rule = defineRule({
  meta: {
    id: 'text-direction',
    defaultLevel: 'block',
    levels: ['off', 'warn', 'block'],
    policySentence: 'policy_names_of_children',
    messages,
    // A reply can hide a pupil's name the same way ("Proud of ‮nniassuH ailemA‬").
    checksReplies: true,
  },
  check(draft) {
    return directionControlSpans(draft.text).map(
      (span): RuleFinding => ({ severity: 'block', ...span, target: { kind: 'text' }, message: messageText(messages.reordered), fix: messageText(messages.fix) }),
    );
  },
});
