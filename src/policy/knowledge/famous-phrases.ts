/**
 * Famous people, stories, books and places whose names hold a given name: "Charles Darwin", "Robin
 * Hood", "James and the Giant Peach". Written in a post, they are the famous one, not a pupil who
 * shares the first name (a pupil whose full name *is* the phrase is still a pupil: snapshot.ts
 * drops those).
 *
 * Two sources: the `compromise-wikipedia` plugin's list of about 38,000 popular Wikipedia titles
 * (people, books, places), and below the books, Bible stories and figures taught in UK primary
 * schools that it lacks (picture books, a lighthouse rescuer), and the carols, foods and stations a
 * school post names ("Joy to the World", "Victoria sponge", "London Victoria"). Read in the background and the CLI
 * when the snapshot is built; the snapshot carries only the phrases holding a roster name.
 */
import wikipedia from 'compromise-wikipedia';
import { nameParts } from '../snapshot';

/** Stories, books, characters, figures, songs, foods and places of UK primary schools that the Wikipedia list misses. */
const SCHOOL_CLASSICS = [
  // picture books and children's novels
  'james and the giant peach', "george's marvellous medicine", "rosie's walk", "oliver's vegetables", "oliver's fruit salad",
  "oliver's milkshake", 'peter rabbit', 'the tale of peter rabbit', 'jemima puddle-duck', "handa's surprise", "handa's hen",
  'the tiger who came to tea', 'harry and the bucketful of dinosaurs', 'alfie gets in first', "katie morag", 'biff chip and kipper',
  'fantastic mr fox', 'charlie and lola', 'horrid henry', 'the worst witch', 'mildred hubble', 'winnie the witch',
  'stanley and the magic lamp', 'flat stanley', 'the owl who was afraid of the dark', "aliens love underpants", 'daisy and the trouble with',
  "the queen's knickers", 'the princess and the pea', 'little red riding hood', 'goldilocks and the three bears', 'hansel and gretel',
  'jack and jill', 'romeo and juliet', 'peter and wendy', 'peter and the wolf', 'topsy and tim', 'jack and the beanstalk', 'george and the dragon', 'saint george and the dragon', 'st george and the dragon',
  'the gingerbread man', 'elmer the elephant', 'paddington bear', 'winnie the pooh', 'christopher robin', 'tom thumb', 'peter pan',
  'wendy darling', 'captain hook', 'alice in wonderland', "alice's adventures in wonderland", 'oliver twist', 'charlie bucket',
  'willy wonka', 'matilda wormwood', 'miss honey', 'the iron man', 'the hodgeheg', 'the enormous crocodile',
  // Bible and faith stories
  "noah's ark", 'noah and the ark', 'jonah and the whale', "daniel in the lions' den", "daniel in the lion's den", 'daniel and the lions',
  'moses in the bulrushes', 'baby moses', 'david and goliath', 'adam and eve', 'joseph and his brothers', "joseph's coat",
  'joseph and the amazing technicolor dreamcoat', 'mary and joseph', 'baby jesus', 'the good samaritan', 'rama and sita',
  'cain and abel', 'jacob and esau', 'samson and delilah', 'ruth and naomi', 'abraham and isaac', 'esther and mordecai',
  'guru nanak', 'prophet muhammad', 'saint nicholas', 'st nicholas', 'saint patrick', 'st patrick', 'saint david', 'st david',
  'saint andrew', 'st andrew', 'saint george', 'st george', 'saint francis', 'st francis', 'saint lucy', 'st lucy',
  // figures taught in history and science
  'grace darling', 'mary seacole', 'florence nightingale', 'edith cavell', 'walter tull', 'amy johnson', 'captain tom',
  'captain tom moore', 'captain cook', 'james cook', 'sir francis drake', 'francis drake', 'lady jane grey', 'anne boleyn',
  'catherine of aragon', 'mary queen of scots', 'henry the eighth', 'king henry', 'queen elizabeth', 'queen victoria', 'prince albert', 'alfred the great',
  'william the conqueror', 'richard the lionheart', 'king john', 'george stephenson', 'isambard kingdom brunel', 'mary anning',
  'tim peake', 'helen sharman', 'neil armstrong', 'buzz aldrin', 'rosa parks', 'ruby bridges', 'martin luther king', 'nelson mandela',
  'emmeline pankhurst', 'anne frank', 'charles darwin', 'isaac newton', 'ada lovelace', 'alan turing', 'marie curie', 'jane goodall',
  'david attenborough', 'greta thunberg', 'marcus rashford', 'mo farah', 'jesse owens', 'julia donaldson', 'roald dahl',
  'michael morpurgo', 'david walliams', 'jacqueline wilson', 'oliver jeffers', 'anthony browne', 'shirley hughes', 'judith kerr',
  'jill murphy', 'lauren child', 'robin hood', 'maid marian', 'little john', 'friar tuck', 'king arthur', 'sir lancelot',
  'jack frost', 'father christmas', 'santa claus', 'saint valentine', 'st valentine',
  // carols, hymns and songs of school assemblies and nativities
  'joy to the world', "once in royal david's city", "mary's boy child", 'mary had a little lamb', 'twinkle twinkle little star',
  'daisy bell', 'daisy daisy', 'waltzing matilda', 'ring a ring o roses', 'good king wenceslas', 'the first noel', 'give me joy in my heart', 'shine jesus shine',
  'rudolph the red-nosed reindeer', 'frosty the snowman', 'the grand old duke of york', 'lord of the dance', 'morning has broken',
  "he's got the whole world in his hands", 'hope is a candle', 'little donkey', 'we three kings',
  // food
  'victoria sponge', 'victoria sandwich', 'eton mess', 'beef wellington', 'peach melba', 'bakewell tart', 'eccles cake',
  'chelsea bun', 'bath bun', 'madeira cake', 'battenberg cake', "eve's pudding", 'earl grey', 'lady grey', 'granny smith',
  'pink lady', 'caesar salad', 'pizza margherita', 'margherita pizza', 'sally lunn', 'charlotte russe', 'apple charlotte',
  'rocky road', 'jaffa cakes', 'jasmine tea', 'jasmine rice', 'jasmine flowers',
  // paint colours
  'burnt sienna', 'raw sienna', 'burnt umber', 'raw umber', 'rose madder', 'prussian blue', 'hazel brown',
  // artists and authors a primary school studies, as their names are written
  'henry moore', 'barbara hepworth', 'andy goldsworthy', 'l s lowry', 'quentin blake', 'eric carle', 'beatrix potter',
  'william morris', 'frida kahlo', 'wassily kandinsky', 'paul klee', 'henri matisse', 'claude monet', 'vincent van gogh',
  'georgia o keeffe', 'yayoi kusama', 'keith haring', 'clarice cliff', 'john constable', 'david hockney', 'romero britto',
  'c s lewis', 'j k rowling', 'a a milne', 'j r r tolkien', 'e b white', 'enid blyton', 'lewis carroll', 'jill tomlinson',
  // children's television
  'rosie and jim', 'bill and ben', 'peppa pig', 'fireman sam', 'postman pat', 'bob the builder', 'ben and holly',
  // stories' places
  'the lion the witch and the wardrobe',
  // stations, parks and halls named like people
  'london victoria', 'manchester victoria', 'victoria station', 'victoria coach station', 'victoria line', 'victoria park',
  'victoria falls', 'victoria and albert museum', 'royal albert hall', 'albert dock', 'london paddington', 'st pancras',
  "king's cross", 'london bridge', 'charing cross', 'marble arch', 'regent street', 'covent garden',
];

