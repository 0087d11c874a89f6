/**
 * The word lists the suggestion rules read, each with the rule it serves. README.md beside
 * this file explains the rules and the labelling guide they follow; keep the two in step.
 * Every word is lower case; the rules compare it with a token's lower-case text.
 */

/**
 * Verbs that report what someone said or found, in the forms a news text uses. A verb is
 * *open* when it may take a bare clause ("said the deal was off"); the others report a claim
 * only with "that", a colon or a quotation after them ("confirmed that…"), or placed after
 * the claim ("…, the fleet confirmed."): "reported for work", "found the body" and "the attack
 * claimed 30 lives" are no attributions.
 */
export const OPEN_VERBS = new Set([
  'say', 'says', 'said',
  'tell', 'tells', 'told',
  'state', 'states', 'stated',
  'announce', 'announces', 'announced',
  'declare', 'declares', 'declared',
  'warn', 'warns', 'warned',
  'insist', 'insists', 'insisted',
  'testify', 'testifies', 'testified',
  'tweet', 'tweets', 'tweeted',
]);

export const THAT_VERBS = new Set([
  'add', 'adds', 'added',
  'claim', 'claims', 'claimed',
  'report', 'reports', 'reported',
  'confirm', 'confirms', 'confirmed',
  'deny', 'denies', 'denied',
  'estimate', 'estimates', 'estimated',
  'find', 'finds', 'found',
  'show', 'shows', 'showed', 'shown',
  'suggest', 'suggests', 'suggested',
  'acknowledge', 'acknowledges', 'acknowledged',
  'admit', 'admits', 'admitted',
  'reveal', 'reveals', 'revealed',
  'disclose', 'discloses', 'disclosed',
  'allege', 'alleges', 'alleged',
  'assert', 'asserts', 'asserted',
  'argue', 'argues', 'argued',
  'maintain', 'maintains', 'maintained',
  'note', 'notes', 'noted',
  'predict', 'predicts', 'predicted',
  'conclude', 'concludes', 'concluded',
  'caution', 'cautions', 'cautioned',
  'explain', 'explains', 'explained',
  'write', 'writes', 'wrote',
  'believe', 'believes', 'believed',
]);

/** Verbs whose object is the person told ("told reporters that…", "warned residents the dam…"). */
export const TELLING_VERBS = new Set(['tell', 'tells', 'told', 'warn', 'warns', 'warned', 'assure', 'assures', 'assured', 'inform', 'informs', 'informed', 'remind', 'reminds', 'reminded']);

/** Verbs that attribute with a quotation after their object: "called the vote “a good night”". */
export const QUOTING_VERBS = new Set(['call', 'calls', 'called', 'describe', 'describes', 'described', 'dub', 'dubs', 'dubbed']);

/** "accused X of…": an accusation is a claim of its maker. */
export const ACCUSING_VERBS = new Set(['accuse', 'accuses', 'accused']);

/** "The UN puts the toll at 300": an estimate, when a number follows "at". */
export const ESTIMATING_VERBS = new Set(['put', 'puts', 'place', 'places', 'placed']);

/** Participles that carry the claim of the sentence's subject: "welcomed the decision, saying…". */
export const PARTICIPLES = new Set(['saying', 'adding', 'noting', 'warning', 'claiming', 'insisting', 'arguing', 'stating', 'explaining']);

/** Verbs that, placed after the claim, put their subject after them: "…,” said Marta Lind." */
export const INVERTING_VERBS = new Set(['said', 'says', 'added', 'wrote', 'asked', 'continued', 'explained']);

/** Agentless report: "it is believed that…", "the commander is said to…" (an unnamed source). */
export const IMPERSONAL_PARTICIPLES = new Set(['believed', 'reported', 'said', 'thought', 'understood', 'rumoured', 'rumored', 'alleged', 'claimed', 'estimated', 'feared']);

/** Adverbs that rest a statement on no one in particular (unnamed source). */
export const UNNAMED_ADVERBS = new Set(['reportedly', 'purportedly', 'reputedly']);

/**
 * Heads of a source that does not identify anyone: groups and roles without a name
 * ("Ukrainian officials", "a senior diplomat", "two people familiar with the talks").
 * A source whose head is one of these is an unnamed source unless a name comes with it
 * ("a spokesman, Luka Baric,"). The authors or researchers of a study, and institutions
 * ("the ministry", "police", "the union"), are named: the reader can find them.
 */
