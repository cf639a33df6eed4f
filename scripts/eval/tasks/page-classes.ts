/**
 * `npm run eval -- page-classes`: the cleaning classes of issue 11 on synthetic pages built here from text
 * written for this file (no dev data): a short post under a long comment thread, an article followed by a
 * "more stories" tail, a long article made mostly of lists. Each page is scored as saved HTML and as its
 * copy-paste text dump (htmlLines), with the article-extraction-benchmark shingle metric of cleaning.ts.
 * Parts: `tuning` = the templates looked at while the rules were written; `check` = templates written after
 * the rules and scored without tuning on them. A rule that helps tuning and not check is fitting.
 */
import { cleanDocument } from '../../../src/core/clean/index.js';
import { htmlLines } from '../../../src/core/clean/htmlscan.js';
import { f1, mean, type EvalTask, type ScoreRow } from '../lib.js';
import { precision, recall, shingleMatch } from './cleaning.js';

type PageClass = 'comments' | 'tail' | 'lists';
type Part = 'tuning' | 'check';
interface Page {
  readonly name: string;
  readonly cls: PageClass;
  readonly part: Part;
  readonly html: string;
  /** The article body as a reader would mark it (headline excluded). */
  readonly gold: readonly string[];
}

const STORY = [
  'The library on Mill Lane will open on Sundays from next month, the council said after a vote on Tuesday night.',
  'Volunteers from the reading group had collected more than two thousand signatures asking for longer hours.',
  'The extra day will cost about forty thousand pounds a year, which the council plans to take from its events budget.',
  'Staff said the building was busiest on Saturday mornings, when parents bring children to the story hour.',
  'A councillor who voted against the plan said the money would be better spent on repairing the leaking roof.',
  'The head librarian said the roof would be fixed in the spring whatever happened to the opening hours.',
  'Sunday opening will run from eleven in the morning until four in the afternoon for a trial of six months.',
  "If enough people use it, the council will make the change permanent when it sets next year's budget.",
  'The reading group plans a celebration on the first Sunday, with a book swap and a talk by a local author.',
  'Other towns in the county have said they are watching the trial to see whether it brings in new readers.',
];
const POST = [
  'We finally got the old tractor running again after three weekends in the barn, and it starts on the first try now.',
  'The trouble was a cracked fuel line that let air into the pump, which is why it kept dying after a minute or two.',
];
const REMARKS = [
  'Brilliant work, my grandfather had the same model and I remember him fighting with the fuel line every single winter when the frost came',
  'Did you replace the line with the original rubber or with one of the modern braided ones that the parts shops sell now',
  'I had a similar problem on mine and it turned out to be the filter bowl seal, which costs almost nothing to replace if you know where to look',
  'Great write up, would love to see some photos of the pump when you have a moment because I am about to start on mine',
  'Mine still will not start below freezing no matter what I do, so maybe the glow plugs are worth a look before the fuel system',
  'We used ours for hay until the late nineties and it never let us down once, even in the wettest summers we had',
  'How long did it take you to bleed the system afterwards, because on mine it took most of an afternoon and a lot of swearing',
  'Thanks for posting this, the manual is useless on that part and the diagrams do not match the engine at all',
];
const TEASERS: readonly (readonly [string, string])[] = [
  ['Bakery on the square closes after sixty years', 'The family that ran it says rising costs and a lack of staff made it impossible to go on for another winter.'],
  ['New cycle path to link the two villages', 'Work on the four mile route begins in March and should be finished in time for the summer holidays next year.'],
  ['School choir wins regional contest', 'Forty pupils sang at the final in the city hall and beat eleven other schools from across the region.'],
  ['Flood defences tested ahead of winter', 'Engineers closed the new gates on the river for the first time on Sunday while residents watched from the bridge.'],
  ['Market traders call for more parking', 'Stall holders say shoppers are staying away since the car park behind the town hall was closed for building work.'],
  ['Plans for wind farm go on show', 'The company behind the project will hold drop in sessions in three village halls over the next fortnight.'],
  ['Police appeal after break in at garden centre', 'Tools and a ride on mower were taken from a shed overnight on Thursday, and officers want to hear from witnesses.'],
  ['Museum reopens after roof repairs', 'Visitors can once again see the collection of farm machinery that has been kept in storage for almost two years.'],
];
const INTRO = [
  'Keeping a vegetable patch through a dry summer is mostly a matter of doing a few small things every week rather than one big job.',
  'Here is what the growers at the allotment on Station Road do, in the order they do it.',
];
const SECTIONS: readonly (readonly [string, string, readonly string[]])[] = [
  ['Prepare the soil', 'Start before the first dry spell, while the ground still holds some water.', ['Dig in two buckets of compost for every square metre of bed', 'Rake the surface level so that water soaks in instead of running off', 'Leave the paths unplanted so you can reach every plant without stepping on the beds', 'Test a handful of soil: it should hold together and then crumble']],
  ['Water less often but deeper', 'A quick sprinkle every evening does more harm than good because the roots stay near the surface.', ['Water each bed thoroughly twice a week in the early morning', 'Aim the can at the base of the plants rather than the leaves', 'Use a finger to check the soil two centimetres down before watering again', 'Collect rain from the shed roof in a butt with a lid']],
  ['Cover the ground', 'Bare soil loses water quickly, so keep it covered all summer.', ['Spread grass clippings thinly between the rows once the plants are up', 'Use straw around strawberries and courgettes to keep the fruit clean', 'Lay cardboard on empty beds and weigh it down with bricks', 'Plant lettuces in the shade of taller crops such as beans']],
  ['Choose the right crops', 'Some vegetables cope with drought far better than others.', ['Sow beetroot, chard and kale, which send their roots deep', 'Grow runner beans up a wigwam and water them well when they flower', 'Pick courgettes small and often so the plant keeps producing', 'Leave thirsty crops such as celery for a wetter year']],
  ['Look after the harvest', 'Dry weather brings pests of its own, and the crop needs checking.', ['Check the undersides of leaves for aphids every few days', 'Net brassicas against butterflies as soon as you plant them out', 'Harvest in the cool of the morning when the leaves are full of water', 'Store onions and garlic somewhere airy and out of the sun']],
];
const RECIPE_INTRO = ['This loaf needs no kneading and no special tins, only a heavy pot with a lid and a night for the dough to rise.', 'It keeps for three days wrapped in a cloth, and the crust stays crisp if you leave it out of the fridge.'];
const INGREDIENTS = ['500 g strong white flour', '10 g salt', '2 g dried yeast', '400 ml cool water', 'a handful of oats', 'a little oil for the bowl', 'extra flour for dusting'];
const METHOD = [
  'Mix the flour, salt and yeast in a large bowl, pour in the water and stir until no dry flour is left.',
  'Cover the bowl and leave it on the kitchen table overnight, or for at least twelve hours.',
  'Tip the dough onto a floured board, fold it over itself a few times and shape it into a round.',
  'Put the pot with its lid into the oven and heat it to the highest setting for half an hour.',
  'Lower the dough into the hot pot, scatter the oats on top, put the lid back and bake for thirty minutes.',
  'Take the lid off and bake for another fifteen minutes until the crust is dark brown, then cool on a rack.',
];
const PICKS: readonly (readonly [string, string])[] = [
  ['The Quiet Orchard', 'a novel about two sisters who inherit a failing cider farm and have one autumn to save it'],
  ['Salt and Iron', 'a history of the harbour towns along the north coast, told through the lives of their harbour masters'],
  ['Small Engines', 'a short and funny guide to repairing the lawn mowers, pumps and generators that every farm depends on'],
  ['The Long Field', 'poems written over a year of walking the same path between two villages in every kind of weather'],
  ['Night Ferry', 'a thriller set on the last crossing of the winter, when a passenger disappears between two ports'],
  ['Bread Every Day', 'simple recipes for people who want to bake their own loaves without giving up their weekends'],
];