/** What the plugin does when compromise loads it. */
interface WikipediaPlugin {
  mutate(world: { model: { wpTree?: string[] } }, nlp: { buildTrie: (list: string[]) => string[] }): void;
}

/** Each phrase, as its words, and whether it is from the school list (reviewed) or Wikipedia's. */
let phrases: { words: string[]; reviewed: boolean }[] | null = null;

function allPhrases(): { words: string[]; reviewed: boolean }[] {
  if (!phrases) {
    // The plugin hands its unpacked title list to compromise's trie builder: take the list from there.
    const world = { model: {} as { wpTree?: string[] } };
    (wikipedia as unknown as WikipediaPlugin).mutate(world, { buildTrie: (list) => list });
    // Folding (normaliseText) costs typed arrays per call: plain ASCII titles need only lower case.
    const wordsOf = (title: string) => (/^[\x20-\x7e]*$/.test(title) ? title.toLowerCase().split(/[^a-z]+/).filter(Boolean) : nameParts(title));
    phrases = [
      ...(world.model.wpTree ?? []).map((title) => ({ words: wordsOf(title), reviewed: false })),
      ...SCHOOL_CLASSICS.map((title) => ({ words: wordsOf(title), reviewed: true })),
    ].filter((phrase) => phrase.words.length >= 2);
  }
  return phrases;
}

/**
 * The famous phrases (two words or more) holding one of these folded name parts, or a word one slip
 * from a pupil's name (`nearName`: "juliet" where a pupil is Julien), folded, words joined by a
 * space. A Wikipedia title that is two of these names joined by "and" ("Grace and Frankie") reads
 * exactly like two pupils listed, and is left out; the school list's stories stay ("Rama and Sita").
 */
export function famousPhrasesWith(nameParts: ReadonlySet<string>, nearName: (word: string) => boolean = () => false): string[] {
  const found = new Set<string>();
  for (const { words, reviewed } of allPhrases()) {
    if (!words.some((word) => nameParts.has(word) || nearName(word))) continue;
    const twoNames = words.length === 3 && words[1] === 'and' && nameParts.has(words[0] as string) && nameParts.has(words[2] as string);
    if (reviewed || !twoNames) found.add(words.join(' '));
  }
  return [...found].sort();
}
