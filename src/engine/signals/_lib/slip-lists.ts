/**
 * slip-lists — the word lists of the writer-slips signal (src/engine/signals/_lib/slip-markers.ts): abbreviations
 * that may end a sentence-like run, grammatical doubled words, English contractions without their apostrophe,
 * frequent misspellings, chat abbreviations. Lower case; compared with each word's lower-cased form.
 * Why these: each was checked against the data sets of the project's research (issue 9): markers found in machine
 * texts of any source (gonna, wanna, gotta, ya, u, k: dialogue and casual requests) were left out.
 * Limits: short closed lists; "ill" (sick) is not an apostrophe slip, "hes" is; words that are also names or
 * abbreviations in some fields (e.g. "bc") can be false alarms.
 */
export type SlipLang = 'en' | 'fr';

/** Lower-case words that end with a full stop without ending a sentence. */
export const ABBREV = new Set(['etc', 'vs', 'approx', 'fig', 'figs', 'cf', 'resp', 'incl', 'est', 'vol', 'ibid', 'viz', 'eds', 'pp', 'min', 'max', 'sec', 'hrs', 'nos', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'env', 'av', 'ex', 'réf', 'chap', 'coll', 'dir', 'éd', 'trad', 'cit', 'op', 'art', 'al', 'ed', 'no', 'cca', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'gov', 'govt', 'mrs', 'mme', 'mlle', 'ms', 'mr', 'dr', 'st', 'jr', 'sr', 'vert', 'var', 'spp', 'sp', 'subsp', 'lat', 'lit', 'sing', 'pl', 'masc', 'fem']);

/** Words that may be doubled grammatically or by habit ("that that", "had had", "nous nous", "very very"). "the the"
 * is not among them. */
export const DOUBLED_OK = new Set(['that', 'had', 'is', 'nous', 'vous', 'bye', 'so', 'very', 'no', 'yes', 'ha', 'la', 'tout', 'many', 'far', 'more', 'bien', 'très', 'really', 'oh', 'de', 'le', 'l', 'in', 'on', 'out', 'up', 'down', 'hear', 'again', 'over', 'round', 'chop', 'knock', 'go', 'tsk', 'blah', 'hip', 'step', 'one', 'two', 'side', 'by', 'little', 'long', 'ago', 'quick', 'fort', 'peu', 'vite', 'ça', 'non', 'oui', 'si', 'pas', 'à']);

/** English contractions written without their apostrophe (counted when written in lower case). */
export const APOSTROPHE_EN = new Set(['dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'werent', 'arent', 'havent', 'hasnt', 'hadnt', 'couldnt', 'shouldnt', 'wouldnt', 'mustnt', 'im', 'ive', 'youre', 'youve', 'theyre', 'theyve', 'thats', 'whats', 'theres', 'heres', 'hes', 'shes', 'itll', 'youll', 'theyll', 'wouldve', 'couldve', 'shouldve', 'aint', 'didn', 'doesn', 'isn']);

/** Frequent misspellings (and, in French, forms written without apostrophe or accent that are never words). */
export const MISSPELL: Record<SlipLang, Set<string>> = {
  en: new Set(['alot', 'becuase', 'beacuse', 'becasue', 'recieve', 'recieved', 'definately', 'definatly', 'seperate', 'seperately', 'occured', 'goverment', 'enviroment', 'tommorow', 'tommorrow', 'truely', 'begining', 'beleive', 'belive', 'arguement', 'wierd', 'untill', 'wich', 'thier', 'noone', 'thru', 'alright', 'infact', 'aswell', 'eachother', 'incase', 'alittle', 'everytime', 'atleast', 'ofcourse', 'anyways', 'basicly', 'finaly', 'realy', 'sucess', 'succesful', 'neccessary', 'necesary', 'accomodate', 'occurence', 'existance', 'independant', 'resturant', 'knowlege', 'oppurtunity', 'oportunity', 'studing', 'writting', 'wether', 'whith', 'becouse', 'teh', 'taht', 'adn', 'wiht', 'thta', 'wont', 'cant', 'shouldnt']),
  fr: new Set(['parceque', 'malgrés', 'quelquun', 'aujourdhui', 'language', 'bizzare', 'developpement', 'dévelopement', 'apartement', 'appartemment', 'connection', 'addresse', 'exemplaire', 'pourcentage', 'quelques-un', 'entrain', 'sa va', 'dailleurs', 'jusqua', 'cest', 'jai', 'jsuis', 'chui', 'ptet', 'ptetre', 'ya', 'kelke', 'quand-même', 'biensur', 'bien-sur', 'surement', 'voila', 'deja', 'etre', 'tres', 'apres', 'meme', 'probleme']),
};

/** Chat abbreviations (counted when written in lower case). */
export const CHAT: Record<SlipLang, Set<string>> = {
  en: new Set(['ur', 'lol', 'idk', 'tbh', 'imo', 'imho', 'btw', 'omg', 'ppl', 'bc', 'cuz', 'coz', 'tho', 'dunno', 'lmao', 'smh', 'pls', 'plz', 'thx', 'rn', 'irl', 'afaik', 'fwiw', 'yall']),
  fr: new Set(['mdr', 'ptdr', 'jsp', 'tkt', 'pk', 'pq', 'pcq', 'bcp', 'slt', 'stp', 'cc', 'dsl', 'jpp', 'osef', 'oklm', 'wsh', 'koi', 'ke', 'kan', 'tjrs', 'tjs', 'qd', 'qq', 'qqn', 'qqch', 'vrmt', 'grv', 'bjr', 'jvais', 'chais', 'chépa', 'ouais']),
};
