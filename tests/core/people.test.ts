import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/core/analyze.js';
import { findPeople } from '../../src/core/people.js';
import { splitSentences } from '../../src/core/sentences.js';
import type { Person } from '../../src/core/types.js';

function people(text: string): Person[] {
  return findPeople(text, splitSentences(text));
}

function byName(list: readonly Person[], name: string): Person | undefined {
  return list.find((p) => p.name === name);
}

function names(list: readonly Person[]): string[] {
  return list.map((p) => p.name);
}

const articles = join(import.meta.dirname, '..', '..', 'articles');

describe('findPeople on the seed articles (through the whole pipeline)', () => {
  it('finds the ambassador and the Hanoi Party chief, counts "Hue", skips the photographer', () => {
    const text = readFileSync(join(articles, 'us-looks-to-further-boost-comprehensive-partnership-with-hanoi.txt'), 'utf8');
    const found = analyzeText(text, 'text').people;
    const ambassador = byName(found, 'Daniel Kritenbrink');
    expect(ambassador?.role).toBe('US Ambassador to Vietnam');
    expect(ambassador?.aliases).toContain('Kritenbrink');
    const hue = byName(found, 'Vuong Dinh Hue');
    expect(["Hanoi's Party chief", 'Secretary of Hanoi’s Party Committee']).toContain(hue?.role);
    expect(hue?.aliases).toContain('Hue');
    // Three full-name mentions plus at least the six sentences led by "Hue".
    expect(hue?.mentions).toBeGreaterThanOrEqual(8);
    expect(names(found).some((n) => n.includes('Thanh Hai'))).toBe(false);
    expect(found.length).toBe(2);
  });

  it('finds Blinken, Trong, Son, Chinh and Biden with their roles, not the photographer', () => {
    const text = readFileSync(join(articles, 'blinken-seeks-to-strengthen-us-ties-with-vietnam.txt'), 'utf8');
    const found = analyzeText(text, 'text').people;
    expect(byName(found, 'Antony Blinken')?.role).toBe('U.S. Secretary of State');
    expect(byName(found, 'Nguyen Phu Trong')?.role).toBe('general secretary of Vietnamese Communist Party');
    expect(byName(found, 'Bui Thanh Son')?.role).toBe('Foreign Minister');
    expect(byName(found, 'Pham Minh Chinh')?.role).toBe('Prime Minister');
    expect(byName(found, 'Joe Biden')?.role).toBe('President');
    expect(names(found).some((n) => n.includes('Bonnie Cash'))).toBe(false);
    // "Blinken's" and "Blinken" count to the same person, who leads the list.
    expect(found[0]?.name).toBe('Antony Blinken');
    expect(found[0]?.aliases).toContain('Blinken');
    expect(byName(found, 'Nguyen Phu Trong')?.aliases).toContain('Trong');
  });
});

