/** Every rule, in the order findings are listed. A new rule is a new file here and a new table test. */
import type { PolicyRule } from '../rule';
import { rule as attachmentName } from './attachment-name';
import { rule as classPrefix } from './class-prefix';
import { rule as hashtag } from './hashtag';
import { rule as location } from './location';
import { rule as mention } from './mention';
import { rule as personalInfo } from './personal-info';
import { rule as photoConsent } from './photo-consent';
import { rule as postingCadence } from './posting-cadence';
import { rule as pupilName } from './pupil-name';

export const RULES: readonly PolicyRule[] = [classPrefix, pupilName, hashtag, personalInfo, attachmentName, photoConsent, location, mention, postingCadence];