export const UNNAMED_HEADS = new Set([
  'official', 'officials', 'source', 'sources', 'people', 'person', 'persons', 'someone', 'somebody',
  'diplomat', 'diplomats', 'analyst', 'analysts', 'expert', 'experts', 'observer', 'observers',
  'insider', 'insiders', 'aide', 'aides', 'adviser', 'advisers', 'advisor', 'advisors',
  'resident', 'residents', 'witness', 'witnesses', 'activist', 'activists', 'critic', 'critics',
  'lawmaker', 'lawmakers', 'legislator', 'legislators', 'worker', 'workers', 'employee', 'employees',
  'staff', 'member', 'members', 'agent', 'agents', 'owner', 'owners', 'trader', 'traders',
  'investor', 'investors', 'economist', 'economists', 'forecaster', 'forecasters', 'officer', 'officers',
  'commander', 'commanders', 'soldier', 'soldiers', 'doctor', 'doctors', 'medic', 'medics',
  'scientist', 'scientists', 'engineer', 'engineers', 'investigator', 'investigators',
  'spokesman', 'spokeswoman', 'spokesperson', 'representative', 'representatives',
  'parent', 'parents', 'teenager', 'teenagers', 'student', 'students', 'pupil', 'pupils',
  'voter', 'voters', 'local', 'locals', 'villager', 'villagers', 'survivor', 'survivors',
  'protester', 'protesters', 'supporter', 'supporters', 'opponent', 'opponents', 'neighbour', 'neighbours',
  'neighbor', 'neighbors', 'friend', 'friends', 'relative', 'relatives', 'colleague', 'colleagues',
  'reports', 'rumours', 'rumors', 'accounts',
]);

/**
 * Heads of a document as a source ("a report by X found…", "data from X show…"): the source is
 * whoever made it (after "by"/"from"/"of", or its possessor), else the document as named.
 */
export const DOCUMENT_HEADS = new Set([
  'report', 'study', 'review', 'survey', 'data', 'figures', 'statistics', 'analysis', 'statement', 'letter',
  'forecast', 'estimate', 'estimates', 'poll', 'assessment', 'audit', 'paper', 'records', 'documents', 'filing',
]);

/** Determiners that make a group indefinite: "some teenagers", "several workers". */
export const INDEFINITE_DETERMINERS = new Set(['some', 'several', 'many', 'most', 'few', 'various', 'other', 'others', 'numerous']);

/** Pronouns that stand for an earlier source; a person (he, she) or anything (they, it). */
export const PERSON_PRONOUNS = new Set(['he', 'she']);
export const OTHER_PRONOUNS = new Set(['they', 'it', 'we']);

/** Words that open an indirect question, not a claim: "would not say which group…". */
export const QUESTION_WORDS = new Set(['which', 'whether', 'what', 'who', 'whom', 'how', 'when', 'why', 'where', 'if']);

/** Words that end a subject on its left: the subject starts after them. */
export const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'and', 'but', 'while', 'whereas', 'although', 'though', 'because', 'as', 'when', 'after', 'before', 'since', 'if', 'so']);

/** Prepositions allowed inside a source's noun phrase ("officials at the ministry", "people familiar with…"). */
export const PHRASE_PREPOSITIONS = new Set(['of', 'for', 'at', 'from', 'in', 'with', 'on', 'to', 'by', 'close', 'familiar', 'inside', 'within', 'near']);

/** Negation between a subject and its verb: "did not say", "never claimed" report no claim. */
export const NEGATIONS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor']);

/**
 * Hedges: words that state something as uncertain or expected. `to` marks those that hedge
 * only before "to" ("appears to", "expected to"); "may" is not the month ("in May").
 * "could", "would" and "should" are left out: too common to be worth a lead each.
 */
export const HEDGE_WORDS = new Set([
  'seem', 'seems', 'seemed', 'seemingly', 'apparently', 'may', 'might', 'likely', 'unlikely',
  'probably', 'possibly', 'perhaps', 'presumably', 'allegedly', 'supposedly', 'arguably',
]);
export const HEDGE_BEFORE_TO = new Set(['appear', 'appears', 'appeared', 'expected', 'likely', 'set', 'poised', 'tipped']);

/** Plural number words that give no definite count ("hundreds of", "tens of millions"). */
export const VAGUE_NUMBERS = new Set(['hundreds', 'thousands', 'millions', 'billions', 'dozens', 'tens', 'scores', 'several', 'few', 'many', 'couple', 'handful', 'some']);

/** Number words a figure may be made of ("forty-two", "two dozen", "a million"). */
export const NUMBER_WORDS = new Set([
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty',
  'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion',
  'trillion', 'dozen', 'half',
]);

/** Fractions of a whole: "a third of", "a quarter of the town’s taxes", "two-thirds". */
export const FRACTIONS = new Set(['half', 'third', 'thirds', 'quarter', 'quarters', 'fifth', 'fifths', 'sixth', 'tenth', 'tenths']);

/** Units a sum is counted per: "$3 million a day", "$41,000 a year". */
export const PER_UNITS = new Set(['day', 'week', 'month', 'year', 'hour', 'night', 'head', 'person', 'barrel', 'tonne', 'ton']);
