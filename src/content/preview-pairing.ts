/**
 * Which of X's previews shows which attached file. X shows no file name: a preview is told by its
 * own media URL (a blob: URL that lasts as long as the preview), bound to its file when it first
 * appears. When that cannot be known for sure, files stay unbound: their findings stay with the
 * post, and the blur tool touches no preview for them.
 */
export interface PreviewedFile {
  /** The media URL of X's preview for this file, once known. */
  source: string | null;
  /** X's remove button was pressed on its preview: the file goes once the preview has. */
  removed: boolean;
  /** Previews were shown while it had none of its own: with no preview left, it is gone too. */
  previewsSeen: boolean;
}

/**
 * The files still attached, given the media URLs of the previews X shows now (in X's order),
 * binding new previews to files. A file goes only when its preview was removed with X's button,
 * or when no preview is left at all: a preview that vanishes otherwise might be X drawing it anew.
 */
export function pairPreviews<File extends PreviewedFile>(files: File[], sources: string[]): File[] {
  // Nothing shown: what was shown was removed or posted; only a file X has not drawn yet stays.
  if (sources.length === 0) return files.filter((file) => file.source === null && !file.previewsSeen);
  const kept = files.filter((file) => !(file.removed && file.source !== null && !sources.includes(file.source)));
  const unbound = kept.filter((file) => file.source === null);
  const fresh = sources.filter((source) => source !== '' && !kept.some((file) => file.source === source));
  // X adds previews in the order the files came: as many new previews as files without one are
  // those files. Otherwise (X refused a file, or shows media with no file, such as a GIF) which is
  // which is not known, and none is bound.
  if (fresh.length === unbound.length) unbound.forEach((file, index) => (file.source = fresh[index] ?? null));
  else for (const file of unbound) file.previewsSeen = true;
  return kept;
}
