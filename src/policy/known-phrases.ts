/**
 * Words and phrases whose meaning the name matcher needs to know, folded (lower case, no accents).
 * Kept apart from the logic so each list can be read and extended on its own. The background and
 * the CLI put them in the snapshot (nameWordLists below): the content script gets them with the
 * pupil list and never bundles this file.
 */
import type { NameWordLists } from './snapshot';

/** Never a pupil's name, whatever the roster says; the ICT lead adds their own in the settings. */
export const BUILT_IN_NEVER_A_NAME = [
  'may day', 'maypole', 'may pole', 'jack and the beanstalk', 'jack frost', 'the holly and the ivy',
  'christmas carol', 'poppy appeal', 'poppy day', 'green flag', 'red nose day', 'world book day',
  'forest school', 'mr men', 'little miss', 'the king', 'the queen', 'king charles', 'king arthur',
  'summer fair', 'summer fete', 'rose garden', 'amazing grace',
];

/**
 * Staff titles: a surname straight after one is a member of staff ("Mrs King"); a first name after
 * one may be ("Miss Holly"). "Coach" is no title: "Coach Kai" names a child as easily as an adult.
 */
export const STAFF_TITLES = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'sir', 'madam', 'mister', 'prof', 'rev']);

/**
 * Praise and address said to a child, before the name ("Well done Will", "Congratulations to
 * Grace"). Each is strong enough to make an ordinary word a name even in lower case, so words that
 * also describe things ("super", "amazing") are not here: "super summer fun" is not about a child.
 */
export const CUES_BEFORE_A_NAME = [
  'well done', 'well done to', 'congratulations', 'congratulations to', 'congrats', 'congrats to',
  'thank you', 'thank you to', 'thanks', 'thanks to', 'happy birthday', 'happy birthday to',
  'good luck', 'good luck to', 'well played', 'star of the week', 'star of the week is',
  'star of the week goes to', 'shout out to', 'shoutout to', 'proud of', 'bravo', 'welcome back',
  'dear', 'awarded to', 'certificate goes to', 'award goes to', 'great work from', 'great work by',
  'brilliant work from', 'fantastic work from',
].map((phrase) => phrase.split(' '));

/** The same after the name ("Grace, well done!", "Hope was star of the week"). */
export const CUES_AFTER_A_NAME = [
  'well done', 'you star', 'is star of the week', 'was star of the week', 'is our star', 'was our star',
  'for being', 'on your birthday', 'on her birthday', 'on his birthday',
].map((phrase) => phrase.split(' '));

/** Words joining two names in a list ("Summer and Hope"). */
export const COORDINATING_WORDS = new Set(['and', 'or', 'plus']);

export const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
export const SEASONS = new Set(['spring', 'summer', 'autumn', 'winter']);

/** Words before a month or season that make it the time of year ("in May", "this Summer"). */
export const CALENDAR_WORDS_BEFORE = new Set([
  'in', 'during', 'since', 'until', 'till', 'by', 'from', 'of', 'early', 'late', 'mid', 'next', 'last',
  'this', 'every', 'each', 'through', 'throughout', 'before', 'after', 'over', 'the', 'st', 'nd', 'rd', 'th',
]);

/** Before a season, after "a", "your"…: "have a lovely Summer", "a wonderful, restful Summer". */
export const HOLIDAY_ADJECTIVES = new Set([
  'lovely', 'wonderful', 'great', 'fantastic', 'fabulous', 'brilliant', 'amazing', 'happy', 'restful', 'relaxing', 'safe', 'sunny',
  'good', 'long', 'well', 'deserved',
]);

/** Before a season and its adjectives ("your Summer", "a lovely Summer"); "our"/"the" may go before a child's name. */
export const HOLIDAY_DETERMINERS = new Set(['a', 'an', 'your', 'this', 'next', 'last']);

/** Words that make what follows in the sentence a school value ("our value is Hope", "values: Hope, Faith…"). */
export const VALUE_CUES = new Set(['value', 'values', 'virtue', 'virtues']);

