/**
 * Posts from an X data export (the zip X sends on request): `data/tweets.js`, or its parts
 * (`tweets-part1.js`…) in large exports, each `window.YTD.tweets.part0 = [ { "tweet": {…} } ]`.
 */
import { strFromU8, unzipSync } from 'fflate';
import * as v from 'valibot';
import { InputError } from '../shared/input-error';

export interface ArchivedPost {
  id: string;
  date: Date;
  text: string;
}

const TWEETS_FILE = /(?:^|\/)data\/tweets?(?:-part\d+)?\.js$/;
/** A post's photos and videos: `data/tweets_media/<post id>-<media key>.jpg` (`tweet_media` in older exports). */
const MEDIA_FILE = /(?:^|\/)data\/tweets?_media\/(\d+)-[^/]+$/;

export interface ArchivedMedia {
  /** The file's path inside the archive. */
  name: string;
  bytes: Uint8Array;
}

const TweetSchema = v.object({
  id_str: v.string(),
  created_at: v.pipe(
    v.string(),
    v.check((text) => !Number.isNaN(Date.parse(text)), 'is not a date'),
  ),
  full_text: v.string(),
});
const EntrySchema = v.union([v.object({ tweet: TweetSchema }), TweetSchema]);

/** X escapes these three in the archive's text. */
function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function readArchivePosts(bytes: Uint8Array, archiveName: string): ArchivedPost[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => TWEETS_FILE.test(file.name) });
  } catch (error) {
    throw new InputError(`${archiveName}: not a zip file (${(error as Error).message})`);
  }
  const names = Object.keys(files).sort();
  if (names.length === 0) throw new InputError(`${archiveName}: no data/tweets.js inside; is this an X data export?`);
  return names.flatMap((name) => parseTweetsFile(strFromU8(files[name] as Uint8Array), `${archiveName}:${name}`));
}

/** Each post's media files, by post id (read only when asked: the photos can be most of the archive). */
export function readArchiveMedia(bytes: Uint8Array): Map<string, ArchivedMedia[]> {
  const byPost = new Map<string, ArchivedMedia[]>();
  const files = unzipSync(bytes, { filter: (file) => MEDIA_FILE.test(file.name) });
  for (const name of Object.keys(files).sort()) {
    const postId = MEDIA_FILE.exec(name)?.[1] as string;
    byPost.set(postId, [...(byPost.get(postId) ?? []), { name, bytes: files[name] as Uint8Array }]);
  }
  return byPost;
}

function parseTweetsFile(source: string, where: string): ArchivedPost[] {
  const assignment = /^\s*window\.YTD\.[\w.]+\s*=\s*/.exec(source);
  if (!assignment) throw new InputError(`${where}: does not start with "window.YTD.tweets.part0 = "`);
  let entries: unknown;
  try {
    entries = JSON.parse(source.slice(assignment[0].length).replace(/;\s*$/, ''));
  } catch (error) {
    throw new InputError(`${where}: not valid JSON after the "window.YTD…" line (${(error as Error).message})`);
  }
  if (!Array.isArray(entries)) throw new InputError(`${where}: expected a list of posts`);
  return entries.map((entry, index) => {
    const parsed = v.safeParse(EntrySchema, entry);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      throw new InputError(`${where}: post ${index + 1}: ${issue ? `${v.getDotPath(issue) ?? 'the post'}: ${issue.message}` : 'not a post'}`);
    }
    const tweet = 'tweet' in parsed.output ? parsed.output.tweet : parsed.output;
    return { id: tweet.id_str, date: new Date(tweet.created_at), text: decodeEntities(tweet.full_text) };
  });
}