const NAMES = ['Tom Baker', 'jenny_w', 'OldFarmer', 'Mike R', 'Sarah Hill', 'dieselfan', 'Pete', 'Anna K'];
const remarks = (n: number) => Array.from({ length: n }, (_, i) => `${REMARKS[i % REMARKS.length]}, at least that is what ${['I found', 'we saw', 'happened here', 'my brother says'][i % 4]} in ${1990 + i}.`);
const P = (lines: readonly string[]) => lines.map((l) => `<p>${l}</p>`).join('');
const frame = (title: string, inner: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title} | Valley News</title></head><body><header><a href="/">Valley News</a></header>` +
  `<nav><ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li><li><a href="/s">Sport</a></li><li><a href="/w">What's on</a></li></ul></nav>` +
  `${inner}<footer><p>Valley News, 4 Bridge Street.</p><p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></footer></body></html>`;

function commentPages(): Page[] {
  const pages: Page[] = [];
  const title = 'Tractor running again';
  const post = `<h1>${title}</h1>${P(POST)}`;
  const when = (i: number) => `March ${i + 1}, 2016 at ${(i % 12) + 1}:${10 + i} pm`;
  const items: ((c: string, i: number) => string)[] = [
    (c, i) => `<div class="item"><div class="meta"><a href="/u/${i}">${NAMES[i % 8]}</a> <span>${when(i)}</span></div><p>${c}</p></div>`,
    (c, i) => `<li class="entry"><strong>${NAMES[i % 8]}</strong> <time>${when(i)}</time><p>${c}</p><a href="#">Report</a></li>`,
    (c, i) => `<div class="msg"><p><b>${NAMES[i % 8]}</b> · ${i + 2} hours ago</p><p>${c}</p><p>Like · Report</p></div>`,
    (c, i) => `<article class="c"><header><a>${NAMES[i % 8]}</a></header><p>${c}</p><footer><a href="#">Flag</a> <a href="#">Share</a></footer></article>`,
  ];
  items.forEach((item, t) => {
    const thread = remarks(25).map(item).join('');
    const wrapped = t === 1 ? `<ul>${thread}</ul>` : thread;
    pages.push({ name: `headed-${t}`, cls: 'comments', part: 'tuning', html: frame(title, `<div class="wrap"><div class="post">${post}</div><div class="discuss"><h3>25 Comments</h3>${wrapped}</div></div>`), gold: POST });
    pages.push({ name: `unheaded-${t}`, cls: 'comments', part: 'tuning', html: frame(title, `<div class="wrap"><div class="post">${post}</div><div class="zone">${wrapped}</div></div>`), gold: POST });
  });
  for (const attrs of ['class="article__comments"', 'class="c-comments"', 'id="commentsContainer"', 'class="js-comments-list"', 'aria-label="Comments"', 'data-component="comments"']) {
    const thread = remarks(25).map((c, i) => `<div class="x"><h4>${NAMES[i % 8]}</h4><p>${c}</p></div>`).join('');
    pages.push({ name: `marked-${attrs}`, cls: 'comments', part: 'tuning', html: frame(title, `<div class="wrap"><article>${post}</article><section ${attrs}>${thread}</section></div>`), gold: POST });
  }
  // check: templates written after the rules
  const checkItems: ((c: string, i: number) => string)[] = [
    (c, i) => `<div class="answer"><span class="user">${NAMES[i % 8]}</span> <span class="date">${i + 1} days ago</span><div>${c}</div><a href="#">Reply</a></div>`,
    (c, i) => `<div class="fb-item"><p><a href="/p/${i}">${NAMES[i % 8]}</a></p><p>${c}</p><p>${i + 1}w · Like · Reply</p></div>`,
    (c, i) => `<li><cite>${NAMES[i % 8]}</cite> on ${i + 3} May 2019 at 9:${10 + i} am<blockquote><p>${c}</p></blockquote></li>`,
    (c) => `<p>${c}</p>`,
  ];
  checkItems.forEach((item, t) => {
    const thread = remarks(20).map(item).join('');
    const box = t === 2 ? `<ol>${thread}</ol>` : thread;
    pages.push({ name: `check-${t}`, cls: 'comments', part: 'check', html: frame(title, `<div class="page"><div class="entry">${post}</div><div id="feedback">${t === 3 ? '<h3>What you said</h3>' : ''}${box}</div></div>`), gold: POST });
  });
  pages.push({ name: 'check-dl', cls: 'comments', part: 'check', html: frame(title, `<div class="blog"><div class="post-body">${P(POST)}</div><div class="comments"><h4>20 comments:</h4><dl>${remarks(20).map((c, i) => `<dt>${NAMES[i % 8]} said...</dt><dd><p>${c}</p></dd><dd>March ${i + 1}, 2016 at 10:${10 + i} AM</dd>`).join('')}</dl></div></div>`), gold: POST });
  return pages;
}