/**
 * School values that are no child's name: one of them in a list makes the list a list of values
 * ("Hope, Faith and Love"). Virtues that are also names (hope, faith, grace, joy…) are not here.
 */
export const VALUE_WORDS = new Set([
  'love', 'respect', 'kindness', 'courage', 'friendship', 'trust', 'peace', 'forgiveness', 'compassion', 'perseverance', 'honesty',
  'thankfulness', 'wisdom', 'justice', 'generosity', 'responsibility', 'resilience', 'koinonia', 'humility',
]);

/** "said Grace", "say grace": the prayer before a meal (unless quoted speech: “'Yes,' said Grace”). */
export const SAYING_VERBS = new Set(['say', 'says', 'said', 'saying']);

/** Words after a month or season that make it the time of year ("Summer term", "May half term"). */
export const CALENDAR_WORDS_AFTER = new Set([
  'term', 'terms', 'half', 'holiday', 'holidays', 'hols', 'break', 'fair', 'fete', 'concert', 'show',
  'festival', 'camp', 'club', 'timetable', 'newsletter', 'uniform', 'sports', 'trip', 'fun', 'sun',
  'sunshine', 'weather', 'time', 'days', 'nights', 'reading', 'challenge', 'production', 'disco',
]);

export const CLASS_WORDS = new Set(['class', 'classes', 'team', 'group']);

/**
 * Words before a noun ("the rose bush", "a jay in the woods", "our robin"): a word-name right
 * after one is the thing, not a person, whatever verb follows ("the robin sang").
 */
export const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'my', 'your', 'his', 'her', 'their', 'its', 'some', 'any', 'every',
  'each', 'no', 'one', 'two', 'three', 'many', 'few', 'more', 'most', 'much', 'such', 'what', 'which', 'whose',
]);

/** Helper verbs between a subject and its verb ("Autumn has learnt", "Grace was given"); closed-class words. */
export const HELPER_VERBS = new Set([
  'has', 'had', 'have', 'is', 'was', 'are', 'were', 'will', 'would', 'did', 'does', 'can', 'could', 'should', 'also', 'just',
  'then', 'really', 'always', 'never', 'finally', 'proudly', 'bravely', 'carefully', 'beautifully', 'quickly', 'happily', 'been',
]);

/** Helpers that say one subject, not a class of them ("Rowan is our award winner"; a class in British English "are", "were", "have"). */
export const SINGULAR_HELPERS = new Set(['is', 'was', 'has']);

/**
 * What only a person is, after "is" or "was" ("Jay was so kind", "Juniper was really thoughtful"):
 * a child's character or feelings, which no season, thing or (with "is"/"was") class has.
 */
export const PERSON_ADJECTIVES = new Set([
  'kind', 'helpful', 'polite', 'brave', 'thoughtful', 'caring', 'patient', 'generous', 'considerate', 'courageous', 'confident', 'sensible',
  'responsible', 'friendly', 'cheerful', 'determined', 'hardworking', 'resilient', 'respectful', 'gentle', 'honest', 'mature', 'supportive',
  'shy', 'nervous', 'excited', 'proud', 'thrilled', 'delighted', 'chatty', 'funny', 'clever',
]);

/**
 * Praise of how someone did, after "is" or "was" ("Flo was brilliant"): a person, unless the name is
 * a month or season ("Summer was amazing") or a class ("Rowan were brilliant").
 */
export const PRAISE_ADJECTIVES = new Set([
  'brilliant', 'fantastic', 'amazing', 'wonderful', 'superb', 'outstanding', 'excellent', 'incredible', 'awesome', 'fabulous', 'phenomenal',
  'marvellous', 'exceptional', 'super',
]);

/** Words between "was" and what someone is ("was so kind"); not "a": "Amber was a brilliant colour" is a colour. */
export const INTENSIFIERS = new Set(['so', 'very', 'really', 'extremely', 'incredibly', 'truly', 'absolutely', 'always']);

/**
 * School roles a child holds that the part-of-speech source does not tag as people ("our reading
 * ambassador this term is robin", "the new lunchtime monitor is Frank").
 */
