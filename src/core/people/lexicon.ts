/**
 * Hand-written word lists that tell a person's name from the other capitalised words of news text.
 * All entries are lower case; lookups lower-case the token first.
 */

function words(text: string): Set<string> {
  return new Set(text.split(/\s+/).filter((w) => w !== ''));
}

/** Honorifics that sit before a name and are not part of it ("Mr.", "Dr", "Sir"). */
export const HONORIFICS = words(`
  mr mrs ms miss mx dr sir dame lord lady prof professor rev reverend fr father messrs mme mlle herr frau
  sen rep gov gen lt col capt sgt cpl pres supt insp det adm maj cmdr hon monsieur madame senor senora
  sheikh sheik imam rabbi ayatollah mullah emir
`);

/**
 * Role and title words. Before a name they make it a person ("President X", "coach X") and are
 * trimmed off it; around a name they form its role.
 */
export const ROLE_WORDS = words(`
  president vice-president minister premier chancellor secretary ambassador envoy consul senator congressman
  congresswoman representative governor mayor chairman chairwoman chairperson chair director ceo cfo coo founder
  co-founder owner executive officer spokesman spokeswoman spokesperson adviser advisor aide counsel attorney
  lawyer prosecutor judge justice magistrate commissioner commander chief head leader boss deputy
  general colonel major captain lieutenant sergeant admiral marshal corporal private
  king queen prince princess emperor empress duke duchess pope cardinal archbishop bishop priest pastor
  sheikh sultan emir chancellor
  coach manager trainer striker midfielder defender goalkeeper keeper forward winger fullback quarterback pitcher
  batsman bowler all-rounder spinner opener wicketkeeper skipper player champion cyclist rider driver runner
  sprinter swimmer golfer boxer jockey seed veteran rookie international
  analyst economist strategist trader dealer broker banker
  professor researcher scientist doctor economist historian author writer novelist poet journalist reporter
  editor correspondent photographer columnist actor actress singer director producer artist musician
  conductor composer pianist violinist cellist dancer choreographer ballerina designer architect painter sculptor
  comedian presenter broadcaster host chef model rapper drummer guitarist bassist playwright screenwriter
  filmmaker biographer curator photographer
  candidate challenger incumbent rebel activist dissident negotiator mediator
  speaker whip treasurer controller auditor inspector superintendent constable detective officer
  superintendent chairman president-elect premier-elect nominee
  councillor councilor councilman councilwoman alderman alderwoman trustee sheriff
  father mother son daughter wife husband brother sister widow uncle aunt
  democrat republican socialist communist conservative liberal tory nationalist separatist lawmaker legislator
  mp deputy militant guerrilla warlord dictator strongman tycoon magnate billionaire millionaire
  mr mrs ms dr
`);

/** Capitalised words that qualify a role ("Foreign Minister", "Prime Minister", "Chief Executive"). */
export const ROLE_MODIFIERS = words(`
  prime foreign interior home finance defence defense trade economy economic health education justice
  labour labor energy agriculture culture transport environment industry commerce treasury state foreign-affairs
  deputy vice acting former ex first second senior junior chief executive general managing supreme
  assistant associate under attorney-general secretary-general
  party committee central national federal provincial regional city municipal people's
  grand crown head high lord co ex shadow interim rival
  democratic republican conservative labour liberal socialist green independent opposition ruling
`);

/** Capitalised articles that open place and paper names ("El Salvador", "Le Monde", "Los Angeles"). */
export const LEADING_ARTICLES = words(`
  el la le les los las il lo der die das
`);