function tailPages(): Page[] {
  const pages: Page[] = [];
  const title = 'Library to open on Sundays';
  const story = `<h1>${title}</h1><p class="byline">By Jane Marsh</p>${P(STORY)}`;
  const block = (t: number, heading: string | null) => {
    const h = heading === null ? '' : `<h2>${heading}</h2>`;
    const items = TEASERS.map(([head, text], i) => [
      `<div class="card"><h3><a href="/s/${i}">${head}</a></h3><p>${text}</p></div>`,
      `<div class="card"><a href="/s/${i}"><h3>${head}</h3><p>${text}</p></a></div>`,
      `<li><a href="/s/${i}">${head}</a><p>${text}</p><a href="/s/${i}">Read more</a></li>`,
      `<div class="card"><p><a href="/s/${i}">${head}</a></p><p>${text} <a href="/s/${i}">Read more »</a></p><p>${i + 1} days ago</p></div>`,
    ][t]!).join('');
    return h + (t === 2 ? `<ul>${items}</ul>` : items);
  };
  for (const heading of [null, 'More from Valley News', 'Further reading', 'Read These Next', 'In case you missed it', 'We recommend', 'From around the web', 'Stories you may have missed']) {
    for (let t = 0; t < 4; t++) {
      pages.push({ name: `same-${heading}-${t}`, cls: 'tail', part: 'tuning', html: frame(title, `<div class="content">${story}${block(t, heading)}</div>`), gold: STORY });
      pages.push({ name: `sibling-${heading}-${t}`, cls: 'tail', part: 'tuning', html: frame(title, `<div class="page"><div class="story">${story}</div><div class="more">${block(t, heading)}</div></div>`), gold: STORY });
    }
  }
  // check: templates written after the rules
  const sponsored = TEASERS.map(([head, text], i) => `<div class="ob"><a href="https://ads.example/${i}"><span>${head}</span></a><p>${text}</p><span>Sponsored | Brand ${i}</span></div>`).join('');
  const dated = TEASERS.map(([head], i) => `<p><a href="/s/${i}">${head}</a> — ${i + 1} March 2021</p>`).join('');
  const next = `<div class="next"><h2>Up next</h2><h3>${TEASERS[0]![0]}</h3>${P(TEASERS.map(([, text]) => text).slice(0, 4))}</div>`;
  const categories = TEASERS.map(([head, text], i) => `<div class="tile"><span class="kicker">${['News', 'Sport', 'Business'][i % 3]}</span><h3><a href="/s/${i}">${head}</a></h3><p>${text}</p><span>By Staff Reporter</span></div>`).join('');
  for (const [name, tail] of [['sponsored', `<h3>Promoted Content</h3>${sponsored}`], ['dated', dated], ['next', next], ['kickers', categories], ['popular', `<h2>Popular this week</h2>${categories}`]] as const) {
    pages.push({ name: `check-${name}`, cls: 'tail', part: 'check', html: frame(title, `<div class="main-col"><div class="article-body">${story}</div>${tail}</div>`), gold: STORY });
    pages.push({ name: `check-${name}-inside`, cls: 'tail', part: 'check', html: frame(title, `<div class="article-body">${story}${tail}</div>`), gold: STORY });
  }
  // check: headings real sites put over their tail, listed after the rules from memory of news pages, not from the rules
  for (const heading of ['Recommended Videos', 'Promoted Content', 'From Our Partners', 'Featured Stories', 'People Are Reading', 'Latest in Tech', 'Most Read Today', 'Hot Topics']) {
    pages.push({ name: `check-heading-${heading}`, cls: 'tail', part: 'check', html: frame(title, `<div class="content">${story}${block(heading.length % 2, heading)}</div>`), gold: STORY });
  }
  return pages;
}

