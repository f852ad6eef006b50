/**
 * Judges the lines read from a photo against the pupil list in force, for the document that
 * analysed it (src/photo/photo-check.ts): the pupil list stays in the background.
 */
import { compilePolicy, type CompiledPolicy } from '../policy/engine';
import { namePhotoLines } from '../policy/photo-text-names';
import type { PolicySnapshot } from '../policy/snapshot';
import type { PhotoTextLine, ReadTextLine } from '../policy/types';

let compiled: { hash: string; policy: CompiledPolicy } | null = null;

/** The lines read from a photo with the pupils' names in each, judged against the pupil list in force. */
export function namesInLines(snapshot: PolicySnapshot, lines: readonly ReadTextLine[]): PhotoTextLine[] {
  if (compiled?.hash !== snapshot.hash) compiled = { hash: snapshot.hash, policy: compilePolicy(snapshot) };
  return namePhotoLines(compiled.policy, lines);
}

/** What the tab is told of the lines: those that name a pupil, where, and not what they say. */
export function linesNamingPupils(snapshot: PolicySnapshot, lines: readonly ReadTextLine[]): PhotoTextLine[] {
  return namesInLines(snapshot, lines)
    .filter((line) => line.names.length > 0)
    .map(({ box, names }) => ({ text: '', box, names }));
}