/** Words that end or make up organisation names. */
export const ORG_WORDS = words(`
  party committee council department ministry agency office bureau commission authority board institute
  institution university college school academy hospital clinic foundation fund trust association society union
  federation league club team fc afc cf sc ac rfc united city rovers wanderers athletic athletico atletico
  county albion hotspur villa forest wednesday palace real sporting racing dynamo dinamo lokomotiv spartak
  bank bancorp inc corp corporation co ltd llc plc ag sa nv gmbh bv spa group holdings holding company companies
  industries international partners capital securities investments airlines airways motors systems technologies
  communications telecom energy oil petroleum mining resources pharmaceuticals electric electronics
  news times post journal herald tribune telegraph gazette press agency television tv radio network
  church mosque temple army navy force forces police guard court parliament congress senate assembly
  government administration embassy consulate cabinet house hall centre center street road avenue square
  river lake mountain island islands bay sea ocean airport station stadium park museum library
  exchange market index stock stocks bond bonds ministry cup championship championships open games olympics
  tour grand prix series trophy prize award festival conference summit treaty accord pact plan
  republic kingdom state states province region district territory federation emirates
  democrats republicans socialists communists conservatives liberals labour tories greens
  brothers sons & associates mirror mail express daily sunday weekly newsroom newsdesk desk
  dow nasdaq nikkei ftse dax cac hang seng
  interfax tass itar-tass xinhua kyodo bernama antara anatolian mena irna ansa efe dpa pap ctk mti bta hina
  sapa tanjug reuters ap afp upi bloomberg
  honda ford mercedes benz toyota nissan ferrari renault peugeot fiat bmw volkswagen audi porsche cosworth
  yamaha suzuki kawasaki ducati
  rights catholic protestant cross coast town cape lakes valley heights hills
  services data financial consolidated prison organisation organization front community motel hotel war
  revolution protocol act game record division management classic bros counties zeitung prensa gazzetta
  diario corriere stampa monde spiegel bridge hole star images book books awards theatre theater ballet opera
  orchestra gallery studios films records lib dem dems lords commons tories
  nation nations parti partido partei bloc
`);

/** Nicknames of sports teams and clubs (never the last word of a person's name). */
export const TEAM_WORDS = words(`
  yankees dodgers giants padres astros rockies marlins cubs mets braves reds pirates cardinals expos phillies
  orioles tigers twins royals rangers mariners angels athletics brewers jays sox indians
  bulls lakers celtics knicks nets pistons bucks heat magic hawks hornets spurs rockets suns jazz kings
  clippers warriors blazers sonics nuggets mavericks raptors grizzlies
  cowboys packers steelers patriots dolphins jets bills bears lions vikings saints falcons panthers buccaneers
  redskins eagles chiefs raiders broncos chargers seahawks oilers colts browns bengals ravens jaguars titans
  rams 49ers
  rovers wanderers albion orient vale thistle hearts celtic hibernian argyle harriers
  blacks wallabies springboks lions pumas
`);

/** Months, days and other calendar words. */
export const CALENDAR = words(`
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday
  christmas easter ramadan eid new year years day days week weekend
`);

/** Abbreviated months and days: calendar words only when they are not also names ("Jan", "Sat"). */
export const CALENDAR_ABBREVIATIONS = words(`
  jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
`);

/** Countries, nationalities, regions and large cities; they outrank the name gazetteer. */
export const PLACES = words(`
  afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
  bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina
  burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czech denmark
  djibouti dominica ecuador egypt eritrea estonia ethiopia fiji finland france gabon gambia georgia germany ghana
  greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel
  italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho
  liberia libya liechtenstein lithuania luxembourg macedonia madagascar malawi malaysia maldives mali malta
  mauritania mauritius mexico moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru
  nepal netherlands holland zealand nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay
  peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia
  slovenia somalia spain sudan suriname swaziland sweden switzerland syria taiwan tajikistan tanzania thailand
  togo tonga trinidad tobago tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu vatican
  venezuela vietnam viet yemen zaire zambia zimbabwe yugoslavia ussr britain england scotland wales ulster
  us u.s usa u.s.a uk u.k eu un u.n nato america americas europe asia africa antarctica arabia caribbean
  balkans scandinavia siberia caucasus kashmir chechnya tibet gaza hong kong macau puerto rico
  afghan albanian algerian american angolan argentine argentinian armenian australian austrian azeri
  bangladeshi belgian bolivian bosnian brazilian british briton bulgarian burmese cambodian cameroonian
  canadian chilean chinese colombian congolese croatian cuban cypriot czech danish dane dutch ecuadorean
  egyptian english eritrean estonian ethiopian european filipino finnish finn french georgian german ghanaian
  greek guatemalan haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian
  ivorian jamaican japanese jordanian kazakh kenyan korean kurdish kuwaiti latvian lebanese liberian libyan
  lithuanian macedonian malaysian malian maltese mexican moldovan mongolian moroccan mozambican namibian
  nepalese nigerian norwegian omani pakistani palestinian panamanian paraguayan peruvian polish pole
  portuguese qatari romanian russian rwandan saudi scottish scot senegalese serb serbian sierra singaporean
  slovak slovenian somali spanish spaniard sri sudanese swedish swede swiss syrian taiwanese tajik tanzanian
  thai tunisian turkish turk ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni yugoslav
  zambian zimbabwean kurd roman asian african arab arabic latin nordic western eastern northern southern
  west east north south central new old san santa st saint
  london paris berlin madrid rome moscow beijing tokyo washington york chicago boston dallas houston atlanta
  miami seattle denver detroit philadelphia phoenix angeles vegas toronto montreal vancouver
  ottawa sydney melbourne brisbane perth adelaide auckland wellington johannesburg cairo nairobi lagos
  delhi mumbai bombay calcutta kolkata madras chennai karachi lahore islamabad kabul tehran baghdad damascus
  beirut jerusalem amman riyadh dubai doha ankara istanbul athens vienna prague warsaw budapest bucharest
  sofia belgrade zagreb sarajevo kiev kyiv minsk riga vilnius tallinn helsinki stockholm oslo copenhagen
  amsterdam brussels geneva zurich bern lisbon dublin edinburgh glasgow manchester liverpool birmingham leeds
  hanoi saigon bangkok jakarta manila seoul pyongyang shanghai taipei singapore kuala lumpur havana lima
  bogota caracas brasilia janeiro sao aires monte mexico montevideo quito frankfurt munich
  hamburg cologne milan turin naples barcelona seville valencia marseille lyon nice monaco
  texas california florida virginia carolina dakota ohio michigan illinois indiana iowa kansas kentucky
  louisiana maine maryland massachusetts minnesota mississippi missouri montana nebraska nevada hampshire
  jersey oregon pennsylvania tennessee utah vermont wisconsin wyoming alabama alaska arizona arkansas
  colorado connecticut delaware hawaii idaho oklahoma
  ontario quebec alberta manitoba saskatchewan brunswick newfoundland labrador yukon nunavut
  calgary edmonton winnipeg saskatoon kitchener sudbury moncton fredericton iqaluit whitehorse yellowknife
  wall street downing kremlin pentagon whitehall capitol
`);