function listPages(): Page[] {
  const pages: Page[] = [];
  const title = 'How to keep your vegetables alive in a drought';
  const gold = [...INTRO, ...SECTIONS.flatMap(([h, p, items]) => [h, p, ...items])];
  const sectionHtml: ((h: string, p: string, items: readonly string[], k: number) => string)[] = [
    (h, p, items) => `<h2>${h}</h2><p>${p}</p><ul>${items.map((x) => `<li>${x}</li>`).join('')}</ul>`,
    (h, p, items) => `<div class="step"><h2>${h}</h2><p>${p}</p><ol>${items.map((x) => `<li>${x}</li>`).join('')}</ol></div>`,
    (h, p, items, k) => `<section class="tip-${k}"><h3>${h}</h3><div>${p}</div><ul>${items.map((x) => `<li><p>${x}</p></li>`).join('')}</ul></section>`,
    (h, p, items) => `<h2>${h}</h2><p>${p}</p>${items.map((x) => `<p>• ${x}</p>`).join('')}`,
    (h, p, items, k) => `<h2>${h}</h2><p>${p}</p><ul class="checklist">${items.map((x, j) => `<li><a href="/g/${k}${j}">${x.split(' ').slice(0, 3).join(' ')}</a> ${x.split(' ').slice(3).join(' ')}</li>`).join('')}</ul>`,
  ];
  const aside = '<aside><h3>Most read</h3><ul><li><a href="/1">Bakery closes</a></li><li><a href="/2">Cycle path</a></li></ul></aside>';
  sectionHtml.forEach((section, w) => {
    pages.push({ name: `howto-${w}`, cls: 'lists', part: 'tuning', html: frame(title, `<div class="main"><article><h1>${title}</h1>${P(INTRO)}${SECTIONS.map(([h, p, items], k) => section(h, p, items, k)).join('')}</article>${aside}</div>`), gold });
  });
  // check: templates written after the rules
  const recipeTitle = 'A no-knead loaf for beginners';
  const recipeGold = [...RECIPE_INTRO, 'Ingredients', ...INGREDIENTS, 'Method', ...METHOD];
  pages.push({ name: 'check-recipe', cls: 'lists', part: 'check', html: frame(recipeTitle, `<article><h1>${recipeTitle}</h1>${P(RECIPE_INTRO)}<h2>Ingredients</h2><ul>${INGREDIENTS.map((x) => `<li>${x}</li>`).join('')}</ul><h2>Method</h2><ol>${METHOD.map((x) => `<li>${x}</li>`).join('')}</ol></article>`), gold: recipeGold });
  pages.push({ name: 'check-recipe-divs', cls: 'lists', part: 'check', html: frame(recipeTitle, `<div class="recipe"><h1>${recipeTitle}</h1><div class="intro">${P(RECIPE_INTRO)}</div><div class="ingredients"><h3>Ingredients</h3><ul>${INGREDIENTS.map((x) => `<li><span>${x}</span></li>`).join('')}</ul></div><div class="method"><h3>Method</h3><ol>${METHOD.map((x) => `<li><p>${x}</p></li>`).join('')}</ol></div></div>`), gold: recipeGold });
  const picksTitle = 'Six books to take on holiday this summer';
  const picksIntro = ['Our reviewers have spent the spring reading the new titles from small publishers, and these are the ones they kept talking about.'];
  const picksGold = [...picksIntro, ...PICKS.map(([name, text]) => `${name}: ${text}.`)];
  pages.push({ name: 'check-picks-linked', cls: 'lists', part: 'check', html: frame(picksTitle, `<article><h1>${picksTitle}</h1>${P(picksIntro)}<ul>${PICKS.map(([name, text], i) => `<li><a href="/b/${i}">${name}</a>: ${text}.</li>`).join('')}</ul></article>`), gold: picksGold });
  const numberedGold = [...picksIntro, ...PICKS.flatMap(([name, text], i) => [`${i + 1}. ${name}`, `It is ${text}, and it is the one our reviewers passed around the office first.`])];
  pages.push({ name: 'check-picks-numbered', cls: 'lists', part: 'check', html: frame(picksTitle, `<div class="content"><h1>${picksTitle}</h1>${P(picksIntro)}${PICKS.map(([name, text], i) => `<div class="pick"><h2>${i + 1}. ${name}</h2><p>It is ${text}, and it is the one our reviewers passed around the office first.</p></div>`).join('')}</div>`), gold: numberedGold });
  // check, written after the sandwiched-list rule and scored once: a packing list and a timeline between prose
  const packTitle = 'What to take on a winter walk in the hills';
  const packIntro = ['Short days and sudden weather make a winter walk a different thing from a summer stroll, and the rangers at the visitor centre see people caught out every weekend.', 'They suggest checking this list the night before you set off.'];
  const packItems = ['two pairs of wool socks', 'a warm hat and gloves', 'a waterproof jacket with a hood', 'a flask of something hot', 'a map and a compass', 'a head torch with spare batteries', 'a charged phone in a dry bag', 'enough food for the whole day'];
  const packOutro = ['Tell someone where you are going and when you expect to be back, and turn round early if the cloud comes down on the tops.', 'The rangers say most of the people they rescue had a map but had never learned to use it.'];
  pages.push({ name: 'check-packing', cls: 'lists', part: 'check', html: frame(packTitle, `<article><h1>${packTitle}</h1>${P(packIntro)}<h3>In the rucksack</h3><ul>${packItems.map((x) => `<li>${x}</li>`).join('')}</ul>${P(packOutro)}</article>`), gold: [...packIntro, 'In the rucksack', ...packItems, ...packOutro] });
  const lineTitle = 'Sixty years of the ferry to the island';
  const lineIntro = ['The ferry to the island made its first crossing on a grey morning in the spring of 1964, with eleven passengers and a van of post on board.', 'Since then the service has changed hands four times and its boats have grown from a converted fishing vessel to a ship that carries sixty cars.'];
  const lineItems = ['1964: the first crossing, twice a day in summer only', '1971: a winter timetable for the island school', '1983: the first boat able to carry cars', '1997: the service is sold to the county', '2009: a new pier on the island side', '2024: a hybrid ship joins the route'];
  const lineOutro = ['Islanders say the ferry is still the thing that decides whether a day goes well or badly, and the anniversary will be marked with free crossings all weekend.'];
  pages.push({ name: 'check-timeline', cls: 'lists', part: 'check', html: frame(lineTitle, `<div class="story"><h1>${lineTitle}</h1>${P(lineIntro)}<ul class="timeline">${lineItems.map((x) => `<li>${x}</li>`).join('')}</ul>${P(lineOutro)}</div>`), gold: [...lineIntro, ...lineItems, ...lineOutro] });
  return pages;
}