export const SCHOOL_ROLES = ['ambassador', 'monitor', 'rep', 'representative', 'prefect', 'helper', 'reader', 'buddy', 'librarian'];

/** What a class wins as often as a child ("Rowan is our attendance winner"): before a person noun, it says nothing of one child. */
export const CLASS_AWARD_WORDS = new Set(['attendance', 'punctuality']);

/** Pronouns that refer back to a person ("Autumn has learnt her number bonds"). */
export const PERSONAL_PRONOUNS = new Set(['she', 'he', 'her', 'his', 'him', 'herself', 'himself']);

/** Words for a family after a surname ("the Patel twins", "the Brown family"). */
export const FAMILY_WORDS = new Set(['twins', 'triplets', 'family', 'families', 'brothers', 'sisters', 'siblings', 'cousins', 'household', 'boys', 'girls']);

/** A year group or class in brackets after a name ("Jude (Year 5)", "Kai (Y6)"). */
export const YEAR_GROUP_WORDS = new Set(['year', 'yr', 'y', 'reception', 'nursery', 'class', 'form']);

/**
 * Titles of famous, royal, religious and story people: a given name after one is that person
 * ("King Arthur", "St George", "Prophet Muhammad", "Captain Tom"), not a pupil. "Sir" is a staff
 * title too (STAFF_TITLES); famous knights come from the famous phrases ("Sir Francis Drake").
 */
export const FAMOUS_TITLES = new Set([
  'king', 'queen', 'prince', 'princess', 'saint', 'st', 'prophet', 'guru', 'captain', 'lady', 'lord', 'dame', 'angel',
  'archangel', 'pope', 'emperor', 'empress', 'pharaoh', 'tsar', 'sultan', 'duke', 'duchess', 'countess', 'baron', 'admiral',
]);

/**
 * Words before a name that make it a story's or a topic's person, or a part in a play: "the story
 * of Noah", "learning about Rosa Parks", "dressed as Robin", "Ivy played Mary".
 */
export const STORY_FRAMES = [
  'story of', 'stories of', 'tale of', 'life of', 'legend of', 'learning about', 'learnt about', 'learned about', 'learn about',
  'research about', 'researching', 'dressed as', 'dressed up as', 'came as', 'came dressed as', 'part of', 'role of', 'played',
  'written by', 'illustrated by', 'by author', 'author', 'poet', 'artist', 'scientist', 'explorer', 'inventor', 'famous',
].map((phrase) => phrase.split(' '));

/** What a month or season does in a sentence ("Autumn has arrived", "May brings sunshine"): no evidence of a child. */
export const TIME_OF_YEAR_VERBS = new Set([
  'arrived', 'arrives', 'came', 'comes', 'began', 'begins', 'started', 'starts', 'ended', 'ends', 'finished', 'finishes', 'brought',
  'brings', 'passed', 'passes', 'flew', 'flies', 'returned', 'returns', 'approached', 'approaches', 'turned', 'turns', 'seemed', 'seems',
  'felt', 'feels', 'looked', 'looks', 'went', 'goes', 'lasted', 'lasts', 'did', 'does',
]);

/** Words before a place's name that make it the place ("live in Florence", "visited Georgia"). "at" is not one: "look at Paris go!". */
export const PLACE_WORDS_BEFORE = new Set([
  'in', 'near', 'around', 'across', 'towards', 'toward', 'via', 'visit', 'visits', 'visited', 'visiting', 'explore', 'explored', 'exploring',
  'tour', 'toured', 'touring',
]);

/** Before "to" or "from", words of travel that make what follows a place ("a trip to India", "flew to Sydney", "visitors from Kenya"). */
export const TRAVEL_WORDS = new Set([
  'trip', 'trips', 'journey', 'journeys', 'holiday', 'holidays', 'flight', 'flights', 'fly', 'flew', 'flying', 'travel', 'travelled', 'traveled',
  'travelling', 'went', 'go', 'goes', 'going', 'gone', 'moved', 'move', 'moving', 'drove', 'sailed', 'visitor', 'visitors', 'postcard',
  'postcards', 'way', 'back', 'came', 'come', 'comes', 'coming', 'emigrated', 'returned', 'train', 'ferry', 'walk', 'walked', 'road',
]);

