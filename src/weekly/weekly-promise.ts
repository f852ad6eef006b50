/**
 * The policy's weekly promise: "Each week, every class will post at least one, and no more than
 * two, general posts." Special events and residential trips do not count towards it.
 */
import type { PostKind } from '../policy/types';

export const WEEKLY_MIN_GENERAL_POSTS = 1;
export const WEEKLY_MAX_GENERAL_POSTS = 2;

/** How a class's week stands against the promise: none yet, one, two, or over the limit. */
export type WeekTally = 0 | 1 | 2 | 'over';

export function tallyOf(generalPosts: number): WeekTally {
  if (generalPosts > WEEKLY_MAX_GENERAL_POSTS) return 'over';
  return generalPosts <= 0 ? 0 : generalPosts === 1 ? 1 : 2;
}

/** What a post record says, as far as the promise is concerned (the store's records fit this). */
export interface CountedPost {
  /** ISO time. */
  at: string;
  className: string | null;
  kind: PostKind;
}

/** General posts per class among `posts` made in [start, end). Posts with no class are not a class's. */
export function generalPostsByClass(posts: readonly CountedPost[], start: Date, end: Date): Map<string, number> {
  const counts = new Map<string, number>();
  for (const post of posts) {
    const at = Date.parse(post.at);
    if (post.kind !== 'general' || post.className === null || !(at >= start.getTime() && at < end.getTime())) continue;
    counts.set(post.className, (counts.get(post.className) ?? 0) + 1);
  }
  return counts;
}