describe('findPeople: name orders and later references', () => {
  it('joins a Chinese surname given first ("Xi") to the full name, possessive included', () => {
    const found = people("Chinese President Xi Jinping met Vietnamese leaders on Monday. Xi said the talks went well. Later Xi's aides left.");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: 'Xi Jinping', role: 'Chinese President', mentions: 3 });
    expect(found[0]!.aliases).toEqual(['Xi']);
  });

  it('joins a Korean surname ("Moon") to "Moon Jae-in"', () => {
    const found = people('South Korean President Moon Jae-in arrived in Hanoi. Moon told reporters he was pleased.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: 'Moon Jae-in', mentions: 2 });
  });

  it('joins a Vietnamese given name, the last word, to the full name', () => {
    const found = people('Nguyen Xuan Phuc visited the port. Phuc later met workers, and Phuc spoke of exports.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: 'Nguyen Xuan Phuc', mentions: 3, aliases: ['Phuc'] });
  });

  it('gives a shared surname to the person named most recently', () => {
    const found = people('Mark Waugh made 50 and Steve Waugh made 22. Later Waugh was out.');
    expect(byName(found, 'Steve Waugh')?.mentions).toBe(2);
    expect(byName(found, 'Mark Waugh')?.mentions).toBe(1);
  });

  it('keeps "Mr." out of the name and takes the speaker alone as a person', () => {
    const found = people('Mr. Smith said the plan would fail. "It is wrong," said Smith.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: 'Smith', mentions: 2 });
  });

  it('reads a title set off by a comma, and no role from a clause that names someone else', () => {
    const found = people(
      "Trump's spokesman, Steven Cheung, called it a travesty. Jerry Hall visited the Kennedy Center, along with bank chief executive David Solomon.",
    );
    expect(byName(found, 'Steven Cheung')?.role).toBe("Trump's spokesman");
    expect(byName(found, 'Jerry Hall')?.role).toBeNull();
    expect(byName(found, 'David Solomon')?.role).toBe('chief executive');
    expect(names(found)).not.toContain('Kennedy Center');
  });

  it('ends an apposition at a relative clause and refuses one that opens with a participle', () => {
    const found = people(
      'Lloyd Grove, the magazine editor who wrote the profile, agreed. Melania Trump, providing a boost to the candidate, smiled.',
    );
    expect(byName(found, 'Lloyd Grove')?.role).toBe('magazine editor');
    expect(byName(found, 'Melania Trump')?.role).toBeNull();
  });

  it('reads an apposition after the name as the role', () => {
    const found = people("Lee Hsien Loong, Singapore's prime minister, said on Monday that Lee would not step down.");
    expect(found[0]).toMatchObject({ name: 'Lee Hsien Loong', role: "Singapore's prime minister", mentions: 2 });
  });
});

describe('findPeople: what is not a person', () => {
  it('rejects companies, places, teams, months and nationalities', () => {
    const found = people(
      'Shares of Jones Medical Industries rose in New York on Monday, and Smith Barney Inc. said Ford Motor Co. would gain. ' +
        'The Cleveland Indians beat the New York Yankees in May. Iraqis and North Africans marched in Hong Kong.',
    );
    expect(found).toEqual([]);
  });

  it('drops photo credits and bylines but keeps the people of the story', () => {
    const found = people(
      'Daniel Walker opened the bridge. Photo: Thanh Hai.\n\nFile Photo by Bonnie Cash/UPI\n\nBy John Smith\n\n' +
        'Reporting by Jane Doe; Editing by Tom Roe\n\nAnna Bell said the bridge was late.',
    );
    expect(names(found).sort()).toEqual(['Anna Bell', 'Daniel Walker']);
  });

  it('rejects companies named after people and agency photo credits', () => {
    const found = people(
      'Goldman Sachs and Morgan Stanley said Wells Fargo would lose. President Joe Biden spoke in Ohio. ' +
        '(AP Photo/Evan Vucci)\n\nREUTERS/Kevin Lamarque\n\nPhotograph: Jane Doe/Guardian',
    );
    expect(names(found)).toEqual(['Joe Biden']);
  });

  it('cuts a long title off the name it introduces', () => {
    const found = people('"He is great," Panamanian Boxing Association President Ramon Ortega said.');
    expect(found[0]).toMatchObject({ name: 'Ramon Ortega', role: 'Panamanian Boxing Association President' });
  });

  it('keeps particles inside names and splits a party label off an abbreviated office', () => {
    const found = people('Democratic Sen. Joe Manchin met Marine Le Pen in El Salvador. Le Pen said Manchin was wrong.');
    expect(names(found).sort()).toEqual(['Joe Manchin', 'Marine Le Pen']);
    expect(byName(found, 'Joe Manchin')).toMatchObject({ role: 'Democratic Sen.', mentions: 2 });
    expect(byName(found, 'Marine Le Pen')?.mentions).toBe(2);
  });

  it('keeps regnal numbers and particles in names', () => {
    const found = people('Queen Elizabeth I ruled England. Springbok scrum-half Joost van der Merwe scored twice.');
    expect(names(found).sort()).toEqual(['Elizabeth I', 'Joost van der Merwe']);
    expect(byName(found, 'Elizabeth I')?.role).toBe('Queen');
  });

  it('takes no names from a capitalised headline but counts a known surname there', () => {
    const found = people('WALKER OPENS BRIDGE IN HANOI\n\nDaniel Walker opened the bridge on Friday.');
    expect(names(found)).toEqual(['Daniel Walker']);
    expect(found[0]!.mentions).toBe(2);
  });

  it('takes no names from a title-case headline', () => {
    const found = people('Biden Meets Xi In Bali To Talk Trade\n\nPresident Joe Biden met Xi Jinping on Monday. Xi smiled.');
    expect(names(found)).toEqual(['Joe Biden', 'Xi Jinping']);
    expect(byName(found, 'Xi Jinping')?.mentions).toBe(3);
  });
});

describe('findPeople: a name and where it is from', () => {
  it('takes the place or body after "<name> of" as neither a person nor a role-holder', () => {
    const found = people('Premier Jason Kenney of Alberta said the pipeline must be built. Kenney blamed Ottawa.');
    expect(names(found)).toEqual(['Jason Kenney']);
    expect(byName(found, 'Jason Kenney')?.role).toBe('Premier');
  });
  it('keeps "First Nations", "Aski Nation" and "Parti Québécois" out of the people', () => {
    const text =
      'Chief Perry Bellegarde of the Assembly of First Nations said the government must act. ' +
      'Grand Chief Alvin Fiddler of Nishnawbe Aski Nation welcomed him. ' +
      'Jean-François Lisée, the former Parti Québécois leader, called the decision a mistake.';
    expect(names(people(text)).sort()).toEqual(['Alvin Fiddler', 'Jean-François Lisée', 'Perry Bellegarde']);
  });
  it('gives no role from a title phrase that names someone else', () => {
    const found = people('Coach Dana Whitlock of Moncton said the team was tired.');
    expect(names(found)).toEqual(['Dana Whitlock']);
  });
});

describe('findPeople: results tables and line-ups', () => {
  it('finds ranked athletes with their country in brackets', () => {
    const found = people('Men\'s 100 metres\n\n1. Oskar Brandtvik (Norway) 10.01\n\n2. Tarik Ouazzani (Morocco) 10.05');
    expect(names(found).sort()).toEqual(['Oskar Brandtvik', 'Tarik Ouazzani']);
  });

  it('takes surnames in a line-up beside known players as people', () => {
    const found = people(
      'Kevin Doyle of Wexford joins Liam Farrell up front.\n\nThe team is: Brannigan, Oduya, Kestrel, Farrell, Doyle.',
    );
    expect(names(found).sort()).toEqual(['Brannigan', 'Kestrel', 'Kevin Doyle', 'Liam Farrell', 'Oduya']);
    expect(byName(found, 'Liam Farrell')?.mentions).toBe(2);
  });

  it('reads cricket scorecard markers', () => {
    const found = people('A. Ranji c Okonkwo b Halvorsen 50');
    expect(names(found).sort()).toEqual(['A. Ranji', 'Halvorsen', 'Okonkwo']);
  });
});

describe('findPeople: order', () => {
  it('puts the most mentioned, earliest, titled speaker first', () => {
    const found = people(
      'Prime Minister Helen Ostrova met Peter Lindqvist on Tuesday. Ostrova said trade would grow. ' +
        'Lindqvist listened. Ostrova added that talks would go on.',
    );
    expect(names(found)).toEqual(['Helen Ostrova', 'Peter Lindqvist']);
    expect(found[0]).toMatchObject({ role: 'Prime Minister', mentions: 3 });
    expect(found[0]!.spans).toHaveLength(3);
  });
});