/** Before "of", nouns that make what follows a place ("the city of Florence", "a map of India"). */
export const PLACE_NOUNS = new Set(['city', 'capital', 'map', 'maps', 'country', 'town', 'isle', 'island', 'streets', 'flag', 'region', 'county', 'people', 'history', 'geography']);

/**
 * Words of a geography lesson that make a list of places on the roster and off it the places ("Is
 * Milan or Rome further north?", "on the map"). Not "compared": children are compared too ("we
 * compared Milan and Rome in the reading race").
 */
export const MAP_WORDS = new Set([
  'map', 'maps', 'atlas', 'north', 'south', 'east', 'west', 'capital', 'capitals', 'city', 'cities', 'country', 'countries', 'population',
]);

/** Capitalised before a name, they make it a place ("the River Jordan", "Lake Victoria", "Mount Sinai"). */
export const GEOGRAPHY_WORDS = new Set(['river', 'lake', 'loch', 'mount', 'isle', 'port', 'cape', 'fort', 'bay', 'gulf']);

/** Words for a parent or carer: "Mrs Okafor (Chidi’s mum)", "Mr Bishop, one of our parents": that surname is a child's family. */
export const PARENT_WORDS = new Set([
  'mum', 'mummy', 'mother', 'dad', 'daddy', 'father', 'parent', 'parents', 'carer', 'carers', 'grandma', 'grandad', 'granddad',
  'grandmother', 'grandfather', 'grandparent', 'grandparents', 'nan', 'nana', 'nanny', 'granny', 'grandpa', 'stepmum', 'stepdad', 'guardian',
]);

/**
 * What only a member of a school's staff is ("Mrs Patel, our SENCo", "our headteacher Mr Bell"):
 * a title and a pupil's surname described so is staff, not the pupil's parent. Not "head" (of the
 * PTA), "governor" or "coach", which parents are too.
 */
export const STAFF_ROLES = new Set([
  'teacher', 'teachers', 'headteacher', 'headmaster', 'headmistress', 'deputy', 'senco', 'ta', 'hlta', 'lsa', 'caretaker', 'principal', 'receptionist', 'bursar', 'staff',
]);

/** Roles a parent holds elsewhere too ("a bank manager", "head of the PTA") but staff as "our …" ("Mrs King, our head", "Mr Fox our site manager"); not "lead" ("our PTA lead" is a parent). */
export const OUR_STAFF_ROLES = new Set(['head', 'manager', 'coach', 'assistant', 'cook', 'chef', 'nurse', 'librarian', 'supervisor']);

/**
 * What a king, a prophet or a story's hero has and a primary-school child does not: "Henry's
 * second wife", "the wives of Henry", "Noah's sons", "Arthur's knights", "the reign of Victoria".
 * A name written as the owner of one is that figure, not a pupil.
 */
export const FIGURE_NOUNS = new Set([
  'wife', 'wives', 'husband', 'husbands', 'widow', 'widower', 'son', 'sons', 'daughter', 'daughters', 'heir', 'heirs', 'successor',
  'reign', 'throne', 'courtiers', 'knights', 'disciples', 'apostles', 'dynasty', 'descendants',
]);

/**
 * People of the faith stories taught in RE at primary school (Bible, Qur'an, Ramayana…): with the
 * story's company in the sentence (FAITH_STORY_WORDS, or a story told of two of them) and nothing
 * that says a child, such a name is as likely the story's person ("In RE, Noah built an enormous ark").
 */
export const FAITH_FIGURES = new Set([
  'noah', 'moses', 'jonah', 'daniel', 'david', 'goliath', 'abraham', 'isaac', 'jacob', 'esau', 'joseph', 'mary', 'martha', 'lazarus',
  'peter', 'paul', 'andrew', 'john', 'james', 'matthew', 'mark', 'luke', 'thomas', 'judas', 'zacchaeus', 'bartimaeus', 'elijah',
  'elisha', 'samuel', 'solomon', 'miriam', 'aaron', 'joshua', 'gideon', 'samson', 'delilah', 'ruth', 'naomi', 'esther', 'mordecai',
  'rebecca', 'rachel', 'leah', 'sarah', 'hannah', 'adam', 'eve', 'cain', 'abel', 'gabriel', 'jesus', 'rama', 'sita', 'lakshman',
  'lakshmana', 'hanuman', 'ravana', 'krishna', 'radha', 'prahlad', 'ibrahim', 'musa', 'isa', 'yusuf', 'maryam', 'nuh', 'yunus',
  'dawud', 'sulaiman', 'nanak',
]);

