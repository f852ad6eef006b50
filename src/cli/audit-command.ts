/**
 * `audit`: every post of an X data export against the policy; the posts that break it (or may),
 * newest first, as JSON lines with date, id, rules and findings. A post's photos in the export
 * (`data/tweets_media/`) are analysed as the extension analyses an attached photo — metadata,
 * names written in them, faces — with a progress line per photo, since each takes a second or two.
 * Photo consent cannot be confirmed after the fact: a post with photos of a class with pupils
 * without consent is listed for the ICT lead to look at, with the faces found in each photo.
 */
import { checkDraft, type CompiledPolicy } from '../policy/engine';
import { namePhotoLines } from '../policy/photo-text-names';
import type { Attachment, PhotoBox, RuleId } from '../policy/types';
import { analysePhotoBytes } from './attachment-files';
import { resultJson } from './check-command';
import { readArchiveMedia, readArchivePosts, type ArchivedMedia } from '../archive/x-archive';

/** A progress line every this many posts, on archives larger than that. */
const PROGRESS_EVERY = 1000;
const PHOTO_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

export async function runAudit(policy: CompiledPolicy, archive: Uint8Array, archiveName: string, progress: (line: string) => void): Promise<string> {
  const posts = readArchivePosts(archive, archiveName);
  const media = readArchiveMedia(archive);
  const photoCount = [...media.values()].flat().filter((file) => photoType(file.name)).length;
  let photosRead = 0;
  const flagged: { date: Date; line: string }[] = [];
  let blocked = 0;
  for (const [index, post] of posts.entries()) {
    const attachments: Attachment[] = [];
    for (const file of media.get(post.id) ?? []) {
      if (photoType(file.name)) progress(`audit: reading photo ${(photosRead += 1)} of ${photoCount} (${file.name})`);
      attachments.push(await archivedAttachment(policy, file, archiveName));
    }
    const result = checkDraft(policy, { text: post.text, attachments, confirmed: [] });
    if (result.verdict !== 'pass') {
      if (result.verdict === 'block') blocked += 1;
      const rules = [...new Set(result.findings.map((finding) => finding.rule))] satisfies RuleId[];
      const faces = attachments.length > 0 ? { media: (media.get(post.id) ?? []).map((file) => file.name), faces: attachments.map((attachment): PhotoBox[] | null => attachment.faces ?? null) } : {};
      flagged.push({ date: post.date, line: JSON.stringify({ id: post.id, date: post.date.toISOString(), rules, ...resultJson(result), ...faces }) });
    }
    if (posts.length > PROGRESS_EVERY && (index + 1) % PROGRESS_EVERY === 0) progress(`audit: checked ${index + 1} of ${posts.length} posts`);
  }
  progress(`audit: ${posts.length} posts checked${photoCount > 0 ? ` (${photoCount} photos read)` : ''}; ${blocked} break the policy, ${flagged.length - blocked} to review (warnings).`);
  return flagged
    .sort((a, b) => b.date.getTime() - a.date.getTime())
    .map((entry) => `${entry.line}\n`)
    .join('');
}

function photoType(name: string): string | undefined {
  return PHOTO_TYPES[/\.(\w+)$/.exec(name)?.[1]?.toLowerCase() ?? ''];
}

/**
 * A video is attached as itself (photo consent still applies); a photo is read like an attached one.
 * X names the files itself (post id and a media key), so the name is not judged.
 */
async function archivedAttachment(policy: CompiledPolicy, file: ArchivedMedia, archiveName: string): Promise<Attachment> {
  const type = photoType(file.name);
  if (!type) return { name: '', alt: '', type: file.name.endsWith('.mp4') ? 'video/mp4' : '' };
  const analysed = await analysePhotoBytes(file.bytes, `${archiveName}: ${file.name}`);
  return { name: '', alt: '', type, metadataText: analysed.metadataText ?? [], gps: analysed.gps ?? null, photoText: namePhotoLines(policy, analysed.photoText), faces: analysed.faces ?? [] };
}
