/**
 * Speech and belief cues. Verbs whose object is what was said ("X said (that) Y", "Y, X added").
 * Forms are listed in full rather than stemmed so that "stressed" is a cue but "stress" (a noun as
 * often as a verb) is not.
 */

const VERBS: readonly (readonly string[])[] = [
  ['say', 'says', 'said', 'saying'],
  ['tell', 'tells', 'told', 'telling'],
  ['add', 'adds', 'added', 'adding'],
  ['notes', 'noted', 'noting'],
  ['explain', 'explains', 'explained', 'explaining'],
  ['claims', 'claimed', 'claiming'],
  ['argue', 'argues', 'argued', 'arguing'],
  ['warn', 'warns', 'warned', 'warning'],
  ['insist', 'insists', 'insisted', 'insisting'],
  ['announce', 'announces', 'announced', 'announcing'],
  ['stated', 'stating'],
  ['reports', 'reported'],
  ['believe', 'believes', 'believed', 'believing'],
  ['think', 'thinks', 'thought'],
  ['suggest', 'suggests', 'suggested', 'suggesting'],
  ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  ['deny', 'denies', 'denied', 'denying'],
  ['write', 'writes', 'wrote', 'writing'],
  ['tweet', 'tweets', 'tweeted', 'tweeting'],
  ['stress', 'stresses', 'stressed', 'stressing'],
  ['emphasize', 'emphasizes', 'emphasized', 'emphasizing', 'emphasise', 'emphasises', 'emphasised'],
  ['reiterate', 'reiterates', 'reiterated'],
  ['confirm', 'confirms', 'confirmed'],
  ['predict', 'predicts', 'predicted'],
  ['recall', 'recalls', 'recalled'],
  ['admit', 'admits', 'admitted', 'admitting'],
  ['contend', 'contends', 'contended'],
  ['maintain', 'maintains', 'maintained'],
  ['assert', 'asserts', 'asserted'],
  ['allege', 'alleges', 'alleged'],
  ['concede', 'concedes', 'conceded'],
  ['reveal', 'reveals', 'revealed'],
  ['declare', 'declares', 'declared'],
  ['respond', 'responds', 'responded'],
  ['reply', 'replies', 'replied'],
  ['conclude', 'concludes', 'concluded'],
  ['promise', 'promises', 'promised'],
  ['pledge', 'pledges', 'pledged'],
  ['vow', 'vows', 'vowed'],
  ['hope', 'hopes', 'hoped'],
  ['fear', 'fears', 'feared'],
  ['worry', 'worries', 'worried'],
  ['know', 'knows', 'knew'],
  ['feel', 'feels', 'felt'],
  ['agree', 'agrees', 'agreed'],
  ['ask', 'asks', 'asked'],
  ['urge', 'urges', 'urged'],
  ['continue', 'continues', 'continued'],
  ['inform', 'informs', 'informed'],
  ['estimate', 'estimates', 'estimated'],
  ['expect', 'expects', 'expected'],
  ['complain', 'complains', 'complained'],
  ['point', 'points', 'pointed'],
  ['observe', 'observes', 'observed'],
  ['indicate', 'indicates', 'indicated'],
  ['show', 'shows', 'showed'],
  ['find', 'finds', 'found'],
  ['joke', 'jokes', 'joked'],
  ['boast', 'boasts', 'boasted'],
  ['mention', 'mentions', 'mentioned'],
  ['charge', 'charges', 'charged'],
  ['caution', 'cautions', 'cautioned'],
  ['assure', 'assures', 'assured'],
  ['remind', 'reminds', 'reminded'],
  ['assume', 'assumes', 'assumed'],
  ['speculate', 'speculates', 'speculated'],
  ['insinuate', 'insinuated'],
  ['testify', 'testifies', 'testified'],
  ['recount', 'recounts', 'recounted'],
];

const CUE_FORMS = new Map<string, string>();
// The lemma is the first form, also where that form is left out as too often a noun ("states", "report").
const LEMMAS: Record<string, string> = { notes: 'note', claims: 'claim', stated: 'state', reports: 'report' };
for (const forms of VERBS) for (const f of forms) CUE_FORMS.set(f, LEMMAS[forms[0]!] ?? forms[0]!);

/** The lemma when `lower` is a cue verb form, else undefined. */
export function cueLemma(lower: string): string | undefined {
  return CUE_FORMS.get(lower);
}

/** Verbs that mostly report speech: good enough to attribute a direct quote. */
const SPEECH = new Set([
  'say', 'tell', 'add', 'note', 'explain', 'claim', 'argue', 'warn', 'insist', 'announce', 'state', 'write', 'tweet',
  'stress', 'emphasize', 'reiterate', 'confirm', 'predict', 'recall', 'admit', 'contend', 'declare', 'respond',
  'reply', 'conclude', 'promise', 'pledge', 'vow', 'ask', 'urge', 'continue', 'joke', 'boast', 'caution', 'assure',
  'testify', 'recount', 'report', 'acknowledge', 'deny', 'suggest', 'concede', 'assert', 'observe', 'complain',
  'charge', 'remind', 'believe', 'think', 'feel', 'mention', 'reveal', 'maintain', 'allege', 'inform', 'agree',
]);

export function isSpeechLemma(lemma: string): boolean {
  return SPEECH.has(lemma);
}

/** Cues whose -ing form introduces a second statement by the same speaker (", adding that ..."). */
export const PARTICIPLE_CUES = new Set([
  'saying', 'adding', 'noting', 'explaining', 'arguing', 'warning', 'insisting', 'stressing', 'claiming',
  'suggesting', 'stating', 'acknowledging', 'emphasizing', 'emphasising', 'telling', 'announcing', 'writing',
  'admitting',
]);

/** Lemmas that are cues only before a clause (not "found the keys", "showed the film"). */
export const NEEDS_THAT = new Set(['know', 'feel', 'point', 'indicate',
  'continue', 'agree', 'remind', 'charge', 'assume', 'mention', 'inform', 'estimate']);

/**
 * Verbs of stance rather than speech ("wants", "endorsed", "criticized", "a poll shows"): what they take
 * is also an attributed content, but only read forward ("X wants Y"), never as "Y, X wants".
 */
const STANCE_FORMS = new Set([
  'want', 'wants', 'wanted', 'plans', 'planned', 'endorsed', 'endorses', 'criticized', 'criticised', 'criticizes',
  'supports', 'supported', 'backed', 'backs', 'opposed', 'opposes', 'defended', 'defends', 'praised', 'praises',
  'accused', 'accuses', 'urged', 'urges', 'proposed', 'proposes', 'refused', 'sought', 'seeks', 'offered', 'attacked',
  'questioned', 'rejected', 'rejects', 'dismissed', 'blamed', 'blames', 'described', 'describes', 'cited', 'cites',
  'asked', 'asks', 'sees', 'saw', 'prefers', 'preferred', 'considered', 'considers', 'expressed', 'discussed',
  'ordered', 'promised', 'vowed', 'pledged', 'demanded', 'demands', 'insisted', 'condemned', 'applauded', 'welcomed',
  'called', 'calls', 'seemed', 'seems', 'appeared', 'appears', 'mocked', 'slammed', 'blasted', 'decided', 'recalled',
]);

export function isStanceForm(lower: string): boolean {
  return STANCE_FORMS.has(lower);
}