/** Words of a faith story's telling: one in the sentence (or the heading before its colon) puts its people in their story. */
export const FAITH_STORY_WORDS = new Set([
  'god', 'jesus', 'christ', 'allah', 'bible', 'torah', 'quran', 'koran', 'gospel', 'testament', 'prophet', 'israelites', 'disciples',
  'apostles', 'pharaoh', 'ark', 'angel', 'parable', 'psalm', 'heaven', 'bethlehem', 'nazareth', 'galilee', 'bethany', 'ravana',
  'hanuman', 'vishnu', 'ramayana', 'retold', 'retell', 'retelling', 'whale', 'bulrushes', 'nineveh',
]);

/** A story being told: with two faith figures in the sentence, they are the story's ("Our Diwali story: Rama rescued Sita"). */
export const STORY_WORDS = new Set(['story', 'stories', 'tale', 'legend', 'retold', 'retell', 'retelling']);

/**
 * Places that are only in stories: a sentence there ("In Narnia, Lucy stepped through the
 * wardrobe"), or opening "In our story," is the story's, and its people are a look, not a block.
 */
export const STORY_PLACES = new Set(['narnia', 'wonderland', 'neverland', 'hogwarts', 'oz', 'lilliput', 'camelot', 'sherwood', 'atlantis', 'beanstalk', 'gotham']);

/**
 * After a faith figure's name in its sentence, what says a child instead (review s6: children act
 * these stories out, make things of them and are praised): the class, school work, a part played, a
 * prayer or service of their own, the day it happened.
 */
export const CHILD_WORK_WORDS = new Set([
  'us', 'our', 'we', 'class', 'classmates', 'school', 'model', 'models', 'picture', 'pictures', 'poster', 'drawing', 'painting',
  'poem', 'card', 'letter', 'homework', 'collage', 'project', 'costume', 'dressed', 'played', 'playing', 'acted', 'acting', 'performed',
  'performing', 'role', 'part', 'nativity', 'assembly', 'lines', 'certificate', 'award', 'prize', 'proud', 'done', 'wrote', 'drew',
  'painted', 'coloured', 'designed', 'created', 'recited', 'presented', 'shared', 'sang', 'answered', 'asked', 'won', 'scored',
  'prayer', 'prayers', 'service', 'church', 'harvest', 'today', 'yesterday', 'week', 'morning', 'afternoon',
  // read to a year group, made of what children make things of
  'read', 'reading', 'year', 'reception', 'nursery', 'junk', 'modelling', 'cardboard', 'boxes', 'clay', 'plasticine', 'lego', 'recycled',
]);

/** Words of singing and watching before a song's or a programme's title ("We sang Waltzing Matilda", "We watched Rosie and Jim"). */
export const PERFORMING_WORDS = new Set(['sang', 'sing', 'sings', 'singing', 'sung', 'watched', 'watch', 'watching', 'hummed']);

/**
 * Words that may follow a noun phrase's last word ("our top scorer at tag rugby", "… this term"):
 * a doer's "-er" noun counts only there, not inside a compound ("a container plant", "trainer brand").
 */
export const PHRASE_END_WORDS = new Set(['at', 'in', 'on', 'for', 'of', 'with', 'this', 'today', 'and', 'again', 'by', 'during', 'all', 'ever', 'last']);

/** Subject pronouns: a word-name straight after one is a verb ("we will read", "you may"). */
export const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'it', 'he', 'she', 'who']);

/** Words of reading before a book's title ("We finished reading Matilda", "Year 5 have read Holes"). */
export const READING_WORDS = new Set(['read', 'reading', 'reread', 'rereading']);