export function pageClassPages(): Page[] {
  return [...commentPages(), ...tailPages(), ...listPages()];
}

function rows(scored: readonly { page: Page; p: number; r: number }[], prefix: string): ScoreRow[] {
  const score = (set: readonly { p: number; r: number }[]) => {
    const p = mean(set.map((s) => s.p));
    const r = mean(set.map((s) => s.r));
    return { p, r, f: f1(p, r) };
  };
  const all = score(scored);
  const tuning = score(scored.filter((s) => s.page.part === 'tuning'));
  const check = score(scored.filter((s) => s.page.part === 'check'));
  return [
    { metric: `${prefix}.p`, value: all.p, tuning: tuning.p, check: check.p },
    { metric: `${prefix}.r`, value: all.r, tuning: tuning.r, check: check.r },
    { metric: `${prefix}.f1`, value: all.f, tuning: tuning.f, check: check.f },
  ];
}

export const task: EvalTask = {
  name: 'page-classes',
  async run() {
    const pages = pageClassPages();
    const out: ScoreRow[] = [];
    const debug = process.env['CLEANING_DEBUG'];
    for (const format of ['html', 'txt'] as const) {
      const scored = pages.map((page) => {
        const input = format === 'html' ? page.html : htmlLines(page.html).join('\n');
        const c = shingleMatch(page.gold.join('\n\n'), cleanDocument(input, format === 'html' ? 'html' : 'text').body);
        const s = { page, p: precision(c), r: recall(c) };
        if (debug) console.error(`${format} ${page.part} ${page.cls} ${page.name} p=${s.p.toFixed(3)} r=${s.r.toFixed(3)}`);
        return s;
      });
      for (const cls of ['comments', 'tail', 'lists'] as const) out.push(...rows(scored.filter((s) => s.page.cls === cls), `${cls}.${format}`));
    }
    return out;
  },
};