/**
 * Capitalised function words and frequent sentence openers: never a name on their own, and
 * trimmed from the edges of a candidate ("During Blinken's trip" → "Blinken").
 */
export const FUNCTION_WORDS = words(`
  a an the this that these those there here his her its their our my your we they he she it i you me him us them
  who whom whose which what when where why how whether if then than so but and or nor for yet because although
  though while whilst after before since until unless as at by in into on onto of off out over under up down
  to with within without about above across against along among around behind below beneath beside besides between
  beyond despite during except from inside near outside past per through throughout toward towards upon via
  all any both each either every few many more most much neither no none not nothing one other others several
  some such another
  also already always even ever however instead just later meanwhile moreover never now often once only
  perhaps rather really still then therefore thus too very well yesterday today tomorrow tonight
  last next early late first second third
  is are was were be been being am do does did have has had will would shall should can could may might must
  said says say told asked added according
  mr mrs ms dr
  yes no oh ok okay please thanks thank add men women boys girls everyone everybody nobody someone
  police officials analysts sources reports report people government authorities traders dealers economists
  diplomats witnesses eyewitnesses residents investors experts critics paper newspaper magazine statement
  earlier recently overall finally total result results scores score standings table
  note notes editor editors update updated photo photos picture pictures video file reuters ap afp upi
  page section chapter part
  related advertisement share read watch click subscribe login log sign
  internet online web email
`);

/** Words that, right after a name, show a person is speaking or acting. */
export const SPEECH_VERBS = words(`
  said says say told tells added adds asked asks stated states noted notes explained explains argued argues
  insisted insists warned warns claimed claims announced announces declared declares replied replies
  wrote writes admitted admits acknowledged acknowledges believes believed thinks thought urged urges called
  stressed stresses emphasised emphasized informed reiterated confirmed denied denies
`);

/** Companies and brands named after people, written as their words joined by one space. */
export const EPONYMOUS_ORGS = new Set(
  [
    'goldman sachs', 'morgan stanley', 'wells fargo', 'charles schwab', 'dow jones', 'merrill lynch', 'lehman brothers',
    'bear stearns', 'smith barney', 'ernst young', 'procter gamble', 'johnson johnson', 'marks spencer', 'rolls royce',
    'harley davidson', 'hewlett packard', 'mercedes benz', 'louis vuitton', 'estee lauder', 'ralph lauren', 'calvin klein',
    'tommy hilfiger', 'warner bros', 'jp morgan', 'j p morgan', 'jpmorgan chase', 'john lewis', 'ben jerry', 'dolce gabbana',
    'abercrombie fitch', 'price waterhouse', 'arthur andersen', 'kellogg', 'charles de gaulle', 'john wiley',
    'simon schuster', 'lloyds', 'sotheby', 'christie', 'walt disney world', 'carl zeiss', 'robert bosch', 'ford motor',
    'dean witter', 'paine webber', 'salomon brothers', 'kidder peabody', 'edward d jones',
  ],
);