/** Before a quoted name, with reading and performing words, they make it most likely a title ("we finished 'Matilda'", "film club showed 'Luca'"). */
export const TITLE_FRAME_WORDS = new Set(['finished', 'showed', 'shown', 'performed', 'performing', 'saw', 'book', 'film', 'novel', 'musical', 'play', 'story', 'song', 'poem']);

/** Pronouns that refer back to a family ("The Bakers brought in their tortoise"). */
export const FAMILY_PRONOUNS = new Set(['their', 'they', 'them', 'themselves']);

/** Articles: a word-name straight after one names a thing ("the River Jordan", "a Bear Hunt", "the river’s edge"). */
export const ARTICLES = new Set(['the', 'a', 'an']);

/** Every list above as plain data for the snapshot (phrases as words joined by one space), with the person and agent nouns of the part-of-speech source. */
export function nameWordLists(personNouns: readonly string[], agentNouns: readonly string[]): NameWordLists {
  const phrases = (list: string[][]) => list.map((words) => words.join(' '));
  return {
    words: {
      staffTitles: [...STAFF_TITLES],
      coordinatingWords: [...COORDINATING_WORDS],
      months: [...MONTHS],
      seasons: [...SEASONS],
      calendarWordsBefore: [...CALENDAR_WORDS_BEFORE],
      holidayAdjectives: [...HOLIDAY_ADJECTIVES],
      holidayDeterminers: [...HOLIDAY_DETERMINERS],
      valueCues: [...VALUE_CUES],
      valueWords: [...VALUE_WORDS],
      sayingVerbs: [...SAYING_VERBS],
      calendarWordsAfter: [...CALENDAR_WORDS_AFTER],
      classWords: [...CLASS_WORDS],
      determiners: [...DETERMINERS],
      helperVerbs: [...HELPER_VERBS],
      singularHelpers: [...SINGULAR_HELPERS],
      personalPronouns: [...PERSONAL_PRONOUNS],
      familyWords: [...FAMILY_WORDS],
      yearGroupWords: [...YEAR_GROUP_WORDS],
      famousTitles: [...FAMOUS_TITLES],
      timeOfYearVerbs: [...TIME_OF_YEAR_VERBS],
      placeWordsBefore: [...PLACE_WORDS_BEFORE],
      travelWords: [...TRAVEL_WORDS],
      placeNouns: [...PLACE_NOUNS],
      geographyWords: [...GEOGRAPHY_WORDS],
      mapWords: [...MAP_WORDS],
      parentWords: [...PARENT_WORDS],
      staffRoles: [...STAFF_ROLES],
      ourStaffRoles: [...OUR_STAFF_ROLES],
      familyPronouns: [...FAMILY_PRONOUNS],
      figureNouns: [...FIGURE_NOUNS],
      articles: [...ARTICLES],
      faithFigures: [...FAITH_FIGURES],
      faithStoryWords: [...FAITH_STORY_WORDS],
      storyWords: [...STORY_WORDS],
      childWorkWords: [...CHILD_WORK_WORDS],
      readingWords: [...READING_WORDS],
      titleFrameWords: [...TITLE_FRAME_WORDS, ...READING_WORDS, ...PERFORMING_WORDS],
      performingWords: [...PERFORMING_WORDS],
      subjectPronouns: [...SUBJECT_PRONOUNS],
      storyPlaces: [...STORY_PLACES],
      personNouns: [...personNouns, ...SCHOOL_ROLES],
      agentNouns: [...agentNouns],
      phraseEndWords: [...PHRASE_END_WORDS],
      personAdjectives: [...PERSON_ADJECTIVES],
      praiseAdjectives: [...PRAISE_ADJECTIVES],
      intensifiers: [...INTENSIFIERS],
      classAwardWords: [...CLASS_AWARD_WORDS],
    },
    phrases: { cuesBeforeAName: phrases(CUES_BEFORE_A_NAME), cuesAfterAName: phrases(CUES_AFTER_A_NAME), storyFrames: phrases(STORY_FRAMES) },
  };
}
