/** The roster data model: what a pupil is, as the guard knows them. Pure: no browser APIs. */
import * as v from 'valibot';

export const PupilSchema = v.object({
  /** Stable key across imports: the MIS id when the file has one, else derived from the names and class. */
  id: v.pipe(v.string(), v.minLength(1)),
  forename: v.pipe(v.string(), v.minLength(1)),
  preferredName: v.optional(v.string()),
  surname: v.string(),
  className: v.string(),
  /** The MIS's year group ("Year 4", "R"), when the file has one: the Classes page offers it as an opening for its classes. */
  yearGroup: v.optional(v.string()),
  photoConsent: v.boolean(),
  /** Other names the pupil goes by, added by the ICT lead (a nickname, a former surname). */
  aliases: v.optional(v.array(v.string())),
});
export type Pupil = v.InferOutput<typeof PupilSchema>;

export const RosterSchema = v.object({
  pupils: v.array(PupilSchema),
  /** ISO time the roster was imported or synced. */
  importedAt: v.string(),
  /** Where it came from: a file name or the sync URL. */
  source: v.string(),
});
export type Roster = v.InferOutput<typeof RosterSchema>;
