/** The JSON file our roster export writes and our JSON import reads back. */
import * as v from 'valibot';

export const ROSTER_JSON_FORMAT = 'school-post-guard-roster';
export const ROSTER_JSON_VERSION = 1;

/** The envelope; each pupil is checked on its own so that a problem can name the pupil's position. */
export const RosterJsonSchema = v.object({
  format: v.literal(ROSTER_JSON_FORMAT),
  version: v.number(),
  exportedAt: v.string(),
  /** Where the exported roster had come from: a file name or the sync URL. */
  source: v.string(),
  importedAt: v.string(),
  pupils: v.array(v.unknown()),
});
export type RosterJson = v.InferOutput<typeof RosterJsonSchema>;
